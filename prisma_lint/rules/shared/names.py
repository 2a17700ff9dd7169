"""Names, for the rules that judge them: option types for lists of names and patterns (validated when
the configuration is read), allow-list and prefix matching, JavaScript-style regular expressions (the
npm prisma-lint's options are written in them) and case conversions.

Not a rule module (it has no CODE).
"""

from __future__ import annotations

import re
from typing import Annotated, Iterable, Mapping, Optional, Sequence, Union

from prisma_lint.rules.options import Check

__all__ = [
    "is_regex_string",
    "js_regex",
    "name_pattern",
    "matches_allow_list",
    "trim_prefix",
    "as_list",
    "to_snake_case",
    "snake_case_forms",
    "to_camel_case",
    "to_pascal_case",
    "NameOrRegex",
    "AllowList",
    "Prefixes",
    "NamePattern",
    "Regex",
]


# --------------------------------------------------------------------------------------------------
# Names and patterns
# --------------------------------------------------------------------------------------------------

_NAMED_GROUP = re.compile(r"\(\?<(?![=!])")


def is_regex_string(value: str) -> bool:
    """`"/^db/"`: an option value wrapped in slashes is a regular expression (npm prisma-lint's form)."""
    return len(value) >= 2 and value.startswith("/") and value.endswith("/")


def js_regex(source: str) -> re.Pattern[str]:
    """Compile a JavaScript regular expression body in Python (ASCII classes, as in JavaScript).
    Raises `ValueError` for an invalid one, so a config naming it fails with a clear message."""
    try:
        return re.compile(_NAMED_GROUP.sub("(?P<", source), re.ASCII)
    except re.error as error:
        raise ValueError(f"invalid regular expression {source!r}: {error}") from None


def name_pattern(value: str) -> re.Pattern[str]:
    """An option naming fields: `"/re/"` is searched for; any other string must match the whole name
    (and is itself read as a pattern, as the npm prisma-lint does)."""
    if is_regex_string(value):
        return js_regex(value[1:-1])
    return js_regex(f"^{value}$")


def matches_allow_list(name: str, allow_list: Iterable[str]) -> bool:
    """Whether `name` is one of the entries, or matches an entry written as `"/regex/"` (searched for,
    as the npm prisma-lint does)."""
    for entry in allow_list:
        if is_regex_string(entry):
            if js_regex(entry[1:-1]).search(name):
                return True
        elif entry == name:
            return True
    return False


def as_list(value: Union[str, Sequence[str], None]) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


# --------------------------------------------------------------------------------------------------
# Option types: a bad regular expression is a configuration error (with the option's name and the
# config file), never an internal error at lint time
# --------------------------------------------------------------------------------------------------


def _valid_slashed(entry: str) -> str:
    if is_regex_string(entry):
        js_regex(entry[1:-1])
    return entry


def _valid_name_pattern(entry: str) -> str:
    name_pattern(entry)
    return entry


def _valid_regex(entry: str) -> str:
    js_regex(entry)
    return entry


NameOrRegex = Annotated[str, Check(_valid_slashed)]
"""A name taken as it is, or a `"/regex/"` searched for: an entry of an allow list (`matches_allow_list`)
or of a list of prefixes (`trim_prefix`)."""

AllowList = list[NameOrRegex]
Prefixes = Union[NameOrRegex, list[NameOrRegex]]

NamePattern = Annotated[str, Check(_valid_name_pattern)]
"""A field-name pattern as the npm prisma-lint reads one: see `name_pattern`."""

Regex = Annotated[str, Check(_valid_regex)]
"""A JavaScript regular expression (e.g. a compound word), compiled with `js_regex`."""


def trim_prefix(name: str, prefixes: Union[str, Sequence[str], None]) -> str:
    """`name` without the first of `prefixes` it starts with (an entry `"/regex/"` is removed where it
    matches)."""
    for prefix in as_list(prefixes):
        if is_regex_string(prefix):
            pattern = js_regex(prefix[1:-1])
            if pattern.search(name):
                return pattern.sub("", name, count=1)
            continue
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


# --------------------------------------------------------------------------------------------------
# Case conversions (the expectations the npm rules compare names with)
# --------------------------------------------------------------------------------------------------

_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_UPPER_SNAKE = re.compile(r"^[A-Z0-9_]+$")
_NOT_WORD = re.compile(r"[^A-Za-z0-9_]+")
_PLAIN_SNAKE = re.compile(r"[a-z]+(?:_[a-z]+)*")  # no capital to split at, no digit to split off
_PLAIN_SNAKE_WITH_DIGITS = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def _compound_spans(text: str, words: Sequence[str]) -> list[tuple[int, int, str]]:
    """Where each compound word occurs: (start, end, word), word by word, then left to right. A word
    is matched as a (case-sensitive) pattern; its span is as long as the word as written."""
    spans = []
    for word in words:
        if not word:
            continue
        for match in js_regex(word).finditer(text):
            spans.append((match.start(), match.start() + len(word), word))
    return spans


