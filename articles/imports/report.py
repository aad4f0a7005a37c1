"""What an import did, or would do in a dry run: the report a person reads.

Plain dataclasses filled in by the writer (``store.py``) from what the parser
found: per story its kind, title parts, dateline, credits by role, photos,
rosters, paragraphs and the pieces kept out of the body; per page the lines that
belong to no story and why.  ``ImportReport.lines()`` is the command's text; the
admin shows the same data as tables (``templates/admin/articles/layout_import.html``).
Plain values only, so a report travels as JSON (``as_dict``/``from_dict``) from the
background worker that saves a large file to the page that shows its result.
"""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.imports.roles import role_name
from articles.models import Article
from articles.print_labels import LayoutError

# The parser's codes for lines that belong to no story (page_text.SKIP_REASONS).
SKIP_REASON_LABELS = {
    "running_head": "running head",
    "masthead": "masthead",
    "teaser": "teaser for another page",
    "page_number": "page number",
    "page_list": "list of pages",
    "copyright": "copyright line",
    "jump": "jump line",
    "noise": "typographic mark",
    "staff": "staff line",
    "other": "not part of a story",
}
STAFF_LABELS = {
    "chief_editor": "editor in charge",
    "art_editor": "art editor",
    "proofreader": "proofreader",
}


def skip_reason_label(code):
    return _(SKIP_REASON_LABELS.get(code, SKIP_REASON_LABELS["other"]))


def kind_label(kind):
    try:
        return str(Article.Kind(kind).label)
    except ValueError:
        return kind


def _grouped(credits):
    """[[role, [names…]], …] in the order the roles first print, each name once per role."""
    groups = {}
    for credit in credits:
        names = groups.setdefault(role_name(credit), [])
        names.extend(name for name in credit.names if name not in names)
    return [[role, names] for role, names in groups.items()]


def _credit_text(groups):
    return "；".join(f"{role}：{'、'.join(names)}" for role, names in groups)


@dataclass
class ArticleReport:
    action: str  # "create", "update", "unchanged", or "kept" (see reason)
    title: str
    kind: str
    photos: list = field(default_factory=list)  # [{"caption", "credits"}]
    rosters: list = field(default_factory=list)  # [{"title", "stated", "names", "line"}]
    reason: str = ""  # why a story the file changes was left as it is
    kicker: str = ""
    headline: str = ""
    subheadline: str = ""
    column: str = ""
    dateline: str = ""
    credits: list = field(default_factory=list)  # [[role, [names]]]
    units: list = field(default_factory=list)
    paragraphs: int = 0
    intertitles: int = 0
    editor_note: str = ""
    author_note: str = ""
    jumps: list = field(default_factory=list)
    line: int = 0

    @property
    def kind_label(self):
        return kind_label(self.kind)

    @property
    def action_label(self):
        return {
            "create": _("create"),
            "update": _("update"),
            "kept": _("left as it is"),
        }.get(self.action, _("unchanged"))

    @property
    def credit_text(self):
        return _credit_text(self.credits)

    @property
    def rosters_mismatched(self):
        return [r for r in self.rosters if r["stated"] != len(r["names"])]


def article_report(action, parsed, reason=""):
    """The report of one parsed story (``page_text.ParsedArticle``)."""
    body = parsed.body
    units = []
    for credit in [*parsed.credits, *(c for p in parsed.photos for c in p.credits)]:
        if credit.unit and credit.unit not in units:
            units.append(credit.unit)
    return ArticleReport(
        action=action,
        title=parsed.title,
        kind=parsed.kind,
        photos=[
            {"caption": photo.caption, "credits": _grouped(photo.credits), "line": photo.line}
            for photo in parsed.photos
        ],
        rosters=[
            {
                "title": roster.title,
                "stated": roster.stated_count,
                "names": list(roster.names),
                "line": roster.line,
            }
            for roster in parsed.rosters
        ],
        reason=reason,
        kicker=parsed.kicker,
        headline=parsed.headline,
        subheadline=parsed.subheadline,
        column=getattr(parsed, "column", ""),
        dateline=parsed.dateline,
        credits=_grouped(parsed.credits),
        units=units,
        paragraphs=sum(1 for block in body if block.get("type") in ("paragraph", "verse")),
        intertitles=sum(1 for block in body if block.get("type") == "intertitle"),
        editor_note=getattr(parsed, "editor_note", ""),
        author_note=getattr(parsed, "author_note", ""),
        jumps=list(getattr(parsed, "jumps", [])),
        line=parsed.line,
    )


@dataclass
class PageReport:
    label: str
    name: str
    created: bool
    articles: list[ArticleReport] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # stories on the page the file does not hold
    staff: list = field(default_factory=list)  # [[field, name]]
    skipped: list = field(default_factory=list)  # [{"line", "text", "reason"}]
    problems: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def staff_text(self):
        return "；".join(f"{_(STAFF_LABELS[key])}：{name}" for key, name in self.staff)

    @property
    def summary(self):
        counts = {}
        for article in self.articles:
            counts[article.action_label] = counts.get(article.action_label, 0) + 1
        return "，".join(f"{label}{count}" for label, count in counts.items())

    @property
    def titles_text(self):
        return "；".join(article.title for article in self.articles)

    @property
    def skipped_lines(self):
        """(line, text, reason as a person reads it) for each line left out."""
        return [(s["line"], s["text"], skip_reason_label(s["reason"])) for s in self.skipped]


