"""Reading a story's saved versions (django-reversion) for history, diffs and conflicts."""

from django.http import Http404
from reversion.models import Version

from .blocks import text_to_blocks
from .diffs import TEXT_FIELDS


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
    raise Http404
