"""Four more pages first read as held-out texts (a third round; keys written apart).

A city daily's politics page dumped by pdftotext (a 主题 hard-broken inside a
phrase, a 短评 box, a right-aligned photo credit), an evening paper's Markdown
page whose stories close on their credit brackets, a trade paper's one-line-per-
paragraph export (a chart, unbracketed 报道： wrappers, numbered briefs) and a
county paper's special page (one feature in numbered parts, a team line at the
foot).  Each is pinned story by story; where our conventions read a page
differently from its key, the test says which convention and why.
"""

import datetime

import pytest

from articles.imports.page_noise import read_staff_line
from articles.imports.page_text import parse_page_text
from tests.articles.imports.page_checks import (
    intertitles,
    paragraphs,
    parse,
    photo_credits,
    skipped,
    story,
)

EDITION = datetime.date(2026, 12, 1)


def test_city_daily_politics_page_with_a_broken_title_a_short_comment_and_a_photo():
    (page,) = parse("city_daily_politics_broken_title.txt", edition_date=EDITION, page_names=["2"])
    assert page.running_head == {"date": EDITION, "name": "时政", "label": "第2版"}
    assert page.problems == []
    assert page.staff == {"chief_editor": "苏澈", "art_editor": "潘一诺", "proofreader": "东方晴"}
    assert skipped(page) == [
        (1, "masthead"),
        (2, "running_head"),
        (46, "staff"),
        (47, "page_number"),
    ]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "深入贯彻落实省委全会精神 锚定目标任务 奋力推动沿江产业带建设走深走实",
            # 研究 / 部署明年经济工作: a word across the break joins the 主题 again.
            "市委常委会召开扩大会议研究部署明年经济工作",
            "",
            "",
            [("本报", "记者", ("卓远帆",)), ("", "通讯员", ("伍嘉禾",))],
            0,
        ),
        # Our convention gives a commentary's bare byline the role 评论作者 (key: none).
        (
            "commentary",
            "短评",
            "",
            "把“施工图”变成“实景图”",
            "",
            "",
            [("", "评论作者", ("晏和",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "市政协就县域商贸物流体系建设开展专题协商",
            "",
            # Our convention (pinned in test_papers): a date opening the lead is its dateline.
            "11月29日",
            [("本报", "记者", ("邝湄",))],
            0,
        ),
        ("photo", "", "", "槎江新港二期首个泊位投用", "", "", [], 1),
        (
            "news",
            "",
            "",
            "全市启动新一轮机关作风建设专项行动",
            "",
            "",
            [("本报", "通讯员", ("上官若",))],
            0,
        ),
    ]
    lead, comment, meeting, port, conduct = page.articles
    body = paragraphs(lead)
    assert len(body) == 5
    # Lines broken mid-word, and across a blank line, are joined with nothing inserted.
    assert "市委书记区明德主持会议并讲话。" in body[0]
    assert "副市长莫晓岚、钟离远、陆家宁列席会议。" in body[1]
    assert "沿江产业带新签约项目47个、总投资326亿元。" in body[2]
    assert body[-1] == "会议还研究了其他事项。"
    assert paragraphs(comment)[0].startswith("谋划明年经济工作")
    assert len(paragraphs(comment)) == 2
    assert paragraphs(meeting)[1].startswith("会上，8位政协委员")
    assert paragraphs(meeting)[1].endswith("村级寄递服务站点1120个。")
    assert paragraphs(port) == [
        "11月28日，一艘满载集装箱的货轮停靠槎江新港二期1号泊位。该泊位设计年通过能力50万标箱，是我市沿江产业带重点项目之一。"
    ]
    assert photo_credits(port.photos[0]) == [("本报", "记者", ("甘霖",), True)]
    assert paragraphs(conduct) == [
        "日前，市纪委监委印发方案，在全市启动为期半年的机关作风建设专项行动，重点整治推诿扯皮、慢作为等问题。"
    ]


def test_evening_markdown_page_whose_stories_close_on_their_credit_brackets():
    (page,) = parse(
        "evening_markdown_closing_credits.txt", edition_date=EDITION, page_names=["A06"]
    )
    assert page.running_head == {"date": EDITION, "name": "民生", "label": "A06"}
    assert page.problems == []
    # > 本版编辑：季 棠　美编：上官 菲　校对：程 立: a staff line in a quote block.
    assert page.staff_credits and [(c.role, c.names) for c in page.staff_credits] == [
        ("本版编辑", ("季棠",)),
        ("美编", ("上官菲",)),
        ("校对", ("程立",)),
    ]
    assert skipped(page) == [
        (1, "running_head"),
        (3, "staff"),
        (5, "noise"),
        (51, "noise"),
        (53, "masthead"),  # *新闻线索请拨打本报热线…*: a call for tips, in no story
    ]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "记者调查",  # **记者调查** over the ## title: the column
            "",
            "老旧小区加装电梯，为何总“卡”在一楼？",
            "全市已加装电梯1300余部，仍有不少单元因低层住户意见不一迟迟难以落地",
            "",
            [("", "记者", ("樊小溪",)), ("", "通讯员", ("湛卫东",))],
            0,
        ),
        # The story above closed on its credit bracket: this ## title opens a story.
        (
            "news",
            "",
            "",
            "明年起 灵活就业人员可在居住地参加职工医保",
            "",
            "",
            [("", "记者", ("俞朗",)), ("", "通讯员", ("人社宣",))],
            0,
        ),
        ("photo", "", "", "暖冬集市开张啦", "", "", [], 1),
        (
            "news",
            "",
            "",
            "冬季心脑血管急症呼救量上升两成",
            "",
            "",
            [("", "记者", ("聂可心",)), ("", "通讯员", ("司马骁", "叶晨"))],
            0,
        ),
    ]
    survey, insurance, market, emergency = page.articles
    body = paragraphs(survey)
    assert len(body) == 8  # 问：/答： lines are paragraphs, never titles
    assert body[2].endswith("房子会不会贬值？”")
    assert body[-1].endswith("记者将持续关注。")
    assert intertitles(survey) == ["政策问答"]
    assert paragraphs(insurance)[-1].endswith("之间自主选择。")
    assert paragraphs(market) == []
    assert market.photos[0].caption.endswith("将持续至明年2月。")
    assert photo_credits(market.photos[0]) == [("本报", "记者", ("柯岚",), True)]
    assert paragraphs(emergency)[-1].endswith("切勿自行驾车就医。")


