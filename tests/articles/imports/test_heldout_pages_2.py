"""Four more pages first read as held-out texts (a second round; keys written apart).

A provincial daily's plain layout-system export, an evening paper's front page
with its masthead and teasers, a metropolitan daily's Markdown sports page with
agency copy and a results box, and a county media centre's dump that lost its
blank lines and prints bylines above titles.  Each is pinned story by story, as
``test_heldout_pages`` pins the first round; where our conventions read a page
differently from its key, the test says which convention and why.
"""

import datetime

from articles.imports.page_text import parse_page_text
from tests.articles.imports.page_checks import paragraphs, parse, photo_credits, skipped, story


def test_provincial_daily_plain_titles_a_bare_byline_a_notebook_and_a_caption_inside_a_story():
    (page,) = parse(
        "provincial_daily_plain_titles.txt",
        edition_date=datetime.date(2026, 12, 1),
        page_names=["7"],
    )
    # The page's label and name stand on the line under the paper and date (07　经济).
    assert page.running_head == {"date": datetime.date(2026, 12, 1), "name": "经济", "label": "07"}
    assert page.problems == []
    # 责编：…｜美编：…｜校对：… at the foot of the page, and the stray —7—.
    assert page.staff == {"chief_editor": "秦墨", "art_editor": "卓一凡", "proofreader": "骆青"}
    assert skipped(page) == [
        (1, "running_head"),
        (2, "running_head"),
        (53, "staff"),
        (54, "page_number"),
    ]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            # Three plain title lines over a byline: 引题, 主题, 副题 by their order.
            "省内冬季蔬菜上市量同比增长一成多",
            "菜篮子拎得稳 餐桌更丰盈",  # the dump's full-width space, squeezed (key: accepted)
            "11月全省重点监测的28种蔬菜均价环比下降4.6%",
            "岚州11月30日",
            [("本报", "记者", ("郁岚",)), ("", "通讯员", ("段思齐",))],
            0,
        ),
        # 记者手记 over a title and a bare name: the reporter's notebook, her name its
        # byline (our convention gives a commentary's bare name the role 评论作者).
        (
            "commentary",
            "记者手记",
            "",
            "保供稳价既要“量”也要“质”",
            "",
            "",
            [("", "评论作者", ("郁岚",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "岚州港集装箱吞吐量提前完成全年目标",
            "——前11个月同比增长13.8%，新开外贸航线9条",
            # Our convention (pinned in test_papers): a date opening the lead is its dateline.
            "11月29日",
            [("本报", "记者", ("唐棠",))],
            1,
        ),
        (
            "news",
            "",
            "",
            "省内首单林业碳汇价格指数保险在岚西落地",
            "",
            "",
            [("本报", "记者", ("潘越",)), ("", "实习生", ("苏禾",))],
            0,
        ),
    ]
    vegetables, notebook, port, insurance = page.articles
    # The dump broke 经营户 / 邝大江 over two lines: joined with nothing between.
    assert paragraphs(vegetables)[0].startswith("清晨6点，岚州市马王塘")
    assert "经营户邝大江一边卸货" in paragraphs(vegetables)[0]
    assert paragraphs(vegetables)[1].startswith(
        "记者从省农业农村厅获悉，今年我省冬春蔬菜播种面积达486万亩"
    )
    # The 数说 box stays with its story: its label an intertitle, a line a paragraph, none
    # glued to the next (the key accepts its lines in the body; never a title, never story 2's).
    assert paragraphs(vegetables)[3].startswith("业内人士预计")
    assert [b["text"] for b in vegetables.body if b["type"] == "intertitle"] == ["数说"]
    assert paragraphs(vegetables)[4:] == [
        "28种",
        "重点监测蔬菜均价环比下降4.6%",
        "1.2万吨",
        "全省日均蔬菜上市量",
        "36个",
        "新建和改造冬春蔬菜保供基地",
    ]
    assert notebook.main_article == 0
    assert paragraphs(notebook)[0].startswith("在马王塘市场采访时")
    assert paragraphs(notebook)[-1].startswith("保供稳价，既要让群众")
    assert len(paragraphs(notebook)) == 2
    # The caption inside the story is its picture's; the paragraph after it is still the story's.
    assert port.photos[0].caption == "图为11月28日，岚州港集装箱码头一派繁忙景象。"
    assert photo_credits(port.photos[0]) == [("本报", "记者", ("唐棠",), True)]
    assert paragraphs(port)[0].startswith("随着一艘满载汽车配件")
    assert paragraphs(port)[-1].startswith("岚州港务集团负责人介绍")
    assert len(paragraphs(port)) == 3
    assert paragraphs(insurance)[0].startswith("近日，岚西县林业局")
    assert len(paragraphs(insurance)) == 2


def test_evening_front_page_masthead_teasers_a_jump_and_two_photo_stories():
    (page,) = parse(
        "evening_front_teasers.txt",
        edition_date=datetime.date(2026, 12, 1),
        page_names=["A01"],
    )
    assert page.running_head == {
        "date": datetime.date(2026, 12, 1),
        "name": "头版",
        "label": "第A01版",
    }
    assert page.problems == []
    assert page.staff == {}
    # The masthead (name, romanisation, serial number, date and issue, publisher, weather),
    # the teasers with their titles, the page list, the copyright and the hotline.
    assert skipped(page) == [
        (1, "running_head"),
        (2, "masthead"),
        (3, "masthead"),
        (4, "masthead"),
        (5, "running_head"),
        (6, "masthead"),
        (7, "masthead"),
        (9, "teaser"),
        (10, "teaser"),
        (11, "teaser"),
        (13, "teaser"),
        (15, "teaser"),
        (16, "teaser"),
        (39, "page_list"),
        (40, "copyright"),
        (41, "masthead"),
    ]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "",
            "全长9.6公里 沿线新增7座车站",
            "地铁2号线东延段今天开通运营",
            "首班车6:00发车 票价与既有线路一致",
            "",
            [("本报", "记者", ("尉迟嘉",)), ("", "实习生", ("洪小满",))],
            0,
        ),
        ("news", "", "", "今冬集中供暖提前两天启动", "", "", [("本报", "记者", ("东方晓",))], 0),
        ("photo", "", "", "初雪后的泓湖", "", "", [], 1),
        ("photo", "", "", "百年老街换新颜", "", "", [], 1),
    ]
    metro, heating, snow, street = page.articles
    assert paragraphs(metro)[0].startswith("今天上午10时，泓城地铁2号线")
    assert paragraphs(metro)[-1].startswith("泓城地铁集团相关负责人介绍")
    assert len(paragraphs(metro)) == 3
    # （详见A03版） under its text: the story goes on on A03 (a jump, in no body).
    assert metro.jumps == ["（详见A03版）"]
    # 记者 as the subject of the first sentence is text, not a credit.
    assert paragraphs(heating) == [paragraphs(heating)[0]]
    assert paragraphs(heating)[0].startswith("记者昨日从市城市管理局获悉")
    # A title, a caption and the credit on its own line: a photo story of its own.
    assert paragraphs(snow) == ["11月30日清晨，泓湖公园湖面升起薄雾，市民在湖边散步、拍照。"]
    assert photo_credits(snow.photos[0]) == [("本报", "记者", ("钟离晓",), True)]
    assert street.photos[0].caption.endswith("元旦前向市民开放。")
    assert photo_credits(street.photos[0]) == [("本报", "记者", ("宇文澈",), True)]


