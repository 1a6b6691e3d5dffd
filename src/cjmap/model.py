"""Format v1 of a journey map, as Pydantic models.

This module is the only code that knows the format's shape. Field names are the
YAML keys, and they are a contract: maps written outside the project are checked
against exactly these. Types are strict (``"2"`` is not an emotion, ``"yes"`` is
not a boolean), unknown keys are errors, and keys that start with ``x-`` are
allowed anywhere for a team's own data.
"""

# No ``from __future__ import annotations`` here: pydantic would evaluate every
# annotation from its text when it builds the models, a millisecond of each start.

from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
EXTENSION_PREFIX = "x-"

SEVERITIES = ("low", "medium", "high", "critical")
"""Pain severities, mildest first."""


def shortfall(value: float, target: float, better: str) -> float:
    """How far a value falls short of its target: 0 when it meets it, whichever way is better."""
    return max(0.0, value - target) if better == "lower" else max(0.0, target - value)


def _no_items() -> list[Any]:
    # A function of ours rather than ``list``: pydantic reads each default factory's
    # signature, and reading a builtin's first compiles the tokenizer's patterns, which
    # cost every check of a map 2 ms of start-up.
    return []


def _date_text(value: Any) -> Any:
    # Lax date parsing would also take numbers as Unix times; a map's dates are text.
    if isinstance(value, str | date):
        return value
    raise PydanticCustomError("date_type", "expected a date written as YYYY-MM-DD")


Id = Annotated[str, Field(pattern=ID_PATTERN, description="Identifier, unique within its kind.")]
Text = Annotated[str, Field(min_length=1)]
IsoDate = Annotated[date, BeforeValidator(_date_text), Field(strict=False)]
Emotion = Annotated[int, Field(ge=-2, le=2)]
Number = Annotated[float, Field(allow_inf_nan=False)]


class Base(BaseModel):
    """Shared settings: strict types, unknown keys forbidden, ``x-`` keys allowed and ignored."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    _field_names: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._field_names = frozenset(cls.model_fields)

    @model_validator(mode="before")
    @classmethod
    def _drop_extensions(cls, data: Any) -> Any:
        # Runs once per item of the map: the common case, keys that are all fields, is one
        # set comparison in C; only other mappings are searched for ``x-`` keys.
        if type(data) is dict and data.keys() <= cls._field_names:
            return data
        if isinstance(data, dict) and any(
            isinstance(key, str) and key.startswith(EXTENSION_PREFIX) for key in data
        ):
            return {
                key: value
                for key, value in data.items()
                if not (isinstance(key, str) and key.startswith(EXTENSION_PREFIX))
            }
        return data


class MapInfo(Base):
    """What the map is about and who keeps it."""

    title: Text = Field(description="The map's title.")
    state: Literal["current", "future"] = Field(
        "current", description="current: the experience today; future: the one being designed."
    )
    owner: Text | None = Field(None, description="The team that keeps the map.")
    scope: Text | None = Field(None, description="Which part of the journey the map covers.")
    objectives: list[Text] = Field(
        default_factory=_no_items, description="Why the map is made and what will be done with it."
    )
    updated: IsoDate | None = Field(None, description="When the map was last revised (YYYY-MM-DD).")


class Persona(Base):
    """A group of customers the map speaks for."""

    id: Id
    name: Text = Field(description="The persona's name.")
    description: Text | None = Field(None, description="Who they are.")
    goals: list[Text] = Field(default_factory=_no_items, description="What they want to achieve.")
    needs: list[Text] = Field(
        default_factory=_no_items, description="What they need from the brand."
    )


class Stage(Base):
    """A stage of the customer lifecycle."""

    id: Id
    name: Text = Field(description="The stage's name.")
    description: Text | None = Field(None, description="What happens in this stage.")


class Channel(Base):
    """A means through which the customer meets the brand."""

    id: Id
    name: Text = Field(description="The channel's name.")
    kind: Literal["digital", "physical", "human", "print", "other"] | None = Field(
        None, description="What kind of channel it is."
    )


class Pain(Base):
    """A point of pain: an interaction that is negative for the customer."""

    text: Text = Field(description="The pain, in the customer's words.")
    severity: Literal["low", "medium", "high", "critical"] = Field(
        "medium", description="How badly it hurts."
    )
    roadblock: bool = Field(False, description="True when it can stop the journey.")

    @property
    def severity_rank(self) -> int:
        return SEVERITIES.index(self.severity)


class Metric(Base):
    """A customer metric measured at a touchpoint."""

    name: Text = Field(description="What is measured, e.g. Checkout abandonment.")
    value: Number | None = Field(None, description="The latest measured value.")
    target: Number | None = Field(None, description="The value the team aims for.")
    unit: Text | None = Field(None, description='The unit, e.g. "%".')
    better: Literal["lower", "higher"] = Field(
        "higher", description="Whether lower or higher values are better."
    )

    @property
    def off_target(self) -> bool:
        """True when the value is worse than the target."""
        if self.value is None or self.target is None:
            return False
        return shortfall(self.value, self.target, self.better) > 0


class Touchpoint(Base):
    """A point where the customer meets the brand, in one stage, over one or more channels."""

    id: Id
    name: Text = Field(description="The touchpoint, in the customer's words.")
    stage: Id = Field(description="The id of the stage it belongs to.")
    channels: Annotated[list[Id], Field(min_length=1)] = Field(
        description="The ids of the channels it happens over."
    )
    personas: list[Id] | None = Field(
        None, description="The ids of the personas it applies to; omitted means every persona."
    )
    owner: Text | None = Field(None, description="The team that owns it.")
    doing: Text | None = Field(None, description="What the customer is doing.")
    thinking: Text | None = Field(None, description="What the customer is thinking.")
    feeling: Text | None = Field(None, description="What the customer is feeling.")
    emotion: Emotion | None = Field(
        None, description="The emotion, from -2 (very negative) to 2 (very positive)."
    )
    importance: Literal["low", "medium", "high"] | None = Field(
        None, description="How much it matters to the customer."
    )
    moment_of_truth: bool = Field(
        False, description="True for a make-or-break point where the customer stays or goes."
    )
    evidence: Literal["hypothesis", "observed", "validated"] = Field(
        "hypothesis", description="How well the content is backed by real customers."
    )
    pains: list[Pain] = Field(
        default_factory=_no_items,
        description="Points of pain: each a text, or a mapping with text, severity and roadblock.",
    )
    delights: list[Text] = Field(default_factory=_no_items, description="Points of delight.")
    metrics: list[Metric] = Field(
        default_factory=_no_items, description="Customer metrics measured here."
    )
    notes: Text | None = Field(None, description="Free notes.")

    @field_validator("pains", mode="before")
    @classmethod
    def _plain_pains(cls, value: Any) -> Any:
        # A plain-string pain is shorthand for {text: ..., severity: medium}.
        if isinstance(value, list):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value

    def applies_to(self, persona_id: str) -> bool:
        return self.personas is None or persona_id in self.personas


def group_by_stage(
    stages: Iterable[Stage], touchpoints: Iterable[Touchpoint]
) -> dict[str, list[Touchpoint]]:
    """The touchpoints of each stage id, each list in the given order; every stage has
    one (empty when nothing is mapped there). The stages of the touchpoints must be given."""
    grouped: dict[str, list[Touchpoint]] = {stage.id: [] for stage in stages}
    for touchpoint in touchpoints:
        grouped[touchpoint.stage].append(touchpoint)
    return grouped


class Journey(Base):
    """One persona's ordered path through touchpoints."""

    id: Id
    name: Text = Field(description="The journey's name.")
    persona: Id = Field(description="The id of the persona who takes it.")
    steps: Annotated[list[Id], Field(min_length=1)] = Field(
        description="The ids of the touchpoints, in order."
    )


