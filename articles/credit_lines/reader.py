"""The credit grammar: tokens read left to right into role groups (unit, role, names, photo)."""

import re
from dataclasses import dataclass, field

from articles.credit_lines.parts import (
    PHOTO_MARK,
    Credit,
)
from articles.credit_lines.tokens import (
    _HAN,
    _tokens,
)
from articles.credit_lines.vocabulary import (
    AFFILIATION_LABELS,
    COLLECTIVE_WORDS,
    COMBO_ROLES,
    MEDIA_ROLE_PREFIXES,
    MOVING_PICTURE_ROLES,
    NAME_DESCRIPTORS,
    PHOTO_MARKS,
    ROLE_PREFIXES,
    SOURCE_LABELS,
    TEXT_MARKS,
    TRAILING_ROLES,
    VIDEO_ROLES,
)
from articles.credit_lines.words import (
    _PAGE_LABEL,
    _REPORTER,
    BARE,
    LENIENT,
    LINE,
    MARKED,
    _count,
    _is_photo_role,
    _is_unit,
    _names_of,
    _office_pen_name,
    _person_like,
    _phrase_word,
    _role_like,
    _sentence_like,
    _split_unit,
    _strip_quotes,
    _time_word,
    _unit_of,
    _verb_word,
)
from articles.surnames import surname_weight

# The credit grammar --------------------------------------------------------------------


# Quotation marks in a word before a colon: a sentence, no role (波“打喷嚏大军”：…).
_QUOTED_WORD = re.compile(r"[“”\"《》「」]")


@dataclass
class _Group:
    unit: str = ""
    role: str = ""
    names: list[str] = field(default_factory=list)
    photo: bool = False
    text_role: bool = False  # the writer of an X/文 Y/图 pair: not a photo credit
    closed: bool = False  # a mark after the names ended it (张三 摄 李四…)
    producer: bool = False  # a labelled role holding units, not people (出品：某报社)


@dataclass
class _Reading:
    credits: list[Credit]
    ok: bool  # every token was read as part of a credit
    signal: bool  # a role, unit or mark shows it is a credit line
    end: int  # where the last token read ends (for a lead: the body starts after it)
    collective: bool = False  # it names a unit or source: a credit line even naming nobody


