"""Findings as a JSON list of objects, for tools."""

from __future__ import annotations

import json
from typing import TextIO

from cjmap.findings import Report


def write(report: Report, out: TextIO, color: bool) -> None:
    json.dump([finding.to_dict() for finding in report.findings], out, indent=2, ensure_ascii=False)
    out.write("\n")
