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


LEDE = ("Ministers from both countries met for four hours on Tuesday and agreed to reopen the corridor, "
        "officials said, after three months of talks that had repeatedly broken down over fees.")


@pytest.mark.parametrize(
    "opening,place,outlet",
    [
        ("WASHINGTON (Capital Press Service) — ", "Washington", "Capital Press Service"),
        ("LONDON, May 3 (Meridian Wire) - ", "London", "Meridian Wire"),
        ("PARIS (Coastline News Agency) – ", "Paris", "Coastline News Agency"),
    ],
)
def test_wire_datelines(opening, place, outlet):
    meta = extract_text_meta(f"Corridor to reopen\n\n{opening}{LEDE}")
    assert (meta.dateline_place, meta.outlet) == (place, outlet)


def test_posted_by_line_gives_author_and_date_with_time():
    meta = extract_text_meta(f"Ports deal done\n\nPosted by Ray Dunmore | May 29, 2017 / 3:22 PM\n\n{LEDE}")
    assert meta.author == "Ray Dunmore"
    assert meta.published == "2017-05-29T15:22"


def test_updated_line_alone_gives_the_date():
    meta = extract_text_meta(f"Ports deal done\n\nAuthor: Ray Dunmore\n\nUpdated 4 April 2024\n\n{LEDE}")
    assert (meta.author, meta.published) == ("Ray Dunmore", "2024-04-04")


def test_long_first_paragraph_is_not_a_title():
    assert extract_text_meta(f"{LEDE} {LEDE}\n\nMore text follows here.").title is None
    assert extract_text_meta(f"{LEDE}\n\nMore text follows here.").title is None


def test_outlet_from_bio_and_from_disclaimer():
    bio = extract_text_meta(f"Ports deal done\n\n{LEDE}\n\nMaren Holt is a columnist for the Coastal Courier.")
    assert bio.outlet == "Coastal Courier"
    foot = (f"Ports deal done\n\n{LEDE}\n\n*Opinions in this column are the writer's and do not necessarily "
            "reflect the views of The Harbour Ledger.*")
    assert extract_text_meta(foot).outlet == "The Harbour Ledger"


def test_outlet_from_the_one_paper_a_source_told():
    text = f"Ports deal done\n\nBy Ann Ruiz\n\n{LEDE}\n\nA port official told Northside Herald the berths were booked."
    assert extract_text_meta(text).outlet == "Northside Herald"
    two = text + " Another told the Valley Times the same."
    assert extract_text_meta(two).outlet is None
    cited = text.replace("A port official told", "According to Northside Herald, an official told")
    assert extract_text_meta(cited).outlet is None
    described = text.replace("told Northside Herald", "told Northside Herald newspaper")
    assert extract_text_meta(described).outlet is None


def test_signature_line_gives_author():
    meta = extract_text_meta(f"{LEDE}\n\n{LEDE}\n\n  • Ilona Varga")
    assert meta.author == "Ilona Varga"
    assert extract_text_meta(f"{LEDE}\n\n{LEDE}\n\n• Read More").author is None


def test_date_from_the_articles_own_url_line():
    text = f"Ports deal done\n\n{LEDE}\n\nOriginal url:\n\n<https://www.example-news.com/2017/05/31/ports-deal-a5812>"
    assert extract_text_meta(text).published == "2017-05-31"


BLOG_HEAD = ("Ministers Find Ports Useful\n\n"
             "Two ministers shake hands on the quay in the harbour of Kalmar, Sweden, {date}. The ministers agreed "
             "to reopen the grain corridor after talks. (Photo by a pool photographer)\n\n"
             "The ministers were in Kalmar {when} to sign the deal, and here is the timeline.\n\n"
             "9:10 a.m.\n\nMinisters arrive.\n\n11:45 a.m.\n\nThe talks end.")


def test_live_blog_day_from_the_caption_date():
    text = BLOG_HEAD.format(date="Tuesday, April 2, 2024", when="today")
    assert extract_text_meta(text).published == "2024-04-02"
    # clock stamps alone are enough
    assert extract_text_meta(BLOG_HEAD.format(date="April 2, 2024", when="on Tuesday")).published == "2024-04-02"


