"""Findings as SARIF 2.1.0, the format GitHub code scanning uploads.

Every check the command can report is listed in ``tool.driver.rules`` (so code
scanning can show a rule's help even for rules that found nothing), and file
URIs are relative to the working directory, which in a workflow is the
repository's root, so that code scanning can place each result in a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from cjmap.findings import Check, Finding, Report, Severity

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

_VALIDATE_HELP = (
    "This is a check of `cjmap validate`: the map does not follow format v1 until it is "
    "fixed. The codes are explained in docs/format.md, section 'Error codes'."
)


def artifact_uri(path: str, cwd: Path) -> str:
    """The file's URI: relative to ``cwd`` when inside it, else an absolute file URI."""
    absolute = Path(os.path.normpath(cwd / path))
    try:
        relative = absolute.relative_to(cwd)
    except ValueError:
        return absolute.as_uri()
    return quote(relative.as_posix())


def _first_paragraph(text: str) -> str:
    return " ".join(text.split("\n\n", 1)[0].split())


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def rule_descriptor(check: Check) -> dict[str, Any]:
    """A check as a SARIF reportingDescriptor: id, name, descriptions, help, level."""
    summary = _sentence(check.summary)
    help_text = check.description or f"{summary}\n\n{_VALIDATE_HELP}"
    return {
        "id": check.code,
        "name": check.rule,
        "shortDescription": {"text": summary},
        "fullDescription": {
            "text": _first_paragraph(check.description) if check.description else summary
        },
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[check.severity]},
        "properties": {"tags": ["cjmap", "lint" if check.code.startswith("L") else "validate"]},
    }


def _result(finding: Finding, rule_index: int, cwd: Path) -> dict[str, Any]:
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path, cwd)},
                    "region": {
                        "startLine": max(finding.line, 1),
                        "startColumn": max(finding.column, 1),
                    },
                }
            }
        ],
    }


def sarif_log(report: Report, cwd: Path) -> dict[str, Any]:
    """The whole SARIF log for a report, as plain data."""
    from cjmap import __version__

    checks = list(report.checks)
    index = {check.code: position for position, check in enumerate(checks)}
    for finding in report.findings:
        if finding.code not in index:  # a writer must not drop a finding
            index[finding.code] = len(checks)
            checks.append(Check(finding.code, finding.rule, finding.rule, finding.severity))
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cjmap",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule_descriptor(check) for check in checks],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(finding, index[finding.code], cwd) for finding in report.findings
                ],
            }
        ],
    }


def write(report: Report, out: TextIO, color: bool) -> None:
    json.dump(sarif_log(report, Path.cwd()), out, indent=2, ensure_ascii=False)
    out.write("\n")
