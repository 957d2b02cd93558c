"""Article structure: split plain text into paragraphs and give each its kind.

Paragraphs are blocks separated by blank lines; a text with no blank line at all is read one
paragraph per line. Each block keeps its text exactly as written (only surrounding whitespace
stripped), because every offset the engine reports points into it.
"""

from __future__ import annotations

import re

from tui.core.model import Paragraph, ParagraphKind

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_NEWLINE = re.compile(r"\n")

# Short blocks that are page furniture, not article text.
_BOILERPLATE = re.compile(
    r"(?:back to top(?: button)?|advertisement|supported by|share(?: full| this)? article|share|"
    r"share this|read more|related(?: articles| stories| coverage)?|skip to (?:main )?content|"
    r"continue reading(?: the main story)?|sign up.*|subscribe.*|follow us.*|listen to this article.*|"
    r"all rights reserved.*|copyright.*|©.*|click here.*|most popular|more from .*|recommended|"
    r"see more|show more|comments?|print|email|facebook|twitter|whatsapp|linkedin|"
    r"updated .*|published .*|last updated .*|\d+ min(?:ute)? read|reuters|the associated press|"
    r"ap|afp|getty images|image|photo|video|watch|loading.*|please enable javascript.*|"
    r"this article (?:is|was) .*|more on this story|the .* newsletter.*|"
    r"our standards:.*|we want to hear from you.*|get the latest .*|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,? .{0,30}\d{4}.*)",
    re.IGNORECASE,
)
_BOILERPLATE_MAX = 90

# "Credit…Name/Agency", "Photograph: Name/Agency", "(Photo by Name/Getty Images)".
CREDIT_MARK = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[.!?)\]”\"’'])|(?<=\s)|^)\(?"
    r"(?:credit|photo(?:graph)?s?|image|picture|illustration|video|photo illustration)"
    r"(?:\s*(?:by|credit))?\s*(?:…|\.\.\.|:|\||-|–|—)\s*",
    re.IGNORECASE,
)
_PHOTO_BY = re.compile(r"\(\s*(?:photo|photograph|image|picture)s?\s+by\s+", re.IGNORECASE)
# A credit at the end of a caption: "... on Tuesday. John Smith/Reuters" or "(AP Photo/John Smith)".
_TRAILING_AGENCY_CREDIT = re.compile(
    r"(?:\(\s*)?(?:AP|AFP|EPA|Reuters|Getty Images|Shutterstock|Bloomberg|Xinhua|PA|NYT)"
    r"(?:\s+(?:Photo|Images|Wire))?\s*/\s*[^/\n]{2,60}?\)?\s*$|"
    r"[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_.]*\.?){1,3}\s*/\s*"
    r"(?:AP|AFP|EPA|EPA-EFE|Reuters|Getty Images|Shutterstock|Bloomberg|Xinhua|PA|The [A-Z][\w ]{2,30}|"
    r"[A-Z][\w.-]+(?: [A-Z][\w.-]+){0,3})(?:,? via [^\n]{2,40})?\s*\)?\s*$"
)
_CONTRIBUTORS = re.compile(
    r"contributed (?:reporting|research|to this report|to this article|additional reporting)|"
    r"^(?:\(?\s*)?(?:additional )?reporting by\b|(?-i:\b(?:Editing|Writing|Compiled|Research|Additional reporting) by\b)|"
    r"^(?:\(?\s*)?reported by\b|contributed to this (?:report|story)|\bcontributed\.?\)?$|^with files from\b",
    re.IGNORECASE,
)
# A block is tried against _CONTRIBUTORS only if it contains one of these (case-sensitive): a
# cheap filter, as a few ``in`` tests cost less than one search of an alternation of them.
_CONTRIBUTORS_BY = ("eporting by", "eported by", "diting by", "riting by", "ompiled by", "esearch by")


def _contributors_hint(block: str) -> bool:
    """Whether the block contains "ontribut", "iles from" or one of ``_CONTRIBUTORS_BY``."""
    return "ontribut" in block or "iles from" in block or (
        " by" in block and any(map(block.__contains__, _CONTRIBUTORS_BY)))


