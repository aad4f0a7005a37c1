"""Four pages first read as held-out texts (other papers' layouts, their keys written apart).

Each is pinned story by story: kind, column, title parts, dateline, credits,
photos, first and last paragraph, paragraph count, and the lines that belong to
no story.  Where our conventions read a page differently from its key, the test
says which convention and why.
"""

import datetime

from articles.imports.page_text import parse_page_text
from tests.articles.imports.page_checks import (
    PAGES,
    paragraphs,
    parse,
    photo_credits,
    skipped,
    story,
)


def test_party_daily_page_with_an_inline_editor_note_a_jump_agency_copy_and_a_photo():
    (page,) = parse(
        "party_daily_editor_note.txt",
        edition_date=datetime.date(2026, 11, 28),
        page_names=["2"],
    )
    # The bold marks of the running head are no text: its page name is read.
    assert page.running_head == {
        "date": datetime.date(2026, 11, 28),
        "name": "要闻",
        "label": "第2版",
    }
    assert (page.date, page.label, page.name) == (datetime.date(2026, 11, 28), "第2版", "要闻")
    assert page.problems == []
    assert page.staff == {"chief_editor": "汪澜", "art_editor": "盛一舟", "proofreader": "石磊"}
    assert skipped(page) == [(1, "running_head"), (51, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "坚持生态优先\u3000走好绿色发展之路",
            "我省“两山”转化改革试点全面铺开",
            "首批32个县（市、区）年内完成生态产品价值核算",
            "临沅11月27日",
            [("本报", "记者", ("邵远航", "林芊")), ("", "通讯员", ("覃立新",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "全国冬季农田水利建设现场推进会在临沅召开",
            "",
            "临沅11月27日",
            [("新华社", "记者", ("冯启明", "褚晴"))],
            0,
        ),
        ("photo", "", "", "初冬鹭洲湖\u3000候鸟翩跹", "", "", [], 1),
        ("news", "一线见闻", "", "山村夜校灯火明", "", "", [("本报", "记者", ("欧阳立诚",))], 0),
    ]
    pilots, water, birds, school = page.articles
    # **编者按** with its text on the same line: kept apart, and the lead under it is read.
    assert pilots.editor_note.startswith("绿水青山如何转化为金山银山？")
    assert not any("编者按" in text for text in paragraphs(pilots))
    assert paragraphs(pilots)[0].startswith("记者27日从省生态环境厅获悉")
    assert paragraphs(pilots)[-1].endswith("综合绩效评价，")
    assert len(paragraphs(pilots)) == 4
    assert [b["text"] for b in pilots.body if b["type"] == "intertitle"] == ["试点先行　机制护航"]
    assert pilots.jumps == ["（下转第3版）"]
    # A second dateline names nobody and stays in the text of the story it is in.
    assert paragraphs(water)[2].startswith("另据新华社北京11月27日电")
    assert len(paragraphs(water)) == 4
    # 新华社发（谭一帆 摄）: the photo's credit; the (11月25日摄) inside the caption is a date.
    assert photo_credits(birds.photos[0]) == [("新华社", "", ("谭一帆",), True)]
    assert paragraphs(birds) == [
        "在岑阳县鹭洲湖湿地栖息觅食的小天鹅（11月25日摄，无人机照片）。"
        "入冬以来，已有超过3万只候鸟飞抵鹭洲湖越冬。"
    ]
    assert len(paragraphs(school)) == 3


def test_evening_page_with_a_kicker_a_caption_a_tip_a_photo_strip_and_teasers():
    (page,) = parse(
        "evening_photo_strip.txt",
        edition_date=datetime.date(2026, 11, 30),
        page_names=["A06"],
    )
    assert page.running_head == {
        "date": datetime.date(2026, 11, 30),
        "name": "社会新闻",
        "label": "A06",
    }
    assert page.problems == []
    assert page.staff == {"chief_editor": "贺小满", "art_editor": "谷雨", "proofreader": "刘畅"}
    # Teasers for other pages and the paper's hotline are in no story.
    assert skipped(page) == [
        (1, "running_head"),
        (3, "staff"),
        (56, "teaser"),
        (58, "teaser"),
        (60, "masthead"),
    ]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "寒潮来袭 暖心服务跟上",
            "近百个公交站台挂上“挡风帘”",
            "",
            "",
            [("东岚晚报", "记者", ("申屠佳",)), ("", "通讯员", ("钟毅",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "斑马线前 “小黄帽”劝导员上岗",
            "",
            "",
            [("东岚晚报", "记者", ("皇甫雯",))],
            1,
        ),
        (
            "news",
            "",
            "",
            "小区电梯困人 七旬老人被及时救出",
            "",
            "",
            [("东岚晚报", "记者", ("于晗",)), ("", "线索提供", ("邝建国",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "老小区里开了家“十元食堂”",
            "",
            "",
            [("本报", "记者", ("杭小雨",)), ("", "实习生", ("钱多多",))],
            0,
        ),
        ("photo", "图片新闻", "", "银杏大道迎来最佳观赏期", "", "", [], 1),
        ("photo", "图片新闻", "", "消防安全课搬进校园", "", "", [], 1),
        (
            "news",
            "",
            "",
            "东岚至青萝城际公交下月开通",
            "",
            "",
            [("本报", "首席记者", ("司徒南",))],
            0,
        ),
    ]
    buses, crossing, lift, canteen, ginkgo, drill, intercity = page.articles
    assert paragraphs(buses)[0].startswith("受寒潮影响")
    assert len(paragraphs(buses)) == 3
    # 文/图: the writer took the picture; the ▲ caption under the text is that picture's.
    assert crossing.credits[0].photo
    assert crossing.photos[0].caption == "志愿者在路口劝导行人文明过街。"
    assert photo_credits(crossing.photos[0]) == [("东岚晚报", "记者", ("皇甫雯",), True)]
    assert len(paragraphs(crossing)) == 2
    assert paragraphs(lift)[0].startswith("记者昨日从东岚市消防")
    assert [len(paragraphs(a)) for a in (lift, canteen, intercity)] == [2, 2, 2]
    # A photo's credit at the end of its caption line is cut out of the caption.
    assert ginkgo.photos[0].caption.endswith("进入最佳观赏期。")
    assert photo_credits(ginkgo.photos[0]) == [("东岚晚报", "记者", ("甄然",), True)]
    assert drill.photos[0].caption == "11月28日，消防员向东岚市实验小学学生演示灭火器使用方法。"
    assert photo_credits(drill.photos[0]) == [("", "通讯员", ("霍子健",), True)]
    assert paragraphs(intercity)[-1].startswith("该线路沿途设置15个站点")


def test_county_weekly_page_with_a_subtitle_a_caption_and_untitled_briefs():
    (page,) = parse(
        "county_weekly_untitled_briefs.txt",
        edition_date=datetime.date(2026, 11, 27),
        page_names=["1"],
    )
    assert page.running_head["date"] == datetime.date(2026, 11, 27)
    assert (page.running_head["label"], page.name) == ("第1版", "综合")
    assert page.problems == []
    assert page.staff == {"chief_editor": "龙飞", "proofreader": "姚瑶"}
    # The centre's paper name alone names nobody: listed above every title, no credit line.
    assert skipped(page) == [
        (1, "other"),
        (2, "masthead"),
        (3, "masthead"),
        (4, "masthead"),
        (5, "running_head"),
        (6, "running_head"),
        (49, "staff"),
        (50, "masthead"),
        (51, "copyright"),
    ]
    stories = page.articles
    assert [(a.kind, a.column, a.headline, a.subheadline) for a in stories] == [
        ("news", "", "全县冬季农村供水保障工程全面完工", ""),
        ("news", "", "守着茶山过日子", "——记白岩村茶农代表司马红英"),
        # 简　讯 over ● paragraphs with no titles: a brief each, titled by its first clause.
        ("brief", "简讯", "县人社局在县城文化广场举办冬季专场招聘会", ""),
        ("brief", "简讯", "县农业农村局组织30余名农技人员分赴12个乡镇", ""),
        ("brief", "简讯", "县图书馆在金鸡岭村建成第15家“农家书屋”分馆", ""),
        ("news", "青萝论坛", "用好“绣花功夫” 绘就和美乡村", ""),
    ]
    water, tea, fair, farming, library, forum = stories
    # 融媒记者 is a role of its own (as 融媒体记者 is), under the wrapper's unit.
    assert [(c.unit, c.role) for c in water.credits] == [("青萝融媒", "融媒记者"), ("", "通讯员")]
    assert water.credits[1].names == ("彭亮", "谭小雯")
    assert len(paragraphs(water)) == 3
    # The indented byline is no paragraph; the caption under the text is the story's photo.
    assert [(c.role, c.names) for c in tea.credits] == [("通讯员", ("米岚",))]
    assert tea.photos[0].caption == "司马红英在茶园里查看茶苗长势。"
    assert [c.names for c in tea.photos[0].credits] == [("吴桐",)]
    assert paragraphs(tea)[0].startswith("初冬时节") and len(paragraphs(tea)) == 3
    assert [(c.unit, c.role, c.names) for c in fair.credits] == [("本报", "通讯员", ("龙小雨",))]
    # A bare name in brackets closing a brief is its writer, and no text.
    assert [(c.role, c.names) for c in farming.credits] == [("", ("卢山",))]
    assert paragraphs(farming) == [
        "11月22日，县农业农村局组织30余名农技人员分赴12个乡镇，开展冬季农业生产技术指导服务。"
    ]
    assert [(c.role, c.names) for c in library.credits] == [
        ("通讯员", ("麻晓婷",)),
        ("融媒记者", ("孟夏",)),
    ]
    assert paragraphs(library) == [
        "近日，县图书馆在金鸡岭村建成第15家“农家书屋”分馆，新增图书3000余册。"
    ]
    assert all(len(paragraphs(brief)) == 1 for brief in (fair, farming, library))
    assert [(c.role, c.names) for c in forum.credits] == [("文", ("符小舟",))]
    assert not forum.credits[0].photo
    assert forum.author_note == "作者为青萝县委党校讲师"
    assert len(paragraphs(forum)) == 2


def test_plain_city_daily_opinion_page_keeps_every_line_of_its_commentaries():
    (page,) = parse(
        "city_daily_opinion_plain.txt",
        edition_date=datetime.date(2026, 11, 29),
        page_names=["7"],
    )
    assert page.running_head["date"] == datetime.date(2026, 11, 29)
    assert page.name == "评论·副刊"
    # The head prints a name and no number; the page's stray 7 is its label.
    assert page.running_head["label"] == "7"
    assert page.problems == []
    (other,) = parse("city_daily_opinion_plain.txt", page_names=["8"])
    assert len(other.problems) == 1 and "8" in other.problems[0]
    assert page.staff == {"chief_editor": "陶然", "art_editor": "葛青云", "proofreader": "邹萍"}
    assert skipped(page) == [(1, "running_head"), (32, "staff"), (33, "page_number")]
    assert [story(a) for a in page.articles] == [
        # 本报评论员 under the title: a commentary that names nobody.
        ("commentary", "", "", "让“一刻钟便民生活圈”更有温度", "", "", [], 0),
        (
            "commentary",
            "澄州快评",
            "",
            "“夜经济”既要亮灯更要亮“心”",
            "",
            "",
            [("", "评论作者", ("钟离远",))],
            0,
        ),
        ("commentary", "", "", "冬日豆腐坊", "", "", [("", "评论作者", ("上官晓霜",))], 0),
    ]
    editorial, night, tofu = page.articles
    # Lines broken mid-sentence, across a blank line too, are one paragraph again.
    assert paragraphs(editorial)[:3] == [
        "家门口买菜、修鞋、理发、取快递，步行一刻钟就能办好——这是不少市民对美好生活的朴素期待。"
        "日前，我市公布首批28个“一刻钟便民生活圈”试点社区名单，这项民生工程由此进入全面推进阶段。",
        "建设便民生活圈，关键在“便”。一些社区便民网点数量不少，却存在业态单一、营业时间短等问题，"
        "老年人需要的助餐、助浴服务更是供给不足。补齐短板，要从居民的实际需求出发，"
        "多听居民意见，让网点布局跟着需求走。",
        "建设便民生活圈，还要注重“温度”。对独居老人、残疾人等群体，不妨把服务送上门，"
        "让便民生活圈真正成为暖心生活圈。",
    ]
    # The 相关链接 box holds prose: it stays with the story above, under its label and
    # title (our convention; the key would also take it as a separate item).
    assert [(b["type"], b["text"][:8]) for b in editorial.body[3:]] == [
        ("intertitle", "相关链接"),
        ("intertitle", "什么是“一刻钟便"),
        ("paragraph", "“一刻钟便民生活"),
    ]
    assert editorial.body[-1]["text"].endswith("以多业态集聚形成的社区商圈。")
    assert paragraphs(night) == [
        "入冬以来，澄州古城的夜市依旧人气旺盛。但也有市民反映，个别摊位缺斤短两，"
        "夜间停车难、如厕难等问题仍未解决。",
        "点亮“夜经济”，不能只在灯光上做文章。管理部门要把精细化服务延伸到夜间，"
        "让市民和游客逛得放心、玩得舒心。",
    ]
    assert len(paragraphs(tofu)) == 3
    assert paragraphs(tofu)[-1].endswith("想起外婆在灶台边忙碌的身影。")
    assert tofu.author_note == "作者系澄州市作家协会会员"


def test_every_printed_line_of_the_held_out_pages_is_somewhere():
    """No text is dropped: each line is in a story (title, text, caption, note) or listed."""
    for name in (
        "party_daily_editor_note.txt",
        "evening_photo_strip.txt",
        "county_weekly_untitled_briefs.txt",
        "city_daily_opinion_plain.txt",
    ):
        text = (PAGES / name).read_text(encoding="utf-8")
        (page,) = parse_page_text(text)
        kept = "".join(
            "".join(
                [a.kicker, a.headline, a.subheadline, a.dateline, a.editor_note, a.author_note]
                + a.jumps
                + [b["text"] for b in a.body]
                + [p.caption for p in a.photos]
            )
            for a in page.articles
        )
        kept = _letters(kept)
        skipped_lines = {line.line for line in page.skipped}
        for number, line in enumerate(text.split("\n"), start=1):
            if number in skipped_lines or not ("。" in line or "，" in line):
                continue  # titles are checked above; bylines and labels are read, not kept
            # The sentence part of a line (a lead's wrapper and a caption's credit cut off).
            words = _letters(line)
            middle = words[len(words) // 3 : len(words) // 3 + 6]
            assert middle in kept, (name, number, line)


def _letters(text):
    """Letters and digits only: the dateline (11月24日) is kept apart from its comma."""
    return "".join(char for char in text if char.isalnum())


def test_sentences_under_no_title_are_listed_and_named_as_a_problem():
    text = (
        "家门口买菜、修鞋、理发、取快递，步行一刻钟就能办好，这是不少市民对美好生活的朴素期待。\n"
        "\n"
        "# 我市启动冬季供暖\n"
        "\n"
        "本报讯（记者 王可）我市今日起正式启动冬季供暖。\n"
    )
    (page,) = parse_page_text(text)
    assert skipped(page) == [(1, "other")]
    assert len(page.problems) == 1 and "1" in page.problems[0]
    assert "家门口买菜" in page.problems[0]


def test_a_running_head_that_disagrees_with_the_edition_or_the_page_is_a_problem():
    (page,) = parse(
        "evening_photo_strip.txt",
        edition_date=datetime.date(2026, 11, 29),
        page_names=["A07"],
    )
    assert len(page.problems) == 2
    assert "2026-11-30" in page.problems[0] and "2026-11-29" in page.problems[0]
    assert "A06" in page.problems[1] and "A07" in page.problems[1]
    (page,) = parse("evening_photo_strip.txt", page_names=["社会新闻"])
    assert page.problems == []


def test_a_bold_title_opening_its_text_is_a_title_and_a_bold_wrapper_is_no_title():
    text = (
        "# 我市启动冬季供暖\n\n"
        "**本报讯**（记者 王可）我市今日起正式启动冬季供暖。\n\n"
        "**简讯**\n\n"
        "**县人社局举办招聘会** 本报讯 10月8日，县人社局举办秋季招聘会，42家企业提供岗位800余个。"
        "（记者 曹家明）\n\n"
        "**城关小学开展消防演练** 本报讯 近日，城关小学组织全校师生开展消防疏散演练。"
        "（通讯员 周 婷）\n"
    )
    (page,) = parse_page_text(text)
    assert [story(a) for a in page.articles] == [
        ("news", "", "", "我市启动冬季供暖", "", "", [("本报", "记者", ("王可",))], 0),
        ("brief", "简讯", "", "县人社局举办招聘会", "", "10月8日", [("", "记者", ("曹家明",))], 0),
        ("brief", "简讯", "", "城关小学开展消防演练", "", "", [("", "通讯员", ("周婷",))], 0),
    ]
    assert paragraphs(page.articles[0]) == ["我市今日起正式启动冬季供暖。"]
    assert paragraphs(page.articles[2]) == ["近日，城关小学组织全校师生开展消防疏散演练。"]


def test_a_list_marked_with_triangles_stays_text():
    text = (
        "# 我市出台稳就业十条措施\n\n"
        "本报讯（记者 王可）我市日前出台稳就业十条措施，主要包括：\n\n"
        "▲加大对中小企业的稳岗补贴力度；\n\n"
        "▲扩大高校毕业生就业见习规模。\n\n"
        "市人社局表示，各项措施将于下月起实施。\n\n"
        "▲图为招聘会现场。\n"
    )
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert paragraphs(article)[1:3] == [
        "▲加大对中小企业的稳岗补贴力度；",
        "▲扩大高校毕业生就业见习规模。",
    ]
    assert [photo.caption for photo in article.photos] == ["图为招聘会现场。"]


def test_a_run_of_briefs_ends_at_a_story_of_several_paragraphs_or_a_picture():
    text = (
        "## 简讯\n\n"
        "## 县人社局举办招聘会\n\n"
        "本报讯 10月8日，县人社局举办秋季招聘会，42家企业提供岗位800余个。（记者 曹家明）\n\n"
        "## 城关小学开展消防演练\n\n"
        "本报讯 近日，城关小学组织全校师生开展消防疏散演练。（通讯员 周 婷）\n\n"
        "## 城南社区新建口袋公园\n\n"
        "本报讯（记者 田甜）城南社区新建的口袋公园昨日开放，居民纷纷前来散步。\n\n"
        "公园面积约2000平方米，设有健身步道和儿童游乐区。\n\n"
        "社区负责人表示，还将增设休闲座椅。\n\n"
        "## 金秋稻浪\n\n"
        "10月6日，游客在稻田公园观赏金黄稻浪。 记者 谢 雯 摄\n"
    )
    (page,) = parse_page_text(text)
    assert [(a.kind, a.column, a.headline) for a in page.articles] == [
        ("brief", "简讯", "县人社局举办招聘会"),
        ("brief", "简讯", "城关小学开展消防演练"),
        ("news", "", "城南社区新建口袋公园"),
        ("photo", "", "金秋稻浪"),
    ]
