"""The UI-free analysis core: plain typed Python, no Textual imports (so `--export` starts fast)."""
