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
    EditConflict,
    StoryChange,
    apply_to_each,
    apply_transition,
    check_change,
    check_filing,
    correction_note_missing,
    delete_story,
    log,
    place_story,
    recover_story,
    restore_version,
    save_story,
    story_change,
    story_version,
)
from articles.editorial.effects import run_effects, schedule_effects
from articles.editorial.workflow import Refused

__all__ = [
    "CONTENT_FIELDS",
    "PLACEMENT_FIELDS",
    "PUBLISHING_FIELDS",
    "STATE_FIELDS",
    "EditConflict",
    "Refused",
    "StoryChange",
    "apply_to_each",
    "apply_transition",
    "check_change",
    "check_filing",
    "correction_note_missing",
    "delete_story",
    "log",
    "place_story",
    "recover_story",
    "restore_version",
    "run_effects",
    "save_story",
    "schedule_effects",
    "story_change",
    "story_version",
]
