"""The import report: what a dry run says is what the save then does, and what it shows."""

import copy
import datetime

import pytest
from django.core.management import call_command

from articles.credits import Credit
from articles.imports.importer import import_page_bytes
from articles.imports.page_text import SkippedLine, parse_page_text
from articles.imports.report import ImportReport
from articles.imports.store import import_pages
from articles.models import Article, Role
from people.models import Person
from tests.articles.imports.test_store import LABELS, SEED_TEXT, db_snapshot, row_counts
from tests.factories import staff_user

pytestmark = pytest.mark.django_db
SEED = SEED_TEXT.read_text(encoding="utf-8")


def both(text, user="editor", **options):
    """The dry run's report and the real run's, for the same text on the same database."""
    data = text.encode()
    user = staff_user(user)
    before = (db_snapshot(), row_counts())
    dry = import_page_bytes(data, "2023-12-26", LABELS, dry_run=True, user=user, **options)
    assert (db_snapshot(), row_counts()) == before
    real = import_page_bytes(data, "2023-12-26", LABELS, user=user, **options)
    dry, real = dry.as_dict(), real.as_dict()
    assert dry.pop("dry_run") and not real.pop("dry_run")
    return dry, real


def changed(text):
    """The seed with a headline, a caption, a credited name and a roster name changed."""
    return (
        text.replace("## 株洲青商会十年提供万余就业岗位", "## 株洲青商会十年提供近万就业岗位")
        .replace("“技能天下”比赛现场。", "“技能天下”比赛现场一角。")
        .replace("株洲日报(全媒体记者/杨凌霄)", "株洲日报(全媒体记者/杨凌云)")
        .replace("、肖家豪", "、肖家俊")
    )


def test_dry_run_reports_what_the_import_of_a_new_edition_does():
    dry, real = both(SEED)
    assert dry == real
    assert dry["edition_created"] and len(dry["people_new"]) == 16


def test_dry_run_reports_what_importing_again_does():
    import_page_bytes(SEED.encode(), "2023-12-26", LABELS, user=staff_user())
    dry, real = both(SEED)
    assert dry == real
    actions = [a["action"] for page in dry["pages"] for a in page["articles"]]
    assert actions == ["unchanged"] * 9


def test_dry_run_reports_what_changed_text_does():
    import_page_bytes(SEED.encode(), "2023-12-26", LABELS, user=staff_user())
    dry, real = both(changed(SEED))
    assert dry == real
    actions = {a["headline"]: a["action"] for page in dry["pages"] for a in page["articles"]}
    assert actions["株洲青商会十年提供近万就业岗位"] == "update"  # matched by its place
    assert actions["顶尖技能高手接受城市礼遇"] == "update"  # its caption and its roster
    assert actions["当好个私企业“娘家人”"] == "update"  # its reporter
    assert "杨凌云" in dry["people_new"]
    assert dry["pages"][1]["kept"] == []


def test_dry_run_reports_published_stories_left_as_they_are(seed):
    """On the published seed edition, changed stories need a correction: kept, in both runs."""
    dry, real = both(changed(SEED))
    assert dry == real
    kept = [a for page in dry["pages"] for a in page["articles"] if a["action"] == "kept"]
    assert {a["headline"] for a in kept} == {
        "顶尖技能高手接受城市礼遇",
        "当好个私企业“娘家人”",
        "株洲青商会十年提供近万就业岗位",
    }
    assert all("更正" in a["reason"] for a in kept)


def test_dry_run_reports_what_a_correction_does(seed):
    dry, real = both(changed(SEED), user="chief", correction_note="更正：名单有误。")
    assert dry == real
    assert not [a for page in dry["pages"] for a in page["articles"] if a["action"] == "kept"]


def test_report_shows_each_storys_parts():
    report = import_page_bytes(SEED.encode(), "2023-12-26", LABELS, dry_run=True, user=staff_user())
    stories = {a.headline: a for page in report.pages for a in page.articles}
    district = stories["当好个私企业“娘家人”"]
    assert (district.kicker, district.subheadline) == ("搭建创业发展平台", "")
    assert district.dateline == "12月23日"
    assert district.credits == [["全媒体记者", ["杨凌霄"]]]
    assert district.units == ["株洲日报"]
    lead = stories["顶尖技能高手接受城市礼遇"]
    assert lead.kicker == "第十届“技能天下”职业技能大赛落幕"
    assert lead.credits == [["全媒体记者", ["何春林"]], ["通讯员", ["王付银", "王忠祥"]]]
    assert lead.photos[0]["caption"] == "第十届“技能天下”颁奖现场。"
    assert lead.photos[0]["credits"] == [["记者", ["刘震"]]]
    assert [(r["stated"], len(r["names"])) for r in lead.rosters] == [(15, 15), (10, 10), (10, 10)]
    body = parse_body(lead.headline)
    assert lead.paragraphs == len([b for b in body if b["type"] == "paragraph"]) > 5
    assert lead.intertitles == 2
    assert stories["制造业当家 需要高技能人才支撑"].kind == "commentary"
    assert stories["制造业当家 需要高技能人才支撑"].credits == [["评论作者", ["何春林"]]]
    assert report.pages[1].staff == [["chief_editor", "王建设"], ["art_editor", "王玺"]]


