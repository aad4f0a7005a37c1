"""parse_credits: every credit form of the seed and the common forms of Chinese papers."""

import pytest

from articles.credits import Credit, CreditEntry, format_credits, parse_credits
from articles.print_labels import LayoutError


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
        ("新华社北京12月25日电", []),
        ("", []),
    ],
)
def test_parse_credits(text, expected):
    assert parse_credits(text) == expected


@pytest.mark.parametrize(
    "text", ["株洲日报首席记者/张三", "编辑/张三", "记者/张三 编辑/李四", "株洲日报(主笔/张三)"]
)
def test_unknown_role_word_is_an_error(text):
    with pytest.raises(LayoutError, match="未知的身份词"):
        parse_credits(text)


@pytest.mark.parametrize("text", ["记者/", "株洲日报(全媒体记者/ 通讯员/李四)", "记者/ 摄"])
def test_a_role_with_no_name_is_an_error(text):
    with pytest.raises(LayoutError):
        parse_credits(text)


def test_roles_can_be_swapped():
    assert parse_credits("编辑/张三", roles=["编辑"]) == [Credit("", "编辑", ("张三",))]


@pytest.mark.parametrize(
    "line",
    [
        "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥",
        "记者/刘震 摄",
        "株洲日报全媒体记者/杨如 通讯员/谭红冰 周奕江 摄",
    ],
)
def test_format_then_parse_round_trip(line):
    entries = [
        CreditEntry(name, credit.role, credit.unit if i == 0 else "", credit.photo)
        for credit in parse_credits(line)
        for i, name in enumerate(credit.names)
    ]
    assert format_credits(entries) == line
