"""What actors announced, promised, pledged, vowed or agreed to do, with a deadline when the text gives one.

Rules over records (no spaCy), sentence by sentence. A commitment is a trigger, its subject and its act:

- a commitment verb with an infinitive: "X pledged / promised / vowed / agreed / plans / intends / decided /
  offered / threatened / is set to <act>";
- a future modal: "X will <act>"; "would" only in reported speech ("X said (that) he would <act>");
- first person inside a direct quote ("We will defend ...") commits the quote's speaker.

The subject is the grammatical subject of the trigger: the actor mention (a name, or a pronoun the actor
stage resolved) that ends right before the verb group, allowing only adverbs, auxiliaries and one
comma-enclosed apposition in between; "X and Y agreed" commits both. A trigger whose subject is not an
actor ("the talks will ...", "any use of force would ...") commits nobody. Negated, wished-for and hedged
forms are not commitments ("had no plans to", "refused to", "wants to", "seems to", "may"), except a
negated pledge ("will not tolerate", "vowed never to") which is kept as kind ``refusal`` with a
"not ..." act. ``by_when`` is a DATE/TIME timex after the trigger whose value lies after the article's
publication date (any dated timex there when the article is undated).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from newsprism.analyze.sentences import sentence_bounds
from newsprism.link.actors import ActorLinks
from newsprism.records import Annotation

_PROMISE = (r"pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|commit(?:s|ted)?\s+(?:itself\s+|"
            r"himself\s+|herself\s+|themselves\s+)?|undert(?:ake|akes|ook)|swore|swear(?:s)?|guarantee(?:s|d)?")
_AGREE = r"agree(?:s|d)?"
_PLAN = (r"plan(?:s|ned)?|intend(?:s|ed)?|decid(?:e|es|ed)|resolved|offer(?:s|ed)?|"
         r"(?:is|are|was|were)\s+(?:set|due|scheduled|poised|ready|prepared|determined)|"
         r"announc(?:e|es|ed)\s+(?:plans|a\s+plan)")
_THREAT = r"threaten(?:s|ed)?"
_ACT = r"(?P<what>[a-z](?:[^.;:!?\n]|(?<=\b(?:St|Mt|Dr|Mr|Ms|Jr))\.|\.(?=\S))*)"
_INF = re.compile(rf"\b(?P<verb>{_PROMISE}|{_AGREE}|{_PLAN}|{_THREAT})\s+(?P<neg>not\s+|never\s+)?to\s+"
                  rf"(?!be\s+(?:held|seen|expected)\b)(?={_ACT})", re.I)
_MODAL = re.compile(r"\b(?P<verb>will|shall|would|is\s+going\s+to|are\s+going\s+to|wo(?=n['’]t))"
                    rf"(?P<neg>\s+not|n['’]t|\s+never)?\s+(?={_ACT})", re.I)
# words that may stand between a subject and its verb group ("X has also formally agreed")
_BETWEEN = re.compile(r"^(?:\s*,[^,]{1,90},)?(?:\s+(?:also|has|have|had|now|already|previously|again|then|"
                      r"formally|publicly|repeatedly|reportedly|officially|firmly|quickly|jointly|both|"
                      r"each|all|on\s+\w+|last\s+\w+|this\s+\w+|earlier|later|today|yesterday))*\s*$", re.I)
_SAY = re.compile(r"\b(?:said|says|say|told\s+[\w ]{1,30}?|announced|vowed|pledged|promised|insisted|declared|"
                  r"confirmed|stated|added|assured\s+[\w ]{1,30}?|warned|indicated|made\s+clear|replied)"
                  r"\s+(?:that\s+)?$", re.I)
_HEDGE = re.compile(r"\b(?:probably|perhaps|maybe|possibly|likely|unlikely|may|might|could|seems?|seemed|"
                    r"appears?|appeared|expected|predict\w*|hope[sd]?|hoping|wants?|wanted|wish\w*|if|unless|"
                    r"whether|can)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|n['’]t|never|no|refus\w+|declin\w+|fail\w*|reject\w*|ruled\s+out|without|"
                      r"nor)\b[^,;]{0,25}$", re.I)
_PREP_BEFORE = re.compile(r"\b(?:in|of|on|at|with|for|from|to|against|by|about|over|than|into|towards?|"
                          r"between|among|like|without)\s+(?:the\s+)?$", re.I)
_PRONOUN = re.compile(r"(?:he|she|it|they|we|i)$", re.I)
_POSSESSIVE = re.compile(r"^\s*['’]s?\b|^(?:his|her|its|their|our|my)$", re.I)
_CUT = re.compile(
    r";|\s[-–—]\s|—|–"
    r"|\s+and\s+(?:that|will|would|shall)\b"
    r"|,\s+(?:and|but|while|whereas|although|though|as|saying|adding|according|officials?|who|which)\b"
    r"|,?\s*(?:he|she|they|it|the\s+\w+(?:\s+\w+)?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+"
    r"(?:said|says|added|told|wrote|tweeted|stressed)\b"
    r"|[,.!?][”\"»]|[”\"»](?=\s*[,.])"
    r"|\s+(?:and|but)\s+(?=(?:[A-Z][\w'’-]+|he|she|they|it|we|I)(?:\s+[A-Z][\w'’-]+)*\s+"
    r"(?:will|would|said|says|has|had|is|was|are|were)\b)"
)
_QUOTE_CHARS = "\"“”«»"
_KINDS = (("promise", _PROMISE), ("agree", _AGREE), ("threat", _THREAT))


def _kind(verb: str, negated: bool) -> str:
    if negated:
        return "refusal"
    v = verb.lower()
    for kind, pattern in _KINDS:
        if re.match(pattern, v):
            return kind
    if v.startswith(("will", "shall", "would", "is going", "are going", "wo")):
        return "announce"
    return "plan"


def find_commitments(annotations: list[Annotation], actors: ActorLinks) -> list[dict[str, Any]]:
    """Commitments of every article: {actor, actor_name, what, by_when, kind, evidence: [span]}."""
    names = {str(a["id"]): str(a["name"]) for a in actors.actors}
    out: list[dict[str, Any]] = []
    for ann in annotations:
        out.extend(_article_commitments(ann, actors, names))
    return out


class _Mentions:
    """Actor mentions of one article sorted by start, with the actor's kind."""

    def __init__(self, ann: Annotation) -> None:
        self.items = sorted((m.start, m.end, act.id, m.text) for act in ann.actors for m in act.mentions)
        self.starts = [x[0] for x in self.items]

    def ending_before(self, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
        """Mentions inside [lo, hi), last first."""
        i = bisect_left(self.starts, lo)
        found = []
        while i < len(self.items) and self.items[i][0] < hi:
            if self.items[i][1] <= hi:
                found.append(self.items[i])
            i += 1
        return found[::-1]


def _subjects(text: str, clause_start: int, verb_start: int, mentions: _Mentions,
              quote: Any) -> list[str] | None:
    """Actor ids of the trigger's grammatical subject; None when the subject is no actor."""
    seg = text[clause_start:verb_start]
    if quote is not None:  # first person inside a direct quote: the speaker
        m = re.search(r"\b(we|i)(?:\s+\w+ly)?\s*$", seg, re.I)
        if m and quote.speaker_actor:
            return [quote.speaker_actor]
    for ms, me, local, mtext in mentions.ending_before(clause_start, verb_start):
        between = text[me:verb_start]
        if _POSSESSIVE.match(between) or _POSSESSIVE.match(mtext.strip()):
            continue
        if not _BETWEEN.match(between) or _PREP_BEFORE.search(text[clause_start:ms]):
            return None  # "any use of force in X would": X is no subject
        if quote is not None and quote.start <= ms < quote.end and _PRONOUN.match(mtext.strip()):
            return None  # "he will" inside a quote: whom the speaker means is not resolved here
        locals_ = [local]
        head = text[clause_start:ms]
        while True:  # "X and Y", "X, Y and Z"
            conj = re.search(r"(?:,|\s+and|\s*&)\s*$", head)
            if not conj:
                break
            prev = [x for x in mentions.ending_before(clause_start, clause_start + conj.start())
                    if not text[x[1]:clause_start + conj.start()].strip()]
            if not prev:
                break
            locals_.insert(0, prev[0][2])
            head = text[clause_start:prev[0][0]]
        return locals_
    return None


def _clause_start(text: str, ss: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last "that", "said", semicolon or ", and" before it."""
    seg = text[ss:pos]
    best = 0
    for m in re.finditer(r"\bthat\b|;|,\s+(?:and|but|while|as)\b|\b(?:said|says|told\s+\w+|added)\b|[“\"«]|:",
                         seg):
        best = m.end()
    return ss + best


def _clean_what(raw: str) -> str:
    what = _CUT.split(raw, maxsplit=1)[0]
    words = what.split()
    if len(words) > 25:
        what = " ".join(words[:25])
    what = what.strip(" ,;:'‘’" + _QUOTE_CHARS)
    for o, c in (("“", "”"), ("«", "»")):
        if what.count(o) > what.count(c):
            what = what.replace(o, "")
        elif what.count(c) > what.count(o):
            what = what.replace(c, "")
    if what.count('"') % 2:
        what = what.replace('"', "")
    return what.strip()


def _article_commitments(ann: Annotation, actors: ActorLinks, names: dict[str, str]) -> list[dict[str, Any]]:
    text = ann.article.text
    aid = ann.article.id
    mentions = _Mentions(ann)
    direct = [q for q in ann.quotes if q.kind == "direct"]
    published = (ann.article.published or "")[:10]
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int, str]] = set()
    for ss, se in sentence_bounds(text):
        sent = text[ss:se]
        if not re.search(r"\b(?:will|would|shall|to|going|won['’]t)\b", sent) or sent.rstrip(" \"'”’»").endswith("?"):
            continue  # cheap pre-filter; questions commit nobody
        quotes = [q for q in direct if q.start < se and ss < q.end]
        last: list[str] | None = None
        for m in sorted(list(_INF.finditer(sent)) + list(_MODAL.finditer(sent)), key=lambda x: x.start()):
            verb = m.group("verb")
            trig = ss + m.start()
            quote = next((q for q in quotes if q.start <= trig < q.end), None)
            outside = quote is None
            if outside and re.search(r"\b(?:I|me|my|I'm|I'd)\b", sent[:m.start()]):
                continue  # the writer's own voice
            clause = _clause_start(text, quote.start if quote is not None and quote.start > ss else ss, trig)
            if verb.lower() == "would" and not _SAY.search(text[max(ss, clause - 60):clause].rstrip()
                                                            .removesuffix("that").rstrip() + " "):
                continue  # "would" outside reported speech is a conditional
            prefix = text[clause:trig]
            if _HEDGE.search(prefix) or _HEDGE.search(verb):
                continue
            negated = bool(m.group("neg"))
            if _NEGATED.search(prefix):
                continue  # "had no plans to", "refused to", "did not agree to"
            if negated and not re.match(rf"{_PROMISE}|will|shall|wo|would", verb, re.I):
                continue  # "agreed not to" stays a refusal only for pledges and modals
            locs = _subjects(text, clause, trig, mentions, quote)
            if not locs and last and re.search(r"\b(?:and|but)\s+(?:also\s+)?$", prefix):
                locs = last  # "X will A and will B"
            if not locs:
                continue
            last = locs
            what = _clean_what(m.group("what"))
            if len(what.split()) < 2 or re.match(r"(?:be|have)\s+(?:a|an|the)?\s*$", what):
                continue
            if negated:
                what = "not " + what
            for local in locs:
                gid = actors.global_id(aid, local)
                if gid is None or (gid, ss, what) in seen:
                    continue
                seen.add((gid, ss, what))
                out.append({
                    "actor": gid, "actor_name": names.get(gid, ""), "what": what,
                    "by_when": _deadline(ann, trig, ss + m.start("what") + len(what) + 12, published),
                    "kind": _kind(verb, negated),
                    "evidence": [{"article": aid, "start": ss, "end": se, "text": sent}],
                })
    return out


def _deadline(ann: Annotation, start: int, se: int, published: str) -> str | None:
    """A DATE/TIME timex after the trigger in the sentence that lies after publication (ISO partial date)."""
    for t in ann.timexes:
        if t.type not in ("DATE", "TIME") or not (start <= t.start < se):
            continue
        m = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", t.value or "")
        if not m:
            continue
        iso = m.group(0)
        if m.end() < len(t.value) and not m.group(1):  # "2031-W12", "2031-SP": later this year or after
            if not published or iso > published[:4] or (
                    iso == published[:4] and re.search(r"\b(?:this|next|coming|later|upcoming)\b", t.text, re.I)):
                return t.value
            continue
        n = min(len(iso), len(published))
        if not published or iso[:n] > published[:n]:
            return iso
    return None
