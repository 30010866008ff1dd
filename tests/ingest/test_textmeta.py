import pytest

from newsprism.ingest.textmeta import extract_text_meta, parse_date


@pytest.mark.parametrize(
    "line,expected",
    [
        ("May 31, 2017", "2017-05-31"),
        ("31 May 2017", "2017-05-31"),
        ("29.05.2017 - Update : 30.05.2017", "2017-05-29"),
        ("2024-03-12T09:30", "2024-03-12T09:30"),
        ("Tuesday, March 12, 2024 4:15 PM", "2024-03-12T16:15"),
        ("March 2024", "2024-03"),
        ("no date here", None),
        ("February 30, 2024", None),
    ],
)
def test_parse_date(line, expected):
    assert parse_date(line) == expected


def test_header_with_byline_and_date():
    text = "# Harbour Talks End Without a Deal\n\nBy [Jane Holloway](#)\n\nOctober 11, 2023\n\n" \
           "The talks ended on Tuesday without a deal, officials said, after a long day of meetings."
    meta = extract_text_meta(text)
    assert meta.title == "Harbour Talks End Without a Deal"
    assert meta.author == "Jane Holloway"
    assert meta.published == "2023-10-11"


def test_wire_dateline_gives_place_and_outlet():
    text = "Ministers meet over fishing row\nBy Tom Reyes\nLISBON, Oct 9 (Meridian Wire) - Portugal's " \
           "foreign minister said on Monday that the seizure of the trawler was unlawful and must end."
    meta = extract_text_meta(text)
    assert meta.outlet == "Meridian Wire"
    assert meta.dateline_place == "Lisbon"
    assert meta.author == "Tom Reyes"


def test_section_label_is_not_the_title():
    text = "World, Europe\n\nLeaders gather for port talks\n\n12.03.2024 - Update : 13.03.2024\n\nBody text here."
    meta = extract_text_meta(text)
    assert meta.title == "Leaders gather for port talks"
    assert meta.published == "2024-03-12"


def test_dates_in_a_key_dates_list_are_not_the_publication_date():
    body = " ".join(["The envoy has argued for a closer dialogue with the region for several years now."] * 3)
    text = f"Key points\n\n{body}\n\nKey dates\n\n12 March 2024\n\nVisit to the capital"
    assert extract_text_meta(text).published is None
