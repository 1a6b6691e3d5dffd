"""cjmap diff: what changed for the customer between two versions of a map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cjmap.loader import load_text
from cjmap.model import CJMap
from cjmap.reports.diff import MapDiff, diff_maps
from cjmap.validate import validate_document
from cjmap.writers.diff import summary
from cjmap.writers.table import markdown_cell
from conftest import EXAMPLES, ROOT, readme_output, run_cli

BASE = """\
cjmap: 1
map:
  title: Base map
personas:
  - id: parent
    name: Busy parent
stages:
  - id: awareness
    name: Awareness
  - id: purchase
    name: Purchase
  - id: use
    name: Use
channels:
  - id: web
    name: Website
  - id: app
    name: App
touchpoints:
  - id: ad
    name: Sees an ad
    stage: awareness
    channels: [web]
    emotion: 1
  - id: checkout
    name: Pays for the box
    stage: purchase
    channels: [web]
    owner: Shop team
    emotion: -1
    moment_of_truth: true
    pains:
      - text: Shipping shown late
        severity: high
      - Card form is fussy
    delights:
      - Pay with one tap
    metrics:
      - {name: Abandonment, value: 60, target: 30, unit: "%", better: lower}
journeys:
  - id: first
    name: First order
    persona: parent
    steps: [ad, checkout]
actions:
  - id: fix
    title: Show shipping early
    touchpoints: [checkout]
    status: planned
"""

# The same map written differently: flow style, other key order, comments, quotes.
REFORMATTED = """\
# The same map, reformatted.
cjmap: 1
map: {title: "Base map"}
stages:
  - {name: Awareness, id: awareness}
  - {name: Purchase, id: purchase}   # comment
  - {name: Use, id: use}
personas: [{name: Busy parent, id: parent}]
channels: [{id: web, name: Website}, {id: app, name: 'App'}]
touchpoints:
  - {id: ad, stage: awareness, name: Sees an ad, channels: [web], emotion: 1}
  - id: checkout
    moment_of_truth: true
    name: Pays for the box
    stage: purchase
    emotion: -1
    owner: Shop team
    channels:
      - web
    delights: [Pay with one tap]
    pains:
      - {severity: high, text: Shipping shown late}
      - {text: Card form is fussy, severity: medium, roadblock: false}
    metrics:
      - {better: lower, unit: "%", target: 30.0, value: 60, name: Abandonment}
    x-team-note: extension keys are the team's own data
journeys: [{id: first, name: First order, persona: parent, steps: [ad, checkout]}]
actions:
  - {id: fix, title: Show shipping early, touchpoints: [checkout], status: planned}
