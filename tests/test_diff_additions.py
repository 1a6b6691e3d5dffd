"""`cjmap diff` over the format's additions: pains removed (not resolved), metrics removed
as regressions, opportunities, stage lanes, curves, emotion per persona, organisations
and blueprint lanes; the summary line and the JSON counts agree."""

from __future__ import annotations

import re
from typing import Any

from conftest import EXAMPLES, run_cli
from test_format_additions import RICH


def diff_json(write_map: Any, new: str, old: str = RICH, *options: str) -> tuple[int, Any]:
    result = run_cli(
        "diff", write_map(old, "old.yaml"), write_map(new, "new.yaml"), "-f", "json", *options
    )
    return result.exit_code, result.json()[0]


def changes(data: Any) -> list[tuple[Any, ...]]:
    return [
        (
            c["kind"],
            c["change"],
            c["id"],
            c["on"],
            c["subject"],
            c["old"],
            c["new"],
            c["regression"],
        )
        for c in data["changes"]
    ]


def test_a_pain_that_disappears_is_removed_not_resolved(write_map: Any) -> None:
    new = RICH.replace("      - Too many plans\n", "")
    code, data = diff_json(write_map, new, RICH, "--check")
    assert code == 0
    assert changes(data) == [
        (
            "pain",
            "removed",
            "hear",
            "stage",
            "Too many plans",
            {"severity": "medium", "roadblock": False},
            None,
            False,
        )
    ]
    assert data["counts"]["pain"] == {"new": 0, "removed": 1, "changed": 0}
    text = run_cli("diff", write_map(RICH, "old.yaml"), write_map(new, "new.yaml")).stdout
    assert "  - stage hear: pain removed: 'Too many plans' (medium)" in text.splitlines()
    assert "resolved" not in text


MOMENT = RICH.replace(
    "    pains:\n      - {id: late-shipping",
    "    moment_of_truth: true\n"
    "    metrics:\n"
    "      - {name: Abandonment, value: 40, target: 50, better: lower}\n"
    "    pains:\n      - {id: late-shipping",
)


def test_check_fails_on_a_metric_removed_from_a_moment_of_truth(write_map: Any) -> None:
    new = MOMENT.replace("      - {name: Abandonment, value: 40, target: 50, better: lower}\n", "")
    new = new.replace("    metrics:\n", "")
    code, data = diff_json(write_map, new, MOMENT, "--check")
    assert code == 1
    assert [(c[0], c[1], c[2], c[4], c[7]) for c in changes(data)] == [
        ("metric", "removed", "checkout", "Abandonment", True)
    ]
    assert data["regressions"] == 1


def test_check_fails_on_an_off_target_metric_removed(write_map: Any) -> None:
    old = MOMENT.replace("    moment_of_truth: true\n", "").replace("value: 40", "value: 70")
    new = old.replace("      - {name: Abandonment, value: 70, target: 50, better: lower}\n", "")
    new = new.replace("    metrics:\n", "")
    code, data = diff_json(write_map, new, old, "--check")
    assert (code, data["regressions"]) == (1, 1)
    # A metric on target, on a touchpoint that is no moment of truth, may go.
    met = old.replace("value: 70", "value: 40")
    code, data = diff_json(write_map, new, met, "--check")
    assert (code, data["regressions"]) == (0, 0)


def test_a_removed_touchpoint_takes_its_metrics_without_a_regression(write_map: Any) -> None:
    start = MOMENT.index("  - id: checkout")
    end = MOMENT.index("opportunities:")
    new = MOMENT[:start] + MOMENT[end:]
    new = new.replace(", late-shipping, checkout, hear]", ", hear]")
    new = new.replace("    touchpoints: [checkout]\n", "").replace(
        "    pains: [late-shipping]\n", ""
    )
    new = new.replace("  - id: shipping-early\n    title: Show shipping on the product page\n", "")
    _, data = diff_json(write_map, new, MOMENT, "--check")
    assert [c for c in changes(data) if c[0] == "metric"] == [
        (
            "metric",
            "removed",
            "checkout",
            None,
            "Abandonment",
            {"value": 40.0, "target": 50.0, "unit": None, "better": "lower"},
            None,
            False,
        )
    ]


def test_opportunities_are_compared(write_map: Any) -> None:
    new = RICH.replace("    status: chosen\n", "    status: rejected\n")
    new = new.replace("    effort: low\n", "    effort: high\n")
    new = new.replace("  - id: fewer-plans\n    title: Offer two plans instead of five\n", "")
    new = new.replace("opportunities:\n", "opportunities:\n  - {id: quiz, title: A quiz}\n")
    _, data = diff_json(write_map, new)
    assert [(c[0], c[1], c[2], c[4], c[5], c[6]) for c in changes(data)] == [
        ("opportunity", "added", "quiz", None, None, "A quiz"),
        ("opportunity", "changed", "show-prices", "effort", "low", "high"),
        ("opportunity", "status", "show-prices", None, "chosen", "rejected"),
        ("opportunity", "removed", "fewer-plans", None, "Offer two plans instead of five", None),
    ]
    assert data["counts"]["opportunity"] == {"added": 1, "removed": 1, "status": 1, "changed": 1}
    text = run_cli("diff", write_map(RICH, "old.yaml"), write_map(new, "new.yaml")).stdout
    assert text.splitlines()[0] == "Opportunities: +1, -1, 1 status change, 1 changed"
    assert "  ~ show-prices: status chosen → rejected" in text.splitlines()


