"""Lines of page text that belong to no story, and the page's own lines.

A PDF dump of a newspaper page carries, besides its stories, what the page
prints around them: the running head (paper, date, weekday, page name and
label), masthead lines (ISSN, postal code, issue number, publisher), teasers
for other pages, stray page numbers, an e-paper's list of pages, copyright
lines, and the staff line (责任编辑 … 美术编辑 … 校对 …).  Inside stories it
carries jump lines (下转第2版), editors' notes (编者按) and author notes
(（作者为…）), which are not the reporter's text.

Every function here reads one line (whitespace already collapsed) and is pure
and linear: each pattern is anchored or bounded, and lines longer than the
longest such line could be are not looked at.
"""

import datetime
import re
from dataclasses import dataclass, field

from articles.surnames import COMPOUND_SET, surname_of

# Longer lines are text: no running head, staff or masthead line is this long.
MAX_NOISE_LENGTH = 120
_HAN_DIGITS = "〇零一二三四五六七八九十"
_LABEL = (
    r"(?:第?[A-Z]{1,2}[0-9０-９]{1,3}版|[A-Z]{1,2}\d{1,3}|第?[0-9０-９]{1,3}版"
    r"|第[一二三四五六七八九十]{1,3}版)"
)
_DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*(?:年|-|\.|/)\s*(?P<month>1[0-2]|0?[1-9])\s*(?:月|-|\.|/)\s*"
    r"(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)\s*日?"
)
_WEEKDAY = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")
# What a date printed alone on a line may carry (a masthead's date line).
_DATE_ALONE = re.compile(
    r"(?:19|20)\d\d\s*(?:年|-|\.|/)\s*\d{1,2}\s*(?:月|-|\.|/)\s*\d{1,2}\s*日?|[\s|｜·•]"
)
_LUNAR = re.compile(r"农历[\u4e00-\u9fff]{0,12}")
_LABEL_RE = re.compile(rf"(?<![A-Za-z0-9]){_LABEL}(?![0-9])")
_PAPER = re.compile(
    r"[\u4e00-\u9fff]{1,10}(?:日报|晚报|早报|晨报|商报|时报|周报|周刊|周末|报|融媒体|融媒)"
)
# What a masthead prints beside the date: the issue number and the page count.
_ISSUE = re.compile(
    r"总?第\s*[0-9０-９]{1,6}\s*期|(?:今日|本期|共)\s*[0-9一二三四五六七八九十]{1,3}\s*版"
)
_END_MARK = re.compile(r"^[(（]?\s*(?:完|全文完|待续|未完待续)\s*[)）]?$")
# A note for the whole page's pictures (本版图片由受访者提供): no story's.
_PAGE_CREDIT = re.compile(
    r"^[(（]?\s*本版(?:图片|照片|图表)[\u4e00-\u9fff、]{0,20}[)）]?$"
    # 本版所刊公告、声明内容由刊登单位或个人负责, 本版言论仅代表作者个人观点: the page's own
    # disclaimer.
    r"|^[(（]?\s*本(?:版|栏|刊)[^。！？]{0,20}(?:负责|个人观点|仅供参考|不代表本报观点)[)）。]?$"
    r"|^(?:风险提示|免责声明|特别提示)\s*[:：].{0,60}(?:仅供参考|投资建议|风险自担)"
)
_SCAN = re.compile(r"扫码|扫描二维码|长按识别|二维码|扫一扫")
# A rule: dashes, box-drawing lines (─━═), stars and other marks, nothing else.
_RULE_ONLY = re.compile(r"^[\s\-—–－―‐_＿﹏=＝·•■□▲△▼▽◆◇●○★☆▶►→|｜/\\*#~～.。…\u2500-\u257f]*$")

