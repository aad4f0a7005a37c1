"""A story's head (its title lines) cut into column, district, kicker, headline and subheadline.

Chinese papers print a title block as 引题/主题 or 主题/副题, a ``——记…`` line
under a feature's title, a column label (【民生关注】) or a district label
(株洲高新区) above it, and break a long title over two lines.  The seed's own
form (``##`` headings and hard-broken blocks) is read exactly as before.
"""

import functools
import logging
import re

from articles.imports.page_items import (
    BOLD_LEVEL,
    BRIEF_LABELS,
    CHART_LABELS,
    FIGURES_LABELS,
    NOTICE_TITLE,
    PHOTO_STRIP_LABELS,
    SIDEBAR_LABELS,
    column_label,
    is_group_label,
    unspaced,
)
from articles.imports.parsed import Kind, ParsedArticle
from articles.typography import to_fullwidth_punctuation as fullwidth

# The kinds of piece a 副刊 or a feature page labels its columns with (散文 over a title).
GENRE_LABELS = (
    *("散文", "诗歌", "诗词", "新诗", "小说", "微小说", "随笔", "杂文", "杂谈", "札记", "游记"),
    *("书香", "书评", "影评", "剧评", "乐评", "读书", "笔会", "文苑", "诗苑", "美文", "史话"),
    *("专访", "访谈", "对话", "人物", "民俗", "往事", "乡愁", "童心", "杂感"),
    *("小小说", "短篇小说", "微型小说", "中篇小说", "散文诗", "诗林", "诗页", "诗风"),
)
# Columns of literature: a piece under one is its writer's, signed with no role (□ 林秋禾
# under 人间烟火 is a commentator's byline, under 散文 or 小小说 a writer's).
LITERARY_LABELS = (
    *("散文", "诗歌", "诗词", "新诗", "小说", "微小说", "随笔", "游记", "美文", "文苑", "笔会"),
    *("诗苑", "诗林", "诗页", "诗风", "小小说", "短篇小说", "微型小说", "中篇小说", "散文诗"),
)
_PLAIN_COLUMNS = frozenset(
    PHOTO_STRIP_LABELS
    + SIDEBAR_LABELS
    + GENRE_LABELS
    + CHART_LABELS
    + FIGURES_LABELS
    + ("记者观察", "新闻观察")
)
_DISTRICT = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:区|县|市|街道|镇|乡)$")
_DISTRICT_PARTS = re.compile(r"^([\u4e00-\u9fff]+?(?:区|县|市))([\u4e00-\u9fff]+?(?:街道|镇|乡))$")
# A title broken over two lines: the first ends inside a phrase or the second closes it.
_BROKEN_END = tuple("的和与及、，,在为对把被将向从让“《（(")
_BROKEN_START = tuple("”》）)、的了")
_TITLE_MARK = re.compile(r"^[●○◆◇■□★☆•▶►]\s*")
_WHOLLY_BRACKETED = re.compile(r"^【([^【】]+)】$")
_SUBTITLE = ("——", "—", "－－", "--")


def is_plain_column(text):
    """简讯, 体育快讯, 图片新闻, 记者手记, 教育观察: a column label with no mark of its own
    (银　龄　快　讯: set letter-spaced)."""
    text = unspaced(text)
    return (
        (len(text) <= 8 and text.endswith(BRIEF_LABELS))
        or text in _PLAIN_COLUMNS
        or is_group_label(text)
    )


def is_district(text):
    return bool(_DISTRICT.match(text))


def district_path(text):
    """石峰区响石岭街道 → (石峰区, 响石岭街道); 芦淞区 → (芦淞区,)."""
    parts = _DISTRICT_PARTS.match(text)
    return (parts[1], parts[2]) if parts else (text,)


def _head_lines(head):
    """(text, is a ``##`` heading) for every line of a head, in order."""
    lines = []
    for item in head:
        if item.kind == "multi":
            lines.extend((text, False) for text in item.lines)
        else:
            lines.append((item.text, item.kind == "heading"))
    return lines


def _join_broken(lines):
    """A title hard-broken in the middle of a phrase is one line again."""
    joined = []
    for text, heading in lines:
        if joined and not heading and not joined[-1][1] and _is_broken(joined[-1][0], text):
            joined[-1] = (joined[-1][0] + text, False)
            # 临沅市公安局南湖分局 / 关于征集…犯罪 / 线索的通告: once the last two are one,
            # the line above may be broken off them too.
            while (
                len(joined) > 1
                and not joined[-2][1]
                and _notice_broken(joined[-2][0], joined[-1][0])
            ):
                joined[-2:] = [(joined[-2][0] + joined[-1][0], False)]
        else:
            joined.append((text, heading))
    return joined


