"""Benchmark cjmap and its peers side by side, in one run, on the same files.

    python bench/run.py              # the whole benchmark (about 5 minutes on 2 cores)
    python bench/run.py --quick      # fewer rounds, to try it out (about 2 minutes)
    python bench/run.py --peers-50k  # also the peers on the 50k map (4 minutes more)

Run it with the Python of the virtualenv where cjmap is installed. It writes the
maps (bench/generate.py) and two virtualenvs for the peers (bench/venvs/) on first
use: check-jsonschema with ruamel.yaml.clib (its fastest setup) plus yamllint and
PyYAML, and check-jsonschema as a plain ``pip install`` sets it up, without the C
extension. Each command runs as its own process, as a user would run it, in
interleaved rounds so that a noisy machine slows all of them alike; the table shows
the median wall time, the fastest and slowest round, the CPU time and the peak
memory. The goals of issue 7 are then checked as ratios within this one run.
Results also go to bench/results/ (latest.json, latest.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
MAPS = BENCH / "maps"
VENVS = BENCH / "venvs"
RESULTS = BENCH / "results"
SCHEMA = ROOT / "schemas" / "cjmap.schema.json"
PYTHON = sys.executable
CJMAP = str(Path(PYTHON).parent / "cjmap")
# As users run the tools: compiled bytecode cached, no colours.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_COLOR"] = "1"

# The peers' virtualenvs: name -> what pip installs there.
PEER_VENVS = {
    "peers-clib": ["check-jsonschema", "ruamel.yaml.clib", "yamllint"],
    "peers-plain": ["check-jsonschema"],
}


@dataclass
class Command:
    """One command line to time, and what a correct run of it looks like."""

    label: str
    argv: list[str]
    rounds: int
    exit_codes: tuple[int, ...] = (0,)
    check: Callable[[str], str | None] | None = None
    """Given the output, a problem to report, or None when the output is right."""
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peak_kb: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


class Launcher:
    """The small process that starts each command (see launch.py)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [PYTHON, str(BENCH / "launch.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, argv: list[str], output: Path) -> dict[str, float]:
        assert self.process.stdin is not None and self.process.stdout is not None
        request = {"argv": argv, "output": str(output), "env": ENV}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer: dict[str, float] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def run_once(launcher: Launcher, command: Command, scratch: Path) -> None:
    """Run the command once; record wall time, CPU time (with its children) and peak memory."""
    output = scratch / "output.txt"
    answer = launcher.run(command.argv, output)
    command.walls.append(answer["wall"])
    command.cpus.append(answer["cpu"])
    command.peak_kb = max(command.peak_kb, int(answer["peak_kb"]))
    text = output.read_text(errors="replace")
    if answer["exit"] not in command.exit_codes:
        tail = text.strip().splitlines()[-1:] or ["no output"]
        command.problems.append(f"exit {answer['exit']}: {tail[0][:200]}")
    elif command.check is not None:
        problem = command.check(text)
        if problem:
            command.problems.append(problem)


def warm_up(launcher: Launcher, commands: Iterable[Command], scratch: Path) -> None:
    """Run each tool once on the smallest map: .pyc files written, files in the disk cache."""
    small = str(MAPS / "tp100.yaml")
    for command in commands:
        argv = [small if arg.startswith(str(MAPS)) else arg for arg in command.argv]
        launcher.run(argv, scratch / "output.txt")
    for path in MAPS.rglob("*.yaml"):
        path.read_bytes()


def ensure_maps() -> dict[str, int]:
    sys.path.insert(0, str(BENCH))
    import generate

    print("Writing the benchmark maps to bench/maps/ ...", flush=True)
    return generate.write_all(MAPS)


def ensure_peers() -> dict[str, str]:
    """Make the peers' virtualenvs when missing; {venv name: what is installed}."""
    installed: dict[str, str] = {}
    for name, packages in PEER_VENVS.items():
        venv = VENVS / name
        pip = venv / "bin" / "pip"
        if not pip.exists():
            print(f"Making bench/venvs/{name} ({', '.join(packages)}) ...", flush=True)
            try:
                subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
                subprocess.run([str(pip), "install", "--quiet", *packages], check=True)
            except (subprocess.CalledProcessError, OSError) as exc:
                print(f"  could not make it ({exc}); its tools are left out", flush=True)
                continue
        listing = subprocess.run(
            [str(pip), "list", "--format=json"], capture_output=True, text=True, check=False
        )
        versions = {item["name"].lower(): item["version"] for item in json.loads(listing.stdout)}
        wanted = ("check-jsonschema", "ruamel.yaml", "ruamel.yaml.clib", "yamllint", "pyyaml")
        installed[name] = ", ".join(f"{p} {versions[p]}" for p in wanted if p in versions)
    return installed


def has_command(name: str) -> bool:
    return subprocess.run([CJMAP, name, "--help"], capture_output=True, check=False).returncode == 0


def size_mb(path: Path) -> float:
    if path.is_dir():
        return sum(item.stat().st_size for item in path.glob("*.yaml")) / 1e6
    return path.stat().st_size / 1e6


def build_commands(
    args: argparse.Namespace, expected: dict[str, int], scratch: Path
) -> tuple[dict[str, Command], list[str]]:
    """Every command of the run by key, and notes on the commands left out (tool missing)."""
    quick = args.quick
    many, some, few = (5, 3, 1) if quick else (15, 7, 3)
    # The two shortest commands take 10 to 25 ms, where one busy moment of the machine
    # moves a median: more rounds cost little and steady their ratio.
    tiny = 3 * many
    m = {size: str(MAPS / f"tp{size}.yaml") for size in (100, 1000, 10000, 50000)}
    error_map = str(MAPS / "tp10000-error.yaml")
    folder = str(MAPS / "folder-500x100")
    commands: dict[str, Command] = {}
    notes: list[str] = []

    def add(
        key: str,
        label: str,
        argv: list[str],
        rounds: int,
        exit_codes: tuple[int, ...] = (0,),
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        commands[key] = Command(label, argv, rounds, exit_codes, check)

    error_line = expected["tp10000-error.yaml"]

    def right_line(output: str) -> str | None:
        wanted = f"tp10000-error.yaml:{error_line}:12: E201"
        return None if wanted in output else f"did not report {wanted}"

    def drawn_or_too_large(output: str) -> str | None:
        if output.startswith("Wrote ") or "too many for one readable picture" in output:
            return None
        return f"neither a picture nor a 'too large' message: {output[:200]}"

    add("pass", "python -c pass", [PYTHON, "-c", "pass"], tiny)
    add("version", "cjmap --version", [CJMAP, "--version"], tiny)
    for size, rounds in ((100, many), (1000, some), (10000, some), (50000, few)):
        add(f"validate-{size}", f"cjmap validate tp{size}", [CJMAP, "validate", m[size]], rounds)
    add(
        "validate-error",
        "cjmap validate tp10000-error",
        [CJMAP, "validate", error_map],
        some,
        exit_codes=(1,),
        check=right_line,
    )
    add("validate-folder", "cjmap validate folder (500 x 100)", [CJMAP, "validate", folder], few)
    add(
        "validate-folder-j1",
        "cjmap validate folder --jobs 1",
        [CJMAP, "validate", "--jobs", "1", folder],
        few,
    )
    if has_command("lint"):
        for size, rounds in ((100, many), (10000, some), (50000, few)):
            add(
                f"lint-{size}",
                f"cjmap lint tp{size}",
                [CJMAP, "lint", m[size]],
                rounds,
                exit_codes=(0, 1),
            )
    else:
        notes.append("cjmap lint: no such command yet; left out")
    for report in ("pains", "gaps"):
        if has_command(report):
            add(f"{report}-10000", f"cjmap {report} tp10000", [CJMAP, report, m[10000]], some)
        else:
            notes.append(f"cjmap {report}: no such command yet; left out")
    if has_command("render"):
        for size in (100, 1000):
            picture = str(scratch / f"flow-{size}.svg")
            add(
                f"render-{size}",
                f"cjmap render --view flow tp{size}",
                [CJMAP, "render", "--view", "flow", m[size], "-o", picture],
                few,
                exit_codes=(0, 1),
                check=drawn_or_too_large,
            )
    else:
        notes.append("cjmap render: no such command yet; left out")

    clib_python = VENVS / "peers-clib" / "bin" / "python"
    for size, rounds in ((100, many), (10000, some), (50000, few)):
        add(
            f"floor-{size}",
            f"event scan tp{size} (ruamel.yaml.clib)",
            [PYTHON, str(BENCH / "floor.py"), "ruamel", m[size]],
            rounds,
        )
    if clib_python.exists():
        add(
            "floor-pyyaml-10000",
            "event scan tp10000 (PyYAML)",
            [str(clib_python), str(BENCH / "floor.py"), "pyyaml", m[10000]],
            some,
        )
    add(
        "floor-raw-10000",
        "libyaml alone tp10000 (no Python objects)",
        [PYTHON, str(BENCH / "floor.py"), "raw", m[10000]],
        some,
    )

    peer_sizes = [(100, some), (10000, few)] + ([(50000, 1)] if args.peers_50k else [])
    for venv, label in (("peers-clib", "with ruamel.yaml.clib"), ("peers-plain", "plain pip")):
        tool = VENVS / venv / "bin" / "check-jsonschema"
        if not tool.exists():
            notes.append(f"check-jsonschema ({label}): bench/venvs/{venv} missing; left out")
            continue
        for size, rounds in peer_sizes:
            add(
                f"cjs-{venv}-{size}",
                f"check-jsonschema tp{size} ({label})",
                [str(tool), "--schemafile", str(SCHEMA), m[size]],
                rounds,
            )
    yamllint = VENVS / "peers-clib" / "bin" / "yamllint"
    if yamllint.exists():
        for size, rounds in peer_sizes:
            add(
                f"yamllint-{size}",
                f"yamllint -d relaxed tp{size}",
                [str(yamllint), "-d", "relaxed", m[size]],
                rounds,
                exit_codes=(0, 1),
            )
    else:
        notes.append("yamllint: bench/venvs/peers-clib missing; left out")
    return commands, notes


Goal = tuple[str, str, str, str, bool | None]


def goals(c: dict[str, Command]) -> list[Goal]:
    """(goal, wall-time ratio, CPU-time ratio, target, met) for each goal of issue 7.

    A goal is judged on wall time, what a user waits for; the CPU-time ratio beside it
    shows how much of a miss is the machine being busy (the CPU time of --jobs runs
    adds up every worker, so it says nothing there).
    """
    rows: list[Goal] = []

    def measured(key: str) -> Command | None:
        command = c.get(key)
        return command if command and command.walls and not command.problems else None

    def paired(top: list[float], bottom: list[float]) -> float:
        # The two commands ran one after the other in each round: the median of their
        # ratios round by round holds when the machine's speed drifts during the run,
        # which a ratio of the two medians, taken from different rounds, does not.
        return statistics.median(a / b for a, b in zip(top, bottom, strict=False))

    def ratio(goal: str, top: str, bottom: str, limit: float, at_least: bool = False) -> None:
        a, b = measured(top), measured(bottom)
        if a is None or b is None:
            rows.append((goal, "not measured", "", "", None))
            return
        value = paired(a.walls, b.walls)
        cpu = paired(a.cpus, b.cpus)
        met = value >= limit if at_least else value <= limit
        sign = ">=" if at_least else "<="
        rows.append((goal, f"{value:.2f}x", f"{cpu:.2f}x", f"{sign} {limit}x", met))

    ratio(
        "validate 10k: check-jsonschema (clib) / cjmap",
        "cjs-peers-clib-10000",
        "validate-10000",
        8,
        at_least=True,
    )
    ratio("validate 10k / bare event scan", "validate-10000", "floor-10000", 1.6)
    ratio("validate 10k with one error / valid", "validate-error", "validate-10000", 2)
    ratio("lint / validate, 10k", "lint-10000", "validate-10000", 1.3)
    ratio("lint / validate, 50k", "lint-50000", "validate-50000", 1.3)
    ratio("validate 50k / 10k", "validate-50000", "validate-10000", 5.5)
    ratio("lint 50k / 10k", "lint-50000", "lint-10000", 5.5)
    ratio("cjmap --version / python -c pass", "version", "pass", 2)
    ratio("validate 100 / python -c pass", "validate-100", "pass", 12)
    ratio(
        "validate 100: check-jsonschema (clib) / cjmap",
        "cjs-peers-clib-100",
        "validate-100",
        1,
        at_least=True,
    )
    ratio("folder of 500 x 100 / single 50k map", "validate-folder", "validate-50000", 1.3)
    ratio(
        "ruamel.yaml.clib scan / PyYAML scan (keep ruamel if <= 1.3)",
        "floor-10000",
        "floor-pyyaml-10000",
        1.3,
    )
    big = c.get("validate-50000")
    if big and big.peak_kb:
        size = (MAPS / "tp50000.yaml").stat().st_size
        value = big.peak_kb * 1024 / size
        rows.append(
            ("peak memory of validate 50k / file size", f"{value:.1f}x", "", "<= 20x", value <= 20)
        )
    render = c.get("render-1000")
    if render and render.walls:
        rows.append(
            (
                "render flow 1k: a picture or a clear 'too large'",
                f"{render.median:.2f} s" + (f" ({render.problems[0]})" if render.problems else ""),
                f"{statistics.median(render.cpus):.2f} s",
                "< 10 s",
                render.median < 10 and not render.problems,
            )
        )
    return rows


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, to try it out")
    parser.add_argument(
        "--peers-50k", action="store_true", help="also time the peers on the 50k map (minutes)"
    )
    args = parser.parse_args()
    if not Path(CJMAP).exists():
        sys.exit(f"no cjmap beside {PYTHON}; run this with the Python where cjmap is installed")

    launcher = Launcher()  # first, while this process is small
    expected = ensure_maps()
    installed = ensure_peers()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        commands, notes = build_commands(args, expected, scratch)
        warm_up(launcher, commands.values(), scratch)
        load_before = os.getloadavg()
        started = time.perf_counter()
        rounds = max(command.rounds for command in commands.values())
        for number in range(rounds):
            print(f"Round {number + 1} of {rounds} ...", flush=True)
            for command in commands.values():
                if number < command.rounds:
                    run_once(launcher, command, scratch)
        elapsed = time.perf_counter() - started
        load_after = os.getloadavg()
    launcher.close()

    lines = [
        f"Machine: {machine()}",
        f"Load average before / after: {load_before[0]:.2f} / {load_after[0]:.2f}; "
        f"{elapsed / 60:.1f} minutes",
        f"cjmap: {CJMAP}",
    ]
    lines += [f"bench/venvs/{name}: {what}" for name, what in installed.items()]
    lines += [f"Note: {note}" for note in notes]
    lines += [
        "",
        "| command | median | fastest - slowest | CPU | peak memory | rounds |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for command in commands.values():
        if not command.walls:
            continue
        status = f" ({command.problems[0]})" if command.problems else ""
        lines.append(
            f"| {command.label}{status} | {command.median:.3f} s | "
            f"{min(command.walls):.3f} - {max(command.walls):.3f} s | "
            f"{statistics.median(command.cpus):.3f} s | {command.peak_kb / 1024:.0f} MB | "
            f"{len(command.walls)} |"
        )
    lines += ["", "| goal | wall time | CPU time | target | met |", "|---|---:|---:|---:|:---:|"]
    for goal, wall, cpu, target, met in goals(commands):
        verdict = "-" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {goal} | {wall} | {cpu} | {target} | {verdict} |")
    sizes = ", ".join(
        f"{path.stem} {size_mb(path):.2f} MB"
        for path in sorted(MAPS.glob("tp*.yaml"), key=lambda p: p.stat().st_size)
    )
    lines += ["", f"Files: {sizes}; folder-500x100 {size_mb(MAPS / 'folder-500x100'):.2f} MB"]
    report = "\n".join(lines)
    print("\n" + report)

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(report + "\n")
    raw = {
        key: {
            "label": command.label,
            "argv": command.argv,
            "walls": command.walls,
            "cpus": command.cpus,
            "peak_kb": command.peak_kb,
            "problems": command.problems,
        }
        for key, command in commands.items()
    }
    (RESULTS / "latest.json").write_text(json.dumps(raw, indent=2) + "\n")


if __name__ == "__main__":
    main()
