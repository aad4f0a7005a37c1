"""What real checkers say: the Nu Html Checker (vnu-jar) and axe-core in Chromium.

Both come from the npm registry (``npm install`` at the project root, see
package.json).  Skipped with a reason where they or Java/Chromium are missing,
unless NEWSROOM_REQUIRE_SERVICES=1.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.chromium import unavailable

NODE_MODULES = Path(os.environ.get("NEWSROOM_NODE_MODULES", settings.BASE_DIR / "node_modules"))
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

CHECKED_PAGES = {
    "front": "/",
    "archive": "/editions/",
    "edition": "/editions/2023-12-26/",
    "page": "/editions/2023-12-26/A06/",
    "story": "/stories/6/",
    "commentary": "/stories/7/",
    "person": "/people/11/",
    "district": "/sections/shifeng/",
    "tag": "/tags/技能人才/",
    "search": "/search/?q=技能人才",
}


def test_nu_html_checker_finds_no_errors(client, seed, tmp_path):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        unavailable(f"the Nu Html Checker needs java and {VNU_JAR} (npm install)")
    files = []
    for name, path in CHECKED_PAGES.items():
        response = client.get(path)
        assert response.status_code == 200, path
        target = tmp_path / f"{name}.html"
        target.write_bytes(response.content)
        files.append(str(target))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)


AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
}"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_serious_accessibility_violation(browser, live_server, live_seed, width):
    if not AXE_JS.exists():
        unavailable(f"axe-core is not installed at {AXE_JS} (npm install)")
    # axe is injected as a script of the test's own; the site's CSP forbids that, rightly.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    problems = []
    for path in CHECKED_PAGES.values():
        page.goto(live_server.url + path, wait_until="load")
        page.add_script_tag(path=str(AXE_JS))
        problems += [f"{path}: {violation}" for violation in page.evaluate(AXE_RUN)]
    context.close()
    assert not problems, "\n".join(problems)
