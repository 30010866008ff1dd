"""The ``newsprism_timexes`` component: TIMEX3 time expressions normalized to TimeML values.

The work is done by :func:`find_timexes`, a pure-Python, regex-driven core (no spaCy, no
dateparser: patterns are cheap and dateparser is ~1000x slower), so it can be tested and
scored on raw text. The spaCy component only feeds it ``doc.text`` and the document date.

Resolution rules (TempEval-3 / TimeML conventions), documented here because they are choices:

* Deictic expressions (today, yesterday, last week, this spring, three years ago, weekdays)
  resolve against the document date (``anchor="dct"``).
* Anaphoric expressions (two days later, the next day, the same day, that year, the day
  before) resolve against the last day-precise date mentioned earlier in the text, falling back
  to the document date (``anchor="last"``).
* A bare weekday ("on Monday") takes the nearest such day to the document date: on or before
  it when the nearest verb cue in the sentence is past tense, on or after it when future
  ("will", "next", "scheduled"), else the closest within +-3 days ("last Monday" is strictly
  before, "next Monday" strictly after). Items of a list under a forward-looking heading
  ("COMING UP", "Next week:", "What to watch") are ahead.
* "The following year", "later that year", "a week later" count from the last date mentioned at
  whatever granularity ("in 1962 ... the following year" is 1963), not from an earlier day.
* A date and a clock time written as one timestamp ("6 August 2025 — 5.48pm") are one TIME.
* A month or month-day without a year ("in March", "May 29") takes the year of an explicit
  year earlier in the same sentence, else the document year moved by tense (past: the latest
  such date not after the document date; future: the earliest not before it).
* A clock time takes the date of a day-precise date in the same sentence, else the document
  date (live-blog timelines).
* Without a document date, values keep what the text gives ("XXXX-05-29", "XXXX-WXX-1") and
  purely relative dates become PAST_REF / PRESENT_REF / FUTURE_REF.

Spans follow TimeML extents: modifiers such as "last", "next", "early", "the end of",
"more than" are inside; leading prepositions ("on", "in", "at") are outside.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

# --------------------------------------------------------------------------- lexicon

_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}
_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "another": 1, "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0, "a half": 0,
}
_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}
# unit -> (TimeML letter, multiplier, time part?)
_UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "sec": ("S", 1, True), "minute": ("M", 1, True), "min": ("M", 1, True),
    "hour": ("H", 1, True), "hr": ("H", 1, True), "day": ("D", 1, False), "night": ("D", 1, False),
    "week": ("W", 1, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "year": ("Y", 1, False), "yr": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False), "millennium": ("Y", 1000, False),
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)"
)
_WD_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon\.|tues?\.|wed\.|thurs?\.|fri\.|sat\.|sun\.)"
)
_SMALL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen)"
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUM_RE = (
    rf"(?:\d+(?:\.\d+)?|{_TENS}(?:[\s-]{_SMALL})?|{_SMALL}|an?|a\s+dozen|dozen|a\s+couple(?:\s+of)?"
    r"|a\s+few|few|several|many|some|another|(?:one\s+|a\s+)?hundred|dozens\s+of|hundreds\s+of|half\s+an?"
    r"|(?:a|one|three)\s+quarters?\s+of\s+an?)"
)
_UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))"
_QMOD_RE = (
    r"(?:(?:just\s+)?(?:more|less|fewer)\s+than|nearly|almost|about|around|roughly|approximately|at\s+least"
    r"|at\s+most|(?:just\s+)?over|(?:just\s+)?under|up\s+to|some|only|barely|a\s+full)"
)
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_TZ_RE = (
    r"(?:\s*\(?(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST"
    r"|AEST|AEDT|HKT|SGT|WIB|Z)\b\)?|\s+local\s+time|\s+\(local\s+time\))?"
)
_AMPM_RE = r"(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b)"

_FLAGS = re.IGNORECASE


def _num(word: str) -> int | None:
    """Spelled or digit number -> int; None for vague quantities (several, a few)."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(r"\d+", w):
        return int(w)
    if re.fullmatch(r"\d+\.\d+", w):
        return None
    if w in _NUMBERS:
        return _NUMBERS[w]
    parts = re.split(r"[\s-]", w)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]
    return None


def _unit(word: str) -> tuple[str, int, bool]:
    w = word.lower().rstrip(".")
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("ia"):
        w = w[:-1] + "um"
    elif w.endswith("s") and w[:-1] in _UNITS:
        w = w[:-1]
    return _UNITS[w]


def _duration(n: int | float | None, unit_word: str) -> str:
    letter, mult, timepart = _unit(unit_word)
    if n == 0:  # "half a year", "half an hour"
        if letter == "Y" and mult == 1:
            return "P6M"
        if letter == "H":
            return "PT30M"
        if letter == "D":
            return "PT12H"
        n_s = "0.5"
        return f"P{'T' if timepart else ''}{n_s}{letter}"
    if n is None and mult in (10, 100):
        return "PXDE" if mult == 10 else "PXCE"  # "decades", "centuries"
    n_s = "X" if n is None else str(int(n) * mult)
    return f"P{'T' if timepart else ''}{n_s}{letter}"


# --------------------------------------------------------------------------- anchors and context


@dataclass
class _Anchor:
    """Document date at the precision given: year, month and day may each be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: dt.date | str | None) -> _Anchor:
        if value is None:
            return cls()
        if isinstance(value, dt.datetime):
            return cls(value.year, value.month, value.day)
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(value))
        if not m:
            return cls()
        y, mo, d = m.group(1), m.group(2), m.group(3)
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    def approx(self) -> dt.date | None:
        """A comparable date even at month/year precision (mid-month, mid-year)."""
        if not self.year:
            return None
        return dt.date(self.year, self.month or 7, self.day or (15 if self.month else 1))


@dataclass
class _Ctx:
    text: str
    anchor: _Anchor
    sent_starts: list[int]
    ref: dt.date | None = None  # last day-precise date mentioned
    ref_year: int | None = None  # last explicit year mentioned
    ref_year_sent: int = -1
    day_dates: list[tuple[int, int, dt.date]] = field(default_factory=list)  # (sent, start, date)
    ref_month: tuple[int, int] | None = None  # (year, month) of the last month-precise date mentioned
    last_value: str | None = None  # value of the last calendar DATE mentioned, at its own granularity
    last_pos: int = -1  # where last_value was mentioned
    ref_pos: int = -1  # where ref was mentioned (-1: the document date)
    hint: TenseHint | None = None  # the parse's tense for a span, when running as a component

    def sent_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

    def sentence(self, pos: int) -> tuple[int, int]:
        i = self.sent_of(pos)
        start = self.sent_starts[i]
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return start, end


Resolved = tuple[str, str, str | None]  # (type, value, anchor kind)
TenseHint = Callable[[int, int], "int | None"]  # (start, end) -> -1 past, +1 future, 0 present, None unknown
Resolver = Callable[[_Ctx, int, int], Resolved | None]


@dataclass
class _Cand:
    start: int
    end: int
    resolve: Resolver
    prio: int = 0
    kind: str = ""


# --------------------------------------------------------------------------- tense


_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|wo n't|shall|would|going\s+to|to\s+be\s+\w+ed|is\s+to|are\s+to|set\s+to|due\s+to|plans?\s+to|planning"
    r"|scheduled|(?:is|are|be)\s+expected|upcoming|coming|next|later\s+this|to\s+be\s+held|would\s+like|hopes?\s+to|intends?"
    r"|expires?|takes?\s+effect|due\s+(?:in|on|by|to)|(?-i:may|might|could|should|must))\b"
    r"|'ll\b",
    _FLAGS,
)
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|said|told|met|held|came|went|took|gave|made|spoke|left|began|won|lost|saw|"
    r"ago|last|earlier|previous|former|\w{3,}ed)\b",
    _FLAGS,
)
# "tweeted ahead of the meeting on Monday": ahead of the reported act, not of the document date; as
# the nearest cue it only blocks the tense of a farther verb
_NEUTRAL_CUE = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to)\b", _FLAGS)
_NOT_PAST = {"scheduled", "expected", "planned", "proposed", "needed", "intended", "united", "based",
             "related", "limited", "advanced", "detailed", "concerned", "interested", "armed", "red"}


_REPORTING = {"said", "told", "added", "noted", "wrote", "stressed", "insisted", "explained", "stated", "argued"}
_ATTRIBUTION_END = re.compile(r"\s*(?:[.;,]|$|(?:in|on|at|during|after|before|from)\s)", _FLAGS)
_QUOTE_OPEN = re.compile(r"[«“\"‘:]")
_PARTICIPLE_AFTER = re.compile(r"\s+by\b", _FLAGS)
_AUX_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|has|have|not|get|gets)\s+$", _FLAGS)
_PREP_TENSE = re.compile(
    r"\b(?:(?P<f>until|till|by|before|for)|(?P<p>since))\s+(?:next\s+|this\s+|the\s+)?"
    rf"(?:\d{{1,2}}(?:[:.]\d\d\s*{_AMPM_RE}?|\s*{_AMPM_RE})\s+on\s+)?"  # "until 11:59 p.m. on 30 September"
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close)\s+of\s+)?$",  # "before the end of April"
    _FLAGS,
)
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|because|while|although|though|but|where)\b"
    r"|,\s+and\s+(?=(?:the|its|his|her|their|a|an|he|she|they|it|we)\b|(?-i:[A-Z]))", _FLAGS)  # a new clause


# a section heading announcing what is ahead: "COMING UP", "Next week:", "What to watch", "The week ahead"
_AHEAD_HEADING = re.compile(
    r"(?:coming\s+up|up\s*next|next\s+week|week\s+ahead|days\s+ahead|(?:looking|look)\s+ahead|what\s+to\s+watch"
    r"|what\s+to\s+expect|what['’]s\s+(?:next|ahead|coming)|watch\s+(?:for|out\s+for)|upcoming|forthcoming|agenda"
    r"|schedule|diary|calendar|on\s+the\s+horizon|key\s+dates|dates\s+to\s+watch|outlook|preview|next\s+steps)"
    r"(?:\s+this\s+week)?\s*[:!]?$",
    _FLAGS,
)
# a list item or agenda line: a bullet, or a day/date label ("Monday: ...", "14 March - ...")
_ITEM_LINE = re.compile(
    rf"\s*(?:[-*•·–—►▪]|\d{{1,2}}[.)]\s|(?:{_WD_RE}|{_MONTH_RE}|\d{{1,2}}\s+{_MONTH_RE})[^\n:–—-]{{0,24}}[:–—-])",
    _FLAGS,
)


def _heading_tense(text: str, pos: int) -> int:
    """+1 when ``pos`` is in a list or agenda block under a forward-looking heading ("COMING UP"), else 0.

    Agenda items are written in the present ("Monday: ministers meet in Brussels") and their days are
    the coming ones; the heading may also open the line itself ("Next week: ...").
    """
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[line_start:pos]
    colon = head.find(":")
    if 0 < colon <= 40 and _AHEAD_HEADING.search(head, 0, colon + 1):
        return 1  # "Next week: Monday, the council meets ..."
    if not _ITEM_LINE.match(text, line_start):
        return 0
    end = line_start - 1
    for _ in range(12):  # back over the block's other items and blank lines to its heading
        if end <= 0:
            return 0
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line or _ITEM_LINE.match(line):
            continue
        return 1 if len(line) <= 60 and _AHEAD_HEADING.search(line) else 0
    return 0


# "a third round, planned for September, was postponed": the plan's date is ahead of the plan, not of today
_REDUCED_RELATIVE = re.compile(r",\s*(?:originally\s+|initially\s+|first\s+)?(?:planned|scheduled|slated|set|due)\s+$",
                               _FLAGS)


def _tense(ctx: _Ctx, start: int, end: int) -> int:
    """-1 past, +1 future, 0 unknown: the verb cue nearest to the expression in its sentence."""
    prep = _PREP_TENSE.search(ctx.text, max(0, start - 32), start)
    if prep is not None and not (prep.group("f") and _REDUCED_RELATIVE.search(ctx.text, max(0, prep.start() - 40),
                                                                               prep.start())):
        if prep.group("p"):
            return -1  # "since Friday" looks back
        if prep.group("f").lower() == "before":
            parsed = ctx.hint(start, end) if ctx.hint is not None else None  # the parse's governing verb
            if parsed is not None and parsed < 0:
                return -1  # "discounting before Christmas drew shoppers": before a past act
        return 1  # "until Friday", "by Friday", "before the end of April" look ahead
    if _heading_tense(ctx.text, start) > 0:
        return 1
    if ctx.hint is not None:
        parsed = ctx.hint(start, end)  # the governing verb's tense/aspect, from the parse
        if parsed is not None:
            return parsed
    return _cue_tense(ctx, start, end)


def _cue_tense(ctx: _Ctx, start: int, end: int) -> int:
    """-1 past, +1 future, 0 unknown from the nearest verb cue in the expression's clause (no parse)."""
    s, e = ctx.sentence(start)
    sub = _SUBORDINATE.search(ctx.text, end, e)
    if sub is not None:
        e = sub.start()  # "told the radio on Monday that he expected...": the clause after is not its verb
    quote = _QUOTE_OPEN.search(ctx.text, end, e)
    if quote is not None:
        e = quote.start()  # what follows "told lawmakers:" is the speaker's own tense frame
    best: tuple[int, int] | None = None
    sent = ctx.text[s:e]
    for rx, sign in ((_FUTURE_CUE, 1), (_PAST_CUE, -1), (_NEUTRAL_CUE, 0)):
        for m in rx.finditer(sent):
            a, b = m.start() + s, m.end() + s
            if start <= a < end:
                continue  # the expression's own words ("last Monday") are handled by the rule
            if sign < 0 and m.group(0).lower() in _NOT_PAST:
                continue
            if sign < 0 and a >= end and m.group(0).lower() in _REPORTING and _ATTRIBUTION_END.match(ctx.text, b):
                continue  # "... in January, the ministers said": attribution, not the event's verb
            if sign < 0 and m.group(0).lower().endswith("ed") and (
                    _AUX_BEFORE.search(ctx.text, max(0, a - 12), a) or _PARTICIPLE_AFTER.match(ctx.text, b)
                    or ctx.text[max(0, a - 2):a].strip() == ","):
                continue  # "will be published", ", followed by": the -ed word is not a past-tense verb  # "will be published": the auxiliary carries the tense
            dist = a - end if a >= end else start - b
            if best is None or dist < best[0]:
                best = (dist, sign)
    return best[1] if best else 0


