"""Indirect (reported) speech recall: the constructions news uses to report a proposition without
quote marks, with their source and cue (PolNeAR-style attribution: source, cue, content).

Every sentence here is invented (fictional people, places and outlets)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def _indirect(nlp: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    return [
        (doc.text[q["start"] : q["end"]], q["speaker_name"], doc.text[q["cue"][0] : q["cue"][1]] if q["cue"] else None)
        for q in doc._.np_quotes
        if q["kind"] == "indirect"
    ]


def _one(found: list[tuple[str, str | None, str | None]], content: str) -> tuple[str, str | None, str | None]:
    hits = [f for f in found if f[0] == content]
    assert hits, f"no indirect quote {content!r} in {found}"
    return hits[0]


def test_lead_before_a_quoted_conjunct_is_reported_speech(nlp: Any) -> None:
    found = _indirect(nlp, 'A spokeswoman for the Veldorian government said Veldoria had not received any formal '
                           'proposal and would "study any text carefully when it arrives".')
    _, speaker, cue = _one(found, "Veldoria had not received any formal proposal")
    assert speaker is not None and "spokeswoman" in speaker and cue == "said"


def test_quoted_words_inside_the_clause_leave_it_to_the_partial_quote(nlp: Any) -> None:
    found = _indirect(nlp, 'Outside the court, Marta Quell said Ostrana would post the bond "within the week".')
    assert found == []


def test_according_to_scopes_to_its_own_clause(nlp: Any) -> None:
    found = _indirect(nlp, "The ministry protested over a station built in an area that, according to the "
                           "Ostranian foreign ministry, has not yet been demarcated.")
    _, speaker, cue = _one(found, "has not yet been demarcated")
    assert speaker is not None and "foreign ministry" in speaker.lower() and cue == "according to"
    found = _indirect(nlp, "Farmers blocked the bridge for nearly two days, and at least nine people were "
                           "injured, according to the regional ombudsman.")
    _one(found, "at least nine people were injured")


def test_according_to_stops_before_another_sources_report(nlp: Any) -> None:
    found = _indirect(nlp, "According to diplomats in Vantor, the memorandum has still not been turned into a "
                           "binding agreement, and Lorian officials privately acknowledge that the recognition "
                           "clause has become a liability.")
    _one(found, "the memorandum has still not been turned into a binding agreement")
    _, speaker, _ = _one(found, "the recognition clause has become a liability")
    assert speaker is not None and "officials" in speaker


def test_described_as_and_called_x_y(nlp: Any) -> None:
    found = _indirect(nlp, "Officials on both sides describe the deal as a historic achievement.")
    _, speaker, cue = _one(found, "the deal as a historic achievement")
    assert speaker is not None and "Officials" in speaker and cue == "describe"
    found = _indirect(nlp, "Ostrana, which considers the enclave part of its territory, has called the deal a "
                           "violation of its sovereignty and expelled the ambassador in April.")
    _, speaker, _ = _one(found, "the deal a violation of its sovereignty")
    assert speaker == "Ostrana"


def test_nominal_cue_with_its_source_and_the_outer_report_ends_before_it(nlp: Any) -> None:
    found = _indirect(nlp, "The Government of Lorania announced that it would keep the border crossing open to "
                           "refugees, despite earlier statements by officials in the capital that the border could "
                           "be closed for security reasons.")
    _one(found, "it would keep the border crossing open to refugees")
    _, speaker, cue = _one(found, "the border could be closed for security reasons")
    assert speaker is not None and "officials" in speaker and cue == "statements"


def test_that_clause_hung_on_the_object(nlp: Any) -> None:
    found = _indirect(nlp, "The Secretary-General is alarmed by the fighting. He reminds all parties that "
                           "humanitarian personnel and assets must be protected at all times.")
    _, _, cue = _one(found, "humanitarian personnel and assets must be protected at all times")
    assert cue == "reminds"
    found = _indirect(nlp, "In this context, the Lorian side reaffirmed its principled position that the laying of "
                           "pipelines on the seabed is the sovereign right of the coastal states.")
    _, speaker, _ = _one(found, "the laying of pipelines on the seabed is the sovereign right of the coastal states")
    assert speaker is not None and "Lorian side" in speaker


def test_clause_only_cues(nlp: Any) -> None:
    found = _indirect(nlp, "The Pacific Reef Fisheries Agency estimates that illegal, unreported and unregulated "
                           "fishing costs the region's economies hundreds of millions of dollars a year.")
    _, speaker, _ = _one(found, "illegal, unreported and unregulated fishing costs the region's economies hundreds "
                                "of millions of dollars a year")
    assert speaker is not None and "Agency" in speaker
    found = _indirect(nlp, "In its order, the tribunal agreed that the bond was excessive.")
    _one(found, "the bond was excessive")
    found = _indirect(nlp, "Data from ship-tracking firm Tidewatch Analytics show that Veldorian tankers carried "
                           "about 40% of the exports in March.")
    _, speaker, _ = _one(found, "Veldorian tankers carried about 40% of the exports in March")
    assert speaker is not None and "Tidewatch Analytics" in speaker
    found = _indirect(nlp, "He pointed out that the two countries had resolved a similar dispute in 2022 without "
                           "a panel ruling.")
    _one(found, "the two countries had resolved a similar dispute in 2022 without a panel ruling")


def test_clause_only_cues_need_a_statement(nlp: Any) -> None:
    found = _indirect(nlp, "With troops expected to join the mission in January, Lorian and Ostranian soldiers "
                           "could find themselves deployed a few hundred kilometres apart.")
    assert found == []
    found = _indirect(nlp, "In an interview, Efra Mollen explains why Vantor still talks to the military "
                           "governments its neighbours shun.")
    assert found == []


def test_cue_after_its_clause_parsed_as_conjunct_or_parataxis(nlp: Any) -> None:
    found = _indirect(nlp, 'The document is not a binding contract, co-op president Dale Ferrow cautioned, but '
                           '"it\'s a lot more than a handshake."')
    _, speaker, cue = _one(found, "The document is not a binding contract")
    assert speaker is not None and "Ferrow" in speaker and cue == "cautioned"
    found = _indirect(nlp, "VANTOR \u2014 Lorania has no intention of taking a port by force, its officials say, "
                           "and they say it often.")
    _one(found, "Lorania has no intention of taking a port by force")


def test_addressee_then_clause_without_that(nlp: Any) -> None:
    found = _indirect(nlp, 'Senator Rhea Dollan told the chamber he had buried two neighbours who died serving '
                           'abroad, and that he would "take no lectures on neutrality from anyone".')
    _one(found, "he had buried two neighbours who died serving abroad")


def test_accused_of_keeps_the_phrases_after_the_charge(nlp: Any) -> None:
    found = _indirect(nlp, "The Lorian Government has accused the agency of bias in its reporting from the border.")
    _, speaker, _ = _one(found, "bias in its reporting from the border")
    assert speaker is not None and "Government" in speaker


def test_in_their_view(nlp: Any) -> None:
    found = _indirect(nlp, "Lorian officials see it differently: in their view, Vantor is using the enclave to open "
                           "a second front in the dam dispute.")
    _, speaker, _ = _one(found, "Vantor is using the enclave to open a second front in the dam dispute")
    assert speaker is not None and "officials" in speaker


def test_careful_to_stress_and_some_believe(nlp: Any) -> None:
    found = _indirect(nlp, "Officials on both sides have been careful to stress that it is a sporting event and "
                           "not a political one.")
    _, speaker, _ = _one(found, "it is a sporting event and not a political one")
    assert speaker is not None and "Officials" in speaker
    found = _indirect(nlp, "Analysts are divided on the risk. Some believe the government is mostly using the issue "
                           "to rally a divided population at home.")
    _, speaker, _ = _one(found, "the government is mostly using the issue to rally a divided population at home")
    assert speaker == "Some"


def test_headline_clause_without_a_full_stop(nlp: Any) -> None:
    found = _indirect(nlp, "Farmers say the tariffs have already cost growers more than $300 million\n\n"
                           "Growers in the south have lost their biggest market.\n")
    _one(found, "the tariffs have already cost growers more than $300 million")


def test_a_name_in_quote_marks_does_not_block_the_clause(nlp: Any) -> None:
    found = _indirect(nlp, 'The army said on Tuesday it had launched "Operation Iron Gate", a large-scale offensive '
                           "against militant hideouts in the north.")
    hits = [f for f in found if f[0].startswith("it had launched")]
    assert hits and "Iron Gate" in hits[0][0]


def test_rejected_allegations_are_not_the_rejecters_words(nlp: Any) -> None:
    found = _indirect(nlp, "President Oren Valt has rejected allegations that Vantor meddled in the election.")
    assert all(f[1] is None or "Valt" not in f[1] for f in found)
    found = _indirect(nlp, "The ministry denied Ostrana's claim that its troops had crossed the river.")
    _, speaker, cue = _one(found, "its troops had crossed the river")
    assert speaker == "Ostrana" and cue == "claim"
