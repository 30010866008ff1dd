"""Behaviour of the newsprism_actors component and the world resource (invented sentences)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.annotate.actors import country_of, load_world
from newsprism.annotate.lookup import MentionIndex


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def _maybe(doc: Doc, snippet: str, occurrence: int = 0) -> dict[str, Any] | None:
    """The actor linked to the n-th occurrence of snippet, if any."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(snippet, start + 1)
    return MentionIndex(doc).actor_for(start, start + len(snippet))


def _at(doc: Doc, snippet: str, occurrence: int = 0) -> dict[str, Any]:
    """The actor linked to the n-th occurrence of snippet (which must have one)."""
    actor = _maybe(doc, snippet, occurrence)
    assert actor is not None, f"no actor for {snippet!r}"
    return actor


def _persons(doc: Doc) -> list[dict[str, Any]]:
    return [a for a in doc._.np_actors if a["kind"] == "person"]


# ---------------------------------------------------------------- world ----


def test_world_covers_every_iso_country() -> None:
    import pycountry

    world = load_world()
    assert {c.alpha_3 for c in pycountry.countries} <= set(world.countries)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Russian", "RUS"), ("the Russians", "RUS"),
        ("Moscow", "RUS"), ("U.S.", "USA"), ("America", "USA"), ("Washington", "USA"), ("UK", "GBR"),
        ("Britain", "GBR"), ("British", "GBR"), ("Ivory Coast", "CIV"), ("Ivorian", "CIV"),
        ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Czechia", "CZE"), ("South Korea", "KOR"), ("Iran", "IRN"),
        ("Syria", "SYR"), ("Beijing", "CHN"), ("French", "FRA"), ("Norway's", "NOR"), ("deu", "DEU"),
    ],
)
def test_country_of(text: str, code: str) -> None:
    assert country_of(text) == code


def test_country_of_unknown_and_orgs() -> None:
    assert country_of("Atlantis") is None
    assert country_of("NATO") is None


def test_world_has_metonyms_orgs_and_no_codes_missing() -> None:
    world = load_world()
    assert world.surface["Kremlin"].code == "RUS" and world.surface["Kremlin"].role == "presidency"
    assert world.surface["Quai d'Orsay"].role == "foreign ministry"
    assert world.surface["Élysée"].code == world.surface["Elysee"].code == "FRA"
    for acronym in ("UN", "EU", "NATO", "AU", "ASEAN", "OPEC", "IMF", "OSCE", "G7", "G20", "IAEA", "WTO"):
        assert world.surface[acronym].type == "org", acronym
    assert world.roles["spokeswoman"].gender == "f"


# --------------------------------------------------------------- merging ----


def test_surname_title_and_possessive_merge(nlp: Language) -> None:
    doc = nlp(
        "Brazilian President Helena Duarte arrived in Lisbon on Monday. President Duarte met students, "
        "and Duarte's speech was well received."
    )
    people = _persons(doc)
    assert len(people) == 1
    a = people[0]
    assert a["name"] == "Helena Duarte"
    assert a["country"] == "BRA" and a["role"] == "president"
    assert len(a["mentions"]) == 3
    assert _at(doc, "Duarte", 2)["id"] == a["id"]  # the possessive


def test_canonical_name_is_fullest_form(nlp: Language) -> None:
    doc = nlp("Okafor spoke first. Later, Chidi Okafor, the Nigerian envoy, told reporters Okafor would stay.")
    people = _persons(doc)
    assert len(people) == 1
    assert people[0]["name"] == "Chidi Okafor"
    assert people[0]["country"] == "NGA" and people[0]["role"] == "envoy"


def test_different_first_names_do_not_merge(nlp: Language) -> None:
    doc = nlp("Helena Duarte arrived on Monday. Paulo Duarte, her brother, said he was proud of her.")
    names = sorted(a["name"] for a in _persons(doc))
    assert names == ["Helena Duarte", "Paulo Duarte"]
    assert _at(doc, "her")["name"] == "Helena Duarte"
    assert _at(doc, "he ")["name"] == "Paulo Duarte"


