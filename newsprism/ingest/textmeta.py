"""Article metadata from the text itself: title, byline, date line, dateline, outlet.

Plain-text articles carry their metadata in the first lines, the way papers
print it: a headline, a "By ..." / "Posted by X | date" / "Author:" byline (a
"By Staff Reporter" names nobody), a bare author line with a role and an
institution ("Jane Doe, Senior Fellow, Centre for X"), a date line ("May 31,
2017", "29.05.2017 - Update : 30.05.2017", "Updated 5:52 PM EDT, Sept. 17,
2024", "2025.04.15 18:02 KST"), a masthead line ("The Ledger", "The Ledger |
Lisbon, 3 May 2024"), and a wire dateline ("PARIS, May 29 (Reuters) -"). Only the
header zone is read, so body sentences that happen to contain a date or "by"
never become metadata. A few cues at the foot are read too: an author bio ("X is
a columnist for Y"), a copyright line, an opinion disclaimer ("... do not
necessarily reflect the views of Y"), a signature line ("• Jane Doe"), a bio
whose subject is a bare name line of the header (that line is the author, not a
masthead), and the article's own URL ("Original url: https://.../2017/05/29/...").

Last-resort cues, each narrow:
- outlet from "told <Name>" when it is the only such name, ends in a
  publication word (Daily, Times, Review...) and is not introduced as someone
  else's ("told the French daily X", "X reported"): reporters credit their own
  paper that way ("a diplomat told the Northside Herald");
- the publication day of a live blog without a date line: when the text speaks
  of "today"/"this morning"/"tonight" or carries wire clock-time stamps, the full
  date ending a photo caption or a sentence of the opening paragraphs
  ("..., Monday, May 29, 2017.") is that day (a weekday must fit the date; file
  photos are skipped).
Bylines take many shapes: "By Jane Doe in Lisbon", "By Jane Doe, Senior Correspondent", "Jane Doe,
Political Correspondent" on its own line, "Interview by ...", "Reporting by Jane Doe; Editing by ..." (at
the head or the foot), "By A, B and C". An outlet is a publication's name (a masthead, "(Agency)" in a
dateline, "© Outlet", "Source:", a byline credit, a newsletter's name opening its title); never a place
alone (countries, capitals and large cities from the annotate resources) nor a section label ("World",
"Obituaries", "Opinion | Asia"). The published date is the first publication: "Published ... | Updated ...",
"Issued: ...", "Outlet, 6 August 2025", a wire dateline's date ("PARIS, 6 Aug 2025 (Agency) -"; without
its year, the year near one the text names on which that day is the weekday the lede names); a reporting
period ("Reporting period: 13-26 Feb 2025") is not it, and an update stamp alone is only a fallback.
Anything not found is None: nothing is guessed, and no list of outlets is used.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

HEADER_LINES = 14  # non-empty lines scanned for metadata

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?"
_CLOCK = r"(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?|AM|PM)?"
_TIME = rf"(?:(?:,|\s+[/|·•–—-])?\s+(?:at\s+)?{_CLOCK})?"
_ZONE = r"(?:\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)\)?)?"

DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(\d{4})([-./])(\d{2})\2(\d{2})(?:[T ]+(\d{2}):(\d{2}))?"), "ymd"),
    # "Updated 5:52 PM EDT, September 17, 2024": the clock before the day
    (re.compile(rf"\b{_CLOCK}{_ZONE},?\s+{_WEEKDAY}({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I),
     "tmdy"),
    (re.compile(rf"\b{_CLOCK}{_ZONE},?\s+{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}})", re.I),
     "tdmy"),
    (re.compile(rf"\b{_WEEKDAY}({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){_TIME}", re.I), "mdy"),
    (re.compile(rf"\b{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}}){_TIME}", re.I), "dmy"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?"), "dotted"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?"), "slashed"),
    (re.compile(rf"^\s*({_MONTH})\s+(\d{{4}})\s*$", re.I), "my"),
]

_BYLINE = re.compile(
    r"^\s*(?:by|(?:written|posted|published|words|interview|interviewed|reporting|reported|story|text|report|"
    r"analysis|compiled) by|authors?:)\s*[:\-]?\s*(.+)$",
    re.I,
)
_FOOT_BYLINE = re.compile(r"^\s*\(?(?:reporting|reported|written) by\s+(.+?)(?:;|\)?\s*$)", re.I)  # wire credit
_BYLINE_PLACE = re.compile(  # "Jane Doe in Lisbon", "Jane Doe in Lisbon and John Roe in Rome"
    r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s+and\s|\s*$)")
_JOURNALIST_ROLE = re.compile(r"\b(?:correspondent|reporter|editor|writer|columnist|journalist|producer|"
                              r"bureau chief|contributor|commentator)s?$", re.I)
_MD_LINK = re.compile(r"\[([^\]\[]{1,300})\]\([^)(]{0,500}\)")  # bounded: linear time on "[[[["
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.'\- ]{1,40}[A-Z.])"
    rf"(?:,\s*(?:(?P<md>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)|(?P<dm>\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
    r"|[A-Z][A-Za-z.]*(?:,\s*[A-Z][A-Za-z.]*)?))?"
    r"\s*(?:\((?P<agency>[^)]{2,60})\))?\s*[-–—]+\s"
)
_OUTLET_LINE = re.compile(r"^\s*(?:source|outlet|publication|published by|publisher)\s*:\s*(.+)$", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?([A-Z][\w&.' -]{2,60})", re.I)
_BIO = re.compile(
    r"\b(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:columnist|correspondent|editor|reporter|writer|"
    r"contributor|commentator|contributing editor)\s+(?:for|at|with)\s+(?:the\s+)?((?:The\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})"
)
_BIO_SUBJECT = re.compile(
    r"^([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(columnist|contributor|commentator|writer|editor|correspondent|reporter|journalist|author)\b"
)
_BIO_OUTLET_FIRST = re.compile(  # "X is a Guardian columnist"
    r"\b(?:is|was)\s+an?\s+((?:[A-Z][\w&'’.-]*\s+){1,3}?)(?:columnist|correspondent|writer|contributor|"
    r"commentator|editor|reporter)\b"
)
_ROLE_WORDS = {"senior", "contributing", "regular", "former", "chief", "deputy", "associate", "political",
               "foreign", "diplomatic", "economics", "staff", "guest", "special", "opinion", "weekly"}
_AFFILIATION_ROLE = re.compile(r"\b(?:fellow|director|professor|researcher|analyst|head|chair|editor|"
                               r"correspondent|associate|lecturer|scholar|advis[eo]r|programme|program)\b", re.I)
_GENERIC_AUTHOR = re.compile(
    r"^(?:(?:our|a|the|by)\s+)?(?:[A-Z][\w.]*\s+)?(?:staff|special|own|senior|foreign)?\s*"
    r"(?:reporters?|correspondents?|writers?|staff|desk|news desk|web desk|bureau|agencies|editorial board|"
    r"editors|news service)$",
    re.I,
)
_PERSON = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|bin|al|el|la|le)){1,3}$")
_SEPARATED = re.compile(r"^(.+?)\s+[|·•–—-]\s+(.+)$")
_UPDATED = re.compile(r"\b(?:updated?|modified|last update)\b", re.I)
_SECTION_LABEL = re.compile(
    r"^(?:world|europe|asia|africa|americas|middle east|politics|news|opinion|analysis|commentary|"
    r"breaking|key points|key dates|key facts|summary|highlights|international|diplomacy|home|latest|"
    r"editorial|op-?ed|comment|column|letters|explainer|features?|live|business|economy|national|"
    r"world news|uk news|us news|obituar(?:y|ies)|deaths|sports?|culture|arts|books|science|tech(?:nology)?|"
    r"health|environment|climate|travel|lifestyle|media|education|law|courts?|justice|defen[cs]e|security|"
    r"local|regional|region|metro|global|asia[- ]pacific|latin america|south asia|east asia|southeast asia|"
    r"central asia|the long read|long read|long reads|in depth|in-depth|insight|magazine|the magazine|"
    r"weekend|briefing|newsletter|interviews?|q ?& ?a|profiles?|reviews?|investigations?|special report|"
    r"world view|trade|markets|finance|energy|migration|elections?|conflict|global development)"
    r"(?:\s*[,/|>]\s*[A-Za-z ]+)*$",
    re.I,
)
_PERIOD = re.compile(  # a reporting period, not the day of publication ("Reporting period: 13-26 Feb 2025")
    rf"\b(?:period|covering|covers|from|between|valid|until|till)\b|\b\d{{1,2}}\s*[-–—]\s*\d{{1,2}}\s+{_MONTH}"
    rf"|\b{_MONTH}\s+\d{{1,2}}\s*[-–—]\s*\d{{1,2}}\b",
    re.I,
)
_SEPARATORS = re.compile(r"\s+[|·•–—-]\s+")
WORLD_PATH = Path(__file__).resolve().parents[1] / "annotate" / "resources" / "world.json"
CITIES_PATH = WORLD_PATH.with_name("cities.json")

_DISCLAIMER = re.compile(
    r"\bnot necessarily (?:reflect|represent)\s+(?:the\s+)?(?:views?|positions?|opinions?|policy|"
    r"editorial (?:policy|position|line))\s+of\s+((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})"
)
_PUBLICATION_WORD = (r"(?:Daily|Times|Post|Herald|News|Journal|Review|Ledger|Gazette|Tribune|Agency|Wire|Press|"
                     r"Telegraph|Observer|Monitor|Chronicle|Standard|Express|Mail|Mirror|Magazine|Weekly|Courier|"
                     r"Dispatch|Bulletin|Register|Sentinel|Examiner|Inquirer|Insider|Report|Today|Digest|Record)")
_TOLD = re.compile(
    rf"\btold\s+((?:[Tt]he\s+)?(?:[A-Z][\w&'’.-]*\s+){{0,3}}{_PUBLICATION_WORD})\b"
    r"(?!['’]s|\s+[A-Z&]|\s+(?:newspaper|daily|weekly|magazine|website|radio|television|channel|reporter|correspondent|"
    r"journalist|editor|columnist|show|programme|program|podcast)\b)"
)
_OTHER_OUTLET = r"(?:according to|reported by|interview with|quoted by|cited by|citing)\s+(?:the\s+)?{name}|{name}\s+(?:reported|has reported|quoted|published|newspaper|daily)"  # noqa: E501
_SIGNATURE = re.compile(r"^[•·*\-–—]+\s*([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})$")
_NOT_A_NAME = {"read", "more", "share", "comments", "related", "advertisement", "print", "email", "follow",
               "subscribe", "top", "back", "next", "previous", "home", "trending", "videos", "newsletter"}
_URL_LINE = re.compile(r"<?(https?://[^\s<>)\]]+)>?")
_DEICTIC = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)
_CLOCK_LINE = re.compile(r"^[ \t]*\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)(?:[ \t]+[A-Za-z ]{1,20})?[ \t]*$", re.M | re.I)
_QUOTED = re.compile(r"[\"“«][^\"“”«»\n]{0,800}(?:[\"”»]|$)", re.M)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CAPTION_DATE = re.compile(
    rf"(?:\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+)?"
    rf"(?:({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}}))"
    r"(?=\s*(?:[.)(]|\*|$))",
    re.M,
)
_FILE_PHOTO = re.compile(r"\b(?:file|archive|archival|undated)\s+(?:photo|picture|image)\b", re.I)


@dataclass(frozen=True, slots=True)
class TextMeta:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    dateline_place: str | None = None


def _clean(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    return line.strip().strip("#*_ ").strip()


def parse_date(s: str) -> str | None:
    """The first date in ``s`` (leftmost, so "date - Update: date" gives the first) as ISO 8601, else None."""
    found = sorted(((m.start(), order, m, kind) for order, (pattern, kind) in enumerate(DATE_PATTERNS)
                    for m in pattern.finditer(s)), key=lambda t: (t[0], t[1]))
    for _start, _order, m, kind in found:
        g = m.groups()
        try:
            if kind == "ymd":
                y, mo, d = int(g[0]), int(g[2]), int(g[3])
                hh, mm = (int(g[4]), int(g[5])) if g[4] else (None, None)
            elif kind in ("tmdy", "tdmy"):
                hh, mm = _clock(g[0], g[1], g[2])
                if kind == "tmdy":
                    mo, d, y = MONTHS[g[3].lower().rstrip(".")], int(g[4]), int(g[5])
                else:
                    d, mo, y = int(g[3]), MONTHS[g[4].lower().rstrip(".")], int(g[5])
            elif kind == "mdy":
                mo, d, y = MONTHS[g[0].lower().rstrip(".")], int(g[1]), int(g[2])
                hh, mm = _clock(g[3], g[4], g[5])
            elif kind == "dmy":
                d, mo, y = int(g[0]), MONTHS[g[1].lower().rstrip(".")], int(g[2])
                hh, mm = _clock(g[3], g[4], g[5])
            elif kind == "dotted":
                d, mo, y = int(g[0]), int(g[1]), int(g[2])
                hh, mm = (int(g[3]), int(g[4])) if g[3] else (None, None)
            elif kind == "slashed":
                a, b, y = int(g[0]), int(g[1]), int(g[2])
                mo, d = (a, b) if a <= 12 else (b, a)
                hh, mm = (int(g[3]), int(g[4])) if g[3] else (None, None)
            else:  # month year
                return f"{int(g[1]):04d}-{MONTHS[g[0].lower().rstrip('.')]:02d}"
            datetime(y, mo, d)
        except (ValueError, KeyError):
            continue
        if hh is not None and mm is not None and 0 <= hh < 24 and 0 <= mm < 60:
            return f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}"
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _clock(h: str | None, m: str | None, ampm: str | None) -> tuple[int | None, int | None]:
    if not h or not m:
        return None, None
    hour = int(h)
    if ampm:
        pm = ampm.lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    return hour, int(m)


def _is_date_line(line: str) -> bool:
    """A line that is mostly a date (a printed date line, not a sentence)."""
    if len(line) > 80 or not parse_date(line):
        return False
    words = re.findall(r"[A-Za-z]+", line)
    filler = {"updated", "update", "published", "posted", "on", "at", "am", "pm", "a", "p", "m", "gmt", "utc",
              "et", "est", "edt", "cet", "cest", "bst", "last", "modified"}
    content = [w for w in words if w.lower() not in filler and w.lower().rstrip(".") not in MONTHS
               and not re.fullmatch(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", w)]
    return len(content) <= 2


def _looks_like_title(line: str) -> bool:
    """Short, no colon at the end, not a section label; a long line ending in a period is a lede."""
    words = line.split()
    if line.endswith(".") and len(words) > 18:
        return False
    return 0 < len(words) <= 30 and not line.endswith(":") and not _SECTION_LABEL.match(line)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Country, capital and large-city names, lower-cased: a place alone is never an outlet."""
    names: set[str] = set()
    try:
        world = json.loads(WORLD_PATH.read_text(encoding="utf-8"))
        for country in world["countries"].values():
            names.update(country["names"])
            names.update(country["capitals"])
        names.update(json.loads(CITIES_PATH.read_text(encoding="utf-8"))["cities"])
    except (OSError, ValueError, KeyError):  # pragma: no cover - resources ship with the package
        pass
    return frozenset(n.lower() for n in names)


