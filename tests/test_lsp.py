"""The language server, driven as an editor drives it: pygls' own client starts `prisma-lint lsp` as a
subprocess and talks to it over stdio.

Each test is one session: initialize, open a defective schema, receive its diagnostics, ask for code
actions, apply the edit, receive clean diagnostics; hover; a config change; a malformed document.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Optional

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

MISSING_INDEX = """model Visit {
  id       String        @id @default(uuid())
  messages ChatMessage[]
}

model ChatMessage {
  id      String @id @default(uuid())
  visitId String
  visit   Visit  @relation(fields: [visitId], references: [id], onDelete: Cascade)
}
"""
CONFIG = '[tool.prisma-lint]\nextends = "none"\nselect = ["PL201", "PL003"]\n'
TIMEOUT = 20


class Editor:
    """A minimal editor: keeps the documents' text, applies workspace edits, collects diagnostics."""

    def __init__(self, root: Path, initialization_options: Optional[dict] = None) -> None:
        self.root = root
        self.options = initialization_options
        self.client = LanguageClient("test-editor", "1")
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.registrations: list[types.Registration] = []
        self._arrived = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self._arrived.set()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    async def __aenter__(self) -> "Editor":
        await self.client.start_io(sys.executable, "-m", "prisma_lint", "lsp", "--debounce", "0.05")
        capabilities = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=from_fs_path(str(self.root)),
            initialization_options=self.options)), TIMEOUT)
        self.capabilities = result.capabilities
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await self.client.stop()

    async def diagnostics(self, uri: str, count: int = 1) -> list[types.Diagnostic]:
        """Wait until the `count`-th publication for `uri`; return its diagnostics."""
        async def wait() -> None:
            while len(self.published.get(uri, [])) < count:
                self._arrived.clear()
                await self._arrived.wait()

        await asyncio.wait_for(wait(), TIMEOUT)
        return list(self.published[uri][count - 1].diagnostics)

    def open(self, path: Path) -> str:
        uri = from_fs_path(str(path))
        self.texts[uri] = path.read_text()
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
            uri=uri, language_id="prisma", version=1, text=self.texts[uri])))
        return uri

    def change(self, uri: str, text: str) -> None:
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))

    def apply(self, edit: types.WorkspaceEdit) -> None:
        for change in edit.document_changes:
            uri = change.text_document.uri
            lines = self.texts[uri].splitlines(keepends=True)
            offsets = [0]
            for line in lines:
                offsets.append(offsets[-1] + len(line))

            def offset(position: types.Position) -> int:  # these tests' texts are ASCII: characters are units
                return offsets[min(position.line, len(lines))] + position.character

            text = self.texts[uri]
            for text_edit in sorted(change.edits, key=lambda e: (e.range.start.line, e.range.start.character),
                                    reverse=True):
                text = text[:offset(text_edit.range.start)] + text_edit.new_text + text[offset(text_edit.range.end):]
            self.change(uri, text)

    async def code_actions(self, uri: str, diagnostics: list[types.Diagnostic], only=None) -> list[types.CodeAction]:
        whole = types.Range(types.Position(0, 0), types.Position(len(self.texts[uri].splitlines()), 0))
        return await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), whole, types.CodeActionContext(diagnostics=diagnostics, only=only))),
            TIMEOUT)


def _project(tmp_path: Path, schema: str = MISSING_INDEX) -> Path:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    path = tmp_path / "prisma" / "schema.prisma"
    path.parent.mkdir()
    path.write_text(schema)
    return path


def _run(coroutine) -> None:
    asyncio.run(coroutine)


