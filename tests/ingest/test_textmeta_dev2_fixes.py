"""Header metadata in the styles the second dev set showed: bylines with places and roles, section labels
and place names that are not outlets, and publication dates given in a dateline, after the outlet's name or
beside a reporting period. All names are invented."""

import pytest

from newsprism.ingest.textmeta import extract_text_meta

LEDE = ("Ministers from both countries met for four hours on Tuesday and agreed to reopen the corridor, "
        "officials said, after three months of talks that had repeatedly broken down over fees and quotas.")


def meta(*header: str, body: str = LEDE, foot: str = ""):
    text = "Harbour talks end with a corridor deal\n\n" + "\n\n".join(header) + f"\n\n{body}\n\nMore later."
    return extract_text_meta(text + (f"\n\n{foot}" if foot else ""))


# -- outlet: a place or a section label is never the outlet ------------------------------------------------

def test_byline_place_is_not_the_outlet_and_the_masthead_wins():
    m = meta("By Orla Brennick, Canberra", "The Southern Harbour Times", "Updated August 6, 2025 — 5.48pm")
    assert m.author == "Orla Brennick"
    assert m.outlet == "The Southern Harbour Times"
    assert m.published == "2025-08-06T17:48"  # the clock after an em dash is kept


@pytest.mark.parametrize("label", ["Obituaries", "World", "Opinion | Asia", "Sport"])
def test_section_label_is_not_the_outlet(label):
    m = meta(label, "By Tomas Vell", "Eastbay Chronicle, 24 April 2025")
    assert m.outlet == "Eastbay Chronicle"
    assert m.published == "2025-04-24"


def test_briefing_heading_that_names_a_country_is_not_the_outlet():
    text = ("Daily press briefing by the spokesperson\n\n5 June 2025\n\nThe following is a transcript of "
            "today's briefing.\n\n**Sudan\n\n" + LEDE)
    assert extract_text_meta(text).outlet is None


def test_masthead_with_a_section_and_a_month():
    m = meta("By Kira Ostrova", "Upland Review | The Long Read | April 2025")
    assert m.outlet == "Upland Review"
    assert m.published == "2025-04"


def test_newsletter_name_opens_its_title():
    text = ("The Weekly Satchel: a port deal, a summit and a row over fish\n\nYour Friday briefing\n\n"
            "Written by Dora Imre | The Satchel newsletter\n\nFriday, 17 January 2025\n\n" + LEDE)
    m = extract_text_meta(text)
    assert m.outlet == "The Weekly Satchel"
    assert m.author == "Dora Imre"


def test_an_ordinary_title_prefix_is_not_an_outlet():
    text = "The Big Question: will the corridor reopen?\n\nBy Dora Imre\n\n" + LEDE
    assert extract_text_meta(text).outlet is None


# -- author -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "byline,author,outlet",
    [
        ("By Petra Lindqvist in Hamburg", "Petra Lindqvist", None),
        ("By Petra Lindqvist, Senior Correspondent", "Petra Lindqvist", None),
        ("By Petra Lindqvist, Senior Correspondent, The Harbour Ledger", "Petra Lindqvist", "The Harbour Ledger"),
        ("Interview by Kwame Asante-Boateng", "Kwame Asante-Boateng", None),
        ("Reporting by Petra Lindqvist; Editing by Aron Field", "Petra Lindqvist", None),
        ("By Petra Lindqvist, Aron Field and Mei Tan", "Petra Lindqvist, Aron Field and Mei Tan", None),
        ("By Staff reporter", None, None),
        ("Petra Lindqvist, Political Correspondent", "Petra Lindqvist", None),
    ],
)
def test_bylines(byline, author, outlet):
    m = meta(byline)
    assert (m.author, m.outlet) == (author, outlet)


def test_wire_credit_at_the_foot_names_the_authors():
    m = meta(foot="Reporting by Petra Lindqvist in Oslo and Aron Field in Riga; Editing by Mei Tan")
    assert m.author == "Petra Lindqvist and Aron Field"


# -- published ----------------------------------------------------------------------------------------------

def test_dateline_with_day_month_and_year():
    m = meta(body="PORT LOUIS, 11 March 2025 (Island Wire) — " + LEDE)
    assert m.published == "2025-03-11"
    assert m.outlet == "Island Wire"
    assert m.dateline_place == "Port Louis"


def test_dateline_without_a_year_takes_the_year_whose_weekday_fits():
    # 6 August is a Wednesday in 2025 only, among the years near the one the text names
    body = ("PORT LOUIS, 6 Aug (Island Wire) — The two governments on Wednesday signed the corridor accord, "
            "officials said, closing a dispute that began in 2024 over fees charged to grain ships at the port.")
    assert meta(body=body).published == "2025-08-06"


def test_dateline_without_a_year_or_weekday_gives_no_date():
    body = ("PORT LOUIS, 6 Aug (Island Wire) — The two governments signed the corridor accord, officials said, "
            "closing a dispute that began in 2024 over fees charged to grain ships at the port.")
    assert meta(body=body).published is None


def test_issued_date_not_the_reporting_period():
    assert meta("Relief Network", "Reporting period: 13–26 February 2025", "Issued: 27 February 2025"
                ).published == "2025-02-27"


def test_published_not_updated_in_either_order():
    assert meta("Updated 22 Nov 2024, 17:30 | Published 21 Nov 2024, 14:05").published == "2024-11-21T14:05"
