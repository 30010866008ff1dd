"""Throughput, memory and scaling benchmarks: ``python -m benchmarks.run [--articles N] [--subset M]``.

A deterministic synthetic corpus (``benchmarks/corpus.py``) of N articles (default
5,000, about 600 words each) is generated; the costly pipeline runs use its first M
articles (default 300; ``--full`` uses all N) and the per-article figures extrapolate
to N. Everything is measured in this one process (workers are child processes):

  a. annotate words/s against bare ``spacy.load(model).pipe`` on the same texts
  b. ingest (annotate + SQLite store + incremental story linking) articles/minute, 1 and 2 workers
  c. per-component time shares of annotation
  d. peak RSS (``resource.getrusage``)
  e. time to link ONE new article into synthetic stores of 1k, 10k, 100k articles
  f. Dask LocalCluster 2 workers against 1 worker

The last lines are ``target: NAME measured=X goal=Y ok|short``, one per target.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate, to_articles, write_jsonl
from newsprism.config import Settings
from newsprism.records import Annotation, Article


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


# --- a, c: annotation speed and component shares ------------------------------------------------
def bench_annotate(articles: list[Article], settings: Settings, chunk: int = 25) -> dict[str, Any]:
    """Full annotate vs bare spaCy, interleaved chunk by chunk so background load hits both alike.

    Two baselines: ``bare`` is ``spacy.load(model).pipe`` as shipped (thinc's blis), and
    ``bare_same_blas`` the same model on the BLAS newsprism uses (``annotate/blas.py``), so
    the ratio against the latter measures newsprism's components alone.
    """
    import spacy

    from newsprism.annotate.blas import use_blas
    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.annotate.runner import annotate_articles

    nlp = shared_nlp(settings.model)
    bare = spacy.load(settings.model)
    same = use_blas(spacy.load(settings.model), settings.blas)
    warm = articles[:4]
    list(bare.pipe([a.text for a in warm]))
    list(same.pipe([a.text for a in warm]))
    list(annotate_articles(warm, nlp, batch_size=settings.batch_size))
    wall = dict.fromkeys(("bare", "same", "full"), 0.0)
    cpu = dict.fromkeys(("bare", "same", "full"), 0.0)
    anns: list[Annotation] = []
    for i in range(0, len(articles), chunk):
        part = articles[i:i + chunk]
        for key, model in (("bare", bare), ("same", same)):
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in model.pipe((a.text for a in part), batch_size=settings.batch_size):
                pass
            wall[key] += time.perf_counter() - t0
            cpu[key] += time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        anns.extend(x for x in annotate_articles(part, nlp, batch_size=settings.batch_size)
                    if isinstance(x, Annotation))
        wall["full"] += time.perf_counter() - t0
        cpu["full"] += time.process_time() - c0
    n = words(articles)
    # CPU seconds say what an idle core would do when other work shares the machine
    return {"articles": len(articles), "words": n, "bare_s": wall["bare"], "annotate_s": wall["full"],
            "bare_wps": n / wall["bare"], "bare_same_blas_wps": n / wall["same"],
            "annotate_wps": n / wall["full"], "ratio": wall["bare"] / wall["full"],
            "ratio_same_blas": wall["same"] / wall["full"],
            "bare_cpu_s": cpu["bare"], "annotate_cpu_s": cpu["full"], "bare_wps_per_cpu_s": n / cpu["bare"],
            "annotate_wps_per_cpu_s": n / cpu["full"], "ratio_cpu": cpu["bare"] / cpu["full"],
            "ratio_same_blas_cpu": cpu["same"] / cpu["full"], "_anns": anns}


def bench_components(articles: list[Article], settings: Settings) -> dict[str, Any]:
    """Each component's share of annotation time: the pipeline run one component at a time."""
    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.annotate.runner import _finish, _make_doc

    nlp = shared_nlp(settings.model)
    times: dict[str, float] = dict.fromkeys(["tokenizer"], 0.0)
    t0 = time.perf_counter()
    docs = [_make_doc(nlp, a) for a in articles]
    times["tokenizer"] += time.perf_counter() - t0
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=settings.batch_size))
        else:
            docs = [proc(d) for d in docs]
        times[name] = times.get(name, 0.0) + time.perf_counter() - t0
    t0 = time.perf_counter()
    for a, d in zip(articles, docs, strict=True):
        _finish(a, d)
    times["to_records+genre"] = time.perf_counter() - t0
    total = sum(times.values())
    return {"seconds": dict(times), "shares": {k: v / total for k, v in times.items()}, "total_s": total}


