"""The newsroom's models, one module per concern; import them from here.

``print_structure``: sections, editions and pages; ``stories``: the story and its
QuerySet (``published()``); ``parts``: credits, photos, rosters and corrections;
``records``: status history and edit presence; ``epaper``: the 数字报's page PDFs,
page images and story areas; ``base``: what they share.
"""

import reversion

from articles.models.articles import Article, ArticleQuerySet
from articles.models.base import FetchModeManager, UnicodeJSONEncoder, publication_name
from articles.models.epaper import PageImage, PageImageQuerySet, PagePrint, StoryArea
from articles.models.parts import (
    AwardRoster,
    Byline,
    Correction,
    Photo,
    Role,
    RoleManager,
    RosterEntry,
    check_roster_count,
    photo_upload_to,
)
from articles.models.print_structure import Edition, Page, Section, SectionQuerySet
from articles.models.records import EditPresence, StatusChange

__all__ = [
    "Article",
    "ArticleQuerySet",
    "AwardRoster",
    "Byline",
    "Correction",
    "EditPresence",
    "Edition",
    "FetchModeManager",
    "Page",
    "PageImage",
    "PageImageQuerySet",
    "PagePrint",
    "Photo",
    "Role",
    "RoleManager",
    "RosterEntry",
    "Section",
    "SectionQuerySet",
    "StatusChange",
    "StoryArea",
    "UnicodeJSONEncoder",
    "check_roster_count",
    "photo_upload_to",
    "publication_name",
]

# Versions (django-reversion): a story is kept with its bylines, photos and rosters.
reversion.register(RosterEntry)
reversion.register(AwardRoster, follow=["entries"])
reversion.register(Byline)
reversion.register(Photo)
reversion.register(Article, follow=["bylines", "photos", "rosters"])