# --------------------------------------------------------------------------- value helpers


def _iso(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _shift(d: dt.date, n: int, letter: str, mult: int, timepart: bool) -> str | None:
    """Date ``n`` units from ``d`` at the unit's granularity (days -> date, weeks -> week...)."""
    if timepart:
        return _iso(d)
    if letter == "D":
        return _iso(d + dt.timedelta(days=n))
    if letter == "W":
        return _week(d + dt.timedelta(weeks=n * mult))
    if letter == "M":
        y, m = _add_months(d.year, d.month, n)
        return f"{y:04d}-{m:02d}"
    years = d.year + n * mult
    if mult == 100:
        return f"{years // 100:02d}"
    if mult == 10:
        return f"{years // 10:03d}"  # "two decades ago": the decade (TimeML's granularity of the unit)
    return f"{years:04d}"


def _last_period(ctx: _Ctx) -> tuple[int, int | None] | None:
    """(year, month or None) of the last calendar date mentioned, when it is at least as recent as the
    last day-precise one: "in 1962 ... the following year" counts from 1962, not from an earlier day."""
    if ctx.last_value is None or ctx.last_pos < ctx.ref_pos:
        return None
    m = _CAL_VALUE.match(ctx.last_value)
    if m is None:
        return None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) else None)


def _pick_year(ctx: _Ctx, start: int, end: int, month: int, day: int | None) -> int | None:
    """Year of a month(-day) without one: same-sentence explicit year, else the anchor by tense."""
    a = ctx.anchor
    if ctx.ref_year is not None and ctx.ref_year_sent == ctx.sent_of(start):
        if not (a.year and ctx.ref_year < a.year and _tense(ctx, start, end) > 0):
            return ctx.ref_year
    if a.year is None:
        return None
    if a.month is None:
        return a.year
    if day is None or a.day is None:
        later, earlier = month > a.month, month < a.month
    else:
        later, earlier = (month, day) > (a.month, a.day), (month, day) < (a.month, a.day)
    t = _tense(ctx, start, end)
    if t < 0 and later:
        return a.year - 1
    if t > 0 and earlier:
        return a.year + 1
    return a.year


def _ymd(y: int | None, m: int, d: int | None) -> str:
    ys = f"{y:04d}" if y else "XXXX"
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        dt.date(y or 2000, m, d)
    except ValueError:
        return False
    return True


def _note_date(ctx: _Ctx, start: int, y: int | None, m: int | None, d: int | None, explicit_year: bool) -> None:
    if explicit_year and y:
        ctx.ref_year, ctx.ref_year_sent = y, ctx.sent_of(start)
    if y and m and d:
        try:
            day = dt.date(y, m, d)
        except ValueError:
            return
        ctx.ref, ctx.ref_pos = day, start
        ctx.day_dates.append((ctx.sent_of(start), start, day))


# --------------------------------------------------------------------------- pattern handlers

_Handler = Callable[[re.Match[str], str], "_Cand | None"]
_PATTERNS: list[tuple[re.Pattern[str], _Handler, int]] = []


@dataclass(frozen=True)
class _Scan:
    r"""How to find a pattern's matches without running it over every character of the text.

    Scanning ~40 case-insensitive patterns that start with ``\b`` position by position was most of
    the component's time; each pattern names a word every match must hold (case-insensitively), so
    it is run only on texts holding one (``words``/``gate``, looked up in the lowercased text), or
    tried only at the word starts just before where its keyword occurs (``key``; ``back`` is how
    many whitespace-separated tokens a match may start before its keyword). Either way the matches
    are exactly those of ``finditer`` over the whole text.
    """

    words: tuple[str, ...] = ()  # run the pattern only when one of these is in the lowercased text
    gate: re.Pattern[str] | None = None  # ... and this matches the lowercased text
    key: str | None = None  # a _KEYS entry: try the pattern only near those keywords
    back: int = 0


_SCANS: list[_Scan | None] = []  # parallel to _PATTERNS; None: scan the whole text


def _pattern(rx: str, prio: int = 0, *, words: tuple[str, ...] = (), gate: str | None = None,
             key: str | None = None, back: int = 0) -> Callable[[_Handler], _Handler]:
    def deco(fn: _Handler) -> _Handler:
        _PATTERNS.append((re.compile(rx, _FLAGS), fn, prio))
        scan = None
        if words or gate or key:
            scan = _Scan(words, re.compile(gate) if gate else None, key, back)
        _SCANS.append(scan)
        return fn

    return deco


# Keywords in the lowercased text: every match of a keyed pattern holds one, at most ``back``
# whitespace-separated tokens after the match's start. Word keywords (found with str.find, far
# cheaper than a regex alternation) count only at a word start: hits inside words ("market", or
# "Monday" for "day") are dropped. The clock and year keys are regexes that consume one character,
# so finditer sees every position. Extra hits only cost time.
_KEYS: dict[str, tuple[str, ...] | re.Pattern[str]] = {
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "weekday": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    "unit": ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "centur",
             "millenni"),
    "daypart": ("day", "morning", "afternoon", "evening", "night", "week", "month", "year"),
    "ref": ("now", "currently", "present", "days", "moment", "recent", "formerly", "past", "future", "coming"),
    "set": ("every", "each", "daily", "weekly", "monthly", "yearly", "annual", "hourly", "nightly", "quarterly",
            "biannual", "biennially", "biweekly", "fortnightly"),
    "earlier": ("earlier", "later", "day"),
    "ago": ("ago",),
    "long": re.compile(r"long"),
    "year": re.compile(r"1(?=[5-9]\d\d)|2(?=[01]\d\d)"),
    "ampm": re.compile(r"\d(?=\s*[ap][.m])"),
    "h24": re.compile(r"\d(?=[:h][0-5]\d|\d\d\d\s?(?:gmt|utc|hrs|hours))"),
    "dotted": re.compile(r"\d(?=\.\d\d\s*[a-z])"),
}
# characters that match an ASCII letter case-insensitively but do not lowercase to it one-for-one
# (İ, ı, ſ, Kelvin K): texts holding one are scanned the plain way
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
_AFTER_NONWORD = re.compile(r"(?<!\w)")
_WORD_START = re.compile(r"(?<!\w)\w")
_BACK: dict[int, re.Pattern[str]] = {}  # on the reversed text: the rest of the token, then n tokens


def _back_rx(n: int) -> re.Pattern[str]:
    rx = _BACK.get(n)
    if rx is None:
        rx = _BACK[n] = re.compile(rf"\S*(?:\s+\S+){{0,{n}}}")
    return rx


def _find_all(text: str, words: tuple[str, ...]) -> list[int]:
    """Every position where one of ``words`` occurs in ``text``."""
    out: list[int] = []
    find = text.find
    for w in words:
        i = find(w)
        while i >= 0:
            out.append(i)
            i = find(w, i + 1)
    return out


class _Scanner:
    """Per-text keyword hits and candidate start positions, shared by the patterns of one text."""

    def __init__(self, text: str, low: str) -> None:
        self.text = text
        self.low = low
        self.rev = ""  # the text reversed, to look back over tokens with a regex
        self.hits: dict[str, list[int]] = {}
        self.starts: dict[tuple[str, int], list[int]] = {}

    def matches(self, rx: re.Pattern[str], scan: _Scan) -> list[re.Match[str]]:
        """``list(rx.finditer(text))``, found cheaply."""
        if scan.key is None:
            low = self.low
            if (scan.words and not any(w in low for w in scan.words)) or (scan.gate and not scan.gate.search(low)):
                return []
            return list(rx.finditer(self.text))
        out: list[re.Match[str]] = []
        end = 0
        match = rx.match
        text = self.text
        for p in self._starts(scan.key, scan.back):
            if p >= end:
                m = match(text, p)
                if m is not None:  # no pattern matches the empty string, so this is finditer's next match
                    out.append(m)
                    end = m.end()
        return out

    def _starts(self, key: str, back: int) -> list[int]:
        """Sorted word starts from ``back`` tokens before a keyword hit's token up to the hit."""
        found = self.starts.get((key, back))
        if found is not None:
            return found
        hits = self.hits.get(key)
        text = self.text
        if hits is None:
            keys = _KEYS[key]
            if isinstance(keys, re.Pattern):
                hits = [m.start() for m in keys.finditer(self.low)]
            else:
                hits = sorted({k for k in _find_all(self.low, keys) if _AFTER_NONWORD.match(text, k)})
            self.hits[key] = hits
        found = self.starts[(key, back)] = []
        if not hits:
            return found
        if not self.rev:
            self.rev = text[::-1]
        rev, n, back_rx = self.rev, len(text), _back_rx(back)
        lo = hi = -2
        for k in hits:  # ascending: merge the windows, then list each one's word starts
            b = back_rx.match(rev, n - k)
            w = k - (b.end() - (n - k)) if b is not None else 0
            if w > hi + 1:
                if hi >= 0:
                    found.extend(m.start() for m in _WORD_START.finditer(text, lo, hi + 1))
                lo = w
            hi = k
        found.extend(m.start() for m in _WORD_START.finditer(text, lo, hi + 1))
        return found


_PRE_WD = rf"(?:(?P<wd>{_WD_RE}|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)),?\s+)?"  # "Thu 12 Jun 2025"
_REL_YEAR = r"(?:,?\s+(?:of\s+)?(?P<ry>next|last|this)\s+year\b)"  # "April next year": one expression
_RY = {"next": 1, "last": -1, "this": 0}




