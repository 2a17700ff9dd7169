#!/usr/bin/env node
// The Prisma conformance oracle: Prisma's own schema parser and validator (the npm package
// @prisma/prisma-schema-wasm, pinned by tests/oracle/client.py), driven over a line protocol so that
// one node process answers many schemas.
//
// Protocol: one JSON object per line on stdin, one JSON object per line on stdout, in order.
//   request:  {"id": <any>, "op": "check", "schema": "<schema text>", "file": "schema.prisma"?}
//             {"id": <any>, "op": "ping"}
//   response: {"id": .., "ok": true, "syntax_ok": bool, "valid": bool,
//              "diagnostics": [{"message", "start", "end", "is_warning", "category"}],
//              "datamodel": {"models": [...], "enums": [...], "types": [...]} | null}
//             {"id": .., "ok": false, "error": "..."} when the request itself failed.
// Byte offsets (`start`, `end`) are into the UTF-8 encoding of the schema, as Prisma reports them.
//
// Syntax versus validation. Prisma reads a schema in two stages: the `schema-ast` crate parses it (a pest
// grammar with catch-all rules, so most junk becomes a located diagnostic rather than a hard failure),
// then `psl` validates the AST. Both stages report through the same `lint` list, every message prefixed
// "Error validating: ", so the stage is told apart by the message. A diagnostic is a *syntax* error
// (category "syntax") when it is one that the parser stage emits about the shape of the text:
//   - "This line is invalid. It does not start with any known Prisma schema keyword."   (top-level junk)
//   - "This block is invalid. It does not start with any known Prisma schema keyword. ..." (`foo {...}`)
//   - "This line is not a valid field or attribute definition."        (junk inside model/view/type)
//   - "This line is not an enum value definition."                     (junk inside enum)
//   - "This line is not a valid definition within a datasource|generator|configuration block."
//   - "Unexpected token. Expected one of: ..."   (the pest grammar failed outright: unterminated block,
//                                                 unterminated string, ...)
//   - "Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types"
//                                                (a `type Alias = Base` line)
//   - the legacy forms the grammar still recognises, then rejects (category "legacy", also syntax):
//     "Field declarations don't require a `:`.", "Fields are required by default, `!` is no longer
//     required.", "To specify a list, please use `Type[]` instead of `[Type]`.", "Optional lists are not
//     supported. Use either `Type[]` or `Type?`.", and "This field declaration is invalid. It is either
//     missing a name or a type." (a field line with a name and no type).
// Everything else is a validation error (category "validation"): unknown types, missing datasource,
// names starting with a digit, bad attribute arguments, ... -- including the few semantic checks the
// parser stage happens to make on composite types ("A composite type cannot have block-level
// attributes.", "Defining `@id` attribute for a field in a composite type is not allowed.", ...), which are
// about meaning, not shape. `syntax_ok` is true when no diagnostic is of category "syntax" or "legacy".
// This list was worked out by feeding the pinned package good and broken schemas and by reading the parser's
// sources (psl/schema-ast/src/parser/*.rs in prisma-engines); tests/test_conformance.py exercises each.
//
// The datamodel summary is Prisma's DMMF datamodel (`get_datamodel`, which returns the `datamodel` part of
// `get_dmmf` without building the much larger query schema; on every fixture the two give the same models,
// fields, enums and types, differing only in how a default number is printed). It exists only for a schema with no errors at
// all. DMMF lists views among `models` (there is no separate `views` list in 6.19), drops `@@ignore`d
// models and views, and drops `Unsupported(...)` and `@ignore`d fields.
'use strict';

const path = require('path');
const readline = require('readline');

