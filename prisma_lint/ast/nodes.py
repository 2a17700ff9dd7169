"""The typed, positioned AST of a Prisma schema.

Nodes are frozen, slotted dataclasses rather than pydantic models: on a 10 MB schema the parser builds
more than a million of them, and a slotted dataclass is several times cheaper to construct than a
`BaseModel` (measured: ~0.8 us against ~3 us with validation, and `model_construct` still pays for
`__dict__`). pydantic still serialises them and describes them with a JSON Schema through a
`TypeAdapter` (see `prisma_lint.ast.dump`).

Every node carries a `kind` discriminator and a `span`. Documentation (`///`) comments are attached to the
node they precede (or trail); plain `//` comments are kept on `Schema.comments`, where suppression
directives are read from.
"""

from __future__ import annotations

import weakref
from dataclasses import MISSING, dataclass, fields
from functools import cache, cached_property
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

from prisma_lint.slots import slot_init

if TYPE_CHECKING:  # pydantic is only imported when the AST is serialised (see prisma_lint.ast.dump)
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

class _NodeMethods:
    """What `@dataclass(frozen=True)` would generate, written once: equality of two nodes of the same class
    field by field, a hash of the field values, and `Class(field=value, ...)`."""

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values(self) == other._values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        return (f"{self.__class__.__qualname__}("
                + ", ".join(f"{name}={value!r}" for name, value in zip(self._names, self._values(self))) + ")")


def _node(cls=None, /, *, weakref_slot: bool = False):
    """`@dataclass(frozen=True, slots=True)` with a faster `__init__`: each field is stored through its
    slot's descriptor, where the generated frozen `__init__` calls `object.__setattr__` per field, which
    looks the attribute up again each time. Same signature, and the node is as immutable afterwards.
    The parser makes about a million nodes on a 10 MB schema (measured: 1.8x faster per node)."""

    def wrap(cls):
        # `__eq__`, `__hash__` and `__repr__` are shared functions (`_NodeMethods`) rather than ones the
        # dataclass decorator compiles for each class: same results, and 3 fewer `exec`s per class at
        # import (start-up).
        cls = dataclass(frozen=True, slots=True, init=False, eq=False, repr=False,
                        weakref_slot=weakref_slot)(cls)
        cls.__init__ = slot_init(cls)
        names = tuple(f.name for f in fields(cls))
        cls._values = staticmethod(lambda node: (getattr(node, names[0]),)) if len(names) == 1 else attrgetter(*names)
        cls._names = names
        cls.__eq__ = _NodeMethods.__eq__
        cls.__hash__ = _NodeMethods.__hash__
        cls.__repr__ = _NodeMethods.__repr__
        return cls

    return wrap if cls is None else wrap(cls)



SCALAR_TYPES = frozenset(
    {"String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported"}
)


@cache
def _span_object() -> type:
    """How a Span looks in JSON: a TypedDict of its seven fields, for pydantic (built when the AST is first
    serialised: `typing_extensions`, where pydantic reads TypedDicts from on Python < 3.12, costs 3 ms of
    start-up)."""
    from typing_extensions import TypedDict

    class SpanObject(TypedDict):
        """How a Span looks in JSON."""

        file: Optional[str]
        start_line: int
        start_column: int
        end_line: int
        end_column: int
        start_offset: int
        end_offset: int

    return SpanObject