def test_quick_fix_session(tmp_path: Path) -> None:
    path = _project(tmp_path)

    async def session() -> None:
        async with Editor(tmp_path) as editor:
            assert list(editor.capabilities.code_action_provider.code_action_kinds) == [
                types.CodeActionKind.QuickFix, "source.fixAll.prisma-lint"]
            uri = editor.open(path)
            found = await editor.diagnostics(uri)
            assert [(d.code, d.range.start.line, d.range.start.character, d.severity) for d in found] == [
                ("PL201", 7, 2, types.DiagnosticSeverity.Warning)]
            assert found[0].code_description.href.endswith("/missing-relation-index.md")
            assert found[0].source == "prisma-lint"

            actions = await editor.code_actions(uri, found, only=[types.CodeActionKind.QuickFix])
            assert [a.title for a in actions] == ["Add `@@index([visitId])` to model `ChatMessage`."]
            assert actions[0].kind == types.CodeActionKind.QuickFix and actions[0].is_preferred
            editor.apply(actions[0].edit)
            assert editor.texts[uri].endswith("onDelete: Cascade)\n\n  @@index([visitId])\n}\n")
            assert await editor.diagnostics(uri, 2) == []
            assert path.read_text() == MISSING_INDEX  # the server never writes: the editor applies edits

    _run(session())


def test_fix_all_and_hover(tmp_path: Path) -> None:
    schema = MISSING_INDEX.replace("model Visit {", "model Visit {\n  // prisma-lint-disable-next-line PL201")
    path = _project(tmp_path, schema)

    async def session() -> None:
        async with Editor(tmp_path) as editor:
            uri = editor.open(path)
            found = await editor.diagnostics(uri)
            assert sorted(d.code for d in found) == ["PL003", "PL201"]
            hover = await asyncio.wait_for(editor.client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(8, 4))), TIMEOUT)
            assert hover.contents.value.startswith("**PL201 missing-relation-index**: Foreign key `visitId`")
            assert "### Why is this bad?" in hover.contents.value
            assert await asyncio.wait_for(editor.client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(2, 0))), TIMEOUT) is None

            actions = await editor.code_actions(uri, [], only=["source.fixAll"])
            assert [a.kind for a in actions] == ["source.fixAll.prisma-lint"]
            editor.apply(actions[0].edit)
            assert editor.texts[uri] == MISSING_INDEX.replace("Cascade)\n}", "Cascade)\n\n  @@index([visitId])\n}")
            assert await editor.diagnostics(uri, 2) == []

    _run(session())


def test_config_change_is_read_again(tmp_path: Path) -> None:
    path = _project(tmp_path)

    async def session() -> None:
        async with Editor(tmp_path) as editor:
            uri = editor.open(path)
            assert [d.code for d in await editor.diagnostics(uri)] == ["PL201"]
            assert editor.registrations and editor.registrations[0].method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            (tmp_path / "pyproject.toml").write_text(CONFIG.replace('"PL201", ', ""))
            editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([types.FileEvent(
                uri=from_fs_path(str(tmp_path / "pyproject.toml")), type=types.FileChangeType.Changed)]))
            assert await editor.diagnostics(uri, 2) == []
            (tmp_path / "pyproject.toml").write_text(CONFIG.replace("PL201", "no-such-rule"))
            editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([types.FileEvent(
                uri=from_fs_path(str(tmp_path / "pyproject.toml")), type=types.FileChangeType.Changed)]))
            broken = await editor.diagnostics(uri, 3)
            assert len(broken) == 1 and "no-such-rule" in broken[0].message and "pyproject.toml" in broken[0].message

    _run(session())


def test_malformed_documents_never_crash_the_server(tmp_path: Path) -> None:
    path = _project(tmp_path, "model {\n")

    async def session() -> None:
        async with Editor(tmp_path) as editor:
            uri = editor.open(path)
            found = await editor.diagnostics(uri)
            assert found and all(d.code == "PL001" for d in found)
            for count, text in enumerate(["\x00\ufeff}}}", "model A { id Int @id", "", "model é {\n  ü Int @id\n}\n",
                                          MISSING_INDEX], start=2):
                editor.change(uri, text)
                found = await editor.diagnostics(uri, count)
                assert all(d.code != "PL000" for d in found), found
            assert [d.code for d in found] == ["PL201"]
            actions = await editor.code_actions(uri, found)
            assert {a.kind for a in actions} == {types.CodeActionKind.QuickFix, "source.fixAll.prisma-lint"}

    _run(session())


