import pytest

from newsprism.errors import IngestError
from newsprism.ingest.normalize import clean_text, content_id, decode


def test_utf8_and_bom():
    assert decode("Café talks".encode())[0] == "Café talks"
    assert decode(b"\xef\xbb\xbfHello there")[0] == "Hello there"


def test_latin1_is_detected():
    raw = "Le ministre a déclaré que la réunion était très importante pour les deux pays.".encode("latin-1")
    text, encoding = decode(raw, "x.txt")
    assert "déclaré" in text and encoding != "utf-8"


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_is_an_error(data):
    with pytest.raises(IngestError, match="empty"):
        decode(data, "empty.txt")


def test_binary_is_an_error():
    with pytest.raises(IngestError, match="binary"):
        decode(bytes(range(256)) * 20, "blob.bin")


def test_clean_text_keeps_paragraphs_and_normalises():
    assert clean_text("A\r\nB\r\n\r\nC  \n") == "A\nB\n\nC"
    assert clean_text("Cafe\u0301") == "Café"


def test_content_id_is_stable_and_distinct():
    assert content_id("one") == content_id("one")
    assert content_id("one") != content_id("two")
    assert len(content_id("x")) == 16