class Action(Base):
    """A to-do that answers pains, with an owner and a KPI."""

    id: Id
    title: Text = Field(description="What will be done.")
    touchpoints: Annotated[list[Id], Field(min_length=1)] = Field(
        description="The ids of the touchpoints it improves."
    )
    owner: Text | None = Field(None, description="The team that does it.")
    kpi: Text | None = Field(None, description="How success is measured.")
    due: IsoDate | None = Field(None, description="When it is due (YYYY-MM-DD).")
    status: Literal["idea", "planned", "in-progress", "done"] = Field(
        "idea", description="Where it stands."
    )


class CJMap(Base):
    """A customer journey map, format v1."""

    model_config = ConfigDict(
        title="cjmap journey map, format v1",
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    cjmap: Literal[1] = Field(description="The format version; always 1.")
    map: MapInfo = Field(description="What the map is about and who keeps it.")
    personas: list[Persona] = Field(
        default_factory=_no_items, description="Who the map speaks for."
    )
    stages: Annotated[list[Stage], Field(min_length=1)] = Field(
        description="The customer lifecycle, in order."
    )
    channels: Annotated[list[Channel], Field(min_length=1)] = Field(
        description="The means by which customers meet the brand."
    )
    touchpoints: list[Touchpoint] = Field(
        default_factory=_no_items, description="Where customers meet the brand."
    )
    journeys: list[Journey] = Field(
        default_factory=_no_items, description="Personas' paths through touchpoints."
    )
    actions: list[Action] = Field(
        default_factory=_no_items, description="To-dos with owners and KPIs that answer the pains."
    )

    @cached_property
    def stage_index(self) -> dict[str, int]:
        """Lifecycle position of each stage id."""
        return {stage.id: index for index, stage in enumerate(self.stages)}

    @cached_property
    def touchpoints_by_stage(self) -> dict[str, list[Touchpoint]]:
        """The touchpoints of each stage id, in map order (see :func:`group_by_stage`)."""
        return group_by_stage(self.stages, self.touchpoints)

    @cached_property
    def stages_by_id(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.stages}

    @cached_property
    def channels_by_id(self) -> dict[str, Channel]:
        return {channel.id: channel for channel in self.channels}

    @cached_property
    def personas_by_id(self) -> dict[str, Persona]:
        return {persona.id: persona for persona in self.personas}

    @cached_property
    def touchpoints_by_id(self) -> dict[str, Touchpoint]:
        return {touchpoint.id: touchpoint for touchpoint in self.touchpoints}

    @cached_property
    def journeys_by_id(self) -> dict[str, Journey]:
        return {journey.id: journey for journey in self.journeys}

    @cached_property
    def covered_touchpoints(self) -> frozenset[str]:
        """Ids of touchpoints that at least one action covers."""
        return frozenset(tid for action in self.actions for tid in action.touchpoints)


MODELS: tuple[type[Base], ...] = (
    CJMap,
    MapInfo,
    Persona,
    Stage,
    Channel,
    Touchpoint,
    Pain,
    Metric,
    Journey,
    Action,
)
