"""Issue-level topics found from the text (no fixed list) and each actor's stated position on them.

1. Keyphrases: noun chunks of each sentence, found without a parser (analysis works on records) by a
   lexicon chunker: the spaCy model's own WordNet word classes (lemmatizer tables) tell nouns from
   adjectives and verbs; a chunk is (adjective | noun | demonym)* noun, broken by function words, verbs,
   numbers and names. Person, place and organisation names are actors, not topics, so they break chunks;
   a demonym may modify an issue noun ("Syrian conflict"). Generic nouns (position, meeting, year,
   president ...) never head a topic, and lone adjectives are no topic.
2. Scoring per story: how many of its articles and outlets use the phrase, times a TF-IDF against the
   rest of the corpus, with a bonus for multiword phrases; a phrase inside a longer one that is nearly as
   frequent gives way to it.
3. Topics: the best phrases grouped when they share a content stem, mostly share sentences, or their
   sentence embeddings are close; named by the group's best phrase; at most ``max_topics`` per story.
4. Positions: attributed quotes (speaker resolved to a global actor) whose text or sentence mentions the
   topic, and reported stances ("X rejected / insisted / called for ...") whose grammatical subject is an
   actor; each with a short text and evidence slicing the article exactly. Unattributed text is never a
   position.
"""

from __future__ import annotations

import glob
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsprism.analyze.commitments import _clause_start, _Mentions, _subjects
from newsprism.analyze.sentences import sentence_bounds
from newsprism.link.actors import ActorLinks
from newsprism.records import Annotation

LOGGER = logging.getLogger(__name__)

