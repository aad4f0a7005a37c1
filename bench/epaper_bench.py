"""Timings of the 数字报's data side (issue 15), per page of the seed edition.

    .venv/bin/python bench/epaper_bench.py [--database sqlite:////tmp/newsroom_epaperbench.sqlite3]
        [--repeat 5] [--paper broadsheet]

Uses its own database (created, migrated, the seed loaded) and its own media folder.
For each seed page (A05, A06), the median of --repeat runs (min in brackets) after a
warm-up run of:

  pdf     the page PDF from the print export (WeasyPrint, type fitted to one sheet);
  images  the page images from that PDF (PDFium, 4 widths x WebP and JPEG) and their rows;
  areas   the story areas found in that PDF (PDFium text positions) and their rows;
  both    images and areas: what happens when the art editor uploads a PDF.

and of the worker's remake after a change committed (``articles.epaper.tasks``):

  edit      a story of the page corrected through the editorial core (its effects
            and the page's mark on commit), then the worker's run: the PDF, images and
            areas made again (the whole wait between the save and the new page picture);
  same      the page marked with nothing changed, then the worker's run: the print
            export's fingerprint checked, nothing made;
  uploaded  as edit, on a page whose PDF the art editor uploaded: its areas found again.

Target (issue 15): images and areas under 2 s a page.  The PDF is made in the
background (``manage.py make_epaper``) and only when the page changed; it is
reported, not held to that target.  Processor time is given next to wall time: the
machine is shared.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(function, repeat):
    function()  # warm-up
    walls, cpus = [], []
    for _run in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="sqlite:////tmp/newsroom_epaperbench.sqlite3")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--paper", default="broadsheet")
    args = parser.parse_args()
    media = tempfile.mkdtemp(prefix="epaperbench-media-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DATABASE_URL"] = args.database
    os.environ["DJANGO_MEDIA_ROOT"] = media
    os.environ["NEWSROOM_PAPER_SIZE"] = args.paper
    if args.database.startswith("sqlite:///"):
        Path(args.database.removeprefix("sqlite:///")).unlink(missing_ok=True)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_seed", verbosity=0)

    from django.contrib.auth import get_user_model

    from articles import editorial
    from articles.epaper import tasks
    from articles.epaper.images import make_page_images
    from articles.epaper.pdf import make_page_pdf
    from articles.epaper.refresh import refresh_page, remake_from_pdf, replace_areas, upload_pdf
    from articles.models import Article, Page

    chief = get_user_model().objects.create_superuser("epaperbench", password="x")
    edits = iter(range(10**6))

    def edited(page):
        """A story of ``page`` corrected (a new headline each time), then the worker's run."""
        story = Article.objects.on_page(page).first()
        story.headline = f"{story.headline.split('·')[0]}·{next(edits)}"
        editorial.save_article(chief, story, note="更正")
        done, _finished = tasks.remake_pending()
        assert done == 1, "the page was not marked"

    def unchanged(page):
        tasks.mark_stale(pages=[page.pk])
        tasks.remake_pending()

    print(f"paper {args.paper}, {args.repeat} runs each: median wall [min wall] / median cpu")
    for page in Page.objects.select_related("edition").order_by("order"):
        content, _fingerprint = make_page_pdf(page)
        rows = {
            "pdf": lambda page=page: make_page_pdf(page),
            "images": lambda page=page, content=content: make_page_images(page, content),
            "areas": lambda page=page, content=content: replace_areas(page, content),
            "both": lambda page=page, content=content: remake_from_pdf(page, content),
        }
        for name, function in rows.items():
            median, fastest, cpu = timed(function, args.repeat)
            print(f"{page.label} {name:9} {median:6.2f} s [{fastest:.2f}] / {cpu:.2f} s cpu")
        refresh_page(page)  # in the 数字报: edits now mark it
        remakes = {
            "edit": lambda page=page: edited(page),
            "same": lambda page=page: unchanged(page),
        }
        for name, function in remakes.items():
            median, fastest, cpu = timed(function, args.repeat)
            print(f"{page.label} {name:9} {median:6.2f} s [{fastest:.2f}] / {cpu:.2f} s cpu")
        upload_pdf(page, content)
        median, fastest, cpu = timed(lambda page=page: edited(page), args.repeat)
        print(f"{page.label} {'uploaded':9} {median:6.2f} s [{fastest:.2f}] / {cpu:.2f} s cpu")


if __name__ == "__main__":
    main()
