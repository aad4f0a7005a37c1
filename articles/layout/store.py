"""Saving parsed page text: the one step of the import that writes to the database.

``import_pages`` takes ``ParsedPage`` objects (from ``page_text``), the edition
date and one label per page, and creates or updates the edition, pages,
sections, people, stories, bylines, photos and rosters in one transaction.  A
dry run does the same work and rolls it back, so its report is exactly what a
real run would do.  Importing the same text again updates the same rows.
"""

import datetime
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from people.models import Person

from ..models import Article, AwardRoster, Byline, Edition, Page, Photo, Role, RosterEntry, Section
from .errors import LayoutError
from .page_text import COMMENTARY, PHOTO

PAGE_LABEL = re.compile(r"^[A-Z]{0,2}\d{1,3}$")
# Data: roles whose people are outside contributors, not the paper's staff.
CONTRIBUTOR_ROLES = {"通讯员", "特约通讯员"}
# Data: printed photo credits that name no stored role.
PHOTO_ROLE = "摄影"
PHOTO_ROLE_ALIASES = {"", "文/图", "图/文"}
PLACEHOLDER_IMAGE = "photos/import/placeholder.jpg"
PLACEHOLDER_SIZE = (1200, 800)


def parse_edition_date(text):
    """``2023-12-26`` → date; anything else raises ``LayoutError``."""
    try:
        return datetime.date.fromisoformat(str(text).strip())
    except ValueError:
        raise LayoutError(
            _("Malformed edition date; write it as YYYY-MM-DD."), text=str(text)
        ) from None


def check_page_label(label):
    if not PAGE_LABEL.match(label or ""):
        raise LayoutError(_("Malformed page label; write it like A05."), text=label or "")
    return label


@dataclass
class StoryReport:
    action: str  # "create" or "update"
    title: str
    kind: str
    photos: int
    rosters: int


@dataclass
class PageReport:
    label: str
    name: str
    created: bool
    stories: list[StoryReport] = field(default_factory=list)


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
    def story_count(self):
        return sum(len(page.stories) for page in self.pages)

    def lines(self):
        """The report as lines a person reads (translated)."""
        out = []
        head = _("Dry run, nothing saved") if self.dry_run else _("Imported")
        state = _("new") if self.edition_created else _("exists")
        out.append(f"{head}：{_('edition')} {self.edition}（{state}）")
        for page in self.pages:
            state = _("new") if page.created else _("exists")
            out.append(f"{_('page')} {page.label} {page.name}（{state}）")
            for story in page.stories:
                verb = _("create") if story.action == "create" else _("update")
                extra = []
                if story.photos:
                    extra.append(
                        ngettext("%(n)d photo", "%(n)d photos", story.photos) % {"n": story.photos}
                    )
                if story.rosters:
                    extra.append(
                        ngettext("%(n)d roster", "%(n)d rosters", story.rosters)
                        % {"n": story.rosters}
                    )
                suffix = f"（{'，'.join(extra)}）" if extra else ""
                out.append(f"  {verb}：{story.title}{suffix}")
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
        for story in page.stories:
            for roster in story.rosters:
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


def import_pages(pages, edition_date, labels, *, dry_run=False, accept_roster_mismatch=False):
    """Create or update ``pages`` as ``labels`` of the edition of ``edition_date``.

    Raises ``LayoutError`` (and writes nothing) for a label count that differs
    from the pages found, a malformed label, an unknown role word and, unless
    ``accept_roster_mismatch``, a roster whose count does not match.
    """
    labels = [check_page_label(label) for label in labels]
    if len(labels) != len(pages):
        raise LayoutError(
            _("The file holds %(found)d pages but %(given)d page labels were given.")
            % {"found": len(pages), "given": len(labels)}
        )
    if len(set(labels)) != len(labels):
        raise LayoutError(_("A page label is given twice."), text=" ".join(labels))
    if isinstance(edition_date, str):
        edition_date = parse_edition_date(edition_date)
    report = ImportReport(edition=edition_date.isoformat(), dry_run=dry_run)
    report.problems = roster_problems(pages)
    if report.problems and not (dry_run or accept_roster_mismatch):
        raise LayoutError(
            _("Roster counts do not match; nothing was saved. Accept them explicitly to import:")
            + " "
            + "；".join(report.problems)
        )
    roles = {role.name: role for role in Role.objects.all()}
    _check_roles(pages, roles)
    with transaction.atomic():
        writer = _Writer(report, roles, dry_run)
        edition, report.edition_created = Edition.objects.get_or_create(date=edition_date)
        for page, label in zip(pages, labels, strict=True):
            writer.page(edition, page, label)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _role_name(credit, story_kind):
    if credit.role in PHOTO_ROLE_ALIASES and credit.photo:
        return PHOTO_ROLE
    return credit.role


def _check_roles(pages, roles):
    for page in pages:
        for story in page.stories:
            credits = [(c, story.line) for c in story.credits]
            credits += [(c, photo.line) for photo in story.photos for c in photo.credits]
            for credit, line in credits:
                name = _role_name(credit, story.kind)
                if name not in roles:
                    raise LayoutError(
                        _("Unknown role word; add the role in the admin first"),
                        line=line,
                        text=credit.role or " ".join(credit.names),
                    )