def _is_place(name: str) -> bool:
    return name.strip(" .").lower() in _places()


def _byline_outlet(part: str) -> bool:
    """A byline's trailing part that names the publication, not a role, place or date ("Jane Doe, Ledger")."""
    return (1 <= len(part.split()) <= 5 and not _JOURNALIST_ROLE.search(part) and not _AFFILIATION_ROLE.search(part)
            and not _is_place(part) and not parse_date(part) and not _SECTION_LABEL.match(part)
            and part[0].isupper())


def _split_author(raw: str) -> tuple[str | None, str | None]:
    """'Jane Doe, Reuters' -> ('Jane Doe', 'Reuters'); 'Jane Doe and John Roe' stays whole;
    'Jane Doe in Lisbon', 'Jane Doe, Senior Correspondent', 'Jane Doe, Lisbon' -> ('Jane Doe', None)."""
    raw = _clean(raw).split(";")[0].strip()  # "Reporting by Jane Doe; Editing by John Roe"
    raw = re.split(r"\s+[|•·]\s+", raw)[0] if re.search(r"\s[|•·]\s", raw) else raw
    if parse_date(raw):
        raw = re.split(r",?\s*" + _MONTH, raw)[0].strip(" ,")
    parts = [_BYLINE_PLACE.sub("", p.strip()) for p in raw.split(",") if p.strip()]
    if not parts:
        return None, None
    names = [n for n in re.split(r",\s*|\s+and\s+|^and\s+", ", ".join(parts)) if n]
    if len(parts) > 1 and re.search(r"(?:^|\s)and\s", parts[-1]) and all(_PERSON.match(n) for n in names):
        return ", ".join(parts), None  # "Jane Doe, John Roe and Ann Poe": several authors
    author = parts[0]
    outlet = next((p for p in parts[1:] if _byline_outlet(p)), None)
    if not re.search(r"[A-Za-z]", author) or len(author.split()) > 8:
        return None, None
    if _GENERIC_AUTHOR.match(author):  # "By Staff Reporter", "By Our Correspondent": no person named
        return None, outlet
    return author, outlet


