"""Reference lifecycles that a map's stages are compared with (``cjmap gaps --against``).

The experience starts long before a purchase and goes on long after it, so the
standard lifecycle runs from awareness to advocacy. B2B buying names some stages
differently: evaluation, procurement and renewal. A team can also keep its own
reference in a YAML file: a list of stage names or ids, a list of ``{id, name}``
mappings, or a mapping whose ``stages`` key holds such a list (so another map's
lifecycle works as a reference too).

A reference stage matches a map's stage by the stage's ``lifecycle`` word first
(the standard lifecycle stage it stands for, whatever its name), then when the id or
the name of one equals the id or the name of the other; either side's words are
compared ignoring case and treating ``-``, ``_`` and spaces alike ("First delivery"
matches ``first-delivery``). A reference stage may list aliases: more words that
stand for it, such as the lifecycle words a map's stages use (the b2b lifecycle's
evaluation stands for consideration, procurement for purchase, renewal for loyalty).
In a reference file, a stage is a name or id, or a mapping with ``id``, ``name``,
``aliases`` (a list) and ``lifecycle`` (an alias too, so another map's stages work).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cjmap.errors import UsageError
from cjmap.model import LIFECYCLE_STAGES, Stage

_SEPARATORS = re.compile(r"[\s_-]+")


def stage_key(text: str) -> str:
    """How stage ids and names are compared: case-folded, with -, _ and spaces alike."""
    return _SEPARATORS.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class ReferenceStage:
    """A stage of a reference lifecycle."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()

    def matches(self, stage: Stage) -> bool:
        ours = {stage_key(self.id), stage_key(self.name), *map(stage_key, self.aliases)}
        if stage.lifecycle is not None and stage_key(stage.lifecycle) in ours:
            return True
        return bool(ours & {stage_key(stage.id), stage_key(stage.name)})


@dataclass(frozen=True)
class Lifecycle:
    """A reference lifecycle: its name (or the file it came from), how prose names it, stages."""

    name: str
    title: str
    stages: tuple[ReferenceStage, ...]

    def missing_from(self, stages: Sequence[Stage]) -> list[ReferenceStage]:
        """The reference stages that none of the given stages matches, in reference order."""
        return [ref for ref in self.stages if not any(ref.matches(stage) for stage in stages)]


def _named(
    name: str, stage_names: Iterable[str], aliases: dict[str, str] | None = None
) -> Lifecycle:
    """A built-in lifecycle; ``aliases`` gives a stage the standard lifecycle word it stands for."""
    stages = tuple(
        ReferenceStage(
            stage_key(text).replace(" ", "-"),
            text,
            tuple(word for word in [(aliases or {}).get(text)] if word),
        )
        for text in stage_names
    )
    return Lifecycle(name, f"the {name} lifecycle", stages)


LIFECYCLES: dict[str, Lifecycle] = {
    # The words a stage's ``lifecycle`` may use, in the format's own order.
    "standard": _named("standard", (word.capitalize() for word in LIFECYCLE_STAGES)),
    "b2b": _named(
        "b2b",
        (
            "Awareness",
            "Evaluation",
            "Procurement",
            "Onboarding",
            "Use",
            "Support",
            "Renewal",
            "Advocacy",
        ),
        {"Evaluation": "consideration", "Procurement": "purchase", "Renewal": "loyalty"},
    ),
}


class LifecycleError(UsageError):
    """A reference lifecycle that cannot be used: unknown name, unreadable or malformed file."""


def load_lifecycle(spec: str) -> Lifecycle:
    """A lifecycle by name (standard, b2b) or from a YAML file. Raises LifecycleError."""
    if spec in LIFECYCLES:
        return LIFECYCLES[spec]
    path = Path(spec)
    if not path.exists() and not path.is_symlink():
        from cjmap.validate import suggest

        raise LifecycleError(
            f"'{spec}' is neither a lifecycle ({', '.join(LIFECYCLES)}) nor a file"
            f"{suggest(spec, LIFECYCLES)}"
        )
    return _read_file(path, spec)


def _read_file(path: Path, shown_path: str) -> Lifecycle:
    from cjmap.loader import InputError, load
    from cjmap.validate import shown

    try:
        document = load(path, shown_path)
    except InputError as exc:
        raise LifecycleError(str(exc)) from None
    if document.findings:
        first = document.findings[0]
        raise LifecycleError(f"{first.path}:{first.line}:{first.column}: {first.message}")

    def fail(at: tuple[str | int, ...], problem: str) -> LifecycleError:
        line, column = document.locate(at)
        return LifecycleError(f"{shown_path}:{line}:{column}: {problem}")

    data: Any = document.data
    where: tuple[str | int, ...] = ()
    if isinstance(data, dict) and "stages" in data:
        data, where = data["stages"], ("stages",)
    if not isinstance(data, list):
        raise fail(
            where,
            "a reference lifecycle is a list of stage names or ids "
            f"(or a mapping with a 'stages' list), not {shown(data)}",
        )
    if not data:
        raise fail(where, "the reference lifecycle has no stages")
    stages: list[ReferenceStage] = []
    for index, item in enumerate(data):
        at = (*where, index)
        if isinstance(item, str) and item.strip():
            stages.append(ReferenceStage(item.strip(), item.strip()))
        elif isinstance(item, dict) and (_text(item.get("id")) or _text(item.get("name"))):
            ident = _text(item.get("id")) or _text(item.get("name"))
            aliases = item.get("aliases", [])
            if not isinstance(aliases, list) or not all(_text(alias) for alias in aliases):
                raise fail(
                    (*at, "aliases"), f"'aliases' must be a list of words, not {shown(aliases)}"
                )
            words = [*map(_text, aliases), _text(item.get("lifecycle"))]
            stages.append(
                ReferenceStage(
                    ident, _text(item.get("name")) or ident, tuple(w for w in words if w)
                )
            )
        else:
            raise fail(
                at,
                f"stage {index + 1} must be a stage name or id, or a mapping with 'id' or "
                f"'name', not {shown(item)}",
            )
    return Lifecycle(shown_path, f"the lifecycle in {shown_path}", tuple(stages))


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
