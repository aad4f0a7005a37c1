"""A layout system's tagged export (@主题=, @正文=…) read as the page it prints."""

from articles.imports.page_text import parse_page_text
from articles.imports.tagged_text import is_tagged, untag

PAGE = (
    "@报头=青梁日报　　2025年3月4日　星期二\n"
    "@责任编辑=责任编辑：诸葛远　　校对：严小冬\n"
    "@肩题=春耕备耕一线见闻\n"
    "@大标题=良田“换新装”\n"
    "农机“上战场”\n"
    "@子题=——全县已建成高标准农田36万亩\n"
    "@署名=本报记者　司马元朗\n"
    "@内文=　　清明刚过，青坪平原上处处是繁忙的春耕景象。\n"
    "　　县农业农村局有关负责人表示，今年将再新建高标准农田2万亩。\n"
    "@插题=农机托管上门\n"
    "@内文=　　“现在农户打一个电话，耕、种、管、收全程托管服务就能上门。”\n"
    "@广告=青梁农商银行　春耕贷款限时优惠\n"
    "详询96588\n"
    "@专栏=青梁时评\n"
    "@评论题=春耕要抓早抓实\n"
    "@署名=■　欧阳春晓\n"
    "@内文=　　一年之计在于春。春耕生产要早谋划、早部署。\n"
    "@导读=明日本版：县域经济如何迈向“百亿级”\n"
)


def paragraphs(article):
    return [b["text"] for b in article.body if b["type"] == "paragraph"]


def test_a_text_most_of_whose_lines_open_with_a_style_is_tagged():
    assert is_tagged(PAGE.split("\n"))
    assert not is_tagged(["@张三 你好", "本报讯（记者 张三）今天…", "@李四=", "正文"])
    # HTML is no tagged export: only style names in Chinese are read between < and >.
    assert not is_tagged(["<p>本报讯（记者 张三）今天，全县开展防汛演练。</p>"] * 6)
    assert is_tagged(["<主题>春耕忙", "<作者>本报记者 张三", "<正文>今天。"] * 2)


def test_untagging_keeps_the_file_line_for_line():
    untagged = untag(PAGE.split("\n"))
    assert len(untagged.lines) == len(PAGE.split("\n"))
    assert untagged.lines[3] == "# 良田“换新装”农机“上战场”"  # the title's second line joined
    assert untagged.lines[4] == ""
    assert untagged.skipped == {12: "other", 13: "other", 18: "teaser"}


def test_a_tagged_page_reads_into_its_stories_by_the_names_of_its_styles():
    (page,) = parse_page_text(PAGE)
    story, comment = page.articles
    assert (story.kicker, story.headline, story.subheadline) == (
        "春耕备耕一线见闻",
        "良田“换新装”农机“上战场”",
        "——全县已建成高标准农田36万亩",
    )
    assert [(c.role, c.names) for c in story.credits] == [("记者", ("司马元朗",))]
    assert [b["type"] for b in story.body] == ["paragraph", "paragraph", "intertitle", "paragraph"]
    assert (comment.kind, comment.column, comment.headline) == (
        "commentary",
        "青梁时评",
        "春耕要抓早抓实",
    )
    assert [(c.role, c.names) for c in comment.credits] == [("评论作者", ("欧阳春晓",))]
    assert paragraphs(comment) == ["一年之计在于春。春耕生产要早谋划、早部署。"]
    assert page.staff == {"chief_editor": "诸葛远", "proofreader": "严小冬"}
    assert {line.line: line.reason for line in page.skipped if line.line >= 12} == {
        12: "other",
        13: "other",
        18: "teaser",
    }


BRACKETED = (
    "文件：QL20250417_02.fbd　版面：02　时政　导出：2025-04-16 23:18\n"
    "〖报眉〗青梁日报　2025年4月17日　星期四\n"
    "〖版号〗02\n"
    "〖版名〗时政\n"
    "〖主题〗县委常委会召开会议研究一季度经济运行\n"
    "〖主题〗和重点项目推进工作\n"
    "〖署名〗本报讯（融媒记者 司马晓岚）\n"
    "〖正文〗4月15日下午，县委常委会召开会议。\n"
    "〖栏目〗时政简讯\n"
    "〖简讯标题〗我县部署安全生产治本攻坚工作\n"
    "〖简讯正文〗本报讯　4月16日，全县安全生产治本攻坚三年行动推进会召开。\n"
    "〖简讯正文〗县政协召开十届十五次主席会议，协商讨论有关议题。\n"
    "〖简讯正文〗我县新增2家省级专精特新中小企业。\n"
)


def test_styles_named_in_brackets_and_briefs_with_no_title_of_their_own():
    (page,) = parse_page_text(BRACKETED)
    meeting, *briefs = page.articles
    # The title set as two 主题 lines is one title.
    assert meeting.headline == "县委常委会召开会议研究一季度经济运行和重点项目推进工作"
    assert [(b.kind, b.headline) for b in briefs] == [
        ("brief", "我县部署安全生产治本攻坚工作"),
        ("brief", "县政协召开十届十五次主席会议"),
        ("brief", "我县新增2家省级专精特新中小企业"),
    ]
    assert page.skipped[0].reason == "noise"  # the export's banner line
    # 〖版号〗 and 〖版名〗 name the page, and the page's name is no story's column.
    assert (page.name, page.label, meeting.column) == ("时政", "02", "")


def test_a_continuation_line_under_a_byline_is_that_storys():
    text = (
        "@主题=让“小切口”撬动“大民生”\n"
        "@作者=本报评论员\n"
        "@转文=（上接第一版）\n"
        "@正文=　　办好民生实事，贵在精准。\n"
        "@主题=早市“一刀切”关停不可取\n"
        "@作者=■　欧阳春晓\n"
        "@正文=　　近日，有网友反映，某市一处早市被突然关停。\n"
    )
    first, second = parse_page_text(text)[0].articles
    assert (first.jumps, second.jumps) == (["（上接第一版）"], [])
