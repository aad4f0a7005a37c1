from articles.credits import CreditEntry, credit_segments, format_credits

ENTRIES = [
    CreditEntry("何春林", "全媒体记者", "株洲日报"),
    CreditEntry("王付银", "通讯员"),
    CreditEntry("王忠祥", "通讯员"),
]


def test_segments_join_to_the_printed_line():
    assert "".join(text for text, _ in credit_segments(ENTRIES)) == format_credits(ENTRIES)


def test_each_name_is_one_segment_pointing_at_its_entry():
    names = [(text, index) for text, index in credit_segments(ENTRIES) if index is not None]
    assert names == [("何春林", 0), ("王付银", 1), ("王忠祥", 2)]


def test_photo_mark_is_not_a_name():
    segments = credit_segments([CreditEntry("刘震", "记者", photo=True)])
    assert segments == [("记者/", None), ("刘震", 0), (" 摄", None)]