# A second line opening with a question word asks what the first names (过敏性鼻炎 / 为何总…).
_QUESTION_START = ("为何", "为什么", "如何", "怎么", "怎样", "咋", "何以", "缘何", "凭啥", "凭什么")


def _is_broken(first, second):
    return (
        second.startswith(_QUESTION_START)
        # 快充会伤电池吗？ / 手机充电的几个常见误区: a question opening the 主题
        or (first.endswith(("？", "?")) and len(first) <= MAX_QUESTION_OPENING)
        or _leftover(first, second)
        or _subject_over_predicate(first, second)
        or _verb_over_object(first, second)
        or first.endswith(_BROKEN_END)
        or bool(_COUNTED_END.search(first))  # 巷口那棵 / 老槐树: a count wants its noun
        or second.startswith(_BROKEN_START)
        or first.count("“") > first.count("”")
        or _notice_broken(first, second)
        # “小网格”托起 / “大民生”: a quoted word alone under a line is what it acts on.
        or (_QUOTED_WORD.match(second) and not first.endswith(("：", ":")))
        or first.count("《") > first.count("》")
        or _word_across(first, second)
    )


def _notice_broken(first, second):
    """A notice's title broken before its last words (…关于2024年度新闻记者证 / 核验情况
    的公示, “我家的幸福账本” / 主题征文启事): a notice has no 引题."""
    if not NOTICE_TITLE.search(second) or NOTICE_TITLE.search(first):
        return False
    if is_group_label(first):
        return False  # 便民信息 / 停水通知: the column's label over the notice
    # 临沅市公安局南湖分局 / 关于征集…线索的通告: who issues it, over what it is about;
    # 桑源县职业中等专业学校 / 2024年招生公告: a body that issues notices over its notice.
    return (
        "关于" in first
        or second.startswith("关于")
        or len(second) <= MAX_NOTICE_TAIL
        or first.endswith(_ISSUERS)
    )


# What a body that issues notices is called at its end (a school, an office, a company).
_ISSUERS = (
    *("学校", "学院", "大学", "中学", "小学", "幼儿园", "医院", "公司", "集团", "银行"),
    *("政府", "委员会", "管委会", "办事处", "办公室", "局", "分局", "中心", "协会", "董事会"),
)


MAX_NOTICE_TAIL = 8


def _leftover(first, second):
    """A few characters under a long line: what a narrow column pushed off the title's
    end (临港区首批深远海养殖大黄鱼 / 出水上市), not a 主题 under a 引题.  Lines spaced
    into phrases (坚持项目为王　奋力冲刺四季度) are set apart on purpose."""
    return (
        len(second) <= MAX_LEFTOVER
        and len(first) >= MIN_BROKEN_LINE
        and not any(char.isspace() for char in first + second)
        and not _PRESIDED.match(second)  # …举行第十九次会议 / 孙建平主持: the 副题 says who
    )


# Who presided or spoke, a meeting report's 副题 (孙建平主持, 王明出席并讲话).
_PRESIDED = re.compile(r"^[\u4e00-\u9fff·]{2,6}(?:主持|出席|讲话|致辞|作报告|出席并讲话)$")


def _verb_over_object(first, second):
    """A line ending in a verb that takes an object, over the object (青川男篮抢七险胜东岭
    夺得 / 建队十年来首座联赛冠军): one title broken after its verb.  A 主题 under a 引题
    opens with who acted (我市迎来…), so a second line opening with a pronoun is no object."""
    if (
        len(first) < MIN_SUBJECT
        or any(char.isspace() for char in first + second)
        or second.startswith(_WHOLE_SCOPE)
    ):
        return False  # …由南向北梯次推进 / 全国冬小麦收获进度过四成: who acts opens a 主题
    tail = _tags(second)
    if not first.endswith(_TAKES_OBJECT):
        # 一条溪水带活 / 一个村的文旅经济: any verb over a counted object (a numeral opens
        # the line) takes it; 热度未退, 没见邻居出门 need nothing after them.
        if len(first) > MAX_COUNTED_BREAK or not _COUNTED.match(second):
            return False  # …加强合作 / 第四届…, …褪色 / 十天后…: an 引题 over its 主题
        head = _tags(first)
        return bool(head) and head[-1] in (*_VERB_TAGS, "vn")
    return bool(tail) and tail[0] not in ("r", "x", "w")


