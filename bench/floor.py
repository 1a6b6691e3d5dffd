"""The floor: a bare scan of libyaml's events over a file, building nothing.

    python bench/floor.py ruamel FILE   # ruamel.yaml.clib's C parser, one event object each
    python bench/floor.py pyyaml FILE   # PyYAML's C parser (its wheels bundle libyaml), the same
    python bench/floor.py raw FILE      # libyaml alone: events counted in C, no Python objects

The first two are what any Python program that reads YAML through libyaml pays at
least: start Python, import the binding, decode the file, and take every event.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    binding, name = sys.argv[1], sys.argv[2]
    text = Path(name).read_bytes().decode("utf-8")
    if binding == "pyyaml":
        from yaml._yaml import CParser
        from yaml.events import StreamEndEvent
    else:
        from _ruamel_yaml import CParser
        from ruamel.yaml.events import StreamEndEvent
    parser = CParser(text)
    if binding == "raw":
        count = parser.raw_parse()
    else:
        count = 1
        get_event = parser.get_event
        while type(get_event()) is not StreamEndEvent:
            count += 1
    print(f"{count} events")


if __name__ == "__main__":
    main()
