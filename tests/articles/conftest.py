import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def fresh_page_cache(settings, tmp_path):
    """Pages cached by one test must not answer another; renditions go to the test's folder."""
    settings.NEWSROOM_RENDITIONS_ROOT = tmp_path / "renditions"
    # Pillow work on every saved photo would dominate the suite; the rendition view makes a
    # missing rendition on first request, and test_renditions turns this back on.
    settings.NEWSROOM_RENDITIONS_ON_SAVE = False
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()
