"""Generate a corpus of Chinese stories for the search benchmark, from the seed's vocabulary.

Sentences come from the seed edition (fixtures/seed_edition.json).  Each story
has one topic out of about forty, so a topical query (技能人才, 阳光增收) matches
a few percent of the stories; nine in ten stories open with a 株洲 lead, so a
broad query (株洲) matches most.  Numbers, dates and districts vary per story.

Give it an empty database of its own; the stories are published, their readers'
fragments rendered as a save would (the search page shows their stored credit
lines), and then indexed by ``rebuild_search_index``:

    dropdb -h 127.0.0.1 -U postgres --if-exists newsroom_search_bench
    createdb -h 127.0.0.1 -U postgres newsroom_search_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_search_bench \
        DJANGO_DEBUG=1 .venv/bin/python bench/search_corpus.py --stories 20000
"""

import argparse
import datetime
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from tqdm import tqdm  # noqa: E402

from articles.models import Article, Byline, Role, Section  # noqa: E402
from articles.public import fragments  # noqa: E402
from people.models import Person  # noqa: E402

SEED = ROOT / "fixtures" / "seed_edition.json"
# Topics of the generated stories; the first two are the benchmark's topical queries.
TOPICS = [
    "技能人才",
    "阳光增收",
    "高新朋友圈",
    "营商环境",
    "边坡",
    "残疾人",
    "青商会",
    "个体私营",
    "捐书助学",
    "安全生产",
    "老旧小区",
    "政企互动",
    "网格员",
    "职业技能大赛",
    "制造名城",
    "乡村振兴",
    "就业岗位",
    "创业扶持",
    "社区服务",
    "文明创建",
    "交通安全",
    "防汛抗旱",
    "森林防火",
    "垃圾分类",
    "医疗保障",
    "养老服务",
    "义务教育",
    "文化惠民",
    "全民健身",
    "消费帮扶",
    "项目建设",
    "招商引资",
    "科技创新",
    "产业园区",
    "农产品",
    "物流通道",
    "城市更新",
    "口袋公园",
    "志愿服务",
    "法治宣传",
]
TOPIC_WEIGHTS = [3, 2] + [2.4] * (len(TOPICS) - 2)  # 技能人才 ~3 %, 阳光增收 ~2 %
# Words a story off the two topical queries must not contain, so their hit rates stay as set;
# 株洲 is left to the leads, so the broad query's rate is set too.
RESERVED = re.compile("技能|人才|阳光|增收")
TOPICAL = {"技能人才", "阳光增收"}
DISTRICTS = ["芦淞区", "荷塘区", "石峰区", "天元区", "渌口区", "醴陵市", "攸县", "茶陵县", "炎陵县"]
PLACES = ["响石岭街道", "建设北路", "白关镇", "栗雨街道", "董家塅街道", "龙头铺街道", "马家河街道"]
LEADS = [
    "株洲日报讯 {month}月{day}日，{district}召开专题会议。",
    "近日，株洲市{district}{place}开展了一系列活动。",
    "记者从株洲市相关部门获悉，{district}今年以来稳步推进各项工作。",
    "{month}月{day}日，株洲{district}组织干部群众{count}余人参加活动。",
    "今年以来，株洲高新区与{district}携手，推动工作落地见效。",
]
TOPIC_SENTENCES = [
    "围绕{topic}，{district}{place}出台了{count}条具体措施。",
    "{district}把{topic}作为今年的重点工作，已累计投入资金{money}万元。",
    "“{topic}关系到千家万户。”{place}相关负责人说。",
    "据统计，{district}{topic}相关工作惠及群众{count}人次。",
    "下一步，{district}将持续推进{topic}，让群众有更多获得感。",
]
HEADLINES = [
    "{district}：{topic}迈出新步伐",
    "{topic}让群众得实惠",
    "{place}{topic}见闻",
    "{district}{topic}工作再上新台阶",
    "聚焦{topic} {district}出实招",
]
KINDS = ["news"] * 8 + ["brief", "commentary"]


def seed_sentences():
    data = json.loads(SEED.read_text(encoding="utf-8"))
    sentences = []
    for obj in data:
        if obj["model"] == "articles.article":
            for block in obj["fields"]["body"]:
                if block["type"] == "paragraph":
                    sentences += [
                        s for s in re.split(r"(?<=[。！？])", block["text"]) if len(s) > 6
                    ]
    return sentences


def fill(template, rng, topic=""):
    return template.format(
        topic=topic,
        district=rng.choice(DISTRICTS),
        place=rng.choice(PLACES),
        month=rng.randint(1, 12),
        day=rng.randint(1, 28),
        count=rng.randint(10, 5000),
        money=rng.randint(10, 900),
    )


def make_article(rng, sentences, neutral, now):
    topic = rng.choices(TOPICS, TOPIC_WEIGHTS)[0]
    own = [s for s in sentences if topic in s and (topic in TOPICAL or not RESERVED.search(s))]
    text = [fill(rng.choice(TOPIC_SENTENCES), rng, topic) for _ in range(rng.randint(1, 3))]
    text += rng.sample(own, min(len(own), rng.randint(1, 3)))
    text += rng.sample(neutral, rng.randint(4, 10))
    rng.shuffle(text)
    if rng.random() < 0.9:
        text.insert(0, fill(rng.choice(LEADS), rng))
    paragraphs, position = [], 0
    while position < len(text):
        size = rng.randint(1, 3)
        paragraphs.append({"type": "paragraph", "text": "".join(text[position : position + size])})
        position += size
    return Article(
        headline=fill(rng.choice(HEADLINES), rng, topic)[:200],
        body=paragraphs,
        kind=rng.choice(KINDS),
        status=Article.Status.PUBLISHED,
        published_at=now - datetime.timedelta(minutes=rng.randint(60, 3 * 365 * 24 * 60)),
    )


def generate(count, seed=2023, batch=1000):
    rng = random.Random(seed)
    sentences = seed_sentences()
    neutral = [s for s in sentences if not RESERVED.search(s) and "株洲" not in s]
    sections = list(Section.objects.all()) or [
        Section.objects.create(name=name, slug=slug) for name, slug in [("区县新闻", "quxian")]
    ]
    people = [Person.objects.get_or_create(name=name)[0] for name in ["何春林", "谭昕吾", "刘震"]]
    reporter = Role.objects.get(name="全媒体记者")
    now = timezone.now()
    with tqdm(total=count, unit="story", desc="stories") as bar:
        for start in range(0, count, batch):
            articles = [
                make_article(rng, sentences, neutral, now) for _ in range(min(batch, count - start))
            ]
            for article in articles:
                article.section = rng.choice(sections)
                article.char_count = article.compute_char_count()
            with transaction.atomic():
                articles = Article.objects.bulk_create(articles)
                Byline.objects.bulk_create(
                    Byline(article=s, person=rng.choice(people), role=reporter) for s in articles
                )
            bar.update(len(articles))


def render_all(batch=500):
    """Store every story's fragments, as saving it one by one would have."""
    pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    with tqdm(total=len(pks), unit="story", desc="fragments") as bar:
        for start in range(0, len(pks), batch):
            with transaction.atomic():
                fragments.render(pks[start : start + batch])
            bar.update(len(pks[start : start + batch]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", dest="articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2023, help="random seed (same corpus each run)")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if Article.objects.exists():
        sys.exit("This database already has stories: give the benchmark an empty database.")
    call_command("load_seed", verbosity=0)  # sections, people and the seed's own nine stories
    generate(args.articles, seed=args.seed)
    render_all()
    call_command("rebuild_search_index")


if __name__ == "__main__":
    main()