def _month_of(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _is_cap(s: str) -> bool:
    return s[:1].isupper()


def _absolute(y: int | None, m: int, d: int | None, explicit: bool, rel_year: int | None = None) -> Resolver:
    """A calendar date; without a year, ``rel_year`` ("next year" = +1) or the tense picks it."""

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        if explicit:
            year: int | None = y
        elif rel_year is not None:
            year = ctx.anchor.year + rel_year if ctx.anchor.year else None
        else:
            year = _pick_year(ctx, start, end, m, d)
        _note_date(ctx, start, year, m, d, explicit)
        return "DATE", _ymd(year, m, d), (None if explicit else ("dct" if year else None))

    return res


def _calendar_date(m: re.Match[str], mon: str, start: int) -> _Cand | None:
    """The date a day-month(-year) match names, or None when no such day exists ("February 30")."""
    day = int(re.sub(r"\D", "", m.group("day")))
    month = _month_of(mon)
    year = int(m.group("year")) if m.group("year") else None
    if not _valid(year, month, day):
        return None
    return _Cand(start, m.end(), _absolute(year, month, day, year is not None, _RY.get((m.group("ry") or "").lower())))


@_pattern(rf"\b{_PRE_WD}(?:the\s+)?(?P<mon>{_MONTH_RE})\s+(?P<day>{_DAY_RE})\b(?:,?\s+(?P<year>{_YEAR_RE})\b|{_REL_YEAR})?", 5,
          key="month", back=3)
def _month_day(m: re.Match[str], text: str) -> _Cand | None:
    mon = m.group("mon")
    if mon[0].islower() and not m.group("year"):
        return None  # "may 29" alone in lowercase is too weak ("they may 3D-print ...")
    if text[m.end("day"):m.end("day") + 1] in ":." and re.match(r"[:.]\d", text[m.end("day"):m.end("day") + 2]):
        return None  # "May 3:15" style references, "Mar 3.5"
    if re.match(r"\s*(?:%|percent|per\s+cent)", text[m.end():], _FLAGS):
        return None
    start = m.start("wd") if m.group("wd") else m.start("mon")
    if text[m.start():m.start() + 4].lower() == "the ":
        start = m.start() if not m.group("wd") else start
    return _calendar_date(m, mon, start)


@_pattern(
    rf"\b{_PRE_WD}(?:the\s+)?(?P<day>{_DAY_RE})(?:\s+of)?\s+(?P<mon>{_MONTH_RE})(?![a-z])"
    rf"(?:,?\s+(?P<year>{_YEAR_RE})\b|{_REL_YEAR})?",
    5,
    key="month",
    back=5,
)
def _day_month(m: re.Match[str], text: str) -> _Cand | None:
    mon = m.group("mon")
    before = text[max(0, m.start() - 12):m.start()]
    if re.search(r"[$€£]\s*$|\d[.,]$", before):
        return None
    if mon.lower() == "may" and not m.group("year"):
        # "29 May" is a date, but "3 may" / "they may" is not: require capital May or a year
        if not _is_cap(mon):
            return None
        if re.match(r"\s+(?:be|have|not|also|still|well|never|soon|even|take|come|go)\b", text[m.end():]):
            return None
    elif mon[0].islower() and not m.group("year") and len(mon) <= 4:
        return None
    start = m.start("wd") if m.group("wd") else m.start("day")
    if not m.group("wd") and text[m.start():m.start() + 4].lower() == "the ":
        start = m.start()
    return _calendar_date(m, mon, start)


@_pattern(rf"(?<![\w$€£.,/])(?P<day>{_DAY_RE})(?=\s*(?:[–-]|to|and|until|till|through)\s*{_DAY_RE}(?:\s+of)?\s+"
          rf"(?P<mon>{_MONTH_RE})(?![a-z])(?:,?\s+(?P<year>{_YEAR_RE})\b|{_REL_YEAR})?)(?!\s*[–-]\s*\d+\s*(?:%|percent|per\s+cent))", 5,
          key="month", back=4)
def _range_first_day(m: re.Match[str], text: str) -> _Cand | None:
    """"13–26 February 2025", "between 3 and 5 March": the first day takes the month (and year) after the second."""
    mon = m.group("mon")
    if not _is_cap(mon) or re.match(r"\s*[–-]\s*\d+\s*-", text[m.end():]):
        return None  # a lowercase "may", or "3-4-5"
    if re.search(r"(?:\d[.,]?|[$€£]|\bNo\.?|\bpages?)\s*$", text[max(0, m.start() - 8):m.start()], _FLAGS):
        return None
    return _calendar_date(m, mon, m.start())


@_pattern(rf"\b(?P<year>{_YEAR_RE})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b(?!-\d)", 6,
          words=("-0", "-1"))
def _iso_date(m: re.Match[str], text: str) -> _Cand | None:
    y, mo, d = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
    if not _valid(y, mo, d):
        return None
    if re.match(r"T\d", text[m.end():m.end() + 2]):
        tm = re.match(r"T(\d\d):(\d\d)", text[m.end():])
        if tm:
            end = m.end() + tm.end()
            value = f"{_ymd(y, mo, d)}T{tm.group(1)}:{tm.group(2)}"

            def res_t(ctx: _Ctx, s: int, e: int) -> Resolved:
                _note_date(ctx, s, y, mo, d, True)
                return "TIME", value, None

            return _Cand(m.start(), end, res_t)
    return _Cand(m.start(), m.end(), _absolute(y, mo, d, True))


@_pattern(r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)\b(?![./]\d)", 6,
          gate=r"\d[./]\d\d?[./]\d")
def _numeric_date(m: re.Match[str], text: str) -> _Cand | None:
    a, b = int(m.group("a")), int(m.group("b"))
    ys = m.group("year")
    if len(ys) == 2:
        if m.group("sep") == ".":
            return None  # "1.5.17" is more often a version number
        y = 2000 + int(ys) if int(ys) < 50 else 1900 + int(ys)
    else:
        y = int(ys)
    if m.group("sep") == ".":
        day, mon = a, b  # European order
    elif a > 12:
        day, mon = a, b
    else:
        mon, day = a, b  # US order
    if not _valid(y, mon, day):
        return None
    return _Cand(m.start(), m.end(), _absolute(y, mon, day, True))


@_pattern(rf"\b(?P<mon>{_MONTH_RE})(?:,\s*|\s+(?:of\s+)?)(?P<year>{_YEAR_RE})\b", 4,
          key="month", back=1)
def _month_year(m: re.Match[str], text: str) -> _Cand | None:
    mon = m.group("mon")
    if mon.lower() == "may" and not _is_cap(mon):
        before = text[max(0, m.start() - 6):m.start()]
        if not re.search(r"(?:\d(?:st|nd|rd|th)?\s+|(?:^|\n)[ \t]*)$", before, _FLAGS):
            return None
    if not _is_cap(mon) and len(mon) <= 4 and not re.search(r"(?:^|\n)[ \t]*$", text[max(0, m.start() - 40):m.start()]):
        return None
    if re.match(r"\s*(?:%|percent|,\d)", text[m.end():], _FLAGS):
        return None
    month, year = _month_of(mon), int(m.group("year"))
    return _Cand(m.start(), m.end(), _absolute(year, month, None, True))


_BARE_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|from|to|through|before|after|of|early|late|mid|last|next|this"
    r"|that|each|every|until|between|and|or|around|throughout|on|for)\s+|\bmid-|\bend-)$",
    _FLAGS,
)
_SAFE_MONTHS = {"january", "february", "september", "october", "november", "december"}


@_pattern(rf"\b(?P<rel>(?:last|next|this|past|coming|that)\s+)?(?P<mon>{_MONTH_RE})(?![\w-]|['’](?!s\b)){_REL_YEAR}?", 2,
          key="month", back=2)
def _bare_month(m: re.Match[str], text: str) -> _Cand | None:
    mon = m.group("mon")
    if not _is_cap(mon) or "." in mon or len(mon) <= 4 and mon.lower() not in ("may", "june", "july"):
        return None
    before = text[max(0, m.start() - 12):m.start()]
    lower = mon.lower()
    if not m.group("rel") and not _BARE_MONTH_CUE.search(before) and lower not in _SAFE_MONTHS:
        return None
    if lower == "may" and re.match(r"\s+(?:be|have|not|also|still|well|never|soon|even|need)\b", text[m.end():]):
        return None
    if lower == "may" and not m.group("rel") and re.search(r"\bfor\s+$", before, _FLAGS):
        return None  # "voted for May": a person
    # a following capitalized word makes a name ("March Madness", "August Rush") unless a year
    if re.match(r"\s+[A-Z][a-z]", text[m.end():]) and not re.match(r"\s+(?:and|or)\b", text[m.end():]):
        return None
    if not m.group("rel") and re.search(r"[A-Z][a-z]+\s+$", before) and not _BARE_MONTH_CUE.search(before):
        return None  # "Elizabeth May", "Theresa May"
    if re.match(r"['’]s\b", text[m.end():]) and (lower in ("may", "june", "april", "august") or m.group("ry")):
        return None  # "November's figures" is the month; "May's government" a person
    month = _month_of(mon)
    rel = (m.group("rel") or "").strip().lower()
    ry = _RY.get((m.group("ry") or "").lower())
    # "January sales", "December trade figures", "April delivery": a month naming a period's data is the
    # nearest such month, whatever the tense of the verb ("are scheduled for release")
    premod = not rel and ry is None and re.match(r"['’]s\s|\s+(?!(?:and|or|to|of|in|on|at|for|by|the|a|an|is|are|was"
                                                 r"|were|will|would|has|had|when|that|which|after|before|as|with|from"
                                                 r"|through|until|while|if|but|last|next|this|and)\b)[a-z]{3,}\b",
                                                 text[m.end():])

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        a = ctx.anchor
        if ry is not None:
            if a.year is None:
                return "DATE", _ymd(None, month, None), None
            ctx.ref_month = (a.year + ry, month)
            return "DATE", _ymd(a.year + ry, month, None), "dct"
        if rel in ("last", "past", "next", "coming") and a.year and a.month:
            if rel in ("last", "past"):
                y = a.year if month < a.month else a.year - 1
            else:
                y = a.year if month > a.month else a.year + 1
            return "DATE", _ymd(y, month, None), "dct"
        if rel == "that" and ctx.ref:
            return "DATE", _ymd(ctx.ref.year, month, None), "last"
        if premod and a.year and a.month and not (ctx.ref_year is not None
                                                  and ctx.ref_year_sent == ctx.sent_of(start)) \
                and _tense(ctx, start, end) >= 0:  # a past verb still rules out a month ahead
            diff = month - a.month
            return "DATE", _ymd(a.year - (diff > 6) + (diff < -6), month, None), "dct"
        y2 = _pick_year(ctx, start, end, month, None)
        return "DATE", _ymd(y2, month, None), ("dct" if y2 else None)

    return _Cand(m.start(), m.end(), res)


_YEAR_BLOCK_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|,\d|\.\d|(?:km|kilomet|met(?:er|re)s?|miles?|kg|tons?|tonnes?|people|persons"
    r"|troops|soldiers|police|officers|workers|residents|refugees|migrants|prisoners|members|votes|dollars"
    r"|euros|pounds|rubles|units|cases|deaths|feet|ft|hp|cc|mm|lb|GMT|UTC|hours|hrs)\b)",
    _FLAGS,
)


# "the 1982 Convention", "the 2016 election": a year premodifying a name or an event noun is a DATE
_YEAR_PREMODIFIES = re.compile(
    r"\s+(?:(?-i:[A-Z][a-z]+)|(?:presidential\s+|general\s+|parliamentary\s+|local\s+)?(?:elections?|votes?"
    r"|census|war|summit|agreement|accords?|treaty|convention|constitution|protocol|deal|crisis|budget|law|act"
    r"|games|olympics|referendum|ceasefire|truce|invasion|revolution|uprising|coup|ruling|award|decision"
    r"|declaration|campaign|report|season|edition|talks|conference|pact|attacks?|massacre|earthquake|floods?"
    r"|protests?|strike|riots?|sanctions|visit|trip|meeting|negotiations|deadline|plan|reform|order|decree))\b",
    _FLAGS,
)


@_pattern(rf"(?<![\w$€£¥.,/#])(?P<year>{_YEAR_RE})(?![\w%]|[.,/]\d|-\d\d-)", 1,
          key="year")
def _year(m: re.Match[str], text: str) -> _Cand | None:
    y = int(m.group("year"))
    if text[m.start() - 1:m.start()] == "-" and not re.search(r"(?:\bmid-|\b\d{4}-)$", text[max(0, m.start() - 5):m.start()],
                                                               _FLAGS):
        return None
    if _YEAR_BLOCK_AFTER.match(text[m.end():]):
        return None
    before = text[max(0, m.start() - 16):m.start()]
    if re.search(r"\b(?:no|number|nos|room|route|flight|page|pages|article|resolution|model|type|item|"
                 r"code|section|paragraph|of\s+the)\.?\s*$", before, _FLAGS) and not re.search(
                     r"\b(?:of|in|since)\s+$", before, _FLAGS) and not (
                         re.search(r"\bthe\s+$", before, _FLAGS) and _YEAR_PREMODIFIES.match(text, m.end())):
        return None
    if y < 1800 and not re.search(r"\b(?:in|since|of|from|until|by|year|circa|c\.|to|before|after)\s+$",
                                  before, _FLAGS):
        return None

    # only "in 2019" / "of 2019" frames the months that follow in its sentence; "since 2019" does not
    frames = bool(re.search(r"(?:\b(?:in|of|during)\s+|^\s*)$", text[max(0, m.start() - 8):m.start()], _FLAGS))

    def res(ctx: _Ctx, start: int, end: int) -> Resolved:
        _note_date(ctx, start, y, None, None, frames)
        return "DATE", f"{y:04d}", None

    return _Cand(m.start(), m.end(), res)


@_pattern(r"\b(?:the\s+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|'(?P<s>\d)0|(?P<w>twenties|thirties|forties|fifties|sixties"
          r"|seventies|eighties|nineties))['’]?s\b", 3,
          words=("0s", "0's", "0’s", "iess", "ies's", "ies’s"))
def _decade(m: re.Match[str], text: str) -> _Cand | None:
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
             "eighties": 8, "nineties": 9}
    if m.group("w"):
        if not m.group(0).lower().startswith("the"):
            return None  # "in her forties" is an age
        if re.search(r"\b(?:his|her|their|my|your|our|its)\s+(?:early\s+|late\s+|mid-)?$",
                     text[max(0, m.start() - 16):m.start()], _FLAGS):
            return None
        value = f"19{words[m.group('w').lower()]}"
    elif m.group("s"):
        value = f"{'20' if m.group('s') in '01' else '19'}{m.group('s')}"
    else:
        value = f"{m.group('c')}{m.group('d')}"
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DATE", value, None))


_ORD_RE = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + ")"


