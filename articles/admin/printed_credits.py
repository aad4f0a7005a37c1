"""Credit lines typed as printed on the story form: parsed, shown, then saved as bylines.

An editor types ``株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥`` (or ``记者/刘震 摄``
under a photo) the way the paper prints it.  ``plan_credits`` reads it with the
project's credit parser and says, for each name, which stored person it will
credit and which people it will create; ``apply_credits`` writes that plan as the
story's bylines.  It is called only inside ``editorial.article_change`` (the story
form's save), so the change is checked, versioned and audited with the rest.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from articles.credits import PHOTO_MARK, CreditEntry, format_credits, parse_credits
from articles.imports.roles import is_staff_role, role_name
from articles.models import Byline, Role
from people.models import Person


def normalized(text):
    """A credit line with its spacing as the form compares it (runs of spaces are one)."""
    return " ".join((text or "").split())


@dataclass
class PlannedByline:
    name: str
    unit: str
    role: Role
    person: Person | None  # None: a new person is created on save
    staff: bool

    def as_json(self):
        label = self.role.print_label
        if self.person is None:
            status = _("new person, created on save")
        else:
            status = _("credits %(person)s, already known") % {"person": _describe(self.person)}
        return {
            "name": self.name,
            "printed": f"{self.unit}{label}/{self.name}" if label else f"{self.unit}{self.name}",
            "role": self.role.name,
            "new": self.person is None,
            "status": status,
        }


def _describe(person):
    details = [detail for detail in (person.unit, person.disambiguation) if detail]
    return f"{person.name}（{'，'.join(details)}）" if details else person.name


@dataclass
class CreditPlan:
    bylines: list = field(default_factory=list)
    error: str = ""
    photo: bool = False

    @property
    def printed(self):
        """The line these bylines print, as readers will see it."""
        return format_credits(
            CreditEntry(b.name, b.role.print_label, b.unit, self.photo or b.role.is_photo)
            for b in self.bylines
        )

    def as_json(self):
        return {
            "error": self.error,
            "printed": self.printed if self.bylines else "",
            "summary": _("Prints as “%(line)s”.") % {"line": self.printed} if self.bylines else "",
            "bylines": [b.as_json() for b in self.bylines],
        }


def _compact(line):
    """A line as compared with what it prints: spacing and a closing 摄 aside."""
    return "".join(line.split()).removesuffix(PHOTO_MARK)


def _role_for(credit, roles):
    """The stored role of a parsed credit; names alone take the role printed without label."""
    name = role_name(credit)
    if name in roles:
        return roles[name]
    if not credit.role:
        for role in roles.values():
            if role.print_label == "" and role.is_photo == credit.photo:
                return role
    return None


def plan_credits(text, photo=False):
    """What saving the credit line ``text`` would credit: people matched and people new.

    ``photo``: the line is a photo's credit (``摄`` may be left out).  Never raises;
    a line the parser refuses, or a role not stored, gives a plan with an ``error``.
    """
    text = normalized(text)
    if not text:
        return CreditPlan()
    try:
        credits = parse_credits(text)
    except ValueError as error:
        return CreditPlan(error=str(getattr(error, "message", error)))
    if not credits or not any(credit.names for credit in credits):
        return CreditPlan(error=_("This credit line names no one."))
    roles = {role.name: role for role in Role.objects.all()}
    names = {name for credit in credits for name in credit.names}
    known = {}
    for person in Person.objects.filter(name__in=names).order_by("disambiguation", "pk"):
        known.setdefault(person.name, []).append(person)
    publication = settings.NEWSROOM_PUBLICATION
    plan = CreditPlan(photo=photo)
    for credit in credits:
        if photo and not credit.photo:
            credit = type(credit)(credit.unit, credit.role, credit.names, True)
        role = _role_for(credit, roles)
        if role is None:
            return CreditPlan(
                error=_("Unknown role “%(role)s”: add it under roles first.")
                % {"role": credit.role}
            )
        staff = is_staff_role(role)
        unit = publication if staff else ""
        for name in credit.names:
            # As Person.objects.named(): someone of the paper's unit first for staff roles.
            candidates = sorted(known.get(name, []), key=lambda p: bool(unit) and p.unit != unit)
            person = candidates[0] if candidates else None
            plan.bylines.append(PlannedByline(name, credit.unit, role, person, staff))
    # The parser reads what it can; a part it passed over must not vanish unseen.
    if _compact(plan.printed) != _compact(text):
        plan.error = _(
            "This line would print as “%(printed)s”: part of it was not understood. "
            "Check the roles and names, or edit the rows below."
        ) % {"printed": plan.printed}
    return plan


def apply_credits(article, plan, photo=None):
    """Replace the story's text bylines (or ``photo``'s credits) with ``plan``'s.

    Only inside ``editorial.article_change``: the caller's change records it.
    People the plan does not find are created, staff under the paper's name.
    """
    publication = settings.NEWSROOM_PUBLICATION
    existing = (
        article.bylines.filter(photo=photo) if photo else article.bylines.filter(photo__isnull=True)
    )
    existing.delete()
    created = {}
    rows = []
    for order, planned in enumerate(plan.bylines, start=1):
        person = planned.person
        if person is None:
            key = (planned.name, planned.staff)
            if key not in created:
                created[key] = Person.objects.create(
                    name=planned.name,
                    unit=publication if planned.staff else "",
                    is_staff=planned.staff,
                )
            person = created[key]
        rows.append(
            Byline(
                article=article,
                person=person,
                role=planned.role,
                unit=planned.unit,
                photo=photo,
                order=order,
            )
        )
    Byline.objects.bulk_create(rows)
