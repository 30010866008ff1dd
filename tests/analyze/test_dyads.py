from newsprism.analyze.dyads import dyad_series


def _event(date, type_, src, tgt, g):
    return {"date": date, "type": type_, "goldstein": g, "source_name": src[0], "source_country": src[1],
            "source": None, "target_name": tgt[0], "target_country": tgt[1], "target": None,
            "evidence": [{"article": "a", "start": 0, "end": 1, "text": "x"}]}


EVENTS = [
    _event("2023-10-06", "COERCE", ("Canada", "CAN"), ("Portugal", "PRT"), -7.0),
    _event("2023-10-09", "SANCTION", ("Portugal", "PRT"), ("Canada", "CAN"), -4.0),
    _event("2023-10-09", "ACCUSE", ("Ana Reis", "PRT"), ("Canada", "CAN"), -2.0),
    _event("2023-10-19", "AGREE", ("Portugal", "PRT"), ("Canada", "CAN"), 3.0),
    _event(None, "CONSULT", ("Portugal", "PRT"), ("Canada", "CAN"), 1.0),
]


def test_counts_and_mean_goldstein_per_day():
    res = dyad_series(EVENTS, "PRT", "CAN")
    assert res["events"] == 4
    assert [r["period"] for r in res["series"]] == ["2023-10-09", "2023-10-19"]
    day = res["series"][0]
    assert day["types"] == {"SANCTION": 1, "ACCUSE": 1} and day["mean_goldstein"] == -3.0


def test_weeks_and_both_directions():
    res = dyad_series(EVENTS, "PRT", "CAN", by="week", both_directions=True)
    assert res["events"] == 5
    assert res["series"][0]["period"] == "2023-W40"


def test_name_matching():
    assert dyad_series(EVENTS, "reis", None)["events"] == 1
