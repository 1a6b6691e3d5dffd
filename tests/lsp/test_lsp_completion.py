"""Completion at every kind of reference, at enums, and of the keys the format allows."""

from __future__ import annotations

from pathlib import Path

import lspclient
import pytest
from lspclient import MAP, open_map, position_of
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")
client = lspclient.client

LIFECYCLE = (
    "awareness", "consideration", "purchase", "onboarding", "use", "support", "loyalty", "advocacy",
)  # fmt: skip
PERSONAS = {"parent", "barista"}
STAGES = {"awareness", "purchase"}
CHANNELS = {"web", "app"}
TOUCHPOINTS = {"ad", "checkout"}

# The additions of the richer format: organisations, curves, opportunities, pain ids.
RICHER = MAP.replace(
    "      - text: Shipping shows up late\n",
    "      - id: late-shipping\n        text: Shipping shows up late\n",
) + (
    "organisations:\n  - {id: courier, name: Parcel courier, kind: partner}\n"
    "curves:\n  - {id: enjoyability, name: Enjoyability}\n"
    "opportunities:\n  - id: early-price\n    title: Price with shipping\n    addresses: [ad]\n"
)


async def labels_at(
    client: LanguageClient, path: Path, text: str, needle: str, offset: int = 0
) -> dict[str, str | None]:
    """Open ``text`` and complete at the end of ``needle`` (plus ``offset``): label -> detail."""
    await open_map(client, path, text)
    position = position_of(text, needle, offset=len(needle) + offset)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(path.as_uri()), position)
    )
    assert isinstance(result, types.CompletionList)
    return {item.label: item.detail for item in result.items}


@pytest.mark.parametrize(
    ("old", "new", "needle", "offset", "expected"),
    [
        ("stage: awareness", "stage: ", "    stage: ", 0, STAGES),
        ("channels: [web]", "channels: [web, ]", "channels: [web, ", 0, CHANNELS),
        ("personas: [parent]", "personas: []", "personas: [", 0, PERSONAS),
        ("persona: parent", "persona: ", "    persona: ", 0, PERSONAS),
        ("steps: [ad, checkout]", "steps:\n      - ", "steps:\n      - ", 0, TOUCHPOINTS),
        ("touchpoints: [checkout]", "touchpoints: [ch]", "touchpoints: [ch", 0, TOUCHPOINTS),
    ],
    ids=["stage", "channels", "personas", "persona", "steps", "action-touchpoints"],
)
async def test_ids_at_each_reference(
    client: LanguageClient,
    tmp_path: Path,
    old: str,
    new: str,
    needle: str,
    offset: int,
    expected: set[str],
) -> None:
    found = await labels_at(client, tmp_path / "map.yaml", MAP.replace(old, new), needle, offset)
    assert set(found) == expected


async def test_ids_come_with_their_names(client: LanguageClient, tmp_path: Path) -> None:
    text = MAP.replace("stage: awareness", "stage: ")
    found = await labels_at(client, tmp_path / "map.yaml", text, "    stage: ")
    assert found == {"awareness": "stage: Awareness", "purchase": "stage: Purchase"}


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("    owner: Web team\n", "    organisation: \n", "organisation: ", {"courier"}),
        ("emotion: -1", "emotion: {parent: -1, }", "{parent: -1, ", PERSONAS),
        ("emotion: -1", "curves: {}", "curves: {", {"enjoyability"}),
        ("    status: planned", "    opportunity: ", "opportunity: ", {"early-price"}),
        ("    status: planned", "    pains: []", "    pains: [", {"late-shipping"}),
        (
            "addresses: [ad]",
            "addresses: []",
            "addresses: [",
            {"late-shipping"} | TOUCHPOINTS | STAGES,
        ),
    ],
    ids=["organisation", "emotion-per-persona", "curves", "opportunity", "pains", "addresses"],
)
async def test_ids_at_the_richer_formats_references(
    client: LanguageClient, tmp_path: Path, old: str, new: str, needle: str, expected: set[str]
) -> None:
    text = RICHER.replace(old, new)
    assert text != RICHER
    found = await labels_at(client, tmp_path / "map.yaml", text, needle)
    assert set(found) == expected


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("severity: high", "severity: ", "severity: ", ["low", "medium", "high", "critical"]),
        ("kind: digital", "kind: ", "kind: ", ["digital", "physical", "human", "print", "other"]),
        ("status: planned", "status: ", "status: ", ["idea", "planned", "in-progress", "done"]),
        ("title: Minimal map", "title: Minimal map\n  state: ", "state: ", ["current", "future"]),
        ("name: Awareness", "name: Awareness\n    lifecycle: ", "lifecycle: ", list(LIFECYCLE)),
    ],
    ids=["severity", "kind", "status", "state", "lifecycle"],
)
async def test_values_at_enums(
    client: LanguageClient, tmp_path: Path, old: str, new: str, needle: str, expected: list[str]
) -> None:
    found = await labels_at(client, tmp_path / "map.yaml", MAP.replace(old, new), needle)
    assert list(found) == expected


async def test_keys_the_model_allows_with_their_documentation(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    text = MAP.replace("    owner: Marketing\n", "    owner: Marketing\n    \n")
    await open_map(client, path, text)
    position = position_of(
        text, "    owner: Marketing\n    ", offset=len("    owner: Marketing\n    ")
    )
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(path.as_uri()), position)
    )
    assert isinstance(result, types.CompletionList)
    items = {item.label: item for item in result.items}
    assert {"doing", "thinking", "emotion", "moment_of_truth", "pains"} <= set(items)
    assert not {"id", "name", "stage", "channels", "owner"} & set(items)  # already there
    emotion = items["emotion"]
    assert isinstance(emotion.documentation, types.MarkupContent)
    assert "from -2 (very negative) to 2" in emotion.documentation.value
    assert items["evidence"].detail == "hypothesis, observed, validated"


async def test_completion_works_while_the_yaml_is_broken(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "map.yaml"
    await open_map(client, path, MAP)
    broken = MAP.replace("    persona: parent\n", '    persona: "\n')
    found = await labels_at(client, path, broken, '    persona: "')
    assert set(found) == PERSONAS
