"""Exports of the analysis: JSON (schema version 1), Markdown briefing, CSV of quotes.

All three are safe to print to a terminal: JSON escapes every control and bidi character as
``\\uXXXX`` (the data stays exact), Markdown and CSV show them as visible symbols (safe_text).
Markdown escapes the article's text so it cannot add markup, links, images or HTML.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from tui.core.model import Article, Entity, Quote, Span
from tui.core.safe_text import visible

FORMATS = ("json", "markdown", "csv")
SCHEMA_VERSION = 1
CSV_HEADER = ("source", "paragraph", "speaker", "cue", "quote")


class OutputError(Exception):
    """The export could not be written; str(error) is the one-line message for stderr."""


def render(articles: Sequence[Article], fmt: str) -> str:
    """The whole export as one string."""
    renderers: dict[str, Callable[[Sequence[Article]], str]] = {
        "json": render_json, "markdown": render_markdown, "csv": render_csv,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return renderers[fmt](articles)


# --- JSON -------------------------------------------------------------------------------------

def to_json_data(articles: Sequence[Article]) -> dict[str, Any]:
    """The schema-1 document as plain dicts and lists (key order is part of the contract)."""
    return {"version": SCHEMA_VERSION, "articles": [_article_data(a) for a in articles]}


def _article_data(article: Article) -> dict[str, Any]:
    return {
        "source": article.source,
        "title": article.title,
        "paragraphs": [{"index": p.index, "kind": p.kind, "text": p.text}
                       for p in article.paragraphs],
        "entities": [_entity_data(e) for e in article.entities],
        "quotes": [_quote_data(q) for q in article.quotes],
        "warnings": list(article.warnings),
    }


def _entity_data(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id, "kind": entity.kind, "name": entity.name,
        "aliases": list(entity.aliases), "role": entity.role, "credit": entity.credit,
        "mentions": [_span_data(s) for s in entity.mentions],
    }


def _quote_data(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id, "text": quote.text, "speaker_id": quote.speaker_id,
        "speaker": quote.speaker, "cue": quote.cue, "spans": [_span_data(s) for s in quote.spans],
    }


def _span_data(span: Span) -> dict[str, int]:
    return {"paragraph": span.paragraph, "start": span.start, "end": span.end}


# json.dumps already escapes C0 controls; with ensure_ascii=False it would pass these through raw.
_JSON_RAW_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def render_json(articles: Sequence[Article]) -> str:
    text = json.dumps(to_json_data(articles), ensure_ascii=False, indent=2)
    return _JSON_RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


# --- Markdown ---------------------------------------------------------------------------------

# Every character that can open or close inline markup, a link, an image, HTML, an entity,
# math or a table cell. Block markup (#, -, >, 1.) cannot start a line: article text is always
# put after our own prefix, on one line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~$])")
_WHITESPACE_RUN = re.compile(r"\s+")


def markdown_inline(text: str) -> str:
    """Untrusted text as one line of literal Markdown: visible controls, no markup."""
    flat = _WHITESPACE_RUN.sub(" ", visible(text)).strip()
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def render_markdown(articles: Sequence[Article]) -> str:
    return "\n---\n\n".join(_markdown_article(a) for a in articles)


def _markdown_article(article: Article) -> str:
    lines = [f"# {markdown_inline(article.title) or '(untitled)'}", ""]
    lines += [f"Source: {markdown_inline(article.source)}", ""]
    if article.warnings:
        lines += ["Warnings:", ""]
        lines += [f"- {markdown_inline(w)}" for w in article.warnings]
        lines.append("")
    lines += ["## People", ""]
    quote_counts = Counter(q.speaker_id for q in article.quotes)
    people = _people_by_prominence(article.people, quote_counts)
    if people:
        lines += ["| Person | Role | Mentions | Quotes |", "| --- | --- | ---: | ---: |"]
        for person in people:
            lines.append(f"| {markdown_inline(person.name)} | {markdown_inline(person.role or '')} "
                         f"| {len(person.mentions)} | {quote_counts[person.id]} |")
    else:
        lines.append("No people found.")
    lines += ["", "## Quotes", ""]
    lines += _markdown_quotes(article) or ["No quotes found.", ""]
    return "\n".join(lines)


def _people_by_prominence(people: Sequence[Entity], quote_counts: Counter[str | None]) -> list[Entity]:
    """Most-quoted first, then most-mentioned, then in the engine's order (sorted is stable)."""
    return sorted(people, key=lambda e: (-quote_counts[e.id], -len(e.mentions)))


