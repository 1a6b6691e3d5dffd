"""The one result type shared by validate, lint and every output format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used to compare against thresholds."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, at a 1-based line and column (0 when unknown)."""

    path: str
    line: int
    column: int
    code: str
    rule: str
    severity: Severity
    message: str

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Check:
    """What a check is, for listings and SARIF: stable code, name, severity, summary, help."""

    code: str
    rule: str
    summary: str
    severity: Severity = Severity.ERROR
    description: str = ""


# The checks of `cjmap validate`. Codes are stable: never reuse or renumber one.
VALIDATE_CHECKS: tuple[Check, ...] = (
    Check("E001", "yaml-syntax", "the file is not well-formed YAML"),
    Check("E002", "duplicate-key", "a key appears twice in the same mapping"),
    Check("E003", "unsupported-tag", "a YAML tag other than the standard ones"),
    Check("E004", "not-utf8", "the file is not UTF-8 text"),
    Check("E005", "alias-limit", "aliases expand to more nodes than allowed"),
    Check("E006", "too-deep", "the YAML nests deeper than allowed"),
    Check("E007", "too-large", "the file is larger than the size limit"),
    Check("E008", "not-a-mapping", "the document is empty or not a mapping"),
    Check("E100", "format-version", "the top-level `cjmap` key is missing or not 1"),
    Check("E101", "missing-key", "a required key is missing"),
    Check("E102", "invalid-value", "a value has the wrong type or is out of range"),
    Check("E103", "unknown-key", "a key that format v1 does not define"),
    Check("E104", "invalid-id", "an id does not match ^[A-Za-z0-9][A-Za-z0-9_.-]*$"),
    Check("E105", "duplicate-id", "two items of the same kind share an id"),
    Check("E201", "undefined-stage", "a touchpoint names a stage that is not defined"),
    Check("E202", "undefined-channel", "a touchpoint names a channel that is not defined"),
    Check(
        "E203", "undefined-persona", "a touchpoint, journey or emotion names an undefined persona"
    ),
    Check("E204", "undefined-touchpoint", "a journey or action names an undefined touchpoint"),
    Check("E205", "undefined-pain", "an action names a pain id that is not defined"),
    Check("E206", "undefined-opportunity", "an action names an opportunity that is not defined"),
    Check("E207", "undefined-curve", "a score names a curve that is not defined"),
    Check("E208", "undefined-organisation", "a touchpoint names an undefined organisation"),
    Check("E209", "undefined-addressed", "an opportunity addresses no pain, touchpoint or stage"),
)

CHECKS_BY_CODE: dict[str, Check] = {check.code: check for check in VALIDATE_CHECKS}


def error(path: str, line: int, column: int, code: str, message: str) -> Finding:
    """A validate finding: error severity, rule name looked up from the code."""
    return Finding(path, line, column, code, CHECKS_BY_CODE[code].rule, Severity.ERROR, message)


@dataclass(frozen=True)
class Report:
    """What a checking command hands to a writer."""

    findings: Sequence[Finding]
    files: int
    checks: Sequence[Check] = field(default=VALIDATE_CHECKS)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)
