"""Build the 技能天下 story (newsroom's /stories/6/) as a Wagtail StoryPage from the seed.

Reads fixtures/seed_edition.json and the seed's photos (fixtures/media/photos/seed/), the
same data `manage.py load_seed` loads into newsroom, and publishes the page at
/stories/6/ under a home page, as an editor would: images in Wagtail's image library,
the text, bylines, photos and the 相关链接 rosters in one StreamField.  Then it requests
the page once, which makes the images' renditions and checks the page renders.
"""

import datetime
import html
import json
from pathlib import Path

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from ...models import StoryPage

ROOT = Path(__file__).resolve().parents[5]
SEED = ROOT / "fixtures" / "seed_edition.json"
SEED_MEDIA = ROOT / "fixtures" / "media"
STORY_PK = 6  # newsroom serves it at /stories/6/; so does this site.
URL = f"/stories/{STORY_PK}/"


def by_model(objects, model):
    return [o for o in objects if o["model"] == model]


def fields(objects, model, **match):
    found = [
        {"pk": o["pk"], **o["fields"]}
        for o in by_model(objects, model)
        if all(o["fields"].get(k) == v for k, v in match.items())
    ]
    return sorted(found, key=lambda f: (f.get("order", 0), f["pk"]))


class Command(BaseCommand):
    help = "Publish the seed's 技能天下 story as a Wagtail StoryPage at /stories/6/."

    def handle(self, *args, **options):
        objects = json.loads(SEED.read_text(encoding="utf-8"))
        story = next(o["fields"] for o in by_model(objects, "articles.article") if o["pk"] == 6)
        if "技能天下" not in story["kicker"] + story["headline"]:
            raise CommandError(f"story {STORY_PK} of the seed is not the 技能天下 story")
        self.build(objects, story)
        response = Client().get(URL, HTTP_HOST="127.0.0.1")
        text = response.content.decode()
        if response.status_code != 200 or story["headline"] not in text or "漆志" not in text:
            raise CommandError(f"{URL} answered {response.status_code}:\n{text[:2000]}")
        self.stdout.write(f"{URL}: {story['headline']}, {len(text.encode())} bytes")

    @transaction.atomic
    def build(self, objects, story):
        people = {p["pk"]: p["name"] for p in fields(objects, "people.person")}
        bylines = fields(objects, "articles.byline", article=STORY_PK)
        credit_for_photo = {}
        for byline in bylines:
            if byline["photo"]:
                credit = f"{byline['unit']}{'、'.join(byline['role'])}/{people[byline['person']]}"
                credit_for_photo.setdefault(byline["photo"], []).append(credit)

        body = [
            (
                "heading",
                {
                    "kicker": story["kicker"],
                    "headline": story["headline"],
                    "subheadline": story["subheadline"],
                },
            ),
            (
                "byline",
                {
                    "credits": [
                        {
                            "unit": b["unit"],
                            "role": "、".join(b["role"]),
                            "name": people[b["person"]],
                        }
                        for b in bylines
                        if not b["photo"]
                    ]
                },
            ),
        ]
        Image = get_image_model()
        for photo in fields(objects, "articles.photo", article=STORY_PK):
            path = SEED_MEDIA / photo["image"]
            with path.open("rb") as file:
                image = Image(
                    title=photo["caption"] or path.stem,
                    description=photo["alt_text"] or photo["caption"],
                    file=ImageFile(file, name=path.name),
                )
                image.save()
            credit = " ".join(credit_for_photo.get(photo["pk"], []))
            body.append(("photo", {"image": image, "caption": photo["caption"], "credit": credit}))
        for block in story["body"]:
            if block["type"] == "intertitle":
                body.append(("intertitle", block["text"]))
            else:
                body.append(("paragraph", f"<p>{html.escape(block['text'])}</p>"))
        rosters = [
            {
                "title": roster["title"],
                "count": roster["stated_count"],
                "names": [
                    entry["name"]
                    for entry in fields(objects, "articles.rosterentry", roster=roster["pk"])
                ],
            }
            for roster in fields(objects, "articles.awardroster", article=STORY_PK)
        ]
        body.append(("related_links", {"title": "相关链接", "rosters": rosters}))

        printed = next(p for p in by_model(objects, "articles.page") if p["pk"] == story["page"])
        published = datetime.datetime.fromisoformat(story["published_at"])

        # The home page Wagtail's migrations make ("Welcome to your new Wagtail site!").
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        home.title = "株洲日报"
        home.save_revision().publish()
        stories = home.add_child(instance=Page(title="新闻", slug="stories", show_in_menus=True))
        stories.save_revision().publish()
        page = StoryPage(
            title=story["headline"],
            slug=str(STORY_PK),
            search_description=story["body"][0]["text"][:90],
            print_page=f"{printed['fields']['label']}版 {printed['fields']['name']}",
            first_published_at=published,
            body=body,
        )
        stories.add_child(instance=page)
        page.save_revision().publish()