# The whole of a place as a line's first word (全国…, 我市…): the subject of a 主题.
_WHOLE_SCOPE = tuple(
    prefix + place for prefix in ("全", "我", "本", "各") for place in "国省市县区镇乡村"
)


# Verbs a headline never ends on: they take what follows (夺得 / 首座联赛冠军).
_TAKES_OBJECT = (
    "夺得",
    "获得",
    "荣获",
    "摘得",
    "斩获",
    "赢得",
    "迎来",
    "成为",
    "实现",
    "推动",
    "打造",
    "启动",
    "建成",
    "开展",
    "举办",
    "举行",
    "突破",
    "助力",
    "赋能",
    "迈向",
    "走进",
    "入选",
    "创下",
    "刷新",
    "达到",
    "完成",
    "引进",
    "发布",
    "出台",
    "推出",
    "开启",
    "打响",
    "跑出",
    "绘就",
    "奏响",
    "织密",
    "筑牢",
    "守护",
    "点亮",
    "擦亮",
    "激活",
    "释放",
    "带动",
    "形成",
    "推进",
    "加快",
    "部署",
    "加强",
    "深化",
    "促进",
    "抢抓",
    "开设",
    "开通",
    "上线",
    "设立",
    "启用",
    "建立",
    "新增",
    "打通",
    "捣毁",
    "查处",
    "破获",
    "签约",
    "揭晓",
)


def _subject_over_predicate(first, second):
    """A subject with no verb over what it did (上海首批12个绿色低碳项目 / 获授信逾300亿元,
    首批42条背街小巷 / 明年春节前全部焕新): one sentence broken in two.  A 引题 is a
    phrase of its own (坚持项目为王, 金秋时节 over 我市迎来…), so the first line must end
    in a noun and hold no verb, and the second open with a verb or when or how it is done."""
    if (
        len(first) < MIN_SUBJECT
        or any(char.isspace() for char in first + second)
        # 每周二、周四晚上，城北这间小屋总是灯火通明 / 外卖骑手贺晓川：…: a clause with a
        # comma is whole, and a line with a colon (who: what) is a title of its own.
        or "，" in first
        or "：" in second
    ):
        return False
    head, tail = _tags(first), _tags(second)
    if not head or not tail or any(tag in _VERB_TAGS for tag in head):
        return False
    if tail == ("i",) and head[-1] in _NOUN_TAGS:
        return True  # 大坪镇：六万亩油菜 / 喜获丰收: an idiom says what it did
    # 一对“热心”夫妻 / 双双获刑: a doubled word (双双, 纷纷, 频频) says how they acted, an
    # adverb whatever the tagger calls it.
    doubled = len(second) > 2 and second[0] == second[1] and not second[0].isdigit()
    return (
        (head[-1] in _NOUN_TAGS or head[-1] == "vn")  # …商业体系建设 / 推进会在京召开
        and (tail[0] in _PREDICATE_OPENING_TAGS or doubled)
        and any(tag in _VERB_TAGS for tag in tail)
    )


@functools.lru_cache(maxsize=4096)
def _tags(text):
    """jieba's part-of-speech tags of a title line's words, punctuation left out; cached,
    as both tests of a broken title ask about the same two lines."""
    import jieba.posseg

    _dictionary()  # jieba quiet and loaded, as for the word test
    return tuple(pair.flag for pair in jieba.posseg.lcut(text, HMM=False) if pair.flag != "x")


MIN_SUBJECT = 6
_COUNTED_END = re.compile(r"[这那一每][个棵条座张把间位只片本封道家所支块盏]$")
_QUOTED_WORD = re.compile(r"^“[^“”，。！？、：]{1,8}”$")
_VERB_TAGS = frozenset(("v", "vg", "vd"))
_NOUN_TAGS = frozenset(("n", "ns", "nr", "nt", "nz", "j", "l", "ng"))
_PREDICATE_OPENING_TAGS = frozenset(("v", "vg", "vd", "t", "d", "f", "p", "c"))
MAX_LEFTOVER = 6
MAX_QUESTION_OPENING = 10
MAX_COUNTED_BREAK = 14  # a title's first line before a counted object, in a narrow column
_COUNTED = re.compile(r"^[一两几数][个座条家片项批所支名位户间处道套台辆种场]")
MIN_BROKEN_LINE = 10