class _Reader:
    """Reads tokens left to right into role groups.

    ``strict``: a word no role vouches for must look like a name.  ``lead``: the
    tokens run on into the body; stop at the first that is no credit.
    """

    def __init__(self, tokens, strict, lead, marked=False):
        self.tokens, self.strict, self.lead, self.marked = tokens, strict, lead, marked
        self.groups: list[_Group] = []
        self.current: _Group | None = None
        self.pending_unit = ""
        self.qualifier_photo = self.line_photo = False
        self.source = False
        self.ok, self.signal = True, False
        self.collective = False  # a unit, source or agency mark: a credit line naming nobody
        self.end = tokens[0].start if tokens else 0
        self.i = 0
        # 张三 文 李四 摄: a line ending in a mark puts its marks after the names; a note
        # in brackets after it (张三 摄（新华社发）) does not count.
        outside = (t for t in reversed(tokens) if not t.depth and t.kind not in ("open", "close"))
        last = next(outside, None)
        self.post_marks = last is not None and last.text in (
            *PHOTO_MARKS,
            *TEXT_MARKS,
            *COMBO_ROLES,
        )

    def at(self, index):
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def ends_at(self, index):
        token = self.at(index)
        return token is None or token.kind in ("close", "mark")

    def _spaced_at(self, index):
        token = self.at(index)
        return token is not None and token.spaced

    def consume(self, count=1):
        self.end = self.tokens[self.i + count - 1].end
        self.i += count

    def start_group(self, role="", unit=""):
        current = self.current
        if current is not None and not current.names and not current.closed:
            if (current.role in COMBO_ROLES or current.role in PHOTO_MARKS) and role:
                # 文/图 本报记者 陈晨: the person named also took the pictures; opening
                # the line, the mark covers every group up to the next mark.
                self.qualifier_photo = True
                self.line_photo = self.groups == [current]
                self.pending_unit = current.unit or self.pending_unit
            elif current.role:
                self.line_photo = False  # 图/记者 甲 视频/记者 乙: a new role ends the mark's reach
            self.groups.remove(current)  # a role with no name credits nobody
        group = _Group(unit=unit or self.pending_unit, role=role)
        tail = group.unit.rsplit("·", 1)[-1]
        if role and (len(tail) == 1 or group.unit == "央"):
            # 大河报·豫视频记者, 央视频记者: the prefix ends the unit's name.
            for prefix in ROLE_PREFIXES:
                if role.startswith(prefix) and len(role) > len(prefix) + 1:
                    group.unit, group.role = group.unit + prefix, role[len(prefix) :]
                    break
        if "驻" in group.unit and role:
            # 本报驻京记者: the post belongs to the role.
            known, rest = _split_unit(group.unit)
            if known and rest.startswith("驻"):
                group.unit, group.role = known, rest + role
        first = role.split("/", 1)[0]
        if role in TEXT_MARKS or role in PHOTO_MARKS or role in COMBO_ROLES:
            self.line_photo = False  # 图/甲 文/乙: a new mark ends the opening one's reach
        elif "/" in role and first not in (*PHOTO_MARKS, *COMBO_ROLES):
            self.line_photo = False  # 图/记者 甲 视频/记者 乙: a labelled role ends it too
        group.photo = (
            self.qualifier_photo
            or (self.line_photo and _REPORTER.search(role) is not None)  # not 编辑 after it
            or _is_photo_role(role)
        )
        if group.unit and _is_unit(group.unit):
            self.collective = True  # 新华社记者, 本报评论员
        self.qualifier_photo, self.pending_unit, self.source = False, "", False
        self.groups.append(group)
        self.current = group
        return group

    def mark_photo(self, index):
        """A 摄 after names: at the end of the line it covers every group (but the writer's)."""
        self.signal = True
        if self.ends_at(index):
            for group in self.groups:
                group.photo = group.photo or not group.text_role
        if self.current is not None:
            self.current.photo = True
            self.current.closed = True

    def read(self):
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            if token.kind in ("open", "close", "slash", "colon"):
                self.consume()
            elif token.kind == "mark":
                self.signal = True
                if "摄" in token.text or "图" in token.text:
                    for group in self.groups:
                        group.photo = True
                self.consume()
            elif token.kind in ("role", "combo"):
                self.role_token(token)
            elif not self.word_token(token):
                break
        video = any(group.role in VIDEO_ROLES for group in self.groups if group.names)
        credits = [
            Credit(
                group.unit,
                group.role,
                tuple(group.names),
                group.photo and not (video and group.role in MOVING_PICTURE_ROLES),
            )
            for group in self.groups
            if group.names
        ]
        return _Reading(credits, self.ok, self.signal, self.end, self.collective)

    def role_token(self, token):
        self.signal = True
        current, text = self.current, token.text
        nxt = self.at(self.i + 1)
        # A mark after names: 张三 摄影, 记者 张三 整理.
        bare = current is not None and not current.role and not current.unit
        if (
            current is not None
            and current.names
            and not current.closed
            and text in (*TEXT_MARKS, *PHOTO_MARKS, *COMBO_ROLES)
            and (self.ends_at(self.i + 1) or nxt.kind in ("role", "combo") or bare)
        ):
            if text not in TEXT_MARKS and self.ends_at(self.i + 1):
                self.mark_photo(self.i + 1)  # …实习生 李想 文/图: the whole line's pictures
            _apply_post(current, text)
            current.closed = True
            self.consume()
            return
        if (
            bare
            and current.names
            and not current.closed
            and self.ends_at(self.i + 1)
            and (self.post_marks or len(self.groups) > 1)
        ):
            current.role = text  # 何逊 文/图 阴铿 视频: a role after the names it covers
            current.closed = True
            self.consume()
            return
        role, count = text, 1
        while (
            (glued := self.at(self.i + count)) is not None
            and glued.kind == "role"
            and not glued.spaced
        ):
            role, count = role + glued.text, count + 1  # 出镜记者
        glued, separator = self.at(self.i + count), self.at(self.i + count + 1)
        if (
            glued is not None
            and glued.kind == "word"
            and not glued.spaced
            and separator is not None
            and separator.kind in ("slash", "colon")
            and len(glued.text) <= 4
            and not (
                # 记者王磊/通讯员李婷婷: a glued name before a slash and the next role
                _person_like(glued.text)
                and separator.kind == "slash"
                and (following := self.at(self.i + count + 2)) is not None
                and following.kind == "role"
            )
        ):
            role, count = role + glued.text, count + 1  # 视频拍摄：
            if role.endswith("来源"):
                # 视频来源：央视新闻: a source label, crediting nobody.
                self.current, self.source, self.collective = None, True, True
                self.consume(count + 1)
                return
        # 记者/编辑: role words joined by a slash are one role.
        while (
            (slash := self.at(self.i + count)) is not None
            and slash.kind == "slash"
            and (other := self.at(self.i + count + 1)) is not None
            and other.kind in ("role", "combo")
            and not slash.spaced
            and not other.spaced
        ):
            role = f"{role}/{other.text}"
            count += 2
        self.start_group(role)
        after = self.at(self.i + count)
        if after is not None and after.kind in ("slash", "colon"):
            count += 1
        self.consume(count)

    def word_token(self, token):
        """Read a word; False when a lead's body starts here."""
        text, nxt = token.text, self.at(self.i + 1)
        word = _strip_quotes(text) if text[:1] in "“《" and text[-1:] in "”》" else text
        if word[:1] in "·•" and len(word) > 1:
            word = word[1:]  # 记者·张三: a dot parts the role from the name
        mark, dot, rest = word.partition("·")
        if dot and mark in ("文", "图") and rest and rest not in (*TEXT_MARKS, *PHOTO_MARKS):
            # 文·林则徐: a dot parts the mark from the name, as a slash would.
            self.signal = True
            self.start_group(mark)
            token.text = rest
            return True
        if (
            word in AFFILIATION_LABELS
            and nxt is not None
            and (nxt.kind in ("slash", "colon") or (nxt.kind == "word" and self.groups))
        ):
            # 单位｜某大学: an affiliation follows, not a person (up to the next role).
            self.signal, self.source, self.current = True, True, None
            self.consume(1 if nxt.kind == "word" else 2)
            return True
        if nxt is not None and nxt.kind in ("slash", "colon"):
            return self.labelled_word(word, nxt)
        if self.source:
            self.consume()
            return True
        previous = self.at(self.i - 1)
        if (
            token.depth
            and previous is not None
            and previous.kind == "open"
            and nxt is not None
            and nxt.kind == "close"
            and (word in ROLE_PREFIXES or word in ("实习生", "特约", "实习", "见习"))
            and self.groups
        ):
            self.consume()  # 记者（全媒体）张三, 记者 张三（实习）: a note on the role
            return True
        if (
            word.endswith(NAME_DESCRIPTORS)
            and len(word) <= 6
            and nxt is not None
            and nxt.kind == "word"
            and nxt.spaced
            and _person_like(nxt.text)
        ):
            self.consume()  # 线索提供：热心市民 王五: who the person is, not a name
            return True
        if word.endswith("发") and _is_unit(word[:-1]):
            self.signal = self.collective = True
            last = self.groups[-1] if self.groups else None
            if token.depth and last is not None and last.names and not last.unit:
                last.unit = word[:-1]  # 张三 摄（新华社发）: the agency of the picture before
                self.current = None
                self.consume()
                return True
            self.start_group(unit=word[:-1])  # 新华社发 张三 摄: an agency's picture
            self.consume()
            return True
        if word in COLLECTIVE_WORDS or (
            word.endswith(("供图", "供稿")) and _is_collective_source(word)
        ):
            self.signal, self.collective, self.current = True, True, None
            self.consume()
            return True
        current = self.current
        if word == PHOTO_MARK and current is not None and not current.names and current.role:
            self.signal = self.collective = True  # 本报记者 摄: a photo credit naming nobody
            self.consume()
            return True
        bare_names = current is not None and current.names and not current.role
        if word == PHOTO_MARK and current is not None and current.names:
            self.mark_photo(self.i + 1)
            self.consume()
            return True
        if (
            word in TEXT_MARKS
            and current is not None
            and current.names
            and not current.closed
            and nxt is not None
            and (
                nxt.kind in ("role", "combo")
                or (_is_unit(nxt.text) and (after := self.at(self.i + 2)) and after.kind == "role")
            )
        ):
            # 记者 甲 通讯员 乙 文 记者 丙 摄: the text mark covers every group before it.
            self.signal = True
            for group in reversed(self.groups):
                if group.closed:
                    break
                _apply_post(group, word)
                group.closed = True
            self.consume()
            return True
        if (
            word in (*TEXT_MARKS, *PHOTO_MARKS, *COMBO_ROLES)
            and current is not None
            and current.names
            and not current.closed
            and (bare_names or self.ends_at(self.i + 1) or self.post_marks)
        ):
            # 张三 文 李四 摄: the mark follows the names it covers.
            self.signal = True
            if word in (*PHOTO_MARKS, *COMBO_ROLES) and self.ends_at(self.i + 1):
                self.mark_photo(self.i + 1)  # …通讯员 李贺 图: the whole line's pictures
            _apply_post(current, word)
            current.closed = True
            self.consume()
            return True
        if (
            word in ("文", "图", "撰文", "摄影", "文字", *COMBO_ROLES)  # 图·文 张三
            and nxt is not None
            and nxt.kind == "word"
        ):
            self.signal = True
            self.start_group(word)
            self.consume()
            return True
        if nxt is not None and nxt.kind == "mark" and not nxt.spaced and not _person_like(word):
            role = self.at(self.i + 2)
            if nxt.text == "报道" and role is not None and role.kind == "role" and not role.spaced:
                # 21世纪经济报道记者: a paper named …报道, glued before a role.
                self.signal = self.collective = True
                self.pending_unit = word + nxt.text
                self.consume(2)
                return True
            self.consume()  # 北京报道: where the reporter wrote from
            return True
        if word.startswith("发自") or (
            word.endswith("报道") and len(word) > 2 and not surname_weight(word)
        ):
            # 发自北京, 发自 北京, 北京报道: where the reporter wrote from
            place = word == "发自" and nxt is not None and nxt.kind == "word" and nxt.spaced
            self.consume(2 if place else 1)
            return True
        if word.startswith("据") and _is_unit(word[1:]):
            self.signal, self.source, self.current = True, True, None
            self.collective = True
            self.consume()
            return True
        if (
            _role_glued_after_names(current, nxt)
            and nxt.text in (*TEXT_MARKS, *PHOTO_MARKS)
            and _verb_word(word)
        ):
            self.consume()  # 记者 王磊 采访整理: how the text was made, before its mark
            return True
        if word == "等" and current is not None and current.names:
            self.consume()  # 记者 张三 李四 等
            return True
        if word.endswith("等") and len(word) >= 3:
            word = word[:-1]  # 记者 张三等
        photo = False
        if word.endswith(PHOTO_MARK) and len(word) >= 3:
            # 张三摄, 林立拍摄: the mark glued to the name
            word, photo = word[: -2 if word.endswith("拍摄") and len(word) >= 4 else -1], True
        if (
            word in MEDIA_ROLE_PREFIXES
            and nxt is not None
            and nxt.kind == "role"
            and not nxt.spaced
        ):
            self.signal = True
            nxt.text = word + nxt.text  # 融媒记者: a media word with no place is part of the role
            self.consume()
            return True
        if (
            _role_glued_after_names(current, nxt)
            and len(word) == 2
            and _phrase_word(word)
            and not _person_like(word)
            and not _REPORTER.search(nxt.text)
        ):
            nxt.text = word + nxt.text  # 记者 刘震 海报设计 周雯: a common word glued to a role
            self.consume()
            return True
        wants_names = current is not None and current.role and not current.names
        if _is_unit(word) and not (wants_names and _names_of(word, LENIENT) and nxt is None):
            return self.unit_word(_unit_of(word))
        if (
            nxt is not None
            and nxt.kind == "role"
            and not nxt.spaced
            and (
                (not self.groups and not (_names_of(word, BARE) or _role_like(word)))
                or (
                    # 南方周末记者 吴懿 南方周末实习生 邓芝: four or more characters glued
                    # before a role, where no name is wanted, name a unit, not two people.
                    not wants_names
                    and len(word) >= 4
                    and _HAN.match(word) is not None
                    and not _person_like(word)
                    and not _role_like(word)
                )
            )
        ):
            # 湖南日报社会新闻部记者: what stands glued before the first role is its unit.
            self.signal = True
            if word + nxt.text in COLLECTIVE_WORDS or nxt.text == "供图":
                self.collective, self.current = True, None  # 受访者供图
                self.consume(2)
                return True
            if (
                re.fullmatch(r"[A-Za-z0-9]{1,3}", word)
                or word in MEDIA_ROLE_PREFIXES  # 融媒记者
                or (len(word) == 2 and _HAN.match(word) and not _REPORTER.search(nxt.text))
                or _verb_word(word)  # 参与记者
            ):
                nxt.text = word + nxt.text  # H5设计, 海报设计: part of the role
            elif _sentence_like(word) and not _is_unit(word):
                self.ok = False  # 游客在景区赏秋记者 张三 摄: a caption's sentence, no unit
            else:
                self.pending_unit = _unit_of(word)
                self.collective = _is_unit(self.pending_unit)
            self.consume()
            return True
        labelled = self.at(self.i + 2)
        if (
            nxt is not None
            and nxt.kind == "role"
            and not nxt.spaced
            and labelled is not None
            and labelled.kind in ("colon", "slash")
            and 2 <= len(word) <= 4
            and _HAN.match(word) is not None
            and not _person_like(word)
        ):
            nxt.text = word + nxt.text  # 李清照 海报设计：赵明诚: a word glued before a role
            self.consume()
            return True
        if (
            nxt is not None
            and nxt.kind == "word"
            and not self.lead
            and (_role_like(word) or (_verb_word(word) and _person_like(nxt.text)))
        ):
            self.signal = True
            unit, role = _split_unit(word)
            self.pending_unit = unit or self.pending_unit
            self.start_group(role)
            self.consume()
            return True
        return self.name_word(word, photo)

    def labelled_word(self, word, separator):
        """A word before a slash or a colon: a role, a joint unit, a source, or 张三/文."""
        after = self.at(self.i + 2)
        if _is_post_mark(self.tokens, self.i + 2):
            if word in COLLECTIVE_WORDS or _is_unit(word):
                # 视觉中国/供图, 新华社/图: a library's or an agency's picture credits nobody.
                self.signal = self.collective = True
                self.current = None
                self.consume(3)
                return True
            names = _names_of(word, LINE if self.strict else LENIENT)
            if names:
                self.signal = True
                current = self.current
                if (
                    current is not None
                    and (current.role or current.unit or current.names)
                    and not current.closed
                ):
                    # 本报记者 聂达/摄, 江山 柳岸/文, 湖南日报 江山/文: the mark covers the group.
                    group = current
                else:
                    group = self.start_group()
                group.names.extend(names)
                _apply_post(group, after.text)
                group.closed = True
                self.consume(3)
                return True
        if (
            separator.kind == "slash"
            and not separator.spaced
            and after is not None
            and (after.kind == "role" or after.text in VIDEO_ROLES or after.text in TRAILING_ROLES)
            and not after.spaced
            and (self.ends_at(self.i + 3) or self._spaced_at(self.i + 3))
            and self.groups
            and self.groups[-1].closed
            and (self.current is None or self.current.closed)
            and (names := _names_of(word, LINE))
        ):
            # 甲/文 乙/图 丙/视频: after names marked one by one, a name and its role.
            group = self.start_group(after.text)
            group.names.extend(names)
            group.closed = True
            self.consume(3)
            return True
        if _is_unit(word) and after is not None and after.kind == "word" and _joint(after.text):
            # 湖南日报/新湖南客户端, 今日女报/凤网讯: a joint unit.
            return self.unit_word(f"{word}/{_unit_of(_strip_quotes(after.text))}", skip=3)
        if self.lead and separator.kind == "colon" and not _role_like(word):
            return False
        self.signal = True
        current = self.current
        if (
            separator.kind == "slash"
            and after is not None
            and after.kind == "role"
            and current is not None
            and current.role
            and not current.names
            and not current.closed
            and (names := _names_of(word, LENIENT))
        ):
            # 记者:郤正/通讯员:谯周: the slash parts two credits after the role's person.
            current.names.extend(names)
            self.consume(2)
            return True
        if (
            separator.kind == "slash"
            and after is not None
            and after.kind == "role"
            and not separator.spaced
            and not after.spaced
            # 图/通讯员 张三: a mark, then the role; 拍摄/剪辑 is one role of a video's crew.
            and (
                word not in (*PHOTO_MARKS, *TEXT_MARKS)
                or (word in MOVING_PICTURE_ROLES and after.text in VIDEO_ROLES)
            )
        ):
            # 采访/撰文: an unknown role word joined to a known one.
            after.text = f"{word}/{after.text}"
            self.consume()
            self.consume()
            return True
        if word in SOURCE_LABELS or word.endswith("来源"):
            self.current, self.collective = None, True
            if word.startswith("图") or "图片" in word or "照片" in word:
                # 图片来源：新华社记者 张三 摄: the people after it took the picture; an
                # agency or a library (图片来源：视觉中国) credits nobody.
                self.qualifier_photo = True
            else:
                self.source = True  # 来源：新华社: the text's source, no person
            self.consume(2)
            return True
        if _PAGE_LABEL.search(word):
            self.ok = False  # 第A03版：要闻: a page label, not a role
            self.consume(2)
            return True
        if separator.kind == "colon" and _QUOTED_WORD.search(word):
            # 波“打喷嚏大军”：鼻子痒、流清涕: a sentence's words quoted before a colon are no
            # role, and the words after it no names.
            self.ok = False
            self.consume(2)
            return True
        unit, role = _split_unit(word)
        if not role or (_is_unit(word) and not _role_like(role)):
            unit, role = word, ""
        self.pending_unit = _unit_of(unit) if unit else self.pending_unit
        if role or separator.kind == "slash":
            self.start_group(role)
        self.consume(2)
        return True

    def unit_word(self, unit, skip=1):
        self.signal = self.collective = True
        following, current = self.at(self.i + skip), self.current
        previous = self.at(self.i - 1)
        if (
            current is not None
            and current.role
            and not current.names
            and not current.closed
            and previous is not None
            and (previous.kind == "colon" or current.producer)
            and (current.producer or not current.unit)
            and current.role not in (*COMBO_ROLES, *PHOTO_MARKS, *TEXT_MARKS)
            and not (following is not None and following.kind == "role" and not following.spaced)
        ):
            # 出品：某报社 某新闻网 策划：张三: the units are the producers, no one's unit.
            current.unit = current.unit or unit
            current.producer = True
        elif following is not None and following.kind in ("role", "combo"):
            self.pending_unit = unit
        elif (
            current is not None
            and current.role
            and not current.names
            and not current.unit
            and not current.closed
        ):
            current.unit = unit  # 通讯员 天元区委宣传部 周正
        else:
            self.start_group(unit=unit)
        self.consume(skip)
        return True

    def _unit_or_more_credit(self, current, following):
        """晚报记者甘露, 本报记者甘露 通讯员 李想: a word glued to a role that a unit opens,
        or that more credit follows, is a name even when it is a common word; a label
        (【记者手记】, 记者连线) has neither.  A frequent word (本报评论员文章) stays a word."""
        return bool(current is not None and current.unit) or (
            following is not None and following.kind == "role" and following.spaced
        )

    def name_word(self, word, photo):
        current = self.current
        token = self.tokens[self.i]
        # 邓林 文 周游 图: a line of marks after names (not a note in brackets: 摄 （局部）).
        marks = self.post_marks and not token.depth
        vouched = (
            current is not None and bool(current.role or current.unit) and not current.closed
        ) or (marks and bool(self.groups))
        strict_level = LINE if self.strict else LENIENT
        if not vouched and marks and not self.groups:
            level = LINE  # 江山 柳岸 文: the closing mark vouches for the names before it
        else:
            level = strict_level if vouched else (MARKED if self.marked else BARE)
        names = _names_of(word, level)
        following = self.at(self.i + 1)
        if (
            not names
            and vouched
            and level == LINE
            and following is not None
            and following.kind in ("role", "mark")
            and following.spaced
        ):
            # 通讯员 胜利 报道：: a word between a role and more credit is a name.
            names = _names_of(word, LENIENT)
        glued = not token.spaced and self.i > 0 and self.tokens[self.i - 1].kind == "role"
        if (
            names
            and glued
            and level == LINE
            and not surname_weight(word)
            and not _office_pen_name(word)
        ):
            names = None  # 记者走基层: a phrase; a glued name starts with a surname (记者杨如)
        if (
            names
            and glued
            and level in (LINE, LENIENT)
            and _phrase_word(word)
            and not (
                surname_weight(word)
                and _count(word) < MAX_GLUED_WORD_NAME
                and self._unit_or_more_credit(current, following)
            )
        ):
            names = None  # 【记者手记】, 记者调查: a role word opening a phrase
        if names and self.lead and not all(map(_person_like, names)):
            # In a lead the body follows: a word that is no clear name must be
            # followed by more credit (记者 黄河 通讯员…) to be read as one.
            following = self.at(self.i + 1)
            more = following is not None and following.kind in ("role", "mark")
            after = following is not None and following.kind == "word" and following.spaced
            first = (
                current is not None
                and not current.names
                and (not _time_word(word) or (after and _time_word(following.text)))
            )  # 记者 元旦 昨天上午，: a time word followed by the sentence's own time is a name
            if not (vouched and (more or first)):
                names = None
        if not names:
            if self.lead:
                return False
            token = self.tokens[self.i]
            if not (token.depth and self.groups and self.groups[-1].names):
                self.ok = False  # (湖南师范大学教授) after a name is its note, not an error
            if current is not None and current.role and not current.names and not token.depth:
                # 记者走进景区，采访游客: the role opened a sentence; it vouches for nothing after.
                self.current = None
            self.consume()
            return True
        if current is None or current.closed or self.source:
            current = self.start_group()
        current.names.extend(names)
        self.consume()
        if photo:
            self.mark_photo(self.i)
        return True