_MASTHEAD_PATTERN = (
    r"ISSN|CN\s*\d\d\s*[-－—]\s*\d{4}|邮发代号|国内统一连续出版物号|国际标准连续出版物号|"
    r"^(?:总第|第)\s*[0-9０-９]{1,6}\s*期|总第\s*[0-9０-９]{1,6}\s*期|"
    r"^[\u4e00-\u9fff]{2,8}\s*第\s*[0-9０-９]{1,6}\s*期$|"  # 白鹭洲　第1287期: a supplement's
    # 丰泽新闻网 — 丰泽日报社主办: who publishes the paper or the site.
    r"^[^。！？，]{0,20}[\u4e00-\u9fff]{2,16}(?:社|集团|中心|委员会|政府|委)\s*(?:主办|出版|主管)$|"
    r"(?:今日|本期)\s*[0-9一二三四五六七八九十]{1,3}\s*版|"
    r"^(?:本版|本刊|本报)?(?:主管|主办|主管主办|出版|社址|地址|邮编|社长|总编辑|副总编辑|发行|订阅|广告|新闻热线|"
    r"值班电话|本报地址|零售价|定价|每份|爆料热线|报料热线|读者热线|服务热线|热线电话|投稿邮箱|广告许可证|"
    r"广告经营许可证|印刷|"
    r"投稿信箱|新闻报料|报料电话|爆料电话|技术支持|技术服务)\s*[:：\s]|"
    # An advertisement run on one line (【广告】第十二届车展…　扫码领取门票>>), an ad
    # agent's line (本版广告代理：…　广告热线：…) and a sponsor's slogan spaced off before
    # its hotline (青川农商银行　情系三农　服务城乡　　全县服务热线：96633).
    r"^[【\[〔〖(（]\s*(?:广告|广而告之|公益广告|分类广告|商务广告)\s*[】\]〕〗)）]|"
    r"[(（]广告[)）]$|"
    r"^[▲△■□◆●]?\s*[\u4e00-\u9fff]{0,12}广告(?:代理|热线|经营|部)|"
    r"^(?:[^\s。！？]{2,10}[\s\u3000]+){2,}[\u4e00-\u9fff]{0,6}(?:热线|电话)\s*[:：]\s*[\d\-－]{5,}$|"
    # A hotline named after the paper (晚报新闻热线：…, 报料微信：…).
    r"^[\u4e00-\u9fff“”]{0,8}(?:新闻热线|报料热线|爆料热线|读者热线|报料微信|爆料微信|报料邮箱)\s*[:：]|"
    # A desk's own hotline (健康热线：86620120, 法律咨询热线：…): a number to call, no story.
    r"^[\u4e00-\u9fff“”]{0,8}热线\s*[:：]?\s*[\d（(][\d\-－—（）() ]{4,}"
    r"(?:[（(][^）)]{1,20}[）)])?$|"  # 晚报数码热线：96018（工作日9:00—17:00）
    # …and one with the desk's mailbox beside it (民生热线：96118　投稿邮箱：…).
    r"^[\u4e00-\u9fff“”]{0,8}热线\s*[:：]?\s*[\d（(][\d\-－—（）() ]{4,}?\s+"
    r"[\u4e00-\u9fff]{0,6}(?:热线|邮箱|信箱|电话|微信)\s*[:：]|"
    # A number to call for the desk (交通违法举报及路况咨询请拨打：0771-12122).
    r"^[^。！？]{0,30}(?:请拨打|请致电|欢迎拨打)\s*[:：]?\s*[\d（(][\d\-－—（）() ]{4,}$|"
    # How to write in (来信请注明真实姓名…, 来稿请附联系方式) and where else to (东海都市报微信
    # 公众号“东海民声”同步受理读者来信).
    r"^(?:来信|来稿|投稿|稿件)请(?:注明|附|寄|发)[^。！？]{0,40}$|"
    r"^[^。！？]{0,16}(?:微信公众号|客户端|小程序|视频号|抖音号)[^。！？]{0,16}"
    r"(?:同步受理|受理|关注|搜索|下载)[^。！？]{0,12}$|"
    r"^[^。！？]{0,12}关注[^。！？]{0,20}(?:微信公众号|客户端|视频号|抖音号|微博)$|"
    # A review's rating (推荐指数：★★★★): a mark on the page, no text.
    r"^(?:推荐指数|推荐度|评分|星级)\s*[:：]\s*[★☆]+|"
    # A call for tips (新闻线索请拨打本报热线 96118，或在…留言).
    r"^(?:新闻线索|报料|爆料|线索)[\u4e00-\u9fff]{0,4}(?:拨打|致电)[\u4e00-\u9fff]{0,6}热线|"
    r"(?:DAILY|EVENING|TIMES|WEEKLY|NEWS|HERALD|POST)\b|"
    # A publisher's line (某某日报社主管主办　某某晚报社出版, 某县融媒体中心出品) and an
    # address or hotline spaced off in the middle of a masthead line.
    r"^[\u4e00-\u9fff]{1,14}(?:社|中心|集团|委|台)(?:主管主办|主管|主办|出版|出品|承办)(?:\s|$)|"
    r"\s(?:本报地址|社址|地址|邮编|新闻热线|报料热线)\s*[:：]|"
    # The masthead's weather box (今日天气：多云 6℃～12℃).
    # A desk's mailbox (本版邮箱：xcrb@…, 投稿邮箱：…): an address, no story.
    r"^[\u4e00-\u9fff]{0,6}(?:邮箱|信箱|E-mail|Email)\s*[:：]\s*[\w.\-]+@|"
    # A page's disclaimer (本报所刊健康知识仅供参考，具体诊疗请遵医嘱).
    r"^(?:本报|本版|本刊|本栏)[\u4e00-\u9fff]{0,12}仅供参考[，,]?[^。]{0,20}$|"
    # A call to scan or follow (扫码关注“澄江晚报”微信公众号, 长按识别二维码).
    r"^(?:扫码|扫描二维码|长按识别|微信扫一扫)|"
    r"^(?:今日天气|今天天气|明日天气|天气预报|天气)(?:\s*[:：]|\s+(?:今天|今日|明天|明日))|"
    r"^(?:今日天气|今天天气|明日天气|天气预报)\s.{0,50}(?:℃|°C)|"
    # A weather box's lines (汀川天气 / 今天 多云转小雨 9℃～16℃ / 明天 小雨 8℃～13℃).
    r"^[\u4e00-\u9fff]{0,4}天气$|"
    r"^(?:今天|今日|明天|明日|后天|今晚|夜间|白天)[\s:：]*[\u4e00-\u9fff]{1,8}[\s\u3000]*"
    r"-?\d{1,2}\s*(?:℃|°C|～|~|-|—)[^。！？]{0,30}$|"
    # A county paper's permit line (内部资料 免费交流) and its name in pinyin (QINGLUO XINWEN).
    # Spaced off as a masthead prints them: a sentence that mentions 内部资料 is text.
    r"(?:^|\s)(?:内部资料|免费交流)(?:\s|$)|准印证号\s*[:：]|ICP备\s*\d+号|"
    # The e-paper's own address (南湖晚报数字报 epaper.nhwb.com.cn).
    r"^[\u4e00-\u9fff]{0,10}(?:数字报|电子报|网站|官网)\s*[:：]?\s*(?:https?://)?[\w-]+(?:\.[\w-]+)+/?$|^[A-Z]{2,}(?:\s[A-Z]{2,}){1,5}$"
)


