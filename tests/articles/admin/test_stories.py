import pytest
import reversion
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from articles.editorial import versions
from articles.models import Article, AwardRoster
from tests.admin_forms import article_form
from tests.factories import (
    ArticleFactory,
    AwardRosterFactory,
    PageFactory,
    PersonFactory,
    make_article,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "model",
    [
        "articles/article",
        "articles/page",
        "articles/edition",
        "people/person",
        "taggit/tag",
        "articles/section",
    ],
)
def test_changelist_query_count_does_not_grow_with_the_stories(admin_client, model):
    url = f"/admin/{model}/"
    page = PageFactory()

    def add(n):
        for _ in range(n):
            article = make_article(bylines=2, photos=1, page=PageFactory(edition=page.edition))
            AwardRosterFactory(article=article)

    add(3)
    few = count_queries(admin_client, url)
    add(27)
    many = count_queries(admin_client, url)
    assert few == many


def test_story_changelist_shows_character_count_and_filters(admin_client, seed):
    response = admin_client.get("/admin/articles/article/?kind__exact=commentary")
    content = response.content.decode()
    assert "制造业当家 需要高技能人才支撑" in content
    assert "顶尖技能高手接受城市礼遇" not in content
    assert ">396<" in content  # 字数 of the commentary


def test_story_search_finds_words_in_the_body(admin_client, seed):
    response = admin_client.get("/admin/articles/article/", {"q": "剧本杀"})
    assert "拓展政企“朋友圈” 提升营商环境软实力" in response.content.decode()


def test_seed_story_change_form_shows_everything(admin_client, seed):
    article = Article.objects.get(headline="顶尖技能高手接受城市礼遇")
    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥" in content
    assert "## 聚焦“3+3+2”现代产业体系办赛" in content
    assert "漆志、马双智、杨放晃" in content
    assert "记者/刘震 摄" in content
    assert "制造业当家 需要高技能人才支撑" in content  # the linked commentary


def change_form_data(article, **overrides):
    return article_form(article, body="第一段。\n\n## 小标题\n\n第二段。", **overrides)


def test_editor_edits_the_body_as_text(editor_client):
    article = ArticleFactory(body=[], status=Article.Status.SUBMITTED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(url, change_form_data(article))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.body == [
        {"type": "paragraph", "text": "第一段。"},
        {"type": "intertitle", "text": "小标题"},
        {"type": "paragraph", "text": "第二段。"},
    ]
    assert article.char_count == 11


def test_editor_types_a_stanza_and_edits_it_as_typed(editor_client):
    article = ArticleFactory(body=[], status=Article.Status.SUBMITTED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    body = "## 霜降\n\n| 稻子低下头的时候\n| 田埂就瘦了一圈"
    response = editor_client.post(url, article_form(article, body=body))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.body[1] == {"type": "verse", "text": "稻子低下头的时候\n田埂就瘦了一圈"}
    assert article.char_count == 2 + 15
    form = editor_client.get(url).content.decode()
    assert "| 稻子低下头的时候\n| 田埂就瘦了一圈" in form  # the text form editors edit


def test_roster_with_wrong_count_is_refused_in_the_story_form(editor_client):
    article = ArticleFactory(status=Article.Status.SUBMITTED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(
        article,
        **{
            "rosters-TOTAL_FORMS": 1,
            "rosters-0-title": "冠军",
            "rosters-0-stated_count": 15,
            "rosters-0-names": "漆志、马双智、杨放晃",
            "rosters-0-order": 0,
        },
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "15" in content and "3" in content
    assert "名单标明 15 人，实际列出 3 人。" in content
    assert AwardRoster.objects.count() == 0


def test_roster_names_are_saved_from_the_story_form(editor_client):
    article = ArticleFactory(status=Article.Status.SUBMITTED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(
        article,
        **{
            "rosters-TOTAL_FORMS": 1,
            "rosters-0-title": "冠军",
            "rosters-0-stated_count": 3,
            "rosters-0-names": "漆志、马双智、杨放晃",
            "rosters-0-order": 0,
        },
    )
    assert editor_client.post(url, data).status_code == 302
    roster = AwardRoster.objects.get()
    assert [e.name for e in roster.entries.all()] == ["漆志", "马双智", "杨放晃"]


def test_rosters_and_tags_have_no_side_admin_onto_stories(admin_client):
    """Rosters are edited on their story; taggit's admin would attach items to any object."""
    assert admin_client.get("/admin/articles/awardroster/").status_code == 404
    assert admin_client.get("/admin/articles/rosterentry/").status_code == 404
    page = admin_client.get("/admin/taggit/tag/add/").content.decode()
    assert "taggit_taggeditem_items" not in page and "tagged_items" not in page


def test_sign_off_and_withdraw_actions(client_for):
    articles = [
        ArticleFactory(status=Article.Status.PROOFREAD, published_at=None) for _ in range(2)
    ]
    url = reverse("admin:articles_article_changelist")
    ids = [a.pk for a in articles]
    chief = client_for("chief")
    chief.post(url, {"action": "sign_off_selected", "_selected_action": ids})
    assert Article.objects.published().count() == 2
    asked = chief.post(url, {"action": "withdraw_selected", "_selected_action": ids})
    assert "撤稿原因" in asked.content.decode()  # the reason is asked for first
    assert Article.objects.published().count() == 2
    chief.post(
        url,
        {
            "action": "withdraw_selected",
            "_selected_action": ids,
            "confirm": "1",
            "reason": "事实有误",
        },
    )
    assert Article.objects.published().count() == 0
    assert set(Article.objects.values_list("withdrawn_reason", flat=True)) == {"事实有误"}


def test_person_admin_lists_their_bylines(admin_client, seed):
    from people.models import Person

    person = Person.objects.get(name="何春林")
    response = admin_client.get(reverse("admin:people_person_change", args=[person.pk]))
    content = response.content.decode()
    assert "顶尖技能高手接受城市礼遇" in content
    assert "制造业当家 需要高技能人才支撑" in content


def test_person_changelist_counts_each_persons_credits(admin_client, seed):
    from articles.models import Byline
    from people.models import Person

    person = Person.objects.get(name="何春林")
    credits = Byline.objects.filter(person=person).count()
    assert credits >= 2
    response = admin_client.get(reverse("admin:people_person_changelist"), {"q": "何春林"})
    assert f'<td class="field-credit_count">{credits}</td>' in response.content.decode()


def test_page_admin_lists_its_stories_in_order(admin_client, seed):
    from articles.models import Page

    page = Page.objects.get(label="A06")
    response = admin_client.get(reverse("admin:articles_page_change", args=[page.pk]))
    content = response.content.decode()
    positions = [
        content.index(h) for h in ["顶尖技能高手接受城市礼遇", "株洲青商会十年提供万余就业岗位"]
    ]
    assert positions == sorted(positions)
    assert "王建设" in content


def test_person_autocomplete_for_bylines(editor_client):
    PersonFactory(name="何春林")
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "何春", "app_label": "articles", "model_name": "byline", "field_name": "person"},
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["何春林"]


def test_a_version_of_another_story_is_not_found(admin_client):
    article, other = ArticleFactory(), ArticleFactory()
    with reversion.create_revision():
        other.save()
    version = Version.objects.get_for_object(other).get()
    with pytest.raises(ObjectDoesNotExist):
        versions.version_and_previous(article, version.pk)
    own = reverse("admin:articles_article_diff", args=[other.pk, version.pk])
    assert admin_client.get(own).status_code == 200
    foreign = reverse("admin:articles_article_diff", args=[article.pk, version.pk])
    assert admin_client.get(foreign).status_code == 404