class Span(tuple):
    """Where a node is: file, 1-based line and column (in characters) of its first and one-past-last
    character, and byte offsets into the file's UTF-8 text.

    A tuple subclass with named fields rather than a dataclass: a big schema has about a million spans,
    and a tuple is built several times faster than a frozen dataclass. pydantic sees it as an object
    with the seven named fields (see `__get_pydantic_core_schema__`)."""

    __slots__ = ()
    _fields = ("file", "start_line", "start_column", "end_line", "end_column", "start_offset", "end_offset")

    def __new__(cls, file: Optional[str], start_line: int, start_column: int, end_line: int,
                end_column: int, start_offset: int, end_offset: int) -> "Span":
        return tuple.__new__(cls, (file, start_line, start_column, end_line, end_column, start_offset, end_offset))

    file = property(itemgetter(0), doc="the file's path as given, or None for text")
    start_line = property(itemgetter(1))
    start_column = property(itemgetter(2))
    end_line = property(itemgetter(3))
    end_column = property(itemgetter(4))
    start_offset = property(itemgetter(5))
    end_offset = property(itemgetter(6))

    def __getnewargs__(self) -> tuple:
        return tuple(self)  # pickle calls `Span(*args)`, not tuple's `(iterable,)`

    def __repr__(self) -> str:
        return "Span(" + ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self)) + ")"

    def __str__(self) -> str:
        return f"{self.file or '<string>'}:{self.start_line}:{self.start_column}"

    def as_dict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: "GetCoreSchemaHandler") -> "CoreSchema":
        from pydantic_core import core_schema

        SpanObject = _span_object()
        from_dict = core_schema.no_info_after_validator_function(
            lambda data: cls(**data), handler.generate_schema(SpanObject)
        )
        return core_schema.union_schema(
            [core_schema.is_instance_schema(cls), from_dict],
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda span: dict(zip(cls._fields, span)), return_schema=handler.generate_schema(SpanObject)
            ),
        )


# --------------------------------------------------------------------------------------------------
# Expressions: the values of arguments and of datasource/generator properties
# --------------------------------------------------------------------------------------------------


@_node
class StringValue:
    """A string literal; `value` has its escapes decoded (JSON rules, as Prisma reads them)."""

    value: str
    span: Span
    kind: Literal["string"] = "string"


@_node
class NumberValue:
    """A numeric literal, kept as written (`-1`, `12.50`) so nothing is lost; `.number` converts."""

    value: str
    span: Span
    kind: Literal["number"] = "number"

    @property
    def number(self) -> float | int:
        return float(self.value) if "." in self.value else int(self.value)


@_node
class ConstantValue:
    """A bare identifier or dotted path: `Cascade`, `Desc`, `true`, `addresses.number`."""

    value: str
    span: Span
    kind: Literal["constant"] = "constant"


@_node
class FunctionCall:
    """`uuid()`, `env("DATABASE_URL")`, `dbgenerated("...")`, `title(sort: Desc)`."""

    name: str
    args: tuple[Argument, ...]
    span: Span
    kind: Literal["function"] = "function"


@_node
class ArrayValue:
    items: tuple[Expression, ...]
    span: Span
    kind: Literal["array"] = "array"


@_node
class ObjectValue:
    """`{ key: value, ... }`, as in Prisma 7's partial-index `where:` argument."""

    entries: tuple[Argument, ...]
    span: Span
    kind: Literal["object"] = "object"


# Each member has a distinct `kind` literal, which is how pydantic tells them apart when reading JSON.
Expression = Union[StringValue, NumberValue, ConstantValue, FunctionCall, ArrayValue, ObjectValue]


@_node
class Argument:
    """A positional (`name is None`) or named argument. `value` is None for Prisma's empty
    argument form `name:`, which it parses and then rejects."""

    name: Optional[str]
    value: Optional[Expression]
    span: Span
    kind: Literal["argument"] = "argument"


# --------------------------------------------------------------------------------------------------
# Attributes
# --------------------------------------------------------------------------------------------------


@_node
class Attribute:
    """A field attribute (`@id`, `@db.VarChar(255)`) or a block attribute (`@@index([a])`).

    `name` is written without the `@`/`@@`: `"id"`, `"default"`, `"db.VarChar"`, `"index"`.
    """

    name: str
    args: tuple[Argument, ...]
    span: Span
    name_span: Span
    block: bool = False
    kind: Literal["attribute"] = "attribute"

    def arg(self, name: Optional[str] = None, position: Optional[int] = 0) -> Optional[Expression]:
        """The value of the named argument, or else of the positional argument at `position`
        (Prisma lets the first argument of most attributes be given either way)."""
        if name is not None:
            for argument in self.args:
                if argument.name == name:
                    return argument.value
        if position is not None:
            for argument in self.args:  # no list of the positional ones: rules call this very often
                if argument.name is None:
                    if position == 0:
                        return argument.value
                    position -= 1
        return None

    def named_args(self) -> dict[str, Optional[Expression]]:
        """Every named argument's value by name (the first, where a name is repeated, as `arg` finds)."""
        named: dict[str, Optional[Expression]] = {}
        for argument in self.args:
            if argument.name is not None and argument.name not in named:
                named[argument.name] = argument.value
        return named


