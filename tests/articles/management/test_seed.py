"""The seed edition, checked against shared/seeds/000_45ad87969ec02bf0.txt."""

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from articles.management.seed import load_seed_edition
from articles.models import Article, AwardRoster, Byline, Edition, Page, Photo
from people.models import Person

pytestmark = pytest.mark.django_db


def article(headline):
    return Article.objects.select_related("section__parent").get(headline=headline)


def credits(article, photo=False):
    bylines = article.bylines.filter(photo__isnull=not photo).select_related("person", "role")
    return [(b.person.name, b.role.name) for b in bylines]


def test_edition_and_pages(seed):
    edition = Edition.objects.get()
    assert edition.date.isoformat() == "2023-12-26"
    a05, a06 = Page.objects.select_related("section", "chief_editor", "art_editor").order_by(
        "label"
    )
    assert (a05.label, a05.name) == ("A05", "区县新闻")
    assert (a06.label, a06.name, a06.section.name) == ("A06", "就业·创业", "就业·创业")
    assert (a06.chief_editor.name, a06.art_editor.name) == ("王建设", "王玺")
    assert a05.articles.count() == 5
    assert a06.articles.count() == 4


def test_nine_published_stories_in_page_order(seed):
    assert Article.objects.count() == 9
    assert Article.objects.published().count() == 9
    a06 = Page.objects.get(label="A06")
    assert [a.headline for a in Article.objects.on_page(a06)] == [
        "顶尖技能高手接受城市礼遇",
        "制造业当家 需要高技能人才支撑",
        "他们的梦想被技能大师点亮",
        "株洲青商会十年提供万余就业岗位",
    ]


def test_kinds(seed):
    commentary = Article.objects.select_related("main_article").get(kind=Article.Kind.COMMENTARY)
    assert commentary.headline == "制造业当家 需要高技能人才支撑"
    assert credits(commentary) == [("何春林", "评论作者")]
    assert commentary.main_article.headline == "顶尖技能高手接受城市礼遇"
    photo_article = Article.objects.get(kind=Article.Kind.PHOTO)
    assert photo_article.headline == "城乡支部共建 热情捐书助学"
    assert photo_article.byline_text == "株洲日报全媒体记者/杨如 通讯员/谭红冰 周奕江 摄"
    assert [name for name, _ in credits(photo_article, photo=True)] == ["杨如", "谭红冰", "周奕江"]


def test_people(seed):
    credited = set(Byline.objects.values_list("person__name", flat=True))
    assert len(credited) == 14
    assert Person.objects.count() == 16
    assert {"王建设", "王玺"} <= set(Person.objects.values_list("name", flat=True))
    assert not {"王建设", "王玺"} & credited


def test_roles_as_printed(seed):
    street = article("老旧小区边坡安全隐患消除")
    assert credits(street) == [("杨如", "全媒体记者"), ("赵媛", "通讯员")]
    assert street.subheadline == "打好安全生产翻身仗"
    assert street.section.name == "响石岭街道"
    assert street.section.parent.name == "石峰区"
    skills = article("顶尖技能高手接受城市礼遇")
    assert credits(skills) == [("何春林", "全媒体记者"), ("王付银", "通讯员"), ("王忠祥", "通讯员")]
    assert skills.byline_text == "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥"
    assert skills.kicker == "第十届“技能天下”职业技能大赛落幕"


def test_photos_captions_and_credits(seed):
    assert Photo.objects.count() == 5
    jiuye = Photo.objects.filter(article__page__label="A06").order_by(
        "article__page_position", "order"
    )
    assert [(p.caption, p.credit_text) for p in jiuye] == [
        ("第十届“技能天下”颁奖现场。", "记者/刘震 摄"),
        ("技能人才翻阅《株洲技能人才名录》。", "记者/何春林 摄"),
        ("“技能天下”比赛现场。", "记者/何春林 摄"),
        ("“技能大师走基层”宣讲会场现场。", "记者/何春林 摄"),
    ]


def test_placeholder_images_exist_and_are_readable(seed):
    for photo in Photo.objects.all():
        assert default_storage.exists(photo.image.name)
        with default_storage.open(photo.image.name) as handle, Image.open(handle) as image:
            assert image.size == (photo.width, photo.height)


def test_intertitles(seed):
    assert article("拓展政企“朋友圈” 提升营商环境软实力").intertitles == [
        "有趣好玩交朋友\n促政企沟通“双向奔赴”",
        "亲切方便还走心\n提升营商环境软实力",
    ]
    assert article("顶尖技能高手接受城市礼遇").intertitles == [
        "聚焦“3+3+2”现代产业体系办赛",
        "我市不断壮大技能人才队伍",
    ]


def test_rosters(seed):
    rosters = AwardRoster.objects.select_related("article").order_by("order")
    assert [r.article.headline for r in rosters] == ["顶尖技能高手接受城市礼遇"] * 3
    assert [(r.stated_count, r.entries.count()) for r in rosters] == [(15, 15), (10, 10), (10, 10)]
    assert rosters[0].display_title == "1. 株洲市第十届“技能天下”职业技能大赛冠军（15名）"
    assert [e.name for e in rosters[2].entries.all()][-4:] == ["刘斌", "谭国林", "李伟", "林威"]


def test_paragraphs_broken_by_the_page_are_joined(seed):
    gaoxin = article("拓展政企“朋友圈” 提升营商环境软实力").body_text
    assert "中车株洲所风电事业部“95后”工程师何升" in gaoxin
    assert "打破政府与企业、企业与企业之间的信息壁垒" in gaoxin
    assert "为外地企业来株投资" in article("株洲青商会十年提供万余就业岗位").body_text


def test_full_width_punctuation_and_dateline(seed):
    lusong = article("当好个私企业“娘家人”")
    assert lusong.kicker == "搭建创业发展平台"
    assert lusong.dateline == "12月23日"
    assert lusong.paragraphs[0].startswith("芦淞区个体私营企业协会2023年度年会召开，")
    assert "," not in lusong.body_text and "(" not in lusong.body_text


def test_character_counts_are_stored(seed):
    for article in Article.objects.all():
        assert article.char_count == article.compute_char_count() > 100


def test_loading_twice_duplicates_nothing(seed):
    load_seed_edition()
    assert Article.objects.count() == 9
    assert Person.objects.count() == 16
    assert Byline.objects.count() == 21
