"""Saving parsed page text: the one step of the import that writes to the database.

``import_pages`` takes ``ParsedPage`` objects (from ``page_text``), the edition
date and one label per page, checks that every value fits its column
(``limits.py``), then creates or updates the edition, pages, sections, roles,
people, stories, bylines, photos and rosters in one transaction.  Importing the
same text again updates the same rows and writes nothing that already holds.

A dry run walks the same code without writing: the rows it would create stand in
unsaved (no key), and the comparison that decides whether a story changes stops
at the first difference instead of writing it.  So its report is what a real run
would do, at the cost of reading (a 10,000-story file in seconds, where writing
and rolling back took minutes).  What it did is an ``ImportReport``
(``report.py``); which stored role a printed credit names, and whether its people
are staff, is decided in ``roles.py``.
"""

import io
import re
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles import editorial
from articles.editorial import workflow
from articles.imports.limits import check_limits
from articles.imports.report import ImportReport, article_report, page_report, roster_problems
from articles.imports.roles import RoleBook, is_staff_role
from articles.models import (
    Article,
    AwardRoster,
    Byline,
    Edition,
    Page,
    Photo,
    RosterEntry,
    Section,
)
from articles.print_labels import LayoutError, check_page_label, parse_edition_date
from people.models import Person

PLACEHOLDER_IMAGE = "photos/import/placeholder.jpg"
# Stored pages whose stories are read in one query (with one per part).
PAGES_PER_QUERY = 100
PLACEHOLDER_SIZE = (1200, 800)


def check_importer(user):
    """Refuse an import by someone who may not file stories and place them on pages."""
    if user is None or not (
        user.is_active
        and user.has_perm("articles.add_article")
        and user.has_perm("articles.change_page")
        and workflow.can_place(user)
    ):
        raise LayoutError(_("Only layout staff may import pages (filing and placing stories)."))


def import_pages(
    pages,
    edition_date,
    labels,
    *,
    user,
    dry_run=False,
    accept_roster_mismatch=False,
    correction_note="",
    deadline=None,
    progress=None,
):
    """Create or update ``pages`` as ``labels`` of the edition of ``edition_date``, as ``user``.

    Raises ``LayoutError`` (and writes nothing) for a user who may not import, a
    label count that differs from the pages found, a malformed label, a value
    that would not fit its column and, unless ``accept_roster_mismatch``, a
    roster whose count does not match; also when ``deadline`` (a
    ``time.monotonic()`` value) passes.  Published stories change only with
    ``correction_note`` from a user who may correct; otherwise they are reported
    as kept.  ``progress(done, total)`` is called before the first story (done 0)
    and after each.
    """
    check_importer(user)
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
    check_limits(pages)
    report = ImportReport(edition=edition_date.isoformat(), dry_run=dry_run)
    report.problems = roster_problems(pages)
    if report.problems and not (dry_run or accept_roster_mismatch):
        refuse_roster_mismatch(report.problems)
    writer = _Writer(report, RoleBook(), dry_run, user, correction_note, deadline, progress)
    if dry_run:
        writer.run(pages, edition_date, labels)
        return report
    with transaction.atomic():
        writer.run(pages, edition_date, labels)
    return report


def refuse_roster_mismatch(problems):
    raise LayoutError(
        _("Roster counts do not match; nothing was saved. Accept them explicitly to import:")
        + " "
        + "；".join(problems)
    )


@dataclass
class _Parts:
    """What a stored story's parts hold, as plain values in the order they print."""

    photos: list = field(default_factory=list)  # (pk, caption, order)
    bylines: list = field(default_factory=list)  # (person, role, unit, photo, order) keys
    rosters: list = field(default_factory=list)  # (title, stated count, order, [names])


def _key(row):
    """A row's key for comparisons: an unsaved row (a dry run's new one) equals no stored key."""
    if row is None:
        return None
    return row.pk if row.pk is not None else ("new", id(row))


