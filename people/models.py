from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonQuerySet(models.QuerySet):
    def staff(self):
        """People employed by the paper, as opposed to outside contributors."""
        return self.filter(is_staff=True)

    def named(self, name, unit=""):
        """People with this printed name, those of the given unit first.

        Two people can share a name; the caller decides between them (the
        importer asks the editor when more than one matches).
        """
        qs = self.filter(name=name)
        if unit:
            qs = qs.order_by(
                models.Case(models.When(unit=unit, then=0), default=1), "disambiguation", "pk"
            )
        return qs


class Person(models.Model):
    name = models.CharField(_("name"), max_length=50, db_index=True)
    disambiguation = models.CharField(
        _("disambiguation"),
        max_length=100,
        blank=True,
        help_text=_("Tells apart two people with the same name, e.g. their desk or district."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=100,
        blank=True,
        help_text=_("e.g. 株洲日报, a district office, a school"),
    )
    bio = models.TextField(_("short bio"), blank=True)
    portrait = models.ImageField(_("portrait"), upload_to="people/", blank=True)
    is_staff = models.BooleanField(
        _("staff member"),
        default=False,
        help_text=_("Employed by the paper; otherwise an outside contributor."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "disambiguation", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "disambiguation"],
                name="person_unique_name_disambiguation",
                violation_error_message=_(
                    "Another person has this name; fill in the disambiguation to tell them apart."
                ),
            )
        ]

    def __str__(self):
        if self.disambiguation:
            return f"{self.name}（{self.disambiguation}）"
        return self.name
