"""What the story change form posts, for tests that drive the real admin."""

INLINE_PREFIXES = ["bylines", "photos", "rosters", "companions", "corrections", "status_changes"]


def article_form(article, body="第一段。", **overrides):
    """The story admin form for ``article``, submitted unchanged but for ``body``."""
    data = {
        "column": article.column,
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "kind": article.kind,
        "section": article.section_id or "",
        "tags": "",
        "dateline": article.dateline,
        "editor_note": article.editor_note,
        "body": body,
        "author_note": article.author_note,
        "page": article.page_id or "",
        "page_position": article.page_position,
        "main_article": "",
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


def photo_rows(photos, **first):
    """The photos inline as the change form posts it; ``first`` changes fields of the first."""
    data = {"photos-TOTAL_FORMS": len(photos), "photos-INITIAL_FORMS": len(photos)}
    for number, photo in enumerate(photos):
        row = {
            "id": photo.pk,
            "article": photo.article_id,
            "caption": photo.caption,
            "alt_text": photo.alt_text,
            "order": photo.order,
            **(first if number == 0 else {}),
        }
        data.update({f"photos-{number}-{key}": value for key, value in row.items()})
    return data
