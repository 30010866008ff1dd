"""spaCy's ``attribute_ruler`` and ``lemmatizer`` with the same results, several times faster.

The English pipelines map fine tags to coarse POS and morphology with about 180 rules,
run by a ``Matcher`` over every token: about a tenth of all annotation time. Almost all
rules look at one token's tag, lower-case form, dependency label or whitespace flag, so
their outcome is a function of those four values: ``FastAttributeRuler`` computes it once
per distinct combination and caches it (forms no rule names share one entry, so the cache
stays small however much text goes through). Rules of any other shape (two tokens, sets of
values) still go through a ``Matcher`` holding only them. Rules apply in the order the
original applies them (later rules win, per token), so every token gets exactly the
attributes ``attribute_ruler`` would give it (``tests/annotate/test_attributes.py``).

The rule lemmatizer's answer depends on the form, POS and morphology alone, but spaCy
caches only some of its answers (never the base forms, which are most words), and pays
Python overhead per token; ``CachedLemmatizer`` keeps every answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes a cached single-token rule may test, and how to read each off a token
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Key = tuple[str, str, str, bool]
_OTHER = "\x00"  # stands for every lower-case form no rule names (no rule can name it)
Test = dict[str, tuple[str, Any]]  # attribute -> ("==", value) | ("in", set) | ("not_in", set)


class FastAttributeRuler:
    """Drop-in replacement for a loaded ``AttributeRuler`` (``from_ruler``)."""

    def __init__(self, nlp: Language, name: str = "newsprism_attributes") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.simple: list[tuple[int, Test]] = []  # (rule id, its test) of the one-token rules
        self.attrs: list[dict[Any, Any]] = []  # rule id -> normalised attributes to set
        self.matcher = Matcher(nlp.vocab)  # the rules the cache cannot decide
        self.complex_indices: dict[int, int] = {}
        self.has_complex = False
        self.by_tag: dict[str, list[tuple[int, Test]]] = {}  # the simple rules that need that tag
        self.any_tag: list[tuple[int, Test]] = []  # the simple rules that test no single tag
        self.lowers: set[str] = set()  # every form a simple rule names; others share one cache entry
        self._cache: dict[Key, tuple[tuple[int, ...], dict[Any, Any]]] = {}

    def from_ruler(self, ruler: AttributeRuler) -> FastAttributeRuler:
        """Take over the rules of a loaded ``attribute_ruler``."""
        self.attrs = [dict(a) for a in ruler.attrs]
        for rule_id in range(len(ruler.attrs)):
            patterns = ruler.matcher.get(str(rule_id))[1]
            index = ruler.indices[rule_id]
            simple = [_simple_test(p) for p in patterns if len(p) == 1 and index in (0, -1)]
            if len(simple) == len(patterns) and all(t is not None for t in simple):
                for test in simple:
                    assert test is not None
                    self.simple.append((rule_id, test))
                    if "LOWER" in test:
                        op, value = test["LOWER"]
                        self.lowers.update([value] if op == "==" else value)
                    tag = test.get("TAG")
                    if tag is not None and tag[0] == "==":
                        self.by_tag.setdefault(tag[1], []).append((rule_id, test))
                    else:
                        self.any_tag.append((rule_id, test))
            else:
                self.matcher.add(str(rule_id), patterns)
                self.complex_indices[rule_id] = index
                self.has_complex = True
        self._cache.clear()
        return self

    def _rules_for(self, key: Key) -> tuple[tuple[int, ...], dict[Any, Any]]:
        found = self._cache.get(key)
        if found is None:
            values = dict(zip(_KEY_ATTRS, key, strict=True))
            candidates = (*self.by_tag.get(key[0], ()), *self.any_tag)
            ids = tuple(sorted({rule_id for rule_id, test in candidates
                                if all(_passes(values[a], op, v) for a, (op, v) in test.items())}))
            merged: dict[Any, Any] = {}
            for rule_id in ids:
                merged.update(self.attrs[rule_id])
            found = self._cache[key] = (ids, merged)
        return found

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = {}
        if self.has_complex:
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule_id = int(self.vocab.strings[match_id])
                extra.setdefault(doc[start:end][self.complex_indices[rule_id]].i, []).append(rule_id)
        lowers = self.lowers
        for token in doc:
            lower = token.lower_
            ids, merged = self._rules_for((token.tag_, lower if lower in lowers else _OTHER, token.dep_,
                                           token.is_space))
            more = extra.get(token.i)
            if more is None:
                if merged:
                    set_token_attrs(token, merged)
                continue
            for rule_id in sorted((*ids, *more)):
                set_token_attrs(token, self.attrs[rule_id])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _simple_test(pattern: list[dict[str, Any]]) -> Test | None:
    """A one-token pattern as a ``Test``, or None when it tests anything else."""
    (token,) = pattern
    test: Test = {}
    for attr, value in token.items():
        attr = attr.upper()
        if attr not in _KEY_ATTRS:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            ((op, values),) = value.items()
            if op.upper() not in ("IN", "NOT_IN") or not isinstance(values, list):
                return None
            test[attr] = (op.lower(), frozenset(values))
        elif isinstance(value, list):
            return None
        else:
            test[attr] = ("==", bool(value) if attr == "IS_SPACE" else value)
    return test


def _passes(actual: Any, op: str, value: Any) -> bool:
    if op == "==":
        return bool(actual == value)
    return (actual in value) == (op == "in")


@Language.factory("newsprism_attributes", requires=["token.tag", "token.dep"],
                  assigns=["token.pos", "token.morph", "token.lemma"])
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp, name)


def speed_up_attribute_ruler(nlp: Language) -> Language:
    """Swap the pipeline's ``attribute_ruler`` for a ``FastAttributeRuler`` holding its rules
    (under the same name and in the same place, so the pipeline reads as spaCy's own)."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return nlp
    fast = _replace(nlp, "attribute_ruler", "newsprism_attributes")
    assert isinstance(fast, FastAttributeRuler)
    fast.from_ruler(ruler)
    return nlp


def _replace(nlp: Language, name: str, factory: str) -> Any:
    """Put a ``factory`` component where the component ``name`` is, under that name."""
    at = nlp.pipe_names.index(name)
    nlp.remove_pipe(name)
    if at < len(nlp.pipe_names):
        return nlp.add_pipe(factory, name=name, before=nlp.pipe_names[at])
    return nlp.add_pipe(factory, name=name, last=True)


class CachedLemmatizer:
    """A rule ``Lemmatizer`` whose every answer is kept per (form, POS, morphology)."""

    max_entries = 500_000  # a firehose meets new forms forever: start over past this many

    def __init__(self, nlp: Language, name: str = "newsprism_lemmas") -> None:
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self._cache: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def wrap(self, lemmatizer: Lemmatizer) -> CachedLemmatizer:
        self.lemmatizer = lemmatizer
        self._cache.clear()
        return self

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None:
            return doc
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        cache, overwrite = self._cache, lemmatizer.overwrite
        if len(cache) > self.max_entries:
            cache.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()  # one C call, not four per token
        strings = doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("newsprism_lemmas", requires=["token.pos", "token.morph"], assigns=["token.lemma"])
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp, name)


def speed_up_lemmatizer(nlp: Language) -> Language:
    """Swap a rule-mode ``lemmatizer`` for a ``CachedLemmatizer`` around it, under the same name."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return nlp
    cached = _replace(nlp, "lemmatizer", "newsprism_lemmas")
    assert isinstance(cached, CachedLemmatizer)
    cached.wrap(lemmatizer)
    return nlp
