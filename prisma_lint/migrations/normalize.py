"""One spelling for column types and defaults, whichever way they were written.

Migration SQL says `INTEGER`, `TIMESTAMP(3)`, `DECIMAL(65,30)`; the catalog says `integer`,
`timestamp(3) without time zone`, `numeric(65,30)`; a Prisma schema says `Int`, `DateTime`, `Decimal`.
All become PostgreSQL's internal names (`int4`, `timestamp(3)`, `numeric(65,30)`), read through pglast's
`TypeName` so that the SQL and the catalog go through the same code. Defaults likewise: `CURRENT_TIMESTAMP`
and `now()` are `now()`, `nextval(...)` (a SERIAL) is `autoincrement()`, casts are dropped
(`'video'::"Status"` is `'video'`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

import pglast
from pglast import ast, enums
from pglast.stream import RawStream

__all__ = ["type_name", "type_from_text", "default_of", "default_from_text", "SERIAL_TYPES"]

_ALIASES = {
    "integer": "int4", "int": "int4", "smallint": "int2", "bigint": "int8", "boolean": "bool",
    "real": "float4", "double precision": "float8", "float": "float8", "decimal": "numeric",
    "character varying": "varchar", "character": "bpchar", "char": "bpchar",
    "timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
    "time without time zone": "time", "time with time zone": "timetz",
}
SERIAL_TYPES = {"serial": "int4", "serial4": "int4", "bigserial": "int8", "serial8": "int8",
                "smallserial": "int2", "serial2": "int2"}


def _const(node: Any) -> Optional[str]:
    if isinstance(node, ast.A_Const):
        value = node.val
        if value is None or node.isnull:
            return "NULL"
        if isinstance(value, ast.Integer):
            return str(value.ival)
        if isinstance(value, ast.Float):
            return value.fval
        if isinstance(value, ast.Boolean):
            return "true" if value.boolval else "false"
        if isinstance(value, ast.String):
            return "'" + value.sval.replace("'", "''") + "'"
        if isinstance(value, ast.BitString):
            return value.bsval
    return None


def type_name(node: ast.TypeName) -> str:
    """`TypeName` -> normalised type (`varchar(64)`, `timestamp(3)`, `AppointmentType[]`)."""
    names = [n.sval for n in node.names if isinstance(n, ast.String)]
    if len(names) > 1 and names[0] in ("pg_catalog", "public"):
        names = names[1:]
    base = ".".join(names)
    base = _ALIASES.get(base, base)
    base = SERIAL_TYPES.get(base, base)
    modifiers = [_const(m) or RawStream()(m) for m in node.typmods or ()]
    if base == "bpchar" and not modifiers and not node.typmods:
        pass
    if base == "interval":
        modifiers = []  # interval's typmod encodes field masks; not a Prisma concern
    text = base + (f"({','.join(modifiers)})" if modifiers else "")
    if node.arrayBounds:
        text += "[]" * len(node.arrayBounds)
    return text


@lru_cache(maxsize=4096)
def type_from_text(text: str) -> str:
    """A type written as text (`format_type()` output, `@db.VarChar(255)`, `Unsupported("...")`)."""
    try:
        statement = pglast.parse_sql(f"SELECT NULL::{text}")[0].stmt
        return type_name(statement.targetList[0].val.typeName)
    except Exception:  # noqa: BLE001 - a type PostgreSQL cannot read is compared as written
        return text.lower()


def is_serial(node: ast.TypeName) -> bool:
    names = [n.sval for n in node.names if isinstance(n, ast.String)]
    return bool(names) and names[-1] in SERIAL_TYPES


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def default_of(node: Any) -> Optional[str]:
    """A default expression -> its normalised text."""
    if node is None:
        return None
    if isinstance(node, ast.TypeCast):
        inner = default_of(node.arg)
        numeric = type_name(node.typeName) in ("int2", "int4", "int8", "numeric", "float4", "float8")
        if numeric and inner is not None and inner.startswith("'") and _is_number(inner.strip("'")):
            return inner.strip("'")  # the catalog writes a negative default as '-1'::integer
        return inner
    constant = _const(node)
    if constant is not None:
        return constant
    if isinstance(node, ast.SQLValueFunction) and node.op in (enums.SQLValueFunctionOp.SVFOP_CURRENT_TIMESTAMP,
                                                              enums.SQLValueFunctionOp.SVFOP_CURRENT_TIMESTAMP_N,
                                                              enums.SQLValueFunctionOp.SVFOP_LOCALTIMESTAMP,
                                                              enums.SQLValueFunctionOp.SVFOP_LOCALTIMESTAMP_N):
        return "now()"
    if isinstance(node, ast.FuncCall):
        name = node.funcname[-1].sval.lower()
        if name in ("now", "transaction_timestamp", "statement_timestamp"):
            return "now()"
        if name == "nextval":
            return "autoincrement()"
    if isinstance(node, ast.A_ArrayExpr):
        return "[" + ",".join(default_of(e) or "" for e in node.elements or ()) + "]"
    if isinstance(node, ast.A_Expr) and node.kind == enums.A_Expr_Kind.AEXPR_OP and node.lexpr is None:
        inner = default_of(node.rexpr)
        operator = node.name[-1].sval
        if inner is not None and operator == "-" and _is_number(inner.strip("'")):
            return "-" + inner.strip("'")
    try:
        return RawStream()(node)
    except Exception:  # noqa: BLE001
        return repr(node)


@lru_cache(maxsize=4096)
def default_from_text(text: Optional[str]) -> Optional[str]:
    """A default written as text (the catalog's `pg_get_expr`, Prisma's `dbgenerated("...")`)."""
    if text is None:
        return None
    try:
        statement = pglast.parse_sql(f"SELECT {text}")[0].stmt
        return default_of(statement.targetList[0].val)
    except Exception:  # noqa: BLE001
        return text
