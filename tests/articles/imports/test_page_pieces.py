"""Pieces of other papers' pages found by held-out round 16, each on a page of its own.

Pupils' bylines on a 校园 page, a comment run signed with padded names, a photo group
captioned ①②③ in one paragraph, a chart credited under its rows, a cartoon.
"""

import pytest

from articles.credits import Credit
from articles.imports.page_credits import pupil_byline
from articles.imports.page_text import parse_page_text


def people(article):
    return [(c.role, c.names) for c in article.credits]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "临江市实验小学五年级（3）班　苏小满",
            [Credit("临江市实验小学五年级（3）班", "作者", ("苏小满",))],
        ),
        (
            "◎临江一中高二（1）班　司徒安然",
            [Credit("临江一中高二（1）班", "作者", ("司徒安然",))],
        ),
        (
            "（城北小学三年级2班　何　苗　指导老师：程　青）",
            [
                Credit("城北小学三年级2班", "作者", ("何苗",)),
                Credit("", "指导老师", ("程青",)),
            ],
        ),
        ("临江市第二中学 叶 舟", [Credit("临江市第二中学", "作者", ("叶舟",))]),
    ],
)
def test_a_pupils_byline_credits_the_pupil_as_author_and_the_school_as_unit(line, expected):
    assert pupil_byline(line) == expected


@pytest.mark.parametrize(
    "line", ["市实验小学开展冬季运动会", "临江市第二中学", "五年级3班苏小满", "记者 叶舟"]
)
def test_a_line_about_a_school_is_no_pupils_byline(line):
    assert pupil_byline(line) is None


def test_an_essay_under_its_column_with_the_pupil_and_the_teacher():
    page = parse_page_text(
        "小荷尖尖\n"
        "奶奶的腌菜坛\n"
        "临江市实验小学五年级（3）班　苏小满\n"
        "指导老师　林　岚\n"
        "　　奶奶家的灶屋角落里，摆着三只腌菜坛，坛口盖着洗得发白的粗布。\n"
        "　　每年冬天，奶奶都要把晒蔫的芥菜一层层码进坛子里，撒上盐，再压上一块青石。\n"
    )[0]
    (essay,) = page.articles
    assert (essay.column, essay.kicker, essay.headline) == ("小荷尖尖", "", "奶奶的腌菜坛")
    assert people(essay) == [("作者", ("苏小满",)), ("指导老师", ("林岚",))]


def test_a_comment_run_is_a_commentary_each_signed_by_its_writer_however_padded():
    page = parse_page_text(
        "锐评\n\n"
        "夜市延长到零点，背后是城管、环卫一连串的“加班”。城市的烟火气，要靠细节托底。（叶知秋）\n\n"
        "球赛门票被加价倒卖，乡村体育的热度来之不易，别让“黄牛”坏了一锅汤。（方　寸）\n"
    )[0]
    first, second = page.articles
    assert [a.kind for a in page.articles] == ["commentary", "commentary"]
    assert people(first) == [("评论作者", ("叶知秋",))]
    assert people(second) == [("评论作者", ("方寸",))]
    assert second.body[-1]["text"].endswith("坏了一锅汤。")


def test_a_photo_group_captioned_in_one_paragraph_is_a_picture_for_each_number():
    page = parse_page_text(
        "抢晴收早稻\n"
        "连日来，全县抢抓晴好天气收割早稻。①农机手在田间收割；②农户翻晒稻谷；③粮站收购新谷。\n"
        "融媒记者　叶　舟　摄\n"
        "第二条新闻的标题\n"
        "本报讯（记者 王五）近日，某地举行活动。\n"
    )[0]
    group = page.articles[0]
    assert group.kind == "photo"
    assert [p.caption for p in group.photos] == [
        "①农机手在田间收割",
        "②农户翻晒稻谷",
        "③粮站收购新谷。",
    ]
    assert all(p.credits == [Credit("", "融媒记者", ("叶舟",), True)] for p in group.photos)
    assert [b["text"] for b in group.body] == ["连日来，全县抢抓晴好天气收割早稻。"]


def test_a_chart_credited_under_a_figures_box_is_the_storys_picture():
    page = parse_page_text(
        "全市茶产业产值过百亿\n"
        "本报讯（记者 上官婧）今年前三季度，全市茶产业综合产值达108.6亿元。\n"
        "数说\n"
        "108.6亿元\n"
        "前三季度全市茶产业综合产值\n"
        "62万亩\n"
        "全市茶园面积\n"
        "2019年　61.2\n"
        "2020年　68.5\n"
        "2021年　77.9\n"
        "数据来源：市农业农村局　制图：欧阳晓岚\n"
    )[0]
    (story,) = page.articles
    assert [p.credits for p in story.photos] == [[Credit("", "制图", ("欧阳晓岚",), True)]]
    assert "2019年\u300061.2" in [b["text"] for b in story.body]
    assert page.staff_credits == []


