"""The evaluation gate: score the system on the sample-corpus gold and refuse regressions.

    python -m tests.eval.gate             # print figures, exit 1 if any is below its floor
    python -m tests.eval.gate --update    # raise floors to the current figures (never lowers)
    python -m tests.eval.gate --update --allow-regression   # accept lower figures (say why in the commit)

``baseline.json`` pins a floor per figure and the SHA-256 of the gold files, so a
changed gold cannot silently move the goalposts: the gate refuses to compare
until the floors are re-pinned with ``--update --allow-regression``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from tests.eval.common import GOLD_DIR, load_gold, run_system

BASELINE = Path(__file__).with_name("baseline.json")
TOLERANCE = 1e-6
LOWER_IS_BETTER = ["events.extra_per_sentence", "events.false_events_on_no_event_sentences",
                   "dev.events.extra_per_sentence", "dev2.events.extra_per_sentence",
                   "dev3.events.extra_per_sentence", "dev3.events.false_events_on_no_event_sentences",
                   "dev6.events.extra_per_sentence"]


def gold_hash() -> str:
    h = hashlib.sha256()
    for path in sorted(GOLD_DIR.rglob("*.json*")):
        h.update(str(path.relative_to(GOLD_DIR)).encode())
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def compute() -> dict[str, float]:
    """Every gated figure, as a flat {task.metric: value} map."""
    from tests.eval import score_clusters, score_quotes, score_timexes

    by_file, dossier = run_system()
    texts = {f: a["text"] for f, a in by_file.items()}
    figures: dict[str, float] = {}
    q = score_quotes.score(load_gold("quotes"), {f: a["quotes"] for f, a in by_file.items()}, texts)
    figures["quotes.overlap_f1"] = q["overlap"]["f1"]
    figures["quotes.exact_f1"] = q["exact"]["f1"]
    for kind in ("direct", "partial", "indirect"):
        figures[f"quotes.{kind}_overlap_f1"] = q["kinds"][kind]["overlap"]["f1"]
    figures["quotes.speaker_accuracy"] = q["speaker_accuracy"]
    figures["quotes.non_speech_ok"] = q["non_speech_ok"] or 0.0
    t = score_timexes.score(load_gold("timexes"), {f: a["timexes"] for f, a in by_file.items()}, texts)
    figures["timexes.strict_f1"] = t["strict"]["f1"]
    figures["timexes.relaxed_f1"] = t["relaxed"]["f1"]
    figures["timexes.type_accuracy"] = t["type_accuracy"]
    figures["timexes.value_accuracy"] = t["value_accuracy"]
    figures["timexes.value_f1"] = t["value_f1"]
    own = {f: {**a, "published": a["own_published"]} for f, a in by_file.items()}
    for k, v in score_clusters.score_metadata(load_gold("metadata"), own).items():
        figures[f"metadata.{k}"] = v
    figures["stories.bcubed_f1"] = score_clusters.score_stories(dossier)["f1"]
    figures["statements.bcubed_f1"] = score_clusters.score_statements(dossier)["f1"]
    figures.update(_events())
    figures.update(_claims(dossier))
    figures.update(_dev())
    figures.update(_dev3())
    figures.update(_blind())
    return {k: round(float(v), 4) for k, v in figures.items()}


def _events() -> dict[str, float]:
    try:
        from tests.eval import score_events
    except ImportError:
        return {}
    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.config import Settings

    rows = score_events.load_rows()
    res = score_events.score(rows, score_events.predict(rows, shared_nlp(Settings().model)))
    counts = {"sentences", "gold_events", "predicted_events", "matched"}
    return {f"events.{k}": v for k, v in res.items()
            if isinstance(v, int | float) and not isinstance(v, bool) and k not in counts}


def _dev() -> dict[str, float]:
    """The independent dev sets (tests/data/dev and dev2, gold in tests/gold/dev and dev2), each
    written apart from the rules; dev2 was first scored untuned."""
    from tests.eval import score_dev

    out: dict[str, float] = {}
    for which in ("dev", "dev2"):
        res = score_dev.compute(which=which)
        out.update({
            f"{which}.quotes.overlap_f1": res["quotes"]["overlap"]["f1"],
            f"{which}.quotes.indirect_overlap_f1": res["quotes"]["kinds"]["indirect"]["overlap"]["f1"],
            f"{which}.quotes.speaker_accuracy": res["quotes"]["speaker_accuracy"],
            f"{which}.timexes.value_f1": res["timexes"]["value_f1"],
        })
        for k in ("strict_f1", "type_accuracy", "source_country_accuracy", "target_country_accuracy",
                  "event_recall", "extra_per_sentence"):
            out[f"{which}.events.{k}"] = res["events"][k]
        for k, v in res["metadata"].items():
            if isinstance(v, int | float):
                out[f"{which}.metadata.{k}"] = v
    return out


def _dev3() -> dict[str, float]:
    """The blind event sentences (tests/gold/dev3), scored like the sample's event sentences."""
    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.config import Settings
    from tests.eval import score_dev3, score_events

    rows = score_events.load_rows(score_dev3.DEV3)
    res = score_events.score(rows, score_events.predict(rows, shared_nlp(Settings().model)))
    return {f"dev3.events.{k}": res[k] for k in ("strict_f1", "type_accuracy", "source_country_accuracy",
                                                  "target_country_accuracy", "event_recall",
                                                  "extra_per_sentence", "false_events_on_no_event_sentences")}


