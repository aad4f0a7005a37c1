"""Page texts laid out as other papers print them: the stories, credits and lines skipped.

The pages under ``pages/`` are our own (invented stories, names and wording), in
the layouts of a party daily's international page, an evening paper's news
page, a city daily, a county media centre's paper, a weekly's front page, a
culture and sports page, and a page dumped as plain indented lines with no
Markdown at all.
"""

import datetime
import re

import pytest

from articles.imports.page_text import parse_page_text
from tests.articles.imports.page_checks import PAGES, paragraphs, parse, skipped, story

STAFF_OR_JUMP = re.compile(r"责任编辑|美术编辑|责编|美编|校对|版式设计|下转|上接|转第")


ALL_PAGES = sorted(path.name for path in PAGES.glob("*.txt"))


def test_there_are_at_least_seven_layouts():
    assert len(ALL_PAGES) >= 7


@pytest.mark.parametrize("name", ALL_PAGES)
def test_no_skipped_staff_jump_or_page_number_line_is_in_any_body(name):
    for page in parse(name):
        skipped_texts = [line.text for line in page.skipped]
        for article in page.articles:
            texts = [block["text"] for block in article.body]
            texts += [photo.caption for photo in article.photos]
            texts += [article.kicker, article.headline, article.subheadline]
            for text in texts:
                assert not STAFF_OR_JUMP.search(text), text
                assert not re.fullmatch(r"[A-Z]?\d{1,3}", text), text
                for line in skipped_texts:
                    # A short line (a page number) is checked whole, a longer one anywhere.
                    assert line != text and (len(line) < 4 or line not in text), (line, text)


def test_party_daily_international_page():
    (page,) = parse("party_daily_international.txt")
    assert page.running_head == {
        "date": datetime.date(2026, 3, 5),
        "name": "国际新闻",
        "label": "7",
    }
    assert (page.name, page.section) == ("国际新闻", "国际新闻")
    assert page.staff == {"chief_editor": "冯雪", "art_editor": "田园", "proofreader": "孙志刚"}
    assert skipped(page) == [
        (1, "running_head"),
        (35, "staff"),
        (37, "masthead"),
        (39, "copyright"),
    ]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "多国代表在日内瓦呼吁加强海洋垃圾治理合作",
            "",
            "日内瓦3月4日",
            [("新华社", "记者", ("林海峰", "白露"))],
            1,
        ),
        (
            "news",
            "",
            "",
            "东南亚多国迎来旅游旺季",
            "",
            "曼谷3月4日",
            [("新华社", "记者", ("陈思远",))],
            0,
        ),
        ("news", "", "", "南极科考队完成冰芯钻探", "", "", [], 0),
        (
            "commentary",
            "",
            "",
            "合作应对共同挑战才是正道",
            "",
            "",
            [("", "评论作者", ("钟远声",))],
            0,
        ),
    ]
    agency, tourism, brief, commentary = page.articles
    assert paragraphs(agency)[0].startswith("联合国环境规划署4日在日内瓦")
    assert len(paragraphs(agency)) == 3
    # The agency photo: its caption, and the photographer (新华社发 is no person).
    (photo,) = agency.photos
    assert photo.caption == "3月4日，与会代表在对话会上发言。"
    assert [c.names for c in photo.credits] == [("顾明远",)]
    # A paragraph broken by the dump mid-sentence is one paragraph again.
    assert paragraphs(tourism) == [
        "随着旱季到来，泰国、越南、柬埔寨等东南亚国家迎来旅游旺季，各地酒店入住率明显上升。",
        "泰国旅游部门预计，今年一季度入境游客将超过900万人次。",
    ]
    assert paragraphs(brief) == [
        "中国第四十二次南极考察队日前在内陆冰盖完成一次冰芯钻探作业，获取的冰芯样品将运回国内开展研究。"
    ]
    assert commentary.author_note == "作者为江城大学海洋研究院研究员"
    assert len(paragraphs(commentary)) == 2 and commentary.main_article == 0