@_pattern(rf"\b(?:the\s+)?(?P<o>{_ORD_RE})[\s-]+century\b", 4,
          words=("century",))
def _century(m: re.Match[str], text: str) -> _Cand | None:
    o = m.group("o").lower()
    n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else _ORDINALS[o]
    value = f"{n - 1:02d}"
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DATE", value, None))


@_pattern(r"\b(?:this|the\s+current|the\s+last|last|the\s+previous|next|the\s+next)\s+(?P<u>century|decade)\b", 3,
          words=("century", "decade"))
def _this_century(m: re.Match[str], text: str) -> _Cand | None:
    w = m.group(0).lower()
    unit = m.group("u").lower()
    k = -1 if ("last" in w or "previous" in w) else (1 if "next" in w else 0)

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        y = ctx.anchor.year
        if y is None:
            return "DATE", ("PAST_REF" if k < 0 else "FUTURE_REF" if k > 0 else "PRESENT_REF"), None
        if unit == "century":
            return "DATE", f"{y // 100 + k:02d}", "dct"
        return "DATE", f"{y // 10 + k:03d}", "dct"

    if "the last" in w or "the next" in w:
        return None  # "the last decade" is a duration, handled elsewhere
    return _Cand(m.start(), m.end(), res)


# ---- deictic day words


def _deictic_day(offset: int, part: str | None) -> Resolver:
    def res(ctx: _Ctx, start: int, end: int) -> Resolved:
        d = ctx.anchor.date
        if d is None:
            ref = "PAST_REF" if offset < 0 else "FUTURE_REF" if offset > 0 else "PRESENT_REF"
            return ("TIME" if part else "DATE"), ref, None
        day = d + dt.timedelta(days=offset)
        _note_date(ctx, start, day.year, day.month, day.day, False)
        if part:
            return "TIME", f"{_iso(day)}T{part}", "dct"
        return "DATE", _iso(day), "dct"

    return res


@_pattern(r"\b(?P<w>today|yesterday|tomorrow)(?:['’]s)?(?:\s+(?P<p>morning|afternoon|evening|night))?\b", 5,
          words=("today", "yesterday", "tomorrow"))
def _today(m: re.Match[str], text: str) -> _Cand | None:
    w = m.group("w").lower()
    if m.group("w") == "Today" and re.search(r"[A-Z][\w.]*\s+$", text[max(0, m.start() - 12):m.start()]) and not re.search(
            r"[.!?:\n]\s*$", text[max(0, m.start() - 3):m.start()]):
        return None  # "USA Today", a title: not the day
    off = {"today": 0, "yesterday": -1, "tomorrow": 1}[w]
    end = m.end() if m.group("p") else m.end("w")
    part = _PARTS[m.group("p").lower()] if m.group("p") else None
    if not m.group("p") and text[m.end("w"):m.end("w") + 1] in "'’":
        end = m.end("w")
    return _Cand(m.start(), end, _deictic_day(off, part))


@_pattern(r"\b(?:tonight|this\s+(?P<p>morning|afternoon|evening)|last\s+night)\b", 5,
          words=("night", "morning", "afternoon", "evening"))
def _tonight(m: re.Match[str], text: str) -> _Cand | None:
    w = m.group(0).lower()
    if w.startswith("last"):
        return _Cand(m.start(), m.end(), _deictic_day(-1, "NI"))
    part = "NI" if w == "tonight" else _PARTS[m.group("p").lower()]
    return _Cand(m.start(), m.end(), _deictic_day(0, part))


# ---- weekdays


@_pattern(rf"\b(?:(?P<rel>last|next|this|past|coming|that)\s+)?(?P<wd>{_WD_RE})(?![\w-]|['’](?!s\b)\w)"
          rf"(?:\s+(?P<p>morning|afternoon|evening|night))?", 4,
          key="weekday", back=2)
def _weekday(m: re.Match[str], text: str) -> _Cand | None:
    wd_s = m.group("wd")
    if not _is_cap(wd_s) or (wd_s.endswith(".") is False and len(wd_s) <= 4):
        return None  # "Sun", "Wed" without a dot, lowercase "monday" are not reliable
    after = text[m.end("wd"):]
    # "Sunday Times", "Monday Night Football": a following capitalized word makes a name
    if not m.group("p") and re.match(r"\s+(?!(?:and|or|the)\b)[A-Z][a-z]", after) and not re.match(
            rf"\s+{_MONTH_RE}", after, _FLAGS):
        return None
    before = text[max(0, m.start() - 14):m.start()]
    if not m.group("rel") and re.search(r"\b(?:Bloody|Black|Super|Cyber|Good|Easter|Palm|Ash|Holy|Red)\s+$",
                                        before):
        return None
    wd = _WEEKDAYS[wd_s.lower().rstrip(".")]
    rel = (m.group("rel") or "").lower()
    part = _PARTS[m.group("p").lower()] if m.group("p") else None
    if rel == "that":
        return None

    def res(ctx: _Ctx, start: int, end: int) -> Resolved:
        d = ctx.anchor.date
        if d is None:
            value = f"XXXX-WXX-{wd}"
            return ("TIME", f"{value}T{part}", None) if part else ("DATE", value, None)
        back = (d.isoweekday() - wd) % 7
        fwd = (wd - d.isoweekday()) % 7
        if rel in ("last", "past"):
            day = d - dt.timedelta(days=back or 7)
        elif rel in ("next", "coming"):
            day = d + dt.timedelta(days=fwd or 7)
        else:
            t = _tense(ctx, start, end)
            if t < 0:
                day = d - dt.timedelta(days=back)
            elif t > 0:
                day = d + dt.timedelta(days=fwd)
            else:
                day = d - dt.timedelta(days=back) if back <= fwd else d + dt.timedelta(days=fwd)
        _note_date(ctx, start, day.year, day.month, day.day, False)
        if part:
            return "TIME", f"{_iso(day)}T{part}", "dct"
        return "DATE", _iso(day), "dct"

    return _Cand(m.start(), m.end(), res)


@_pattern(rf"\b(?:(?:every|each)\s+(?P<wd>{_WD_RE})|(?P<wds>(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b)"
          rf"(?:\s+(?P<p>morning|afternoon|evening|night)s?)?", 5,
          key="weekday", back=1)
def _weekday_set(m: re.Match[str], text: str) -> _Cand | None:
    w = (m.group("wd") or m.group("wds") or "").lower()
    if m.group("wds"):
        if not _is_cap(m.group("wds")):
            return None
        w = w[:-1]
    wd = _WEEKDAYS[w.rstrip(".")]
    value = f"XXXX-WXX-{wd}" + (f"T{_PARTS[m.group('p').lower()]}" if m.group("p") else "")
    return _Cand(m.start(), m.end(), lambda c, s, e: ("SET", value, None))


# ---- relative calendar units


@_pattern(r"\b(?P<rel>this|last|next|past|coming|previous|following|current|that|the\s+same|the\s+previous"
          r"|the\s+following|the\s+next|the\s+coming|the\s+current)\s+(?P<u>week|weekend|month|year)\b(?!-)", 4,
          key="unit", back=3)
def _rel_unit(m: re.Match[str], text: str) -> _Cand | None:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("u").lower()
    if re.match(r"['’]s?\s", text[m.end():]) and rel in ("the next", "the following", "the coming"):
        pass
    if rel in ("the next", "the coming") and unit != "weekend":
        return None  # "the next year" is ambiguous (duration); left to the duration pattern
    if re.match(r"\s+(?:and\s+a\s+half|or\s+so)\b", text[m.end():], _FLAGS):
        return None
    anaphoric = rel in ("that", "the same", "the previous", "the following", "previous", "following")
    k = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "next": 1, "coming": 1,
         "following": 1, "the following": 1, "the next": 1, "the coming": 1}.get(rel, 0)
    if rel == "past" and unit != "weekend":
        return None  # "past year" (without "the") is rare and usually a duration

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        base = (ctx.ref or ctx.anchor.date) if anaphoric else ctx.anchor.date
        kind = "last" if anaphoric else "dct"
        a = ctx.anchor
        if anaphoric and ctx.ref is None and ctx.ref_year and unit == "year":
            return "DATE", f"{ctx.ref_year + k:04d}", "last"
        period = _last_period(ctx) if anaphoric else None
        if period is not None and unit == "year":
            return "DATE", f"{period[0] + k:04d}", "last"
        if period is not None and unit == "month" and period[1] is not None:
            y1, m1 = _add_months(period[0], period[1], k)
            return "DATE", f"{y1:04d}-{m1:02d}", "last"
        if unit == "year":
            y = base.year if base else (a.year if not anaphoric else None)
            if y is None:
                return "DATE", ("PAST_REF" if k < 0 else "FUTURE_REF" if k > 0 else "PRESENT_REF"), None
            return "DATE", f"{y + k:04d}", kind
        if unit == "month":
            if base is None and a.year and a.month and not anaphoric:
                y2, m2 = _add_months(a.year, a.month, k)
                return "DATE", f"{y2:04d}-{m2:02d}", kind
            if base is None:
                return "DATE", ("PAST_REF" if k < 0 else "FUTURE_REF" if k > 0 else "PRESENT_REF"), None
            y2, m2 = _add_months(base.year, base.month, k)
            return "DATE", f"{y2:04d}-{m2:02d}", kind
        if base is None:
            return "DATE", ("PAST_REF" if k < 0 else "FUTURE_REF" if k > 0 else "PRESENT_REF"), None
        if unit == "week":
            return "DATE", _week(base + dt.timedelta(weeks=k)), kind
        # weekend: "this weekend" = weekend of the current week, by tense when unmarked
        wk = base + dt.timedelta(weeks=k)
        if k == 0 and rel != "the same":
            t = _tense(ctx, start, end)
            if t < 0 and base.isoweekday() < 6:
                wk = base - dt.timedelta(weeks=1)
        return "DATE", _week(wk) + "-WE", kind

    return _Cand(m.start(), m.end(), res)


@_pattern(rf"\bthe\s+week\s+(?:to|ending|ended|through|until|up\s+to)\s+(?:(?P<d1>{_DAY_RE})\s+(?P<m1>{_MONTH_RE})"
          rf"|(?P<m2>{_MONTH_RE})\s+(?P<d2>{_DAY_RE}))\b(?:,?\s+(?P<year>{_YEAR_RE})\b)?", 6,
          key="unit", back=1)
def _week_to(m: re.Match[str], text: str) -> _Cand | None:
    """"in the week to 4 May", "the week ending March 7": one expression, the week holding that day."""
    mon = m.group("m1") or m.group("m2")
    if not _is_cap(mon):
        return None
    month, day = _month_of(mon), int(re.sub(r"\D", "", m.group("d1") or m.group("d2")))
    year = int(m.group("year")) if m.group("year") else None
    if not _valid(year, month, day):
        return None

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        y = year or _pick_year(ctx, s, e, month, day)
        if y is None:
            return "DATE", _ymd(None, month, day), None
        return "DATE", _week(dt.date(y, month, day)), (None if year else "dct")

    return _Cand(m.start(), m.end(), res)


@_pattern(r"\b(?:(?:over|during|at|on)\s+)?the\s+weekend\b", 3,
          words=("weekend",))
def _the_weekend(m: re.Match[str], text: str) -> _Cand | None:
    start = m.start() + m.group(0).lower().index("the")

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        d = ctx.anchor.date
        if d is None:
            return "DATE", "XXXX-WXX-WE", None
        t = _tense(ctx, s, e)
        if t < 0 and d.isoweekday() < 6:
            d = d - dt.timedelta(weeks=1)
        return "DATE", _week(d) + "-WE", "dct"

    return _Cand(start, m.end(), res)


@_pattern(r"\b(?:the\s+)?(?P<rel>same|next|following|previous|preceding)\s+(?P<u>day|morning|afternoon|evening|night)\b"
          r"|\bthe\s+(?P<u2>day|night|week|month|year)\s+(?P<rel2>before|after)\b(?!\s+(?:the|a|an|his|her|their|its)\b)"
          r"|\bthat\s+(?P<u3>day|morning|afternoon|evening|night)\b", 5,
          key="daypart", back=3)
def _anaphoric_day(m: re.Match[str], text: str) -> _Cand | None:
    if m.group("u3"):
        rel, unit = "same", m.group("u3").lower()
    elif m.group("u2"):
        rel, unit = ("previous" if m.group("rel2").lower() == "before" else "next"), m.group("u2").lower()
    else:
        rel, unit = m.group("rel").lower(), m.group("u").lower()
        if not m.group(0).lower().startswith("the") and rel != "next":
            return None
        if rel in ("next", "following") and re.match(r"\s+\w", text[m.end():]) and re.match(
                r"\s+(?:of|to)\b", text[m.end():]):
            return None
    k = {"same": 0, "next": 1, "following": 1, "previous": -1, "preceding": -1}[rel]

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        base = ctx.ref or ctx.anchor.date
        if base is None:
            return "DATE", ("PAST_REF" if k < 0 else "FUTURE_REF" if k > 0 else "PRESENT_REF"), None
        if unit in ("week", "month", "year"):
            step = {"week": "W", "month": "M", "year": "Y"}[unit]
            period = _last_period(ctx) if unit != "week" else None
            if period is not None and (unit == "year" or period[1] is not None):
                base = dt.date(period[0], period[1] or 7, 1)  # "in 1962 ... the year after"
            value = _shift(base, k, step, 1, False)
            return ("DATE", value, "last") if value else None
        day = base + dt.timedelta(days=k)
        ctx.ref, ctx.ref_pos = day, start
        if unit == "day":
            return "DATE", _iso(day), "last"
        return "TIME", f"{_iso(day)}T{_PARTS[unit]}", "last"

    return _Cand(m.start(), m.end(), res)


