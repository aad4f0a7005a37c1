"""The story body as a StreamField: what a newsroom on Wagtail would model."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    kicker = blocks.CharBlock(required=False, label="引题")
    headline = blocks.CharBlock(label="主标题")
    subheadline = blocks.CharBlock(required=False, label="副题")

    class Meta:
        template = "stories/blocks/heading.html"


class CreditBlock(blocks.StructBlock):
    unit = blocks.CharBlock(required=False, label="单位")
    role = blocks.CharBlock(label="身份")
    name = blocks.CharBlock(label="姓名")


class BylineBlock(blocks.StructBlock):
    credits = blocks.ListBlock(CreditBlock())

    class Meta:
        template = "stories/blocks/byline.html"


class PhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, label="图片说明")
    credit = blocks.CharBlock(required=False, label="摄影")

    class Meta:
        template = "stories/blocks/photo.html"


class RosterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="名单标题")
    count = blocks.IntegerBlock(min_value=0, label="人数")
    names = blocks.ListBlock(blocks.CharBlock(label="姓名"))


class RelatedLinksBlock(blocks.StructBlock):
    """The 相关链接 box: titled lists of names (winners, award holders)."""

    title = blocks.CharBlock(default="相关链接")
    rosters = blocks.ListBlock(RosterBlock())

    class Meta:
        template = "stories/blocks/related_links.html"


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    byline = BylineBlock()
    intertitle = blocks.CharBlock(template="stories/blocks/intertitle.html", label="小标题")
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link"], label="段落")
    photo = PhotoBlock()
    related_links = RelatedLinksBlock()
