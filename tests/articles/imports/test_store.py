"""Importing page text: the golden seed test, idempotence, dry runs, reports."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.imports.importer import import_page_bytes
from articles.models import Article, AwardRoster, Byline, Edition, Page, Photo, RosterEntry, Section
from people.models import Person
from tests.factories import staff_user

SEED_TEXT = Path(settings.BASE_DIR) / "fixtures" / "seed_pages.txt"
SEED_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "seed_edition.json"
LABELS = ["A05", "A06"]


def import_seed(**options):
    return import_page_bytes(
        SEED_TEXT.read_bytes(), "2023-12-26", LABELS, **options, user=staff_user()
    )


def row_counts():
    """How many rows each imported model holds: 'the database is unchanged' checks this."""
    models = [Edition, Page, Section, Person, Article, Byline, Photo, AwardRoster, RosterEntry]
    return {model.__name__: model.objects.count() for model in models}


def db_snapshot():
    """The imported edition as plain data, without primary keys."""
    pages = {}
    for page in Page.objects.select_related("section", "chief_editor", "art_editor", "proofreader"):
        article_rows = []
        for article in Article.objects.on_page(page).select_related(
            "section__parent", "main_article"
        ):
            photos = list(article.photos.order_by("order", "pk"))
            article_rows.append(
                {
                    "kicker": article.kicker,
                    "headline": article.headline,
                    "subheadline": article.subheadline,
                    "dateline": article.dateline,
                    "kind": article.kind,
                    "body": article.body,
                    "char_count": article.char_count,
                    "section": article.section.name,
                    "section_parent": article.section.parent.name
                    if article.section.parent
                    else None,
                    "main_article": article.main_article.headline if article.main_article else None,
                    "bylines": [
                        (
                            b.person.name,
                            b.role.name,
                            b.unit,
                            photos.index(b.photo) if b.photo_id else None,
                            b.order,
                        )
                        for b in article.bylines.select_related("person", "role", "photo")
                    ],
                    "photos": [(p.caption, p.order) for p in photos],
                    "rosters": [
                        (r.title, r.stated_count, [e.name for e in r.entries.all()])
                        for r in article.rosters.all()
                    ],
                }
            )
        pages[page.label] = {
            "edition": page.edition.date.isoformat(),
            "name": page.name,
            "section": page.section.name if page.section else None,
            "order": page.order,
            "staff": [
                p.name if p else None
                for p in (page.chief_editor, page.art_editor, page.proofreader)
            ],
            "stories": article_rows,
        }
    credited = set(Byline.objects.values_list("person", flat=True))
    credited |= set(Page.objects.values_list("chief_editor", flat=True))
    credited |= set(Page.objects.values_list("art_editor", flat=True))
    people = {p.name: (p.unit, p.is_staff) for p in Person.objects.filter(pk__in=credited)}
    return {"pages": pages, "people": people}


def fixture_snapshot():
    """What fixtures/seed_edition.json holds, in the shape of ``db_snapshot``."""
    objects = json.loads(SEED_FIXTURE.read_text(encoding="utf-8"))
    rows = {}
    for obj in objects:
        rows.setdefault(obj["model"], {})[obj["pk"]] = obj["fields"]
    sections, people = rows["articles.section"], rows["people.person"]
    articles, photos = rows["articles.article"], rows["articles.photo"]
    edition_dates = {pk: f["date"] for pk, f in rows["articles.edition"].items()}

    def name(pk):
        return people[pk]["name"] if pk else None

    pages = {}
    for page_pk, page in rows["articles.page"].items():
        article_rows = []
        on_page = sorted(
            (pk for pk, a in articles.items() if a["page"] == page_pk),
            key=lambda pk: articles[pk]["page_position"],
        )
        for pk in on_page:
            a = articles[pk]
            article_photos = sorted(
                (p for p, f in photos.items() if f["article"] == pk),
                key=lambda p: (photos[p]["order"], p),
            )
            bylines = sorted(
                (f for f in rows["articles.byline"].values() if f["article"] == pk),
                key=lambda f: f["order"],
            )
            rosters = sorted(
                ((r, f) for r, f in rows["articles.awardroster"].items() if f["article"] == pk),
                key=lambda item: item[1]["order"],
            )
            section = sections[a["section"]]
            article_rows.append(
                {
                    "kicker": a["kicker"],
                    "headline": a["headline"],
                    "subheadline": a["subheadline"],
                    "dateline": a["dateline"],
                    "kind": a["kind"],
                    "body": a["body"],
                    "char_count": a["char_count"],
                    "section": section["name"],
                    "section_parent": sections[section["parent"]]["name"]
                    if section["parent"]
                    else None,
                    "main_article": articles[a["main_article"]]["headline"]
                    if a["main_article"]
                    else None,
                    "bylines": [
                        (
                            name(f["person"]),
                            f["role"][0],
                            f["unit"],
                            article_photos.index(f["photo"]) if f["photo"] else None,
                            f["order"],
                        )
                        for f in bylines
                    ],
                    "photos": [(photos[p]["caption"], photos[p]["order"]) for p in article_photos],
                    "rosters": [
                        (
                            f["title"],
                            f["stated_count"],
                            [
                                e["name"]
                                for e in sorted(
                                    (
                                        e
                                        for e in rows["articles.rosterentry"].values()
                                        if e["roster"] == r
                                    ),
                                    key=lambda e: e["order"],
                                )
                            ],
                        )
                        for r, f in rosters
                    ],
                }
            )
        pages[page["label"]] = {
            "edition": edition_dates[page["edition"]],
            "name": page["name"],
            "section": sections[page["section"]]["name"] if page["section"] else None,
            "order": page["order"],
            "staff": [
                name(page["chief_editor"]),
                name(page["art_editor"]),
                name(page["proofreader"]),
            ],
            "stories": article_rows,
        }
    credited = {f["person"] for f in rows["articles.byline"].values()}
    credited |= {p["chief_editor"] for p in rows["articles.page"].values() if p["chief_editor"]}
    credited |= {p["art_editor"] for p in rows["articles.page"].values() if p["art_editor"]}
    return {
        "pages": pages,
        "people": {
            people[pk]["name"]: (people[pk]["unit"], people[pk]["is_staff"]) for pk in credited
        },
    }


@pytest.mark.django_db
def test_seed_text_imports_to_exactly_the_seed_fixture():
    assert Article.objects.count() == 0
    import_seed()
    imported, expected = db_snapshot(), fixture_snapshot()
    assert imported["people"] == expected["people"]
    for label in LABELS:
        got, want = imported["pages"][label], expected["pages"][label]
        assert {k: v for k, v in got.items() if k != "stories"} == {
            k: v for k, v in want.items() if k != "stories"
        }
        assert [s["headline"] for s in got["stories"]] == [s["headline"] for s in want["stories"]]
        for got_article, want_article in zip(got["stories"], want["stories"], strict=True):
            assert got_article == want_article, want_article["headline"]
    assert imported == expected


@pytest.mark.django_db
def test_snapshot_tells_the_fixture_apart_from_a_changed_import():
    """The golden comparison can fail: one changed credit breaks it."""
    import_seed()
    byline = Byline.objects.get(person__name="刘震")
    byline.unit = "株洲日报"
    byline.save()
    assert db_snapshot() != fixture_snapshot()


@pytest.mark.django_db
def test_seed_fixture_and_import_agree_when_loaded(seed):
    """Importing onto the loaded fixture matches its stories and changes nothing structural."""
    before = db_snapshot()
    pks = sorted(Article.objects.values_list("pk", flat=True))
    report = import_seed()
    assert [s.action for p in report.pages for s in p.articles] == ["unchanged"] * 9
    assert db_snapshot() == before
    assert sorted(Article.objects.values_list("pk", flat=True)) == pks
    assert report.people_new == []


@pytest.mark.django_db
def test_importing_again_updates_and_never_duplicates():
    import_seed()
    counts, pks = row_counts(), sorted(Article.objects.values_list("pk", flat=True))
    photo_pks = sorted(Photo.objects.values_list("pk", flat=True))
    Article.objects.filter(headline="“阳光增收”").update(headline="改过的标题")
    report = import_seed()
    assert row_counts() == counts
    assert sorted(Article.objects.values_list("pk", flat=True)) == pks
    assert sorted(Photo.objects.values_list("pk", flat=True)) == photo_pks
    assert Article.objects.filter(headline="“阳光增收”").count() == 1
    assert report.people_new == [] and len(report.people_matched) == 16
    actions = [s.action for p in report.pages for s in p.articles]
    assert actions == ["unchanged"] * 4 + ["update"] + ["unchanged"] * 4


@pytest.mark.django_db
def test_imported_stories_have_fresh_stored_html_with_their_credits():
    """Bulk-created bylines and photos send no signal; the import renders the stories itself."""
    import_seed()
    for article in Article.objects.filter(page__label="A06"):
        assert article.rendered["byline"] == article.byline_text
        assert article.rendered["has_photo"] == ("1" if article.photos.exists() else "")


@pytest.mark.django_db
def test_dry_run_leaves_no_files_behind(media_root):
    import_seed(dry_run=True)
    files = [p.name for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    assert files in ([], ["placeholder.jpg"])


@pytest.mark.django_db
def test_importing_the_same_text_again_writes_nothing():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import_seed()
    with CaptureQueriesContext(connection) as queries:
        import_seed()
    writes = [
        q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []


@pytest.mark.django_db
def test_dry_run_reports_everything_and_writes_nothing():
    before = row_counts()
    report = import_seed(dry_run=True)
    assert row_counts() == before
    assert report.dry_run and report.edition_created
    assert report.article_count == 9
    assert "刘震" in report.people_new and len(report.people_new) == 16
    text = "\n".join(report.lines())
    assert "顶尖技能高手接受城市礼遇" in text and "A06" in text


@pytest.mark.django_db
def test_stories_on_the_page_but_not_in_the_file_are_kept_and_reported():
    from tests.factories import ArticleFactory

    import_seed()
    extra = ArticleFactory(page=Page.objects.get(label="A06"), page_position=9, headline="另一篇")
    report = import_seed(dry_run=True)
    assert report.pages[1].kept == [extra.title]
    assert f"：{extra.title}" in "\n".join(report.lines())
    import_seed()
    assert Article.objects.filter(pk=extra.pk, page__label="A06").exists()


@pytest.mark.django_db
def test_existing_people_are_matched_not_duplicated():
    Person.objects.create(name="何春林", unit="株洲日报", is_staff=True)
    report = import_seed(dry_run=True)
    assert "何春林" in report.people_matched and "何春林" not in report.people_new
    import_seed()
    assert Person.objects.filter(name="何春林").count() == 1


@pytest.mark.django_db
def test_briefs_closing_on_their_source_save_it_as_their_note():
    text = (
        "2025年4月17日　星期四\n"
        "时政简讯\n"
        "\n"
        "我县新增2家省级专精特新中小企业\n"
        "　　本报讯　日前，省工信厅公布第一批省级专精特新中小企业名单，我县2家入选。（县经信局）\n"
        "石门镇稻渔共生项目入选省级示范\n"
        "　　石门镇“稻渔共生”项目近日入选省级示范，亩均增收1500元以上。（据《青州日报》报道）\n"
    )
    import_page_bytes(text.encode(), "2025-04-17", ["02"], user=staff_user())
    firms = Article.objects.get(headline="我县新增2家省级专精特新中小企业")
    fish = Article.objects.get(headline="石门镇稻渔共生项目入选省级示范")
    assert (firms.author_note, fish.author_note) == ("县经信局", "据《青州日报》报道")
    assert not Byline.objects.filter(article__in=[firms, fish]).exists()
    assert "（据《青州日报》报道）" in fish.author_note_as_printed


@pytest.mark.django_db
def test_new_stories_are_drafts_until_an_editor_publishes_them():
    import_seed()
    assert Article.objects.published().count() == 0


@pytest.mark.django_db
def test_import_page_command(capsys):
    call_command(
        "import_page",
        "--user",
        staff_user().username,
        str(SEED_TEXT),
        "--edition",
        "2023-12-26",
        "--page",
        "A05",
        "--page",
        "A06",
    )
    out = capsys.readouterr().out
    assert "A05" in out and "株洲青商会十年提供万余就业岗位" in out
    assert Article.objects.count() == 9


@pytest.mark.django_db
def test_import_page_command_dry_run(capsys):
    call_command(
        "import_page",
        "--user",
        staff_user().username,
        str(SEED_TEXT),
        "--edition=2023-12-26",
        "--page=A05",
        "--page=A06",
        "--dry-run",
    )
    assert Article.objects.count() == 0
    assert "A06" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [True, False])
def test_reimport_query_count_does_not_grow_with_stories_or_pages(dry_run):
    """A stored edition read again: a few queries for the whole file, none per story."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench import layout_corpus

    counts = []
    for number, stories in enumerate((20, 60)):
        data = layout_corpus.story_file(stories).encode()
        labels = layout_corpus.labels(layout_corpus.page_count(stories))
        edition = f"2024-01-0{number + 1}"
        import_page_bytes(data, edition, labels, user=staff_user())
        with CaptureQueriesContext(connection) as queries:
            report = import_page_bytes(data, edition, labels, user=staff_user(), dry_run=dry_run)
        assert report.count("unchanged") == stories
        counts.append(len(queries))
    assert counts[0] == counts[1]