def test_titles_stripped_from_name(nlp: Language) -> None:
    doc = nlp("Prime Minister Sofia Lind of Sweden met Chancellor Klaus Weber in Stockholm.")
    by_name = {a["name"]: a for a in _persons(doc)}
    assert set(by_name) == {"Sofia Lind", "Klaus Weber"}
    assert by_name["Sofia Lind"]["country"] == "SWE"
    assert by_name["Sofia Lind"]["role"] == "prime minister"
    assert by_name["Klaus Weber"]["role"] == "chancellor"


# ------------------------------------------------- roles and countries ----


def test_apposition_ambassador_to(nlp: Language) -> None:
    doc = nlp("Lars Eriksen, Norway's ambassador to Chile, said the talks had failed.")
    a = _at(doc, "Lars Eriksen")
    assert a["country"] == "NOR" and a["role"] == "ambassador"
    assert _at(doc, "Chile")["country"] == "CHL"


def test_apposition_before_name(nlp: Language) -> None:
    doc = nlp("The Turkish foreign minister, Kemal Aydin, arrived late.")
    a = _at(doc, "Kemal Aydin")
    assert a["kind"] == "person" and a["country"] == "TUR" and a["role"] == "foreign minister"
    assert _at(doc, "The Turkish foreign minister")["id"] == a["id"]


def test_possessive_country_role_apposition(nlp: Language) -> None:
    doc = nlp("Brazil's foreign minister, Ana Costa, said the proposal was premature.")
    a = _at(doc, "Ana Costa")
    assert a["kind"] == "person"
    assert a["country"] == "BRA" and a["role"] == "foreign minister"
    assert _at(doc, "Brazil")["kind"] == "country"


def test_president_of_country(nlp: Language) -> None:
    doc = nlp("President Kofi Mensah of Ghana told reporters the border would reopen.")
    a = _at(doc, "Kofi Mensah")
    assert a["country"] == "GHA" and a["role"] == "president"


def test_demonym_premodifier(nlp: Language) -> None:
    doc = nlp("French President Marie Leclerc welcomed the decision.")
    a = _at(doc, "Marie Leclerc")
    assert a["country"] == "FRA" and a["role"] == "president"
    # "French" alone is not a country actor
    assert not [x for x in doc._.np_actors if x["kind"] == "country"]


def test_country_possessive_premodifier(nlp: Language) -> None:
    doc = nlp("Russia's Sergei Volkov disagreed with the plan.")
    a = _at(doc, "Sergei Volkov")
    assert a["country"] == "RUS" and a["role"] is None


def test_kremlin_spokesman_after_name(nlp: Language) -> None:
    doc = nlp("Ivan Petrenko, the Kremlin spokesman, rejected the report.")
    a = _at(doc, "Ivan Petrenko")
    assert a["country"] == "RUS" and a["role"] == "spokesman"


def test_kremlin_spokesman_before_name(nlp: Language) -> None:
    doc = nlp("The Kremlin spokesman, Ivan Petrenko, said Russia had not been involved.")
    a = _at(doc, "Ivan Petrenko")
    assert a["country"] == "RUS" and a["role"] == "spokesman"
    assert _at(doc, "Russia")["kind"] == "country"


# -------------------------------------------------- countries, metonyms ----


def test_capital_metonym_subject(nlp: Language) -> None:
    doc = nlp("Moscow denied the claims, while Beijing said nothing.")
    assert _at(doc, "Moscow")["country"] == "RUS"
    assert _at(doc, "Moscow")["kind"] == "country"
    assert _at(doc, "Beijing")["name"] == "China"


def test_capital_as_place_is_not_an_actor(nlp: Language) -> None:
    doc = nlp("The delegation arrived in Moscow on Tuesday.")
    assert _maybe(doc, "Moscow") is None


def test_capital_object_of_political_verb(nlp: Language) -> None:
    doc = nlp("Washington urged Tehran to comply, and talks between Moscow and Kyiv stalled.")
    assert _at(doc, "Washington")["country"] == "USA"
    assert _at(doc, "Tehran")["country"] == "IRN"
    assert _at(doc, "Kyiv")["country"] == "UKR"


def test_metonym_buildings(nlp: Language) -> None:
    doc = nlp("The White House said the Elysee had called, and the Kremlin did not comment.")
    wh, el, kr = _at(doc, "White House"), _at(doc, "Elysee"), _at(doc, "Kremlin")
    assert (wh["country"], wh["role"]) == ("USA", "presidency")
    assert (el["country"], el["kind"]) == ("FRA", "organization")
    assert kr["country"] == "RUS"


