"""ECB+-like story scoring: do two similar events (same kind, place, officials) stay apart?

``tests/data/stories_ecb/articles.jsonl`` holds 8 topics; each topic has two confusable
events (two quakes in one region, two arrests in one country, two votes in one parliament...)
with three articles each from different outlets. The system sees all 48 articles at once, as
``newsprism.api.Corpus.dossier()`` would link them; its stories are scored against the gold
events with B³ and pairwise F1, overall and per topic, with the publication dates as given
and with every date removed (about half are missing anyway; the text may still name a day).

    python -m tests.eval.score_stories_ecb [-v]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from newsprism.records import Annotation, Article
from tests.eval.score_clusters import bcubed

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "stories_ecb" / "articles.jsonl"


def load_rows(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_articles(rows: list[dict[str, Any]], dates: bool = True) -> list[Article]:
    """Article records as ingest would make them; ``topic``/``event`` never reach the system."""
    return [Article(id=r["id"], source=f"stories_ecb/{r['id']}.txt", text=r["text"], title=r["title"],
                    outlet=r["outlet"], published=r["published"] if dates else None) for r in rows]


def annotate(articles: list[Article]) -> list[Annotation]:
    """The library's own pipeline and runner (the ones ``newsprism.api.read`` uses)."""
    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.annotate.runner import annotate_articles
    from newsprism.config import Settings

    settings = Settings()
    out = [a for a in annotate_articles(articles, shared_nlp(settings.model), batch_size=settings.batch_size)
           if isinstance(a, Annotation)]
    assert len(out) == len(articles), "some articles failed to annotate"
    return out


def stories(annotations: list[Annotation]) -> list[set[str]]:
    """Stories exactly as ``Corpus(annotations).dossier()`` links them (without the rest of the dossier)."""
    from newsprism.config import Settings
    from newsprism.link.corpus import link_corpus

    linked = link_corpus(annotations, window_days=Settings().story_window_days, statements=False)
    return [set(s["articles"]) for s in linked.stories]  # type: ignore[call-overload]


def undated(annotations: list[Annotation]) -> list[Annotation]:
    """Annotations of the same articles with no publication date (timexes re-resolved without one)."""
    return annotate([dataclasses.replace(a.article, published=None) for a in annotations])


def pairwise(gold: list[set[str]], predicted: list[set[str]]) -> dict[str, float]:
    """Precision/recall/F1 over same-cluster pairs of the gold items."""
    items = {x for g in gold for x in g}
    gpairs = {frozenset(p) for g in gold for p in combinations(sorted(g), 2)}
    ppairs = {frozenset(p) for c in predicted for p in combinations(sorted(c & items), 2)}
    tp = len(gpairs & ppairs)
    p = tp / len(ppairs) if ppairs else 1.0
    r = tp / len(gpairs) if gpairs else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def gold_events(rows: list[dict[str, Any]]) -> dict[str, dict[str, set[str]]]:
    """topic -> event -> article ids."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        out[r["topic"]][r["event"]].add(r["id"])
    return out


def diagnose(rows: list[dict[str, Any]], predicted: list[set[str]]) -> dict[str, int]:
    """Counts of the two error kinds, as article pairs."""
    event = {r["id"]: r["event"] for r in rows}
    topic = {r["id"]: r["topic"] for r in rows}
    merged_similar = merged_unrelated = 0
    for c in predicted:
        for x, y in combinations(sorted(c), 2):
            if event[x] != event[y]:
                if topic[x] == topic[y]:
                    merged_similar += 1
                else:
                    merged_unrelated += 1
    cluster_of = {x: i for i, c in enumerate(predicted) for x in c}
    split = sum(1 for x, y in combinations(sorted(event), 2) if event[x] == event[y] and cluster_of[x] != cluster_of[y])
    return {"pairs_merged_across_similar_events": merged_similar,
            "pairs_merged_across_topics": merged_unrelated,
            "same_event_pairs_split": split}


def score(rows: list[dict[str, Any]], predicted: list[set[str]]) -> dict[str, Any]:
    events = gold_events(rows)
    all_gold = [ids for topic in events.values() for ids in topic.values()]
    per_topic = {}
    for name, topic in sorted(events.items()):
        gold = list(topic.values())
        # restricted to this topic's articles: a merge with another topic shows only in the overall figures
        per_topic[name] = {"b3": bcubed(gold, predicted), "pairwise_f1": pairwise(gold, predicted)["f1"]}
    return {"b3": bcubed(all_gold, predicted), "pairwise": pairwise(all_gold, predicted),
            "stories": len(predicted), "gold_events": len(all_gold),
            "errors": diagnose(rows, predicted), "per_topic": per_topic}


def run(rows: list[dict[str, Any]] | None = None) -> tuple[dict[str, Any], dict[str, list[set[str]]]]:
    """Scores plus the predicted groups of both runs (for ``-v``)."""
    rows = rows or load_rows()
    dated = annotate(to_articles(rows))
    bare = undated(dated)
    groups = {"dated": stories(dated), "undated": stories(bare)}
    return {k: score(rows, v) for k, v in groups.items()}, groups


def show(rows: list[dict[str, Any]], predicted: list[set[str]], label: str) -> None:
    by_id = {r["id"]: r for r in rows}
    cluster_of = {x: i for i, c in enumerate(predicted) for x in c}
    print(f"\n=== {label} ===")
    for name, topic in sorted(gold_events(rows).items()):
        print(f"\n[{name}]")
        for ev, ids in sorted(topic.items()):
            print(f"  gold {ev}:")
            for x in sorted(ids):
                r = by_id[x]
                print(f"    {x} story#{cluster_of[x]:<3} {r['published'] or '-':<20.10} {r['outlet']:<22.22} {r['title']}")
        topic_ids = {x for ids in topic.values() for x in ids}
        for i in sorted({cluster_of[x] for x in topic_ids}):
            members = sorted(predicted[i])
            tags = [f"{x}({by_id[x]['event']})" for x in members]
            print(f"  predicted story#{i}: {' '.join(tags)}")


def table(figures: dict[str, Any]) -> str:
    """The figures as a short text table: overall, then one line per topic."""
    lines = []
    for label, fig in figures.items():
        b3, pw, err = fig["b3"], fig["pairwise"], fig["errors"]
        lines.append(f"{label}: B3 P={b3['precision']:.3f} R={b3['recall']:.3f} F1={b3['f1']:.3f}  "
                     f"pairwise P={pw['precision']:.3f} R={pw['recall']:.3f} F1={pw['f1']:.3f}  "
                     f"stories={fig['stories']}/{fig['gold_events']}  merged-similar-pairs="
                     f"{err['pairs_merged_across_similar_events']} cross-topic-pairs={err['pairs_merged_across_topics']} "
                     f"split-pairs={err['same_event_pairs_split']}")
        for name, t in fig["per_topic"].items():
            lines.append(f"  {name:<28} B3 P={t['b3']['precision']:.3f} R={t['b3']['recall']:.3f} "
                         f"F1={t['b3']['f1']:.3f}  pairwise F1={t['pairwise_f1']:.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print gold vs predicted groups per topic")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    rows = load_rows()
    figures, groups = run(rows)
    if args.verbose:
        for label, predicted in groups.items():
            show(rows, predicted, label)
        print()
    print(json.dumps(figures, indent=2) if args.json else table(figures))


if __name__ == "__main__":
    main()
