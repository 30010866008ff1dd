"""Incremental story linking: put ONE new article into an existing story or start a new one.

``cluster_stories`` re-clusters the whole store (all pairs in the date window, then
average-link agglomeration), which is fine for hundreds of articles and hopeless
for 100k. ``StoryIndex`` keeps per story what average-link needs and no more:

- the sum of its members' unit TF-IDF vectors, so the mean cosine of a new article
  to all members is one dot product (cosine is linear in the member vectors);
- the actor weights of its (most recent) members, for the mean actor overlap;
- its first and last focal day, so "every pair within the window" is two comparisons.

Candidates are found by blocking, never by a scan: an inverted index from keys (the
article's corpus-wide actor keys and its most distinctive terms) to (day, story)
postings sorted by day; a lookup bisects to the date window and reads at most
``per_key`` postings per key, so linking costs O(keys × log N), independent of the
store size. Only the ``max_candidates`` stories sharing most keys are scored, with
``similarity`` from ``link/stories.py`` (the same weights and threshold as the batch).

Differences from the batch, by design: IDF is the store's at the time an article
arrives (plus ``idf_prior`` unseen documents so the first articles of an empty store
are not all-zero vectors); stories never merge after the fact; an article with no
date is placed at the newest day seen. Everything persists as plain data
(``to_dict``/``from_dict``; ``pop_changes`` for what changed since the last save, so
a store can keep the state as rows and write one article's worth of them per article).
"""

from __future__ import annotations

import hashlib
import heapq
import math
from array import array
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsprism.link.actors import norm_name
from newsprism.link.stories import (
    SIMILARITY_THRESHOLD,
    StoryFeatures,
    _focal_date,
    content_terms,
    is_outlet,
    similarity,
)
from newsprism.records import Actor, Annotation

STATE_VERSION = 1
_SHIFT = 1 << 32  # a posting is one int: day ordinal << 32 | story number


ACTOR_WEIGHT = 0.45  # the actor share of ``similarity`` (0.55 × cosine + 0.45 × actor overlap)


def actor_overlap(a: dict[str, float], a_total: float, b: dict[str, float]) -> float:
    """Weighted Jaccard of two actor weightings, as in ``similarity`` (Σmin / Σmax), in O(|a|).

    Σmax = Σa + Σb − Σmin, so only the keys of ``a`` are visited.
    """
    inter = sum(min(v, b[k]) for k, v in a.items() if k in b)
    union = a_total + sum(b.values()) - inter
    return inter / union if union > 0 else 0.0


@dataclass
class ArticleFeatures:
    """What linking needs of one article: plain data, cheap to build without spaCy."""

    article_id: str
    terms: Counter[str]  # raw term counts (content words)
    actors: dict[str, float]  # corpus-wide actor key -> weight, as in ``stories.features``
    focal: date | None
    title: str
    has_title: bool


class ActorKeys:
    """Corpus-wide actor keys, the same rules as ``link_actors``, kept up to date one article at a time.

    People are keyed by first and last word ("person:first last"), so a fuller form seen
    later does not change the key; a lone surname joins the only full name it ends.
    """

    def __init__(self) -> None:
        self.surnames: dict[str, set[str]] = {}  # last name -> person keys
        self._dirty: set[str] = set()  # surnames whose keys changed since ``pop_changes``

    def observe(self, actors: Iterable[Actor]) -> None:
        for act in actors:
            self._observe(act.kind, norm_name(act.name).split())

    def _observe(self, kind: str, parts: list[str]) -> None:
        if kind == "person" and len(parts) >= 2:
            known = self.surnames.setdefault(parts[-1], set())
            key = f"person:{parts[0]} {parts[-1]}"
            if key not in known:
                known.add(key)
                self._dirty.add(parts[-1])

    def key(self, act: Actor) -> str:
        return self._key(act, norm_name(act.name))

    def keys_of(self, actors: list[Actor]) -> list[str]:
        """Keys of one article's actors, after learning its full names (so its own surnames resolve)."""
        names = [norm_name(act.name) for act in actors]
        for act, n in zip(actors, names, strict=True):
            self._observe(act.kind, n.split())
        return [self._key(act, n) for act, n in zip(actors, names, strict=True)]

    def _key(self, act: Actor, n: str) -> str:
        n = n or act.id
        if act.kind == "country" and act.country:
            return "country:" + act.country
        if act.kind == "person":
            parts = n.split()
            if len(parts) >= 2:
                return f"person:{parts[0]} {parts[-1]}"
            known = self.surnames.get(n, set())
            return next(iter(known)) if len(known) == 1 else "person:" + n
        return f"{act.kind}:{n}"

    def to_dict(self) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in self.surnames.items()}

    def pop_changes(self) -> dict[str, list[str]]:
        """The surnames whose keys changed since the last call (``to_dict`` shape)."""
        out = {k: sorted(self.surnames[k]) for k in sorted(self._dirty)}
        self._dirty.clear()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> ActorKeys:
        keys = cls()
        keys.surnames = {k: set(v) for k, v in data.items()}
        return keys