# --- b: ingest ------------------------------------------------------------------------------------
def bench_ingest(articles: list[Article], settings: Settings, workers: int) -> dict[str, Any]:
    """What ``newsprism ingest FILE.jsonl --db DB --workers N`` does: read, annotate, store in
    batches, then relink the store. Timed from a cold start (worker processes spawned and
    pipelines loaded inside the timing) and in steady state (first stored batch to the end,
    the final relink included)."""
    from newsprism.api import ingest
    from newsprism.store.db import Store

    rows = [{"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet, "author": a.author,
             "published": a.published} for a in articles]
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(rows, Path(tmp) / "input.jsonl")  # type: ignore[arg-type]
        store = _TimedStore(Store(Path(tmp) / "bench.db"))
        t0, c0 = time.perf_counter(), _cpu()
        report = ingest([source], store, settings=dataclasses.replace(settings, workers=workers))  # type: ignore[arg-type]
        t1 = time.perf_counter()
        dt, cpu = t1 - t0, _cpu() - c0
        stories = len(store.stories())
        store.close()
    added = report.added
    first_n, first_t = store.first or (0, t0)
    steady = 60 * (added - first_n) / (t1 - first_t) if added > first_n and t1 > first_t else None
    return {"workers": workers, "articles": added, "errors": len(report.errors), "seconds": dt,
            "articles_per_min": 60 * added / dt, "articles_per_min_steady": steady,
            "startup_s": first_t - t0, "stories": stories, "cpu_s": cpu,
            "articles_per_cpu_min": 60 * added / cpu}


class _TimedStore:
    """A store that notes when its first batch was saved (the end of start-up)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.first: tuple[int, float] | None = None

    def save_annotations(self, batch: list[Annotation]) -> int:
        n = int(self.store.save_annotations(batch))
        if self.first is None:
            self.first = (n, time.perf_counter())
        return n

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the worker pool)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bench_relink(anns: list[Annotation], settings: Settings, corpus_size: int) -> dict[str, Any]:
    """Batch story clustering (what ``api.relink`` runs on every ingest) against the incremental index.

    The statement alignment that ``relink`` also runs is not timed here. The batch cost is
    extrapolated to the corpus size as n³ (average-link agglomeration over all clusters).
    """
    from newsprism.link.actors import link_actors
    from newsprism.link.incremental import link_incremental
    from newsprism.link.stories import cluster_stories
    from tests.eval.score_clusters import bcubed

    t0 = time.perf_counter()
    stories = cluster_stories(anns, link_actors(anns), window_days=settings.story_window_days)
    batch_s = time.perf_counter() - t0
    ordered = sorted(anns, key=lambda a: (a.article.published or "", a.article.id))
    t0 = time.perf_counter()
    index, _ = link_incremental(ordered, window_days=settings.story_window_days)
    inc_s = time.perf_counter() - t0
    batch_sets = [set(s["articles"]) for s in stories]
    inc_sets = [set(s["articles"]) for s in index.stories_out()]
    truth = _true_stories(anns)
    n = len(anns)
    return {"articles": n, "batch_cluster_s": batch_s, "incremental_s": inc_s,
            "batch_cluster_s_extrapolated": batch_s * (corpus_size / n) ** 3,
            "incremental_s_extrapolated": inc_s * corpus_size / n,
            "batch_stories": len(batch_sets), "incremental_stories": len(inc_sets), "true_stories": len(truth),
            "bcubed_incremental_vs_batch": bcubed(batch_sets, inc_sets)["f1"],
            "bcubed_batch_vs_truth": bcubed(truth, batch_sets)["f1"],
            "bcubed_incremental_vs_truth": bcubed(truth, inc_sets)["f1"]}


def _true_stories(anns: list[Annotation]) -> list[set[str]]:
    """The generator's own stories of these articles."""
    groups: dict[str, set[str]] = {}
    for a in anns:
        groups.setdefault(TRUTH.get(a.article.id, a.article.id), set()).add(a.article.id)
    return list(groups.values())


