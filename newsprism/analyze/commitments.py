"""What actors announced, promised, pledged, vowed or agreed to do, with a deadline when the text gives one.

Rules over records (no spaCy), sentence by sentence:

- a commitment verb with an infinitive: "X pledged / promised / vowed / agreed / plans / intends / is
  set / decided to <act>";
- a future modal in a statement: "X will <act>", or reported "X said / vowed that Y would <act>";
- first person inside a direct quote ("We will defend ...") commits the quote's speaker.

The subject must be an actor (nearest actor mention before the trigger in the same clause; a pronoun
falls back to the sentence's first actor, or to the quote's speaker). Hedged predictions (probably,
may, could) are not commitments. ``by_when`` is a DATE timex inside the sentence whose value lies
after the article's publication date (any DATE timex in the act when the article is undated).
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.analyze.sentences import sentence_bounds
from newsprism.link.actors import ActorLinks
from newsprism.records import Annotation

_PROMISE = r"pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|commit(?:s|ted|ting)?|undert(?:ake|akes|ook)|swore|swear(?:s)?|guarantee(?:s|d)?"
_AGREE = r"agree(?:s|d)?|(?:has|have|had)\s+agreed|sign(?:s|ed)?\s+up"
_ANNOUNCE = (r"plan(?:s|ned)?|intend(?:s|ed)?|(?:is|are|was|were)\s+(?:set|due|expected|scheduled|poised|ready|prepared)|"
             r"decid(?:e|es|ed)|announc(?:e|es|ed)\s+(?:plans|that\s+it\s+would)|aim(?:s|ed)?|hope(?:s|d)?|want(?:s|ed)?")
_INF = re.compile(rf"\b(?P<verb>{_PROMISE}|{_AGREE}|{_ANNOUNCE})\s+(?:to\s+)(?P<what>(?!be\s+(?:held|seen)\b)[a-z][^.;:!?\n]*)",
                  re.I)
_THAT_WOULD = re.compile(rf"\b(?P<verb>{_PROMISE}|{_AGREE}|said|says|told\s+\w+|announced|confirmed|insisted|added|"
                         r"declared|stated)\s+(?:that\s+)?(?P<subj>[^,;.]{1,60}?)\s+(?P<modal>would|will)\s+"
                         r"(?P<what>(?!not\s+be\b)[a-z][^.;:!?\n]*)", re.I)
_WILL = re.compile(r"(?P<subj>[^,;.\n]{1,80}?)\s+(?:will|shall|is\s+going\s+to)\s+(?P<what>[a-z][^.;:!?\n]*)")
_HEDGE = re.compile(r"\b(?:probably|perhaps|maybe|likely|may|might|could|unlikely|predict|prediction|expect)\b", re.I)
_PRONOUN = re.compile(r"^(?:he|she|it|they|the\s+(?:government|ministry|company|country|minister|president|"
                      r"leader|two\s+(?:sides|countries|governments|leaders|ministers)))$", re.I)
_FIRST_PERSON = re.compile(r"^(?:we|i)$", re.I)
_TRAIL = re.compile(r"[,;]\s*(?:he|she|they|it|the\s+\w+(?:\s+\w+)?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+"
                    r"(?:said|says|added|told\s+\w+|wrote|tweeted)\b.*$")


_OPINION = re.compile(r"^\s*(?:If|Unless|Perhaps|Maybe)\b|\b(?:I|me|my|I'm|I'd)\b")
_NOT_BEFORE = re.compile(r"\b(?:not|n't|never)\s*$")
_CUT = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=[A-Z])|;\s+|\s+[-–—]\s+|[,.]?[”»\"]")


def _unquoted(sent: str, ss: int, quotes: list[Any]) -> str:
    chars = list(sent)
    for q in quotes:
        for i in range(max(q.start - 1, ss), min(q.end + 1, ss + len(sent))):
            chars[i - ss] = " "
    return "".join(chars)


def _kind(verb: str) -> str:
    v = verb.lower()
    if re.match(_PROMISE, v):
        return "promise"
    if re.match(_AGREE, v):
        return "agree"
    return "announce"


def find_commitments(annotations: list[Annotation], actors: ActorLinks) -> list[dict[str, Any]]:
    """Commitments of every article: {actor, actor_name, what, by_when, kind, evidence: [span]}."""
    names = {str(a["id"]): str(a["name"]) for a in actors.actors}
    out: list[dict[str, Any]] = []
    for ann in annotations:
        out.extend(_article_commitments(ann, actors, names))
    return out


def _article_commitments(ann: Annotation, actors: ActorLinks, names: dict[str, str]) -> list[dict[str, Any]]:
    text = ann.article.text
    aid = ann.article.id
    mentions = sorted((m.start, m.end, act.id) for act in ann.actors for m in act.mentions)
    direct = [q for q in ann.quotes if q.kind == "direct"]
    published = (ann.article.published or "")[:10]
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    for ss, se in sentence_bounds(text):
        sent = text[ss:se]
        if not re.search(r"\b(?:will|would|shall|to|going)\b", sent) or sent.rstrip(" \"'”’»").endswith("?"):
            continue  # cheap pre-filter; questions commit nobody
        quotes = [q for q in direct if q.start < se and ss < q.end]
        outside = _unquoted(sent, ss, quotes)
        if _OPINION.search(outside):
            continue  # the writer's own voice: "I suspect", "If ..., X will"
        quote = quotes[0] if quotes else None
        found: list[tuple[int, int, str, str | None]] = []  # (trigger start, what start, kind, subject local id)
        for m in _INF.finditer(sent):
            holder = next((q for q in quotes if q.start <= ss + m.start() < q.end), None)
            if holder is None:
                local = _subject(ss, ss + m.start(), mentions, text, quote)
            else:  # inside a quote only "we/I <verb> to" or a named actor right before commits someone
                before = sent[max(0, m.start() - 40):m.start()]
                local = _mention_in(ss + m.start() - len(before), ss + m.start(), mentions)
                if local is None and re.search(r"\b(?:we|I)\s+(?:\w+\s+)?$", before, re.I):
                    local = holder.speaker_actor
            found.append((m.start(), m.start("what"), _kind(m.group("verb")), local))
        for m in _THAT_WOULD.finditer(sent):
            subj_text = m.group("subj").strip()
            local = _mention_in(ss + m.start("subj"), ss + m.end("subj"), mentions)
            if local is None and (_PRONOUN.match(subj_text) or _FIRST_PERSON.match(subj_text)):
                local = _subject(ss, ss + m.start(), mentions, text, quote)
            kind = _kind(m.group("verb")) if re.match(rf"{_PROMISE}|{_AGREE}", m.group("verb"), re.I) else "announce"
            found.append((m.start("modal"), m.start("what"), kind, local))
        for m in _WILL.finditer(sent):
            subj_text = m.group("subj").strip()
            tail = re.split(r"\b(?:that|and|but|while|as|,)\s+", subj_text)[-1].strip()
            local = _mention_in(ss + m.end("subj") - len(tail), ss + m.end("subj"), mentions)
            holder = next((q for q in quotes if q.start <= ss + m.start("what") < q.end), None)
            in_quote = holder is not None
            if holder is not None and local is None and _FIRST_PERSON.match(tail):
                local = holder.speaker_actor
            elif holder is not None and local is None:
                continue  # "he will ..." inside a quote: whom it means is not resolved here
            elif local is None and _PRONOUN.match(tail) and not in_quote:
                local = _subject(ss, ss + m.end("subj"), mentions, text, quote)
            kind = "agree" if re.search(r"\bunder\s+the\s+(?:deal|agreement|accord|pact)\b", sent, re.I) else \
                ("promise" if in_quote else "announce")
            found.append((m.end("subj"), m.start("what"), kind, local))
        for trig, wstart, kind, local in found:
            gid = actors.global_id(aid, local)
            if gid is None:
                continue
            what_raw = sent[wstart:]
            if _HEDGE.search(sent[max(0, trig - 25): wstart + 10]) or _NOT_BEFORE.search(sent[max(0, trig - 12):trig]):
                continue
            what = _TRAIL.sub("", _CUT.split(what_raw)[0]).strip(" ,;:\"'“”‘’»«")
            if len(what.split()) < 2 or (gid, ss) in seen:
                continue
            seen.add((gid, ss))
            out.append({
                "actor": gid, "actor_name": names.get(gid, ""), "what": what,
                "by_when": _deadline(ann, ss + wstart, se, published),
                "kind": kind,
                "evidence": [{"article": aid, "start": ss, "end": se, "text": sent}],
            })
    return out


def _mention_in(start: int, end: int, mentions: list[tuple[int, int, str]]) -> str | None:
    """The last actor mentioned inside [start, end)."""
    best = None
    for ms, me, local in mentions:
        if ms >= start and me <= end:
            best = local
    return best


def _subject(sent_start: int, trigger: int, mentions: list[tuple[int, int, str]], text: str,
             quote: Any) -> str | None:
    """Nearest actor before the trigger in the sentence, skipping ones inside a that-clause boundary."""
    best = None
    for ms, me, local in mentions:
        if sent_start <= ms and me <= trigger:
            between = text[me:trigger]
            if len(between) <= 80 and not re.search(r"\b(?:that|which|who|after|before|when)\b", between):
                best = local
            elif best is None:
                best = local
    if best is None and quote is not None:
        best = quote.speaker_actor
    return best


def _deadline(ann: Annotation, ss: int, se: int, published: str) -> str | None:
    """A DATE timex in the sentence that lies after publication (ISO partial date)."""
    for t in ann.timexes:
        if t.type != "DATE" or not (ss <= t.start < se):
            continue
        value = t.value or ""
        m = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", value)
        if not m:
            continue
        iso = m.group(0)
        n = min(len(iso), len(published))
        if not published or iso[:n] > published[:n]:
            return iso
    return None