class _Writer:
    def __init__(self, report, roles, dry_run):
        self.report = report
        self.roles = roles
        self.dry_run = dry_run
        self.people = {}
        self.sections = {}
        self.publication = settings.NEWSROOM_PUBLICATION

    # Reference rows ------------------------------------------------------------
    def person(self, name, staff):
        key = (name, staff)
        if key in self.people:
            return self.people[key]
        unit = self.publication if staff else ""
        person = Person.objects.named(name, unit).first()
        if person is None:
            person = Person.objects.create(name=name, unit=unit, is_staff=staff)
            if name not in self.report.people_new:
                self.report.people_new.append(name)
        elif name not in self.report.people_matched and name not in self.report.people_new:
            self.report.people_matched.append(name)
        self.people[key] = person
        return person

    def section(self, name, parent=None, kind=Section.Kind.TOPICAL):
        if not name:
            return None
        if name in self.sections:
            return self.sections[name]
        section = Section.objects.filter(name=name).order_by("pk").first()
        if section is None:
            base = slugify(name, allow_unicode=True) or "section"
            slug, number = base, 1
            while Section.objects.filter(slug=slug).exists():
                number += 1
                slug = f"{base}-{number}"
            section = Section.objects.create(name=name, slug=slug, kind=kind, parent=parent)
        self.sections[name] = section
        return section

    def story_section(self, story, page_section):
        parent = page_section
        for name in story.districts:
            parent = self.section(name, parent, Section.Kind.DISTRICT)
        return parent

    # Pages and stories -----------------------------------------------------------
    def page(self, edition, parsed, label):
        section = self.section(parsed.section)
        digits = re.sub(r"\D", "", label)
        page, created = Page.objects.get_or_create(
            edition=edition,
            label=label,
            defaults={"name": parsed.name, "section": section, "order": int(digits or 0)},
        )
        page.name, page.section = parsed.name, section
        for field_name in ("chief_editor", "art_editor", "proofreader"):
            name = parsed.staff.get(field_name)
            setattr(page, field_name, self.person(name, staff=True) if name else None)
        page.save()
        page_report = PageReport(label, parsed.name, created)
        self.report.pages.append(page_report)
        existing = list(Article.objects.filter(page=page).order_by("page_position", "pk"))
        saved = []
        for position, story in enumerate(parsed.stories, start=1):
            article = self._match(existing, story, position)
            action = "update" if article.pk else "create"
            self.story(article, story, page, position, self.story_section(story, section))
            saved.append(article)
            page_report.stories.append(
                StoryReport(action, story.title, story.kind, len(story.photos), len(story.rosters))
            )
        for article, story in zip(saved, parsed.stories, strict=True):
            main = saved[story.main_story] if story.main_story is not None else None
            if article.main_story_id != (main.pk if main else None):
                article.main_story = main
                article.save(update_fields=["main_story"])

    @staticmethod
    def _match(existing, story, position):
        for article in existing:
            if article.headline == story.headline and article.kicker == story.kicker:
                existing.remove(article)
                return article
        for article in existing:
            if article.page_position == position:
                existing.remove(article)
                return article
        return Article(status=Article.Status.DRAFT)

    def story(self, article, story, page, position, section):
        article.kicker = story.kicker
        article.headline = story.headline
        article.subheadline = story.subheadline
        article.dateline = story.dateline
        article.body = story.body
        article.kind = story.kind
        article.section = section
        article.page = page
        article.page_position = position
        if story.kind != COMMENTARY:
            article.main_story = None
        article.save()
        article.bylines.all().delete()
        bylines = []
        for credit in story.credits:
            bylines.extend(self._bylines(article, credit, story.kind, None, len(bylines)))
        photos = list(article.photos.order_by("order", "pk"))
        for extra in photos[len(story.photos) :]:
            extra.delete()
        for order, parsed_photo in enumerate(story.photos):
            photo = photos[order] if order < len(photos) else self._new_photo(article)
            if photo.pk is None or (photo.caption, photo.order) != (parsed_photo.caption, order):
                # Saving a photo remakes its renditions: only when something changed.
                photo.caption = parsed_photo.caption
                photo.order = order
                photo.save()
            for credit in parsed_photo.credits:
                bylines.extend(self._bylines(article, credit, PHOTO, photo, len(bylines)))
        Byline.objects.bulk_create(bylines)
        article.rosters.all().delete()
        for order, parsed_roster in enumerate(story.rosters):
            roster = AwardRoster.objects.create(
                article=article,
                title=parsed_roster.title,
                stated_count=parsed_roster.stated_count,
                order=order,
            )
            RosterEntry.objects.bulk_create(
                RosterEntry(roster=roster, name=name, order=number)
                for number, name in enumerate(parsed_roster.names)
            )

    def _bylines(self, article, credit, kind, photo, start):
        role = self.roles[_role_name(credit, kind)]
        staff = role.name not in CONTRIBUTOR_ROLES
        return [
            Byline(
                article=article,
                person=self.person(name, staff),
                role=role,
                unit=credit.unit if number == 0 else "",
                photo=photo,
                order=start + number,
            )
            for number, name in enumerate(credit.names)
        ]

    def _new_photo(self, article):
        """A photo row for a printed caption: the text carries no picture, so a placeholder."""
        # One shared file, written once (also by a dry run: it is not data, and the
        # renditions made when a photo is saved need a picture to read).
        if not default_storage.exists(PLACEHOLDER_IMAGE):
            default_storage.save(PLACEHOLDER_IMAGE, ContentFile(placeholder_jpeg()))
        photo = Photo(article=article, width=PLACEHOLDER_SIZE[0], height=PLACEHOLDER_SIZE[1])
        photo.image.name = PLACEHOLDER_IMAGE
        return photo


def placeholder_jpeg():
    """A plain grey JPEG standing in for a picture the imported text does not carry."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", PLACEHOLDER_SIZE, (222, 220, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        (24, 24, PLACEHOLDER_SIZE[0] - 24, PLACEHOLDER_SIZE[1] - 24),
        outline=(150, 146, 138),
        width=4,
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()