def test_a_cartoon_under_its_label_is_a_picture_credited_to_its_artist():
    page = parse_page_text(
        "别让“留痕”跑偏\n"
        "■ 江　海\n"
        "基层减负，减的是形式主义。\n"
        "漫画\n"
        "“打卡”打到田埂上\n"
        "作者：杭　雨\n"
        "一些地方要求驻村干部每天拍照定位“打卡”。\n"
    )[0]
    cartoon = page.articles[-1]
    assert (cartoon.kind, cartoon.column, cartoon.headline) == ("photo", "漫画", "“打卡”打到田埂上")
    assert cartoon.credits == []
    assert [p.credits for p in cartoon.photos] == [[Credit("", "作者", ("杭雨",), True)]]


def test_poems_keep_their_lines_and_their_poets_and_end_at_the_next_pieces_head():
    page = parse_page_text(
        "诗苑\n"
        "江边渡口\n"
        "◎皇甫云舟\n"
        "渡船在晨雾里轻轻摇晃\n"
        "像一枚没有寄出的信封\n"
        "\n"
        "艄公把昨夜的星光\n"
        "一桨一桨，划进了江心\n"
        "三月，写给母亲\n"
        "苏　禾\n"
        "三月的风吹过您鬓角的时候\n"
        "我正挤在早高峰的地铁里\n"
        "手机屏幕亮了一下\n"
        "小小说\n"
        "修表\n"
        "◎ 邵蓝田\n"
        "　　老街拐角的修表摊，老周守了四十年。这天傍晚，一个女孩在摊前站了很久。\n"
    )[0]
    first, second, story = page.articles
    assert (first.column, first.headline, people(first)) == (
        "诗苑",
        "江边渡口",
        [("", ("皇甫云舟",))],
    )
    # A stanza a block, its lines kept; the blank line starts the next stanza.
    assert first.body == [
        {"type": "verse", "text": "渡船在晨雾里轻轻摇晃\n像一枚没有寄出的信封"},
        {"type": "verse", "text": "艄公把昨夜的星光\n一桨一桨，划进了江心"},
    ]
    assert (second.headline, people(second)) == ("三月，写给母亲", [("", ("苏禾",))])
    assert second.body[-1]["text"].endswith("\n手机屏幕亮了一下")
    assert (story.column, story.headline, people(story)) == ("小小说", "修表", [("", ("邵蓝田",))])


def test_narrow_prose_under_a_byline_is_no_poem():
    page = parse_page_text(
        "三农时评\n"
        "让特色产业真正“长”在乡村\n"
        "□　蓝　溪\n"
        "一朵香菇撑起20亿元产业，一块稻田养出\n"
        "“双份收入”。从本期报道的几个例子可以\n"
        "看到，特色产业已成为农民增收的重要渠\n"
        "道。但也要看到，一些地方发展特色产业\n"
        "存在“一哄而上、一哄而散”的现象。\n"
    )[0]
    (comment,) = page.articles
    assert comment.kind == "commentary"
    assert people(comment) == [("评论作者", ("蓝溪",))]
    assert len(comment.body) == 1


def test_a_news_sites_articles_copied_in_a_row_each_credited_by_its_data_line():
    page = parse_page_text(
        "当前位置：首页 > 民生 > 正文\n"
        "地铁3号线北延段今日开通初期运营\n"
        "发布时间：2024-09-12 08:30　来源：丰泽日报　作者：记者 林晓帆 通讯员 董浩　编辑：孙蔚\n"
        "　　9月11日，记者从市轨道交通集团获悉，北延段今日开通。\n"
        "分享到：微信 微博 QQ空间\n"
        "上一篇：市政府召开第36次常务会议\n"
        "相关新闻\n"
        "· 地铁4号线二期工程年内开工　2024-08-27\n"
        "白露时节 湿地观鸟正当时\n"
        "2024-09-12 10:06　　来源：丰泽日报　　作者：记者 韦一舟　　【字体：大 中 小】\n"
        "　　白露过后，丰泽湿地公园迎来秋季观鸟季。\n"
    )[0]
    metro, birds = page.articles
    assert people(metro) == [("记者", ("林晓帆",)), ("通讯员", ("董浩",))]
    assert people(birds) == [("记者", ("韦一舟",))]
    assert [b["text"] for b in metro.body] == [
        "9月11日，记者从市轨道交通集团获悉，北延段今日开通。"
    ]
    skipped = {line.text for line in page.skipped}
    assert {
        "分享到：微信 微博 QQ空间",
        "相关新闻",
        "· 地铁4号线二期工程年内开工 2024-08-27",
    } <= skipped


# Round 20 ------------------------------------------------------------------------------


def test_sayings_each_signed_in_brackets_under_a_label_are_a_run_of_items():
    page = parse_page_text(
        "【兵言兵语】\n"
        "汗水洒在训练场上，底气才能装进背囊里。\n"
        "（某旅某连上士　岳　飞）\n\n"
        "带兵先要懂兵，先问问他哪儿没想通。\n"
        "（西部战区某团二级上士　韩世忠）\n"
    )[0]
    first, second = page.articles
    assert people(first) == [("上士", ("岳飞",))]
    assert people(second) == [("二级上士", ("韩世忠",))]
    assert second.body[-1]["text"] == "带兵先要懂兵，先问问他哪儿没想通。"


