"""Each example's shared page, opened from disk in headless Chromium and used as a
reader would: the names are there, the filters narrow the pictures, the panel opens
on click and on Enter, nothing is fetched, nothing fails, and axe-core finds no
serious accessibility problem. A hostile map's page runs none of what it carries."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import (
    axe_violations,
    browser_fixture,
    console_errors,
    file_url,
    needs_axe,
    needs_chromium,
    open_page,
    requests_made,
    wait_for,
)
from pages import EXAMPLE_PATHS, HOSTILE, hostile_map, page_of

from cjmap.validate import validate_path

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from browser_fixture()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for path in EXAMPLE_PATHS:
        written[path.stem] = folder / f"{path.stem}.html"
        written[path.stem].write_text(page_of(path), encoding="utf-8")
    hostile = folder / "hostile.yaml"
    hostile.write_text(hostile_map(), encoding="utf-8")
    written["hostile"] = folder / "hostile.html"
    written["hostile"].write_text(page_of(hostile), encoding="utf-8")
    return written


def squash(text: str) -> str:
    return " ".join(text.split())


# Per touchpoint element: its id, whether it has `hidden`, and whether it takes room.
ELEMENTS = """
return Array.from(document.querySelectorAll('#m0 [data-touchpoint]')).map(el => {
  const box = el.getBoundingClientRect();
  return [el.getAttribute('data-touchpoint'), el.hasAttribute('hidden'),
          box.width > 0 && box.height > 0, el.closest('figure') !== null];
});
"""


def pick(browser: Any, kind: str, value: str) -> None:
    browser.execute_script(
        "const select = document.querySelector(`select[data-filter='${arguments[0]}']`);"
        "select.value = arguments[1];"
        "select.dispatchEvent(new Event('change', {bubbles: true}));",
        kind,
        value,
    )


@pytest.mark.parametrize("example", EXAMPLE_PATHS, ids=lambda path: path.stem)
def test_every_touchpoint_is_on_the_page_and_nothing_is_fetched_or_fails(
    browser: Any, pages: dict[str, Path], example: Path
) -> None:
    open_page(browser, file_url(pages[example.stem]))
    model = validate_path(example).model
    assert model is not None
    shown = squash(browser.execute_script("return document.body.innerText"))
    for touchpoint in model.touchpoints:
        assert squash(touchpoint.name) in shown
    drawn = {row[0] for row in browser.execute_script(ELEMENTS) if row[3] and row[2]}
    assert drawn == {touchpoint.id for touchpoint in model.touchpoints}
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    page = file_url(pages[example.stem])
    assert requests_made(browser, page) == []
    assert console_errors(browser) == []


@pytest.mark.parametrize("example", EXAMPLE_PATHS, ids=lambda path: path.stem)
def test_persona_and_journey_filters_hide_what_they_leave_out(
    browser: Any, pages: dict[str, Path], example: Path
) -> None:
    model = validate_path(example).model
    assert model is not None
    open_page(browser, file_url(pages[example.stem]))
    options = browser.execute_script(
        "return Array.from(document.querySelectorAll('select[data-filter] option'))"
        ".map(o => [o.parentNode.getAttribute('data-filter'), o.value])"
    )
    assert [v for k, v in options if k == "persona"] == ["", *(p.id for p in model.personas)]
    assert [v for k, v in options if k == "journey"] == ["", *(j.id for j in model.journeys)]
    for persona in model.personas:
        pick(browser, "journey", "")
        pick(browser, "persona", persona.id)
        for touchpoint_id, hidden, drawn, _ in browser.execute_script(ELEMENTS):
            kept = model.touchpoints_by_id[touchpoint_id].applies_to(persona.id)
            assert hidden is not kept, (persona.id, touchpoint_id)
            if hidden:
                assert not drawn, f"{touchpoint_id} is hidden but still drawn"
    pick(browser, "persona", "")
    for journey in model.journeys:
        pick(browser, "journey", journey.id)
        for touchpoint_id, hidden, drawn, _ in browser.execute_script(ELEMENTS):
            assert hidden is (touchpoint_id not in journey.steps), (journey.id, touchpoint_id)
            if hidden:
                assert not drawn
        # The other journeys' lines and curves are not drawn either.
        others = browser.execute_script(
            "return Array.from(document.querySelectorAll('#m0 [data-journey]'))"
            ".filter(el => el.getAttribute('data-journey') !== arguments[0])"
            ".map(el => [el.hasAttribute('hidden'), el.getBoundingClientRect().width > 0])",
            journey.id,
        )
        assert all(hidden and not drawn for hidden, drawn in others)
    pick(browser, "journey", "")
    assert all(not row[1] for row in browser.execute_script(ELEMENTS))
    assert console_errors(browser) == []


def panel_text(browser: Any) -> str:
    wait_for(browser, "return !document.getElementById('panel').hidden")
    return squash(browser.execute_script("return document.getElementById('panel').innerText"))


def test_the_panel_opens_on_click_and_on_enter_with_the_touchpoint(
    browser: Any, pages: dict[str, Path]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    example = next(path for path in EXAMPLE_PATHS if path.stem == "coffee-subscription")
    model = validate_path(example).model
    assert model is not None
    checkout = model.touchpoints_by_id["checkout"]
    open_page(browser, file_url(pages[example.stem]))
    elements = browser.find_elements(By.CSS_SELECTOR, "#m0 [data-touchpoint='checkout']")
    assert len(elements) >= 4  # flow, matrix (two channels), emotion curve, tables
    for element in elements:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        browser.execute_script(
            "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", element
        )
        text = panel_text(browser)
        assert squash(checkout.name) in text
        for pain in checkout.pains:
            assert squash(pain.text) in text
        assert "64% against a target of 35%" in text
        browser.switch_to.active_element.send_keys(Keys.ESCAPE)
        wait_for(browser, "return document.getElementById('panel').hidden")
    # Enter on a shape of the flow view, reached from the keyboard.
    card = browser.find_element(
        By.CSS_SELECTOR, "#m0 figure[data-view='flow'] [data-touchpoint='unbox']"
    )
    browser.execute_script("arguments[0].focus()", card)
    assert (
        browser.execute_script("return document.activeElement.getAttribute('data-touchpoint')")
        == "unbox"
    )
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    text = panel_text(browser)
    assert squash(model.touchpoints_by_id["unbox"].name) in text
    assert "Evidence" in text
    browser.find_element(By.CSS_SELECTOR, "#panel .close").click()
    wait_for(browser, "return document.getElementById('panel').hidden")
    # Focus goes back to the shape that opened the panel.
    assert (
        browser.execute_script("return document.activeElement.getAttribute('data-touchpoint')")
        == "unbox"
    )
    assert console_errors(browser) == []


@needs_axe
@pytest.mark.parametrize("name", [p.stem for p in EXAMPLE_PATHS] + ["hostile"])
def test_axe_finds_no_serious_accessibility_problem(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    open_page(browser, file_url(pages[name]))
    assert axe_violations(browser) == []


def test_a_hostile_map_runs_nothing_and_shows_its_text(
    browser: Any, pages: dict[str, Path]
) -> None:
    open_page(browser, file_url(pages["hostile"]))
    pick(browser, "persona", "p")
    browser.execute_script(
        "document.querySelectorAll('[data-touchpoint]').forEach(el => "
        "el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))"
    )
    browser.execute_script(
        "document.querySelector('[data-touchpoint]')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true}))"
    )
    panel_text(browser)
    assert browser.execute_script("return window.pwned === undefined") is True
    assert browser.execute_script("return document.scripts.length") == 1
    assert (
        browser.execute_script(
            "return document.querySelectorAll('img, iframe, object, embed').length"
        )
        == 0
    )
    shown = squash(browser.execute_script("return document.body.innerText"))
    for text in HOSTILE[:8]:
        assert squash(text) in shown
    assert console_errors(browser) == []


def test_printing_puts_each_picture_on_a_landscape_page(
    browser: Any, pages: dict[str, Path]
) -> None:
    open_page(browser, file_url(pages["coffee-subscription"]))
    figures = browser.execute_script("return document.querySelectorAll('figure.view').length")
    pdf = base64.b64decode(
        browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]
    )
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    landscape = [size for size in sizes if float(size[0]) > float(size[1])]
    assert len(landscape) == figures
    assert len(sizes) > figures  # the rest of the page prints upright


def test_without_javascript_everything_is_still_there(browser: Any, pages: dict[str, Path]) -> None:
    example = next(path for path in EXAMPLE_PATHS if path.stem == "coffee-subscription")
    model = validate_path(example).model
    assert model is not None
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(file_url(pages[example.stem]))
        state = browser.execute_cdp_cmd(
            "Runtime.evaluate",
            {
                "expression": "JSON.stringify([document.documentElement.hasAttribute('data-ready'),"
                " document.querySelector('.toolbar').hidden, document.body.innerText,"
                " document.querySelectorAll('figure svg').length])",
                "returnByValue": True,
            },
        )
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    ready, toolbar_hidden, text, pictures = json.loads(state["result"]["value"])
    assert not ready and toolbar_hidden  # the script did not run; its controls stay away
    assert pictures >= 3
    for touchpoint in model.touchpoints:
        assert squash(touchpoint.name) in squash(text)
        for pain in touchpoint.pains:
            assert squash(pain.text) in squash(text)
