"""The readers' site in Chromium at phone and desktop widths (Playwright).

Skips where Chromium or Playwright is missing, unless NEWSROOM_REQUIRE_SERVICES=1
(CI), where that is a failure.  Screenshots go to $NEWSROOM_SCREENSHOTS
(default /tmp/shots), outside the repository.
"""

import os
from pathlib import Path

import pytest

SHOTS = Path(os.environ.get("NEWSROOM_SCREENSHOTS", "/tmp/shots"))
PAGES = {
    "front": "/",
    "archive": "/editions/",
    "edition": "/editions/2023-12-26/",
    "page": "/editions/2023-12-26/A06/",
    "story": "/stories/6/",
    "story-dateline": "/stories/2/",
    "person": "/people/11/",
    "district": "/sections/shifeng/",
    "search": "/search/?q=技能人才",
}


CHECK_IMAGES = """async () => {
  const images = Array.from(document.images);
  for (const image of images) {
    image.scrollIntoView();
    if (!image.complete) {
      await new Promise(done => { image.onload = image.onerror = done; });
    }
  }
  window.scrollTo(0, 0);
  return images.map(i => ({src: i.currentSrc, alt: i.getAttribute('alt'), width: i.naturalWidth}));
}"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_pages_render_cleanly_at_phone_and_desktop_width(browser, live_server, width, live_seed):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    problems = []
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for name, path in PAGES.items():
        response = page.goto(live_server.url + path, wait_until="load")
        if response.status != 200:
            problems.append(f"{path}: status {response.status}")
            continue
        images = page.evaluate(CHECK_IMAGES)
        for image in images:
            if not image["alt"]:
                problems.append(f"{path}: image without alt {image['src']}")
            if not image["width"]:
                problems.append(f"{path}: image not loaded {image['src']}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{path}: scrolls sideways by {overflow}px")
        if page.evaluate("document.documentElement.lang") != "zh-Hans":
            problems.append(f"{path}: lang is not zh-Hans")
        if errors:
            problems.append(f"{path}: console errors {errors}")
            errors.clear()
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True)
def test_story_images_are_webp_renditions_of_the_right_size(browser, live_server, live_seed):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/stories/6/", wait_until="load")
    images = page.evaluate(CHECK_IMAGES)
    context.close()
    assert len(images) == 3
    # A phone gets a WebP no wider than it needs (390 CSS px at device scale 1).
    assert all(image["src"].endswith(".webp") for image in images)
    assert all(image["width"] <= 800 for image in images)
