"""How fast `cjmap lsp` answers an editor, against the goals of its issue.

    python bench/lsp.py            # about 4 minutes on 2 cores
    python bench/lsp.py --quick    # fewer rounds and edits, to try it out

Run it with the Python of the virtualenv where cjmap is installed. It starts
`cjmap lsp` as an editor does, speaks the protocol to it over pipes, and measures,
on the 1,000-touchpoint benchmark map without its touchpoints' owners (over 1,000
lint findings):

- diagnostics: from sending a one-character change to receiving the diagnostics of
  that version, the server's pause for typing included (goal: 150 ms);
- completion: from asking for the stages at a ``stage:``, right after a change, to
  the answer (goal: 50 ms);
- the same change on the 10,000-touchpoint map (goal: 1 s);
- memory: the server's resident memory after 100 edits and after 1,000 more, each
  followed by its diagnostics, every tenth by a completion (goal: under 10 % growth).

Medians and the slowest round are printed, and written to bench/results/lsp.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from queue import Queue
from typing import Any, NamedTuple

from generate import map_text

from cjmap.lsp.server import DEBOUNCE

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
GOALS = {"diagnostics": 0.150, "completion": 0.050, "diagnostics 10k": 1.0, "memory": 0.10}


def noisy_map(touchpoints: int) -> str:
    """A benchmark map whose touchpoints have no owner: over one lint finding per touchpoint."""
    return re.sub(r"(?m)^    owner: .*\n", "", map_text(touchpoints))


class Server:
    """`cjmap lsp` in a subprocess, with a thread that reads what it sends."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cjmap", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.messages: Queue[dict[str, Any]] = Queue()
        self.published: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"capabilities": {}, "processId": None})
        self.notify("initialized", {})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int(re.search(rb"Content-Length: (\d+)", header).group(1))  # type: ignore[union-attr]
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=60)
            if message.get("id") == self.next_id:
                return message.get("result")
            self.published.append(message)  # diagnostics that came first: kept for later

    def diagnostics(self, uri: str, version: int) -> list[Any]:
        while True:
            message = self.published.pop(0) if self.published else self.messages.get(timeout=60)
            params = message.get("params", {})
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and params.get("version") == version
            ):
                return list(params["diagnostics"])

    def cpu(self) -> float:
        """Seconds of CPU the server has used so far (user and system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]

    def close(self) -> None:
        self.request("shutdown", {})
        self.notify("exit", {})
        self.process.wait(10)


class OpenMap:
    """One map opened in the server, changed one character at a time."""

    def __init__(self, server: Server, path: Path, text: str) -> None:
        self.server, self.uri, self.text, self.version = server, path.as_uri(), text, 1
        self.line = text.split("\n").index("    emotion: -1")  # a value the edits toggle
        server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": self.uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        self.findings = len(server.diagnostics(self.uri, 1))
        self.stage_at = {
            "line": self.text.split("\n").index("    stage: awareness"),
            "character": 11,
        }

    def change(self) -> float:
        """Toggle an emotion between -1 and -2 (unsaved); the time it was sent."""
        self.version += 1
        digit = "2" if self.version % 2 == 0 else "1"
        change = {
            "range": {
                "start": {"line": self.line, "character": 14},
                "end": {"line": self.line, "character": 15},
            },
            "text": digit,
        }
        sent = time.perf_counter()
        self.server.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": self.uri, "version": self.version},
                "contentChanges": [change],
            },
        )
        return sent

    def edit(self) -> Round:
        """A change; the time until the diagnostics of its version arrive."""
        cpu = self.server.cpu()
        sent = self.change()
        self.server.diagnostics(self.uri, self.version)
        return Round(time.perf_counter() - sent, self.server.cpu() - cpu)

    def complete(self) -> Round:
        """A change, then completion at a ``stage:`` at once, as while typing."""
        self.change()
        start, cpu = time.perf_counter(), self.server.cpu()
        result = self.server.request(
            "textDocument/completion",
            {"textDocument": {"uri": self.uri}, "position": self.stage_at},
        )
        elapsed, used = time.perf_counter() - start, self.server.cpu() - cpu
        assert len(result["items"]) == 12, result  # the twelve stages
        self.server.diagnostics(self.uri, self.version)  # let the check finish, untimed
        return Round(elapsed, used)


class Round(NamedTuple):
    """One measured round: wall time until the answer, and the server's CPU time in it."""

    wall: float
    cpu: float


def summary(name: str, rounds: list[Round], wait: float = 0.0) -> dict[str, float]:
    """Print and return a goal's medians; ``wait`` is time the server sleeps by design."""
    wall = statistics.median(r.wall for r in rounds)
    cpu = statistics.median(r.cpu for r in rounds)
    slowest = max(r.wall for r in rounds)
    goal = GOALS[name]
    verdict = "meets" if wall <= goal else "MISSES"
    print(
        f"{name:16} median {wall * 1000:7.1f} ms (server CPU {cpu * 1000:6.1f} ms"
        f"{f' + {wait * 1000:.0f} ms pause' if wait else ''})   slowest {slowest * 1000:7.1f} ms"
        f"   goal {goal * 1000:.0f} ms: {verdict}"
    )
    return {
        "median": wall,
        "cpu": cpu,
        "pause": wait,
        "slowest": slowest,
        "goal": goal,
        "rounds": len(rounds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and edits")
    options = parser.parse_args()
    rounds, edits = (10, 200) if options.quick else (40, 1_000)
    scratch = BENCH / "maps" / "lsp"
    scratch.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    server = Server()
    try:
        small = OpenMap(server, scratch / "tp1000-no-owners.yaml", noisy_map(1_000))
        print(f"1,000 touchpoints: {small.findings} diagnostics")
        small.complete()  # warm up
        results["diagnostics"] = summary(
            "diagnostics", [small.edit() for _ in range(rounds)], DEBOUNCE
        )
        results["completion"] = summary("completion", [small.complete() for _ in range(rounds)])
        big = OpenMap(server, scratch / "tp10000-no-owners.yaml", noisy_map(10_000))
        print(f"10,000 touchpoints: {big.findings} diagnostics")
        results["diagnostics 10k"] = summary(
            "diagnostics 10k", [big.edit() for _ in range(max(rounds // 4, 5))], DEBOUNCE
        )
        server.notify("textDocument/didClose", {"textDocument": {"uri": big.uri}})
        for _ in range(100):
            small.edit()
        before = server.rss_mb()
        timed = []
        for number in range(edits):  # a completion after every tenth edit, as when typing
            timed.append(small.complete() if number % 10 == 0 else small.edit())
        after = server.rss_mb()
        growth = after / before - 1
        verdict = "meets" if growth <= GOALS["memory"] else "MISSES"
        print(
            f"memory           {before:.1f} MB after 100 edits, {after:.1f} MB after "
            f"{edits} more: {growth:+.1%}   goal +10%: {verdict}"
        )
        # Not slower either: the server's CPU per edit, first tenth against last tenth.
        tenth = max(len(timed) // 10, 1)
        first = statistics.median(r.cpu for r in timed[:tenth])
        last = statistics.median(r.cpu for r in timed[-tenth:])
        print(
            f"CPU per edit     {first * 1000:.1f} ms in the first tenth, {last * 1000:.1f} ms "
            "in the last"
        )
        results["memory"] = {
            "before_mb": before,
            "after_mb": after,
            "growth": growth,
            "edits": edits,
            "cpu_first_tenth": first,
            "cpu_last_tenth": last,
        }
    finally:
        server.close()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "lsp.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