TRUTH: dict[str, str] = {}  # article id -> generator story key, filled by main()


# --- e: linking into big stores -----------------------------------------------------------------
def bench_link_scaling(anns: list[Annotation], sizes: list[int], per_day: int = 300,
                       probes: int = 40) -> list[dict[str, Any]]:
    """Synthetic stores built from the real annotations' features; then time linking one article."""
    from newsprism.link.incremental import StoryIndex, article_features

    seed = StoryIndex()
    feats = [article_features(a, seed.keys) for a in anns]
    for f in feats:
        seed.add(f)
    vecs = [seed.vector(f.terms) for f in feats]
    out = []
    for size in sizes:
        rss0 = peak_rss_mb()
        t0 = time.perf_counter()
        index = _synthetic_index(seed, feats, vecs, size, per_day)
        build_s = time.perf_counter() - t0
        last_day = date.fromordinal(index.latest or 1)
        times = []
        for k in range(probes):
            src = anns[(k * 7) % len(anns)]
            art = dataclasses.replace(src.article, id=f"probe-{size}-{k}", published=last_day.isoformat())
            probe = Annotation(article=art, actors=src.actors, timexes=src.timexes)
            t0 = time.perf_counter()
            index.add_annotation(probe)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        out.append({"store_articles": size, "stories": len(index.stories), "build_s": build_s,
                    "link_ms_median": statistics.median(times), "link_ms_p95": times[int(0.95 * (len(times) - 1))],
                    "peak_rss_mb": peak_rss_mb(), "peak_rss_growth_mb": peak_rss_mb() - rss0})
        log(f"link into {size:,}: median {out[-1]['link_ms_median']:.2f} ms, p95 {out[-1]['link_ms_p95']:.2f} ms, "
            f"{len(index.stories):,} stories, built in {build_s:.1f}s, peak RSS {peak_rss_mb():.0f} MB")
        del index
    return out


