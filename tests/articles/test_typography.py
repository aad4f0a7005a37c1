import pytest

from articles.typography import to_fullwidth_punctuation


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "株洲日报(全媒体记者/杨凌霄) 12月23日,芦淞区",
            "株洲日报（全媒体记者/杨凌霄） 12月23日，芦淞区",
        ),
        ("冠军(15名)", "冠军（15名）"),
        ("占35%,占市场主体的90%", "占35%，占市场主体的90%"),
        ("他说:“好。”", "他说：“好。”"),
        ("22:00开会", "22:00开会"),
        ("“3+3+2”现代产业体系", "“3+3+2”现代产业体系"),
        ("Hello, world (test)", "Hello, world (test)"),
    ],
)
def test_half_width_marks_become_full_width_in_chinese(raw, expected):
    assert to_fullwidth_punctuation(raw) == expected
