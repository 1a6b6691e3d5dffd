"""``cjmap lint --statistics``: how many findings each rule gave, as rows (like ruff's).

For maps with many findings, one line per rule tells where the work is before the
findings themselves do. The rows go to the table writers: a table for people, JSON
for tools.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from cjmap.findings import Finding, Severity
from cjmap.reports.table import Column, Table

# The findings formats that have a statistics form, and the table format it takes.
TABLE_FORMAT_OF = {"text": "table", "json": "json"}


def rule_statistics(findings: Sequence[Finding], summary: str) -> Table:
    """One row per rule that found something, most findings first, then by code.

    A rule's severity is the worst its findings have (a config can set it per map).
    """
    counts = Counter((finding.code, finding.rule) for finding in findings)
    worst: dict[str, Severity] = {}
    for finding in findings:
        known = worst.get(finding.code)
        if known is None or finding.severity.rank > known.rank:
            worst[finding.code] = finding.severity
    rows = [
        {"count": count, "code": code, "rule": rule, "severity": worst[code].value}
        for (code, rule), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return Table(
        columns=[
            Column("count", "Count", numeric=True),
            Column("code", "Code"),
            Column("rule", "Rule"),
            Column("severity", "Severity", severity=True),
        ],
        rows=rows,
        summary=summary,
        empty=summary,
    )
