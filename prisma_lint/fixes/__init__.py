"""Fixes: applying the edits rules attach to diagnostics (`Diagnostic.edits`), in memory and to files.

* `edits`  - apply one text's edits, keeping its line endings; choose fixes that do not overlap.
* `engine` - the fix loop: lint, apply what does not overlap, re-lint, until stable (bounded passes).
* `files`  - read a schema file as it is (BOM, mode) and write it back atomically, never over a change.
* `diff`   - the unified diff of a fix, for `--diff`.
* `builders` - edits rules attach to their diagnostics (add an attribute, a line, an argument; remove a
  comment), made from the AST's spans and the file's text so the file's formatting is kept.
* `command` - the command line's `--fix`, `--fix-only` and `--diff`.

Nothing is imported here, so a rule that imports `builders` does not load the engine.
"""


