from __future__ import annotations

from pathlib import Path

import pytest
from lintcheck import CLEAN, at, found, messages, replace

NO_OWNER = replace("    owner: E-commerce team\n", "")


def test_points_at_the_touchpoint(tmp_path: Path) -> None:
    assert found(tmp_path, NO_OWNER, "missing-owner") == [("L115", *at(NO_OWNER, "id: checkout"))]
    assert messages(tmp_path, NO_OWNER, "missing-owner") == [
        "touchpoint 'checkout' has no owner; name the team that owns it"
    ]


def test_with_owner(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "missing-owner") == []


def organised(kind: str) -> str:
    text = replace(
        "channels:\n",
        f"organisations:\n  - {{id: shop, name: Bean Post shop, kind: {kind}}}\nchannels:\n",
        NO_OWNER,
    )
    return replace("    stage: purchase\n", "    stage: purchase\n    organisation: shop\n", text)


def test_a_third_party_touchpoint_needs_no_owner(tmp_path: Path) -> None:
    assert found(tmp_path, organised("third-party"), "missing-owner") == []


@pytest.mark.parametrize("kind", ["own", "partner"])
def test_own_and_partner_touchpoints_need_one(tmp_path: Path, kind: str) -> None:
    text = organised(kind)
    assert found(tmp_path, text, "missing-owner") == [("L115", *at(text, "id: checkout"))]
