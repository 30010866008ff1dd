"""Fixes found on the blind dev6 sentences (tests/gold/dev6): each test fails without its fix.

Fictional people and events; real countries.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from newsprism.annotate.actors import subdivision_country


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def events(nlp: Language, text: str) -> list[dict[str, Any]]:
    return list(nlp(text)._.np_events)


def triples(nlp: Language, text: str) -> set[tuple[str, Any, Any]]:
    """(type, source country, target country) of every event in the text."""
    return {(e["type"], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in events(nlp, text)}


def test_provide_recipient_with_aid(nlp: Language) -> None:
    assert ("AID", "DEU", "GHA") in triples(nlp, "Germany provided Ghana with 40 ambulances on Monday.")


def test_approve_arms_package_for_recipient(nlp: Language) -> None:
    assert ("AID", "FRA", "ARM") in triples(nlp, "Paris approved a new arms package for Armenia on Thursday.")


def test_suspend_permits_and_close_crossings(nlp: Language) -> None:
    assert ("SANCTION", "NOR", "ISR") in triples(nlp, "Norway suspended export licences to Israel.")
    assert ("SANCTION", "FIN", "RUS") in triples(nlp, "Finland closed four border crossings with Russia.")


def test_cut_off_channels(nlp: Language) -> None:
    got = triples(nlp, "Seoul cut off all communication channels with Pyongyang on Friday.")
    assert ("SANCTION", "KOR", "PRK") in got


def test_owner_of_suspended_membership_is_target(nlp: Language) -> None:
    assert ("SANCTION", None, "MLI") in triples(nlp, "The regional bloc ECOWAS suspended Mali's membership.")


def test_withdrawn_bill_is_a_concession(nlp: Language) -> None:
    got = {e["type"] for e in events(nlp, "The Peruvian government withdrew the fuel tax after a week of unrest.")}
    assert "CONCEDE" in got and "RETREAT" not in got


def test_abandoned_positions_is_retreat(nlp: Language) -> None:
    got = events(nlp, "Ukrainian troops abandoned their positions near the village on Sunday.")
    assert [e["type"] for e in got] == ["RETREAT"]


def test_call_up_and_order_troops_into(nlp: Language) -> None:
    assert {e["type"] for e in events(nlp, "Armenia called up 5,000 reservists on Tuesday.")} == {"MOBILIZE"}
    got = {e["type"] for e in events(nlp, "Peru's president ordered troops into the capital on Friday.")}
    assert "MOBILIZE" in got




def test_natural_disaster_killing_is_no_assault(nlp: Language) -> None:
    text = "Canada sent condolences to Nepal after a flood that killed 80 people."
    assert not any(e["type"] == "ASSAULT" for e in events(nlp, text))



def test_shut_down_internet_is_coercion(nlp: Language) -> None:
    got = events(nlp, "Authorities in Iran shut down the internet as protests spread.")
    assert any(e["type"] == "COERCE" for e in got)


def test_act_asked_for_by_ignored_calls_is_not_coded(nlp: Language) -> None:
    text = "The ruling party ignored calls from the opposition to withdraw the media bill."
    assert not any(e["type"] == "CONCEDE" for e in events(nlp, text))


def test_doubted_act_is_not_coded(nlp: Language) -> None:
    assert events(nlp, "Observers doubt that Sudan's rival generals will sign a truce this year.") == []


def test_recognised_as_government_is_support(nlp: Language) -> None:
    got = triples(nlp, "Brazil recognised the transitional council as Niger's legitimate authority.")
    assert any(t[0] == "SUPPORT" and t[1] == "BRA" for t in got)


def test_named_state_gives_its_country(nlp: Language) -> None:
    assert subdivision_country("Kaduna state") == "NGA"
    assert subdivision_country("Sindh province") == "PAK"
    assert subdivision_country("Georgia") is None  # a bare name is not enough
    got = events(nlp, "Gunmen abducted 30 villagers in Kaduna state on Sunday.")
    assert [(e["type"], (e["target"] or {}).get("country")) for e in got] == [("ASSAULT", "NGA")]


def test_meeting_purpose_is_the_same_meeting(nlp: Language) -> None:
    got = events(nlp, "Kenya's foreign minister met his Ugandan counterpart in Kampala to discuss border trade.")
    assert [(e["type"], e["target"]["country"]) for e in got] == [("CONSULT", "UGA")]
