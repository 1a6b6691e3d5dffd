"""Helpers for the render tests: which backends exist here, and a small PNG reader,
enough to look at the pixels cjmap's renders produce."""

from __future__ import annotations

import shutil
import struct
import zlib
from dataclasses import dataclass

import pytest

HAS_DOT = shutil.which("dot") is not None
NO_DOT_REASON = "Graphviz `dot` is not on PATH (apt-get install graphviz); CI installs it"

needs_dot = pytest.mark.skipif(not HAS_DOT, reason=NO_DOT_REASON)

# For @pytest.mark.parametrize("backend", BACKENDS). (No conftest.py here: other test
# folders import the top-level one as `conftest`, and a second would shadow it.)
BACKENDS = ["wasm", pytest.param("dot", marks=needs_dot)]

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    rows: list[list[tuple[int, int, int, int]]]  # RGBA, row by row

    def dark_pixels(self, box: tuple[int, int, int, int] | None = None, limit: int = 128) -> int:
        """Pixels, inside box=(x0, y0, x1, y1) if given, that are visibly drawn and dark."""
        x0, y0, x1, y1 = box or (0, 0, self.width, self.height)
        return sum(
            1
            for row in self.rows[y0:y1]
            for r, g, b, a in row[x0:x1]
            if a > 128 and (r + g + b) / 3 < limit
        )


def read_png(data: bytes) -> Image:
    """Decode an 8-bit, non-interlaced PNG (what Graphviz and resvg write)."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG")
    pos = len(SIGNATURE)
    header: tuple[int, ...] = ()
    palette = b""
    transparency = b""
    compressed = bytearray()
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"bad CRC in {kind!r} chunk")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            transparency = body
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, interlace {interlace}")
    channels = _CHANNELS[colour]
    stride = width * channels
    raw = zlib.decompress(bytes(compressed))
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        rows.append(
            [_pixel(line, x * channels, colour, palette, transparency) for x in range(width)]
        )
        previous = line
    return Image(width, height, rows)


def _pixel(
    line: bytearray, at: int, colour: int, palette: bytes, transparency: bytes
) -> tuple[int, int, int, int]:
    if colour == 6:
        return line[at], line[at + 1], line[at + 2], line[at + 3]
    if colour == 2:
        return line[at], line[at + 1], line[at + 2], 255
    if colour == 0:
        return line[at], line[at], line[at], 255
    if colour == 4:
        return line[at], line[at], line[at], line[at + 1]
    index = line[at]
    alpha = transparency[index] if index < len(transparency) else 255
    return palette[3 * index], palette[3 * index + 1], palette[3 * index + 2], alpha
