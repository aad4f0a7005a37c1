"""Values that would not fit their column: refused before any write, naming the line, the
same on SQLite and PostgreSQL; and an import that fails late leaves nothing behind."""

import pytest
from django.core.management import CommandError, call_command

from articles.credits import Credit
from articles.imports.importer import import_page_bytes
from articles.imports.page_text import parse_page_text
from articles.imports.store import import_pages
from articles.models import Article
from articles.print_labels import LayoutError
from tests.articles.imports.test_store import (
    LABELS,
    SEED_TEXT,
    db_snapshot,
    import_seed,
    row_counts,
)
from tests.factories import staff_user

pytestmark = pytest.mark.django_db
SEED = SEED_TEXT.read_text(encoding="utf-8")
SEED_LINES = SEED.split("\n")
ABSURD = "99999999999999999999"


def line_of(text):
    return next(number for number, line in enumerate(SEED_LINES, 1) if text in line)


@pytest.fixture
def existing():
    """An edition already imported, so 'unchanged' means more than 'still empty'."""
    import_seed()
    return db_snapshot(), row_counts()


def refused_text(text, **options):
    for dry_run in (True, False):
        with pytest.raises(LayoutError) as caught:
            import_page_bytes(
                text.encode(), "2023-12-26", LABELS, dry_run=dry_run, user=staff_user(), **options
            )
    return caught.value


def test_an_absurd_roster_count_is_refused_naming_its_line(existing):
    text = SEED.replace("冠军(15名)", f"冠军({ABSURD}名)")
    error = refused_text(text, accept_roster_mismatch=True)
    assert error.line == line_of("冠军(15名)")
    assert "名单标明的人数" in error.message and "32767" in error.message
    assert (db_snapshot(), row_counts()) == existing


def test_a_roster_count_one_over_the_column_is_refused_and_the_limit_itself_is_not(existing):
    error = refused_text(SEED.replace("冠军(15名)", "冠军(32768名)"), accept_roster_mismatch=True)
    assert error.line == line_of("冠军(15名)")
    report = import_page_bytes(
        SEED.replace("冠军(15名)", "冠军(32767名)").encode(),
        "2023-12-26",
        LABELS,
        dry_run=True,
        user=staff_user(),
    )
    assert any("32767" in problem for problem in report.problems)


def test_a_headline_over_200_characters_is_refused_naming_its_line(existing):
    long = "长" * 201
    error = refused_text(SEED.replace("## 株洲青商会十年提供万余就业岗位", f"## {long}"))
    assert error.line == line_of("## 株洲青商会十年提供万余就业岗位")
    assert "主题超过200字（201字）" in error.message
    assert error.text.startswith("长" * 40) and len(error.text) == 41
    assert (db_snapshot(), row_counts()) == existing
    # 200 characters fit.
    text = SEED.replace("## 株洲青商会十年提供万余就业岗位", f"## {long[:200]}")
    import_page_bytes(text.encode(), "2023-12-26", LABELS, user=staff_user())


def test_a_roster_name_over_50_characters_is_refused(existing):
    error = refused_text(SEED.replace("漆志、", "漆" * 51 + "、"), accept_roster_mismatch=True)
    assert error.line == line_of("冠军(15名)") and "人名超过50字" in error.message
    assert (db_snapshot(), row_counts()) == existing


def parsed_seed():
    return parse_page_text(SEED)


def lead(pages):
    return pages[0].articles[0]


def credit(pages, **fields):
    base = {"unit": "株洲日报", "role": "全媒体记者", "names": ("谭昕吾",), "photo": False}
    lead(pages).credits = [Credit(**{**base, **fields})]


