"""Loading the seed edition (fixtures/seed_edition.json and its placeholder pictures)."""

import json
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
SEED_FIXTURE = FIXTURES_DIR / "seed_edition.json"
SEED_MEDIA = FIXTURES_DIR / "media"


def copy_seed_media(media_root=None):
    """Copy the seed's placeholder pictures under MEDIA_ROOT; returns how many were copied."""
    media_root = Path(media_root or settings.MEDIA_ROOT)
    copied = 0
    for source in SEED_MEDIA.rglob("*"):
        if source.is_file():
            target = media_root / source.relative_to(SEED_MEDIA)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.stat().st_size != source.stat().st_size:
                shutil.copyfile(source, target)
                copied += 1
    return copied


@transaction.atomic
def load_seed_edition(verbosity=0):
    """Load the seed edition; loading it again updates the same rows and duplicates nothing."""
    from articles import editorial

    copy_seed_media()
    call_command("loaddata", str(SEED_FIXTURE), verbosity=verbosity)
    # Fixture rows are saved raw, past the editorial core: ask it for their side effects.
    rows = json.loads(SEED_FIXTURE.read_text(encoding="utf-8"))
    articles = [row["pk"] for row in rows if row["model"] == "articles.article"]
    editorial.schedule_effects(articles, navigation=True)