def _word_across(first, second):
    """A dictionary word of three or four characters across the break (研究/部署明年…)."""
    if not (_HAN_END.search(first) and _HAN_START.match(second)):
        return False
    words = _dictionary()
    return any(
        words.get(first[-before:] + second[:after], 0) > 0
        for before in (1, 2, 3)
        for after in (1, 2, 3)
        if 3 <= before + after <= 4 and before <= len(first) and after <= len(second)
    )


_HAN_END = re.compile(r"[\u4e00-\u9fff]{3}$")
_HAN_START = re.compile(r"^[\u4e00-\u9fff]{3}")


@functools.lru_cache(maxsize=1)
def _dictionary():
    """jieba's word counts (its prefixes count 0), loaded once, when a title needs them."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def head_article(head, kind, line):
    """Split a story's head (headings, blocks, title lines) into its parts."""
    seed_form = any(item.kind == "heading" for item in head) or len(head) == 1
    lines = _head_lines(head)
    column, districts = "", ()
    while len(lines) > 1 and (
        column_label(lines[0][0])
        or is_plain_column(lines[0][0])
        or _short_label(lines)
        or (head[0].kind != "multi" and head[0].label and head[0].text == lines[0][0])
        or unspaced(lines[0][0]) != lines[0][0]  # 银　龄　关　注: a label is set spaced out
    ):
        # 图片新闻 / ■城市表情 / 初雪扮靓古城墙: the label nearest the title names it.
        column = column_label(lines[0][0]) or unspaced(lines[0][0])
        if head and head[0].kind != "multi" and head[0].text == lines[0][0]:
            head = head[1:]  # **记者调查** over ## 主题 / ### 副题: the label has no level
        lines = lines[1:]
    labelled = _BRACKETED_LABEL.match(lines[0][0]) if not column else None
    if labelled:
        # 【丰泽时评】让“护学岗”的安心延伸得更远: the column printed in brackets before it.
        column, lines = labelled["label"], [(labelled["title"], lines[0][1]), *lines[1:]]
    if not column and _bold_over_heading(head):
        # **记者调查** over ## 标题 in a Markdown export: the bold label is the column.
        column, lines, head = lines[0][0], lines[1:], head[1:]
    # ■本市新增5家专精特新企业, ●县图书馆增设自助借阅点: a mark is no part of a title.
    lines = [(_TITLE_MARK.sub("", text) or text, heading) for text, heading in lines]
    if len(lines) == 1 and (bracketed := _WHOLLY_BRACKETED.match(lines[0][0])):
        # 【春日校园 樱花烂漫】 over its text, no title under it: a short title in the
        # brackets the page prints all its titles in, not a column's label.
        lines = [(bracketed[1], lines[0][1])]
    if len(lines) > 1 and is_district(lines[0][0]):
        districts = district_path(lines[0][0])
        lines = lines[1:]
    article = ParsedArticle(headline="", kind=kind, districts=districts, line=line, column=column)
    if kind in (Kind.COMMENTARY, Kind.PHOTO):
        if not seed_form:
            lines = _join_broken(lines)  # 别让“一网通办”变成 / “网上多跑”
        # ——观现代花灯戏《月照梯田》有感 under a review's title is its 副题 still.
        article.headline = " ".join(text for text, _h in lines if not text.startswith(_SUBTITLE))
        article.subheadline = " ".join(text for text, _h in lines if text.startswith(_SUBTITLE))
        if not article.headline:
            article.headline, article.subheadline = article.subheadline, ""
        return _fullwidth_title(article)
    # ——副题, or a notice's number under its title (澄政征〔2024〕第9号): the title's last part;
    # a plain line under a ——副题 is the 副题 going on, wrapped (——记…教学点 / 教师吴秀英).
    subtitle, kept = [], []
    for text, heading in lines:
        if text.startswith(_SUBTITLE) or _DOC_NUMBER.match(text):
            subtitle.append(text)
        elif subtitle and subtitle[-1].startswith(_SUBTITLE) and not heading and not seed_form:
            subtitle[-1] += text
        else:
            kept.append((text, heading))
    lines = kept
    if not seed_form:
        lines = _join_broken(lines)
        if subtitle and len(lines) == 3 and not any(heading for _text, heading in lines):
            # 引题 / 十余名路人徒手抬车 / 救出被困司机 / ——副题: the ——line is the 副题, so
            # of three lines over it the last two are one 主题, broken.
            lines = [lines[0], (lines[1][0] + lines[2][0], False)]
    headings = [text for text, heading in lines if heading]
    others = [text for text, heading in lines if not heading]
    levels = [item.level for item in head if item.kind == "heading"]
    if len(set(levels)) > 1 and len(levels) == len(headings):
        # Headings of different levels: the biggest is the 主题, those above it
        # the 引题, those below the 副题 (# 引题 would be odd, but is read so).
        main = levels.index(min(levels))
        article.kicker = " ".join(headings[:main])
        article.headline = headings[main]
        article.subheadline = " ".join(headings[main + 1 :] + others)
    elif len(headings) == 1 and others and not lines[0][1]:
        # A plain line over a bold or ``#`` 主题 is its 引题; lines under it, its 副题.
        main = next(number for number, (_text, heading) in enumerate(lines) if heading)
        article.kicker = " ".join(text for text, _heading in lines[:main])
        article.headline = headings[0]
        article.subheadline = "".join(text for text, _heading in lines[main + 1 :])
    elif headings:
        if len(headings) >= 2:
            article.kicker, article.headline = headings[0], headings[1]
        else:
            article.headline = headings[0]
        article.subheadline = "".join(headings[2:] + others)
    elif others:
        if len(others) == 1:
            article.headline = others[0]
        elif len(others) == 2 and not subtitle and _main_over_sub(*others):
            # (with a ——副题 printed, two lines over it are 引题 and 主题)
            article.headline, article.subheadline = others
        else:
            article.kicker, article.headline = others[0], others[1]
            article.subheadline = "".join(others[2:])
    if subtitle:
        article.subheadline = " ".join(filter(None, [article.subheadline, *subtitle]))
    return _fullwidth_title(article)


