from articles.search.segment import index_terms, query_terms, segmented


def test_search_mode_keeps_words_and_the_words_inside_them():
    terms = index_terms("湘赣边区域合作示范区技能人才发展论坛")
    assert {"区域合作", "区域", "合作", "示范区", "技能", "人才"} <= set(terms)


def test_punctuation_is_dropped_and_latin_lowercased():
    assert index_terms("“95后”工程师，ABC公司") == ["95", "后", "工程", "工程师", "abc", "公司"]


def test_query_words_are_distinct_and_in_order():
    assert query_terms(" 技能人才  技能 ") == ["技能", "人才"]
    assert query_terms("，。！") == []


def test_segmented_text_separates_words_with_spaces():
    assert segmented("老旧小区边坡") == "老旧 小区 边坡"
