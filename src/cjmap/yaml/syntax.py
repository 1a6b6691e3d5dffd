"""libyaml's syntax errors as findings that say where the slip is and what to do."""

from __future__ import annotations

from cjmap.findings import Finding, error
from cjmap.yaml.events import ParseError


def syntax_finding(display: str, exc: ParseError, text: str = "") -> Finding:
    """The E001 finding for text libyaml could not parse."""
    mark, problem = exc.mark, exc.problem
    context, context_mark = exc.context, exc.context_mark
    # libyaml's words for the commonest slips are cryptic; say what to do instead.
    index = mark.index if mark is not None else -1
    char = text[index] if 0 <= index < len(text) else ""
    if char == "\t":
        problem, context = "a tab character; indent with spaces, not tabs", None
    elif char and problem.startswith("found character that cannot start any token"):
        problem, context = f"'{char}' cannot start a value; put quotes around the text", None
    elif problem.startswith("mapping values are not allowed"):
        problem = (
            "a ':' that is not allowed here; check this line's indentation, "
            "or put quotes around text that contains ': '"
        )
        context = None
    elif context == "while scanning a quoted scalar" and context_mark is not None and mark:
        # Point at the opening quote, not at the end of the file where libyaml noticed.
        problem = f"the quote that opens here is never closed ({problem} at line {mark.line + 1})"
        mark, context = context_mark, None
    message = f"YAML syntax error: {problem}"
    if context:
        started = ""
        if context_mark is not None and mark is not None and context_mark.line != mark.line:
            started = f" that starts at line {context_mark.line + 1}"
        message += f" ({context}{started})"
    if mark is not None:
        return error(display, mark.line + 1, mark.column + 1, "E001", message)
    return error(display, 1, 1, "E001", message)
