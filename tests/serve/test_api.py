"""The JSON API over a real store built by ingesting invented articles."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from newsprism.serve import create_app

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def client(served):
    with TestClient(create_app(str(served.path))) as c:
        yield c


def _text(client, article_id: str) -> str:
    return client.get(f"/api/articles/{article_id}").json()["text"]


def test_articles_pagination(client, served):
    first = client.get("/api/articles", params={"limit": 2, "offset": 0}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["count"] == second["count"] == 4
    assert len(first["data"]) == 2 and len(second["data"]) == 2
    ids = [a["id"] for a in first["data"] + second["data"]]
    assert sorted(ids) == sorted(served.ids.values())
    assert "text" not in first["data"][0]  # lists carry metadata only
    assert client.get("/api/articles", params={"limit": 2, "offset": 10}).json()["data"] == []


def test_articles_filter_by_outlet(client, served):
    page = client.get("/api/articles", params={"outlet": "southern daily"}).json()
    assert [a["id"] for a in page["data"]] == [served.ids["daily"]]


def test_article_detail_and_missing_article_is_404_json(client, served):
    art = client.get(f"/api/articles/{served.ids['wire']}").json()
    assert art["outlet"] == "Northwind Wire"
    assert art["text"].startswith("Chile and Norway agree")
    assert art["stories"]
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/json")
    assert "no-such-article" in missing.json()["detail"]


def test_bad_pagination_is_422_json(client):
    r = client.get("/api/articles", params={"limit": 0})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"][-1] == "limit"


def test_stories_and_story_dossier(client, served):
    stories = client.get("/api/stories").json()
    assert stories["count"] == len(stories["data"]) >= 2
    meeting = next(s for s in stories["data"] if served.ids["wire"] in s["articles"])
    assert served.ids["daily"] in meeting["articles"]  # the two reports of one meeting are one story
    d = client.get(f"/api/stories/{meeting['id']}/dossier").json()
    assert d["schema"] == "newsprism/dossier/v1"
    assert {a["id"] for a in d["articles"]} == set(meeting["articles"])
    for item in d["summary"]:
        for e in item["evidence"]:
            assert _text(client, e["article"])[e["start"]:e["end"]] == e["text"]
    assert client.get("/api/stories/story_nope/dossier").status_code == 404
    assert client.get("/api/stories/story_nope").json() == {"detail": "no story 'story_nope'"}


def test_dossier_is_cached_until_the_store_changes(client):
    state = client.app.state.newsprism
    assert state.dossier() is state.dossier()


def test_actors_list_and_detail(client):
    page = client.get("/api/actors", params={"name": "Solheim"}).json()
    assert page["count"] >= 1
    actor = page["data"][0]
    assert actor["name"] == "Ingrid Solheim" and actor["kind"] == "person"
    assert client.get(f"/api/actors/{actor['id']}").json()["id"] == actor["id"]
    assert client.get("/api/actors/act_nope").status_code == 404


def test_quotes_filters(client, served):
    everything = client.get("/api/quotes", params={"limit": 500}).json()
    assert everything["count"] >= 3
    by_name = client.get("/api/quotes", params={"speaker": "Solheim"}).json()
    assert by_name["count"] >= 2
    assert all("Solheim" in q["speaker_name"] for q in by_name["data"])
    speaker_id = by_name["data"][0]["speaker"]
    by_id = client.get("/api/quotes", params={"speaker": speaker_id}).json()
    assert {q["id"] for q in by_id["data"]} <= {q["id"] for q in by_name["data"]}
    wire = client.get("/api/quotes", params={"outlet": "Northwind Wire"}).json()
    assert wire["count"] >= 1 and all(q["outlet"] == "Northwind Wire" for q in wire["data"])
    story = client.get(f"/api/articles/{served.ids['wire']}").json()["stories"][0]
    in_story = client.get("/api/quotes", params={"story": story}).json()
    assert in_story["count"] >= 1
    # the opinion piece on the same research deal may join the story; the events article may not
    assert {q["article"] for q in in_story["data"]} <= {served.ids["wire"], served.ids["daily"], served.ids["hostile"]}
    assert served.ids["events"] not in {q["article"] for q in in_story["data"]}
    dated = client.get("/api/quotes", params={"date": "2024-06-05"}).json()
    assert dated["count"] >= 1 and all(q["article"] == served.ids["daily"] for q in dated["data"])
    for q in everything["data"]:
        ev = q["evidence"]
        assert _text(client, ev["article"])[ev["start"]:ev["end"]] == q["text"]
    assert client.get("/api/quotes", params={"date": "June"}).status_code == 422


def test_events_filters(client, served):
    accuse = client.get("/api/events", params={"type": "accuse", "source": "CHL"}).json()
    ours = [e for e in accuse["data"] if e["article"] == served.ids["events"]]
    assert len(ours) == 1
    assert ours[0]["source_name"] == "Chile" and ours[0]["target_name"] == "Argentina"
    assert ours[0]["source"] and ours[0]["source"].startswith("act_")  # linked to a global actor
    assert all(e["type"] == "ACCUSE" for e in accuse["data"])
    by_target = client.get("/api/events", params={"target": "Chile", "article": served.ids["events"]}).json()
    assert [e["type"] for e in by_target["data"]] == ["REJECT"]
    by_actor_id = client.get("/api/events", params={"source": ours[0]["source"]}).json()
    assert ours[0]["id"] in {e["id"] for e in by_actor_id["data"]}
    window = client.get("/api/events", params={"date_from": "2024-06-08", "date_to": "2024-06-30",
                                               "article": served.ids["events"]}).json()
    assert [e["date"] for e in window["data"]] == ["2024-06-08"]
    month = client.get("/api/events", params={"date_from": "2024-06", "date_to": "2024-06",
                                              "article": served.ids["events"]}).json()
    assert month["count"] == 2
    ev = ours[0]["evidence"][0]
    assert _text(client, ev["article"])[ev["start"]:ev["end"]] == ev["text"]


def test_timeline_is_sorted_with_exact_evidence(client):
    page = client.get("/api/timeline").json()
    assert page["count"] >= 1
    dates = [t["date"] for t in page["data"]]
    assert dates == sorted(dates)
    for t in page["data"]:
        for e in t["evidence"]:
            assert _text(client, e["article"])[e["start"]:e["end"]] == e["text"]
    june = client.get("/api/timeline", params={"date_from": "2024-06-01", "date_to": "2024-06-30"}).json()
    assert all(t["date"].startswith("2024-06") for t in june["data"])
    assert client.get("/api/timeline", params={"story": "story_nope"}).status_code == 404


def test_search_finds_articles_and_quotes(client, served):
    page = client.get("/api/search", params={"q": "long-term commitment"}).json()
    kinds = {h["kind"] for h in page["data"]}
    assert kinds == {"article", "quote"}
    for h in page["data"]:
        text = _text(client, h["article"])
        assert text[h["start"]:h["end"]].lower() == "long-term commitment"
    assert client.get("/api/search", params={"q": "x"}).status_code == 422
    assert client.get("/api/search", params={"q": "100%"}).json()["count"] == 0  # % is literal


def test_security_sql_injection_in_filters_is_harmless(client, served):
    attempts = ["' OR '1'='1", "x'; DROP TABLE articles; --", '" OR 1=1 --', "%' --", "\\\\"]
    for value in attempts:
        for url, key in [("/api/quotes", "speaker"), ("/api/quotes", "outlet"), ("/api/events", "source"),
                         ("/api/events", "type"), ("/api/actors", "name"), ("/api/articles", "outlet"),
                         ("/api/search", "q")]:
            r = client.get(url, params={key: value})
            assert r.status_code == 200, (url, key, value, r.text)
            assert r.json()["count"] == 0, (url, key, value)
    assert client.get("/api/articles").json()["count"] == 4
    assert client.get(f"/api/articles/{'x%27%20OR%201=1'}").status_code == 404


def test_security_headers_on_api(client):
    r = client.get("/api/stories")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_security_post_requires_token(served_copy, monkeypatch):
    monkeypatch.delenv("NEWSPRISM_TOKEN", raising=False)
    body = {"text": "A short note.\n\nNothing else happened."}
    with TestClient(create_app(str(served_copy.path), token=TOKEN)) as c:
        assert c.post("/api/articles", json=body).status_code == 401
        wrong = c.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.json()["detail"]
        assert c.post("/api/articles", json=body, headers={"Authorization": TOKEN}).status_code == 401
    with TestClient(create_app(str(served_copy.path))) as c:  # no token configured: read-only
        assert c.post("/api/articles", json=body, headers={"Authorization": "Bearer x"}).status_code == 403
    conn = sqlite3.connect(served_copy.path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 4
    conn.close()


def test_post_article_with_token_is_stored_and_idempotent(served_copy, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_TOKEN", TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": "Peru and Ecuador signed a border trade accord in Lima on Monday, officials said.\n\n"
                    "\"This opens a new era,\" the Peruvian trade minister told reporters.",
            "title": "Peru and Ecuador sign trade accord", "outlet": "Andes Post", "published": "2024-07-01"}
    with TestClient(create_app(str(served_copy.path))) as c:
        before = c.app.state.newsprism.dossier()
        r = c.post("/api/articles", json=body, headers=auth)
        assert r.status_code == 201, r.text
        out = r.json()
        assert out["added"] == 1 and len(out["ids"]) == 1
        art = c.get(f"/api/articles/{out['ids'][0]}").json()
        assert art["outlet"] == "Andes Post" and art["published"] == "2024-07-01"
        assert art["text"] == body["text"]
        assert c.get("/api/articles").json()["count"] == 5
        after = c.app.state.newsprism.dossier()
        assert after is not before and len(after["articles"]) == 5  # the cache saw the new article
        again = c.post("/api/articles", json=body, headers=auth).json()
        assert again["ids"] == out["ids"] and again["added"] == 0 and again["unchanged"] == 1
        html = ("<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
                "<p>Negotiators from Kenya and Uganda resumed talks on Tuesday in Nairobi about a shared "
                "railway line, according to officials from both governments.</p></article></body></html>")
        r = c.post("/api/articles", json={"html": html}, headers=auth)
        assert r.status_code == 201, r.text
        assert "Negotiators from Kenya" in c.get(f"/api/articles/{r.json()['ids'][0]}").json()["text"]
        bad = c.post("/api/articles", json={"text": "x", "html": "<p>y</p>"}, headers=auth)
        assert bad.status_code == 422


def test_security_body_too_large_is_413(served_copy):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(str(served_copy.path), token=TOKEN)) as c:
        r = c.post("/api/articles", content=b'{"text": "' + b"a" * 5_000_001 + b'"}',
                   headers={**auth, "content-type": "application/json"})
        assert r.status_code == 413
        assert "limit" in r.json()["detail"]
    with TestClient(create_app(str(served_copy.path), token=TOKEN, max_body=1000)) as c:
        def chunks():  # no Content-Length: the limit is enforced while reading
            for _ in range(10):
                yield b"a" * 500

        r = c.post("/api/articles", content=chunks(), headers={**auth, "content-type": "application/json"})
        assert r.status_code == 413
        assert r.json()["detail"]
        assert "content-security-policy" in r.headers


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/quotes", "/api/events", "/api/search"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/stories/{story_id}/dossier" in docs.text


def test_dyads_and_exports(client, served):
    import io

    import pyarrow.parquet as pq

    dy = client.get("/api/dyads", params={"source": "CHL", "target": "ARG", "by": "week"})
    assert dy.status_code == 200 and dy.json()["events"] >= 1
    assert dy.json()["series"][0]["period"].count("-W") == 1
    md = client.get("/api/export/dossier", params={"format": "md"})
    assert md.status_code == 200 and md.text.startswith("# newsprism dossier")
    html = client.get("/api/export/dossier", params={"format": "html"})
    assert html.status_code == 200 and "<h2>Briefing</h2>" in html.text
    csv = client.get("/api/export/events", params={"format": "csv"})
    assert csv.status_code == 200 and csv.text.startswith("GLOBALEVENTID,")
    parquet = client.get("/api/export/events", params={"format": "parquet"})
    assert parquet.status_code == 200
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows >= 2
    assert client.get("/api/export/dossier", params={"story": "nope"}).status_code == 404
    assert client.get("/api/export/events", params={"format": "xml"}).status_code == 422
