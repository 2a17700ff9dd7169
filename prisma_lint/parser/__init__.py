"""Prisma Schema Language parser: tokenizer, Lark grammar, AST builder and error recovery.

How a file is parsed: `lexer.tokenize` cuts it into lines of tokens; `reader.Reader` reads them rule by
rule of `prisma.lark` (recursive descent, a line at a time), calling `transformer.AstBuilder`'s method
for each rule with the children Lark's parser would pass; on the first token that does not fit, `parser`
starts again with Lark's own parser (`grammar.py`), block by block, to report every syntax error.
tests/test_parser_differential.py checks that the reader builds exactly what `Lark.parse` builds, and
rejects exactly what it rejects, on fixtures, rule cases and Hypothesis schemas.

The speed mechanisms that remain, each with the figure that keeps it (MB/s of CPU time on the realistic
1,000-model schema; benchmarks/README.md has the set-up, more files, and the mechanisms measured and
removed):

1. The reader (reader.py) instead of an LALR parser: 3.31 against 2.63 for our loop over Lark's tables
   (itself 1.5x faster than `Lark.parse`), and a valid file never imports Lark (35 ms of import, 90 ms
   of grammar analysis per process).
2. AST nodes built by the builder's methods while reading, never a parse tree: half the time and memory
   of building a tree and transforming it.
3. The cyclic garbage collector paused while a file is parsed (parser._no_gc): a parse allocates
   millions of objects and no cycles; 3.7-3.9 against 2.3-2.6 with the collector on. The new objects
   are then moved to the oldest generation (`gc.freeze`/`unfreeze`) so that the next collections do
   not scan the whole AST: 3.7-3.9 against 3.0 on repeated parses without it.
4. A hand-written `re` tokenizer (lexer.py), one `findall` per line, whose plain tuples are cheaper to
   walk than `finditer`'s match objects (3.60 against 3.31), reading the line in place in the text
   (`pos`, `endpos`: 3-5% more). It also does the context-sensitive work the
   grammar cannot (keywords only where a block starts, comments on the side), and yields one line at a
   time, so the tokens of a big file never all exist at once.
5. Node `__init__`s that store each field through its slot's descriptor (prisma_lint.ast.nodes._node),
   1.8x faster per node than the frozen dataclass `__init__`: 4.00 against 3.61, with a member's
   comments looked up in one call.
6. One string per name of a file (lexer `shared`, `ParseContext.attribute_names`): a memory mechanism,
   3% slower to parse, but the AST of the clean 10,000-model file takes 264 MB of peak RSS instead of
   301, and linting it 350 MB and 3.98 s of CPU instead of 390 MB and 4.35 s.
"""

from prisma_lint.parser.errors import PrismaSyntaxError, SyntaxProblem
from prisma_lint.parser.parser import parse, parse_files, parse_path, schema_files

__all__ = ["PrismaSyntaxError", "SyntaxProblem", "parse", "parse_files", "parse_path", "schema_files"]