def test_stage_lanes_and_stage_pains_are_compared(write_map: Any) -> None:
    new = RICH.replace(
        "    thinking: Is this for me?\n",
        "    thinking: ['Is this for me?', 'Who else uses it?']\n",
    )
    new = new.replace(
        "    timeframe: Weeks before the first order\n", "    timeframe: Days before\n"
    )
    new = new.replace(
        "      - Too many plans\n",
        "      - Too many plans\n      - {text: No reviews, severity: critical}\n",
    )
    new = new.replace(
        "    delights: [Friendly photos]\n", "    delights: [Friendly photos, A free sample]\n"
    )
    code, data = diff_json(write_map, new, RICH, "--check")
    assert code == 1
    assert [(c[0], c[1], c[2], c[3], c[4], c[7]) for c in changes(data)] == [
        ("stage", "changed", "hear", None, "timeframe", False),
        ("stage", "changed", "hear", None, "thinking", False),
        ("pain", "new", "hear", "stage", "No reviews", True),
        ("delight", "new", "hear", "stage", "A free sample", False),
    ]
    lines = {c["subject"]: c["line"] for c in data["changes"]}
    assert new.splitlines()[lines["No reviews"] - 1] == "  - id: hear"  # at its stage
    assert data["counts"]["stage"]["changed"] == 1
    assert data["touchpoints_changed"] == 0  # a stage's own pains are no touchpoint's


def test_emotion_per_persona_is_compared_persona_by_persona(write_map: Any) -> None:
    old = RICH.replace(
        "    doing: Pays on the phone\n",
        "    doing: Pays on the phone\n    moment_of_truth: true\n",
    )
    new = old.replace(
        "    emotion: {parent: -2, barista: 1}\n", "    emotion: {parent: 0, barista: -1}\n"
    )
    new = new.replace("    emotion: {parent: 1, barista: -1}\n", "    emotion: 1\n")
    code, data = diff_json(write_map, new, old, "--check")
    assert code == 1
    assert [(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]) for c in changes(data)] == [
        ("emotion", "up", "hear", "stage", "barista", -1, 1, False),
        ("emotion", "up", "checkout", None, "parent", -2, 0, False),
        ("emotion", "down", "checkout", None, "barista", 1, -1, True),
    ]
    text = run_cli("diff", write_map(old, "old.yaml"), write_map(new, "new.yaml")).stdout
    assert "  ~ checkout: emotion for barista 1 → -1 (-2)  (regression)" in text.splitlines()
    assert "  ~ stage hear: emotion for barista -1 → 1 (+2)" in text.splitlines()


def test_curves_organisations_and_blueprint_lanes_are_compared(write_map: Any) -> None:
    new = RICH.replace(
        "  - {id: enjoyable, name: How enjoyable it was}\n",
        "  - {id: enjoyable, name: How much fun it was}\n",
    )
    new = new.replace("  - {id: courier, name: Parcel courier, kind: partner}\n", "")
    new = new.replace("    curves: {helpful: -1}\n", "    curves: {helpful: 1}\n")
    new = new.replace("    organisation: us\n", "")
    new = new.replace("    support: Payment provider\n", "    support: [Payment provider, Bank]\n")
    _, data = diff_json(write_map, new)
    assert [(c[0], c[1], c[2], c[4], c[5], c[6]) for c in changes(data)] == [
        ("organisation", "removed", "courier", None, "Parcel courier", None),
        ("curve", "renamed", "enjoyable", None, "How enjoyable it was", "How much fun it was"),
        ("touchpoint", "changed", "search", "curves", {"helpful": -1}, {"helpful": 1}),
        ("touchpoint", "changed", "checkout", "organisation", "us", None),
        (
            "touchpoint",
            "changed",
            "checkout",
            "support",
            "Payment provider",
            ["Payment provider", "Bank"],
        ),
    ]
    text = run_cli(
        "diff", write_map(RICH, "old.yaml"), write_map(new, "new.yaml")
    ).stdout.splitlines()
    assert text[0].startswith("2 touchpoints changed; organisations: -1; curves: 1 renamed")
    assert "  ~ search: curves helpful: -1 → helpful: 1" in text


def _headline_numbers(headline: str) -> dict[str, list[str]]:
    return {
        part.split(": ")[0]: re.findall(r"[+-]?\d+ ?[a-z ]*", part.split(": ")[-1])
        for part in headline.split("; ")
    }


def test_summary_and_json_counts_agree_on_the_examples() -> None:
    old, new = EXAMPLES / "coffee-subscription.yaml", EXAMPLES / "coffee-subscription-future.yaml"
    headline = run_cli("diff", old, new).stdout.splitlines()[0]
    counts = run_cli("diff", old, new, "-f", "json").json()[0]["counts"]
    first = headline.split("; ")[0]
    touchpoints = counts["touchpoint"]
    assert first == (
        f"+{touchpoints['added']} touchpoint, -{touchpoints['removed']}, "
        f"{touchpoints['changed']} changed"
    )
    parts = dict(part.split(": ", 1) for part in headline.split("; ")[1:] if ": " in part)
    assert parts["stages"] == f"{counts['stage']['changed']} changed"
    assert parts["pains"] == f"{counts['pain']['removed']} removed, {counts['pain']['new']} new"
    assert parts["actions"] == (
        f"+{counts['action']['added']}, {counts['action']['status']} status changes, "
        f"{counts['action']['changed']} changed"
    )
    assert parts["journeys"] == f"{counts['journey']['changed']} changed"
    # Every touchpoint counted once, whatever changed in it.
    assert touchpoints["changed"] == 12
