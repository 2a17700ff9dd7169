"""Prisma Schema Language parser: tokenizer, Lark grammar, AST builder and error recovery.

How a file is parsed: `lexer.tokenize` cuts it into lines of tokens; `reader.Reader` reads them rule by
rule of `prisma.lark` (recursive descent, a line at a time), calling `transformer.AstBuilder`'s method
for each rule with the children Lark's parser would pass; on the first token that does not fit, `parser`
starts again with Lark's own parser (`grammar.py`), block by block, to report every syntax error.
tests/test_parser_differential.py checks that the reader builds exactly what `Lark.parse` builds, and
rejects exactly what it rejects, on fixtures, rule cases and Hypothesis schemas.

The speed mechanisms that remain, each with the figure that keeps it (benchmarks/README.md has the
set-up and the mechanisms that were measured and removed):

1. The reader (reader.py) instead of `Lark.parse`: a valid file never imports Lark (34 ms of import,
   90 ms of grammar analysis per process), and the reader is 1.3x faster than the LALR loop over Lark's
   tables it replaced, itself 1.5x faster than `Lark.parse` (realistic 1,000-model schema).
2. AST nodes built by the builder's methods while reading, never a parse tree: half the time and memory
   of building a tree and transforming it.
3. The cyclic garbage collector paused while a file is parsed (parser._no_gc): a parse allocates
   millions of objects and no cycles, and with the collector on it runs 1.7x slower; the new objects
   are then moved to the oldest generation (`gc.freeze`/`unfreeze`) so the next collection does not
   scan the whole AST (20% of the parse time on the next parse, 0.5 s on a 6 MB schema).
4. A hand-written `re` tokenizer (lexer.py), one `findall` per line (plain tuples, 1.1x faster over the
   whole parse than `finditer`'s match objects): it also does the context-sensitive work the grammar
   cannot (keywords only where a block starts, comments on the side), and yields one line at a time,
   so the tokens of a big file never all exist at once.
"""

from prisma_lint.parser.errors import PrismaSyntaxError, SyntaxProblem
from prisma_lint.parser.parser import parse, parse_files, parse_path, schema_files

__all__ = ["PrismaSyntaxError", "SyntaxProblem", "parse", "parse_files", "parse_path", "schema_files"]
