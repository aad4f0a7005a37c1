"""What an editor types is escaped on every public page; production settings pass check --deploy."""

import os
import subprocess
import sys

from django.conf import settings
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, PageFactory, PhotoFactory, make_article, publish

PAYLOAD = '<script>alert("xss")</script>'


def article_form(article, **fields):
    data = {
        "kicker": "",
        "headline": article.headline,
        "subheadline": "",
        "kind": article.kind,
        "section": article.section_id or "",
        "tags": "",
        "dateline": "",
        "body": "正文。",
        "page": article.page_id or "",
        "page_position": 0,
        "main_article": "",
        "revision": article.revision,
    }
    for prefix in ["bylines", "photos", "rosters", "companions", "corrections", "status_changes"]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": 0,
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
    data.update(fields)
    return data


def test_script_typed_in_the_admin_is_escaped_on_every_public_page(editor_client, client):
    article = ArticleFactory(status=Article.Status.SUBMITTED, page=PageFactory())
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(
        url,
        article_form(
            article,
            kicker=PAYLOAD,
            headline=f"标题{PAYLOAD}",
            subheadline=PAYLOAD,
            dateline=PAYLOAD,
            body=f"第一段{PAYLOAD}\n\n## 小标题{PAYLOAD}\n\n第二段。",
            tags=f'"{PAYLOAD}"',
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.select_related("section", "page__edition").get(pk=article.pk)
    assert article.headline == f"标题{PAYLOAD}"  # stored as typed
    publish(article)
    photo = PhotoFactory(article=article, caption=PAYLOAD, alt_text=PAYLOAD)
    make_article(headline="另一篇", section=article.section)  # related stories list
    byline = make_article(section=article.section).bylines.first()
    byline.person.name = PAYLOAD
    byline.person.save()
    byline.article_id = article.pk
    byline.save()

    tags = [reverse("articles:tag", args=[tag.slug]) for tag in article.tags.all()]
    assert any("<" in tag.name for tag in article.tags.all())
    pages = [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        article.page.edition.get_absolute_url(),
        article.page.get_absolute_url(),
        byline.person.get_absolute_url(),
        *tags,
        "/editions/",
        "/rss/",
        f"{article.section.get_absolute_url()}rss/",
        "/sitemap.xml",
        "/news-sitemap.xml",
        "/search/?q=标题",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert PAYLOAD not in response.content.decode(), page
    article_page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in article_page
    assert photo.caption not in article_page


def test_pages_send_a_content_security_policy_without_inline_script(client, db):
    article = make_article()
    response = client.get(article.get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    # Only what production sets: nothing another test put in os.environ leaks in.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k" * 20 + "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1",
        "DJANGO_ALLOWED_HOSTS": "news.example.com",
        "NEWSROOM_VAR_DIR": str(tmp_path),
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # one page cache for every worker
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
