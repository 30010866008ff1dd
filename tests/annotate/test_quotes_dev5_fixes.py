"""Quote attribution fixes found on the blind dev5 set (US/UK political news), in fictional words."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def _quotes(nlp: Any, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    return [(q["kind"], text[q["start"]:q["end"]], q["speaker_name"]) for q in doc._.np_quotes]


def test_a_report_found_that_is_the_reports_claim(nlp: Any) -> None:
    """"A report by X found that ...": a record's finding is reported content, sourced to its author."""
    text = ("Ferry operators have cut routes. A report by the Coastal Transport Institute published last week "
            "found that passenger numbers had fallen by a fifth since 2019.")
    got = [q for q in _quotes(nlp, text) if q[0] == "indirect"]
    assert got and got[0][1] == "passenger numbers had fallen by a fifth since 2019"
    assert "Coastal Transport Institute" in (got[0][2] or "")


def test_the_poll_found_that(nlp: Any) -> None:
    text = "Voters are restless. The poll found that most voters now rank housing above the economy."
    got = [q for q in _quotes(nlp, text) if q[0] == "indirect"]
    assert got and got[0][1] == "most voters now rank housing above the economy"


def test_find_without_a_record_or_finding_is_no_report(nlp: Any) -> None:
    text = "Backbenchers could find themselves sidelined if the bill passes, and the minister knows it."
    assert not [q for q in _quotes(nlp, text) if q[0] == "indirect"]


CLAUSE = ('Senator Ada Vickery said the committee had "broken its promise" to publish the budget figures '
          'before the summer recess.')


def test_clause_with_quoted_words_default_keeps_partial_only(nlp: Any) -> None:
    got = _quotes(nlp, CLAUSE)
    assert ("partial", "broken its promise", "Ada Vickery") in got
    assert not [q for q in got if q[0] == "indirect"]


def test_clause_with_quoted_words_whole_clause_option(nlp: Any) -> None:
    """PolNeAR-style content: the whole reported clause, quoted words inside, is one indirect quote."""
    pipe = nlp.get_pipe("newsprism_quotes")
    pipe.whole_clauses = True
    try:
        got = _quotes(nlp, CLAUSE)
    finally:
        pipe.whole_clauses = False
    assert ("partial", "broken its promise", "Ada Vickery") in got
    assert ("indirect", 'the committee had "broken its promise" to publish the budget figures before the summer '
            "recess", "Ada Vickery") in got
