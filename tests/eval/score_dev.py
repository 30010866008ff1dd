"""Score the system on the independent *dev* set (tests/data/dev, gold in tests/gold/dev).

Why: the sample-corpus gold is what the rules were tuned on; the dev set was written
separately, in other outlets' styles (wire, BBC single quotes, live blog, think-tank notes,
Q&A transcript, guillemets, Indian English...), to measure how the system generalises.
It reuses the existing scorers unchanged:

* quotes   -- ``score_quotes.score(gold_rows, predicted, texts)``
* timexes  -- ``score_timexes.score(gold, predicted, texts)``
* events   -- ``score_events.score(rows, predict(rows, nlp))`` (sentence by sentence)
* metadata -- exact-match accuracy of title/outlet/author/published/genre as ingest read them

Run from the repository root: ``python -m tests.eval.score_dev [--set dev|dev2] [-v] [--json OUT]``
(``-v`` lists every miss, false alarm and wrong value/speaker/type). ``--set dev2`` scores the second
independent set (tests/data/dev2, gold in tests/gold/dev2: translated wire, court report, UN briefing
transcript, fact-check, state media, interview, obituary, NGO report...), never used for tuning.
The gold's ``published`` dates anchor relative dates, as in ``tests/eval/common.run_system``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEV_DATA = ROOT / "tests" / "data" / "dev"
DEV_GOLD = ROOT / "tests" / "gold" / "dev"
SETS = {name: (ROOT / "tests" / "data" / name, ROOT / "tests" / "gold" / name) for name in ("dev", "dev2")}
META_FIELDS = ("title", "outlet", "author", "published", "genre")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.eval.common import load_gold  # noqa: E402


def load_dev(kind: str, which: str = "dev") -> Any:
    """Merge every ``tests/gold/<which>/KIND.*`` gold file."""
    return load_gold(kind, SETS[which][1])


def run_dev(nlp: Any, which: str = "dev") -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Annotate one set's articles: ({file: annotation dict}, {file: metadata as ingest read it})."""
    from newsprism.annotate.runner import annotate_articles
    from newsprism.export.annotation_json import annotation_to_dict
    from newsprism.ingest.sources import read_file
    from newsprism.records import Annotation, Article

    meta = load_dev("metadata", which)
    articles = []
    own: dict[str, dict[str, Any]] = {}
    for path in sorted(SETS[which][0].glob("*.txt")):
        for item in read_file(path):
            if not isinstance(item, Article):
                continue
            own[path.name] = {f: getattr(item, f) for f in META_FIELDS}
            published = (meta.get(path.name) or {}).get("published")
            articles.append(dataclasses.replace(item, source=path.name, published=published or item.published))
    by_file = {}
    for ann in annotate_articles(articles, nlp):
        if isinstance(ann, Annotation):
            by_file[ann.article.source] = annotation_to_dict(ann)
            own[ann.article.source]["genre"] = ann.article.genre  # the classified genre
    return by_file, own


def score_metadata(gold: dict[str, dict[str, Any]], own: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Per-field exact-match accuracy (case- and space-insensitive) of what ingest read."""

    def norm(v: Any) -> str | None:
        return " ".join(str(v).split()).lower() if v is not None else None

    res: dict[str, Any] = {"errors": []}
    for field in META_FIELDS:
        ok = 0
        for art, g in gold.items():
            p = (own.get(art) or {}).get(field)
            if norm(p) == norm(g.get(field)):
                ok += 1
            else:
                res["errors"].append((art, field, g.get(field), p))
        res[field] = ok / len(gold) if gold else 0.0
    return res


def compute(verbose: bool = False, which: str = "dev") -> dict[str, Any]:
    """Annotate once, run every scorer on one set (``dev`` or ``dev2``), return the figures (with errors)."""
    sys.path.insert(0, str(ROOT))
    from newsprism.annotate.pipeline import build_nlp
    from tests.eval import score_events, score_quotes, score_timexes

    nlp = build_nlp()
    by_file, own = run_dev(nlp, which)
    texts = {f: a["text"] for f, a in by_file.items()}
    quotes = score_quotes.score(load_dev("quotes", which), {f: a["quotes"] for f, a in by_file.items()}, texts)
    timexes = score_timexes.score(load_dev("timexes", which), {f: a["timexes"] for f, a in by_file.items()},
                                  texts)
    rows = load_dev("events", which)
    predicted = score_events.predict(rows, nlp)
    events = score_events.score(rows, predicted)
    event_errors = []
    for row in rows:
        pairs, miss, extra = score_events.match_sentence(row["events"], predicted[row["id"]])
        wrong = [(i, j) for i, j, sw in pairs
                 if row["events"][i]["type"] != predicted[row["id"]][j]["type"]
                 or not all(score_events._sides(row["events"][i], predicted[row["id"]][j], sw))]
        if miss or extra or wrong:
            event_errors.append({"id": row["id"], "text": row["text"], "gold": row["events"],
                                 "pred": [_brief(p) for p in predicted[row["id"]]]})
    events["errors"] = event_errors
    metadata = score_metadata(load_dev("metadata", which), own)
    return {"set": which, "articles": len(by_file), "quotes": quotes, "timexes": timexes, "events": events,
            "metadata": metadata}


def _brief(p: dict[str, Any]) -> dict[str, Any]:
    s, t = p.get("source") or {}, p.get("target") or {}
    return {"type": p.get("type"), "source": s.get("name"), "source_country": s.get("country"),
            "target": t.get("name"), "target_country": t.get("country")}


def report(res: dict[str, Any], verbose: bool = False) -> None:
    """Print the headline figures (and, verbose, every error)."""
    from tests.eval import score_quotes

    print(f"== {res.get('set', 'dev')} set: {res['articles']} articles ==")
    print("-- quotes --")
    score_quotes.report(res["quotes"], verbose=verbose)
    t = res["timexes"]
    print("-- timexes --")
    print(f"gold {t['gold']}  predicted {t['predicted']}")
    for k in ("strict", "relaxed"):
        print(f"span {k:8s} P {t[k]['p']:.3f}  R {t[k]['r']:.3f}  F1 {t[k]['f1']:.3f}")
    print(f"type accuracy {t['type_accuracy']:.3f}   type F1 {t['type_f1']:.3f}")
    print(f"value accuracy {t['value_accuracy']:.3f}   value F1 {t['value_f1']:.3f}")
    if verbose:
        for kind, rows in t["errors"].items():
            for row in rows:
                print(f"  {kind}: {row}")
    print("-- events --")
    print(json.dumps({k: v for k, v in res["events"].items() if k != "errors"}, indent=1, ensure_ascii=False))
    if verbose:
        for e in res["events"]["errors"]:
            print(f"{e['id']}: {e['text']}")
            for g in e["gold"]:
                print(f"   gold {g['type']} {g['source']}|{g['source_country']} -> {g['target']}|{g['target_country']}")
            for p in e["pred"]:
                print(f"   pred {p['type']} {p['source']}|{p['source_country']} -> {p['target']}|{p['target_country']}")
    m = res["metadata"]
    print("-- metadata (as ingest read it) --")
    print("  ".join(f"{f} {m[f]:.3f}" for f in META_FIELDS))
    if verbose:
        for row in m["errors"]:
            print(f"  wrong: {row}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    ap.add_argument("--json", type=Path, help="also write all figures and errors to this JSON file")
    ap.add_argument("--set", dest="which", choices=sorted(SETS), default="dev",
                    help="which independent set to score (default dev)")
    args = ap.parse_args(argv)
    res = compute(args.verbose, args.which)
    report(res, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
