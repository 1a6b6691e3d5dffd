"""Start and time commands for run.py, from a process that stays small.

A child's peak memory as Linux reports it includes what its parent held when it
was started; run.py grows as it works, so it asks this small process, started
first, to run every command. One JSON request per line on stdin
(``{"argv": [...], "output": "file", "env": {...}}``), one JSON answer per line on
stdout: wall and CPU seconds, peak memory in KB, exit code.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        with open(request["output"], "wb") as output:
            started = time.perf_counter()
            pid = os.fork()
            if pid == 0:  # the child: become the command
                os.dup2(output.fileno(), 1)
                os.dup2(output.fileno(), 2)
                try:
                    os.execvpe(request["argv"][0], request["argv"], request["env"])
                finally:
                    os._exit(127)
            _, status, usage = os.wait4(pid, 0)
            wall = time.perf_counter() - started
        answer = {
            "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime,
            "peak_kb": usage.ru_maxrss,
            "exit": os.waitstatus_to_exitcode(status),
        }
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
