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


def test_the_stage_emotion_counts_for_its_touchpoints(tmp_path: Path) -> None:
    staged = replace(
        "    name: Hear about us\n", "    name: Hear about us\n    emotion: 0\n", NO_EMOTION
    )
    assert found(tmp_path, staged, "missing-emotion") == []
    per_persona = replace("    emotion: 0\n", "    emotion: {parent: 1}\n", staged)
    assert found(tmp_path, per_persona, "missing-emotion") == []


def test_another_stages_emotion_does_not_count(tmp_path: Path) -> None:
    other = replace(
        "    name: Subscribe and pay\n", "    name: Subscribe and pay\n    emotion: 0\n", NO_EMOTION
    )
    assert found(tmp_path, other, "missing-emotion") == [("L104", *at(other, "id: ad"))]
