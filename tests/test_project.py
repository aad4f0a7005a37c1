import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def run_check(env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = run_check({"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = run_check(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "9f8e7d6c5b4a3f2e1d0c-newsroom-production-test-key-8b7a6f5e",
            "REDIS_URL": "redis://127.0.0.1:6379/0",  # production needs one cache for all workers
        }
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_readers_get_chinese_pages_with_beijing_dates(client):
    """A story published at 16:30 UTC on 25 December is a 26 December story in Zhuzhou."""
    import datetime

    from tests.factories import make_article

    when = datetime.datetime(2023, 12, 25, 16, 30, tzinfo=datetime.UTC)
    article = make_article(headline="跨午夜的稿件", published_at=when)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "2023年12月26日" in html and "2023年12月25日" not in html


def database_settings(env_overrides):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"DJANGO_DEBUG": "1", **env_overrides})
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "db = settings.DATABASES['default']; print(json.dumps([db['ENGINE'], str(db['NAME'])]))"
    )
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_embedded_sqlite_is_the_default():
    engine, name = database_settings({})
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "var" / "newsroom.sqlite3")


def test_database_url_selects_postgresql():
    engine, name = database_settings({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/news"})
    assert (engine, name) == ("django.db.backends.postgresql", "news")


def test_zh_hans_translations_are_shipped_and_used():
    from django.utils import translation

    assert (ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.mo").exists()
    with translation.override("zh-hans"):
        from articles.models import Article

        assert str(Article._meta.get_field("headline").verbose_name) == "主题"
        assert str(Article._meta.get_field("kicker").verbose_name) == "引题"
        assert str(Article._meta.verbose_name) == "稿件"