_STOP = frozenset("""
a an the and or but nor so yet of in on at to for from by with without into onto over under about above below
after before during since until than then as is are was were be been being am do does did done have has had
having will would shall should can could may might must it its this that these those there here which who whom
whose what when where why how not no never also just only very more most much many some any all each every both
either neither other another such own same he she they them his her their him we us our you your i me my up
down out off again once too said says say saying told tell tells according added adds one two three four five
six seven eight nine ten first second third last next new old mr ms mrs dr via per among between against
across around along upon within whether while though although because if unless yes well even still already
like unlike despite least following regarding including concerning given want wants wanted
glad everyone everything anyone anything someone something nobody nothing lot lots thing things
""".split())
# nouns every political story uses: never the head of a topic
_GENERIC = frozenset("""
year years month months week weeks day days time times today yesterday tomorrow monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
government governments minister ministers official officials president presidents prime leader leaders
country countries state states people person spokesman spokeswoman spokesperson statement statements reporter
reporters news conference press side sides part way thing things point points lot number percent cent million
billion thousand hundred dozen morning evening night afternoon hour hours minute minutes ministry affairs capital
city town meeting meetings talks talk visit visits update author editor column columnist position positions issue
issues question questions matter matters subject topic topics case cases fact facts kind sort type example
decade decades century centuries term terms end start beginning head counterpart counterparts host guest guests man men woman women member
members group groups analyst analysts expert experts source sources report reports story article interview
comment comments remark remarks word words view views sign signs moment period era age half place area areas
palace hall room gallery garden building street hotel museum castle chateau residence venue headquarters
photo photos picture pictures image images video caption credit copyright newsletter subscribe
opportunity occasion attempt effort efforts step steps role relation level levels couple series set kind
home homes counsellor counsellors counselor spokesmen diplomat diplomats ambassador ambassadors envoy envoys senator senators lawmaker lawmakers captain premier
reason reasons piece pieces context office desire cost costs contact contacts
chancellor king queen prince secretary secretaries colleague colleagues host hosts delegation delegations
""".split())
# nouns too vague to be a topic alone, fine as the head of a longer phrase ("trade dispute", "foreign policy")
_VAGUE = frozenset("""
policy policies relations relationship relationships dispute disputes quarrel row fight deal deals agreement
agreements accord pact campaign election elections text opposition cooperation dialogue partnership ally
allies adversary adversaries neighbour neighbours neighbor neighbors partner partners friend friends enemy
enemies problem problems situation conflict crisis plan plans proposal proposals measure measures decision
decisions move process system project programme program law laws rule rules support help interest interests
concern concerns threat threats response approach strategy action actions change changes reform reforms
development future relationship power powers security order force forces work role trip summit
""".split())
# modifiers that say nothing about the issue ("key question", "recent years")
_WEAK_MOD = frozenset("""
new old former latest recent current key main major top big great good bad important real full whole long
short high low strong close possible likely certain particular specific various several further general
different similar same own next last first second final early late little large small broad clear serious
true false special senior junior official public private so-called upcoming ongoing previous past present
future joint mutual common
""".split())
_VERB_CUE = frozenset("to will would can could should must may might shall he she they we i it not never "
                      "n't did does do also".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
_STANCE = re.compile(
    r"\b(?:insist(?:s|ed)?|reject(?:s|ed)?|oppos(?:e|es|ed)|support(?:s|ed)?|back(?:s|ed)?|defend(?:s|ed)?|"
    r"urg(?:e|es|ed)|call(?:s|ed)\s+for|demand(?:s|ed)?|welcom(?:e|es|ed)|condemn(?:s|ed)?|"
    r"criticiz(?:e|es|ed)|criticis(?:e|es|ed)|accus(?:e|es|ed)|argu(?:e|es|ed)|warn(?:s|ed)?|den(?:y|ies|ied)|"
    r"favou?r(?:s|ed)?|push(?:es|ed)?\s+for|rais(?:e|es|ed)|denounc(?:e|es|ed)|dismiss(?:es|ed)?|"
    r"stress(?:es|ed)?|emphasi[sz](?:e|es|ed)|question(?:s|ed)|challeng(?:e|es|ed))\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[;:]|\s[-–—]\s|—|,\s+(?:and|but|while|whereas|although|though|saying|adding|"
                         r"according)\b|,\s*(?:he|she|they|it)\s+(?:said|says|added)\b")
_MAX_QUOTE = 300
_SHORT_QUOTE = 4


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """WordNet word classes from the spaCy model's lemmatizer tables (empty when unavailable)."""
    try:
        import spacy.util
        from spacy.lookups import Lookups

        from newsprism.config import Settings

        root = spacy.util.get_package_path(Settings().model)
        found = glob.glob(str(root / "**" / "lemmatizer" / "lookups"), recursive=True)
        lookups = Lookups().from_disk(found[0])
        index = lookups.get_table("lemma_index")
        exc = lookups.get_table("lemma_exc")
        out = {k: frozenset(index[k]) for k in ("noun", "adj", "verb", "adv")}
        out["verb_exc"] = frozenset(w for w, ls in exc["verb"].items() if ls and ls[0] != w)
        return out
    except Exception as exc:  # noqa: BLE001 - the chunker falls back to suffix heuristics
        LOGGER.info("no word-class lexicon for topics (%s)", exc)
        return {}


@lru_cache(maxsize=65536)
def _singular(w: str) -> str:
    """The noun's lemma ("weapons" -> "weapon", "talks" stays when the lexicon knows it)."""
    lex = _lexicon()
    nouns = lex.get("noun", frozenset())
    if w in nouns:
        return w
    for rule_from, rule_to in (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
                               ("men", "man"), ("s", "")):
        if w.endswith(rule_from) and len(w) > len(rule_from) + 2:
            cand = w[: -len(rule_from)] + rule_to
            if cand in nouns or not nouns and rule_from == "s" and not w.endswith("ss"):
                return cand
    return w


@lru_cache(maxsize=65536)
def _classes(w: str) -> tuple[bool, bool, bool]:
    """(can be a noun, can be an adjective, can be a verb) for a lower-case word."""
    lex = _lexicon()
    if not lex:
        adj = bool(re.search(r"(?:al|ic|ive|ous|ful|less|able|ible|ian|ese|ish)$", w))
        return (not adj and not w.endswith("ly"), adj, w.endswith("ed"))
    base = w.split("-")[-1] if "-" in w and w not in lex["noun"] and w not in lex["adj"] else w
    noun = base in lex["noun"] or _singular(base) in lex["noun"]
    adj = w in lex["adj"] or base in lex["adj"]
    verb = w in lex["verb"] or w in lex["verb_exc"] or bool(re.search(r"(?:ed|ing|es|s)$", w) and any(
        w[: -len(s)] + t in lex["verb"] for s, t in (("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                                                      ("es", ""), ("s", "")) if w.endswith(s)))
    known = noun or adj or verb or w in lex["adv"]
    if not known:  # news words WordNet lacks ("cyberattacks") are nouns unless they look otherwise
        noun = not re.search(r"(?:ly|ed)$", w)
    return noun, adj, verb


def _key(words: list[str]) -> str:
    return " ".join(words[:-1] + [_singular(words[-1])])


@dataclass
class _Occ:
    """Where the phrases of one article occur."""

    counts: Counter[str] = field(default_factory=Counter)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    surface: Counter[tuple[str, str]] = field(default_factory=Counter)


def _article_phrases(ann: Annotation) -> _Occ:
    """Noun-chunk keyphrases of one article with their character spans."""
    text = ann.article.text
    occ = _Occ()
    names: list[tuple[int, int, int]] = []  # (start, end, 2: a demonym, 1: a country's name, 0: other)
    for act in ann.actors:
        for sp in act.mentions:
            names.append((sp.start, sp.end, int(act.kind == "country")))
    for e in ann.entities:
        if e.label not in ("WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"):
            names.append((e.start, e.end, 2 * (e.label == "NORP")))
    names.sort()
    ni = 0
    for ss, se in sentence_bounds(text):
        toks: list[tuple[int, int, str, str]] = []  # start, end, word, tag (N/A/D/X)
        prev_lower = ""
        last_end = ss
        for m in _WORD.finditer(text, ss, se):
            w = m.group(0)
            lw = w.lower().replace("’", "'")
            gap = text[last_end:m.start()]
            last_end = m.end()
            if re.search(r"[^\s]", gap) and toks:
                toks.append((m.start(), m.start(), "", "X"))
            while ni < len(names) and names[ni][1] <= m.start():
                ni += 1
            inside = [n for n in names[max(0, ni - 3):ni + 3] if n[0] <= m.start() < n[1]]
            tag = "X"
            if inside:
                noun, adj, _verb = _classes(lw)
                demonym = max(n[2] for n in inside) == 2 and len(lw) > 3 or any(n[2] for n in inside) and adj
                if demonym and w[:1].isupper() and lw not in _STOP:
                    tag = "D"  # "Syrian", "Russian": may modify an issue noun
            elif lw in _STOP or len(lw) < 3 or lw.endswith("'s") and lw[:-2] in _STOP:
                tag = "X"
            elif w[:1].isupper() and (w.isupper() and len(w) > 1 or m.start() != ss and not any(_classes(lw))):
                tag = "X"  # a capitalised word the entity stages missed is a name; an all-caps dateline
            else:
                noun, adj, verb = _classes(lw)
                if verb and prev_lower in _VERB_CUE:
                    tag = "X"  # "to use", "will fight": a verb
                elif noun and not lw.endswith("ly"):
                    tag = "N"
                elif adj and lw not in _WEAK_MOD:
                    tag = "A"
            toks.append((m.start(), m.end(), lw, tag))
            prev_lower = lw
        _chunks(toks, text, occ, ss)
    return occ


def _chunks(toks: list[tuple[int, int, str, str]], text: str, occ: _Occ, sent_start: int) -> None:
    """Sub-spans (1-3 words) of each (A|N|D)* N run that end in a noun, counted by key."""
    run: list[tuple[int, int, str, str]] = []
    for tok in toks + [(0, 0, "", "X")]:
        if tok[3] != "X":
            run.append(tok)
            continue
        while run and run[-1][3] != "N":
            run.pop()
        for j in range(len(run)):
            if run[j][3] != "N" or run[j][2] in _GENERIC or run[j][2].endswith("'s"):
                continue
            for i in range(max(0, j - 2), j + 1):
                words = [t[2] for t in run[i:j + 1]]
                if any(w.endswith("'s") for w in words[:-1]) or all(w in _GENERIC for w in words[:-1]) and i < j:
                    continue
                if i == j and (len(words[0]) < 4 or words[0] in _VAGUE or j + 1 < len(run)):
                    continue
                key = _key(words)
                start, end = run[i][0], run[j][1]
                occ.counts[key] += 1
                occ.spans[key].append((start, end))
                occ.surface[(key, text[start:end])] += 1 if start != sent_start else 0
        run = []


def find_topics(annotations: Sequence[Annotation], actors: ActorLinks,
                stories: Sequence[dict[str, Any]] | None = None, max_topics: int = 8,
                use_embeddings: bool = True) -> list[dict[str, Any]]:
    """Dossier ``topics``: up to ``max_topics`` per story (or for the whole set when no stories are given)."""
    anns = list(annotations)
    if not anns:
        return []
    by_id = {a.article.id: a for a in anns}
    occ = {a.article.id: _article_phrases(a) for a in anns}
    groups: list[list[str]] = []
    for st in stories or []:
        ids = [str(x) for x in st.get("articles", []) if str(x) in by_id]
        if ids:
            groups.append(ids)
    if not groups:
        groups = [list(by_id)]
    df_all: Counter[str] = Counter()
    for o in occ.values():
        df_all.update(o.counts.keys())
    names = {str(a["id"]): str(a["name"]) for a in actors.actors}
    out: list[dict[str, Any]] = []
    for ids in groups:
        out.extend(_group_topics([by_id[i] for i in ids], occ, df_all, len(anns), actors, names,
                                 max_topics, use_embeddings))
    return out


def _group_topics(anns: list[Annotation], occ: dict[str, _Occ], df_all: Counter[str], n_all: int,
                  actors: ActorLinks, names: dict[str, str], max_topics: int,
                  use_embeddings: bool) -> list[dict[str, Any]]:
    ids = [a.article.id for a in anns]
    outlet = {a.article.id: a.article.outlet or a.article.id for a in anns}
    n_in = len(ids)
    n_outlets = len(set(outlet.values()))
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    outlets: dict[str, set[str]] = defaultdict(set)
    for i in ids:
        df.update(occ[i].counts.keys())
        tf.update(occ[i].counts)
        for k in occ[i].counts:
            outlets[k].add(outlet[i])
    min_df = 2 if n_in >= 2 else 1
    scored: dict[str, float] = {}
    for p, d in df.items():
        n_words = p.count(" ") + 1
        if d < min_df or (tf[p] < 2 and n_words == 1):
            continue
        outside = df_all[p] - d
        idf = math.log((1 + n_all - n_in) / (1 + outside)) + 1.0 if n_all > n_in else 1.0
        spread = 0.5 * d / n_in + 0.5 * len(outlets[p]) / n_outlets
        scored[p] = spread * (1 + math.log(tf[p])) * idf * (1 + 0.6 * (n_words - 1))
    for p in list(scored):  # "weapons" inside "chemical weapons": keep the longer phrase
        if any(q != p and f" {p} " in f" {q} " and tf[q] >= 0.6 * tf[p] for q in scored):
            scored[p] *= 0.3
    top = sorted(scored, key=lambda p: (-scored[p], p))[: max_topics * 8]
    vecs = _vectors(top) if use_embeddings else None
    if vecs is not None:  # issue-ness: abstract matters of policy over people, places and objects
        anchors = _vectors(list(_ANCHORS))
        if anchors is not None:
            lean = vecs @ anchors[0] - vecs @ anchors[1]
            for p, x in zip(top, lean, strict=True):
                scored[p] *= min(1.8, max(0.4, 1 + 2 * float(x)))
            order = sorted(range(len(top)), key=lambda k: (-scored[top[k]], top[k]))[: max_topics * 5]
            top, vecs = [top[k] for k in order], vecs[order]
    ids_set = set(ids)
    sentences = {p: {(i, s) for i in ids_set for s, _e in occ[i].spans.get(p, [])} for p in top}
    clusters = _group_phrases(top, vecs, sentences)
    topics = []
    for members in clusters:
        arts = [i for i in ids if any(m in occ[i].counts for m in members)]
        if len(arts) < min_df:
            continue
        name = _surface(members[0], [occ[i] for i in arts])
        positions: list[dict[str, Any]] = []
        for ann in anns:
            positions.extend(_positions(ann, members, occ[ann.article.id], actors, names))
        topics.append({"name": name, "keyphrases": [_surface(m, [occ[i] for i in arts]) for m in members],
                       "articles": arts, "outlets": sorted({outlet[i] for i in arts}), "positions": positions})
        if len(topics) >= max_topics:
            break
    return topics


def _surface(key: str, occs: list[_Occ]) -> str:
    """The phrase as the articles write it most often (lower case unless always capitalised)."""
    forms: Counter[str] = Counter()
    for o in occs:
        for (k, s), n in o.surface.items():
            if k == key:
                forms[s] += n
    best = forms.most_common(1)[0] if forms else (key, 0)
    return best[0] if best[1] else key


def _content_stems(p: str) -> set[str]:
    """Stems of a phrase's words, demonyms left out (two "Syrian" phrases are not one topic)."""
    out = set()
    for w in p.replace("-", " ").split():
        if _classes(w)[1] and not _classes(w)[0] and w[:1].isupper():
            continue
        s = _singular(w)
        for suf in ("ations", "ation", "ings", "ing", "ers", "er", "ed", "al"):
            if s.endswith(suf) and len(s) - len(suf) >= 4:
                s = s[: -len(suf)]
                break
        out.add(s)
    return out


_ANCHORS = ("a political issue: policy, dispute, rights, security, economy, trade, conflict, law, controversy",
            "a person, place, building, vehicle or object")


def _vectors(phrases: list[str]) -> Any:
    """Unit sentence embeddings of the phrases (cached across stories), or None without the encoder."""
    if not phrases:
        return None
    try:
        import numpy as np

        from newsprism.embed import get_encoder

        missing = [p for p in phrases if p not in _VEC_CACHE]
        if missing:
            if len(_VEC_CACHE) > 50000:
                _VEC_CACHE.clear()
            for p, v in zip(missing, get_encoder().encode(missing), strict=True):
                _VEC_CACHE[p] = v
        return np.stack([_VEC_CACHE[p] for p in phrases])
    except Exception as exc:  # noqa: BLE001 - lexical grouping and plain scores are the fallback
        LOGGER.info("topic embeddings unavailable (%s)", exc)
        return None


_VEC_CACHE: dict[str, Any] = {}


def _group_phrases(phrases: list[str], vecs: Any,
                   occ: dict[str, set[tuple[str, int]]] | None = None) -> list[list[str]]:
    """Single-link grouping, best phrase first: shared head stems, the same sentences, or close embeddings."""
    stems = [_content_stems(p) for p in phrases]
    heads = [_content_stems(p.split()[-1]) for p in phrases]
    used = [False] * len(phrases)
    groups: list[list[str]] = []
    for i in range(len(phrases)):
        if used[i]:
            continue
        used[i] = True
        group = [i]
        k = 0
        while k < len(group):
            g = group[k]
            k += 1
            for j in range(i + 1, len(phrases)):
                if used[j]:
                    continue
                close = bool(heads[g] & stems[j] or heads[j] & stems[g])
                if not close and occ:
                    a, b = occ.get(phrases[g], set()), occ.get(phrases[j], set())
                    close = bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.75
                if not close and vecs is not None:
                    close = float(vecs[g] @ vecs[j]) >= 0.75
                if close:
                    used[j] = True
                    group.append(j)
        groups.append([phrases[g] for g in sorted(group)])
    return groups


def _positions(ann: Annotation, members: list[str], occ: _Occ, actors: ActorLinks,
               names: dict[str, str]) -> list[dict[str, Any]]:
    """Quotes and reported stances of actors that mention one of the topic's phrases."""
    spans = sorted(s for m in members for s in occ.spans.get(m, []))
    if not spans:
        return []
    text = ann.article.text
    aid = ann.article.id
    bounds = sentence_bounds(text)
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()

    def add(gid: str, kind: str, start: int, end: int) -> None:
        if (gid, start, end) in seen:
            return
        seen.add((gid, start, end))
        words = text[start:end]
        out.append({"actor": gid, "actor_name": names.get(gid, ""), "text": words.strip(" \"“”«»'‘’,."),
                    "kind": kind, "evidence": {"article": aid, "start": start, "end": end, "text": words}})

    def hits(a: int, b: int) -> list[tuple[int, int]]:
        return [s for s in spans if a <= s[0] and s[1] <= b]

    quoted: list[tuple[int, int]] = []
    for q in ann.quotes:
        gid = actors.speaker_id(aid, q)
        if gid is None or q.end <= q.start:
            continue
        sent = (q.sentence.start, q.sentence.end) if q.sentence else next(
            (b for b in bounds if b[0] <= q.start < b[1]), (q.start, q.end))
        found = hits(q.start, q.end)
        short = len(q.text.split()) < _SHORT_QUOTE
        if short:  # a quoted fragment: the sentence reporting it says what the position is
            found = hits(min(sent[0], q.start), max(sent[1], q.end))
        if not found:
            continue
        quoted.append(sent)
        start, end = (min(sent[0], q.start), max(sent[1], q.end)) if short else (q.start, q.end)
        inner = [b for b in bounds if start < b[1] and b[0] < end]
        if len(inner) > 1 or end - start > _MAX_QUOTE:  # a long quote: its sentence that names the topic
            b = next((b for b in inner if b[0] <= found[0][0] < b[1]), (start, end))
            start, end = max(start, b[0]), min(end, b[1])
        add(gid, q.kind, start, end)
    mentions = _Mentions(ann)
    for s, e in bounds:
        if any(a <= s and e <= b for a, b in quoted):
            continue
        for m in _STANCE.finditer(text, s, e):
            clause = _clause_start(text, s, m.start())
            locs = _subjects(text, clause, m.start(), mentions, None)
            if not locs:
                continue
            cut = _CLAUSE_END.search(text, m.end(), e)
            end = cut.start() if cut else e
            subj_start = min(ms for ms, _me, loc, _t in mentions.ending_before(clause, m.start()) if loc in locs)
            if not hits(m.start(), end):
                continue
            for local in locs:
                gid = actors.global_id(aid, local)
                if gid is not None:
                    add(gid, "reported", subj_start, end)
    return out
