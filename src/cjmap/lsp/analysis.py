"""One open map in the editor: its text checked as `cjmap lint` checks the saved file.

The findings come from the same functions as the command's (load, validate,
lint) with the config the command would use for a map in that folder, so an
editor shows exactly what `cjmap lint` prints. The last version whose YAML gave a
mapping is kept, for completion and navigation while the text is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
        document = load_text(text, str(path), positions=True)
        checked = lint_document(document, config, today)
    if problem is not None:  # the command lints nothing with an unusable config
        checked.findings[:] = [f for f in checked.findings if f.code.startswith("E")]
    return document, Analysis(checked.findings, problem)


@dataclass
class OpenMap:
    """An open map: its current text, the latest findings and the last version that parsed."""

    path: Path
    text: str = ""
    version: int = 0
    analysis: Analysis = field(default_factory=lambda: Analysis([]))
    analysed_version: int | None = None
    good: Document | None = None
    _index: MapIndex | None = None
    _parsed_version: int | None = None

    def update(self, text: str, version: int) -> None:
        self.text, self.version = text, version

    def analyse(self, today: date | None = None) -> Analysis:
        """Check the current text; keep it as the good version when it is a mapping."""
        document, analysis = check_text(self.text, self.path, today)
        self._keep(document)
        self.analysis, self.analysed_version = analysis, self.version
        return analysis

    def _keep(self, document: Document) -> None:
        self._parsed_version = self.version
        if isinstance(document.data, dict):
            self.good, self._index = document, None

    def index(self, *, fresh: bool = True) -> MapIndex | None:
        """The ids and references of the newest text that parsed.

        ``fresh``: parse the current text first if it has not been; completion does
        without, as the ids it offers are those of the last check, a moment ago.
        """
        if fresh and self._parsed_version != self.version:
            with gc_paused():
                self._keep(load_text(self.text, str(self.path), positions=True))
        if self.good is None:
            return None
        if self._index is None:
            self._index = MapIndex(self.good)
        return self._index
