"""Whether every value a parsed page would store fits its column, checked before any write.

A headline of 300 characters, a name of 60, a role word of 40 or a roster that
states 99999999999999999999 names would be cut, refused or overflow differently
by each database (SQLite stores what it is given; PostgreSQL refuses it in the
middle of the import).  ``check_limits`` reads the limits from the models'
fields (lengths, and the integer ranges Django documents for every database, not
the running one's) and raises one ``LayoutError`` naming the line, the field and
the limit, so the import is refused the same way everywhere and nothing is written.
"""

from functools import cache

from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from articles.imports.roles import role_name
from articles.models import Article, AwardRoster, Byline, Page, Role, RosterEntry, Section
from articles.print_labels import LayoutError
from people.models import Person

# How much of an offending value the message quotes.
QUOTE = 40


@cache
def max_length(model, name):
    return model._meta.get_field(name).max_length


@cache
def integer_range(model, name):
    """The range Django gives the field on every database (SQLite would store more)."""
    internal = model._meta.get_field(name).get_internal_type()
    return BaseDatabaseOperations.integer_field_ranges[internal]


def _quoted(value):
    value = str(value)
    return value if len(value) <= QUOTE else value[:QUOTE] + "…"


def _too_long(what, value, limit, line):
    return LayoutError(
        _("%(what)s is longer than %(limit)d characters (%(length)d)")
        % {"what": _(what), "limit": limit, "length": len(value)},
        line=line or None,
        text=_quoted(value),
    )


def _check_length(what, value, model, name, line):
    """``what`` is the untranslated label, translated only for an error."""
    limit = max_length(model, name)
    if value and len(value) > limit:
        raise _too_long(what, value, limit, line)


def _check_number(what, value, model, name, line, text=""):
    low, high = integer_range(model, name)
    if not low <= value <= high:
        raise LayoutError(
            _("%(what)s is out of range (%(low)d to %(high)d)")
            % {"what": _(what), "low": low, "high": high},
            line=line or None,
            text=_quoted(text or value),
        )


def _credits(article):
    yield from ((credit, article.line) for credit in article.credits)
    for photo in article.photos:
        yield from ((credit, photo.line or article.line) for credit in photo.credits)


def check_limits(pages):
    """Raise ``LayoutError`` for the first value of ``pages`` (parsed) that would not fit."""
    for page in pages:
        _check_length(N_("The page name"), page.name, Page, "name", page.line)
        _check_length(N_("The section name"), page.section, Section, "name", page.line)
        for name in page.staff.values():
            _check_length(N_("A name"), name, Person, "name", page.line)
        _check_number(
            N_("The number of stories on a page"),
            len(page.articles),
            Article,
            "page_position",
            page.line,
        )
        for article in page.articles:
            _check_article(article)


def _check_article(article):
    line = article.line
    _check_length(N_("The column label"), article.column, Article, "column", line)
    _check_length(N_("The kicker"), article.kicker, Article, "kicker", line)
    _check_length(N_("The headline"), article.headline, Article, "headline", line)
    _check_length(N_("The subheadline"), article.subheadline, Article, "subheadline", line)
    _check_length(N_("The dateline"), article.dateline, Article, "dateline", line)
    _check_length(N_("The author's note"), article.author_note, Article, "author_note", line)
    for district in article.districts:
        _check_length(N_("The section name"), district, Section, "name", line)
    count = len(article.credits) + sum(len(p.credits) for p in article.photos)
    names = sum(len(c.names) for c, _line in _credits(article))
    _check_number(N_("The number of credited names"), max(count, names), Byline, "order", line)
    for credit, credit_line in _credits(article):
        _check_length(N_("The role word"), role_name(credit), Role, "name", credit_line)
        _check_length(N_("The unit"), credit.unit, Byline, "unit", credit_line)
        for name in credit.names:
            _check_length(N_("A name"), name, Person, "name", credit_line)
    for roster in article.rosters:
        rline = roster.line or line
        _check_length(N_("The roster title"), roster.title, AwardRoster, "title", rline)
        _check_number(
            N_("The roster's stated count"),
            roster.stated_count,
            AwardRoster,
            "stated_count",
            rline,
            text=roster.title,
        )
        _check_number(N_("The number of names"), len(roster.names), RosterEntry, "order", rline)
        for name in roster.names:
            _check_length(N_("A name"), name, RosterEntry, "name", rline)
    for what, number in (
        (N_("The number of photos"), len(article.photos)),
        (N_("The number of rosters"), len(article.rosters)),
    ):
        _check_number(what, number, AwardRoster, "order", line)
