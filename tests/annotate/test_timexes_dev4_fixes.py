"""Timex fixes found on the TimeBank-style dev4 set (tests/data/dev4); fictional texts, own words."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.annotate.timexes import find_timexes


def _found(text: str, published: str) -> dict[str, tuple[str, str]]:
    return {text[t["start"]:t["end"]]: (t["type"], t["value"]) for t in find_timexes(text, published)}


@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsprism.annotate.pipeline import build_nlp
    return build_nlp()


def test_quarter_without_year_is_the_nearest_one() -> None:
    found = _found("Dunmore Foods warned that its fourth-quarter profit would miss forecasts.", "2006-01-10")
    assert found["fourth-quarter"] == ("DATE", "2005-Q4")
    found = _found("Dunmore Foods expects a better third quarter.", "2006-08-02")
    assert found["third quarter"] == ("DATE", "2006-Q3")


def test_month_premodifying_a_noun_is_the_nearest_month() -> None:
    found = _found("January export figures are due for release next week.", "2001-02-12")
    assert found["January"] == ("DATE", "2001-01")


def test_possessive_month() -> None:
    found = _found("The deficit narrowed from October's record of $31 billion, the agency said.", "1999-12-16")
    assert found["October"] == ("DATE", "1999-10")
    assert "May" not in _found("The plan echoes May's government of the time.", "2019-02-01")


def test_count_of_things_a_day_is_a_set() -> None:
    found = _found("The port handles about 300 ships a day and 9,000 trucks a week.", "2003-05-05")
    assert found["a day"] == ("SET", "P1D")
    assert found["a week"] == ("SET", "P1W")


def test_consecutive_years_is_a_duration() -> None:
    found = _found("Output has fallen for four consecutive years.", "2002-03-03")
    assert found["four consecutive years"] == ("DURATION", "P4Y")


def test_in_recent_months_is_past_ref() -> None:
    found = _found("Rebels have lost ground in recent weeks.", "1998-07-24")
    assert found["recent weeks"] == ("DATE", "PAST_REF")


def test_before_a_holiday_in_a_past_clause_looks_back(nlp: Any) -> None:
    text = "Deep price cuts in the last days before Christmas drew crowds, Lindqvist Stores said Thursday."
    doc = nlp.make_doc(text)
    doc._.np_meta = {"published": "2009-01-08"}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    values = {text[t["start"]:t["end"]]: t["value"] for t in doc._.np_timexes}
    assert values["Christmas"] == "2008-12-25"
    # the preposition still looks ahead when the clause does
    assert _found("Ministers must agree before Christmas.", "2009-11-20")["Christmas"] == ("DATE", "2009-12-25")