def _markdown_quotes(article: Article) -> list[str]:
    """Quotes grouped by speaker in order of each speaker's first quote; unattributed last."""
    groups: dict[str | None, list[Quote]] = {}
    for quote in article.quotes:
        groups.setdefault(quote.speaker_id, []).append(quote)
    unattributed = groups.pop(None, [])
    lines: list[str] = []
    for speaker_id, quotes in groups.items():
        entity = article.entity(speaker_id) if speaker_id else None
        name = entity.name if entity else (quotes[0].speaker or speaker_id or "")
        heading = markdown_inline(name)
        if entity and entity.role:
            heading += f", {markdown_inline(entity.role)}"
        lines += [f"### {heading}", ""]
        lines += [_markdown_quote_line(q) for q in quotes]
        lines.append("")
    if unattributed:
        lines += ["### Unattributed", ""]
        lines += [_markdown_quote_line(q) for q in unattributed]
        lines.append("")
    return lines


def _markdown_quote_line(quote: Quote) -> str:
    where = _paragraph_label(quote.spans)
    cue_text = markdown_inline(quote.cue or "")
    cue = f", {cue_text}" if cue_text.strip() else ""  # a blank cue would leave a stray comma
    return f"- {where}{cue}: \u201c{markdown_inline(quote.text)}\u201d"


def _paragraph_label(spans: Sequence[Span]) -> str:
    paragraphs = sorted({s.paragraph for s in spans})
    if not paragraphs:
        return "\u00b6 ?"
    if len(paragraphs) == 1:
        return f"\u00b6 {paragraphs[0]}"
    return f"\u00b6 {paragraphs[0]}\u2013{paragraphs[-1]}"


# --- CSV --------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@")


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: visible controls, and a leading ' before = + - @
    so the cell cannot run as a formula (CSV injection). The lone '-' (standard input) stays."""
    safe = visible(text)
    if safe.startswith(_FORMULA_START) and safe != "-":
        return "'" + safe
    return safe


def render_csv(articles: Sequence[Article]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for article in articles:
        for quote in article.quotes:
            paragraph = min((s.paragraph for s in quote.spans), default="")
            writer.writerow([csv_cell(article.source), paragraph, csv_cell(quote.speaker or ""),
                             csv_cell(quote.cue or ""), csv_cell(quote.text)])
    return buffer.getvalue()


# --- Writing a file ---------------------------------------------------------------------------

def write_atomic(path: str, content: str, protected: Sequence[str] = ()) -> None:
    """Write through a temporary file and a rename; refuse to overwrite any ``protected`` path.

    Readers of ``path`` see the old file or the whole new one, never a part; after any error
    the temporary file is gone and ``path`` is untouched. Raises ``OutputError``.
    """
    import tempfile  # only when writing a file: keeps `--export` to stdout quick to start

    name = visible(path, newlines=False)
    for other in protected:
        if other != "-" and _same_file(path, other):
            raise OutputError(f"{name}: refusing to overwrite the input article "
                              f"{visible(other, newlines=False)}")
    if os.path.isdir(path):
        raise OutputError(f"{name}: is a directory")
    target = os.path.abspath(path)
    directory = os.path.dirname(target)
    data = content.encode("utf-8")
    mode = _mode_for(target)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                                    dir=directory)
    except OSError as error:
        raise OutputError(f"{name}: {_reason(error, directory=True)}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), mode)
        os.replace(temp, target)
    except BaseException as error:
        _remove_quietly(temp)
        if isinstance(error, OSError):
            raise OutputError(f"{name}: {_reason(error)}") from None
        raise


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def _mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _reason(error: OSError, directory: bool = False) -> str:
    if error.errno == errno.ENOENT and directory:
        return "no such directory"
    if error.errno == errno.ENOSPC:
        return "no space left on device (nothing written)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "is a directory"
    if error.errno == errno.ENOTDIR:
        return "no such directory (a part of the path is not a directory)"
    return (error.strerror or type(error).__name__).lower()
