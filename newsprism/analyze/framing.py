"""How each article tells the story: genre, whose voices it quotes, what its headline and lede put first.

Voices: each speaker's share of the article's attributed quoted words.
Tone toward an actor: the balance of positive and negative evaluative words in
the sentences that mention the actor, outside quotes (the outlet's own
framing, not the speaker's), scaled to [-1, 1]. A lexicon method: it misses
irony and negation scope, and needs a few mentions to say anything; actors
with fewer than two mentions get no tone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsprism.analyze.evidence import evidence_at
from newsprism.analyze.sentences import SentenceIndex
from newsprism.link.actors import ActorLinks
from newsprism.records import Annotation

POSITIVE = set("""agree agreed agreement constructive cordial warm friendly productive success successful
praise praised welcome welcomed progress cooperation cooperate partnership support supported peace
respect respected honest open positive strong leadership historic breakthrough landmark relaxed
smiling constructive pragmatic achievement boost improved""".split())
NEGATIVE = set("""tense tension angry anger accuse accused accusation attack attacked criticism criticised
criticized condemn condemned threat threatened hostile aggressive failure failed fail crisis dispute
clash clashed lie lies lying propaganda meddling interference hacked hacking sanction sanctions
brutal harsh resentment rebuffed impatient insincerely insincere smear loser chafing denied denies
violation violated cold strained sour bad dangerous war crimes illegal blame blamed""".split())
_WORD = re.compile(r"[a-z]+")
_QUOTED = re.compile(r"[\"“«][^\"”»]{0,800}[\"”»]")


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
    per_actor: dict[str, list[int]] = defaultdict(list)
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
            toks = _WORD.findall(unquoted[s:e].lower())
            per_actor[gid].append(sum(t in POSITIVE for t in toks) - sum(t in NEGATIVE for t in toks))
    tone = {}
    for gid, scores in per_actor.items():
        if len(scores) >= 2:
            pos = sum(s for s in scores if s > 0)
            neg = -sum(s for s in scores if s < 0)
            if pos + neg:
                tone[gid] = round((pos - neg) / (pos + neg + 2), 3)
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
