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
