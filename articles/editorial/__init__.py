"""The editorial core: who may change a story, how a change is recorded, what follows it.

``core`` holds the rule book's entry points (every change to a story or its
parts), ``workflow`` the rules themselves, ``versions`` the reading of saved
versions, ``effects`` what runs after commit.  Callers use the names below:
``from articles import editorial``; ``editorial.save_article(...)``.
"""

from articles.editorial.core import (
    CONTENT_FIELDS,
    PLACEMENT_FIELDS,
    PUBLISHING_FIELDS,
    STATE_FIELDS,
    ArticleChange,
    EditConflict,
    apply_to_each,
    apply_transition,
    article_change,
    article_version,
    check_change,
    check_filing,
    correction_note_missing,
    delete_article,
    log,
    place_article,
    recover_article,
    restore_version,
    save_article,
)
from articles.editorial.effects import run_effects, schedule_effects
from articles.editorial.workflow import Refused

__all__ = [
    "CONTENT_FIELDS",
    "PLACEMENT_FIELDS",
    "PUBLISHING_FIELDS",
    "STATE_FIELDS",
    "ArticleChange",
    "EditConflict",
    "Refused",
    "apply_to_each",
    "apply_transition",
    "article_change",
    "article_version",
    "check_change",
    "check_filing",
    "correction_note_missing",
    "delete_article",
    "log",
    "place_article",
    "recover_article",
    "restore_version",
    "run_effects",
    "save_article",
    "schedule_effects",
]