def _synthetic_index(seed: Any, feats: list[Any], vecs: list[dict[str, float]], size: int, per_day: int) -> Any:
    """``size`` article records in stories of 1-6, ``per_day`` a day, with per-story people and terms."""
    import random

    from newsprism.link.incremental import StoryIndex

    rng = random.Random(size)
    index = StoryIndex(seed.window)
    index.df = Counter({w: max(1, c * size // max(1, seed.n_docs)) for w, c in seed.df.items()})
    index.n_docs = size
    start = date(2023, 1, 2).toordinal()
    i = story_no = 0
    while i < size:
        members = min(size - i, rng.choice([1, 1, 2, 3, 3, 4, 5, 6]))
        base = rng.randrange(len(feats))
        tag = {f"storytag{story_no}": 0.3}
        terms: dict[str, float] = {}
        actors_list = []
        days = set()
        for m in range(members):
            j = (base + m) % len(feats)
            for w, v in vecs[j].items():
                terms[w] = terms.get(w, 0.0) + v
            for w, v in tag.items():
                terms[w] = terms.get(w, 0.0) + v
            # other people in other stories: person keys get a per-story suffix, countries stay shared
            actors_list.append({(k if k.startswith("country:") else f"{k}#{story_no % 5000}"): v
                                for k, v in feats[j].actors.items()})
            days.add(start + (i + m) // per_day)
        terms = dict(sorted(terms.items(), key=lambda kv: -kv[1])[: index.centroid_terms])
        index.load_story({"id": f"syn_story_{story_no}", "articles": [f"syn{i + m}" for m in range(members)],
                          "first": min(days), "last": max(days), "terms": terms, "n": members,
                          "members": actors_list, "title": f"synthetic story {story_no}", "has_title": True,
                          "days": sorted(days)})
        i += members
        story_no += 1
    index.latest = start + (size - 1) // per_day
    return index


# --- f: dask --------------------------------------------------------------------------------------
def bench_dask(articles: list[Article], settings: Settings, workers: int) -> dict[str, Any]:
    """Throughput on a warmed LocalCluster (workers started and pipelines built before timing)."""
    from distributed import Client, LocalCluster

    from newsprism.scale import _init_worker, annotate_dask

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(_init_worker, settings.model)
        startup = time.perf_counter() - t0
        t0 = time.perf_counter()
        n = sum(1 for x in annotate_dask(articles, settings=settings, client=client) if isinstance(x, Annotation))
        dt = time.perf_counter() - t0
    return {"workers": workers, "articles": n, "seconds": dt, "startup_s": startup,
            "articles_per_min": 60 * n / dt}


# --- shortcuts (--shortcuts) ----------------------------------------------------------------------
def bench_shortcuts(articles: list[Article], settings: Settings) -> dict[str, Any]:
    """What the usual speed knobs buy: batch size, spaCy's own n_process (bare model)."""
    import spacy

    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.annotate.runner import annotate_articles

    nlp = shared_nlp(settings.model)
    out: dict[str, Any] = {}
    n = words(articles)
    for bs in (8, 32, 128):
        t0 = time.perf_counter()
        list(annotate_articles(articles, nlp, batch_size=bs))
        out[f"annotate_wps_batch{bs}"] = n / (time.perf_counter() - t0)
    bare = spacy.load(settings.model)
    texts = [a.text for a in articles]
    for n_proc in (1, 2):
        t0 = time.perf_counter()
        list(bare.pipe(texts, batch_size=32, n_process=n_proc))
        out[f"bare_wps_n_process{n_proc}"] = n / (time.perf_counter() - t0)
    return out


# --- main -----------------------------------------------------------------------------------------
def timed(name: str, fn: Callable[[], Any]) -> Any:
    log(f"{name} ...")
    t0 = time.perf_counter()
    result = fn()
    log(f"{name} done in {time.perf_counter() - t0:.1f}s")
    return result


def targets(r: dict[str, Any]) -> Iterator[str]:
    def line(name: str, value: float | None, goal: str, ok: bool) -> str:
        shown = "n/a" if value is None else f"{value:.3g}"
        return f"target: {name} measured={shown} goal={goal} {'ok' if ok else 'short'}"

    ratio = r["annotate"]["ratio"]
    yield line("annotate_vs_bare", ratio, ">=0.5", ratio >= 0.5)
    same = r["annotate"]["ratio_same_blas"]
    yield line("annotate_vs_bare_same_blas", same, ">=0.5", same >= 0.5)
    best = max(x["articles_per_min_steady"] or x["articles_per_min"] for x in r["ingest"])
    yield line("ingest_articles_per_min_steady", best, ">=1000", best >= 1000)
    cold = max(x["articles_per_min"] for x in r["ingest"])
    n = max(x["articles"] for x in r["ingest"])
    yield line(f"ingest_articles_per_min_with_startup_{n}", cold, ">=1000", cold >= 1000)
    big = max(r["link"], key=lambda x: x["store_articles"]) if r["link"] else None
    link_ms = big["link_ms_median"] if big else None
    yield line(f"link_ms_{_k(big)}", link_ms, "<50", link_ms is not None and link_ms < 50)
    rss = big["peak_rss_mb"] if big else None
    yield line(f"peak_rss_mb_{_k(big)}", rss, "<2048", rss is not None and rss < 2048)
    sp = r.get("dask_speedup_2w")
    yield line("dask_speedup_2w", sp, ">=1.6", sp is not None and sp >= 1.6)
    ev = r["components"]["shares"].get("newsprism_events", 0.0)
    yield line("event_overhead", ev, "<=0.30", ev <= 0.30)


def _k(row: dict[str, Any] | None) -> str:
    return f"{row['store_articles'] // 1000}k" if row else "none"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000, help="corpus size (default 5000)")
    ap.add_argument("--subset", type=int, default=300, help="articles for the costly runs (default 300)")
    ap.add_argument("--full", action="store_true", help="run the costly parts on the whole corpus")
    ap.add_argument("--ingest-articles", type=int, default=1000,
                    help="articles for the ingest runs (default 1000: start-up and the final relink amortised as "
                         "in a real batch)")
    ap.add_argument("--components-subset", type=int, default=50, help="articles for the component shares")
    ap.add_argument("--link-sizes", default="1000,10000,100000", help="synthetic store sizes for linking")
    ap.add_argument("--workers", type=int, default=2, help="the parallel worker count measured against 1")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--relink-subset", type=int, default=160, help="articles for batch vs incremental stories")
    ap.add_argument("--no-relink", action="store_true", help="skip timing the batch story clustering")
    ap.add_argument("--shortcuts", action="store_true", help="also measure batch sizes and n_process")
    ap.add_argument("--write-corpus", type=Path, help="also write the corpus as JSON Lines here")
    ap.add_argument("--json", type=Path, help="write all figures here")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")  # read when distributed is first imported
    settings = Settings()
    results: dict[str, Any] = {"cpus": os.cpu_count(), "model": settings.model}

    rows = timed(f"generate {args.articles:,} articles", lambda: generate(args.articles, args.seed))
    if args.write_corpus:
        write_jsonl(rows, args.write_corpus)
    corpus = to_articles(rows)
    for r in rows:
        TRUTH[r["id"]] = r["story"]
    subset = corpus if args.full else corpus[: min(args.subset, len(corpus))]
    n_words = words(corpus)
    results["corpus"] = {"articles": len(corpus), "words": n_words, "mean_words": n_words / len(corpus),
                         "subset": len(subset)}
    log(f"corpus: {len(corpus):,} articles, {n_words:,} words; costly runs on {len(subset)}")

    a = timed("a. annotate vs bare spaCy", lambda: bench_annotate(subset, settings))
    anns: list[Annotation] = a.pop("_anns")
    results["annotate"] = a
    log(f"   bare {a['bare_wps']:.0f} words/s ({a['bare_same_blas_wps']:.0f} on the same BLAS), "
        f"annotate {a['annotate_wps']:.0f} words/s, ratio {a['ratio']:.2f} ({a['ratio_same_blas']:.2f}); "
        f"per CPU second: bare {a['bare_wps_per_cpu_s']:.0f}, annotate {a['annotate_wps_per_cpu_s']:.0f}")

    comp_part = subset[: args.components_subset]
    results["components"] = timed("c. component shares", lambda: bench_components(comp_part, settings))
    for k, v in sorted(results["components"]["shares"].items(), key=lambda kv: -kv[1]):
        log(f"   {k:22s} {v:6.1%}")

    results["ingest"] = []
    for w in sorted({1, args.workers}):
        batch = corpus[: max(len(subset), args.ingest_articles)]
        row = timed(f"b. ingest {len(batch)}, {w} worker(s)",
                    lambda w=w, batch=batch: bench_ingest(batch, settings, w))  # type: ignore[misc]
        results["ingest"].append(row)
        log(f"   {row['articles_per_min_steady'] or 0:.0f} articles/min in steady state, "
            f"{row['articles_per_min']:.0f} with the {row['startup_s']:.1f}s start-up "
            f"({row['seconds']:.1f}s, {row['stories']} stories); "
            f"{row['articles_per_cpu_min']:.0f} articles per CPU minute")
    best = max(x["articles_per_min"] for x in results["ingest"])
    results["extrapolated_full_ingest_min"] = len(corpus) / best
    if not args.no_relink:
        part = anns[: args.relink_subset]
        results["relink"] = timed("b'. batch story clustering vs incremental",
                                  lambda: bench_relink(part, settings, len(corpus)))
        log("   " + json.dumps(results["relink"]))

    sizes = [int(s) for s in args.link_sizes.split(",") if s.strip()]
    results["link"] = timed("e. link one article into synthetic stores", lambda: bench_link_scaling(anns, sizes))

    if not args.no_dask:
        d = [timed(f"f. dask, {w} worker(s)", lambda w=w: bench_dask(subset, settings, w))  # type: ignore[misc]
             for w in (1, 2)]
        results["dask"] = d
        results["dask_speedup_2w"] = d[0]["seconds"] / d[1]["seconds"]
        log(f"   dask 1w {d[0]['articles_per_min']:.0f}/min, 2w {d[1]['articles_per_min']:.0f}/min")
    if args.shortcuts:
        results["shortcuts"] = timed("shortcuts", lambda: bench_shortcuts(subset[:100], settings))
        log("   " + json.dumps(results["shortcuts"]))
    results["peak_rss_mb"] = peak_rss_mb()
    results["peak_rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    print(json.dumps(results, indent=1, default=str))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    for t in targets(results):
        print(t)
    return results


if __name__ == "__main__":
    main()
