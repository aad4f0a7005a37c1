"""Saving a large page-text file in the background worker, not in the request.

Saving thousands of stories (each filed, versioned and audited through the
editorial core, then rendered and indexed) takes minutes: longer than a web
worker may hold a request.  The admin then enqueues ``import_kept_upload``; the
worker (``manage.py db_worker``) reads the kept file (``uploads.py``), imports it
in one transaction as the user who confirmed it, and records its progress and
outcome beside the file, which the admin's status page shows.  A failure (or a
worker killed mid-way) rolls the transaction back: nothing is half imported.
"""

import time

from django.contrib.auth import get_user_model
from django.db import transaction
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext as _

from articles.imports import uploads
from articles.imports.importer import import_page_bytes
from articles.print_labels import LayoutError

# Seconds between progress records (each is a small file write).
PROGRESS_SECONDS = 1.0

WAITING, RUNNING, RENDERING, DONE, FAILED = "waiting", "running", "rendering", "done", "failed"


def queue(name, *, edition, labels, user, options, language=None):
    """Record the save as waiting and enqueue it; ``options`` as ``import_page_bytes`` takes."""
    uploads.write_status(name, state=WAITING, done=0, total=0, edition=edition, labels=labels)
    import_kept_upload.enqueue(
        name,
        edition=edition,
        labels=list(labels),
        user_id=user.pk,
        options=options,
        language=language or translation.get_language(),
    )


@task
def import_kept_upload(name, *, edition, labels, user_id, options, language="zh-hans"):
    """Import the kept file ``name`` as user ``user_id``; returns the number of stories."""
    with translation.override(language):
        return _run(name, edition, labels, user_id, options)


def _run(name, edition, labels, user_id, options):
    base = {"edition": edition, "labels": labels}
    last = [0.0]

    def progress(done, total):
        if done == 0:
            # Registered before the first story's side effects: runs when the import
            # commits, before the stories are rendered and indexed.
            transaction.on_commit(
                lambda: uploads.write_status(name, state=RENDERING, done=total, total=total, **base)
            )
            return
        now = time.monotonic()
        if now - last[0] >= PROGRESS_SECONDS or done == total:
            last[0] = now
            uploads.write_status(name, state=RUNNING, done=done, total=total, **base)

    try:
        user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
        if user is None:
            raise LayoutError(_("No such user"), text=str(user_id))
        data = uploads.read(name)
        uploads.write_status(name, state=RUNNING, done=0, total=0, **base)
        report = import_page_bytes(data, edition, labels, user=user, progress=progress, **options)
    except LayoutError as error:
        uploads.write_status(name, state=FAILED, error=error.describe(), **base)
        return 0
    except OSError:
        uploads.write_status(
            name, state=FAILED, error=_("The upload expired; choose the file again."), **base
        )
        return 0
    except Exception:
        uploads.write_status(
            name, state=FAILED, error=_("The import failed; nothing was saved."), **base
        )
        raise
    uploads.forget(name)
    uploads.write_status(
        name,
        state=DONE,
        done=report.article_count,
        total=report.article_count,
        report=report.as_dict(),
        **base,
    )
    return report.article_count
