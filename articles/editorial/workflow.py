"""Who may move a story from one status to another, and who may edit it.

Pure rules over a user's permissions and the story's status; the models call
them before changing anything and the admin asks them what to offer.  The
groups that carry these permissions (记者, 编辑, 美编, 校对, 值班总编) are made
by a data migration.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

DRAFT, SUBMITTED, PUBLISHED, WITHDRAWN = "draft", "submitted", "published", "withdrawn"

SUBMIT = "articles.submit_article"
SEND_BACK = "articles.send_back_article"
SIGN_OFF = "articles.sign_off_article"
WITHDRAW = "articles.withdraw_article"
CORRECT = "articles.correct_article"
PLACE = "articles.place_article"
PROOFREAD = "articles.proofread_article"
CHANGE = "articles.change_article"


class Refused(PermissionDenied):
    """A change this user may not make to this story now; the message says why and who may."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class TransitionNotAllowed(Refused):
    """A status change this user may not make now; the message says who may."""


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple
    target: str
    permission: str
    label: Promise
    who: Promise
    needs_comment: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            (DRAFT,),
            SUBMITTED,
            SUBMIT,
            _("Submit for editing"),
            _("the reporter who filed it or an editor"),
        ),
        Transition(
            "send_back",
            (SUBMITTED,),
            DRAFT,
            SEND_BACK,
            _("Send back to the reporter"),
            _("an editor"),
            needs_comment=True,
        ),
        Transition(
            "sign_off",
            (SUBMITTED,),
            PUBLISHED,
            SIGN_OFF,
            _("Sign off (publish)"),
            _("the duty chief editor"),
        ),
        Transition(
            "withdraw",
            (PUBLISHED,),
            WITHDRAWN,
            WITHDRAW,
            _("Withdraw"),
            _("the duty chief editor"),
            needs_comment=True,
        ),
        Transition(
            "republish",
            (WITHDRAWN,),
            PUBLISHED,
            WITHDRAW,
            _("Put back online"),
            _("the duty chief editor"),
            needs_comment=True,
        ),
    ]
}


def get_transition(name):
    try:
        return TRANSITIONS[name]
    except KeyError:
        raise TransitionNotAllowed(_("There is no such status change.")) from None


def is_author(user, article):
    return article.created_by_id is not None and article.created_by_id == user.pk


def check_transition(user, article, transition, comment=""):
    """Raise TransitionNotAllowed unless ``user`` may apply ``transition`` to ``article`` now."""
    if article.status not in transition.sources:
        raise TransitionNotAllowed(
            _("A story that is %(status)s cannot be changed this way (%(action)s).")
            % {"status": article.get_status_display(), "action": transition.label}
        )
    allowed = user.is_active and user.has_perm(transition.permission)
    if allowed and transition.name == "submit" and not user.has_perm(SEND_BACK):
        allowed = is_author(user, article)
    if not allowed:
        raise TransitionNotAllowed(
            _("Only %(who)s may do this: %(action)s.")
            % {"who": transition.who, "action": transition.label}
        )
    if transition.needs_comment and not (comment or "").strip():
        raise TransitionNotAllowed(
            _("Please give a reason: %(action)s.") % {"action": transition.label}
        )


def available_transitions(user, article):
    """The status changes ``user`` may make to ``article`` now (for the admin's buttons)."""
    result = []
    for transition in TRANSITIONS.values():
        try:
            check_transition(user, article, transition, comment="-")
        except TransitionNotAllowed:
            continue
        result.append(transition)
    return result


def edit_refusal(user, article):
    """Why ``user`` may not change ``article`` in its current status, or None if they may.

    Reporters edit their own drafts; editors and proofreaders edit drafts and
    submitted copy; a published or withdrawn story changes only by correction.
    """
    if not (user.is_active and user.has_perm(CHANGE)):
        return _("You may not change stories.")
    if user.is_superuser or article is None:
        return None
    if article.status == DRAFT:
        if is_author(user, article) or user.has_perm(SEND_BACK):
            return None
        return _("Only the reporter who filed this draft or an editor may change it.")
    if article.status == SUBMITTED:
        if user.has_perm(SEND_BACK) or user.has_perm(PROOFREAD) or user.has_perm(SIGN_OFF):
            return None
        return _("Submitted copy is changed by editors and proofreaders.")
    if user.has_perm(CORRECT):
        return None
    if article.status == PUBLISHED:
        return _(
            "This story is published: only the duty chief editor may correct it, "
            "with a note for readers."
        )
    return _("This story is withdrawn: only the duty chief editor may change it.")


def can_edit(user, article):
    """Whether ``user`` may change ``article`` in its current status (see edit_refusal)."""
    return edit_refusal(user, article) is None


def can_place(user):
    return user.is_active and user.has_perm(PLACE)
