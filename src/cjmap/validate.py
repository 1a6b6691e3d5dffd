"""Schema errors and broken references, as findings that point at the exact key or value."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from cjmap.findings import Finding, error
from cjmap.loader import DEFAULT_MAX_SIZE, Document, PathKey, load, resolve_plain
from cjmap.model import FORMAT_VERSION, TEXT_LANES, CJMap
from cjmap.naming import describe, item_at

# The wording helpers moved to cjmap.text; they stay importable from here.
from cjmap.references import reference_findings
from cjmap.text import one_line as one_line
from cjmap.text import shown as shown
from cjmap.text import suggest as suggest


@dataclass
class Checked:
    """A validated file: the loaded document, the model when the map is valid, and findings."""

    document: Document
    model: CJMap | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.document.path


# A plain scalar that YAML reads as a number: 1e3, 007, 0x1F, +12.50, -.inf.
_NUMBER_TEXT = re.compile(r"[-+]?[0-9A-Za-z_.:]+")


def shown_as_written(document: Document, where: tuple[int, int], value: object) -> str:
    """A value as shown(), but a number as the map writes it (``1e3``, not ``1000.0``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        line, column = where
        written = _NUMBER_TEXT.match(document.line_text(line), column - 1)
        if written is not None and resolve_plain(written.group(0)) == value:
            return written.group(0)
    return shown(value)


# The tags of the model's choices between shapes (a text or a list, a number or a mapping).
_SHAPE_TAGS = frozenset({"one", "many", "each"})


def _data_path(data: Any, loc: tuple[str | int, ...]) -> PathKey:
    """Pydantic's loc reduced to the segments that exist in the data.

    Union members and validator names add segments to loc that are not keys of
    the map; a segment is kept only when it leads into the data.
    """
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
        elif isinstance(current, dict) and isinstance(part, str) and part not in _SHAPE_TAGS:
            # A missing key: keep it as the last segment so messages can name it.
            path.append(part)
            break
    return tuple(path)


def _model_class(annotation: Any) -> type[Any] | None:
    """The Pydantic model inside an annotation such as ``list[Stage] | None``."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_class(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_class(arg)
            if found is not None:
                return found
    return None


def keys_at(path: PathKey) -> list[str]:
    """The keys format v1 allows in the mapping at a data path."""
    model: type[Any] | None = CJMap
    for part in path:
        if model is None:
            return []
        if isinstance(part, str):
            info = model.model_fields.get(part)
            model = _model_class(info.annotation) if info else None
    return list(model.model_fields) if model is not None else []


# Mappings of scores -2..2, and what each of their keys names.
_SCORED = {"emotion": "persona", "curves": "curve"}

# Keys people write for a key of the format that looks nothing like them.
_SAME_MEANING = {"problem": "text", "issue": "text", "pain": "text", "delight": "text"}


def _key_meant(key: object, allowed: list[str]) -> str:
    """'; did you mean ...?' for an unknown key close in spelling or meaning to an allowed one."""
    meant = _SAME_MEANING.get(key) if isinstance(key, str) else None
    if meant in allowed:
        return f"; did you mean '{meant}'?"
    return suggest(key, allowed)


_EXPECTED = {
    "int_type": "a whole number",
    "bool_type": "true or false",
    "string_type": "text (put quotes around it)",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "finite_number": "a finite number",
    "date_type": "a date written as YYYY-MM-DD",
    "date_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written as YYYY-MM-DD, without a time",
    "string_too_short": "some text, not empty",
}


def _subject(data: Any, path: PathKey) -> str:
    """How a message names the value at path: "'emotion' of touchpoint 'x'", "pain 2 of ..."."""
    if not path:
        return "the map"
    last = path[-1]
    if isinstance(last, str):
        return f"'{last}' of {describe(data, path[:-1])}"
    if len(path) == 4 and path[2] in ("pains", "metrics"):
        return describe(data, path)
    if len(path) == 2:
        return describe(data, path)
    return f"item {last + 1} of '{path[-2]}' of {describe(data, path[:-2])}"


def _schema_finding(document: Document, err: Any) -> Finding:
    data = document.data
    kind: str = err["type"]
    path = _data_path(data, tuple(err["loc"]))
    field_name = path[-1] if path and isinstance(path[-1], str) else ""
    owner = describe(data, path[:-1])
    value = err.get("input")

    if kind == "missing":
        line, column = document.locate(path[:-1])
        return error(
            document.path, line, column, "E101", f"{owner} is missing required key '{field_name}'"
        )
    if kind == "extra_forbidden":
        # The wording of syntax errors is for maps with mistakes only (see docs/performance.md).
        from cjmap.yaml.syntax import comma_hint

        line, column = document.locate(path, key=True)
        hint = (
            comma_hint(document, path, item_at(data, path[:-1]))
            or _key_meant(path[-1], keys_at(path[:-1]))
            or " (keys for a team's own data start with 'x-')"
        )
        if path[-1] == "<<":
            hint = " (merge keys are YAML 1.1, which cjmap does not read; write the keys out)"
        return error(
            document.path, line, column, "E103", f"{owner} has unknown key '{path[-1]}'{hint}"
        )

    line, column = document.locate(path)
    written = shown_as_written(document, (line, column), value)
    if kind == "string_pattern_mismatch":
        return error(
            document.path,
            line,
            column,
            "E104",
            f"{written} is not a valid id for {owner}: use letters, digits, "
            "'_', '.' and '-', starting with a letter or digit",
        )
    subject = _subject(data, path)
    if kind == "literal_error":
        choices = [c.strip(" '") for c in err["ctx"]["expected"].replace(" or ", ", ").split(",")]
        message = (
            f"{subject} must be one of {', '.join(choices)}, not {written}{suggest(value, choices)}"
        )
    elif field_name == "emotion" and kind in ("greater_than_equal", "less_than_equal", "int_type"):
        message = f"{subject} must be a whole number from -2 to 2, not {written}"
    elif field_name == "emotion" and kind == "union_tag_invalid":
        message = (
            f"{subject} must be a whole number from -2 to 2 or a mapping from persona id "
            f"to number, not {written}"
        )
    elif len(path) > 2 and path[-2] in _SCORED:
        message = (
            f"{_subject(data, path[:-1])} for {_SCORED[str(path[-2])]} '{field_name}' "
            f"must be a whole number from -2 to 2, not {written}"
        )
    elif field_name in TEXT_LANES and kind in ("string_type", "union_tag_invalid"):
        message = f"{subject} must be text or a list of texts, not {written}"
    elif kind == "too_short":
        message = f"{subject} needs at least one item"
    elif kind == "model_type" and path and path[-2:-1] == ("pains",):
        message = f"{subject} must be text or a mapping with 'text', not {written}"
    elif kind == "string_type" and not isinstance(value, int | float):
        # Quotes make text of a number or true/false; of a list or mapping, never the text meant.
        message = f"{subject} must be text, not {written}"
    elif kind in _EXPECTED:
        message = f"{subject} must be {_EXPECTED[kind]}, not {written}"
    else:
        message = f"{subject}: {err['msg']} (got {written})"
    return error(document.path, line, column, "E102", message)


def _version_finding(document: Document) -> Finding | None:
    data = document.data
    if "cjmap" not in data:
        return error(
            document.path, 1, 1, "E100", "missing 'cjmap: 1' at the top; is this a cjmap map?"
        )
    version = data["cjmap"]
    if type(version) is not int or version != FORMAT_VERSION:
        line, column = document.locate(("cjmap",))
        return error(
            document.path,
            line,
            column,
            "E100",
            f"format version {shown(version)} is not supported; "
            f"this cjmap reads 'cjmap: {FORMAT_VERSION}'",
        )
    return None


def validate_document(document: Document) -> Checked:
    """Check a loaded document against format v1 and its references."""
    checked = _check_document(document)
    # Messages quote keys and values from the map; a line break in one must not split a
    # finding over several lines of output.
    checked.findings = [
        finding
        if finding.message.isprintable()
        else replace(finding, message=one_line(finding.message))
        for finding in checked.findings
    ]
    return checked


def _check_document(document: Document) -> Checked:
    from pydantic import ValidationError

    checked = Checked(document, None, list(document.findings))
    data = document.data
    if data is None:
        if not document.findings:
            what = (
                "the file is empty"
                if not document.text.strip()
                else "the file holds no data, only comments or an empty value"
            )
            checked.findings.append(
                error(document.path, 1, 1, "E008", f"{what}; a map starts with 'cjmap: 1'")
            )
        return checked
    if not isinstance(data, dict):
        line, column = document.locate(())
        checked.findings.append(
            error(
                document.path,
                line,
                column,
                "E008",
                f"the top level is {shown(data)}, "
                "but a map is a mapping that starts with 'cjmap: 1'",
            )
        )
        return checked
    version_problem = _version_finding(document)
    if version_problem is not None:
        checked.findings.append(version_problem)
        return checked
    try:
        model = CJMap.model_validate(data)
    except ValidationError as exc:
        checked.findings.extend(_schema_finding(document, err) for err in exc.errors())
        model = None
    references = reference_findings(document)
    if references and checked.findings:
        # A reference that is no valid id is no defined one either: one finding says both.
        referenced = {(finding.line, finding.column) for finding in references}
        checked.findings = [
            finding
            for finding in checked.findings
            if finding.code != "E104" or (finding.line, finding.column) not in referenced
        ]
    checked.findings.extend(references)
    if checked.findings:
        model = None
    checked.model = model
    checked.findings.sort(key=Finding.sort_key)
    return checked


def validate_path(
    path: Path,
    display: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    *,
    positions: bool = False,
) -> Checked:
    """Load and validate one map file. Raises InputError when the path cannot be read.

    ``positions``: find them while loading, for callers that nearly always report lines.
    """
    return validate_document(load(path, display, max_size, positions=positions))


@dataclass
class Batch:
    """The result of checking several paths: one Checked per map, in order, and unusable paths.

    A batch made with ``keep=False`` holds only each map's path and findings: its
    documents are empty and its models None, whatever the maps' validity.
    """

    checked: list[Checked] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for item in self.checked for finding in item.findings]


def check_paths(
    check_file: typing.Callable[[Path], Checked],
    paths: typing.Sequence[Path],
    *,
    jobs: int = 1,
    keep: bool = True,
) -> Batch:
    """Run ``check_file`` on every map in the given files and folders, in path order.

    ``check_file`` loads and checks one map, raising InputError for an unusable path;
    unusable paths become the batch's problems. With ``keep`` each map keeps its
    document and model; without, only its path and findings are kept, as soon as it
    is checked, which keeps memory to one map at a time and lets ``jobs`` worker
    processes share the maps (see ``cjmap.jobs.map_files``; ``check_file`` must then
    pickle: a module-level function, or a ``functools.partial`` of one).
    """
    from cjmap.jobs import map_files
    from cjmap.loader import InputError, expand_paths

    if keep and jobs > 1:
        raise ValueError("documents and models stay in their process: use keep=False with jobs")
    files, skipped, problems = expand_paths(list(paths))
    batch = Batch(skipped=skipped, problems=problems)
    run = check_file if keep else partial(_compacted, check_file)
    for outcome in map_files(run, files, jobs):
        if isinstance(outcome, InputError):
            batch.problems.append(str(outcome))
        else:
            batch.checked.append(outcome)
    return batch


def _compacted(check_file: typing.Callable[[Path], Checked], path: Path) -> Checked:
    checked = check_file(path)
    return Checked(Document(checked.path, "", None), None, checked.findings)


def validate_paths(
    paths: typing.Sequence[Path],
    max_size: int = DEFAULT_MAX_SIZE,
    *,
    jobs: int = 1,
    keep: bool = True,
    positions: bool = False,
) -> Batch:
    """Validate every map in the given files and folders (see check_paths for jobs and keep).

    ``positions``: find them while loading (see validate_path), for callers that
    report a line for much of each map.
    """
    check_file = partial(validate_path, max_size=max_size, positions=positions)
    return check_paths(check_file, paths, jobs=jobs, keep=keep)