def _span_of_name(span: Span, name: str) -> Span:
    """The span of a name that starts its node (a field, an enum value, a property): derived from the
    node's span instead of stored, which saves one span per member (measured: 20 MB on a 10,000-model
    schema)."""
    end_bytes = len(name) if name.isascii() else len(name.encode("utf-8"))
    return tuple.__new__(Span, (span[0], span[1], span[2], span[1], span[2] + len(name), span[5], span[5] + end_bytes))


class _Memo:
    """Facts derived from an immutable node (its relation, its indexes), computed once per node.

    Rules ask for them over and over (measured: `Field.relation` was read 780,000 times linting a
    10,000-model schema). Entries are keyed by the node's id and dropped when the node is (a weak
    reference with a callback), so an id is never reused for a stale entry and no node is kept alive."""

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref, Any]] = {}

    def get(self, node: Any, compute: Any) -> Any:
        key = id(node)
        entry = self._entries.get(key)
        if entry is not None and entry[0]() is node:
            return entry[1]
        value = compute(node)
        entries = self._entries
        self._entries[key] = (weakref.ref(node, lambda _ref, key=key: entries.pop(key, None)), value)
        return value


_RELATIONS = _Memo()
_INDEXES = _Memo()


# --------------------------------------------------------------------------------------------------
# Fields and enum values
# --------------------------------------------------------------------------------------------------


@_node(weakref_slot=True)
class Field:
    """A field of a model, view or composite type.

    `type` is the type name as written (`"String"`, `"User"`, `"Unsupported"`), or None when the line has
    no type (which Prisma parses and then rejects). `legacy` names an old or invalid type form that parsed
    but is not valid Prisma today: `"optional_list"` (`Int[]?`), `"required"` (`Int!`), `"bracket_list"`
    (`[Int]`), `"colon"` (`name: Int`). `unsupported` is the database type inside `Unsupported("...")`.
    """

    name: str
    type: Optional[str]
    optional: bool
    list: bool
    attributes: tuple[Attribute, ...]
    documentation: Optional[str]
    comment: Optional[str]
    span: Span
    type_span: Optional[Span]
    unsupported: Optional[str] = None
    legacy: Optional[str] = None
    kind: Literal["field"] = "field"

    def attribute(self, name: str) -> Optional[Attribute]:
        for attribute in self.attributes:
            if attribute.name == name:
                return attribute
        return None

    def has_attribute(self, name: str) -> bool:
        return any(attribute.name == name for attribute in self.attributes)

    @property
    def name_span(self) -> Span:
        return _span_of_name(self.span, self.name)

    @property
    def database_name(self) -> str:
        """The column name: `@map("...")` when present, else the field name."""
        mapped = self.attribute("map")
        value = mapped.arg("name") if mapped is not None else None
        return value.value if isinstance(value, StringValue) else self.name

    @property
    def is_scalar_type(self) -> bool:
        """True when the type is one of Prisma's scalar types (not a model, enum or composite type)."""
        return self.type in SCALAR_TYPES

    @property
    def relation(self) -> Optional[Relation]:
        """The `@relation(...)` arguments, read into a Relation (None when the field has none)."""
        for attribute in self.attributes:
            if attribute.name == "relation":
                return _RELATIONS.get(self, _read_relation)
        return None


@_node
class EnumValue:
    name: str
    attributes: tuple[Attribute, ...]
    documentation: Optional[str]
    comment: Optional[str]
    span: Span
    kind: Literal["enum_value"] = "enum_value"

    @property
    def name_span(self) -> Span:
        return _span_of_name(self.span, self.name)

    def attribute(self, name: str) -> Optional[Attribute]:
        for attribute in self.attributes:
            if attribute.name == name:
                return attribute
        return None


