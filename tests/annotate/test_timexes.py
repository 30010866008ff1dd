"""Tests for the time-expression core (find_timexes) and the newsprism_timexes component.

The anchor 2024-03-12 is a Tuesday in ISO week 11.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from newsprism.annotate.timexes import find_timexes

TUE = "2024-03-12"

# (text, anchor, snippet, type, value)
CASES: list[tuple[str, str | None, str, str, str]] = [
    # absolute dates, every common format
    ("The accord was signed on April 3, 2023, in the capital.", TUE, "April 3, 2023", "DATE", "2023-04-03"),
    ("Delegates gathered on 14 February 2022 for the vote.", TUE, "14 February 2022", "DATE", "2022-02-14"),
    ("the ceasefire began 7 october 2023 at dawn", TUE, "7 october 2023", "DATE", "2023-10-07"),
    ("The filing is dated 2023-11-30 in the registry.", TUE, "2023-11-30", "DATE", "2023-11-30"),
    ("The decree of 15.01.2024 was annulled.", TUE, "15.01.2024", "DATE", "2024-01-15"),
    ("A memo dated 09/14/2021 surfaced.", TUE, "09/14/2021", "DATE", "2021-09-14"),
    ("Ministers will convene on March 20 in the port city.", TUE, "March 20", "DATE", "2024-03-20"),
    ("Thursday, Nov. 2, 2023, was the deadline.", TUE, "Thursday, Nov. 2, 2023", "DATE", "2023-11-02"),
    ("The treaty took effect on the 5th of January 2020.", TUE, "the 5th of January 2020", "DATE", "2020-01-05"),
    ("Elections were held on Sept. 17.", TUE, "Sept. 17", "DATE", "2023-09-17"),
    # weekdays: nearest to the anchor, by tense
    ("The talks collapsed on Friday.", TUE, "Friday", "DATE", "2024-03-08"),
    ("The envoy will arrive on Friday.", TUE, "Friday", "DATE", "2024-03-15"),
    ("The delegation met on Tuesday.", TUE, "Tuesday", "DATE", "2024-03-12"),
    ("They meet again next Monday.", TUE, "next Monday", "DATE", "2024-03-18"),
    ("Last Wednesday the board resigned.", TUE, "Last Wednesday", "DATE", "2024-03-06"),
    ("Monday morning the ministers met in private.", TUE, "Monday morning", "TIME", "2024-03-11TMO"),
    # deictic days and parts of days
    ("Yesterday the minister resigned.", TUE, "Yesterday", "DATE", "2024-03-11"),
    ("Talks resume tomorrow in the capital.", TUE, "tomorrow", "DATE", "2024-03-13"),
    ("The cabinet meets today to discuss the budget.", TUE, "today", "DATE", "2024-03-12"),
    ("He will address the nation tonight.", TUE, "tonight", "TIME", "2024-03-12TNI"),
    ("Protesters gathered last night outside parliament.", TUE, "last night", "TIME", "2024-03-11TNI"),
    # relative calendar units
    ("Inflation rose last week, the agency said.", TUE, "last week", "DATE", "2024-W10"),
    ("The bill should pass this week.", TUE, "this week", "DATE", "2024-W11"),
    ("Elections are due next month.", TUE, "next month", "DATE", "2024-04"),
    ("Exports fell last year.", TUE, "last year", "DATE", "2023"),
    ("Growth will pick up next year.", TUE, "next year", "DATE", "2025"),
    ("The summit is planned for this spring.", TUE, "this spring", "DATE", "2024-SP"),
    ("Troops left last summer.", TUE, "last summer", "DATE", "2023-SU"),
    ("The bombing happened over the weekend.", TUE, "the weekend", "DATE", "2024-W10-WE"),
    ("Talks resumed earlier this month.", TUE, "earlier this month", "DATE", "2024-03"),
    ("The treaty expires at the end of the year.", TUE, "the end of the year", "DATE", "2024"),
    ("The reform was passed two years ago.", TUE, "two years ago", "DATE", "2022"),
    ("The strike started three weeks ago.", TUE, "three weeks ago", "DATE", "2024-W08"),
    # anaphoric: against the last mentioned date
    ("The vote was held on May 5, 2023. Two days later the president resigned.", TUE,
     "Two days later", "DATE", "2023-05-07"),
    ("The raid happened on June 10, 2022. Three days earlier, warnings were issued.", TUE,
     "Three days earlier", "DATE", "2022-06-07"),
    ("On June 10, 2022 the army crossed the border. The next day, it withdrew.", TUE,
     "The next day", "DATE", "2022-06-11"),
    ("On June 10, 2022 the army crossed the border. The day before, envoys had met.", TUE,
     "The day before", "DATE", "2022-06-09"),
    # partial dates, years, decades, centuries
    ("The law took effect in January.", TUE, "January", "DATE", "2024-01"),
    ("The law took effect in November.", TUE, "November", "DATE", "2023-11"),
    ("The plan will take effect in October.", TUE, "October", "DATE", "2024-10"),
    ("In March 2019 the same law was challenged; in May it was upheld.", TUE, "May", "DATE", "2019-05"),
    ("Prices spiked in October 2016.", TUE, "October 2016", "DATE", "2016-10"),
    ("The treaty was ratified in 1998.", TUE, "1998", "DATE", "1998"),
    ("Relations soured in the 1990s.", TUE, "the 1990s", "DATE", "199"),
    ("Borders were drawn in the 19th century.", TUE, "the 19th century", "DATE", "18"),
    ("The port was founded in 1717 by merchants.", TUE, "1717", "DATE", "1717"),
    ("The fortress was built three centuries ago.", TUE, "three centuries ago", "DATE", "17"),
    ("The tariffs were imposed in early 2022.", TUE, "early 2022", "DATE", "2022"),
    ("Output peaked in mid-2016.", TUE, "mid-2016", "DATE", "2016"),
    ("Debt grew in the first half of 2023.", TUE, "the first half of 2023", "DATE", "2023-H1"),
    ("Profits will rise in the second quarter.", TUE, "the second quarter", "DATE", "2024-Q2"),
    ("Revenue for Q3 2023 fell sharply.", TUE, "Q3 2023", "DATE", "2023-Q3"),
    # clock times
    ("The statement came at 4:25 p.m. on the steps.", TUE, "4:25 p.m.", "TIME", "2024-03-12T16:25"),
    ("Polls closed at 8 p.m. ET after a long day.", TUE, "8 p.m. ET", "TIME", "2024-03-12T20:00"),
    ("Leaders met at noon.", TUE, "noon", "TIME", "2024-03-12T12:00"),
    ("17:30 Police closed the square.", TUE, "17:30", "TIME", "2024-03-12T17:30"),
    ("The speech began at 5 pm.", TUE, "5 pm", "TIME", "2024-03-12T17:00"),
    ("On April 3, 2023, the talks opened at 9 a.m. sharp.", TUE, "9 a.m.", "TIME", "2023-04-03T09:00"),
    ("The deadline expired at 4 p.m. Monday.", TUE, "4 p.m. Monday", "TIME", "2024-03-11T16:00"),
    ("The convoy moved at 1430 GMT.", TUE, "1430 GMT", "TIME", "2024-03-12T14:30"),
    # durations
    ("He spoke for two hours.", TUE, "two hours", "DURATION", "PT2H"),
    ("The siege lasted three days.", TUE, "three days", "DURATION", "P3D"),
    ("She has ruled for seventeen years.", TUE, "seventeen years", "DURATION", "P17Y"),
    ("It took a decade to rebuild the bridge.", TUE, "a decade", "DURATION", "P10Y"),
    ("The minister began a two-day visit.", TUE, "two-day", "DURATION", "P2D"),
    ("Negotiations lasted 18 months.", TUE, "18 months", "DURATION", "P18M"),
    ("He has spent more than two years in exile.", TUE, "more than two years", "DURATION", "P2Y"),
    ("Unemployment has fallen over the past five years.", TUE, "the past five years", "DURATION", "P5Y"),
    ("The region has been unstable for years.", TUE, "years", "DURATION", "PXY"),
    ("A ceasefire of twenty-four hours was agreed.", TUE, "twenty-four hours", "DURATION", "PT24H"),
    # sets
    ("The parliament convenes every year.", TUE, "every year", "SET", "P1Y"),
    ("The committee meets weekly.", TUE, "weekly", "SET", "P1W"),
    ("Protesters march each Monday.", TUE, "each Monday", "SET", "XXXX-WXX-1"),
    ("The fund pays out $5 billion a year.", TUE, "a year", "SET", "P1Y"),
    # vague references
    ("The government is now divided.", TUE, "now", "DATE", "PRESENT_REF"),
    ("The army currently holds the town.", TUE, "currently", "DATE", "PRESENT_REF"),
    ("The envoy recently returned home.", TUE, "recently", "DATE", "PAST_REF"),
    ("Peace could come in the future.", TUE, "the future", "DATE", "FUTURE_REF"),
    # no document date / partial document date
    ("The summit opens on May 29.", None, "May 29", "DATE", "XXXX-05-29"),
    ("Yesterday the talks failed.", None, "Yesterday", "DATE", "PAST_REF"),
    ("Sanctions were lifted last year.", None, "last year", "DATE", "PAST_REF"),
    ("The talks resumed on Monday.", None, "Monday", "DATE", "XXXX-WXX-1"),
    ("The talks ended in March.", "2017-05", "March", "DATE", "2017-03"),
    ("Exports fell last year.", "2017-05", "last year", "DATE", "2016"),
    # later additions: possessives, plural weekdays, holidays, date + clock, vague plurals
    ("Sunday's election was marred by violence.", TUE, "Sunday", "DATE", "2024-03-10"),
    ("The opposition rallies on Fridays.", TUE, "Fridays", "SET", "XXXX-WXX-5"),
    ("The prisoners were freed at Christmas.", TUE, "Christmas", "DATE", "2023-12-25"),
    ("Filed 19 October 2023 18:45 GMT by our staff.", TUE, "19 October 2023 18:45 GMT", "TIME", "2023-10-19T18:45"),
    ("Talks have stalled over the past fortnight.", TUE, "the past fortnight", "DURATION", "P2W"),
    ("For the first time in decades, the parties met.", TUE, "decades", "DURATION", "PXDE"),
    ("The lease runs for another century.", TUE, "another century", "DURATION", "P100Y"),
    ("The first round is on April 21, followed by a runoff.", TUE, "April 21", "DATE", "2024-04-21"),
    ("Its first meeting will take place in January, the ministers said.", TUE, "January", "DATE", "2025-01"),
    ("The text will not be published until Friday.", TUE, "Friday", "DATE", "2024-03-15"),
    ("He has not slept since Friday.", TUE, "Friday", "DATE", "2024-03-08"),
    ("Violence flared in 2014-2015 across the region.", TUE, "2015", "DATE", "2015"),
    # tense cues place months and weekdays ahead of the document date
    ("The council's mandate expires in October.", "2025-09-20", "October", "DATE", "2025-10"),
    ("Parties have until 11:59 p.m. on 30 September to register.", "2025-09-20", "30 September", "DATE", "2025-09-30"),
    ("The bloc will hold a meeting on Friday, and its chief said it stood firm.", TUE, "Friday", "DATE", "2024-03-15"),
    ("Rivals were accused of stirring fears ahead of elections in November.", "2025-10-14", "November", "DATE",
     "2025-11"),
    # month or day + "next/last year" is one expression
    ("The books will be used from April next year.", TUE, "April next year", "DATE", "2025-04"),
    ("The vote took place on 3 June last year.", TUE, "3 June last year", "DATE", "2023-06-03"),
    # dotted clock with a zone, years and seasons as premodifiers, "-long" durations
    ("Thu 12 Jun 2025 07.00 BST", TUE, "Thu 12 Jun 2025 07.00 BST", "TIME", "2025-06-12T07:00"),
    ("It breaches the 1982 Convention on the Law of the Sea.", TUE, "1982", "DATE", "1982"),
    ("Crossings reopened after a weeklong shutdown.", TUE, "weeklong", "DURATION", "P1W"),
    ("The commission sets quotas at its autumn session.", TUE, "autumn", "DATE", "2024-FA"),
    ("A drone crashed near the village overnight.", TUE, "overnight", "TIME", "2024-03-11TNI"),
    ("Police cleared the square shortly after midnight.", TUE, "midnight", "TIME", "2024-03-12T00:00"),
    ("Results must come within hours, not days.", TUE, "days", "DURATION", "PXD"),
    ("Drivers lose six hours a day at the border.", TUE, "a day", "SET", "P1D"),
    # anaphora: the last mentioned month, day or period
    ("Complaints were made in mid-January. We wrote on the 14th.", TUE, "the 14th", "DATE", "2024-01-14"),
    ("We wrote on January 14. We followed up the following week.", TUE, "the following week", "DATE", "2024-W03"),
    ("They met on March 5. Earlier in the day, he laid a wreath.", TUE, "Earlier in the day", "DATE", "2024-03-05"),
    ("Exports hit 40% in the fourth quarter of 2023, up from 30% a year earlier.", TUE, "a year earlier", "DATE",
     "2022-Q4"),
    ("Drones crossed late Monday and one hit a field at 1:40 a.m.", TUE, "1:40 a.m.", "TIME", "2024-03-12T01:40"),
]


def _find(text: str, anchor: str | None, snippet: str) -> dict[str, object]:
    start = text.index(snippet)
    hits = [t for t in find_timexes(text, anchor) if t["start"] == start and t["end"] == start + len(snippet)]
    assert hits, f"{snippet!r} not found as a span; got {find_timexes(text, anchor)}"
    return hits[0]


@pytest.mark.parametrize(("text", "anchor", "snippet", "ttype", "value"), CASES)
def test_find_timexes(text: str, anchor: str | None, snippet: str, ttype: str, value: str) -> None:
    hit = _find(text, anchor, snippet)
    assert (hit["type"], hit["value"]) == (ttype, value)


NEGATIVES: list[tuple[str, str]] = [
    ("The 64-year-old diplomat resigned.", "64-year-old"),
    ("She is 64 years old and still in office.", "64 years"),
    ("Russia may be ready to talk.", "may"),
    ("May we ask a question?", "May"),
    ("The embassy is on 42nd Street.", "42nd"),
    ("Some 2,000 people marched to the square.", "2,000"),
    ("The Sunday Times reported the leak.", "Sunday"),
    ("The Arab Spring protests spread.", "Spring"),
    ("Prime Minister May said she would stay.", "May"),
    ("The resolution passed with 1500 votes.", "1500"),
    ("The march on the capital drew crowds.", "march"),
    ("Prices rose 2.5 percent.", "2.5"),
    ("The former minister spoke first.", "former"),  # an adjective of role, not a time (TimeML)
    ("Thousands lost their jobs almost overnight.", "overnight"),
    ("In the days of the empire, trade flourished.", "days"),
    ("Its fall was swift.", "fall"),
]


@pytest.mark.parametrize(("text", "snippet"), NEGATIVES)
def test_not_a_timex(text: str, snippet: str) -> None:
    start = text.index(snippet)
    end = start + len(snippet)
    assert not [t for t in find_timexes(text, TUE) if t["start"] < end and start < t["end"]]


def test_prepositions_stay_outside() -> None:
    text = "They met on Monday and again in March, at 5 pm."
    spans = [text[t["start"]:t["end"]] for t in find_timexes(text, TUE)]
    assert spans == ["Monday", "March", "5 pm"]


def test_anchor_kinds() -> None:
    text = "On June 10, 2022 the army crossed. The next day it withdrew. Yesterday it returned."
    kinds = {text[t["start"]:t["end"]]: t["anchor"] for t in find_timexes(text, TUE)}
    assert kinds == {"June 10, 2022": None, "The next day": "last", "Yesterday": "dct"}


def test_ages_only_on_request() -> None:
    text = "A 58-year-old fisherman was arrested."
    assert find_timexes(text, TUE) == []
    hit = find_timexes(text, TUE, ages=True)[0]
    assert (text[hit["start"]:hit["end"]], hit["value"]) == ("58-year-old", "P58Y")


def test_timeline_entries_take_the_day_the_post_is_about() -> None:
    text = ("Posted March 13, 2024\n\nYesterday the two sides met again, after a row on Friday.\n\n"
            "Here is how it went:\n\n9:15 a.m.\n\nDelegates arrive.\n\n3:30 p.m. GMT\n\nTalks end.")
    times = {text[t["start"]:t["end"]]: t["value"] for t in find_timexes(text, "2024-03-13") if t["type"] == "TIME"}
    assert times == {"9:15 a.m.": "2024-03-12T09:15", "3:30 p.m. GMT": "2024-03-12T15:30"}


def test_timeline_date_headers() -> None:
    text = "Monday, March 11, 2024\n\n10:05 a.m.\n\nTalks open.\n\nTuesday, March 12, 2024\n\n8 a.m.\n\nTalks close."
    times = [t["value"] for t in find_timexes(text, "2024-03-13") if t["type"] == "TIME"]
    assert times == ["2024-03-11T10:05", "2024-03-12T08:00"]


def test_accepts_date_objects() -> None:
    assert find_timexes("Talks resume tomorrow.", dt.date(2024, 3, 12))[0]["value"] == "2024-03-13"


def test_empty_text() -> None:
    assert find_timexes("", TUE) == []


def test_fast_on_long_text() -> None:
    para = ("On Monday, May 29, 2017, the two presidents met for three hours. Last week the talks stalled, "
            "and the minister said on Tuesday that a deal could come next month or in the first quarter. "
            "Some 2,000 people protested at 4 p.m. in the square. ")
    text = para * 500  # ~120k characters
    t0 = time.perf_counter()
    out = find_timexes(text, "2017-05-31")
    elapsed = time.perf_counter() - t0
    assert len(out) == 500 * 7
    assert len(text) / elapsed > 100_000  # characters per second


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def test_component_in_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The foreign ministers met on Monday in Geneva. They will meet again on April 2 at 10 a.m."
    doc = nlp.make_doc(text)
    doc._.np_meta = {"published": TUE}
    doc = nlp(doc)
    got = [(text[t["start"]:t["end"]], t["type"], t["value"]) for t in doc._.np_timexes]
    assert ("Monday", "DATE", "2024-03-11") in got
    assert ("April 2", "DATE", "2024-04-02") in got
    assert ("10 a.m.", "TIME", "2024-04-02T10:00") in got
    assert all(set(t) == {"start", "end", "type", "value", "anchor"} for t in doc._.np_timexes)


def test_component_without_metadata(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The talks resumed on May 29, 2017 after a pause.")
    assert [(t["type"], t["value"]) for t in doc._.np_timexes] == [("DATE", "2017-05-29")]


def test_parse_gives_the_governing_verbs_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsprism.annotate.timexes import _parse_tense

    text = "The envoy will hold talks with the rebels on Friday, while aides met them on Monday."
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsprism_")]):
        doc = nlp(text)
    hint = _parse_tense(doc)
    fri, mon = text.index("Friday"), text.index("Monday")
    assert hint(fri, fri + 6) == 1
    assert hint(mon, mon + 6) == -1
