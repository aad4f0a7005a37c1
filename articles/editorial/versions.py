"""Reading a story's saved versions (django-reversion) for history, diffs and conflicts."""

from django.core.exceptions import ObjectDoesNotExist
from reversion.models import Version

from articles.blocks import text_to_blocks
from articles.editorial.diffs import TEXT_FIELDS, diff_html


class VersionNotFound(ObjectDoesNotExist):
    """No saved version of this story has that id (it may be another story's)."""


def _versions(article):
    return Version.objects.get_for_object(article).select_related("revision__user")


def fields_at_revision(article, revision):
    """The field values the story had at ``revision``, or None if no version holds it."""
    for version in _versions(article):
        if version.field_dict.get("revision") == revision:
            return version.field_dict
    return None


def current_fields(article):
    return {name: getattr(article, name) for name in TEXT_FIELDS}


def form_fields(data):
    """The text an editor submitted in the story form (to show them what they wrote)."""
    fields = {name: data.get(name, "") for name in TEXT_FIELDS}
    fields["body"] = text_to_blocks(fields["body"])
    return fields


def editors_since(article, revision):
    """Who saved the story after ``revision``, newest first, without repeats."""
    names = []
    for version in _versions(article):
        if (version.field_dict.get("revision") or 0) > revision and version.revision.user:
            name = version.revision.user.get_full_name() or version.revision.user.get_username()
            if name not in names:
                names.append(name)
    return names


def version_and_previous(article, version_id):
    """The version ``version_id`` of ``article`` and the one saved before it (or None)."""
    versions = list(_versions(article))
    for index, version in enumerate(versions):
        if version.pk == version_id:
            previous = versions[index + 1] if index + 1 < len(versions) else None
            return version, previous
    raise VersionNotFound(version_id)


def parts_of(revision, article_pk):
    """The bylines, photos, rosters and roster names a revision holds for one story."""
    from articles.models import AwardRoster, Byline, Photo, RosterEntry

    parts = {Byline: [], Photo: [], AwardRoster: [], RosterEntry: []}
    for version in revision.version_set.select_related("content_type"):
        model = version.content_type.model_class()
        if model in parts:
            parts[model].append(version._object_version.object)
    rosters = [r for r in parts[AwardRoster] if r.article_id == article_pk]
    roster_pks = {r.pk for r in rosters}
    return {
        "bylines": [b for b in parts[Byline] if b.article_id == article_pk],
        "photos": [p for p in parts[Photo] if p.article_id == article_pk],
        "rosters": rosters,
        "entries": [e for e in parts[RosterEntry] if e.roster_id in roster_pks],
    }


def _parts_text(bylines, photos, rosters, entries):
    from articles.models import Role
    from people.models import Person

    people = dict(
        Person.objects.filter(pk__in={b.person_id for b in bylines}).values_list("pk", "name")
    )
    roles = dict(Role.objects.filter(pk__in={b.role_id for b in bylines}).values_list("pk", "name"))
    names = {}
    for entry in sorted(entries, key=lambda e: (e.order, e.pk)):
        names.setdefault(entry.roster_id, []).append(entry.name)
    ordered = sorted(bylines, key=lambda b: (b.photo_id is not None, b.order, b.pk))
    return {
        "bylines": "\n".join(
            f"{b.unit}{roles.get(b.role_id, '')} {people.get(b.person_id, '')}".strip()
            for b in ordered
        ),
        "photos": "\n".join(p.caption for p in sorted(photos, key=lambda p: (p.order, p.pk))),
        "rosters": "\n".join(
            f"{r.display_title}：{'、'.join(names.get(r.pk, []))}"
            for r in sorted(rosters, key=lambda r: (r.order, r.pk))
        ),
    }


def parts_changes(article, version):
    """Per kind of part that differs between the story now and ``version``: (label, diff)."""
    from articles.models import AwardRoster, Byline, Photo

    then = parts_of(version.revision, article.pk)
    now = _parts_text(
        list(article.bylines.all()),
        list(article.photos.all()),
        list(article.rosters.all()),
        [entry for roster in article.rosters.all() for entry in roster.entries.all()],
    )
    then = _parts_text(then["bylines"], then["photos"], then["rosters"], then["entries"])
    labels = {
        "bylines": Byline._meta.verbose_name_plural,
        "photos": Photo._meta.verbose_name_plural,
        "rosters": AwardRoster._meta.verbose_name_plural,
    }
    return [(labels[key], diff_html(now[key], then[key])) for key in now if now[key] != then[key]]
