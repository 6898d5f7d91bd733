"""Run every benchmark: ``python -m bench [name [args...] ...]``.

Arguments after a benchmark's name go to that benchmark, e.g. ``python -m bench names 50000``
(the name-matching benchmark on 50,000 persons instead of 1,000,000; ``python -m bench names
--help`` lists its options).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from bench import foundation


def _names(args: Sequence[str]) -> None:
    from bench import names  # imports the persons engine: only when asked for

    names.main(args)


BENCHMARKS: dict[str, Callable[[Sequence[str]], None]] = {
    "foundation": lambda args: foundation.main(),
    "names": _names,
}
TAKES_ARGUMENTS = {"names"}


def run(argv: list[str]) -> None:
    plan: list[tuple[str, list[str]]] = []
    for arg in argv:
        if arg in BENCHMARKS:
            plan.append((arg, []))
        elif plan and plan[-1][0] in TAKES_ARGUMENTS:
            plan[-1][1].append(arg)
        else:
            sys.exit(f"unknown benchmark {arg!r}; known: {', '.join(BENCHMARKS)}")
    for name, args in plan or [(name, []) for name in BENCHMARKS]:
        BENCHMARKS[name](args)


if __name__ == "__main__":
    run(sys.argv[1:])