def _alternatives(pattern):
    """The top-level alternatives of a regular expression's source (``a|(?:b|c)|d`` → a,
    (?:b|c), d): its parts that open with ``^`` are tried once at the line's start, the
    others anywhere, which is many times cheaper than one search of the whole."""
    parts, depth, start, k = [], 0, 0, 0
    in_class = False
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
        k += 1
    parts.append(pattern[start:])
    return [part for part in parts if part]


_MASTHEAD_AT_START = re.compile(
    "|".join(part[1:] for part in _alternatives(_MASTHEAD_PATTERN) if part.startswith("^"))
)
_MASTHEAD_ANYWHERE = re.compile(
    "|".join(part for part in _alternatives(_MASTHEAD_PATTERN) if not part.startswith("^"))
)


def _masthead(text):
    """A masthead's or a page foot's line of the paper's data (see ``_MASTHEAD_PATTERN``)."""
    return bool(_MASTHEAD_AT_START.match(text) or _MASTHEAD_ANYWHERE.search(text))


_COPYRIGHT = re.compile(
    r"版权所有|版权归[^。！？]{1,16}所有|©|Copyright|\(c\)\s*\d{4}|未经[\u4e00-\u9fff]{0,6}(?:授权|许可|同意)|"
    r"不得转载|禁止转载|侵权必究|广告经营许可证|^印刷\s*[:：]|法律顾问"
)
_PAGE_NUMBER = re.compile(rf"^[\s\-—–－·]*(?:\d{{1,3}}|{_LABEL}|第\s*\d{{1,3}}\s*页)[\s\-—–－·]*$")
# A page's foot: its number and the paper's name (8　南岭周末, 南岭周末　8).
_NUMBER_AND_PAPER = re.compile(
    r"^(?:\d{1,3}\s+[\u4e00-\u9fff·]{2,12}|[\u4e00-\u9fff·]{2,12}\s+\d{1,3})$"
)
# Words that end in 报 and name no paper (十年坚守终有回报 is a title, not a masthead).
_NOT_PAPER = re.compile(r"(?:回|喜|捷|汇|简|情|预|举|通|申|海|电|快|警|谍|上|呈|填|见|相)报$")
_PAGE_LIST_START = re.compile(
    r"^(?:版面导航|版面目录|本期目录|上一版|下一版|返回目录|往期回顾|电子版)"
)
_TEASER = re.compile(
    rf"(?:详见|详细报道见|全文见|见|请看|敬请关注)\s*(?:本报|今日|本期)?\s*{_LABEL}|"
    # …请看本报客户端“楚南+”专题《…》: more of it in the paper's app, no story here.
    r"^[▶►→●◆■]\s*[^。！？]{0,16}(?:请看|详见|请关注|敬请关注)(?:本报)?(?:客户端|网站|官网|公众号)|"
    r"^[▶►→●◆■]?\s*(?:今日导读|本期导读|要闻导读|导读|今日看点|要闻提示)\s*[:：]?|"
    # A line of a 导读 box: a page label, spaced off, then what that page holds
    # (A03　供暖首周　热线收到诉求1200余件, 第5版　…).
    r"^[▲▶►→●◆■]?\s*(?:[A-Z]{1,2}\d{1,2}|第?\s*\d{1,2}\s*版)\s+[\u4e00-\u9fff“《]|"
    # …and a title, then the page it is on (全市首批15个便民生活圈名单公布　A02).
    r"^[^，。！？：:]{6,40}\s+(?:[A-Z]\d{1,2}|第\s*\d{1,2}\s*版)$|"
    # What the next issue holds (下期请看：…, 明日预告：…): a pointer to no story here.
    r"^(?:下期|下周|明日|明天)(?:请看|预告|看点|导读|关注)\s*[:：]|"
    # A teaser naming the page first: ▶今日A08版 寒潮来袭…
    # (a label with 版, or one spaced off: 今日G20峰会… is text).
    r"^[▶►→●◆■]?\s*(?:今日|本期|明日|今天)(?:本报)?\s*"
    r"(?:第?[A-Z]{0,2}[0-9０-９]{1,3}版|[A-Z]{1,2}[0-9]{1,3}(?=\s))"
)
# A teaser ends in an arrow at the page it points to (…心肺复苏　→A05).
# Tomorrow's page or the next issue (明日本版导读：…, 下期预告：…, ▶明日A10版：…).
_TEASER_AHEAD = re.compile(
    rf"^[▶►→]?\s*(?:明日|明天|下期|下周|次日)(?:本版|{_LABEL})?(?:导读|预告|看点)?\s*[:：]"
)
_TEASER_ARROW = re.compile(rf"(?:[→▶►»]|>>|＞＞|》》)\s*{_LABEL}\s*$")
_TEASER_TAIL = re.compile(rf"(?:\s|…|\.{{2,}}|·{{2,}}|▶|→){_LABEL}?\s*$")
_TEASER_MARK = re.compile(r"^[▶►→●◆■]")
_JUMP = re.compile(
    r"[(（【\[]?\s*(?:下转|上接|接上|转下|紧接|接第|转第|下接|上转|续第|转至|转(?=[A-Z]))\s*"
    rf"(?:第?\s*[A-Z]{{0,2}}[0-9０-９{_HAN_DIGITS}]{{1,3}}\s*版|[A-Z]{{1,2}}[0-9]{{1,3}})"
    r"(?:[左右中][上下]?|上|下)?\s*[)）】\]]?"
)
_JUMP_LINE = re.compile(rf"^{_JUMP.pattern}$")
_JUMP_END = re.compile(rf"\s*{_JUMP.pattern}$")
_JUMP_START = re.compile(rf"^{_JUMP.pattern}\s*")
_EDITOR_NOTE = re.compile(
    r"^[【\[〔(（]?\s*(?:编者按|编者的话|编前语|编者注)\s*[】\]〕)）]?\s*[:：]?\s*"
)
_AUTHOR_NOTE = re.compile(
    r"^[(（]\s*(?:作者(?:为|系|是|单位|简介)|本文作者|作者\s*[:：])[^()（）]{1,200}[)）]$"
    r"|^作者(?:简介|单位)\s*[:：]"
    # Where a reprint comes from (来源：江东日报, （摘自《光明日报》）): a note, not text.
    r"|^[(（]?\s*(?:来源|稿件来源|转自|摘自|原载)\s*[:：]?\s*[《\u4e00-\u9fff][^。！？]{0,40}[)）]?$"
    r"|^[(（][\u4e00-\u9fff·]{2,20}供稿[)）]$"  # （县纪委监委供稿）: who supplied the text
)

