"""What a shared page holds, computed from the library: no HTML here.

Each map is validated and linted with the settings that apply to it (its
``cjmap.toml`` or ``pyproject.toml``), and a valid one gets its pains, its gaps
against the standard lifecycle, and every view of the render registry drawn as SVG.
A view that draws one journey at a time (``emotion``) is drawn once per journey; any
other view once for the whole map. A view that cannot draw the map (too large, or
missing what it needs) is listed with the reason instead of a picture.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from cjmap.findings import Finding
from cjmap.lifecycles import LIFECYCLES
from cjmap.lint import lint_paths
from cjmap.loader import DEFAULT_MAX_SIZE, Document
from cjmap.model import CJMap, Journey
from cjmap.render import render_dot
from cjmap.render.views import VIEWS, RenderOptions, ViewError, render_map
from cjmap.reports import ValidMap
from cjmap.reports.gaps import Gap, GapOptions, find_gaps
from cjmap.reports.pains import PainPoint, find_pains
from cjmap.validate import Checked

__all__ = [
    "PER_JOURNEY_VIEWS",
    "Figure",
    "Gathered",
    "InvalidMap",
    "MapContent",
    "gather",
    "gather_paths",
]

PER_JOURNEY_VIEWS: Final = frozenset({"emotion"})
"""Views that draw one journey: the page has one picture per journey of the map."""

GAPS_AGAINST: Final = "standard"


@dataclass(frozen=True)
class Figure:
    """One picture of a map: a view, for one journey or the whole map."""

    view: str
    description: str
    """What the view shows, from the view module's documentation."""
    journey: Journey | None
    svg: bytes | None
    problem: str | None = None
    """Why the view could not draw the map, when ``svg`` is None."""


@dataclass(frozen=True)
class MapContent:
    """Everything the page shows for one valid map."""

    document: Document
    model: CJMap
    findings: Sequence[Finding]
    """Validate and lint findings, in file order."""
    pains: Sequence[PainPoint]
    gaps: Sequence[Gap]
    figures: Sequence[Figure]

    @property
    def path(self) -> str:
        return self.document.path


@dataclass(frozen=True)
class InvalidMap:
    """A map that does not validate: the page shows its findings instead."""

    path: str
    findings: Sequence[Finding]


@dataclass(frozen=True)
class Gathered:
    """The maps found under the paths, in order, and the paths that could not be used."""

    maps: Sequence[MapContent | InvalidMap]
    problems: Sequence[str]
    skipped: Sequence[Path]


def gather_paths(
    paths: Sequence[Path],
    *,
    config_file: Path | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    today: date | None = None,
    backend: str | None = None,
) -> Gathered:
    """Load, validate and lint every map in the files and folders, and gather each one's
    content. Raises ConfigError for a config file that cannot be used, RenderError when
    Graphviz fails."""
    run = lint_paths(paths, config_file=config_file, max_size=max_size, today=today)
    contents = gather(run.batch.checked, backend=backend)
    return Gathered(contents, run.batch.problems, run.batch.skipped)


def gather(
    checked: Sequence[Checked], *, backend: str | None = None
) -> list[MapContent | InvalidMap]:
    """The content of each checked map (pictures drawn several at a time)."""
    plans = [_plan(item.model) if item.model is not None else [] for item in checked]
    jobs = [job for plan in plans for job in plan]
    workers = max(1, min(len(jobs), os.cpu_count() or 1, 4))
    with ThreadPoolExecutor(workers) as pool:
        drawn = list(pool.map(lambda job: _draw(job, backend), jobs))
    contents: list[MapContent | InvalidMap] = []
    start = 0
    for item, plan in zip(checked, plans, strict=True):
        if item.model is None:
            contents.append(InvalidMap(item.path, item.findings))
            continue
        figures, start = drawn[start : start + len(plan)], start + len(plan)
        valid = ValidMap(item.document, item.model)
        contents.append(
            MapContent(
                document=item.document,
                model=item.model,
                findings=item.findings,
                pains=find_pains([valid]),
                gaps=find_gaps([valid], GapOptions(against=LIFECYCLES[GAPS_AGAINST])),
                figures=figures,
            )
        )
    return contents


@dataclass(frozen=True)
class _Job:
    model: CJMap
    view: str
    journey: Journey | None


def _plan(model: CJMap) -> list[_Job]:
    jobs: list[_Job] = []
    for view in VIEWS:
        if view in PER_JOURNEY_VIEWS and model.journeys:
            jobs.extend(_Job(model, view, journey) for journey in model.journeys)
        else:
            jobs.append(_Job(model, view, None))
    return jobs


def _draw(job: _Job, backend: str | None) -> Figure:
    description = view_description(job.view)
    options = RenderOptions(journeys=(job.journey.id,) if job.journey else ())
    try:
        source = render_map(job.model, job.view, options)
    except ViewError as exc:  # CannotDraw: too large, or no journey to draw
        return Figure(job.view, description, job.journey, None, str(exc))
    return Figure(job.view, description, job.journey, render_dot(source, "svg", backend=backend))


def view_description(view: str) -> str:
    """The first paragraph of the view module's documentation, on one line."""
    doc = importlib.import_module(VIEWS[view]).__doc__ or ""
    return " ".join(doc.strip().split("\n\n")[0].split())