def test_country_mentions_merge(nlp: Language) -> None:
    doc = nlp("Russia rejected the offer. Moscow said the Russians would not negotiate under pressure.")
    countries = [a for a in doc._.np_actors if a["kind"] == "country"]
    assert len(countries) == 1
    assert countries[0]["name"] == "Russia" and len(countries[0]["mentions"]) == 3


def test_alternate_country_names(nlp: Language) -> None:
    doc = nlp("The U.S. and Britain warned Ivory Coast, and South Korea agreed.")
    assert _at(doc, "U.S.")["country"] == "USA"
    assert _at(doc, "Britain")["country"] == "GBR"
    assert _at(doc, "Ivory Coast")["country"] == "CIV"
    assert _at(doc, "South Korea")["country"] == "KOR"


def test_international_organizations(nlp: Language) -> None:
    doc = nlp("NATO and the EU backed the plan, while the UN, OPEC and the IAEA stayed silent.")
    got = {a["code"] for a in doc._.np_actors if a["kind"] == "organization"}
    assert {"NAT", "EEC", "UNO", "OPC", "IAE"} <= got
    assert _at(doc, "EU")["name"] == "European Union"


def test_org_type_with_country(nlp: Language) -> None:
    doc = nlp("The Russian army shelled the town. The army said it would continue.")
    a = _at(doc, "Russian army")
    assert a["kind"] == "organization" and a["country"] == "RUS" and a["role"] == "military"
    assert _at(doc, "army", 1)["id"] == a["id"]


def test_rebels_are_a_group(nlp: Language) -> None:
    doc = nlp("Syrian rebels retreated from the city.")
    a = _at(doc, "rebels")
    assert a["kind"] == "group" and a["country"] == "SYR"


# ----------------------------------------------------------- coreference ----


def test_pronoun_to_previous_subject(nlp: Language) -> None:
    doc = nlp("Helena Duarte met students in Lisbon. She said the talks were useful.")
    m = [x for x in doc._.np_mentions if x["pronoun"]]
    assert len(m) == 1 and m[0]["label"] == "PRON"
    assert _at(doc, "She")["name"] == "Helena Duarte"


def test_pronoun_gender_from_role(nlp: Language) -> None:
    doc = nlp("The spokeswoman, Anna Berg, met Ivan Petrenko, the Kremlin spokesman. He said she was right.")
    assert _at(doc, "He")["name"] == "Ivan Petrenko"
    assert _at(doc, "she ")["name"] == "Anna Berg"


def test_object_pronoun_not_bound_to_subject(nlp: Language) -> None:
    doc = nlp("Klaus Weber met Tomas Novak on Monday. Novak praised him.")
    assert _at(doc, "him")["name"] == "Klaus Weber"


def test_definite_description_with_country(nlp: Language) -> None:
    doc = nlp(
        "French President Marie Leclerc hosted Russian President Pavel Sorokin in Paris. "
        "The Russian president thanked her. The French president said the talks were frank."
    )
    assert _at(doc, "The Russian president")["name"] == "Pavel Sorokin"
    assert _at(doc, "The French president")["name"] == "Marie Leclerc"
    assert _at(doc, "her")["name"] == "Marie Leclerc"
    desc = [m for m in doc._.np_mentions if m["label"] == "DESC"]
    assert desc and all(m["pronoun"] for m in desc)


def test_description_does_not_cross_countries(nlp: Language) -> None:
    doc = nlp("French President Marie Leclerc spoke on Monday. The Russian president did not attend.")
    a = _maybe(doc, "The Russian president")
    assert a is None or a["name"] != "Marie Leclerc"
    assert len([p for p in _persons(doc) if p["name"] == "Marie Leclerc"]) == 1


def test_host_and_guest(nlp: Language) -> None:
    doc = nlp(
        "Chancellor Klaus Weber hosted President Kofi Mensah in Berlin. The guest praised the host."
    )
    assert _at(doc, "The guest")["name"] == "Kofi Mensah"
    assert _at(doc, "the host")["name"] == "Klaus Weber"


