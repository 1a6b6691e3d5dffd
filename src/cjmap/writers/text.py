"""Findings for people: ``path:line:col: CODE (severity) message``, coloured on a terminal."""

from __future__ import annotations

from typing import TextIO

from cjmap.findings import Finding, Report, Severity
from cjmap.text import escape_controls, plural

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _count(report: Report, severity: Severity) -> str:
    count = report.count(severity)
    # "info" reads as a mass noun: "3 info", like "3 errors" and "3 warnings".
    return f"{count} info" if severity is Severity.INFO else plural(count, severity.value)


def summary(report: Report) -> str:
    """One closing line: what was found in how many files."""
    maps = plural(report.files, "map")
    if not report.files:
        return "No maps checked."
    if not report.findings:
        return f"No problems found in {maps}."
    parts = [_count(report, severity) for severity in Severity if report.count(severity)]
    with_findings = len({finding.path for finding in report.findings})
    return f"Found {', '.join(parts)} in {with_findings} of {maps}."


def _severity_tag(finding: Finding) -> str:
    # Errors are the common case and stay unmarked, as in compilers and ruff.
    return "" if finding.severity is Severity.ERROR else f"({finding.severity.value}) "


def line(finding: Finding) -> str:
    """``path:line:col: CODE (severity) message`` on one line, whatever the path and
    message hold (validate and lint escape messages already; a file name may not be)."""
    return escape_controls(
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} "
        f"{_severity_tag(finding)}{finding.message}"
    )


def write(report: Report, out: TextIO, color: bool) -> None:
    if not color:
        for finding in report.findings:
            out.write(line(finding) + "\n")
        out.write(summary(report) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, highlight=False, soft_wrap=True)
    for finding in report.findings:
        console.print(
            f"[bold]{escape(escape_controls(finding.path))}[/]:{finding.line}:{finding.column}: "
            f"[{_STYLE[finding.severity]}]{finding.code} {_severity_tag(finding)}[/]"
            f"{escape(escape_controls(finding.message))}"
        )
    style = (
        "green"
        if not report.findings
        else _STYLE[max((finding.severity for finding in report.findings), key=lambda s: s.rank)]
    )
    console.print(f"[{style}]{escape(summary(report))}[/]")