def test_metro_sports_page_agency_copy_a_related_brief_and_a_results_box():
    (page,) = parse(
        "metro_sports_agency_box.txt",
        edition_date=datetime.date(2026, 12, 1),
        page_names=["B04"],
    )
    assert page.running_head == {"date": datetime.date(2026, 12, 1), "name": "体育", "label": "B04"}
    assert page.problems == []
    assert page.staff == {"chief_editor": "蒙奇", "art_editor": "苗青", "proofreader": "邝文"}
    assert skipped(page) == [(1, "running_head"), (3, "staff")]
    skating, photo, hockey, volleyball, badminton = page.articles
    # 【新华社北岭11月30日电】（记者 令狐雪 赫连舟）: the bracket after the boxed dateline
    # credits both reporters (the agency as their unit, or none: the key allows both).
    assert story(skating)[:6] == (
        "news",
        "",
        "全国速度滑冰冠军赛收官",
        "涟州小将包揽男子短距离两金",
        "",
        "北岭11月30日",
    )
    assert [(c.role, c.names) for c in skating.credits] == [("记者", ("令狐雪", "赫连舟"))]
    assert skating.credits[0].unit in ("新华社", "")
    assert paragraphs(skating)[0].startswith("2026年全国速度滑冰冠军赛30日")
    assert len(paragraphs(skating)) == 3
    assert [story(a) for a in (photo, hockey, volleyball, badminton)] == [
        ("photo", "", "", "冰场上的“追风少年”", "", "", [], 1),
        (
            "news",
            "相关新闻",
            "",
            "涟州青少年冰球联赛本周六开打",
            "",
            "",
            [("本报", "记者", ("闻人越",))],
            0,
        ),
        (
            "news",
            "",
            "",
            "涟州队主场3∶1逆转北岭队",
            "排球超级联赛女子组第八轮",
            "涟州11月30日",
            [("中新社", "记者", ("濮阳琪",))],
            0,
        ),
        # 综合新华社电 names nobody.
        ("news", "", "", "亚青羽毛球团体邀请赛 中国队挺进四强", "", "", [], 0),
    ]
    # （11月29日摄） inside the caption is a date: it stays in the caption.
    assert paragraphs(photo) == [
        "北岭冰上运动中心外景（11月29日摄）。当日，全国速度滑冰冠军赛进入最后一个比赛日的争夺。"
    ]
    assert photo_credits(photo.photos[0]) == [("新华社", "记者", ("仲孙岳",), True)]
    # 相关新闻 is a sidebar of the report above the picture, not of the picture.
    assert hockey.main_article == 0
    assert paragraphs(hockey) == [
        "涟州市第五届青少年冰球联赛将于12月5日在市冰上运动中心开赛，"
        "来自全市14所中小学的22支队伍报名参赛，比赛将持续至明年2月。"
    ]
    # The results box stays in its story: its labels as intertitles, a line a paragraph
    # (the key accepts the box's lines in the body), never a story or a credit.
    assert [b["text"] for b in volleyball.body if b["type"] == "intertitle"] == [
        "本轮比分",
        "积分榜（前四名）",
    ]
    assert paragraphs(volleyball)[:2] == [
        paragraphs(volleyball)[0],
        "本场比赛，涟州队主攻手解雨桐独得26分，副攻殷晓蔓贡献5次拦网得分。",
    ]
    assert paragraphs(volleyball)[2:] == [
        "- 涟州队 3∶1 北岭队",
        "- 云港队 3∶0 枫林队",
        "- 青崖队 2∶3 南溪队",
        "- 涟州队 7胜1负 20分",
        "- 云港队 6胜2负 18分",
        "- 南溪队 5胜3负 15分",
        "- 北岭队 5胜3负 14分",
    ]
    assert paragraphs(badminton)[0].startswith("2026年亚洲青年羽毛球团体邀请赛")
    assert len(paragraphs(badminton)) == 2