_BYLINE = re.compile(
    r"^(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Ff]rom)\s+[A-Z][^\W\d_]*\.?(?:[\s,-]+(?:and\s+)?[A-Z][^\W\d_]*\.?){0,14}"
    r"(?:\s*(?:,|\||-|–|—|•|·)\s*[^\n]{0,150})?$",
)
# "Jane Doe · CBC News · Posted: Jul 18, 2025" / "Jane Doe | Reporter | Updated 5 May"
_DATELINE_BYLINE = re.compile(
    r"^[A-Z][^\W\d_'’-]*(?:[ -][A-Z][^\W\d_]*){1,3}\s*[·|•]\s*[^\n]{0,120}"
    r"(?:[Pp]osted|[Uu]pdated|[Pp]ublished|\d{4})[^\n]{0,60}$"
)
_CREDIT_ONLY = re.compile(
    r"^\(?(?:credit|photo(?:graph)?|image|picture|illustration)s?(?:\s*(?:by|credit))?\s*(?:…|\.\.\.|:|\||-|–|—)?\s*"
    r"[^\n]{0,90}$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][”\"’']?(?:\s|$)")
_TITLE_MAX = 300


def _normalise_newlines(text: str) -> str:
    text = text[1:] if text.startswith("\ufeff") else text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _blocks(text: str) -> list[str]:
    """The non-empty blocks of the text, stripped, in order."""
    text = _normalise_newlines(text)
    parts = _BLANK_LINE.split(text)
    if len(parts) == 1:
        parts = _NEWLINE.split(text)
    blocks = []
    for part in parts:
        block = part.strip()
        if block:
            blocks.append(block)
    return blocks


def is_boilerplate(block: str) -> bool:
    """Short page furniture: "Advertisement", "Back to top button", "Share full article"."""
    if len(block) > _BOILERPLATE_MAX:
        return False
    return _BOILERPLATE.fullmatch(block.strip(" .:|-–—•*#>")) is not None


_CREDIT_STEMS = ("redit", "hoto", "mage", "icture", "llustration", "ideo")


def _has_credit_stem(text: str) -> bool:
    """Whether one of ``_CREDIT_STEMS`` is in the text (written out: the fastest form)."""
    return ("redit" in text or "hoto" in text or "mage" in text or "icture" in text
            or "llustration" in text or "ideo" in text)


def credit_start(text: str) -> int | None:
    """Offset where a caption's photo credit begins ("Credit…", "Photo: ", trailing "Name/Agency")."""
    if text.find("/", -120) < 0 and not _has_credit_stem(text):
        return None  # (find from -120 reads like text[-120:], without copying it)
    for match in CREDIT_MARK.finditer(text):
        rest = text[match.end():]
        if text[match.start()] in "(" or text[match.start()].isupper():
            if 0 < len(rest) <= 120 and not _SENTENCE_END.search(rest.rstrip(".) ")):
                return match.start()
    match = _PHOTO_BY.search(text)
    if match:
        return match.start()
    if len(text) < 600:
        match = _TRAILING_AGENCY_CREDIT.search(text[-120:])
        if match:
            return len(text) - len(text[-120:]) + match.start()
    return None


def _byline(block: str) -> bool:
    """_BYLINE or _DATELINE_BYLINE matches; each is tried only when the block has the character
    it needs (its first letter; a separator), which is most often not the case."""
    return bool(block[:1] in "BbWwFf" and _BYLINE.match(block)
                or ("·" in block or "|" in block or "•" in block) and _DATELINE_BYLINE.match(block))


def _kind(index: int, block: str, title_found: bool) -> ParagraphKind:
    if is_boilerplate(block):
        return "boilerplate"
    if len(block) < 400 and _contributors_hint(block) and _CONTRIBUTORS.search(block):
        return "contributors"
    if len(block) < 200 and _byline(block):
        return "byline"
    start = credit_start(block) if len(block) < 1500 else None
    if start is not None:
        if start == 0 and _CREDIT_ONLY.match(block):
            return "credit"
        if start == 0:
            return "credit"
        return "caption"
    if not title_found and index < 3 and _looks_like_title(block):
        return "title"
    return "body"


def _looks_like_title(block: str) -> bool:
    """A headline: one short line, at most one sentence ending inside it."""
    if len(block) > _TITLE_MAX or "\n" in block:
        return False
    return len(_SENTENCE_END.findall(block[:-1])) <= 1


def split_paragraphs(text: str) -> list[Paragraph]:
    """The article's paragraphs, numbered from 0 over every non-empty block, each with its kind."""
    paragraphs: list[Paragraph] = []
    title_found = False
    for index, block in enumerate(_blocks(text)):
        kind = _kind(index, block, title_found)
        if kind == "title":
            title_found = True
        elif not title_found and kind == "body":
            title_found = True  # the article starts with body text: no headline to find later
        paragraphs.append(Paragraph(index, kind, block))
    return paragraphs
