"""Lint stays cheap next to validate: no rule rescans the map per touchpoint.

Speed itself is measured by bench/run.py, not here. These tests count how often the
rules walk the list of touchpoints: the count must not grow with the map's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from cjmap.lint import run_rules
from cjmap.loader import load_text
from cjmap.validate import validate_document


def big_clean_map(count: int) -> str:
    stages = [f"s{number}" for number in range(12)]
    lines = [
        "cjmap: 1",
        f"map: {{title: Every touchpoint we have, updated: {date.today().isoformat()}}}",
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
            f"    emotion: {number % 4 - 1}",  # no lowest point (-2) to answer
            "    pains: [{text: A small pain, severity: low}]",
            "    metrics: [{name: Effort, value: 2, target: 3, better: lower}]",
        ]
    lines += [
        "journeys:",
        f"  - {{id: j1, name: Parent, persona: parent, steps: [t0, t{count - 1}]}}",
        f"  - {{id: j2, name: Barista, persona: barista, steps: [t1, t{count - 1}]}}",
    ]
    return "\n".join(lines) + "\n"


class CountingList(list[Any]):
    """A list that counts how many times it is iterated over."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        CountingList.walks += 1
        return super().__iter__()


def walks_over_touchpoints(count: int) -> int:
    checked = validate_document(load_text(big_clean_map(count), "big.yaml"))
    assert checked.model is not None and len(checked.model.touchpoints) == count
    checked.model.touchpoints = CountingList(checked.model.touchpoints)
    CountingList.walks = 0
    linted = run_rules(checked)
    assert [finding.code for finding in linted.findings] == []
    return CountingList.walks


def test_rules_walk_the_touchpoints_a_fixed_number_of_times() -> None:
    small, large = walks_over_touchpoints(20), walks_over_touchpoints(400)
    assert small > 0
    assert large == small, f"{small} walks over 20 touchpoints, {large} over 400"