MIN_MAIN_OVER_SUB = 10
MIN_LONGER_SUB = 5


def _main_over_sub(first, second):
    """Two plain title lines that read 主题 over 副题, not 引题 over 主题: a name's words
    (褚明远：配角演了三十年，我还在等…) are the title; and a line of clauses much longer than
    the one over it (第七届临川青年影展下周开幕 / 42部长片短片入围，展映场次较上届增加三成)
    spells the title out.  A short phrase over a comma line (端午假期临近 / 粽子礼盒
    “瘦身”，价格更亲民) stays an 引题."""
    if first.startswith(_SUBTITLE) or (first.startswith("“") and first.endswith("”")):
        return False  # “我们不能光等着厂里安排” over its 主题: a quote is an 引题
    if _continues_subject(first, second) or _PRESIDED.match(second):
        return True  # …举行第十九次会议 / 孙建平主持: who presided is the 副题
    if first.endswith(("？", "?")) and len(first) > MAX_QUESTION_OPENING:
        # 健身房说关就关 300多名会员的卡里钱咋办？ / 市消委会已介入，…: it asks, it answers
        return True
    if len(first) < MIN_MAIN_OVER_SUB:
        return False
    colon = max(first.find("："), first.find(":"))
    if 2 <= colon < len(first) - 1 and _COMMA.search(first[colon:]):
        return True  # 褚明远：配角演了三十年，…: who speaks, then what they say
    if (
        any(char.isspace() for char in first.strip())
        and not _COMMA.search(first)
        and not any(char.isspace() for char in second.strip())
        # 家门口就业　增收有门路 / 我县首批…挂牌运营: who acts opens a 主题 (not a line of
        # clauses, which spells out the title over it)
        and (bool(_COMMA.search(second)) or not second.startswith(_WHOLE_SCOPE))
        and len(second) >= len(first) + MIN_LONGER_SUB
    ):
        # 家门口的长者食堂 一荤两素只要12元 / 全市已建成…146家，年底前将实现街道全覆盖, 今冬
        # 供暖 15日起陆续试运行 / 主城区集中供热面积新增约320万平方米: two phrases set apart
        # over a longer line that spells them out.
        return True
    # 猎豹周三迎来新赛季主场首秀 / 三名新援全部到位 内外援磨合仍是最大考验: clauses set
    # apart by a space are a 副题's as much as clauses set apart by a comma.
    if _COMMA.search(first) or any(char.isspace() for char in first):
        return False
    if (
        len(second) >= len(first) + MIN_MUCH_LONGER_SUB
        and not second.startswith(_WHOLE_SCOPE)  # 课后服务“提质扩容” / 全市中小学…: a 主题
        and "“" not in first
    ):
        # 澜泰股份拟定增不超12亿元扩产 / 募投项目达产后将新增…年产能3000万套: a line far
        # longer than the one over it spells it out (an 引题 is the shorter line).
        return True
    return bool(_COMMA.search(second) or any(char.isspace() for char in second.strip())) and (
        len(second) >= len(first) + MIN_LONGER_SUB
    )