# Staff roles of the page (data): printed word → the page field it fills.
STAFF_ROLES = {
    "责任编辑": "chief_editor",
    "本版责编": "chief_editor",
    "本版编辑": "chief_editor",
    "责编": "chief_editor",
    "值班编辑": "chief_editor",
    "编辑": "chief_editor",
    "美术编辑": "art_editor",
    "美编": "art_editor",
    "版式设计": "art_editor",
    "版面设计": "art_editor",
    "版式": "art_editor",
    "组版": "art_editor",
    "制图": "art_editor",
    "校对": "proofreader",
    "责任校对": "proofreader",
    "检校": "proofreader",
    "校读": "proofreader",
    "文字编辑": "chief_editor",
    "版面编辑": "chief_editor",
    "美术设计": "art_editor",
    "排版": "art_editor",
    # Printed on staff lines, with no field of the page's own.
    "图片编辑": None,
    "图编": None,
    "审核": None,
    "审校": None,
    "终审": None,
    "值班主任": None,
    "监制": None,
    "主编": None,  # 本版主编, 执行主编: above the page's editor, no field of its own
    "副主编": None,
    "值班总编": None,
}
# A page team's roles, staff only beside a staff role or after 本版 (本版策划：… 撰稿：… 摄影：…):
# alone (摄影：张三 under a picture) they are a story's credit.
TEAM_ROLES = ("策划", "统筹", "撰稿", "摄影", "文字", "执行", *("题图", "插图", "图片", "漫画"))
# The page's pictures credited once for all (本版题图：钱 墨, 本版插图：…): a page credit.
PAGE_PICTURE_ROLES = ("题图", "插图", "图片", "摄影", "漫画")
_SPACED = r"\s?"
# 本期编辑, 本版责编, 执行编辑: a prefix before the role, kept as printed.
STAFF_PREFIXES = ("本期", "本版", "本刊", "执行", "值班", "首席")
_STAFF_WORD = re.compile(
    f"(?:{'|'.join(STAFF_PREFIXES)})?(?:"
    + "|".join(
        _SPACED.join(map(re.escape, word))
        for word in sorted((*STAFF_ROLES, *TEAM_ROLES), key=len, reverse=True)
    )
    + ")"
)
_STAFF_GAP = re.compile(r"^[\s:：/|｜、，,·•■□]*$")
_STAFF_NAMES = re.compile(r"[\s:：/|｜、，,·•]+")
# A staff name: two to four Han characters (a compound surname and two), or with a ·.
_HAN_NAME = re.compile(r"^(?:[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,6}·[\u3400-\u9fff·]{1,10})$")