def article_features(ann: Annotation, keys: ActorKeys) -> ArticleFeatures:
    """Term counts, weighted actor keys and focal day of one annotated article."""
    tf = content_terms(ann)
    weights: dict[str, float] = {}
    for act, k in zip(ann.actors, keys.keys_of(ann.actors), strict=True):
        if is_outlet(act.name, ann.article.outlet):
            continue
        w = (0.3 if act.kind == "country" else 1.0) * min(len(act.mentions), 5) / 5
        weights[k] = max(weights.get(k, 0.0), w)
    return ArticleFeatures(ann.article.id, tf, weights, _focal_date(ann),
                           ann.article.title or ann.article.text[:80], bool(ann.article.title))


@dataclass(slots=True)
class _Story:
    id: str
    articles: list[str]
    first: int | None  # day ordinals of the earliest and latest dated member
    last: int | None
    terms: dict[str, float]  # sum of the members' unit TF-IDF vectors (top ``centroid_terms``)
    n: int
    members: list[dict[str, float]]  # actor weights of the latest ``max_members`` members
    title: str
    has_title: bool
    days: set[int] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "articles": list(self.articles), "first": self.first, "last": self.last,
                "terms": self.terms, "n": self.n, "members": self.members, "title": self.title,
                "has_title": self.has_title, "days": sorted(self.days)}