def _joint(word):
    """The second name of a joint unit (X/凤网讯): a unit, or a site or paper of two characters."""
    unit = _unit_of(_strip_quotes(word))
    return _is_unit(unit) or (len(unit) == 2 and _HAN.match(unit) and unit[-1] in "网报台")


def _is_collective_source(word):
    source = word[:-2]
    return not source or _is_unit(source) or source in ("受访者", "通讯员", "作者", "本报")


def _is_post_mark(tokens, index):
    """Whether the token at ``index`` is a mark after a slash (张三/文) ending its group."""
    if index >= len(tokens):
        return False
    token = tokens[index]
    if token.kind not in ("word", "role", "combo") or token.text not in (
        *TEXT_MARKS,
        *PHOTO_MARKS,
        *COMBO_ROLES,
    ):
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is None or following.spaced or following.kind in ("close", "mark")


def _apply_post(group, mark):
    if mark in TEXT_MARKS:
        group.text_role = True
        group.role = group.role or mark
    elif mark in COMBO_ROLES:
        group.role = group.role or mark
        group.photo = True
    else:
        group.photo = True
        if mark != PHOTO_MARK:
            group.role = group.role or mark


def _read(norm, start, end, *, strict, lead=False, roles=(), marked=False):
    return _Reader(_tokens(norm, start, end, roles), strict, lead, marked).read()


# How often (in jieba's counts) a common word may occur and still be read as a name glued
# to a role (甘露 147, 连线 162; 文章 6728, 调查 8332 are words).
MAX_GLUED_WORD_NAME = 1000


def _role_glued_after_names(current, following):
    """A role word glued to the word before it, in a group that has its names already."""
    return (
        current is not None
        and bool(current.names)
        and following is not None
        and following.kind == "role"
        and not following.spaced
    )
