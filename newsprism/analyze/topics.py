"""Topics found from the text (no fixed list) and each actor's stated position on them.

1. Keyphrases: runs of content words (1-3 words, names of actors left out) counted per article;
   a phrase scores by how many articles of the group use it, times an IDF against the other
   articles of the corpus (when the caller passes story groups) and a bonus for multiword phrases.
2. Topics: the best phrases, grouped when they share a word stem ("whaling", "whale sanctuary") or,
   when sentence embeddings are installed, when their vectors are close; a handful per group.
3. Positions: quotes (any kind, with a speaker actor) whose sentence mentions one of the topic's
   phrases, and reported stance sentences ("X insisted / rejected / wants ... <phrase>") with an
   actor subject; each with its evidence span.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from newsprism.analyze.sentences import SentenceIndex, sentence_bounds
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
six seven eight nine ten first second last next new old
""".split())
# words every political news story uses: never a topic on their own
_GENERIC = frozenset("""
year years month months week weeks day days time times today yesterday tomorrow monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
government governments minister ministers official officials president prime leader leaders country countries
state states people spokesman spokeswoman spokesperson statement statements reporters news conference press
side sides part way thing things point lot number percent per cent million billion thousand hundred dozen
morning evening night afternoon hours hour minutes minute ministry foreign affairs capital city mr ms mrs dr
meeting talks visit deal agreement update updated posted editor column columnist author
within met left glad senior made took came went gave got set later earlier still already whether
""".split())
_STANCE = re.compile(
    r"\b(?:insist(?:s|ed)?|reject(?:s|ed)?|oppos(?:e|es|ed)|support(?:s|ed)?|back(?:s|ed)?|defend(?:s|ed)?|"
    r"want(?:s|ed)?|urg(?:e|es|ed)|call(?:s|ed)\s+for|demand(?:s|ed)?|refus(?:e|es|ed)|welcom(?:e|es|ed)|"
    r"criticiz(?:e|es|ed)|criticis(?:e|es|ed)|condemn(?:s|ed)?|regard(?:s|ed)?|consider(?:s|ed)?|"
    r"accus(?:e|es|ed)|argu(?:e|es|ed)|vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|warn(?:s|ed)?|"
    r"den(?:y|ies|ied)|favou?r(?:s|ed)?|seek(?:s)?|sought|push(?:es|ed)?\s+for)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def _stem(w: str) -> str:
    w = w.lower().strip("'’")
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _phrases(text: str, start: int, end: int, masked: list[tuple[int, int]]) -> list[str]:
    """Content-word n-grams (1-3) inside [start, end), never crossing punctuation, names or stopwords."""
    runs: list[list[str]] = []
    cur: list[str] = []
    last_end = start
    for m in _WORD.finditer(text, start, end):
        gap = text[last_end:m.start()]
        last_end = m.end()
        w = m.group(0)
        lw = w.lower()
        inside_name = any(a <= m.start() < b for a, b in masked)
        breaks = bool(re.search(r"[^\s-]", gap))
        if breaks and cur:
            runs.append(cur)
            cur = []
        if inside_name or lw in _STOP or len(lw) < 3:
            if cur:
                runs.append(cur)
            cur = []
            continue
        cur.append(lw)
    if cur:
        runs.append(cur)
    out: list[str] = []
    for run in runs:
        for n in (1, 2, 3):
            for i in range(len(run) - n + 1):
                gram = run[i:i + n]
                if gram[-1] in _GENERIC or gram[0] in _GENERIC and n > 1 or all(g in _GENERIC for g in gram):
                    continue
                out.append(" ".join(gram))
    return out


def _article_phrases(ann: Annotation, where: dict[str, set[tuple[str, int]]] | None = None) -> Counter[str]:
    """Phrase counts of one article; ``where`` collects (article, sentence number) per phrase."""
    text = ann.article.text
    names = [(m.start, m.end) for act in ann.actors for m in act.mentions]
    names += [(e.start, e.end) for e in ann.entities if e.label in ("PERSON", "GPE", "ORG", "NORP", "DATE", "CARDINAL",
                                                                     "MONEY", "TIME", "PERCENT", "QUANTITY")]
    counts: Counter[str] = Counter()
    for k, (s, e) in enumerate(sentence_bounds(text)):
        found = _phrases(text, s, e, names)
        counts.update(found)
        if where is not None:
            for p in found:
                where[p].add((ann.article.id, k))
    return counts


def find_topics(annotations: Sequence[Annotation], actors: ActorLinks,
                stories: Sequence[dict[str, Any]] | None = None, max_topics: int = 6,
                use_embeddings: bool = True) -> list[dict[str, Any]]:
    """Dossier ``topics``: a handful per story (or for the whole set when no stories are given)."""
    anns = list(annotations)
    if not anns:
        return []
    by_id = {a.article.id: a for a in anns}
    where: dict[str, set[tuple[str, int]]] = defaultdict(set)
    phrase_counts = {a.article.id: _article_phrases(a, where) for a in anns}
    groups: list[list[str]] = []
    if stories:
        for st in stories:
            ids = [str(x) for x in st.get("articles", []) if str(x) in by_id]
            if ids:
                groups.append(ids)
    else:
        groups = [list(by_id)]
    df_all: Counter[str] = Counter()
    for c in phrase_counts.values():
        df_all.update(c.keys())
    names = {str(a["id"]): str(a["name"]) for a in actors.actors}
    out: list[dict[str, Any]] = []
    for ids in groups:
        out.extend(_group_topics([by_id[i] for i in ids], phrase_counts, df_all, len(anns), actors, names,
                                 max_topics, use_embeddings, where))
    return out


def _group_topics(anns: list[Annotation], phrase_counts: dict[str, Counter[str]], df_all: Counter[str],
                  n_all: int, actors: ActorLinks, names: dict[str, str], max_topics: int,
                  use_embeddings: bool, where: dict[str, set[tuple[str, int]]]) -> list[dict[str, Any]]:
    ids = [a.article.id for a in anns]
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    for i in ids:
        df.update(phrase_counts[i].keys())
        tf.update(phrase_counts[i])
    n_in = len(ids)
    min_df = 2 if n_in >= 2 else 1
    scored: list[tuple[float, str]] = []
    for p, d in df.items():
        if d < min_df or tf[p] < 2 or _not_topic(p):
            continue
        if any(q != p and f" {p} " in f" {q} " and tf[q] >= 0.7 * tf[p] for q in tf if q.count(" ") > p.count(" ")
               and df[q] >= min_df):
            continue  # "atlantic" inside "north atlantic": keep the longer phrase
        outside = df_all[p] - d
        idf = math.log((1 + n_all - n_in) / (1 + outside)) + 1.0 if n_all > n_in else 1.0
        n_words = p.count(" ") + 1
        score = d / n_in * (1 + math.log(tf[p])) * idf * (1 + 0.35 * (n_words - 1))
        scored.append((score, p))
    scored.sort(reverse=True)
    top = [p for _s, p in scored[: max_topics * 8]]
    ids_set = set(ids)
    occ = {p: {x for x in where.get(p, set()) if x[0] in ids_set} for p in top}
    clusters = _group_phrases(top, use_embeddings, occ)
    topics = []
    for members in clusters[:max_topics]:
        name = members[0]
        stems = [[_stem(w) for w in m.split()] for m in members]
        arts = [a.article.id for a in anns if any(m in phrase_counts[a.article.id] for m in members)]
        if len(arts) < min_df:
            continue
        positions = []
        for ann in anns:
            positions.extend(_positions(ann, stems, actors, names))
        topics.append({"name": name, "keyphrases": members, "articles": arts, "positions": positions})
    return topics


def _not_topic(p: str) -> bool:
    """Verbs and adverbs alone ("agreed", "enforced fairly") name no topic."""
    words = p.split()
    return words[-1].endswith("ly") or (len(words) == 1 and (p.endswith("ed") or p.endswith("ing") and len(p) < 6))


def _group_phrases(phrases: list[str], use_embeddings: bool,
                   occ: dict[str, set[tuple[str, int]]] | None = None) -> list[list[str]]:
    """Greedy grouping, best phrase first: shared stems, the same sentences, or close embeddings."""
    vecs = None
    if use_embeddings and len(phrases) > 1:
        try:
            from newsprism.embed import get_encoder  # type: ignore[import-not-found,unused-ignore]

            vecs = get_encoder().encode(phrases)
        except Exception as exc:  # noqa: BLE001 - lexical grouping is the fallback
            LOGGER.info("topic embeddings unavailable (%s)", exc)
    stems = [{_stem(w) for w in p.split()} for p in phrases]
    used = [False] * len(phrases)
    groups: list[list[str]] = []
    for i, p in enumerate(phrases):
        if used[i]:
            continue
        used[i] = True
        group = [p]
        for j in range(i + 1, len(phrases)):
            if used[j]:
                continue
            close = bool(stems[i] & stems[j])
            if not close and occ:
                a, b = occ.get(p, set()), occ.get(phrases[j], set())
                close = bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.6
            if not close and vecs is not None:
                close = float(vecs[i] @ vecs[j]) >= 0.7
            if close:
                used[j] = True
                group.append(phrases[j])
        groups.append(group)
    return groups


def _mentions_topic(text: str, stems: list[list[str]]) -> bool:
    words = [_stem(w) for w in _WORD.findall(text)]
    joined = " " + " ".join(words) + " "
    return any(" " + " ".join(s) + " " in joined for s in stems)


def _positions(ann: Annotation, stems: list[list[str]], actors: ActorLinks,
               names: dict[str, str]) -> list[dict[str, Any]]:
    text = ann.article.text
    aid = ann.article.id
    index = SentenceIndex(text)
    out: list[dict[str, Any]] = []
    covered: set[tuple[int, int]] = set()
    for q in ann.quotes:
        gid = actors.global_id(aid, q.speaker_actor)
        if gid is None or q.end <= q.start:
            continue
        bounds = (q.sentence.start, q.sentence.end) if q.sentence else index.around(q.start)
        if not _mentions_topic(text[min(bounds[0], q.start):max(bounds[1], q.end)], stems):
            continue
        covered.add(bounds)
        out.append({"actor": gid, "actor_name": names.get(gid, q.speaker_name or ""), "text": q.text,
                    "kind": q.kind,
                    "evidence": {"article": aid, "start": q.start, "end": q.end, "text": text[q.start:q.end]}})
    mentions = sorted((m.start, m.end, act.id) for act in ann.actors for m in act.mentions)
    for s, e in index.bounds:
        if (s, e) in covered:
            continue
        sent = text[s:e]
        m = _STANCE.search(sent)
        if not m or not _mentions_topic(sent, stems):
            continue
        subj = [loc for ms, me, loc in mentions if s <= ms and me <= s + m.start() and s + m.start() - me <= 60]
        if not subj:
            continue
        gid = actors.global_id(aid, subj[-1])
        if gid is None:
            continue
        out.append({"actor": gid, "actor_name": names.get(gid, ""), "text": sent, "kind": "reported",
                    "evidence": {"article": aid, "start": s, "end": e, "text": sent}})
    return out