def test_evening_paper_news_page():
    (page,) = parse("evening_news.txt")
    assert page.running_head["label"] == "A05" and page.name == "城事"
    # The editors named in the running head are the page's staff.
    assert page.staff == {"chief_editor": "丁一", "art_editor": "马里"}
    assert skipped(page) == [(1, "running_head"), (35, "teaser"), (37, "page_number")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "地铁5号线南延段今起试运行",
            "",
            "",
            [("本报", "记者", ("钱多多",)), ("", "通讯员", ("孙小梅",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "老街巷里的“修伞匠”",
            "",
            "",
            [("本报", "记者", ("邓晓晴",)), ("", "线索提供", ("张大伯",))],
            1,
        ),
        (
            "news",
            "",
            "",
            "小区门口违停车辆堵住消防通道",
            "",
            "",
            [("本报", "记者", ("周启航",))],
            0,
        ),
    ]
    metro, umbrellas, parking = page.articles
    assert metro.jumps == ["（下转A06版）"]
    assert len(paragraphs(metro)) == 3
    # 记者 as the subject of a sentence is text, not a credit.
    assert paragraphs(metro)[1].startswith("记者在南湖站看到")
    assert paragraphs(parking)[1].startswith("记者近日来到现场")
    # A caption inside a news story belongs to it, credit and all.
    assert umbrellas.photos[0].caption == "胡师傅在修理一把旧伞。"
    assert [c.names for c in umbrellas.photos[0].credits] == [("邓晓晴",)]
    assert paragraphs(umbrellas)[-1] == "“只要还有人来修，我就一直摆下去。”胡师傅笑着说。"


def test_city_daily_page():
    (page,) = parse("city_daily.txt", edition_date=datetime.date(2026, 3, 5), page_names=["A03"])
    assert page.problems == []
    assert page.running_head == {"date": datetime.date(2026, 3, 5), "name": "民生", "label": "A03"}
    assert page.staff == {"chief_editor": "韩梅", "art_editor": "程亮"}
    assert skipped(page) == [(1, "running_head"), (3, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "民生关注",
            "老旧小区加装电梯提速",
            "今年计划完成300台",
            "",
            "3月4日",
            [("株洲晨报", "全媒体记者", ("柳青青",)), ("", "通讯员", ("蒋一帆",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "守护一方碧水的“河小青”",
            "——记市级优秀河长助理程小溪",
            "",
            [("株洲晨报", "全媒体记者", ("柳青青",))],
            0,
        ),
        (
            "news",
            "",
            "社区食堂开进老街",
            "老人吃上热乎饭",
            "",
            "",
            [("株洲晨报", "见习记者", ("易小楠",))],
            0,
        ),
    ]
    lifts, river, canteen = page.articles
    assert [(b["type"], b["text"][:8]) for b in lifts.body] == [
        ("paragraph", "记者从市住建局获"),
        ("paragraph", "市住建局相关负责"),
        ("intertitle", "资金补贴再加码"),
        ("paragraph", "每台电梯的财政补"),
        ("intertitle", "群众意见先征求"),
        ("paragraph", "加装电梯须征得本"),
        # The 相关链接 box holds prose: it stays with the story above it.
        ("intertitle", "相关链接"),
        ("paragraph", "加装电梯怎么申请"),
    ]
    assert lifts.rosters == []
    # The 编者按 is kept apart from the reporter's text.
    assert river.editor_note.startswith("河湖治理，离不开基层的坚守。")
    assert paragraphs(river)[0] == "清晨六点，程小溪已经沿着白石港走了两公里。"
    assert not any("编者按" in text for text in paragraphs(river))
    assert len(paragraphs(canteen)) == 2


def test_county_media_centre_page():
    (page,) = parse("county_media_centre.txt")
    assert page.running_head["date"] == datetime.date(2026, 3, 5)
    # 审核 has no field on the page, but it is kept with the staff line as printed.
    assert page.staff == {"chief_editor": "谭杰", "proofreader": "易敏"}
    assert [(c.role, c.names) for c in page.staff_credits] == [
        ("编辑", ("谭杰",)),
        ("审核", ("罗平",)),
        ("校对", ("易敏",)),
    ]
    assert skipped(page) == [(1, "masthead"), (3, "running_head"), (31, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "茶陵县召开春耕生产调度会",
            "",
            "3月4日",
            [("茶陵县融媒体中心", "融媒体记者", ("谭新民",)), ("", "通讯员", ("陈秋",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "严塘镇：高标准农田建设跑出“加速度”",
            "",
            "",
            [("", "融媒体记者", ("龙思远",)), ("", "通讯员", ("李华",))],
            0,
        ),
        (
            "brief",
            "简讯",
            "",
            "县人民医院开展义诊进乡村活动",
            "",
            "3月3日",
            [("", "融媒体记者", ("刘畅",))],
            0,
        ),
        ("brief", "简讯", "", "县图书馆新增自助借还设备", "", "", [("", "通讯员", ("段文静",))], 0),
    ]
    # The brief's closing credit is taken out of its text.
    assert paragraphs(page.articles[2]) == [
        "县人民医院组织20余名医务人员来到腰陂镇开展义诊，为群众免费测量血压血糖。"
    ]
    assert paragraphs(page.articles[1])[-1].startswith("村民陈大爷说")


def test_weekly_front_page():
    (page,) = parse("weekly_front.txt")
    assert skipped(page) == [
        (1, "masthead"),
        (2, "masthead"),
        (3, "running_head"),
        (5, "page_list"),
        (27, "teaser"),
        (29, "noise"),
        (31, "page_number"),
    ]
    assert page.running_head["date"] == datetime.date(2026, 3, 6)
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "一座小城的“夜经济”",
            "夜市重开三个月，带动就业两千人",
            "",
            "",
            [("本报", "记者", ("石榴红",)), ("", "实习生", ("叶青青",))],
            0,
        ),
        ("photo", "", "", "油菜花开春意浓", "", "", [], 1),
    ]
    lead, photo_story = page.articles
    assert lead.editor_note.startswith("夜色里的烟火气")
    # The jump at the end of the last paragraph is flagged and cut from the text.
    assert lead.jumps == ["（下转第3版）"]
    assert paragraphs(lead)[-1] == "“以前收摊后满地垃圾，现在干净多了。”在夜市卖糖油粑粑的刘姐说。"
    # Title, caption and a credit with no 摄 (图/周 旭) make a photo story.
    assert paragraphs(photo_story) == ["3月5日，游客在攸县鸾山镇的油菜花田中拍照留念。"]
    assert [(c.role, c.names, c.photo) for c in photo_story.photos[0].credits] == [
        ("图", ("周旭",), True)
    ]


def test_culture_and_sports_page_with_photo_items_and_briefs():
    (page,) = parse("culture_sports.txt")
    assert page.name == "文体" and page.running_head["label"] == "B02"
    assert page.staff == {"chief_editor": "白杨", "art_editor": "夏天", "proofreader": "蓝天"}
    assert skipped(page) == [(1, "running_head"), (37, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "市青少年足球联赛开赛",
            "64支球队参赛 人数创新高",
            "",
            "3月4日",
            [("本报", "记者", ("方圆",)), ("", "实习生", ("陆一鸣",))],
            1,
        ),
        ("news", "", "", "湘剧《花鼓声声》首演", "", "", [("本报", "记者", ("姜雨禾",))], 1),
        ("photo", "", "", "春日骑行", "", "", [], 1),
        ("brief", "体育快讯", "", "市乒乓球公开赛报名启动", "", "", [], 0),
        ("brief", "体育快讯", "", "全民健身步道新增10条", "", "", [], 0),
    ]
    football, opera, cycling, _table_tennis, _paths = page.articles
    assert football.photos[0].caption == "开幕式上，小球员们进行了颠球表演。"
    # 3月3日晚 is the story's first words, not a dateline to cut.
    assert paragraphs(opera) == [
        "3月3日晚，原创湘剧《花鼓声声》在市大剧院首演，讲述了一个花鼓戏班三代人坚守舞台的故事。"
    ]
    assert [(c.role, c.names) for c in cycling.photos[0].credits] == [("记者", ("贺健",))]
    assert paragraphs(cycling) == ["3月4日，骑行爱好者在湘江风光带骑行。"]


def test_plain_text_page_with_no_markdown():
    (page,) = parse("plain_layout.txt")
    assert page.running_head == {
        "date": datetime.date(2026, 3, 5),
        "name": "综合新闻",
        "label": "第2版",
    }
    assert page.staff == {"chief_editor": "柯宇", "art_editor": "董小洁", "proofreader": "穆青"}
    assert skipped(page) == [(1, "running_head"), (16, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "全市中小学春季学期开学",
            "",
            "3月2日",
            [("本报", "记者", ("温知秋",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "城南新建公园向市民开放",
            "",
            "",
            [("本报", "记者", ("沈若水",)), ("", "通讯员", ("顾宁",))],
            0,
        ),
        ("commentary", "", "", "春天的约定", "", "", [("", "评论作者", ("秦望舒",))], 0),
    ]
    school, park, essay = page.articles
    # The lead broken over two lines is one paragraph.
    assert paragraphs(school)[0] == "全市中小学迎来春季学期开学，约32万名学生返校。"
    assert len(paragraphs(school)) == 3 and len(paragraphs(park)) == 3
    assert essay.author_note == "作者单位：南湖市第一中学"
    assert paragraphs(essay)[-1].endswith("那份春天的味道却一直留在心里。")


def test_running_head_that_does_not_match_the_edition_is_reported():
    (page,) = parse("city_daily.txt", edition_date=datetime.date(2026, 3, 6), page_names=["A04"])
    assert len(page.problems) == 2
    assert "2026-03-05" in page.problems[0] and "2026-03-06" in page.problems[0]
    assert "A03" in page.problems[1] and "A04" in page.problems[1]


def test_running_head_matches_a_page_name_or_an_unpadded_label():
    (page,) = parse("city_daily.txt", page_names=["民生"])
    assert page.problems == []
    (page,) = parse("plain_layout.txt", page_names=["2"])
    assert page.problems == []


def test_a_running_head_opens_the_next_page():
    text = "\n\n".join(
        (PAGES / name).read_text(encoding="utf-8")
        for name in ("evening_news.txt", "culture_sports.txt")
    )
    pages = parse_page_text(text)
    assert [(p.name, len(p.articles)) for p in pages] == [("城事", 3), ("文体", 5)]
    assert pages[1].staff["chief_editor"] == "白杨" and pages[0].staff["chief_editor"] == "丁一"


def test_party_daily_page_with_a_continued_story_and_a_picture_item():
    (page,) = parse("party_daily_continued.txt", page_names=["A03"])
    assert page.problems == []
    assert page.running_head == {"date": None, "name": "要闻", "label": "第A03版"}
    assert page.staff == {"chief_editor": "张扬", "art_editor": "李立", "proofreader": "钱多"}
    assert skipped(page) == [(1, "running_head"), (2, "page_list"), (3, "staff")]
    assert [story(a) for a in page.articles] == [
        # 本报评论员 above the title credits nobody, but makes it a commentary.
        ("commentary", "", "", "让绿色成为发展的底色", "", "", [], 0),
        ("news", "", "", "市场主体活力持续释放", "", "", [], 0),
        ("photo", "图片新闻", "", "春耕正当时", "", "", [], 1),
    ]
    commentary, continued, picture = page.articles
    assert paragraphs(commentary) == [
        "生态环境是最普惠的民生福祉。近年来，我市坚持生态优先、绿色发展，一批环境治理项目相继落地。",
        "绿色发展不是一句口号，要落实到每一个项目、每一项决策中。",
    ]
    # 上接第1版 opens the story it continues, and is flagged on it.
    assert continued.jumps == ["（上接第1版）"]
    assert [b["text"] for b in continued.body if b["type"] == "intertitle"] == [
        "一、优化服务",
        "二、减轻负担",
    ]
    assert [(r.title, r.stated_count, r.names) for r in continued.rosters] == [
        ("1. 2025年度优秀企业", 3, ["长江机械", "华峰电子", "星城食品"])
    ]
    assert picture.photos[0].caption == "3月4日，农民在醴陵市东富镇的田间驾驶插秧机作业。"
    assert [(c.role, c.names) for c in picture.photos[0].credits] == [("记者", ("周洋",))]


def test_evening_paper_page_with_closing_credits_and_a_byline_before_the_lead():
    (page,) = parse("evening_society.txt", edition_date=datetime.date(2026, 4, 2))
    assert page.problems == []
    assert skipped(page) == [(1, "running_head"), (23, "masthead"), (43, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "暴雨突袭 消防员蹚水救出被困老人",
            "",
            "",
            [("湘南晚报", "记者", ("卢一鸣",)), ("", "通讯员", ("蔡晓东",))],
            1,
        ),
        # A title, its text and a closing （记者 卢一鸣） under a credited story: a story.
        ("news", "", "", "快递包裹“坐”上公交车", "", "", [("", "记者", ("卢一鸣",))], 0),
        (
            "commentary",
            "",
            "",
            "别让“小广告”成城市“牛皮癣”",
            "",
            "",
            [("", "评论作者", ("易然",))],
            0,
        ),
        ("news", "", "", "一位“90后”村支书的乡村振兴路", "", "", [("本报", "记者", ("何畅",))], 0),
    ]
    rain, parcels, _commentary, secretary = page.articles
    # The byline stands above the lead: 本报讯 is no text of the story.
    assert paragraphs(rain)[0].startswith("4月1日下午，一场暴雨突袭城区")
    assert rain.photos[0].caption == "消防员背着老人蹚水转移。"
    assert paragraphs(parcels)[-1] == "据了解，我市今年开通了12条“公交+快递”线路，覆盖86个行政村。"
    assert all(credit.photo for credit in secretary.credits)  # 文/图: the pictures are hers too
    assert len(paragraphs(secretary)) == 3


def test_metro_daily_dumped_in_narrow_columns():
    (page,) = parse("metro_narrow_columns.txt", edition_date=datetime.date(2026, 5, 8))
    # The running head printed over two lines is one head.
    assert page.running_head == {"date": datetime.date(2026, 5, 8), "name": "城市", "label": "A04"}
    assert page.problems == []
    assert skipped(page) == [
        (1, "masthead"),
        (2, "running_head"),
        (3, "running_head"),
        (27, "staff"),
    ]
    assert page.staff == {"chief_editor": "齐鸣", "proofreader": "安宁"}
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "全市启动夏季",
            "防汛应急演练",
            "",
            "5月7日",
            [("本报", "记者", ("梁晓东",))],
            0,
        ),
        # A title broken after 的 is one line again.
        ("news", "", "", "“老杨修车铺”的二十年", "", "", [("本报", "记者", ("艾琳",))], 0),
    ]
    drill, repair_shop = page.articles
    # Lines wrapped at the column's width are one text again (a name split across two lines too).
    assert paragraphs(drill)[0].startswith("全市夏季防汛应急演练在湘江风光带举行，来自消防、水利")
    assert paragraphs(drill)[-1].endswith("将继续开展分片区演练。")
    assert paragraphs(repair_shop) == [
        "在城北菜市场旁，有一家不起眼的修车铺。二十年来，老杨修好的自行车不下万辆。"
    ]


def test_city_daily_front_with_a_teaser_box_agency_copy_and_marked_intertitles():
    (page,) = parse("city_daily_front.txt")
    assert page.staff == {"chief_editor": "李丽", "art_editor": "王强", "proofreader": "赵四"}
    assert skipped(page) == [(1, "staff"), (3, "teaser"), (4, "teaser"), (5, "teaser")]
    assert [story(a) for a in page.articles] == [
        ("news", "", "", "湘江新区新增三条公交线路", "", "", [("本报", "记者", ("庞雨桐",))], 1),
        ("news", "", "", "多国专家呼吁保护湿地生态", "", "北京4月9日", [], 1),
        ("news", "", "", "我市春季植树活动启动", "", "", [("本报", "记者", ("柏林",))], 0),
    ]
    buses, wetlands, trees = page.articles
    # The byline above 本报讯 记者X报道： credits once; the wrapper is no text.
    assert [(b["type"], b["text"]) for b in buses.body] == [
        ("paragraph", "4月10日起，湘江新区将新开三条公交线路，方便沿线居民出行。"),
        ("intertitle", "覆盖产业园区"),
        ("paragraph", "新线路途经两个产业园区，早晚高峰加密班次。"),
        ("intertitle", "票价保持不变"),
        ("paragraph", "票价仍为2元，可使用交通卡和手机支付。"),
    ]
    assert buses.photos[0].caption == "图为新线路首发车辆。"
    # The agency photographer's credit under its caption: the caption is the photo's.
    assert wetlands.photos[0].caption == "4月9日，与会专家在研讨会上交流。"
    assert [c.names for c in wetlands.photos[0].credits] == [("陈星",)]
    assert len(paragraphs(wetlands)) == 2
    assert paragraphs(trees) == [
        "近日，我市春季义务植树活动在龙山森林公园启动，近千名干部群众参加。"
    ]


def test_a_page_of_photo_items():
    (page,) = parse("photo_page.txt", edition_date=datetime.date(2026, 6, 1), page_names=["A08"])
    assert page.problems == []
    assert skipped(page) == [(1, "running_head"), (23, "staff")]
    # 图片编辑 fills no field of the page, but is kept as printed.
    assert page.staff == {} and [c.role for c in page.staff_credits] == ["图片编辑"]
    assert [story(a) for a in page.articles] == [
        ("photo", "", "", "童心向党 快乐成长", "", "", [], 1),
        ("photo", "", "", "龙舟竞渡", "", "", [], 1),
        ("photo", "", "", "夏日荷塘", "", "", [], 1),
        ("photo", "", "", "夜色中的大桥", "", "", [], 1),
    ]
    # Caption and credit on separate lines: the text is the story's, as the seed's;
    # a caption ending in its credit is the photo's own.
    children, boats, lotus, bridge = page.articles
    assert paragraphs(children) == ["6月1日，天元区一所幼儿园的孩子们在表演节目。"]
    assert boats.photos[0].caption == "5月31日，龙舟队在湘江上训练，备战端午龙舟赛。"
    assert lotus.photos[0].caption == "荷花盛开，吸引市民前来赏花。"
    # Compound surnames, and a credit with no 摄 under a picture.
    assert [c.names for a in page.articles for p in a.photos for c in p.credits] == [
        ("欧阳晨",),
        ("司马青",),
        ("上官雨",),
        ("诸葛明",),
    ]
    assert paragraphs(bridge) == ["灯光璀璨的湘江大桥。"]


def test_weekly_feature_page_with_a_tribute_subtitle_and_heading_intertitles():
    (page,) = parse("weekly_feature.txt", edition_date=datetime.date(2026, 3, 13), page_names=["8"])
    assert page.problems == []
    assert page.running_head == {
        "date": datetime.date(2026, 3, 13),
        "name": "深读",
        "label": "第8版",
    }
    # 本期编辑 and 美术设计: the page's editors, whatever the paper calls them.
    assert page.staff == {"chief_editor": "万里", "art_editor": "程橙"}
    assert skipped(page) == [(1, "running_head"), (23, "staff")]
    (feature,) = page.articles
    assert story(feature)[:6] == (
        "news",
        "",
        "",
        "一位乡村教师的三十年",
        "——记全国模范教师龙春梅",
        "",
    )
    # 文/ the writer, 图/ the photographer.
    assert [(c.unit, c.role, c.names) for c in feature.credits] == [
        ("本刊", "记者", ("田野",)),
        ("", "图", ("刘星",)),
    ]
    assert [b["type"] for b in feature.body] == [
        "paragraph",
        "intertitle",
        "paragraph",
        "paragraph",
        "intertitle",
        "paragraph",
    ]
    assert feature.author_note == "作者系本刊记者"


# Held-out pages: written after the parser, by someone who had not seen its rules.


def test_party_daily_news_page_with_a_note_above_a_three_part_title_and_a_commentary():
    (page,) = parse("party_daily_front_note.txt", edition_date=datetime.date(2026, 9, 14))
    assert page.problems == []
    assert page.running_head == {
        "date": datetime.date(2026, 9, 14),
        "name": "要闻",
        "label": "第2版",
    }
    assert page.staff == {"chief_editor": "龚晴", "art_editor": "邝一", "proofreader": "廖明"}
    assert skipped(page) == [(1, "running_head"), (3, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "项目一线看担当",
            "攻坚四季度 冲刺全年红",
            "——衡岳新区重点项目建设见闻",
            "衡阳9月13日",
            [("本报", "全媒体记者", ("易春燕",)), ("", "通讯员", ("邹立国", "唐蕾"))],
            0,
        ),
        (
            "news",
            "",
            "",
            "湘江流域生态补偿机制实现全覆盖",
            "",
            "长沙9月13日",
            [("本报", "记者", ("聂芳",))],
            0,
        ),
        # 本报评论员 credits nobody; the commentary is on the page's lead story.
        ("commentary", "", "", "把握主动 奋力冲刺", "", "", [], 0),
    ]
    lead, _second, commentary = page.articles
    # 编者按 on a line of its own above the title: its paragraphs (one broken by the
    # dump) are the note of the story under it, not a story, and not its text.
    assert lead.editor_note == (
        "金秋时节，三湘大地处处涌动着项目建设的热潮。为展现各地抓项目、稳增长的生动实践，"
        "本报今起开设“项目一线看担当”专栏，记者深入工地车间，记录奋斗者的身影，敬请关注。"
    )
    assert paragraphs(lead)[0].startswith("秋阳下")
    assert commentary.main_article == 0
    assert len(paragraphs(commentary)) == 3


def test_evening_paper_social_page_with_a_link_box_a_sidebar_and_a_hotline():
    (page,) = parse("evening_sidebar.txt", page_names=["A06"])
    assert page.problems == []
    assert page.staff == {"chief_editor": "康宁", "art_editor": "付珊"}
    # The tip-off hotline is the paper's, not the brief's last paragraph.
    assert skipped(page) == [(1, "running_head"), (35, "masthead"), (37, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "七旬老人迷路 外卖小哥一路护送回家",
            "",
            "",
            [("晚报", "记者", ("汪洋",)), ("", "实习生", ("葛小雨",))],
            0,
        ),
        ("news", "记者手记", "", "平凡人的善意最动人", "", "", [], 0),
        ("news", "", "", "暑期游泳安全要牢记", "", "", [("晚报", "记者", ("柯蓝",))], 0),
        (
            "news",
            "",
            "",
            "深夜车内被锁 民警破窗救出男童",
            "",
            "",
            [("", "记者", ("柯蓝",)), ("", "通讯员", ("段晓峰",))],
            0,
        ),
    ]
    rescue, sidebar, _swim, brief = page.articles
    # 新闻链接 holds prose: it stays with the story above, under its label.
    assert [b["text"] for b in rescue.body if b["type"] == "intertitle"] == ["新闻链接"]
    assert paragraphs(rescue)[0].endswith("一路陪着她找到家。")
    # The reporter's notebook is a sidebar to the story it follows.
    assert sidebar.main_article == 0
    assert paragraphs(brief) == [
        "7月20日晚，一名3岁男童被反锁在车内。民警接警后迅速赶到，破窗将孩子救出。"
    ]


def test_county_media_centre_weekly_with_a_masthead_photo_items_and_briefs():
    (page,) = parse("county_weekly_briefs.txt", edition_date=datetime.date(2026, 10, 9))
    assert page.problems == []
    # The centre's name alone, its publisher line and the dated issue line are its masthead.
    assert skipped(page) == [(1, "masthead"), (2, "masthead"), (3, "running_head"), (37, "staff")]
    assert page.running_head["date"] == datetime.date(2026, 10, 9)
    assert page.staff == {"chief_editor": "侯勇"}
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "安仁县首届稻田音乐节开幕",
            "",
            "10月6日",
            [("安仁县融媒体中心", "记者", ("曹家明", "谢雯"))],
            0,
        ),
        ("photo", "", "", "金秋稻浪", "", "", [], 1),
        ("photo", "", "", "丰收了", "", "", [], 1),
        (
            "brief",
            "简讯",
            "",
            "县人社局举办秋季招聘会",
            "",
            "10月8日",
            [("", "记者", ("曹家明",))],
            0,
        ),
        ("brief", "简讯", "", "城关小学开展消防演练", "", "", [("", "通讯员", ("周婷",))], 0),
        ("brief", "简讯", "", "牌楼乡完成油茶低改2000亩", "", "", [("", "通讯员", ("谭小军",))], 0),
    ]
    fields, harvest = page.articles[1], page.articles[2]
    assert [(c.role, c.names, c.photo) for c in fields.photos[0].credits] == [
        ("融媒体记者", ("谢雯",), True)
    ]
    assert paragraphs(fields) == ["10月6日，游客在稻田公园观赏金黄稻浪。"]
    assert harvest.photos[0].caption == "10月5日，龙海镇农民在抢收晚稻。"
    assert [(c.role, c.names) for c in harvest.photos[0].credits] == [("通讯员", ("何光荣",))]
    for brief in page.articles[3:]:
        assert len(paragraphs(brief)) == 1 and "（" not in paragraphs(brief)[0]


def test_city_daily_economy_page_with_a_two_line_running_head_a_chart_and_a_jump():
    (page,) = parse("city_daily_economy.txt", page_names=["经济"])
    assert page.problems == []
    # The page's name on the line under the dated head is the head's.
    assert page.running_head == {"date": datetime.date(2026, 11, 3), "name": "经济", "label": "A05"}
    assert page.name == "经济"
    assert skipped(page) == [(1, "running_head"), (2, "running_head"), (4, "staff"), (5, "staff")]
    assert page.staff == {"chief_editor": "郑薇", "art_editor": "石磊"}
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "前三季度我市外贸进出口增长14%",
            "机电产品出口占比过半",
            "",
            "11月2日",
            [("本报", "记者", ("黎明",))],
            1,
        ),
        (
            "news",
            "",
            "",
            "小微企业贷款余额突破千亿元",
            "",
            "",
            [("本报", "记者", ("黎明",)), ("", "通讯员", ("刘欣",))],
            0,
        ),
        ("news", "", "理财", "年末理财 稳字当头", "", "", [("本报", "记者", ("黎明",))], 0),
    ]
    trade = page.articles[0]
    assert trade.jumps == ["（下转A06版）"]
    assert trade.photos[0].caption == "我市前三季度外贸进出口情况。"
    assert [(c.role, c.names, c.photo) for c in trade.photos[0].credits] == [
        ("制图", ("邹萍",), True)
    ]
    assert len(paragraphs(trade)) == 4
    assert (
        paragraphs(trade)[2]
        == "从市场看，我市对东盟、中东等新兴市场进出口增长明显，其中对东盟进出口增长23%。"
    )


def test_sports_page_with_agency_copy_a_marked_commentary_and_a_picture_strip():
    (page,) = parse("sports_agency.txt")
    assert skipped(page) == [(1, "running_head"), (37, "staff")]
    assert page.staff == {"chief_editor": "邵强", "art_editor": "单宇"}
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "中国女排3比1逆转取胜",
            "",
            "东京8月16日",
            [("新华社", "记者", ("韩冰", "岳峰"))],
            1,
        ),
        (
            "news",
            "",
            "",
            "全运会群众赛事跳绳项目落幕",
            "",
            "广州8月16日",
            [("中新社", "记者", ("蒋雨彤",))],
            0,
        ),
        ("commentary", "", "", "马拉松“热”下的冷思考", "", "", [("", "评论作者", ("杭晨",))], 0),
        # 图片新闻 over a strip of pictures: the column of each, not part of a title.
        ("photo", "图片新闻", "", "少年棋手同台竞技", "", "", [], 1),
        ("photo", "图片新闻", "", "湘江畔的皮划艇", "", "", [], 1),
    ]
    volleyball = page.articles[0]
    assert volleyball.photos[0].caption == "8月16日，中国队球员在比赛中扣球。"
    assert [(c.unit, c.role, c.names) for c in volleyball.photos[0].credits] == [
        ("新华社", "记者", ("金乐",))
    ]
    assert page.articles[2].main_article == 0


def test_plain_dump_with_spaces_lost_between_names_and_words():
    (page,) = parse("plain_lost_spaces.txt", edition_date=datetime.date(2026, 12, 2))
    assert page.problems == []
    assert page.running_head == {
        "date": datetime.date(2026, 12, 2),
        "name": "区县新闻",
        "label": "第3版",
    }
    assert page.staff == {"chief_editor": "牛小丽", "art_editor": "汤力", "proofreader": "冉冉"}
    assert skipped(page) == [(1, "running_head"), (12, "staff")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "",
            "河西区开通首条社区微公交",
            "",
            "12月1日",
            [("本报", "记者", ("谷雨晴",)), ("", "通讯员", ("苗建",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "东城街道“银发课堂”开课",
            "",
            "",
            [("本报", "通讯员", ("郝蓓蓓",)), ("", "记者", ("谷雨晴",))],
            0,
        ),
        ("photo", "", "", "冬日暖阳", "", "", [], 1),
    ]
    assert paragraphs(page.articles[0])[1] == "微公交采用10座新能源小巴，票价1元，每15分钟一班。"
    assert [(c.role, c.names) for c in page.articles[2].photos[0].credits] == [
        ("记者", ("谷雨晴",))
    ]


def test_plain_dump_with_no_blank_lines_and_a_labelled_box():
    (page,) = parse("plain_no_blank_lines.txt")
    assert page.running_head == {"date": datetime.date(2026, 4, 18), "name": "文娱", "label": "A10"}
    assert skipped(page) == [
        (1, "masthead"),
        (2, "running_head"),
        (3, "running_head"),
        (4, "staff"),
    ]
    assert page.staff == {"chief_editor": "黎明", "art_editor": "欧阳菲"}
    workshop, box, film = page.articles
    assert story(workshop) == (
        "news",
        "",
        "",
        "油纸伞非遗工坊开门迎客",
        "",
        "",
        [("本报", "记者", ("曾琳",))],
        0,
    )
    # Lines that end their sentences are paragraphs, one a line, though no blank
    # line parts them; a column label and the title under it stand alone.
    assert len(paragraphs(workshop)) == 3
    assert paragraphs(workshop)[2] == "“没想到一把伞要这么多工序。”前来体验的大学生小彭说。"
    assert story(box) == ("news", "记者观察", "", "非遗要活起来", "", "", [], 0)
    assert paragraphs(box) == [
        "非遗的生命力在于传承，更在于走进日常生活。油纸伞工坊的尝试，为老手艺找到了新出路。"
    ]
    assert story(film)[:7] == ("news", "", "", "纪录片《湘江渔歌》开机", "", "", [])


def test_a_reprint_wrapper_followed_by_a_space_keeps_the_whole_first_sentence():
    (page,) = parse("plain_no_blank_lines.txt")
    assert paragraphs(page.articles[2]) == [
        "由本地团队制作的纪录片《湘江渔歌》日前开机，将用一年时间记录湘江沿岸渔民的生活变迁。"
    ]


def test_bold_titles_two_pages_a_bold_byline_and_a_story_continued():
    first, second = parse("party_daily_bold_two_pages.txt", page_names=["A01", "A02"])
    assert first.problems == second.problems == []
    assert skipped(first) == [(1, "running_head")]
    assert skipped(second) == [(17, "running_head"), (39, "staff")]
    # 欧阳 洁: a compound surname letter-spaced off its given name is one person.
    assert second.staff == {"chief_editor": "汪洁", "art_editor": "欧阳洁"}
    assert [story(a) for a in first.articles] == [
        (
            "news",
            "",
            "我市启动“城市更新”三年行动",
            "今年改造老旧小区120个",
            "",
            "5月19日",
            [("本报", "记者", ("孟凡星",))],
            0,
        ),
        ("news", "", "", "全国夏粮收购工作会议召开", "", "北京5月19日", [], 0),
    ]
    assert first.articles[0].jumps == ["（下转A02版）"]
    assert paragraphs(first.articles[1])[0].startswith("全国夏粮收购工作会议19日召开")
    assert [story(a) for a in second.articles] == [
        ("news", "", "", "我市启动“城市更新”三年行动", "", "", [], 0),
        # A bold byline under a bold title is a credit, not a title's part.
        (
            "commentary",
            "",
            "",
            "城市更新要让居民唱主角",
            "",
            "",
            [("本报", "评论员", ("周子墨",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "五一假期全市接待游客86万人次",
            "",
            "5月19日",
            [("本报", "记者", ("孟凡星",)), ("", "线索提供", ("柳先生",))],
            0,
        ),
    ]
    assert second.articles[0].jumps == ["（上接A01版）"]
    assert second.articles[1].main_article == 0
    assert paragraphs(second.articles[2]) == [
        "记者从市文旅局获悉，五一假期全市共接待游客86万人次，实现旅游收入5.3亿元。"
    ]


def test_weekly_page_with_a_date_line_alone_a_marked_column_and_a_book_brief():
    (page,) = parse("weekly_books.txt", edition_date=datetime.date(2026, 6, 12))
    assert page.problems == []
    # The date printed alone under the page's head is the head's, not a title's part.
    assert page.running_head == {
        "date": datetime.date(2026, 6, 12),
        "name": "书香",
        "label": "第B06版",
    }
    assert skipped(page) == [
        (1, "masthead"),
        (3, "running_head"),
        (5, "running_head"),
        (29, "copyright"),
    ]
    feature, brief = page.articles
    assert story(feature) == (
        "news",
        "书人书事",
        "",
        "一位修书匠的“慢时光”",
        "",
        "",
        [("", "特约记者", ("司徒晓",))],
        1,
    )
    assert feature.photos[0].caption == "汤慧在修复一册明代刻本。"
    assert len(paragraphs(feature)) == 3
    assert story(brief) == ("brief", "书讯", "", "《湖湘老街》出版", "", "", [], 0)


def test_a_date_line_inside_a_story_is_its_text():
    text = (
        "## 致全市志愿者的一封信\n\n本报讯（记者 龙小溪）市文明办近日发出倡议。\n\n"
        "让我们一起行动起来。\n\n2026年3月1日\n"
    )
    (page,) = parse_page_text(text)
    assert paragraphs(page.articles[0])[-1] == "2026年3月1日"
    assert page.skipped == []


def test_metro_page_with_a_related_news_box_and_numbered_captions():
    (page,) = parse("metro_related_news.txt", page_names=["A08"])
    assert page.problems == []
    assert skipped(page) == [(1, "running_head"), (35, "page_number")]
    rail, related, dinner = page.articles
    assert story(rail)[:7] == (
        "news",
        "",
        "春运返程高峰来了",
        "铁路部门加开临客32趟",
        "",
        "2月8日",
        [("本报", "记者", ("韦小宝",)), ("", "实习生", ("覃思",)), ("", "通讯员", ("莫清",))],
    )
    assert (
        paragraphs(rail)[1]
        == "据介绍，返程客流以务工人员和学生为主，预计单日最高发送旅客将达18万人次。"
    )
    # 相关新闻 is a box beside the story above: its column, and linked to it.
    assert story(related) == (
        "news",
        "相关新闻",
        "",
        "机场航班量恢复至节前九成",
        "",
        "2月8日",
        [("", "记者", ("韦小宝",))],
        0,
    )
    assert related.main_article == 0
    # ① and ② over one credit: two pictures with their captions, none left in the text.
    assert [p.caption for p in dinner.photos] == [
        "①2月8日，志愿者为老人夹菜。",
        "②老人们展示收到的福字。",
    ]
    assert all(
        [(c.role, c.names) for c in p.credits] == [("记者", ("莫愁",))] for p in dinner.photos
    )
    assert len(paragraphs(dinner)) == 2


def test_a_caption_credited_to_a_picture_agency_is_a_picture():
    (page,) = parse("metro_related_news.txt")
    rail = page.articles[0]
    assert [p.caption for p in rail.photos] == ["2月8日，旅客在高铁站排队进站。"]
    assert len(paragraphs(rail)) == 2


def test_a_caption_ending_in_a_credit_that_names_nobody_is_a_picture():
    text = (
        "## 候鸟飞抵洞庭湖\n\n新华社长沙2月8日电 大批候鸟近日飞抵洞庭湖越冬。\n\n"
        "2月7日，候鸟在湖面飞翔。（新华社发）\n\n保护区工作人员每天开展巡护。\n"
    )
    (page,) = parse_page_text(text)
    (article,) = page.articles
    assert [(p.caption, p.credits) for p in article.photos] == [("2月7日，候鸟在湖面飞翔。", [])]
    assert paragraphs(article) == ["大批候鸟近日飞抵洞庭湖越冬。", "保护区工作人员每天开展巡护。"]
