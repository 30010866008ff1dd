"""Group articles into stories: one story per real-world event or development.

Similarity of two articles = 0.55 × TF-IDF cosine of their content words +
0.45 × weighted overlap of the named actors (people and organisations count
more than countries). Articles join when they are similar enough and their
focal dates (the day the text talks about most, else the publication date)
lie within the window; average-link agglomeration, with candidates blocked by
date so the store is never compared all against all.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsprism.link.actors import ActorLinks
from newsprism.records import Annotation

STOPWORDS = set(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this that
    these those he she they them his her their we our you your i me my not no so than then there here who whom
    which what when where why how all any both each more most other some such only own same very can will just
    should would could may might must shall do does did done has have had having about above after again against
    before below between during into through under until up down out off over once further also said says say
    told new one two three mr mrs ms""".split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
SIMILARITY_THRESHOLD = 0.14


@dataclass
class StoryFeatures:
    article_id: str
    terms: dict[str, float]
    actors: dict[str, float]
    focal: date | None
    title: str
    has_title: bool


def _focal_date(ann: Annotation) -> date | None:
    """The publication day when known (news is dated by it), else the day the text mentions most."""
    days = Counter(t.value[:10] for t in ann.timexes if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", t.value))
    candidates = [d for d, _ in days.most_common(3)]
    if ann.article.published and len(ann.article.published) >= 10:
        candidates.insert(0, ann.article.published[:10])
    for value in candidates:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            continue
    return None


def features(annotations: list[Annotation], actors: ActorLinks) -> list[StoryFeatures]:
    df: Counter[str] = Counter()
    tfs = []
    for ann in annotations:
        tf = Counter(w.lower() for w in _TOKEN.findall(ann.article.text) if w.lower() not in STOPWORDS)
        tfs.append(tf)
        df.update(tf.keys())
    n = len(annotations)
    out = []
    kinds = {str(a["id"]): str(a["kind"]) for a in actors.actors}
    for ann, tf in zip(annotations, tfs, strict=True):
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        terms = {w: v / norm for w, v in vec.items()}
        weights: dict[str, float] = {}
        for act in ann.actors:
            gid = actors.global_id(ann.article.id, act.id)
            if gid:
                kind = kinds.get(gid, "other")
                w = 0.3 if kind == "country" else 1.0
                weights[gid] = max(weights.get(gid, 0.0), w * min(len(act.mentions), 5) / 5)
        out.append(StoryFeatures(ann.article.id, terms, weights, _focal_date(ann),
                                 ann.article.title or ann.article.text[:80], bool(ann.article.title)))
    return out


def similarity(a: StoryFeatures, b: StoryFeatures) -> float:
    small, large = (a.terms, b.terms) if len(a.terms) < len(b.terms) else (b.terms, a.terms)
    cos = sum(v * large.get(w, 0.0) for w, v in small.items())
    keys = set(a.actors) | set(b.actors)
    inter = sum(min(a.actors.get(k, 0.0), b.actors.get(k, 0.0)) for k in keys)
    union = sum(max(a.actors.get(k, 0.0), b.actors.get(k, 0.0)) for k in keys) or 1.0
    return 0.55 * cos + 0.45 * (inter / union)


def cluster_stories(annotations: list[Annotation], actors: ActorLinks,
                    window_days: int = 7) -> list[dict[str, Any]]:
    """Stories as {id, title, articles, dates}; every article in exactly one story."""
    feats = features(annotations, actors)
    clusters: list[list[int]] = [[i] for i in range(len(feats))]

    def close_in_time(i: int, j: int) -> bool:
        di, dj = feats[i].focal, feats[j].focal
        return di is None or dj is None or abs((di - dj).days) <= window_days

    sims: dict[tuple[int, int], float] = {}
    for i in range(len(feats)):
        for j in range(i + 1, len(feats)):
            if close_in_time(i, j):
                sims[(i, j)] = similarity(feats[i], feats[j])
    while True:
        best, pair = SIMILARITY_THRESHOLD, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                pairs = [(min(i, j), max(i, j)) for i in clusters[x] for j in clusters[y]]
                if any(p not in sims for p in pairs):
                    continue  # some pair is outside the date window
                avg = sum(sims[p] for p in pairs) / len(pairs)
                if avg > best:
                    best, pair = avg, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] = clusters[x] + clusters[y]
        del clusters[y]
    stories: list[dict[str, Any]] = []
    for members in clusters:
        ids = sorted(feats[i].article_id for i in members)
        dates = sorted({f.isoformat() for i in members if (f := feats[i].focal) is not None})
        # title: the member whose text is most central to the story
        central = max(members, key=lambda i: (feats[i].has_title,
                                               sum(sims.get((min(i, j), max(i, j)), 0.0) for j in members)))
        stories.append({
            "id": "story_" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:10],
            "title": feats[central].title,
            "articles": ids,
            "dates": dates,
        })
    stories.sort(key=lambda s: (s["dates"][0] if s["dates"] else "9999", s["id"]))
    return stories
