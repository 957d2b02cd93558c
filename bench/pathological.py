"""Time the engine on pathological inputs at 1x, 2x and 4x size: growth should be linear.

    python bench/pathological.py            # full sizes (5 MB line, 100,000 paragraphs, 1 MB marks)
    python bench/pathological.py --scale 0.1

The last column is cpu(k x) / cpu(1x); linear growth shows as about 1, 2, 4. CPU time is the
measure because wall time on a shared machine also counts other processes.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.analyse import analyse  # noqa: E402

SENTENCE = "Mr. Smith said, \u201cthe harbour will be rebuilt by spring,\u201d and Ms. Doe agreed. "
MARKS = "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u201e"


def single_line(megabytes: float) -> str:
    """One paragraph with no line break at all, full of names and quotes."""
    target = int(megabytes * 1_000_000)
    return (SENTENCE * (target // len(SENTENCE) + 1))[:target]


def one_word_paragraphs(count: int) -> str:
    return "Headline\n\n" + "\n\n".join(f"word{i % 97}" for i in range(count))


def quotation_marks(megabytes: float) -> str:
    """Nothing but quotation marks of every kind, in one paragraph."""
    target = int(megabytes * 1_000_000) // 3  # the marks are mostly 3 bytes in UTF-8
    return (MARKS * (target // len(MARKS) + 1))[:target]


CASES: list[tuple[str, Callable[[float], str], float, str]] = [
    ("single line", single_line, 5.0, "MB"),
    ("one-word paragraphs", lambda n: one_word_paragraphs(int(n)), 100_000, "paragraphs"),
    ("quotation marks", quotation_marks, 1.0, "MB"),
]


def timed(text: str) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, entities and quotes found."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    article = analyse(text, "bench")
    return (time.perf_counter() - wall, time.process_time() - cpu,
            len(article.entities), len(article.quotes))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    args = parser.parse_args()
    header = f"{'case':<22}{'size':>18}{'bytes':>12}{'wall s':>9}{'cpu s':>9}{'MB/s':>7}" \
             f"{'entities':>10}{'quotes':>8}{'x 1x':>7}"
    print(header)
    print("-" * len(header))
    for name, make, base, unit in CASES:
        first: float | None = None
        for factor in (1, 2, 4):
            size = base * args.scale * factor
            text = make(size)
            size_bytes = len(text.encode())
            wall, cpu, entities, quotes = timed(text)
            first = first or cpu
            shown = f"{size:g} {unit}" if unit == "MB" else f"{int(size):,} {unit}"
            print(f"{name:<22}{shown:>18}{size_bytes:>12,}{wall:>9.2f}{cpu:>9.2f}"
                  f"{size_bytes / 1e6 / max(cpu, 1e-9):>7.1f}{entities:>10}{quotes:>8}"
                  f"{cpu / first:>7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