class StoryIndex:
    """Stories of a growing store; ``add`` links one article in O(log N)."""

    def __init__(self, window_days: int = 7, *, threshold: float = SIMILARITY_THRESHOLD,
                 idf_prior: int = 8, block_terms: int = 12, per_key: int = 64, max_candidates: int = 32,
                 centroid_terms: int = 300, max_members: int = 32) -> None:
        self.window = window_days
        self.threshold = threshold
        self.idf_prior = idf_prior
        self.block_terms = block_terms
        self.per_key = per_key
        self.max_candidates = max_candidates
        self.centroid_terms = centroid_terms
        self.max_members = max_members
        self.n_docs = 0
        self.df: Counter[str] = Counter()
        self.keys = ActorKeys()
        self.stories: list[_Story] = []
        self.story_of: dict[str, int] = {}  # article id -> story number
        self.postings: dict[str, array] = {}
        self.latest: int | None = None
        self._dirty: set[int] = set()
        self._df_dirty: set[str] = set()

    # --- linking ------------------------------------------------------------------------------
    def add_annotation(self, ann: Annotation) -> str:
        """Link one annotated article; returns its story id (the same one if it was linked before)."""
        if ann.article.id in self.story_of:
            return self.stories[self.story_of[ann.article.id]].id
        return self.add(article_features(ann, self.keys))

    def add(self, feats: ArticleFeatures) -> str:
        if feats.article_id in self.story_of:
            return self.stories[self.story_of[feats.article_id]].id
        self.n_docs += 1
        self.df.update(feats.terms.keys())
        self._df_dirty.update(feats.terms.keys())
        vec = self.vector(feats.terms)
        day = feats.focal.toordinal() if feats.focal else None
        if day is not None:
            self.latest = day if self.latest is None else max(self.latest, day)
        best, best_sim = None, self.threshold
        for sidx in self.candidates(vec, feats.actors, day):
            sim = self.story_similarity(sidx, vec, feats.actors, day)
            if sim > best_sim:
                best, best_sim = sidx, sim
        if best is None:
            best = self._new_story(feats)
        self._join(best, feats, vec, day)
        return self.stories[best].id

    def vector(self, tf: Counter[str]) -> dict[str, float]:
        """The unit TF-IDF vector of a term count, with the store's current document frequencies."""
        n = self.n_docs + self.idf_prior
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + self.df[w])) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items() if v > 0}

    def _blocking_keys(self, vec: dict[str, float], actors: dict[str, float]) -> list[str]:
        top = sorted(vec, key=lambda w: -vec[w])[: self.block_terms]
        return list(actors) + ["t:" + w for w in top]

    def candidates(self, vec: dict[str, float], actors: dict[str, float], day: int | None) -> list[int]:
        """Stories sharing the most blocking keys with the article inside the date window."""
        if day is None:
            day = self.latest if self.latest is not None else 0
        lo_key, hi_key = (day - self.window) * _SHIFT, (day + self.window + 1) * _SHIFT
        score: dict[int, float] = {}
        for key in self._blocking_keys(vec, actors):
            plist = self.postings.get(key)
            if not plist:
                continue
            hi = bisect_left(plist, hi_key)
            lo = max(bisect_left(plist, lo_key), hi - self.per_key)
            found = {p & (_SHIFT - 1) for p in plist[lo:hi]}
            weight = 1.0 / math.log(2 + len(found))  # a key many stories share says little
            for sidx in found:
                score[sidx] = score.get(sidx, 0.0) + weight
        return heapq.nlargest(self.max_candidates, score, key=score.__getitem__)

    def story_similarity(self, sidx: int, vec: dict[str, float], actors: dict[str, float],
                         day: int | None) -> float:
        """Average-link similarity of the article to the story's members; 0 outside the date window."""
        story = self.stories[sidx]
        if day is not None and story.first is not None and story.last is not None:
            if max(story.last, day) - min(story.first, day) > self.window:
                return 0.0
        # similarity() = 0.55 × cosine + 0.45 × actor overlap; the mean of the cosine part over the
        # members is the cosine with their summed vector over n, the actor part is averaged.
        text = similarity(StoryFeatures("", vec, {}, None, "", False),
                          StoryFeatures("", story.terms, {}, None, "", False)) / story.n
        total = sum(actors.values())
        acts = [actor_overlap(actors, total, m) for m in story.members]
        return text + ACTOR_WEIGHT * (sum(acts) / len(acts) if acts else 0.0)

    def _new_story(self, feats: ArticleFeatures) -> int:
        sid = "story_" + hashlib.sha1(feats.article_id.encode()).hexdigest()[:10]
        self.stories.append(_Story(sid, [], None, None, {}, 0, [], feats.title, feats.has_title))
        return len(self.stories) - 1

    def _join(self, sidx: int, feats: ArticleFeatures, vec: dict[str, float], day: int | None) -> None:
        story = self.stories[sidx]
        story.articles.append(feats.article_id)
        story.n += 1
        for w, v in vec.items():
            story.terms[w] = story.terms.get(w, 0.0) + v
        if len(story.terms) > self.centroid_terms * 2:  # trim now and then, not on every join
            story.terms = dict(sorted(story.terms.items(), key=lambda kv: -kv[1])[: self.centroid_terms])
        story.members.append(feats.actors)
        del story.members[: -self.max_members]
        if feats.has_title and not story.has_title:
            story.title, story.has_title = feats.title, True
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
            story.days.add(day)
        self.story_of[feats.article_id] = sidx
        self._post(sidx, self._blocking_keys(vec, feats.actors), day)
        self._dirty.add(sidx)

    def _post(self, sidx: int, keys: Iterable[str], day: int | None) -> None:
        if day is None:
            day = self.latest if self.latest is not None else 0
        posting = day * _SHIFT + sidx
        for key in keys:
            plist = self.postings.get(key)
            if plist is None:
                self.postings[key] = array("q", [posting])
            elif plist[-1] <= posting:
                plist.append(posting)  # articles mostly arrive in date order: append, no shifting
            else:
                insort(plist, posting)

    # --- output and persistence ---------------------------------------------------------------
    def stories_out(self) -> list[dict[str, Any]]:
        """Stories in the shape ``cluster_stories`` returns ({id, title, articles, dates})."""
        out = [{"id": s.id, "title": s.title, "articles": sorted(s.articles),
                "dates": [date.fromordinal(d).isoformat() for d in sorted(s.days)]} for s in self.stories]
        out.sort(key=lambda s: (s["dates"][0] if s["dates"] else "9999", s["id"]))
        return out

    def to_dict(self) -> dict[str, Any]:
        """The whole state as JSON-ready plain data (postings are rebuilt on load)."""
        return {"version": STATE_VERSION, "params": self._params(), "n_docs": self.n_docs, "latest": self.latest,
                "df": dict(self.df), "people": self.keys.to_dict(),
                "stories": [s.as_dict() for s in self.stories]}

    def pop_changes(self) -> dict[str, Any]:
        """What changed since the last call: the rows to upsert after a batch of ``add`` calls.

        The ``to_dict`` shape restricted to what changed: the touched stories (each with
        ``seq``, its number, which postings refer to), the df terms and the surnames whose
        people changed; scalars always. The first call after building from scratch gives
        everything. Call it once per save: whatever it returns is forgotten here.
        """
        out = {"version": STATE_VERSION, "n_docs": self.n_docs, "latest": self.latest, "params": self._params(),
               "df": {w: self.df[w] for w in sorted(self._df_dirty)}, "people": self.keys.pop_changes(),
               "stories": [{**self.stories[i].as_dict(), "seq": i} for i in sorted(self._dirty)]}
        self._dirty.clear()
        self._df_dirty.clear()
        return out

    def _params(self) -> dict[str, Any]:
        return {"window_days": self.window, "threshold": self.threshold, "idf_prior": self.idf_prior,
                "block_terms": self.block_terms, "per_key": self.per_key, "max_candidates": self.max_candidates,
                "centroid_terms": self.centroid_terms, "max_members": self.max_members}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryIndex:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"story index state version {data.get('version')!r}, expected {STATE_VERSION}")
        p = data["params"]
        index = cls(p["window_days"], threshold=p["threshold"], idf_prior=p["idf_prior"],
                    block_terms=p["block_terms"], per_key=p["per_key"], max_candidates=p["max_candidates"],
                    centroid_terms=p["centroid_terms"], max_members=p["max_members"])
        index.n_docs, index.latest = data["n_docs"], data["latest"]
        index.df = Counter(data["df"])
        index.keys = ActorKeys.from_dict(data.get("people", {}))
        for s in data["stories"]:
            if s.get("seq", len(index.stories)) != len(index.stories):  # rows must come as 0, 1, 2, ...
                raise ValueError(f"story {s.get('id')!r} is number {s['seq']}, expected {len(index.stories)}")
            index.load_story(s)
        return index

    def load_story(self, s: dict[str, Any]) -> int:
        """Add one stored story (``_Story.as_dict`` shape) and its postings; returns its number."""
        story = _Story(s["id"], list(s["articles"]), s["first"], s["last"], dict(s["terms"]), s["n"],
                       [dict(m) for m in s["members"]], s["title"], s["has_title"], set(s.get("days", ())))
        sidx = len(self.stories)
        self.stories.append(story)
        for aid in story.articles:
            self.story_of[aid] = sidx
        actors = {k for m in story.members for k in m}
        top = sorted(story.terms, key=lambda w: -story.terms[w])[: self.block_terms * 2]
        keys = list(actors) + ["t:" + w for w in top]
        days: list[int | None] = [*sorted(story.days)] or [None]
        for day in days:
            self._post(sidx, keys, day)
        return sidx


