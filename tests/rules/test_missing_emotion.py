from __future__ import annotations

from pathlib import Path

from lintcheck import CLEAN, at, found, messages, replace

NO_EMOTION = replace("    emotion: 1\n", "")


def test_missing_emotion_points_at_the_touchpoint(tmp_path: Path) -> None:
    assert found(tmp_path, NO_EMOTION, "missing-emotion") == [("L104", *at(NO_EMOTION, "id: ad"))]
    assert messages(tmp_path, NO_EMOTION, "missing-emotion") == [
        "touchpoint 'ad' has no emotion; say how the customer feels here, from -2 to 2"
    ]


def test_a_neutral_emotion_counts(tmp_path: Path) -> None:
    neutral = replace("    emotion: 1\n", "    emotion: 0\n")
    assert found(tmp_path, neutral, "missing-emotion") == []
    assert found(tmp_path, CLEAN, "missing-emotion") == []
