"""Check the gold files against the sample articles (stdlib only).

Why: gold refers to spans by snippet + occurrence, so an edit to an article can silently break it.
This script verifies that every snippet still occurs (with a valid occurrence index), that field values
are well formed, and warns about quote-mark spans and likely time expressions that no gold entry covers.

Usage: python tests/gold/check_gold.py [--part summit] [--strict] [--quiet]
Exit status 1 when there are errors (with --strict, warnings count as errors).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parent
SAMPLE = GOLD.parent / "data" / "sample"

QUOTE_KINDS = {"direct", "partial", "indirect", "none"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
GENRES = {"news", "opinion", "analysis", None}
CLAIM_STATUS = {"corroborated", "single_source", "contradicted"}

_DATE_VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|\d{2}|\d{3}|\d{4}(-(\d{2}(-\d{2})?|W\d{2}(-\d)?|SP|SU|FA|WI|Q[1-4]|H[12]))?"
    r"|XXXX(-\d{2}(-\d{2})?|-WXX-\d)?)$"
)
_TIME_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T(\d{2}(:\d{2}(:\d{2})?)?|MO|AF|EV|NI|DT)$")
_DURATION_VALUE = re.compile(r"^P(T?(\d+(\.\d+)?|X)[YMWDHS]|(\d+|X)(DE|CE|ML))+$|^PT(\d+[HMS])+$|^P(\d+[YMWD])+$")
_SET_VALUE = re.compile(r"^(P(T?(\d+|X)[YMWDHS])|XXXX-WXX-\d|XXXX-XX-XXT[A-Z]{2}|XXXX-XX-XX)$")
_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$")

_TIMEX_CANDIDATE = re.compile(
    r"\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|yesterday|today|tomorrow|tonight|weekly|annually|daily"
    r"|monthly|quarterly|decades?|century|centuries|spring|summer|autumn|winter|(?:1[5-9]|20)\d{2}s?"
    r"|\d{1,2}:\d{2}|\d{1,2}\.\d{2}\.\d{4}|noon|midnight|years?|months?|weeks?|days?|hours?|minutes?)\b"
)


class Report:
    """Collects errors and warnings so the whole gold is checked in one run."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


_texts: dict[str, str | None] = {}


def article_text(name: str) -> str | None:
    """The article's text, or None when the file is missing (read once)."""
    if name not in _texts:
        path = SAMPLE / name
        _texts[name] = path.read_text(encoding="utf-8") if path.is_file() else None
    return _texts[name]


def find_span(rep: Report, where: str, article: str, text: Any, occurrence: Any) -> tuple[int, int] | None:
    """Character span of the `occurrence`-th match of `text` in `article`; records an error if invalid."""
    doc = article_text(article) if isinstance(article, str) else None
    if doc is None:
        rep.error(f"{where}: article not found: {article!r}")
        return None
    if not isinstance(text, str) or not text:
        rep.error(f"{where}: empty or non-string text")
        return None
    occ = 0 if occurrence is None else occurrence
    if not isinstance(occ, int) or occ < 0:
        rep.error(f"{where}: bad occurrence {occurrence!r}")
        return None
    starts = []  # overlapping matches, as the scorers' text.find(snippet, pos + 1) loop counts them
    pos = doc.find(text)
    while pos != -1:
        starts.append(pos)
        pos = doc.find(text, pos + 1)
    if not starts:
        rep.error(f"{where}: snippet not in {article}: {text[:70]!r}")
        return None
    if occ >= len(starts):
        rep.error(f"{where}: occurrence {occ} out of range ({len(starts)} found) in {article}: {text[:50]!r}")
        return None
    return starts[occ], starts[occ] + len(text)


def load_parts(kind: str, part: str | None, ext: str = "json") -> list[tuple[Path, Any]]:
    """Every gold file of one kind (`KIND.json` or `KIND.PART.json`), parsed."""
    out = []
    for path in sorted(GOLD.glob(f"{kind}*.{ext}")):
        if part is not None and f".{part}." not in path.name:
            continue
        if ext == "jsonl":
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            out.append((path, rows))
        else:
            out.append((path, json.loads(path.read_text(encoding="utf-8"))))
    return out


