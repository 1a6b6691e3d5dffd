"""docs/format.md is the format's reference: every field of every model is in its table,
and its examples are valid maps."""

from __future__ import annotations

import re

import pytest

from cjmap.findings import VALIDATE_CHECKS
from cjmap.loader import load_text
from cjmap.model import MODELS, Base, CJMap
from cjmap.validate import validate_document
from conftest import ROOT

DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")

# The section of docs/format.md whose table lists each model's fields.
SECTIONS: dict[str, str] = {
    "CJMap": "## The sections",
    "MapInfo": "### map",
    "Persona": "### personas",
    "Stage": "### stages",
    "Channel": "### channels",
    "Organisation": "### organisations",
    "Curve": "### curves",
    "Touchpoint": "### touchpoints",
    "Pain": "### pains",
    "Metric": "### metrics",
    "Journey": "### journeys",
    "Opportunity": "### opportunities",
    "Action": "### actions",
}


def section(heading: str) -> str:
    start = DOC.index(f"\n{heading}\n")
    following = re.search(r"\n##+ ", DOC[start + len(heading) + 2 :])
    return DOC[start : start + len(heading) + 2 + (following.start() if following else len(DOC))]


def test_every_model_has_a_section() -> None:
    assert sorted(model.__name__ for model in MODELS) == sorted(SECTIONS)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_is_in_its_section_table(model: type[Base]) -> None:
    table = section(SECTIONS[model.__name__])
    rows = re.findall(r"^\| (.+?) \|", table, flags=re.MULTILINE)
    documented = {name for row in rows for name in re.findall(r"`([a-z_]+)`", row)}
    assert set(model.model_fields) - documented == set()


def test_every_validate_code_is_in_the_table() -> None:
    for check in VALIDATE_CHECKS:
        assert f"| {check.code} | {check.rule} |" in DOC


def test_the_complete_example_uses_every_field_and_is_valid() -> None:
    start = DOC.index("```yaml\n", DOC.index("## A complete example")) + len("```yaml\n")
    text = DOC[start : DOC.index("```\n", start)]
    checked = validate_document(load_text(text, "format.md"))
    assert checked.findings == []
    assert isinstance(checked.model, CJMap)
    for model in MODELS:
        for name in model.model_fields:
            assert re.search(rf"\b{name}:", text), f"{model.__name__}.{name}"


def test_the_readme_format_in_brief_is_a_valid_map() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n", readme.index("## The format in brief")) + len("```yaml\n")
    checked = validate_document(load_text(readme[start : readme.index("```\n", start)], "README"))
    assert checked.findings == []
    assert checked.model is not None
    assert checked.model.stages[0].lifecycle == "awareness"
    assert [o.id for o in checked.model.opportunities] == ["one-price"]
