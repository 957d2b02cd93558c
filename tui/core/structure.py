"""Article structure: split plain text into paragraphs and give each its kind.

STUB: to be replaced by the engine work (issue 2).
"""

from __future__ import annotations

import re

from tui.core.model import Paragraph

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def split_paragraphs(text: str) -> list[Paragraph]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b.strip() for b in _BLANK_LINE.split(text)]
    blocks = [b for b in blocks if b]
    return [Paragraph(i, "title" if i == 0 else "body", b) for i, b in enumerate(blocks)]
