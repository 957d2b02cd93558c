"""Speed and memory of briefing-tui at 40 KB, 400 KB and 4 MB and on the seed (`make bench`).

    .venv/bin/python bench/run.py [--sizes seed,40K,400K,4M] [--no-tmux] [--host]

Core figures are measured in child processes (a hang or crash in one stage does not stop the
rest): analysis time, the engine's paragraph split, search index build and query latency (with
rapidfuzz partial_ratio over all paragraphs for scale), the text view's cost per frame. Then the
real thing in a 120x40 tmux: `python -m tui FILE` launched and its screen polled every ~5 ms for
first paint, analysis complete, G/g, a search keystroke to results, typing echo, peak memory
(VmHWM). If the app cannot be measured (or with --host), bench/host.py (ArticleView and
SearchIndex alone) stands in and the table says so. Corpora come from bench/make_corpus.py
(fixed seed) into bench/out/, with a table in bench/out/results.md and results.json.

The package is byte-compiled first (as `make` installs it): the app is measured as users start
it, not recompiling its own modules at each launch (PYTHONDONTWRITEBYTECODE set). For scale, a
minimal three-pane Textual app (Header, three Statics, one holding the article, Footer) is
launched the same way on the seed: its first paint is the reference row.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from make_corpus import OUT_DIR, corpus_path  # noqa: E402

PYTHON = sys.executable
WIDTH, HEIGHT = 120, 40
POLL = 0.005  # seconds between screen polls at first (then 2% of the time waited so far)
MAX_POLL = 0.05
SIZES = ("seed", "40K", "400K", "4M")
MINIMAL_ROW = "reference: minimal three-pane Textual app, first paint"


# --------------------------------------------------------------------------------------------
# Children: each measures one thing in a fresh process and prints one JSON line.


def child_analyse(path: str, repeat: int) -> dict[str, Any]:
    from tui.core.analyse import analyse
    from tui.core.structure import split_paragraphs

    text = Path(path).read_text(encoding="utf-8")
    split = []
    for _ in range(repeat):
        start = time.perf_counter()
        split_paragraphs(text)
        split.append(time.perf_counter() - start)
    times, article = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        article = analyse(text, path)
        times.append(time.perf_counter() - start)
    assert article is not None
    return {"analyse": statistics.median(times), "split": statistics.median(split),
            "paragraphs": len(article.paragraphs), "entities": len(article.entities),
            "quotes": len(article.quotes)}


def child_search(path: str) -> dict[str, Any]:
    from rapidfuzz import fuzz, process

    from tui.core.analyse import analyse
    from tui.core.search import SearchIndex, fold

    article = analyse(Path(path).read_text(encoding="utf-8"), path)  # with entities and quotes
    start = time.perf_counter()
    index = SearchIndex.build(article)
    build = time.perf_counter() - start
    queries = pick_queries(index, article)
    latencies: dict[str, float] = {}
    for query in queries["typical"] + queries["common"]:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            index.search(query)
            runs.append(time.perf_counter() - start)
        latencies[query] = min(runs)
    first_partial: list[float] = []
    for query in queries["common"]:
        start = time.perf_counter()
        seen: list[float] = []
        index.search(query, on_partial=lambda _r: seen.append(time.perf_counter() - start))
        first_partial.append(seen[0] if seen else latencies[query])
    folded = [fold(p.text).text for p in article.paragraphs]
    baseline = []
    for query in queries["typical"][:5]:
        start = time.perf_counter()
        process.extract(fold(query).text, folded, scorer=fuzz.partial_ratio, score_cutoff=80, limit=None)
        baseline.append(time.perf_counter() - start)
    typical = [latencies[q] for q in queries["typical"]]
    common = [latencies[q] for q in queries["common"]]
    return {"build": build, "typical_median": statistics.median(typical), "typical_max": max(typical),
            "common_max": max(common), "common_first_partial": max(first_partial),
            "partial_ratio": statistics.median(baseline), "queries": queries}


def pick_queries(index: Any, article: Any) -> dict[str, list[str]]:
    """Typical queries (names, a typo, two words) and common words, from the text itself."""
    from tui.core.search import fold

    words: dict[str, int] = {}
    for paragraph in article.paragraphs:
        for word in re.findall(r"[A-Z][a-zà-ÿ]{5,}", paragraph.text):
            words[word] = words.get(word, 0) + 1
    names = sorted((w for w, n in words.items() if 1 <= n <= 40), key=lambda w: (-words[w], w))[:6]
    typical = [fold(n).text for n in names]
    if typical:
        name = typical[0]
        typical.append(name[:3] + ("a" if name[3] != "a" else "e") + name[4:])  # one typo
        typical.append(f"{typical[0]} said")
    typical += ["drought emergency", "fentanil", "minister"]
    return {"typical": typical, "common": ["the", "said"]}


def child_view(path: str) -> dict[str, Any]:
    """ArticleView in a headless 120x40 host: load, and the cost of one frame at top/end/search."""
    import asyncio

    from textual.app import App, ComposeResult

    from tui.app.text_view import ArticleView
    from tui.core.model import Span
    from tui.core.structure import split_paragraphs
    from tui.resources import styles_dir

    paragraphs = split_paragraphs(Path(path).read_text(encoding="utf-8"))
    results: dict[str, Any] = {}

    class Host(App[None]):
        CSS_PATH = str(styles_dir() / "text_view.tcss")

        def compose(self) -> ComposeResult:
            yield ArticleView()

    def frame(view: ArticleView) -> float:
        view._strips.clear()  # measure rendering, not the strip cache
        start = time.perf_counter()
        for y in range(view.size.height):
            view.render_line(y)
        return time.perf_counter() - start

    async def run() -> None:
        app = Host()
        async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
            view = app.query_one(ArticleView)
            start = time.perf_counter()
            view.load(paragraphs)
            results["load"] = time.perf_counter() - start
            frames = []
            for fraction in (0.0, 0.25, 0.5, 0.75, 0.1):  # the median frame, here and there
                view._scroll_to_line(view.max_scroll_y * fraction)
                frames.append(frame(view))
            results["frame_top"] = statistics.median(frames)
            view._scroll_to_line(0)
            start = time.perf_counter()
            view.action_bottom()
            results["end_key"] = time.perf_counter() - start + frame(view)
            hits = list(range(0, len(paragraphs), 3))
            start = time.perf_counter()
            view.set_search(hits, [Span(i, 0, 4) for i in hits])
            results["set_search_third"] = time.perf_counter() - start + frame(view)
            view.set_search(None, [])
            start = time.perf_counter()
            while not view.layout_complete:
                await pilot.pause(0.005)
            results["background_wrap"] = time.perf_counter() - start
            results["lines"] = view.virtual_size.height

    asyncio.run(run())
    return results


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "analyse": child_analyse, "search": child_search, "view": child_view,
}


def run_child(name: str, *args: str, timeout: float) -> dict[str, Any]:
    command = [PYTHON, str(Path(__file__).resolve()), "--child", name, *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": f"failed: {last[:120]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# The real terminal: tmux.


class Terminal:
    """One program in a detached 120x40 tmux session, its screen polled as text."""

    def __init__(self, command: str, name: str = "briefing-bench") -> None:
        self.name = name
        self.command = command
        self.started = 0.0

    def __enter__(self) -> Terminal:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)
        self.started = time.perf_counter()
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", str(WIDTH), "-y",
                        str(HEIGHT), f"cd {shlex.quote(str(ROOT))} && exec {self.command}"], check=True)
        return self

    def __exit__(self, *exc: object) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True).stdout

    def pid(self) -> int | None:
        """The program's pid (asked of tmux once: every tmux client costs the app CPU)."""
        if getattr(self, "_pid", None) is None:
            out = subprocess.run(["tmux", "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
                                 capture_output=True, text=True).stdout.strip()
            self._pid = int(out) if out.isdigit() else None
        return self._pid

    def send(self, keys: str, literal: bool = False) -> float:
        """Send keys; returns the time just before sending."""
        sent = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", self.name, *(["-l"] if literal else []), keys],
                       check=True)
        return sent

    def wait(self, found: Callable[[str], bool], since: float, timeout: float) -> float | None:
        """Seconds from ``since`` until the screen satisfies ``found`` (None on timeout).

        Polls every POLL seconds at first, then every 2% of the time waited so far (at most
        MAX_POLL): each poll starts a tmux client (a few ms of CPU), and polling a 10-second wait
        every 5 ms took most of a core from the app it measured on this 2-CPU machine."""
        while (elapsed := time.perf_counter() - since) < timeout:
            if found(self.screen()):
                return time.perf_counter() - since
            time.sleep(min(MAX_POLL, max(POLL, elapsed / 50)))
        return None

    def peak_memory_mb(self, pid: int | None = None) -> float | None:
        pid = self.pid() if pid is None else pid
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except (OSError, TypeError):
            return None
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        return int(match.group(1)) / 1024 if match else None

    def children_peak_memory_mb(self) -> float | None:
        """The largest peak among the app's child processes now (the forked analysis)."""
        pid = self.pid()
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except (OSError, TypeError):
            return None
        peaks = [self.peak_memory_mb(int(child)) for child in children]
        return max((p for p in peaks if p is not None), default=None)