@dataclass
class StaffLine:
    """A page's staff line: the first name per page field, and every role as printed."""

    fields: dict[str, str] = field(default_factory=dict)
    roles: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def squeeze(text):
    """Whitespace collapsed to single spaces (linear, whatever the line holds)."""
    return " ".join(text.split())


def _names(chunk):
    """Names in a staff chunk: ``周 健`` and ``欧阳 洁`` (letter-spaced names) are one person,
    and ``杨 帆 李 丹`` two (a name of two opens where a surname follows it)."""
    tokens = [t for t in _STAFF_NAMES.split(chunk) if t]
    names, single = [], ""
    for number, token in enumerate(tokens):
        following = tokens[number + 1] if number + 1 < len(tokens) else ""
        if token in COMPOUND_SET and len(following) == 1 and not single:
            tokens[number + 1] = token + following  # 欧阳 洁: a compound surname spaced off
            continue
        if len(token) == 1:
            single += token
            continue
        names.extend(_spaced_names(single))
        single = ""
        names.append(token)
    names.extend(_spaced_names(single))
    return tuple(names)


def _spaced_names(characters):
    """A run of letter-spaced characters cut into names of two or three: after two, where a
    surname comes next and at least two characters are left (杨帆|李丹, 王子萱)."""
    names = []
    while characters:
        cut = len(characters)
        if len(characters) > 3:
            cut = 2 if surname_of(characters[2:]) and len(characters) - 2 != 1 else 3
        names.append(characters[:cut])
        characters = characters[cut:]
    return names


def _unprefixed(role):
    for prefix in STAFF_PREFIXES:
        if role.startswith(prefix) and role[len(prefix) :] in STAFF_ROLES:
            return role[len(prefix) :]
    return role


_ADDRESSES = frozenset(["同志", "同志们", "先生", "女士", "老师", "朋友", "朋友们", "您好", "你好"])


def read_staff_line(text):
    """``责任编辑：王建设 美术编辑：王玺`` (any form) → ``StaffLine``; None for other lines."""
    if len(text) > MAX_NOISE_LENGTH:
        return None
    text = text.strip("■□◆●▶| ｜")
    words = list(_STAFF_WORD.finditer(text))
    if not words or not _STAFF_GAP.match(text[: words[0].start()]):
        return None
    staff = StaffLine()
    for number, word in enumerate(words):
        end = words[number + 1].start() if number + 1 < len(words) else len(text)
        names = _names(text[word.end() : end])
        if not names and number + 1 < len(words):
            continue  # 责任编辑/美术编辑：… a role written before the next one
        if not names or not all(_HAN_NAME.match(name) for name in names):
            return None
        if any(name in _ADDRESSES for name in names):
            return None  # 编辑同志：, a letter's salutation
        role = "".join(word.group(0).split())
        staff.roles.append((role, names))
        field_name = STAFF_ROLES.get(role) or STAFF_ROLES.get(_unprefixed(role))
        if field_name:
            staff.fields.setdefault(field_name, names[0])
    if not staff.roles or not _is_staff(staff.roles):
        return None
    return staff


def _is_staff(roles):
    """Staff roles, or a team's roles under 本版 (本版策划：… 撰稿：…), and never a team's alone."""
    if any(_unprefixed(role) in STAFF_ROLES for role, _names in roles):
        return True
    if len(roles) == 1 and roles[0][0] in (f"本版{word}" for word in PAGE_PICTURE_ROLES):
        return True
    if len(roles) == 1 and roles[0][0] in (f"本版{word}" for word in TEAM_ROLES):
        return True  # 本版策划：温　岚: the page's own team, named once for the page
    return len(roles) >= 2 and roles[0][0].startswith(STAFF_PREFIXES)


# An editor named in a running head (编辑 张 三) and a bare page number (| 07).
_STAFF_IN_HEAD = re.compile(
    rf"(?:{_STAFF_WORD.pattern})\s?[:：/]?\s?(?:(?!{_STAFF_WORD.pattern})[\u4e00-\u9fff]\s?){{1,4}}"
)
_BARE_NUMBER = re.compile(r"(?:^|[\s|｜])(\d{1,3})(?:$|[\s|｜])")


_UNDATED_NAME = re.compile(r"^[\s|｜·•/\-—:：]*[\u4e00-\u9fff·]{2,8}[\s|｜·•/\-—]*$")


@dataclass
class RunningHead:
    date: datetime.date | None
    name: str
    label: str
    staff: StaffLine | None = None  # an editor named in the head (编辑 丁一 美编 马里)


_HEAD_WORDS = re.compile(r"[\s|｜/•:：,，]+|(?<![\u4e00-\u9fff])·|·(?![\u4e00-\u9fff])")


