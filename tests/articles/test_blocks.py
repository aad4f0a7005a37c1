import pytest
from django.core.exceptions import ValidationError

from articles.blocks import (
    blocks_to_text,
    count_characters,
    text_to_blocks,
    validate_blocks,
)


def test_text_becomes_paragraphs_and_intertitles():
    text = "第一段。\n\n## 有趣好玩交朋友\n促政企沟通“双向奔赴”\n\n第二段\n接着写。"
    assert text_to_blocks(text) == [
        {"type": "paragraph", "text": "第一段。"},
        {"type": "intertitle", "text": "有趣好玩交朋友\n促政企沟通“双向奔赴”"},
        {"type": "paragraph", "text": "第二段接着写。"},
    ]


def test_lines_broken_inside_a_paragraph_are_joined_without_a_space():
    assert text_to_blocks("“95\n后”工程师") == [{"type": "paragraph", "text": "“95后”工程师"}]


def test_round_trip():
    blocks = [
        {"type": "intertitle", "text": "聚焦“3+3+2”现代产业体系办赛"},
        {"type": "paragraph", "text": "本次大赛是我市举办技能大赛以来。"},
    ]
    assert text_to_blocks(blocks_to_text(blocks)) == blocks


@pytest.mark.parametrize(
    "blocks",
    [
        "not a list",
        [{"type": "quote", "text": "x"}],
        [{"type": "paragraph", "text": "  "}],
        [{"type": "paragraph"}],
    ],
)
def test_malformed_blocks_are_refused(blocks):
    with pytest.raises(ValidationError):
        validate_blocks(blocks)


def test_character_count_ignores_whitespace_and_counts_punctuation():
    assert count_characters("常走常亲，是中国人\n一贯的观点。", " ab ") == 17