def test_trade_paper_export_with_a_chart_unbracketed_wrappers_and_numbered_briefs():
    (page,) = parse("trade_paper_chart_numbered_briefs.txt", edition_date=EDITION, page_names=["3"])
    assert page.running_head == {"date": EDITION, "name": "综合新闻", "label": "第3版"}
    assert page.problems == []
    assert [(c.role, c.names) for c in page.staff_credits] == [("值班编辑", ("郁青",))]
    assert skipped(page) == [(1, "running_head"), (26, "masthead")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "多地抢抓晴好天气加快播种进度",
            "全国冬小麦播种基本结束",
            "",
            "",
            [("本报", "记者", ("谭一苇",)), ("", "通讯员", ("甄秀禾",))],
            1,  # the chart
        ),
        (
            "news",
            "",
            "",
            "岚峰县“稻+鱼”综合种养亩均增收千元",
            "",
            "",
            [("本报", "记者", ("闻人可",)), ("", "通讯员", ("冉小林", "杨帆"))],
            0,
        ),
        (
            "news",
            "",
            "",
            "我国农产品冷链物流骨干网基本成型",
            "",
            "北京11月30日",
            [("新华社", "记者", ("于嘉川", "石晓芸"))],
            0,
        ),
        # 简讯 over numbered briefs: a brief each; its source in brackets names nobody
        # (kept as the brief's note, printed in its brackets under the text).
        (
            "brief",
            "简讯",
            "",
            "青禾县日前完成2026年度高标准农田建设任务",
            "",
            "",
            [],
            0,
        ),
        (
            "brief",
            "简讯",
            "",
            "石梁县首届农机展示会11月27日开幕",
            "",
            "",
            [],
            0,
        ),
        (
            "brief",
            "简讯",
            "",
            "南溪县近日启动冬春农田水利建设",
            "",
            "",
            [],
            0,
        ),
    ]
    wheat, rice, cold_chain, farmland, machinery, water = page.articles
    # …甄秀禾报道：记者从…: the 记者 after the wrapper is the text's subject, kept.
    assert paragraphs(wheat)[0].startswith("记者从农业农村部农技中心获悉")
    assert len(paragraphs(wheat)) == 3
    # 数据来源：… names nobody: no credit, but printed text, kept in the chart's caption.
    assert (
        wheat.photos[0].caption
        == "图表：全国冬小麦播种进度（截至11月28日） 数据来源：农业农村部农技中心"
    )
    assert photo_credits(wheat.photos[0]) == [("", "制图", ("宋澄",), True)]
    assert [p[:10] for p in paragraphs(rice)] == [
        "在岚峰县龙井乡，收获",
        "“鱼吃虫、鱼粪肥田，",
        "据了解，岚峰县已组建",
    ]
    assert paragraphs(cold_chain)[0].startswith("记者30日从国家发展改革委获悉")
    assert len(paragraphs(cold_chain)) == 2
    assert paragraphs(farmland) == [
        "青禾县日前完成2026年度高标准农田建设任务，新建高标准农田4.2万亩，配套建设灌排渠道86公里。"
    ]
    assert paragraphs(machinery)[0].endswith("烘干机具150余台（套）。")
    assert paragraphs(water) == [
        "南溪县近日启动冬春农田水利建设，计划整治山塘120口、清淤沟渠300公里。"
    ]
    assert [farmland.author_note, water.author_note] == ["青禾县农业农村局", "南溪县水务局"]