def check_metadata(rep: Report, part: str | None, counts: Counter[str]) -> set[str]:
    """Metadata fields are present and well formed; returns the articles it describes."""
    articles: set[str] = set()
    for path, data in load_parts("metadata", part):
        for art, meta in data.items():
            where = f"{path.name}:{art}"
            articles.add(art)
            counts["metadata articles"] += 1
            doc = article_text(art)
            if doc is None:
                rep.error(f"{where}: article not found")
                continue
            for key in ("title", "outlet", "author", "published", "genre"):
                if key not in meta:
                    rep.error(f"{where}: missing {key}")
            first = next((ln.strip() for ln in doc.splitlines() if ln.strip()), "")
            if meta.get("title") is not None and meta["title"] != first:
                rep.warn(f"{where}: title differs from first non-empty line {first!r}")
            pub = meta.get("published")
            if pub is not None and not _PUBLISHED.match(pub):
                rep.error(f"{where}: published not ISO 8601: {pub!r}")
            if meta.get("genre") not in GENRES:
                rep.error(f"{where}: bad genre {meta.get('genre')!r}")
            for key in ("outlet", "author"):
                if meta.get(key) and meta[key] not in doc:
                    rep.warn(f"{where}: {key} {meta[key]!r} does not occur in the text")
    return articles


def quote_mark_spans(doc: str) -> list[tuple[int, int]]:
    """Content spans between quote marks (curly, straight, single, guillemets), for coverage warnings."""
    spans: list[tuple[int, int]] = []
    for para_m in re.finditer(r"[^\n]+", doc):
        para, base = para_m.group(), para_m.start()
        for open_c, close_c in (("“", "”"), ("«", "»")):
            for m in re.finditer(re.escape(open_c) + r"([^" + close_c + open_c + r"]*)(" + close_c + "|$)", para):
                spans.append((base + m.start(1), base + m.end(1)))
        for m in re.finditer(r'"([^"]*)"', para):
            spans.append((base + m.start(1), base + m.end(1)))
        for m in re.finditer(r"‘(.*?)’(?![A-Za-z])", para):
            spans.append((base + m.start(1), base + m.end(1)))
    return spans


def check_quotes(rep: Report, part: str | None, counts: Counter[str]) -> dict[str, list[tuple[int, int]]]:
    """Quote entries resolve and are consistent; returns gold spans per article."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for path, data in load_parts("quotes", part):
        seen: set[tuple[str, int, int, str]] = set()
        for i, q in enumerate(data):
            where = f"{path.name}[{i}]"
            span = find_span(rep, where, q.get("article"), q.get("text"), q.get("occurrence"))
            kind = q.get("kind")
            if kind not in QUOTE_KINDS:
                rep.error(f"{where}: bad kind {kind!r}")
            counts[f"quotes {kind}"] += 1
            if (kind == "none") != (q.get("speaker") is None):
                rep.error(f"{where}: speaker must be null exactly for kind none")
            cue = q.get("cue")
            doc = article_text(q.get("article", "")) or ""
            if cue is not None and cue not in doc:
                rep.error(f"{where}: cue {cue!r} not in article")
            if span is None:
                continue
            key = (q["article"], span[0], span[1], str(kind))
            if key in seen:
                rep.error(f"{where}: duplicate entry")
            seen.add(key)
            spans.setdefault(q["article"], []).append(span)
    for art, gold in spans.items():
        doc = article_text(art) or ""
        for s, e in quote_mark_spans(doc):
            if e > s and not any(gs < e and s < ge for gs, ge in gold):
                rep.warn(f"quotes: no gold entry covers quote-mark span in {art}: {doc[s:e][:60]!r}")
    return spans


def check_timexes(rep: Report, part: str | None, counts: Counter[str]) -> None:
    """Timex entries resolve, types/values are well formed; warn on likely uncovered time words."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for path, data in load_parts("timexes", part):
        seen: set[tuple[str, int, int]] = set()
        for i, t in enumerate(data):
            where = f"{path.name}[{i}]"
            span = find_span(rep, where, t.get("article"), t.get("text"), t.get("occurrence"))
            typ, value = t.get("type"), t.get("value")
            counts[f"timexes {typ}"] += 1
            pattern = {"DATE": _DATE_VALUE, "TIME": _TIME_VALUE, "DURATION": _DURATION_VALUE,
                       "SET": _SET_VALUE}.get(typ)
            if pattern is None:
                rep.error(f"{where}: bad type {typ!r}")
            elif not isinstance(value, str) or not pattern.match(value):
                rep.error(f"{where}: value {value!r} not a valid {typ} value")
            if span is None:
                continue
            key = (t["article"], span[0], span[1])
            if key in seen:
                rep.error(f"{where}: duplicate entry")
            seen.add(key)
            spans.setdefault(t["article"], []).append(span)
    for art, gold in spans.items():
        doc = article_text(art) or ""
        for m in _TIMEX_CANDIDATE.finditer(doc):
            if not any(gs <= m.start() and m.end() <= ge for gs, ge in gold):
                ctx = doc[max(0, m.start() - 25):m.end() + 25].replace("\n", " ")
                rep.warn(f"timexes: uncovered time word {m.group()!r} in {art}: ...{ctx}...")


