"""What the page parser finds: plain dataclasses, saved by ``store`` and shown by ``report``."""

from dataclasses import dataclass, field

from articles.credits import Credit
from articles.models import Article

# The story kinds are the model's: a parsed story's kind is what the store saves.
Kind = Article.Kind


@dataclass
class ParsedPhoto:
    caption: str
    credits: list[Credit]
    line: int = 0


@dataclass
class ParsedRoster:
    title: str
    stated_count: int
    names: list[str]
    line: int = 0

    @property
    def count_matches(self):
        return self.stated_count == len(self.names)


@dataclass
class ParsedArticle:
    headline: str
    kicker: str = ""
    subheadline: str = ""
    dateline: str = ""
    kind: str = Kind.NEWS
    districts: tuple[str, ...] = ()
    credits: list[Credit] = field(default_factory=list)
    body: list[dict] = field(default_factory=list)
    photos: list[ParsedPhoto] = field(default_factory=list)
    rosters: list[ParsedRoster] = field(default_factory=list)
    main_article: int | None = None  # index on the page of the story this one belongs to
    line: int = 0
    column: str = ""  # the column label (栏目) printed above the title
    editor_note: str = ""  # 编者按, kept apart from the reporter's text
    jumps: list[str] = field(default_factory=list)  # 下转第2版, 上接第1版: kept out of the body
    author_note: str = ""  # （作者为…）, kept out of the body

    @property
    def title(self):
        return " ".join(part for part in (self.kicker, self.headline, self.subheadline) if part)


@dataclass(frozen=True)
class SkippedLine:
    """A line that belongs to no story, and why it was left out.

    ``reason`` is one of ``SKIP_REASONS``.
    """

    line: int
    text: str
    reason: str


SKIP_REASONS = (
    "running_head",
    "masthead",
    "teaser",
    "page_number",
    "page_list",
    "copyright",
    "jump",
    "noise",
    "staff",
    "other",
)


@dataclass
class ParsedPage:
    name: str = ""
    section: str = ""
    staff: dict[str, str] = field(default_factory=dict)
    articles: list[ParsedArticle] = field(default_factory=list)
    line: int = 0
    skipped: list[SkippedLine] = field(default_factory=list)
    # What the page's running head printed: date (datetime.date or None), name, label.
    running_head: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # worded for a person, translated
    staff_credits: list[Credit] = field(default_factory=list)  # every staff line, as printed

    @property
    def date(self):
        """The date the running head printed (None if it printed none)."""
        return self.running_head.get("date")

    @property
    def label(self):
        """The page label the running head printed (A06, 第2版), else ""."""
        return self.running_head.get("label") or ""

    @property
    def lead_article(self):
        return next((s for s in self.articles if s.kind != Kind.COMMENTARY), None)
