"""Cross-outlet claims on invented articles built as records (no spaCy, lexical similarity only)."""

from __future__ import annotations

import re

from newsprism.link.claims import build_claims, cluster_claims, extract_claims, find_relays
from newsprism.records import Actor, Annotation, Article, Quote, Span, Timex

COUNTRIES = {"Norway": "NOR", "Chile": "CHL", "Oslo": "NOR", "Santiago": "CHL"}


def make(aid: str, outlet: str | None, text: str, timexes: list[tuple[str, str]] = (),  # type: ignore[assignment]
         quotes: list[tuple[str, str]] = ()) -> Annotation:  # type: ignore[assignment]
    """An annotation with country actors, the given timexes (text, value) and direct quotes (text, speaker)."""
    actors = []
    by_code: dict[str, list[Span]] = {}
    for name, code in COUNTRIES.items():
        for m in re.finditer(rf"\b{name}\b", text):
            by_code.setdefault(code, []).append(Span.of(text, m.start(), m.end()))
    for i, (code, spans) in enumerate(sorted(by_code.items())):
        actors.append(Actor(f"a{i}", {"NOR": "Norway", "CHL": "Chile"}[code], "country", code, None, (), tuple(spans)))
    tx = []
    for t, value in timexes:
        s = text.index(t)
        tx.append(Timex(s, s + len(t), t, "DATE", value))
    qs = []
    for qt, speaker in quotes:
        s = text.index(qt)
        qs.append(Quote(s, s + len(qt), qt, "direct", speaker, None, None, None))
    art = Article(id=aid, source=f"{aid}.txt", text=text, outlet=outlet, published="2031-05-04")
    return Annotation(article=art, actors=actors, timexes=tx, quotes=qs)


def _claim_with(claims: list[dict], word: str) -> dict:
    return next(c for c in claims if any(word in e["text"] for e in c["evidence"]))


def _check_evidence(claims: list[dict], anns: list[Annotation]) -> None:
    texts = {a.article.id: a.article.text for a in anns}
    for c in claims:
        for e in c["evidence"]:
            assert texts[e["article"]][e["start"]:e["end"]] == e["text"]
        for side in (c["contradiction"] or {}).get("sides", []):
            for e in side["evidence"]:
                assert texts[e["article"]][e["start"]:e["end"]] == e["text"]


def test_two_outlets_corroborate_and_numbers_contradict() -> None:
    a = make("a1", "The Fjord Post",
             "Norway and Chile signed a salmon farming accord on Tuesday in Oslo. "
             "The accord commits $3 billion in Norwegian loans to Chilean fish farms over five years.")
    b = make("b1", "Andes Herald",
             "Chile and Norway signed the salmon farming accord in Oslo on Tuesday. "
             "Officials said the accord commits $4 billion in Norwegian loans to Chilean fish farms.")
    anns = [a, b]
    claims = build_claims(anns, use_embeddings=False)
    _check_evidence(claims, anns)
    signed = _claim_with(claims, "signed")
    assert signed["status"] == "corroborated"
    assert sorted(signed["outlets"]) == ["Andes Herald", "The Fjord Post"]
    assert set(signed["articles"]) == {"a1", "b1"}
    money = _claim_with(claims, "billion")
    assert money["status"] == "contradicted"
    assert money["contradiction"]["field"] == "number"
    values = sorted(s["value"] for s in money["contradiction"]["sides"])
    assert values == ["3e+09", "4e+09"]


def test_relayed_wire_is_not_an_independent_source() -> None:
    wire = make("w1", "Polar Newswire",
                "OSLO, May 3 (Polar Newswire) - Norway expelled two Chilean diplomats on Monday over a spying case "
                "at the Oslo embassy.")
    paper = make("p1", "Coastal Gazette",
                 "OSLO, May 3 (Polar Newswire) - Norway expelled two Chilean diplomats on Monday over a spying "
                 "case at the embassy in Oslo.")
    anns = [wire, paper]
    assert find_relays(anns) == {"p1": ["Polar Newswire"]}
    claims = build_claims(anns, use_embeddings=False)
    expelled = _claim_with(claims, "expelled")
    assert set(expelled["articles"]) == {"w1", "p1"}
    assert expelled["status"] == "single_source"
    assert expelled["outlets"] == ["Polar Newswire"]
    assert expelled["cites"] == {"p1": ["Polar Newswire"]}


def test_told_and_according_to_news_agency_are_relays() -> None:
    ann = make("c1", "Valley Times",
               "The minister told Southern Cross Radio that Chile had recalled its ambassador from Oslo. "
               "According to the Andes News Agency, Chile closed its consulate in Bergen on Friday.")
    relays = find_relays([ann])
    assert relays == {"c1": ["Andes News Agency", "Southern Cross Radio"]}


def test_dates_contradict_and_opinion_is_skipped() -> None:
    a = make("d1", "The Fjord Post",
             "The joint fisheries board will hold its first meeting in Santiago in January, the ministers said. "
             "I think Norway should never have agreed to any of this.",
             timexes=[("January", "2032-01")])
    b = make("d2", "Andes Herald",
             "The joint fisheries board is expected to hold its first meeting in Santiago in February. "
             "Is this a good deal for Chile?",
             timexes=[("February", "2032-02")])
    anns = [a, b]
    cands = extract_claims(anns)
    assert not any("I think" in c.text or c.text.endswith("?") for c in cands)
    claims = cluster_claims(cands, {"d1": "The Fjord Post", "d2": "Andes Herald"}, find_relays(anns),
                            use_embeddings=False)
    _check_evidence(claims, anns)
    board = _claim_with(claims, "first meeting")
    assert board["status"] == "contradicted"
    assert board["contradiction"]["field"] == "date"
    assert {s["value"] for s in board["contradiction"]["sides"]} == {"2032-01", "2032-02"}


def test_direct_quotes_are_not_claims() -> None:
    text = '"We will never accept these quotas, not in a hundred years," the Chilean minister said.'
    ann = make("q1", None, text, quotes=[("We will never accept these quotas, not in a hundred years,", "x")])
    assert extract_claims([ann]) == []


def test_single_article_claim_is_single_source() -> None:
    ann = make("s1", None, "Chile detained a Norwegian research vessel with a crew of 23 off Santiago on Sunday.")
    claims = build_claims([ann], use_embeddings=False)
    assert len(claims) == 1
    assert claims[0]["status"] == "single_source"
    assert claims[0]["outlets"] == ["s1"]  # no outlet name: the article id stands in
    assert claims[0]["contradiction"] is None
