"""The views of a map, each a function from a map (narrowed by filters) to DOT.

``flow`` is the lifecycle with touchpoints and journeys, ``matrix`` the swimlane map of
stages by channels, ``emotion`` the emotion curve of one journey. :func:`render_map`
is the entry point: it checks the options against the map, picks what to draw, and
returns the DOT source, which :func:`cjmap.render.render_dot` turns into a picture.

Each view module is imported only when it is used and has a ``build(selection, title)``
function; its docstring says what the view shows.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from cjmap.choices import RENDER_VIEWS
from cjmap.errors import EXIT_USAGE, CjmapError

if TYPE_CHECKING:
    from cjmap.model import CJMap, Journey, Stage, Touchpoint

__all__ = [
    "DEFAULT_VIEW",
    "VIEWS",
    "CannotDraw",
    "OptionError",
    "RenderOptions",
    "Selection",
    "ViewError",
    "render_map",
    "select",
]

# View name -> module holding `build(selection: Selection, title: str) -> str`; a view is
# registered in cjmap.choices.RENDER_VIEWS.
VIEWS: dict[str, str] = {view.name: view.target.partition(":")[0] for view in RENDER_VIEWS}
DEFAULT_VIEW = RENDER_VIEWS.default


class ViewError(CjmapError):
    """A view cannot be drawn as asked; the message is one line for the user."""


class OptionError(ViewError):
    """The options do not fit the map: an id it does not have, filters that exclude each
    other, a view that does not exist."""

    exit_code = EXIT_USAGE


class CannotDraw(ViewError):
    """The map lacks what the view needs (no journey for the emotion curve), or has too
    much for one readable picture."""


@dataclass(frozen=True)
class RenderOptions:
    """What to draw: the filters narrow the map; an empty filter keeps everything."""

    personas: tuple[str, ...] = ()
    journeys: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    title: str | None = None
    curves: tuple[str, ...] = ()
    """The named curves the emotion view draws (all of them when empty)."""


@dataclass(frozen=True)
class Selection:
    """The part of a map a view draws, in the map's own order."""

    model: CJMap
    stages: tuple[Stage, ...]
    touchpoints: tuple[Touchpoint, ...]
    journeys: tuple[Journey, ...]
    options: RenderOptions = field(default_factory=lambda: RenderOptions())
    filters: tuple[str, ...] = ()
    """How the filters narrowed the map, in words ("persona Busy parent")."""

    @cached_property
    def touchpoints_by_stage(self) -> dict[str, list[Touchpoint]]:
        from cjmap.model import group_by_stage

        return group_by_stage(self.stages, self.touchpoints)

    @cached_property
    def shown_ids(self) -> frozenset[str]:
        return frozenset(touchpoint.id for touchpoint in self.touchpoints)

    def steps(self, journey: Journey) -> list[tuple[Touchpoint, bool]]:
        """The journey's steps that are drawn, each with whether steps that are not
        drawn come just before it (so a view can show the gap)."""
        shown: list[tuple[Touchpoint, bool]] = []
        hidden = False
        for step in journey.steps:
            if step in self.shown_ids:
                shown.append((self.model.touchpoints_by_id[step], hidden and bool(shown)))
                hidden = False
            else:
                hidden = True
        return shown

    def persona_index(self, persona_id: str) -> int:
        """The persona's place in the map's list: its colour stays the same whatever
        the filters leave out."""
        for index, persona in enumerate(self.model.personas):
            if persona.id == persona_id:
                return index
        return len(self.model.personas)

    def persona_name(self, persona_id: str) -> str:
        persona = self.model.personas_by_id.get(persona_id)
        return persona.name if persona else persona_id


def render_map(model: CJMap, view: str = DEFAULT_VIEW, options: RenderOptions | None = None) -> str:
    """The DOT source of *view* of *model*, narrowed by *options*.

    Raises :class:`OptionError` when the view or an id in the options does not exist, and
    :class:`CannotDraw` when the map cannot be drawn in this view.
    """
    options = options or RenderOptions()
    if view not in VIEWS:
        raise OptionError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    build: Callable[[Selection, str], str] = importlib.import_module(VIEWS[view]).build
    selection = select(model, options)
    return build(selection, options.title or model.map.title)


def select(model: CJMap, options: RenderOptions) -> Selection:
    """The stages, touchpoints and journeys the options keep, in the map's order.

    ``--stage`` keeps those stages; ``--persona`` keeps the touchpoints that apply to
    the personas and their journeys; ``--journey`` keeps those journeys and their steps.
    """
    from cjmap.text import unknown_id

    unknown = (
        unknown_id("--persona", "persona", options.personas, model.personas_by_id)
        or unknown_id("--journey", "journey", options.journeys, model.journeys_by_id)
        or unknown_id("--stage", "stage", options.stages, model.stages_by_id)
        or unknown_id("--curves", "curve", options.curves, (c.id for c in model.curves))
    )
    if unknown:
        raise OptionError(unknown)
    filters: list[str] = []

    stages = tuple(model.stages)
    if options.stages:
        stages = tuple(stage for stage in model.stages if stage.id in options.stages)
        filters.append(_words("stage", [stage.name for stage in stages]))

    journeys = tuple(model.journeys)
    if options.personas:
        journeys = tuple(j for j in journeys if j.persona in options.personas)
        names = [p.name for p in model.personas if p.id in options.personas]
        filters.append(_words("persona", names))
    if options.journeys:
        for journey_id in options.journeys:
            journey = model.journeys_by_id[journey_id]
            if options.personas and journey.persona not in options.personas:
                persona = model.personas_by_id[journey.persona].name
                raise OptionError(
                    f"journey '{journey_id}' is taken by persona '{journey.persona}' "
                    f"({persona}), which --persona leaves out"
                )
        journeys = tuple(j for j in journeys if j.id in options.journeys)
        filters.append(_words("journey", [j.name for j in journeys]))

    stage_ids = {stage.id for stage in stages}
    steps = {step for journey in journeys for step in journey.steps}
    touchpoints = tuple(
        touchpoint
        for touchpoint in model.touchpoints
        if touchpoint.stage in stage_ids
        and (not options.personas or any(touchpoint.applies_to(p) for p in options.personas))
        and (not options.journeys or touchpoint.id in steps)
    )
    return Selection(model, stages, touchpoints, journeys, options, tuple(filters))


def _words(kind: str, names: list[str]) -> str:
    return f"{kind}{'s' if len(names) > 1 else ''} {', '.join(names)}"
