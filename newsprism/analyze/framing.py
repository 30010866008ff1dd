"""How each article tells the story: genre, whose voices it quotes, what its headline and lede put first.

Voices: each speaker's share of the article's attributed quoted words.
Tone toward an actor: the mean VADER compound score (a general English valence
lexicon of about 7,500 words, with negation, intensifiers and "but" shifts) of
the sentences that mention the actor, outside quotes (the outlet's own framing,
not the speaker's), shrunk toward 0 when few sentences carry it, in [-1, 1].
A lexicon method: it misses irony, and a sentence about harm done *to* an actor
reads as negative toward them too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from newsprism.analyze.evidence import evidence_at
from newsprism.analyze.sentences import SentenceIndex
from newsprism.link.actors import ActorLinks
from newsprism.records import Annotation

_WORD = re.compile(r"[a-z]+")
_QUOTED = re.compile(r"[\"“«][^\"”»]{0,800}[\"”»]")


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _valence(sentence: str) -> float:
    """VADER's compound score of one sentence, in [-1, 1] (0 for a sentence with no evaluative word)."""
    text = " ".join(sentence.split())
    if not _WORD.search(text.lower()):
        return 0.0
    return float(_analyzer().polarity_scores(text)["compound"])


def article_framing(ann: Annotation, actors: ActorLinks) -> dict[str, object]:
    aid = ann.article.id
    words: Counter[str] = Counter()
    for q in ann.quotes:
        gid = actors.speaker_id(aid, q)
        if gid and q.kind in ("direct", "partial"):
            words[gid] += len(q.text.split())
    total = sum(words.values())
    voices = {k: round(v / total, 3) for k, v in words.most_common()} if total else {}

    text = ann.article.text
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    sents = SentenceIndex(text)
    per_actor: dict[str, list[float]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for act in ann.actors:
        gid = actors.global_id(aid, act.id)
        if not gid:
            continue
        for m in act.mentions:
            s, e = sents.around(m.start)
            if (gid, s) in seen:
                continue
            seen.add((gid, s))
            per_actor[gid].append(_valence(unquoted[s:e]))
    tone = {}
    for gid, scores in per_actor.items():
        if any(scores):
            tone[gid] = round(sum(scores) / (len(scores) + 1), 3)  # one neutral prior sentence
    body = sents.bounds
    title = ann.article.title
    lede = next(((s, e) for s, e in body if len(text[s:e].split()) >= 12 and text[s:e].strip() != title), None)
    return {
        "article": aid,
        "outlet": ann.article.outlet,
        "genre": ann.article.genre,
        "voices": voices,
        "tone": tone,
        "headline": title,
        "lede": evidence_at(aid, text, *lede) if lede else None,
        "quotes": len(ann.quotes),
        "events": len(ann.events),
    }