def test_county_special_page_one_feature_in_numbered_parts_and_a_team_line():
    (page,) = parse(
        "county_special_page_numbered_parts.txt", edition_date=EDITION, page_names=["4"]
    )
    assert page.running_head == {"date": EDITION, "name": "专版", "label": "第4版"}
    assert page.problems == []
    # 本版策划：龙　彬　统筹：…　撰稿：…　摄影：…: the page's team, no picture's credit.
    assert [(c.role, c.names) for c in page.staff_credits] == [
        ("本版策划", ("龙彬",)),
        ("统筹", ("龚欣然",)),
        ("撰稿", ("杨一帆",)),
        ("摄影", ("滕晓峰", "冉一舟")),
    ]
    assert skipped(page) == [(1, "running_head"), (27, "staff"), (28, "masthead")]
    (feature,) = page.articles
    assert story(feature) == (
        "news",
        "",
        "",
        "三代人守一片林",
        "——白岩林场务林人的六十年",
        "",
        [],
        3,
    )
    assert feature.editor_note.startswith("梧冈是全省重要的水源涵养区。")
    # 一、… to 四、… are the feature's parts, never titles of stories of their own; the
    # 人物名片 box is kept under its label as a 相关链接 box is (our convention).
    assert intertitles(feature) == [
        "一、从荒山到林海",
        "二、接过父亲的巡山路",
        "三、“智慧林场”来了",
        "四、“林三代”上山了",
        "人物名片",
    ]
    body = paragraphs(feature)
    assert len(body) == 10
    assert body[0].startswith("1965年冬天")
    assert body[2].endswith("他一走就是三十年，磨破了六十多双解放鞋。")
    assert body[8].startswith("从一把锄头到一块屏幕")
    assert body[9].startswith("苟小禾，1999年生")
    assert [(p.caption, photo_credits(p)) for p in feature.photos] == [
        ("上世纪七十年代，白岩林场职工在山上植树。（资料图片）", []),
        ("苟建林（右）带着年轻护林员巡山。", [("", "", ("滕晓峰",), True)]),
        ("林场监控中心工作人员查看火情监测画面。", [("", "", ("冉一舟",), True)]),
    ]


@pytest.mark.parametrize(
    "line",
    ["摄影：张三", "策划：李四 摄影：王五"],
)
def test_a_team_role_alone_is_a_credit_not_a_staff_line(line):
    assert read_staff_line(line) is None


def test_a_title_after_a_story_is_a_story_when_its_text_closes_on_a_credit_bracket():
    text = (
        "## 第一个标题\n\n本报讯（记者 张三）今天发生了一件事情。\n\n"
        "## 小标题\n\n第三段话在这里（完）。\n\n"
        "## 第二个标题\n\n第四段话写完了。（记者 李四）\n\n1. 第一条，列表的一行\n"
    )
    (page,) = parse_page_text(text)
    first, second = page.articles
    # （完） names nobody: 小标题 stays an intertitle of the first story.
    assert intertitles(first) == ["小标题"]
    assert second.headline == "第二个标题"
    assert [(c.role, c.names) for c in second.credits] == [("记者", ("李四",))]
    assert paragraphs(second)[0] == "第四段话写完了。"