def parse_body(headline):
    pages = parse_page_text(SEED)
    return next(a for p in pages for a in p.articles if a.headline == headline).body


def test_report_lines_name_every_part_the_admin_shows():
    text = "\n".join(
        import_page_bytes(
            SEED.encode(), "2023-12-26", LABELS, dry_run=True, user=staff_user()
        ).lines()
    )
    for part in (
        "引题：第十届“技能天下”职业技能大赛落幕",
        "主题：顶尖技能高手接受城市礼遇",
        "电头日期：12月23日",
        "署名：全媒体记者：何春林；通讯员：王付银、王忠祥",
        "图片：第十届“技能天下”颁奖现场。（记者：刘震）",
        "名单：1. 株洲市第十届“技能天下”职业技能大赛冠军（标明15名，列出15名）",
        "责任编辑：王建设",
        "评论",
        "段",
    ):
        assert part in text, part


def skipped_page():
    pages = parse_page_text(SEED)
    page = pages[0]
    page.skipped = [
        SkippedLine(1, "株洲日报 2023年12月26日 星期二", "running_head"),
        SkippedLine(3, "下转第A06版", "jump"),
    ]
    page.problems = ["报眉日期与期次日期不符"]
    article = page.articles[0]
    article.column = "营商环境"
    article.editor_note = "编者按：本报推出系列报道。"
    article.jumps = ["下转第A06版"]
    article.author_note = "作者为本报评论员"
    return pages


def test_report_shows_skipped_lines_problems_and_the_pieces_kept_out_of_the_body():
    report = import_pages(skipped_page(), "2023-12-26", LABELS, dry_run=True, user=staff_user())
    page = report.pages[0]
    assert page.skipped_lines == [
        (1, "株洲日报 2023年12月26日 星期二", "页眉"),
        (3, "下转第A06版", "转版提示"),
    ]
    text = "\n".join(report.lines())
    for part in (
        "略过第1行（页眉）：株洲日报 2023年12月26日 星期二",
        "报眉日期与期次日期不符",
        "栏目：营商环境",
        "编者按：编者按：本报推出系列报道。",
        "转版：下转第A06版",
        "作者说明：作者为本报评论员",
    ):
        assert part in text, part


def test_report_travels_as_plain_data():
    report = import_pages(skipped_page(), "2023-12-26", LABELS, dry_run=True, user=staff_user())
    copied = ImportReport.from_dict(copy.deepcopy(report.as_dict()))
    assert copied == report and copied.lines() == report.lines()


def test_new_role_words_become_roles_the_newsroom_can_rename():
    pages = parse_page_text(SEED)
    lead = pages[0].articles[0]
    lead.credits = [
        Credit("株洲日报", "首席记者", ("谭昕吾",)),
        Credit("", "线索提供", ("陈照",)),
        Credit("", "", ("言敏",)),
    ]
    before = Role.objects.count()
    dry = import_pages(pages, "2023-12-26", LABELS, dry_run=True, user=staff_user())
    assert set(dry.roles_new) == {"首席记者", "线索提供", "署名"}
    assert Role.objects.count() == before
    assert "新建角色" in "\n".join(dry.lines())
    import_pages(pages, "2023-12-26", LABELS, user=staff_user())
    chief = Role.objects.get(name="首席记者")
    assert chief.print_label == "首席记者" and not chief.is_photo
    assert Role.objects.get(name="署名").print_label == ""
    assert Person.objects.get(name="谭昕吾").is_staff
    assert not Person.objects.get(name="陈照").is_staff  # a tip credit is a contributor
    # Renamed in the admin, the role keeps its printed word: the next import finds it.
    chief.name = "首席记者（本报）"
    chief.save()
    again = import_pages(pages, "2023-12-26", LABELS, user=staff_user())
    assert again.roles_new == [] and not Role.objects.filter(name="首席记者").exists()
    assert again.pages[0].articles[0].action == "unchanged"


@pytest.mark.parametrize(
    ("word", "photo", "staff"),
    [("摄影记者", True, True), ("特约记者", False, False), ("美编", False, True)],
)
def test_new_roles_are_classified_by_their_word(word, photo, staff):
    pages = parse_page_text(SEED)
    pages[0].articles[0].credits = [Credit("", word, ("周健",))]
    import_pages(pages, "2023-12-26", LABELS, user=staff_user())
    assert Role.objects.get(name=word).is_photo == photo
    assert Person.objects.get(name="周健").is_staff == staff


def test_command_prints_the_report(capsys):
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
    out = capsys.readouterr().out
    assert "主题：顶尖技能高手接受城市礼遇" in out and "9篇" in out
    assert not Article.objects.exists()
    assert datetime.date(2023, 12, 26).isoformat() in out


def test_command_save_shows_its_progress(capsys, monkeypatch):
    from articles.management.commands.import_page import Command

    monkeypatch.setattr(Command, "PROGRESS_EVERY", 4)
    call_command(
        "import_page",
        "--user",
        staff_user().username,
        str(SEED_TEXT),
        "--edition=2023-12-26",
        "--page=A05",
        "--page=A06",
    )
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line] == [
        "已保存4篇，共9篇",
        "已保存8篇，共9篇",
        "已保存9篇，共9篇",
    ]
    assert Article.objects.count() == 9
