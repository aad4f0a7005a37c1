import pytest
from django.core.exceptions import ValidationError

from articles.blocks import (
    blocks_to_text,
    count_characters,
    running_text,
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


def test_a_stanza_marked_line_by_line_keeps_its_lines():
    text = "## 霜降\n\n| 稻子低下头的时候\n| 田埂就瘦了一圈\n\n|母亲把最后一垄红薯\n|码进地窖"
    assert text_to_blocks(text) == [
        {"type": "intertitle", "text": "霜降"},
        {"type": "verse", "text": "稻子低下头的时候\n田埂就瘦了一圈"},
        {"type": "verse", "text": "母亲把最后一垄红薯\n码进地窖"},
    ]


def test_a_paragraph_with_one_marked_line_is_prose_still():
    assert text_to_blocks("| 一行\n接着写。") == [{"type": "paragraph", "text": "| 一行接着写。"}]


def test_a_stanza_reads_as_one_run_in_summaries():
    assert running_text({"type": "verse", "text": "稻子低下头的时候\n田埂就瘦了一圈"}) == (
        "稻子低下头的时候\u3000田埂就瘦了一圈"
    )
    assert running_text({"type": "intertitle", "text": "霜降"}) is None


def test_round_trip():
    blocks = [
        {"type": "intertitle", "text": "聚焦“3+3+2”现代产业体系办赛"},
        {"type": "paragraph", "text": "本次大赛是我市举办技能大赛以来。"},
        {"type": "verse", "text": "竹匾里的辣椒红得正好\n玉米挂满了屋檐"},
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
