"""Findings as the editor's diagnostics, and the quick fixes offered for them."""

from __future__ import annotations

import re

from lsprotocol import types

from cjmap.findings import Finding, Severity
from cjmap.lsp.index import Span, scalar_span
from cjmap.lsp.text import Lines

SOURCE = "cjmap"
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'")
_LINE_IGNORE = re.compile(r"#[ \t]*cjmap:[ \t]*ignore[ \t]*\[(?P<names>[^\]\n]*)\]")


def finding_span(lines: Lines, finding: Finding) -> Span:
    """The text a finding is about: the key or value at its line and column."""
    line = max(finding.line, 1)
    return scalar_span(lines[line], line, max(finding.column, 1))


def diagnostic(lines: Lines, finding: Finding) -> types.Diagnostic:
    span = finding_span(lines, finding)
    return types.Diagnostic(
        range=lines.range(span),
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        source=SOURCE,
        data={"rule": finding.rule},
    )


class DiagnosticCache:
    """The diagnostics last published for a map, reused for findings whose line is unchanged.

    Most findings stay the same from one keystroke to the next; building each again,
    for a map with thousands of them, would cost more than checking the map.
    """

    def __init__(self) -> None:
        self._made: dict[tuple[Finding, str], types.Diagnostic] = {}

    def diagnostics(self, lines: Lines, findings: list[Finding]) -> list[types.Diagnostic]:
        made: dict[tuple[Finding, str], types.Diagnostic] = {}
        result = []
        for finding in findings:
            key = (finding, lines[finding.line])
            found = self._made.get(key) or made.get(key) or diagnostic(lines, finding)
            made[key] = found
            result.append(found)
        self._made = made
        return result


def config_diagnostic(problem: str) -> types.Diagnostic:
    """An unusable cjmap.toml or [tool.cjmap]: lint stops, as the command does."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 1)),
        message=f"{problem} (lint rules are off until the config can be read)",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        code="config",
    )


def _rule_of(diagnostic: types.Diagnostic) -> str | None:
    data = diagnostic.data
    rule = data.get("rule") if isinstance(data, dict) else None
    code = str(diagnostic.code or "")
    return rule if isinstance(rule, str) and code.startswith("L") else None


def ignore_edit(lines: Lines, line: int, rule: str) -> types.TextEdit:
    """Add ``# cjmap: ignore[rule]`` to a line, or the rule to the one already there."""
    text = lines[line]
    existing = _LINE_IGNORE.search(text)
    if existing is not None:
        names = existing.group("names")
        at = existing.end("names")
        spacer = ", " if names.strip() else ""
        position = lines.position(line, at + 1)
        return types.TextEdit(types.Range(position, position), f"{spacer}{rule}")
    end = lines.position(line, len(text) + 1)
    return types.TextEdit(types.Range(end, end), f"  # cjmap: ignore[{rule}]")


def code_actions(
    uri: str, lines: Lines, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    """A did-you-mean fix and a suppression comment for each of cjmap's diagnostics."""
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        if diagnostic.source != SOURCE:
            continue
        suggestion = _DID_YOU_MEAN.search(diagnostic.message)
        if suggestion is not None:
            edit = types.TextEdit(diagnostic.range, suggestion.group(1))
            actions.append(
                types.CodeAction(
                    title=f"Replace with '{suggestion.group(1)}'",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        rule = _rule_of(diagnostic)
        if rule is not None:
            line = diagnostic.range.start.line + 1
            actions.append(
                types.CodeAction(
                    title=f"Ignore {rule} on this line (# cjmap: ignore[{rule}])",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=types.WorkspaceEdit(changes={uri: [ignore_edit(lines, line, rule)]}),
                )
            )
    return actions
