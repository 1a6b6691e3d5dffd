from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

NO_OWNER = replace("    owner: E-commerce team\n", "")


def test_points_at_the_touchpoint(tmp_path: Path) -> None:
    assert found(tmp_path, NO_OWNER, "missing-owner") == [("L115", *at(NO_OWNER, "id: checkout"))]
    assert messages(tmp_path, NO_OWNER, "missing-owner") == [
        "touchpoint 'checkout' has no owner; name the team that owns it"
    ]


def test_with_owner(tmp_path: Path) -> None:
    assert found(tmp_path, CLEAN, "missing-owner") == []