@_pattern(r"\b(?:in|during|throughout|through)\s+the\s+(?P<p>morning|afternoon|evening|night)\b"
          r"(?![-'’]|\s+(?:of|before|after|session|sitting|sky|news|hours|shift|edition|prayers?|show|programme"
          r"|program|service|rush|air)\b)", 4,
          key="daypart", back=3)
def _in_the_part(m: re.Match[str], text: str) -> _Cand | None:
    """"in the evening", "during the morning": that part of the day last mentioned (else the document's)."""
    part = _PARTS[m.group("p").lower()]
    start = m.start() + re.match(r"\w+\s+", m.group(0)).end()  # type: ignore[union-attr]  # TimeML leaves "in" out

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        day = ctx.ref or ctx.anchor.date
        if day is None:
            return "TIME", f"XXXX-XX-XXT{part}", None
        return "TIME", f"{_iso(day)}T{part}", ("last" if ctx.ref_pos >= 0 else "dct")

    return _Cand(start, m.end(), res)


@_pattern(rf"\bthe\s+(?P<o>first|opening|second|third|fourth|fifth|sixth|seventh|\d(?:st|nd|rd|th))\s+day(?=\s+of\s+)"
          rf"(?!\s+of\s+(?:the\s+)?(?:{_MONTH_RE}|month|year|week|school|term|ramadan|spring|summer|autumn|winter)\b)", 4,
          key="daypart", back=3)
def _nth_day_of(m: re.Match[str], text: str) -> _Cand | None:
    """"on the second day of the visit": counted from the last day mentioned, taken as the first."""
    o = m.group("o").lower()
    n = 1 if o == "opening" else (int(o[0]) if o[0].isdigit() else _ORDINALS[o])

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        if ctx.ref_pos < 0 or ctx.ref is None:
            d = ctx.anchor.date
            return ("DATE", _iso(d), "dct") if d else None
        day = ctx.ref + dt.timedelta(days=n - 1)
        ctx.ref, ctx.ref_pos = day, s
        return "DATE", _iso(day), "last"

    return _Cand(m.start(), m.end(), res)


@_pattern(r"\bwithin\s+the\s+(?P<u>week|month|year)\b(?![-'’]|\s+(?:of|before|after|that|when|ending|to|since)\b)", 4,
          key="unit", back=2)
def _within_the_unit(m: re.Match[str], text: str) -> _Cand | None:
    """"would post the bond within the week": the current week (month, year) of the document date."""
    unit = m.group("u").lower()
    start = m.start() + len(re.match(r"within\s+", m.group(0), _FLAGS).group(0))  # type: ignore[union-attr]

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        d, a = ctx.anchor.date, ctx.anchor
        if unit == "week":
            return ("DATE", _week(d), "dct") if d else ("DATE", "PRESENT_REF", None)
        if unit == "month" and a.year and a.month:
            return "DATE", f"{a.year:04d}-{a.month:02d}", "dct"
        if unit == "year" and a.year:
            return "DATE", f"{a.year:04d}", "dct"
        return "DATE", "PRESENT_REF", None

    return _Cand(start, m.end(), res)


@_pattern(r"\b(?:its|their|his|her|our)\s+(?:first|opening|final)\s+(?P<u>hour|day|week|month|year|decade|century)\b"
          r"(?![-'’]|\s+(?:of|in|at|as)\s+(?:the\s+)?(?:office|power|school|university|college|job)\b)", 3,
          key="unit", back=3)
def _own_first_unit(m: re.Match[str], text: str) -> _Cand | None:
    """"nine cases were brought in its first decade": a duration of one unit (P10Y), with its determiner."""
    value = _duration(1, m.group("u"))
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DURATION", value, None))


@_pattern(r"\bper\s+(?P<u>second|minute|hour|day|night|week|month|year)\b", 4,
          key="unit", back=1)
def _per_unit(m: re.Match[str], text: str) -> _Cand | None:
    """"15 litres per person per day": a SET (TimeML: P1D), as "a day" after a quantity."""
    value = _duration(1, m.group("u"))
    return _Cand(m.start(), m.end(), lambda c, s, e: ("SET", value, None))


@_pattern(r"(?<![\w-])(?P<u>weeks|months|years|decades|centuries|millennia)-old\b", 3,
          words=("s-old", "a-old"))
def _unit_old(m: re.Match[str], text: str) -> _Cand | None:
    """"centuries-old traditions", "decades-old dispute": an unspecified number of units (PXCE, PXDE)."""
    value = _duration(None, m.group("u"))
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DURATION", value, None))


@_pattern(r"\bovernight\b(?![-'’])", 4,
          words=("overnight",))
def _overnight(m: re.Match[str], text: str) -> _Cand | None:
    """"crashed overnight": the night before the reference day (after it, when ahead) -- TIME ...TNI.

    Left out as the idiom "suddenly" ("almost overnight", "did not happen overnight").
    """
    before = text[max(0, m.start() - 40):m.start()]
    clause = re.split(r"[.;:!?]", before)[-1]
    if re.search(r"\b(?:almost|nearly|virtually|practically|literally|not|never|n't|won't|cannot|can't)\b", clause,
                 _FLAGS) or re.search(r"\bn['’]t\b", clause):
        return None

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        same = [(abs(s0 - start), d) for si, s0, d in ctx.day_dates if si == ctx.sent_of(start)]
        day = min(same)[1] if same else ctx.anchor.date
        if day is None:
            return "TIME", "XXXX-XX-XXTNI", None
        if _tense(ctx, start, end) <= 0:
            day = day - dt.timedelta(days=1)
        return "TIME", f"{_iso(day)}TNI", ("last" if same else "dct")

    return _Cand(m.start(), m.end(), res)


@_pattern(r"\b(?:(?P<w>earlier|later)\s+(?:in|that)\s+(?:the\s+)?(?P<u>day|week|month|year)"
          r"|the\s+(?P<u2>day)(?![-'’]|\s+(?:of|when|that|before|after)\b))\b", 4,
          key="earlier", back=1)
def _in_the_unit(m: re.Match[str], text: str) -> _Cand | None:
    """"Earlier in the day", "later that week", "adjourns for the day": the unit holding the last date."""
    if m.group("u2") and not re.search(r"\b(?:for|spent|spend|spends|spending)\s$", text[max(0, m.start() - 9):m.start()],
                                       _FLAGS):
        return None  # "adjourned for the day", "spent the day touring farms"
    unit = (m.group("u") or m.group("u2")).lower()

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        base = ctx.ref or ctx.anchor.date
        if base is None:
            return "DATE", "PRESENT_REF", None
        kind = "last" if ctx.ref and ctx.ref != ctx.anchor.date else "dct"
        period = _last_period(ctx) if unit in ("month", "year") else None
        if period is not None and (unit == "year" or period[1] is not None):
            # "in March 1962 ... later that year": the period last mentioned, not an earlier day
            return "DATE", (f"{period[0]:04d}" if unit == "year" else f"{period[0]:04d}-{period[1]:02d}"), "last"
        if unit == "day":
            return "DATE", _iso(base), kind
        if unit == "week":
            return "DATE", _week(base), kind
        if unit == "month":
            return "DATE", f"{base.year:04d}-{base.month:02d}", kind
        return "DATE", f"{base.year:04d}", kind

    return _Cand(m.start(), m.end(), res)


@_pattern(rf"\bthe\s+(?P<o>{_ORD_RE})\b(?!\s+(?:of\s+)?(?:{_MONTH_RE}|century|centuries|time|round|day|week|month"
          r"|year|anniversary|amendment|floor|place|term|division|session|edition|annual|consecutive|largest|biggest"
          r"|most|largest|[a-z]+(?:est|ed|ing)\b))(?!\s+[A-Za-z])", 2,
          gate=r"the\s+\d")  # the handler refuses a spelled ordinal: without "the <digit>", no candidate
def _nth_of_month(m: re.Match[str], text: str) -> _Cand | None:
    """"on the 14th": that day of the month last mentioned (else the document's), the tense picking the month."""
    o = m.group("o").lower()
    if not o[0].isdigit():
        return None  # "the third" alone is almost never a date
    day = int(re.sub(r"\D", "", o))
    if not 1 <= day <= 31 or not re.search(r"\b(?:on|by|until|till|from|since|before|after)\s+$",
                                           text[max(0, m.start() - 8):m.start()], _FLAGS):
        return None

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        a = ctx.anchor
        if ctx.ref_month is not None:
            y, mo = ctx.ref_month
        elif a.year and a.month:
            y, mo = a.year, a.month
            t = _tense(ctx, start, end)
            if a.day and t < 0 and day > a.day:
                y, mo = _add_months(y, mo, -1)
            elif a.day and t > 0 and day < a.day:
                y, mo = _add_months(y, mo, 1)
        else:
            return "DATE", f"XXXX-XX-{day:02d}", None
        if not _valid(y, mo, day):
            return None
        _note_date(ctx, start, y, mo, day, False)
        return "DATE", _ymd(y, mo, day), ("last" if ctx.ref_month else "dct")

    return _Cand(m.start(), m.end(), res)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "new year's": (1, 1), "boxing day": (12, 26), "valentine's day": (2, 14),
             "halloween": (10, 31), "may day": (5, 1)}


@_pattern(r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s(?:\s+(?:Eve|Day))?"
          r"|Boxing\s+Day|Valentine['’]s\s+Day|Halloween|May\s+Day)(?!\s+(?:Island|Carol|Parade))\b", 4,
          gate=r"christmas|new\s+year|boxing\s+day|valentine|halloween|may\s+day")
def _holiday(m: re.Match[str], text: str) -> _Cand | None:
    """Fixed-date holidays; the year follows the same rules as a month-day without one."""
    if not _is_cap(m.group("h")):
        return None
    month, day = _HOLIDAYS[re.sub(r"\s+", " ", m.group("h").lower().replace("’", "'"))]
    rel = (m.group("rel") or "").lower()

    def res(ctx: _Ctx, start: int, end: int) -> Resolved | None:
        a = ctx.anchor
        if rel and a.year and a.month:
            before_anchor = (month, day) < (a.month, a.day or 15)
            y = a.year + (0 if before_anchor else -1) if rel == "last" else a.year + (1 if before_anchor else 0)
            if rel == "this":
                y = a.year
        else:
            y2 = _pick_year(ctx, start, end, month, day)
            y = y2 if y2 else 0
        _note_date(ctx, start, y or None, month, day, False)
        return "DATE", _ymd(y or None, month, day), "dct" if y else None

    return _Cand(m.start(), m.end(), res)


# ---- seasons, quarters, halves


@_pattern(r"\b(?:(?P<rel>this|last|next|past|coming|that)\s+|the\s+|(?<=\bits\s)|(?<=\btheir\s))?"
          r"(?P<s>spring|summer|autumn|fall|winter)\b"
          rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR_RE})\b|{_REL_YEAR})?", 3,
          words=("spring", "summer", "autumn", "fall", "winter"))
def _season(m: re.Match[str], text: str) -> _Cand | None:
    season = m.group("s")
    if _is_cap(season) and re.search(r"[A-Z]\w+\s+$", text[max(0, m.start() - 12):m.start()]):
        return None  # "Arab Spring", "Prague Spring"
    rel = (m.group("rel") or "").lower()
    ry = _RY.get((m.group("ry") or "").lower())
    # "its autumn session", "their spring offensive": a season premodifying an organisation's event
    owned = bool(re.search(r"\b(?:its|their)\s$", text[max(0, m.start() - 6):m.start()], _FLAGS))
    if season.lower() == "fall" and (not (rel or m.group("year") or m.group(0).lower().startswith("the"))
                                     or re.match(r"\s+of\b", text[m.end():], _FLAGS)):
        return None  # "its fall", "the fall of the regime": the noun, not the season
    if not (rel or m.group("year") or ry is not None or owned) and not re.search(r"\b(?:in|during|by|until|since|through|this|over)\s+(?:the\s+)?$",
                                                     text[max(0, m.start() - 16):m.start()] + " ", _FLAGS):
        if not m.group(0).lower().startswith("the"):
            return None
    code = _SEASONS[season.lower()]
    year = int(m.group("year")) if m.group("year") else None
    start = m.start()
    if not rel and m.group(0).lower().startswith("the") and not year:
        start = m.start()

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        if year:
            return "DATE", f"{year}-{code}", None
        a = ctx.anchor
        if a.year is None:
            return "DATE", f"XXXX-{code}", None
        if ry is not None:
            return "DATE", f"{a.year + ry}-{code}", "dct"
        k = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        y = a.year + k
        if rel == "that" and ctx.ref_year:
            y = ctx.ref_year
        elif ctx.ref_year is not None and ctx.ref_year_sent == ctx.sent_of(s) and not rel:
            y = ctx.ref_year
        elif not rel and a.month:
            y = _season_year(code, a.year, a.month, _tense(ctx, s, e))
        return "DATE", f"{y}-{code}", "dct"

    return _Cand(start, m.end(), res)


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # first and last month (14: February)


