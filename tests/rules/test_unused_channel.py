from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

WITH_FAX = replace("touchpoints:\n", "  - {id: fax, name: Fax machine}\ntouchpoints:\n")


def test_unused_channel_points_at_its_id(tmp_path: Path) -> None:
    assert found(tmp_path, WITH_FAX, "unused-channel") == [("L102", *at(WITH_FAX, "fax"))]
    assert messages(tmp_path, WITH_FAX, "unused-channel") == [
        "channel 'fax' (Fax machine) is declared, but no touchpoint uses it"
    ]


def test_a_channel_used_by_any_touchpoint_is_used(tmp_path: Path) -> None:
    used = replace(
        "    channels: [web]\n    owner: E-commerce",
        "    channels: [web, fax]\n    owner: E-commerce",
        WITH_FAX,
    )
    assert found(tmp_path, used, "unused-channel") == []
    assert found(tmp_path, CLEAN, "unused-channel") == []
