"""Only `cjmap lsp` imports the server and pygls: no other command's start-up grows."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES

SERVER_MODULES = ("cjmap.lsp", "pygls", "lsprotocol", "cattrs")


def imported_by(*args: str, stdin: str = "") -> set[str]:
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cjmap", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    found = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)", completed.stderr, re.M))
    assert found, completed.stderr
    return found


@pytest.mark.parametrize("command", ["validate", "lint", "pains", "export"])
def test_other_commands_import_no_server_code(command: str) -> None:
    args = ["--to", "markdown"] if command == "export" else []
    imported = imported_by(command, *args, str(EXAMPLES / "coffee-subscription.yaml"))
    for package in SERVER_MODULES:
        assert not {name for name in imported if re.match(rf"{package}(\.|$)", name)}, package


def test_the_lsp_command_imports_the_server() -> None:
    # End of input at once: the server starts, finds its client gone and stops.
    imported = imported_by("lsp")
    assert {"cjmap.lsp.server", "pygls"} <= imported
