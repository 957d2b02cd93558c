"""Paragraph splitting and kinds: offsets point into the text exactly as written."""

from __future__ import annotations

from tui.core.analyse import analyse
from tui.core.structure import credit_start, split_paragraphs


def kinds(text: str) -> list[str]:
    return [p.kind for p in split_paragraphs(text)]


def test_blank_lines_separate_paragraphs_and_the_first_is_the_title():
    paragraphs = split_paragraphs("Harbour Pier Closes\n\nThe pier closed on Monday.\n\nIt had stood for a century.\n")
    assert [p.index for p in paragraphs] == [0, 1, 2]
    assert [p.kind for p in paragraphs] == ["title", "body", "body"]
    assert paragraphs[1].text == "The pier closed on Monday."


def test_bom_crlf_and_non_breaking_spaces_are_accepted():
    text = "\ufeffTown Votes\r\n\r\nThe council\u00a0met on Tuesday.\r\n \r\nIt voted 5 to 2.\r\n"
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["Town Votes", "The council\u00a0met on Tuesday.", "It voted 5 to 2."]


def test_one_paragraph_per_line_without_blank_lines():
    paragraphs = split_paragraphs("Storm Hits Coast\nWaves broke the wall.\nResidents left early.")
    assert len(paragraphs) == 3
    assert paragraphs[2].text == "Residents left early."


def test_empty_and_whitespace_only_text_gives_no_paragraphs():
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\t\n\u00a0") == []


def test_boilerplate_contributors_byline_and_captions():
    text = "\n\n".join([
        "Ferry Service Ends After 90 Years",
        "Advertisement",
        "By Lena Hartley and Omar Said",
        "The last ferry left the quay at noon.",
        "Passengers on the final crossing.Credit\u2026Jonas Weller/Reuters",
        "Photograph: Jonas Weller/Reuters",
        "Share full article",
        "Mira Castell contributed reporting from Oslo.",
        "Back to top button",
    ])
    assert kinds(text) == ["title", "boilerplate", "byline", "body", "caption", "credit",
                           "boilerplate", "contributors", "boilerplate"]


def test_credit_glued_to_a_caption_is_located():
    caption = "A ferry at the quay in Bergen, Norway.Credit\u2026Ola Berg/AFP via Getty Images"
    start = credit_start(caption)
    assert start is not None and caption[start:].startswith("Credit")


def test_body_text_mentioning_a_photo_is_not_a_caption():
    text = "Budget Row\n\nThe photo of the minister, which was taken in May, was shared widely on Monday by critics of the plan."
    assert kinds(text) == ["title", "body"]


def test_analyse_keeps_the_paragraphs_of_split_paragraphs():
    text = "Dock Strike Ends\n\n\u201cWe are back,\u201d said Pia Lund.\n\nAdvertisement\n\nWork resumed at dawn."
    assert analyse(text).paragraphs == tuple(split_paragraphs(text))


def test_progress_is_reported_for_long_texts_and_its_exception_cancels():
    text = "Long Day\n\n" + "\n\n".join(f"Mr. Reyes said \u201cline {i} is done.\u201d" for i in range(1500))
    calls: list[tuple[str, float]] = []
    analyse(text, progress=lambda stage, fraction: calls.append((stage, fraction)))
    assert len(calls) >= 6
    assert calls[-1] == ("done", 1.0)
    assert all(0.0 <= f <= 1.0 for _, f in calls)

    class Cancelled(Exception):
        pass

    def cancel(stage: str, fraction: float) -> None:
        if stage == "entities":
            raise Cancelled

    try:
        analyse(text, progress=cancel)
    except Cancelled:
        pass
    else:
        raise AssertionError("the exception raised by progress must propagate")
