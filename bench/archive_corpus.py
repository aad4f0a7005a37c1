"""Build a realistic archive fast: years of dated editions on PostgreSQL, set-based.

The archive grows the way a daily paper's does: one edition a day with eight
numbered pages, about 91 stories a day (some 33,000 a year), so 20,000 stories
cover about seven months, 100,000 three years and 1,000,000 thirty years ending
yesterday.  Stories carry bylines (a few hundred people, a Zipf-like spread: the
most prolific reporter writes about 3 % of all stories), tags (0 to 3 of a few
hundred), photo rows (about 10 %, no files), award rosters (about 1 %),
commentary pointing at a main story, and a few drafts, submitted, withdrawn and
scheduled stories, so that "published" filtering matters.

No story is saved one by one.  Rows are generated in Python and streamed with
COPY (one connection per large table, foreign-key triggers off, secondary
indexes dropped and made again at the end), from a limited pool of sentences
(the vocabulary of ``search_corpus.py``: ~40 topics, 技能人才 in ~3 % of the
stories, 阳光增收 in ~2 %, 株洲 in most).  Each sentence is segmented by jieba
once; a story's search document is built in SQL from the segmented sentences,
with the layout of ``search/backends/postgres.py`` (title A, labels B, body;
``ranking`` is title, labels and lede).

Stored renderings are the real ones: for each *shape* of story (kind, photo,
roster, number of tags, byline roles, page or none…) one prototype with
placeholder values is rendered through ``fragments.fragments``, and each story's
rendering is that prototype with its own values put in (JSON-escaped; the pool
keeps only sentences that need no HTML escaping).  The build ends by comparing a
sample of stored renderings with ``fragments.made()`` and prints the mismatches.
The ``related`` candidates are approximated: the 30 previous stories of the same
section (what a save at publishing time finds when tags share nothing newer).

    .venv/bin/python bench/archive_corpus.py \\
        --database postgres://postgres@127.0.0.1:5432/newsroom_archive_20k --stories 20000

The database is created (and migrated) if missing; one that already holds stories
is refused unless ``--replace`` (which drops and creates it again).
"""

import argparse
import datetime
import functools
import hashlib
import json
import os
import random
import re
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

