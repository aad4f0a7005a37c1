"""Credit lines typed as printed on the story form: parsed, shown, then saved as bylines.

An editor types ``株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥`` (or ``记者/刘震 摄``
under a photo) the way the paper prints it.  ``plan_credits`` reads it with the
project's credit parser and says, for each name, which stored person it will
credit and which people it will create, and which role words are new;
``apply_credits`` writes that plan as the story's bylines.  It is called only inside
``editorial.article_change`` (the story form's save), so the change is checked,
versioned and audited with the rest.

Role words are found and made as the page import makes them (``imports/roles.py``):
a stored role by its name, then by its printed label (a role the newsroom renamed),
and a word no role has becomes a new role (printed as typed, after the newsroom's
own), never an error.  Who may make one: as in the import, whoever may save the
story's bylines.  The import asks only that its user may write the stories it
brings in (``check_importer``), not that they may add roles or people, and the
form does the same: a reporter filing a story with ``出镜/王五`` creates the role
出镜, which the preview announces before the save and the newsroom can rename or
merge in the admin (changing roles stays with those who hold that permission).
Two saves naming the same new word at once make one role: the second finds the
first's row (``_stored_role``).
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from articles.credit_lines.parts import MAX_CREDIT_LINE
from articles.credits import PHOTO_MARK, CreditEntry, format_credits, parse_credits
from articles.imports.roles import RoleBook, is_staff_role
from articles.models import Byline, Role
from people.models import Person

# A word the form makes a new role of: letters (Han, Latin), digits, and the slash or
# middle dot of a combined role (记者/编辑).  Anything else is a misreading (<b>).
NEW_ROLE_WORD = re.compile(r"[\u3400-\u9fffA-Za-z0-9/·]+")


# Control and format characters a pasted line may carry and a reader never sees: zero-width
# spaces and joiners, bidirectional overrides (U+202E would print 张三 reversed into the
# byline's unit), tag characters; the whitespace controls are spaces to ``split()``.
INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def normalized(text):
    """A credit line as the form compares and reads it: runs of spaces as one, and no
    character a reader would not see."""
    return " ".join(INVISIBLE.sub("", text or "").split())


def _limit(model, name):
    return model._meta.get_field(name).max_length


@dataclass
class PlannedByline:
    name: str
    unit: str
    role: Role  # unsaved (no pk): a new role, created on save
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
            "new_role": self.role.pk is None,
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

    @property
    def new_roles(self):
        """The roles saving this plan creates, each once, in the order the line names them."""
        return list({b.role.name: b.role for b in self.bylines if b.role.pk is None}.values())

    def as_json(self):
        new_roles = self.new_roles
        return {
            "error": self.error,
            "printed": self.printed if self.bylines else "",
            "summary": _("Prints as “%(line)s”.") % {"line": self.printed} if self.bylines else "",
            "bylines": [b.as_json() for b in self.bylines],
            "roles": [
                {
                    "name": role.name,
                    "photo": role.is_photo,
                    "status": _("new role “%(role)s”, created on save; it can be renamed later")
                    % {"role": role.name},
                }
                for role in new_roles
            ],
        }


def _compact(line):
    """A line as compared with what it prints: spacing and a closing 摄 aside."""
    return "".join(line.split()).removesuffix(PHOTO_MARK)


def _role_for(credit, book):
    """The role of a parsed credit: names alone take a stored role printed without label;
    any other word is the import's (``RoleBook``), a new unsaved role if none has it."""
    if not credit.role:
        for role in book.by_word.values():
            if role.print_label == "" and role.is_photo == credit.photo:
                return role
    return book.of(credit)


def _parse(text, book):
    """The credits of ``text``, with the stored role words known to the parser (a word
    made by an earlier save reads whole)."""
    return parse_credits(text, roles=set(book.by_word))


def _refusal(credits):
    """Why these parsed credits cannot be saved (a unit or a name too long for its
    column); "" when they can.  Role words are checked as they are found (``_role_refusal``)."""
    for credit in credits:
        if credit.unit and len(credit.unit) > _limit(Byline, "unit"):
            return _("The unit “%(unit)s…” is longer than %(limit)d characters.") % {
                "unit": credit.unit[:20],
                "limit": _limit(Byline, "unit"),
            }
        for name in credit.names:
            if len(name) > _limit(Person, "name"):
                return _("The name “%(name)s…” is longer than %(limit)d characters.") % {
                    "name": name[:20],
                    "limit": _limit(Person, "name"),
                }
    return ""


