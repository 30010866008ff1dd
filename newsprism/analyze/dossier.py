"""Assemble the dossier (``../shared/contracts/dossier.schema.json``) from records and links.

Every item carries evidence that slices ``articles[].text`` exactly; items
whose stage finds nothing are empty lists, never filled with guesses.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsprism.analyze.commitments import find_commitments
from newsprism.analyze.event_merge import merge_events
from newsprism.analyze.evidence import evidence, evidence_at
from newsprism.analyze.framing import article_framing
from newsprism.analyze.summary import summarize
from newsprism.analyze.timeline import timeline_entries
from newsprism.analyze.topics import find_topics
from newsprism.link.claims import cluster_claims, extract_claims, find_relays
from newsprism.link.corpus import Linked, link_corpus, quote_id
from newsprism.records import Annotation

SCHEMA = "newsprism/dossier/v1"


def build_dossier(annotations: list[Annotation], linked: Linked | None = None) -> dict[str, Any]:
    linked = linked or link_corpus(annotations)
    actors = linked.actors
    outlet_of = {a.article.id: a.article.outlet or a.article.id for a in annotations}
    articles = [
        {
            "id": a.article.id, "source": a.article.source, "title": a.article.title,
            "outlet": a.article.outlet, "author": a.article.author, "published": a.article.published,
            "genre": a.article.genre, "url": a.article.url, "text": a.article.text,
        }
        for a in annotations
    ]
    quotes = []
    for ann in annotations:
        aid = ann.article.id
        for i, q in enumerate(ann.quotes):
            quotes.append({
                "id": quote_id(aid, i), "article": aid, "outlet": ann.article.outlet, "text": q.text,
                "speaker": actors.speaker_id(aid, q), "speaker_name": q.speaker_name,
                "cue": q.cue.text if q.cue else None, "kind": q.kind, "date": q.date,
                "evidence": evidence(aid, q),  # type: ignore[arg-type]
                "speaker_evidence": evidence(aid, q.speaker) if q.speaker else None,
                "cue_evidence": evidence(aid, q.cue) if q.cue else None,
            })
    statements = [
        {**s, "outlets": sorted({outlet_of[a] for a in s["articles"]})}  # type: ignore[attr-defined]
        for s in linked.statements
    ]
    events = []
    for ann in annotations:
        aid = ann.article.id
        for i, e in enumerate(ann.events):
            events.append({
                "id": f"{aid}:e{i}", "article": aid, "type": e.type, "mode": e.mode, "cameo": e.cameo or None,
                "goldstein": e.goldstein,
                "source": actors.global_id(aid, e.source.actor) if e.source else None,
                "target": actors.global_id(aid, e.target.actor) if e.target else None,
                "source_name": e.source.name if e.source else None,
                "source_country": e.source.country if e.source else None,
                "target_name": e.target.name if e.target else None,
                "target_country": e.target.country if e.target else None,
                "date": e.date if e.date and _partial_date(e.date) else None,
                "claimed_by": actors.global_id(aid, e.claimed_by),
                "evidence": [evidence(aid, e.evidence)],
            })
    story_of = {aid: str(s["id"]) for s in linked.stories for aid in s["articles"]}  # type: ignore[attr-defined]
    events = merge_events(events, story_of, {a.article.id: a.article.outlet for a in annotations})
    mentions_by_actor: Counter[str] = Counter()
    for a in actors.actors:
        mentions_by_actor[str(a["id"])] = int(str(a["mentions"]))
    dossier: dict[str, Any] = {
        "schema": SCHEMA,
        "stories": linked.stories,
        "articles": articles,
        "actors": actors.actors,
        "quotes": quotes,
        "statements": statements,
        "events": events,
        "timeline": timeline_entries(annotations),
        "claims": _claims(annotations, linked.stories, outlet_of),
        "topics": find_topics(annotations, actors, stories=linked.stories),
        "commitments": find_commitments(annotations, actors),
        "framing": [article_framing(ann, actors) for ann in annotations],
        "summary": [],
    }
    _date_claims(dossier["claims"], annotations)
    _blind_spots(dossier, linked.stories, outlet_of)
    dossier["summary"] = summarize(dossier, annotations)
    return dossier


EMBED_CLAIMS_LIMIT = 3000  # above this many claim clauses, cluster them by wording alone (linear cost)


def _claims(annotations: list[Annotation], stories: list[dict[str, Any]],
            outlet_of: dict[str, str]) -> list[dict[str, Any]]:
    """Claims clustered across all articles; on large inputs story by story, with wording alone,
    so the pairwise similarity matrices stay the size of a story, not of the whole corpus
    (background facts repeated in a related story then stay separate claims)."""
    relays = find_relays(annotations)
    candidates = extract_claims(annotations)
    if len(candidates) <= EMBED_CLAIMS_LIMIT:
        return cluster_claims(candidates, outlet_of, relays)
    by_story: dict[str, list[Any]] = {}
    story_of = {a: s["id"] for s in stories for a in s["articles"]}
    for c in candidates:
        by_story.setdefault(story_of.get(c.article, c.article), []).append(c)
    claims = [claim for group in by_story.values()
              for claim in cluster_claims(group, outlet_of, relays, use_embeddings=False)]
    claims.sort(key=lambda c: (-len(c["articles"]), c["evidence"][0]["article"], c["evidence"][0]["start"]))
    return claims


def _date_claims(claims: list[dict[str, Any]], annotations: list[Annotation]) -> None:
    """A claim happened when a calendar time expression inside its evidence says (else no date)."""
    import re

    calendar = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")
    timexes = {a.article.id: a.timexes for a in annotations}
    for claim in claims:
        claim.setdefault("date", None)
        for ev in claim["evidence"]:
            for t in timexes.get(ev["article"], []):
                if t.type in ("DATE", "TIME") and calendar.match(t.value) and ev["start"] <= t.start < ev["end"]:
                    claim["date"] = t.value
                    break
            if claim["date"]:
                break


def _blind_spots(dossier: dict[str, Any], stories: list[dict[str, Any]], outlet_of: dict[str, str]) -> None:
    """Per article: corroborated claims of its story that other outlets carry and it leaves out."""
    story_of = {a: s["id"] for s in stories for a in s["articles"]}
    for frame in dossier["framing"]:
        aid = frame["article"]
        mine = outlet_of.get(aid, aid)
        spots = []
        for claim in dossier["claims"]:
            if claim["status"] != "corroborated" or aid in claim.get("articles", []):
                continue
            others = [a for a in claim.get("articles", []) if story_of.get(a) == story_of.get(aid)]
            if len({outlet_of.get(a, a) for a in others} - {mine}) >= 2:
                spots.append({"claim": claim.get("id"), "text": claim["text"], "outlets": claim["outlets"],
                              "evidence": claim["evidence"][:1]})
        frame["blind_spots"] = spots[:10]


def _partial_date(value: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?", value) is not None


__all__ = ["build_dossier", "evidence_at"]
