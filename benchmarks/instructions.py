"""Instructions per checkout, counted by valgrind's callgrind: repeatable on a shared,
noisy machine where wall-clock rates swing by 2x.

Runs the checkout benchmark's setup alone, then setup + N checkouts, under callgrind,
and divides the difference by N.

    python -m benchmarks.instructions [--checkouts 1000]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys

_COLLECTED = re.compile(r"Collected : (\d+)")


def _run(checkouts: int, customers: int) -> int:
    code = (
        "from benchmarks import checkout as b\n"
        f"ports = b._world(); people = b._customers(ports, {customers})\n"
        f"for user_id, address_id in people[:{checkouts}]:\n"
        "    b._checkout(ports, user_id, address_id)\n"
    )
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    match = _COLLECTED.search(result.stderr)
    if match is None:
        raise RuntimeError(f"callgrind printed no total:\n{result.stderr[-2000:]}")
    return int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkouts", type=int, default=1000)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    base = _run(0, args.checkouts)
    full = _run(args.checkouts, args.checkouts)
    per = (full - base) / args.checkouts
    print(f"instructions per checkout (callgrind, {args.checkouts} checkouts): {per:,.0f}")


if __name__ == "__main__":
    main()
