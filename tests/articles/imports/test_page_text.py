"""parse_page_text: the rules that read page text into stories."""

import contextlib
import random
import time
from pathlib import Path

import pytest
from django.conf import settings

from articles.imports.page_text import parse_page_text
from articles.print_labels import LayoutError
from tests.articles.imports.page_checks import (
    intertitles,
    paragraphs,
    photo_credits,
    titles_and_openings,
)

SEED = (Path(settings.BASE_DIR) / "fixtures" / "seed_pages.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages():
    return parse_page_text(SEED)


def test_two_pages_split_at_the_section_heading_with_staff(pages):
    assert [(p.name, len(p.articles)) for p in pages] == [("区县新闻", 5), ("就业·创业", 4)]
    assert pages[1].staff == {"chief_editor": "王建设", "art_editor": "王玺"}
    assert pages[0].staff == {}


def test_district_labels_kickers_headlines_and_subheadlines(pages):
    heads = [(s.districts, s.kicker, s.headline, s.subheadline) for s in pages[0].articles]
    assert heads == [
        (("株洲高新区",), "", "拓展政企“朋友圈” 提升营商环境软实力", ""),
        (("芦淞区",), "搭建创业发展平台", "当好个私企业“娘家人”", ""),
        (("石峰区", "响石岭街道"), "", "老旧小区边坡安全隐患消除", "打好安全生产翻身仗"),
        ((), "", "城乡支部共建 热情捐书助学", ""),
        (("石峰区",), "30户农村残疾人", "“阳光增收”", ""),
    ]


def test_dateline_is_taken_out_of_the_lead(pages):
    article = pages[0].articles[1]
    assert article.dateline == "12月23日"
    assert article.body[0]["text"].startswith("芦淞区个体私营企业协会2023年度年会召开，")


def test_paragraphs_broken_by_the_page_are_joined(pages):
    texts = [b["text"] for b in pages[0].articles[0].body]
    assert any("“95后”工程师" in t for t in texts)
    assert not any(t.endswith("“95") for t in texts)


def test_intertitles_keep_their_line_break(pages):
    intertitles = [b["text"] for b in pages[0].articles[0].body if b["type"] == "intertitle"]
    assert intertitles == [
        "有趣好玩交朋友\n促政企沟通“双向奔赴”",
        "亲切方便还走心\n提升营商环境软实力",
    ]


def test_photo_story_and_captions(pages):
    photo_article = pages[0].articles[3]
    assert photo_article.kind == "photo" and photo_article.credits == []
    assert photo_article.photos[0].caption == ""
    assert [c.names for c in photo_article.photos[0].credits] == [("杨如",), ("谭红冰", "周奕江")]
    lead = pages[1].articles[0]
    assert [p.caption for p in lead.photos] == [
        "第十届“技能天下”颁奖现场。",
        "技能人才翻阅《株洲技能人才名录》。",
        "“技能天下”比赛现场。",
    ]


def test_commentary_belongs_to_the_lead_story(pages):
    commentary = pages[1].articles[1]
    assert commentary.kind == "commentary"
    assert commentary.headline == "制造业当家 需要高技能人才支撑"
    assert commentary.credits[0].role == "评论作者"
    assert commentary.main_article == 0


def test_rosters(pages):
    rosters = pages[1].articles[0].rosters
    assert [(r.title, r.stated_count, len(r.names)) for r in rosters] == [
        ("1. 株洲市第十届“技能天下”职业技能大赛冠军", 15, 15),
        ("2. 株洲市职业技能大赛十年匠心奖人员", 10, 10),
        ("3. 2023年株洲市技能大师人员", 10, 10),
    ]
    assert rosters[2].names[5] == "欧阳王彬"


def test_half_width_punctuation_becomes_full_width(pages):
    assert "：“企业交流" in pages[0].articles[0].body[1]["text"]


def test_headings_only_is_refused():
    with pytest.raises(LayoutError, match="只有标题"):
        parse_page_text("## 株洲高新区\n\n## 标题\n")


def test_a_role_with_no_name_credits_nobody_and_the_story_still_opens():
    text = "## 标题\n\n株洲日报(全媒体记者/)近日，会议召开。\n"
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert article.headline == "标题" and article.credits == []
    assert [b["text"] for b in article.body] == ["近日，会议召开。"]


def test_a_new_role_word_is_a_role_not_an_error():
    text = "## 标题\n\n株洲日报(全媒体记者/张三 主笔/李四)近日，会议召开。\n"
    (page,) = parse_page_text(text)
    credits = page.articles[0].credits
    assert [(c.role, c.names) for c in credits] == [("全媒体记者", ("张三",)), ("主笔", ("李四",))]
    assert page.articles[0].body == [{"type": "paragraph", "text": "近日，会议召开。"}]


def test_text_with_no_story_is_refused():
    with pytest.raises(LayoutError):
        parse_page_text("只是一段没有标题的文字。\n")


@pytest.mark.parametrize(
    ("credit_line", "expected"),
    [
        ("本报记者 张三 王五", [("本报", "记者", ("张三", "王五"))]),
        ("株洲日报讯(全媒体记者 张三 通讯员 李四)", None),
        ("文/图 张三", [("", "文/图", ("张三",))]),
        ("见习记者/王五 实习生/赵六", [("", "见习记者", ("王五",)), ("", "实习生", ("赵六",))]),
    ],
)
def test_common_credit_forms_open_a_story(credit_line, expected):
    if expected is None:
        text = f"## 标题\n\n{credit_line}近日，会议召开。\n"
        expected = [("株洲日报", "全媒体记者", ("张三",)), ("", "通讯员", ("李四",))]
    else:
        text = f"## 标题\n\n{credit_line}\n\n近日，会议召开。\n"
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert article.headline == "标题"
    assert [(c.unit, c.role, c.names) for c in article.credits] == expected
    assert article.body == [{"type": "paragraph", "text": "近日，会议召开。"}]


def test_credit_like_lines_inside_a_story_are_text():
    text = (
        "## 标题\n\n株洲日报(全媒体记者/张三)近日，会议召开。\n\n"
        "记者手记：\n\n要抓好落实。\n\n（记者 李四）\n"
    )
    (page,) = parse_page_text(text)
    assert [b["text"] for b in page.articles[0].body] == [
        "近日，会议召开。",
        "记者手记：",
        "要抓好落实。",
        "（记者 李四）",
    ]


# Linear time: generous bounds, and n against 4n stories -------------------------------

STORY = (
    "## 标题{n}\n\n本报讯（记者 张三 通讯员 李四）近日，第{n}次会议召开。\n\n"
    "会议要求，抓好落实。\n\n"
)


def _seconds(text):
    """The processor time ``text`` takes to parse (not the wall clock: the machine is shared)."""
    start = time.process_time()
    pages = parse_page_text(text)
    return time.process_time() - start, pages


def _best_seconds(text, runs=3):
    """The least processor time of ``runs`` parses of ``text``: a bound on the parser's own
    cost, whatever else the machine runs (the texts of these tests repeat one line, which
    the first parse reads once already)."""
    timings = [_seconds(text) for _ in range(runs)]
    return min(seconds for seconds, _pages in timings), timings[0][1]


def test_twenty_thousand_headings_parse_in_well_under_a_second():
    seconds, pages = _best_seconds(STORY.format(n=1) + "## 小标题\n\n" * 20_000 + "正文。\n")
    # The last three headings over text are a title block (引题, 主题, 副题), the rest intertitles.
    story, last = pages[0].articles
    assert len(story.body) == 2 + 19_997
    assert (last.kicker, last.headline, last.subheadline) == ("小标题", "小标题", "小标题")
    assert seconds < 1.0


def test_twenty_thousand_plain_title_lines_parse_in_well_under_a_second():
    seconds, pages = _best_seconds(STORY.format(n=1) + "小标题\n\n" * 20_000 + "正文。\n")
    assert len(pages[0].articles) == 1
    assert seconds < 1.0


def test_a_file_of_twenty_thousand_headings_is_refused_quickly():
    start = time.process_time()
    with pytest.raises(LayoutError):
        parse_page_text("## 标题\n\n" * 20_000)
    assert time.process_time() - start < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "## " + " " * 60_000 + "标题\n\n" + STORY.format(n=1),
        STORY.format(n=1) + "标" + " " * 60_000 + "题\n\n正文。\n",
        STORY.format(n=1) + " " * 60_000 + "\n标题\n正文。\n",
        "标题" + " " * 60_000 + "\n本报讯（记者 张三）近日，会议召开。\n",
    ],
)
def test_a_line_of_sixty_thousand_spaces_parses_at_once(text):
    seconds, pages = _best_seconds(text)
    assert pages[0].articles
    assert seconds < 0.5


def test_stories_parse_in_linear_time():
    # Processor time, on texts never read before (the parser reads a repeated line once).
    small_seconds, small_pages = _seconds("".join(STORY.format(n=n) for n in range(2_000)))
    large_seconds, large_pages = _seconds("".join(STORY.format(n=n) for n in range(10_000, 18_000)))
    assert len(small_pages[0].articles) == 2_000 and len(large_pages[0].articles) == 8_000
    # Four times the stories: well under sixteen times the time (a quadratic step).
    assert large_seconds < 8 * small_seconds


def test_an_editors_note_above_the_title_belongs_to_the_story_under_it():
    text = "编者按：本报今起推出系列报道。\n\n## 标题\n\n本报讯（记者 张三）近日，会议召开。\n"
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert article.editor_note == "本报今起推出系列报道。"
    assert [b["text"] for b in article.body] == ["近日，会议召开。"]