class _Writer:
    def __init__(
        self, report, roles, dry_run, user, correction_note="", deadline=None, progress=None
    ):
        self.report = report
        self.roles = roles
        self.dry_run = dry_run
        self.user = user
        self.correction_note = (correction_note or "").strip()
        self.deadline = deadline
        self.progress = progress
        self.people = {}
        self.parts = {}
        self.known_people = {}
        self.sections = {}
        self.publication = settings.NEWSROOM_PUBLICATION
        self.done = self.total = 0

    def run(self, pages, edition_date, labels):
        self.total = sum(len(page.articles) for page in pages)
        if self.progress is not None:
            self.progress(0, self.total)
        self.preload(pages)
        for page in pages:
            for parsed_article in page.articles:
                for credit in self._credits(parsed_article):
                    self.roles.of(credit)
        self.report.roles_new = sorted(self.roles.new)
        if not self.dry_run:
            self.roles.save_new()
        edition = Edition.objects.filter(date=edition_date).first()
        self.report.edition_created = edition is None
        if edition is None:
            edition = Edition(date=edition_date)
            self._save(edition)
        self.stored_pages = (
            {}
            if edition.pk is None
            else {p.label: p for p in Page.objects.filter(edition=edition, label__in=labels)}
        )
        self.existing = self._existing([p.pk for p in self.stored_pages.values()])
        for page, label in zip(pages, labels, strict=True):
            self.page(edition, page, label)

    def _existing(self, page_keys):
        """The stories on the stored pages by page, and what their parts hold (``_Parts``):
        five plain queries for every hundred pages, no model instance for a part.  A dry
        run leaves out the stored renderings it never reads."""
        found = {}
        for start in range(0, len(page_keys), PAGES_PER_QUERY):
            keys = page_keys[start : start + PAGES_PER_QUERY]
            stories = Article.objects.filter(page_id__in=keys).order_by(
                "page_id", "page_position", "pk"
            )
            if self.dry_run:
                stories = stories.defer("rendered", "listing")
            for article in stories:
                found.setdefault(article.page_id, []).append(article)
                self.parts[article.pk] = _Parts()
            on_pages = {"article__page_id__in": keys}
            for article_id, *photo in (
                Photo.objects.filter(**on_pages)
                .order_by("order", "pk")
                .values_list("article_id", "pk", "caption", "order")
            ):
                self.parts[article_id].photos.append(tuple(photo))
            for article_id, *key in Byline.objects.filter(**on_pages).values_list(
                "article_id", "person_id", "role_id", "unit", "photo_id", "order"
            ):
                self.parts[article_id].bylines.append(tuple(key))
            rosters = {}
            for article_id, pk, title, stated, order in (
                AwardRoster.objects.filter(**on_pages)
                .order_by("order", "pk")
                .values_list("article_id", "pk", "title", "stated_count", "order")
            ):
                rosters[pk] = (title, stated, order, [])
                self.parts[article_id].rosters.append(rosters[pk])
            for roster_id, name in (
                RosterEntry.objects.filter(roster__article__page_id__in=keys)
                .order_by("order", "pk")
                .values_list("roster_id", "name")
            ):
                rosters[roster_id][3].append(name)
        return found

    def _save(self, row):
        if not self.dry_run:
            row.save()

    # Reference rows ------------------------------------------------------------
    @staticmethod
    def _credits(parsed_article):
        return [*parsed_article.credits, *(c for p in parsed_article.photos for c in p.credits)]

    def preload(self, pages):
        """Fetch every person and section the pages name in two queries."""
        names, sections = set(), set()
        for page in pages:
            names.update(page.staff.values())
            sections.add(page.section)
            for parsed_article in page.articles:
                sections.update(parsed_article.districts)
                credits = self._credits(parsed_article)
                names.update(name for credit in credits for name in credit.names)
        self.known_people = {}
        for person in Person.objects.filter(name__in=names):
            self.known_people.setdefault(person.name, []).append(person)
        for section in Section.objects.filter(name__in=sections).order_by("pk"):
            self.sections.setdefault(section.name, section)

    def person(self, name, staff):
        key = (name, staff)
        if key in self.people:
            return self.people[key]
        unit = self.publication if staff else ""
        # As Person.objects.named(): those of the unit first, then by disambiguation.
        candidates = sorted(
            self.known_people.get(name, []),
            key=lambda p: (bool(unit) and p.unit != unit, p.disambiguation, p.pk or float("inf")),
        )
        person = candidates[0] if candidates else None
        if person is None:
            person = Person(name=name, unit=unit, is_staff=staff)
            self._save(person)
            self.known_people.setdefault(name, []).append(person)
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
        base = slugify(name, allow_unicode=True) or "section"
        slug, number = base, 1
        while Section.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        section = Section(name=name, slug=slug, kind=kind, parent=parent)
        self._save(section)
        self.sections[name] = section
        return section

    def article_section(self, parsed_article, page_section):
        parent = page_section
        for name in parsed_article.districts:
            parent = self.section(name, parent, Section.Kind.DISTRICT)
        return parent

    def _people_of(self, parsed_article):
        """Find (or make) the people a story credits, in the order the credits print."""
        for credit in self._credits(parsed_article):
            staff = is_staff_role(self.roles.of(credit))
            for name in credit.names:
                self.person(name, staff)

    # Pages and stories -----------------------------------------------------------
    def page(self, edition, parsed, label):
        section = self.section(parsed.section)
        digits = re.sub(r"\D", "", label)
        page = self.stored_pages.get(label)
        created = page is None
        if created:
            page = Page(
                edition=edition,
                label=label,
                name=parsed.name,
                section=section,
                order=int(digits or 0),
            )
            self._save(page)
        wanted = {"name": parsed.name, "section_id": section.pk if section else None}
        for field_name in ("chief_editor", "art_editor", "proofreader"):
            name = parsed.staff.get(field_name)
            wanted[f"{field_name}_id"] = self.person(name, staff=True).pk if name else None
        if not self.dry_run and any(getattr(page, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(page, key, value)
            page.save()
        report = page_report(label, parsed, created)
        self.report.pages.append(report)
        existing = self.existing.pop(page.pk, []) if not created else []
        saved = []
        for position, parsed_article in enumerate(parsed.articles, start=1):
            if self.deadline is not None and time.monotonic() > self.deadline:
                raise LayoutError(
                    _(
                        "The file is too large to import here in time; nothing was saved. "
                        "Import it with the import_page command, or in smaller files."
                    )
                )
            article = self._match(existing, parsed_article, position)
            if article is None and not self.dry_run:
                article = Article(status=Article.Status.DRAFT)
            action = "update" if article is not None and article.pk else "create"
            section_of_article = self.article_section(parsed_article, section)
            self._people_of(parsed_article)
            refusal = self._refusal(article)
            if refusal or self.dry_run:
                # A dry run's new story needs no instance: it is created, whatever it holds.
                changed = article is None or self.write_article(
                    article, parsed_article, page, position, section_of_article, apply=False
                )
                action, reason = ("kept", refusal) if refusal and changed else (action, "")
                saved.append(None)
            else:
                # A story that already holds what the text says is not even opened for
                # change: re-importing a stored edition costs reads only.
                changed = self.write_article(
                    article, parsed_article, page, position, section_of_article, apply=False
                )
                if changed:
                    with editorial.article_change(
                        self.user,
                        article,
                        note=self._note_for(article),
                        comment=_("Imported from page text"),
                    ) as change:
                        changed = self.write_article(
                            article, parsed_article, page, position, section_of_article
                        )
                        change.changed = change.written = changed
                reason = ""
                saved.append(article)
            report.articles.append(
                article_report(action if changed else "unchanged", parsed_article, reason)
            )
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total)
        report.kept = [article.title for article in existing]
        for article, parsed_article in zip(saved, parsed.articles, strict=True):
            if article is None:
                continue
            main = (
                saved[parsed_article.main_article]
                if parsed_article.main_article is not None
                else None
            )
            if article.main_article_id != (main.pk if main else None):
                with editorial.article_change(
                    self.user, article, note=self._note_for(article)
                ) as change:
                    article.main_article = main
                    article.save()
                    change.message = _("Imported from page text")

    def _refusal(self, article):
        """Why the import must leave ``article`` as it is, or "" when it may change it."""
        if article is None or article.pk is None:
            return ""
        refusal = workflow.edit_refusal(self.user, article)
        if refusal:
            return str(refusal)
        if article.is_public and not self.correction_note:
            return _("published: needs a correction note to be changed")
        return ""

    def _note_for(self, article):
        return self.correction_note if article.is_public else ""

    @staticmethod
    def _match(existing, parsed_article, position):
        for article in existing:
            if (
                article.headline == parsed_article.headline
                and article.kicker == parsed_article.kicker
            ):
                existing.remove(article)
                return article
        for article in existing:
            if article.page_position == position:
                existing.remove(article)
                return article
        return None

    def write_article(self, article, parsed_article, page, position, section, apply=True):
        """Create or update one story; returns whether anything was (or, unless ``apply``,
        would be) written.

        Rows that already hold what the text says are left alone, so importing the
        same page again writes nothing (and wakes no signal handlers).  Without
        ``apply`` nothing is written and the answer comes at the first difference.
        """
        fields = {
            "column": parsed_article.column,
            "kicker": parsed_article.kicker,
            "headline": parsed_article.headline,
            "subheadline": parsed_article.subheadline,
            "dateline": parsed_article.dateline,
            "editor_note": parsed_article.editor_note,
            "body": parsed_article.body,
            "author_note": parsed_article.author_note,
            "kind": parsed_article.kind,
            "section_id": _key(section),
            "page_id": _key(page),
            "page_position": position,
        }
        if parsed_article.kind != Article.Kind.COMMENTARY:
            fields["main_article_id"] = None
        is_new = article.pk is None
        changed = is_new or any(getattr(article, key) != value for key, value in fields.items())
        if changed and not apply:
            return True
        if changed:
            for key, value in fields.items():
                setattr(article, key, value)
            article.save()
        old = _Parts() if is_new else self.parts.get(article.pk) or _Parts()
        if len(old.photos) != len(parsed_article.photos) and not apply:
            return True
        extra = [pk for pk, _caption, _order in old.photos[len(parsed_article.photos) :]]
        for photo in Photo.objects.filter(pk__in=extra) if extra else ():
            photo.delete()
            changed = True
        photos, new_photos = [], []
        for order, parsed_photo in enumerate(parsed_article.photos):
            if order < len(old.photos):
                pk, caption, old_order = old.photos[order]
                if (caption, old_order) != (parsed_photo.caption, order):
                    if not apply:
                        return True
                    # An update, not save(): the picture is unchanged, so are its renditions.
                    Photo.objects.filter(pk=pk).update(caption=parsed_photo.caption, order=order)
                    changed = True
                photos.append(pk)
            else:
                photo = self._new_photo(article)
                photo.caption, photo.order = parsed_photo.caption, order
                new_photos.append(photo)
                photos.append(photo)
        if new_photos:
            # Renditions of the placeholder are made when a page first shows them.
            Photo.objects.bulk_create(new_photos)
            changed = True
        photos = [photo.pk if isinstance(photo, Photo) else photo for photo in photos]
        credited = []  # (person, role, unit, photo key, order): rows only when written
        for credit in parsed_article.credits:
            credited.extend(self._credited(credit, None, len(credited)))
        for photo, parsed_photo in zip(photos, parsed_article.photos, strict=True):
            for credit in parsed_photo.credits:
                credited.extend(self._credited(credit, photo, len(credited)))
        wanted = [(_key(person), _key(role), *rest) for person, role, *rest in credited]
        if sorted(old.bylines, key=repr) != sorted(wanted, key=repr):
            if not apply:
                return True
            if old.bylines:
                article.bylines.all().delete()
            Byline.objects.bulk_create(
                Byline(article=article, person=p, role=r, unit=u, photo_id=ph, order=o)
                for p, r, u, ph, o in credited
            )
            changed = True
        wanted_rosters = [
            (r.title, r.stated_count, order, list(r.names))
            for order, r in enumerate(parsed_article.rosters)
        ]
        if wanted_rosters != old.rosters:
            if not apply:
                return True
            if old.rosters:
                article.rosters.all().delete()
            rosters = AwardRoster.objects.bulk_create(
                AwardRoster(article=article, title=title, stated_count=stated, order=order)
                for title, stated, order, _names in wanted_rosters
            )
            RosterEntry.objects.bulk_create(
                RosterEntry(roster=roster, name=name, order=number)
                for roster, (*_head, names) in zip(rosters, wanted_rosters, strict=True)
                for number, name in enumerate(names)
            )
            changed = True
        return changed

    def _credited(self, credit, photo, start):
        """(person, role, unit, photo key, order) for each name of ``credit``."""
        if not credit.names:
            return []  # a credit naming no one (a source, an agency) makes no byline
        role = self.roles.of(credit)
        staff = is_staff_role(role)
        units = [credit.unit] + [""] * (len(credit.names) - 1)
        return [
            (self.person(name, staff), role, unit, photo, start + number)
            for number, (name, unit) in enumerate(zip(credit.names, units, strict=True))
        ]

    def _new_photo(self, article):
        """A photo row for a printed caption: the text carries no picture, so a placeholder."""
        # One shared file, written once (the renditions made when a photo is saved need a
        # picture to read).
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
