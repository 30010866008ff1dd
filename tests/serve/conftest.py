"""A small real store for the web/API tests: invented articles ingested through ``newsprism.api.ingest``.

Three articles go through the whole pipeline (two outlets on one meeting, one
hostile article full of markup). One more, with hand-made events, is saved as
an annotation directly so the event filters and the dyad chart have known
input whatever the event extractor currently finds.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsprism import api
from newsprism.records import Actor, Annotation, Article, Event, Party, Span

WIRE = """Chile and Norway agree to expand Antarctic research cooperation

By Lena Brekke

June 4, 2024

OSLO, June 4 (Northwind Wire) - Chilean Foreign Minister Tomas Ibarra and Norwegian Foreign Minister Ingrid \
Solheim agreed on Tuesday to expand joint research in Antarctica during talks in the Norwegian capital.

"We have built a partnership that serves science and both our peoples," Ibarra told reporters after the meeting.

Solheim said Norway would fund two new research vessels. "This is a long-term commitment, not a gesture," she said.
"""

DAILY = """Norway pledges research ships as Chilean minister visits Oslo

By Marco Vidal

June 5, 2024

SANTIAGO (Southern Daily) - Norwegian Foreign Minister Ingrid Solheim promised on Tuesday to fund two research \
vessels for Antarctic work after meeting her Chilean counterpart Tomas Ibarra in Oslo.

"This is a long-term commitment, not a gesture," Solheim said at a joint news conference.

Ibarra said the partnership "serves science and both our peoples".
"""

HOSTILE_TEXT = """Opinion: <script>alert(1)</script> why the research talks matter

By Pat Doe

June 6, 2024

Readers wrote in with "><img src=x onerror=alert(1)> and a link <a href="javascript:alert(2)">click</a> to \
protest the plan.

Ingrid Solheim said the deal "will outlast any government" when she spoke on Tuesday.
"""

EVENTS_TEXT = ("Chile accused Argentina of breaking the fishing accord on Friday. "
               "Argentina rejected the accusation on Saturday.")


@dataclass
class Served:
    path: Path
    ids: dict[str, str]  # "wire", "daily", "hostile", "events" -> article id


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def _events_annotation() -> Annotation:
    """An article with two known events, Chile → Argentina (ACCUSE) and back (REJECT)."""
    t = EVENTS_TEXT
    chile = Actor("a1", "Chile", "country", "CHL", None, (), (_span(t, "Chile"),))
    argentina = Actor("a2", "Argentina", "country", "ARG", None, (),
                      tuple(Span(i, i + 9, "Argentina") for i in (t.index("Argentina"), t.rindex("Argentina"))))

    def party(actor: Actor) -> Party:
        return Party(actor.name, "country", actor.country, None, actor.id, actor.mentions[0])

    first = t[: t.index(".") + 1]
    second = t[len(first) + 1:]
    return Annotation(
        article=Article(id="fixture-events-1", source="fixture", text=t, title="Fishing accord dispute",
                        outlet="Harbor Times", published="2024-06-08"),
        actors=[chile, argentina],
        events=[
            Event("ACCUSE", party(chile), party(argentina), "112", -2.0, None, "2024-06-07",
                  Span(0, len(first), first), _span(t, "accused")),
            Event("REJECT", party(argentina), party(chile), "120", -4.0, None, "2024-06-08",
                  Span(len(first) + 1, len(t), second), _span(t, "rejected")),
        ],
    )


def build_store(directory: Path) -> Served:
    src = directory / "in"
    src.mkdir()
    (src / "wire.txt").write_text(WIRE, encoding="utf-8")
    (src / "daily.txt").write_text(DAILY, encoding="utf-8")
    hostile = {"text": HOSTILE_TEXT, "outlet": '"><img src=x onerror=alert(1)>', "url": "javascript:alert(3)"}
    (src / "hostile.jsonl").write_text(json.dumps(hostile) + "\n", encoding="utf-8")
    path = directory / "served.db"
    with api.open_store(path) as store:
        report = api.ingest([src], store)
        assert report.added == 3 and not report.errors
        store.save_annotations([_events_annotation()])
        api.relink(store)
        ids: dict[str, str] = {}
        for a in store.iter_annotations():
            text = a.article.text
            key = ("wire" if "Northwind" in text else "daily" if "Southern Daily" in text
                   else "hostile" if "<script>" in text else "events")
            ids[key] = a.article.id
    assert set(ids) == {"wire", "daily", "hostile", "events"}
    return Served(path, ids)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Served:
    return build_store(tmp_path_factory.mktemp("serve"))


@pytest.fixture
def served_copy(served: Served, tmp_path: Path) -> Served:
    """A private copy of the store for tests that write to it."""
    path = tmp_path / "copy.db"
    shutil.copy(served.path, path)
    return Served(path, served.ids)
