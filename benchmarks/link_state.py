"""Persisting the incremental linking state as rows: how long a full save, a load and a one-article save take.

    .venv/bin/python -m benchmarks.link_state 1000 10000 100000

Standalone (no spaCy, no corpus): a synthetic ``StoryIndex`` of ``size`` articles in stories
of 1-6 (built as ``benchmarks/run.py`` ``_synthetic_index`` does, from a pool of random
article vectors over a Zipf vocabulary), with people in the index's ``ActorKeys`` and an
``ActorIndex`` that grow with the store. Each size is saved whole into a fresh SQLite store
(``save_all_s``: the rebuild path), loaded back as ``api._relink_new`` does (``load_s`` = rows
read + ``from_dict``), and then one new article is linked and persisted (``save_one_article_s``:
``pop_changes`` + ``save_link_changes``, one transaction). ``legacy=True`` also times the old
one-JSON-document ``link_state`` (dump + write, read + parse) for comparison.
"""

from __future__ import annotations

import gc
import json
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from newsprism.link.incremental import ActorIndex, StoryIndex, story_row
from newsprism.records import Actor, Annotation, Article, Span
from newsprism.store.db import Store

VOCAB = 40_000
POOL = 1_000
START = date(2023, 1, 2).toordinal()


def _word(k: int) -> str:
    return f"w{k:x}q"  # never a stopword, always a token


def _zipf(rng: random.Random) -> int:
    """A term number, log-uniform over the vocabulary: P(k) ~ 1/k, as word frequencies roughly go."""
    return int(VOCAB ** rng.random()) - 1


def _pool(rng: random.Random) -> list[dict[str, float]]:
    """Unit-ish TF-IDF vectors of ``POOL`` articles, ~200 terms each, Zipf-distributed over the vocabulary."""
    out = []
    for _ in range(POOL):
        terms = {_word(_zipf(rng)) for _ in range(260)}
        vec = {w: rng.random() for w in terms}
        norm = sum(v * v for v in vec.values()) ** 0.5
        out.append({w: v / norm for w, v in vec.items()})
    return out


