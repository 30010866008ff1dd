"""Every ``Doc._`` attribute newsprism uses, declared once, holding plain data.

Values are lists of dicts with character offsets (never ``Span`` objects) so
they survive ``DocBin(store_user_data=True)`` and cross process boundaries.

Contract of each attribute (all offsets are character offsets into doc.text):

``np_meta``      dict: {"published": "YYYY-MM-DD"|None, "title": str|None, ...}
                 set by the caller before the pipeline runs; the anchor date.
``np_actors``    list of {"id": "a0", "name": str, "kind": str, "country": str|None,
                 "role": str|None, "aliases": [str], "mentions": [[start, end], ...]}
``np_mentions``  list of {"start", "end", "actor": id, "label": str, "pronoun": bool}
                 every mention (names, titles, descriptions, pronouns) linked to an actor
``np_quotes``    list of {"start", "end", "kind", "speaker_actor": id|None,
                 "speaker_name": str|None, "speaker": [s, e]|None, "cue": [s, e]|None,
                 "sentence": [s, e]}
``np_timexes``   list of {"start", "end", "type", "value", "anchor"}
``np_events``    list of {"type", "mode", "cameo", "goldstein", "date",
                 "source": party|None, "target": party|None, "evidence": [s, e],
                 "trigger": [s, e]|None, "claimed_by": id|None}
                 party = {"actor": id|None, "name", "kind", "country", "role", "mention": [s, e]|None}
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, object] = {
    "np_meta": None,
    "np_actors": None,
    "np_mentions": None,
    "np_quotes": None,
    "np_timexes": None,
    "np_events": None,
}


def register_extensions() -> None:
    """Declare the extensions if not yet declared (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
