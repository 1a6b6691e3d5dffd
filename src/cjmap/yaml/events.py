"""libyaml's events as calls: the only code that touches ruamel.yaml's C module.

ruamel.yaml.clib's C parser turns each libyaml event into an instance of a Python
class from ruamel.yaml.events, whose constructors chain three Python ``__init__``
calls; that costs more than libyaml's own parsing. The parser looks the classes up by
name in its module at every event, so while cjmap parses, those names point at the
methods of a Handler instead: each event becomes one call, the handler builds what it
needs right there, and no event object exists. When a build of the parser does not look
the names up (the first event comes back as an object), the events are replayed into
the same handler, slower but identical. The names are swapped under a lock and put back
when the parse ends; code in another thread that used ruamel.yaml's C loader during a
cjmap parse would get the handler's results, so a program that embeds cjmap should not
parse YAML with ruamel.yaml in another thread while cjmap loads a map.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

Position = tuple[int, int]
"""A 1-based line and column."""

EVENT_NAMES = (
    "StreamStartEvent",
    "StreamEndEvent",
    "DocumentStartEvent",
    "DocumentEndEvent",
    "AliasEvent",
    "ScalarEvent",
    "SequenceStartEvent",
    "SequenceEndEvent",
    "MappingStartEvent",
    "MappingEndEvent",
)
STOP = object()
"""What a handler method returns to end the stream early (at its end or on a fatal problem)."""
NO_KEY = object()
"""The pending key of a mapping that is waiting for its next key."""
_handlers_lock = threading.Lock()


class Handler:
    """Receives one call per event, with the arguments of the event's constructor.

    A method returns None to go on, or STOP. Marks have ``line`` and ``column`` (0-based).
    """

    __slots__ = ()

    def hooks(self) -> dict[str, Callable[..., Any]]:
        return {
            "StreamStartEvent": _go_on,
            "StreamEndEvent": _stop,
            "DocumentStartEvent": self.document_start,
            "DocumentEndEvent": _go_on,
            "AliasEvent": self.alias,
            "ScalarEvent": self.scalar,
            "SequenceStartEvent": self.sequence_start,
            "SequenceEndEvent": self.end,
            "MappingStartEvent": self.mapping_start,
            "MappingEndEvent": self.end,
        }

    def document_start(self, start_mark: Any, *_: Any) -> Any:
        return None

    def alias(self, anchor: str, start_mark: Any, end_mark: Any) -> Any:
        raise NotImplementedError

    def scalar(
        self,
        anchor: str | None,
        tag: str | None,
        implicit: tuple[bool, bool],
        value: str,
        start_mark: Any,
        end_mark: Any,
        style: str | None = None,
    ) -> Any:
        raise NotImplementedError

    def sequence_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        raise NotImplementedError

    def mapping_start(
        self, anchor: str | None, tag: str | None, implicit: bool, start_mark: Any, *_: Any
    ) -> Any:
        raise NotImplementedError

    def end(self, start_mark: Any, end_mark: Any) -> Any:
        raise NotImplementedError


def _go_on(*_: Any) -> None:
    return None


def _stop(*_: Any) -> object:
    return STOP


def where(mark: Any) -> Position:
    """The 1-based line and column of a parser mark."""
    return mark.line + 1, mark.column + 1


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (loads and checks make no cycles)."""
    # The cyclic collector rescans the growing object graph during a load and can
    # make large loads several times slower; the data built here has no cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class Mark:
    """A place in the text, 0-based as libyaml counts: line, column and character offset."""

    line: int
    column: int
    index: int


class ParseError(Exception):
    """libyaml could not parse the text: its own words, and where it noticed.

    ``context`` says what libyaml was reading when it met the ``problem``, and
    ``context_mark`` where that began.
    """

    def __init__(
        self,
        problem: str,
        mark: Mark | None,
        context: str | None = None,
        context_mark: Mark | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.mark = mark
        self.context = context
        self.context_mark = context_mark


def _mark(mark: Any) -> Mark | None:
    if mark is None:
        return None
    return Mark(mark.line, mark.column, getattr(mark, "index", -1))


def _parse_error(exc: Exception) -> ParseError:
    """ruamel.yaml's error as a ParseError, keeping only what cjmap reports."""
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    return ParseError(
        problem,
        _mark(getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)),
        getattr(exc, "context", None),
        _mark(getattr(exc, "context_mark", None)),
    )


def feed(text: str, handler: Handler) -> None:
    """Parse text, calling the handler once per event until a method returns STOP.

    Raises ParseError for text that libyaml cannot parse (syntax, encoding).
    """
    try:
        _feed(text, handler)
    except Exception as exc:
        raise _parse_error(exc) from exc


def _feed(text: str, handler: Handler) -> None:
    import _ruamel_yaml

    hooks = handler.hooks()
    with _handlers_lock:
        saved = {name: getattr(_ruamel_yaml, name) for name in EVENT_NAMES}
        try:
            for name in EVENT_NAMES:
                setattr(_ruamel_yaml, name, hooks[name])
            get_event = _ruamel_yaml.CParser(text).get_event
            first = get_event()
            if first is None:
                while get_event() is None:
                    pass
                return
        finally:
            for name, original in saved.items():
                setattr(_ruamel_yaml, name, original)
    _replay(first, get_event, hooks)


def _replay(event: Any, get_event: Callable[[], Any], hooks: dict[str, Callable[..., Any]]) -> None:
    """Hand event objects to the hooks, for a parser that made objects despite them."""
    while True:
        name = type(event).__name__
        if name == "ScalarEvent":
            args: tuple[Any, ...] = (
                event.anchor,
                event.tag,
                event.implicit,
                event.value,
                event.start_mark,
                event.end_mark,
            )
        elif name in ("SequenceStartEvent", "MappingStartEvent"):
            args = (event.anchor, event.tag, event.implicit, event.start_mark, event.end_mark)
        elif name == "AliasEvent":
            args = (event.anchor, event.start_mark, event.end_mark)
        else:
            args = (event.start_mark, event.end_mark)
        if hooks[name](*args) is STOP:
            return
        event = get_event()
