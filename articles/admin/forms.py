import re

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles import blocks as body_blocks
from articles.admin import printed_credits
from articles.credits import byline_line
from articles.editorial import workflow
from articles.editorial.diffs import TEXT_FIELDS, article_text
from articles.models import Article, AwardRoster, check_roster_count


class BodyField(forms.CharField):
    """Edits a block list as text: blank line between blocks, ``## `` before an intertitle,
    ``| `` before each line of a stanza."""

    widget = forms.Textarea(attrs={"rows": 18, "cols": 90, "class": "vLargeTextField"})

    def prepare_value(self, value):
        if isinstance(value, list):
            return body_blocks.blocks_to_text(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return body_blocks.text_to_blocks(super().to_python(value))

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        body_blocks.validate_blocks(value)


_TEXT = TEXT_FIELDS


class PrintedCreditsMixin:
    """A credit line typed as printed (``credit_field``), parsed into a plan on clean.

    The line counts as changed only when it was posted, is not blank, and differs,
    spacing aside, from the line the stored bylines print: a client that posts no line
    (or the structured rows alone) leaves the bylines to the rows, and so does a line
    emptied (or padded to nothing but spaces), which would otherwise remove every
    credit with no preview saying so; rows are removed one by one.
    """

    credit_field = "credit_line"
    credit_is_photo = False

    def printed_line(self):
        raise NotImplementedError

    def credit_line_changed(self):
        name = self.add_prefix(self.credit_field)
        if name not in self.data:
            return False
        posted = printed_credits.normalized(self.data.get(name))
        return bool(posted) and posted != printed_credits.normalized(self.printed_line())

    @cached_property
    def changed_data(self):
        changed = super().changed_data
        if self.credit_field in changed and not self.credit_line_changed():
            changed = [name for name in changed if name != self.credit_field]
        return changed

    def clean_credits(self):
        """The plan to save, or None when the line is unchanged."""
        if not self.credit_line_changed():
            return None
        plan = printed_credits.plan_credits(
            self.cleaned_data.get(self.credit_field, ""), photo=self.credit_is_photo
        )
        if plan.error:
            self.add_error(self.credit_field, plan.error)
            return None
        return plan


class ArticleAdminForm(PrintedCreditsMixin, forms.ModelForm):
    credit_line = forms.CharField(
        label=_("credit line as printed"),
        required=False,
        widget=forms.TextInput(attrs={"size": 60, "class": "desk-credit-line"}),
        help_text=_(
            "Type it as the paper prints it, e.g. 株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥. "
            "Saving replaces the rows below with the people it names; "
            "leave it as it is, or empty, to edit the rows one by one."
        ),
    )
    body = BodyField(
        label=_("body"),
        required=False,
        help_text=_(
            "Leave a blank line between paragraphs; start an intertitle with “## ”. "
            "Lines broken inside a paragraph are joined without a space. "
            "Start every line of a stanza of verse with “| ” to keep its lines."
        ),
    )

    class Meta:
        model = Article
        fields = [
            "column",
            "kicker",
            "headline",
            "subheadline",
            "kind",
            "section",
            "tags",
            "dateline",
            "editor_note",
            "body",
            "author_note",
            "page",
            "page_position",
            "main_article",
            "revision",
        ]
        widgets = {
            "revision": forms.HiddenInput,
            "editor_note": forms.Textarea(
                attrs={"rows": 3, "cols": 90, "class": "vLargeTextField"}
            ),
        }

    correction_note = forms.CharField(
        label=_("correction note (更正)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text=_(
            "Required when you change the text of a published story; readers see it with its date."
        ),
    )
    needs_correction_note = False
    credit_plan = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["credit_line"].initial = self.printed_line()

    def printed_line(self):
        if not self.instance.pk:
            return ""
        return byline_line(self.instance.text_bylines)

    def content_changed(self):
        """Whether the submitted story differs from the stored one (the note aside).

        The text is compared as readers see it, so a body that only changed its
        line breaks is not a correction.
        """
        if not self.instance.pk:
            return True
        cleaned = getattr(self, "cleaned_data", {})
        before = article_text({name: getattr(self.instance, name) for name in _TEXT})
        after = article_text(
            {name: cleaned.get(name, getattr(self.instance, name)) for name in _TEXT}
        )
        others = set(self.changed_data) - {*_TEXT, "correction_note", "revision"}
        return before != after or bool(others)

    def clean(self):
        cleaned = super().clean()
        self.credit_plan = self.clean_credits()
        if (
            self.needs_correction_note
            and not (cleaned.get("correction_note") or "").strip()
            and self.content_changed()
        ):
            self.add_error(
                "correction_note",
                _("This story is published: say what was corrected, for readers."),
            )
        return cleaned


class ArticlePartsFormSet(BaseInlineFormSet):
    """Bylines, photos and rosters of a story: on a published story, a change is a correction."""

    def clean(self):
        super().clean()
        article = self.instance
        if (
            article.pk
            and article.is_public
            and self.has_changed()
            and not (self.data.get("correction_note") or "").strip()
        ):
            raise forms.ValidationError(
                _("This story is published: say what was corrected, for readers.")
            )


class PhotoInlineForm(PrintedCreditsMixin, forms.ModelForm):
    """A photo with its credit typed as printed (记者/刘震 摄): saved with the photo,
    so a new photo is credited in the same save that uploads it."""

    credit_field = "credit"
    credit_is_photo = True
    credit_plan = None

    credit = forms.CharField(
        label=_("credit as printed"),
        required=False,
        widget=forms.TextInput(attrs={"size": 40, "class": "desk-credit-line desk-photo-credit"}),
        help_text=_("e.g. 记者/刘震 摄"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["credit"].initial = self.printed_line()

    def printed_line(self):
        if not self.instance.pk:
            return ""
        return byline_line(self.instance.credits.all(), photo=True)

    def clean(self):
        cleaned = super().clean()
        self.credit_plan = self.clean_credits()
        return cleaned


class RestoreForm(forms.Form):
    """Restoring a saved version; over a published story it is a correction."""

    correction_note = forms.CharField(
        label=_("correction note (更正)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
    )

    def __init__(self, *args, needs_note=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_note = needs_note
        if not needs_note:
            del self.fields["correction_note"]
        else:
            note = self.fields["correction_note"]
            note.required = True
            note.error_messages["required"] = _(
                "This story is published: say what was corrected, for readers."
            )

    def clean(self):
        cleaned = super().clean()
        cleaned.setdefault("correction_note", "")
        return cleaned


def split_names(text):
    """Names typed or pasted as the paper prints them: separated by 、，, or line breaks."""
    return [name for name in re.split(r"[、，,;；\s]+", text or "") if name]


class AwardRosterInlineForm(forms.ModelForm):
    """A roster edited in the story form: its names pasted as printed, separated by 、."""

    names = forms.CharField(
        label=_("names"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("As printed, separated by 、"),
    )

    class Meta:
        model = AwardRoster
        fields = ["title", "stated_count", "names", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["names"].initial = "、".join(
                entry.name for entry in self.instance.entries.all()
            )

    def clean(self):
        cleaned = super().clean()
        stated = cleaned.get("stated_count")
        if stated is not None and "names" in cleaned:
            names = split_names(cleaned["names"])
            try:
                check_roster_count(stated, len(names))
            except forms.ValidationError as error:
                self.add_error("names", error)
            cleaned["name_list"] = names
        return cleaned

    def save(self, commit=True):
        roster = super().save(commit=commit)
        names = self.cleaned_data.get("name_list")
        if commit and names is not None:
            current = [entry.name for entry in roster.entries.all()]
            if current != names:
                roster.set_names(names)
        return roster


class TransitionForm(forms.Form):
    """A status change asked for from the story's admin page."""

    name = forms.ChoiceField(choices=[(name, name) for name in workflow.TRANSITIONS])
    comment = forms.CharField(
        label=_("comment or reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
    )
    publish_at = forms.DateTimeField(
        label=_("publish time"),
        required=False,
        help_text=_("Leave empty to publish at once; a later time schedules the story."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
    )