NOTED_PAGE = (
    "【民生关注】\n\n## 老旧小区加装电梯提速\n\n"
    "编者按：加装电梯关系千家万户，本报今起推出系列报道。\n\n"
    "本报讯（记者 张三）近日，我市老旧小区加装电梯工作提速。\n\n"
    "（作者系中共南岭市委党校教授）\n"
)


def import_noted(text=NOTED_PAGE, **options):
    return import_page_bytes(text.encode(), "2023-12-27", ["A01"], user=staff_user(), **options)


@pytest.mark.django_db
def test_the_column_label_and_both_notes_are_stored_apart_from_the_text():
    import_noted()
    article = Article.objects.get(headline="老旧小区加装电梯提速")
    assert article.column == "民生关注"
    assert article.editor_note == "加装电梯关系千家万户，本报今起推出系列报道。"
    assert article.author_note == "作者系中共南岭市委党校教授"
    assert [block["text"] for block in article.body] == ["近日，我市老旧小区加装电梯工作提速。"]


@pytest.mark.django_db
def test_a_changed_note_is_written_and_the_same_notes_again_are_not():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import_noted()
    with CaptureQueriesContext(connection) as queries:
        report = import_noted()
    assert [s.action for p in report.pages for s in p.articles] == ["unchanged"]
    assert not [q for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE"}]
    report = import_noted(NOTED_PAGE.replace("作者系中共南岭市委党校教授", "来源：江东日报"))
    assert [s.action for p in report.pages for s in p.articles] == ["update"]
    assert Article.objects.get().author_note == "来源：江东日报"
