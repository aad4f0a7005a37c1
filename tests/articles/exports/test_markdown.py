"""The Markdown export carries editors' text as plain text that reads back the same."""

import pytest

from articles.exports.data import page_data, pages_queryset
from articles.exports.markdown import page_markdown, plain
from articles.imports.page_text import parse_page_text
from articles.models import Article

pytestmark = pytest.mark.django_db

MARKUP = "<b>重要</b>通知<script>alert(1)</script> *星号* #话题 [链接] a_b `c` \\d"
PLAIN = "重要通知alert(1) *星号* #话题 [链接] a_b `c` \\d"


def test_plain_removes_tags_and_escapes_markdown():
    assert plain(MARKUP) == r"重要通知alert(1) \*星号\* \#话题 \[链接\] a\_b \`c\` \\d"


@pytest.fixture
def marked_up_page(seed):
    """A06 with markup typed into the lead story's kicker, headline, text and caption."""
    page = pages_queryset().get(label="A06")
    lead = Article.objects.filter(page=page).order_by("page_position").first()
    lead.kicker = f"#{MARKUP}"
    lead.headline = MARKUP
    lead.body = [
        {"type": "paragraph", "text": f"{MARKUP}。"},
        {"type": "intertitle", "text": f"#{MARKUP}"},
        {"type": "paragraph", "text": f"# 不是标题，{MARKUP}。"},
        *lead.body[1:],
    ]
    lead.save()
    photo = lead.photos.first()
    photo.caption = f"{MARKUP}。"
    photo.save()
    return page


def test_markdown_export_carries_no_tags_and_no_unescaped_markup(marked_up_page):
    text = page_markdown(page_data(marked_up_page))
    assert "<b>" not in text and "<script>" not in text
    assert "*星号*" not in text and "[链接]" not in text
    for line in text.splitlines():
        # A line starting with # is a heading of ours, never an editor's text.
        if line.startswith("#"):
            assert line.startswith("## ") and not line.startswith("## #")


def test_markdown_export_reads_back_as_the_plain_text(marked_up_page):
    text = page_markdown(page_data(marked_up_page))
    (page,) = parse_page_text(text)
    lead = page.articles[0]
    assert lead.kicker == f"#{PLAIN}"
    assert lead.headline == PLAIN
    assert [block["text"] for block in lead.body[:3]] == [
        f"{PLAIN}。",
        f"#{PLAIN}",
        f"# 不是标题，{PLAIN}。",
    ]
    assert lead.photos[0].caption == f"{PLAIN}。"


def test_markdown_prints_the_column_label_and_notes_and_reads_them_back(seed):
    notes = {
        "column": "民生关注",
        "editor_note": "加装电梯关系千家万户，本报今起推出系列报道。",
        "author_note": "作者系中共南岭市委党校教授",
    }
    Article.objects.filter(headline="顶尖技能高手接受城市礼遇").update(**notes)
    text = page_markdown(page_data(pages_queryset().get(label="A06")))
    assert "【民生关注】\n\n## 第十届" in text
    assert "## 顶尖技能高手接受城市礼遇\n\n编者按：加装电梯关系千家万户" in text
    (page,) = parse_page_text(text)
    lead = next(a for a in page.articles if a.headline == "顶尖技能高手接受城市礼遇")
    assert (lead.column, lead.editor_note, lead.author_note) == tuple(notes.values())
