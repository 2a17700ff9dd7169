"""Standard output that says clearly why it cannot be written.

A report that cannot be written is a failed run, not a crash: standard output closed (`prisma-lint ... >&-`),
a full disk (`> /dev/full`), or an encoding that cannot represent a character of the report (a schema
with `Pätient` on an ASCII terminal). `guarded_stdout()` wraps `sys.stdout` for the run so that each
of these raises `OutputError` with one line to print; the CLI prints it on stderr and exits 2.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Iterator

__all__ = ["OutputError", "guarded_stdout"]


class OutputError(Exception):
    """The report cannot be written to standard output."""


class _GuardedStream:
    def __init__(self, stream) -> None:
        self._stream = stream

    def _fail(self, error: Exception) -> OutputError:
        if isinstance(error, UnicodeEncodeError):
            character = error.object[error.start:error.end]
            return OutputError(f"cannot write the report: standard output's encoding ({error.encoding}) cannot "
                               f"represent {character!r}; set PYTHONIOENCODING=utf-8 or use a UTF-8 locale")
        if isinstance(error, ValueError):  # the stream was closed under us
            return OutputError("cannot write the report: standard output is closed")
        assert isinstance(error, OSError)
        return OutputError(f"cannot write the report to standard output: {error.strerror or error}")

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise  # the reader left (`| head`): not an error of ours
        except (OSError, UnicodeEncodeError, ValueError) as error:
            raise self._fail(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise self._fail(error) from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _discard_pending_output() -> None:
    """Point file descriptor 1 at the null device, so the interpreter's own flush at exit cannot print a
    second, Python-worded error about the same failure."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


@contextlib.contextmanager
def guarded_stdout() -> Iterator[None]:
    """Run with `sys.stdout` raising OutputError for a write that fails, and flush it at the end so that a
    full disk is found here rather than at interpreter exit."""
    if sys.stdout is None:  # started with stdout closed: Python leaves sys.stdout unset
        raise OutputError("cannot write the report: standard output is closed")
    original = sys.stdout
    sys.stdout = _GuardedStream(original)
    try:
        yield
        sys.stdout.flush()
    except (OutputError, BrokenPipeError):
        if original is sys.__stdout__:  # not when a test captures the output
            _discard_pending_output()
        raise
    finally:
        sys.stdout = original