def _season_year(code: str, year: int, month: int, tense: int) -> int:
    """Year of a bare season by tense: past, the latest one begun by the document date ("since the winter"
    in April is the winter begun the December before); future, the first not yet over."""
    first, last = _SEASON_MONTHS[code]
    if tense < 0:
        return year if month >= first else year - 1
    if tense > 0 and code == "WI":
        return year - 1 if month <= 2 else year  # in January the winter under way began last December
    if tense > 0:
        return year if month <= last else year + 1
    return year


@_pattern(rf"\b(?:(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|final|last|current|next|this)"
          rf"(?:\s+|-)(?:fiscal\s+|financial\s+)?quarter|Q(?P<q>[1-4]))"
          rf"(?:,?\s+(?:of\s+)?(?:(?:the\s+)?(?P<rel>this|last|next)\s+year|(?P<year>{_YEAR_RE})|(?P<fy>FY)?\s?(?P<y2>\d\d)\b))?", 3,
          words=("quarter", "q1", "q2", "q3", "q4"))
def _quarter(m: re.Match[str], text: str) -> _Cand | None:
    o = (m.group("o") or "").lower()
    if m.group("q") and not re.match(r"Q[1-4]", m.group(0)):
        return None
    qmap = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
    q = int(m.group("q")) if m.group("q") else qmap.get(o)
    rel_q = {"last": -1, "next": 1, "current": 0, "this": 0}.get(o)
    year = int(m.group("year")) if m.group("year") else (2000 + int(m.group("y2")) if m.group("y2") else None)
    ky = {"last": -1, "next": 1, "this": 0}.get((m.group("rel") or "").lower(), 0)

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        a = ctx.anchor
        if q is not None:
            y = year or (a.year + ky if a.year else None)
            if not year and not m.group("rel") and y is not None and a.month:
                # "fourth-quarter profit" in a January story: the quarter just ended, not the one
                # nine months ahead; a quarter names the nearest one (at most two quarters away)
                diff = q - ((a.month - 1) // 3 + 1)
                y += -1 if diff >= 3 else 1 if diff <= -3 else 0
            if y is None:
                return "DATE", f"XXXX-Q{q}", None
            return "DATE", f"{y}-Q{q}", None if year else "dct"
        if a.year and a.month and rel_q is not None:
            cur = (a.month - 1) // 3 + rel_q
            y = a.year + cur // 4
            return "DATE", f"{y}-Q{cur % 4 + 1}", "dct"
        return None

    return _Cand(m.start(), m.end(), res)


@_pattern(rf"\b(?:the\s+)?(?P<o>first|second|latter)\s+half\s+of\s+(?:(?P<year>{_YEAR_RE})|(?:the|this)\s+year"
          r"|(?P<rel>last|next)\s+year)\b", 4,
          words=("half",))
def _half(m: re.Match[str], text: str) -> _Cand | None:
    h = 1 if m.group("o").lower() == "first" else 2
    year = int(m.group("year")) if m.group("year") else None
    k = {"last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)

    def res(ctx: _Ctx, s: int, e: int) -> Resolved:
        y = year or (ctx.anchor.year + k if ctx.anchor.year else None)
        return "DATE", f"{y:04d}-H{h}" if y else f"XXXX-H{h}", None if year else "dct"

    return _Cand(m.start(), m.end(), res)


# ---- "the end of the year", "earlier this month"


@_pattern(r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|turn|close)\s+of\s+(?:the|this)\s+"
          r"(?P<u>year|month|week|decade|century)\b", 3,
          key="unit", back=5)
def _end_of_unit(m: re.Match[str], text: str) -> _Cand | None:
    unit = m.group("u").lower()

    def res(ctx: _Ctx, s: int, e: int) -> Resolved | None:
        a = ctx.anchor
        if a.year is None:
            return "DATE", "XXXX", None
        if unit == "year":
            return "DATE", f"{a.year}", "dct"
        if unit == "decade":
            return "DATE", f"{a.year // 10:03d}", "dct"
        if unit == "century":
            return "DATE", f"{a.year // 100:02d}", "dct"
        if unit == "month":
            return ("DATE", f"{a.year}-{a.month:02d}", "dct") if a.month else None
        d = a.date
        return ("DATE", _week(d), "dct") if d else None

    return _Cand(m.start(), m.end(), res)


# ---- clock times


def _clock(h: int, mi: int, ampm: str | None) -> str | None:
    if ampm:
        if not 1 <= h <= 12:
            return None
        if ampm.startswith("p") and h != 12:
            h += 12
        if ampm.startswith("a") and h == 12:
            h = 0
    if not (0 <= h <= 24 and 0 <= mi <= 59):
        return None
    return f"{h:02d}:{mi:02d}"


def _time_resolver(clock: str) -> Resolver:
    def res(ctx: _Ctx, start: int, end: int) -> Resolved:
        # filled in after dates are known: see _finish_times
        return "TIME", "T" + clock, "pending"

    return res


@_pattern(rf"(?<![\w:.])(?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>{_AMPM_RE}){_TZ_RE}", 5,
          key="ampm")
def _ampm(m: re.Match[str], text: str) -> _Cand | None:
    ap = m.group("ap").lower().replace(".", "").replace(" ", "")
    clock = _clock(int(m.group("h")), int(m.group("m") or 0), ap)
    if clock is None:
        return None
    end = m.end()
    while end > m.start() and text[end - 1] in " \t":
        end -= 1
    return _Cand(m.start(), end, _time_resolver(clock))


@_pattern(rf"(?<![\w:.,$€£])(?P<h>[01]?\d|2[0-4])(?:[:h](?P<m>[0-5]\d))(?![\d:]|\.\d){_TZ_RE}"
          r"|(?<![\w,.])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s?(?:GMT|UTC|hrs|hours\s+(?:GMT|local))\b", 4,
          key="h24")
def _h24(m: re.Match[str], text: str) -> _Cand | None:
    if m.group("hh"):
        clock = _clock(int(m.group("hh")), int(m.group("mm")), None)
    else:
        before = text[max(0, m.start() - 10):m.start()]
        if re.search(r"\b(?:chapter|verse|ratio|score|won|lost|beat|defeated)\s+$", before, _FLAGS):
            return None
        if re.match(r"\s*(?:victory|win|defeat|lead|draw|loss|ratio|majority)\b", text[m.end():], _FLAGS):
            return None
        clock = _clock(int(m.group("h")), int(m.group("m")), None)
    if clock is None:
        return None
    end = m.end()
    while end > m.start() and text[end - 1] in " \t":
        end -= 1
    return _Cand(m.start(), end, _time_resolver(clock))


_TZ_NAMES = (r"(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT|HKT|SGT|WIB"
             r"|hrs|local\s+time)")


@_pattern(rf"(?<![\w:.,$€£])(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)\s*(?-i:{_TZ_NAMES})\b", 4,
          key="dotted")
def _dotted_clock(m: re.Match[str], text: str) -> _Cand | None:
    """"07.00 BST", "18.30 GMT": British dotted clock times, kept only with a time zone (else a number)."""
    clock = _clock(int(m.group("h")), int(m.group("m")), None)
    return _Cand(m.start(), m.end(), _time_resolver(clock)) if clock else None


@_pattern(rf"\b(?:(?P<q>about|around|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:(?P<noon>noon|midday|midnight)"
          rf"|(?P<h>{_SMALL}|1[0-2]|[1-9])\s+o['’]clock(?:\s+(?:in\s+the\s+)?(?P<p>morning|afternoon|evening|at\s+night))?)\b", 4,
          words=("noon", "midday", "midnight", "clock"))
def _noon(m: re.Match[str], text: str) -> _Cand | None:
    if m.group("noon"):
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m.group("noon").lower()]
    else:
        h = _num(m.group("h")) or 0
        p = (m.group("p") or "").lower()
        clock = _clock(h, 0, "pm" if p in ("afternoon", "evening", "at night") else "am" if p else None) or ""
        if not clock:
            return None
    start = m.start() if m.group("q") and not m.group("q").lower().startswith(("shortly", "just")) else m.start(
        "noon") if m.group("noon") else m.start("h")
    if clock == "24:00":
        return _Cand(start, m.end(), _midnight)
    return _Cand(start, m.end(), _time_resolver(clock))


def _midnight(ctx: _Ctx, start: int, end: int) -> Resolved:
    """Midnight ahead ("expires at midnight") ends the day, T24:00; one reported ("shortly after
    midnight") began it, T00:00."""
    return "TIME", "T24:00" if _tense(ctx, start, end) > 0 else "T00:00", "pending"


# ---- durations, "ago", "later"


_DUR_NUM = rf"(?P<n>{_NUM_RE})"
_FRACTIONS = {"half a": 0.5, "half an": 0.5, "a quarter of a": 0.25, "one quarter of a": 0.25,
              "three quarters of a": 0.75, "a quarter of an": 0.25, "three quarters of an": 0.75}
_DUR_HEAD = rf"(?:(?P<det>the\s+(?:past|last|next|previous|first|final|coming|following|preceding)|(?P<q>{_QMOD_RE}))\s+)?"


# "600 flights a day", "40,000 riders a day", "three meals a day": a count of some plural noun right before
_COUNTED_BEFORE = re.compile(r"(?:(?<![\w,.])\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozens"
                             r"|hundreds|thousands|millions))(?:\s+(?:million|billion|more|extra|additional|new))?"
                             r"\s+[a-z][a-z-]*[a-rt-z]s\s+$", _FLAGS)


@_pattern(rf"\b{_DUR_HEAD}{_DUR_NUM}(?:\s+and\s+a\s+half)?(?P<sep>\s+|-)(?:(?:consecutive|straight|successive)\s+)?"
          rf"(?P<u>{_UNIT_RE})\b"
          r"(?P<tail>\s+and\s+a\s+half|\s+ago|\s+later|\s+earlier|\s+before|\s+after|\s+from\s+now|\s+hence)?", 3,
          key="unit", back=12)