def _head_words(text):
    # A · between two words is a separator, inside a name (评论·副刊) it is the name's.
    words = [w for w in _HEAD_WORDS.split(text) if w]
    # 健康周刊 after a page's label is its name (a weekly supplement), not a paper's.
    words = [
        w
        for w in words
        if (not _PAPER.fullmatch(w) or w.endswith(("周刊", "周末"))) and not w.startswith("编辑")
    ]
    return [w for w in words if re.fullmatch(r"[\u4e00-\u9fff·]{2,10}", w)]


def _leftover_name(text):
    han = _head_words(text)
    return han[-1] if han else ""


def _first_name(text):
    han = _head_words(text)
    return han[0] if han else ""


_NUMBER_NAME_STAFF = re.compile(
    r"^(?P<number>\d{1,2})[\s|｜]+(?P<name>[\u4e00-\u9fff·]{2,8})[\s|｜]+(?P<staff>\S.*)$"
)


_CURRENT_PAGE = re.compile(r"^(?:当前版面|当前版|本版)\s*[:：]\s*(?=第?\s*[A-Za-z]?\d)")


def read_running_head(text):
    """A running head (``株洲日报 2024年3月5日 星期二 A05 区县新闻``) → ``RunningHead``, else None.

    A dated line counts when it also prints a weekday, a page label or the
    paper's name and nothing that reads as a sentence; an undated one when it is
    a page label and a short page name alone (``A05 | 区县新闻``).
    """
    if len(text) > MAX_NOISE_LENGTH or re.search(r"[。，；！？]", text):
        return None
    if re.search(r"\d{1,2}:\d{2}", text):
        return None  # 漪城晚报 2024-10-12 07:30: when an article went up, no page's head
    # 当前版面：第07版：文化·副刊, an e-paper's note of the page shown: the page's head.
    text = _CURRENT_PAGE.sub("", text)
    # A masthead's issue number beside the date (2026年10月9日 第41期) makes it a head too.
    issue = _ISSUE.search(text) is not None
    text = _ISSUE.sub(" ", text)
    date_match = _DATE.search(text)
    label_match = _LABEL_RE.search(text)
    if date_match:
        alone = not _DATE_ALONE.sub("", text).strip()
        if not (_WEEKDAY.search(text) or label_match or _PAPER.search(text) or issue or alone):
            return None
        try:
            date = datetime.date(
                int(date_match["year"]), int(date_match["month"]), int(date_match["day"])
            )
        except ValueError:
            date = None
        rest = text[: date_match.start()] + " " + text[date_match.end() :]
    elif label_match and len(text) <= 24:
        # Undated: a page label and a short page name, nothing else (A05 | 区县新闻).
        date, rest = None, text
        name = text[: label_match.start()] + text[label_match.end() :]
        if not _UNDATED_NAME.match(name):
            return None
    elif numbered := _NUMBER_NAME_STAFF.match(text):
        # 3　教育　　责任编辑：沈一苇　版式：江小满: the page's number, name and staff.
        staff = read_staff_line(numbered["staff"])
        if staff is None:
            return None
        return RunningHead(None, numbered["name"], numbered["number"], staff)
    else:
        return None
    label = label_match.group(0) if label_match else ""
    rest = _WEEKDAY.sub(" ", _LUNAR.sub(" ", rest))
    staff = read_staff_line(" ".join(m.group(0) for m in _STAFF_IN_HEAD.finditer(rest)))
    rest = _STAFF_IN_HEAD.sub(" ", rest)
    after_label = ""
    if label:
        before, _label, after_label = rest.partition(label)
        rest = before + " " + after_label
    else:
        number = _BARE_NUMBER.search(rest)
        label = number.group(1) if number else ""
    # The page's name follows its label (第3版 乡村振兴 今日松桥 …): a title after
    # it is the paper's or a supplement's; with nothing after the label, the last word.
    name = _first_name(after_label) or _leftover_name(rest)
    if not date_match and not name:
        return None
    return RunningHead(date, name, label, staff)


# An e-paper's buttons, dumped with its page: 上一篇 下一篇 【字号 大 中 小】 打印.
NAVIGATION_WORDS = frozenset(
    [
        "上一篇",
        "下一篇",
        "上一版",
        "下一版",
        "上一期",
        "下一期",
        "放大",
        "缩小",
        "正常",
        "默认",
        "返回",
        "返回目录",
        "返回首页",
        "打印",
        "关闭",
        "分享",
        "分享到",
        "字号",
        "大",
        "中",
        "小",
        "收藏",
        "朗读",
        "全文",
        "首页",
        "字体",
        "打印本页",
        "关闭窗口",
        "往期回顾",
        "版面导航",
        "报纸订阅",
        "PDF下载",
        "标题导航",
        "返回顶部",
        "返回版面目录",
        "版面目录",
        "版面图",
    ]
)
_NAVIGATION_SPLIT = re.compile(r"[\s【】\[\]|｜:：/、<>＜＞«»‹›]+")


def _is_navigation(text):
    words = [word for word in _NAVIGATION_SPLIT.split(text) if word]
    return (
        bool(words)
        and all(word in NAVIGATION_WORDS for word in words)
        and any(len(word) > 1 for word in words)
    )