STORIES_PER_DAY = 91
PAGES = [
    # label, page name, section slug, share of the day's stories
    ("A01", "要闻", "yaowen", 10),
    ("A02", "时政", "shizheng", 13),
    ("A03", "经济", "jingji", 14),
    ("A04", "社会", "shehui", 14),
    ("A05", "区县新闻", "quxian", 16),
    ("A06", "就业·创业", "jiuye-chuangye", 12),
    ("A07", "文体", "wenti", 13),
    ("A08", "评论", "pinglun", 8),
]
NEW_SECTIONS = [
    ("要闻", "yaowen", 1),
    ("时政", "shizheng", 2),
    ("经济", "jingji", 3),
    ("社会", "shehui", 4),
    ("文体", "wenti", 5),
    ("评论", "pinglun", 6),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "春林昕吾震明华建国志强文军平芳丽敏静红英伟刚勇毅俊峰磊超涛斌波宇浩凯鹏飞翔晨曦雪梅兰竹菊松柏海江河山川云霞霖雨露晴岚璐瑶琪琳瑾瑜萱蕾薇蓉"  # noqa: E501
REPORTERS, CONTRIBUTORS, PHOTOGRAPHERS, COMMENTATORS, EDITORS = 320, 160, 24, 16, 14
ROSTER_NAMES = 400


# --------------------------------------------------------------------------- setup


def database_settings(url):
    parts = urlsplit(url)
    return parts.path.lstrip("/"), parts._replace(path="/postgres").geturl()


def prepare_database(url, replace):
    """Create the database if missing; with ``replace``, drop and create it again."""
    import psycopg

    name, maintenance = database_settings(url)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and replace:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


class Phases:
    def __init__(self):
        self.started = self.last = time.perf_counter()
        self.times = []

    def done(self, name):
        now = time.perf_counter()
        self.times.append((name, now - self.last))
        print(f"[{now - self.started:8.1f} s] {name}: {now - self.last:.1f} s", flush=True)
        self.last = now

    def report(self):
        total = time.perf_counter() - self.started
        print("\nphase timings:")
        for name, seconds in self.times:
            print(f"  {name:<38} {seconds:8.1f} s")
        print(f"  {'total':<38} {total:8.1f} s ({total / 60:.1f} min)", flush=True)


# --------------------------------------------------------------------------- vocabulary

# HTML- and JSON-safe text only: a pool sentence is rendered as it is, so that a story's
# rendering is its prototype with the text put in (nothing here needs escaping).
UNSAFE = re.compile(r"[<>&\"'\\]")


def vocabulary(rng):
    """Pools of text: leads, topic sentences, neutral sentences, headlines, captions."""
    import search_corpus as sc

    seed = [s for s in sc.seed_sentences() if not UNSAFE.search(s)]
    neutral = [s for s in seed if not sc.RESERVED.search(s) and "株洲" not in s]
    small = random.Random(rng.random())

    def filled(template, topic=""):
        return sc.fill(template, small, topic)

    leads = sorted({filled(t) for t in sc.LEADS for _ in range(60)})
    topics = {}
    for topic in sc.TOPICS:
        own = [s for s in seed if topic in s and (topic in sc.TOPICAL or not sc.RESERVED.search(s))]
        sentences = sorted({filled(t, topic) for t in sc.TOPIC_SENTENCES for _ in range(10)})
        headlines = sorted({filled(t, topic)[:200] for t in sc.HEADLINES for _ in range(6)})
        captions = sorted(
            {f"{filled('{district}{place}', topic)}{topic}工作现场。" for _ in range(4)}
        )
        topics[topic] = {"own": own, "sentences": sentences, "headlines": headlines}
        topics[topic]["captions"] = captions
    for pool in [leads, neutral, *(v for t in topics.values() for v in t.values())]:
        assert not any(UNSAFE.search(s) for s in pool), "a pool sentence would need escaping"
    return sc, leads, neutral, topics


def person_names(rng, count):
    names, seen = [], set()
    import search_corpus as sc

    while len(names) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in seen and not sc.RESERVED.search(name) and "株洲" not in name:
            seen.add(name)
            names.append(name)
    return names


# --------------------------------------------------------------------------- reference data


def reference_data(rng, sc):
    """Sections, people, roles and tags through the ORM: a few hundred rows."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse
    from taggit.models import Tag

    from articles.models import Article, Role, Section
    from people.models import Person

    seed = json.loads(sc.SEED.read_text(encoding="utf-8"))
    by_pk = {}
    for obj in seed:
        if obj["model"] == "articles.section":
            fields = dict(obj["fields"])
            parent = fields.pop("parent")
            by_pk[obj["pk"]] = Section.objects.create(
                parent=by_pk.get(parent) if parent else None, **fields
            )
    for name, slug, order in NEW_SECTIONS:
        Section.objects.create(name=name, slug=slug, order=order)
    sections = {s.slug: s for s in Section.objects.all()}
    districts = [s for s in sections.values() if s.parent_id == sections["quxian"].pk]
    # The district page carries stories of every district and of 响石岭街道 (below 石峰区).
    districts.append(sections["xiangshiling"])

    names = person_names(rng, REPORTERS + CONTRIBUTORS + PHOTOGRAPHERS + COMMENTATORS + EDITORS)
    people = Person.objects.bulk_create(
        Person(name=name, unit="株洲日报" if n < REPORTERS else "", is_staff=n < REPORTERS)
        for n, name in enumerate(names)
    )
    pools, start = {}, 0
    for pool, size in [
        ("reporters", REPORTERS),
        ("contributors", CONTRIBUTORS),
        ("photographers", PHOTOGRAPHERS),
        ("commentators", COMMENTATORS),
        ("editors", EDITORS),
    ]:
        pools[pool] = people[start : start + size]
        start += size
    roles = {r.name: r for r in Role.objects.all()}

    tag_names = list(sc.TOPICS) + sc.DISTRICTS + sc.PLACES
    suffixes = ["行动", "观察", "一线", "专题", "故事", "调查", "访谈"]
    tag_names += [f"{t}{s}" for t in sc.TOPICS for s in suffixes]
    tag_names = list(dict.fromkeys(tag_names))[:320]
    tags = [Tag.objects.create(name=name) for name in tag_names]
    for tag in tags:
        tag.url = reverse("articles:tag", args=[tag.slug])
    content_type = ContentType.objects.get_for_model(Article)
    return sections, districts, pools, roles, tags, content_type


# --------------------------------------------------------------------------- prototypes

PK = "918273645"
PERSON_PKS = [f"9100000{n}" for n in range(1, 9)]
PHOTO_PK = "93000001"
WORDS = "987123"
PROTO_WHEN = datetime.datetime(2099, 11, 22, 13, 44)
HEAD, BODY, CAPTION = "QQHEADQQ", "QQBODYQQ", "QQCAPQQ"
SECTION_NAME, SECTION_SLUG = "QQSECNAMEQQ", "qqsecslugqq"
PAGE_LABEL, PAGE_NAME = "QQPLQQ", "QQPNQQ"
ROSTER_TITLE, ROSTER_NAME = "QQROSTERQQ", "QQRNAMEQQ"
PROTO_IMAGE = "photos/2099/11/qqprototypeqq.jpg"
# Keys whose text shows the first paragraph shortened, and how.
BODY_VARIANT = {
    "card": "s90",
    "summary": "s90",
    "lead": "s140",
    "description": "d120",
    "page_meta": "d120",
    "ld": "d120",
    "html": "inner",
}


def person_placeholder(n):
    return f"QQNAME{n}QQ"


def tag_placeholder(n):
    return f"QQTAG{n}QQ", f"qqtagslug{n}qq"


class Prototypes:
    """One rendering per story shape, with placeholders; filled per story."""

    def __init__(self, roles):
        from django.conf import settings
        from django.utils import timezone
        from django.utils.dateformat import format as date_format
        from django.utils.formats import get_format
        from django.utils.translation import override

        from articles.public import fragments

        self.fragments = fragments
        self.version = fragments.version()
        self.roles = roles
        self.cache = {}
        self.tz = timezone.get_current_timezone()
        with override(settings.LANGUAGE_CODE):
            self.formats = [get_format("DATETIME_FORMAT"), get_format("DATE_FORMAT")]
        self.date_format = date_format
        when = timezone.make_aware(PROTO_WHEN, self.tz)
        self.proto_dates = self.dates(when)

    def dates(self, when):
        """The forms a publish time takes in a rendering, longest first."""
        local = when.astimezone(self.tz)
        return [
            self.date_format(local, "c"),
            self.date_format(local, self.formats[0]),
            self.date_format(local, self.formats[1]),
            local.date().isoformat(),
        ]

    def get(self, shape):
        if shape not in self.cache:
            self.cache[shape] = self.compile(self.render(shape))
        return self.cache[shape]

    def render(self, shape):
        from django.utils import timezone
        from taggit.models import Tag

        from articles.models import (
            Article,
            AwardRoster,
            Byline,
            Edition,
            Page,
            Photo,
            RosterEntry,
            Section,
        )
        from people.models import Person

        kind, status, dated, paged, same_name, photo, roster, tags, credits = shape
        proto_when = timezone.make_aware(PROTO_WHEN, self.tz)
        when = proto_when if dated else None
        section = Section(pk=999, name=SECTION_NAME, slug=SECTION_SLUG)
        article = Article(
            pk=int(PK),
            headline=HEAD,
            body=[{"type": "paragraph", "text": BODY}],
            kind=kind,
            status=status,
            section=section,
            published_at=when,
            created_at=proto_when,
            updated_at=proto_when,
            char_count=int(WORDS),
        )
        if paged:
            edition = Edition(pk=999, date=PROTO_WHEN.date())
            name = SECTION_NAME if same_name else PAGE_NAME
            article.page = Page(pk=999, edition=edition, label=PAGE_LABEL, name=name)
        else:
            article.page = None
        photos = []
        if photo:
            photos = [
                Photo(
                    pk=int(PHOTO_PK),
                    image=PROTO_IMAGE,
                    width=1200,
                    height=800,
                    caption=CAPTION,
                    order=0,
                )
            ]
            photos[0]._prefetched_objects_cache = {"credits": []}
        bylines = []
        for n, (role_name, on_photo) in enumerate(credits):
            byline = Byline(
                pk=990 + n,
                person=Person(pk=int(PERSON_PKS[n]), name=person_placeholder(n)),
                role=self.roles[role_name],
                order=n,
                unit="",
            )
            if on_photo:
                byline.photo = photos[0]
                photos[0]._prefetched_objects_cache["credits"].append(byline)
            bylines.append(byline)
        rosters = []
        if roster:
            box = AwardRoster(pk=999, title=ROSTER_TITLE, stated_count=1, order=0)
            box._prefetched_objects_cache = {
                "entries": [RosterEntry(pk=999, name=ROSTER_NAME, order=0)]
            }
            rosters = [box]
        tag_rows = []
        for n in range(tags):
            name, slug = tag_placeholder(n)
            tag_rows.append(Tag(pk=990 + n, name=name, slug=slug))
        article._prefetched_objects_cache = {
            "bylines": bylines,
            "photos": photos,
            "rosters": rosters,
            "tags": tag_rows,
            "corrections": [],
        }
        real = self.fragments.related_candidates
        self.fragments.related_candidates = lambda article: []
        try:
            rendering = self.fragments.fragments(article)
        finally:
            self.fragments.related_candidates = real
        return rendering

    def compile(self, rendering):
        """``{key: parts}``: each value's JSON text cut at the placeholders."""
        compiled = {}
        for key, value in rendering.items():
            if key == "related":
                continue
            text = json.dumps(value, ensure_ascii=False)
            compiled[key] = [p for p in PLACEHOLDER_RE.split(text) if p]
        return compiled


_PLACEHOLDERS = None
PLACEHOLDER_RE = None


def placeholders(prototypes, tags_max=3):
    global _PLACEHOLDERS, PLACEHOLDER_RE
    names = [PK, *PERSON_PKS, PHOTO_PK, WORDS, HEAD, BODY, CAPTION, SECTION_NAME, SECTION_SLUG]
    names += [PAGE_LABEL, PAGE_NAME, ROSTER_NAME, *prototypes.proto_dates]
    names += [person_placeholder(n) for n in range(len(PERSON_PKS))]
    names += [p for n in range(tags_max) for p in tag_placeholder(n)]
    names += [f"{ROSTER_TITLE}（1名）", proto_token()]
    names = sorted(set(names), key=len, reverse=True)
    _PLACEHOLDERS = set(names)
    PLACEHOLDER_RE = re.compile("(" + "|".join(re.escape(n) for n in names) + ")")


def proto_token():
    return hashlib.sha1(PROTO_IMAGE.encode()).hexdigest()[:10]


def fill(parts, values, variant):
    out = []
    for part in parts:
        if part in _PLACEHOLDERS:
            if part == BODY:
                out.append(values[variant])
            else:
                out.append(values[part])
        else:
            out.append(part)
    return "".join(out)


# --------------------------------------------------------------------------- the stories


def j(text):
    """``text`` as it sits inside a JSON string."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


class Archive:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)

    def plan_days(self, count):
        """Editions (date, number of stories): ~91 a day, ending yesterday."""
        rng = self.rng
        days, total = [], 0
        while total < count:
            n = min(count - total, rng.randint(STORIES_PER_DAY - 12, STORIES_PER_DAY + 12))
            days.append(n)
            total += n
        # The short remainder is the oldest edition: the newest, which the benchmark's rows
        # read (edition, pages, exports, news sitemap), is a full day at every size.
        days.reverse()
        from django.utils import timezone

        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        return [
            (yesterday - datetime.timedelta(days=len(days) - 1 - i), n) for i, n in enumerate(days)
        ]


def zipf_weights(size, offset):
    return [1 / (rank + offset) for rank in range(size)]


def build(args, phases):
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone
    from django.utils.text import Truncator
    from django.utils.translation import override

    from articles.models import Article
    from articles.search.segment import index_terms

    rng = random.Random(args.seed)
    sc, leads, neutral, topics = vocabulary(rng)
    sections, districts, pools, roles, tags, content_type = reference_data(rng, sc)
    phases.done("reference data (ORM)")

    # Sentences: every pool text segmented once, kept in a table for the search documents.
    texts = set(leads) | set(neutral)
    for t in topics.values():
        for pool in t.values():
            texts.update(pool)
    sentence_id, words = {}, {}
    rows = []
    for n, text in enumerate(sorted(texts), start=1):
        terms = index_terms(text)
        if not terms:
            continue
        sentence_id[text] = n
        words[text] = " ".join(terms)
        rows.append((n, words[text]))
    for pool in [leads, neutral, *(v for t in topics.values() for v in t.values())]:
        pool[:] = [s for s in pool if s in sentence_id]
    char_counts = {text: len(re.sub(r"\s+", "", text)) for text in sentence_id}

    @functools.cache
    def segmented(text):
        return " ".join(index_terms(text))

    raw = connection.connection
    raw.autocommit = True
    raw.execute("DROP TABLE IF EXISTS archive_sentence, archive_search_stage")
    raw.execute("CREATE UNLOGGED TABLE archive_sentence (id integer PRIMARY KEY, words text)")
    with raw.cursor().copy("COPY archive_sentence (id, words) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    raw.execute(
        "CREATE UNLOGGED TABLE archive_search_stage "
        "(pk bigint, title text, labels text, sentences integer[], published_at timestamptz)"
    )
    phases.done(f"sentence pool ({len(rows)} sentences segmented)")

    # Secondary indexes go while rows stream in, and come back at the end.
    big = [
        Article._meta.db_table,
        "articles_byline",
        "articles_photo",
        "taggit_taggeditem",
        "articles_search_document",
    ]
    saved_indexes = raw.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(%s) "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
        [big],
    ).fetchall()
    for name, _definition in saved_indexes:
        raw.execute(f'DROP INDEX "{name}"')
    phases.done(f"dropped {len(saved_indexes)} secondary indexes")

    prototypes = Prototypes(roles)
    placeholders(prototypes)
    tz = prototypes.tz
    days = Archive(args).plan_days(args.stories)
    print(f"{len(days)} editions from {days[0][0]} to {days[-1][0]}", flush=True)

    # Editions and pages.
    page_staff = pools["editors"]
    edition_rows, page_rows, day_pages = [], [], []
    page_pk = 0
    for number, (day, _count) in enumerate(days, start=1):
        edition_rows.append((number, day, number))
        pages = []
        for order, (label, name, slug, _share) in enumerate(PAGES, start=1):
            page_pk += 1
            staff = rng.sample(page_staff, 3)
            page_rows.append(
                (page_pk, number, label, name, sections[slug].pk, order, *(p.pk for p in staff))
            )
            pages.append(page_pk)
        day_pages.append(pages)
    with raw.cursor().copy("COPY articles_edition (id, date, number) FROM STDIN") as copy:
        for row in edition_rows:
            copy.write_row(row)
    with raw.cursor().copy(
        'COPY articles_page (id, edition_id, label, name, section_id, "order", '
        "chief_editor_id, art_editor_id, proofreader_id) FROM STDIN"
    ) as copy:
        for row in page_rows:
            copy.write_row(row)
    phases.done(f"{len(edition_rows)} editions, {len(page_rows)} pages")

    # Streams: one connection per large table, FK triggers off (rows are consistent by
    # construction), each COPY open for the whole build.
    import psycopg

    streams = {}
    columns = {
        "article": (
            "articles_article (id, kicker, headline, subheadline, dateline, body, kind, "
            "section_id, page_id, page_position, main_article_id, status, published_at, "
            "char_count, created_at, updated_at, created_by_id, signed_off_by_id, "
            "signed_off_at, withdrawn_reason, withdrawn_at, revision, rendered, listing, "
            'status_changed_at, "column", editor_note, author_note)'
        ),
        "byline": 'articles_byline (id, article_id, person_id, role_id, unit, photo_id, "order")',
        "tag": "taggit_taggeditem (id, tag_id, content_type_id, object_id)",
        "search": "archive_search_stage (pk, title, labels, sentences, published_at)",
        "photo": (
            'articles_photo (id, article_id, image, width, height, caption, alt_text, "order")'
        ),
    }
    dsn = args.database
    for name, target in columns.items():
        conn = psycopg.connect(dsn)
        conn.execute("SET session_replication_role = replica")
        conn.execute("SET synchronous_commit = off")
        cursor = conn.cursor()
        copy_cm = cursor.copy(f"COPY {target} FROM STDIN")
        copy = copy_cm.__enter__()
        streams[name] = (conn, copy_cm, copy, [])

    def flush(force=False):
        for _name, (_conn, _cm, copy, buffer) in streams.items():
            if buffer and (force or len(buffer) >= 2000):
                copy.write("".join(buffer).encode())
                buffer.clear()

    def esc(value):
        if value is None:
            return "\\N"
        return (
            str(value)
            .replace("\\", "\\\\")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )

    def emit(name, *fields):
        streams[name][3].append("\t".join(esc(f) for f in fields) + "\n")

    roster_rows, entry_rows = [], []
    roster_names = person_names(random.Random(args.seed + 1), ROSTER_NAMES)

    reporter_weights = zipf_weights(REPORTERS, 8)
    contributor_weights = zipf_weights(CONTRIBUTORS, 4)
    photographer_weights = zipf_weights(PHOTOGRAPHERS, 2)
    topic_names = list(sc.TOPICS)
    topic_weights = sc.TOPIC_WEIGHTS
    reserved = sc.RESERVED
    open_tags = [t for t in tags if not reserved.search(t.name)]
    tag_by_name = {t.name: t for t in tags}
    person_url = {}
    from django.urls import reverse

    def url_of(person):
        if person.pk not in person_url:
            person_url[person.pk] = reverse("articles:person", args=[person.pk])
        return person_url[person.pk]

    recent = {}  # section pk -> newest 30 story keys, for the related candidates
    now = timezone.now()
    story_pk = byline_pk = photo_pk = tagged_pk = roster_pk = entry_pk = 0
    made = 0
    shapes_seen = set()
    last_report = time.perf_counter()

    section_reporters = {}  # a reporter mostly covers one or two sections

    with override(settings.LANGUAGE_CODE):
        for day_index, (day, count) in enumerate(days):
            pages = day_pages[day_index]
            page_fill = [0] * len(PAGES)
            day_main = []  # stories a commentary of the day may point at
            shares = [p[3] for p in PAGES]
            last_day = day_index == len(days) - 1
            for n_in_day in range(count):
                story_pk += 1
                made += 1
                page_index = rng.choices(range(len(PAGES)), shares)[0]
                label, page_name, slug, _share = PAGES[page_index]
                section = rng.choice(districts) if slug == "quxian" else sections[slug]
                kind = "news"
                if slug == "pinglun":
                    kind = "commentary"
                else:
                    roll = rng.random()
                    kind = "brief" if roll < 0.10 else "photo" if roll < 0.13 else "news"
                status, dated, paged = "published", True, True
                roll = rng.random()
                if last_day and n_in_day >= count - 12:
                    status, paged = ("draft", False) if n_in_day % 3 else ("published", False)
                    dated = status == "published"  # scheduled for tomorrow
                elif roll < 0.002:
                    status = "withdrawn"
                elif roll < 0.004:
                    status, dated, paged = "submitted", False, False
                local = datetime.datetime.combine(day, datetime.time(0, 30)) + datetime.timedelta(
                    minutes=rng.randint(0, 330)
                )
                when = timezone.make_aware(local, tz)
                if dated and not paged:
                    when = now + datetime.timedelta(days=1, minutes=rng.randint(0, 600))
                published_at = when if dated else None

                # Text.
                topic = rng.choices(topic_names, topic_weights)[0]
                t = topics[topic]
                text = rng.sample(t["sentences"], rng.randint(1, 3))
                text += rng.sample(t["own"], min(len(t["own"]), rng.randint(1, 3)))
                text += rng.sample(neutral, rng.randint(4, 10))
                rng.shuffle(text)
                if rng.random() < 0.9:
                    text.insert(0, rng.choice(leads))
                if kind == "brief":
                    text = text[:3]
                paragraphs, position = [], 0
                while position < len(text):
                    size = rng.randint(1, 3)
                    paragraphs.append("".join(text[position : position + size]))
                    position += size
                headline = rng.choice(t["headlines"])
                first = paragraphs[0]

                # Photo, credits, roster, tags.
                has_photo = kind == "photo" or (kind == "news" and rng.random() < 0.08)
                credits, people = [], []
                if kind == "commentary":
                    credits.append(("评论作者", False))
                    people.append(rng.choice(pools["commentators"]))
                elif kind != "photo":
                    reporters = section_reporters.setdefault(section.pk, [])
                    if len(reporters) < 40 or rng.random() < 0.3:
                        person = rng.choices(pools["reporters"], reporter_weights)[0]
                        reporters.append(person)
                    else:
                        person = rng.choice(reporters)
                    role = "全媒体记者" if rng.random() < 0.7 else "记者"
                    credits.append((role, False))
                    people.append(person)
                    if rng.random() < 0.25:
                        second = rng.choices(pools["reporters"], reporter_weights)[0]
                        if second is not person:
                            credits.append((role, False))
                            people.append(second)
                    if rng.random() < 0.4:
                        credits.append(("通讯员", False))
                        people.append(rng.choices(pools["contributors"], contributor_weights)[0])
                if has_photo:
                    credits.append(("摄影", True))
                    people.append(rng.choices(pools["photographers"], photographer_weights)[0])
                has_roster = kind == "news" and rng.random() < 0.01
                n_tags = rng.choice((0, 1, 1, 2, 2, 3))
                chosen = []
                if n_tags and rng.random() < 0.6 and topic in tag_by_name:
                    chosen.append(tag_by_name[topic])
                while len(chosen) < n_tags:
                    tag = rng.choice(open_tags)
                    if tag not in chosen:
                        chosen.append(tag)
                # The prefetch that renders a story's tags names no order: with the through
                # rows in tag order, by tag or by through row they come the same way.
                chosen.sort(key=lambda tag: tag.pk)
                shape = (
                    kind,
                    status,
                    dated,
                    paged,
                    paged and page_name == section.name,
                    has_photo,
                    has_roster,
                    len(chosen),
                    tuple(credits),
                )
                shapes_seen.add(shape)
                proto = prototypes.get(shape)

                # Values, JSON-escaped.
                values = {
                    PK: str(story_pk),
                    HEAD: j(headline),
                    SECTION_NAME: j(section.name),
                    SECTION_SLUG: j(section.slug),
                    PAGE_LABEL: label,
                    PAGE_NAME: j(page_name),
                    "s90": j(Truncator(first).chars(90)),
                    "s140": j(Truncator(first).chars(140)),
                    "d120": j(Truncator(first).chars(120)),
                    "inner": j("</p>\n<p>".join(paragraphs)),
                    WORDS: str(sum(char_counts[s] for s in text)),
                }
                # The publish time, or for a draft its last edit (updated_at).
                for proto_form, form in zip(
                    prototypes.proto_dates, prototypes.dates(when), strict=True
                ):
                    values[proto_form] = form
                for n, person in enumerate(people):
                    values[PERSON_PKS[n]] = str(person.pk)
                    values[person_placeholder(n)] = j(person.name)
                caption = ""
                if has_photo:
                    photo_pk += 1
                    image = (
                        f"photos/{day:%Y/%m}/{hashlib.md5(str(photo_pk).encode()).hexdigest()}.jpg"
                    )
                    caption = rng.choice(t["captions"])
                    values[PHOTO_PK] = str(photo_pk)
                    values[proto_token()] = hashlib.sha1(image.encode()).hexdigest()[:10]
                    values[CAPTION] = j(caption)
                    emit("photo", photo_pk, story_pk, image, 1200, 800, caption, "", 0)
                for n, tag in enumerate(chosen):
                    name, slug = tag_placeholder(n)
                    values[name] = j(tag.name)
                    values[slug] = j(tag.url[len("/tags/") : -1])
                    tagged_pk += 1
                    emit("tag", tagged_pk, tag.pk, content_type.pk, story_pk)
                if has_roster:
                    roster_pk += 1
                    names = rng.sample(roster_names, rng.randint(5, 15))
                    title = f"{topic}先进个人" if topic not in sc.TOPICAL else "先进个人"
                    roster_rows.append((roster_pk, story_pk, title, len(names), 0))
                    for order, name in enumerate(names):
                        entry_pk += 1
                        entry_rows.append((entry_pk, roster_pk, name, None, order))
                    values[f"{ROSTER_TITLE}（1名）"] = j(f"{title}（{len(names)}名）")
                    values[ROSTER_NAME] = j("</span><span>".join(names))

                rendered_parts = []
                listing_parts = []
                for key, parts in proto.items():
                    text_value = fill(parts, values, BODY_VARIANT.get(key, "s90"))
                    item = f'"{key}": {text_value}'
                    rendered_parts.append(item)
                    if key in prototypes.fragments.LISTING_KEYS:
                        listing_parts.append(item)
                siblings = recent.setdefault(section.pk, [])
                related = list(reversed(siblings))
                rendered_parts.append(f'"related": {json.dumps(related)}')
                siblings.append(story_pk)
                if len(siblings) > 30:
                    del siblings[0]
                rendered = "{" + ", ".join(rendered_parts) + "}"
                listing = "{" + ", ".join(listing_parts) + "}"

                body = json.dumps(
                    [{"type": "paragraph", "text": p} for p in paragraphs], ensure_ascii=False
                )
                page_pk_value = pages[page_index] if paged else None
                main = None
                if kind == "commentary" and day_main:
                    main = rng.choice(day_main)
                elif kind == "news" and paged:
                    day_main.append(story_pk)
                page_fill[page_index] += 1
                emit(
                    "article",
                    story_pk,
                    "",
                    headline,
                    "",
                    "",
                    body,
                    kind,
                    section.pk,
                    page_pk_value,
                    page_fill[page_index] if paged else 0,
                    main,
                    status,
                    published_at.isoformat() if published_at else None,
                    values[WORDS],
                    when.isoformat(),
                    when.isoformat(),
                    None,
                    None,
                    published_at.isoformat() if status == "published" and published_at else None,
                    "",
                    when.isoformat() if status == "withdrawn" else None,
                    1,
                    rendered,
                    listing,
                    when.isoformat(),  # status_changed_at: it entered its status then
                    "",  # column: the archive's stories print no column label,
                    "",  # editor_note: no 编者按,
                    "",  # author_note: and no author's note
                )
                for order, ((role, on_photo), person) in enumerate(
                    zip(credits, people, strict=True)
                ):
                    byline_pk += 1
                    emit(
                        "byline",
                        byline_pk,
                        story_pk,
                        person.pk,
                        roles[role].pk,
                        "",
                        photo_pk if on_photo else None,
                        order,
                    )
                # Search: title, labels (names and tags, segmented then whole), sentence ids.
                names = [p.name for p in people]
                tag_names = [tag.name for tag in chosen]
                labels = [segmented(x) for x in names] + [x.lower() for x in names]
                labels += [segmented(x) for x in tag_names] + [x.lower() for x in tag_names]
                ids = [sentence_id[s] for s in text]
                if caption:
                    ids.append(sentence_id[caption])
                emit(
                    "search",
                    story_pk,
                    segmented(headline),
                    " ".join(x for x in labels if x),
                    "{" + ",".join(map(str, ids)) + "}",
                    published_at.isoformat() if published_at else None,
                )
                if made % 2000 == 0:
                    flush()
                if time.perf_counter() - last_report > 30:
                    last_report = time.perf_counter()
                    print(f"  {made} stories ({day})", flush=True)
    flush(force=True)
    for _name, (conn, copy_cm, _copy, _buffer) in streams.items():
        copy_cm.__exit__(None, None, None)
        conn.commit()
        conn.close()
    with raw.cursor().copy(
        'COPY articles_awardroster (id, article_id, title, stated_count, "order") FROM STDIN'
    ) as copy:
        for row in roster_rows:
            copy.write_row(row)
    with raw.cursor().copy(
        'COPY articles_rosterentry (id, roster_id, name, person_id, "order") FROM STDIN'
    ) as copy:
        for row in entry_rows:
            copy.write_row(row)
    print(
        f"{made} stories, {byline_pk} bylines, {photo_pk} photos, {tagged_pk} tagged items, "
        f"{roster_pk} rosters ({entry_pk} names), {len(shapes_seen)} shapes",
        flush=True,
    )
    phases.done("stories, bylines, photos, tags, rosters (COPY)")

    search_documents(raw, dsn)
    phases.done("search documents (SQL, two connections)")

    raw.execute("SET maintenance_work_mem = '512MB'")
    for _name, definition in saved_indexes:
        raw.execute(definition)
    phases.done(f"recreated {len(saved_indexes)} indexes")

    for table in [
        "articles_article",
        "articles_byline",
        "articles_photo",
        "articles_awardroster",
        "articles_rosterentry",
        "taggit_taggeditem",
        "taggit_tag",
        "articles_edition",
        "articles_page",
        "people_person",
    ]:
        raw.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
        )
    raw.execute("DROP TABLE archive_sentence, archive_search_stage")
    raw.execute("VACUUM ANALYZE")
    phases.done("sequences, VACUUM ANALYZE")
    return story_pk


def search_documents(raw, dsn):
    """Search documents from the staged sentence ids, in SQL, in two halves at once."""
    import psycopg

    has_published = raw.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = "
        "'articles_search_document' AND column_name = 'published_at'"
    ).fetchone()
    print(f"search document has published_at: {bool(has_published)}", flush=True)
    top = raw.execute("SELECT coalesce(max(pk), 0) FROM archive_search_stage").fetchone()[0]
    extra_column = ", published_at" if has_published else ""
    extra_value = ", s.published_at" if has_published else ""
    sql = (
        f"INSERT INTO articles_search_document (article_id, document, ranking{extra_column}) "
        f"SELECT s.pk, h.head || to_tsvector('simple', b.body), "
        f"h.head || to_tsvector('simple', "
        f"array_to_string((string_to_array(b.body, ' '))[1:80], ' ')){extra_value} "
        "FROM archive_search_stage s "
        "CROSS JOIN LATERAL (SELECT setweight(to_tsvector('simple', s.title), 'A') "
        "|| setweight(to_tsvector('simple', s.labels), 'B') AS head) h "
        "CROSS JOIN LATERAL (SELECT array_to_string(ARRAY(SELECT w.words FROM "
        "unnest(s.sentences) WITH ORDINALITY u(id, n) JOIN archive_sentence w ON w.id = u.id "
        "ORDER BY u.n), ' ') AS body) b "
        "WHERE s.pk > %s AND s.pk <= %s"
    )
    errors = []

    def run(low, high):
        try:
            with psycopg.connect(dsn) as conn:
                conn.execute("SET synchronous_commit = off")
                conn.execute(sql, [low, high])
        except Exception as error:  # reported below, in the main thread
            errors.append(error)

    middle = top // 2
    threads = [threading.Thread(target=run, args=r) for r in [(0, middle), (middle, top)]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


# --------------------------------------------------------------------------- checks


def sample_pks(size):
    """Random stories, plus a few of every rarer shape (photo, roster, commentary, states)."""
    from articles.models import Article

    pks = list(Article.objects.order_by("?").values_list("pk", flat=True)[:size])
    rare = [
        Article.objects.filter(photos__isnull=False),
        Article.objects.filter(rosters__isnull=False),
        Article.objects.filter(kind="commentary"),
        Article.objects.filter(kind="photo"),
        Article.objects.exclude(status="published"),
        Article.objects.scheduled(),
    ]
    for queryset in rare:
        pks += queryset.order_by("-pk").values_list("pk", flat=True)[:5]
    return list(dict.fromkeys(pks))


def verify(sample_size, seed=None, *, versioned=True):
    """Compare a sample of stored renderings and search documents with the real code.

    ``versioned`` False leaves the version ("v") out: whether the stored HTML is what
    the code makes now, whatever version it was stamped with.
    """
    from django.db import connection

    from articles.models import Article
    from articles.public import fragments
    from articles.search.documents import document_for

    pks = sample_pks(sample_size)
    made = fragments.made(pks)
    stored = dict(Article.objects.filter(pk__in=pks).values_list("pk", "rendered"))
    listings = dict(Article.objects.filter(pk__in=pks).values_list("pk", "listing"))
    skipped = {"related"} if versioned else {"related", "v"}
    mismatched = {}
    for pk in pks:
        for key, value in made[pk].items():
            if key not in skipped and stored[pk].get(key) != value:
                mismatched.setdefault(key, []).append(pk)
        expected = {k: v for k, v in fragments.listing(made[pk]).items() if k not in skipped}
        if {k: v for k, v in listings[pk].items() if k not in skipped} != expected:
            mismatched.setdefault("listing", []).append(pk)
    print(f"renderings compared with fragments.made(): {len(pks)} stories")
    if not mismatched:
        print("  mismatches: 0")
    for key, wrong in sorted(mismatched.items()):
        print(f"  mismatches in {key!r}: {len(wrong)} (e.g. story {wrong[0]})")
    documents = [
        document_for(a) for a in Article.objects.filter(pk__in=pks[:100]).for_search_index()
    ]
    wrong_documents = 0
    with connection.cursor() as cursor:
        for d in documents:
            cursor.execute(
                "SELECT document = (setweight(to_tsvector('simple', %s), 'A') "
                "|| setweight(to_tsvector('simple', %s), 'B') || to_tsvector('simple', %s)) "
                "FROM articles_search_document WHERE article_id = %s",
                [d.title, d.labels, d.body, d.pk],
            )
            row = cursor.fetchone()
            wrong_documents += not (row and row[0])
    print(
        f"search documents compared with document_for(): {len(documents)}, wrong: {wrong_documents}"
    )
    stale = Article.objects.exclude(listing__v=fragments.version()).count()
    print(f"stories whose stored rendering is not of version {fragments.version()}: {stale}")
    return sum(len(v) for v in mismatched.values()) + wrong_documents


def refresh(args, phases):
    """Bring a built archive to the code as it is now, without building it again.

    Migrates, then compares a sample of renderings with ``fragments.made()`` leaving
    the version out.  When they all match (the code changed, its output did not) the
    stored renderings are stamped with the current version, set-based, chunk by chunk;
    otherwise nothing is stamped and the archive must be built again (``--replace``).
    """
    from django.core.management import call_command
    from django.db import connection

    from articles.public import fragments

    call_command("migrate", verbosity=0)
    phases.done("migrations")
    version = fragments.version()
    mismatches = verify(args.sample, versioned=False)
    phases.done("verification")
    if mismatches:
        sys.exit("Stored renderings differ from what the code makes now: build again (--replace).")
    raw = connection.connection
    raw.autocommit = True
    top = raw.execute("SELECT coalesce(max(id), 0) FROM articles_article").fetchone()[0]
    stamp = json.dumps(version)
    stamped = 0
    for low in range(0, top + 1, 50_000):
        stamped += raw.execute(
            "UPDATE articles_article SET rendered = jsonb_set(rendered, '{v}', %s::jsonb), "
            "listing = jsonb_set(listing, '{v}', %s::jsonb) "
            "WHERE id >= %s AND id < %s AND listing->>'v' IS DISTINCT FROM %s",
            [stamp, stamp, low, low + 50_000, version],
        ).rowcount
    phases.done(f"stamped {stamped} renderings with version {version}")
    raw.execute("VACUUM ANALYZE articles_article")
    phases.done("VACUUM ANALYZE")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True, help="postgres://… of the archive")
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--replace", action="store_true", help="drop and rebuild the database")
    parser.add_argument("--sample", type=int, default=300, help="renderings to check")
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="migrate a built archive and restamp its renderings if the code's output is unchanged",
    )
    args = parser.parse_args(argv)
    phases = Phases()
    if args.refresh:
        setup_django(args.database)
        refresh(args, phases)
        phases.report()
        return 0
    prepare_database(args.database, args.replace)
    setup_django(args.database)
    from django.core.management import call_command

    from articles.models import Article

    call_command("migrate", verbosity=0)
    if Article.objects.exists():
        sys.exit("This database already has stories: pass --replace to build it again.")
    phases.done("database and migrations")
    build(args, phases)
    mismatches = verify(args.sample, args.seed)
    phases.done("verification")
    phases.report()
    return mismatches


if __name__ == "__main__":
    main()