def paragraph_marker(index: int, last_index: int) -> re.Pattern[str]:
    """The text pane's first line of paragraph ``index``: its number, right-aligned in the margin
    (a wrapped line that starts with the same digits has a wider indent, so cannot match)."""
    pad = " " * (len(str(last_index)) - len(str(index)))
    return re.compile(rf"(?:^|│){pad}{index} \S", re.MULTILINE)


def measure_terminal(label: str, path: Path, use_host: bool) -> dict[str, Any]:
    from tui.core.model import Article
    from tui.core.search import SearchIndex
    from tui.core.structure import split_paragraphs

    paragraphs = split_paragraphs(path.read_text(encoding="utf-8"))
    last_index = paragraphs[-1].index
    shown = [p for p in paragraphs if p.kind != "boilerplate"]
    results: dict[str, Any] = {"program": "bench/host.py" if use_host else "python -m tui"}
    command = (f"{PYTHON} bench/host.py {shlex.quote(str(path))}" if use_host
               else f"{PYTHON} -m tui {shlex.quote(str(path))}")
    first = paragraph_marker(paragraphs[0].index, last_index)
    with Terminal(command) as term:
        results["first_paint"] = term.wait(lambda s: bool(first.search(s)), term.started, 30)
        if results["first_paint"] is None:
            results["error"] = "no first paint within 30 s: " + " | ".join(term.screen().split("\n")[:3])
            return results
        if not use_host:
            child_peak: list[float] = []

            def analysed(screen: str) -> bool:
                # the analysis runs in a child process: sample its peak memory while it lives
                if (peak := term.children_peak_memory_mb()) is not None:
                    child_peak.append(peak)
                return "analysing" not in screen and bool(re.search(r"\d[\d,]* paragraphs", screen))

            results["analysis_done"] = term.wait(analysed, term.started, 300)
            results["child_peak_memory_mb"] = max(child_peak, default=None)
        if use_host:
            term.wait(lambda s: "index ready" in s, term.started, 60)
        time.sleep(0.5)
        results["load_before_keys"] = os.getloadavg()[0]
        # the floor: one key to a changed screen (Textual + terminal + tmux + polling), median of 5
        floors = []
        for key in "jjkkj":
            before = term.screen()
            floor = term.wait(lambda s: s != before, term.send(key), 10)
            if floor is not None:
                floors.append(floor)
            time.sleep(0.15)
        results["line_key"] = statistics.median(floors) if floors else None
        last = paragraph_marker(shown[-1].index, last_index)
        ends, homes = [], []
        for _ in range(3):
            time.sleep(0.15)
            ends.append(term.wait(lambda s: bool(last.search(s)), term.send("G"), 10))
            time.sleep(0.15)
            homes.append(term.wait(lambda s: bool(first.search(s)), term.send("g"), 10))
        results["end_key"] = _median(ends)
        results["home_key"] = _median(homes)

        index = SearchIndex.build(Article(str(path), "", tuple(paragraphs)))
        latencies = []
        for query, prefix_first, full_first in search_probes(index, paragraphs):
            if not open_search(term):
                continue
            prefix_marker = paragraph_marker(prefix_first, last_index)
            full_marker = paragraph_marker(full_first, last_index)
            if term.wait(lambda s: bool(prefix_marker.search(s)), term.send(query[:-1], literal=True), 10) is None:
                continue
            time.sleep(0.05)
            latency = term.wait(lambda s: bool(full_marker.search(s)), term.send(query[-1], literal=True), 10)
            if latency is not None:
                latencies.append(latency)
        results["search_keystroke"] = statistics.median(latencies) if latencies else None
        results["search_samples"] = len(latencies)
        if latencies and results.get("line_key") is not None:  # the search's own part
            results["search_over_floor"] = max(0.0, results["search_keystroke"] - results["line_key"])

        echoes = type_and_time_echoes(term) if open_search(term) else []
        results["typing_echo_max"] = max(echoes) if echoes else None
        results["typing_echo_median"] = statistics.median(echoes) if echoes else None
        results["peak_memory_mb"] = term.peak_memory_mb()
        results["load_after"] = os.getloadavg()[0]
    return results


