"""Who may move a story from one status to another, and who may edit it.

Pure rules over a user's permissions and the story's status; the models call
them before changing anything and the admin asks them what to offer.  The
groups that carry these permissions (记者, 编辑, 美编, 校对, 值班总编) are made
by a data migration.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

DRAFT, SUBMITTED, PUBLISHED, WITHDRAWN = "draft", "submitted", "published", "withdrawn"
# The proofreading step (settings.NEWSROOM_PROOFREADING): an editor passes edited copy to
# the proofreaders, who pass it on to the chief or return it to the editor.
EDITED, PROOFREAD = "edited", "proofread"
# Copy on the desk, between the reporter and the chief: editors and proofreaders edit it.
IN_EDITING = (SUBMITTED, EDITED, PROOFREAD)

SUBMIT = "articles.submit_article"
SEND_BACK = "articles.send_back_article"
SIGN_OFF = "articles.sign_off_article"
WITHDRAW = "articles.withdraw_article"
CORRECT = "articles.correct_article"
PLACE = "articles.place_article"
PROOFREAD_COPY = "articles.proofread_article"
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
    # True: only while the paper proofreads; False: only while it does not; None: always.
    proofreading: bool | None = None
    # Where it starts when the paper does not proofread (None: ``sources``).
    sources_without_proofreading: tuple | None = None

    @property
    def enabled(self):
        return self.proofreading is None or self.proofreading == proofreading()

    @property
    def current_sources(self):
        if self.sources_without_proofreading is not None and not proofreading():
            return self.sources_without_proofreading
        return self.sources


# The step the editorial core takes by itself when the text of proofread copy changes.
BACK_TO_PROOFREADING = _("Text changed after proofreading: back to the proofreaders")


def proofreading():
    """Whether edited copy goes through the proofreaders before the chief signs it off."""
    return settings.NEWSROOM_PROOFREADING


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
            IN_EDITING,
            DRAFT,
            SEND_BACK,
            _("Send back to the reporter"),
            _("an editor"),
            needs_comment=True,
        ),
        Transition(
            "finish_editing",
            (SUBMITTED,),
            EDITED,
            SEND_BACK,
            _("Edited: send to proofreading"),
            _("an editor"),
            proofreading=True,
        ),
        Transition(
            "pass_proofreading",
            (EDITED,),
            PROOFREAD,
            PROOFREAD_COPY,
            _("Proofread: ready for sign-off"),
            _("a proofreader"),
            proofreading=True,
        ),
        Transition(
            "return_to_editor",
            (EDITED,),
            SUBMITTED,
            PROOFREAD_COPY,
            _("Return to the editor"),
            _("a proofreader"),
            needs_comment=True,
            proofreading=True,
        ),
        Transition(
            "sign_off",
            (PROOFREAD,),
            PUBLISHED,
            SIGN_OFF,
            _("Sign off (publish)"),
            _("the duty chief editor"),
            # Without the step, whatever is on the desk (even copy that was on its way
            # to the proofreaders when the step was switched off) is signed off.
            sources_without_proofreading=IN_EDITING,
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
    if not transition.enabled:
        raise TransitionNotAllowed(_("This paper does not proofread: there is no such step."))
    if article.status not in transition.current_sources:
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
        if not transition.enabled:
            continue
        try:
            check_transition(user, article, transition, comment="-")
        except TransitionNotAllowed:
            continue
        result.append(transition)
    return result


def edit_refusal(user, article):
    """Why ``user`` may not change ``article`` in its current status, or None if they may.

    Reporters edit their own drafts; editors and proofreaders edit drafts and the
    copy on the desk (submitted, edited, proofread); a published or withdrawn story
    changes only by correction.
    """
    if not (user.is_active and user.has_perm(CHANGE)):
        return _("You may not change stories.")
    if user.is_superuser or article is None:
        return None
    if article.status == DRAFT:
        if is_author(user, article) or user.has_perm(SEND_BACK):
            return None
        return _("Only the reporter who filed this draft or an editor may change it.")
    if article.status in IN_EDITING:
        if user.has_perm(SEND_BACK) or user.has_perm(PROOFREAD_COPY) or user.has_perm(SIGN_OFF):
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


def waiting_for(user):
    """The statuses of stories waiting for ``user``'s next step (待我处理): where the last
    forward step of the flow this user may take starts.  An editor's are submitted
    stories, a proofreader's edited ones, the chief's proofread ones (without
    proofreading, everything on the desk; editors then still work on submitted copy).
    Drafts wait for their own reporter and are left out."""
    if not user.is_active:
        return set()
    forward = [
        t
        for t in TRANSITIONS.values()  # in the order of the flow
        if t.enabled and not t.needs_comment and t.name != "submit"
    ]
    mine = [t for t in forward if user.has_perm(t.permission)]
    if mine:
        return set(mine[-1].current_sources)
    if user.has_perm(SEND_BACK):
        return {SUBMITTED}
    return set()


def can_place(user):
    return user.is_active and user.has_perm(PLACE)
