"""Which stored role a printed credit names, and whether its people are staff.

The page text prints role words (全媒体记者, 通讯员, 文/图…); the import saves
bylines with the ``Role`` rows of the same name, and files the people of a
contributor role as outside contributors rather than the paper's staff.
"""

from django.utils.translation import gettext as _

from articles.print_labels import LayoutError

# Data: roles whose people are outside contributors, not the paper's staff.
CONTRIBUTOR_ROLES = {"通讯员", "特约通讯员"}
# Data: printed photo credits that name no stored role.
PHOTO_ROLE = "摄影"
PHOTO_ROLE_ALIASES = {"", "文/图", "图/文"}


def role_name(credit):
    """The name of the stored role ``credit`` (a parsed ``Credit``) is saved with.

    A photo credit printed with no role, or as 文/图, is the photographer's role.
    """
    if credit.role in PHOTO_ROLE_ALIASES and credit.photo:
        return PHOTO_ROLE
    return credit.role


def is_staff_role(role):
    """Whether people credited in ``role`` (a ``Role``) are the paper's staff."""
    return role.name not in CONTRIBUTOR_ROLES


def check_roles(pages, roles):
    """Refuse ``pages`` (parsed) if a credit names a role missing from ``roles`` (by name)."""
    for page in pages:
        for article in page.articles:
            credits = [(c, article.line) for c in article.credits]
            credits += [(c, photo.line) for photo in article.photos for c in photo.credits]
            for credit, line in credits:
                if role_name(credit) not in roles:
                    raise LayoutError(
                        _("Unknown role word; add the role in the admin first"),
                        line=line,
                        text=credit.role or " ".join(credit.names),
                    )
