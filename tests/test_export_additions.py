"""`cjmap export` over the format's additions: Markdown shows stage lanes, opportunities,
curves, organisations and blueprint lanes; CSV gains the organisation and the stage's
lifecycle and writes an emotion per persona in its cell; Mermaid scores a journey with
its persona's emotion and names the tasks that had none (checked with real Mermaid)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, run_cli
from test_format_additions import RICH

JOURNEYS = (
    "journeys:\n"
    "  - {id: parent-order, name: A parent's order, persona: parent,\n"
    "     steps: [search, checkout]}\n"
    "  - {id: barista-order, name: A barista's order, persona: barista,\n"
    "     steps: [search, checkout]}\n"
)
MAP = RICH + JOURNEYS


def export(write_map: Any, to: str, *options: str, text: str = MAP) -> str:
    result = run_cli("export", write_map(text), "--to", to, *options)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_markdown_shows_organisations_and_curves(write_map: Any) -> None:
    document = export(write_map, "markdown")
    assert (
        "## Organisations\n\n| Organisation | Kind |\n| --- | --- |\n| Bean Post | own |\n"
        "| Parcel courier | partner |\n| Search engine | third party |\n"
    ) in document
    assert (
        "## Curves\n\nScored from -2 to 2 at touchpoints and stages, besides the emotion.\n\n"
        "- **How enjoyable it was**\n- **How helpful we were**: In the customer's words\n"
    ) in document


def test_markdown_shows_a_stage_s_own_lanes(write_map: Any) -> None:
    document = export(write_map, "markdown")
    start = document.index("### 1. Hear about us")
    stage = document[start : document.index("#### ", start)]
    assert stage == (
        "### 1. Hear about us\n\n"
        "Lifecycle: awareness · When: Weeks before the first order\n\n"
        "- **Doing:** Asks friends; Searches online\n"
        "- **Thinking:** Is this for me?\n"
        "- **Feeling:** Curious; A little wary\n"
        "- **Emotion:** Busy parent +1 (positive); Home barista -1 (negative)\n"
        "- **Curves:** How enjoyable it was +1; How helpful we were 0\n\n"
        "**Pains**\n\n"
        "- Prices appear nowhere (high)\n"
        "- Too many plans (medium)\n\n"
        "**Delights**\n\n"
        "- Friendly photos\n\n"
    )


def test_markdown_shows_organisation_and_blueprint_lanes_of_a_touchpoint(write_map: Any) -> None:
    document = export(write_map, "markdown")
    start = document.index("#### Pay for the first box")
    touchpoint = document[start : document.index("## Journeys", start)]
    assert "Organisation: Bean Post · Owner: E-commerce team" in touchpoint
    assert (
        "- **Emotion:** Busy parent -2 (very negative); Home barista +1 (positive)\n" in touchpoint
    )
    assert touchpoint.endswith(
        "**Behind the scenes**\n\n"
        "- **Backstage:** The payment provider checks the card; The warehouse reserves a box\n"
        "- **Support:** Payment provider\n\n"
    )
    search = document[document.index("#### Search for coffee by post") :]
    assert "Organisation: Search engine (third party)" in search.splitlines()[2]


def test_markdown_lists_opportunities_with_impact_and_effort(write_map: Any) -> None:
    document = export(write_map, "markdown")
    start = document.index("## Opportunities")
    assert document[start : document.index("## Actions")] == (
        "## Opportunities\n\n"
        "| Opportunity | Addresses | Impact | Effort | Status | Evidence |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| Show prices and shipping from the first page | pain `no-prices`, "
        "pain `late-shipping`, Pay for the first box, Hear about us | high | low | chosen "
        "| observed |\n"
        "| Offer two plans instead of five |  |  |  | idea | hypothesis |\n\n"
    )


def test_csv_gains_lifecycle_and_organisation_and_writes_emotion_per_persona(
    write_map: Any,
) -> None:
    rows = list(csv.DictReader(io.StringIO(export(write_map, "csv"))))
    assert list(rows[0])[-2:] == ["stage_lifecycle", "organisation"]
    by_touchpoint = {row["touchpoint_id"]: row for row in rows}
    checkout = by_touchpoint["checkout"]
    assert (checkout["emotion"], checkout["stage_lifecycle"], checkout["organisation"]) == (
        "parent: -2; barista: 1",
        "purchase",
        "Bean Post",
    )
    search = by_touchpoint["search"]
    assert (search["emotion"], search["stage_lifecycle"], search["organisation"]) == (
        "0",
        "awareness",
        "Search engine",
    )


def test_mermaid_scores_a_journey_with_its_persona_s_emotion(write_map: Any) -> None:
    parent = export(write_map, "mermaid", "--journey", "parent-order")
    barista = export(write_map, "mermaid", "--journey", "barista-order")
    assert "      Pay for the first box: 1: Busy parent" in parent.splitlines()  # -2
    assert "      Pay for the first box: 4: Home barista" in barista.splitlines()  # +1
    # The whole map has one score per task: the lowest of its personas'.
    whole = export(write_map, "mermaid")
    assert "      Pay for the first box: 1: Busy parent, Home barista" in whole.splitlines()


NO_EMOTION = MAP.replace("    emotion: 0\n", "").replace(
    "    emotion: {parent: -2, barista: 1}\n", "    emotion: {parent: -2}\n"
)


def test_mermaid_names_the_tasks_without_emotion_in_a_comment(write_map: Any) -> None:
    whole = export(write_map, "mermaid", text=NO_EMOTION).splitlines()
    assert whole[:3] == [
        "journey",
        "    title Every addition",
        "    %% no emotion recorded, shown as 3: search",
    ]
    barista = export(write_map, "mermaid", "--journey", "barista-order", text=NO_EMOTION)
    assert barista.splitlines()[2] == ("    %% no emotion recorded, shown as 3: search, checkout")
    assert "%%" not in export(write_map, "mermaid")


NODE_DIR = ROOT / "tests" / "node"


@pytest.mark.skipif(
    shutil.which("node") is None
    or not all((NODE_DIR / "node_modules" / name).is_dir() for name in ("mermaid", "jsdom")),
    reason="needs Node.js and `npm install --prefix tests/node` (.ci/run does it)",
)
def test_mermaid_reads_the_comment_as_a_comment(write_map: Any, tmp_path: Path) -> None:
    source = tmp_path / "barista.mmd"
    source.write_text(
        export(write_map, "mermaid", "--journey", "barista-order", text=NO_EMOTION), "utf-8"
    )
    run = subprocess.run(
        ["node", str(NODE_DIR / "mermaid-journey.mjs"), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    (diagram,) = json.loads(run.stdout)
    assert diagram["tasks"] == [
        {
            "section": "Hear about us",
            "task": "Search for coffee by post",
            "score": 3,
            "people": ["Home barista"],
        },
        {
            "section": "Buy the first box",
            "task": "Pay for the first box",
            "score": 3,
            "people": ["Home barista"],
        },
    ]
