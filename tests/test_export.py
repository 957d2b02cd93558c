"""Exports: the JSON contract, a Markdown briefing that cannot inject markup, CSV, atomic writes."""

import csv
import errno
import io
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.core import export
from tui.core.export import FORMATS, OutputError, render, write_atomic
from tui.core.model import Article, Entity, Paragraph, Quote, Span
from tui.core.safe_text import visible

TITLE = "Minister Visits Port"
P1 = "Jane Q. Doe, the transport minister, arrived on Monday."
P2 = "\u201cWe will rebuild the harbour,\u201d Ms. Doe said."
P3 = "\u201cIt is a start,\u201d said a fisherman. \u201cA small one.\u201d"


def _article(source: str = "port.txt", quote_texts: tuple[str, ...] | None = None,
             name: str = "Jane Q. Doe", role: str | None = "transport minister",
             cue: str | None = "said", warnings: tuple[str, ...] = ()) -> Article:
    """A hand-made article: one person quoted once, one unattributed quote."""
    first, second = quote_texts or ("We will rebuild the harbour,", "It is a start,")
    doe = Entity("e1", "person", name, ("Ms. Doe",), role,
                 (Span(1, 0, 11), Span(2, 33, 36)), False)
    photographer = Entity("e2", "person", "Sam Lens", (), None, (Span(4, 7, 15),), True)
    return Article(
        source=source, title=TITLE,
        paragraphs=(Paragraph(0, "title", TITLE), Paragraph(1, "body", P1),
                    Paragraph(2, "body", P2), Paragraph(3, "body", P3),
                    Paragraph(4, "credit", "Photo: Sam Lens")),
        entities=(doe, photographer),
        quotes=(Quote("q1", first, "e1", name, cue, (Span(2, 1, 29),)),
                Quote("q2", second, None, None, "said", (Span(3, 1, 15),))),
        warnings=warnings,
    )


# --- JSON -------------------------------------------------------------------------------------

def test_json_is_exactly_schema_version_1():
    data = json.loads(render([_article(warnings=("decoded as UTF-16 (byte order mark)",))], "json"))
    assert data == {"version": 1, "articles": [{
        "source": "port.txt", "title": TITLE,
        "paragraphs": [
            {"index": 0, "kind": "title", "text": TITLE},
            {"index": 1, "kind": "body", "text": P1},
            {"index": 2, "kind": "body", "text": P2},
            {"index": 3, "kind": "body", "text": P3},
            {"index": 4, "kind": "credit", "text": "Photo: Sam Lens"},
        ],
        "entities": [
            {"id": "e1", "kind": "person", "name": "Jane Q. Doe", "aliases": ["Ms. Doe"],
             "role": "transport minister", "credit": False,
             "mentions": [{"paragraph": 1, "start": 0, "end": 11},
                          {"paragraph": 2, "start": 33, "end": 36}]},
            {"id": "e2", "kind": "person", "name": "Sam Lens", "aliases": [], "role": None,
             "credit": True, "mentions": [{"paragraph": 4, "start": 7, "end": 15}]},
        ],
        "quotes": [
            {"id": "q1", "text": "We will rebuild the harbour,", "speaker_id": "e1",
             "speaker": "Jane Q. Doe", "cue": "said",
             "spans": [{"paragraph": 2, "start": 1, "end": 29}]},
            {"id": "q2", "text": "It is a start,", "speaker_id": None, "speaker": None,
             "cue": "said", "spans": [{"paragraph": 3, "start": 1, "end": 15}]},
        ],
        "warnings": ["decoded as UTF-16 (byte order mark)"],
    }]}


def test_json_key_order_follows_the_schema():
    data = json.loads(render([_article()], "json"))
    assert list(data) == ["version", "articles"]
    article = data["articles"][0]
    assert list(article) == ["source", "title", "paragraphs", "entities", "quotes", "warnings"]
    assert list(article["entities"][0]) == ["id", "kind", "name", "aliases", "role", "credit",
                                            "mentions"]
    assert list(article["quotes"][0]) == ["id", "text", "speaker_id", "speaker", "cue", "spans"]


def test_json_keeps_non_ascii_readable_and_is_indented():
    out = render([_article()], "json")
    assert "\u201cWe will rebuild" in out
    assert out.startswith('{\n  "version": 1,')


def test_json_escapes_terminal_controls_but_keeps_the_data_exact():
    hostile = "a\x1b]0;x\x07b\x9bc\u202ed\u2028e\x7f"
    article = _article(quote_texts=(hostile, "plain"))
    out = render([article], "json")
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e\u2028\x7f")
    assert json.loads(out)["articles"][0]["quotes"][0]["text"] == hostile


def test_json_several_articles_in_order():
    data = json.loads(render([_article("a.txt"), _article("-")], "json"))
    assert [a["source"] for a in data["articles"]] == ["a.txt", "-"]