def test_age_description(nlp: Language) -> None:
    doc = nlp("Mr Volkov, 58, said the sanctions were unfair. The 58-year-old later left the meeting.")
    assert _at(doc, "The 58-year-old")["name"] == "Volkov"


def test_the_minister_resolves_to_latest_minister(nlp: Language) -> None:
    doc = nlp(
        "Foreign Minister Ana Costa met Ambassador Lars Eriksen. The minister said the visit was a success."
    )
    assert _at(doc, "The minister")["name"] == "Ana Costa"


def test_unnamed_description_becomes_actor(nlp: Language) -> None:
    doc = nlp("The Russian president called the German chancellor on Friday.")
    a = _at(doc, "Russian president")
    b = _at(doc, "German chancellor")
    assert a["country"] == "RUS" and a["role"] == "president"
    assert b["country"] == "DEU" and b["id"] != a["id"]


def test_output_contract(nlp: Language) -> None:
    doc = nlp("Helena Duarte, Brazil's president, met NATO officials. She said Moscow was wrong.")
    ids = {a["id"] for a in doc._.np_actors}
    for a in doc._.np_actors:
        assert set(a) >= {"id", "name", "kind", "country", "role", "aliases", "mentions"}
        assert a["kind"] in ("person", "organization", "country", "group", "other")
        for s, e in a["mentions"]:
            assert 0 <= s < e <= len(doc.text)
    for m in doc._.np_mentions:
        assert m["actor"] in ids and isinstance(m["pronoun"], bool)
        assert doc.text[m["start"]:m["end"]].strip() == doc.text[m["start"]:m["end"]]


def test_component_survives_docbin(nlp: Language) -> None:
    from spacy.tokens import DocBin

    doc = nlp("Moscow denied the claims.")
    db = DocBin(store_user_data=True)
    db.add(doc)
    back = list(DocBin(store_user_data=True).from_bytes(db.to_bytes()).get_docs(nlp.vocab))[0]
    import json

    assert json.loads(json.dumps(back._.np_actors)) == json.loads(json.dumps(doc._.np_actors))
    assert back._.np_mentions[0]["actor"] == "a0"


def test_hyphenated_given_name_is_one_name(nlp: Language) -> None:
    doc = nlp("President Park Ji-hoon arrived on Monday. Park Ji-hoon later met the prime minister.")
    first, second = _at(doc, "Park Ji-hoon"), _at(doc, "Park Ji-hoon", 1)
    assert first["id"] == second["id"] and first["name"] == "Park Ji-hoon"


def test_surname_tagged_as_noun_still_links(nlp: Language) -> None:
    doc = nlp("Senator Ines Castellano spoke first. Castellano laughs when she hears this.")
    assert _at(doc, "Castellano", 1)["id"] == _at(doc, "Ines Castellano")["id"]


# ------------------------------------------------ names as the text gives them ----


def test_possessive_country_org_keeps_possessive_name(nlp: Language) -> None:
    doc = nlp("LIMA – Peru's government on Monday gave Chile a week to answer.")
    assert _at(doc, "government")["name"] == "Peru's government"


def test_embassy_keeps_its_city(nlp: Language) -> None:
    doc = nlp("Warsaw's embassy in Vilnius said it was following the case.")
    assert _at(doc, "embassy")["name"] == "Warsaw's embassy in Vilnius"


def test_acronym_links_to_full_org_name(nlp: Language) -> None:
    doc = nlp("The National Electoral Board of Malawi published the timetable. NEBM said it would hire clerks.")
    full = _at(doc, "National Electoral Board")
    assert _at(doc, "NEBM")["id"] == full["id"]


def test_org_of_country_keeps_country_in_name(nlp: Language) -> None:
    doc = nlp("The Human Rights Commission of Kenya said the law had been rushed through parliament.")
    assert _at(doc, "Human Rights Commission")["name"] == "Human Rights Commission of Kenya"


def test_pronoun_prefers_person_of_known_gender(nlp: Language) -> None:
    doc = nlp("Foreign Minister Ana Petrescu said she would travel to Kyiv. Her counterpart, Marek Zielny, "
              "ended the meeting by inviting Petrescu to Warsaw. She said she would go.")
    assert _at(doc, "She", 0)["name"] == "Ana Petrescu"