def test_a_label_over_a_listing_is_a_box_of_its_own_a_row_a_line():
    page = parse_page_text(
        "荧屏\n"
        "《小巷深处》：烟火气里见人心\n"
        "□林间鹿\n"
        "　　近来热播的都市剧《小巷深处》没有大明星，却收获了不俗的口碑。\n\n"
        "今晚看点\n"
        "　　江川卫视　19:30　《运河人家》第1、2集\n"
        "　　暴雨夜，陆长河救下落水的外乡姑娘秀英。\n"
        "　　CCTV-6　20:15　电影《远山的回声》\n"
    )[0]
    _review, guide = page.articles
    assert guide.headline == "今晚看点"
    assert [b["text"][:6] for b in guide.body] == ["江川卫视\u30001", "暴雨夜，陆长", "CCTV-6"]


def test_labelled_captions_under_a_photo_storys_text_are_a_picture_each():
    page = parse_page_text(
        "高原小站的春天\n\n"
        "3月中旬，车站迎来开春后第一场风雪，职工们坚守岗位。\n\n"
        "图①：值班员在风雪中立岗接车。\n\n"
        "图②：职工们清扫道岔积雪。\n\n"
        "特约通讯员 陈刚 摄\n"
    )[0]
    (story,) = page.articles
    assert story.kind == "photo"
    assert [p.caption for p in story.photos] == ["值班员在风雪中立岗接车。", "职工们清扫道岔积雪。"]
    (text,) = story.body
    assert text["text"] == "3月中旬，车站迎来开春后第一场风雪，职工们坚守岗位。"


def test_a_notices_text_wrapped_under_its_title_is_no_title():
    page = parse_page_text(
        "某区人民法院公告\n"
        "周海涛：本院受理原告某建材\n"
        "有限公司诉你买卖合同纠纷一\n"
        "案，已审理终结。现依法向你公\n"
        "告送达民事判决书。\n"
    )[0]
    (notice,) = page.articles
    assert notice.headline == "某区人民法院公告"
    assert notice.body[0]["text"].startswith("周海涛：本院受理原告")


def test_an_e_papers_note_of_the_page_shown_is_the_pages_running_head():
    page = parse_page_text(
        "当前版面：第07版：文化·副刊\n"
        "秋夜听雨\n"
        "本报记者 周默\n"
        "　　窗外的雨下了一夜，老屋的瓦檐滴答作响。\n"
    )[0]
    assert page.name == "文化·副刊"
    assert [s.reason for s in page.skipped] == ["running_head"]


# Round 21 ------------------------------------------------------------------------------


def test_letter_spaced_staff_names_split_where_a_surname_follows():
    from articles.imports.page_noise import read_staff_line

    staff = read_staff_line("本版编辑 杨 帆 李 丹 美编 王 子 萱")
    assert staff.roles == [("本版编辑", ("杨帆", "李丹")), ("美编", ("王子萱",))]


def test_a_works_title_alone_and_a_subtitle_naming_whom_it_visits_credit_nobody():
    from articles.imports.page_credits import credit_line

    assert credit_line("《山河故人帖》") is None
    assert credit_line("——访澄州大学金融学院副教授上官文静") is None
    assert credit_line("华中农业大学教授 张三") == [Credit("华中农业大学", "教授", ("张三",))]


def test_an_apps_data_lines_between_a_title_and_its_lead_part_nothing():
    page = parse_page_text(
        "今冬供暖 15日起陆续试运行\n"
        "主城区集中供热面积新增约320万平方米\n"
        "临江都市报 2024-11-14 07:05\n"
        "阅读 2.3万\n"
        "本报讯（记者 何　芳）记者昨日从市城市管理局获悉，主城区15日起陆续试运行。\n"
        "点赞 153\n"
        "分享\n"
    )[0]
    (story,) = page.articles
    assert (story.headline, story.subheadline) == (
        "今冬供暖 15日起陆续试运行",
        "主城区集中供热面积新增约320万平方米",
    )
    assert people(story) == [("记者", ("何芳",))]
    assert {s.text for s in page.skipped} >= {"阅读 2.3万", "点赞 153", "分享"}


def test_title_parts_named_by_field_under_a_markdown_heading():
    page = parse_page_text(
        "## 小轴承转出大市场\n\n"
        "`稿件编号：JJRB20250319-06-001｜状态：已签发｜字数：1186`\n\n"
        "**栏目：** 企业观察\n"
        "**引题：** 年研发投入占营收比重连续5年超过8%\n"
        "**副题：** 浙江一家民营企业在高端精密轴承领域打破国外垄断\n"
        "**作者：** 经济日报记者 柳　青\n\n"
        "走进浙江润达精工科技股份有限公司的恒温装配车间，几十台全自动磨床正在运转。\n"
    )[0]
    (story,) = page.articles
    assert (story.column, story.kicker, story.headline, story.subheadline) == (
        "企业观察",
        "年研发投入占营收比重连续5年超过8%",
        "小轴承转出大市场",
        "浙江一家民营企业在高端精密轴承领域打破国外垄断",
    )
    assert people(story) == [("记者", ("柳青",))]
    assert [s.reason for s in page.skipped] == ["other"]
