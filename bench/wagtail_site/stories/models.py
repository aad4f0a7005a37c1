from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import StoryBlock


class StoryPage(Page):
    """A news story: its whole text, photos and name lists in one StreamField."""

    print_page = models.CharField("版面", max_length=60, blank=True)
    body = StreamField(StoryBlock())

    content_panels = [*Page.content_panels, "print_page", "body"]
    parent_page_types = ["wagtailcore.Page"]
