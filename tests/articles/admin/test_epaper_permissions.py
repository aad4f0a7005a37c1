"""Who may do what with the 数字报's page PDFs and story areas: one rule for both admins."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from articles.admin.epaper import LayoutStaffAdminMixin, PagePrintAdmin
from articles.admin.epaper_areas import StoryAreaAdmin
from articles.models import PagePrint, StoryArea

# (add, change, delete, view, module) for each role; nobody adds an area in the list (it
# is drawn on the page in the editor).
MAY_PLACE = (True, True, True, True, True)
MAY_LOOK = (False, False, False, True, True)
EXPECTED = {
    "reporter": MAY_LOOK,
    "editor": MAY_PLACE,  # the desk editor places stories on pages too
    "proofreader": MAY_LOOK,
    "arteditor": MAY_PLACE,
    "chief": MAY_PLACE,
    "admin": MAY_PLACE,
}


def permissions(model_admin, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return (
        model_admin.has_add_permission(request),
        model_admin.has_change_permission(request),
        model_admin.has_delete_permission(request),
        model_admin.has_view_permission(request),
        model_admin.has_module_permission(request),
    )


@pytest.mark.parametrize("role", list(EXPECTED))
def test_layout_staff_may_change_page_pdfs_and_areas_and_other_staff_may_look(users, role):
    user = users[role]
    assert permissions(admin.site._registry[PagePrint], user) == EXPECTED[role]
    _add, *others = EXPECTED[role]
    assert permissions(admin.site._registry[StoryArea], user) == (False, *others)


def test_both_admins_take_their_rule_from_the_one_mixin(users):
    for model_admin in (PagePrintAdmin, StoryAreaAdmin):
        assert issubclass(model_admin, LayoutStaffAdminMixin)
        for name in ("change", "delete", "view", "module"):
            assert f"has_{name}_permission" not in vars(model_admin)


def test_an_inactive_art_editor_may_do_nothing(users):
    user = users["arteditor"]
    user.is_active = False
    assert permissions(admin.site._registry[PagePrint], user) == (False,) * 5
