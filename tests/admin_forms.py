"""What the story change form posts, for tests that drive the real admin."""

INLINE_PREFIXES = ["bylines", "photos", "rosters", "companions", "corrections", "status_changes"]


def story_form(article, body="第一段。", **overrides):
    """The story admin form for ``article``, submitted unchanged but for ``body``."""
    data = {
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "kind": article.kind,
        "section": article.section_id or "",
        "tags": "",
        "dateline": article.dateline,
        "body": body,
        "page": article.page_id or "",
        "page_position": article.page_position,
        "main_story": "",
        "revision": article.revision,
    }
    for prefix in INLINE_PREFIXES:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": 0,
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
    data.update(overrides)
    return data