def _compound_at(spans: list[tuple[int, int, str]], index: int) -> Optional[tuple[int, int, str]]:
    for span in spans:
        if span[0] <= index < span[1]:
            return span
    return None


def to_snake_case(name: str, compound_words: Sequence[str] = (), trim: str = "", pluralize: bool = False,
                  irregular_plurals: Optional[Mapping[str, str]] = None, upper: bool = False,
                  split_digits: bool = False) -> str:
    """The snake_case form of a PascalCase or camelCase name: `UserRole` -> `user_role`.

    Every capital letter starts a word (`userID` -> `user_i_d`, unless `ID` is a compound word); a name
    already in UPPER_SNAKE_CASE is just lower-cased. Compound words (`GraphQL`) stay one word
    (`graphql`). `trim` is removed from the front first; `pluralize` pluralises the result and `upper`
    upper-cases it. Digits stay with the word before them (`discoverV1Enabled` ->
    `discover_v1_enabled`); `split_digits=True` gives the npm prisma-lint's form, which separates them
    (`discover_v_1_enabled`, its issue #762).
    """
    text = name[len(trim):] if trim and name.startswith(trim) else name
    if _UPPER_SNAKE.match(text):
        text = text.lower()
    if not compound_words and (_PLAIN_SNAKE if split_digits else _PLAIN_SNAKE_WITH_DIGITS).fullmatch(text):
        # Already snake_case: the conversion below would give it back unchanged (most enum values are).
        result = text
        if pluralize:
            result = plural(result, irregular_plurals)
        return result.upper() if upper else result
    spans = _compound_spans(text, compound_words)
    out: list[str] = []
    index = 0
    while index < len(text):
        compound = _compound_at(spans, index) if spans else None
        if compound is not None:
            start, end, word = compound
            if index == start:
                if index > 0 and (not out or out[-1][-1:] != "_"):
                    out.append("_")
                out.append(word.lower())
            index = end
            continue
        char = text[index]
        if index == 0:
            out.append(char.lower())
        else:
            before = text[index - 1]
            if "A" <= char <= "Z":
                out.append("_" + char.lower())
            elif split_digits and ((before in _LETTERS and char in _DIGITS)
                                   or (before in _DIGITS and char in _LETTERS)):
                out.append("_" + char.lower())
            else:
                out.append(char.lower())
        index += 1
    result = _NOT_WORD.sub("_", "".join(out))
    if result.startswith("_"):
        result = result[1:]
    if result.endswith("_"):
        result = result[:-1]
    result = re.sub(r"_+", "_", result)
    if pluralize:
        # The English tables load only for the rules that pluralise (not in the default preset).
        from prisma_lint.rules.shared.grammatical_number import plural

        result = plural(result, irregular_plurals)
    return result.upper() if upper else result


def snake_case_forms(name: str, **options) -> tuple[str, str]:
    """(ours, npm's): the snake_case form with digits kept with their word, and the npm prisma-lint's
    form that separates them. Both are accepted; ours is the one suggested."""
    return to_snake_case(name, split_digits=False, **options), to_snake_case(name, split_digits=True, **options)


def _to_humps(name: str, compound_words: Sequence[str], first_upper: bool) -> str:
    text = name
    spans = _compound_spans(text, compound_words)
    out: list[str] = []
    index = 0
    while index < len(text):
        compound = _compound_at(spans, index) if spans else None
        if compound is not None:
            start, end, word = compound
            if index == start:
                out.append(word[:1].upper() + word[1:])
            if end < len(text):
                out.append(text[end].upper())  # the letter after a compound word starts a word
            index = end + 1
            continue
        char = text[index]
        if index == 0:
            out.append(char.upper() if first_upper else char.lower())
        else:
            before = text[index - 1]
            if char not in _LETTERS and char not in _DIGITS:
                pass  # separators are dropped
            elif before not in _LETTERS:
                out.append(char.upper())
            elif "A" <= before <= "Z" and "A" <= char <= "Z":
                out.append(char.lower())
            else:
                out.append(char)
        index += 1
    return "".join(out)


def to_camel_case(name: str, compound_words: Sequence[str] = ()) -> str:
    """The camelCase form: `EXAMPLE_VALUE` -> `exampleValue`, `example_value` -> `exampleValue`."""
    return _to_humps(name, compound_words, first_upper=False)


def to_pascal_case(name: str, compound_words: Sequence[str] = ()) -> str:
    """The PascalCase form: `example_value` -> `ExampleValue`."""
    return _to_humps(name, compound_words, first_upper=True)
