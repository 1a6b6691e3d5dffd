"""Graphviz's SVG made to live inside the page.

A picture is parsed as XML and written out again element by element, so what reaches
the page is markup this module wrote, whatever the map's text held:

- only drawing elements are kept (no ``script``, ``foreignObject``, ``image`` or
  anything else), and no event handler, ``style`` attribute (the page's
  Content-Security-Policy would refuse it) or link out of the picture;
- Graphviz's ``<title>`` elements, which hold its internal node names, are dropped:
  the tooltip of each shape is its ``xlink:title``, the map's own words;
- every ``id`` gets a prefix, so that several pictures on one page never share one;
- a shape whose class names a touchpoint (``touchpoint-ID``, see
  :func:`cjmap.render.views.common.touchpoint_class`) gets ``data-touchpoint="ID"``,
  a place in the tab order, the role of a button and a label that holds its name;
  a journey line (``journey-ID``) gets ``data-journey`` and ``data-persona``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Final

from cjmap.share.markup import Html, text

__all__ = ["Marks", "embed"]

_SVG: Final = "http://www.w3.org/2000/svg"
_NAMESPACES: Final = {
    "http://www.w3.org/1999/xlink": "xlink:",
    "http://www.w3.org/XML/1998/namespace": "xml:",
}
_DRAWING: Final = frozenset(
    {
        "svg",
        "g",
        "a",
        "polygon",
        "polyline",
        "path",
        "ellipse",
        "circle",
        "rect",
        "line",
        "text",
        "tspan",
        "defs",
        "linearGradient",
        "radialGradient",
        "stop",
    }
)
_DROPPED_ATTRIBUTES: Final = frozenset({"style", "xmlns"})
_REFERENCE: Final = re.compile(r"url\(#([^)]*)\)")


@dataclass(frozen=True)
class Marks:
    """What the page knows about the things a picture draws."""

    touchpoint_names: Mapping[str, str]
    """Touchpoint id -> name, for the label of each touchpoint shape."""
    journey_personas: Mapping[str, str]
    """Journey id -> the id of the persona who takes it."""


def embed(svg: bytes, prefix: str, marks: Marks, labelled_by: str) -> Html:
    """The SVG *svg*, as written by Graphviz, as markup for the page (see the module).

    *prefix* starts every id in it; *labelled_by* is the id of the element that names
    the picture (its caption).
    """
    root = ET.fromstring(svg)
    return Html("".join(_element(root, prefix, marks, labelled_by)))


def _element(node: ET.Element, prefix: str, marks: Marks, labelled_by: str) -> Iterator[str]:
    namespace, _, tag = node.tag.rpartition("}")
    if namespace.lstrip("{") != _SVG or tag not in _DRAWING:
        return
    attributes = [
        item for key, value in node.attrib.items() if (item := _attribute(key, value, prefix))
    ]
    if tag == "svg":
        attributes += [("role", "group"), ("aria-labelledby", labelled_by)]
    classes = node.get("class", "").split()
    for word in classes:
        if word.startswith("touchpoint-"):
            touchpoint = word.removeprefix("touchpoint-")
            name = _label(node, marks.touchpoint_names.get(touchpoint, touchpoint))
            attributes += [
                ("data-touchpoint", touchpoint),
                ("tabindex", "0"),
                ("role", "button"),
                ("aria-haspopup", "dialog"),
                ("aria-label", name),
            ]
        elif word.startswith("journey-"):
            journey = word.removeprefix("journey-")
            attributes += [("data-journey", journey)]
            if journey in marks.journey_personas:
                attributes += [("data-persona", marks.journey_personas[journey])]
    written = "".join(f' {key}="{text(value)}"' for key, value in attributes)
    yield f"<{tag}{written}>"
    if node.text:
        yield text(node.text)
    for child in node:
        if not child.tag.endswith("}title"):
            yield from _element(child, prefix, marks, labelled_by)
        if child.tail:
            yield text(child.tail)
    yield f"</{tag}>"


def _label(node: ET.Element, name: str) -> str:
    """The accessible name of a touchpoint's shape: what it shows, which must be part of
    the name for people who speak to their screen reader, and the touchpoint's whole
    name when the shape shows it only in part (cut short, or a number on a curve)."""
    shown = " ".join(
        " ".join("".join(part.itertext()).split()) for part in node.iter(f"{{{_SVG}}}text")
    )
    return shown if " ".join(name.split()) in shown else f"{name}: {shown}".rstrip(": ")


def _attribute(key: str, value: str, prefix: str) -> tuple[str, str] | None:
    """An attribute as the page writes it, or None to leave it out."""
    namespace, _, name = key.rpartition("}")
    namespace = namespace.lstrip("{")
    if namespace:
        if namespace not in _NAMESPACES:
            return None
        name = _NAMESPACES[namespace] + name
    if name in _DROPPED_ATTRIBUTES or name.lower().startswith("on"):
        return None
    if name == "id":
        return name, prefix + value
    if name in ("href", "xlink:href"):
        # Links inside the picture only: nothing in a page may lead elsewhere.
        return (name, "#" + prefix + value[1:]) if value.startswith("#") else None
    return name, _REFERENCE.sub(lambda match: f"url(#{prefix}{match.group(1)})", value)
