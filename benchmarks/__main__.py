"""Run the benchmarks: ``python -m benchmarks [NAME ...]`` (all when none is named).

Each ``benchmarks/bench_<name>.py`` has ``main(argv) -> int`` that prints one
line per figure, with its target, and returns 1 when a target is missed.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    names = sorted(i.name[len("bench_"):] for i in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if i.name.startswith("bench_"))
    chosen = [a for a in argv if not a.startswith("-")] or names
    unknown = set(chosen) - set(names)
    if unknown:
        print(f"unknown benchmark(s): {', '.join(sorted(unknown))}; there are: {', '.join(names)}")
        return 2
    worst = 0
    for name in chosen:
        print(f"== {name}")
        module = importlib.import_module(f"benchmarks.bench_{name}")
        worst = max(worst, int(module.main([a for a in argv if a.startswith("-")]) or 0))
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
