"""Who has a story open to edit it: the "someone is editing" notice on the change form.

Only someone who may change the story in its status counts: reading a story read-only
(a reporter looking at submitted copy, an editor at a published story) is not editing.
The notice goes when the editor leaves the page (the change form's script sends a
beacon), saves, or when the story's status changes (the copy moved to another desk, and
everyone who had it open must open it again); otherwise it expires after
``EditPresence.TTL_SECONDS``.
"""

from articles.editorial import workflow
from articles.models import EditPresence


def opened(user, article):
    """``user`` opened ``article``'s change form: present if they may edit it now."""
    if workflow.can_edit(user, article):
        EditPresence.touch(article, user)
    else:
        EditPresence.leave(article, user)


def left(user, article):
    """``user`` left the form (saved, or closed or navigated away from it)."""
    EditPresence.leave(article, user)


def others(user, article):
    """Everyone else editing ``article`` now."""
    return EditPresence.others(article, user)


def status_changed(article):
    """The story moved on: nobody is editing the copy they opened any more."""
    EditPresence.objects.filter(article=article).delete()
