"""The language server: the linter's findings as diagnostics, its fixes as code actions.

What an editor gets:

* diagnostics when a document is opened, changed (after `debounce` seconds without another change) and
  saved, each with its rule code linking to the rule's page (`codeDescription`);
* a quick fix for each finding that has a fix (unsafe ones say so in the title), and "fix all" as the
  code action kind `source.fixAll.prisma-lint` (safe fixes only, unless the initialization option
  `unsafeFixes` is true);
* on hover over a finding, the rule's explanation;
* the configuration found from the document's path as on the command line, read again on every lint, so
  a change to it applies at once; when the editor reports a changed config file, every open document is
  linted again.

Initialization options (all optional): `unsafeFixes` (bool), `docsUrl` (the base URL of the rule pages,
`{docsUrl}/{rule-name}.md`; default: the `docs/rules` folder of a source checkout, when there is one).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Optional

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from prisma_lint import __version__
from prisma_lint.config import ConfigError
from prisma_lint.diagnostics import Diagnostic, Severity
from prisma_lint.fixes.edits import fix_applies
from prisma_lint.linter import InputError, lint_groups, lint_text
from prisma_lint.lsp.convert import diagnostic_range, text_edit, whole_text_edits
from prisma_lint.lsp.documents import CONFIG_NAMES, document_path, project_groups
from prisma_lint.rules.registry import Registry

__all__ = ["PrismaLintServer", "build_server", "FIX_ALL"]

FIX_ALL = "source.fixAll.prisma-lint"
SOURCE = "prisma-lint"
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
_SOURCE_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"
log = logging.getLogger(__name__)


class _Linted:
    """One document's last lint: the text it was linted with and its findings, each with its protocol
    form (so a code action or a hover answers for exactly what the editor shows), and the rules of the run
    that found them (plugins included: a hover explains a rule from them)."""

    def __init__(self, text: str, findings: list[tuple[Diagnostic, types.Diagnostic]],
                 registry: Optional[Registry] = None) -> None:
        self.text = text
        self.findings = findings
        self.registry = registry


class PrismaLintServer(LanguageServer):
    def __init__(self, debounce: float = 0.3) -> None:
        super().__init__("prisma-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.unsafe_fixes = False
        self.docs_url: Optional[str] = from_fs_path(str(_SOURCE_DOCS)) if _SOURCE_DOCS.is_dir() else None
        self.linted: dict[str, _Linted] = {}
        self._pending: dict[str, asyncio.Task] = {}

    # -- linting ------------------------------------------------------------------------------------------

    @staticmethod
    def is_schema(uri: str) -> bool:
        return uri.endswith(".prisma")

    def _open_texts(self) -> dict[str, str]:
        texts = {}
        for uri, document in self.workspace.text_documents.items():
            path = document_path(uri)
            if path is not None and self.is_schema(uri):
                texts[str(path)] = document.source
        return texts

    def lint(self, uri: str) -> None:
        """Lint the document with its schema and project, and publish the diagnostics of every open
        document of them (a change to one file can fix or break a finding in another)."""
        document = self.workspace.get_text_document(uri)
        path = document_path(uri)
        uris = [uri]
        registry = None  # the default registry, unless a run says which rules it had
        try:
            if path is None:
                found = {uri: lint_text(document.source)}
            else:
                groups = project_groups(path)
                files = {str(p) for group in groups for p in group}
                open_uris = {str(document_path(u)): u for u in self.workspace.text_documents
                             if self.is_schema(u) and document_path(u) is not None}
                uris = [uri, *sorted(u for p, u in open_uris.items() if p in files and u != uri)]
                result = lint_groups(groups, None, self._open_texts())
                registry = result.rule_registry()
                found = {u: [] for u in uris}
                for diagnostic in result.diagnostics:
                    target = open_uris.get(diagnostic.path) if diagnostic.path else None
                    if target in found:
                        found[target].append(diagnostic)
        except (ConfigError, InputError) as error:
            found = {uri: [Diagnostic(str(path) if path else None, 1, 1, 1, 1, "PL000", "configuration-error",
                                      Severity.ERROR, f"prisma-lint cannot lint this file: {error}")]}
            uris = [uri]
        except Exception as error:  # noqa: BLE001 - an editor session must survive any document
            log.exception("lint failed")
            found = {uri: [Diagnostic(None, 1, 1, 1, 1, "PL000", "internal-error", Severity.ERROR,
                                      f"prisma-lint failed on this document: {type(error).__name__}: {error}. "
                                      "Please report it with the schema.")]}
            uris = [uri]
        for target in uris:
            self._publish(target, found.get(target, []), registry)

    def _publish(self, uri: str, diagnostics: list[Diagnostic], registry: Optional[Registry] = None) -> None:
        document = self.workspace.get_text_document(uri)
        findings = [(d, self._to_lsp(document, d)) for d in diagnostics]
        self.linted[uri] = _Linted(document.source, findings, registry)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=[lsp for _, lsp in findings]))

    def _to_lsp(self, document, diagnostic: Diagnostic) -> types.Diagnostic:
        description = None
        if self.docs_url and diagnostic.code != "PL000":
            description = types.CodeDescription(href=f"{self.docs_url.rstrip('/')}/{diagnostic.rule}.md")
        return types.Diagnostic(
            range=diagnostic_range(document, diagnostic), message=diagnostic.message,
            severity=_SEVERITY[diagnostic.severity], code=diagnostic.code, code_description=description,
            source=SOURCE, data={"rule": diagnostic.rule, "fixable": bool(diagnostic.edits)})

    def current(self, uri: str) -> _Linted:
        """The document's findings for its text as it is now (linted again when a change is pending)."""
        linted = self.linted.get(uri)
        if linted is None or linted.text != self.workspace.get_text_document(uri).source:
            self.lint(uri)
            linted = self.linted[uri]
        return linted

    def schedule(self, uri: str) -> None:
        """Lint after `debounce` seconds without another change to the document."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            self._pending.pop(uri, None)
            if uri in self.workspace.text_documents:
                self.lint(uri)

        self._pending[uri] = asyncio.get_running_loop().create_task(later())

    def lint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            if self.is_schema(uri):
                self.lint(uri)

    # -- fixes --------------------------------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        if not self.is_schema(uri) or uri not in self.workspace.text_documents:
            return []
        only = params.context.only

        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)

        linted = self.current(uri)
        document = self.workspace.get_text_document(uri)
        actions: list[types.CodeAction] = []
        if wanted(types.CodeActionKind.QuickFix):
            for diagnostic, lsp in linted.findings:
                if not diagnostic.edits or not _overlaps(lsp.range, params.range):
                    continue
                title = diagnostic.fix_hint or f"Fix {diagnostic.code}"
                actions.append(types.CodeAction(
                    title=f"{title} (unsafe fix)" if diagnostic.unsafe_fix else title,
                    kind=types.CodeActionKind.QuickFix, diagnostics=[lsp], is_preferred=not diagnostic.unsafe_fix,
                    edit=self._workspace_edit(document, [text_edit(document, e) for e in diagnostic.edits])))
        if wanted(FIX_ALL) and any(fix_applies(d, self.unsafe_fixes) for d, _ in linted.findings):
            fixed = self._fix_all(uri)
            if fixed is not None and fixed != document.source:
                actions.append(types.CodeAction(
                    title="prisma-lint: fix all auto-fixable problems", kind=FIX_ALL,
                    edit=self._workspace_edit(document, whole_text_edits(document, fixed))))
        return actions

    def _fix_all(self, uri: str) -> Optional[str]:
        from prisma_lint.fixes.engine import fix_texts

        path = document_path(uri)
        source = self.workspace.get_text_document(uri).source
        if path is None:
            path = Path("untitled.prisma")
            groups, texts = [[path]], {str(path): source}
        else:
            groups, texts = project_groups(path), self._open_texts()
        try:
            outcome = fix_texts(groups, texts, None, unsafe=self.unsafe_fixes)
        except (ConfigError, InputError):
            return None
        return outcome.texts.get(str(path))

    @staticmethod
    def _workspace_edit(document, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=document.uri, version=document.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier, edits=edits)])

    # -- hover --------------------------------------------------------------------------------------------

    def hover(self, params: types.HoverParams) -> Optional[types.Hover]:
        uri = params.text_document.uri
        if not self.is_schema(uri) or uri not in self.workspace.text_documents:
            return None
        point = types.Range(start=params.position, end=params.position)
        parts = []
        linted = self.current(uri)
        for diagnostic, lsp in linted.findings:
            if _overlaps(lsp.range, point):
                parts.append(_explain(diagnostic, linted.registry))
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(parts)))


def _explain(diagnostic: Diagnostic, registry: Optional[Registry] = None) -> str:
    """The hover text of a finding: its rule, the message, the fix, and the rule's "What it does" and
    "Why is this bad?" sections, the rule taken from the run's `registry` (the default one if not given)."""
    from prisma_lint.rules.registry import default_registry

    lines = [f"**{diagnostic.code} {diagnostic.rule}**: {diagnostic.message}"]
    if diagnostic.fix_hint:
        lines.append(f"Fix{' (unsafe)' if diagnostic.unsafe_fix else ''}: {diagnostic.fix_hint}")
    rule = (registry or default_registry()).find(diagnostic.code)
    if rule is not None:
        from prisma_lint.rules.docs import sections

        found = sections(rule)
        for heading in ("What it does", "Why is this bad?"):
            if found.get(heading):
                lines.append(f"### {heading}\n{found[heading].strip()}")
    return "\n\n".join(lines)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def build_server(debounce: float = 0.3) -> PrismaLintServer:
    server = PrismaLintServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: PrismaLintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        ls.unsafe_fixes = bool(options.get("unsafeFixes", False))
        if isinstance(options.get("docsUrl"), str):
            ls.docs_url = options["docsUrl"]

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PrismaLintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="prisma-lint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PrismaLintServer, params: types.DidOpenTextDocumentParams) -> None:
        if ls.is_schema(params.text_document.uri):
            ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PrismaLintServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.is_schema(params.text_document.uri):
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PrismaLintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
            ls.lint_all()
        elif ls.is_schema(uri):
            ls.lint(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PrismaLintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.linted.pop(uri, None)
        if ls.is_schema(uri):
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: PrismaLintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.rsplit("/", 1)[-1] in CONFIG_NAMES or ls.is_schema(change.uri) for change in params.changes):
            ls.lint_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False))
    def code_action(ls: PrismaLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PrismaLintServer, params: types.HoverParams) -> Optional[types.Hover]:
        return ls.hover(params)

    return server