def check_groups(rep: Report, part: str | None, counts: Counter[str], known: set[str]) -> None:
    """Stories, statements and claims refer to existing articles and snippets."""
    for path, data in load_parts("stories", part):
        for story, files in data.items():
            counts["stories"] += 1
            for f in files:
                if article_text(f) is None:
                    rep.error(f"{path.name}:{story}: article not found {f!r}")
                elif known and f not in known:
                    rep.warn(f"{path.name}:{story}: {f} has no metadata entry")
    for path, data in load_parts("statements", part):
        for i, group in enumerate(data):
            counts["statement groups"] += 1
            if len({g.get("article") for g in group}) < 2:
                rep.warn(f"{path.name}[{i}]: statement group reported by fewer than 2 articles")
            for j, g in enumerate(group):
                find_span(rep, f"{path.name}[{i}][{j}]", g.get("article"), g.get("text"), g.get("occurrence"))
    for path, data in load_parts("claims", part):
        for i, c in enumerate(data):
            status = c.get("status")
            counts[f"claims {status}"] += 1
            if status not in CLAIM_STATUS:
                rep.error(f"{path.name}[{i}]: bad status {status!r}")
            arts = c.get("articles") or []
            if status == "single_source" and len(arts) != 1:
                rep.error(f"{path.name}[{i}]: single_source claim with {len(arts)} articles")
            if status in ("corroborated", "contradicted") and len(arts) < 2:
                rep.error(f"{path.name}[{i}]: {status} claim with fewer than 2 articles")
            for f in arts:
                if article_text(f) is None:
                    rep.error(f"{path.name}[{i}]: article not found {f!r}")
    for path, rows in load_parts("events", part, ext="jsonl"):
        for i, row in enumerate(rows):
            counts["event sentences"] += 1
            counts["events"] += len(row.get("events", []))
            if not isinstance(row.get("text"), str):
                rep.error(f"{path.name}:{i + 1}: missing text")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", help="check only KIND.PART.json files, e.g. summit")
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("--quiet", action="store_true", help="do not list warnings")
    args = ap.parse_args(argv)
    rep = Report()
    counts: Counter[str] = Counter()
    known = check_metadata(rep, args.part, counts)
    check_quotes(rep, args.part, counts)
    check_timexes(rep, args.part, counts)
    check_groups(rep, args.part, counts, known)
    for key in sorted(counts):
        print(f"{key:28s} {counts[key]}")
    if not args.quiet:
        for w in rep.warnings:
            print("WARNING", w)
    for e in rep.errors:
        print("ERROR", e)
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    failed = bool(rep.errors) or (args.strict and bool(rep.warnings))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
