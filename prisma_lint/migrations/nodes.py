"""PostgreSQL's parse tree as pglast's `ast` nodes, built from the parser's JSON output.

`pglast.parse_sql` builds the same nodes, but validates and coerces every attribute as it sets it
(measured: about four fifths of its time on Prisma's migrations). This builder trusts the parser's
output: it reads `pglast.parser.parse_sql_json` and fills the node classes' slots directly, so the rules
get the very same classes, enums and values (checked against `pglast.parse_sql` by
tests/test_migration_sql.py), five times faster. Statement positions are turned from the parser's byte
offsets into character offsets, as `pglast.parse_sql` gives them.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from pglast import ast, enums
from pglast.parser import parse_sql_json

__all__ = ["parse_statements"]

_SET = object.__setattr__
_CLASSES: dict[str, type] = {}
_SLOTS: dict[type, tuple[tuple[str, str, Any], ...]] = {}
# The parser's JSON leaves out fields at their zero value; pglast's nodes have them set.
_ZEROS = {"bool": False, "char": "\x00", "int": 0, "int16": 0, "int32": 0, "uint32": 0, "Index": 0, "Oid": 0,
          "long": 0, "AttrNumber": 0, "SubTransactionId": 0, "ParseLoc": None, "int64": 0, "uint64": 0, "bits32": 0,
          "AclMode": 0, "Cost": 0.0, "Cardinality": 0.0, "double": 0.0, "RelFileNumber": 0}


def _class(name: str) -> type:
    found = _CLASSES.get(name)
    if found is None:
        found = _CLASSES[name] = getattr(ast, name)
    return found


def _zero(ctype: str) -> Any:
    if ctype in _ZEROS:
        return _ZEROS[ctype]
    enum = getattr(enums, ctype, None)
    if isinstance(enum, type) and issubclass(enum, Enum):
        return enum(0) if any(member.value == 0 for member in enum) else None
    return None


def _slots(cls: type) -> tuple[tuple[str, str, Any], ...]:
    found = _SLOTS.get(cls)
    if found is None:
        found = _SLOTS[cls] = tuple((name, info.c_type, _zero(info.c_type)) for name, info in cls.__slots__.items())
    return found


def _value(value: Any, ctype: str) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            (key, inner), = value.items()
            if key == "List":
                return tuple(_value(item, "Node*") for item in inner.get("items", ()))
            if key[:1].isupper() and isinstance(inner, dict) and key in _NODE_NAMES:
                return _node(key, inner)
        return _node(ctype.rstrip("*"), value)
    if isinstance(value, list):
        return tuple(_value(item, "Node*") for item in value)
    if isinstance(value, str) and ctype not in _ZEROS and ctype != "char*":
        enum = getattr(enums, ctype, None)
        if enum is not None:
            return enum[value]
    return value


def _const(data: dict) -> Any:
    node = object.__new__(ast.A_Const)
    _SET(node, "isnull", bool(data.get("isnull", False)))
    value = None
    for key, cls, attribute, default in (("ival", ast.Integer, "ival", 0), ("fval", ast.Float, "fval", "0"),
                                         ("boolval", ast.Boolean, "boolval", False),
                                         ("sval", ast.String, "sval", ""), ("bsval", ast.BitString, "bsval", "")):
        if key in data:
            value = object.__new__(cls)
            _SET(value, attribute, data[key].get(attribute, default))
            break
    _SET(node, "val", value)
    return node


_chars = int  # byte offset -> character offset, for the text being read (see parse_statements)


def _node(name: str, data: dict) -> Any:
    if name == "A_Const":
        return _const(data)
    cls = _class(name)
    node = object.__new__(cls)
    for attribute, ctype, zero in _slots(cls):
        value = data.get(attribute[:-1] if attribute[-1] == "_" else attribute)  # `def_` is `def` in JSON
        if attribute == "location" and value is not None:
            value = _chars(value)
        _SET(node, attribute, zero if value is None else _value(value, ctype))
    return node


_NODE_NAMES = {name for name, cls in vars(ast).items() if isinstance(cls, type) and issubclass(cls, ast.Node)}


def parse_statements(text: str) -> list[tuple[Any, int, int]]:
    """(statement node, character offset, character length) for each statement; raises pglast's
    ParseError like `pglast.parse_sql`."""
    global _chars
    tree = json.loads(parse_sql_json(text))
    if text.isascii():
        _chars = int
    else:
        encoded = text.encode("utf-8")
        _chars = lambda offset: len(encoded[:offset].decode("utf-8", "ignore"))  # noqa: E731
    found = []
    for raw in tree.get("stmts", ()):
        location, length = raw.get("stmt_location", 0), raw.get("stmt_len", 0)
        end = _chars(location + length) if length else 0
        location = _chars(location)
        (kind, body), = raw["stmt"].items()
        found.append((_node(kind, body), location, end - location if length else 0))
    return found
