"""Hand-checked facts about the example corpus (../shared/corpus/versailles-2017).

Each expectation below was read off the articles by a person; the corpus text is
read at run time, never copied into the project.
"""

from __future__ import annotations

import pytest


def _article(dossier: dict, stem: str) -> dict:
    [art] = [a for a in dossier["articles"] if a["source"].endswith(stem)]
    return art


def _quote(dossier: dict, stem: str, words: str) -> dict:
    art = _article(dossier, stem)
    found = [q for q in dossier["quotes"] if q["article"] == art["id"] and words in q["text"]]
    assert found, f"no quote containing {words!r} in {stem}"
    return found[0]


@pytest.mark.parametrize(
    "stem,words,speaker",
    [
        ("004_78c358b5689fd88b.txt", "It is essential to talk to Russia", "Emmanuel Macron"),
        ("004_78c358b5689fd88b.txt", "It was a first exchange of opinions", "Emmanuel Macron"),
        ("004_78c358b5689fd88b.txt", "a very good and long relationship", "Alexander Orlov"),
        ("003_efbdd6e6346307fa.txt", "impossible to fight terrorism by destabilizing a state", "Vladimir Putin"),
        ("003_efbdd6e6346307fa.txt", "rejoices that V. Putin is being welcomed", "Marine Le Pen"),
        ("003_efbdd6e6346307fa.txt", "On Syria, I have reminded President Putin", "Emmanuel Macron"),
        ("001_4531c746a2d8eea5.txt", "fundamental interests of Russia and France", "Vladimir Putin"),
    ],
)
def test_plainly_attributed_quotes_have_the_right_speaker(example_dossier, stem, words, speaker):
    quote = _quote(example_dossier, stem, words)
    names = {a["id"]: a["name"] for a in example_dossier["actors"]}
    got = names.get(quote["speaker"]) or quote["speaker_name"]
    assert got is not None and speaker.split()[-1] in got, (words, got)


@pytest.mark.parametrize(
    "stem,words",
    [
        ("000_278ea6e1d5da4368.txt", "concert of nations"),
        ("002_875473fb660d7a5a.txt", "and at the same time"),
    ],
)
def test_scare_quotes_and_terms_have_no_speaker(example_dossier, stem, words):
    art = _article(example_dossier, stem)
    for q in example_dossier["quotes"]:
        if q["article"] == art["id"] and words in q["text"]:
            assert q["speaker"] is None and q["speaker_name"] is None


def test_the_meeting_is_a_consult_between_the_two_presidents_on_its_day(example_dossier):
    names = {a["id"]: a["name"] for a in example_dossier["actors"]}
    meetings = [e for e in example_dossier["events"] if e["type"] == "CONSULT" and e["date"] == "2017-05-29"
                and {names.get(e["source"]), names.get(e["target"])} == {"Emmanuel Macron", "Vladimir Putin"}]
    assert meetings


def test_the_denial_of_interference_is_not_an_interference_event(example_dossier):
    for e in example_dossier["events"]:
        text = e["evidence"][0]["text"]
        if "meddled" in text or "influence the French vote" in text:
            assert e["type"] not in {"COERCE", "ASSAULT", "MOBILIZE", "SANCTION"}, (e["type"], text)


def test_timeline_holds_the_meeting_day_with_its_clock_times_and_other_dates(example_dossier):
    dates = {t["date"] for t in example_dossier["timeline"]}
    assert {"2017-05-29T16:25", "2017-05-29T17:22", "2017-05-29T17:41"} <= dates
    assert "2017-05-29" in dates
    assert any(d.startswith("2018-05") for d in dates)  # the return visit announced for the next year
    assert any(d < "2017" for d in dates)  # history the articles recall


def test_published_dates_and_genres_as_the_texts_give_them(example_dossier):
    oped = _article(example_dossier, "000_278ea6e1d5da4368.txt")
    wire = _article(example_dossier, "004_78c358b5689fd88b.txt")
    assert oped["published"] == "2017-05-31" and oped["genre"] == "opinion"
    assert wire["published"] == "2017-05-29" and wire["genre"] == "news"
    assert _article(example_dossier, "002_875473fb660d7a5a.txt")["genre"] == "analysis"


def test_statements_several_outlets_report_are_aligned(example_dossier):
    quotes = {q["id"]: q for q in example_dossier["quotes"]}
    texts = [" ".join(quotes[q]["text"] for q in st["quotes"]) for st in example_dossier["statements"]
             if len(st["outlets"]) >= 2]
    assert any("red line" in t for t in texts)  # the chemical-weapons red line
    assert any("terror" in t and "state" in t for t in texts)  # terrorism and the state
    assert any("propaganda" in t or "fake news" in t for t in texts)  # the two state media outlets


def test_the_five_articles_on_one_meeting_are_one_story(example_dossier):
    """All five articles report the same meeting (29 May 2017): one story, however many details
    each outlet repeats that the others leave out."""
    assert [len(s["articles"]) for s in example_dossier["stories"]] == [5]
