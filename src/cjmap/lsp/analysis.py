"""One open map in the editor: its text checked as `cjmap lint` checks the saved file.

The findings come from the same functions as the command's (load, validate,
lint) with the config the command would use for a map in that folder, so an
editor shows exactly what `cjmap lint` prints. The last version whose YAML gave a
mapping is kept, for completion and navigation while the text is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cjmap.findings import Finding
from cjmap.loader import Document, gc_paused, load_text
from cjmap.lsp.index import MapIndex

# The same test as for folders: a top-level ``cjmap:`` key (see loader.is_map_file).
_MAP_KEY = re.compile(r"(?m)^\ufeff?[\"']?cjmap[\"']?[ \t]*:")


def is_map_text(text: str) -> bool:
    """Whether YAML text is a cjmap map (it has a top-level ``cjmap:`` key)."""
    return _MAP_KEY.search(text) is not None


@dataclass
class Analysis:
    """The findings for one version of a map's text, and a config file that is unusable."""

    findings: list[Finding]
    config_problem: str | None = None


def check_text(text: str, path: Path, today: date | None = None) -> tuple[Document, Analysis]:
    """Load and lint a map's text with the config `cjmap lint PATH` would use."""
    from cjmap.lint import lint_document
    from cjmap.lint.config import DEFAULT_CONFIG, ConfigError, ConfigFinder

    problem = None
    try:
        config = ConfigFinder().for_map(path)
    except ConfigError as exc:
        config, problem = DEFAULT_CONFIG, str(exc)
    with gc_paused():
        # The command reads the file's bytes and drops a byte order mark; so does this.
        document = load_text(text.removeprefix("\ufeff"), str(path), positions=True)
        checked = lint_document(document, config, today)
    if problem is not None:  # the command lints nothing with an unusable config
        checked.findings[:] = [f for f in checked.findings if f.code.startswith("E")]
    return document, Analysis(checked.findings, problem)


@dataclass
class OpenMap:
    """An open map: its current text and version, and the last version that parsed.

    The editor's thread updates the text while a check of an earlier version may
    run in the checking thread: ``current`` holds text and version as one value, so
    that each side reads a pair that belongs together.
    """

    path: Path
    current: tuple[str, int] = ("", 0)
    good: Document | None = None
    _index: MapIndex | None = None
    _parsed_version: int | None = None

    @property
    def text(self) -> str:
        return self.current[0]

    @property
    def version(self) -> int:
        return self.current[1]

    def update(self, text: str, version: int) -> None:
        self.current = (text, version)

    def analyse(self, today: date | None = None) -> tuple[str, int, Analysis]:
        """Check the current text, keeping it as the good version when it is a mapping."""
        text, version = self.current
        document, analysis = check_text(text, self.path, today)
        self._keep(document, version)
        return text, version, analysis

    def _keep(self, document: Document, version: int) -> None:
        self._parsed_version = version
        if isinstance(document.data, dict):
            self.good, self._index = document, None

    def index(self, *, fresh: bool = True) -> MapIndex | None:
        """The ids and references of the newest text that parsed.

        ``fresh``: parse the current text first if it has not been; completion does
        without, as the ids it offers are those of the last check, a moment ago.
        """
        text, version = self.current
        if fresh and self._parsed_version != version:
            with gc_paused():
                self._keep(load_text(text, str(self.path), positions=True), version)
        good = self.good
        if good is None:
            return None
        index = self._index
        if index is None or index.document is not good:
            index = self._index = MapIndex(good)
        return index
