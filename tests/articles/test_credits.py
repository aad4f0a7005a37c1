"""The credit-line convention (articles/credits.py): printing, choosing and parsing credits.

Printing and parsing cover every credit form of the seed and the common forms of
other Chinese papers (held-out lines the seed does not hold).
"""

from types import SimpleNamespace

import pytest

from articles.credits import (
    Credit,
    CreditEntry,
    article_bylines,
    byline_line,
    byline_segments,
    credit_segments,
    format_credits,
    format_lead_credits,
    parse_credits,
)

# Printing ---------------------------------------------------------------------


def test_text_byline_prints_the_unit_once_and_groups_names_by_role():
    entries = [
        CreditEntry("何春林", "全媒体记者", "株洲日报"),
        CreditEntry("王付银", "通讯员"),
        CreditEntry("王忠祥", "通讯员"),
    ]
    assert format_credits(entries) == "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥"


def test_photo_credit_ends_in_she():
    assert format_credits([CreditEntry("刘震", "记者", photo=True)]) == "记者/刘震 摄"


def test_role_without_printed_label_prints_the_name_alone():
    assert format_credits([CreditEntry("何春林")]) == "何春林"


def test_nothing_gives_an_empty_line():
    assert format_credits([]) == ""


def test_a_role_repeated_after_another_is_printed_again():
    entries = [
        CreditEntry("张三", "记者", "本报"),
        CreditEntry("李四", "通讯员"),
        CreditEntry("王五", "记者", "本报"),
    ]
    assert format_credits(entries) == "本报记者/张三 通讯员/李四 记者/王五"


def test_lead_form_puts_the_unit_outside_the_brackets():
    entries = [
        CreditEntry("何春林", "全媒体记者", "株洲日报"),
        CreditEntry("王付银", "通讯员"),
        CreditEntry("王忠祥", "通讯员"),
    ]
    assert format_lead_credits(entries) == "株洲日报（全媒体记者/何春林 通讯员/王付银 王忠祥）"


def test_lead_form_reads_back_as_the_same_credits():
    entries = [CreditEntry("杨如", "全媒体记者", "株洲日报"), CreditEntry("赵媛", "通讯员")]
    assert parse_credits(format_lead_credits(entries)) == [
        Credit("株洲日报", "全媒体记者", ("杨如",)),
        Credit("", "通讯员", ("赵媛",)),
    ]


SEGMENT_ENTRIES = [
    CreditEntry("何春林", "全媒体记者", "株洲日报"),
    CreditEntry("王付银", "通讯员"),
    CreditEntry("王忠祥", "通讯员"),
]


def test_segments_join_to_the_printed_line():
    assert "".join(text for text, _ in credit_segments(SEGMENT_ENTRIES)) == format_credits(
        SEGMENT_ENTRIES
    )


def test_each_name_is_one_segment_pointing_at_its_entry():
    names = [(text, index) for text, index in credit_segments(SEGMENT_ENTRIES) if index is not None]
    assert names == [("何春林", 0), ("王付银", 1), ("王忠祥", 2)]


def test_photo_mark_is_not_a_name():
    segments = credit_segments([CreditEntry("刘震", "记者", photo=True)])
    assert segments == [("记者/", None), ("刘震", 0), (" 摄", None)]


# Bylines: which credit a story, and how a byline prints ---------------------------


def byline(name, label="记者", unit="", photo_id=None, photo_role=False):
    """A stand-in with the attributes of a Byline that the convention reads."""
    return SimpleNamespace(
        person=SimpleNamespace(name=name),
        person_id=name,
        role=SimpleNamespace(print_label=label, is_photo=photo_role),
        role_id=label,
        unit=unit,
        photo_id=photo_id,
    )


def test_a_story_is_credited_by_its_text_bylines_not_its_photo_credits():
    writer, photographer = byline("张三", unit="本报"), byline("刘震", photo_id=7)
    assert article_bylines([writer, photographer], photo_article=False) == [writer]
    assert article_bylines([writer, photographer], photo_article=True) == [writer]


def test_a_photo_story_without_text_bylines_is_credited_by_its_photo_credits():
    credits = [byline("刘震", photo_id=7), byline("王五", "通讯员", photo_id=8)]
    assert article_bylines(credits, photo_article=True) == credits
    assert byline_line(article_bylines(credits, photo_article=True)) == "记者/刘震 通讯员/王五 摄"


def test_a_photo_group_credited_to_one_photographer_names_them_once():
    credits = [byline("方毅", "通讯员", photo_id=7), byline("方毅", "通讯员", photo_id=8)]
    assert byline_line(article_bylines(credits, photo_article=True)) == "通讯员/方毅 摄"


def test_a_news_story_with_only_photo_credits_has_no_credit_line():
    assert byline_line(article_bylines([byline("刘震", photo_id=7)], photo_article=False)) == ""


def test_a_text_byline_in_a_photo_role_ends_in_she():
    assert byline_line([byline("陈晨", "摄影", photo_role=True)]) == "摄影/陈晨 摄"


def test_byline_segments_point_at_their_bylines():
    bylines = [byline("张三", unit="本报"), byline("李明", "实习生")]
    segments = byline_segments(bylines)
    printed = "".join(text for text, _ in segments)
    assert printed == byline_line(bylines) == "本报记者/张三 实习生/李明"
    assert [(text, b) for text, b in segments if b is not None] == [
        ("张三", bylines[0]),
        ("李明", bylines[1]),
    ]


# Parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "株洲日报全媒体记者/谭昕吾 通讯员/陈照",
            [Credit("株洲日报", "全媒体记者", ("谭昕吾",)), Credit("", "通讯员", ("陈照",))],
        ),
        (
            "株洲日报(全媒体记者/杨如通讯员/赵媛)",
            [Credit("株洲日报", "全媒体记者", ("杨如",)), Credit("", "通讯员", ("赵媛",))],
        ),
        (
            "株洲日报讯(全媒体记者 张三 通讯员 李四)",
            [Credit("株洲日报", "全媒体记者", ("张三",)), Credit("", "通讯员", ("李四",))],
        ),
        ("株洲日报（融媒体记者/李四）", [Credit("株洲日报", "融媒体记者", ("李四",))]),
        ("本报记者 张三 王五", [Credit("本报", "记者", ("张三", "王五"))]),
        ("记者/刘震 摄", [Credit("", "记者", ("刘震",), photo=True)]),
        ("记者/刘震摄", [Credit("", "记者", ("刘震",), photo=True)]),
        (
            "株洲日报全媒体记者/杨如通讯员/谭红冰 周奕江 摄",
            [
                Credit("株洲日报", "全媒体记者", ("杨如",), photo=True),
                Credit("", "通讯员", ("谭红冰", "周奕江"), photo=True),
            ],
        ),
        ("文/图 张三", [Credit("", "文/图", ("张三",), photo=True)]),
        ("图/文 张三", [Credit("", "图/文", ("张三",), photo=True)]),
        ("见习记者 王五、赵六", [Credit("", "见习记者", ("王五", "赵六"))]),
        (
            "实习生 周七 特约通讯员/钱八",
            [Credit("", "实习生", ("周七",)), Credit("", "特约通讯员", ("钱八",))],
        ),
        (
            "株洲日报(全媒体记者/何春林 通讯员/王付银 王忠祥)",
            [
                Credit("株洲日报", "全媒体记者", ("何春林",)),
                Credit("", "通讯员", ("王付银", "王忠祥")),
            ],
        ),
        ("何春林", [Credit("", "", ("何春林",))]),
        # Held out: credit lines of other papers.
        (
            "本报记者 王芳 实习生 李明",
            [Credit("本报", "记者", ("王芳",)), Credit("", "实习生", ("李明",))],
        ),
        ("文/图 本报记者 陈晨", [Credit("本报", "记者", ("陈晨",), photo=True)]),
        ("文/图 记者 陈晨", [Credit("", "记者", ("陈晨",), photo=True)]),
        (
            "通讯员 张三 李四 记者 王五",
            [Credit("", "通讯员", ("张三", "李四")), Credit("", "记者", ("王五",))],
        ),
        (
            "全媒体记者 张三、李四 通讯员 王五",
            [Credit("", "全媒体记者", ("张三", "李四")), Credit("", "通讯员", ("王五",))],
        ),
        ("新华社记者 张三", [Credit("新华社", "记者", ("张三",))]),
        ("新华社北京12月25日电", []),
        ("", []),
    ],
)
def test_parse_credits(text, expected):
    assert parse_credits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("株洲日报首席记者/张三", [Credit("株洲日报", "首席记者", ("张三",))]),
        ("编辑/张三", [Credit("", "编辑", ("张三",))]),
        ("记者/张三 编辑/李四", [Credit("", "记者", ("张三",)), Credit("", "编辑", ("李四",))]),
        ("株洲日报(主笔/张三)", [Credit("株洲日报", "主笔", ("张三",))]),
    ],
)
def test_a_new_role_word_is_a_role_not_an_error(text, expected):
    assert parse_credits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("记者/", []),
        ("株洲日报(全媒体记者/ 通讯员/李四)", [Credit("株洲日报", "通讯员", ("李四",))]),
        ("记者/ 摄", []),
    ],
)
def test_a_role_with_no_name_credits_nobody(text, expected):
    assert parse_credits(text) == expected


def test_roles_can_be_swapped():
    assert parse_credits("编辑/张三", roles=["编辑"]) == [Credit("", "编辑", ("张三",))]


@pytest.mark.parametrize(
    "line",
    [
        "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥",
        "记者/刘震 摄",
        "株洲日报全媒体记者/杨如 通讯员/谭红冰 周奕江 摄",
        "本报记者/王芳 实习生/李明",
        "通讯员/张三 李四 记者/王五",
    ],
)
def test_format_then_parse_round_trip(line):
    entries = [
        CreditEntry(name, credit.role, credit.unit if i == 0 else "", credit.photo)
        for credit in parse_credits(line)
        for i, name in enumerate(credit.names)
    ]
    assert format_credits(entries) == line


@pytest.mark.parametrize(
    ("printed", "house_form"),
    [
        ("本报记者 王芳 实习生 李明", "本报记者/王芳 实习生/李明"),
        ("文/图 本报记者 陈晨", "本报记者/陈晨 摄"),
        ("通讯员 张三 李四 记者 王五", "通讯员/张三 李四 记者/王五"),
        ("全媒体记者 张三、李四 通讯员 王五", "全媒体记者/张三 李四 通讯员/王五"),
    ],
)
def test_other_papers_lines_print_in_the_house_convention(printed, house_form):
    entries = [
        CreditEntry(name, credit.role, credit.unit if i == 0 else "", credit.photo)
        for credit in parse_credits(printed)
        for i, name in enumerate(credit.names)
    ]
    assert format_credits(entries) == house_form
