"""Line breaks end sentences: headlines, datelines, time stamps and list items are never
glued to the next paragraph. Runs before the parser, which keeps preset sentence starts.

A blank line always ends a sentence. A single line break ends one only where the line
looks finished (final punctuation) or is short (a headline, a time stamp, a list item);
hard-wrapped prose keeps flowing across its line breaks.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SHORT_LINE = 10  # tokens: headlines, bylines, time stamps
FINAL = {".", "!", "?", ":", "”", '"', "’", "»", "…", ")"}


class LineBreakSentencizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        line_len = 0
        pending: str | None = None  # the whitespace of the last line break seen
        last_word = ""
        for token in doc:
            if token.is_space:
                if "\n" in token.text:
                    pending = (pending or "") + token.text
                continue
            if pending is not None:
                blank = pending.count("\n") >= 2
                if blank or line_len <= SHORT_LINE or last_word in FINAL:
                    token.is_sent_start = True
                pending = None
                line_len = 0
            line_len += 1
            last_word = token.text
            if "\n" in token.whitespace_:
                pending = token.whitespace_
        return doc


@Language.factory("newsprism_linebreaks", assigns=["token.is_sent_start"])
def make_linebreaks(nlp: Language, name: str) -> LineBreakSentencizer:
    return LineBreakSentencizer(nlp, name)
