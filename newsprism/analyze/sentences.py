"""Sentence bounds over stored article text, without spaCy (analysis works on records)."""

from __future__ import annotations

import re
from bisect import bisect_right

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-•*\d])|\n")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|U\.S|U\.K|a\.m|p\.m|No|vs|etc|Inc|Co|Corp)\.$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; whitespace trimmed; abbreviations do not end sentences."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 6):m.start()]) and "\n" not in m.group(0):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


class SentenceIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = sentence_bounds(text)
        self.starts = [s for s, _ in self.bounds]

    def around(self, offset: int) -> tuple[int, int]:
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return self.bounds[i] if self.bounds else (0, len(self.text))


_CAPTION = re.compile(
    r"\((?:R|L|C|left|right|center|centre)\)|\b(?:AP|AFP|Reuters|Getty|EPA|Photo|Pool|Images?)\s*(?:Photo|Images?)?\s*\)"
    r"|/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Pool)\b|\bphoto(?:graph)?\s*(?:by|:)|\(\s*[A-Z][\w.' -]+/[A-Z][\w .'-]+\)"
    r"|\*\*[^*]+/[^*]+\*\*",
    re.I,
)


def is_caption(text: str) -> bool:
    """A photo caption or credit line ("X (R) and Y (L) meet ... (Name/Agency)"), not reporting prose."""
    return _CAPTION.search(text) is not None
