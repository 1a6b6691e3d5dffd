"""Pages built once per test session, and maps that try to break them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from cjmap.share.content import MapContent, gather_paths
from cjmap.share.page import build_page
from conftest import EXAMPLES

EXAMPLE_PATHS = sorted(EXAMPLES.glob("*.yaml"))

# Each would run something, or change the page, if it reached the page unescaped.
HOSTILE = [
    "<script>window.pwned = 'script'</script>",
    "<img src=x onerror=\"window.pwned = 'img'\">",
    "</style><script>window.pwned = 'style'</script>",
    "</textarea></title><svg onload=\"window.pwned = 'svg'\">",
    '" onmouseover="window.pwned = \'attribute\'" x="',
    "' autofocus onfocus='window.pwned = 1' '",
    "{{constructor.constructor('window.pwned = 1')()}} ${window.pwned = 1}",
    "javascript:window.pwned = 1",
    "\u202eRTL override: evil.exe\u202c and \u2067isolate",
    "&lt;b&gt;entities&amp;amp; stay as written",
]


def hostile_map() -> str:
    """A valid map whose every name and text is hostile (JSON strings are YAML strings)."""
    names = [json.dumps(text, ensure_ascii=False) for text in HOSTILE]
    touchpoints = "".join(
        f"  - {{id: t{i}, name: {name}, stage: s{i % 2}, channels: [web], emotion: {i % 5 - 2},"
        f" owner: {name}, doing: {name}, thinking: {name}, feeling: {name},"
        f" pains: [{{text: {name}, severity: high, roadblock: true}}], delights: [{name}],"
        f" metrics: [{{name: {name}, value: 1, target: 2, unit: {name}}}],"
        f" moment_of_truth: true}}\n"
        for i, name in enumerate(names)
    )
    steps = ", ".join(f"t{i}" for i in range(len(names)))
    return (
        "cjmap: 1\n"
        f"map: {{title: {names[0]}, scope: {names[1]}, objectives: [{names[2]}]}}\n"
        f"personas: [{{id: p, name: {names[3]}, goals: [{names[4]}]}}]\n"
        f"stages: [{{id: s0, name: {names[2]}}}, {{id: s1, name: {names[5]}}}]\n"
        f"channels: [{{id: web, name: {names[6]}, kind: digital}}]\n"
        f"touchpoints:\n{touchpoints}"
        f"journeys: [{{id: j, name: {names[7]}, persona: p, steps: [{steps}]}}]\n"
        f"actions: [{{id: a, title: {names[8]}, touchpoints: [t0], owner: {names[9]}}}]\n"
    )


@cache
def page_of(*paths: Path) -> str:
    gathered = gather_paths(list(paths))
    assert not gathered.problems
    assert all(isinstance(item, MapContent) for item in gathered.maps)
    return build_page(gathered.maps)