@given(st.text())
def test_json_round_trips_any_text_and_encodes_as_utf8(text):
    out = render([_article(quote_texts=(text, text), name=text or "x")], "json")
    out.encode("utf-8")
    assert json.loads(out)["articles"][0]["quotes"][0]["text"] == text


# --- Markdown ---------------------------------------------------------------------------------

MARKUP_TOKENS = {"link_open", "image", "html_inline", "html_block", "em_open", "strong_open",
                 "code_inline", "code_block", "fence", "s_open", "blockquote_open"}


def _tokens(markdown: str, preset: str = "commonmark"):
    parser = MarkdownIt(preset).enable(["table", "strikethrough"])
    for token in parser.parse(markdown):
        yield token
        yield from token.children or ()


def _rendered_inlines(markdown: str) -> list[str]:
    """The text a reader sees in each heading, cell, paragraph or list item."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return ["".join(c.content for c in t.children or () if c.type in ("text", "text_special"))
            for t in parser.parse(markdown) if t.type == "inline"]


def _flat(text: str) -> str:
    return " ".join(visible(text).split())


def test_markdown_briefing_lists_people_and_groups_quotes_by_speaker():
    out = render([_article()], "markdown")
    lines = out.splitlines()
    assert lines[0] == "# Minister Visits Port"
    assert "Source: port.txt" in lines
    assert "| Jane Q. Doe | transport minister | 2 | 1 |" in lines
    assert not any("Sam Lens" in line for line in lines)  # a photo credit is not a person quoted
    doe = lines.index("### Jane Q. Doe, transport minister")
    unattributed = lines.index("### Unattributed")
    assert doe < unattributed
    assert lines[doe + 2] == "- \u00b6 2, said: \u201cWe will rebuild the harbour,\u201d"
    assert lines[unattributed + 2] == "- \u00b6 3, said: \u201cIt is a start,\u201d"


def test_markdown_people_sorted_by_quotes_then_mentions():
    base = _article()
    quiet = Entity("e3", "person", "Quiet Person", (), None, (Span(1, 0, 3),) * 5, False)
    loud = Entity("e4", "person", "Loud Person", (), None, (Span(1, 0, 3),), False)
    quotes = base.quotes + tuple(Quote(f"x{i}", "w", "e4", "Loud Person", "said", (Span(3, 0, 1),))
                                 for i in range(2))
    article = Article(base.source, base.title, base.paragraphs,
                      base.entities + (quiet, loud), quotes)
    rows = [line for line in render([article], "markdown").splitlines()
            if line.startswith("| ") and line[2:3].isalpha()][1:]
    assert [row.split(" | ")[0][2:] for row in rows] == ["Loud Person", "Jane Q. Doe", "Quiet Person"]


def test_markdown_multi_paragraph_quote_shows_the_range():
    base = _article()
    quote = Quote("q9", "first part\n\nsecond part", "e1", "Jane Q. Doe", None,
                  (Span(2, 0, 10), Span(3, 0, 11)))
    article = Article(base.source, base.title, base.paragraphs, base.entities, (quote,))
    assert "- \u00b6 2\u20133: \u201cfirst part second part\u201d" in render([article], "markdown")


def test_markdown_without_people_or_quotes_says_so():
    article = Article("x.txt", "", (Paragraph(0, "body", "text"),))
    out = render([article], "markdown")
    assert out.splitlines()[0] == "# (untitled)"
    assert "No people found." in out and "No quotes found." in out


HOSTILE = [
    "[click me](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<http://evil.example>",
    "**bold** _em_ `code` ~~gone~~ $x^2$",
    "| cell | injected |",
    "line\n# heading\n\n    code block\n> quote\n- item\n1. item\n===",
    "&lt;b&gt; &#60;script&#62;",
    "trailing backslash \\",
    "\x1b]8;;http://evil.example\x1b\\text\x1b]8;;\x1b\\",
    "[ref]: http://evil.example",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_hostile_text_stays_literal_text(hostile):
    article = _article(source=hostile, quote_texts=(hostile, hostile), name=hostile,
                       role=hostile, cue=hostile)
    out = render([article], "markdown")
    kinds = {t.type for t in _tokens(out)}
    assert not kinds & MARKUP_TOKENS
    texts = "".join(t.content for t in _tokens(out) if t.type == "text")
    assert f"\u201c{_flat(hostile)}\u201d" in texts
    assert "\x1b" not in out


@given(quote=st.text(), name=st.text(min_size=1), cue=st.text())
def test_markdown_any_text_renders_as_exactly_itself(quote, name, cue):
    article = _article(quote_texts=(quote, quote), name=name, cue=cue)
    out = render([article], "markdown")
    assert not {t.type for t in _tokens(out)} & MARKUP_TOKENS
    inline = _rendered_inlines(out)
    cue_part = f", {_flat(cue)}" if _flat(cue) else ""
    assert f"\u00b6 2{cue_part}: \u201c{_flat(quote)}\u201d" in inline
    assert _flat(name) in inline or f"{_flat(name)}, transport minister" in inline


def test_markdown_bare_urls_may_autolink_but_only_to_themselves():
    out = render([_article(quote_texts=("see www.example.com now", "x"))], "markdown")
    links = [t for t in _tokens(out, "gfm-like") if t.type == "link_open"]
    assert links and all("example.com" in t.attrs["href"] for t in links)


# --- CSV --------------------------------------------------------------------------------------

def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_one_row_per_quote_with_header():
    rows = _rows(render([_article("a.txt"), _article("-")], "csv"))
    assert rows[0] == ["source", "paragraph", "speaker", "cue", "quote"]
    assert rows[1:] == [
        ["a.txt", "2", "Jane Q. Doe", "said", "We will rebuild the harbour,"],
        ["a.txt", "3", "", "said", "It is a start,"],
        ["-", "2", "Jane Q. Doe", "said", "We will rebuild the harbour,"],
        ["-", "3", "", "said", "It is a start,"],
    ]


def test_csv_keeps_multi_paragraph_quotes_in_one_cell():
    rows = _rows(render([_article(quote_texts=("one, \"two\"\n\nthree", "x"))], "csv"))
    assert rows[1][4] == "one, \"two\"\n\nthree"


def test_csv_cells_cannot_become_formulas_or_terminal_controls():
    rows = _rows(render([_article(quote_texts=("=HYPERLINK(\"http://x\")", "@SUM(A1)"),
                                  name="+cmd", cue="-2+3")], "csv"))
    assert rows[1][2:] == ["'+cmd", "'-2+3", "'=HYPERLINK(\"http://x\")"]
    assert rows[2][4] == "'@SUM(A1)"
    rows = _rows(render([_article(quote_texts=("\x1b[2Jgone", "x"))], "csv"))
    assert rows[1][4] == "\u241b[2Jgone"


def test_unknown_format_is_an_error():
    assert FORMATS == ("json", "markdown", "csv")
    with pytest.raises(ValueError):
        render([_article()], "xml")


# --- write_atomic -----------------------------------------------------------------------------

def _leftovers(directory) -> list[str]:
    return [name for name in os.listdir(directory) if name.endswith(".tmp")]


def test_write_creates_the_file_with_usual_permissions(tmp_path):
    target = tmp_path / "out.json"
    old_umask = os.umask(0o022)
    try:
        write_atomic(str(target), "caf\u00e9\n")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == "caf\u00e9\n".encode()
    assert target.stat().st_mode & 0o777 == 0o644
    assert _leftovers(tmp_path) == []


def test_write_replaces_an_existing_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(str(target), "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_write_goes_through_a_temporary_file_in_the_same_directory(tmp_path, monkeypatch):
    renames = []
    real_replace = os.replace

    def spy(src, dst):
        renames.append((os.path.dirname(src), dst))
        real_replace(src, dst)

    monkeypatch.setattr(export.os, "replace", spy)
    write_atomic(str(tmp_path / "out.csv"), "x")
    assert renames == [(str(tmp_path), str(tmp_path / "out.csv"))]


def _protected_cases(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("text")
    (tmp_path / "link.txt").symlink_to(article)
    os.link(article, tmp_path / "hard.txt")
    (tmp_path / "sub").mkdir()
    return str(article), [str(article), str(tmp_path / "link.txt"), str(tmp_path / "hard.txt"),
                          str(tmp_path / "sub" / ".." / "article.txt")]


def test_write_refuses_to_overwrite_an_input_article_however_it_is_named(tmp_path):
    article, aliases = _protected_cases(tmp_path)
    for alias in aliases:
        with pytest.raises(OutputError) as caught:
            write_atomic(alias, "export", protected=["-", article])
        assert str(caught.value) == f"{alias}: refusing to overwrite the input article {article}"
        assert open(article).read() == "text"
    assert _leftovers(tmp_path) == []


def test_write_refuses_a_directory(tmp_path):
    with pytest.raises(OutputError) as caught:
        write_atomic(str(tmp_path), "x")
    assert str(caught.value) == f"{tmp_path}: is a directory"


def test_write_into_a_missing_directory(tmp_path):
    target = tmp_path / "missing" / "out.json"
    with pytest.raises(OutputError) as caught:
        write_atomic(str(target), "x")
    assert str(caught.value) == f"{target}: no such directory"


def test_disk_full_leaves_no_partial_file_and_the_old_one_intact(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("previous export")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", full)
    with pytest.raises(OutputError) as caught:
        write_atomic(str(target), "new export")
    assert str(caught.value) == f"{target}: no space left on device (nothing written)"
    assert target.read_text() == "previous export"
    assert _leftovers(tmp_path) == []


def test_interrupt_while_writing_removes_the_temporary_file(tmp_path, monkeypatch):
    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(export.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(tmp_path / "out.json"), "x")
    assert os.listdir(tmp_path) == []