"""


def model(text: str) -> CJMap:
    checked = validate_document(load_text(text, "map.yaml"))
    assert checked.model is not None, checked.findings
    return checked.model


def diff_of(new_text: str, old_text: str = BASE) -> MapDiff:
    return diff_maps(model(old_text), model(new_text), "old.yaml", "new.yaml")


def changed(new_text: str, old_text: str = BASE) -> list[dict[str, Any]]:
    return [change.to_dict() for change in diff_of(new_text, old_text).changes]


def entry(kind: str, change: str, item: str, **fields: Any) -> dict[str, Any]:
    base = {
        "kind": kind,
        "change": change,
        "id": item,
        "on": None,
        "subject": None,
        "stage": None,
        "old": None,
        "new": None,
        "regression": False,
        "line": None,
    }
    return {**base, **fields}


def edit(*replacements: tuple[str, str], text: str = BASE) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


PAY = "  - id: checkout\n    name: Pays for the box\n    stage: purchase\n"


# Each kind of change, as (edit of BASE, the changes expected, in report order).
CASES: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "stage added": (
        edit(("  - id: use\n", "  - id: support\n    name: Get help\n  - id: use\n")),
        [entry("stage", "added", "support", new="Get help")],
    ),
    "stage removed": (
        edit(("  - id: use\n    name: Use\n", "")),
        [entry("stage", "removed", "use", old="Use")],
    ),
    "stage renamed and described": (
        edit(("    name: Use\n", "    name: Brew and enjoy\n    description: At home\n")),
        [
            entry("stage", "renamed", "use", old="Use", new="Brew and enjoy"),
            entry("stage", "changed", "use", subject="description", new="At home"),
        ],
    ),
    "stage moved in the lifecycle": (
        edit(
            ("  - id: awareness\n    name: Awareness\n", ""),
            (
                "  - id: use\n    name: Use\n",
                "  - id: use\n    name: Use\n  - id: awareness\n    name: Awareness\n",
            ),
        ),
        [entry("stage", "moved", "awareness", old=1, new=3)],
    ),
    "channel added, removed and renamed": (
        edit(
            ("  - id: app\n    name: App\n", "  - id: phone\n    name: Phone line\n"),
            ("    name: Website\n", "    name: Web shop\n"),
        ),
        [
            entry("channel", "renamed", "web", old="Website", new="Web shop"),
            entry("channel", "added", "phone", new="Phone line"),
            entry("channel", "removed", "app", old="App"),
        ],
    ),
    "channel kind": (
        edit(("    name: App\n", "    name: App\n    kind: digital\n")),
        [entry("channel", "changed", "app", subject="kind", new="digital")],
    ),
    "persona added, renamed": (
        edit(
            (
                "    name: Busy parent\n",
                "    name: Busy parent of two\n  - id: barista\n    name: Home barista\n",
            ),
        ),
        [
            entry("persona", "renamed", "parent", old="Busy parent", new="Busy parent of two"),
            entry("persona", "added", "barista", new="Home barista"),
        ],
    ),
    "touchpoint added": (
        edit(
            (
                "journeys:\n",
                "  - id: brew\n    name: Brews a cup\n    stage: use\n"
                "    channels: [app]\njourneys:\n",
            )
        ),
        [entry("touchpoint", "added", "brew", stage="use", new="Brews a cup")],
    ),
    "touchpoint moved to another stage": (
        edit(("    stage: awareness\n", "    stage: use\n")),
        [entry("touchpoint", "moved", "ad", stage="use", old="awareness", new="use")],
    ),
    "touchpoint name, channels, owner and evidence": (
        edit(
            ("    name: Pays for the box\n", "    name: Pays for the first box\n"),
            (
                "    channels: [web]\n    owner: Shop team\n",
                "    channels: [web, app]\n    owner: Payments team\n    evidence: validated\n",
            ),
        ),
        [
            entry(
                "touchpoint",
                "changed",
                "checkout",
                stage="purchase",
                subject="name",
                old="Pays for the box",
                new="Pays for the first box",
            ),
            entry(
                "touchpoint",
                "changed",
                "checkout",
                stage="purchase",
                subject="channels",
                old=["web"],
                new=["web", "app"],
            ),
            entry(
                "touchpoint",
                "changed",
                "checkout",
                stage="purchase",
                subject="owner",
                old="Shop team",
                new="Payments team",
            ),
            entry(
                "touchpoint",
                "changed",
                "checkout",
                stage="purchase",
                subject="evidence",
                old="hypothesis",
                new="validated",
            ),
        ],
    ),
    "emotion up": (
        edit(("    emotion: -1\n", "    emotion: 1\n")),
        [entry("emotion", "up", "checkout", stage="purchase", old=-1, new=1)],
    ),
    "emotion down at a moment of truth is a regression": (
        edit(("    emotion: -1\n", "    emotion: -2\n")),
        [entry("emotion", "down", "checkout", stage="purchase", old=-1, new=-2, regression=True)],
    ),
    "emotion down elsewhere is not": (
        edit(("    emotion: 1\n", "    emotion: 0\n")),
        [entry("emotion", "down", "ad", stage="awareness", old=1, new=0)],
    ),
    "pains removed and new": (
        edit(
            (
                "      - Card form is fussy\n",
                "      - Card form is fussy\n      - {text: Page times out, severity: critical}\n",
            ),
            ("      - text: Shipping shown late\n        severity: high\n", ""),
        ),
        [
            entry(
                "pain",
                "new",
                "checkout",
                stage="purchase",
                subject="Page times out",
                new={"severity": "critical", "roadblock": False},
                regression=True,
            ),
            entry(
                "pain",
                "removed",
                "checkout",
                stage="purchase",
                subject="Shipping shown late",
                old={"severity": "high", "roadblock": False},
            ),
        ],
    ),
    "new medium pain is not a regression": (
        edit(("      - Card form is fussy\n", "      - Card form is fussy\n      - Slow page\n")),
        [
            entry(
                "pain",
                "new",
                "checkout",
                stage="purchase",
                subject="Slow page",
                new={"severity": "medium", "roadblock": False},
            )
        ],
    ),
    "pain raised to critical, and a roadblock": (
        edit(("        severity: high\n", "        severity: critical\n        roadblock: true\n")),
        [
            entry(
                "pain",
                "changed",
                "checkout",
                stage="purchase",
                subject="Shipping shown late",
                old={"severity": "high", "roadblock": False},
                new={"severity": "critical", "roadblock": True},
                regression=True,
            )
        ],
    ),
    "pain lowered": (
        edit(("        severity: high\n", "        severity: low\n")),
        [
            entry(
                "pain",
                "changed",
                "checkout",
                stage="purchase",
                subject="Shipping shown late",
                old={"severity": "high", "roadblock": False},
                new={"severity": "low", "roadblock": False},
            )
        ],
    ),
    "delights new and gone": (
        edit(("      - Pay with one tap\n", "      - Free delivery\n")),
        [
            entry("delight", "new", "checkout", stage="purchase", subject="Free delivery"),
            entry("delight", "gone", "checkout", stage="purchase", subject="Pay with one tap"),
        ],
    ),
    "moments of truth gained and lost": (
        edit(
            ("    moment_of_truth: true\n", ""),
            ("    emotion: 1\n", "    emotion: 1\n    moment_of_truth: true\n"),
        ),
        [
            entry("moment_of_truth", "gained", "ad", stage="awareness", old=False, new=True),
            entry("moment_of_truth", "lost", "checkout", stage="purchase", old=True, new=False),
        ],
    ),
    "metric toward its target": (
        edit(("value: 60", "value: 40")),
        [
            entry(
                "metric",
                "toward",
                "checkout",
                stage="purchase",
                subject="Abandonment",
                old={"value": 60, "target": 30, "unit": "%", "better": "lower"},
                new={"value": 40, "target": 30, "unit": "%", "better": "lower"},
            )
        ],
    ),
    "metric away from its target is a regression": (
        edit(("value: 60", "value: 70")),
        [
            entry(
                "metric",
                "away",
                "checkout",
                stage="purchase",
                subject="Abandonment",
                old={"value": 60, "target": 30, "unit": "%", "better": "lower"},
                new={"value": 70, "target": 30, "unit": "%", "better": "lower"},
                regression=True,
            )
        ],
    ),
    "metric target changed": (
        edit(("target: 30", "target: 25")),
        [
            entry(
                "metric",
                "target",
                "checkout",
                stage="purchase",
                subject="Abandonment",
                old={"value": 60, "target": 30, "unit": "%", "better": "lower"},
                new={"value": 60, "target": 25, "unit": "%", "better": "lower"},
            )
        ],
    ),
    "metric added": (
        edit(("    emotion: 1\n", "    emotion: 1\n    metrics: [{name: Clicks, value: 3}]\n")),
        [
            entry(
                "metric",
                "added",
                "ad",
                stage="awareness",
                subject="Clicks",
                new={"value": 3, "target": None, "unit": None, "better": "higher"},
            )
        ],
    ),
    "action added and status changed": (
        edit(
            (
                "    status: planned\n",
                "    status: done\n  - id: survey\n    title: Ask why\n    touchpoints: [ad]\n",
            )
        ),
        [
            entry("action", "status", "fix", old="planned", new="done"),
            entry("action", "added", "survey", new="Ask why"),
        ],
    ),
    "journey steps changed": (
        edit(("    steps: [ad, checkout]\n", "    steps: [checkout]\n")),
        [entry("journey", "steps", "first", old=["ad", "checkout"], new=["checkout"])],
    ),
    "map title": (
        edit(("  title: Base map\n", "  title: Base map, v2\n  state: future\n")),
        [
            entry("map", "changed", "map", subject="title", old="Base map", new="Base map, v2"),
            entry("map", "changed", "map", subject="state", old="current", new="future"),
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_change(case: str) -> None:
    new_text, expected = CASES[case]
    assert changed(new_text) == expected


def test_items_are_matched_by_id_not_position() -> None:
    # Same touchpoints and stages in another order: only the lifecycle move is a change.
    swapped = edit(
        (
            "  - id: ad\n    name: Sees an ad\n    stage: awareness\n    channels: [web]\n"
            "    emotion: 1\n",
            "",
        ),
        (
            "journeys:\n",
            "  - id: ad\n    name: Sees an ad\n    stage: awareness\n"
            "    channels: [web]\n    emotion: 1\njourneys:\n",
        ),
    )
    assert changed(swapped) == []


def test_a_removed_touchpoint_takes_its_pains_delights_and_metrics_with_it() -> None:
    gone = edit((PAY, "  - id: checkout\n    name: Pays for the box\n    stage: purchase\n"))
    removed = BASE[: BASE.index("  - id: checkout")] + BASE[BASE.index("journeys:") :]
    removed = removed.replace("steps: [ad, checkout]", "steps: [ad]").replace(
        "touchpoints: [checkout]", "touchpoints: [ad]"
    )
    kinds = [(c["kind"], c["change"]) for c in changed(removed, gone)]
    assert kinds == [
        ("touchpoint", "removed"),
        ("pain", "removed"),
        ("pain", "removed"),
        ("delight", "gone"),
        ("moment_of_truth", "lost"),
        ("metric", "removed"),
        ("action", "changed"),
        ("journey", "steps"),
    ]


def test_touchpoint_changes_come_in_lifecycle_order() -> None:
    # The touchpoint of the later stage is written first; the report follows the stages.
    reordered = edit(
        (
            "  - id: ad\n    name: Sees an ad\n    stage: awareness\n    channels: [web]\n"
            "    emotion: 1\n",
            "",
        ),
        (
            "journeys:\n",
            "  - id: ad\n    name: Sees an ad\n    stage: awareness\n"
            "    channels: [web]\n    emotion: 2\njourneys:\n",
        ),
        ("    emotion: -1\n", "    emotion: 0\n"),
    )
    assert [c["id"] for c in changed(reordered)] == ["ad", "checkout"]


def test_summary_line() -> None:
    new = edit(
        (
            "journeys:\n",
            "  - id: brew\n    name: Brews a cup\n    stage: use\n    channels: [app]\njourneys:\n",
        ),
        ("    emotion: -1\n", "    emotion: 1\n"),
        ("      - text: Shipping shown late\n        severity: high\n", ""),
    )
    assert summary(diff_of(new)) == (
        "+1 touchpoint, 1 changed; pains: 1 removed; mean emotion +0.0 → +1.0"
    )
    assert summary(diff_of(BASE)) == "no changes"


def test_formatting_comments_and_key_order_are_no_changes(write_map) -> None:  # type: ignore[no-untyped-def]
    old, new = write_map(BASE, "old.yaml"), write_map(REFORMATTED, "new.yaml")
    result = run_cli("diff", old, new)
    assert (result.exit_code, result.stdout) == (0, "No changes\n")
    data = run_cli("diff", old, new, "--format", "json").json()
    assert data[0]["status"] == "unchanged"
    assert data[0]["changes"] == []


def test_json_output_is_a_stable_structure(write_map) -> None:  # type: ignore[no-untyped-def]
    old = write_map(BASE, "old.yaml")
    new = write_map(edit(("    emotion: -1\n", "    emotion: -2\n")), "new.yaml")
    result = run_cli("diff", old, new, "-f", "json")
    assert result.exit_code == 0
    [data] = result.json()
    assert set(data) == {
        "old",
        "new",
        "status",
        "counts",
        "touchpoints_changed",
        "regressions",
        "changes",
    }
    assert data["old"] == {
        "path": str(old),
        "title": "Base map",
        "state": "current",
        "touchpoints": 2,
        "mean_emotion": 0.0,
    }
    assert data["new"]["mean_emotion"] == -0.5
    assert data["status"] == "changed"
    assert data["counts"]["emotion"] == {"up": 0, "down": 1, "changed": 0}
    assert data["counts"]["pain"] == {"new": 0, "removed": 0, "changed": 0}
    assert (data["touchpoints_changed"], data["regressions"]) == (1, 1)
    new_text = new.read_text()
    emotion_line = new_text[: new_text.index("    emotion: -2")].count("\n") + 1
    assert data["changes"] == [
        entry(
            "emotion",
            "down",
            "checkout",
            stage="purchase",
            old=-1,
            new=-2,
            regression=True,
            line=emotion_line,
        )
    ]


def line_in(text: str, snippet: str) -> int:
    assert snippet in text, snippet
    return text[: text.index(snippet)].count("\n") + 1


def test_each_change_has_the_line_of_its_item(write_map) -> None:  # type: ignore[no-untyped-def]
    new_text = edit(
        ("title: Base map", "title: Base map, revised"),
        ("    owner: Shop team\n", "    owner: Payments team\n"),
        ("  - id: ad\n", "  - id: poster\n"),
        ("steps: [ad, checkout]", "steps: [poster, checkout]"),
    )
    old = write_map(BASE, "old.yaml")
    new = write_map(new_text, "new.yaml")
    result = run_cli("diff", old, new, "-f", "json")
    assert result.exit_code == 0, result.stderr
    lines = {
        (change["kind"], change["change"], change["id"], change["subject"]): change["line"]
        for change in result.json()[0]["changes"]
    }
    assert lines[("map", "changed", "map", "title")] == line_in(new_text, "title: Base map, r")
    assert lines[("touchpoint", "changed", "checkout", "owner")] == line_in(
        new_text, "owner: Payments team"
    )
    assert lines[("touchpoint", "added", "poster", None)] == line_in(new_text, "id: poster")
    # What is gone from the new version is found in the old one.
    assert lines[("touchpoint", "removed", "ad", None)] == line_in(BASE, "id: ad")


def test_text_output_leads_with_the_summary(write_map) -> None:  # type: ignore[no-untyped-def]
    old = write_map(BASE, "old.yaml")
    new = write_map(
        edit(("    emotion: -1\n", "    emotion: 0\n"), ("value: 60", "value: 40")), "new.yaml"
    )
    result = run_cli("diff", old, new)
    assert result.stdout == (
        "1 touchpoint changed; metrics: 1 toward target; mean emotion +0.0 → +0.5\n"
        "\n"
        "Emotion\n"
        "  ~ checkout: emotion -1 → 0 (+1)\n"
        "\n"
        "Metrics\n"
        "  ~ checkout: 'Abandonment' 60% → 40%, toward the target 30%\n"
    )
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_check_fails_only_on_a_regression(write_map) -> None:  # type: ignore[no-untyped-def]
    old = write_map(BASE, "old.yaml")
    worse = write_map(edit(("value: 60", "value: 75")), "worse.yaml")
    better = write_map(edit(("value: 60", "value: 45")), "better.yaml")
    assert run_cli("diff", old, worse).exit_code == 0
    result = run_cli("diff", old, worse, "--check")
    assert result.exit_code == 1
    assert "'Abandonment' 60% → 75%, away from the target 30%  (regression)" in result.stdout
    assert result.stdout.splitlines()[0].endswith("; 1 regression")
    assert run_cli("diff", old, better, "--check").exit_code == 0


def test_markdown_has_a_table_per_kind_of_change(write_map) -> None:  # type: ignore[no-untyped-def]
    old = write_map(BASE, "old.yaml")
    new = write_map(
        edit(
            ("    emotion: -1\n", "    emotion: -2\n"),
            ("      - Pay with one tap\n", "      - A *free* | gift\n"),
        ),
        "new.yaml",
    )
    result = run_cli("diff", old, new, "--format", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    paths = f"{markdown_cell(str(old))} → {markdown_cell(str(new))}"
    assert text.startswith(f"### Journey map changes: {paths}\n\n**1 touchpoint changed;")
    assert "\n#### Emotion\n\n| Touchpoint | Stage | Change |\n| --- | --- | --- |\n" in text
    assert "| `checkout` | purchase | ⚠️ **regression:** emotion -1 → -2 (-1) |" in text
    assert "| `checkout` | purchase | new delight 'A \\*free\\* \\| gift' |" in text
    assert "| `checkout` | purchase | delight gone: 'Pay with one tap' |" in text


def test_output_file(write_map, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old = write_map(BASE, "old.yaml")
    new = write_map(edit(("    emotion: 1\n", "    emotion: 2\n")), "new.yaml")
    target = tmp_path / "diff.md"
    result = run_cli("diff", old, new, "-f", "markdown", "-o", target)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "emotion 1 → 2 (+1)" in target.read_text(encoding="utf-8")


def test_examples_current_against_future_state() -> None:
    result = run_cli(
        "diff",
        EXAMPLES / "coffee-subscription.yaml",
        EXAMPLES / "coffee-subscription-future.yaml",
        "--format",
        "json",
        "--check",
    )
    assert result.exit_code == 0, result.stdout  # the future state fixes, it does not regress
    [data] = result.json()
    changes = {(c["kind"], c["change"], c["id"], c["subject"]) for c in data["changes"]}
    assert ("touchpoint", "added", "give-a-bag", None) in changes
    assert ("touchpoint", "removed", "call-change-plan", None) in changes
    assert (
        "pain",
        "removed",
        "checkout",
        "Shipping cost appears only at the last step",
    ) in changes
    assert ("action", "status", "show-shipping-early", None) in changes
    assert data["counts"]["pain"]["removed"] == 13


# --- Errors --------------------------------------------------------------------------


def test_needs_two_maps() -> None:
    result = run_cli("diff", EXAMPLES / "coffee-subscription.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("cjmap: error: give two versions to compare")


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("diff", EXAMPLES / "coffee-subscription.yaml", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"cjmap: error: {tmp_path / 'nope.yaml'}: no such file or folder\n"


def test_an_invalid_map_is_reported_with_its_line(write_map) -> None:  # type: ignore[no-untyped-def]
    old = write_map(BASE, "old.yaml")
    broken = edit(("    stage: purchase\n", "    stage: purchse\n"))
    new = write_map(broken, "new.yaml")
    result = run_cli("diff", old, new)
    assert result.exit_code == 1
    line = broken[: broken.index("purchse")].count("\n") + 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{new}:{line}:12: E201 touchpoint 'checkout' names stage 'purchse'")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("command", "lines"),
    [
        (
            "cjmap diff examples/coffee-subscription.yaml "
            "examples/coffee-subscription-future.yaml | head -n 32",
            32,
        ),
        (
            "cjmap diff examples/coffee-subscription-future.yaml "
            "examples/coffee-subscription.yaml --check | head -n 1",
            1,
        ),
    ],
)
def test_readme_shows_real_output(
    command: str, lines: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    arguments = command.split(" | ")[0].split()[1:]
    result = run_cli(*arguments)
    assert readme_output(command) == "".join(result.stdout.splitlines(keepends=True)[:lines])
