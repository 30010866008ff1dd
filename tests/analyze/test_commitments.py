"""Commitments on invented articles built as records (no spaCy): who commits, to what, by when."""

from __future__ import annotations

import re

from newsprism.analyze.commitments import find_commitments
from newsprism.link.actors import link_actors
from newsprism.records import Actor, Annotation, Article, Quote, Span, Timex

# name, kind, country, pattern (pronoun mentions stand for what the actor stage's coreference resolves)
ACTORS = [
    ("Tarvania", "country", "TAR", r"\bTarvania\b"),
    ("Oskeland", "country", "OSK", r"\bOskeland\b"),
    ("Mira Kolev", "person", "TAR", r"\b(?:Mira )?Kolev\b|\b[Ss]he\b"),
    ("Jon Brekke", "person", "OSK", r"\b(?:Jon )?Brekke\b|\b[Hh]e\b"),
]


def make(aid: str, text: str, quotes: list[tuple[str, str]] = (),  # type: ignore[assignment]
         timexes: list[tuple[str, str]] = (), published: str = "2031-05-04") -> Annotation:  # type: ignore[assignment]
    actors = []
    for i, (name, kind, code, pattern) in enumerate(ACTORS):
        spans = tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(pattern, text))
        if spans:
            actors.append(Actor(f"a{i}", name, kind, code, None, (), spans))  # type: ignore[arg-type]
    local = {a.name: a.id for a in actors}
    qs = []
    for qt, speaker in quotes:
        s = text.index(qt)
        qs.append(Quote(s, s + len(qt), qt, "direct", speaker, local.get(speaker), None, None))
    tx = []
    for t, value in timexes:
        s = text.index(t)
        tx.append(Timex(s, s + len(t), t, "DATE", value))
    return Annotation(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published),
                      actors=actors, quotes=qs, timexes=tx)


def run(*anns: Annotation) -> list[dict]:
    found = find_commitments(list(anns), link_actors(list(anns)))
    texts = {a.article.id: a.article.text for a in anns}
    for c in found:
        for ev in c["evidence"]:
            assert texts[ev["article"]][ev["start"]:ev["end"]] == ev["text"]
    return found


def test_negated_and_wished_for_plans_are_no_commitments() -> None:
    found = run(make("n1", "Kolev met Brekke in the capital on Monday. "
                           "Brekke had no plans to visit the northern ports during the trip. "
                           "Tarvania refused to lift the grain embargo. "
                           "Oskeland wants to expand the pipeline network. "
                           "It seems Tarvania will soften its stance on tariffs."))
    assert found == []


def test_reported_speech_commits_the_speaker_and_keeps_the_deadline() -> None:
    found = run(make("r1", "Brekke said he would reopen the consulate in the border town by June 2032. "
                           "Kolev told reporters that Tarvania would lift the grain embargo.",
                     timexes=[("June 2032", "2032-06")]))
    by_actor = {c["actor_name"]: c for c in found}
    assert by_actor["Jon Brekke"]["what"] == "reopen the consulate in the border town by June 2032"
    assert by_actor["Jon Brekke"]["by_when"] == "2032-06"
    assert by_actor["Tarvania"]["what"] == "lift the grain embargo"
    assert "Mira Kolev" not in by_actor  # she reported it; the country commits


def test_subject_is_the_grammatical_subject_not_the_nearest_name() -> None:
    found = run(make("s1", "Any attack on shipping near Oskeland would lead to sanctions, Kolev said. "
                           "The talks will resume after the summer. "
                           "Tarvania and Oskeland agreed to create a joint fisheries commission."))
    assert {c["actor_name"] for c in found} == {"Tarvania", "Oskeland"}
    assert all(c["kind"] == "agree" and c["what"] == "create a joint fisheries commission" for c in found)


def test_pledges_refusals_and_first_person_quotes() -> None:
    text = ('Oskeland pledged to double its aid budget next year. '
            '"We will not accept any tribunal imposed from outside," Kolev said. '
            'Tarvania will not tolerate interference in its elections and will hold the vote in May.')
    found = run(make("p1", text, quotes=[("We will not accept any tribunal imposed from outside,", "Mira Kolev")],
                     timexes=[("next year", "2032"), ("May", "2031-05")]))
    pledge = next(c for c in found if c["actor_name"] == "Oskeland")
    assert (pledge["kind"], pledge["what"], pledge["by_when"]) == ("promise", "double its aid budget next year", "2032")
    kolev = next(c for c in found if c["actor_name"] == "Mira Kolev")
    assert kolev["kind"] == "refusal" and kolev["what"] == "not accept any tribunal imposed from outside"
    tarvania = sorted((c["kind"], c["what"], c["by_when"]) for c in found if c["actor_name"] == "Tarvania")
    assert tarvania == [("announce", "hold the vote in May", None),  # May 2031 is not after 4 May 2031
                        ("refusal", "not tolerate interference in its elections", None)]
