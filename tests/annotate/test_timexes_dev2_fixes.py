"""Time-expression fixes from the dev2 findings: tense of weekdays and months, anaphora on the last
mention, one TIMEX for a dateline timestamp, and expressions that were missed (SET "per day", "in the
evening", "centuries-old", day ranges...). Texts are invented; each test fails without its fix."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.annotate import timexes as tx
from newsprism.annotate.timexes import find_timexes


def _found(text: str, anchor: str | None) -> list[tuple[str, str, str]]:
    return [(text[t["start"]:t["end"]], t["type"], t["value"]) for t in find_timexes(text, anchor)]


def _value(text: str, anchor: str, snippet: str) -> tuple[str, str]:
    for span, typ, value in _found(text, anchor):
        if span == snippet:
            return typ, value
    raise AssertionError(f"{snippet!r} not found in {_found(text, anchor)}")


@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def _doc_values(nlp: Any, text: str, published: str) -> dict[str, str]:
    doc = nlp.make_doc(text)
    doc._.np_meta = {"published": published}
    doc = nlp(doc)
    return {text[t["start"]:t["end"]]: t["value"] for t in doc._.np_timexes}


# ---- 1. weekdays and months by tense


def test_a_number_before_on_is_not_a_clock_time_looking_ahead() -> None:
    # "set for 80 on Wednesday" read as "until 80 on Wednesday" sent the evening a week ahead
    text = "The tables in the town hall were set for 80 on Wednesday night, and by 7 p.m. every seat was taken."
    assert _value(text, "2025-07-03", "Wednesday night") == ("TIME", "2025-07-02TNI")
    assert _value(text, "2025-07-03", "7 p.m.") == ("TIME", "2025-07-02T19:00")


def test_agenda_under_a_forward_heading_takes_the_coming_days() -> None:
    text = ("It was a busy week for the region's diplomats.\n\nCOMING UP\n\n"
            "Monday: Trade ministers meet in Oslo.\n"
            "Wednesday: The council holds its monthly debate on the Sahel.\n"
            "Thursday: The envoy begins a two-day visit to Lima.\n\nSee you next Friday.")
    assert _value(text, "2025-01-17", "Wednesday") == ("DATE", "2025-01-22")
    assert _value(text, "2025-01-17", "Thursday") == ("DATE", "2025-01-23")


def test_heading_opening_the_line_looks_ahead() -> None:
    text = "Week in review.\n\nThe week ahead: the council meets in Geneva on Wednesday."
    assert _value(text, "2025-01-17", "Wednesday") == ("DATE", "2025-01-22")


def test_a_forward_heading_does_not_reach_past_prose() -> None:
    text = "Agenda\n\nThe minister, who arrived on Wednesday, held talks with her host for two hours."
    assert _value(text, "2025-01-17", "Wednesday") == ("DATE", "2025-01-15")


def test_end_of_month_after_before_looks_ahead() -> None:
    text = "She said she had proposed to convene the joint commission before the end of April."
    assert _value(text, "2025-03-11", "the end of April") == ("DATE", "2025-04")


def test_reduced_relative_plan_takes_the_clause_tense() -> None:
    text = "A fourth round, planned for September, was postponed, officials confirmed."
    assert _value(text, "2024-10-30", "September") == ("DATE", "2024-09")


def test_was_scheduled_to_takes_the_nearest_day(nlp: Any) -> None:
    text = ("An aid convoy that was scheduled to cross the border on 20 February was postponed after "
            "the authorities withheld clearance.")
    assert _doc_values(nlp, text, "2025-02-27")["20 February"] == "2025-02-20"


def test_announced_event_owns_its_day(nlp: Any) -> None:
    text = "A student union announced a protest outside the ministry on Friday, calling the visit an insult."
    assert _doc_values(nlp, text, "2025-11-12")["Friday"] == "2025-11-14"


def test_season_after_since_is_the_last_one_begun() -> None:
    text = '"The money has been coming since the winter," the farmer said.'
    assert _value(text, "2025-04-10", "the winter") == ("DATE", "2024-WI")


# ---- 2. anaphora on the last explicit mention


def test_following_year_counts_from_the_last_year_mentioned() -> None:
    text = ("Born on 2 May 1931 in a fishing town, she joined the foreign service in 1958 and was posted "
            "to Geneva the following year.")
    assert _value(text, "2025-04-24", "the following year") == ("DATE", "1959")


def test_later_that_year_counts_from_the_last_year_mentioned() -> None:
    text = "Talks began on 3 March 2001. In 1998 the first draft was tabled, and later that year it failed."
    assert _value(text, "2025-04-24", "later that year") == ("DATE", "1998")


def test_a_week_after_a_month_stays_in_that_month() -> None:
    text = "The lower house ratified the treaty last month; the senate did the same a week later."
    assert _value(text, "2025-04", "a week later") == ("DATE", "2025-03")


# ---- 3. timestamps


@pytest.mark.parametrize(("text", "snippet", "value"), [
    ("By Jo Example\nUpdated August 6, 2025 — 5.48pm\n\nThe body.", "August 6, 2025 — 5.48pm", "2025-08-06T17:48"),
    ("Wed Mar 26 2025 - 23:10\n\nThe chamber voted.", "Wed Mar 26 2025 - 23:10", "2025-03-26T23:10"),
    ("Published 6 August 2025 at 17:48\n\nThe body.", "6 August 2025 at 17:48", "2025-08-06T17:48"),
])
def test_dateline_date_and_clock_are_one_time(text: str, snippet: str, value: str) -> None:
    assert _value(text, "2025-08-06", snippet) == ("TIME", value)


def test_weekday_at_clock_in_a_sentence_stays_two_timexes() -> None:
    found = _found("Leaders will meet again on Sunday at 09:00 local time.", "2025-02-15")
    assert [f[0] for f in found] == ["Sunday", "09:00 local time"]


# ---- 4. missed expressions


def test_per_day_is_a_set() -> None:
    text = "Each refugee receives 11 litres of water per person per day, against a standard of 15."
    assert _value(text, "2025-02-27", "per day") == ("SET", "P1D")


def test_in_the_evening_is_the_day_last_mentioned() -> None:
    text = ("On 22 September, the two presidents held talks in the capital. In the evening, a reception "
            "was held for the guests. On the second day of the visit, the guest laid a wreath.")
    assert _value(text, "2025-09-23", "the evening") == ("TIME", "2025-09-22TEV")
    assert _value(text, "2025-09-23", "the second day") == ("DATE", "2025-09-23")


def test_first_day_of_a_month_is_not_counted_from_the_last_day() -> None:
    text = "On 22 September they met. The first day of October is a holiday."
    assert "the first day" not in [f[0] for f in _found(text, "2025-09-23")]


def test_centuries_old_is_a_vague_duration() -> None:
    text = "Relations rest on centuries-old ties and a decades-old border accord."
    assert _value(text, "2025-09-23", "centuries-old") == ("DURATION", "PXCE")
    assert _value(text, "2025-09-23", "decades-old") == ("DURATION", "PXDE")


def test_spent_the_day_is_the_reference_day() -> None:
    text = "The delegation arrived on Wednesday and spent the day touring farms."
    assert _value(text, "2025-07-03", "the day") == ("DATE", "2025-07-02")


def test_first_day_of_a_range_takes_the_month_after_it() -> None:
    text = "Reporting period: 13–26 February 2025. Talks ran from 3 to 5 March."
    found = _found(text, "2025-02-27")
    assert ("13", "DATE", "2025-02-13") in found
    assert ("26 February 2025", "DATE", "2025-02-26") in found
    assert ("3", "DATE", "2025-03-03") in found


def test_a_score_is_not_a_range() -> None:
    assert [f[0] for f in _found("The hosts won 2-1 in May.", "2025-06-01")] == ["May"]


def test_week_to_a_date_is_that_week() -> None:
    text = "Six tankers were loaded in the week to 4 May, shipping data show."
    assert _value(text, "2025-05-08", "the week to 4 May") == ("DATE", "2025-W18")


def test_within_the_week_and_first_decade() -> None:
    text = "He said the bond would be posted within the week. Nine cases came in its first decade."
    assert _value(text, "2024-11-21", "the week") == ("DATE", "2024-W47")
    assert _value(text, "2024-11-21", "its first decade") == ("DURATION", "P10Y")


@pytest.mark.parametrize(("text", "snippet", "typ", "value"), [
    ("The dispute began two decades ago.", "two decades ago", "DATE", "200"),
    ("The port was lost a quarter of a century ago.", "a quarter of a century ago", "DATE", "1999"),
    ("The rivalry has lasted half a century.", "half a century", "DURATION", "P50Y"),
    ("The meeting took half an hour.", "half an hour", "DURATION", "PT30M"),
])
def test_decades_and_fractions(text: str, snippet: str, typ: str, value: str) -> None:
    assert _value(text, "2024-10-30", snippet) == (typ, value)


def test_recently_before_a_date_and_adjective_present_are_not_timexes() -> None:
    text = ("The ministry had offered to host talks as recently as 2023. The sides clashed most recently in "
            "October 2022. He hoped the present negotiations would help.")
    spans = [f[0] for f in _found(text, "2025-04")]
    assert "recently" not in spans and "the present" not in spans
    assert "2023" in spans and "October 2022" in spans


# ---- the keyword pre-filter finds every match of every pattern


def test_keyword_prefilter_matches_finditer() -> None:
    texts = [
        "per day, within the week, its first decade, centuries-old, in the evening, the second day of talks",
        "13–26 February 2025; from 3 to 5 March; the week to 4 May; Wed Mar 26 2025 - 23:10; 5.48pm",
        "COMING UP\n\nMonday: ministers meet. A quarter of a century ago, half an hour, two decades ago.",
    ]
    for text in texts:
        scanner = tx._Scanner(text, text.lower())
        for (rx, _handler, _prio), scan in zip(tx._PATTERNS, tx._SCANS, strict=True):
            if scan is None:
                continue
            got = [m.span() for m in scanner.matches(rx, scan)]
            assert got == [m.span() for m in rx.finditer(text)], rx.pattern