def _is_teaser(text):
    """A pointer to another page (详见A05, ▶ … A05), not a jump line of a story."""
    return (
        len(text) <= 50
        and "。" not in text
        and not _JUMP.search(text)
        and bool(
            _TEASER.search(text)
            or _TEASER_AHEAD.match(text)
            or _TEASER_ARROW.search(text)
            or (_TEASER_MARK.match(text) and _TEASER_TAIL.search(text) and _LABEL_RE.search(text))
        )
    )


# What a line is when a test holds, tried in order: the first that holds names it
# (社址：… 版权所有 is both a masthead and a copyright line; it is a copyright line).
_NOISE_RULES = (
    ("noise", lambda text: _RULE_ONLY.match(text) or (len(text) <= 20 and _SCAN.search(text))),
    ("noise", _END_MARK.match),
    ("noise", lambda text: text.startswith("<!--") and text.endswith("-->")),  # an export's note
    ("other", _PAGE_CREDIT.match),
    ("masthead", lambda text: _paper_name(_LETTER_SPACED.sub("", text))),
    ("page_number", _PAGE_NUMBER.match),
    ("page_number", lambda text: _NUMBER_AND_PAPER.match(text) and _PAPER.search(text)),
    (
        "page_list",
        lambda text: (
            _PAGE_LIST_START.match(text)
            or len(_LABEL_RE.findall(text)) >= 3
            or _is_navigation(text)
        ),
    ),
    ("other", lambda text: is_web_furniture(text)),
    ("other", lambda text: _BANNER.match(text) and not _LABEL_RE.search(text)),
    ("other", lambda text: _SERVICE_LINE.match(text)),
    ("copyright", _COPYRIGHT.search),
    ("masthead", lambda text: _masthead(text) and not re.search(r"[。！？]$", text)),
    ("teaser", _is_teaser),
)


# 青 溪 报: a masthead's name set letter-spaced.
_LETTER_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff](?:[\s\u3000]|$))")


def _paper_name(text):
    return len(text) <= 12 and _PAPER.fullmatch(text) and not _NOT_PAPER.search(text)


def read_noise(text):
    """Why a line belongs to no story (a ``SkippedLine`` reason), or "" for a line of the page.

    Running heads and staff lines are read by their own functions; this names
    the rest: masthead, teaser, page number, e-paper page list, copyright, a rule.
    """
    if not text or len(text) > MAX_NOISE_LENGTH:
        return ""
    return next((reason for reason, holds in _NOISE_RULES if holds(text)), "")


# An e-paper's data on a story (来源：江州晚报　2024年11月08日　浏览次数：3126): no running
# head, though it names the paper and the date.
_ARTICLE_DATA = re.compile(
    r"(?:浏览|点击|阅读)(?:次数|量|数)\s*[:：]\s*\d+$|^来源\s*[:：]\s*\S{2,16}\s+\d{4}[-年./]"
    # An editing system's record of a story (`稿件编号：JJRB…｜状态：已签发｜字数：1186`).
    r"|^`?(?:稿件编号|稿件号|稿号|稿件ID)\s*[:：][^`]*`?$"
)


def is_article_data(text):
    # Every form names a field before a colon: a line with none is read no further.
    return (":" in text or "：" in text) and bool(_ARTICLE_DATA.search(text))


