"""Exports: JSON against its documented schema, the Markdown round trip, print HTML, ninjs."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.exports.data import edition_data, page_data, pages_queryset
from articles.exports.formats import export_edition, export_page, find_page
from articles.exports.markdown import edition_markdown, page_markdown
from articles.exports.ninjs import page_ninjs
from articles.imports.importer import import_page_bytes
from articles.models import Article, Edition
from articles.print_labels import LayoutError
from articles.typography import to_fullwidth_punctuation
from tests.articles.imports.test_store import SEED_TEXT, db_snapshot, fixture_snapshot, row_counts
from tests.factories import ArticleFactory, BylineFactory, PageFactory, PhotoFactory, staff_user

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a dev dependency")
pytestmark = pytest.mark.django_db
DOCS = Path(settings.BASE_DIR) / "docs" / "layout-json.md"


def documented_schema():
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(
        r"<!-- schema:start -->\s*```json\n(.*?)```\s*<!-- schema:end -->", text, re.S
    )
    return json.loads(block.group(1))


def a06():
    return pages_queryset().get(label="A06")


# JSON ---------------------------------------------------------------------------


def test_every_seed_page_validates_against_the_documented_schema(seed):
    validator = jsonschema.Draft202012Validator(documented_schema())
    for page in pages_queryset():
        document = json.loads(export_page(page, "json").content)
        assert list(validator.iter_errors(document)) == []


def test_the_documented_schema_rejects_a_page_missing_a_field(seed):
    validator = jsonschema.Draft202012Validator(documented_schema())
    document = json.loads(export_page(a06(), "json").content)
    del document["stories"][0]["bylines"][0]["role"]
    document["stories"][1]["surprise"] = 1
    assert len(list(validator.iter_errors(document))) == 2


def test_json_holds_page_staff_and_stories_with_every_field(seed):
    data = json.loads(export_page(a06(), "json").content)
    assert data["edition"]["date"] == "2023-12-26"
    assert data["page"]["staff"]["chief_editor"]["name"] == "王建设"
    lead, commentary = data["stories"][0], data["stories"][1]
    assert [s["position"] for s in data["stories"]] == [1, 2, 3, 4]
    assert lead["byline"] == "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥"
    assert [(b["person"]["name"], b["role"], b["unit"]) for b in lead["bylines"]] == [
        ("何春林", "全媒体记者", "株洲日报"),
        ("王付银", "通讯员", ""),
        ("王忠祥", "通讯员", ""),
    ]
    assert (lead["photos"][0]["caption"], lead["photos"][0]["credit"]) == (
        "第十届“技能天下”颁奖现场。",
        "记者/刘震 摄",
    )
    assert [(r["stated_count"], len(r["names"])) for r in lead["rosters"]] == [
        (15, 15),
        (10, 10),
        (10, 10),
    ]
    assert commentary["main_story"] == lead["id"] and lead["companions"] == [commentary["id"]]
    assert "就业" in lead["tags"]


def test_page_export_query_count_does_not_grow_with_stories(django_assert_max_num_queries):
    def page_with(articles):
        page = PageFactory()
        for position in range(articles):
            article = ArticleFactory(page=page, page_position=position + 1)
            BylineFactory(article=article)
            PhotoFactory(article=article)
        return page

    small, large = page_with(3), page_with(30)
    with CaptureQueriesContext(connection) as few:
        page_data(small)
    with CaptureQueriesContext(connection) as many:
        page_data(large)
    assert len(few) == len(many)


# Markdown -----------------------------------------------------------------------


def test_markdown_round_trip_gives_back_the_same_structure():
    import_page_bytes(SEED_TEXT.read_bytes(), "2023-12-26", ["A05", "A06"], user=staff_user())
    before = db_snapshot()["pages"]
    text = edition_markdown(edition_data(Edition.objects.get()))
    import_page_bytes(text.encode(), "2023-12-26", ["A05", "A06"], user=staff_user())
    assert db_snapshot()["pages"] == before
    import_page_bytes(text.encode(), "2024-01-02", ["B05", "B06"], user=staff_user())
    again = db_snapshot()["pages"]
    for old, new in (("A05", "B05"), ("A06", "B06")):
        copy = dict(again[new], edition="2023-12-26")
        assert copy["stories"] == before[old]["stories"]


def test_markdown_of_the_seed_fixture_imports_to_the_fixture(seed):
    text = edition_markdown(edition_data(Edition.objects.get()))
    Article.objects.all().delete()
    import_page_bytes(text.encode(), "2023-12-26", ["A05", "A06"], user=staff_user())
    assert db_snapshot()["pages"] == fixture_snapshot()["pages"]


def test_every_sentence_of_the_seed_survives_import_and_export():
    import_page_bytes(SEED_TEXT.read_bytes(), "2023-12-26", ["A05", "A06"], user=staff_user())

    def bare(text):
        # Credit lines are reprinted in the lead form: 株洲日报（全媒体记者/谭昕吾 通讯员/陈照）.
        return re.sub(r"[\s()（）]", "", text)

    exported = bare(edition_markdown(edition_data(Edition.objects.get())))
    sentences = []
    for line in SEED_TEXT.read_text(encoding="utf-8").splitlines():
        line = to_fullwidth_punctuation(line.lstrip("#").strip())
        sentences += [s for s in re.split(r"(?<=[。！？])", line) if len(s) >= 2]
    assert len(sentences) > 140
    assert [s for s in sentences if bare(s) not in exported] == []


def test_markdown_page_header_and_rosters(seed):
    text = page_markdown(page_data(a06()))
    assert text.startswith("## 就业·创业\n\n责任编辑：王建设 美术编辑：王玺\n")
    assert "## 相关链接\n\n## 1. 株洲市第十届“技能天下”职业技能大赛冠军（15名）\n\n漆志、" in text
    assert "第十届“技能天下”颁奖现场。记者/刘震 摄" in text


# HTML ---------------------------------------------------------------------------


def test_print_html_has_header_stories_bylines_photos_and_rosters(seed):
    html = export_page(a06(), "html").content.decode()
    assert "@page" in html and '<time datetime="2023-12-26">' in html
    assert "A06" in html and "王建设" in html and "王玺" in html
    headlines = re.findall(r"<h2>(.*?)</h2>", html)
    assert headlines[:4] == [
        "顶尖技能高手接受城市礼遇",
        "制造业当家 需要高技能人才支撑",
        "他们的梦想被技能大师点亮",
        "株洲青商会十年提供万余就业岗位",
    ]
    assert "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥" in html
    assert "第十届“技能天下”颁奖现场。记者/刘震 摄" in html
    assert html.count("data:image/jpeg;base64,") == 4
    assert "欧阳王彬" in html


def test_print_html_escapes_story_text(seed):
    Article.objects.filter(headline="株洲青商会十年提供万余就业岗位").update(
        headline="<script>x</script>"
    )
    html = export_page(a06(), "html").content.decode()
    assert "<script>x" not in html and "&lt;script&gt;" in html


# ninjs --------------------------------------------------------------------------


def test_ninjs_documents_are_valid(seed, ninjs_validator):
    documents = []
    for page in pages_queryset():
        documents += page_ninjs(page_data(page, "https://news.example"), "https://news.example")
    assert len(documents) == 9
    for document in documents:
        assert [e.message for e in ninjs_validator.iter_errors(document)] == []


def test_ninjs_validator_rejects_an_unknown_field(seed, ninjs_validator):
    document = page_ninjs(page_data(a06()))[0]
    document["printPage"] = "A06"
    assert list(ninjs_validator.iter_errors(document))


def test_ninjs_fields(seed):
    lead, commentary, *_rest = page_ninjs(
        page_data(a06(), "https://news.example"), "https://news.example"
    )
    assert lead["by"] == "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥"
    assert {h["role"]: h["value"] for h in lead["headlines"]} == {
        "main": "顶尖技能高手接受城市礼遇",
        "kicker": "第十届“技能天下”职业技能大赛落幕",
    }
    picture = lead["associations"][0]
    assert picture["type"] == "picture" and picture["renditions"][0]["href"].startswith("https://")
    assert {d["role"]: d["value"] for d in picture["descriptions"]} == {
        "caption": "第十届“技能天下”颁奖现场。",
        "creditline": "记者/刘震 摄",
    }
    assert {"role": "printPage", "value": "A06"} in lead["altIds"]
    assert "技能人才" in [s["name"] for s in lead["subjects"]]
    assert commentary["associations"][-1]["rel"] == "mainStory"


NOTES = {
    "column": "民生关注",
    "editor_note": "加装电梯关系千家万户。\n本报今起推出系列报道。",
    "author_note": "作者系中共南岭市委党校教授",
}


def noted_lead():
    Article.objects.filter(headline="顶尖技能高手接受城市礼遇").update(**NOTES)
    return page_data(a06(), "https://news.example")


def test_json_and_print_html_carry_the_column_label_and_both_notes(seed):
    (lead, *_rest) = noted_lead()["stories"]
    assert (lead["column"], lead["editor_note"], lead["author_note"]) == (
        "民生关注",
        ["加装电梯关系千家万户。", "本报今起推出系列报道。"],
        "（作者系中共南岭市委党校教授）",
    )
    html = export_page(a06(), "html").content.decode()
    story = html[html.index('id="story-') : html.index("</article>")]
    assert story.index('<div class="column-label">民生关注</div>') < story.index("<h2>")
    note = story.index('<div class="editor-note"><p><b>编者按：</b>加装电梯关系千家万户。</p>')
    assert story.index("<h2>") < note < story.index("近日，株洲市第十届")
    assert story.index("近日，株洲市第十届") < story.index(
        '<p class="author-note">（作者系中共南岭市委党校教授）</p>'
    )


def test_ninjs_carries_the_column_label_and_both_notes(seed, ninjs_validator):
    lead, *_rest = page_ninjs(noted_lead(), "https://news.example")
    assert [e.message for e in ninjs_validator.iter_errors(lead)] == []
    assert {"role": "column", "contentType": "text/plain", "value": "民生关注"} in lead["headlines"]
    html = lead["bodies"][0]["value"]
    assert html.startswith(
        '<p class="editor-note">加装电梯关系千家万户。</p>'
        '<p class="editor-note">本报今起推出系列报道。</p>'
    )
    assert html.endswith('<p class="author-note">（作者系中共南岭市委党校教授）</p>')
    assert "编者按" not in lead["bodies"][1]["value"]


# Command and zip ----------------------------------------------------------------


def test_export_layout_writes_the_page(seed, tmp_path):
    target = tmp_path / "a06.json"
    call_command(
        "export_layout",
        "--edition",
        "2023-12-26",
        "--page",
        "A06",
        "--format",
        "json",
        "--output",
        str(target),
    )
    assert json.loads(target.read_text(encoding="utf-8"))["page"]["label"] == "A06"


def test_whole_edition_exports_as_one_zip_with_progress(seed, tmp_path, capsys):
    target = tmp_path / "edition.zip"
    call_command("export_layout", "--edition", "2023-12-26", "--output", str(target))
    names = zipfile.ZipFile(target).namelist()
    assert "2023-12-26-A05.md" in names and "2023-12-26-A06.html" in names
    assert "2023-12-26-A06.json" in names
    assert sum(name.endswith(".json") and "/ninjs/" in name for name in names) == 9
    assert "8/8" in capsys.readouterr().err


def test_export_edition_reports_progress():
    seen = []
    import_page_bytes(SEED_TEXT.read_bytes(), "2023-12-26", ["A05", "A06"], user=staff_user())
    result = export_edition(
        Edition.objects.get(), ["json", "markdown"], progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert len(zipfile.ZipFile(io.BytesIO(result.content)).namelist()) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--page", "A09", "--format", "json"], "A09"),
        (["--page", "A5-", "--format", "json"], "版号"),
        (["--page", "A06"], "--format"),
    ],
)
def test_export_of_a_missing_page_is_refused(seed, args, message):
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        call_command("export_layout", "--edition", "2023-12-26", *args)
    assert row_counts() == before


@pytest.mark.parametrize("date", ["2023-12-27", "2023-13-01"])
def test_export_of_a_missing_or_malformed_edition_is_refused(seed, date):
    with pytest.raises(LayoutError):
        find_page(date, "A06")


def test_a_stanza_keeps_its_lines_in_every_format(seed):
    lead = Article.objects.select_related("page").get(
        headline="拓展政企“朋友圈” 提升营商环境软实力"
    )
    lead.body = [*lead.body, {"type": "verse", "text": "稻子低下头的时候\n田埂就瘦了一圈"}]
    lead.save()
    page = find_page("2023-12-26", lead.page.label)
    data = page_data(page, "https://news.example")
    html = "".join(d["bodies"][0]["value"] for d in page_ninjs(data, "https://news.example"))
    assert '<p class="verse">稻子低下头的时候<br>田埂就瘦了一圈</p>' in html
    assert "稻子低下头的时候  \n田埂就瘦了一圈" in page_markdown(data)
    printed = export_page(page, "html").content.decode()
    assert '<p class="verse">稻子低下头的时候<br>田埂就瘦了一圈</p>' in printed
    assert any(b["type"] == "verse" for story in data["stories"] for b in story["body"])