_MASTHEAD_WORD = re.compile(r"^(?:[A-Z][\w'’.&-]*|of|the|and|for|on|de|du|la|le|&)$")


def _masthead(line: str) -> tuple[str, str | None] | None:
    """A publication-name line ("The Harbour Ledger", "Atlas Policy Review, March 2024",
    "Harbour Ledger | Lisbon, 3 May 2024", "Courrier du Port – English edition",
    "Harbour Review | The Long Read | April 2024"); never a place or a section label alone."""
    if len(line) > 200:
        return None
    pieces = _SEPARATORS.split(line)
    dated: str | None = None
    if len(pieces) > 1:
        name = pieces[0]
        for piece in pieces[1:]:  # each other piece: a date, or a short edition / section label
            if when := parse_date(piece) or parse_date(piece.strip()):
                dated = dated or when
            elif len(piece.split()) > 4:
                return None
    else:
        name, _, rest = line.partition(",")
        dated = parse_date(rest.strip()) if rest else None
        if rest and not dated:
            return None
    words = name.split()
    if not 1 <= len(words) <= 5 or name.endswith((".", ":", "?", "!")) or _SECTION_LABEL.match(name):
        return None
    if _is_date_line(name) or name.isupper() or not all(_MASTHEAD_WORD.match(w) for w in words):
        return None
    if words[0].lower() in {"by", "posted", "updated", "published"} or words[0].lower().rstrip(".") in MONTHS:
        return None
    if words[-1].lower() in {"desk", "team", "staff"}:  # a newsroom desk, not the publication
        return None
    if re.fullmatch(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", words[0]) or _is_place(name):
        return None
    return name.strip(), dated


def _dateline_date(m: re.Match[str], text: str) -> str | None:
    """The date a wire dateline gives ("PARIS, 6 Aug 2025 (Agency) -"). Without a year, the year is the
    one, near a year the text names, on which that day falls on the weekday the lede names ("on Tuesday")."""
    raw = m.group("md") or m.group("dm")
    if not raw:
        return None
    if full := parse_date(raw):
        return full
    day_month = re.match(rf"({_MONTH})\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTH})", raw, re.I)
    if day_month is None:
        return None
    month = MONTHS.get((day_month.group(1) or day_month.group(4)).lower().rstrip("."))
    day = int(day_month.group(2) or day_month.group(3))
    lede = m.string[m.end():m.end() + 400]
    weekdays = {w.lower() for w in re.findall(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", lede)}
    years = {int(y) + k for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text) for k in (-1, 0, 1)}
    if month is None or len(weekdays) != 1:
        return None
    weekday = weekdays.pop() + "day"
    fits = set()
    for year in years:
        try:
            if _WEEKDAYS[datetime(year, month, day).weekday()] == weekday:
                fits.add(year)
        except ValueError:
            continue
    return f"{fits.pop():04d}-{month:02d}-{day:02d}" if len(fits) == 1 else None


def extract_text_meta(text: str) -> TextMeta:
    """Read title, author, outlet, published date and dateline from the header zone of ``text``."""
    lines = [ln for ln in (_clean(raw) for raw in text.split("\n")) if ln]
    header = lines[:HEADER_LINES]
    title: str | None = None
    for i, line in enumerate(header[:3]):
        if _looks_like_title(line) and not _is_date_line(line) and not _BYLINE.match(line):
            title = line
            break
        if i == 0 and not _SECTION_LABEL.match(line):
            break
    author = outlet = published = place = None
    updated = piped_outlet = dateline_day = None
    paragraphs = 0
    for i_line, line in enumerate(header):
        # Once the body has started (a second paragraph, or a "Key dates"-style list),
        # dates and names are content, not metadata. One long line may be a photo caption.
        if len(line.split()) > 30:
            paragraphs += 1
            if place is None and (m := _DATELINE.match(line)):  # a wire dateline opens the first paragraph
                place = m.group(1).strip().title()
                outlet = outlet or (m.group("agency").strip() if m.group("agency") else None)
                dateline_day = _dateline_date(m, text)
            if paragraphs >= 2:
                break
            continue
        if re.match(r"^(?:key dates|timeline|chronology|key facts)\b", line, re.I):
            break
        if author is None and (m := _BYLINE.match(line)) and len(line) < 120:
            author, by_outlet = _split_author(m.group(1))
            outlet = outlet or by_outlet
            for part in re.split(r"\s+[|•·]\s+", _clean(m.group(1)))[1:]:  # "By Jane Doe | The Ledger"
                if not parse_date(part) and (mast := _masthead(part)):  # (or a place: a masthead line wins)
                    piped_outlet = piped_outlet or mast[0]
            if published is None and re.search(r"\s[|•·]\s", line):
                published = parse_date(line)
            continue
        if author is None and (affiliated := _affiliation(line)):  # "Jane Doe, Senior Fellow, Institute"
            author, org = affiliated
            outlet = outlet or org
            continue
        if outlet is None and paragraphs == 0 and i_line <= 6 and line != title and (mast := _masthead(line)):
            outlet, dated = mast
            published = published or dated
            continue
        if outlet is None and (m := _OUTLET_LINE.match(line)):
            outlet = _clean(m.group(1))
            continue
        if published is None and _is_date_line(line) and not _PERIOD.search(line):
            # "29.05.2017 - Update : 30.05.2017": the first date is the publication
            # ("Published 3 May 2024 | Updated 4 May 2024" too, in either order); a line that is only an
            # update stamp ("Updated August 6, 2025 — 5.48pm") gives a fallback
            pieces = re.split(r"\s[-–—|]\s", line) if _UPDATED.search(line) else [line]
            first = next((pc for pc in pieces if re.match(r"\s*(?:first\s+)?(?:published|posted)\b", pc, re.I)
                          and parse_date(pc)), pieces[0])
            if _UPDATED.match(first.strip()):
                updated = updated or parse_date(line)
                continue
            published = parse_date(first)
            continue
        if place is None and (m := _DATELINE.match(line)):
            place = m.group(1).strip().title()
            if m.group("agency") and outlet is None:
                outlet = m.group("agency").strip()
            dateline_day = _dateline_date(m, text)
        elif place is None and re.fullmatch(r"[A-Z][A-Z .'\-]{2,30}", line) and len(line.split()) <= 3:
            place = line.title()
    outlet = outlet or piped_outlet or _newsletter_name(title, header)
    for line in lines[-3:]:
        # "Jane Doe is a columnist for ...": the byline printed as a bare name line is the author, not a masthead
        if author is None and (m := _BIO_SUBJECT.match(line)) and (m.group(1) in header[:8] or m.group(2) in {
                "columnist", "contributor", "commentator", "writer"}):
            author = m.group(1)
            outlet = None if outlet == author else outlet
    if outlet is None:
        for line in lines[-6:]:
            if m := (_COPYRIGHT.search(line) or _BIO.search(line) or _DISCLAIMER.search(line)):
                outlet = m.group(1).strip(" .")
                break
            if (m := _BIO_OUTLET_FIRST.search(line)) and not {
                    w.lower() for w in m.group(1).split()} & _ROLE_WORDS:
                outlet = m.group(1).strip()
                break
    outlet = outlet or _told_outlet(text)
    author = author or _signature(lines) or _foot_byline(lines)
    published = (published or dateline_day or updated or _url_date(header + lines[-4:])
                 or _live_day(lines, text))
    return TextMeta(title=title, author=author, outlet=outlet, published=published, dateline_place=place)


def _newsletter_name(title: str | None, header: list[str]) -> str | None:
    """A newsletter's title opens with its own name ("The Morning Pouch: three things ..."), and the header
    says it is a newsletter."""
    if not title or not any(re.search(r"\bnewsletter\b", ln, re.I) for ln in header[:8]):
        return None
    name, colon, _ = title.partition(":")
    if not colon or not name.startswith("The ") or not 2 <= len(name.split()) <= 5:
        return None
    return name if all(_MASTHEAD_WORD.match(w) for w in name.split()) and not _is_place(name[4:]) else None


def _foot_byline(lines: list[str]) -> str | None:
    """A wire credit closing the text: "Reporting by Jane Doe in Lisbon; Editing by John Roe"."""
    for line in lines[-3:]:
        if m := _FOOT_BYLINE.match(line):
            author, _ = _split_author(m.group(1))
            return author
    return None


def _affiliation(line: str) -> tuple[str, str | None] | None:
    """A bare author line with a role, and an institution: ("Jane Doe", "Centre for Port Studies");
    "Jane Doe, Political Correspondent" (a newsroom role alone) names the author too."""
    parts = [p.strip() for p in line.split(",")]
    if len(parts) < 2 or len(line.split()) > 25 or not _PERSON.match(parts[0]):
        return None
    if len(parts) == 2:
        return (parts[0], None) if len(parts[1].split()) <= 4 and _JOURNALIST_ROLE.search(parts[1]) else None
    if not _AFFILIATION_ROLE.search(parts[1]):
        return None
    org = parts[-1] if _masthead(parts[-1]) and not _AFFILIATION_ROLE.search(parts[-1]) else None
    return parts[0], org


def _told_outlet(text: str) -> str | None:
    """The one publication a source "told" (reporters credit their own paper so), else None."""
    names = {m.group(1).strip() for m in _TOLD.finditer(text)}
    names = {re.sub(r"^the\s+", "The ", n) for n in names}
    if len(names) != 1:
        return None
    name = names.pop()
    bare = re.escape(re.sub(r"^The\s+", "", name))
    if re.search(_OTHER_OUTLET.format(name=rf"(?:The\s+)?{bare}"), text, re.I):
        return None
    return name


def _signature(lines: list[str]) -> str | None:
    """An author signature closing the text: "• Jane Doe", "— Jane Doe"."""
    for line in lines[-2:]:
        if (m := _SIGNATURE.match(line)) and not {w.lower() for w in m.group(1).split()} & _NOT_A_NAME:
            return m.group(1)
    return None


def _url_date(lines: list[str]) -> str | None:
    """The date in the article's own URL, printed alone or after a label ("Original url: ...")."""
    from newsprism.ingest.urlmeta import date_from_url

    for line in lines:
        if (m := _URL_LINE.search(line)) and len(_URL_LINE.sub(" ", line).split()) <= 3:
            if date := date_from_url(m.group(1)):
                return date
    return None


def _live_day(lines: list[str], text: str) -> str | None:
    """Narrow fallback for a live blog without a date line (see the module docstring)."""
    unquoted = _QUOTED.sub(" ", text)
    if not (_DEICTIC.search(unquoted) or len(_CLOCK_LINE.findall(text)) >= 2):
        return None
    paragraphs = [ln for ln in lines[:12] if len(ln.split()) > 12][:3]
    for para in paragraphs:
        if _FILE_PHOTO.search(para):
            continue
        for m in _CAPTION_DATE.finditer(para):
            weekday, g = m.group(1), m.groups()
            try:
                if g[1]:
                    day = datetime(int(g[3]), MONTHS[g[1].lower().rstrip(".")], int(g[2]))
                else:
                    day = datetime(int(g[6]), MONTHS[g[5].lower().rstrip(".")], int(g[4]))
            except (ValueError, KeyError):
                continue
            if weekday and _WEEKDAYS[day.weekday()] != weekday.lower():
                continue
            return day.strftime("%Y-%m-%d")
    return None