def _role_refusal(role):
    """Why a new role cannot be made of its word (too long, or no word at all); ""."""
    if role.pk is not None:
        return ""
    if len(role.name) > _limit(Role, "name"):
        return _("The role word “%(role)s…” is longer than %(limit)d characters.") % {
            "role": role.name[:20],
            "limit": _limit(Role, "name"),
        }
    if not NEW_ROLE_WORD.fullmatch(role.name):
        return _("“%(role)s” is not a role word: check the line.") % {"role": role.name}
    return ""


def plan_credits(text, photo=False):
    """What saving the credit line ``text`` would credit: people matched and people new,
    roles stored and roles new.

    ``photo``: the line is a photo's credit (``摄`` may be left out).  Never raises and
    writes nothing; a line too long, not understood or with a value that would not fit
    its column gives a plan with an ``error``.
    """
    text = normalized(text)
    if not text:
        return CreditPlan()
    if len(text) > MAX_CREDIT_LINE:
        # No count: the preview endpoint reads only the start of a longer line.
        return CreditPlan(
            error=_("A credit line is at most %(limit)d characters.") % {"limit": MAX_CREDIT_LINE}
        )
    book = RoleBook()
    try:
        credits = _parse(text, book)
    except ValueError as error:
        return CreditPlan(error=str(getattr(error, "message", error)))
    if not credits or not any(credit.names for credit in credits):
        return CreditPlan(error=_("This credit line names no one."))
    refusal = _refusal(credits)
    if refusal:
        return CreditPlan(error=refusal)
    names = {name for credit in credits for name in credit.names}
    known = {}
    for person in Person.objects.filter(name__in=names).order_by("disambiguation", "pk"):
        known.setdefault(person.name, []).append(person)
    publication = settings.NEWSROOM_PUBLICATION
    plan = CreditPlan(photo=photo)
    for credit in credits:
        if photo and not credit.photo:
            credit = type(credit)(credit.unit, credit.role, credit.names, True)
        role = _role_for(credit, book)
        refusal = _role_refusal(role)
        if refusal:
            return CreditPlan(error=refusal)
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


def _get_or_create(model, lookup, defaults):
    """The row ``lookup`` finds, or a new one; a row another save made meanwhile is found.

    ``get_or_create`` inserts in a savepoint: losing a race to a concurrent save
    (PostgreSQL makes the second insert wait for the first to commit, then refuses
    it) leaves the caller's transaction usable and reads the winner's row.
    """
    return model.objects.get_or_create(**lookup, defaults=defaults)[0]


def _stored_role(role):
    """The saved row for a planned role: itself, or the row its word names now (made
    by this save's other lines, a concurrent save, or renamed since the preview)."""
    if role.pk is not None:
        return role
    found = (
        Role.objects.filter(name=role.name).first()
        or Role.objects.filter(print_label=role.name).order_by("order", "pk").first()
    )
    if found is not None:
        return found
    return _get_or_create(
        Role,
        {"name": role.name},
        {"print_label": role.print_label, "is_photo": role.is_photo, "order": role.order},
    )


def apply_credits(article, plan, photo=None):
    """Replace the story's text bylines (or ``photo``'s credits) with ``plan``'s.

    Only inside ``editorial.article_change``: the caller's change records it.
    People and roles the plan does not find are created, staff under the paper's
    name; each once, even when another save creates the same one at the same time.
    """
    publication = settings.NEWSROOM_PUBLICATION
    existing = (
        article.bylines.filter(photo=photo) if photo else article.bylines.filter(photo__isnull=True)
    )
    existing.delete()
    people = {}
    roles = {}
    rows = []
    for order, planned in enumerate(plan.bylines, start=1):
        role = roles.get(planned.role.name)
        if role is None:
            role = roles[planned.role.name] = _stored_role(planned.role)
        person = planned.person
        if person is None:
            if planned.name not in people:
                people[planned.name] = _get_or_create(
                    Person,
                    {"name": planned.name, "disambiguation": ""},
                    {"unit": publication if planned.staff else "", "is_staff": planned.staff},
                )
            person = people[planned.name]
        rows.append(
            Byline(
                article=article,
                person=person,
                role=role,
                unit=planned.unit,
                photo=photo,
                order=order,
            )
        )
    Byline.objects.bulk_create(rows)
