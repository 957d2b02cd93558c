"""The '?' screen: every key, grouped by where it works, read from the live bindings so a remapped
key (App.set_keymap) shows its new name."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

# (section, binding id, default key shown, description); ids the app does not define are shown
# with their default key (the text pane's keys belong to ArticleView).
HELP_SECTIONS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("Anywhere", (
        ("pane.next", "Tab / Shift+Tab", "next / previous pane"),
        ("quote.next", "] / [", "next / previous quote (the text follows)"),
        ("speaker.next", "} / {", "next / previous speaker: filter the quotes to theirs"),
        ("search.focus", "/", "search text, people and quotes"),
        ("search.only_matches", "m", "during a search: matching paragraphs or the whole text"),
        ("clear", "Esc", "clear the search, then the filter, then the highlight"),
        ("article.open", "o", "open another article (when several are open)"),
        ("text.captions", "c", "show or hide captions"),
        ("", "ctrl+p", "command palette: speakers, quotes, export, theme"),
        ("help", "?", "this help"),
        ("app.quit", "q", "quit"),
    )),
    ("Text", (
        ("", "j / k, ↓ / ↑", "scroll a line"),
        ("", "Space/b, PgDn/PgUp", "scroll a page"),
        ("", "g / G, Home / End", "top / bottom"),
        ("highlight.next", "n / N", "next / previous highlighted mention or quote"),
        ("text.jump", "Enter", "go to the first quote on screen in the quote list"),
        ("", "click", "choose the quote or person under the mouse"),
    )),
    ("Entities and quotes", (
        ("", "j / k, ↓ / ↑", "move the cursor"),
        ("", "g / G, Home / End", "first / last"),
        ("", "Enter, click", "entity: filter quotes, highlight mentions · quote: jump to the text"),
    )),
    ("In the lists", (
        ("", "❝4", "quoted 4 times"),
        ("", "9×", "mentioned 9 times"),
        ("", "¶12", "paragraph 12 (numbers in the text's margin)"),
    )),
)


class HelpScreen(ModalScreen[None]):
    """Keys grouped by pane; Esc, q or ? closes it."""

    AUTO_FOCUS = "*"  # the first focusable widget (the scrolling body), whatever the app's default
    # Here, not in app.tcss: parsed when the help first opens, not before the first paint.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
    }
    #help-dialog {
        width: 84;
        max-width: 100%;
        height: 38;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #help-title {
        height: 1;
        text-align: center;
    }
    #help-body {
        height: 1fr;
    }
    .help-section {
        height: 1;
        margin-top: 1;
    }
    .help-grid {
        grid-size: 2;
        grid-columns: 20 1fr;
        grid-rows: auto;
        height: auto;
    }
    .help-key {
        text-style: bold;
        padding-left: 1;
    }
    .help-description {
        color: $text;
    }
    #help-hint {
        height: 1;
        text-align: right;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Content("Keys").stylize("bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                for section, rows in HELP_SECTIONS:
                    yield Static(Content(section).stylize("bold $text-accent"), classes="help-section")
                    with Grid(classes="help-grid"):
                        for binding_id, default, description in rows:
                            yield Static(Content(self._key_for(binding_id, default)), classes="help-key")
                            yield Static(Content(description), classes="help-description")
            yield Static(Content("Esc closes").stylize("$text-muted"), id="help-hint")

    def _key_for(self, binding_id: str, default: str) -> str:
        """The key as remapped by the app's keymap, if it was."""
        keymap = getattr(self.app, "_keymap", {}) or {}
        remapped = keymap.get(binding_id) if binding_id else None
        if not remapped:
            return default
        return ", ".join(self.app.get_key_display(Binding(key.strip(), "")) for key in remapped.split(","))