MINIMAL_APP = '''"""A minimal three-pane Textual app showing an article: bench/run.py's reference."""
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static


class Minimal(App[None]):
    CSS = "Static { width: 1fr; height: 1fr; border: round $foreground 20%; } #text { width: 2fr; }"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield Static("Entities")
            yield Static(Path(sys.argv[1]).read_text(encoding="utf-8"), id="text", markup=False)
            yield Static("Quotes")
        yield Footer()


Minimal().run()
'''


def measure_minimal_app(path: Path, runs: int) -> dict[str, Any]:
    """First paint of MINIMAL_APP on ``path`` in the same 120x40 tmux, launched with the same
    Python: launch to the article's first line on screen, median of ``runs``."""
    first_line = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    marker = first_line.strip()[:40]
    paints: list[float | None] = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temp:
        script = Path(temp) / "minimal_app.py"
        script.write_text(MINIMAL_APP, encoding="utf-8")
        for _ in range(runs):
            command = f"{PYTHON} {shlex.quote(str(script))} {shlex.quote(str(path))}"
            with Terminal(command, name="briefing-bench-minimal") as term:
                paints.append(term.wait(lambda s: marker in s, term.started, 30))
            time.sleep(0.3)
    return {"first_paint": _median(paints), "runs": len([p for p in paints if p is not None])}