def _duration_pat(m: re.Match[str], text: str) -> _Cand | None:
    n_word = m.group("n")
    unit_word = m.group("u")
    after = text[m.end():]
    sep = m.group("sep")
    nl = n_word.lower()
    # ages: "64-year-old", "64 years old" (kept only when find_timexes is asked for ages)
    age = re.match(r"[\s-]+olds?\b", after, _FLAGS)
    if age or re.match(r"\s+of\s+age\b", after, _FLAGS):
        n_age = _num(n_word)
        if age is None or n_age is None or m.group("det") or m.group("tail"):
            return None
        age_value = _duration(n_age, unit_word)
        return _Cand(m.start(), m.end() + age.end(), lambda c, s, e: ("DURATION", age_value, None), kind="age")
    if nl in ("some", "many", "few") and not m.group("det"):
        if not re.match(r"\s+(?:ago|later|earlier)\b", after, _FLAGS) and not unit_word.lower().endswith("s"):
            return None
    if nl in ("a", "an") and m.group("q") and m.group("q").lower() in ("some",):
        return None
    if nl in ("a", "an", "one") and unit_word.lower() == "second" and not m.group("q"):
        return None  # "a second interpretation", "one second thought"
    n = _num(n_word) if not re.fullmatch(r"\d+\.\d+", nl) else None
    if re.fullmatch(r"\d+\.\d+", nl):
        fval: float | None = float(nl)
    else:
        fval = None
    vague = n is None and fval is None
    # plural/singular agreement: "one years" is not an expression; "a year" ok
    tail = (m.group("tail") or "").strip().lower()
    det = (m.group("det") or "").lower()
    unit_info = _unit(unit_word)
    letter, mult, timepart = unit_info
    frac = _FRACTIONS.get(re.sub(r"\s+", " ", nl))
    if frac is not None:
        # "half a century" is fifty years, "a quarter of a century" 25, "half an hour" 30 minutes
        smaller = {"Y": ("month", 12), "D": ("hour", 24)} if not timepart else {"H": ("minute", 60), "M": ("second", 60)}
        small_unit, per = ("year", mult) if mult >= 10 else smaller.get(letter, ("", 0))
        if not small_unit or frac * per != int(frac * per):
            return None  # "half a week": no whole number of a smaller unit; left out rather than misread
        n, fval, vague, unit_word = int(frac * per), None, False, small_unit
        letter, mult, timepart = _unit(unit_word)
    start = m.start()
    end = m.end()
    if tail in ("before", "after"):
        end = m.end("u")  # "two days after the vote": the duration alone (TimeML signals stay out)
        tail = ""
    if tail == "and a half" and n is not None:
        fval = n + 0.5
    if sep == "-":
        # "two-day visit", "a five-year plan": a duration, without the article
        if nl in ("a", "an"):
            return None
    if nl in ("a", "an") and not m.group("q") and not det and sep == " " and not tail:
        before = text[max(0, m.start() - 12):m.start()]
        before = text[max(0, m.start() - 24):m.start()]
        if re.search(r"(?:\b(?:once|twice|times|per|million|billion|trillion|bn|percent|dollars|euros|barrels"
                     r"|tonnes|tons|seconds|minutes|hours|days|nights|weeks|months)|\d|[$€£]\S*)\s*$", before, _FLAGS) \
                or _COUNTED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            # "$5 billion a year", "twice a week": a set
            value_s = f"P1{letter}" if not timepart else f"PT1{letter}"
            if mult != 1:
                value_s = f"P{mult}{letter}"
            return _Cand(m.start(), m.end("u"), lambda c, s, e: ("SET", value_s, None))

    if fval is not None:
        num_s = f"{fval * mult:g}"
        value = f"P{'T' if timepart else ''}{num_s}{letter}"
    else:
        value = _duration(n, unit_word) if not vague else _duration(None, unit_word)

    if tail in ("ago", "later", "earlier", "from now", "hence"):
        sign = -1 if tail in ("ago", "earlier") else 1
        anaphoric = tail in ("later", "earlier")

        def res_rel(ctx: _Ctx, s: int, e: int) -> Resolved | None:
            base = (ctx.ref or ctx.anchor.date) if anaphoric else ctx.anchor.date
            kind = "last" if anaphoric else "dct"
            last = _CAL_VALUE.match(ctx.last_value or "") if anaphoric and letter == "Y" else None
            if last is not None and n is not None and "-" in last.group(0) and len(last.group(0)) < 10:
                # "in the fourth quarter of 2024, up from 30% a year earlier": the same period, shifted
                y0 = int(last.group(1)) + sign * n * mult
                return "DATE", f"{y0:04d}{last.group(0)[4:]}", kind
            period = _last_period(ctx) if anaphoric and letter in ("D", "W") and n is not None else None
            if period is not None and n is not None and ctx.last_value is not None and len(ctx.last_value) < 10 and (
                    period[1] is None or n * mult * (7 if letter == "W" else 1) <= 21):
                # "ratified it last month; the other parliament did the same a week later": within that month
                return "DATE", (f"{period[0]:04d}" if period[1] is None else f"{period[0]:04d}-{period[1]:02d}"), kind
            if base is None and ctx.anchor.year and letter == "Y" and not anaphoric:
                base = dt.date(ctx.anchor.year, 7, 1)
            if base is None or n is None:
                return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
            v = _shift(base, sign * n, letter, mult, timepart)
            if letter == "D" and not timepart and mult == 1:
                day = base + dt.timedelta(days=sign * n)
                ctx.ref, ctx.ref_pos = day, s
            if timepart:
                return "DATE", _iso(base), kind
            return ("DATE", v, kind) if v else None

        return _Cand(start, end, res_rel)
    if det in ("the first", "the final"):
        pass
    return _Cand(start, end, lambda c, s, e: ("DURATION", value, None))


@_pattern(r"\b(?P<det>the\s+(?:past|last|next|previous|coming|following|preceding)\s+)(?P<u>hour|day|week|fortnight|month|year|"
          r"decade|century)\b(?![-'’])", 3,
          key="unit", back=3)
def _the_past_unit(m: re.Match[str], text: str) -> _Cand | None:
    value = _duration(1, m.group("u"))
    if re.match(r"\s+(?:or\s+so|and\s+a\s+half)\b", text[m.end():], _FLAGS):
        return None
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DURATION", value, None))


# what may stand right before a bare plural unit read as a duration ("within hours", "took weeks",
# ", days after the attack"); determiners and adjectives ("the days of", "long hours") may not
_BARE_BEFORE = re.compile(
    r"(?:^|[\n,;:.!?(\[\"“‘'—–]|\b(?:for|within|over|after|before|than|took|take|takes|taking|spent|spend|spends"
    r"|spending|waited|wait|waits|lasted|last|lasts|lasting|came|comes|come|are|is|was|were|be|been|remain|remains"
    r"|remained|needs|need|needed|required|requires|require|only|just|not|even|still|already|and|or|but|of"
    r"|matter\s+of|for\s+the\s+first\s+time\s+in|(?:time|first|est|worst|best|most)\s+in))\s*$",
    _FLAGS,
)


@_pattern(r"\b(?:the\s+(?:past|last|next|recent|previous|following)\s+(?:few\s+|several\s+|couple\s+of\s+)?)?"
          r"(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
          r"(?!\s+(?:old|ago|of\s+age|later|earlier)\b|[-'’])", 2,
          key="unit", back=5)
def _bare_plural(m: re.Match[str], text: str) -> _Cand | None:
    """"within hours", "took weeks", "days after the attack", "the past few days": DURATION with X."""
    unit = m.group("u")
    if m.start() == m.start("u") and not _BARE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None
    if m.start() == m.start("u") and re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()], _FLAGS) \
            and not re.search(r"(?:time|first|est|worst|best|most)\s+in\s+$", text[max(0, m.start() - 20):m.start()],
                              _FLAGS):
        return None  # "in years" only as "the first time in years", "the worst in decades"
    value = _duration(None, unit)
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DURATION", value, None))


@_pattern(r"(?<![\w-])(?P<u>hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))-?long\b", 3,
          key="long")
def _unit_long(m: re.Match[str], text: str) -> _Cand | None:
    """"weeklong", "day-long", "months-long": one unit (P1W) or, plural, an unspecified number (PXM)."""
    u = m.group("u").lower()
    plural = u.endswith("s") or u == "centuries"
    value = _duration(None if plural else 1, u)
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DURATION", value, None))


@_pattern(r"\b(?P<w>years|decades|centuries|months|weeks)\s+ago\b", 3,
          key="ago", back=1)
def _vague_ago(m: re.Match[str], text: str) -> _Cand | None:
    return _Cand(m.start(), m.end(), lambda c, s, e: ("DATE", "PAST_REF", None))


# ---- sets


@_pattern(r"\b(?:(?P<ev>every|each)\s+(?:(?P<n>other|two|three|four|five|six|seven|ten|\d+)\s+)?"
          r"(?P<u>second|minute|hour|day|night|week|month|year|decade|morning|evening|afternoon|weekend|summer|winter"
          r"|spring|autumn|seconds|minutes|hours|days|weeks|months|years)"
          r"|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biannually|biennially|annual"
          r"|bi-weekly|biweekly|fortnightly))\b", 4,
          key="set")
def _set(m: re.Match[str], text: str) -> _Cand | None:
    if m.group("adv"):
        adv = m.group("adv").lower()
        if adv == "annual":
            return None  # the adjective ("annual summit") is left out, as in the project's gold
        if adv in ("daily", "weekly", "monthly") and re.match(r"\s+[A-Z]", text[m.end():]):
            return None  # newspaper names: "Daily Mail"
        if adv in ("daily", "weekly", "monthly") and _is_cap(m.group("adv")) and m.start() > 0 and re.search(
                r"[A-Za-z]\s$", text[max(0, m.start() - 2):m.start()]):
            return None
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                 "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biannually": "P6M", "biennially": "P2Y",
                 "annual": "P1Y", "bi-weekly": "P2W", "biweekly": "P2W", "fortnightly": "P2W"}[adv]
        return _Cand(m.start(), m.end(), lambda c, s, e: ("SET", value, None))
    u = m.group("u").lower()
    n_w = (m.group("n") or "").lower()
    n = 2 if n_w == "other" else (_num(n_w) if n_w else 1) or 1
    if u in ("morning", "evening", "afternoon"):
        value = f"XXXX-XX-XXT{_PARTS[u]}"
    elif u in _SEASONS:
        value = f"XXXX-{_SEASONS[u]}"
    elif u == "weekend":
        value = "XXXX-WXX-WE"
    elif u == "night":
        value = "XXXX-XX-XXTNI"
    else:
        value = _duration(n, u)
    return _Cand(m.start(), m.end(), lambda c, s, e: ("SET", value, None))


# ---- vague references


_REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "in recent years": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "soon": "FUTURE_REF",
}


@_pattern(r"\b(?:now|currently|nowadays|at\s+present|these\s+days|at\s+the\s+moment|the\s+present|recently"
          r"|formerly|the\s+past|in\s+recent\s+(?:years|months|weeks|days)|the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+(?:days|weeks"
          r"|months|years))\b(?![-'’])", 1,
          key="ref", back=3)
def _refs(m: re.Match[str], text: str) -> _Cand | None:
    w = re.sub(r"\s+", " ", m.group(0).lower()).replace("distant ", "").replace("near ", "near ")
    if w == "now" and re.match(r"\s*-", text[m.end():]):
        return None
    if w == "the present" and re.match(r"\s+(?:day|case|situation|government)\b", text[m.end():], _FLAGS):
        return None
    if w == "soon" and re.match(r"\s+after\b", text[m.end():], _FLAGS):
        return None
    if w == "recently" and (re.search(r"\bas\s+$", text[max(0, m.start() - 4):m.start()], _FLAGS)
                            or re.match(r",?\s+(?:as|in|on|at|during)\s+(?:[A-Z]|\d|last|this)", text[m.end():m.end() + 20])):
        return None  # "as recently as 2023", "most recently in October 2022": the date is the expression
    if w == "the present" and re.match(r"\s+(?!(?:and|or|but|is|was|are|were|has|had|will|can|to|in|of|on|at|for|by)\b)"
                                       r"[a-z]", text[m.end():]):
        return None  # "the present negotiations": the adjective
    if w == "the past" and re.match(r"\s+(?:few|several|two|three|\d)", text[m.end():], _FLAGS):
        return None
    value = _REF_WORDS.get(w, "FUTURE_REF" if "future" in w else "PAST_REF")
    start = m.start()
    if w.startswith("in recent "):
        start = m.start() + 3
    return _Cand(start, m.end(), lambda c, s, e: ("DATE", value, None))


# --------------------------------------------------------------------------- span extension and merging

_PREFIX_MOD = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|spring|summer|autumn|fall|winter)\s+of\s+"
    r"(?:the\s+)?|\b(?:the\s+)?(?:early|earlier|late|later|mid|middle)(?:\s*-\s*|\s+)|\bmid-|\bsince\s+early\s+)$",
    _FLAGS,
)


def _extend_prefix(text: str, c: _Cand, resolved: Resolved) -> int:
    """Pull "early", "late", "mid-", "the end of", "earlier this" into a DATE's extent."""
    if resolved[0] not in ("DATE", "TIME") or resolved[1].endswith("_REF"):
        return c.start
    m = _PREFIX_MOD.search(text, max(0, c.start - 30), c.start)
    if m is None or m.end() != c.start:
        return c.start
    s = m.start()
    if text[s:s + 6].lower() == "since ":
        s += 6
    return s


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]*[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•#>A-Z0-9\"“])")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENT_SPLIT.finditer(text):
        before = text[max(0, m.start() - 6):m.start()]
        if re.search(r"\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Gen|Lt|Col|Sen|Rep|Gov|No|U\.S|a\.m|p\.m"
                     r"|[A-Z])\.$", before) and not before.endswith(("a.m.", "p.m.")):
            continue
        starts.append(m.end())
    return starts


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longer spans first, then pattern priority, then leftmost."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[_Cand] = []
    used = bytearray(max((c.end for c in cands), default=0))
    for c in cands:
        if used.find(1, c.start, c.end) < 0:
            taken.append(c)
            used[c.start:c.end] = b"\x01" * (c.end - c.start)
    taken.sort(key=lambda c: c.start)
    return taken


_MERGE_GAP = re.compile(r"^(?:,?\s+(?:on\s+)?|\s*,\s*)$")


def find_timexes(text: str, anchor: dt.date | str | None = None, ages: bool = False,
                 tense: TenseHint | None = None) -> list[dict[str, Any]]:
    """Find and normalize the time expressions of ``text`` against the document date ``anchor``.

    ``anchor`` may be a date, an ISO string at any precision ("2017", "2017-05", "2017-05-29")
    or None. Returns ``{"start", "end", "type", "value", "anchor"}`` dicts in text order; anchor
    is "dct" (resolved against the document date), "last" (against the last mentioned date)
    or None (the text gave the value itself). Ages ("a 64-year-old") are durations in TimeML
    corpora but not time references; ``ages=True`` includes them. ``tense`` (the component passes
    one built from the parse) gives the tense governing a span; the regex cues are the fallback.
    """
    if not text:
        return []
    cands: list[_Cand] = []
    low = text.lower()
    scanner = _Scanner(text, low) if len(low) == len(text) and _CASE_ODD.search(text) is None else None
    for (rx, handler, prio), scan in zip(_PATTERNS, _SCANS, strict=True):
        found = rx.finditer(text) if scanner is None or scan is None else scanner.matches(rx, scan)
        for m in found:
            c = handler(m, text)
            if c is not None and c.end > c.start and (ages or c.kind != "age"):
                c.prio = prio
                cands.append(c)
    chosen = _select(cands)
    anc = _Anchor.parse(anchor)
    ctx = _Ctx(text=text, anchor=anc, sent_starts=_sentence_starts(text), hint=tense)
    ctx.ref = anc.date
    out: list[dict[str, Any]] = []
    for c in chosen:
        res = c.resolve(ctx, c.start, c.end)
        if res is None:
            continue
        _remember(ctx, res, c.start)
        start = _extend_prefix(text, c, res)
        if out and start < out[-1]["end"]:
            start = c.start
        out.append({"start": start, "end": c.end, "type": res[0], "value": res[1], "anchor": res[2]})
    out = _merge_time_date(text, out)
    _finish_times(ctx, out)
    return out


_CAL_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-\d\d)?|-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?$")


