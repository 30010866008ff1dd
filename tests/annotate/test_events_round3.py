"""Two multiword event rules (plover.json): "seek help from" (REQUEST) and "joint patrols" (COOPERATE).
Each holds only in its context: the bare words stay uncoded.

Fictional people; real countries.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language


@pytest.fixture(scope="module")
def nlp() -> Language:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def triples(nlp: Language, text: str) -> set[tuple[str, Any, Any]]:
    """(type, source country, target country) of every event in the text."""
    return {(e["type"], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in nlp(text)._.np_events}


def types(nlp: Language, text: str) -> set[str]:
    return {e["type"] for e in nlp(text)._.np_events}


def test_seek_help_from_is_request(nlp: Language) -> None:
    assert ("REQUEST", "KEN", "DEU") in triples(nlp, "Kenya sought help from Germany to rebuild its railways.")


def test_seek_other_things_is_no_request(nlp: Language) -> None:
    assert "REQUEST" not in types(nlp, "The minister is seeking re-election next spring.")


def test_joint_patrols_are_cooperate(nlp: Language) -> None:
    assert ("COOPERATE", "VNM", "KHM") in triples(
        nlp, "Vietnamese and Cambodian border guards began joint patrols along the Mekong last week.")


def test_plain_patrol_is_no_cooperate(nlp: Language) -> None:
    assert "COOPERATE" not in types(nlp, "A coast guard patrol stopped two fishing boats off the island.")
