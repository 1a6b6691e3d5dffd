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
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
EXTENSION_PREFIX = "x-"

SEVERITIES = ("low", "medium", "high", "critical")
"""Pain severities, mildest first."""

Lifecycle = Literal[
    "awareness", "consideration", "purchase", "onboarding", "use", "support", "loyalty", "advocacy"
]
LIFECYCLE_STAGES: tuple[str, ...] = get_args(Lifecycle)
"""The standard customer lifecycle, in order: the words a stage's ``lifecycle`` may use."""

TEXT_LANES = ("doing", "thinking", "feeling", "backstage", "support")
"""Fields that hold a text or a list of texts."""

LaneText = str | list[str]
"""A text lane's value once read: one text, or several, each one quote or observation."""

EmotionScore = int | dict[str, int]
"""An emotion once read: one number for every persona, or a number per persona id."""


def shortfall(value: float, target: float, better: str) -> float:
    """How far a value falls short of its target: 0 when it meets it, whichever way is better."""
    return max(0.0, value - target) if better == "lower" else max(0.0, target - value)


def _no_items() -> list[Any]:
    # A function of ours rather than ``list``: pydantic reads each default factory's
    # signature, and reading a builtin's first compiles the tokenizer's patterns, which
    # cost every check of a map 2 ms of start-up.
    return []


def _no_scores() -> dict[str, Any]:
    return {}


def texts(lane: LaneText | None) -> list[str]:
    """A text lane's texts, in order: none, one or several."""
    if lane is None:
        return []
    return [lane] if isinstance(lane, str) else list(lane)


def emotion_for(emotion: EmotionScore | None, persona: str | None = None) -> int | None:
    """An emotion as one number: for a persona when given, else for the persona worst off.

    A number applies to every persona. A mapping gives the persona's own score (None when it
    has none) or, with no persona, the lowest score: a map that shows one curve shows where
    someone suffers.
    """
    if emotion is None or isinstance(emotion, int):
        return emotion
    if persona is not None:
        return emotion.get(persona)
    return min(emotion.values(), default=None)


def _shape(value: Any) -> str:
    return "many" if isinstance(value, list) else "each" if isinstance(value, dict) else "one"


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
Level = Literal["low", "medium", "high"]
Evidence = Literal["hypothesis", "observed", "validated"]
# A tagged choice, so that a mistake is reported against the shape the map chose (a list
# item that is a number, say) rather than against every shape the field allows.
Lane = Annotated[
    Annotated[Text, Tag("one")] | Annotated[list[Text], Field(min_length=1), Tag("many")],
    Discriminator(_shape),
]
Scores = dict[str, Emotion]
PersonaEmotion = Annotated[
    Annotated[Emotion, Tag("one")] | Annotated[Scores, Tag("each")],
    Discriminator(_shape),
]

# The fields that touchpoints and stages share, declared once.
Doing = Annotated[Lane | None, Field(description="What the customer is doing.")]
Thinking = Annotated[Lane | None, Field(description="What the customer is thinking: quotes.")]
Feeling = Annotated[Lane | None, Field(description="What the customer is feeling.")]
EmotionField = Annotated[
    PersonaEmotion | None,
    Field(
        description="The emotion, from -2 (very negative) to 2 (very positive): one number "
        "for every persona, or a mapping from persona id to number."
    ),
]
CurveScores = Annotated[
    Scores,
    Field(
        default_factory=_no_scores,
        description="Scores -2..2 on the map's named curves: a mapping from curve id to number.",
    ),
]


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


class Channel(Base):
    """A means through which the customer meets the brand."""

    id: Id
    name: Text = Field(description="The channel's name.")
    kind: Literal["digital", "physical", "human", "print", "other"] | None = Field(
        None, description="What kind of channel it is."
    )


class Organisation(Base):
    """Who the customer deals with at a touchpoint: the brand, a partner or a third party."""

    id: Id
    name: Text = Field(description="The organisation's name.")
    kind: Literal["own", "partner", "third-party"] = Field(
        "own",
        description="own: the brand itself; partner: works with the brand; "
        "third-party: nobody in the company owns it (search engines, review sites, friends).",
    )


class Curve(Base):
    """A named experience curve, scored -2..2 at touchpoints and stages like the emotion."""

    id: Id
    name: Text = Field(description="The curve's name, e.g. How helpful the brand was.")
    description: Text | None = Field(None, description="What the curve measures.")


class Pain(Base):
    """A point of pain: an interaction that is negative for the customer."""

    text: Text = Field(description="The pain, in the customer's words.")
    severity: Literal["low", "medium", "high", "critical"] = Field(
        "medium", description="How badly it hurts."
    )
    roadblock: bool = Field(False, description="True when it can stop the journey.")
    id: Id | None = Field(
        None, description="An id, unique among the map's pains, for opportunities and actions."
    )

    @property
    def severity_rank(self) -> int:
        return SEVERITIES.index(self.severity)


def _plain_pains(value: Any) -> Any:
    # A plain-string pain is shorthand for {text: ..., severity: medium}.
    if isinstance(value, list):
        return [{"text": item} if isinstance(item, str) else item for item in value]
    return value


