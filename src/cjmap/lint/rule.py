"""What a lint rule is: its metadata and options, what it sees, and how it reports.

A rule is one module in ``cjmap.lint.rules`` that defines ``RULE``, made by
``make_rule`` from the rule's code, name, summary, default severity, its
``Checker`` class and the module's docstring (the rule's documentation page).

The engine makes one checker per rule for each map and walks the map once,
handing each item to the checkers that subscribe to its kind, as ESLint and
flake8 do: a checker subscribes by defining the method of that kind. The walk
goes over the touchpoints (each with its pains and metrics) and the journeys
first, then the actions and opportunities, then the stages (with their pains),
channels and personas, so that a rule asking whether something is used or
answered has seen every use by then; ``finish`` comes last. A checker reports
with ``self.report(where, message)``; the engine finds the line and column,
applies the configured severity and the suppression comments. A rule never
decides its own severity.

A rule that can be configured declares its options (``Option``: the key in the
config file, its type, default and help); the config validates every rule's
options alike, and the rule's page lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeVar

from cjmap.findings import Check, Severity

if TYPE_CHECKING:
    from cjmap.lint.suppressions import Suppressions
    from cjmap.loader import Document, PathKey
    from cjmap.model import (
        Action,
        Channel,
        CJMap,
        Journey,
        Metric,
        Opportunity,
        Pain,
        Persona,
        Stage,
        Touchpoint,
    )

T = TypeVar("T")


class Located(NamedTuple):
    """An explicit line and column, for a hit that is not at a data path (a comment)."""

    line: int
    column: int


Hit = tuple["PathKey | Located", str]
"""Where a problem is (a data path such as ``("channels", 2, "id")``) and the message."""


class OptionType(Generic[T]):
    """The type of an option's value: how a config value is read, and how it is shown."""

    @property
    def expected(self) -> str:
        """What a value must be, as a message says it: "a list of text, like [...]"."""
        raise NotImplementedError

    @property
    def name(self) -> str:
        """The type in a rule's page: "list of text"."""
        raise NotImplementedError

    def read(self, value: object) -> T | None:
        """The value as the rule uses it, or None when it is not of this type."""
        raise NotImplementedError

    def toml(self, value: T) -> str:
        """A value as it is written in a config file."""
        raise NotImplementedError


class TextList(OptionType[tuple[str, ...]]):
    """A list of non-empty texts, like ``["NBA", "deflection"]``."""

    @property
    def expected(self) -> str:
        return 'a list of text, like ["missing-owner", "L101"]'

    @property
    def name(self) -> str:
        return "list of text"

    def read(self, value: object) -> tuple[str, ...] | None:
        if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
            return tuple(value)
        return None

    def toml(self, value: tuple[str, ...]) -> str:
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"


@dataclass(frozen=True)
class WholeNumber(OptionType[int]):
    """A whole number of some unit, at least ``minimum``."""

    unit: str
    minimum: int = 1

    @property
    def expected(self) -> str:
        return f"a whole number of {self.unit}, {self.minimum} or more"

    @property
    def name(self) -> str:
        return f"whole number of {self.unit}"

    def read(self, value: object) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            return None
        return value

    def toml(self, value: int) -> str:
        return str(value)


@dataclass(frozen=True)
class Option(Generic[T]):
    """A setting of one rule, under its own key at the top of the config's table."""

    key: str
    type: OptionType[T]
    default: T
    help: str
    example: T | None = None
    """A value to show in the rule's page, when the default makes a poor example."""


@dataclass(frozen=True)
class Context:
    """What a checker sees: the valid map, its document (for text and positions), its options."""

    model: CJMap
    document: Document
    today: date
    suppressions: Suppressions
    options: Mapping[str, Any]
    """Each option's value by key, for the options set in the config file."""
    enabled: frozenset[str]
    """The names of the rules that run on this map."""

    def option(self, option: Option[T]) -> T:
        value: T = self.options.get(option.key, option.default)
        return value


class Checker:
    """One rule's checking of one map. Subclasses define the kinds they subscribe to.

    The methods of the kinds, called by the engine in the order of the walk (see
    the module's docstring)::

        def touchpoint(self, index: int, touchpoint: Touchpoint) -> None
        def pain(self, where: PathKey, holder: Stage | Touchpoint, pain: Pain) -> None
        def metric(self, where: PathKey, touchpoint: Touchpoint, metric: Metric) -> None
        def journey(self, index: int, journey: Journey) -> None
        def action(self, index: int, action: Action) -> None
        def opportunity(self, index: int, opportunity: Opportunity) -> None
        def stage(self, index: int, stage: Stage) -> None
        def channel(self, index: int, channel: Channel) -> None
        def persona(self, index: int, persona: Persona) -> None
        def finish(self) -> None

    ``index`` is the item's place in its list; ``where`` the data path of a pain or
    metric. Touchpoints' pains come with their touchpoint, stages' pains (after the
    stages) with their stage. ``__init__`` sees the whole map, for what a rule needs
    before the walk.
    """

    KINDS: ClassVar[tuple[str, ...]] = (
        "touchpoint",
        "pain",
        "metric",
        "journey",
        "action",
        "opportunity",
        "stage",
        "channel",
        "persona",
        "finish",
    )

    def __init__(self, context: Context) -> None:
        self.context = context
        self.hits: list[Hit] = []

    def report(self, where: PathKey | Located, message: str) -> None:
        self.hits.append((where, message))

    # The kinds, for type checkers; the engine calls only those a subclass defines.
    if TYPE_CHECKING:

        def touchpoint(self, index: int, touchpoint: Touchpoint) -> None: ...
        def pain(self, where: PathKey, holder: Stage | Touchpoint, pain: Pain) -> None: ...
        def metric(self, where: PathKey, touchpoint: Touchpoint, metric: Metric) -> None: ...
        def journey(self, index: int, journey: Journey) -> None: ...
        def action(self, index: int, action: Action) -> None: ...
        def opportunity(self, index: int, opportunity: Opportunity) -> None: ...
        def stage(self, index: int, stage: Stage) -> None: ...
        def channel(self, index: int, channel: Channel) -> None: ...
        def persona(self, index: int, persona: Persona) -> None: ...
        def finish(self) -> None: ...

    @classmethod
    def kinds(cls) -> tuple[str, ...]:
        """The kinds this checker subscribes to."""
        return cls._kinds

    _kinds: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Checker defines no kind's method (only type checkers see them), so a kind's
        # method found on the class is the subclass's own or a base's below Checker.
        cls._kinds = tuple(kind for kind in Checker.KINDS if callable(getattr(cls, kind, None)))


@dataclass(frozen=True)
class Rule:
    """A lint rule: its metadata, its options and its checker."""

    info: Check
    checker: type[Checker]
    module: str = ""
    options: tuple[Option[Any], ...] = ()
    runs_last: bool = False
    """True for rules about suppression comments: they run after the others have used them."""

    @property
    def code(self) -> str:
        return self.info.code

    @property
    def name(self) -> str:
        return self.info.rule


def make_rule(
    code: str,
    name: str,
    summary: str,
    severity: Severity,
    checker: type[Checker],
    doc: str | None,
    *,
    options: tuple[Option[Any], ...] = (),
    runs_last: bool = False,
) -> Rule:
    """A rule whose description is its module's docstring (pass ``__doc__``)."""
    return Rule(
        Check(code, name, summary, severity, (doc or "").strip()),
        checker,
        checker.__module__,
        options,
        runs_last,
    )