def test_county_page_with_no_blank_lines_bylines_above_titles_and_a_column_over_a_byline():
    (page,) = parse(
        "county_bylines_above_titles.txt",
        edition_date=datetime.date(2026, 12, 4),
        page_names=["3"],
    )
    # The page's name follows its label; 今日松桥 after it is the paper's.
    assert page.running_head == {
        "date": datetime.date(2026, 12, 4),
        "name": "乡村振兴",
        "label": "第3版",
    }
    assert page.problems == []
    assert page.staff == {"chief_editor": "向晴", "art_editor": "麻雯", "proofreader": "彭小舟"}
    assert skipped(page) == [(1, "running_head"), (2, "staff"), (33, "masthead"), (34, "masthead")]
    assert [story(a) for a in page.articles] == [
        (
            "news",
            "乡村振兴看松桥①",
            "",
            "山沟沟里飘出“橙”香",
            "——坪溪村脐橙产业带富一方",
            "",
            [("", "融媒体记者", ("符晓溪",)), ("", "通讯员", ("滕一鸣",))],
            1,
        ),
        (
            "news",
            "",
            "",
            "石门村的“村晚”排起来了",
            "",
            "",
            [
                ("", "融媒体记者", ("欧阳可",)),
                ("", "实习生", ("唐果",)),
                ("", "线索提供", ("尚小满",)),
            ],
            0,
        ),
        ("photo", "", "", "冬闲变冬忙", "", "", [], 1),
        (
            "news",
            "",
            "",
            "县农商银行“整村授信”覆盖全部行政村",
            "",
            "",
            [("", "融媒体记者", ("吴溪",))],
            0,
        ),
    ]
    oranges, village, strawberries, bank = page.articles
    assert oranges.editor_note.startswith("今年以来，我县坚持产业兴村")
    assert oranges.editor_note.endswith("敬请关注。")
    assert paragraphs(oranges)[0].startswith("12月2日，记者走进坪溪乡坪溪村，漫山遍野的脐橙树上")
    assert "负责人向满堂一边称重" in paragraphs(oranges)[1]
    assert paragraphs(oranges)[-1].startswith("如今，坪溪脐橙已注册地理标志")
    # Line 13 lost its indent, but the line above it ends a sentence short of the width
    # the block is wrapped at: a paragraph ended there (the key counts 4).
    assert len(paragraphs(oranges)) == 4
    assert paragraphs(oranges)[2].startswith("坪溪村地处山区")
    assert oranges.photos[0].caption == "图为坪溪村果农在采摘脐橙。"
    assert photo_credits(oranges.photos[0]) == [("", "", ("滕一鸣",), True)]
    assert paragraphs(village)[-1].startswith("据了解，今年以来")
    assert len(paragraphs(village)) == 3
    # The byline under the photo story is the next story's, not the picture's.
    assert strawberries.photos[0].caption.endswith("陆续进入定植期。")
    assert photo_credits(strawberries.photos[0]) == [("", "", ("蒲海宁",), True)]
    assert paragraphs(bank)[0].startswith("截至11月底，县农商银行已为全县218个行政村")
    assert paragraphs(bank)[-1].endswith("龙潭镇养牛户田大勇说。")
    assert len(paragraphs(bank)) == 2


def test_a_lead_under_no_title_is_listed_and_the_rest_of_the_page_read():
    text = (
        "本报讯（记者 张三）昨日，全市召开会议，部署今冬明春的安全生产工作，要求各地压实责任。\n\n"
        "## 标题\n\n本报讯（记者 李四）正文。\n"
    )
    (page,) = parse_page_text(text)
    assert [(a.headline, [c.names for c in a.credits]) for a in page.articles] == [
        ("标题", [("李四",)])
    ]
    assert skipped(page) == [(1, "other")]
    assert len(page.problems) == 1