def test_a_bold_line_is_a_heading_and_an_end_mark_is_no_text():
    text = "**标题**\n\n本报讯（记者 张三）近日，会议召开。\n\n（完）\n"
    (page,) = parse_page_text(text)
    assert page.articles[0].headline == "标题"
    assert [b["text"] for b in page.articles[0].body] == ["近日，会议召开。"]
    assert [(s.line, s.reason) for s in page.skipped] == [(5, "noise")]


def test_a_jump_line_ending_a_paragraph_is_flagged_and_cut():
    text = "## 标题\n\n本报讯（记者 张三）近日，会议召开，会议要求抓好落实。（下转第二版）\n"
    (page,) = parse_page_text(text)
    assert page.articles[0].jumps == ["（下转第二版）"]
    assert page.articles[0].body == [
        {"type": "paragraph", "text": "近日，会议召开，会议要求抓好落实。"}
    ]


def test_heading_levels_tell_the_main_title_from_its_kicker_and_subtitle():
    text = (
        "### 引题在上\n\n# 主题最大\n\n## 副题在下\n\n本报讯（记者 张三）近日，会议召开。\n\n"
        "# 只有主题\n\n## 和副题\n\n本报讯（记者 李四）近日，会议召开。\n"
    )
    (page,) = parse_page_text(text)
    assert [(a.kicker, a.headline, a.subheadline) for a in page.articles] == [
        ("引题在上", "主题最大", "副题在下"),
        ("", "只有主题", "和副题"),
    ]


def test_an_e_papers_buttons_are_skipped_as_its_page_list():
    text = (
        "上一篇 下一篇 【字号 大 中 小】\n\n## 标题\n\n"
        "本报讯（记者 张三）近日，会议召开。\n\n打印 | 关闭\n"
    )
    (page,) = parse_page_text(text)
    assert [(s.line, s.reason) for s in page.skipped] == [(1, "page_list"), (7, "page_list")]
    assert [b["text"] for b in page.articles[0].body] == ["近日，会议召开。"]


def test_an_editors_note_over_plain_text_is_the_storys_and_nothing_breaks():
    text = (
        "## 标题\n\n本报讯（记者 张三）近日，会议召开。\n\n编者按：请读者留意。\n\n"
        "会议指出，要抓落实，见成效。\n"
    )
    (page,) = parse_page_text(text)
    assert page.articles[0].editor_note == "请读者留意。"
    assert len(page.articles[0].body) == 2


