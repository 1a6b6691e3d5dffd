"""Write deterministic, valid format-v1 maps of chosen sizes for the benchmark.

    python bench/generate.py            # every benchmark file into bench/maps/
    python bench/generate.py --touchpoints 2000 --out big.yaml

The maps look like a whole touchpoint inventory kept by one company: a dozen
lifecycle stages, about ten channels, a few personas (more in larger maps),
every touchpoint with doing / thinking / feeling and an emotion, about half with
pains, a third with a metric, a tenth marked as moments of truth, one journey per
25 touchpoints and one action per 10. A fixed seed gives the same bytes on every
machine, so timings from different runs are comparable.

Besides the valid maps, ``tp10000-error.yaml`` is the 10k map with one broken
reference in its last touchpoint (its line is printed and kept in
``expected-errors.json``), and ``folder-500x100/`` holds 500 maps of 100
touchpoints: the same amount of YAML as the 50k map.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SIZES = (100, 1_000, 10_000, 50_000)
FOLDER_MAPS = 500
FOLDER_TOUCHPOINTS = 100
MAPS = Path(__file__).resolve().parent / "maps"
# The misspelt stage in the error map; the benchmark checks cjmap reports its line.
BROKEN_STAGE = "advocacyy"

STAGES = (
    ("awareness", "Hear about us"),
    ("consideration", "Compare the offers"),
    ("evaluation", "Try it out"),
    ("purchase", "Buy"),
    ("onboarding", "Get started"),
    ("use", "Use it every day"),
    ("billing", "Pay the bills"),
    ("support", "Get help"),
    ("change", "Change the plan"),
    ("renewal", "Renew"),
    ("loyalty", "Stay with us"),
    ("advocacy", "Tell friends about it"),
)
CHANNELS = (
    ("web", "Website", "digital"),
    ("app", "Mobile app", "digital"),
    ("email", "Email", "digital"),
    ("social", "Social media", "digital"),
    ("chat", "Live chat", "human"),
    ("phone", "Phone line", "human"),
    ("store", "Shop", "physical"),
    ("parcel", "Parcel delivery", "physical"),
    ("letter", "Letter", "print"),
    ("partner", "Partner reseller", "other"),
)
PERSONA_NAMES = (
    "Busy parent",
    "Home barista",
    "Small shop owner",
    "IT buyer",
    "Student on a budget",
    "Retired traveller",
    "Office manager",
    "First-time customer",
    "Loyal regular",
    "Gift giver",
)
TEAMS = (
    "Brand marketing",
    "E-commerce team",
    "Customer care",
    "Logistics",
    "Billing",
    "Product team",
    "Retail operations",
    "Partnerships",
)
VERBS = (
    "Opens",
    "Reads",
    "Compares",
    "Fills in",
    "Checks",
    "Searches for",
    "Waits for",
    "Pays for",
    "Asks about",
    "Changes",
    "Cancels",
    "Shares",
)
OBJECTS = (
    "the order form",
    "the delivery date",
    "the price list",
    "the welcome email",
    "the invoice",
    "the tracking page",
    "the plan options",
    "the help centre",
    "the loyalty points",
    "the return label",
    "the product page",
    "the account settings",
)
THOUGHTS = (
    "Is this the right one for me?",
    "Why does this take so long?",
    "That was easier than I expected",
    "Where do I find the total price?",
    "Will it arrive before the weekend?",
    "I hope someone answers soon",
    "Can I change this later?",
    "Nice, it remembers my details",
)
FEELINGS = (
    "Curious",
    "Unsure",
    "Annoyed",
    "Relieved",
    "Confused",
    "Delighted",
    "Impatient",
    "Confident",
)
PAINS = (
    "The total price appears only at the last step",
    "The form forgets everything after an error",
    "Nobody answers the phone after five",
    "The tracking page shows no delivery date",
    "The invoice uses internal product codes",
    "Too many options and no advice on which to pick",
    "The app logs out every time it is closed",
    "The return label has to be printed at home",
)
DELIGHTS = (
    "A real person answers within a minute",
    "The parcel fits through the letterbox",
    "A handwritten note in the box",
    "Points appear on the account straight away",
)
METRICS = (
    ("Abandonment", "%", "lower"),
    ("Satisfaction", "%", "higher"),
    ("Customer effort score", None, "lower"),
    ("Time to answer", "min", "lower"),
    ("Net promoter score", None, "higher"),
)
SEVERITIES = ("low", "medium", "medium", "high", "critical")
EVIDENCE = ("hypothesis", "observed", "observed", "validated")
IMPORTANCE = ("low", "medium", "high")
STATUSES = ("idea", "planned", "in-progress", "done")


def persona_count(touchpoints: int) -> int:
    return min(len(PERSONA_NAMES), 3 + touchpoints // 2_000)


def map_text(touchpoints: int, seed: int = 7, broken_last_stage: bool = False) -> str:
    """The YAML of one valid map (or, with broken_last_stage, one with a single E201)."""
    rng = random.Random(seed * 1_000_003 + touchpoints)
    personas = [(f"persona-{i + 1}", PERSONA_NAMES[i]) for i in range(persona_count(touchpoints))]
    out: list[str] = [
        "# yaml-language-server: $schema=../schemas/cjmap.schema.json",
        "cjmap: 1",
        "",
        "map:",
        f"  title: Benchmark map with {touchpoints} touchpoints",
        "  state: current",
        "  owner: Customer experience team",
        "  scope: Every touchpoint of every stage, from first ad to renewal",
        "  objectives:",
        "    - Find where customers abandon",
        "    - Give every pain an owner",
        "  updated: 2026-10-28",
        "",
        "personas:",
    ]
    for persona_id, name in personas:
        out += [
            f"  - id: {persona_id}",
            f"    name: {name}",
            "    goals:",
            "      - Get it done quickly",
            "      - Pay a fair price",
            "    needs:",
            "      - Clear prices",
        ]
    out += ["", "stages:"]
    for stage_id, name in STAGES:
        out += [f"  - id: {stage_id}", f"    name: {name}"]
    out += ["", "channels:"]
    for channel_id, name, kind in CHANNELS:
        out += [f"  - id: {channel_id}", f"    name: {name}", f"    kind: {kind}"]
    out += ["", "touchpoints:"]
    ids: list[str] = []
    for index in range(touchpoints):
        stage_id, _ = STAGES[index * len(STAGES) // touchpoints]
        if broken_last_stage and index == touchpoints - 1:
            stage_id = BROKEN_STAGE
        touchpoint_id = f"tp-{index + 1:05d}"
        ids.append(touchpoint_id)
        verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
        channels = rng.sample([c[0] for c in CHANNELS], rng.choice((1, 1, 2, 3)))
        emotion = rng.choice((-2, -1, -1, 0, 0, 1, 1, 2))
        out += [
            f"  - id: {touchpoint_id}",
            f"    name: {verb} {obj} ({index + 1})",
            f"    stage: {stage_id}",
            f"    channels: [{', '.join(channels)}]",
        ]
        if rng.random() < 0.2:
            chosen = rng.sample([p[0] for p in personas], rng.randint(1, len(personas) - 1))
            out.append(f"    personas: [{', '.join(chosen)}]")
        if rng.random() < 0.85:
            out.append(f"    owner: {rng.choice(TEAMS)}")
        out += [
            f"    doing: {verb} {obj} on the phone",
            f"    thinking: {rng.choice(THOUGHTS)}",
            f"    feeling: {rng.choice(FEELINGS)}",
            f"    emotion: {emotion}",
        ]
        if rng.random() < 0.3:
            out.append(f"    importance: {rng.choice(IMPORTANCE)}")
        if rng.random() < 0.1:
            out.append("    moment_of_truth: true")
        out.append(f"    evidence: {rng.choice(EVIDENCE)}")
        if emotion < 0 or rng.random() < 0.2:
            out.append("    pains:")
            for _ in range(rng.choice((1, 1, 2))):
                if rng.random() < 0.5:
                    out.append(f"      - {rng.choice(PAINS)}")
                else:
                    out += [
                        f"      - text: {rng.choice(PAINS)}",
                        f"        severity: {rng.choice(SEVERITIES)}",
                    ]
                    if rng.random() < 0.2:
                        out.append("        roadblock: true")
        if emotion > 0 and rng.random() < 0.6:
            out += ["    delights:", f"      - {rng.choice(DELIGHTS)}"]
        if rng.random() < 0.33:
            name, unit, better = rng.choice(METRICS)
            out += [
                "    metrics:",
                f"      - name: {name}",
                f"        value: {rng.randint(5, 95)}",
                f"        target: {rng.randint(5, 95)}",
            ]
            if unit is not None:
                out.append(f'        unit: "{unit}"')
            out.append(f"        better: {better}")
    out += ["", "journeys:"]
    for number in range(max(1, touchpoints // 25)):
        start = rng.randrange(len(ids))
        steps = ids[start : start + rng.randint(5, 15)]
        out += [
            f"  - id: journey-{number + 1}",
            f"    name: Journey {number + 1}",
            f"    persona: {rng.choice(personas)[0]}",
            f"    steps: [{', '.join(steps)}]",
        ]
    out += ["", "actions:"]
    for number in range(max(1, touchpoints // 10)):
        covered = rng.sample(ids, min(len(ids), rng.choice((1, 1, 2, 3))))
        out += [
            f"  - id: action-{number + 1}",
            f"    title: Fix step {number + 1} for good",
            f"    touchpoints: [{', '.join(covered)}]",
            f"    owner: {rng.choice(TEAMS)}",
            "    kpi: Fewer customers leave here",
            f"    status: {rng.choice(STATUSES)}",
        ]
    return "\n".join(out) + "\n"


def broken_line(text: str) -> int:
    """The 1-based line of the broken stage reference in an error map."""
    return text[: text.index(f"stage: {BROKEN_STAGE}")].count("\n") + 1


def write_all(folder: Path) -> dict[str, int]:
    """Every benchmark file; returns {error map name: line of its error}."""
    folder.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        _write(folder / f"tp{size}.yaml", map_text(size))
    broken = map_text(10_000, broken_last_stage=True)
    _write(folder / "tp10000-error.yaml", broken)
    expected = {"tp10000-error.yaml": broken_line(broken)}
    (folder / "expected-errors.json").write_text(json.dumps(expected, indent=2) + "\n")
    many = folder / f"folder-{FOLDER_MAPS}x{FOLDER_TOUCHPOINTS}"
    many.mkdir(exist_ok=True)
    for number in range(FOLDER_MAPS):
        _write(many / f"map-{number + 1:03d}.yaml", map_text(FOLDER_TOUCHPOINTS, seed=number))
    return expected


def _write(path: Path, text: str) -> None:
    # Skip unchanged files so that reruns keep their timestamps and page cache.
    data = text.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touchpoints", type=int, help="write one map of this size")
    parser.add_argument("--out", type=Path, help="where to write that one map")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.touchpoints is not None:
        text = map_text(args.touchpoints, args.seed)
        if args.out is None:
            print(text, end="")
        else:
            _write(args.out, text)
        return
    expected = write_all(MAPS)
    for path in sorted(MAPS.glob("*.yaml")):
        print(f"{path.stat().st_size / 1e6:8.2f} MB  {path.relative_to(Path.cwd())}")
    print(f"{len(list(MAPS.glob('folder-*/*.yaml')))} maps in the folder")
    for name, line in expected.items():
        print(f"{name}: one error, at line {line}")


if __name__ == "__main__":
    main()
