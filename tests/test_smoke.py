from tui.core.analyse import analyse
from tui.resources import default_article


def test_seed_splits_into_paragraphs_with_title_first():
    article = analyse(default_article().read_text(encoding="utf-8"), "seed")
    assert article.paragraphs[0].kind == "title"
    assert article.title.startswith(article.paragraphs[0].text[:10])
    assert len(article.paragraphs) > 10
