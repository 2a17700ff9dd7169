"""The lexer Lark is given: it hands over the tokens our own tokenizer already made (Lark's "custom
input" path). In its own module because it subclasses Lark's Lexer, and Lark is only imported when its
parser is needed (error recovery, or building the tables once)."""

from lark.lexer import Lexer


class TokenListLexer(Lexer):
    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, tokens):  # Lark's "interface 0" for custom lexers: it passes what parse() was given
        return iter(tokens)