// The package is looked for under $PRISMA_LINT_ORACLE_DIR/node_modules (where client.py installs it),
// then wherever node's own resolution finds it.
function loadWasm() {
  const dir = process.env.PRISMA_LINT_ORACLE_DIR;
  const candidates = [];
  if (dir) candidates.push(path.resolve(dir, 'node_modules', '@prisma', 'prisma-schema-wasm'));
  candidates.push('@prisma/prisma-schema-wasm');
  let lastError = null;
  for (const candidate of candidates) {
    try {
      const module = require(candidate);
      const version = require(candidate + '/package.json').version;
      return { module, version };
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

const { module: wasm, version: VERSION } = loadWasm();

const PREFIX = 'Error validating: ';

const SYNTAX_PATTERNS = [
  /^This line is invalid\. It does not start with any known Prisma schema keyword\./,
  /^This block is invalid\. It does not start with any known Prisma schema keyword\./,
  /^This line is not a valid field or attribute definition\./,
  /^This line is not an enum value definition\./,
  /^This line is not a valid definition within a (datasource|generator|configuration block)\./,
  /^Unexpected token\./,
  /^Invalid type definition\. Please check the documentation in https:\/\/pris\.ly\/d\/composite-types/,
];

const LEGACY_PATTERNS = [
  /Field declarations don't require a `:`\./,
  /Fields are required by default, `!` is no longer required\./,
  /To specify a list, please use `Type\[\]` instead of `\[Type\]`\./,
  /Optional lists are not supported\. Use either `Type\[\]` or `Type\?`\./,
  /This field declaration is invalid\. It is either missing a name or a type\./,
];

function stripPrefix(text) {
  return text.startsWith(PREFIX) ? text.slice(PREFIX.length) : text;
}

function categorise(message, isWarning) {
  if (isWarning) return 'warning';
  if (SYNTAX_PATTERNS.some((re) => re.test(message))) return 'syntax';
  if (LEGACY_PATTERNS.some((re) => re.test(message))) return 'legacy';
  return 'validation';
}

function summariseField(f) {
  return {
    name: f.name,
    type: f.type,
    kind: f.kind,
    isList: f.isList,
    isRequired: f.isRequired,
  };
}

function summarise(datamodel) {
  return {
    models: (datamodel.models || []).map((m) => ({ name: m.name, fields: m.fields.map(summariseField) })),
    enums: (datamodel.enums || []).map((e) => ({ name: e.name, values: e.values.map((v) => v.name) })),
    types: (datamodel.types || []).map((t) => ({ name: t.name, fields: t.fields.map(summariseField) })),
  };
}

function getDatamodel(file, text) {
  const params = JSON.stringify({ prismaSchema: [[file, text]] });
  if (typeof wasm.get_datamodel === 'function') return JSON.parse(wasm.get_datamodel(params));
  return JSON.parse(wasm.get_dmmf(params)).datamodel;
}

function check(req) {
  const file = req.file || 'schema.prisma';
  const text = req.schema;
  if (typeof text !== 'string') throw new Error('"schema" must be a string');
  const raw = JSON.parse(wasm.lint(JSON.stringify([[file, text]])));
  const diagnostics = raw.map((d) => {
    const message = stripPrefix(d.text);
    return {
      message,
      start: d.start,
      end: d.end,
      is_warning: Boolean(d.is_warning),
      category: categorise(message, Boolean(d.is_warning)),
    };
  });
  const syntaxOk = !diagnostics.some((d) => d.category === 'syntax' || d.category === 'legacy');
  const hasErrors = diagnostics.some((d) => !d.is_warning);
  let datamodel = null;
  let datamodelError = null;
  if (!hasErrors) {
    try {
      datamodel = summarise(getDatamodel(file, text));
    } catch (err) {
      datamodelError = String(err && err.message ? err.message : err);
    }
  }
  return {
    syntax_ok: syntaxOk,
    valid: !hasErrors && datamodel !== null,
    diagnostics,
    datamodel,
    datamodel_error: datamodelError,
  };
}

function handle(line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (err) {
    return { id: null, ok: false, error: 'bad request: ' + String(err) };
  }
  try {
    if (req.op === 'ping') return { id: req.id, ok: true, version: VERSION };
    if (req.op === 'check') return Object.assign({ id: req.id, ok: true }, check(req));
    return { id: req.id, ok: false, error: 'unknown op: ' + String(req.op) };
  } catch (err) {
    return { id: req.id, ok: false, error: String(err && err.stack ? err.stack : err) };
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
rl.on('line', (line) => {
  if (!line.trim()) return;
  process.stdout.write(JSON.stringify(handle(line)) + '\n');
});
rl.on('close', () => process.exit(0));