CASES = {
    "kicker": (lambda p: setattr(lead(p), "kicker", "引" * 201), "引题超过200字"),
    "subheadline": (lambda p: setattr(lead(p), "subheadline", "副" * 201), "副题超过200字"),
    "dateline": (lambda p: setattr(lead(p), "dateline", "1" * 51), "电头日期超过50字"),
    "credited name": (lambda p: credit(p, names=("名" * 51,)), "人名超过50字"),
    "role word": (lambda p: credit(p, role="角" * 31), "角色名超过30字"),
    "unit": (lambda p: credit(p, unit="单" * 101), "单位名超过100字"),
    "district": (lambda p: setattr(lead(p), "districts", ("区" * 51,)), "栏目名超过50字"),
    "page name": (lambda p: setattr(p[0], "name", "版" * 51), "版名超过50字"),
    "staff name": (lambda p: p[1].staff.update(chief_editor="编" * 51), "人名超过50字"),
    "roster title": (
        lambda p: setattr(p[1].articles[0].rosters[0], "title", "题" * 201),
        "名单标题超过200字",
    ),
    "stories on a page": (
        lambda p: setattr(p[0], "articles", p[0].articles * 8200),
        "一个版面的稿件数超出范围",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_every_value_that_would_not_fit_is_refused_before_anything_is_written(existing, case):
    change, words = CASES[case]
    pages = parsed_seed()
    change(pages)
    for dry_run in (True, False):
        with pytest.raises(LayoutError) as caught:
            import_pages(pages, "2023-12-26", LABELS, dry_run=dry_run, user=staff_user())
        assert words in caught.value.message
        assert caught.value.line
    assert (db_snapshot(), row_counts()) == existing


def test_an_import_that_fails_at_its_last_story_leaves_the_database_as_it_was(existing):
    """One transaction: a failure after every story was written undoes them all."""
    pages = parse_page_text(SEED.replace("## 株洲青商会十年提供万余就业岗位", "## 新标题"))
    pages[0].articles[0].credits = [Credit("", "新角色", ("新人名",))]
    total = sum(len(page.articles) for page in pages)

    def progress(done, total_):
        if done == total:
            raise LayoutError("the last story")

    with pytest.raises(LayoutError, match="the last story"):
        import_pages(pages, "2023-12-26", LABELS, user=staff_user(), progress=progress)
    assert (db_snapshot(), row_counts()) == existing
    from articles.models import Role

    assert not Role.objects.filter(name="新角色").exists()


@pytest.mark.parametrize(("char", "encoding"), [("\x00", "utf-16"), ("\x01", "utf-8")])
def test_a_control_character_deep_in_the_file_is_refused_naming_its_line(existing, char, encoding):
    """PostgreSQL refuses a NUL that SQLite would store: refused before, on both."""
    text = SEED + "\n" * 2 + "补" * 20000 + f"\n\n坏{char}字\n"
    for dry_run in (True, False):
        with pytest.raises(LayoutError) as caught:
            import_page_bytes(
                text.encode(encoding), "2023-12-26", LABELS, dry_run=dry_run, user=staff_user()
            )
    assert caught.value.line == text.count("\n", 0, text.index(char)) + 1
    assert f"U+{ord(char):04X}" in caught.value.describe()
    assert (db_snapshot(), row_counts()) == existing


def test_the_command_names_the_line_too(tmp_path, existing):
    path = tmp_path / "page.txt"
    path.write_text(SEED.replace("冠军(15名)", f"冠军({ABSURD}名)"), encoding="utf-8")
    with pytest.raises(CommandError, match=f"第 {line_of('冠军(15名)')} 行"):
        call_command(
            "import_page",
            str(path),
            "--user",
            staff_user().username,
            "--edition=2023-12-26",
            "--page=A05",
            "--page=A06",
            "--dry-run",
        )
    assert (db_snapshot(), row_counts()) == existing


@pytest.mark.parametrize(
    ("field", "value", "label"),
    [("column", "民" * 51, "栏目名"), ("author_note", "作者系" + "教" * 298, "作者说明")],
)
def test_a_column_label_or_author_note_too_long_is_refused_naming_its_line(field, value, label):
    from tests.articles.imports.test_store import NOTED_PAGE

    pages = parse_page_text("## 前一篇\n\n本报讯（记者 李四）近日，会议召开。\n\n" + NOTED_PAGE)
    _first, article = pages[0].articles
    setattr(article, field, value)
    for dry_run in (True, False):
        with pytest.raises(LayoutError) as caught:
            import_pages(pages, "2023-12-27", ["A01"], dry_run=dry_run, user=staff_user())
        assert caught.value.line == article.line > 1
        assert label in caught.value.message and f"{len(value)}" in caught.value.message
    assert row_counts()["Article"] == 0


def test_a_column_label_and_author_note_at_their_limits_are_stored():
    from tests.articles.imports.test_store import NOTED_PAGE

    pages = parse_page_text(NOTED_PAGE)
    (article,) = pages[0].articles
    article.column, article.author_note = "民" * 50, "作" * 300
    import_pages(pages, "2023-12-27", ["A01"], user=staff_user())
    stored = Article.objects.get()
    assert (len(stored.column), len(stored.author_note)) == (50, 300)
