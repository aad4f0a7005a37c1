import pytest
from django.core.exceptions import ValidationError

from people.models import Person

pytestmark = pytest.mark.django_db


def test_two_people_with_the_same_name_are_told_apart():
    Person.objects.create(name="李伟", unit="株洲日报", disambiguation="摄影部")
    other = Person(name="李伟", unit="石峰区", disambiguation="石峰区残联")
    other.full_clean()
    other.save()
    assert str(other) == "李伟（石峰区残联）"
    clash = Person(name="李伟", disambiguation="摄影部")
    with pytest.raises(ValidationError):
        clash.full_clean()


def test_named_prefers_the_given_unit():
    Person.objects.create(name="李伟", unit="石峰区", disambiguation="石峰区")
    ours = Person.objects.create(name="李伟", unit="株洲日报", disambiguation="株洲日报")
    assert Person.objects.named("李伟", unit="株洲日报").first() == ours


def test_staff_and_contributors():
    staff = Person.objects.create(name="何春林", is_staff=True)
    Person.objects.create(name="王付银")
    assert list(Person.objects.staff()) == [staff]
