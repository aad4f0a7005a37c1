"""bench/read_path_bench.py switches each layer off, and back on, as it says."""

import pytest

from articles.public import context_processors, fragments, prepared
from bench import read_path_bench


def test_switching_a_layer_off_is_undone_after_the_measurement():
    version, chrome = fragments.version, context_processors._stored_chrome
    compile_once = prepared.PreparedQuery._compile
    with read_path_bench.without("prepared", "stored", "chrome"):
        assert fragments.version() != version()  # every story made for the request
        assert context_processors._stored_chrome is not chrome
        assert prepared.PreparedQuery._compile is not compile_once
    assert fragments.version is version and context_processors._stored_chrome is chrome
    assert prepared.PreparedQuery._compile is compile_once


@pytest.mark.django_db
def test_without_prepared_sql_each_call_compiles_again():
    query = prepared.PreparedQuery(lambda: context_processors.Section.objects.values_list("pk"))
    with read_path_bench.without("prepared"):
        query.rows()
        first = query._compiled["default"]
        query.rows()
        assert query._compiled["default"] is not first
    query.rows()
    kept = query._compiled["default"]
    query.rows()
    assert query._compiled["default"] is kept  # compiled once again
