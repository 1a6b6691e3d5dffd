"""The look shared by every view: colours that carry meaning, markers, type sizes.

Colours are chosen for what they say, not for decoration:

- emotion is a diverging scale from orange (-2, very negative) through a pale neutral
  (0) to blue (+2, very positive): orange and blue stay apart for readers with any of
  the common colour-vision deficiencies, where red and green do not; light enough that
  dark text stays readable on it; and the number and its word are always printed too;
- each persona has one colour, used for its journeys wherever they are drawn; the
  colours come from the Okabe-Ito palette, picked to stay apart from the red-to-green
  emotion fills and from each other for colour-blind readers;
- moments of truth and roadblocks carry a marker glyph and a border of their own.

The marker glyphs are in the bundled Liberation Sans (so PNGs show them without any
system font) and in every common sans-serif font, so SVGs show them in browsers too.
"""

from __future__ import annotations

import math
from typing import Final

FONT: Final = "Helvetica"
"""The only font the views use. The built-in Graphviz measures Helvetica correctly but
measures Helvetica-Bold as Times, which is narrower, so bold text would overflow its box:
emphasis comes from size and colour instead."""

INK: Final = "#1f2933"  # body text
MUTED: Final = "#5f6b7a"  # secondary text: channels, counts, axis words
FAINT: Final = "#9aa5b1"  # grid lines, empty-cell text
RULE: Final = "#c9d1da"  # borders of cells and stage columns
PANEL: Final = "#f4f6f8"  # stage columns, legend background
HEADER: Final = "#2f3b4c"  # stage headers
HEADER_TEXT: Final = "#ffffff"
EMPTY: Final = "#eceef1"  # a cell or stage with nothing in it
BACKGROUND: Final = "#ffffff"

PAIN_TEXT: Final = "#a3221b"
DELIGHT_TEXT: Final = "#1e6b34"
ROADBLOCK: Final = "#b3261e"  # border of a touchpoint with a roadblock

MOMENT_OF_TRUTH_MARK: Final = "\u2666"  # ♦
ROADBLOCK_MARK: Final = "\u25b2"  # ▲
PAIN_MARK: Final = "\u2212"  # a real minus sign: a pain takes away
DELIGHT_MARK: Final = "+"
OFF_TARGET_MARK: Final = "\u2260"  # ≠: a metric that misses its target
VALIDATED_MARK: Final = "\u2713"  # ✓ (system fonts draw it; the word beside it says it too)
THIRD_PARTY: Final = "#d5dae0"  # the band of a touchpoint run by a third party
MINUS: Final = "\u2212"
BULLET: Final = "\u2022"
DOT: Final = "\u00b7"

MOMENT_OF_TRUTH: Final = f"{MOMENT_OF_TRUTH_MARK} MOMENT OF TRUTH"
ROADBLOCK_LABEL: Final = f"{ROADBLOCK_MARK} ROADBLOCK"

EMOTION_COLOURS: Final[dict[int, str]] = {
    -2: "#ec9a78",
    -1: "#f7c9a6",
    0: "#f3eed8",
    1: "#bcd7ea",
    2: "#88bcdf",
}
NO_EMOTION: Final = "#ffffff"
"""Fill of a touchpoint whose emotion is not recorded (drawn with a dashed border)."""

EMOTION_WORDS: Final[dict[int, str]] = {
    -2: "very negative",
    -1: "negative",
    0: "neutral",
    1: "positive",
    2: "very positive",
}

PERSONA_COLOURS: Final = (
    "#0072b2",  # blue
    "#cc79a7",  # reddish purple
    "#e69f00",  # orange
    "#56b4e9",  # sky blue
    "#000000",  # black
    "#8c564b",  # brown
)
PERSONA_STYLES: Final = ("solid", "dashed", "dotted")
"""Line styles that tell personas apart once the colours have all been used."""


def emotion_colour(emotion: float | None) -> str:
    """The fill for an emotion from -2 to 2; values between the steps (a stage's
    average) blend the two nearest colours. ``None`` gives the no-emotion fill."""
    if emotion is None:
        return NO_EMOTION
    value = min(2.0, max(-2.0, float(emotion)))
    low = math.floor(value)
    share = value - low
    if share == 0:
        return EMOTION_COLOURS[low]
    return _blend(EMOTION_COLOURS[low], EMOTION_COLOURS[low + 1], share)


def emotion_number(emotion: float) -> str:
    """An emotion as a signed number, with a real minus sign (U+2212) for negatives:
    ``+2``, ``0``, ``+0.5``."""
    text = f"{abs(emotion):.1f}".removesuffix(".0")
    if emotion > 0:
        return f"+{text}"
    if emotion < 0:
        return f"{MINUS}{text}"
    return "0"


def emotion_text(emotion: int | None) -> str:
    """``+1 positive``, ``0 neutral`` (negatives with U+2212), or ``emotion not recorded``."""
    if emotion is None:
        return "emotion not recorded"
    return f"{emotion_number(emotion)} {EMOTION_WORDS[emotion]}"


def persona_colour(index: int) -> str:
    """The colour of the persona at *index* in the map's list of personas."""
    return PERSONA_COLOURS[index % len(PERSONA_COLOURS)]


def persona_style(index: int) -> str:
    """The line style of the persona at *index*: solid for the first round of colours,
    then dashed, then dotted."""
    return PERSONA_STYLES[(index // len(PERSONA_COLOURS)) % len(PERSONA_STYLES)]


def _blend(start: str, end: str, share: float) -> str:
    a = [int(start[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(end[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(x + (y - x) * share) for x, y in zip(a, b, strict=True)]
    return "#" + "".join(f"{channel:02x}" for channel in mixed)
