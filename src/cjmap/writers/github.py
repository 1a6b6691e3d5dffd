"""Findings as GitHub Actions workflow commands, shown as annotations on pull requests."""

from __future__ import annotations

from typing import TextIO

from cjmap.findings import Report, Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(report: Report, out: TextIO, color: bool) -> None:
    for finding in report.findings:
        properties = ",".join(
            (
                f"file={_escape_property(finding.path)}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"title={_escape_property(f'{finding.code} {finding.rule}')}",
            )
        )
        out.write(f"::{_LEVEL[finding.severity]} {properties}::{_escape_data(finding.message)}\n")