def test_any_mix_of_page_lines_parses_or_is_refused_with_a_layout_error():
    pages_dir = Path(__file__).parent / "pages"
    lines = SEED.split("\n")
    for path in sorted(pages_dir.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").split("\n")
    rng = random.Random(13)
    for _trial in range(300):
        chosen = [rng.choice(lines) for _ in range(rng.randint(1, 30))]
        if rng.random() < 0.3:
            chosen = [line[: rng.randint(0, len(line))] for line in chosen]
        separator = rng.choice(["\n", "\n\n", "  \n", "\n\u3000\u3000", "\n## "])
        with contextlib.suppress(LayoutError):
            parse_page_text(separator.join(chosen))


def test_a_two_heading_title_with_no_credit_under_a_story_opens_a_story():
    text = (
        "## 标题\n\n本报讯（记者 张三）近日，会议召开。\n\n## 小标题\n\n会议要求抓好落实。\n\n"
        "## 引题\n\n## 另一篇稿件\n\n近日，另一项活动举行。\n\n"
        "【社区动态】\n\n## 第三篇\n\n活动举行。\n"
    )
    (page,) = parse_page_text(text)
    assert [(a.column, a.kicker, a.headline, a.credits) for a in page.articles][1:] == [
        ("", "引题", "另一篇稿件", []),
        ("社区动态", "", "第三篇", []),
    ]
    assert [b["type"] for b in page.articles[0].body] == ["paragraph", "intertitle", "paragraph"]


def test_copied_text_with_a_paragraph_a_line_and_no_blank_lines():
    text = (
        "标题一\n本报讯（记者 张三）近日，会议召开。\n会议要求抓好落实。\n"
        "标题二\n本报讯（记者 李四）昨天，活动举行。\n活动吸引千余人参加。\n"
    )
    (page,) = parse_page_text(text)
    assert [(a.headline, [c.names for c in a.credits], len(a.body)) for a in page.articles] == [
        ("标题一", [("张三",)], 2),
        ("标题二", [("李四",)], 2),
    ]


def test_a_picture_above_the_first_title_and_a_lone_label_are_listed_not_refused():
    text = (
        "春到湘江。记者 张三 摄\n\n## 标题\n\n本报讯（记者 李四）近日，会议召开。\n\n"
        "## 广告\n\n责任编辑：王五\n"
    )
    (page,) = parse_page_text(text)
    assert [(s.line, s.reason) for s in page.skipped][:1] == [(1, "other")]
    assert page.articles[0].body[0] == {"type": "paragraph", "text": "近日，会议召开。"}


def test_the_text_under_a_picture_is_its_caption_and_a_credit_under_that_its_credit():
    text = (
        "## 标题\n\n![](p0.jpg)\n\n会场外景。\n\n本报讯（记者 张三）近日，会议召开。\n\n"
        "![](p1.jpg)\n\n会议现场。\n\n记者 李四\n\n"
        "会议要求抓好落实。\n\n[图片]\n\n与会代表合影。\n"
    )
    (page,) = parse_page_text(text)
    (article,) = page.articles
    photos = [(p.caption, [(c.role, c.names, c.photo) for c in p.credits]) for p in article.photos]
    # A picture between the title and the lead is the story's too.
    assert photos == [
        ("会场外景。", []),
        ("会议现场。", [("记者", ("李四",), True)]),
        ("与会代表合影。", []),
    ]
    assert [b["text"] for b in article.body] == ["近日，会议召开。", "会议要求抓好落实。"]


def test_a_figures_box_in_wrapped_text_keeps_a_row_a_paragraph_and_no_title():
    text = (
        "　　全区今年新建改建农村公路86公里，惠及沿线群众\n"
        "4万余人。\n"
        "【数读】\n"
        "路网这一年\n"
        "　　86公里　新建改建农村公路\n"
        "　　213座　完成危桥改造\n"
        "　　9.7亿元　全年交通建设投资\n"
        "候鸟归来\n"
        "本报讯（记者 上官明）近日，大批候鸟飞抵南湖湿地。\n"
    )
    (page,) = parse_page_text(text)
    box = next(a for a in page.articles if a.headline == "路网这一年")
    assert box.column == "数读"
    assert paragraphs(box) == [
        "86公里　新建改建农村公路",
        "213座　完成危桥改造",
        "9.7亿元　全年交通建设投资",
    ]
    assert page.articles[-1].headline == "候鸟归来"


def test_three_figure_lines_set_apart_by_a_gap_are_rows_of_the_story_they_stand_in():
    text = (
        "全区工业稳中有进\n"
        "本报讯（记者 欧阳青）前三季度，全区工业生产稳中有进，主要指标\n"
        "好于预期。\n"
        "规上工业增加值　　　　　同比增长6.1%\n"
        "工业投资　　　　　　　　同比增长9.4%\n"
        "工业用电量　　　　　　　同比增长5.2%\n"
        "　　从行业看，装备制造业增长最快，拉动全区规上工业增长2.3个百分点。\n"
    )
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert article.headline == "全区工业稳中有进"
    assert paragraphs(article)[1:4] == [
        "规上工业增加值　同比增长6.1%",
        "工业投资　同比增长9.4%",
        "工业用电量　同比增长5.2%",
    ]
    assert paragraphs(article)[-1].startswith("从行业看")


def test_a_single_figure_title_and_a_teaser_list_are_no_figures_box():
    text = (
        "一季度全区外贸增长12.5%\n"
        "本报讯（记者 林一）一季度，全区外贸进出口总额同比增长12.5%。\n"
        "今日导读\n"
        "■全市中小学春季研学线路发布　　　　A04\n"
        "■地铁3号线二期进入铺轨阶段　　　　A05\n"
        "■老旧小区加装电梯补贴上调　　　　　A06\n"
    )
    (page,) = parse_page_text(text)
    assert [a.headline for a in page.articles] == ["一季度全区外贸增长12.5%"]
    assert all("A05" not in p for p in paragraphs(page.articles[0]))


def test_three_one_sentence_captions_over_one_credit_are_three_pictures():
    text = (
        "【镜头】\n"
        "湿地迎来越冬候鸟\n"
        "　　11月20日，白鹭在南湖湿地觅食。\n"
        "　　11月21日，市民在观鸟台拍摄候鸟。\n"
        "　　11月22日，志愿者清理湿地垃圾。\n"
        "本报记者 司马青　通讯员 夏 禾 摄\n"
    )
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert article.kind == "photo"
    assert [p.caption for p in article.photos] == [
        "11月20日，白鹭在南湖湿地觅食。",
        "11月21日，市民在观鸟台拍摄候鸟。",
        "11月22日，志愿者清理湿地垃圾。",
    ]
    assert all(photo_credits(p)[0][2] == ("司马青",) for p in article.photos)


def test_a_supplement_page_its_genre_labels_a_notice_and_a_page_picture_credit():
    text = (
        "溪川晚报　2025年3月7日　星期五　第12版\n\n"
        "读书副刊\n\n"
        "书　窗\n\n"
        "责任编辑：韦 岚　版式：司马青\n\n"
        "随笔\n\n"
        "旧书摊上的春天\n\n"
        "□ 钟离月\n\n"
        "　　巷口的旧书摊又开张了，摊主把一摞摞旧书码得整整齐齐。\n\n"
        "　　我在摊前蹲了一个下午，淘到一本扉页写着赠言的诗集。\n\n"
        "“书窗”征稿启事\n\n"
        "　　本版常年征集读书随笔、书评，来稿请寄shuchuang@xcwb.cn\n\n"
        "本版插图：蓝 溪\n"
    )
    (page,) = parse_page_text(text)
    assert page.name == "读书副刊"
    essay, notice = page.articles
    assert (essay.column, essay.headline) == ("随笔", "旧书摊上的春天")
    # On a 副刊 a signed essay is no commentary: its writer keeps no role.
    assert [(c.role, c.names) for c in essay.credits] == [("", ("钟离月",))]
    assert notice.headline == "“书窗”征稿启事"
    assert paragraphs(notice) == ["本版常年征集读书随笔、书评，来稿请寄shuchuang@xcwb.cn"]
    assert [(s.text, s.reason) for s in page.skipped][1:3] == [
        ("读书副刊", "running_head"),
        ("书 窗", "running_head"),
    ]
    assert ("本版插图：蓝 溪", "staff") in [(s.text, s.reason) for s in page.skipped]


def test_a_wire_titled_after_its_dateline_is_credited_by_the_byline_under_it():
    text = (
        "新华视点\n"
        "让老旧小区“焕新”更要“焕心”\n"
        "新华社长沙3月6日电　题：让老旧小区“焕新”更要“焕心”\n"
        "新华社记者　慕容青　夏 禾\n"
        "加装电梯、改造管网、增设停车位……各地老旧小区改造提速。\n"
        "据新华社电　记者6日从住房和城乡建设部获悉，今年将新开工改造城镇老旧小区5万个。\n"
    )
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert article.dateline == "长沙3月6日"
    assert [(c.role, c.names) for c in article.credits] == [("记者", ("慕容青", "夏禾"))]
    assert paragraphs(article)[0].startswith("加装电梯")
    assert all("题：" not in p for p in paragraphs(article))


def test_a_reporter_as_the_subject_after_a_wire_credit_stays_in_the_text():
    text = "跨省通办事项再扩容\n据新华社电　记者15日从国家政务服务平台获悉，第三批事项上线。\n"
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert article.credits == []
    assert paragraphs(article) == ["记者15日从国家政务服务平台获悉，第三批事项上线。"]


def test_in_a_run_of_briefs_each_paragraph_closing_on_its_credit_is_a_brief():
    text = (
        "民生快讯\n"
        "市图书馆暑期延时开放\n"
        "　　本报讯　6月15日起，市图书馆开放时间延长至每晚21时。（记者 吴 倩）\n"
        "社保卡可刷乘公交地铁\n"
        "　　本报讯　即日起，第三代社保卡可在全市公交车、地铁闸机刷卡乘车\n"
        "，首次使用前需在线开通。（记者 韩 露 通讯员 孔 明）\n"
        "　　市消防救援支队日前走进社区开展消防安全宣传。（通讯员 许 诺）\n"
        "　　全市首批12个“口袋公园”近日完工开放。（记者 林晓岚）\n"
        "民生热线：96118　投稿邮箱：msb@example.cn\n"
    )
    (page,) = parse_page_text(text)
    assert [(a.kind, a.column, [c.names for c in a.credits]) for a in page.articles] == [
        ("brief", "民生快讯", [("吴倩",)]),
        ("brief", "民生快讯", [("韩露",), ("孔明",)]),
        ("brief", "民生快讯", [("许诺",)]),
        ("brief", "民生快讯", [("林晓岚",)]),
    ]
    assert paragraphs(page.articles[1]) == [
        "即日起，第三代社保卡可在全市公交车、地铁闸机刷卡乘车，首次使用前需在线开通。"
    ]
    assert page.skipped[-1].reason == "masthead"


WRAPPED_ENTERTAINMENT_PAGE = (
    "C03　　文体\n"
    "溪川晚报　　2025年4月11日　星期五\n"
    "名家访谈\n"
    "钟离雪：唱了四十年花鼓戏，\n"
    "我还想再唱一出新戏\n"
    "新编花鼓戏《渡口》下周在溪川大剧院首演\n"
    "■本报记者　慕容青\n"
    "　　在溪川戏曲圈，钟离雪的名字几乎无人不晓。从\n"
    "1985年进入县花鼓剧团算起，她已经在舞台上站了\n"
    "四十年。\n"
    "　　记者：第一次演新编戏，是什么心情？\n"
    "　　钟离雪：紧张，也兴奋。老戏唱熟了，新戏得一\n"
    "句一句重新琢磨。\n"
    "　　记者：接下来还有什么打算？\n"
    "　　钟离雪：把这轮演出唱好，再带几个徒弟。\n"
    "春日花海迎客来\n"
    "　　4月9日，游客在溪川植物园赏花。\n"
    "图/视觉中国\n"
    "剧评\n"
    "《渡口》：老腔调里的新声音\n"
    "　　新编花鼓戏《渡口》的好，在于它不急。导演把最\n"
    "重的情绪留给了唱腔，观众跟着一起屏住了呼吸。\n"
    "□ 司马秋\n"
    "演出信息\n"
    "花鼓戏《渡口》\n"
    "4月18日—20日 19:30\n"
    "溪川大剧院\n"
    "票价 80元 180元\n"
    "民乐音乐会《春江》\n"
    "4月22日 19:30\n"
    "溪川音乐厅\n"
    "票价 60元 120元\n"
    "文体快讯\n"
    "　　市全民健身中心游泳馆本月起延长开放时间。\n"
    "（记者 夏 禾）\n"
    "　　第三届溪川城市定向赛昨日落幕，千余名市民参赛。\n"
    "责编　周 健　　美编　邝 蕾\n"
)


def test_an_evening_page_wrapped_as_wide_as_its_titles_reads_into_its_pieces():
    (page,) = parse_page_text(WRAPPED_ENTERTAINMENT_PAGE)
    interview, photo, review, box, *briefs = page.articles
    # 主题 broken after its comma, over a 副题; the label is the column; 记者： lines are text.
    assert (interview.column, interview.kicker, interview.headline, interview.subheadline) == (
        "名家访谈",
        "",
        "钟离雪：唱了四十年花鼓戏，我还想再唱一出新戏",
        "新编花鼓戏《渡口》下周在溪川大剧院首演",
    )
    assert [(c.role, c.names) for c in interview.credits] == [("记者", ("慕容青",))]
    assert paragraphs(interview)[-2:] == [
        "记者：接下来还有什么打算？",
        "钟离雪：把这轮演出唱好，再带几个徒弟。",
    ]
    # 图/视觉中国: a picture from an agency, credited to no person.
    assert (photo.kind, photo.headline, len(photo.photos), photo.photos[0].credits) == (
        "photo",
        "春日花海迎客来",
        1,
        [],
    )
    # □ 司马秋 under the review's last paragraph signs it.
    assert (review.column, [(c.role, c.names) for c in review.credits]) == (
        "剧评",
        [("评论作者", ("司马秋",))],
    )
    # Unpunctuated lines under a title: a box of its own, a row each.
    assert box.headline == "演出信息"
    assert paragraphs(box)[:2] == ["花鼓戏《渡口》", "4月18日—20日　19:30"]
    assert len(paragraphs(box)) == 8
    assert [(b.kind, b.column, [c.names for c in b.credits]) for b in briefs] == [
        ("brief", "文体快讯", [("夏禾",)]),
        ("brief", "文体快讯", []),
    ]


def test_a_title_line_over_a_longer_line_of_clauses_is_main_over_sub():
    text = (
        "第五届溪川读书节下周开幕\n"
        "36场活动覆盖全市，首次设立乡村分会场\n"
        "本报讯（记者 林一）第五届溪川读书节将于4月23日开幕。\n"
        "端午假期临近\n"
        "粽子礼盒“瘦身”，价格更亲民\n"
        "本报讯（记者 林一）端午假期临近，粽子礼盒更加简约。\n"
    )
    (page,) = parse_page_text(text)
    first, second = page.articles
    assert (first.kicker, first.headline, first.subheadline) == (
        "",
        "第五届溪川读书节下周开幕",
        "36场活动覆盖全市，首次设立乡村分会场",
    )
    assert (second.kicker, second.headline) == ("端午假期临近", "粽子礼盒“瘦身”，价格更亲民")


def test_an_e_paper_copy_keeps_its_title_list_buttons_and_one_line_adverts_out():
    text = (
        "澄江晚报数字报\n"
        "本版标题导航\n"
        "· 社区食堂上新“暖冬套餐”\n"
        "·孩子暑假想报托管班，怎样选才放心？\n"
        "【字体：大 中 小】　　【打印本页】　　【关闭窗口】\n"
        "\n"
        "社区食堂上新“暖冬套餐”\n"
        "来源：澄江晚报　　2024年11月08日　　浏览次数：3126\n"
        "晚报记者 邱　岩\n"
        "\n"
        "　　11月7日中午，幸福里社区长者食堂推出“暖冬套餐”。\n"
        "\n"
        "〖广告〗启明学堂暑期素养课开班　报名电话：88335566\n"
        "青川农商银行　情系三农　服务城乡　　全县服务热线：96633\n"
        "明日本版导读：高考志愿怎么填？听听专家怎么说\n"
        "下期预告：石门老街观察（下）　烟火气如何留得住\n"
        "技术支持：澄江报业融媒体中心\n"
        "（广告）康宁大药房冬季健康节　会员购药满99元减10元\n"
        "本版其他新闻\n"
        "社区食堂上新“暖冬套餐”\n"
        "急救技能进社区\n"
        "ICP备05012345号-2\n"
        "< 上一版    下一版 >\n"
        "本版文章版权归澄江晚报所有，转载请注明出处\n"
        "澄江晚报数字报 epaper.cjwb.com.cn\n"
        "▶更多茶乡故事，请看本报客户端“澄江+”专题《一片叶子的百亿之路》\n"
    )
    (page,) = parse_page_text(text)
    (story,) = page.articles
    assert (story.headline, paragraphs(story)) == (
        "社区食堂上新“暖冬套餐”",
        ["11月7日中午，幸福里社区长者食堂推出“暖冬套餐”。"],
    )
    assert [(c.role, c.names) for c in story.credits] == [("记者", ("邱岩",))]
    skipped = {line.text: line.reason for line in page.skipped}
    assert skipped["本版标题导航"] == skipped["· 社区食堂上新“暖冬套餐”"] == "page_list"
    assert skipped["·孩子暑假想报托管班，怎样选才放心？"] == "page_list"
    assert skipped["明日本版导读：高考志愿怎么填？听听专家怎么说"] == "teaser"
    assert skipped["下期预告：石门老街观察（下） 烟火气如何留得住"] == "teaser"
    assert skipped["急救技能进社区"] == "page_list"
    assert len(page.skipped) == 20


def test_a_layout_systems_text_boxes_part_the_pieces_and_are_no_ones():
    text = (
        "##飞腾融合出版 文本导出｜版号A02｜版名：要闻\n"
        "〔文本框05〕\n"
        "基层治理新观察\n"
        "“小网格”托起\n"
        "“大民生”\n"
        "——江东区推行“网格+服务”模式见闻\n"
        "本报记者　端木青禾　实习生　丁　一\n"
        "早上8点，网格员贺晓燕像往常一样背起工作包出了门。\n"
        "〔文本框07〕\n"
        "东岭时评\n"
        "别让“一网通办”变成\n"
        "“网上多跑”\n"
        "■　上官文澜\n"
        "“一网通办”的初衷，是让数据多跑路、群众少跑腿。\n"
        "##导出结束　共11个文本框　校验：OK\n"
    )
    (page,) = parse_page_text(text)
    feature, comment = page.articles
    assert (feature.column, feature.kicker, feature.headline) == (
        "基层治理新观察",
        "",
        "“小网格”托起“大民生”",
    )
    assert paragraphs(feature) == ["早上8点，网格员贺晓燕像往常一样背起工作包出了门。"]
    assert (comment.kind, comment.column, comment.headline) == (
        "commentary",
        "东岭时评",
        "别让“一网通办”变成“网上多跑”",
    )
    assert [(c.role, c.names) for c in comment.credits] == [("评论作者", ("上官文澜",))]
    assert [line.reason for line in page.skipped] == ["noise"] * 4


def test_a_marked_paragraph_or_a_lead_under_a_titled_brief_is_a_brief_with_no_title():
    text = (
        "区县简讯\n"
        "南屏区开展防汛应急演练\n"
        "本报讯（通讯员 黄　珊）4月16日，南屏区在清水河沿岸开展防汛应急综合演练。\n"
        "●北塘县日前启动农村饮水安全巡检，将用两个月时间逐一排查全县集中供水工程。\n"
        "本报讯　记者从县气象局获悉，17日至19日全县将出现一次明显降温降雨过程。\n"
        "▲演练现场。\n"
    )
    (page,) = parse_page_text(text)
    drill, water, weather = page.articles
    assert [a.kind for a in page.articles] == ["brief"] * 3
    assert (drill.dateline, paragraphs(drill)) == (
        "4月16日",
        ["南屏区在清水河沿岸开展防汛应急综合演练。"],
    )
    assert water.headline == "北塘县日前启动农村饮水安全巡检"
    assert paragraphs(water) == [
        "北塘县日前启动农村饮水安全巡检，将用两个月时间逐一排查全县集中供水工程。"
    ]
    assert paragraphs(weather) == ["记者从县气象局获悉，17日至19日全县将出现一次明显降温降雨过程。"]
    # ▲ marks a caption, never a brief.
    assert [photo.caption for photo in weather.photos] == ["演练现场。"]


def test_a_notice_title_stands_apart_from_wrapped_text_and_is_one_title_when_broken():
    text = (
        "区县简讯\n"
        "东湖县首条乡村公交环线开通\n"
        "本报讯（记者 诸葛明远）4月16日，东湖县首条乡村\n"
        "公交环线正式开通，每天发车16班次。\n"
        "“家门口的变化”征文启事\n"
        "为记录城乡发展中的点滴变迁，即日起，本报\n"
        "开设“家门口的变化”栏目，面向读者征稿。\n"
        "\n"
        "东岭日报社关于2024年度新闻记者证\n"
        "核验情况的公示\n"
        "经本单位审核，以下人员新闻记者证核验合格，现予公示。\n"
        "\n"
        "江州市2024年初中学业水平考试成绩查询公告\n"
        "各位考生：\n"
        "成绩将于6月20日12时起公布。特此公告。\n"
        "江州市教育考试院\n"
        "2024年6月17日\n"
    )
    (page,) = parse_page_text(text)
    bus, essay, roll, scores = page.articles
    assert paragraphs(bus)[-1].endswith("每天发车16班次。")
    assert (essay.kicker, essay.headline) == ("", "“家门口的变化”征文启事")
    assert paragraphs(essay)[0].startswith("为记录城乡发展中的点滴变迁")
    assert (roll.kicker, roll.headline) == ("", "东岭日报社关于2024年度新闻记者证核验情况的公示")
    assert scores.headline == "江州市2024年初中学业水平考试成绩查询公告"
    assert paragraphs(scores)[0] == "各位考生："
    assert paragraphs(scores)[-1].endswith("2024年6月17日")


def test_a_subject_broken_off_its_idiom_or_its_verb_is_one_title():
    text = (
        "抢抓晴好天气　确保颗粒归仓\n"
        "柘溪镇：四万亩早稻\n"
        "喜获丰收\n"
        "融媒讯（记者 慕容小溪）连日来，柘溪镇组织农机手抢收早稻。\n"
        "全国县域物流体系建设\n"
        "推进会在京召开\n"
        "新华社北京4月16日电（记者 申屠嘉禾）全国县域物流体系建设推进会16日在京召开。\n"
    )
    (page,) = parse_page_text(text)
    rice, meeting = page.articles
    assert (rice.kicker, rice.headline) == (
        "抢抓晴好天气 确保颗粒归仓",
        "柘溪镇：四万亩早稻喜获丰收",
    )
    assert (meeting.kicker, meeting.headline) == ("", "全国县域物流体系建设推进会在京召开")


def test_a_commentary_wrapped_narrow_under_a_marked_byline_keeps_its_first_line():
    text = (
        "区县短评\n"
        "“议事会”议出民生温度\n"
        "■ 上官文君\n"
        "老旧小区加装电梯，难的往往\n"
        "不是钱，而是人心。一楼住户\n"
        "担心采光和噪音，各有各的道\n"
        "理，也各有各的难处。\n"
    )
    (page,) = parse_page_text(text)
    (comment,) = page.articles
    assert (comment.kind, comment.column, comment.headline) == (
        "commentary",
        "区县短评",
        "“议事会”议出民生温度",
    )
    assert [(c.role, c.names) for c in comment.credits] == [("评论作者", ("上官文君",))]
    assert paragraphs(comment) == [
        "老旧小区加装电梯，难的往往不是钱，而是人心。一楼住户担心采光和噪音，各有各的道理，"
        "也各有各的难处。"
    ]


def test_a_marked_caption_wrapped_under_the_last_paragraph_is_the_storys_picture():
    text = (
        "西岭区“一件事一次办”再扩容\n"
        "文/冯　涛　图/万俟晴\n"
        "本月起，西岭区政务服务中心新增12项“一件事”\n"
        "集成服务，办事群众只需在一个窗口提交一套材\n"
        "料，即可办结原来需要跑多个部门的事项。据了\n"
        "解，今年还将推动更多事项“掌上办”。\n"
        "▲市民在西岭区政务服务中心“一件事”专\n"
        "窗办理业务。\n"
    )
    (page,) = parse_page_text(text)
    (story,) = page.articles
    assert paragraphs(story) == [
        "本月起，西岭区政务服务中心新增12项“一件事”集成服务，办事群众只需在一个窗口提交"
        "一套材料，即可办结原来需要跑多个部门的事项。据了解，今年还将推动更多事项“掌上办”。"
    ]
    (photo,) = story.photos
    assert photo.caption == "市民在西岭区政务服务中心“一件事”专窗办理业务。"
    assert [(c.role, c.names) for c in photo.credits] == [("图", ("万俟晴",))]


def test_three_title_lines_over_a_dashed_subtitle_and_a_caption_credited_to_a_source():
    text = (
        "昨晨大雾，绕城高速出口一货车侧翻压住轿车\n"
        "十余名路人徒手抬车\n"
        "救出被困司机\n"
        "——伤者已脱离生命危险\n"
        "本报讯（记者 欧阳晓峰）昨天清晨6时40分许，一辆货车在转弯时发\n"
        "生侧翻，车厢一侧压住了旁边车道上一辆白色轿车的车头，轿车司机\n"
        "被困在驾驶室内动弹不得。\n"
        "路人合力撬起货车车厢救人。　读者供图\n"
        "孔师傅一边拨打122和120，一边招呼路过的车主帮忙。短短几分钟，\n"
        "十余名路人聚集到事故现场。\n"
    )
    (page,) = parse_page_text(text)
    (story,) = page.articles
    assert (story.kicker, story.headline, story.subheadline) == (
        "昨晨大雾，绕城高速出口一货车侧翻压住轿车",
        "十余名路人徒手抬车救出被困司机",
        "——伤者已脱离生命危险",
    )
    # 读者供图 credits a source, no person: a picture with its caption and no credit.
    (photo,) = story.photos
    assert (photo.caption, photo.credits) == ("路人合力撬起货车车厢救人。", [])
    assert paragraphs(story)[-1].endswith("十余名路人聚集到事故现场。")


def test_an_interview_under_its_label_and_an_unlabelled_chart_under_it():
    text = (
        "财经面对面\n"
        "个人养老金全面推开，开户前这几笔账要算清楚\n"
        "——访澄州大学金融学院副教授上官文静\n"
        "本报记者　林　菲\n"
        "　　今年12月起，个人养老金制度将推开至全国。\n"
        "　　记者：哪些人可以开立个人养老金账户？\n"
        "　　上官文静：参加基本养老保险的劳动者都可以。\n"
        "\n"
        "前10月全市新增经营主体4.27万户\n"
        "　　今年1至10月，全市新增经营主体4.27万户，同比增长8.9%。\n"
        "制图：诸葛晓晴\n"
    )
    (page,) = parse_page_text(text)
    interview, chart = page.articles
    assert (interview.column, interview.kicker) == ("财经面对面", "")
    assert paragraphs(interview)[-1] == "上官文静：参加基本养老保险的劳动者都可以。"
    assert (chart.kind, chart.headline) == ("photo", "前10月全市新增经营主体4.27万户")
    (photo,) = chart.photos
    assert photo.caption.startswith("今年1至10月")
    assert [(c.role, c.names) for c in photo.credits] == [("制图", ("诸葛晓晴",))]
    assert page.staff == {}


def test_a_table_inside_a_story_keeps_its_title_and_header_as_rows_of_the_story():
    text = (
        "沪指窄幅震荡　本地股涨多跌少\n"
        "本报记者　司马思远\n"
        "　　昨日，A股三大指数全天窄幅震荡，上证指数微跌0.12%。\n"
        "　　澄州板块方面，21只本地上市公司股票中，13只上涨、7只下跌。\n"
        "昨日部分澄州板块个股表现\n"
        "证券简称　　收盘价（元）　　涨跌幅\n"
        "恒润新材　　18.53　　+4.87%\n"
        "澄江水务　　6.21　　+0.65%\n"
        "澄州银行　　4.86　　+0.21%\n"
        "　　分析人士认为，短期市场或延续震荡格局，投资者注意控制仓位。\n"
    )
    (page,) = parse_page_text(text)
    (story,) = page.articles
    assert paragraphs(story)[2:5] == [
        "昨日部分澄州板块个股表现",
        "证券简称　收盘价（元）　涨跌幅",
        "恒润新材　18.53　+4.87%",
    ]
    assert paragraphs(story)[-1] == "分析人士认为，短期市场或延续震荡格局，投资者注意控制仓位。"


def test_a_short_line_opening_a_block_over_a_long_sentence_is_a_title():
    text = (
        "健康观察\n"
        "别让“网红减肥法”透支健康\n"
        "◎晏　清\n"
        "\n"
        "减重本是好事，但违背科学的“速成”往往以健康为代价。\n"
        "\n"
        "本周义诊安排\n"
        "为方便市民在家门口看上名医，本周多家医院将走进社区开展义诊，具体安排如下：\n"
        "11月21日（周四）8:30—11:30　江屿市人民医院内分泌科　滨湖社区卫生服务中心\n"
        "11月22日（周五）9:00—11:30　市中医院针灸推拿科　南浦社区卫生服务站\n"
        "11月23日（周六）全天　市口腔医院　万象城北门广场\n"
        "义诊当天请携带既往病历及医保卡。\n"
        "（记者　程　雯　整理）\n"
    )
    (page,) = parse_page_text(text)
    comment, clinics = page.articles
    assert paragraphs(comment) == ["减重本是好事，但违背科学的“速成”往往以健康为代价。"]
    assert clinics.headline == "本周义诊安排"
    assert paragraphs(clinics)[0].startswith("为方便市民在家门口看上名医")
    assert [(c.role, c.names) for c in clinics.credits] == [("记者", ("程雯",))]


def test_a_story_credited_with_a_picture_takes_its_unmarked_caption_out_of_the_text():
    text = (
        "末节逆转9分　云津女篮78:74险胜卫冕冠军\n"
        "文/诸葛明远　图/陈　默\n"
        "\n"
        "本报讯　前晚，2024年全省女子篮球联赛在云津体育馆拉开战幕。\n"
        "上官婉清在比赛中突破上篮。\n"
        "“最后时刻大家没有乱，防守执行得很好。”主教练说。\n"
        "\n"
        "市民在家门口办事\n"
        "文/冯　涛\n"
        "\n"
        "本报讯　本月起，西岭区新增12项集成服务。\n"
        "办事群众在一个窗口就能办结。\n"
    )
    (page,) = parse_page_text(text)
    game, office = page.articles
    (photo,) = game.photos
    assert photo.caption == "上官婉清在比赛中突破上篮。"
    assert [(c.role, c.names) for c in photo.credits] == [("图", ("陈默",))]
    assert "上官婉清在比赛中突破上篮。" not in paragraphs(game)
    # No picture credited, no caption: the short sentence is text.
    assert (office.photos, paragraphs(office)[-1]) == ([], "办事群众在一个窗口就能办结。")


def test_a_marked_byline_copied_on_the_line_over_the_text_is_a_line_of_its_own():
    text = (
        "体育评论\n"
        "保级之后，更该想清楚“怎么踢”\n"
        "■张　弛\n"
        "提前两轮保级，云津雄狮总算给了球迷一个交代。但高兴之余，更该想想明年怎么踢。\n"
        "保级是底线，不是目标。一支职业球队要想在城市里扎下根，得有自己的风格。\n"
    )
    (page,) = parse_page_text(text)
    (comment,) = page.articles
    assert [(c.role, c.names) for c in comment.credits] == [("评论作者", ("张弛",))]
    assert paragraphs(comment)[0].startswith("提前两轮保级")


def test_a_paragraph_over_numbered_captions_is_the_photo_groups_text():
    text = (
        "青溪“三夏”：田间地头抢收忙\n"
        "    眼下，我县42万亩小麦进入集中收获期，各地\n"
        "抢抓晴好天气，组织农机下田作业，确保颗粒归仓。\n"
        "    ①6月15日，石门镇新湾村，联合收割机在麦\n"
        "田里收割小麦。\n"
        "    ②高桥镇农机专业合作社工作人员检修收割机。\n"
        "    ③城关镇粮食收购点，工作人员对新麦进行水\n"
        "分检测。\n"
        "                              本报记者 王　强 摄\n"
    )
    (page,) = parse_page_text(text)
    (group,) = page.articles
    assert group.kind == "photo"
    assert paragraphs(group) == [
        "眼下，我县42万亩小麦进入集中收获期，各地抢抓晴好天气，组织农机下田作业，确保颗粒归仓。"
    ]
    assert [photo.caption[:1] for photo in group.photos] == ["①", "②", "③"]


def test_a_jump_line_ends_the_story_a_box_still_goes_with_it_and_a_source_closes_a_brief():
    text = (
        "老街接待游客11.6万人次\n"
        "□记者　端木云飞\n"
        "    “五一”假期，这条老街接待游客11.6万人次，夜间客流占到六成以上。\n"
        "                              （下转第8版）\n"
        "数说\n"
        "11.6万人次　“五一”假期接待游客\n"
        "47%　街区商户营业额同比增长\n"
        "142栋　逐一“体检”的老房子\n"
        "古镇夜游点亮消费新场景\n"
        "    夜幕降临，老街的红灯笼次第亮起。游客摩肩接踵，不时有人停下脚步拍照。\n"
        "\n"
        "振兴快讯\n"
        "石门镇稻渔共生项目入选省级示范\n"
        "    石门镇“稻渔共生”项目近日入选省级示范，亩均增收1500元以上。（据《青州日报》报道）\n"
    )
    (page,) = parse_page_text(text)
    street, night, brief = page.articles
    assert street.jumps == ["（下转第8版）"]
    assert "47%　街区商户营业额同比增长" in paragraphs(street)
    assert night.headline == "古镇夜游点亮消费新场景"
    assert paragraphs(night)[0].startswith("夜幕降临")
    assert paragraphs(brief) == ["石门镇“稻渔共生”项目近日入选省级示范，亩均增收1500元以上。"]
    assert (brief.credits, brief.author_note) == ([], "据《青州日报》报道")


def test_a_photo_story_under_a_jump_line_and_a_notice_titled_by_its_issuer():
    text = (
        "项目早开工、早见效，今年以来已协调解决用地、\n"
        "用能、融资等问题57个。\n"
        "（下转第3版）\n"
        "更多法治资讯请关注“临沅晚报法治”微信公众号\n"
        "春灌抢农时\n"
        "3月12日，汀川市澄塘镇新丰村村民在田间\n"
        "清理灌溉渠道淤泥，为春耕春灌做准备。\n"
        "本报记者 司马宁 摄\n"
        "临沅市公安局南湖分局\n"
        "关于征集曹某某等人违法犯罪线索的通告\n"
        "为依法严厉打击违法犯罪活动，现向社会公开征集线索。\n"
    )
    (page,) = parse_page_text(text)
    photo, notice = page.articles
    assert (photo.kind, photo.headline) == ("photo", "春灌抢农时")
    assert paragraphs(photo)[0].startswith("3月12日，汀川市澄塘镇新丰村村民在田间清理")
    assert [(c.role, c.names) for c in photo.photos[0].credits] == [("记者", ("司马宁",))]
    assert (notice.kicker, notice.headline) == (
        "",
        "临沅市公安局南湖分局关于征集曹某某等人违法犯罪线索的通告",
    )
    assert "更多法治资讯请关注“临沅晚报法治”微信公众号" in [line.text for line in page.skipped]


def test_a_weather_box_a_series_label_and_a_kicker_of_spaced_phrases():
    text = (
        "汀川天气\n"
        "今天 多云转小雨 9℃～16℃\n"
        "明天 小雨 8℃～13℃ 东北风3级\n"
        "抢开局 促投资 稳增长\n"
        "43个重点项目集中开工\n"
        "本报讯（记者 欧阳靖）3月13日上午，全市43个项目同步开工。\n"
        "优化营商环境在行动\n"
        "“一件事一次办”清单再扩容\n"
        "本报记者 林晓婉\n"
        "本月起，全市新增12项“一件事”集成服务。\n"
    )
    (page,) = parse_page_text(text)
    works, services = page.articles
    assert (works.kicker, works.headline) == ("抢开局 促投资 稳增长", "43个重点项目集中开工")
    assert (services.column, services.kicker) == ("优化营商环境在行动", "")
    assert [line.reason for line in page.skipped] == ["masthead"] * 3


def test_a_supplement_page_named_letter_spaced_and_an_essay_with_its_illustration():
    text = (
        "14\n"
        "南湖晚报\n"
        "2025年3月21日　星期五\n"
        "副 刊\n"
        "责任编辑 令狐青　美编 詹　妮　校对 刘晓\n"
        "湖畔闲笔\n"
        "巷口那棵\n"
        "老槐树\n"
        "□ 东方慧敏\n"
        "　　我家老屋在城西的荷花巷，巷口有一棵老槐树，据说是清末一位秀才种下的。\n"
        "插图 程　橙\n"
        "　　树下常年摆着一张石桌，几只小板凳。\n"
    )
    (page,) = parse_page_text(text)
    (essay,) = page.articles
    assert page.name == "副刊"
    # 湖畔闲笔 over a title that names a thing: the essay's column, not its 引题.
    assert (essay.column, essay.kicker, essay.headline) == ("湖畔闲笔", "", "巷口那棵老槐树")
    # On a literary page a signed piece is an essay: its writer has no commentator's role.
    assert [(c.role, c.names) for c in essay.credits] == [("", ("东方慧敏",))]
    (picture,) = essay.photos
    assert [(c.role, c.names) for c in picture.credits] == [("插图", ("程橙",))]
    assert len(paragraphs(essay)) == 2


def test_a_brief_closed_on_its_credit_line_and_the_untitled_one_under_it():
    text = (
        "城事快递\n"
        "\n"
        "外卖小哥拾金不昧获赠锦旗\n"
        "昨日，外卖骑手章立新收到了一面锦旗。民警联系上失主，将财物完璧归赵。\n"
        "（通讯员 慕容静 记者 卫　东）\n"
        "今冬首场寒潮将于本周末影响我市，气象部门提醒市民做好防寒保暖。（据临州气象）\n"
    )
    (page,) = parse_page_text(text)
    wallet, cold = page.articles
    assert (wallet.kind, wallet.column) == ("brief", "城事快递")
    assert [(c.role, c.names) for c in wallet.credits] == [
        ("通讯员", ("慕容静",)),
        ("记者", ("卫东",)),
    ]
    assert cold.kind == "brief"
    assert paragraphs(cold) == ["今冬首场寒潮将于本周末影响我市，气象部门提醒市民做好防寒保暖。"]
    assert (cold.credits, cold.author_note) == ([], "据临州气象")


def test_two_lines_over_a_dashed_subtitle_and_intertitles_set_in_like_the_text():
    text = (
        "从“卖原料”到“卖品牌”\n"
        "临沅茶产业迈过百亿门槛\n"
        "——来自我省茶叶主产区的蹲点调查\n"
        "■本报记者 上官婧\n"
        "　　立冬刚过，永安县青岚镇的茶山上依旧是一片青翠。\n"
        "　　“数字茶园”里的新农人\n"
        "　　在永安县云台山村，返乡青年贺兰舒的手机上装着茶园管理软件。\n"
        "　　“以前看天吃饭，现在看数据管园。”贺兰舒说。\n"
        "11月10日，永安县青岚镇茶农在采摘秋茶。\n"
        "记者 司马骁 摄\n"
        "　　不只是种植端。今年以来，临沅有47家茶企开设了直播间。\n"
    )
    (page,) = parse_page_text(text)
    (feature,) = page.articles
    assert (feature.kicker, feature.headline, feature.subheadline) == (
        "从“卖原料”到“卖品牌”",
        "临沅茶产业迈过百亿门槛",
        "——来自我省茶叶主产区的蹲点调查",
    )
    assert [b["text"] for b in feature.body if b["type"] == "intertitle"] == [
        "“数字茶园”里的新农人"
    ]
    assert [photo.caption for photo in feature.photos] == ["11月10日，永安县青岚镇茶农在采摘秋茶。"]
    assert paragraphs(feature)[-1].startswith("不只是种植端")


def test_a_line_going_on_from_the_title_above_with_no_subject_is_its_subheadline():
    text = (
        "区政府党组召开会议\n"
        "传达学习全市经济工作会议精神\n"
        "本报讯（记者 欧阳舟）12月3日，区政府党组召开会议。\n"
        "家门口的书屋开到村里\n"
        "今年已建成农家书屋46个\n"
        "本报讯（通讯员 蒙小禾）走进柘溪村，书屋里坐满了孩子。\n"
        "“冬季攻势”专项行动开展两个月\n"
        "全县法院执结案件1800余件\n"
        "本报讯（记者 欧阳舟）记者从县法院获悉。\n"
    )
    (page,) = parse_page_text(text)
    meeting, books, courts = page.articles
    assert (meeting.kicker, meeting.headline, meeting.subheadline) == (
        "",
        "区政府党组召开会议",
        "传达学习全市经济工作会议精神",
    )
    assert (books.kicker, books.headline, books.subheadline) == (
        "",
        "家门口的书屋开到村里",
        "今年已建成农家书屋46个",
    )
    # A line naming who acted (全县法院…) is the 主题 under its 引题.
    assert (courts.kicker, courts.headline) == (
        "“冬季攻势”专项行动开展两个月",
        "全县法院执结案件1800余件",
    )


def test_a_chart_under_a_chart_label_after_a_jump_line_is_a_picture_of_its_own():
    text = (
        "小微企业贷款利率创新低\n\n"
        "■记者 温 嘉\n\n"
        "　　今年以来，全市普惠小微贷款利率持续下降。\n\n"
        "（下转A10版）\n\n"
        "图表\n\n"
        "5月全市二手房成交量回升\n\n"
        "　　5月，全市二手住宅网签成交10573套，环比增长6.8%。\n\n"
        "制图　邝小满\n\n"
        "数据来源：市住房和城乡建设局\n"
    )
    (page,) = parse_page_text(text)
    story, chart = page.articles
    assert paragraphs(story) == ["今年以来，全市普惠小微贷款利率持续下降。"]
    assert (chart.kind, chart.column) == ("photo", "图表")
    assert chart.headline == "5月全市二手房成交量回升"
    (photo,) = chart.photos
    assert photo.caption.startswith("5月，全市二手住宅网签成交10573套")
    assert photo.caption.endswith("（数据来源：市住房和城乡建设局）")
    assert photo_credits(photo) == [("", "制图", ("邝小满",), True)]
    assert page.staff == {}


def test_an_investigation_label_a_comma_title_over_its_subtitle_and_a_figures_box():
    text = (
        "记者调查\n\n"
        "稳企业　强主体\n\n"
        "“小升规”，如何升得上、稳得住\n\n"
        "——我市推动小微企业升级入规调查\n\n"
        "■本报记者 司马青\n\n"
        "入冬时节，开发区的一家精密机械公司正满负荷运转。\n\n"
        "数读\n\n"
        "前三季度全市工业经济运行\n\n"
        "规上工业增加值同比增长　7.2%\n\n"
        "新增规上工业企业　186家\n\n"
        "规上工业企业营业收入　2140亿元\n\n"
        "记者手记\n\n"
        "多一些“陪跑”，少一些“催考”\n\n"
        "采访中，一位企业负责人的话让记者印象深刻。\n\n"
        "（本报记者 司马青）\n"
    )
    (page,) = parse_page_text(text)
    feature, box, notes = page.articles
    assert (feature.column, feature.kicker, feature.headline, feature.subheadline) == (
        "记者调查",
        "稳企业 强主体",
        "“小升规”，如何升得上、稳得住",
        "——我市推动小微企业升级入规调查",
    )
    assert paragraphs(feature) == ["入冬时节，开发区的一家精密机械公司正满负荷运转。"]
    assert (box.column, box.headline, box.credits) == ("数读", "前三季度全市工业经济运行", [])
    assert paragraphs(box) == [
        "规上工业增加值同比增长　7.2%",
        "新增规上工业企业　186家",
        "规上工业企业营业收入　2140亿元",
    ]
    assert (notes.column, notes.headline) == ("记者手记", "多一些“陪跑”，少一些“催考”")
    assert [(c.role, c.names) for c in notes.credits] == [("记者", ("司马青",))]


def test_a_results_box_a_short_label_over_a_commentary_and_a_run_in_brief_title():
    text = (
        "青州队主场力克南岭队\n\n"
        "本报记者　韩 冬\n\n"
        "11月3日晚，青州队在主场以3∶1战胜南岭队。\n\n"
        "城超联赛第21轮赛果\n\n"
        "青州队 3∶1 南岭队\n\n"
        "东江队 2∶0 临海队\n\n"
        "北塘队 1比1 西陵队\n\n"
        "积分榜前三名：东江队46分、青州队44分、石湾队39分\n\n"
        "体育评论\n\n"
        "小将挑大梁背后的耐心\n\n"
        "■ 孟 涛\n\n"
        "青州队的年轻人撑起了半场比赛。\n\n"
        "体坛速递\n\n"
        "●市青少年篮球联赛落幕　11月2日，为期两个月的联赛在市体育馆落下帷幕。\n\n"
        "●我市游泳小将林语桐夺得两枚金牌。（记者 宋 佳）\n"
    )
    (page,) = parse_page_text(text)
    report, box, comment, *briefs = page.articles
    assert paragraphs(report) == ["11月3日晚，青州队在主场以3∶1战胜南岭队。"]
    assert (box.headline, box.credits) == ("城超联赛第21轮赛果", [])
    assert paragraphs(box) == [
        "青州队　3∶1　南岭队",
        "东江队　2∶0　临海队",
        "北塘队　1比1　西陵队",
        "积分榜前三名：东江队46分、青州队44分、石湾队39分",
    ]
    assert (comment.kind, comment.column, comment.headline) == (
        "commentary",
        "体育评论",
        "小将挑大梁背后的耐心",
    )
    assert titles_and_openings(briefs) == [
        ("市青少年篮球联赛落幕", "11月2日，"),
        ("我市游泳小将林语桐夺得两枚金牌", "我市游泳小将"),
    ]


WRAPPED_HEALTH_PAGE = (
    "名医谈\n"
    "春夏之交，过敏性鼻炎\n"
    "为何总“找上门”\n"
    "文/钟离岚（市人民医院耳鼻咽喉科主任医师）\n"
    "　　每年五六月，耳鼻咽喉科门诊总会迎来一\n"
    "波“打喷嚏大军”：鼻子痒、流清涕、一连打\n"
    "十几个喷嚏。\n"
    "分清感冒与过敏\n"
    "　　感冒多由病毒感染引起，往往伴有发热。\n"
    "健康提醒\n"
    "高温天来了\n"
    "防中暑记住这三点\n"
    "　　气象部门预计，本周末起将迎来高温天气。\n"
    "　　1.合理安排出行。尽量避开正午外出。\n"
    "　　2.及时补充水分。不要等口渴了再喝水。（本报\n"
    "记者 夏 禾 整理）\n"
    "本报所刊健康知识仅供参考，具体诊疗请遵医嘱\n"
)


def test_a_wrapped_health_page_keeps_its_intertitles_and_its_reminder_apart():
    (page,) = parse_page_text(WRAPPED_HEALTH_PAGE)
    essay, reminder = page.articles
    # 过敏性鼻炎 / 为何总“找上门”: a title broken before its question word is one 主题.
    assert (essay.column, essay.headline) == ("名医谈", "春夏之交，过敏性鼻炎为何总“找上门”")
    # A sentence's quoted words before a colon credit nobody: the paragraph runs on.
    assert paragraphs(essay)[0] == (
        "每年五六月，耳鼻咽喉科门诊总会迎来一波“打喷嚏大军”：鼻子痒、流清涕、一连打十几个喷嚏。"
    )
    assert intertitles(essay) == ["分清感冒与过敏"]
    # The reminder's closing credit is its own, not the essay's intertitle's.
    assert reminder.column == "健康提醒"
    assert [(c.role, c.names) for c in reminder.credits] == [("记者", ("夏禾",))]
    assert page.skipped[-1].reason == "masthead"


def test_a_cartoon_titled_briefs_and_a_photo_title_that_reads_like_three_names():
    text = (
        "画中话\n"
        "快递“穿”得太厚了\n\n"
        "　　一支口红装了三层盒子，快递“瘦身”还需再加把劲。\n"
        "漫画/欧阳可\n\n"
        "玉兰花开满枝头\n"
        "　　3月17日，市民在植物园玉兰园内赏花拍照。\n"
        "晚报记者 王 磊 摄\n\n"
        "杜鹃花开\n"
        "　　5月11日，游客在龙池山景区观赏盛开的高山杜鹃。\n"
        "本报记者　卢　健　摄\n\n"
        "法治快讯\n"
        "东湖警方捣毁一洗钱团伙\n"
        "　　近日，东湖分局捣毁一个洗钱团伙，抓获犯罪嫌疑人14名。\n"
        "全市法院集中发放执行款\n"
        "　　6月14日，市中级人民法院集中发放执行款1.2亿元。\n"
    )
    (page,) = parse_page_text(text)
    cartoon, photo, azaleas, *briefs = page.articles
    # 杜鹃花开: two glued names, 杜鹃 and 花开, but 杜鹃花 is a word across the cut.
    assert (azaleas.kind, azaleas.headline) == ("photo", "杜鹃花开")
    assert (cartoon.kind, cartoon.column) == ("photo", "画中话")
    assert cartoon.headline == "快递“穿”得太厚了"
    assert [photo_credits(p) for p in cartoon.photos] == [[("", "漫画", ("欧阳可",), True)]]
    assert (photo.kind, photo.headline, photo.credits) == ("photo", "玉兰花开满枝头", [])
    assert [(b.kind, b.column, b.headline) for b in briefs] == [
        ("brief", "法治快讯", "东湖警方捣毁一洗钱团伙"),
        ("brief", "法治快讯", "全市法院集中发放执行款"),
    ]


def test_an_editors_note_of_two_paragraphs_over_a_series_story_is_the_storys():
    text = (
        "■乡村振兴·青溪实践\n\n"
        "编者按：今年以来，我县持续推进乡村振兴。\n\n"
        "本报今起推出系列报道，敬请关注。\n\n"
        "石门乡：油茶成了摇钱树\n\n"
        "本报讯（记者 欧阳青）近日，石门乡油茶喜获丰收。\n"
    )
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert (article.column, article.headline) == ("乡村振兴·青溪实践", "石门乡：油茶成了摇钱树")
    assert article.editor_note.split("\n") == [
        "今年以来，我县持续推进乡村振兴。",
        "本报今起推出系列报道，敬请关注。",
    ]
    assert paragraphs(article) == ["近日，石门乡油茶喜获丰收。"]


def test_a_series_label_a_verb_over_its_counted_object_a_spaced_byline_and_a_review():
    text = (
        "【奋进新征程·乡村振兴看青岚】\n"
        "编者按：即日起，本报推出系列报道，敬请关注。\n"
        "一条溪水带活\n"
        "一个村的文旅经济\n"
        "——记枫溪镇石门村党支部书记陈卫平\n"
        "■本报记者 何思远　通讯员 蒋　婷\n"
        "　　初夏时节，走进枫溪镇石门村，溪水沿着青石板路潺潺流过。\n"
        "短评\n"
        "防汛备汛要“抢”在前头\n"
        "□ 严　明\n"
        "　　汛期将至，各地要把工作做在前头。\n"
        "文艺评论\n"
        "让舞台上的乡愁落地生根\n"
        "——观现代花灯戏《月照梯田》有感\n"
        "□ 郑一帆\n"
        "　　一部好戏，总能让人看见自己的来处。\n"
        "“三农”新闻热线：96120\n"
        "广告许可证：3713004000012　零售价：1.50元\n"
    )
    (page,) = parse_page_text(text)
    series, comment, review = page.articles
    assert (series.column, series.headline, series.subheadline) == (
        "奋进新征程·乡村振兴看青岚",
        "一条溪水带活一个村的文旅经济",
        "——记枫溪镇石门村党支部书记陈卫平",
    )
    assert series.editor_note == "即日起，本报推出系列报道，敬请关注。"
    assert (comment.kind, comment.headline) == ("commentary", "防汛备汛要“抢”在前头")
    assert [(c.role, c.names) for c in comment.credits] == [("评论作者", ("严明",))]
    # A review under 文艺评论 is a commentary still, and its ——副题 stays apart.
    assert (review.headline, review.subheadline) == (
        "让舞台上的乡愁落地生根",
        "——观现代花灯戏《月照梯田》有感",
    )
    assert [(c.role, c.names) for c in review.credits] == [("评论作者", ("郑一帆",))]
    assert [s.reason for s in page.skipped] == ["masthead", "masthead"]


def test_a_market_box_of_price_lines_is_a_box_of_its_own():
    text = (
        "“蘑菇姐”的致富经\n\n"
        "本报讯（记者 陶 然）近日，记者走进城郊的食用菌基地。\n\n"
        "本周市农产品批发市场部分品种价格\n\n"
        "土豆　2.80元/公斤\n\n"
        "青椒　5.00元/公斤\n\n"
        "猪肉（后腿）　26.00元/公斤\n\n"
        "（记者 陶 然 整理）\n"
    )
    (page,) = parse_page_text(text)
    story, box = page.articles
    assert paragraphs(story) == ["近日，记者走进城郊的食用菌基地。"]
    assert box.headline == "本周市农产品批发市场部分品种价格"
    assert paragraphs(box) == [
        "土豆　2.80元/公斤",
        "青椒　5.00元/公斤",
        "猪肉（后腿）　26.00元/公斤",
    ]


def test_a_front_pages_teaser_box_a_comma_subtitle_with_figures_and_a_paper_commentator():
    text = (
        "今日导读\n"
        "全市首批15个便民生活圈名单公布　A02\n"
        "老城区12条背街小巷完成提升改造　A04\n"
        "工业投资增长11.4%　外贸进出口增长8.7%\n"
        "一季度全市经济实现“开门红”\n"
        "地区生产总值同比增长6.2%，增速居全省第三\n"
        "　　本报讯（记者 陆晓岚）4月15日，市统计局发布一季度全市经济运行情况。\n"
        "评论\n"
        "让“开门红”成为“全年红”\n"
        "□ 本报评论员\n"
        "　　一季度经济数据出炉，6.2%的增速来之不易。\n"
    )
    (page,) = parse_page_text(text)
    lead, comment = page.articles
    assert [s.reason for s in page.skipped] == ["teaser", "teaser", "teaser"]
    assert (lead.kicker, lead.headline, lead.subheadline) == (
        "工业投资增长11.4% 外贸进出口增长8.7%",
        "一季度全市经济实现“开门红”",
        "地区生产总值同比增长6.2%，增速居全省第三",
    )
    assert (comment.kind, comment.column, comment.headline, comment.credits) == (
        "commentary",
        "评论",
        "让“开门红”成为“全年红”",
        [],
    )
    assert paragraphs(comment) == ["一季度经济数据出炉，6.2%的增速来之不易。"]


def test_untitled_briefs_after_marked_briefs_that_close_on_their_credits():
    text = (
        "校园简讯\n"
        "■临溪二中举办校园科技节\n"
        "　　11月15日，临溪二中第十届校园科技节开幕。（通讯员　郑　涛）\n"
        "■东湖小学开展消防疏散演练\n"
        "　　近日，东湖小学开展消防应急疏散演练。\n"
        "　　消防员还现场演示了灭火器的使用方法。（通讯员　唐小雨）\n"
        "　　临溪职业技术学校学生在全省技能大赛中获佳绩。（记者　孙雅琪）\n"
        "　　市教育局日前启动“书香校园”评选活动。\n"
    )
    (page,) = parse_page_text(text)
    assert [
        (a.headline, len(paragraphs(a)), [c.names for c in a.credits]) for a in page.articles
    ] == [
        ("临溪二中举办校园科技节", 1, [("郑涛",)]),
        ("东湖小学开展消防疏散演练", 2, [("唐小雨",)]),
        ("临溪职业技术学校学生在全省技能大赛中获佳绩", 1, [("孙雅琪",)]),
        ("市教育局日前启动“书香校园”评选活动", 1, []),
    ]


def test_an_advert_an_inline_chart_numbered_captions_and_two_dated_captions():
    text = (
        "多国代表呼吁加强合作\n"
        "第四届国际淡水治理论坛在日内瓦开幕\n"
        "　　新华社日内瓦3月19日电（记者 邵文涛）论坛19日在日内瓦开幕。\n"
        "今年以来城区新建商品住宅周成交套数走势　制图：葛一凡\n"
        "　　业内人士分析，购房者的入市意愿有所增强。\n"
        "图①　与会代表在会场交流。\n"
        "　　论坛为期三天。\n"
        "\n"
        "广告\n"
        "云湖·澜庭　湖景洋房　火热认筹中\n"
        "咨询热线：0931-88665577\n"
        "\n"
        "抢收抢种正当时\n"
        "\n"
        "6月10日，农机手驾驶收割机收割早稻。\n"
        "\n"
        "6月11日，农户在育秧大棚内查看秧苗长势。\n"
        "\n"
        "通讯员 方 毅 摄\n"
    )
    (page,) = parse_page_text(text)
    story, photos = page.articles
    # An ordinal opening the next line is no counted object: 引题 over 主题.
    assert (story.kicker, story.headline) == (
        "多国代表呼吁加强合作",
        "第四届国际淡水治理论坛在日内瓦开幕",
    )
    assert [(p.caption, photo_credits(p)) for p in story.photos] == [
        ("今年以来城区新建商品住宅周成交套数走势", [("", "制图", ("葛一凡",), True)]),
        ("与会代表在会场交流。", []),
    ]
    assert paragraphs(story) == [
        "论坛19日在日内瓦开幕。",
        "业内人士分析，购房者的入市意愿有所增强。",
        "论坛为期三天。",
    ]
    assert [(s.text, s.reason) for s in page.skipped][:1] == [("广告", "advert")]
    assert [s.reason for s in page.skipped] == ["advert"] * 3
    assert (photos.kind, [p.caption[:5] for p in photos.photos]) == (
        "photo",
        ["6月10日", "6月11日"],
    )


def test_a_road_closure_table_a_department_reply_and_a_desks_footer_lines():
    text = (
        "本周末这些路段将临时封闭\n"
        "　　因管网施工，下列路段本周末实施临时交通管制，请过往车辆提前绕行。\n"
        "金湖路（新民街至滨河大道）　12月21日22:00至12月22日6:00　全封闭\n"
        "建设大道辅道（长丰路口至青年路口）　12月21日9:00至18:00　半幅封闭\n"
        "沙湖隧道南往北方向　12月22日1:00至4:30　全封闭\n"
        "冬日清晨的“护学岗”\n"
        "　　12月19日清晨，交警在实验小学门口护送学生过马路。（记者 付 晴 摄）\n"
        "\n"
        "部门回复\n"
        "\n"
        "关于南湖路口公交站电子站牌黑屏问题的回复\n"
        "\n"
        "您反映的站牌黑屏问题，经我公司核查，系供电线路老化导致故障。\n"
        "\n"
        "民声热线：（0591）8765 4321　民声邮箱：minsheng@example.cn\n"
        "\n"
        "东海都市报微信公众号“东海民声”同步受理读者来信\n"
        "\n"
        "来信请注明真实姓名和联系方式，本报将为您保密\n"
        "\n"
        "晚报数码热线：96018（工作日9:00—17:00）\n"
    )
    (page,) = parse_page_text(text)
    closures, photo, reply = page.articles
    assert paragraphs(closures)[1:] == [
        "金湖路（新民街至滨河大道）　12月21日22:00至12月22日6:00　全封闭",
        "建设大道辅道（长丰路口至青年路口）　12月21日9:00至18:00　半幅封闭",
        "沙湖隧道南往北方向　12月22日1:00至4:30　全封闭",
    ]
    assert (photo.kind, photo.headline) == ("photo", "冬日清晨的“护学岗”")
    assert (reply.column, reply.headline) == (
        "部门回复",
        "关于南湖路口公交站电子站牌黑屏问题的回复",
    )
    assert paragraphs(reply) == ["您反映的站牌黑屏问题，经我公司核查，系供电线路老化导致故障。"]
    assert len(page.skipped) == 4


def test_run_in_titles_of_wrapped_briefs_and_numbered_intertitles():
    text = (
        "快充会伤电池吗？\n"
        "手机充电的几个常见误区\n"
        "文/钟 岳\n"
        "　　不少人对手机充电有误解。\n"
        "误区三：边充边玩没关系\n"
        "　　边充边玩会让手机发热。\n"
        "数码快讯\n"
        "　　本市5G基站总数突破2.3万个　记者从市通\n"
        "信管理局获悉，截至10月底，全市累计建成5G基\n"
        "站2.31万个。（晚报记者 甘 露）\n"
        "　　旧手机回收进社区　即日起，市商务局在20个\n"
        "社区设立旧手机回收点。\n"
    )
    (page,) = parse_page_text(text)
    essay, *briefs = page.articles
    assert essay.headline == "快充会伤电池吗？手机充电的几个常见误区"
    assert intertitles(essay) == ["误区三：边充边玩没关系"]
    assert titles_and_openings(briefs) == [
        ("本市5G基站总数突破2.3万个", "记者从市通信"),
        ("旧手机回收进社区", "即日起，市商"),
    ]


WRAPPED_PROFILE_PAGE = (
    "从学徒到非遗传承人，他在老街修了三十四年钟表\n"
    "陈守中：让停摆的时光\n"
    "重新走起来\n"
    "——记市级非遗代表性传承人陈守中\n"
    "本报记者 罗晓岚 实习生 宋一鸣\n"
    "　　早上八点半，槐荫街47号的卷帘门“哗啦”一\n"
    "声拉起。\n"
    "人物档案\n"
    "陈守中\n"
    "1966年生于滨江市槐荫区\n"
    "1985年拜钟表匠杜伯年为师\n"
    "1990年在槐荫街开设钟表铺\n"
    "2021年入选市级非遗项目代表性传承人名录\n"
    "一把镊子　修好一条街的钟\n"
    "　　1985年，十九岁的陈守中从纺织机械厂辞职，跟\n"
    "着老街上的杜伯年学修表。\n"
    "记者手记\n"
    "慢下来，才听得见时间\n"
    "　　采访那天，我们在小铺里坐了一整个上午。\n"
    "（记者 罗晓岚）\n"
    "理论动态\n"
    "省委党校启动中青年干部理论轮训\n"
    "本报讯　记者从省委党校获悉，首期培训班共有学员一百二十名。（记者 周 健 通讯员 钟 岚）\n"
    "新书推介\n"
    "《山海之间》出版\n"
    "　　《山海之间》一书日前出版发行。\n"
)


def test_a_profile_its_box_its_reporters_notes_and_a_story_closed_on_its_credit():
    (page,) = parse_page_text(WRAPPED_PROFILE_PAGE)
    profile, notes, brief, book = page.articles
    assert (profile.kicker, profile.headline) == (
        "从学徒到非遗传承人，他在老街修了三十四年钟表",
        "陈守中：让停摆的时光重新走起来",
    )
    # The 人物档案 box is the profile's: a row a line; the intertitle under it is not a row.
    assert "1966年生于滨江市槐荫区" in paragraphs(profile)
    assert intertitles(profile)[-1] == "一把镊子 修好一条街的钟"
    assert (notes.column, notes.headline) == ("记者手记", "慢下来，才听得见时间")
    assert [c.names for c in brief.credits] == [("周健",), ("钟岚",)]
    assert paragraphs(brief) == ["记者从省委党校获悉，首期培训班共有学员一百二十名。"]
    assert (book.column, book.headline) == ("新书推介", "《山海之间》出版")
