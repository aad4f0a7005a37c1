"""Which stored role a printed credit names, and whether its people are staff.

The page text prints role words (全媒体记者, 通讯员, 文/图, 首席记者, 线索提供…); the
import saves bylines with the ``Role`` row of the same name.  The list is open: a
word no row has yet becomes a new role (which the newsroom sees in the admin and
may rename: the word stays its printed label, by which later imports still find
it), never an error.  People credited in a contributor-like role are filed as
outside contributors rather than the paper's staff.
"""

from functools import cache

from articles.models import Role

# Data: roles whose people are outside contributors, not the paper's staff, and the
# marks that make a new role word one (特约记者, 线索提供, 供稿…).
CONTRIBUTOR_ROLES = {"通讯员", "特约通讯员"}
CONTRIBUTOR_MARKS = ("通讯员", "线索", "特约", "供稿", "供图", "来源")
# Data: printed photo credits that name no stored role, and words of a photo role.
PHOTO_ROLE = "摄影"
PHOTO_ROLE_ALIASES = {"", "文/图", "图/文", "图", "图片", "摄"}
PHOTO_MARKS = ("摄影", "摄像记者")
# Data: the role of a name printed with no role word (a bare byline, a name after a
# paper's name): it prints the names alone.
NO_ROLE = "署名"
# New roles sort after the newsroom's own.
NEW_ROLE_ORDER = 1000


def role_name(credit):
    """The name of the stored role ``credit`` (a parsed ``Credit``) is saved with.

    A photo credit printed with no role, or as 文/图, is the photographer's role; a
    name printed with no role at all is credited as a plain byline.
    """
    if credit.photo and credit.role in PHOTO_ROLE_ALIASES:
        return PHOTO_ROLE
    return credit.role or NO_ROLE


@cache
def is_contributor_word(word):
    return word in CONTRIBUTOR_ROLES or any(mark in word for mark in CONTRIBUTOR_MARKS)


def is_photo_word(word):
    return word in PHOTO_ROLE_ALIASES or any(mark in word for mark in PHOTO_MARKS)


def is_staff_role(role):
    """Whether people credited in ``role`` (a ``Role``) are the paper's staff."""
    return not is_contributor_word(role.name)


def new_role(word):
    """The unsaved ``Role`` a printed role word becomes when no row has it."""
    return Role(
        name=word,
        print_label="" if word == NO_ROLE else word,
        is_photo=is_photo_word(word),
        order=NEW_ROLE_ORDER,
    )


class RoleBook:
    """The stored roles by printed word, and the new ones the import makes.

    A row is found by its name, then by its printed label (a role the newsroom
    renamed keeps the word the page prints).  ``role(word)`` returns the row, or
    an unsaved one for a new word; ``save_new()`` creates those (real runs only).
    """

    def __init__(self):
        self.by_word = {}
        stored = list(Role.objects.order_by("order", "pk"))
        for role in stored:
            if role.print_label:
                self.by_word.setdefault(role.print_label, role)
        for role in stored:
            self.by_word[role.name] = role
        self.new = {}

    def role(self, word):
        found = self.by_word.get(word)
        if found is None:
            found = self.new.get(word)
            if found is None:
                found = self.new[word] = new_role(word)
        return found

    def of(self, credit):
        return self.role(role_name(credit))

    def save_new(self):
        for role in self.new.values():
            if role.pk is None:
                role.save()