def _remember(ctx: _Ctx, res: Resolved, pos: int) -> None:
    """Keep the last calendar date mentioned (any granularity) and its month, for anaphora."""
    if res[0] != "DATE":
        return
    m = _CAL_VALUE.match(res[1])
    if m is None:
        return
    ctx.last_value, ctx.last_pos = res[1], pos
    if m.group(2):
        ctx.ref_month = (int(m.group(1)), int(m.group(2)))


_STAMP_GAP = re.compile(r"\s+|\s*,\s*|[ \t]*[-–—|][ \t]*")  # "6 August 2025 — 5.48pm", "Wed Mar 26 2025 - 23:10"
_STAMP_AT = re.compile(r",?[ \t]+at[ \t]+", _FLAGS)


def _stamp_gap(text: str, date: dict[str, Any], time: dict[str, Any]) -> bool:
    """Is the text between a day and the clock time after it a timestamp's separator? A dash joins
    only a date the text writes out (not "Monday - 10:00"); "at" only in a dateline, a date and time
    alone on their line ("Updated August 6, 2025 at 5.48pm"): in a sentence they are two TIMEXes."""
    gap = text[date["end"]:time["start"]]
    if re.fullmatch(r"\s+|\s*,\s*", gap):
        return True
    explicit = any(ch.isdigit() for ch in text[date["start"]:date["end"]])
    if explicit and _STAMP_GAP.fullmatch(gap):
        return True
    return explicit and _STAMP_AT.fullmatch(gap) is not None and _dateline(text, date["start"], time["end"])


def _dateline(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end]
    return len(rest.strip()) <= 12 and "\n" not in text[start:end] and len(
        text[text.rfind("\n", 0, start) + 1:start].strip()) <= 30


def _merge_time_date(text: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"4 p.m. Monday", "19 October 2023 18:45 GMT": a clock time right next to a day is one TIMEX."""
    merged: list[dict[str, Any]] = []
    for it in items:
        prev = merged[-1] if merged else None
        if (prev is not None and it["anchor"] == "pending" and prev["type"] == "DATE"
                and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", prev["value"])
                and _stamp_gap(text, prev, it)):
            prev.update(end=it["end"], type="TIME", value=prev["value"] + it["value"])  # "19 October 2023 18:45 GMT"
            continue
        if (prev is not None and prev["anchor"] == "pending" and it["type"] == "DATE"
                and re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)", it["value"])
                and _MERGE_GAP.match(text[prev["end"]:it["start"]])):
            if " on " in text[prev["end"]:it["start"]]:
                merged.append(it)
                continue
            prev.update(end=it["end"], value=it["value"] + prev["value"], anchor=it["anchor"])
            continue
        merged.append(it)
    return merged


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip(" \t-–—*•#>|") and not text[end:line_end].strip(" \t.:-–—|")


def _paragraph_start(text: str, pos: int) -> int:
    """Start of the blank-line-separated paragraph holding ``pos`` (scans backwards, line by line)."""
    line_start = text.rfind("\n", 0, pos) + 1
    while line_start > 0:
        prev = text.rfind("\n", 0, line_start - 1) + 1
        if not text[prev:line_start - 1].strip():
            return line_start
        line_start = prev
    return 0


def _finish_times(ctx: _Ctx, items: list[dict[str, Any]]) -> None:
    """Give each clock time a date: a day in its sentence, else (timeline entries) the day the timeline
    is about, else the document date.

    A clock time alone on its line is a live-blog/timeline entry. Its day is the latest date header
    above it (a date alone on its line) or, failing that, the first day mentioned in the nearest
    paragraph above that mentions one ("Yesterday Portugal and Canada ... Here is the tick-tock:").
    """
    text = ctx.text
    days = sorted((s, d, si) for si, s, d in ctx.day_dates)
    starts = [s for s, _, _ in days]
    by_sent: dict[int, list[tuple[int, dt.date]]] = {}
    for s, d, si in days:
        by_sent.setdefault(si, []).append((s, d))
    header_pos = [s for s, _, _ in days if _line_is_date(text, s)]
    timeline: dt.date | None = None
    last_entry = -1
    for it in items:
        if it["anchor"] != "pending":
            continue
        same = by_sent.get(ctx.sent_of(it["start"]), [])
        day: dt.date | None = None
        kind: str | None = "last"
        if same:
            pos, day = min((abs(s - it["start"]), s, d) for s, d in same)[1:]
            if it["value"][1:3] < "06" and _late_day(text, items, pos):
                day = day + dt.timedelta(days=1)  # "late Monday ... at 1:40 a.m.": the small hours after it
        elif _alone_on_line(text, it["start"], it["end"]):
            n_before = bisect_right(starts, it["start"] - 1)
            h = bisect_right(header_pos, it["start"] - 1)
            if h and header_pos[h - 1] > last_entry:
                timeline = days[starts.index(header_pos[h - 1])][1]
            elif timeline is None and n_before:
                para = _paragraph_start(text, starts[n_before - 1])
                timeline = days[bisect_right(starts, para - 1)][1]
            day = timeline
            last_entry = it["start"]
        if day is None:
            day, kind = ctx.anchor.date, "dct"
        if day is None:
            it["value"], it["anchor"] = "XXXX-XX-XX" + it["value"], None
        else:
            it["value"], it["anchor"] = _iso(day) + it["value"], kind


def _late_day(text: str, items: list[dict[str, Any]], pos: int) -> bool:
    """Is the day mentioned at ``pos`` an evening or night ("late Monday", "Monday night")?"""
    for it in items:
        if it["start"] <= pos < it["end"]:
            return (text[it["start"]:it["end"]].lower().startswith("late")
                    or str(it["value"]).endswith(("TNI", "TEV")))
    return False


def _line_is_date(text: str, pos: int) -> bool:
    """Is the date starting at ``pos`` a header, alone on its line (a weekday/date dateline)?"""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return len(line) <= 40 and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", line) and text[line_start:pos].strip() == ""


# --------------------------------------------------------------------------- spaCy component


_MODAL_PAST = {"have", "'ve"}  # "would have met": a counterfactual past
_LOOKS_AHEAD = {"until", "till", "pending", "upcoming", "coming", "next"}
_LOOKS_BACK = {"since", "ago"}
_SCHEDULED = {"scheduled", "expected", "set", "due", "slated", "planned", "poised", "supposed", "timed"}


_INTENT_LEMMAS = {"plan", "intend", "expect", "hope", "aim", "want", "seek", "agree", "promise", "pledge", "vow",
                  "decide", "schedule", "set", "be", "prepare", "threaten", "propose", "offer", "ask", "call", "urge",
                  "invite", "due", "likely", "going", "try", "wish", "need", "order", "tell", "allow"}


def _verb_tense(v: Token) -> int | None:
    """Tense/aspect of one verb from its tag and auxiliaries: -1 past, +1 future, None unclear.

    Plain present is left to the regex cues (None): "expires in October" looks ahead, but "maintains
    contacts after visiting in March" does not.
    """
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if any(a.tag_ == "MD" for a in auxes):
        return -1 if lowers & _MODAL_PAST else 1  # "will hold", "could meet", "would have met"
    if any(a.tag_ == "TO" for a in auxes):
        gov = v.head
        if gov is v:
            return None
        if gov.lemma_ in _INTENT_LEMMAS or gov.lower_ in _SCHEDULED:
            if any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have") for c in gov.children):
                return 0  # "was scheduled to enter on 20 February": ahead of a past moment, not of today
            return 1  # "plans to hold talks on Friday", "is to meet", "agreed to meet"
        return _verb_tense(gov) if gov.pos_ in ("VERB", "AUX") else None  # "went on to win May 7"
    for a in auxes:
        if a.lemma_ == "have":
            return -1  # "has met", "had agreed"
        if a.lemma_ in ("be", "do"):
            if a.tag_ == "VBD":
                return -1  # "was holding", "were told", "did not attend"
            if v.lower_ in _SCHEDULED or v.tag_ == "VBG":
                return 1  # "is scheduled for", "are meeting on Friday"
            return None
    if v.tag_ == "VBD":
        return -1
    if v.tag_ == "VBN":
        if v.i > 0 and v.doc[v.i - 1].lower_ in ("than", "as"):
            return None  # "longer than planned"
        if v.lower_ in _SCHEDULED:
            # "a round planned for September was postponed": a reduced relative takes the clause's time
            return None if v.dep_ == "acl" else 1
        return -1  # "approved last week", "scheduled for May"
    return None


_ANNOUNCE_LEMMAS = {"announce", "call", "plan", "schedule", "set", "organise", "organize", "unveil", "convene",
                    "propose"}
_EVENT_NOUNS = {"protest", "strike", "rally", "meeting", "vote", "election", "summit", "talks", "match", "march",
                "demonstration", "referendum", "hearing", "visit", "ceremony", "conference", "session", "debate",
                "walkout", "boycott", "sit-in", "vigil", "parade", "inauguration", "launch", "game", "final",
                "deadline", "poll", "ballot", "shutdown", "lockdown", "curfew"}


def _announces_event(verb: Token, date_i: int) -> bool:
    """Does a past verb announce an event named by its object before the date ("announced a protest
    outside the stadium on Friday")? The date then belongs to the event, whose time the verb does not give."""
    if verb.lemma_ not in _ANNOUNCE_LEMMAS:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _EVENT_NOUNS and c.i < date_i for c in verb.children)


def _parse_tense(doc: Doc) -> TenseHint:
    """A :data:`TenseHint` reading the governing verb of a span off the dependency parse."""

    def hint(start: int, end: int) -> int | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span.root
        via_noun = False
        for _ in range(10):
            if tok.head is tok:
                return None
            tok = tok.head
            low = tok.lower_
            if low in _LOOKS_AHEAD:
                return 1
            if low in _LOOKS_BACK:
                return -1
            if low == "ahead":
                return 0  # "ahead of the vote in November": relative to the verb's time, not the document's
            if tok.pos_ in ("NOUN", "PROPN"):
                via_noun = True
            elif tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD":
                if tok.tag_ == "VBG" and not any(c.dep_ == "aux" for c in tok.children):
                    continue  # "..., ending the shutdown": the participle takes its clause's tense
                t = _verb_tense(tok)
                if t == -1 and not via_noun and _announces_event(tok, span.start):
                    return 0  # "announced a protest outside the stadium on Friday": the protest's day
                # "have called a strike on Friday": the verb dates the call, not the strike; only a
                # future verb carries over to an event noun ("will hold a meeting on Friday")
                return t if not via_noun or t == 1 else None
        return None

    return hint


class TimexAnnotator:
    """Sets ``doc._.np_timexes`` from :func:`find_timexes` anchored on ``doc._.np_meta["published"]``.

    With a parsed document the tense that places bare weekdays and months comes from the governing
    verb (tag and auxiliaries); without a parse the regex cues in :func:`_tense` decide.
    """

    def __init__(self, nlp: Language, name: str, ages: bool = False) -> None:
        self.name = name
        self.ages = ages

    def __call__(self, doc: Doc) -> Doc:
        meta = getattr(doc._, "np_meta", None) or {}
        published = meta.get("published") if isinstance(meta, dict) else None
        hint = _parse_tense(doc) if doc.has_annotation("DEP") else None
        doc._.np_timexes = find_timexes(doc.text, published, ages=self.ages, tense=hint)
        return doc


Annotator = TimexAnnotator


@Language.factory(
    "newsprism_timexes",
    requires=["doc.sents"],
    assigns=["doc._.np_timexes"],
    default_config={"ages": True},
)
def make_timexes(nlp: Language, name: str, ages: bool) -> TimexAnnotator:
    """Construct the component; all work happens per document in ``__call__``."""
    return TimexAnnotator(nlp, name, ages=ages)
