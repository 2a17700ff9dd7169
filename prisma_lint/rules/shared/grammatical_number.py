"""English grammatical number (singular and plural), as the npm prisma-lint decides it.

The npm prisma-lint asks the `pluralize` JavaScript package (by Blake Embrey, MIT) whether a name is
plural, and uses it to pluralise table names. Users switching from it expect the same answers, so this
module follows that package's behaviour: irregular pairs first, then uncountable words, then an ordered
list of suffix rules where the most recently added rule that matches wins. A word is plural when
pluralising it leaves it unchanged (`users` -> `users`, `data` -> `data`).

Only what the rules need is here: `plural(word)` and `is_plural(word)`, both accepting extra irregular
pairs (the `irregular-plurals` option) without changing the module's tables.
"""

from __future__ import annotations

import re
from typing import Mapping, Optional

__all__ = ["plural", "is_plural"]

# (singular, plural) pairs that no suffix rule gets right.
_IRREGULAR_PAIRS = """
I we | me us | he they | she they | them them | myself ourselves | yourself yourselves |
itself themselves | herself themselves | himself themselves | themself themselves | is are |
was were | has have | this these | that those | echo echoes | dingo dingoes | volcano volcanoes |
tornado tornadoes | torpedo torpedoes | genus genera | viscus viscera | stigma stigmata |
stoma stomata | dogma dogmata | lemma lemmata | schema schemata | anathema anathemata | ox oxen |
axe axes | die dice | yes yeses | foot feet | eave eaves | goose geese | tooth teeth | quiz quizzes |
human humans | proof proofs | carve carves | valve valves | looey looies | thief thieves |
groove grooves | pickaxe pickaxes | passerby passersby
"""

# Words that are the same in both numbers (so always "plural" by the test above).
_UNCOUNTABLE_WORDS = """
adulthood advice agenda aid aircraft alcohol ammo analytics anime athletics audio bison blood bream
buffalo butter carp cash chassis chess clothing cod commerce cooperation corps debris diabetes digestion
elk energy equipment excretion expertise firmware flounder fun gallows garbage graffiti hardware
headquarters health herpes highjinks homework housework information jeans justice kudos labour
literature machinery mackerel mail media mews moose music mud manga news only personnel pike plankton
pliers police pollution premises rain research rice salmon scissors series sewage shambles shrimp
software species staff swine tennis traffic transportation trout tuna wealth welfare whiting wildebeest
wildlife you
""".split()

# Uncountable endings: they override every suffix rule.
_UNCOUNTABLE_PATTERNS = (r"pok[eé]mon$", r"[^aeiou]ese$", r"deer$", r"fish$", r"measles$", r"o[iu]s$",
                         r"pox$", r"sheep$")

# Suffix rules for the plural, in the order they are added (later ones take precedence).
# Replacements use $0 (the whole match) and $1, $2 (groups).
_PLURAL_RULES = (
    (r"s?$", "s"),
    (r"[^\u0000-\u007F]$", "$0"),
    (r"([^aeiou]ese)$", "$1"),
    (r"(ax|test)is$", "$1es"),
    (r"(alias|[^aou]us|t[lm]as|gas|ris)$", "$1es"),
    (r"(e[mn]u)s?$", "$1s"),
    (r"([^l]ias|[aeiou]las|[ejzr]as|[iu]am)$", "$1"),
    (r"(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$", "$1i"),
    (r"(alumn|alg|vertebr)(?:a|ae)$", "$1ae"),
    (r"(seraph|cherub)(?:im)?$", "$1im"),
    (r"(her|at|gr)o$", "$1oes"),
    (r"(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat"
     r"|quor)(?:a|um)$", "$1a"),
    (r"(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)(?:a|on)$", "$1a"),
    (r"sis$", "ses"),
    (r"(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$", "$1$2ves"),
    (r"([^aeiouy]|qu)y$", "$1ies"),
    (r"([^ch][ieo][ln])ey$", "$1ies"),
    (r"(x|ch|ss|sh|zz)$", "$1es"),
    (r"(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)$", "$1ices"),
    (r"\b((?:tit)?m|l)(?:ice|ouse)$", "$1ice"),
    (r"(pe)(?:rson|ople)$", "$1ople"),
    (r"(child)(?:ren)?$", "$1ren"),
    (r"eaux$", "$0"),
    (r"m[ae]n$", "men"),
    (r"^thou$", "you"),
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_SINGLE_TO_PLURAL: dict[str, str] = {}
_PLURAL_TO_SINGLE: dict[str, str] = {}
for _pair in _IRREGULAR_PAIRS.split("|"):
    _single, _many = _pair.split()
    _SINGLE_TO_PLURAL[_single.lower()] = _many.lower()
    _PLURAL_TO_SINGLE[_many.lower()] = _single.lower()

_UNCOUNTABLE = frozenset(_UNCOUNTABLE_WORDS)
# Most specific last, as they are tried from the end.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    [(_compile(p), r) for p, r in _PLURAL_RULES] + [(_compile(p), "$0") for p in _UNCOUNTABLE_PATTERNS]
)
_REFERENCE = re.compile(r"\$(\d{1,2})")


def _same_case(model: str, token: str) -> str:
    """`token` written in the letter case of `model` (lower, UPPER or Title)."""
    if model == token:
        return token
    if model == model.lower():
        return token.lower()
    if model == model.upper():
        return token.upper()
    if model[:1] == model[:1].upper():
        return token[:1].upper() + token[1:].lower()
    return token.lower()


def _apply_rule(word: str, pattern: re.Pattern[str], replacement: str) -> str:
    match = pattern.search(word)
    if match is None:
        return word
    groups = [match.group(0), *match.groups()]

    def reference(ref: re.Match[str]) -> str:
        index = int(ref.group(1))
        return (groups[index] or "") if index < len(groups) else ""

    result = _REFERENCE.sub(reference, replacement)
    # An empty match (the `s?$` rule) takes the case of the letter before it.
    model = match.group(0) if match.group(0) else word[match.start() - 1: match.start()] or result
    return word[: match.start()] + _same_case(model, result) + word[match.end():]


def _by_rules(token: str, word: str) -> str:
    if not token or token in _UNCOUNTABLE:
        return word
    for pattern, replacement in reversed(_RULES):
        if pattern.search(word):
            return _apply_rule(word, pattern, replacement)
    return word


def _irregulars(extra: Optional[Mapping[str, str]]) -> tuple[dict[str, str], dict[str, str]]:
    if not extra:
        return _SINGLE_TO_PLURAL, _PLURAL_TO_SINGLE
    singles, plurals = dict(_SINGLE_TO_PLURAL), dict(_PLURAL_TO_SINGLE)
    for single, many in extra.items():
        singles[single.lower()] = many.lower()
        plurals[many.lower()] = single.lower()
    return singles, plurals


def plural(word: str, irregular: Optional[Mapping[str, str]] = None) -> str:
    """The plural of `word` (`user_role` -> `user_roles`), in its letter case."""
    singles, plurals = _irregulars(irregular)
    token = word.lower()
    if token in plurals:
        return _same_case(word, token)
    if token in singles:
        return _same_case(word, singles[token])
    return _by_rules(token, word)


def is_plural(word: str, irregular: Optional[Mapping[str, str]] = None) -> bool:
    """Whether `word` reads as plural (`Users`, `UserData`, `news`); the whole name is one word."""
    singles, plurals = _irregulars(irregular)
    token = word.lower()
    if token in plurals:
        return True
    if token in singles:
        return False
    return _by_rules(token, token) == token
