"""The page scorer counts a story right only when every part a key names matches."""

import json

from bench.page_accuracy import read_page

PAGE = (
    "城西新建三座口袋公园\n本报记者 欧阳青\n\n"
    "　　日前，城西三座口袋公园建成开放。\n\n　　公园里设有座椅和步道。\n"
)
STORY = {
    "kind": "news",
    "headline": "城西新建三座口袋公园",
    "credits": [["记者", ["欧阳青"]]],
    "photos": 0,
    "body_first": "日前，城西三座口袋公园",
    "body_last": "公园里设有座椅和步道。",
}


def score(tmp_path, story, no_story=()):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    key = {"file": "page.txt", "stories": [story], "no_story": list(no_story)}
    (tmp_path / "page.key.json").write_text(json.dumps(key, ensure_ascii=False), "utf-8")
    return read_page(tmp_path / "page.key.json")


def test_a_story_read_as_keyed_is_right(tmp_path):
    result = score(tmp_path, STORY)
    assert (result.right, result.stories, result.extra, result.wrong) == (1, 1, 0, {})


def test_a_wrong_person_a_wrong_ending_or_foreign_text_is_wrong(tmp_path):
    assert score(tmp_path, {**STORY, "credits": [["记者", ["欧阳清"]]]}).right == 0
    assert score(tmp_path, {**STORY, "body_last": "另一段的结尾。"}).right == 0
    assert score(tmp_path, STORY, no_story=["公园里设有座椅和步道。"]).right == 0


def test_a_story_the_parser_did_not_make_is_missing(tmp_path):
    result = score(tmp_path, {**STORY, "headline": "城东新建公园"})
    assert result.wrong == {"城东新建公园": "MISSING"}
    assert result.extras == ["城西新建三座口袋公园"]