def page_report(label, parsed, created):
    """The report of one parsed page (``page_text.ParsedPage``), its stories added later."""
    return PageReport(
        label=label,
        name=parsed.name,
        created=created,
        staff=[[key, name] for key, name in parsed.staff.items() if name],
        skipped=[
            {"line": s.line, "text": s.text, "reason": s.reason}
            for s in getattr(parsed, "skipped", [])
        ],
        problems=[str(problem) for problem in getattr(parsed, "problems", [])],
        line=parsed.line,
    )


@dataclass
class ImportReport:
    edition: str
    dry_run: bool
    edition_created: bool = False
    pages: list[PageReport] = field(default_factory=list)
    people_new: list[str] = field(default_factory=list)
    people_matched: list[str] = field(default_factory=list)
    roles_new: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def article_count(self):
        return sum(len(page.articles) for page in self.pages)

    def count(self, action):
        return sum(1 for page in self.pages for a in page.articles if a.action == action)

    @property
    def to_write(self):
        """How many stories a save creates or updates."""
        return self.count("create") + self.count("update")

    @property
    def kept(self):
        """Stories the file would change but that were left as they are, with the reason."""
        return [
            article for page in self.pages for article in page.articles if article.action == "kept"
        ]

    @property
    def all_problems(self):
        return [*self.problems, *(p for page in self.pages for p in page.problems)]

    def as_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        pages = [
            PageReport(
                **{
                    **page,
                    "articles": [ArticleReport(**article) for article in page["articles"]],
                }
            )
            for page in data["pages"]
        ]
        return cls(**{**data, "pages": pages})

    def summary(self):
        """One line: how many stories are created, updated, unchanged and kept."""
        return _(
            "%(total)d stories: %(create)d new, %(update)d updated, "
            "%(unchanged)d unchanged, %(kept)d left as they are"
        ) % {
            "total": self.article_count,
            "create": self.count("create"),
            "update": self.count("update"),
            "unchanged": self.count("unchanged"),
            "kept": self.count("kept"),
        }

    def lines(self):
        """The report as lines a person reads (translated): the command prints these."""
        out = []
        labels = _part_labels()
        head = _("Dry run, nothing saved") if self.dry_run else _("Imported")
        state = _("new") if self.edition_created else _("exists")
        out.append(f"{head}：{_('edition')} {self.edition}（{state}）")
        out.append(self.summary())
        for page in self.pages:
            state = _("new") if page.created else _("exists")
            out.append(f"{_('page')} {page.label} {page.name}（{state}）")
            if page.staff:
                out.append(f"  {page.staff_text}")
            for article in page.articles:
                out.extend(_article_lines(article, labels))
            for title in page.kept:
                out.append(f"  {_('kept, not in the file')}：{title}")
            for line, text, reason in page.skipped_lines:
                out.append(
                    "  "
                    + _("Skipped, line %(line)d (%(reason)s): %(text)s")
                    % {"line": line, "reason": reason, "text": text}
                )
            out.extend(f"  {problem}" for problem in page.problems)
        if self.roles_new:
            out.append(_("Roles, new: %(names)s") % {"names": "、".join(self.roles_new)})
        out.append(_("People, new: %(names)s") % {"names": "、".join(self.people_new) or "—"})
        out.append(
            _("People, matched: %(names)s") % {"names": "、".join(self.people_matched) or "—"}
        )
        out.extend(self.problems)
        return out


def _part_labels():
    """The labels of a story's parts, in the order the report prints them: translated once
    per report (a 10,000-story report has 100,000 parts)."""
    return (
        _("column label"),
        _("kicker"),
        _("headline"),
        _("subheadline"),
        _("dateline"),
        _("unit"),
        _("credits by role"),
        _("editor's note"),
        _("author's note"),
        _("jump lines"),
    )


def _article_lines(article, labels):
    extra = [article.kind_label]
    if article.paragraphs:
        extra.append(
            ngettext("%(n)d paragraph", "%(n)d paragraphs", article.paragraphs)
            % {"n": article.paragraphs}
        )
    if article.photos:
        extra.append(
            ngettext("%(n)d photo", "%(n)d photos", len(article.photos))
            % {"n": len(article.photos)}
        )
    if article.rosters:
        extra.append(
            ngettext("%(n)d roster", "%(n)d rosters", len(article.rosters))
            % {"n": len(article.rosters)}
        )
    if article.reason:
        extra.append(article.reason)
    out = [f"  {article.action_label}：{article.title}（{'，'.join(extra)}）"]
    values = (
        article.column,
        article.kicker,
        article.headline,
        article.subheadline,
        article.dateline,
        "、".join(article.units),
        article.credit_text,
        article.editor_note,
        article.author_note,
        "、".join(article.jumps),
    )
    parts = zip(labels, values, strict=True)
    out.extend(f"    {label}：{value}" for label, value in parts if value)
    for photo in article.photos:
        credit = _credit_text(photo["credits"]) or "—"
        out.append(f"    {_('photo')}：{photo['caption'] or '—'}（{credit}）")
    for roster in article.rosters:
        out.append(
            f"    {_('roster')}：{roster['title']}（"
            + _("states %(stated)d, lists %(actual)d")
            % {"stated": roster["stated"], "actual": len(roster["names"])}
            + "）"
        )
    return out


def roster_problems(pages):
    """Messages for every roster whose stated count differs from its names."""
    problems = []
    for page in pages:
        for article in page.articles:
            for roster in article.rosters:
                if not roster.count_matches:
                    problems.append(
                        LayoutError(
                            _("The roster states %(stated)d names but lists %(actual)d")
                            % {"stated": roster.stated_count, "actual": len(roster.names)},
                            line=roster.line,
                            text=roster.title,
                        ).describe()
                    )
    return problems