def test_live_blog_fallback_is_narrow():
    wrong_weekday = BLOG_HEAD.format(date="Monday, April 2, 2024", when="today")
    assert extract_text_meta(wrong_weekday).published is None
    file_photo = BLOG_HEAD.format(date="April 2, 2024", when="today").replace("Two ministers", "In a file photo, two")
    assert extract_text_meta(file_photo).published is None
    no_live_cue = BLOG_HEAD.format(date="April 2, 2024", when="on Tuesday").split("\n\n9:10")[0]
    assert extract_text_meta(no_live_cue).published is None
    dated = BLOG_HEAD.format(date="April 2, 2024", when="today").replace("\n\n", "\n\nApril 3, 2024\n\n", 1)
    assert extract_text_meta(dated).published == "2024-04-03"


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.example-news.com/world/2017/05/29/talks-end", "2017-05-29"),
        ("https://example.org/2017-05-29/talks", "2017-05-29"),
        ("https://example.org/news/20170529-talks.html", "2017-05-29"),
        ("https://example.org/2017/05/talks-end", "2017-05"),
        ("https://example.org/2017/13/40/x", None),
        ("https://example.org/world/talks-end-a58127", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    from newsprism.ingest.urlmeta import date_from_url

    assert date_from_url(url) == expected


def test_host_name_is_not_a_site_name():
    from newsprism.ingest.urlmeta import is_host_name

    assert is_host_name("example-news.com")
    assert is_host_name("www.example-news.com", "https://www.example-news.com/x")
    assert not is_host_name("Example News", "https://www.example-news.com/x")


PAGE = """<html><head><title>Corridor to reopen | Coastline Herald</title>{head}</head><body><article>
<h1>Corridor to reopen</h1><p>{lede}</p><p>{lede}</p></article></body></html>"""


def test_head_meta_reads_json_ld_graph_and_meta_tags():
    from newsprism.ingest.urlmeta import head_meta

    head = ('<meta property="og:site_name" content="Coastline Herald">'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebSite", "name": "ignored"}, {"@type": ["NewsArticle"], "headline": "Corridor to reopen",'
            ' "datePublished": "2024-04-02T11:20:00+02:00", "author": [{"@type": "Person", "name": "Lena Voss"}],'
            ' "publisher": {"@type": "Organization", "name": "Coastline Group"}}]}</script>')
    meta = head_meta(PAGE.format(head=head, lede=LEDE))
    assert meta == {"published": "2024-04-02T11:20", "outlet": "Coastline Herald", "author": "Lena Voss",
                    "title": "Corridor to reopen"}


def test_extract_html_keeps_meta_time_and_drops_host_as_outlet():
    from newsprism.ingest.html import extract_html

    head = '<meta property="article:published_time" content="2024-04-02T11:20:00Z">'
    result = extract_html(PAGE.format(head=head, lede=LEDE), "t",
                          url="https://www.example-news.com/2024/04/02/corridor")
    assert result.published == "2024-04-02T11:20"
    assert result.outlet is None
    bare = extract_html(PAGE.format(head="", lede=LEDE), "t", url="https://www.example-news.com/2024/04/02/x")
    assert bare.published == "2024-04-02"


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Updated 5:52 PM EDT, September 17, 2024", "2024-09-17T17:52"),
        ("Thu 12 Jun 2025 07.00 BST", "2025-06-12T07:00"),
        ("2025.04.15 18:02 KST", "2025-04-15T18:02"),
        ("13/05/2025 16:20", "2025-05-13T16:20"),
        ("May 29, 2017 / 3:22 PM / Updated 6:10 PM, May 30, 2017", "2017-05-29T15:22"),
    ],
)
def test_parse_date_more_formats(line, expected):
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    "masthead,outlet,published",
    [
        ("Harbour Ledger | Lisbon, 3 May 2024", "Harbour Ledger", "2024-05-03"),
        ("Harbour Ledger · 3 May 2024", "Harbour Ledger", "2024-05-03"),
        ("Courrier du Port – English edition", "Courrier du Port", None),
        ("Baltic Desk | Live coverage", None, None),
    ],
)
def test_masthead_with_separators(masthead, outlet, published):
    meta = extract_text_meta(f"Corridor to reopen\n\nBy Ann Ruiz\n\n{masthead}\n\n{LEDE}")
    assert (meta.outlet, meta.published) == (outlet, published)


def test_piped_byline_outlet_gives_way_to_a_masthead_line():
    piped = extract_text_meta(f"Corridor to reopen\n\nBy Ann Ruiz | Harbour Ledger\n\n{LEDE}")
    assert (piped.author, piped.outlet) == ("Ann Ruiz", "Harbour Ledger")
    place = extract_text_meta(f"Corridor to reopen\n\nBy Ann Ruiz | Kalmar\n\nHarbour Ledger\n\n{LEDE}")
    assert place.outlet == "Harbour Ledger"


def test_generic_bylines_name_nobody():
    for byline in ("By Staff Reporter", "By Our Correspondent", "By Agencies"):
        assert extract_text_meta(f"Corridor to reopen\n\n{byline}\n\n{LEDE}").author is None


def test_author_line_with_role_and_institution():
    text = f"Corridor economics\n\nPolicy Note 7\n\nIlona Varga, Senior Fellow, Trade Programme, Centre for Port Studies\n\n" \
           f"May 2025\n\n{LEDE}"
    meta = extract_text_meta(text)
    assert (meta.author, meta.outlet, meta.published) == ("Ilona Varga", "Centre for Port Studies", "2025-05")


def test_bare_name_line_is_the_author_when_the_bio_says_so():
    text = f"Corridor deal is a photo opportunity\n\nMaren Holt\n\nThu 4 Apr 2024 07.00 BST\n\n{LEDE}\n\n" \
           "Maren Holt is a Coastal Courier columnist"
    meta = extract_text_meta(text)
    assert (meta.author, meta.outlet, meta.published) == ("Maren Holt", "Coastal Courier", "2024-04-04T07:00")
