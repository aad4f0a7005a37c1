"""What an import did, or would do in a dry run: the report a person reads.

Plain dataclasses filled in by the writer (``store.py``), and the roster checks
that are reported before anything is written.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.print_labels import LayoutError


@dataclass
class ArticleReport:
    action: str  # "create", "update", "unchanged", or "kept" (see reason)
    title: str
    kind: str
    photos: int
    rosters: int
    reason: str = ""  # why a story the file changes was left as it is


@dataclass
class PageReport:
    label: str
    name: str
    created: bool
    articles: list[ArticleReport] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # stories on the page the file does not hold


@dataclass
class ImportReport:
    edition: str
    dry_run: bool
    edition_created: bool = False
    pages: list[PageReport] = field(default_factory=list)
    people_new: list[str] = field(default_factory=list)
    people_matched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def article_count(self):
        return sum(len(page.articles) for page in self.pages)

    @property
    def kept(self):
        """Stories the file would change but that were left as they are, with the reason."""
        return [
            article for page in self.pages for article in page.articles if article.action == "kept"
        ]

    def lines(self):
        """The report as lines a person reads (translated)."""
        out = []
        head = _("Dry run, nothing saved") if self.dry_run else _("Imported")
        state = _("new") if self.edition_created else _("exists")
        out.append(f"{head}：{_('edition')} {self.edition}（{state}）")
        for page in self.pages:
            state = _("new") if page.created else _("exists")
            out.append(f"{_('page')} {page.label} {page.name}（{state}）")
            for article in page.articles:
                verb = {
                    "create": _("create"),
                    "update": _("update"),
                    "kept": _("left as it is"),
                }.get(article.action, _("unchanged"))
                extra = []
                if article.photos:
                    extra.append(
                        ngettext("%(n)d photo", "%(n)d photos", article.photos)
                        % {"n": article.photos}
                    )
                if article.rosters:
                    extra.append(
                        ngettext("%(n)d roster", "%(n)d rosters", article.rosters)
                        % {"n": article.rosters}
                    )
                if article.reason:
                    extra.append(article.reason)
                suffix = f"（{'，'.join(extra)}）" if extra else ""
                out.append(f"  {verb}：{article.title}{suffix}")
            for title in page.kept:
                out.append(f"  {_('kept, not in the file')}：{title}")
        out.append(_("People, new: %(names)s") % {"names": "、".join(self.people_new) or "—"})
        out.append(
            _("People, matched: %(names)s") % {"names": "、".join(self.people_matched) or "—"}
        )
        out.extend(self.problems)
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
