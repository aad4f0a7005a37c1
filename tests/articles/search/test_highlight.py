from articles.search.highlight import highlight, snippet


def test_highlight_marks_adjacent_words_as_one_and_escapes():
    assert highlight("<技能人才> & 技能", ["技能", "人才"]) == (
        "&lt;<mark>技能人才</mark>&gt; &amp; <mark>技能</mark>"
    )


def test_highlight_prefers_the_longest_word():
    assert highlight("高新朋友圈", ["朋友", "朋友圈"]) == "高新<mark>朋友圈</mark>"


def test_snippet_picks_the_passage_with_most_words():
    texts = ["开头一段，只有技能。", "这一段有技能也有人才。"]
    assert snippet(texts, ["技能", "人才"]) == "这一段有<mark>技能</mark>也有<mark>人才</mark>。"


def test_snippet_windows_long_text_around_the_first_match():
    text = "甲" * 100 + "边坡" + "乙" * 100
    html = snippet([text], ["边坡"], width=30, lead=5)
    assert html == "…" + "甲" * 5 + "<mark>边坡</mark>" + "乙" * 23 + "…"


def test_snippet_without_a_match_shows_the_start():
    assert snippet(["第一段。", "第二段。"], ["边坡"]) == "第一段。"
    assert snippet([], ["边坡"]) == ""


def test_snippet_is_case_insensitive_for_latin():
    assert snippet(["Hello ABC"], ["abc"]) == "Hello <mark>ABC</mark>"