def synthetic_state(size: int, per_day: int = 300, seed: int = 0) -> tuple[StoryIndex, ActorIndex]:
    """A story index and an actor index as if ``size`` articles had been linked (about one new person each 3)."""
    rng = random.Random(seed + size)
    pool = _pool(rng)
    index = StoryIndex(7)
    index.n_docs = size
    index.df = Counter({_word(k): max(1, int(size / (k + 1) ** 0.8)) for k in range(VOCAB)})
    actors = ActorIndex()
    i = story_no = 0
    while i < size:
        members = min(size - i, rng.choice([1, 1, 2, 3, 3, 4, 5, 6]))
        base = rng.randrange(POOL)
        terms: dict[str, float] = {}
        member_actors, days = [], set()
        people = [(f"first{rng.randrange(5000)}", f"last{(story_no * 7 + k) % max(1, size // 3)}") for k in range(3)]
        for first, last in people:
            key = f"person:{first} {last}"
            index.keys.surnames.setdefault(last, set()).add(key)
            actors.first_last.setdefault(f"{first} {last}", f"{first} {last}")
            actors.surnames.setdefault(last, set()).add(key)
        for m in range(members):
            for w, v in pool[(base + m) % POOL].items():
                terms[w] = terms.get(w, 0.0) + v
            member_actors.append({f"person:{f} {s}": 1.0 for f, s in people[: 1 + m % 3]} | {"country:FR": 0.3})
            days.add(START + (i + m) // per_day)
        terms = dict(sorted(terms.items(), key=lambda kv: -kv[1])[: index.centroid_terms])
        index.load_story({"id": f"syn_story_{story_no}", "articles": [f"syn{i + m}" for m in range(members)],
                          "first": min(days), "last": max(days), "terms": terms, "n": members,
                          "members": member_actors, "title": f"synthetic story {story_no}", "has_title": True,
                          "days": sorted(days)})
        i += members
        story_no += 1
    index.latest = START + (size - 1) // per_day
    # everything counts as changed, as after a rebuild: the full save writes it all
    index._dirty.update(range(len(index.stories)))
    index._df_dirty.update(index.df)
    index.keys._dirty.update(index.keys.surnames)
    actors._dirty_names.update(actors.first_last)
    actors._dirty_surnames.update(actors.surnames)
    return index, actors


def _new_article(size: int, rng: random.Random) -> Annotation:
    """One new article on the newest day, with two people (one already known) and a country."""
    words = [_word(_zipf(rng)) for _ in range(400)]
    text = " ".join(words)
    day = date.fromordinal(START + (size - 1) // 300).isoformat()
    names = ["First1 Last1", "Bea New Person"]
    acts = [Actor(f"a{k}", n, "person", None, None, (), (Span(0, 3, "x"),) * 3) for k, n in enumerate(names)]
    acts.append(Actor("a9", "France", "country", "FR", None, (), (Span(0, 3, "x"),)))
    return Annotation(article=Article(id=f"new-{size}", source="bench", text=text, title="new", published=day),
                      actors=acts)


def _changes(index: StoryIndex, actors: ActorIndex) -> dict[str, Any]:
    return {"story": index.pop_changes(), "actor": actors.pop_changes()}


def bench_link_state(sizes: list[int], legacy: bool = False) -> list[dict[str, Any]]:
    """Per size: save_all_s, load_s (rows_s + from_dict_s), save_one_article_s (and link_one_article_s)."""
    warm = _new_article(1, random.Random(0))  # first-call costs (regexes, imports) are not linking costs
    StoryIndex().add_annotation(warm)
    ActorIndex().link([warm])
    out = []
    for size in sizes:
        index, actors = synthetic_state(size)
        row: dict[str, Any] = {"store_articles": size, "stories": len(index.stories), "df_terms": len(index.df),
                               "surnames": len(index.keys.surnames), "actor_names": len(actors.first_last)}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "state.db"
            with Store(path) as store:
                t0 = time.perf_counter()
                changes = _changes(index, actors)
                store.save_link_changes(changes, index.stories_out(), [], [], replace=True)
                row["save_all_s"] = time.perf_counter() - t0
                del changes  # freeing it (a few hundred ms at 100k) is not what is measured below
                if legacy:
                    t0 = time.perf_counter()
                    with store.db.atomic():
                        for name, data in (("story_index", index.to_dict()), ("actor_index", actors.to_dict())):
                            store.db.execute("insert or replace into link_state (name, data) values (?, ?)",
                                             [name, json.dumps(data)])
                    row["legacy_save_s"] = time.perf_counter() - t0
            del index, actors
            with Store(path) as store:
                t0 = time.perf_counter()
                state = store.load_link_indexes()
                row["rows_s"] = time.perf_counter() - t0
                assert state is not None
                t1 = time.perf_counter()
                index, actors = StoryIndex.from_dict(state["story"]), ActorIndex.from_dict(state["actor"])
                row["from_dict_s"] = time.perf_counter() - t1
                row["load_s"] = time.perf_counter() - t0
                del state
                if legacy:
                    t0 = time.perf_counter()
                    docs = {n: json.loads(d) for n, d in store.db.execute("select name, data from link_state")}
                    StoryIndex.from_dict(docs["story_index"]), ActorIndex.from_dict(docs["actor_index"])
                    row["legacy_load_s"] = time.perf_counter() - t0
                    del docs
                ann = _new_article(size, random.Random(size))
                gc.collect()  # the full collection the loaded heap has coming is not the save's cost
                t0 = time.perf_counter()
                index.add_annotation(ann)
                actor_rows, links = actors.link([ann])
                row["link_one_article_s"] = time.perf_counter() - t0
                t0 = time.perf_counter()
                changes = _changes(index, actors)
                store.save_link_changes(changes, [story_row(s) for s in changes["story"]["stories"]],
                                        actor_rows, links)
                row["save_one_article_s"] = time.perf_counter() - t0
                row["rows_written_one_article"] = (len(changes["story"]["stories"]) + len(changes["story"]["df"])
                                                   + len(changes["story"]["people"])
                                                   + len(changes["actor"]["first_last"])
                                                   + len(changes["actor"]["surnames"]) + 2)
            row["db_mb"] = round(path.stat().st_size / 2**20, 1)
        out.append(row)
        print(f"{size:>7,} articles, {row['stories']:,} stories: save all {row['save_all_s']:.2f}s, "
              f"load {row['load_s']:.2f}s (rows {row['rows_s']:.2f}s + from_dict {row['from_dict_s']:.2f}s), "
              f"one article: link {row['link_one_article_s'] * 1000:.1f}ms, "
              f"save {row['save_one_article_s'] * 1000:.1f}ms ({row['rows_written_one_article']} rows)"
              + (f"; legacy document: save {row['legacy_save_s']:.2f}s, load {row['legacy_load_s']:.2f}s"
                 if legacy else ""), flush=True)
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    bench_link_state([int(a) for a in args if a.isdigit()] or [1000, 10_000, 100_000], legacy="--legacy" in args)
