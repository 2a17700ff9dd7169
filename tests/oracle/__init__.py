"""The Prisma conformance oracle: Prisma's own parser (npm `@prisma/prisma-schema-wasm`) run under node."""

from .client import (
    PACKAGE,
    VERSION,
    Diagnostic,
    DmmfEnum,
    DmmfField,
    DmmfModel,
    Oracle,
    OracleError,
    OracleResult,
    ensure_installed,
    unavailable_reason,
)

__all__ = [
    "PACKAGE",
    "VERSION",
    "Diagnostic",
    "DmmfEnum",
    "DmmfField",
    "DmmfModel",
    "Oracle",
    "OracleError",
    "OracleResult",
    "ensure_installed",
    "unavailable_reason",
]
