from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace


def test_explicit_hypothesis_points_at_evidence(tmp_path: Path) -> None:
    text = replace("    evidence: observed\n", "    evidence: hypothesis\n")
    assert found(tmp_path, text, "unvalidated-moment-of-truth") == [
        ("L110", *at(text, "hypothesis"))
    ]
    assert messages(tmp_path, text, "unvalidated-moment-of-truth") == [
        "moment of truth 'checkout' rests on a hypothesis; "
        "check it with customers and set evidence to observed or validated"
    ]


def test_default_evidence_points_at_moment_of_truth(tmp_path: Path) -> None:
    text = replace("    evidence: observed\n", "")
    assert found(tmp_path, text, "unvalidated-moment-of-truth") == [
        ("L110", *at(text, "true", after="moment_of_truth"))
    ]
    assert "gives no evidence" in messages(tmp_path, text, "unvalidated-moment-of-truth")[0]


@pytest.mark.parametrize("evidence", ["observed", "validated"])
def test_checked_with_customers(tmp_path: Path, evidence: str) -> None:
    text = replace("    evidence: observed\n", f"    evidence: {evidence}\n")
    assert found(tmp_path, text, "unvalidated-moment-of-truth") == []


def test_ordinary_touchpoints_may_be_hypotheses(tmp_path: Path) -> None:
    assert "evidence" not in CLEAN.split("- id: checkout")[0]  # 'ad' is a hypothesis
    assert found(tmp_path, CLEAN, "unvalidated-moment-of-truth") == []
