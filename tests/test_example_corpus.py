"""The showcase: the dossier and annotations of ../shared/corpus/versailles-2017 keep the contracts."""

from __future__ import annotations

import jsonschema

from newsprism.export.annotation_json import annotation_to_dict


def _all_evidence(dossier: dict):
    for q in dossier["quotes"]:
        yield q["evidence"]
    for key in ("events", "timeline", "claims", "summary"):
        for item in dossier[key]:
            yield from item["evidence"]
    for topic in dossier["topics"]:
        for p in topic["positions"]:
            yield p["evidence"]


def test_dossier_validates_against_the_contract(example_dossier, dossier_schema):
    jsonschema.validate(example_dossier, dossier_schema)


def test_dossier_covers_every_article(example_dossier):
    assert len(example_dossier["articles"]) == 5
    in_stories = [a for s in example_dossier["stories"] for a in s["articles"]]
    assert sorted(in_stories) == sorted(a["id"] for a in example_dossier["articles"])


def test_every_evidence_span_is_exact(example_dossier):
    texts = {a["id"]: a["text"] for a in example_dossier["articles"]}
    spans = list(_all_evidence(example_dossier))
    assert spans, "the dossier cites nothing"
    bad = [e for e in spans if texts[e["article"]][e["start"]:e["end"]] != e["text"]]
    assert bad == []


def test_quotes_with_speakers_and_a_timeline(example_dossier):
    with_speaker = [q for q in example_dossier["quotes"] if q["speaker_name"]]
    assert len(with_speaker) >= 15
    assert example_dossier["timeline"]
    assert all(s["evidence"] for s in example_dossier["summary"])


def test_annotations_validate_and_slice_exactly(example_corpus, annotation_schema):
    for ann in example_corpus.annotations:
        row = annotation_to_dict(ann)
        jsonschema.validate(row, annotation_schema)
        text = row["text"]
        for key in ("entities", "quotes", "timexes"):
            for item in row[key]:
                assert text[item["start"]:item["end"]] == item["text"]
        for q in row["quotes"]:
            for part in ("speaker", "cue"):
                if q[part]:
                    assert text[q[part]["start"]:q[part]["end"]] == q[part]["text"]
        for e in row["events"]:
            assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
