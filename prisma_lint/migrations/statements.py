"""Questions rules ask about one statement: is it a schema change or a data change, which table does it
touch, which columns does it set, is it bounded."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pglast import ast

from prisma_lint.migrations.model import identifier
from prisma_lint.migrations.sql import Statement

__all__ = ["walk", "is_schema_change", "is_data_change", "target_table", "updated_columns", "has_limit",
           "MIGRATIONS_TABLE"]

MIGRATIONS_TABLE = "_prisma_migrations"
_DDL = (ast.CreateStmt, ast.AlterTableStmt, ast.IndexStmt, ast.DropStmt, ast.RenameStmt, ast.CreateEnumStmt,
        ast.AlterEnumStmt, ast.CreateSeqStmt, ast.AlterSeqStmt, ast.CompositeTypeStmt, ast.ViewStmt,
        ast.CreateFunctionStmt, ast.CreateTrigStmt, ast.CreateExtensionStmt, ast.CreateDomainStmt)


def walk(node: Any) -> Iterator[Any]:
    """Every pglast node under `node`, itself included."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (list, tuple)):
            stack.extend(current)
        elif isinstance(current, ast.Node):
            yield current
            for name in current.__slots__:
                value = getattr(current, name, None)
                if isinstance(value, (ast.Node, list, tuple)):
                    stack.append(value)


def is_schema_change(statement: Statement) -> bool:
    return isinstance(statement.node, _DDL)


def is_data_change(statement: Statement) -> bool:
    """UPDATE, DELETE, or INSERT ... SELECT (a plain INSERT ... VALUES seeds rows and is not counted)."""
    node = statement.node
    if target_table(statement) == MIGRATIONS_TABLE:
        return False
    if isinstance(node, (ast.UpdateStmt, ast.DeleteStmt)):
        return True
    if isinstance(node, ast.InsertStmt):
        select = node.selectStmt
        return isinstance(select, ast.SelectStmt) and not select.valuesLists
    return False


def target_table(statement: Statement) -> Optional[str]:
    relation = getattr(statement.node, "relation", None)
    return identifier(relation.relname) if isinstance(relation, ast.RangeVar) else None


def updated_columns(statement: Statement) -> tuple[str, ...]:
    node = statement.node
    if isinstance(node, ast.UpdateStmt):
        return tuple(identifier(t.name) for t in node.targetList or () if isinstance(t, ast.ResTarget) and t.name)
    return ()


def has_limit(statement: Statement) -> bool:
    return any(isinstance(n, ast.SelectStmt) and n.limitCount is not None for n in walk(statement.node))
