"""The flatplan links each page to its staff preview (the page as readers will see it,
whose banner gives staff the signed link for a phone), for those who may preview only."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Edition, Page

pytestmark = pytest.mark.django_db


def flatplan_url(edition):
    return reverse("admin:articles_edition_flatplan", args=[edition.pk])


def preview_url(label):
    return reverse("articles:preview_page", args=["2023-12-26", label])


@pytest.mark.parametrize("username", ["reporter", "editor", "arteditor", "proofreader", "chief"])
def test_each_page_of_the_flatplan_links_to_its_preview(seed, client_for, username):
    client = client_for(username)
    response = client.get(flatplan_url(Edition.objects.get()))
    assert response.status_code == 200
    content = response.content.decode()
    for label in ("A05", "A06"):
        assert content.count(f'href="{preview_url(label)}"') == 1
    assert ">预览</a>" in content
    # The link opens the page as readers will see it, with the link for a phone.
    page = client.get(preview_url("A06"))
    assert page.status_code == 200
    assert "顶尖技能高手接受城市礼遇" in page.content.decode()
    assert "token=" in page.context["preview"]["phone_url"]


def test_who_may_not_preview_sees_no_preview_link(seed, client, django_user_model):
    # Staff who may see editions and pages but not read stories in the admin.
    layout_only = django_user_model.objects.create_user("layout_only", is_staff=True)
    layout_only.user_permissions.set(
        Permission.objects.filter(codename__in=["view_edition", "view_page"])
    )
    client.force_login(layout_only)
    response = client.get(flatplan_url(Edition.objects.get()))
    assert response.status_code == 200
    content = response.content.decode()
    assert "A06" in content
    assert "/preview/" not in content and ">预览</a>" not in content
    assert client.get(preview_url("A06")).status_code == 404


def test_preview_links_cost_no_query_per_page(seed, editor_client):
    edition = Edition.objects.get()
    with CaptureQueriesContext(connection) as two:
        editor_client.get(flatplan_url(edition))
    for number in range(7, 11):
        Page.objects.create(edition=edition, label=f"A{number:02d}", name="新版", order=number)
    with CaptureQueriesContext(connection) as six:
        response = editor_client.get(flatplan_url(edition))
    assert response.content.decode().count('href="/preview/pages/') == 6
    assert len(six) == len(two)
