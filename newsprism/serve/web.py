"""The server-rendered web UI (Jinja2, autoescaped; charts as inline SVG; no external assets)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from newsprism.serve import views
from newsprism.serve.deps import StateDep, StoreDep
from newsprism.store import queries

router = APIRouter(include_in_schema=False)
PAGE = 50


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("newsprism", "serve/templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["cite_url"] = views.cite_url
    env.globals["display_title"] = views.display_title
    env.filters["q"] = lambda v: quote(str(v), safe="")  # one path segment or query value
    return env


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(environment().get_template(name).render(**context), status_code=status)


def _story_or_404(store: Any, story_id: str) -> dict[str, Any]:
    for s in store.stories():
        if s["id"] == story_id:
            return dict(s)
    raise HTTPException(404, f"no story {story_id!r}")


@router.get("/", response_class=HTMLResponse)
def index(store: StoreDep) -> HTMLResponse:
    """The story list, largest first, with each story's outlets."""
    articles, _ = queries.list_articles(store, limit=100_000)
    by_id = {a["id"]: a for a in articles}
    stories = []
    for s in sorted(store.stories(), key=lambda s: (-len(s["articles"]), s["title"])):
        members = [by_id[a] for a in s["articles"] if a in by_id]
        stories.append({**s, "outlets": sorted({views.outlet_label(a) for a in members})})
    return render("index.html.j2", stories=stories, counts=store.counts())


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: str, state: StateDep) -> HTMLResponse:
    story = _story_or_404(state.reader, story_id)
    d = state.dossier(story_id)
    articles = {a["id"]: a for a in d["articles"]}
    actor_ids = Counter(q["speaker"] for q in d["quotes"] if q["speaker"])
    return render(
        "story.html.j2", story=story, d=d, articles=articles,
        label=lambda aid: views.outlet_label(articles[aid]) if aid in articles else aid,
        ledger=views.quote_ledger(d), coverage=views.coverage_matrix(d), chart=views.dyad_chart(d),
        actors=[a for a in d["actors"] if a["kind"] in ("person", "organization", "group") or a["id"] in actor_ids],
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(store: StoreDep, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    rows, count = queries.list_articles(store, limit=PAGE, offset=offset)
    return render("articles.html.j2", rows=rows, count=count, offset=offset, page=PAGE)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, store: StoreDep,
                 hl: Annotated[list[str] | None, Query(max_length=20)] = None) -> HTMLResponse:
    """The article text, evidence spans highlighted: ``hl=START-END`` as <mark>, quotes and events underlined."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    quotes, _ = queries.list_quotes(store, limit=1000, article=article_id)
    events, _ = queries.list_events(store, limit=1000, article=article_id)
    marks = views.parse_highlights(hl or [], len(article.text))
    spans: list[tuple[int, int, str, str | None]] = [(q["evidence"]["start"], q["evidence"]["end"], views.QUOTE,
               f"{q['kind']} quote" + (f" — {q['speaker_name']}" if q["speaker_name"] else "")) for q in quotes]
    spans += [(ev["evidence"][0]["start"], ev["evidence"][0]["end"], views.EVENT,
               f"{ev['type']}: {ev['source_name'] or '?'} → {ev['target_name'] or '?'}") for ev in events]
    return render("article.html.j2", a=article, runs=views.highlight_runs(article.text, marks, spans), quotes=quotes,
                  events=events, stories=[s for s in store.stories() if article_id in s["articles"]],
                  marked=bool(marks))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(store: StoreDep, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    rows, count = queries.list_actors(store, limit=PAGE, offset=offset)
    return render("actors.html.j2", rows=rows, count=count, offset=offset, page=PAGE)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: str, store: StoreDep) -> HTMLResponse:
    """One actor: their quotes by outlet, the events they took part in, and their stories."""
    actor = queries.get_actor(store, actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    quotes, nquotes = queries.list_quotes(store, limit=500, speaker=actor_id)
    quotes = [q for q in quotes if q["speaker"] == actor_id]  # the name match is for the API filter only
    as_source, _ = queries.list_events(store, limit=500, source=actor_id)
    as_target, _ = queries.list_events(store, limit=500, target=actor_id)
    events = [e for e in as_source if e["source"] == actor_id] + [e for e in as_target if e["target"] == actor_id]
    events.sort(key=lambda e: (e["date"] or "9999", e["id"]))
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for q in quotes:
        by_outlet.setdefault(q["outlet"] or q["title"] or q["article"], []).append(q)
    story_ids = set(queries.actor_stories(store, actor_id))
    stories = [s for s in store.stories() if s["id"] in story_ids]
    return render("actor.html.j2", actor=actor, by_outlet=sorted(by_outlet.items()), nquotes=len(quotes),
                  events=events, stories=stories)


@router.get("/search", response_class=HTMLResponse)
def search_page(store: StoreDep, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    hits: list[dict[str, Any]] = []
    count = 0
    if len(q.strip()) >= 2:
        hits, count = queries.search(store, q.strip(), limit=100)
    return render("search.html.j2", q=q, hits=hits, count=count)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API reference, rendered here from /openapi.json (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            ops.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": op.get("parameters", []),
                        "body": body.get("$ref", "").rsplit("/", 1)[-1] if body else None,
                        "auth": bool(op.get("security")), "responses": sorted(op.get("responses", {}))})
    return render("docs.html.j2", ops=ops, schemas=spec.get("components", {}).get("schemas", {}),
                  title=spec.get("info", {}).get("title", "API"))