MIN_MUCH_LONGER_SUB = 8


_COMMA = re.compile(r"[，,]")


def _continues_subject(first, second):
    """A line with no subject of its own under a whole clause goes on from it (县委常委会
    召开会议 / 研究部署防汛工作; 志愿服务进百村 / 今年已开展活动1200余场次): a 副题.  A 主题
    under an 引题 names who acted (全市…, 我县…, 站务员与…), and an 引题 is no clause
    it could go on from when it has no verb (联合国粮农组织报告：)."""
    if (
        len(first) < MIN_SUBJECT
        or any(char.isspace() for char in first)
        or first.endswith(("：", ":"))
    ):
        return False
    head = _tags(first)
    if not any(tag in _VERB_TAGS for tag in head):
        return False
    if second.startswith(_MEETING_VERBS):
        # 研究部署 is one word to jieba, tagged a noun; what the meeting did may be two
        # phrases set apart by a space (传达学习…精神　研究部署…工作).
        return True
    if any(char.isspace() for char in second):
        return False
    tail = _tags(second)
    # 今年已开展…, 将于…: when, then an adverb and the verb, with no one doing it.
    opening = tail[1:] if tail[:1] == ("t",) else tail
    adverb_verb = len(opening) >= 2 and opening[0] == "d" and opening[1] in _VERB_TAGS
    return adverb_verb or (bool(tail) and tail[0] in ("v", "vd"))


# What a meeting did, under the line that says it met (传达学习…, 研究部署…, 听取…汇报).
_MEETING_VERBS = ("传达", "研究", "部署", "听取", "审议", "强调", "学习贯彻", "安排")


MAX_SHORT_LABEL = 5
MIN_LABELLED_TITLE = 8
_SHORT_LABEL = re.compile(rf"^[\u4e00-\u9fff]{{2,{MAX_SHORT_LABEL}}}$")


def _short_label(lines):
    """A plain word of two to four characters over a title line twice its length or more
    (体育评论, 科学探秘, 一事一议 / 小将挑大梁背后的耐心): the column's label, not an 引题."""
    first, second = lines[0][0], lines[1][0]
    if len(lines) > 2 and not lines[2][1] and _is_broken(second, lines[2][0]):
        second += lines[2][0]  # 湖畔闲笔 / 巷口那棵 / 老槐树: the title is broken in two
    return (
        not lines[0][1]
        and bool(_SHORT_LABEL.match(first))
        and not is_district(first)  # 芦淞区 over a title: the district it comes from
        and (
            len(second) >= max(MIN_LABELLED_TITLE, 2 * len(first))
            # 湖畔闲笔 / 巷口那棵老槐树, 山水青川 / 外婆的竹篮: an essay's title names a thing
            # (no verb), under its column; an 引题 sets a scene for a 主题 that acts.
            or (len(second) >= MIN_NOUN_TITLE and _names_a_thing(second))
        )
        and not second.startswith(_SUBTITLE)
    )


MIN_NOUN_TITLE = 5


def _names_a_thing(text):
    tags = _tags(text)
    return (
        bool(tags)
        and (
            tags[-1] in _NOUN_TAGS
            or tags[-1] == "t"  # …的竹篮, …里的春天
            # 外婆的桂花糖 (桂花 / 糖 mis-tagged): whose thing, with no verb, is a thing
            or ("的" in text[1:-1] and "uj" in tags)
        )
        and not any(t in _VERB_TAGS for t in tags)
    )


_BRACKETED_LABEL = re.compile(r"^【(?P<label>[\u4e00-\u9fff·]{2,8})】\s*(?P<title>[^【】]{4,})$")


_DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fff]{1,12}\s*[〔［\[(（【]\s*(?:19|20)\d\d\s*[〕］\])）】]\s*第?\s*\d{1,5}\s*号$"
)


def _bold_over_heading(head):
    """A bold label first, then a # heading: the label is no title part."""
    return (
        len(head) > 1
        and head[0].kind == "heading"
        and head[0].level == BOLD_LEVEL
        and head[1].kind == "heading"
        and head[1].level < BOLD_LEVEL
    )


def _fullwidth_title(article):
    article.kicker = fullwidth(article.kicker)
    article.headline = fullwidth(article.headline)
    article.subheadline = fullwidth(article.subheadline)
    return article
