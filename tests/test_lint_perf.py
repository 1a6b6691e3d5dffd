"""Lint stays cheap next to validate: no rule rescans the map per touchpoint.

The map here lints clean, so the time measured is the rules and the engine. A map
with findings also pays for the loader's positions pass (the same one validate pays
for when it reports anything).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from cjmap.lint import run_rules
from cjmap.loader import load_text
from cjmap.validate import validate_document

T = TypeVar("T")
TOUCHPOINTS = 10_000


def big_clean_map(count: int) -> str:
    stages = [f"s{number}" for number in range(12)]
    lines = [
        "cjmap: 1",
        "map: {title: Every touchpoint we have}",
        "personas:",
        "  - {id: parent, name: Busy parent}",
        "  - {id: barista, name: Home barista}",
        "stages:",
        *(f"  - {{id: {stage}, name: Stage {stage}}}" for stage in stages),
        "channels:",
        *(f"  - {{id: c{number}, name: Channel {number}}}" for number in range(10)),
        "touchpoints:",
    ]
    for number in range(count):
        lines += [
            f"  - id: t{number}",
            f"    name: Step number {number}",
            f"    stage: {stages[number * len(stages) // count]}",
            f"    channels: [c{number % 10}]",
            "    personas: [parent, barista]",
            "    owner: Team",
            "    doing: Does",
            "    thinking: Thinks",
            "    feeling: Feels",
            f"    emotion: {number % 5 - 2}",
            "    pains: [{text: A small pain, severity: low}]",
            "    metrics: [{name: Effort, value: 2, target: 3, better: lower}]",
        ]
    lines += [
        "journeys:",
        f"  - {{id: j1, name: Parent, persona: parent, steps: [t0, t{count - 1}]}}",
        f"  - {{id: j2, name: Barista, persona: barista, steps: [t1, t{count - 1}]}}",
    ]
    return "\n".join(lines) + "\n"


def fastest(function: Callable[[], T], runs: int = 3) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def test_lint_within_1_3_times_validate_on_10k_touchpoints() -> None:
    text = big_clean_map(TOUCHPOINTS)
    validate_time, checked = fastest(lambda: validate_document(load_text(text, "big.yaml")))
    assert checked.model is not None and len(checked.model.touchpoints) == TOUCHPOINTS
    rules_time, linted = fastest(lambda: run_rules(checked))
    assert [finding.code for finding in linted.findings] == []
    ratio = (validate_time + rules_time) / validate_time
    assert ratio < 1.3, f"validate {validate_time:.2f}s, rules {rules_time:.2f}s: {ratio:.2f}x"
