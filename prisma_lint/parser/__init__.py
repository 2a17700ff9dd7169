"""Prisma Schema Language parser: tokenizer, Lark grammar, AST builder and error recovery.

How a file is parsed: `lexer.tokenize` cuts it into lines of tokens; `driver.Driver` walks the LALR
tables that Lark computed from `prisma.lark` (`tables.py`), calling `transformer.AstBuilder`'s methods
as it reduces; on the first token that does not fit, `parser` starts again with Lark's own parser
(`grammar.py`), block by block, to report every syntax error. tests/test_parser_differential.py checks
that the fast path builds exactly what `Lark.parse` builds, on fixtures, rule cases and Hypothesis
schemas.

The speed mechanisms that remain, each with the figure that keeps it (benchmarks/README.md has the
set-up and the mechanisms that were measured and removed):

1. Our own LALR loop over generated tables (driver.py, tables.py) instead of `Lark.parse`: 1.55x
   faster on the same tokens with the same AST builder (realistic 1,000-model schema), and a valid
   file never imports Lark (34 ms of import, 90 ms of grammar analysis per process).
2. AST nodes built by reduce callbacks while parsing, never a parse tree: half the time and memory of
   building a tree and transforming it.
3. Repetitions written as left-recursive list rules that append to one list (prisma.lark): Lark's
   `*` expansion would build and flatten a helper node per item, a tenth of the parse time.
4. The cyclic garbage collector paused while a file is parsed (parser._no_gc): a parse allocates
   millions of objects and no cycles, and with the collector on it runs 1.7x slower; the new objects
   are then moved to the oldest generation (`gc.freeze`/`unfreeze`) so the next collection does not
   scan the whole AST (20% of the parse time on the next parse, 0.5 s on a 6 MB schema).
5. A hand-written `re` tokenizer (lexer.py), one compiled expression per line: it also does the
   context-sensitive work the LALR grammar cannot (keywords only where a block starts, newline runs,
   comments on the side), and yields one line at a time, so the tokens of a big file never all exist
   at once.
"""

from prisma_lint.parser.errors import PrismaSyntaxError, SyntaxProblem
from prisma_lint.parser.parser import parse, parse_files, parse_path, schema_files

__all__ = ["PrismaSyntaxError", "SyntaxProblem", "parse", "parse_files", "parse_path", "schema_files"]