def _blind() -> dict[str, float]:
    """The later blind sets: dev4 (TimeBank-style timexes), dev5 (political attribution), dev6 (events)."""
    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.config import Settings
    from tests.eval import score_dev4, score_dev5, score_dev6, score_events

    out: dict[str, float] = {}
    t = score_dev4.compute()
    out.update({"dev4.timexes.strict_f1": t["strict"]["f1"], "dev4.timexes.value_f1": t["value_f1"]})
    q = score_dev5.compute()
    out.update({"dev5.quotes.overlap_f1": q["overlap"]["f1"],
                "dev5.quotes.indirect_overlap_f1": q["kinds"]["indirect"]["overlap"]["f1"],
                "dev5.quotes.speaker_accuracy": q["speaker_accuracy"]})
    if score_dev6.DEV6.exists():
        rows = score_events.load_rows(score_dev6.DEV6)
        res = score_events.score(rows, score_events.predict(rows, shared_nlp(Settings().model)))
        out.update({f"dev6.events.{k}": res[k] for k in ("strict_f1", "type_accuracy", "source_country_accuracy",
                                                          "target_country_accuracy", "extra_per_sentence")})
    return out


def _claims(dossier: dict[str, Any]) -> dict[str, float]:
    from tests.eval import score_claims

    file_of = {a["id"]: a["source"].rsplit("/", 1)[-1] for a in dossier["articles"]}
    res = score_claims.score(dossier["claims"], file_of)
    return {f"claims.{k}": res[k] for k in ("status_accuracy", "cluster_recall", "cluster_precision")}


def check(figures: dict[str, float], baseline: dict[str, Any]) -> list[str]:
    """Messages for every figure below its floor (empty when the gate passes)."""
    problems = []
    if baseline.get("gold_sha256") != gold_hash():
        problems.append("gold files changed since the floors were pinned: re-pin with --update --allow-regression")
    lower_is_better = set(baseline.get("lower_is_better", []))
    for name, floor in baseline.get("floors", {}).items():
        value = figures.get(name)
        if value is None:
            problems.append(f"{name}: no longer measured (floor {floor})")
        elif name in lower_is_better and value > floor + TOLERANCE:
            problems.append(f"{name}: {value} is above its ceiling {floor}")
        elif name not in lower_is_better and value < floor - TOLERANCE:
            problems.append(f"{name}: {value} is below its floor {floor}")
    return problems


def update(figures: dict[str, float], baseline: dict[str, Any], allow_regression: bool) -> dict[str, Any]:
    floors = dict(baseline.get("floors", {}))
    lower_is_better = set(baseline.get("lower_is_better", [])) | set(LOWER_IS_BETTER)
    for name, value in figures.items():
        old = floors.get(name)
        if old is None or allow_regression:
            floors[name] = value
        elif name in lower_is_better:
            floors[name] = min(old, value)
        else:
            floors[name] = max(old, value)
    return {"gold_sha256": gold_hash(), "floors": dict(sorted(floors.items())),
            "lower_is_better": sorted(lower_is_better)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--allow-regression", action="store_true")
    args = parser.parse_args(argv)
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {"lower_is_better": LOWER_IS_BETTER}
    figures = compute()
    print(json.dumps(figures, indent=2))
    problems = check(figures, baseline)
    if args.update:
        if problems and not args.allow_regression and any("below" in p or "above" in p or "gold" in p for p in problems):
            print("\n".join(problems), file=sys.stderr)
            print("refusing to update: figures regressed (use --allow-regression and say why)", file=sys.stderr)
            return 1
        BASELINE.write_text(json.dumps(update(figures, baseline, args.allow_regression), indent=2) + "\n")
        print(f"floors written to {BASELINE}")
        return 0
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print("gate: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
