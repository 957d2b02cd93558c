"""Command line: open the reader, or print the analysis with --export (no Textual import then).

Exit status: 0 success, 2 bad input or usage (one line on stderr, no traceback), 130 after
Ctrl-C, 141 when the reader of our standard output went away (``| head``).

Only what opening the reader needs is imported before its first paint: argparse (for options
and --help) and the export formats (json, csv) load when they are used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui import __version__
from tui.core.loader import STDIN, InputError, SourceText, display_name, load

if TYPE_CHECKING:
    import argparse

    from tui.core.forked_analysis import ForkedAnalysis

PROG = "briefing-tui"
EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from tui.core.export import FORMATS

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A terminal reader for news articles: who is quoted, what each person said, "
                    "and where.",
        epilog="With no PATH the bundled sample article opens. Exit status 2 means bad input.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article text file (UTF-8); '-' reads standard input")
    parser.add_argument("--export", choices=FORMATS, metavar="{" + ",".join(FORMATS) + "}",
                        help="print the analysis in this format instead of opening the reader")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="with --export: write to FILE (atomically) instead of standard output")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED


def _only_paths(argv: list[str]) -> bool:
    """Nothing but paths (and '-'): what argparse would make of them is the list itself."""
    return all(arg == STDIN or not arg.startswith("-") for arg in argv)


def _run(argv: list[str]) -> int:
    if _only_paths(argv) and argv.count(STDIN) <= 1:  # the usual launch: no argparse to import
        return _open_reader(argv or [_default_article()])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.output is not None and args.export is None:
        parser.error("-o/--output needs --export")
    sources: list[str] = args.paths or [_default_article()]
    if sources.count(STDIN) > 1:
        parser.error("standard input ('-') can be given only once")
    if args.export is not None:
        return _export(sources, args.export, args.output)
    return _open_reader(sources)


def _default_article() -> str:
    from tui.resources import default_article

    return str(default_article())


def _load_all(sources: Sequence[str]) -> list[SourceText] | None:
    """Every source loaded, or None after one stderr line per source that failed."""
    loaded: list[SourceText] = []
    failed = False
    for source in sources:
        if source == STDIN and _stdin_is_terminal():
            _say("reading the article from standard input; end it with Ctrl-D")
        try:
            loaded.append(load(source))
        except InputError as error:
            _say(str(error))
            failed = True
    return None if failed else loaded


def _export(sources: Sequence[str], fmt: str, output: str | None) -> int:
    from dataclasses import replace

    from tui.core.analyse import analyse
    from tui.core.export import OutputError, render, write_atomic

    loaded = _load_all(sources)
    if loaded is None:
        return EXIT_BAD_INPUT
    articles = []
    for source in loaded:
        for warning in source.warnings:
            _say(f"warning: {display_name(source.source)}: {warning}")
        article = analyse(source.text, source.source)
        articles.append(replace(article, warnings=source.warnings + article.warnings))
    content = render(articles, fmt)
    if output is None or output == STDIN:
        return _write_stdout(content)
    try:
        write_atomic(output, content, protected=sources)
    except OutputError as error:
        _say(str(error))
        return EXIT_BAD_INPUT
    return EXIT_OK


def _write_stdout(content: str) -> int:
    """UTF-8 whatever the locale says; a closed pipe ends quietly like `cat` does."""
    stream = sys.stdout
    if stream is None:
        _say("standard output is closed")
        return EXIT_BAD_INPUT
    try:
        stream.buffer.write(content.encode("utf-8"))
        stream.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return EXIT_OK


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's final flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _open_reader(sources: Sequence[str]) -> int:
    """Load everything first (errors end here, before the screen opens), then start the app."""
    from tui.core.gc_pause import hold_collector

    # no cyclic collection from here to the first paint (the reader releases it there)
    release_collector = hold_collector()
    try:
        return _start_reader(sources, release_collector)
    finally:
        release_collector()


def _start_reader(sources: Sequence[str], release_collector: Callable[[], None]) -> int:
    terminal = _open_terminal() if STDIN in sources else None
    if STDIN in sources and terminal is None:
        _say("standard input: no terminal to read keys from once the article is read "
             "(use --export to print the analysis)")
        return EXIT_BAD_INPUT
    try:
        loaded = _load_all(sources)
        if loaded is None:
            return EXIT_BAD_INPUT
        if terminal is not None:
            # Textual's driver reads keys from fd 0 (sys.__stdin__); after the article came
            # through it, fd 0 must become the terminal.
            os.dup2(terminal, 0)
    finally:
        if terminal is not None:
            os.close(terminal)
    # before Textual starts any thread: a child process analyses while the reader starts
    forked = _start_analysis(loaded)
    from tui.app.app import BriefingApp  # only now: --export never pays for Textual

    from tui.core.gc_pause import spare_full_collections

    spare_full_collections()  # no 100 ms pause of the collector under a typed key
    try:
        app = BriefingApp(loaded, forked=forked, after_first_paint=release_collector)
        app.run()
    finally:
        if forked is not None:
            forked.stop()
    return app.return_code or EXIT_OK


def _start_analysis(loaded: Sequence[SourceText]) -> ForkedAnalysis | None:
    from tui.core.forked_analysis import ForkedAnalysis

    return ForkedAnalysis.start([(source.text, source.source) for source in loaded])


def _open_terminal() -> int | None:
    try:
        return os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def _say(message: str) -> None:
    """One line on stderr, prefixed with the program name; never raises."""
    try:
        print(f"{PROG}: {message}", file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
