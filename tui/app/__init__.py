"""The Textual layer: displays the core model and routes keys. Imported only when the UI opens."""