# A news site's line of data under an article's title (发布时间：2024-09-12 08:30　来源：丰泽
# 日报　作者：记者 林晓帆　编辑：孙蔚, in any order): the fields a site prints.
_WEB_FIELD = re.compile(
    r"(?P<field>发布时间|发表时间|更新时间|时间|日期|来源|作者|编辑|责任编辑|责编|审核|浏览次数|浏览"
    r"|点击|阅读)\s*[:：]"
)
_WEB_DATE = re.compile(
    r"^\s*(?:19|20)\d\d[-年./]\d{1,2}[-月./]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
_WEB_BUTTONS = re.compile(r"【[^】]{1,12}】|\[[^\]]{1,12}\]|字体\s*[:：]\s*大\s*中\s*小")
MIN_WEB_FIELDS = 2
_STAFF_FIELDS = ("编辑", "责任编辑", "责编", "审核")


def read_web_data(text):
    """The 作者 of a news site's data line (作者：记者 林晓帆 通讯员 董浩), "" when it names
    none, or None when the line is no such line: two fields or more, or a date opening the
    line and one field, and nothing else but buttons (【字体：大 中 小】)."""
    if len(text) > MAX_NOISE_LENGTH or not (":" in text or "：" in text):
        return None  # every field is named before a colon
    if re.search(r"[。！？]", text):
        return None
    fields = list(_WEB_FIELD.finditer(text))
    dated = _WEB_DATE.match(text) is not None
    if len(fields) < MIN_WEB_FIELDS and not (dated and fields):
        return None
    if not dated and fields[0].start() > 0:
        return None  # a sentence that quotes a field
    if all(found["field"] in _STAFF_FIELDS for found in fields):
        return None  # 2024年9月12日　星期四　责任编辑：…: a running head with the page's staff
    author = ""
    for number, found in enumerate(fields):
        end = fields[number + 1].start() if number + 1 < len(fields) else len(text)
        value = _WEB_BUTTONS.sub(" ", text[found.end() : end]).strip()
        if found["field"] == "作者":
            author = value
    return author


# A news site's furniture around an article: where it sits, sharing and paging buttons,
# the title it first ran under, links to related articles with their dates.
_WEB_FURNITURE = re.compile(
    r"^(?:当前位置|您的位置|你的位置|所在位置)\s*[:：]"
    r"|^(?:分享到|分享)\s*[:：]"
    r"|^(?:上一篇|下一篇|上一条|下一条)\s*[:：]"
    r"|^原标题\s*[:：]"
    r"|^[·•]\s*[^。！？]{4,60}\s+(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}$"
    # An app's furniture: counts and buttons (点赞 236　评论 41　分享, 阅读 1.8万, 打开APP阅读
    # 全文, 了解详情 ›), the paper and the time over an article (漪城晚报 2024-10-12 07:30),
    # and a recommended article's paper and readers (漪城晚报 · 3.2万阅读).
    r"|^(?=.*\d)(?:(?:点赞|评论|分享|收藏|在看|转发|阅读)(?:\s*[\d.]+万?)?[\s\u3000]*){1,6}$"
    r"|^(?:打开|下载)\s*(?:APP|App|app|客户端)|阅读全文\s*[›>»]?$|^了解详情\s*[›>»]?$"
    r"|^[\u4e00-\u9fff]{2,12}\s+(?:19|20)\d\d-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?$"
    r"|^[\u4e00-\u9fff]{2,12}\s*[·•]\s*[\d.]+万?\s*(?:阅读|浏览)$"
    r"|^[—－\-]{2,}\s*(?:已显示|没有更多|到底了|本版|全部)[^—－\-]{0,16}[—－\-]{2,}$"
    # A paper's call to subscribe (欢迎订阅2024年下半年《农民日报》　全国各地邮局均可办理).
    r"|^欢迎订阅|订阅.{0,24}(?:邮局|邮政)(?:均可|皆可)?(?:办理|订阅)"
    # 分享, 收藏 as buttons alone; 本版共7篇文章; 临江都市报APP下载客户端看更多新闻.
    r"|^(?:分享|收藏|转发|在看|点赞)$|^本版共\s*\d+\s*篇(?:文章|稿件|新闻)?$"
    r"|^(?=.{0,30}$)(?=.*(?:APP|App|app|客户端))(?=.*(?:下载|打开)).*(?:新闻|精彩|阅读|资讯)$"
)


# A page's banner over its stories: a theme and a slogan set apart by a bar (12·4国家宪法日
# | 弘扬宪法精神　建设法治泠州).
_BANNER = re.compile(r"^[^|｜。，！？：:]{3,20}\s*[|｜]\s*[^|｜。，！？：:]{4,30}$")
# A line of service numbers at a page's foot (法律援助咨询请拨打12348　反诈专线96110).
_SERVICE_LINE = re.compile(
    r"^(?:[^。，！？]{0,12}(?:热线|专线|电话|请拨打|拨打)\s*[:：]?\s*\d{3,}[\s\u3000]*){2,}$"
)


def is_web_furniture(text):
    return len(text) <= MAX_NOISE_LENGTH and bool(_WEB_FURNITURE.search(text))


def is_copyright(text):
    return bool(_COPYRIGHT.search(text))


def is_jump_line(text):
    return len(text) <= 30 and bool(_JUMP_LINE.match(text))


_CONTINUED = re.compile(r"^[(（【\[]?\s*(?:上接|接上|紧接|接第|续第|上转)")


def is_continuation(jump):
    """A jump line that says a story goes on here from another page (上接第1版)."""
    return bool(_CONTINUED.match(jump))


def split_jumps(text):
    """A paragraph with a jump line at its start or end → (text without it, jumps found)."""
    jumps = []
    tail = text[-30:]
    end = _JUMP_END.search(tail)
    if end:
        jumps.append(end.group(0).strip())
        text = text[: len(text) - len(tail) + end.start()].rstrip()
    start = _JUMP_START.match(text[:30])
    if start:
        jumps.insert(0, start.group(0).strip())
        text = text[start.end() :]
    return text, jumps


def editor_note(text):
    """The note of a ``编者按：…`` paragraph, else None."""
    match = _EDITOR_NOTE.match(text[:12])
    if not match or match.end() == len(text):
        return None
    return text[match.end() :].strip()


def is_editor_note_label(text):
    """``编者按`` (【编者按】, 编者的话：) on a line of its own, with no note after it."""
    match = _EDITOR_NOTE.match(text)
    return bool(match) and match.end() == len(text)


def is_author_note(text):
    return len(text) <= 220 and bool(_AUTHOR_NOTE.match(text))


def is_date_text(text):
    return bool(_DATE.search(text))