Pains = Annotated[
    list[Pain],
    BeforeValidator(_plain_pains),
    Field(
        default_factory=_no_items,
        description="Points of pain: each a text, or a mapping with text, id, severity "
        "and roadblock.",
    ),
]
Delights = Annotated[list[Text], Field(default_factory=_no_items, description="Points of delight.")]


class Stage(Base):
    """A stage of the customer lifecycle, and what the customer lives through in it."""

    id: Id
    name: Text = Field(description="The stage's name.")
    description: Text | None = Field(None, description="What happens in this stage.")
    lifecycle: Lifecycle | None = Field(
        None, description="The standard lifecycle stage it stands for."
    )
    timeframe: Text | None = Field(
        None, description="When the stage happens, e.g. 6-12 months before the move."
    )
    doing: Doing = None
    thinking: Thinking = None
    feeling: Feeling = None
    emotion: EmotionField = None
    curves: CurveScores
    pains: Pains
    delights: Delights

    def emotion_for(self, persona: str | None = None) -> int | None:
        """The stage's emotion for a persona, or for the persona worst off (see emotion_for)."""
        return emotion_for(self.emotion, persona)


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
    organisation: Id | None = Field(
        None, description="The id of the organisation the customer deals with here."
    )
    owner: Text | None = Field(None, description="The team that owns it.")
    doing: Doing = None
    thinking: Thinking = None
    feeling: Feeling = None
    emotion: EmotionField = None
    curves: CurveScores
    importance: Level | None = Field(None, description="How much it matters to the customer.")
    moment_of_truth: bool = Field(
        False, description="True for a make-or-break point where the customer stays or goes."
    )
    evidence: Evidence = Field(
        "hypothesis", description="How well the content is backed by real customers."
    )
    pains: Pains
    delights: Delights
    metrics: list[Metric] = Field(
        default_factory=_no_items, description="Customer metrics measured here."
    )
    backstage: Lane | None = Field(
        None, description="What staff and systems do out of the customer's sight."
    )
    support: Lane | None = Field(
        None, description="The processes, systems and partners that support it."
    )
    notes: Text | None = Field(None, description="Free notes.")

    def applies_to(self, persona_id: str) -> bool:
        return self.personas is None or persona_id in self.personas

    def emotion_for(self, persona: str | None = None) -> int | None:
        """The emotion for a persona, or for the persona worst off (see emotion_for)."""
        return emotion_for(self.emotion, persona)


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


class Opportunity(Base):
    """A way to answer pains or improve moments, weighed by impact and effort."""

    id: Id
    title: Text = Field(description="The opportunity, in a line.")
    description: Text | None = Field(None, description="What it would change for the customer.")
    addresses: list[Id] = Field(
        default_factory=_no_items,
        description="The ids of the pains, touchpoints and stages it answers, in any mix.",
    )
    impact: Level | None = Field(None, description="How much it would help customers.")
    effort: Level | None = Field(None, description="How much work it would take.")
    status: Literal["idea", "exploring", "chosen", "rejected"] = Field(
        "idea", description="Where the team stands on it."
    )
    evidence: Evidence = Field("hypothesis", description="How well it is backed by real customers.")


class Action(Base):
    """A to-do that answers pains, with an owner and a KPI; it names what it improves."""

    id: Id
    title: Text = Field(description="What will be done.")
    touchpoints: Annotated[list[Id], Field(min_length=1)] = Field(
        default_factory=_no_items, description="The ids of the touchpoints it improves."
    )
    pains: Annotated[list[Id], Field(min_length=1)] = Field(
        default_factory=_no_items, description="The ids of the pains it answers."
    )
    opportunity: Id | None = Field(None, description="The id of the opportunity it delivers.")
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
    organisations: list[Organisation] = Field(
        default_factory=_no_items, description="Who the customer deals with: own, partners, others."
    )
    curves: list[Curve] = Field(
        default_factory=_no_items, description="Named experience curves besides the emotion."
    )
    touchpoints: list[Touchpoint] = Field(
        default_factory=_no_items, description="Where customers meet the brand."
    )
    journeys: list[Journey] = Field(
        default_factory=_no_items, description="Personas' paths through touchpoints."
    )
    opportunities: list[Opportunity] = Field(
        default_factory=_no_items, description="Ways to answer the pains, weighed before acting."
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
    def organisations_by_id(self) -> dict[str, Organisation]:
        return {organisation.id: organisation for organisation in self.organisations}

    @cached_property
    def opportunities_by_id(self) -> dict[str, Opportunity]:
        return {opportunity.id: opportunity for opportunity in self.opportunities}

    @cached_property
    def pains_by_id(self) -> dict[str, tuple[Pain, Stage | Touchpoint]]:
        """Each pain with an id, and the stage or touchpoint that holds it."""
        holders: list[Stage | Touchpoint] = [*self.stages, *self.touchpoints]
        return {pain.id: (pain, holder) for holder in holders for pain in holder.pains if pain.id}

    @cached_property
    def covered_touchpoints(self) -> frozenset[str]:
        """Ids of touchpoints that at least one action covers."""
        return frozenset(tid for action in self.actions for tid in action.touchpoints)


# Every model, for the schema's and the docs' tests. (One line: no trailing comma.)
MODELS: tuple[type[Base], ...] = (
    CJMap, MapInfo, Persona, Stage, Channel, Organisation, Curve, Touchpoint, Pain, Metric,
    Journey, Opportunity, Action
)  # fmt: skip
