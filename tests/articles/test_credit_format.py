from articles.credits import CreditEntry, format_credits


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
