"""Check-worthy factual claims, grouped across articles, with how well independent sources back them.

Two steps, both on records (no spaCy):

1. ``extract_claims`` cuts each article into sentences and clauses and keeps the ones that state
   something checkable (an event verb, a number, a date, who did what) outside direct quotes, skipping
   opinion (first person, "should", judgement words, questions, hedged predictions). Each candidate
   records what it is built from (content words, actors, quantities, dates, negation) and whom the
   sentence relays ("via X", "(X) -" datelines, "according to X news agency", "told X", a relayed
   tick-tock section).
2. ``cluster_claims`` groups candidates that say the same thing (sentence-embedding cosine when the
   encoder is installed, TF-IDF over content words, actors, quantities and dates otherwise, both
   combined when possible), then sets the status: *contradicted* when members disagree on a number, a
   date, negation or the actor; *corroborated* when two or more independent sources back it (an article
   relaying a wire is not independent of that wire); else *single_source*.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.analyze.sentences import is_caption, sentence_bounds
from newsprism.link.actors import norm_name
from newsprism.records import Annotation

LOGGER = logging.getLogger(__name__)
_RESOURCES = Path(__file__).resolve().parents[1] / "annotate" / "resources"

# --------------------------------------------------------------------------------------------------
# Lexicons (general news English)

_STOP = frozenset("""
a an the and or but nor so yet of in on at to for from by with without into onto over under about
above below after before during since until than then as is are was were be been being am do does
did done have has had having will would shall should can could may might must it its it's this that
these those there here which who whom whose what when where why how not no n't never also just only
very more most much many some any all each every both either neither other another such own same
he she they them his her their hers theirs him we us our you your i me my mine up down out off again
further once too said says say saying told tell tells according added adds week day days year years
one time times mr mrs ms dr while whereas if because though although however amid despite within
""".split())

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|myself|we|We|our|Our|us|let's|Let's)\b")
_JUDGEMENT = re.compile(
    r"\b(?:should|ought|shouldn't|absurd|ridiculous|shameful|disgraceful|smart|foolish|stupid|silly|"
    r"brilliant|terrible|awful|wonderful|great|regrettable|deplorable|outrageous|laughable|naive|"
    r"frankly|clearly|obviously|surely|arguably|undoubtedly|unfortunately|fortunately|hopefully|"
    r"probably|perhaps|maybe|presumably|apparently|supposedly|prediction|predict|suspect|"
    r"in my view|to be fair|of course)\b",
    re.I,
)
_BYLINE = re.compile(r"^(?:By|Posted by|Written by|Reporting by|Editing by|Updated|Update)\b|^\W*$")
_TIMESTAMP_LINE = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Za-z .]{1,20})?$", re.I)
_NEWS_WORDS = (
    "News|Agency|Wire|Press|Times|Post|Daily|Herald|Journal|Telegraph|Tribune|Gazette|Ledger|Review|"
    "Radio|TV|Television|Broadcasting|Broadcast|Channel|Network|Media|Chronicle|Observer|Monitor|Magazine|"
    "Weekly|Standard|Bulletin|Dispatch|Courier|Newswire|Wires|Newspaper|Report|Reporter|Express|Mail"
)
_NEWS_ORG = re.compile(rf"\b(?:{_NEWS_WORDS})\b")
_NAME = r"(?:[A-Z][\w'’&.-]*|of|de|du|der|la|le|al|the)(?:\s+(?:[A-Z][\w'’&.-]*|of|de|du|der|la|le|al))*"
_NAME_RE = re.compile(_NAME)
_MEDIA_NOUNS = r"(?:the\s+)?(?:broadcaster|newspaper|news\s+agency|agency|channel|radio|radio\s+station|daily|" \
               r"weekly|magazine|website|network|news\s+site|wire\s+service|station|outlet|paper|tabloid)"
_TOLD = re.compile(rf"\b(?i:told|telling|tells|tell|said\s+to|speaking\s+to|in\s+an\s+interview\s+with)\s+"
                   rf"(?i:{_MEDIA_NOUNS}\s+)?({_NAME})")
_ACCORDING = re.compile(rf"\b(?i:according\s+to|citing|cited\s+by|quoted\s+by|reported\s+by|via|courtesy\s+of)\s+"
                        rf"(?i:{_MEDIA_NOUNS}\s+)?({_NAME})")
_REPORTED = re.compile(rf"\b({_NAME})\s+(?:reported|reports|said\s+in\s+a\s+report|news\s+agency\s+reported)\b")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?\(([^)\n]{2,40})\)\s*[-–—]",
                       re.M)
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .'-]+,[^()]{0,20}\([^)]{2,40}\)\W*$")
_RELAY_INTRO = re.compile(r"(?i:\b(?:tick-?tock|play-by-play|blow-by-blow|live\s+(?:file|blog|updates?|coverage)|"
                          r"timeline|updates?|as\s+it\s+happened)\b[^\n]*?\b(?:from|via|courtesy\s+of|by)\s+"
                          rf"(?:the\s+)?)({_NAME})")

_WORD_NUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12}
_CURRENCY_SIGN = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD", "A$": "AUD"}
_CURRENCY_WORD = re.compile(r"(?:(canadian|australian|us|u\.s\.|american|hong kong|new zealand)\s+)?"
                            r"(dollars?|euros?|pounds?|yen|yuan|rupees?|reais|real|rubles?|roubles?|francs?|"
                            r"pesos?|won|lira|kronor|krone|rand)\b", re.I)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + "|".join(_WORD_NUM) + r")\b)"
_QTY = re.compile(
    rf"(?P<pre>(?:US|C|A)?[$€£¥])?\s?(?P<num>{_NUM})(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|b)\b)?"
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b))?",
    re.I,
)
_PERSON_NOUNS = frozenset("""crew crews men women people persons fishermen sailors passengers soldiers troops
members workers protesters civilians migrants refugees hostages prisoners detainees officers police children
victims residents students staff employees delegates delegation diplomats officials seamen fishers""".split())
_NEGATION = re.compile(r"\b(?:not|n't|never|no\s+longer|denied|deny|denies|refused|rejected)\b", re.I)
_IRREGULAR_PAST = frozenset("""met held left took made sent won lost fought brought bought sold went came gave
began ran struck threw thrown flew drove rose fell broke spoke wrote chose led paid kept put set cut hit
shut quit sought told said found stood saw swore withdrew""".split())


# Pattern conditions that ask for a particular other word next to the lemma (or a form, "talks"): such a pattern makes a
# multiword trigger ("vote down", "seek help from", "joint patrol", "call for"), not the bare lemma.
_WORD_CONDITIONS = frozenset({"obj", "prt", "prep_obj", "mod", "xcomp", "subj_lemma", "prep_req", "need_light",
                              "tag"})


@lru_cache(maxsize=1)
def _event_lemmas() -> dict[str, str]:
    """Trigger stems that are events by themselves -> event type (the first such pattern's, in file order).

    Only patterns that ask for no particular other word count (structural checks such as a party target
    are fine): a rule on a word pair ("vote down", "sought help from", "joint
    patrols") says nothing about the bare word, which is often common ("vote", "patrol"); such words get an
    event feature only where the annotator coded an event on them (see ``_candidate``). So adding a
    conditional rule to the events lexicon leaves the claim features of other sentences alone.
    """
    out: dict[str, str] = {}
    try:
        data = json.loads((_RESOURCES / "plover.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # pragma: no cover - resource ships with the package
        return out
    for etype, spec in data.get("types", {}).items():
        for pat in list(spec.get("verbs", [])) + list(spec.get("nouns", [])):
            if not _WORD_CONDITIONS & set(pat):
                out.setdefault(_stem(str(pat["lemma"])), etype)
    return out


@lru_cache(maxsize=1)
def _reporting_stems() -> frozenset[str]:
    """Reporting verbs (said, told, added ...) carry no claim content; taken from the quote cue lexicon."""
    stems: set[str] = set()
    section = ""
    try:
        lines = (_RESOURCES / "cue_verbs.txt").read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover
        lines = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("["):
            section = line
        elif line and section == "[verbs]":
            stems.update(_stem(w) for w in line.split())
    return frozenset(stems)


def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'seized'/'seizes'/'seizure'-style variants halfway."""
    w = word.lower().strip("'’")
    if len(w) <= 4:
        return w
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ures", "ure", "ions",
                "ion", "ers", "er", "ed", "es", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


# --------------------------------------------------------------------------------------------------
# Candidates

@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # "money:USD", "pct", "count:person", "count:<noun>", "num"
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ClaimCandidate:
    """One check-worthy clause of one article."""

    article: str
    start: int
    end: int
    text: str
    features: dict[str, float] = field(default_factory=dict)
    actors: tuple[str, ...] = ()
    subject: str | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[tuple[str, int, int, str], ...] = ()  # (value, start, end, text)
    negated: bool = False
    via: tuple[str, ...] = ()  # outlets this clause relays
    reported: bool = False  # reported speech ("X said ...")

    def evidence(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}


def _clean_outlet(name: str) -> str:
    name = re.sub(r"^(?:the)\s+", "", name.strip(" .,;:'\"’”"), flags=re.I)
    return re.sub(r"\s+(?:on|in|at|of|de|la|le|the)$", "", name).strip()


def _is_news_org(name: str, known: set[str]) -> bool:
    n = norm_name(name)
    return bool(n) and (n in known or bool(_NEWS_ORG.search(name)))


def _sentence_relays(text: str, known: set[str], places: list[tuple[int, int]], offset: int) -> list[str]:
    """Outlets a sentence says it takes its facts from."""
    out: list[str] = []
    for rx in (_TOLD, _ACCORDING, _REPORTED):
        for m in rx.finditer(text):
            name = _clean_outlet(m.group(1))
            s = offset + m.start(1)
            if any(ps <= s < pe for ps, pe in places):  # "via Istanbul"
                continue
            media_word = re.search(_MEDIA_NOUNS + r"\s+$", text[: m.start(1)]) is not None
            if name and (media_word or _is_news_org(name, known)):
                out.append(name)
    return out


def _relay_sections(text: str, known: set[str]) -> list[tuple[int, int, str]]:
    """Stretches relayed from another outlet: timestamped entries after a 'tick-tock from X:' intro."""
    out: list[tuple[int, int, str]] = []
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    source: str | None = None
    in_entry = False
    for s, e in paras:
        line = text[s:e].strip()
        m = _RELAY_INTRO.search(line)
        if m and _is_news_org(_clean_outlet(m.group(1)), known | {norm_name(_clean_outlet(m.group(1)))}):
            source = _clean_outlet(m.group(1))
            in_entry = False
            continue
        if source is None:
            continue
        if _TIMESTAMP_LINE.match(line):
            in_entry = True
            continue
        unquoted = re.sub(r"[\"“«][^\"”»]*[\"”»]", "", line)
        if re.search(r"\b(?:I|me|my|I'm|I've)\b", unquoted):
            source, in_entry = None, False  # the writer's own voice again
            continue
        if re.match(r"^(?:OK|Okay|So|Translation|Well|Now|Meanwhile|Anyway)\b", line):
            in_entry = False
            continue
        if in_entry:
            out.append((s, e, source))
    return out


def find_relays(annotations: Iterable[Annotation], known_outlets: Iterable[str] = ()) -> dict[str, list[str]]:
    """Per article, the outlets it relays (wire datelines, 'via X', 'told X', relayed tick-tocks)."""
    anns = list(annotations)
    known = _known(anns, known_outlets)
    out: dict[str, list[str]] = {}
    for ann in anns:
        names: list[str] = []
        for c in _article_candidates(ann, known, keep_all=True):
            names.extend(c.via)
        own = norm_name(ann.article.outlet or "")
        uniq = sorted({n for n in names if norm_name(n) != own})
        if uniq:
            out[ann.article.id] = uniq
    return out


def _self_names(text: str, known: set[str], sections: list[tuple[int, int, str]]) -> set[str]:
    """For an article whose outlet is unknown: 'X told <outlet>' in its own voice names the article's outlet."""
    out: set[str] = set()
    for m in _TOLD.finditer(text):
        if any(a <= m.start() < b for a, b, _ in sections):
            continue
        name = _clean_outlet(m.group(1))
        if _is_news_org(name, known):
            out.add(norm_name(name))
    return out


def _known(anns: Sequence[Annotation], extra: Iterable[str]) -> set[str]:
    return {norm_name(o) for o in [*(a.article.outlet for a in anns), *extra] if o}


def extract_claims(annotations: Annotation | Iterable[Annotation],
                   known_outlets: Iterable[str] = ()) -> list[ClaimCandidate]:
    """Check-worthy claim candidates of every article, in article and text order."""
    anns = [annotations] if isinstance(annotations, Annotation) else list(annotations)
    known = _known(anns, known_outlets)
    out: list[ClaimCandidate] = []
    for ann in anns:
        out.extend(_article_candidates(ann, known))
    return out


_SPLIT = re.compile(
    r";\s+|\s+[-–—]\s+|,\s+(?:while|whereas|but)\s+|,\s+and\s+(?=(?:the|its|his|her|their|[A-Z]))|"
    r"\s+and\s+(?=(?:has\s+|had\s+|have\s+|is\s+|was\s+)?[a-z]+ed\b)|,?\s+after\s+(?=\S+(?:\s+\S+){0,5}\s+[a-z]+ed\b)|"
    r",\s+(?:that|which)\s+(?=[a-z]+s\b)|,\s+(?=(?:up|down)\s+from\b)"
)


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a sentence into main-clause-like pieces; pieces under four words stay attached."""
    cuts: list[tuple[int, int]] = []
    for m in _SPLIT.finditer(text, s, e):
        cuts.append((m.start(), m.end()))
    pieces: list[tuple[int, int]] = []
    cur = s
    for cs, ce in cuts:
        if len(text[cur:cs].split()) >= 4 and len(text[ce:e].split()) >= 4:
            pieces.append((cur, cs))
            cur = ce
    pieces.append((cur, e))
    out = []
    for ps, pe in pieces:
        while pe > ps and text[pe - 1] in " ,;:.–—-":
            pe -= 1
        while ps < pe and text[ps] in " ,;:":
            ps += 1
        if pe > ps:
            out.append((ps, pe))
    return out


_CURRENCY_CODE = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "rupee": "INR",
                  "real": "BRL", "reais": "BRL", "ruble": "RUB", "rouble": "RUB", "franc": "CHF", "peso": "MXN",
                  "won": "KRW", "lira": "TRY", "kronor": "SEK", "krone": "NOK", "rand": "ZAR"}
_DOLLAR_PREFIX = {"canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD"}


def _currency(prefix: str | None, word: str) -> str:
    """ISO-like code for a currency word ("Canadian dollars" -> CAD); plain dollars are US dollars."""
    w = word.lower()
    w = w if w in _CURRENCY_CODE else w.rstrip("s")
    code = _CURRENCY_CODE.get(w, w.upper())
    if code == "USD" and prefix:
        code = _DOLLAR_PREFIX.get(prefix.lower(), "USD")
    return code


def _quantities(text: str, s: int, e: int, skip: list[tuple[int, int]]) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _QTY.finditer(text, s, e):
        if not m.group("num") or (m.start("num") > 0 and text[m.start("num") - 1].isalnum()):
            continue
        if any(ts <= m.start("num") < te for ts, te in skip):
            continue  # part of a date or time
        raw = m.group("num").lower()
        value = float(_WORD_NUM[raw]) if raw in _WORD_NUM else float(raw.replace(",", ""))
        if not m.group("pre") and not m.group("scale") and not m.group("pct") and 1900 <= value <= 2100 \
                and "." not in raw:
            continue  # a year the timex tagger missed
        scale = (m.group("scale") or "").lower()
        if scale in ("m", "b") and not m.group("pre"):
            scale = ""
        value *= _SCALE.get(scale, 1.0)
        after = text[m.end(): min(e, m.end() + 40)]
        qend = m.end()
        unit = "num"
        if m.group("pct"):
            unit = "pct"
        elif m.group("pre"):
            unit = "money:" + _CURRENCY_SIGN.get(m.group("pre").replace(" ", ""), "USD")
        else:
            cw = _CURRENCY_WORD.match(after.lstrip())
            if cw:
                unit = "money:" + _currency(cw.group(1), cw.group(2))
                qend = m.end() + (len(after) - len(after.lstrip())) + cw.end()
            else:
                noun = re.match(r"\s*(?:-\s*)?(?:[a-z]+-)?([a-z]+)", after)
                before = re.search(r"\b([a-z]+)\s+of\s+(?:about\s+|some\s+|up\s+to\s+)?$",
                                   text[max(s, m.start("num") - 30):m.start("num")])
                head = noun.group(1) if noun else ""
                if before and before.group(1) in _PERSON_NOUNS:
                    head = before.group(1)
                if head in _PERSON_NOUNS:
                    unit = "count:person"
                elif head and head not in _STOP:
                    unit = "count:" + _stem(head)
        if raw in _WORD_NUM and unit == "num":
            continue  # "one of", "two leaders": bare word numbers are too vague to compare
        qstart = m.start("pre") if m.group("pre") else m.start("num")
        out.append(Quantity(value, unit, qstart, qend, text[qstart:qend]))
    return out


def _article_candidates(ann: Annotation, known: set[str], keep_all: bool = False) -> list[ClaimCandidate]:
    text = ann.article.text
    aid = ann.article.id
    direct = sorted((q.start, q.end) for q in ann.quotes if q.kind == "direct" and q.end > q.start)
    reported_spans = [(q.start, q.end) for q in ann.quotes if q.kind == "indirect" and q.end > q.start]
    places = [(en.start, en.end) for en in ann.entities if en.label in ("GPE", "LOC", "FAC")]
    timexes = [t for t in ann.timexes]
    time_spans = [(t.start, t.end) for t in timexes]
    mention_of: list[tuple[int, int, str, str, str]] = []  # start, end, key, kind, country
    for act in ann.actors:
        key = _actor_key(act.name, act.kind, act.country)
        for m in act.mentions:
            mention_of.append((m.start, m.end, key, act.kind, act.country or ""))
    for en in ann.entities:
        if en.country and en.actor is None:
            mention_of.append((en.start, en.end, "country:" + en.country, "country", en.country))
    mention_of.sort()
    dateline = _DATELINE.search(text[:600])
    article_via: list[str] = []
    if dateline:
        name = _clean_outlet(dateline.group(1))
        if norm_name(name) != norm_name(ann.article.outlet or "") and (_is_news_org(name, known) or ann.article.outlet):
            article_via.append(name)
    sections = _relay_sections(text, known)
    own = {norm_name(ann.article.outlet)} if ann.article.outlet else _self_names(text, known, sections)
    ev_lemmas = _event_lemmas()
    reporting = _reporting_stems()
    coded = {ev.trigger.start: ev.type for ev in ann.events if ev.trigger is not None}
    out: list[ClaimCandidate] = []
    for ss, se in sentence_bounds(text):
        sent = text[ss:se]
        sent_via = list(article_via) + _sentence_relays(sent, known, places, ss)
        sent_via += [src for a, b, src in sections if a <= ss < b]
        sent_via = [v for v in sent_via if norm_name(v) not in own]
        first_actor_feats: list[str] = []
        for cs, ce in _clauses(text, ss, se):
            clause = text[cs:ce]
            masked = _mask(text, cs, ce, direct)
            quoted_share = 1 - len(masked.strip()) / max(1, len(clause))
            reasons = _skip_reason(clause, masked, quoted_share)
            if reasons and not keep_all:
                continue
            cand = _candidate(aid, text, cs, ce, masked, mention_of, timexes, time_spans, ev_lemmas, reporting,
                              coded)
            cand.via = tuple(dict.fromkeys(sent_via))
            cand.reported = any(a < ce and cs < b for a, b in reported_spans) or bool(
                re.search(r"\b(?:said|says|told|announced|added|warned|insisted|confirmed)\b", masked))
            if not first_actor_feats:
                first_actor_feats = [f for f in cand.features if f.startswith("A:")][:2]
            elif re.match(r"[a-z]+(?:ed|s)?\b", clause) and not any(f.startswith("A:") for f in cand.features):
                for f in first_actor_feats:  # "... and threatened sanctions": the subject is the first clause's
                    cand.features[f] = 0.5
            if keep_all or _check_worthy(cand, masked):
                out.append(cand)
    return out


def _actor_key(name: str, kind: str, country: str | None) -> str:
    if kind == "country" and country:
        return "country:" + country
    n = norm_name(name)
    if kind == "person" and n:
        return "person:" + n.split()[-1]
    return f"{kind}:{n}"


def _mask(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> str:
    """The clause with direct-quote content blanked (kept the same length, so offsets hold)."""
    chars = list(text[s:e])
    for qs, qe in spans:
        if qe <= s or qs >= e:
            continue
        for i in range(max(qs - 1, s), min(qe + 1, e)):
            chars[i - s] = " "
    return "".join(chars)


def _skip_reason(clause: str, masked: str, quoted_share: float) -> str | None:
    """Why a clause is not a check-worthy factual claim (None: it may be)."""
    stripped = clause.strip()
    if _BYLINE.match(stripped) or _TIMESTAMP_LINE.match(stripped) or _DATELINE_ONLY.match(stripped):
        return "byline"
    if is_caption(stripped):
        return "caption"
    words = re.findall(r"[\w'’-]+", stripped)
    if all(w[0].isupper() or w[0].isdigit() or w.lower() in _STOP for w in words):
        return "title case"  # a headline in title case, a byline, an outlet and date line
    if stripped.endswith("?") or stripped.endswith("!") or re.search(r"\?[\"'”’]?$", stripped):
        return "question"
    if quoted_share > 0.6:
        return "quote"
    if _FIRST_PERSON.search(masked):
        return "first person"
    if _JUDGEMENT.search(masked):
        return "judgement"
    if re.match(r"^(?:Let|Please|Imagine|Consider|Ask|Release|Publish|Remember|Don't|Do not)\b", stripped):
        return "imperative"
    return None


def _check_worthy(c: ClaimCandidate, masked: str) -> bool:
    content = [f for f in c.features if f.startswith("W:")]
    if len(content) < (2 if c.quantities else 3):
        return False
    has_event = any(f.startswith("E:") for f in c.features)
    has_actor = bool(c.actors)
    has_verb = bool(re.search(r"\b(?:[a-z]+ed|is|are|was|were|has|have|had|will|would|" +
                              "|".join(_IRREGULAR_PAST) + r")\b", masked)) or has_event
    if not has_verb and not (c.quantities or c.dates):
        return False
    return bool(c.quantities) or bool(c.dates) or (has_event and has_actor) or (has_actor and len(content) >= 5)


def _candidate(aid: str, text: str, s: int, e: int, masked: str,
               mentions: list[tuple[int, int, str, str, str]], timexes: list[Any],
               time_spans: list[tuple[int, int]], ev_lemmas: dict[str, str],
               reporting: frozenset[str], coded: Mapping[int, str] | None = None) -> ClaimCandidate:
    """One clause's features; ``coded`` maps the start of each trigger the annotator coded to its event type."""
    coded = coded or {}
    feats: dict[str, float] = {}
    actors: list[str] = []
    subject: str | None = None
    covered = [False] * (e - s)
    for ms, me, key, _kind, country in mentions:
        if ms >= s and me <= e and masked[ms - s: me - s].strip():
            actors.append(key)
            if country:
                feats["A:country:" + country] = 1.0
            feats["A:" + key] = 1.0
            if subject is None and ms - s < max(30, (e - s) // 3):
                subject = "country:" + country if country else key
            for i in range(ms - s, me - s):
                covered[i] = True
    for m in re.finditer(r"[A-Za-z][A-Za-z'’-]*", masked):
        if covered[m.start()]:
            continue
        w = m.group(0).lower().strip("'’")
        if w in _STOP or len(w) < 3:
            continue
        st = _stem(w)
        if st in reporting:
            continue
        feats["W:" + st] = 1.0
        etype = coded.get(s + m.start()) or ev_lemmas.get(st)
        if etype:
            feats["E:" + etype] = 0.5
    skip = [(ts, te) for ts, te in time_spans if ts < e and s < te]
    qty = _quantities(_with_mask(text, s, e, masked), s, e, skip)
    for q in qty:
        feats["Q:" + q.unit] = 0.7
        feats[f"V:{q.unit}:{q.value:g}"] = 1.0
    dates = []
    for t in timexes:
        if t.type == "DATE" and t.start >= s and t.end <= e and re.match(r"\d{4}", t.value or ""):
            dates.append((t.value, t.start, t.end, t.text))
            feats["D:" + t.value] = 0.8
    negated = bool(_NEGATION.search(masked))
    return ClaimCandidate(article=aid, start=s, end=e, text=text[s:e], features=feats,
                          actors=tuple(dict.fromkeys(actors)), subject=subject, quantities=tuple(qty),
                          dates=tuple(dates), negated=negated)


def _with_mask(text: str, s: int, e: int, masked: str) -> str:
    """The article text with [s, e) replaced by its quote-masked version (offsets unchanged)."""
    return text[:s] + masked + text[e:]


# --------------------------------------------------------------------------------------------------
# Clustering

def _encode(texts: list[str]) -> np.ndarray | None:
    try:
        from newsprism.embed import get_encoder  # type: ignore[import-not-found,unused-ignore]

        vecs = get_encoder().encode(texts)
        return np.asarray(vecs, dtype=np.float32)
    except Exception as exc:  # noqa: BLE001 - any failure means: fall back to lexical similarity
        LOGGER.info("sentence embeddings unavailable (%s); claims use lexical similarity", exc)
        return None


def _tfidf(cands: Sequence[ClaimCandidate]) -> np.ndarray:
    vocab: dict[str, int] = {}
    df: dict[str, int] = defaultdict(int)
    for c in cands:
        for f in c.features:
            if f not in vocab:
                vocab[f] = len(vocab)
            df[f] += 1
    n = len(cands)
    mat = np.zeros((n, max(1, len(vocab))), dtype=np.float32)
    for i, c in enumerate(cands):
        for f, w in c.features.items():
            mat[i, vocab[f]] = w * (np.log((1 + n) / (1 + df[f])) + 1.0)
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return mat / norms


EMBED_WEIGHT = 0.6
EVENT_PENALTY = 0.1
LINK_FACTOR = 0.85


def similarity(cands: Sequence[ClaimCandidate], use_embeddings: bool = True) -> np.ndarray:
    """Pairwise claim similarity: TF-IDF cosine, blended with sentence-embedding cosine when available.

    Clauses built on different kinds of event (detained / released) are rarely one claim, so pairs
    whose event types are disjoint lose ``EVENT_PENALTY``.
    """
    lex = _tfidf(cands)
    sim = lex @ lex.T
    if use_embeddings and len(cands) > 1:
        emb = _encode([c.text for c in cands])
        if emb is not None:
            sim = (1 - EMBED_WEIGHT) * sim + EMBED_WEIGHT * (emb @ emb.T)
    types = sorted({f for c in cands for f in c.features if f.startswith("E:")})
    if types:
        col = {t: k for k, t in enumerate(types)}
        ev = np.zeros((len(cands), len(types)), dtype=np.float32)
        for i, c in enumerate(cands):
            for f in c.features:
                if f in col:
                    ev[i, col[f]] = 1.0
        has = ev.sum(axis=1) > 0
        disjoint = (ev @ ev.T == 0) & has[:, None] & has[None, :]
        sim = sim - EVENT_PENALTY * disjoint
    return sim


def cluster_claims(candidates: Sequence[ClaimCandidate], outlet_of: Mapping[str, str] | None = None,
                   relays: Mapping[str, Sequence[str]] | None = None, threshold: float = 0.45,
                   use_embeddings: bool = True) -> list[dict[str, Any]]:
    """Dossier ``claims``: candidates grouped by meaning, each with status, sources and evidence."""
    cands = list(candidates)
    if not cands:
        return []
    outlet_of = dict(outlet_of or {})
    sim = similarity(cands, use_embeddings=use_embeddings)
    groups = _agglomerate(cands, sim, threshold)
    groups = _merge_conflicts(cands, sim, groups)
    claims = [_claim(cands, g, sim, outlet_of, relays or {}) for g in groups]
    claims.sort(key=lambda c: (-len(c["articles"]), c["evidence"][0]["article"], c["evidence"][0]["start"]))
    return claims


def _agglomerate(cands: list[ClaimCandidate], sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link merging over cross-article pairs above the threshold, best pairs first."""
    n = len(cands)
    art = np.array([hash(c.article) for c in cands])
    iu, ju = np.triu_indices(n, k=1)
    keep = (sim[iu, ju] >= threshold) & (art[iu] != art[ju])
    pairs = sorted(zip(sim[iu[keep], ju[keep]].tolist(), iu[keep].tolist(), ju[keep].tolist(), strict=True),
                   reverse=True)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    root = list(range(n))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for _s, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = members[ri], members[rj]
        arts_a = {cands[k].article for k in a}
        if any(cands[k].article in arts_a for k in b):
            continue  # one article does not state one claim twice in different words
        link = float(sim[np.ix_(a, b)].mean())
        if link < threshold * LINK_FACTOR:
            continue
        root[rj] = ri
        members[ri] = a + b
        del members[rj]
    return [sorted(m, key=lambda k: (cands[k].article, cands[k].start)) for m in members.values()]


CONFLICT_SIM = 0.38


def _conflict(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Two clauses that give different amounts of one kind, or different explicit dates, for one thing."""
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.unit == qb.unit and qa.unit != "num" and not _close(qa.value, qb.value) \
                    and max(qa.value, qb.value) <= 3 * min(qa.value, qb.value):
                return True
    if len(a.dates) == 1 and len(b.dates) == 1:
        (va, *_ra, ta), (vb, *_rb, tb) = a.dates[0], b.dates[0]
        if len(va) == len(vb) >= 7 and not _same_date(va, vb) and _EXPLICIT_DATE.search(ta) \
                and _EXPLICIT_DATE.search(tb):
            return True
    return False


def _merge_conflicts(cands: list[ClaimCandidate], sim: np.ndarray, groups: list[list[int]]) -> list[list[int]]:
    """Join clusters whose members say the same thing with a different number or date.

    Similarity alone keeps "$3 billion" and "$4 billion" versions of one claim a little apart; a
    contradiction is exactly such a pair, so a lower bar applies when the two disagree on a value.
    """
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    merged: dict[int, int] = {}

    def find(g: int) -> int:
        while g in merged:
            g = merged[g]
        return g

    with_values = [i for i, c in enumerate(cands) if c.quantities or c.dates]
    pairs = []
    for x in with_values:
        for y in with_values:
            if x < y and cands[x].article != cands[y].article and sim[x, y] >= CONFLICT_SIM \
                    and _conflict(cands[x], cands[y]):
                pairs.append((float(sim[x, y]), x, y))
    for _s, x, y in sorted(pairs, reverse=True):
        gx, gy = find(group_of[x]), find(group_of[y])
        if gx == gy:
            continue
        if float(sim[np.ix_(groups[gx], groups[gy])].mean()) >= CONFLICT_SIM:
            groups[gx] = groups[gx] + groups[gy]
            groups[gy] = []
            merged[gy] = gx
        else:  # only the disagreeing clause moves; its old neighbours may be about something else
            groups[gy] = [k for k in groups[gy] if k != y]
            groups.append([y])
            group_of[y] = len(groups) - 1
            ny = len(groups) - 1
            groups[gx] = groups[gx] + [y]
            groups[ny] = []
            merged[ny] = gx
    return [sorted(g, key=lambda k: (cands[k].article, cands[k].start)) for g in groups if g]


def _source_key(c: ClaimCandidate, outlet_of: Mapping[str, str]) -> list[str]:
    if c.via:
        return [norm_name(v) for v in c.via]
    return [norm_name(outlet_of.get(c.article) or c.article) or c.article]


def _independent_sources(members: list[ClaimCandidate], outlet_of: Mapping[str, str]) -> list[str]:
    """One display name per group of non-independent sources (outlet, wire relayed, same article)."""
    parent: dict[str, str] = {}
    display: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in members:
        names = list(c.via) if c.via else [outlet_of.get(c.article) or c.article]
        keys = [norm_name(n) or n for n in names] + ["article:" + c.article]
        for k, nm in zip(keys, [*names, c.article], strict=True):
            display.setdefault(k, nm)
        for k in keys[1:]:
            parent[find(k)] = find(keys[0])
    comps: dict[str, list[str]] = defaultdict(list)
    for k in display:
        comps[find(k)].append(k)
    out = []
    for ks in comps.values():
        names = [display[k] for k in ks if not k.startswith("article:")]
        out.append(names[0] if names else display[ks[0]])
    return sorted(out)


def _claim(cands: list[ClaimCandidate], idx: list[int], sim: np.ndarray, outlet_of: Mapping[str, str],
           relays: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    members = [cands[i] for i in idx]
    if len(idx) > 1:
        centre = idx[int(np.argmax(sim[np.ix_(idx, idx)].sum(axis=1)))]
    else:
        centre = idx[0]
    sources = _independent_sources(members, outlet_of)
    contradiction = _contradiction(members, sim, idx)
    if contradiction:
        status = "contradicted"
    elif len(sources) >= 2:
        status = "corroborated"
    else:
        status = "single_source"
    cites: dict[str, list[str]] = {}
    for c in members:
        own = norm_name(outlet_of.get(c.article) or "")
        names = [v for v in c.via if norm_name(v) != own]
        if names:
            cites.setdefault(c.article, [])
            cites[c.article] = sorted(set(cites[c.article]) | set(names))
    articles = list(dict.fromkeys(c.article for c in members))
    digest = hashlib.sha1("|".join(f"{c.article}:{c.start}" for c in members).encode()).hexdigest()[:10]
    return {
        "id": "claim_" + digest,
        "text": cands[centre].text,
        "status": status,
        "outlets": sources,
        "evidence": [c.evidence() for c in members],
        "articles": articles,
        "cites": cites,
        "contradiction": contradiction,
    }


CONTRA_SIM = 0.5  # two members must be at least this similar to contradict each other
_EXPLICIT_DATE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")


def _close(a: float, b: float, tol: float = 0.1) -> bool:
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-9)


def _contradiction(members: list[ClaimCandidate], sim: np.ndarray, idx: list[int]) -> dict[str, Any] | None:
    """Members from different articles that disagree on a number, a date, negation or the actor.

    Only pairs that are close paraphrases (``CONTRA_SIM``) may disagree: a cluster also holds looser
    neighbours whose numbers or dates are about something else.
    """
    if len({c.article for c in members}) < 2:
        return None
    pos = {id(c): k for c, k in zip(members, idx, strict=True)}

    def pair_sim(x: ClaimCandidate, y: ClaimCandidate) -> float:
        return float(sim[pos[id(x)], pos[id(y)]])

    by_unit: dict[str, list[tuple[ClaimCandidate, Any, Any]]] = defaultdict(list)
    for c in members:
        for q in c.quantities:
            if q.unit != "num":
                by_unit[q.unit].append((c, q.value, q))
    for unit, items in by_unit.items():
        sides = _sides(items, _close, pair_sim, CONFLICT_SIM)
        if sides:
            return {"field": "number", "unit": unit, "sides": sides}
    dated = [(c, d[0], d) for c in members if len(c.dates) == 1 for d in c.dates if _EXPLICIT_DATE.search(d[3])]
    sides = _sides(dated, _same_date, pair_sim, CONFLICT_SIM)
    if sides:
        return {"field": "date", "sides": sides}
    neg = [(c, c.negated, None) for c in members]
    sides = _sides(neg, lambda a, b: a == b, pair_sim, 0.8)
    if sides:
        for side in sides:
            side["value"] = "negated" if side["value"] is True else "affirmed"
        return {"field": "negation", "sides": sides}
    subj = [(c, c.subject, None) for c in members if c.subject and c.subject.startswith("country:")]
    sides = _sides(subj, lambda a, b: a == b, pair_sim, 0.75)
    if sides and _actors_exclusive(sides, members):
        return {"field": "actor", "sides": sides}
    return None


def _actors_exclusive(sides: list[dict[str, Any]], members: list[ClaimCandidate]) -> bool:
    """'X did it' vs 'Y did it' only when neither side's clauses name the other side's actor at all."""
    by_ev = {(c.article, c.start): c for c in members}
    feats = []
    for side in sides:
        cands = [by_ev[(e["article"], e["start"])] for e in side["evidence"] if (e["article"], e["start"]) in by_ev]
        feats.append(set().union(*(set(c.features) for c in cands)) if cands else set())
    for i, side in enumerate(sides):
        key = "A:" + str(side["value"])
        if any(key in f for j, f in enumerate(feats) if j != i):
            return False
    return True


def _same_date(a: str, b: str) -> bool:
    """Dates agree at the precision both give; year-only and week values are too coarse to disagree."""
    n = min(len(a), len(b), 10)
    if n < 7 or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", a[:n]) or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", b[:n]):
        return True
    months = abs((int(a[:4]) - int(b[:4])) * 12 + int(a[5:7]) - int(b[5:7]))
    if months > 12:
        return True  # years apart: two different events, not two versions of one date
    return a[:n] == b[:n]


def _sides(items: list[tuple[ClaimCandidate, Any, Any]], same: Any, pair_sim: Any,
           min_sim: float) -> list[dict[str, Any]] | None:
    """Group values into sides: two sides from disjoint articles, with a close cross-side pair."""
    if len(items) < 2:
        return None
    groups: list[tuple[Any, list[tuple[ClaimCandidate, Any]]]] = []
    for c, value, extra in items:
        for g in groups:
            if same(g[0], value):
                g[1].append((c, extra))
                break
        else:
            groups.append((value, [(c, extra)]))
    if len(groups) < 2:
        return None
    arts = [{c.article for c, _ in g[1]} for g in groups]
    # an article stating two values itself (a range, a before/after) takes no side
    clean = [g for g, a in zip(groups, arts, strict=True) if not any(a & o for o in arts if o is not a)]
    if len(clean) < 2:
        return None
    linked = [g for g in clean
              if any(pair_sim(x, y) >= min_sim for o in clean if o is not g for x, _ in g[1] for y, _ in o[1])]
    if len(linked) < 2:
        return None
    out = []
    for value, mem in linked:
        ev: list[dict[str, Any]] = []
        for c, extra in mem:
            if isinstance(extra, Quantity):
                ev.append({"article": c.article, "start": extra.start, "end": extra.end, "text": extra.text})
            elif isinstance(extra, tuple):
                ev.append({"article": c.article, "start": extra[1], "end": extra[2], "text": extra[3]})
            ev.append(c.evidence())
        out.append({"value": f"{value:g}" if isinstance(value, float) else value, "evidence": ev})
    return out


def build_claims(annotations: Sequence[Annotation], outlet_of: Mapping[str, str] | None = None,
                 use_embeddings: bool = True) -> list[dict[str, Any]]:
    """Convenience: extract, find relays and cluster in one call."""
    outlet_of = outlet_of or {a.article.id: a.article.outlet or a.article.id for a in annotations}
    cands = extract_claims(annotations)
    return cluster_claims(cands, outlet_of, find_relays(annotations), use_embeddings=use_embeddings)
