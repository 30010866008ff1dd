"""The evaluation gate runs with the tests: no figure may fall below its pinned floor."""

import json

from tests.eval import gate


def test_gold_is_pinned():
    baseline = json.loads(gate.BASELINE.read_text())
    assert baseline["gold_sha256"] == gate.gold_hash(), "gold changed: re-pin floors with --update --allow-regression"


def test_no_figure_regresses():
    baseline = json.loads(gate.BASELINE.read_text())
    figures = gate.compute()
    assert gate.check(figures, baseline) == []


def test_gate_refuses_a_regression():
    baseline = {"gold_sha256": gate.gold_hash(), "floors": {"quotes.overlap_f1": 0.9}, "lower_is_better": []}
    assert gate.check({"quotes.overlap_f1": 0.8}, baseline)
    assert not gate.check({"quotes.overlap_f1": 0.95}, baseline)
    raised = gate.update({"quotes.overlap_f1": 0.8}, baseline, allow_regression=False)
    assert raised["floors"]["quotes.overlap_f1"] == 0.9