def link_incremental(annotations: Iterable[Annotation], index: StoryIndex | None = None,
                     window_days: int = 7) -> tuple[StoryIndex, dict[str, str]]:
    """Link articles in the order given (oldest first is best); returns the index and {article: story}."""
    index = index or StoryIndex(window_days)
    assigned = {ann.article.id: index.add_annotation(ann) for ann in annotations}
    return index, assigned


def story_row(story: dict[str, Any]) -> dict[str, Any]:
    """A ``_Story.as_dict`` (as ``pop_changes`` gives them) in the ``stories_out`` shape, for the store."""
    return {"id": story["id"], "title": story["title"], "articles": sorted(story["articles"]),
            "dates": [date.fromordinal(d).isoformat() for d in sorted(story.get("days", ()))]}


class ActorIndex:
    """Global actors for a growing store, keyed by the rules (and ids) of ``link_actors``.

    A batch of articles is keyed exactly as ``link_actors`` keys it; across batches a key,
    once given, never changes (a fuller form of a known person, or a second full name
    sharing a known surname, seen later does not re-key earlier articles, as the batch would).
    """

    def __init__(self) -> None:
        self.first_last: dict[str, str] = {}  # "first last" -> the normalised full name it keys to
        self.surnames: dict[str, set[str]] = {}  # last name -> person keys
        self._dirty_names: set[str] = set()  # changed since ``pop_changes``
        self._dirty_surnames: set[str] = set()

    def link(self, annotations: Iterable[Annotation]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        """Actor rows for the batch (counts of this batch only) and its actor_links rows."""
        from dataclasses import replace

        from newsprism.link.actors import GlobalActor, _actor_id, strip_titles

        locals_ = [(ann.article.id, replace(act, name=strip_titles(act.name)) if act.kind == "person" else act)
                   for ann in annotations for act in ann.actors]
        fresh: dict[str, str] = {}
        for _aid, act in locals_:
            n = norm_name(act.name)
            parts = n.split()
            if act.kind == "person" and len(parts) >= 2:
                ends = f"{parts[0]} {parts[-1]}"
                if ends not in self.first_last and len(n) > len(fresh.get(ends, "")):
                    fresh[ends] = n
        self.first_last.update(fresh)
        self._dirty_names.update(fresh)
        for _aid, act in locals_:
            parts = norm_name(act.name).split()
            if act.kind == "person" and len(parts) >= 2:
                known = self.surnames.setdefault(parts[-1], set())
                key = "person:" + self.first_last[f"{parts[0]} {parts[-1]}"]
                if key not in known:
                    known.add(key)
                    self._dirty_surnames.add(parts[-1])
        merged: dict[str, GlobalActor] = {}
        links: list[dict[str, str]] = []
        for aid, act in locals_:
            key = self._key(act)
            g = merged.setdefault(key, GlobalActor(id=_actor_id(key)))
            g.observe(act)
            links.append({"article_id": aid, "local_actor": act.id, "actor_id": g.id})
        actors = sorted((g.as_dict() for g in merged.values()),
                        key=lambda a: (-int(str(a["mentions"])), str(a["name"])))
        return actors, links

    def _key(self, act: Actor) -> str:
        n = norm_name(act.name) or act.id
        if act.kind == "country" and act.country:
            return "country:" + act.country
        if act.kind == "person":
            parts = n.split()
            if len(parts) == 1 and len(self.surnames.get(parts[0], ())) == 1:
                return next(iter(self.surnames[parts[0]]))
            if len(parts) >= 2:
                return "person:" + self.first_last[f"{parts[0]} {parts[-1]}"]
            return "person:" + n
        return f"{act.kind}:{n}"

    def to_dict(self) -> dict[str, Any]:
        return {"version": STATE_VERSION, "first_last": dict(self.first_last),
                "surnames": {k: sorted(v) for k, v in self.surnames.items()}}

    def pop_changes(self) -> dict[str, Any]:
        """The ``to_dict`` shape restricted to what changed since the last call (everything, the first time)."""
        out = {"version": STATE_VERSION,
               "first_last": {k: self.first_last[k] for k in sorted(self._dirty_names)},
               "surnames": {k: sorted(self.surnames[k]) for k in sorted(self._dirty_surnames)}}
        self._dirty_names.clear()
        self._dirty_surnames.clear()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorIndex:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"actor index state version {data.get('version')!r}, expected {STATE_VERSION}")
        index = cls()
        index.first_last = dict(data["first_last"])
        index.surnames = {k: set(v) for k, v in data["surnames"].items()}
        return index
