"""`prisma-lint lsp`: a Language Server Protocol server over stdio (built on pygls).

* `server`   - the features: diagnostics on open/change/save, quick fixes and fix-all, hover, config reload.
* `convert`  - positions: the linter's lines, columns and byte offsets to the protocol's ranges.
* `documents` - which schema a document belongs to and the text it is linted with.
"""

from __future__ import annotations

from typing import Sequence

__all__ = ["serve"]


def serve(argv: Sequence[str] = ()) -> int:
    """Run the server on stdin/stdout until the editor stops it."""
    import argparse

    parser = argparse.ArgumentParser(prog="prisma-lint lsp", description="Run the prisma-lint language server "
                                     "on standard input and output (for editors; see docs/editors.md).")
    parser.add_argument("--debounce", type=float, default=0.3, metavar="SECONDS",
                        help="wait this long after the last change before linting (default 0.3)")
    args = parser.parse_args(list(argv))
    from prisma_lint.lsp.server import build_server

    build_server(debounce=args.debounce).start_io()
    return 0
