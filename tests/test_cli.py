"""The command line as a user meets it: exit status, one-line errors, no traceback, no Textual
for --export, atomic -o, a quiet end when the pipe closes."""

import csv
import io
import json
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from tui import cli
from tui.core.loader import SourceText
from tui.resources import default_article

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "A Headline\n\nFirst paragraph of the article.\n\nSecond paragraph.\n"
HANG_GUARD = 60  # seconds; only so that a regression fails instead of hanging the suite


def run(*args: str, stdin: bytes | None = b"", env: dict[str, str] | None = None, **kwargs):
    """`python -m tui ARGS` as a separate process, from the checkout, not the installed copy."""
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, cwd=ROOT,
                          timeout=HANG_GUARD, **kwargs)


def assert_refused(result, *lines: str) -> None:
    """Exit status 2, exactly these stderr lines, nothing on stdout, no traceback."""
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().splitlines() == list(lines)


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _seed_title() -> str:
    text = default_article().read_text(encoding="utf-8-sig")
    return next(line.strip() for line in text.splitlines() if line.strip())


# --- export -----------------------------------------------------------------------------------

def test_export_json_of_the_bundled_article():
    result = run("--export", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["articles"][0]["title"] == _seed_title()
    assert data["articles"][0]["paragraphs"][0]["kind"] == "title"


def test_export_never_imports_textual():
    probe = (
        "import sys; from tui.cli import main; code = main(['--export', 'json']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui') "
        "and m.startswith(('textual', 'tui.app'))), code, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=ROOT,
                            timeout=HANG_GUARD, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stderr.decode().strip() == "[] 0"


def test_export_of_several_files_and_standard_input(tmp_path):
    first = _write(tmp_path, "one.txt", b"One\n\nBody one.\n")
    result = run("--export", "json", first, "-", stdin=b"Two\n\nBody two.\n")
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)["articles"]
    assert [(a["source"], a["title"]) for a in articles] == [(first, "One"), ("-", "Two")]


def test_export_markdown_and_csv(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE.encode())
    markdown = run("--export", "markdown", path)
    assert markdown.returncode == 0
    assert markdown.stdout.decode().splitlines()[0] == "# A Headline"
    table = run("--export", "csv", path)
    assert table.returncode == 0
    rows = list(csv.reader(io.StringIO(table.stdout.decode(), newline="")))
    assert rows[0] == ["source", "paragraph", "speaker", "cue", "quote"]


def test_export_is_utf8_whatever_the_locale(tmp_path):
    path = _write(tmp_path, "a.txt", "Caf\u00e9 \u201cnews\u201d\n\nBody.\n".encode())
    result = run("--export", "json", path, env={"LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["articles"][0]["title"] == "Caf\u00e9 \u201cnews\u201d"


def test_warnings_go_to_stderr_and_into_the_export(tmp_path):
    path = _write(tmp_path, "latin1.txt", "Andr\u00e9s\n\nBody.\n".encode("latin-1"))
    result = run("--export", "json", path)
    assert result.returncode == 0
    warning = "1 invalid UTF-8 byte replaced with \ufffd"
    assert result.stderr.decode().splitlines() == [f"briefing-tui: warning: {path}: {warning}"]
    assert json.loads(result.stdout)["articles"][0]["warnings"] == [warning]


def test_broken_pipe_ends_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before we write a byte
    try:
        result = subprocess.run([sys.executable, "-m", "tui", "--export", "json"],
                                stdout=write_end, stderr=subprocess.PIPE, cwd=ROOT,
                                timeout=HANG_GUARD, env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr == b""


def test_closed_standard_output_is_one_line():
    result = subprocess.run([sys.executable, "-m", "tui", "--export", "json"],
                            stderr=subprocess.PIPE, cwd=ROOT, timeout=HANG_GUARD,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["briefing-tui: standard output is closed"]


# --- -o FILE ----------------------------------------------------------------------------------

def test_output_file_is_written(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE.encode())
    out = tmp_path / "out.json"
    result = run("--export", "json", "-o", str(out), path)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert json.loads(out.read_text())["articles"][0]["title"] == "A Headline"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "out.json"]


def test_output_refuses_to_overwrite_an_input(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE.encode())
    (tmp_path / "alias.txt").symlink_to(path)
    result = run("--export", "markdown", "--output", str(tmp_path / "alias.txt"), path)
    assert_refused(result, f"briefing-tui: {tmp_path / 'alias.txt'}: refusing to overwrite the "
                           f"input article {path}")
    assert Path(path).read_text() == ARTICLE
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "alias.txt"]


def test_output_onto_a_directory_leaves_nothing_behind(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE.encode())
    (tmp_path / "out").mkdir()
    result = run("--export", "csv", "-o", str(tmp_path / "out"), path)
    assert_refused(result, f"briefing-tui: {tmp_path / 'out'}: is a directory")
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "out"]
    assert os.listdir(tmp_path / "out") == []


def test_output_dash_means_standard_output(tmp_path):
    path = _write(tmp_path, "a.txt", ARTICLE.encode())
    result = run("--export", "json", "-o", "-", path)
    assert json.loads(result.stdout)["articles"][0]["source"] == path


# --- usage ------------------------------------------------------------------------------------

def test_unknown_format_is_a_usage_error():
    result = run("--export", "xml")
    assert result.returncode == 2
    assert b"invalid choice: 'xml'" in result.stderr and b"usage: briefing-tui" in result.stderr
    assert b"Traceback" not in result.stderr


def test_output_without_export_is_a_usage_error():
    result = run("-o", "out.json")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == \
        "briefing-tui: error: -o/--output needs --export"


def test_standard_input_only_once():
    result = run("--export", "json", "-", "-")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == \
        "briefing-tui: error: standard input ('-') can be given only once"


def test_version():
    from tui import __version__

    result = run("--version")
    assert (result.returncode, result.stdout.decode()) == (0, f"briefing-tui {__version__}\n")


# --- bad input, as a process: one line, exit 2, no traceback ----------------------------------

def test_missing_file(tmp_path):
    assert_refused(run("--export", "json", str(tmp_path / "no.txt")),
                   f"briefing-tui: {tmp_path / 'no.txt'}: no such file")


def test_directory(tmp_path):
    assert_refused(run("--export", "json", str(tmp_path)),
                   f"briefing-tui: {tmp_path}: is a directory")


def test_fifo_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    assert_refused(run("--export", "json", str(tmp_path / "fifo")),
                   f"briefing-tui: {tmp_path / 'fifo'}: not a regular file (a named pipe)")


def test_symlink_loop(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert_refused(run("--export", "json", str(tmp_path / "loop")),
                   f"briefing-tui: {tmp_path / 'loop'}: symbolic link loop")


def test_empty_and_blank_and_binary_files_each_get_their_line(tmp_path):
    empty = _write(tmp_path, "empty.txt", b"")
    blank = _write(tmp_path, "blank.txt", b" \n\t\n\xc2\xa0\n")
    binary = _write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_refused(run("--export", "json", empty, blank, binary),
                   f"briefing-tui: {empty}: empty file",
                   f"briefing-tui: {blank}: no text (only whitespace)",
                   f"briefing-tui: {binary}: not a text file (contains NUL bytes)")


def test_file_too_large(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        stream.truncate(50_000_000)
    assert_refused(run("--export", "json", str(path)),
                   f"briefing-tui: {path}: too large (50 MB; the limit is 10 MB)")


def test_standard_input_empty():
    assert_refused(run("--export", "json", "-", stdin=b""), "briefing-tui: standard input: empty")


def test_standard_input_closed():
    result = run("--export", "json", "-", stdin=None, preexec_fn=lambda: os.close(0))
    assert_refused(result, "briefing-tui: standard input: closed")


def test_utf16_file_exports_with_a_warning(tmp_path):
    path = _write(tmp_path, "u16.txt", ARTICLE.encode("utf-16"))
    result = run("--export", "json", path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["articles"][0]["title"] == "A Headline"
    assert result.stderr.decode() == \
        f"briefing-tui: warning: {path}: decoded as UTF-16 (byte order mark)\n"


def test_escape_sequences_in_a_file_name_do_not_reach_the_terminal(tmp_path):
    result = run("--export", "json", str(tmp_path / "x\x1b]0;owned\x07.txt"))
    assert result.returncode == 2
    assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr


def test_bad_input_fails_before_the_reader_is_imported(tmp_path):
    probe = ("import sys; from tui.cli import main; code = main([sys.argv[1]]);"
             "print(code, any(m.startswith('textual') for m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "gone.txt")],
                            capture_output=True, cwd=ROOT, timeout=HANG_GUARD,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stderr.decode().splitlines() == [
        f"briefing-tui: {tmp_path / 'gone.txt'}: no such file", "2 False"]


def test_reader_from_standard_input_needs_a_terminal_for_keys():
    result = run("-", stdin=ARTICLE.encode(), start_new_session=True)  # no controlling terminal
    assert_refused(result, "briefing-tui: standard input: no terminal to read keys from once the "
                           "article is read (use --export to print the analysis)")


# --- in-process: the reader's start-up and Ctrl-C ---------------------------------------------

class FakeApp:
    """Stands in for BriefingApp: records what it was given instead of taking the terminal."""

    started: list["FakeApp"] = []

    def __init__(self, documents, forked=None, after_first_paint=None):
        self.documents = list(documents)
        self.forked = forked
        self.after_first_paint = after_first_paint
        self.return_code = None
        self.collector_on: list[bool] = []

    def run(self):
        import gc

        FakeApp.started.append(self)
        self.collector_on.append(gc.isenabled())  # start-up
        self.after_first_paint()
        self.collector_on.append(gc.isenabled())  # after the first paint


@pytest.fixture
def fake_app(monkeypatch):
    module = types.ModuleType("tui.app.app")
    module.BriefingApp = FakeApp
    monkeypatch.setitem(sys.modules, "tui.app.app", module)
    # no child process from pytest's own (forking a threaded process is unsafe)
    monkeypatch.setattr(cli, "_start_analysis", lambda loaded: FakeChild(loaded))
    # and pytest's own collector left as it is
    monkeypatch.setattr("tui.core.gc_pause.spare_full_collections", lambda: None)
    FakeApp.started = []
    return FakeApp


class FakeChild:
    """Stands in for the forked analysis the reader is handed."""

    def __init__(self, loaded):
        self.sources = [source.source for source in loaded]
        self.stopped = False

    def stop(self):
        self.stopped = True


def test_reader_gets_every_document_in_order(tmp_path, fake_app):
    first = _write(tmp_path, "a.txt", ARTICLE.encode())
    second = _write(tmp_path, "b.txt", b"B\n\nbody\n")
    assert cli.main([first, second]) == 0
    [app] = fake_app.started
    assert [d.source for d in app.documents] == [first, second]
    assert app.documents[0] == SourceText(first, ARTICLE, ())
    # a child process analysed the same articles, and is ended when the reader ends
    assert app.forked.sources == [first, second] and app.forked.stopped
    # no cyclic collection from the start to the first paint (0.05 s of the Textual import)
    assert app.collector_on == [False, True]


def test_reader_opens_the_bundled_article_without_paths(fake_app):
    assert cli.main([]) == 0
    assert [d.source for d in fake_app.started[0].documents] == [str(default_article())]


def test_reader_from_stdin_puts_the_terminal_on_fd0_after_reading(monkeypatch, fake_app):
    events = []
    monkeypatch.setattr(cli, "_open_terminal", lambda: 99)
    monkeypatch.setattr(cli.os, "close", lambda fd: events.append(("close", fd)))
    monkeypatch.setattr(cli.os, "dup2", lambda fd, target: events.append(("dup2", fd, target)))
    monkeypatch.setattr(cli, "load", lambda source: events.append(("load", source)) or
                        SourceText(source, ARTICLE))
    assert cli.main(["-"]) == 0
    assert events == [("load", "-"), ("dup2", 99, 0), ("close", 99)]
    assert fake_app.started[0].documents == [SourceText("-", ARTICLE)]


def test_reader_does_not_start_when_any_file_is_bad(tmp_path, fake_app, capsys):
    good = _write(tmp_path, "a.txt", ARTICLE.encode())
    assert cli.main([good, str(tmp_path / "missing.txt")]) == 2
    assert fake_app.started == []
    assert capsys.readouterr().err == f"briefing-tui: {tmp_path / 'missing.txt'}: no such file\n"


def test_ctrl_c_while_loading_is_one_line_and_status_130(monkeypatch, capsys):
    def interrupted(source):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load", interrupted)
    assert cli.main(["--export", "json", "x.txt"]) == 130
    assert capsys.readouterr().err == "briefing-tui: interrupted\n"


def test_reader_from_a_pipe_still_takes_keys_from_the_terminal(tmp_path):
    """End to end in a pseudo-terminal: `cat FILE | briefing-tui -` shows the article and quits
    on the q key typed at the terminal, although standard input was the pipe."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    path = _write(tmp_path, "a.txt", b"Piped Headline Here\n\nBody text of the piped article.\n")
    command = f"cat '{path}' | '{sys.executable}' -m tui -"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    pid, master = pty.fork()
    if pid == 0:  # child: the pty is its controlling terminal, the pipe its standard input
        os.chdir(ROOT)
        os.execve("/bin/sh", ["/bin/sh", "-c", command], env)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    seen = b""
    exit_code = None
    deadline = time.monotonic() + HANG_GUARD
    while exit_code is None and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.25)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal; wait for it below
                time.sleep(0.05)
        if b"Piped Headline Here" in seen:
            try:
                os.write(master, b"q")
            except OSError:  # the terminal is already gone
                pass
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            exit_code = os.waitstatus_to_exitcode(status)
    if exit_code is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(master)
    assert b"Piped Headline Here" in seen
    assert b"Traceback" not in seen
    assert exit_code == 0


def test_paths_alone_open_the_reader_without_building_the_parser(tmp_path, fake_app, monkeypatch):
    def no_parser():
        raise AssertionError("argparse is for options and errors, not for a plain launch")

    monkeypatch.setattr(cli, "build_parser", no_parser)
    article = _write(tmp_path, "a.txt", ARTICLE.encode())
    assert cli.main([article]) == 0
    assert cli.main([]) == 0
    assert [[d.source for d in app.documents] for app in fake_app.started] == [[article], [str(default_article())]]


def test_options_and_a_second_stdin_still_go_through_the_parser(fake_app, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["-", "-"])
    assert exit_.value.code == 2
    assert "standard input ('-') can be given only once" in capsys.readouterr().err
    assert cli.main(["--", "--export"]) == 2  # after '--' everything is a path: not found
    assert "--export: no such file" in capsys.readouterr().err
    assert fake_app.started == []