# --------------------------------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------------------------------


class _FieldBlock:
    """Behaviour shared by models, views and composite types (which Prisma parses alike)."""

    __slots__ = ()

    def field(self, name: str) -> Optional[Field]:
        for candidate in self.fields:  # type: ignore[attr-defined]
            if candidate.name == name:
                return candidate
        return None

    def attribute(self, name: str) -> Optional[Attribute]:
        for attribute in self.attributes:  # type: ignore[attr-defined]
            if attribute.name == name:
                return attribute
        return None

    def block_attributes(self, name: str) -> list[Attribute]:
        return [a for a in self.attributes if a.name == name]  # type: ignore[attr-defined]

    @property
    def primary_key(self) -> Optional[Index]:
        """The primary key: a field's `@id` or the block's `@@id` (the first `id` of `indexes`, which
        lists the fields' constraints first)."""
        for index in _INDEXES.get(self, _FieldBlock._read_indexes):
            if index.type == "id":
                return index
        return None

    @property
    def indexes(self) -> list[Index]:
        """Every index-like constraint, in source order of fields then block attributes: `@id`, `@unique`,
        `@@id`, `@@unique`, `@@index`, `@@fulltext`."""
        return list(_INDEXES.get(self, _FieldBlock._read_indexes))

    def _read_indexes(self) -> tuple[Index, ...]:
        found = [Index.from_field_attribute(attribute.name, f, attribute)  # a comprehension: read per model
                 for f in self.fields for attribute in f.attributes  # type: ignore[attr-defined]
                 if attribute.name in ("id", "unique")]
        for attribute in self.attributes:  # type: ignore[attr-defined]
            if attribute.name in ("id", "unique", "index", "fulltext"):
                found.append(Index.from_block_attribute(attribute.name, attribute))
        return tuple(found)

    @property
    def unique_criteria(self) -> list[tuple[str, ...]]:
        """The field sets that identify a record: the primary key and every unique constraint."""
        return [index.fields for index in self.indexes if index.type in ("id", "unique")]

    @property
    def relation_fields(self) -> list[Field]:
        return [f for f in self.fields if f.has_attribute("relation")]  # type: ignore[attr-defined]

    @property
    def is_ignored(self) -> bool:
        return self.attribute("ignore") is not None

    @property
    def database_name(self) -> str:
        """The table name: `@@map("...")` when present, else the block name."""
        mapped = self.attribute("map")
        value = mapped.arg("name") if mapped is not None else None
        return value.value if isinstance(value, StringValue) else self.name  # type: ignore[attr-defined]

    def column_names(self, field_names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """The database column names of these fields (`@map("...")` when present; a name that is not
        a field of this block, such as a composite path, is kept as written)."""
        columns = []
        for name in field_names:
            f = self.field(name)
            columns.append(f.database_name if f is not None else name)
        return tuple(columns)


@_node(weakref_slot=True)
class _FieldBlockNode(_FieldBlock):
    # The fields models, views and composite types have in common (each adds its own `kind`).
    name: str
    fields: tuple[Field, ...]
    attributes: tuple[Attribute, ...]
    documentation: Optional[str]
    span: Span
    name_span: Span


@_node
class Model(_FieldBlockNode):
    kind: Literal["model"] = "model"


@_node
class View(_FieldBlockNode):
    kind: Literal["view"] = "view"


@_node
class CompositeType(_FieldBlockNode):
    """A `type` block (MongoDB composite type)."""

    kind: Literal["type"] = "type"


@_node
class Enum:
    name: str
    values: tuple[EnumValue, ...]
    attributes: tuple[Attribute, ...]
    documentation: Optional[str]
    span: Span
    name_span: Span
    kind: Literal["enum"] = "enum"

    def attribute(self, name: str) -> Optional[Attribute]:
        for attribute in self.attributes:
            if attribute.name == name:
                return attribute
        return None


@_node
class Property:
    """`key = value` inside a datasource or generator; `value` is None when missing."""

    name: str
    value: Optional[Expression]
    documentation: Optional[str]
    comment: Optional[str]
    span: Span
    kind: Literal["property"] = "property"

    @property
    def name_span(self) -> Span:
        return _span_of_name(self.span, self.name)


class _ConfigBlock:
    __slots__ = ()

    def property(self, name: str) -> Optional[Property]:
        for candidate in self.properties:  # type: ignore[attr-defined]
            if candidate.name == name:
                return candidate
        return None


@_node
class Datasource(_ConfigBlock):
    name: str
    properties: tuple[Property, ...]
    documentation: Optional[str]
    span: Span
    name_span: Span
    kind: Literal["datasource"] = "datasource"


@_node
class Generator(_ConfigBlock):
    name: str
    properties: tuple[Property, ...]
    documentation: Optional[str]
    span: Span
    name_span: Span
    kind: Literal["generator"] = "generator"


@_node
class Comment:
    """A `//` line comment, a `///` documentation comment (`doc`), or a `/* */` block comment (`block`).
    `text` is the content after the comment marker, as written."""

    text: str
    span: Span
    doc: bool = False
    block: bool = False
    kind: Literal["comment"] = "comment"


Block = Union[Model, View, CompositeType, Enum, Datasource, Generator]
FieldBlock = Union[Model, View, CompositeType]


@dataclass(frozen=True)
class Schema:
    """A whole schema: one file, or every `.prisma` file of a schema folder read as one."""

    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    files: tuple[Optional[str], ...]
    kind: Literal["schema"] = "schema"

    @cached_property
    def models(self) -> tuple[Model, ...]:
        return tuple(b for b in self.blocks if b.kind == "model")

    @cached_property
    def views(self) -> tuple[View, ...]:
        return tuple(b for b in self.blocks if b.kind == "view")

    @cached_property
    def types(self) -> tuple[CompositeType, ...]:
        return tuple(b for b in self.blocks if b.kind == "type")

    @cached_property
    def enums(self) -> tuple[Enum, ...]:
        return tuple(b for b in self.blocks if b.kind == "enum")

    @cached_property
    def datasources(self) -> tuple[Datasource, ...]:
        return tuple(b for b in self.blocks if b.kind == "datasource")

    @cached_property
    def generators(self) -> tuple[Generator, ...]:
        return tuple(b for b in self.blocks if b.kind == "generator")

    @cached_property
    def _by_name(self) -> dict[str, Block]:
        # First declaration wins; duplicates are reported by a rule, not hidden here.
        table: dict[str, Block] = {}
        for block in self.blocks:
            if block.kind not in ("datasource", "generator"):
                table.setdefault(block.name, block)
        return table

    def declaration(self, name: str) -> Optional[Union[Model, View, CompositeType, Enum]]:
        """The model, view, composite type or enum called `name`, if any."""
        return self._by_name.get(name)  # type: ignore[return-value]

    def model(self, name: str) -> Optional[Model]:
        block = self._by_name.get(name)
        return block if block is not None and block.kind == "model" else None  # type: ignore[return-value]

    def enum(self, name: str) -> Optional[Enum]:
        block = self._by_name.get(name)
        return block if block is not None and block.kind == "enum" else None  # type: ignore[return-value]

    def resolve_type(self, f: Field) -> Union[Model, View, CompositeType, Enum, str, None]:
        """What a field's type names: the model, view, composite type or enum declaration; the scalar
        type's name (a `str`) for built-in scalars; None for an unknown type or a missing one."""
        if f.type is None:
            return None
        if f.type in SCALAR_TYPES:
            return f.type
        return self._by_name.get(f.type)  # type: ignore[return-value]

    def field_blocks(self) -> tuple[FieldBlock, ...]:
        """Models, views and composite types, in source order."""
        return tuple(b for b in self.blocks if b.kind in ("model", "view", "type"))  # type: ignore[misc]

    def datasource_provider(self) -> Optional[str]:
        for datasource in self.datasources:
            provider = datasource.property("provider")
            if provider is not None and isinstance(provider.value, StringValue):
                return provider.value.value
        return None


# --------------------------------------------------------------------------------------------------
# Resolved views of attributes (not part of the serialised AST)
# --------------------------------------------------------------------------------------------------


def _names(expression: Optional[Expression]) -> tuple[str, ...]:
    """Field names out of `[a, b(sort: Desc), c.d]` or a single `a`."""
    if expression is None:
        return ()
    items = expression.items if isinstance(expression, ArrayValue) else (expression,)
    names: list[str] = []
    for item in items:
        if isinstance(item, ConstantValue):
            names.append(item.value)
        elif isinstance(item, FunctionCall):
            names.append(item.name)
        elif isinstance(item, StringValue):
            names.append(item.value)
    return tuple(names)


def _string(expression: Optional[Expression]) -> Optional[str]:
    return expression.value if isinstance(expression, StringValue) else None


def _constant(expression: Optional[Expression]) -> Optional[str]:
    return expression.value if isinstance(expression, ConstantValue) else None


def _read_relation(f: Field) -> Optional[Relation]:
    attribute = f.attribute("relation")
    return Relation.from_attribute(attribute) if attribute is not None else None


@_node
class Relation:
    """The arguments of one `@relation(...)`."""

    name: Optional[str]
    fields: tuple[str, ...]
    references: tuple[str, ...]
    on_delete: Optional[str]
    on_update: Optional[str]
    map: Optional[str]
    attribute: Attribute

    @classmethod
    def from_attribute(cls, attribute: Attribute) -> Relation:
        named = attribute.named_args()  # one pass over the arguments, not one per argument read
        name = named["name"] if "name" in named else attribute.arg(None, 0)
        return cls(
            name=_string(name),
            fields=_names(named.get("fields")),
            references=_names(named.get("references")),
            on_delete=_constant(named.get("onDelete")),
            on_update=_constant(named.get("onUpdate")),
            map=_string(named.get("map")),
            attribute=attribute,
        )


@_node
class Index:
    """An index-like constraint with its field names (`block.column_names(index.fields)` gives the
    database columns).

    `type` is `"id"`, `"unique"`, `"index"` or `"fulltext"`; `field` is set when it was declared on a
    field (`@id`, `@unique`). `map` is the database name given in the schema: `map:`, or for `@@index`
    the older `name:` spelling Prisma still accepts there (it is the database name, as in Prisma's
    DMMF). `name` is the Prisma Client name of a compound `@@id`/`@@unique` (`name:`); None otherwise."""

    type: str
    fields: tuple[str, ...]
    name: Optional[str]
    map: Optional[str]
    attribute: Attribute
    field: Optional[Field] = None

    @classmethod
    def from_field_attribute(cls, kind: str, f: Field, attribute: Attribute) -> Index:
        return cls(kind, (f.name,), None, _string(attribute.arg("map", None)), attribute, f)

    @classmethod
    def from_block_attribute(cls, kind: str, attribute: Attribute) -> Index:
        named = attribute.named_args()  # one pass over the arguments, not one per argument read
        name = _string(named.get("name"))
        database_name = _string(named.get("map"))
        if kind == "index":
            database_name, name = database_name if database_name is not None else name, None
        fields = named["fields"] if "fields" in named else attribute.arg(None, 0)
        return cls(kind, _names(fields), name, database_name, attribute)

    def database_name_value(self) -> Optional[StringValue]:
        """The string literal that gives this index its database name (see `map`), for a rule to point at."""
        for key in ("map", "name") if self.type == "index" else ("map",):
            value = self.attribute.arg(key, None)
            if isinstance(value, StringValue):
                return value
        return None


__all__ = [
    "SCALAR_TYPES",
    "Span",
    "StringValue",
    "NumberValue",
    "ConstantValue",
    "FunctionCall",
    "ArrayValue",
    "ObjectValue",
    "Expression",
    "Argument",
    "Attribute",
    "Field",
    "EnumValue",
    "Model",
    "View",
    "CompositeType",
    "Enum",
    "Property",
    "Datasource",
    "Generator",
    "Comment",
    "Block",
    "FieldBlock",
    "Schema",
    "Relation",
    "Index",
]
