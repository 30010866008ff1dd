"""Details that tell two events of one kind apart: figures, any alphabet, not the outlet's name."""

from __future__ import annotations

from newsprism.link.stories import content_terms, is_outlet
from newsprism.records import Annotation, Article


def _ann(text: str, outlet: str | None = None) -> Annotation:
    return Annotation(article=Article(id="a", source="a", text=text, outlet=outlet))


def test_figures_are_terms_but_years_and_small_counts_are_not() -> None:
    tf = content_terms(_ann("A magnitude 6.1 quake killed 1,200 people in 2019; 3 towns and 41 villages were hit."))
    assert tf["#6.1"] == 1 and tf["#1200"] == 1 and tf["#41"] == 1
    assert "#2019" not in tf and "#3" not in tf


def test_words_in_any_alphabet_stay_whole() -> None:
    tf = content_terms(_ann("The quake struck near Pütürge and Žilinskas visited Ústí."))
    assert {"pütürge", "žilinskas", "ústí"} <= set(tf)
    assert "rge" not in tf


def test_the_outlets_own_name_is_no_evidence() -> None:
    tf = content_terms(_ann("NAIROBI (Harbour Wire) - Police dispersed marchers. Harbour Wire could not confirm.",
                            outlet="Harbour Wire"))
    assert "harbour" not in tf and "wire" not in tf and tf["police"] == 1
    assert is_outlet("Harbour Wire", "The Harbour Wire") and not is_outlet("Police", "Harbour Wire")


def test_batched_cosines_match_the_plain_dot_product_and_survive_empty_articles() -> None:
    from datetime import date

    from newsprism.link.stories import StoryFeatures, _cosines

    def feat(i: int, terms: dict[str, float]) -> StoryFeatures:
        return StoryFeatures(str(i), terms, {}, date(2030, 1, 1), "", False)

    feats = [feat(0, {"a": 0.6, "b": 0.8}), feat(1, {}), feat(2, {"a": 1.0}), feat(3, {"b": 0.6, "c": 0.8})]
    pairs = [(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)]
    got = _cosines(feats, pairs)
    assert all(abs(x - y) < 1e-12 for x, y in zip(got, [0.0, 0.6, 0.48, 0.0, 0.0], strict=True))
