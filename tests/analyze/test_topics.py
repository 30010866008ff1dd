"""Topics with actor positions, and commitments, on invented articles built as records (no spaCy)."""

from __future__ import annotations

import re

from newsprism.analyze.commitments import find_commitments
from newsprism.analyze.topics import find_topics
from newsprism.link.actors import link_actors
from newsprism.records import Actor, Annotation, Article, Entity, Quote, Span, Timex

PEOPLE = {"Ines Aravena": "CHL", "Aravena": "CHL", "Lars Holm": "NOR", "Holm": "NOR"}


def make(aid: str, text: str, quotes: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
         timexes: list[tuple[str, str]] = (), published: str = "2031-05-04") -> Annotation:  # type: ignore[assignment]
    """Actors for the two countries and two people; quotes are (text, kind, speaker full name)."""
    actors: list[Actor] = []
    for i, (name, kind, code, pattern) in enumerate([
        ("Chile", "country", "CHL", r"\bChile\b"), ("Norway", "country", "NOR", r"\bNorway\b"),
        ("Ines Aravena", "person", "CHL", r"\b(?:Ines )?Aravena\b"), ("Lars Holm", "person", "NOR", r"\b(?:Lars )?Holm\b"),
    ]):
        spans = tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(pattern, text))
        if spans:
            actors.append(Actor(f"a{i}", name, kind, code, None, (), spans))  # type: ignore[arg-type]
    local = {a.name: a.id for a in actors}
    qs = []
    for qt, kind, speaker in quotes:
        s = text.index(qt)
        qs.append(Quote(s, s + len(qt), qt, kind, speaker, local.get(speaker), None, None))  # type: ignore[arg-type]
    tx = []
    for t, value in timexes:
        s = text.index(t)
        tx.append(Timex(s, s + len(t), t, "DATE", value))
    art = Article(id=aid, source=f"{aid}.txt", text=text, published=published)
    return Annotation(article=art, actors=actors, quotes=qs, timexes=tx)


ARTICLES = [
    make("t1",
         "Chile and Norway clashed over salmon quotas at the fisheries summit. "
         '"Salmon quotas must be cut by half," Aravena told reporters. '
         "Holm rejected any cut to the salmon quotas and defended the fish farms.",
         quotes=[("Salmon quotas must be cut by half,", "direct", "Ines Aravena")]),
    make("t2",
         "Norway pledged to fund a new marine research centre by March 2032. "
         "Aravena said Chile wanted lower salmon quotas for foreign fleets. "
         '"Our fish farms are clean and our salmon quotas are fair," Holm said.',
         quotes=[("Chile wanted lower salmon quotas for foreign fleets", "indirect", "Ines Aravena"),
                 ("Our fish farms are clean and our salmon quotas are fair,", "direct", "Lars Holm")],
         timexes=[("March 2032", "2032-03")]),
    make("t3",
         "The salmon quotas dispute dominated the fish farms debate in Oslo. "
         "Chile will reopen its embassy in Oslo next month, Aravena said. "
         "Analysts say the quarrel could probably last for years.",
         timexes=[("next month", "2031-06")]),
]


def test_topics_found_from_text_with_positions() -> None:
    links = link_actors(ARTICLES)
    topics = find_topics(ARTICLES, links, use_embeddings=False)
    names = [t["name"] for t in topics]
    quota = next(t for t in topics if "quota" in t["name"])
    assert quota["name"] == "salmon quotas"  # the repeated multiword phrase beats its parts
    assert set(quota["articles"]) == {"t1", "t2", "t3"}
    assert not any(n in ("said", "told", "reporters") for n in names)
    by_actor = {p["actor_name"] for p in quota["positions"]}
    assert {"Ines Aravena", "Lars Holm"} <= by_actor
    texts = {a.article.id: a.article.text for a in ARTICLES}
    for t in topics:
        for p in t["positions"]:
            ev = p["evidence"]
            assert texts[ev["article"]][ev["start"]:ev["end"]] == ev["text"]
            assert p["actor"].startswith("act_")
    holm = [p for p in quota["positions"] if p["actor_name"] == "Lars Holm"]
    assert any("rejected" in p["text"] for p in holm)  # a reported stance, not only quotes


def test_commitments_who_what_when() -> None:
    links = link_actors(ARTICLES)
    found = find_commitments(ARTICLES, links)
    pledge = next(c for c in found if c["actor_name"] == "Norway")
    assert pledge["kind"] == "promise"
    assert pledge["what"].startswith("fund a new marine research centre")
    assert pledge["by_when"] == "2032-03"
    embassy = next(c for c in found if "embassy" in c["what"])
    assert embassy["actor_name"] == "Chile"
    assert embassy["by_when"] == "2031-06"
    assert not any("last for years" in c["what"] for c in found)  # hedged prediction
    texts = {a.article.id: a.article.text for a in ARTICLES}
    for c in found:
        for ev in c["evidence"]:
            assert texts[ev["article"]][ev["start"]:ev["end"]] == ev["text"]


def _issue_articles() -> list[Annotation]:
    """Three outlets on one meeting: issues (border tariffs, the Verlan conflict) amid generic words and places."""
    texts = [
        ("i1", "Chile and Norway met at the Vallmora castle for talks on the Verlanese conflict. "
               "The position of each side on border tariffs was the main question between them. "
               "Aravena rejected new border tariffs on farm goods. "
               "The meeting lasted three hours in Vallmora."),
        ("i2", "The Verlanese conflict and border tariffs dominated the presidential meeting in Vallmora. "
               '"Border tariffs hurt our farmers," Holm said. '
               "Officials said the visit was a way to reset the relationship between the two leaders."),
        ("i3", "Border tariffs and the Verlanese conflict were on the agenda, an official said. "
               "Holm warned that the Verlanese conflict could spread. "
               "The talks in Vallmora were the first meeting of the two presidents this year."),
    ]
    out = []
    for aid, text in texts:
        ann = make(aid, text, quotes=[("Border tariffs hurt our farmers,", "direct", "Lars Holm")] if aid == "i2" else [])
        ents = [Entity(m.start(), m.end(), m.group(0), "GPE") for m in re.finditer(r"\bVallmora\b", text)]
        ents += [Entity(m.start(), m.end(), m.group(0), "NORP") for m in re.finditer(r"\bVerlanese\b", text)]
        out.append(Annotation(article=Article(id=aid, source=aid, text=text, outlet=f"outlet-{aid}"),
                              entities=ents, actors=ann.actors, quotes=ann.quotes))
    return out


def test_issue_topics_skip_generic_words_places_and_adjectives() -> None:
    anns = _issue_articles()
    links = link_actors(anns)
    topics = find_topics(anns, links, use_embeddings=False)
    names = [t["name"].lower() for t in topics]
    assert names[:2] == ["border tariffs", "verlanese conflict"] or names[:2] == ["verlanese conflict", "border tariffs"]
    for bad in ("between", "position", "question", "presidential", "vallmora", "meeting", "talks", "way", "castle"):
        assert not any(bad in n.split() for n in names), (bad, names)
    tariffs = next(t for t in topics if t["name"].lower() == "border tariffs")
    assert tariffs["articles"] == ["i1", "i2", "i3"]
    positions = {(p["actor_name"], p["text"]) for p in tariffs["positions"]}
    assert ("Lars Holm", "Border tariffs hurt our farmers") in positions
    assert ("Ines Aravena", "Aravena rejected new border tariffs on farm goods") in positions
    assert all(p["actor_name"] in ("Lars Holm", "Ines Aravena") for t in topics for p in t["positions"])
