"""Every bad input the importer meets: a clear message and the database exactly as it was."""

import codecs
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.imports.encoding import MAX_BYTES, decode_page_bytes
from articles.imports.importer import import_page_bytes
from articles.imports.page_text import parse_page_text
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
ROSTER_LINE = next(line for line in SEED.splitlines() if line.startswith("漆志、"))


@pytest.fixture
def existing():
    """An edition already imported, so 'unchanged' means more than 'still empty'."""
    import_seed()
    return db_snapshot(), row_counts()


def refused(data, labels=LABELS, edition="2023-12-26", **options):
    with pytest.raises(LayoutError) as caught:
        import_page_bytes(data, edition, labels, **options, user=staff_user())
    return caught.value


@pytest.mark.parametrize(
    "encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_legacy_encodings_read_as_the_same_page(encoding):
    data = SEED.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    text, _used = decode_page_bytes(data)
    assert text == SEED
    assert parse_page_text(text) == parse_page_text(SEED)


def test_gbk_file_imports_like_its_utf8_original():
    import_page_bytes(SEED.encode("gbk"), "2023-12-26", LABELS, user=staff_user())
    from tests.articles.imports.test_store import fixture_snapshot

    assert db_snapshot() == fixture_snapshot()


def test_encoding_option_overrides_the_guess():
    data = SEED.encode("gb18030")
    assert decode_page_bytes(data, "gb18030")[0] == SEED
    error = refused(data, encoding="utf-8")
    assert "utf-8" in error.message and "无法" in error.message


def test_unknown_encoding_name():
    assert "klingon" in refused(SEED.encode(), encoding="klingon").describe()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "空的"),
        (b"   \n\n  ", "空的"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "二进制"),
        (b"\x81\x20\xff\xfe\x80abc", "编码"),
        ("## 株洲高新区\n\n## 标题一\n\n## 标题二\n".encode(), "只有标题"),
    ],
)
def test_unreadable_files_are_refused_and_nothing_changes(existing, data, words):
    error = refused(data)
    assert words in error.describe()
    assert (db_snapshot(), row_counts()) == existing


def test_file_over_5_mb_is_refused(existing):
    data = SEED.encode() + b"\n" + "的".encode() * (MAX_BYTES // 3 + 10)
    assert len(data) > MAX_BYTES
    assert "5 MB" in refused(data).message
    assert (db_snapshot(), row_counts()) == existing


def test_unknown_role_word_becomes_a_role_not_an_error(existing):
    from articles.models import Article, Role

    data = SEED.replace("株洲日报(全媒体记者/杨凌霄)", "株洲日报(主笔/杨凌霄)").encode()
    dry = import_page_bytes(data, "2023-12-26", LABELS, dry_run=True, user=staff_user())
    assert dry.roles_new == ["主笔"] and not Role.objects.filter(name="主笔").exists()
    report = import_page_bytes(data, "2023-12-26", LABELS, user=staff_user())
    assert report.roles_new == ["主笔"]
    article = Article.objects.get(headline="当好个私企业“娘家人”")
    assert [(b.role.name, b.person.name) for b in article.bylines.all()] == [("主笔", "杨凌霄")]
    assert Role.objects.get(name="主笔").print_label == "主笔"


def test_role_with_no_name_credits_nobody(existing):
    from articles.models import Article

    data = SEED.replace("株洲日报(全媒体记者/杨凌霄)", "株洲日报(全媒体记者/)").encode()
    report = import_page_bytes(data, "2023-12-26", LABELS, user=staff_user())
    assert report.count("update") == 1
    article = Article.objects.get(headline="当好个私企业“娘家人”")
    assert not article.bylines.exists() and article.dateline == "12月23日"


def test_roster_count_mismatch_is_refused_unless_accepted(existing):
    data = SEED.replace(ROSTER_LINE, ROSTER_LINE.removesuffix("、肖家豪")).encode()
    error = refused(data)
    assert "15" in error.message and "14" in error.message
    assert "183" in error.message
    assert (db_snapshot(), row_counts()) == existing
    report = import_page_bytes(data, "2023-12-26", LABELS, dry_run=True, user=staff_user())
    assert any("15" in p and "14" in p for p in report.problems)
    assert (db_snapshot(), row_counts()) == existing
    import_page_bytes(data, "2023-12-26", LABELS, accept_roster_mismatch=True, user=staff_user())
    assert row_counts()["RosterEntry"] == existing[1]["RosterEntry"] - 1


@pytest.mark.parametrize("label", ["A5X", "a-05", "", "第五版", "A0005"])
def test_malformed_page_label(existing, label):
    assert "版号格式不对" in refused(SEED.encode(), labels=["A05", label]).message
    assert (db_snapshot(), row_counts()) == existing


@pytest.mark.parametrize("edition", ["2023-13-26", "26/12/2023", "yesterday", ""])
def test_malformed_edition_date(existing, edition):
    assert "日期格式不对" in refused(SEED.encode(), edition=edition).message
    assert (db_snapshot(), row_counts()) == existing


def test_page_count_differs_from_labels(existing):
    error = refused(SEED.encode(), labels=["A05"])
    assert "2" in error.message and "1" in error.message
    assert (db_snapshot(), row_counts()) == existing


def test_command_reports_errors_as_command_errors(tmp_path, existing):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="空的"):
        call_command(
            "import_page",
            "--user",
            staff_user().username,
            str(path),
            "--edition",
            "2023-12-26",
            "--page",
            "A05",
        )
    with pytest.raises(CommandError, match="日期"):
        call_command(
            "import_page",
            "--user",
            staff_user().username,
            str(SEED_TEXT),
            "--edition",
            "2023-02-30",
            "--page",
            "A05",
        )
    with pytest.raises(CommandError, match="版号"):
        call_command(
            "import_page",
            "--user",
            staff_user().username,
            str(SEED_TEXT),
            "--edition",
            "2023-12-26",
            "--page",
            "5",
        )
    with pytest.raises(CommandError):
        call_command(
            "import_page",
            "--user",
            staff_user().username,
            str(Path(tmp_path / "missing.txt")),
            "--edition",
            "2023-12-26",
            "--page",
            "A05",
        )
    assert (db_snapshot(), row_counts()) == existing