def test_schema_folder_is_linted_as_one_schema(tmp_path: Path) -> None:
    folder = tmp_path / "prisma" / "schema"
    folder.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text(CONFIG.replace('"PL003"', '"PL005"'))
    (folder / "visit.prisma").write_text(MISSING_INDEX.split("\n\n")[0] + "\n")
    (folder / "chat.prisma").write_text(MISSING_INDEX.split("\n\n")[1])

    async def session() -> None:
        async with Editor(tmp_path) as editor:
            uri = editor.open(folder / "chat.prisma")
            assert [d.code for d in await editor.diagnostics(uri)] == ["PL201"]  # `Visit` is found in visit.prisma

    _run(session())


def test_a_service_schema_is_linted_in_its_project(tmp_path: Path) -> None:
    """The editor shows exactly what `prisma-lint services/` shows for that file: the document is linted
    with every service of the project (the cross-service rules see them all)."""
    import shutil

    from prisma_lint.linter import lint_paths

    platform = Path(__file__).resolve().parents[1] / "fixtures" / "platform"
    shutil.copytree(platform, tmp_path / "platform")
    services = tmp_path / "platform" / "services"
    schema = sorted(services.glob("*/prisma/schema.prisma"))[0]
    expected = [(d.code, d.line - 1, d.column - 1, d.message) for d in lint_paths([services]).diagnostics
                if d.path == str(schema)]
    assert expected

    async def session() -> None:
        async with Editor(tmp_path) as editor:
            uri = editor.open(schema)
            found = await editor.diagnostics(uri)
            assert [(d.code, d.range.start.line, d.range.start.character, d.message) for d in found] == expected

    _run(session())


def test_hover_explains_a_rule_of_the_run_not_only_a_built_in_one(tmp_path: Path, monkeypatch) -> None:
    """In process: the run's registry holds a rule the default registry lacks (as a plugin or a library
    caller's registry does); hovering its finding shows that rule's sections, not just the message."""
    import types as modules

    from pygls.workspace import Workspace

    from prisma_lint.config import config_from_dict
    from prisma_lint.lsp import server as server_module
    from prisma_lint.rules.base import Rule
    from prisma_lint.rules.registry import Registry, default_registry

    def check(schema, ctx):
        for model in schema.models:
            yield ctx.diagnostic(model.name_span, "Found a model.")

    module = modules.ModuleType("acme_rules.any")
    module.__doc__ = ("A test rule.\n\n## What it does\nFlags every model.\n## Why is this bad?\nAcme says so.\n"
                      "## Example\nx\n## Options\nNone.")
    module.CODE, module.NAME, module.CATEGORY, module.SEVERITY = "AC002", "any-model", "test", "error"
    module.check = check
    registry = Registry([Rule.from_module(module)])
    assert default_registry().find("AC002") is None
    config = config_from_dict({"extends": "none", "select": ["AC002"]}, registry)
    real_lint_groups = server_module.lint_groups
    monkeypatch.setattr(server_module, "lint_groups",  # the server's discovered config, as if it named the registry
                        lambda groups, _config, texts: real_lint_groups(groups, config, texts))

    schema = tmp_path / "schema.prisma"
    schema.write_text("model A {\n  id Int @id\n}\n")
    ls = server_module.PrismaLintServer()
    ls.protocol._workspace = Workspace(from_fs_path(str(tmp_path)))
    monkeypatch.setattr(ls, "text_document_publish_diagnostics", lambda params: None)
    uri = from_fs_path(str(schema))
    ls.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="prisma", version=1,
                                                          text=schema.read_text()))
    hover = ls.hover(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri),
                                       position=types.Position(line=0, character=6)))
    assert hover.contents.value == ("**AC002 any-model**: Found a model.\n\n### What it does\nFlags every model."
                                    "\n\n### Why is this bad?\nAcme says so.")
