"""Behaviour of the newsprism_events component on hand-written sentences (real countries, invented people)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from newsprism.annotate.events import load_lexicon

PUBLISHED = "2024-03-12"


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def events(nlp: Language, text: str) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.np_meta = {"published": PUBLISHED}
    doc = nlp(doc)
    return list(doc._.np_events)


def country(party: dict[str, Any] | None) -> str | None:
    return party["country"] if party else None


# (sentence, type, source country, target country); None = no party or no country
CASES = [
    # AGREE
    ("Peru and Ecuador signed a border treaty in Lima.", "AGREE", "PER", "ECU"),
    ("Ghana promised to send doctors to Liberia.", "AGREE", "GHA", "LBR"),
    ("Greece pledged to provide firefighting planes to Albania.", "AGREE", "GRC", "ALB"),
    # CONSULT
    ("Mexican President Lucia Ortega met Guatemalan President Tomas Rivas in Tapachula.", "CONSULT", "MEX", "GTM"),
    ("The Swedish foreign minister visited Estonia on Friday.", "CONSULT", "SWE", "EST"),
    ("The Danish prime minister hosted the Icelandic prime minister in Copenhagen.", "CONSULT", "DNK", "ISL"),
    ("Talks between Egypt and Ethiopia ended without progress.", "CONSULT", "EGY", "ETH"),
    ("Chile held talks with Bolivia on access to the sea.", "CONSULT", "CHL", "BOL"),
    # SUPPORT
    ("The Irish government praised Portugal for its handling of the crisis.", "SUPPORT", "IRL", "PRT"),
    ("Croatia backed Montenegro's application to join the bloc.", "SUPPORT", "HRV", "MNE"),
    # CONCEDE
    ("Venezuela released three American citizens on Tuesday.", "CONCEDE", "VEN", "USA"),
    ("Canada lifted sanctions on Ukrainian grain imports.", "CONCEDE", "CAN", "UKR"),
    # COOPERATE
    ("Morocco cooperated with Spain on migration patrols.", "COOPERATE", "MAR", "ESP"),
    ("Egypt restored diplomatic relations with Qatar.", "COOPERATE", "EGY", "QAT"),
    # AID
    ("Japan provided humanitarian aid to Bangladesh.", "AID", "JPN", "BGD"),
    ("Sweden sent food and medicine to Yemen.", "AID", "SWE", "YEM"),
    # RETREAT
    ("Rwandan troops withdrew from eastern Burundi.", "RETREAT", "RWA", "BDI"),
    # REQUEST
    ("Germany urged Serbia to recognise Kosovo.", "REQUEST", "DEU", "SRB"),
    ("The Thai foreign minister called on Myanmar to free political prisoners.", "REQUEST", "THA", "MMR"),
    # ACCUSE
    ("Armenia accused Azerbaijan of violating the ceasefire.", "ACCUSE", "ARM", "AZE"),
    ("Finland condemned the Russian airspace violations.", "ACCUSE", "FIN", "RUS"),
    ("Brazil summoned the Israeli ambassador.", "ACCUSE", "BRA", "ISR"),
    # REJECT
    ("Norway rejected the proposal from Denmark.", "REJECT", "NOR", "DNK"),
    ("The Pakistani prime minister refused to meet the Afghan envoy.", "REJECT", "PAK", "AFG"),
    ("China denied supplying weapons to Russia.", "REJECT", "CHN", "RUS"),
    # THREATEN
    ("Turkey threatened to attack Kurdish fighters in Syria.", "THREATEN", "TUR", None),
    ("The United States could impose tariffs on Mexican steel.", "THREATEN", "USA", "MEX"),
    ("Iran warned Israel of a crushing response.", "THREATEN", "IRN", "ISR"),
    # PROTEST
    ("Thousands of people demonstrated in Madrid against the amnesty law.", "PROTEST", "ESP", None),
    ("Protesters rallied outside the Chinese embassy in London.", "PROTEST", "GBR", "CHN"),
    # SANCTION
    ("Australia imposed sanctions on Iranian officials.", "SANCTION", "AUS", "IRN"),
    ("Estonia expelled a Russian diplomat on Monday.", "SANCTION", "EST", "RUS"),
    ("Bolivia severed diplomatic ties with Israel.", "SANCTION", "BOL", "ISR"),
    # MOBILIZE
    ("Venezuela deployed troops to its border with Guyana.", "MOBILIZE", "VEN", "GUY"),
    ("South Korea held joint military drills near North Korea.", "MOBILIZE", "KOR", "PRK"),
    # COERCE
    ("Georgian police detained dozens of protesters in Tbilisi.", "COERCE", "GEO", "GEO"),
    ("Russia banned a British newspaper.", "COERCE", "RUS", "GBR"),
    # ASSAULT
    ("Israeli aircraft bombed Hamas positions in Gaza.", "ASSAULT", "ISR", None),
    ("Sudanese paramilitaries attacked the town of El Fasher.", "ASSAULT", "SDN", None),
    ("North Korea fired artillery shells at a South Korean island.", "ASSAULT", "PRK", "KOR"),
]


@pytest.mark.parametrize(("text", "etype", "src", "tgt"), CASES, ids=[c[0][:40] for c in CASES])
def test_type_source_target(nlp: Language, text: str, etype: str, src: str | None, tgt: str | None) -> None:
    found = events(nlp, text)
    assert found, f"no event in {text!r}"
    match = [e for e in found if e["type"] == etype]
    assert match, f"expected {etype}, got {[e['type'] for e in found]}"
    ev = match[0]
    assert country(ev["source"]) == src
    if tgt is not None:
        assert any(country(e["target"]) == tgt for e in match)


NO_EVENT = [
    "The weather in Oslo was cold and windy on Saturday.",
    "Unemployment in Spain fell to its lowest level since 2008.",
    "Stock markets in Asia rallied after the data was published.",
    "The museum released a new catalogue of its collection.",
    "A spokeswoman declined to comment on the matter.",
    "Tourists visited Rome in record numbers this summer.",
    "The minister, who studied in Paris, speaks four languages.",
    "The new bridge over the river will open in June.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_negation_is_reject_not_the_act(nlp: Language) -> None:
    found = events(nlp, "Hungary did not sign the declaration on Ukraine.")
    assert [e["type"] for e in found] == ["REJECT"]
    assert found[0]["mode"] == "negated"
    found = events(nlp, "Russia denied attacking the convoy.")
    assert [e["type"] for e in found] == ["REJECT"]
    assert found[0]["mode"] == "deny"


def test_refusal_to_meet(nlp: Language) -> None:
    found = events(nlp, "The Kenyan president refused to meet the Somali delegation.")
    assert [e["type"] for e in found] == ["REJECT"]
    assert found[0]["cameo"] == "125"
    assert country(found[0]["target"]) == "SOM"


def test_threatened_sanctions_are_a_threat_not_sanctions(nlp: Language) -> None:
    found = events(nlp, "Washington threatened to impose sanctions on Nicaragua.")
    assert [e["type"] for e in found] == ["THREATEN"]
    ev = found[0]
    assert ev["mode"] == "sanction" and ev["cameo"] == "1312"
    assert country(ev["source"]) == "USA" and country(ev["target"]) == "NIC"


def test_modal_hostile_act_is_threat(nlp: Language) -> None:
    found = events(nlp, "The European Union may impose new tariffs on Chinese cars.")
    assert [e["type"] for e in found] == ["THREATEN"]


def test_promise_of_aid_is_agree(nlp: Language) -> None:
    found = events(nlp, "Qatar vowed to help Lebanon rebuild its port.")
    assert [e["type"] for e in found] == ["AGREE"]
    assert found[0]["mode"] == "promise"
    assert country(found[0]["target"]) == "LBN"


def test_conditional_main_clause(nlp: Language) -> None:
    found = events(nlp, "If Serbia moves troops to the border, Croatia will respond with force.")
    types = [e["type"] for e in found]
    assert "THREATEN" in types and "MOBILIZE" not in types


def test_coordinated_sources_give_two_events(nlp: Language) -> None:
    found = events(nlp, "Latvia and Lithuania condemned the Belarusian border provocations.")
    assert sorted(str(country(e["source"])) for e in found if e["type"] == "ACCUSE") == ["LTU", "LVA"]


def test_symmetric_meeting_splits_coordinated_subject(nlp: Language) -> None:
    found = events(nlp, "Kenya and Tanzania signed a trade agreement.")
    assert len(found) == 1
    assert {country(found[0]["source"]), country(found[0]["target"])} == {"KEN", "TZA"}


def test_passive_agent_is_source(nlp: Language) -> None:
    found = events(nlp, "Two Iranian diplomats were expelled by the Netherlands.")
    assert [e["type"] for e in found] == ["SANCTION"]
    assert country(found[0]["source"]) == "NLD" and country(found[0]["target"]) == "IRN"


def test_passive_without_agent_keeps_target(nlp: Language) -> None:
    found = events(nlp, "A French journalist was arrested in Ethiopia.")
    assert [e["type"] for e in found] == ["COERCE"]
    assert found[0]["target"] is not None and country(found[0]["target"]) == "FRA"


def test_request_does_not_code_requested_act(nlp: Language) -> None:
    found = events(nlp, "Poland urged Germany to send tanks to Ukraine.")
    assert [e["type"] for e in found] == ["REQUEST"]


def test_accusation_does_not_code_alleged_act(nlp: Language) -> None:
    found = events(nlp, "Ukraine accused Russia of shelling a hospital in Kherson.")
    assert [e["type"] for e in found] == ["ACCUSE"]
    assert country(found[0]["target"]) == "RUS"


def test_event_in_quote_is_claimed_by_speaker(nlp: Language) -> None:
    doc = nlp.make_doc('"We will never recognise the annexation," said the Moldovan foreign minister.')
    doc._.np_meta = {"published": PUBLISHED}
    doc = nlp(doc)
    quoted = [e for e in doc._.np_events if e["trigger"][0] < doc.text.index(",")]
    assert quoted and quoted[0]["type"] == "REJECT"
    if doc._.np_quotes and doc._.np_quotes[0].get("speaker_actor"):
        assert quoted[0]["claimed_by"] == doc._.np_quotes[0]["speaker_actor"]


def test_reported_speech_is_claimed_by_speaker(nlp: Language) -> None:
    doc = nlp.make_doc("The Kremlin said Russia would retaliate against Finland.")
    doc._.np_meta = {"published": PUBLISHED}
    doc = nlp(doc)
    ev = doc._.np_events[0]
    assert ev["type"] == "THREATEN" and ev["mode"] == "force"
    assert ev["claimed_by"] is not None
    assert doc._.np_actors[[a["id"] for a in doc._.np_actors].index(ev["claimed_by"])]["name"] == "Kremlin"


def test_output_contract(nlp: Language) -> None:
    text = "Italian Prime Minister Marco Bellini met Tunisian President Karim Saidi in Rome on Monday."
    doc = nlp.make_doc(text)
    doc._.np_meta = {"published": PUBLISHED}
    doc = nlp(doc)
    (ev,) = doc._.np_events
    assert ev["type"] == "CONSULT" and ev["mode"] == "meet" and ev["cameo"] == "040"
    assert -10 <= ev["goldstein"] <= 10
    s, e = ev["trigger"]
    assert text[s:e] == "met"
    assert ev["evidence"] == [0, len(text)]
    source = ev["source"]
    assert source is not None
    assert source["name"] == "Marco Bellini" and source["kind"] == "person"
    ms, me = source["mention"]
    assert "Bellini" in text[ms:me]
    assert ev["claimed_by"] is None
    assert ev["date"] is not None and ev["date"].startswith("2024-03")


def test_date_falls_back_to_published(nlp: Language) -> None:
    (ev,) = events(nlp, "Senegal expelled a Malian diplomat.")
    assert ev["date"] == PUBLISHED


def test_lexicon_covers_sixteen_types() -> None:
    lex = load_lexicon()
    types = {p.type for pats in lex.verbs.values() for p in pats}
    assert len(types) == 16
    for pats in list(lex.verbs.values()) + list(lex.nouns.values()):
        for p in pats:
            assert p.cameo.isdigit() and 2 <= len(p.cameo) <= 4
            assert -10 <= p.goldstein <= 10


def test_pipeline_order_is_valid(nlp: Language) -> None:
    analysis: Any = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())


# -- generalisation: datelines, criticism, negated agreement, evaluative naming, inherited countries --

GENERAL_CASES = [
    # criticism as verbs, adjectives and nominalisations (PLOVER ACCUSE)
    ("Norway expressed concern over the arrest of the activists.", "ACCUSE", "NOR", None),
    ("The Chilean foreign ministry voiced alarm at the escalation.", "ACCUSE", "CHL", None),
    ("Ghana said it was deeply concerned by the reports.", "ACCUSE", "GHA", None),
    ("Austria castigated Hungary for the decision.", "ACCUSE", "AUT", "HUN"),
    ("Latvia called the expulsion \"unjustified and provocative\".", "ACCUSE", "LVA", None),
    ("Tunisia called the border closure illegal.", "ACCUSE", "TUN", None),
    # failing to agree is no agreement
    ("Kenya and Tanzania failed to agree on a new tariff schedule.", "REJECT", "KEN", "TZA"),
    # a promised contribution of police is help, not a threat
    ("Rwanda would send 300 police officers to the mission.", "AGREE", "RWA", None),
    # unions calling a strike organise a protest
    ("Teachers' unions in Peru called for a nationwide strike.", "PROTEST", "PER", None),
]


@pytest.mark.parametrize("text,etype,src,tgt", GENERAL_CASES)
def test_general_patterns(nlp: Language, text: str, etype: str, src: str | None, tgt: str | None) -> None:
    evs = events(nlp, text)
    assert [e["type"] for e in evs] == [etype], evs
    assert country(evs[0]["source"]) == src
    if tgt is not None:
        assert country(evs[0]["target"]) == tgt


def test_praise_by_naming_is_support(nlp: Language) -> None:
    evs = events(nlp, "Jordan called the talks constructive.")
    assert [e["type"] for e in evs] == ["SUPPORT"]


def test_dateline_is_never_a_party(nlp: Language) -> None:
    evs = events(nlp, "LIMA, Peru (AP) — Peru on Monday expelled a Bolivian diplomat.")
    assert [(e["type"], e["source"]["name"], country(e["target"])) for e in evs] == [("SANCTION", "Peru", "BOL")]
    evs = events(nlp, "QUITO — Ecuador and Colombia agreed on Monday to reopen the border.")
    assert evs and all("QUITO" not in (e["source"] or {}).get("name", "") for e in evs)
    assert {country(evs[0]["source"]), country(evs[0]["target"])} == {"ECU", "COL"}


def test_unnamed_national_body_takes_dateline_country(nlp: Language) -> None:
    evs = events(nlp, "NAIROBI — The ministry on Monday condemned the attack on the convoy.")
    assert [e["type"] for e in evs] == ["ACCUSE"]
    assert country(evs[0]["source"]) == "KEN"


def test_body_inherits_country_of_earlier_mention(nlp: Language) -> None:
    text = "Chile's foreign ministry issued a statement. Later the ministry condemned the decision."
    evs = events(nlp, text)
    assert [(e["type"], country(e["source"])) for e in evs] == [("ACCUSE", "CHL")]


def test_speaking_to_reporters_is_no_event(nlp: Language) -> None:
    assert events(nlp, "The Peruvian envoy did not speak to reporters as he left.") == []


def test_summons_to_protest_is_one_complaint(nlp: Language) -> None:
    evs = events(nlp, "Vietnam summoned China's ambassador to protest against the new map.")
    assert [(e["type"], country(e["source"]), country(e["target"])) for e in evs] == [("ACCUSE", "VNM", "CHN")]


# Light-verb, noun and idiomatic constructions (PLOVER/CAMEO codebook readings), sentence alone.
CONSTRUCTIONS = [
    ("Bolivian and Chilean negotiators held a second round of talks in Arica.", "CONSULT", "BOL", "CHL"),
    ("Egypt expected Ethiopia to halt the filling of the dam.", "REQUEST", "EGY", "ETH"),
    ("Kenya gave Somalia until Friday to withdraw its envoy.", "REQUEST", "KEN", "SOM"),
    ("Mali's delegation left the hall.", "REJECT", "MLI", None),
    ("Opposition delegates from Togo walked out of the session.", "REJECT", "TGO", None),
    ("Belgian troops left their bases in Mali last year.", "RETREAT", "BEL", "MLI"),
    ("Protesters in Karachi burned an effigy of the prime minister.", "PROTEST", "PAK", None),
    ("Students threw stones at the Chilean embassy.", "PROTEST", None, "CHL"),
    ("Laos vowed on Monday to keep the Thai border closed to trucks.", "THREATEN", "LAO", "THA"),
    ("Hungary announced controls on its border with Slovakia.", "SANCTION", "HUN", "SVK"),
    ("The EU has adopted 12 sanctions packages since 2022.", "SANCTION", None, None),
    ("Iran had not rejected the offer but had asked for guarantees.", "REQUEST", "IRN", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), CONSTRUCTIONS)
def test_constructions(nlp: Language, text: str, type_: str, src: str | None, tgt: str | None) -> None:
    evs = [e for e in events(nlp, text) if e["type"] == type_]
    assert evs, events(nlp, text)
    assert (country(evs[0]["source"]), country(evs[0]["target"])) == (src, tgt)


COUNTRIES = [
    # city -> country, demonym premodifier over the possessor, "of" + demonym, stance adjectives
    ("Police in Lagos arrested dozens of protesters.", "COERCE", "NGA", None),
    ("The Turkish president met his Greek counterpart in Ankara.", "CONSULT", "TUR", "GRC"),
    ("The Department summoned the charge d'affaires of the Chinese Embassy.", "ACCUSE", None, "CHN"),
    ("The arrest of the opposition leader by Venezuelan police drew condemnation.", "COERCE", "VEN", None),
    ("A Korean civic group staged a rally outside the Japanese embassy.", "PROTEST", "KOR", "JPN"),
    ("North Korean troops fired artillery at South Korean islands.", "ASSAULT", "PRK", "KOR"),
    ("The pro-Russian party accused the government of corruption.", "ACCUSE", None, None),
    ("Chadian officials said a delegation would travel to Niamey to discuss the list.", "AGREE", "TCD", "NER"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), COUNTRIES)
def test_countries_from_the_sentence(nlp: Language, text: str, type_: str, src: str | None,
                                     tgt: str | None) -> None:
    evs = [e for e in events(nlp, text) if e["type"] == type_]
    assert evs, events(nlp, text)
    assert (country(evs[0]["source"]), country(evs[0]["target"])) == (src, tgt)


def test_denial_of_a_fronted_charge_keeps_the_charge(nlp: Language) -> None:
    evs = events(nlp, "Uganda accuses the Congolese army of shelling border villages, a charge Kinshasa denies.")
    got = {(e["type"], country(e["source"])) for e in evs}
    assert ("ACCUSE", "UGA") in got and ("REJECT", "COD") in got


def test_claim_called_baseless_is_the_speakers_denial(nlp: Language) -> None:
    evs = events(nlp, "'The claim that Nepal closed the border is baseless,' the Indian spokesman told reporters.")
    assert [(e["type"], e["mode"], country(e["source"])) for e in evs] == [("REJECT", "deny", "IND")]


def test_no_event_without_a_political_party(nlp: Language) -> None:
    assert events(nlp, "Journalists have been asked to leave the hall as leaders begin a closed-door session.") == []
    # a finite adverbial clause keeps its own (lost) agent: the killing is not the minister's
    evs = events(nlp, "The Czech minister met his Slovak counterpart after a blast left two guards dead.")
    assert all(not (e["type"] == "ASSAULT" and e["source"]) for e in evs)


def test_headings_and_possessive_parties_code_nothing(nlp):
    from tests.conftest import annotate_text

    doc = annotate_text(nlp, "Trade promises\n\nThe two presidents walk to their meeting in the garden.", "2024-03-12")
    assert all(e["source"] is None or e["source"]["name"].lower() != "their" for e in doc._.np_events)
    heading = annotate_text(nlp, "Ministers meet\n\nThe weather was mild.", "2024-03-12")
    assert heading._.np_events == []


def test_an_attack_launched_on_media_outlets_is_criticism(nlp):
    from tests.conftest import annotate_text

    text = ("Ana Reis said she had frank talks with the Chilean president on Monday, but also launched an "
            "extraordinary attack on two Chilean media outlets she accused of spreading lies.")
    doc = annotate_text(nlp, text, "2024-03-12")
    on_media = [e for e in doc._.np_events if e["target"] and "outlets" in e["target"]["name"]]
    assert on_media and all(e["type"] == "ACCUSE" for e in on_media)