def compile_package() -> None:
    """Byte-code for the package, as `make` installs it (compileall skips what is up to date)."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "tui")], check=False)


def _median(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return statistics.median(found) if found else None


def measure_terminal_runs(label: str, path: Path, use_host: bool, runs: int) -> dict[str, Any]:
    """``measure_terminal`` ``runs`` times (each followed by a fresh start typed into while it
    analyses): the median of every figure, but the worst run's peak memory and typing echo max,
    and the load averages seen."""
    done: list[dict[str, Any]] = []
    for number in range(runs):
        data = measure_terminal(label, path, use_host)
        if not use_host and "error" not in data:
            data.update(measure_echo_while_analysing(path))
        print(f"    run {number + 1}/{runs}: first paint {fmt(data.get('first_paint'))}, analysis "
              f"{fmt(data.get('analysis_done'))}, keystroke {fmt(data.get('search_keystroke'))} "
              f"(floor {fmt(data.get('line_key'))}), echo max {fmt(data.get('typing_echo_max'))}, "
              f"load {data.get('load_after', 0):.1f}", flush=True)
        done.append(data)
        if "error" in data:
            break
    merged: dict[str, Any] = {"program": done[0].get("program"), "runs": len(done)}
    for key in {k for d in done for k, v in d.items() if isinstance(v, (int, float))}:
        values = [d.get(key) for d in done]
        worst = key.endswith(("peak_memory_mb", "_max"))  # the worst of all runs, not a median
        merged[key] = max(v for v in values if v is not None) if worst else _median(values)
    loads = [d[k] for d in done for k in ("load_before_keys", "load_after") if k in d]
    merged["load_range"] = f"{min(loads):.1f}-{max(loads):.1f}" if loads else "?"
    for d in done:
        if "error" in d:
            merged["error"] = d["error"]
    return merged


def type_and_time_echoes(term: Terminal, text: str = "the government said") -> list[float]:
    """Type ``text`` into the (open) search box one key at a time: seconds until each typed
    character is on screen (5 s for one never seen)."""
    echoes: list[float] = []
    typed = ""
    for char in text:
        typed += char
        shown = typed.rstrip()
        sent = term.send(char, literal=True)
        echo = term.wait(lambda s: shown in bottom(s), sent, 5)
        if len(typed) > 1:  # one letter is already in the placeholder
            echoes.append(echo if echo is not None else 5.0)
        time.sleep(0.04)
    return echoes


def measure_echo_while_analysing(path: Path) -> dict[str, Any]:
    """A fresh start: the search box opened at the first paint and typed into while the analysis
    runs (the figures count only if the header still said 'analysing' when typing ended)."""
    from tui.core.structure import split_paragraphs

    paragraphs = split_paragraphs(path.read_text(encoding="utf-8"))
    first = paragraph_marker(paragraphs[0].index, paragraphs[-1].index)
    with Terminal(f"{PYTHON} -m tui {shlex.quote(str(path))}", name="briefing-bench-echo") as term:
        if term.wait(lambda s: bool(first.search(s)), term.started, 30) is None:
            return {}
        for key in ("/", "C-u"):
            term.send(key)
            time.sleep(0.05)
        echoes = type_and_time_echoes(term)
        still = "analysing" in term.screen()
    if not echoes or not still:
        return {"echo_while_analysing_valid": 0}
    return {"echo_while_analysing_max": max(echoes), "echo_while_analysing_median": statistics.median(echoes),
            "echo_while_analysing_valid": 1}


def bottom(screen: str, lines: int = 3) -> str:
    """The last lines of the screen: where the search box is."""
    return "\n".join(screen.rstrip("\n").split("\n")[-lines:])


def open_search(term: Terminal) -> bool:
    """An empty, focused search box: Esc, '/', Ctrl+U, then a marker character typed and erased
    to prove the box has the focus. The pauses keep the terminal from reading ESC + key as
    Alt+key and let the app settle. False if the box could not be reached."""
    for _ in range(3):
        for key in ("Escape", "/", "C-u"):
            term.send(key)
            time.sleep(0.3)
        if term.wait(lambda s: "§" in bottom(s), term.send("§", literal=True), 5) is not None:
            term.send("BSpace")
            if term.wait(lambda s: "§" not in bottom(s), time.perf_counter(), 5) is not None:
                time.sleep(0.2)
                return True
    return False


def search_probes(index: Any, paragraphs: list[Any]) -> list[tuple[str, int, int]]:
    """Queries whose last keystroke changes the first paragraph shown (so it can be seen)."""
    from tui.core.search import fold

    body = {p.index for p in paragraphs if p.kind in ("body", "title")}
    seen_words: dict[str, int] = {}
    for paragraph in paragraphs:
        for word in re.findall(r"[A-Za-z]{6,}", paragraph.text):
            seen_words.setdefault(fold(word).text, paragraph.index)
    probes: list[tuple[str, int, int]] = []
    for word in sorted(seen_words, key=lambda w: (-seen_words[w], w)):  # late words first
        full = index.search(word)
        prefix = index.search(word[:-1])
        if not full.paragraphs or not prefix.paragraphs:
            continue
        full_first, prefix_first = full.paragraph_indices()[0], prefix.paragraph_indices()[0]
        if full_first != prefix_first and full_first in body and prefix_first in body:
            probes.append((word, prefix_first, full_first))
        if len(probes) == 5:
            break
    return probes


# --------------------------------------------------------------------------------------------
# The whole run.


def export_time(seed: Path) -> dict[str, Any]:
    script = shutil.which("briefing-tui", path=str(Path(PYTHON).parent))
    command = [script] if script else [PYTHON, "-m", "tui"]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        done = subprocess.run([*command, "--export", "json", str(seed)], capture_output=True,
                              text=True, cwd=ROOT, timeout=60)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return {"error": f"exit {done.returncode}: {done.stderr.strip()[:100]}"}
        try:
            json.loads(done.stdout)
        except ValueError:
            return {"error": "--export json did not print JSON (cli not ready?)"}
    return {"export": statistics.median(times), "command": " ".join(Path(c).name for c in command)}


def fmt(value: Any, unit: str = "s") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "n":
        return f"{value:,}"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def growth(row: dict[str, Any]) -> str:
    small, big = row.get("40K"), row.get("4M")
    if isinstance(small, (int, float)) and isinstance(big, (int, float)) and small > 0:
        return f"x{big / small:.1f}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description="briefing-tui benchmarks")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--no-tmux", action="store_true", help="skip the real-terminal figures")
    parser.add_argument("--host", action="store_true", help="measure bench/host.py, not the app")
    parser.add_argument("--runs", type=int, default=3,
                        help="terminal runs per size; each figure is the median (default 3)")
    args = parser.parse_args()
    if args.child:
        name, *rest = args.child
        extra = [int(x) if x.isdigit() else x for x in rest]
        print(json.dumps(CHILDREN[name](*extra)))
        return 0

    from tui.resources import default_article

    seed = default_article()
    paths = {label: (seed if label == "seed" else corpus_path(label)) for label in args.sizes.split(",")}
    labels = list(paths)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_start = os.getloadavg()
    print(f"briefing-tui bench {started}: "
          f"{', '.join(f'{l}={paths[l].stat().st_size:,} B' for l in labels)}; "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{load_start[0]:.1f} (1 min) {load_start[1]:.1f} (5 min)", flush=True)

    rows: dict[str, dict[str, Any]] = {}
    notes: list[str] = []

    def put(measure: str, label: str, value: Any) -> None:
        rows.setdefault(measure, {})[label] = value

    for label in labels:
        print(f"  {label}: analysis, search, view ...", flush=True)
        repeat = {"seed": "20", "40K": "5", "400K": "3"}.get(label, "3")
        analysis = run_child("analyse", str(paths[label]), repeat, timeout=600)
        search = run_child("search", str(paths[label]), timeout=600)
        view = run_child("view", str(paths[label]), timeout=600)
        for data, name in ((analysis, "analysis"), (search, "search"), (view, "view")):
            if "error" in data:
                notes.append(f"{label} {name}: {data['error']}")
        put("paragraphs", label, analysis.get("paragraphs"))
        put("analysis (analyse)", label, analysis.get("analyse"))
        put("  of which split_paragraphs", label, analysis.get("split"))
        put("search index build", label, search.get("build"))
        put("search, typical query (median)", label, search.get("typical_median"))
        put("search, typical query (max)", label, search.get("typical_max"))
        put("search, common word 'the'/'said' (max)", label, search.get("common_max"))
        put("  first best-first partial", label, search.get("common_first_partial"))
        put("rapidfuzz partial_ratio scan (scale)", label, search.get("partial_ratio"))
        put("view: load()", label, view.get("load"))
        put("view: one frame (40 lines, median)", label, view.get("frame_top"))
        put("view: End + frame", label, view.get("end_key"))
        put("view: filter to 1/3 + frame", label, view.get("set_search_third"))
        put("view: background wrap complete", label, view.get("background_wrap"))

    if "seed" in paths:
        exported = export_time(paths["seed"])
        put("--export json, whole process", "seed", exported.get("export", exported.get("error")))

    terminal_rows = ["first paint", "analysis complete in the app", "j (one line) on screen",
                     "G (end) on screen",
                     "g (top) on screen", "search keystroke to results (median)",
                     "  of which over the j floor", "typing echo (median)",
                     "typing echo (max)", "peak memory (VmHWM)", "load average (1 min) during runs",
                     "terminal runs (medians of)", "  analysis process peak memory (VmHWM)",
                     "typing echo while analysing (median)", "typing echo while analysing (max)"]
    if args.no_tmux or not shutil.which("tmux"):
        notes.append("real-terminal figures skipped (--no-tmux or no tmux)")
    else:
        compile_package()
        minimal_paint = None
        if "seed" in paths:
            print(f"  seed: minimal three-pane Textual app, tmux {WIDTH}x{HEIGHT} ...", flush=True)
            minimal_paint = measure_minimal_app(paths["seed"], max(args.runs, 3)).get("first_paint")
            print(f"    first paint {fmt(minimal_paint)}", flush=True)
        for label in labels:
            print(f"  {label}: tmux {WIDTH}x{HEIGHT} ...", flush=True)
            data = measure_terminal_runs(label, paths[label], args.host, args.runs)
            if "error" in data and not args.host:
                notes.append(f"{label}: app not measurable ({data['error'][:90]}); bench/host.py instead")
                data = measure_terminal_runs(label, paths[label], True, args.runs)
            if data.get("program") == "bench/host.py":
                notes.append(f"{label}: terminal figures are for bench/host.py (ArticleView + SearchIndex only)")
            put(terminal_rows[0], label, data.get("first_paint"))
            if "seed" in paths and MINIMAL_ROW not in rows:  # the next row: compare on one machine
                put(MINIMAL_ROW, "seed", minimal_paint)
            put(terminal_rows[1], label, data.get("analysis_done"))
            put(terminal_rows[2], label, data.get("line_key"))
            put(terminal_rows[3], label, data.get("end_key"))
            put(terminal_rows[4], label, data.get("home_key"))
            put(terminal_rows[5], label, data.get("search_keystroke"))
            put(terminal_rows[6], label, data.get("search_over_floor"))
            put(terminal_rows[7], label, data.get("typing_echo_median"))
            put(terminal_rows[8], label, data.get("typing_echo_max"))
            put(terminal_rows[9], label, data.get("peak_memory_mb"))
            put(terminal_rows[12], label, data.get("child_peak_memory_mb"))
            if data.get("echo_while_analysing_valid"):
                put(terminal_rows[13], label, data.get("echo_while_analysing_median"))
                put(terminal_rows[14], label, data.get("echo_while_analysing_max"))
            put(terminal_rows[10], label, data.get("load_range"))
            put(terminal_rows[11], label, data.get("runs"))

    targets = {
        "analysis (analyse)": "seed <= 20 ms, 4M <= 4 s",
        "--export json, whole process": "<= 0.3 s",
        "first paint": "seed <= 0.5 s, 4M <= 1.0 s",
        MINIMAL_ROW: "(scale: same machine)",
        "analysis complete in the app": "4M <= 4 s",
        "j (one line) on screen": "(floor: key to screen)",
        "G (end) on screen": "<= 50 ms",
        "g (top) on screen": "<= 50 ms",
        "search keystroke to results (median)": "4M <= 50 ms, seed <= 16 ms",
        "  of which over the j floor": "(the search's own part)",
        "typing echo (max)": "<= 100 ms",
        "typing echo while analysing (max)": "<= 100 ms",
        "peak memory (VmHWM)": "4M <= 400 MB",
    }
    header = ["measure", *labels, "40K->4M", "target"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for measure, row in rows.items():
        unit = ("MB" if "memory" in measure else "n" if measure in ("paragraphs", "terminal runs (medians of)")
                else "s")
        cells = [fmt(row.get(label), unit) if label in row else "" for label in labels]
        scale = "" if measure.startswith(("terminal runs", "load average")) else growth(row)
        lines.append("| " + " | ".join([measure, *cells, scale, targets.get(measure, "")]) + " |")
    load_end = os.getloadavg()
    finished = time.strftime("%H:%M UTC", time.gmtime())
    header_line = (f"{started} - {finished}, {os.cpu_count()} CPUs; load average (1 min) "
                   f"{load_start[0]:.1f} at the start, {load_end[0]:.1f} at the end "
                   f"(5 min: {load_start[1]:.1f} -> {load_end[1]:.1f})")
    table = header_line + "\n\n" + "\n".join(lines)
    print()
    print(table)
    for note in notes:
        print(f"note: {note}")
    print(f"(terminal figures: tmux capture-pane polled every ~{POLL * 1000:.0f} ms, then every 2% of "
          f"the time waited, at most {MAX_POLL * 1000:.0f} ms; each poll ~2-4 ms, so figures under "
          f"~10 ms are at the resolution limit; 'over the j floor' = search keystroke - j)")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "results.md").write_text(table + "\n\n" + "\n".join(f"note: {n}" for n in notes) + "\n")
    (OUT_DIR / "results.json").write_text(json.dumps({"rows": rows, "notes": notes}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
