"""Two columns side by side on each line (pdftotext -layout), read column by column."""

from articles.imports.columns import split_columns
from articles.imports.page_text import parse_page_text

LEFT = [
    "本报记者 邹明远",
    "    记者从省工业和信息化厅获悉，今年前三",
    "季度，全省规模以上工业增加值同比增长，",
    "高于全国平均水平。其中，新能源电池、智",
    "能终端等重点产业链实现营业收入增长。",
    "    走进泾阳经开区的澜锋新能源科技有限公",
    "司，一条全自动电芯生产线正满负荷运转。",
]
RIGHT = [
    "本报讯（记者 石岩）11月17日，沅口港",
    "重卡换电站正式投入运营。这是我省首座投",
    "入商业运营的重卡换电站，单次换电时间约",
    "5分钟，每天可服务重卡280车次。",
    "    据介绍，该换电站由省港航集团与江屿能",
    "源公司共同投资建设，配备7块备用电池。",
    "",
]


def side_by_side():
    lines = ["                  “链”上发力 制造业稳中求进", ""]
    for left, right in zip(LEFT, RIGHT, strict=True):
        lines.append(left + " " * (46 - len(left)) + right if right else left)
    return lines


def test_side_by_side_columns_are_read_left_then_right_with_the_files_line_numbers():
    columns = split_columns(side_by_side())
    text = [line for line in columns.lines if line]
    assert text[0] == "“链”上发力 制造业稳中求进"
    assert text[1 : 1 + len(LEFT)] == [line.strip() for line in LEFT]
    assert text[1 + len(LEFT) :] == [line.strip() for line in RIGHT if line]
    # Each line keeps the number of the file's line it came from (both halves of line 3).
    assert columns.numbers[columns.lines.index("本报记者 邹明远")] == 3
    assert columns.numbers[columns.lines.index("本报讯（记者 石岩）11月17日，沅口港")] == 3


def test_a_page_of_one_column_is_left_as_it_is():
    lines = ["标题", "本报讯（记者 张三）近日，某地举行活动。", "　　会议要求，抓好落实。"]
    columns = split_columns(lines)
    assert columns.lines == lines
    assert columns.numbers == [1, 2, 3]


def test_a_story_set_side_by_side_reads_whole_not_interleaved():
    page = parse_page_text("\n".join(["泾南日报 2024年11月19日 星期二", "", *side_by_side()]))[0]
    first = page.articles[0]
    assert first.headline == "“链”上发力 制造业稳中求进"
    body = "".join(block["text"] for block in first.body)
    # The left column's text reads on without the right column's cut into it.
    assert "今年前三季度，全省规模以上工业增加值同比增长，高于全国平均水平。" in body
    assert body.index("正满负荷运转。") < body.index("沅口港")
