"""Bytes to clean text, and the content hash that makes re-ingest idempotent."""

from __future__ import annotations

import hashlib
import unicodedata

from charset_normalizer import from_bytes

from newsprism.errors import IngestError

# Control characters other than tab/newline/carriage return: a few are tolerated
# (stray form feeds), many mean the bytes are not text.
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)} | {127}


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding). Raise IngestError for binary or empty input.

    UTF-8 (with or without BOM) is tried first because it is what the web mostly
    sends; charset-normalizer guesses the rest (Latin-1, cp1252, UTF-16...). When
    it cannot tell, UTF-8 with a few bad bytes (at most 1 in 20 characters) is
    repaired with U+FFFD rather than losing the article.
    """
    if not data or not data.strip():
        raise IngestError(f"{source}: empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(f"{source}: binary data (NUL bytes), not a text article")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is not None:
            text, encoding = str(best), best.encoding
        else:  # mostly UTF-8 with a few corrupt bytes (truncated downloads, bad copy-paste): keep the text
            text, encoding = data.decode("utf-8", "replace"), "utf-8 (repaired)"
            if text.count("\ufffd") > max(1, len(text) // 20):
                raise IngestError(f"{source}: unknown text encoding; convert it to UTF-8") from None
    if not text.strip():  # e.g. a lone byte-order mark
        raise IngestError(f"{source}: empty file (no text after decoding)")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if sample and controls / len(sample) > 0.01:
        raise IngestError(f"{source}: binary data ({controls} control characters), not a text article")
    return text, encoding


def clean_text(text: str) -> str:
    """Normalise newlines, Unicode form (NFC) and trailing spaces; keep paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ord(ch) not in _CONTROL or ch == "\f")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def has_words(text: str) -> bool:
    """True when the text has a letter or digit: zero-width marks, bidi controls and punctuation alone are no article."""
    return any(ch.isalnum() for ch in text)


def content_id(text: str) -> str:
    """Stable article id: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
