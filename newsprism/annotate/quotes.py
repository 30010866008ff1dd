"""The ``newsprism_quotes`` component: who said what, as plain dicts on ``doc._.np_quotes``.

Three passes, cheapest first:

1. a character scanner pairs quote marks (straight, curly, single, guillemets),
   skipping apostrophes and joining quotes that run over several paragraphs;
2. each quote gets a *region* (its sentence, built around the marks because
   spaCy often splits sentences inside quotes) and a kind: ``direct`` when the
   marks hold a whole utterance, ``partial`` for a fragment inside a sentence;
3. the dependency parse finds the cue (a reporting verb or phrase from
   ``resources/cue_verbs.txt``) and its subject, the speaker; quote paragraphs
   with no cue take the speaker named just before. A last pass adds
   ``indirect`` speech: clause complements of cue verbs and "according to X".

Speakers map to actors through ``MentionIndex``; when no mention covers the
subject, the name falls back to the PERSON entity (fullest form in the
article) or the surface noun phrase, and never to a guess.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.annotate.actors import country_of
from newsprism.annotate.lookup import MentionIndex

RESOURCE = Path(__file__).with_name("resources") / "cue_verbs.txt"

# --- lexicon -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Cue words by role; verb sets hold lemmas and inflected forms alike."""

    verbs: frozenset[str]
    naming: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    nouns: frozenset[str]
    titles: frozenset[str]
    clausal: frozenset[str] = frozenset()
    particles: frozenset[tuple[str, str]] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    particle_verbs: frozenset[str] = frozenset()

    def is_cue(self, tok: Token) -> bool:
        """A reporting verb (not "said" as an adjective, not a noun "claims")."""
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "ADJ" and tok.dep_ in ("ROOT", "conj")):
            return False
        if tok.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
            return True  # "as X put it", "X put it bluntly"
        lemma = tok.lemma_.lower()
        if lemma in self.verbs or tok.lower_ in self.verbs or self.is_naming(tok):
            return True
        return lemma in self.particle_verbs and any(
            c.dep_ == "prt" and (lemma, c.lower_) in self.particles for c in tok.children
        )  # "pointed out that ...", "hit back at ..."


    def is_clausal(self, tok: Token) -> bool:
        """A verb that reports only through a finite clause ("agreed that ...", "estimates that ...")."""
        return tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in self.clausal or tok.lower_ in self.clausal)

    def is_naming(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.naming or tok.lower_ in self.naming


@lru_cache(maxsize=4)
def load_lexicon(path: str = str(RESOURCE)) -> Lexicon:
    """Read the sectioned lexicon file once per process."""
    sections: dict[str, list[str]] = {}
    current = "verbs"
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    verbs = {w for entry in sections.get("verbs", []) for w in entry.split()}
    naming = {w for entry in sections.get("naming", []) for w in entry.split()}
    phrases = tuple(sorted({tuple(p.split()) for p in sections.get("phrases", [])}, key=len, reverse=True))
    return Lexicon(
        verbs=frozenset(verbs),
        naming=frozenset(naming),
        phrases=phrases,
        nouns=frozenset(sections.get("nouns", [])),
        titles=frozenset(sections.get("titles", [])),
        clausal=frozenset(w for entry in sections.get("clausal", []) for w in entry.split()),
        particles=frozenset(
            (p.split()[0], p.split()[1]) for p in sections.get("particle", []) if len(p.split()) == 2
        ),
        source_nouns=frozenset(sections.get("sourcenouns", [])),
        particle_verbs=frozenset(p.split()[0] for p in sections.get("particle", []) if len(p.split()) == 2),
    )


# --- 1. quote-mark scanner ------------------------------------------------------------------------

OPENERS = "\u201c\u00ab\u201e\u2018\u2039\"'\u201d"  # “ « „ ‘ ‹ " ' ”(misused as opener)
DOUBLE_CLOSERS: dict[str, str] = {
    "\u201c": "\u201d\"",  # “ -> ” (or a stray straight mark)
    "\u00ab": "\u00bb",  # « -> »
    "\u201e": "\u201c\u201d",  # „ -> “ or ”
    '"': '"\u201d',
    "\u201d": "\u201d\u201c",  # ” used as opener closes with ” (or a mismatched “)
}
SINGLE_OPEN = "\u2018\u2039'"
SINGLE_CLOSE = "\u2019\u203a'"
MARK_RE = re.compile("[\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\u2039\u203a\"']")
REOPEN_RE = re.compile(r"(?<=\s)\u201c(?=\w)")
APOSTROPHE_WORD_RE = re.compile(r"['\u2018\u2019](?:\d\d(?:s\b|\b)|n['\u2019]|em\b|til\b|cause\b|tis\b)", re.I)


@dataclass
class Mark:
    """One pair of quote marks: ``open``/``close`` are the mark offsets (close -1 when unclosed)."""

    open: int
    close: int
    cstart: int
    cend: int
    group: int = -1  # quotes running over several paragraphs share a group
    single: bool = False
    parent: int = -1  # index of the enclosing quote for a quote inside a quote


def _is_opener(text: str, j: int, ps: int, pe: int) -> bool:
    c = text[j]
    prev = text[j - 1] if j > ps else " "
    nxt = text[j + 1] if j + 1 < pe else " "
    if c in "\u00ab\u2039":  # French style puts a space inside guillemets: « ainsi »
        return bool(text[j + 1 : j + 3].strip())
    if nxt.isspace():
        return False
    if c in "\u201c\u00ab\u201e\u2039":
        return True
    if c == "\u201d":  # a closing curly mark used as an opener: only after a space
        return prev.isspace() or j == ps
    if c == '"':
        return not prev.isalnum()
    # single marks: reject apostrophes ('90s, rock 'n' roll, 'em)
    if APOSTROPHE_WORD_RE.match(text, j):
        return False
    if c == "\u2018":
        return not prev.isalnum()
    if c == "'":
        return (not prev.isalnum()) and prev not in "'\u2019" and (nxt.isalnum() or nxt in "\u201c\"")
    return False


def _find_close(text: str, j: int, pe: int) -> int:
    """Offset of the mark closing the opener at ``j`` within the paragraph, or -1."""
    c = text[j]
    if c in DOUBLE_CLOSERS:
        closers = DOUBLE_CLOSERS[c]
        for hit in MARK_RE.finditer(text, j + 1, pe):
            k = hit.start()
            ch = text[k]
            if ch not in closers:
                continue
            prev = text[k - 1]
            nxt = text[k + 1] if k + 1 < pe else " "
            if ch == "\u201c" and not (not prev.isspace() and not nxt.isalnum()):
                continue  # a real opener, not a mismatched closer
            if ch == '"' and c != '"' and prev.isspace():
                continue
            if ch == "\u201d" and c == '"' and prev.isspace():
                continue
            return k
        return -1
    # single quotes: a closer follows a non-space and is not inside a word; plural
    # possessives (leaders' talks) are only taken when nothing better follows
    fallback = -1
    k = j + 1
    while True:
        found = MARK_RE.search(text, k, pe)
        if found is None:
            return fallback
        k = found.start()
        ch = text[k]
        if ch in "\u201c\u00ab\u201e\"" and _is_opener(text, k, j + 1, pe):  # nested double quote
            inner = _find_close(text, k, pe)
            k = inner + 1 if inner > 0 else k + 1
            continue
        if ch in SINGLE_CLOSE:
            prev = text[k - 1]
            nxt = text[k + 1] if k + 1 < pe else " "
            if not prev.isspace() and not (prev.isalnum() and nxt.isalnum()):
                if prev in "sS" and (nxt.isspace() or nxt.isalpha()) and text[k + 1 : k + 2] not in (",", "."):
                    if fallback < 0:
                        fallback = k
                else:
                    return k
        k += 1


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Line-delimited paragraphs (ingest writes one paragraph per line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def scan_quotes(text: str) -> list[Mark]:
    """Pair quote marks paragraph by paragraph; cheap enough to run on every document."""
    marks: list[Mark] = []
    pending: Mark | None = None  # unclosed quote at the end of the previous paragraph
    group = 0
    for ps, pe in paragraphs(text):
        first = True
        i = ps
        while True:
            m = MARK_RE.search(text, i, pe)
            if m is None:
                break
            j = m.start()
            if text[j] not in OPENERS or not _is_opener(text, j, ps, pe):
                i = j + 1
                continue
            k = _find_close(text, j, pe)
            single = text[j] in SINGLE_OPEN
            continuing = pending is not None and first and not text[ps:j].strip()
            first = False
            reopen = REOPEN_RE.search(text, j + 1, k) if k > 0 and text[j] == "\u201c" else None
            if reopen is not None:
                # an opener before the closer: this quote lost its closing mark; keep its first
                # sentence at most and read on from the new opener
                cut = BOUNDARY_RE.search(text, j + 1, reopen.start() + 1)
                if cut is not None:
                    cs, ce = _trim(text, j + 1, cut.start() + 1)
                    marks.append(Mark(j, -1, cs, ce, single=False))
                i = reopen.start()
                continue
            if k < 0 and single:
                i = j + 1
                continue
            cs, ce = _trim(text, j + 1, k if k >= 0 else pe)
            if ce <= cs:
                i = (k if k >= 0 else j) + 1
                continue
            mark = Mark(j, k, cs, ce, single=single)
            if continuing and pending is not None:
                if pending.group < 0:
                    pending.group = group
                    group += 1
                mark.group = pending.group
            marks.append(mark)
            pending = None
            if k < 0:
                pending = mark
                break
            i = k + 1
        if first:
            pending = None  # a paragraph without quotes ends any open quote
    for qi in range(len(marks)):
        marks.extend(_nested(text, marks[qi], qi))
    return marks


def _nested(text: str, outer: Mark, qi: int) -> list[Mark]:
    """Quotes of the other family inside a quote: 'single' inside "double" and the reverse."""
    out: list[Mark] = []
    i = outer.cstart
    wanted = "\u2018\u2039'" if not outer.single else "\u201c\u00ab\u201e\""
    while True:
        m = MARK_RE.search(text, i, outer.cend)
        if m is None:
            return out
        j = m.start()
        if text[j] not in wanted or not _is_opener(text, j, outer.cstart, outer.cend):
            i = j + 1
            continue
        k = _find_close(text, j, outer.cend)
        if k < 0:
            i = j + 1
            continue
        cs, ce = _trim(text, j + 1, k)
        if ce > cs:
            out.append(Mark(j, k, cs, ce, single=not outer.single, parent=qi))
        i = k + 1


# --- 2. regions and kinds --------------------------------------------------------------------------

BOUNDARY_RE = re.compile(r"[.?!][\"\u201d\u2019)\]*]*\s+(?=[A-Z0-9\"\u201c\u2018'\u00ab(\[*#])")
ENDS_SENTENCE_RE = re.compile(r"[.?!][\"\u201d\u2019)\]]*\s*$")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
SPEAKER_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "it", "you"})
RELATIVE = frozenset({"who", "that", "which", "whom", "what", "whose"})
ROLE_NOUNS = frozenset(
    "official officials spokesman spokeswoman spokesperson minister president leader diplomat diplomats "
    "analyst analysts expert experts source sources aide aides adviser advisor ambassador envoy "
    "chancellor premier secretary governor senator lawmaker lawmakers mp candidate prosecutor judge "
    "general commander officer chief head director chairman chairwoman chair ministry government "
    "administration embassy department agency party campaign committee council parliament king queen "
    "prince mayor negotiator negotiators representative delegate delegation counterpart host guest "
    "ruler dictator prime vice foreign deputy speaker lawyer attorney member members activist "
    "activists protester protesters resident residents witness witnesses man woman people".split()
)
PERSONISH_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "case"})


@dataclass
class Region:
    """A sentence as seen around quote marks: [start, end) plus the quotes it holds."""

    start: int
    end: int
    quotes: list[int] = field(default_factory=list)


@dataclass
class Found:
    """A quote under construction."""

    start: int
    end: int
    kind: str
    region: Region
    mark: Mark | None = None
    speaker_tok: Token | None = None
    speaker_span: tuple[int, int] | None = None
    speaker_actor: str | None = None
    speaker_name: str | None = None
    cue: tuple[int, int] | None = None
    scare: bool = False
    turn: bool = False  # an answer in a transcript: direct speech without quote marks


def _short_attribution(text: str, lex: Lexicon, lead: bool = False) -> bool:
    """Is this frame text a bare "X said." tag (after a quote ending in ?, ! or .)? With ``lead``,
    a tag that goes on after its verb (", the minister said at a news conference in ...") counts."""
    m = BOUNDARY_RE.search(text + " A")
    segment = text[: m.start() + 1] if m else text
    words = [w.lower() for w in WORD_RE.findall(segment)]
    if lead:
        first = next((i for i, w in enumerate(words) if w in lex.verbs), -1)
        return 0 <= first < 8
    return 0 < len(words) <= 8 and any(w in lex.verbs for w in words)


def build_regions(text: str, marks: list[Mark], lex: Lexicon) -> list[Region]:
    """Split each paragraph holding quotes into sentence regions, never cutting inside marks."""
    regions: list[Region] = []
    by_par: dict[int, list[int]] = {}
    pars = paragraphs(text)
    starts = [p[0] for p in pars]

    for qi, mk in enumerate(marks):
        if mk.parent >= 0:
            continue
        pi = bisect.bisect_right(starts, mk.open) - 1
        by_par.setdefault(pi, []).append(qi)
    for pi, qis in by_par.items():
        ps, pe = pars[pi]
        cuts = {ps, pe}
        pos = ps
        for idx, qi in enumerate(qis):
            mk = marks[qi]
            for m in BOUNDARY_RE.finditer(text, pos, mk.open + 1):
                cuts.add(m.end())
            if mk.close < 0:
                pos = pe
                break
            after = mk.close + 1
            nxt_open = marks[qis[idx + 1]].open if idx + 1 < len(qis) else pe
            frame = text[after:nxt_open]
            if re.search(r"[.?!]\s*$", text[mk.cstart : mk.close]) and frame.strip()[:1].isupper():
                if not _short_attribution(frame, lex):
                    cuts.add(after)
            elif re.search(r"[.?!]\s*$", text[mk.cstart : mk.close]) and not frame.strip():
                cuts.add(after)
            pos = after
        for m in BOUNDARY_RE.finditer(text, pos, pe):
            cuts.add(m.end())
        ordered = sorted(cuts)
        pregions = [Region(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if text[a:b].strip()]
        for qi in qis:
            for reg in pregions:
                if reg.start <= marks[qi].open < reg.end:
                    reg.quotes.append(qi)
                    break
        for reg in pregions:
            s, e = reg.start, reg.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            reg.start, reg.end = s, e
        regions.extend(pregions)
    return regions


# --- 3. cues, subjects, speakers ------------------------------------------------------------------


NOT_HUMAN_ER = frozenset(
    "water border number order power matter letter paper center centre quarter summer winter corner "
    "chapter sector factor error floor door interior mirror color colour labor labour harbor harbour "
    "honor honour favor favour terror motor river tower cluster barrier theater theatre register "
    "computer weather shelter member".split()
)
ORG_NOUNS = frozenset(
    "ministry government company group agency embassy party committee council union commission "
    "organization organisation office court bank firm institute administration department army "
    "military police alliance bloc federation association coalition movement campaign team board "
    "authority authorities cabinet parliament assembly senate congress regime presidency kremlin tribunal".split()
)


def _humanish(tok: Token) -> bool:
    """A common noun that names people (a role, or an agent noun like "skipper")."""
    lemma = tok.lemma_.lower()
    if lemma in ROLE_NOUNS or tok.lower_ in ROLE_NOUNS:
        return True
    if tok.pos_ != "NOUN" or len(lemma) < 5 or lemma in NOT_HUMAN_ER:
        return False
    return lemma.endswith(("er", "or", "ist", "ian", "man", "woman", "person", "ee"))


NOT_PERSON_ENTS = frozenset({"ORG", "FAC", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART"})  # a surname is often "GPE"


class _DocView:
    """Per-document lookups shared by the rules: tokens by offset, quotes per token, names."""

    def __init__(self, doc: Doc, marks: list[Mark], lex: Lexicon, answers: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.index = MentionIndex(doc)
        self.in_quote = [-1] * len(doc)
        for qi, mk in enumerate(marks):
            if mk.parent >= 0:
                continue
            end = mk.close + 1 if mk.close >= 0 else mk.cend
            span = doc.char_span(mk.open, end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if self.in_quote[t.i] < 0:
                    self.in_quote[t.i] = qi
        for k, (s, e) in enumerate(answers or []):  # an answer turn is speech, as if in quote marks
            span = doc.char_span(s, e, alignment_mode="expand")
            for t in span if span is not None else []:
                if self.in_quote[t.i] < 0:
                    self.in_quote[t.i] = len(marks) + k
        self.persons = [e for e in doc.ents if e.label_ == "PERSON" and self.in_quote[e.start] < 0]
        self._lemmas: dict[tuple[str, str], list[int]] | None = None
        self._titled: list[tuple[int, frozenset[str], str | None, str]] | None = None
        self._intros: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        self._sstarts: list[int] = []
        self._sends: list[int] = []
        self._sroots: list[int] = []
        for sent in doc.sents:  # once per document: Token.sent and Span.root walk the sentence
            self._sstarts.append(sent.start)
            self._sends.append(sent.end)
            self._sroots.append(sent.start)
        for t in doc:
            if t.head.i == t.i:
                self._sroots[bisect.bisect_right(self._sstarts, t.i) - 1] = t.i

    def sent(self, tok: Token) -> Span:
        """The sentence holding ``tok`` (a cached lookup; ``tok.sent`` costs a walk each time)."""
        k = bisect.bisect_right(self._sstarts, tok.i) - 1
        return self.doc[self._sstarts[k] : self._sends[k]]

    def sent_root(self, sent: Span) -> int:
        return self._sroots[bisect.bisect_right(self._sstarts, sent.start) - 1]

    def tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def full_name(self, name: str) -> str:
        """The fullest PERSON form in the article for a name ("Moura" -> "Rafael Moura")."""
        words = [w for w in name.replace("\u2019s", "").replace("'s", "").split() if w]
        if not words:
            return name
        if len(words) == 1:  # a first name alone ("Diane") when only one such person is named
            firsts = {" ".join(o.text.split()) for o in self.persons if len(o) > 1 and o[0].text == words[0]}
            if len(firsts) == 1:
                return firsts.pop()
        best = words
        for other in self.persons:
            ow = re.sub(r"(?:'s|\u2019s)$", "", other.text).split()  # words as written ("Min-ho")
            if ow and ow[-1] == words[-1] and len(ow) > len(best) and all(w in ow for w in words):
                best = ow
        return " ".join(best)

    def actor_name(self, actor: dict[str, Any]) -> str:
        name = re.split(r",\s*(?:who|which|whose|where)\b", str(actor["name"]))[0].strip(" ,")
        if actor.get("kind") == "organization" and actor.get("code"):
            # a known organisation is named as this text names it ("The U.N.", not "United Nations")
            forms = [re.sub(r"^the\s+", "", a, flags=re.I) for a in actor.get("aliases") or []]
            if forms and name.lower() not in {f.lower() for f in forms}:
                return max(forms, key=len)
        if actor.get("kind") in ("organization", "group"):
            return _proper_core(name)
        if actor.get("kind") == "person" and _title_only(name):
            # "Chairman" for "Chairman of the ... Council, Supreme Commander ... Jane Doe": the person
            for m in actor.get("mentions") or []:
                found = self.chain_person(int(m[0]))
                if found is not None:
                    return found[1]
        return self.full_name(name) if actor.get("kind") == "person" else name

    def chain_person(self, pos: int) -> tuple[str | None, str] | None:
        """(actor id, name) of the person a chain of titles starting at ``pos`` ends in."""
        run = _chain_name(self.text, pos)
        if run is None:
            return None
        last = run.split()[-1].lower()
        for actor in self.doc._.np_actors or []:
            words = str(actor["name"]).split()
            if actor.get("kind") == "person" and words and words[-1].lower() == last and not _title_only(actor["name"]):
                return str(actor["id"]), self.full_name(str(actor["name"]))
        return None, self.full_name(run)

    def titled_people(self) -> list[tuple[int, frozenset[str], str | None, str]]:
        """Every "<titles of COUNTRY ...> <Name>" chain of the text, once per document:
        (start, countries and title words of the chain, actor id, name)."""
        if self._titled is None:
            self._titled = []
            for m in TITLE_START_RE.finditer(self.text):
                got = self.chain_person(m.start())
                if got is None:
                    continue
                chain = CHAIN_RE.match(self.text, m.start())
                words = re.findall(r"[A-Z][\w'\u2019-]*", chain.group() if chain else "")
                codes = frozenset(c for c in (country_of(w) for w in words if w not in got[1].split()) if c)
                titles = frozenset(w.lower() for w in words if w not in got[1].split())
                if codes:
                    self._titled.append((m.start(), codes | titles, got[0], got[1]))
        return self._titled

    def antecedent(self, tok: Token, want: str) -> Token | None:
        ante, _ = self.antecedent_how(tok, want)
        return ante

    def antecedent_how(self, tok: Token, want: str) -> tuple[Token | None, bool]:
        """What "he"/"she"/"the 61-year-old" (want="person") or "it" (want="org") points back to:
        the main-clause subject of this or the previous few sentences, else the nearest person."""
        doc = self.doc
        sent = self.sent(tok)
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(tok.lower_)
        floor = max(0, tok.i - 4 * WINDOW)  # five sentences back, but never the whole of a run-on text
        for _ in range(5):
            subjects = []
            root = self.sent_root(sent)
            words = [t for t in sent if not t.is_space and not t.is_punct]
            heading = len(words) <= 4 and not any(t.text in ".!?" for t in sent)
            # a heading ("Campaign promises") has no speaker in it, whatever the parser makes its subject
            for t in ([] if heading else doc[max(sent.start, floor) : min(sent.end, tok.i)]):
                if t.i >= tok.i or self.in_quote[t.i] >= 0 or t.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                head = t.head
                if head.dep_ in ("aux", "auxpass") and head.head.i == root:
                    head = head.head  # "X clearly was chafing": the subject hangs on the auxiliary
                if head.dep_ == "ROOT" or head.i == root or (head.dep_ == "conj" and head.head.dep_ == "ROOT"):
                    subjects.append(t)
            # "Candidate X's discourse was ...": the possessor of a subject can be the one meant
            subjects = [p for t in subjects for p in (
                [c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"] + [t])]
            for cand in reversed(subjects):
                if self._fits(cand, want, gender):
                    if gender is not None:
                        other = self._gendered_other(cand, sent, gender, tok.i)
                        if other is not None:
                            return other, True
                    return cand, True
            if sent.start <= floor:
                break
            sent = self.sent(doc[sent.start - 1])
        if gender is not None:  # "He met a woman ... 'She told me'": a gendered noun, not a name
            nouns = FEMALE_NOUNS if gender == "f" else MALE_NOUNS
            for t in reversed(doc[max(0, self.sent(tok).start - 60) : tok.i]):
                if t.lemma_.lower() in nouns and t.pos_ == "NOUN" and self.in_quote[t.i] < 0:
                    return t, True
        if want == "person":
            ent = self.nearest_person_before(tok.idx)
            return (doc[ent.end - 1] if ent is not None else None), False
        return None, False

    def named_org(self, tok: Token) -> dict[str, Any] | None:
        """The organisation "the commission" / "the department" stands for: the latest one mentioned
        before it whose proper name holds that word ("Independent National Electoral Commission")."""
        word = tok.lemma_.lower()
        best: tuple[int, dict[str, Any]] | None = None
        for actor in self.doc._.np_actors or []:
            if actor.get("kind") != "organization" or word not in str(actor["name"]).lower().split():
                continue
            if not any(w[:1].isupper() for w in str(actor["name"]).split()):
                continue
            seen = [m[0] for m in actor.get("mentions") or [] if m[1] <= tok.idx]
            if seen and (best is None or max(seen) > best[0]):
                best = (max(seen), actor)
        return best[1] if best else None

    def group_antecedent(self, tok: Token) -> Token | None:
        """What "they" points back to: the nearest subject of this or the two previous sentences
        that names a group (plural people, an institution, a country), in any clause."""
        doc = self.doc
        sent = self.sent(tok)
        floor = max(0, tok.i - 2 * WINDOW)
        for _ in range(3):
            for t in reversed(doc[max(sent.start, floor) : min(sent.end, tok.i)]):
                if t.dep_ not in ("nsubj", "nsubjpass") or self.in_quote[t.i] >= 0 or t.pos_ == "PRON":
                    continue
                if _never_speaker(t) or t.lower_ in NOBODY:
                    continue
                actor = self.index.actor_for(t.idx, t.idx + len(t))
                if actor is not None and actor.get("kind") == "person":
                    continue
                if (actor is not None or t.lemma_.lower() in ORG_NOUNS
                        or (t.tag_ in ("NNS", "NNPS") and _humanish(t))):
                    return t
            if sent.start <= floor:
                break
            sent = self.sent(doc[sent.start - 1])
        return None

    def _gendered_other(self, cand: Token, sent: Span, gender: str, before: int) -> Token | None:
        """"X invited Jane Doe to visit. She said ...": when the subject's gender is unknown, a person
        of the pronoun's known gender named in the same sentence is the better antecedent."""
        actor = self.index.actor_for(cand.idx, cand.idx + len(cand))
        named = _named_appos(cand) if actor is None else None
        if named is not None:
            actor = self.index.actor_for(named.idx, named.idx + len(named))
        if actor is None or actor.get("kind") != "person" or actor.get("gender") is not None:
            return None
        for t in self.doc[max(sent.start, before - 4 * WINDOW) : min(sent.end, before)]:
            if t.pos_ != "PROPN" or self.in_quote[t.i] >= 0 or t.i == cand.i or t.ent_type_ in NOT_PERSON_ENTS:
                continue  # never a name the tagger reads as an organisation ("the Appellate Body")
            other = self.index.actor_for(t.idx, t.idx + len(t))
            if other is not None and other.get("kind") == "person" and other.get("gender") == gender \
                    and other.get("id") != actor.get("id"):
                return t
        return None

    def _fits(self, cand: Token, want: str, gender: str | None = None) -> bool:
        if cand.pos_ == "PRON" or _never_speaker(cand):
            return False
        if gender and cand.tag_ in ("NNS", "NNPS"):
            return False  # "he"/"she" is one person, not "analysts"
        actor = self.index.actor_for(cand.idx, cand.idx + len(cand))
        if actor is not None:
            kind = actor.get("kind")
            if gender and actor.get("gender") and actor.get("gender") != gender:
                return False  # "she said" does not point back to a man
            return kind == "person" if want == "person" else kind in ("organization", "country", "group")
        if want == "person":
            if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in cand.children):
                return True
            if cand.pos_ == "PROPN" and cand.is_title and (
                (not cand.ent_type_ and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title
                                            for c in cand.children))
                or any(c.dep_ == "appos" and _humanish(c) and c.lemma_.lower() not in ORG_NOUNS
                       for c in cand.children)
            ):
                return True  # "Jane Roe, a 46-year-old trader, said": a name the NER missed or mislabelled
            return cand.ent_type_ == "PERSON" or (not cand.ent_type_ and _humanish(cand))
        return cand.ent_type_ in ("ORG", "GPE", "NORP") or cand.lemma_.lower() in ORG_NOUNS

    def nearest_person_before(self, pos: int) -> Span | None:
        best: Span | None = None
        for ent in self.persons:
            if ent.end_char <= pos and (best is None or ent.start_char > best.start_char):
                best = ent
        return best

    def name_of(self, tok: Token) -> tuple[str | None, str | None]:
        """(actor id, canonical name) for a non-pronoun speaker token."""
        actor = self.index.actor_for(tok.idx, tok.idx + len(tok))
        if actor is not None:
            return str(actor["id"]), self.actor_name(actor)
        if tok.pos_ != "PROPN":
            named = _named_appos(tok)
            if named is not None:
                tok = named
                actor = self.index.actor_for(tok.idx, tok.idx + len(tok))
                if actor is not None:
                    return str(actor["id"]), self.actor_name(actor)
        ent = _entity_of(tok)
        if ent is not None and ent.label_ == "PERSON":
            return None, self.full_name(ent.text)
        if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "FAC"):
            return None, ent.text
        s, e = _np_span(tok)
        if tok.pos_ in ("NOUN", "PROPN") and self.text[s:e].lower().startswith(("the ", "this ")):
            # "The MP said" after "A Labour MP ...": the tagger often takes a title word for a name
            earlier = self._earlier_np(tok)
            if earlier is not None:
                s, e = earlier
        name = _proper_core(re.sub(r"(?:'s|\u2019s)$", "", self.text[s:e]).strip())
        return None, name or None

    def _lemma_index(self) -> dict[tuple[str, str], list[int]]:
        """Token positions by (lemma, tag), built once per document on first use."""
        if self._lemmas is None:
            self._lemmas = {}
            for t in self.doc:
                if t.pos_ in ("NOUN", "PROPN"):
                    self._lemmas.setdefault((t.lemma_, t.tag_), []).append(t.i)
        return self._lemmas

    def _earlier_np(self, tok: Token) -> tuple[int, int] | None:
        """"the spokesperson" -> the fuller first mention "a spokesperson for the ministry"."""
        if any(c.dep_ == "nummod" for c in tok.children):
            return None  # "the two ministers" names a set, not one earlier person
        key = (tok.lemma_, tok.tag_)
        intros = self._intros.get(key)
        if intros is None:  # the indefinite introductions of this noun, found once per document
            intros = []
            for i in self._lemma_index().get(key, ()):
                if self.in_quote[i] < 0:
                    s, e = _np_span(self.doc[i])
                    if self.text[s:e].lower().startswith(("a ", "an ")):
                        intros.append((i, s, e))
            self._intros[key] = intros
        best = None
        for i, s, e in intros:  # the latest introduction: "a Western diplomat ... a European diplomat"
            if i >= tok.i:
                break
            if e - s > len(tok.text) + 4:
                best = (s, e)
        return best


GROUP_NOUNS = frozenset("group party movement organisation organization network coalition alliance front".split())


def _proper_core(name: str) -> str:
    """ "the pro-Russian Renastere party" -> "Renastere", "the Yiaga Africa election monitoring group" ->
    "Yiaga Africa": a group described around its proper name goes by that name ("Labour Party" and
    "the Russian party", whose capitals are the name or a nationality, stay as they are)."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in GROUP_NOUNS or words[-1][:1].isupper():
        return name
    runs: list[list[str]] = [[]]
    for w in words[:-1]:
        if w[:1].isupper() and w.lower() != "the" and "-" not in w:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    best = max(runs, key=len)
    if not best or all(country_of(w) is not None for w in best) or re.search(r"['\u2019]s?$", best[-1]):
        return name  # "the Russian party", "X's party": a nationality or an owner, not a name
    return " ".join(best)


def _negated_cue(tok: Token) -> bool:
    """ "without saying", "goes without saying", "without specifying": no speech took place."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "without"


NEVER_SPEAKERS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tonight gmt utc bst cet cest est edt pst pdt ist jst wat eat cat msk am pm".split()
)


def _never_speaker(tok: Token) -> bool:
    """Header words that the parser makes subjects: a dateline city in capitals ("CITY -- ..."),
    a month, a weekday, a time zone, a date or time expression."""
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in NEVER_SPEAKERS and tok.text[:1].isupper():
        return True
    if tok.is_upper and len(tok.text) >= 3 and tok.is_alpha and tok.ent_type_ != "ORG":
        line_start = tok.doc.text.rfind("\n", 0, tok.idx) + 1
        head = tok.doc.text[line_start : tok.idx + len(tok) + 40]
        return re.match(r"[A-Z .,'-]+(?:\([^)]*\))?\s*(?:[\u2014\u2013:-]|--|,)", head) is not None
    return False


AMOUNT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "DATE", "TIME"})


def _amount(tok: Token) -> bool:
    """A number, sum or measure ("$150", "a $150 fee", "38 per cent"): never a speaker. "Two of the
    people" is a part of a group and can speak."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    if tok.ent_type_ in AMOUNT_ENTS or tok.pos_ == "NUM" or tok.like_num:
        return True
    return tok.pos_ == "NOUN" and any(
        c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") and c.dep_ in ("nummod", "compound", "amod", "quantmod")
        for c in tok.children
    )


def _subject(tok: Token, view: _DocView) -> Token | None:
    """The speaker token of a cue, kept within the cue's paragraph."""
    subj = _raw_subject(tok, view)
    if subj is not None and (subj.lower_ in NOBODY or _never_speaker(subj) or _amount(subj)):
        return None
    return _in_paragraph(subj, tok, view) if subj is not None else None


SPEECH_NOUNS = frozenset(
    "assurance claim warning promise pledge insistence argument accusation denial assertion remark "
    "comment statement words description suggestion threat vow demand call appeal admission "
    "allegation charge complaint message".split()
)
FEMALE_NOUNS = frozenset("woman girl mother wife daughter sister grandmother lady widow".split())
MALE_NOUNS = frozenset("man boy father husband son brother grandfather widower".split())
QUANTITY_NOUNS = frozenset("tens hundreds thousands millions dozens scores hundred thousand dozen".split())
NOBODY = frozenset({"nobody", "none", "no-one", "noone", "nothing", "few"})


def _outer_reporter(tok: Token, view: _DocView) -> Token | None:
    """ "X said Y was 'ready' and urged Z to ...": a subjectless reporting verb that the parser
    coordinated inside the reported clause is the reporter's second act, so it takes the
    outer cue's subject (X), not the reported clause's (Y)."""
    if tok.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children):
        return None
    head = tok.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "ccomp" or not view.lex.is_cue(head.head) or head.head.i > head.i:
        return None
    if view.lex.is_cue(head) and not (tok.tag_ == head.head.tag_ != head.tag_):
        return None  # "said Y condemns ... and called on Z": only the tense shows whose act it is
    if any(c.dep_ == "aux" for c in tok.children) or tok.tag_ not in ("VBD", "VBZ"):
        return None  # "had rejected ... but had asked": a second verb of the reported clause
    return head.head


def _raw_subject(tok: Token, view: _DocView) -> Token | None:
    """nsubj, passive agent, the subject of the verb the cue hangs from, or an inverted subject."""
    cur = _outer_reporter(tok, view) or tok
    for _ in range(5):
        # two subjects mean a parse slip ("Outside parliament, protesters chanted"): nearest first
        kids = sorted(cur.children, key=lambda c: (c.dep_ not in ("nsubj", "nsubjpass", "csubj"), -c.i))
        for child in kids:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj") and view.in_quote[child.i] < 0:
                if child.lower_ in QUANTITY_NOUNS:  # "thousands of protesters": the protesters
                    of = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                    if pobj is not None:
                        return pobj
                if child.lower_ in RELATIVE and cur.dep_ == "relcl":
                    described = cur.head  # "said Jane Doe, a student who said ...": the student is Jane Doe
                    if described.dep_ == "appos" and (
                        described.head.pos_ == "PROPN" or described.head.ent_type_ == "PERSON"
                    ):
                        return described.head
                    return described
                if child.dep_ == "nsubjpass" and cur.lemma_ not in ("quote", "cite"):
                    return None  # "X was told" / "X was questioned": X is not the speaker
                return child
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if cur.dep_ in ("xcomp", "advcl", "pcomp", "conj", "prep", "acl", "pobj", "acomp") and cur.head.i != cur.i:
            outer = _outer_reporter(cur, view) if cur is not tok and view.lex.is_cue(cur) else None
            if outer is not None:  # "X said Y was '...' and denied ..., saying ...": X says it
                cur = outer
                continue
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                noun = cur.head
                if noun.lemma_.lower() not in view.lex.nouns and noun.lower_ not in view.lex.nouns:
                    return noun  # "a spokesman, speaking on condition of anonymity, said"
                owner = _owner_of_noun(noun)
                if owner is not None:
                    return owner
                cur = noun  # "issued a statement saying ...": the issuer
                continue
            cur = cur.head
            continue
        break
    # inverted order: "..., said Jane Doe."
    for child in tok.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "nsubj", "appos") and view.in_quote[child.i] < 0:
            if child.pos_ in ("PROPN", "NOUN") or child.ent_type_ == "PERSON":
                return child
    # "..., the 58-year-old said": a nominal left of the cue the parser did not call a subject
    lefts = [
        c for c in tok.lefts
        if view.in_quote[c.i] < 0 and not c.is_punct and c.dep_ not in ("aux", "neg", "advmod", "prep", "cc", "mark")
    ]
    if lefts and lefts[-1].i >= tok.i - 6 and lefts[-1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return lefts[-1]
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.dep_ == "appos" and view.in_quote[prev.i] < 0 and (
        prev.ent_type_ == "PERSON" or _humanish(prev)
    ):  # "When I asked the ministry, a press officer told me ...": the parser hung the speaker on the
        return prev  # clause before
    return None


def _in_paragraph(subj: Token, cue: Token, view: _DocView) -> Token | None:
    """Reject a subject the parser took from another paragraph (a headline above, say) and take
    the first top-level nominal of the cue's own paragraph instead."""
    text = view.text
    lo, hi = sorted((subj.idx, cue.idx))
    if "\n" not in text[lo:hi]:
        return subj
    if subj.idx > cue.idx:
        return None
    par_start = text.rfind("\n", 0, cue.idx) + 1
    first = view.doc.char_span(par_start, cue.idx, alignment_mode="expand")
    if first is None:
        return None
    for t in first:
        if view.in_quote[t.i] >= 0 or t.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if not (first.start <= t.head.i < first.end) or t.dep_ in ("nsubj", "nsubjpass"):
            return t
    return None


def _owner_of_noun(noun: Token) -> Token | None:
    """Who issued "a statement saying ...": its possessor, compound, or from/by-phrase, or the agent
    of "a statement released by X"."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    issuer = next((p for p in agent.children if p.dep_ == "pobj"), None)
                    if issuer is not None:
                        return issuer
    return None


def _entity_of(tok: Token) -> Span | None:
    """The entity holding ``tok``, found from its IOB tags (``doc.ents`` is rebuilt on each access)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


# "an adviser to the president": whose aides, advisers or envoys a group of speakers are
_PATRON_NOUNS = frozenset("president minister leader secretary governor chancellor king queen mayor senator "
                          "speaker premier chairman chairwoman chair prince emperor".split())


def _np_span(tok: Token) -> tuple[int, int]:
    """The noun phrase a speaker head names, cut before relative clauses and appositions."""
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "from", "at", "close", "with", "in", "on", "to"):
            if child.lower_ in ("in", "to") and not any(
                g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "ORG") or g.pos_ == "PROPN"
                                      or any(c.pos_ == "PROPN" and c.dep_ in ("compound", "poss") for c in g.children)
                                      or g.lemma_.lower() in ORG_NOUNS
                                      or (child.lower_ == "to" and g.lemma_.lower() in _PATRON_NOUNS))
                for g in child.children
            ):
                break  # "a diplomat in Dakar", "an official in the foreign ministry", not "a man in his 60s"
            if child.lower_ == "on" and not any(g.dep_ == "pobj" and g.lemma_.lower() == "side" for g in child.children):
                break  # "officials on both sides"
            right = max(right, child.right_edge.i)
        elif child.dep_ in ("amod", "compound") and child.i == right + 1:
            right = child.right_edge.i
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i == right + 1:
            right = child.right_edge.i  # "a diplomat briefed on the talks"
        else:
            break
    doc = tok.doc
    for t in doc[tok.i + 1 : right + 1]:  # "a diplomat in Dakar, who asked not to be named": cut a
        # relative clause or apposition hanging low, keep a list ("Ministry of Trade, Industry and ...")
        if t.text in ("(", "\u2014", ";") or (t.text == "," and any(
            d.dep_ in ("relcl", "appos", "acl", "advcl") and d.head.i < t.i for d in doc[t.i + 1 : right + 1]
        )):
            right = t.i - 1
            break
    while left < tok.i and doc[left].is_punct:
        left += 1
    while right > tok.i and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _is_speakerish(tok: Token, view: _DocView) -> bool:
    """Could this subject utter words (a person, an institution) rather than be a thing?"""
    actor = view.index.actor_for(tok.idx, tok.idx + len(tok))
    if actor is not None:
        return str(actor.get("kind")) in ("person", "organization", "country", "group")
    if tok.ent_type_ in PERSONISH_ENTS or tok.pos_ == "PROPN":
        return True
    if tok.lower_ in SPEAKER_PRONOUNS and tok.lower_ != "it":
        return True
    return _humanish(tok) or tok.lemma_.lower() in ORG_NOUNS


def _named_appos(tok: Token) -> Token | None:
    """The name set beside a role: "the foreign minister, Jane Doe, said" and "a spokesman for the
    ruling party, Jane Doe, said" (where the parser hangs the name on the last noun)."""
    for child in tok.children:
        if child.dep_ == "appos" and (child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"):
            return child
    late = [d for d in _bounded(tok, width=WINDOW) if d.dep_ == "appos" and d.ent_type_ == "PERSON" and d.i > tok.i
            and d.doc[d.left_edge.i - 1].text == "," and d.head.dep_ == "pobj"]
    return late[-1] if late else None


TITLE_WORDS = ROLE_NOUNS | ORG_NOUNS | frozenset(
    "supreme commander commander-in-chief chief council forces armed state states republic kingdom federation "
    "presidium national security defence defense affairs high general first acting excellency majesty highness "
    "emir sheikh sultan crown royal people peoples union assembly leader chairperson ministers prime head "
    "federal central supreme honourable honorable hon his her".split()
)
TOP_OFFICE = frozenset("leader head president king queen emir sultan premier".split())  # "the X leader"
NAME_PARTICLES = frozenset("oglu ogly kyzy qizi bin bint ibn al el van von der de da dos del y ben".split())
CHAIN_RE = re.compile(r"(?:[A-Z][\w'\u2019.-]*|(?:of|the|and|for|oglu|ogly|kyzy|qizi|bin|bint|ibn|al|el|van|von|der|"
                      r"de|da|dos|del|y|ben)\b|,|[ \t]+)+")
TITLE_START_RE = re.compile(r"\b(?:President|Prime Minister|Chairman|Chairwoman|Chairperson|King|Queen|Emir|Sultan|"
                            r"Minister|Secretary|Chancellor|Premier|Leader|Head|Speaker|Governor|Vice)\b")


def _title_word(word: str) -> bool:
    low = word.lower().strip(".,")
    return low in TITLE_WORDS or low in SMALL_WORDS or country_of(word) is not None or any(
        part in TITLE_WORDS for part in low.split("-") if part)


def _title_only(name: str) -> bool:
    """"Chairman", "Supreme Commander", "Azerbaijani President": a title, not a personal name."""
    words = name.split()
    return bool(words) and all(_title_word(w) for w in words)


def _chain_name(text: str, pos: int) -> str | None:
    """The personal name that ends a chain of titles at ``pos`` ("Chairman of the Presidium of the
    Supreme Council Jane Doe" -> "Jane Doe"): the last run of capitalised words that are neither
    titles, institutions nor countries, two words at least, right after a title."""
    m = CHAIN_RE.match(text, pos)
    if m is None:
        return None
    chain = m.group().rstrip(" \t,")
    words = [w for w in re.split(r"[ \t]+", chain.replace(",", " , ")) if w]
    run: list[str] = []
    for w in reversed(words):
        if w == "," or (w.lower() in SMALL_WORDS and w.lower() not in NAME_PARTICLES):
            break
        if w.lower() in NAME_PARTICLES or (w[:1].isupper() and not _title_word(w)):
            run.insert(0, w)
            continue
        break
    while run and run[0].lower() in NAME_PARTICLES:
        run.pop(0)
    while run and run[-1].lower() in NAME_PARTICLES:
        run.pop()
    caps = [w for w in run if w[:1].isupper()]
    if len(caps) < 2 or len(run) == len(words) or not _title_word(words[len(words) - len(run) - 1]):
        return None
    return " ".join(run).rstrip(".")


def _fix_titled_speaker(tok: Token, view: _DocView, found: Found) -> None:
    """A speaker named by titles: "the President of X" / "the X leader" is the person the text
    introduced with the titles of country X, not another head of state the linker chose; and a
    name swallowed by a long title ("Presidium of the Supreme Council Jane Doe") is that person."""
    name = found.speaker_name
    if name is None or tok.pos_ == "PRON" or tok.ent_type_ == "PERSON":
        return
    if found.speaker_span is not None and len(name.split()) >= 3 and not _title_only(name):
        got = view.chain_person(found.speaker_span[0])
        if got is None and " of " in name:
            got = view.chain_person(found.speaker_span[0] + name.find(" of ") + 1)
        if got is not None and name.endswith(got[1].split()[-1]):
            found.speaker_actor, found.speaker_name = got
            return
    if tok.lemma_.lower() not in TITLE_WORDS or not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this")) for c in tok.children
    ):
        return  # "a senior diplomat" is someone new, "the president" someone named before
    office = tok.lemma_.lower()
    s, e = _np_span(tok)
    codes = {c for c in (country_of(t.text) for t in view.doc.char_span(s, e, alignment_mode="expand") or []
                         if t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper()) if c}
    if len(codes) != 1:
        return
    code = codes.pop()
    actor = view.index.actor_for(tok.idx, tok.idx + len(tok))
    if actor is not None and (actor.get("kind") != "person" or (
            actor.get("country") == code and not _title_only(str(actor["name"])))):
        return
    people = {(a, n) for _, cs, a, n in view.titled_people() if code in cs and (office in TOP_OFFICE or office in cs)}
    if len(people) == 1:
        found.speaker_actor, found.speaker_name = people.pop()


def resolve_speaker(tok: Token, view: _DocView, found: Found) -> None:
    """Fill speaker span, actor and name from the subject token (actor first, text second)."""
    _resolve_speaker(tok, view, found)
    if found.speaker_name is not None and found.speaker_tok is not None:
        _fix_titled_speaker(found.speaker_tok, view, found)


def _resolve_speaker(tok: Token, view: _DocView, found: Found) -> None:
    ent = _entity_of(tok)
    if tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON":
        named = _named_appos(tok)
        if named is not None:
            tok = named
            ent = _entity_of(tok)
    elif tok.ent_type_ != "PERSON":  # "a spokesman for the ruling Party X, Jane Doe, said" parsed
        # with the party as subject: the person set beside it speaks
        person = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                       and c.i > tok.i and tok.doc[c.left_edge.i - 1].text == ","), None)
        if person is not None:
            tok, ent = person, _entity_of(person)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC"):
        span = (ent.start_char, ent.end_char)
    elif tok.pos_ == "PRON":
        span = (tok.idx, tok.idx + len(tok))
    elif tok.pos_ in ("ADJ", "NUM"):
        span = (tok.left_edge.idx, tok.idx + len(tok))
    else:
        span = _np_span(tok)
    if tok.pos_ in ("NUM", "PRON") and tok.lower_ not in SPEAKER_PRONOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    ):  # "two of the people said", "one of them said": a part of a group, named as written
        found.speaker_span = _np_span(tok)
        found.speaker_tok = tok
        found.speaker_name = view.text[found.speaker_span[0] : found.speaker_span[1]]
        return
    found.speaker_span = span
    found.speaker_tok = tok
    low = tok.lower_
    want = "org" if low == "it" else "person"
    if tok.pos_ in ("PRON", "ADJ", "NUM") and low not in ("i", "we", "you", "me", "us", "they", "them"):
        # a speaker pronoun points back to the last main-clause subject that fits; this beats a
        # nearest-name link, so it is tried before the mention index
        ante, by_subject = view.antecedent_how(tok, want)
        if ante is not None and by_subject:
            found.speaker_actor, found.speaker_name = view.name_of(ante)
            return
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
        # "the diplomat said": the person introduced as "a diplomat ..." earlier, which beats a
        # role link to whichever named person last held a similar title
        linked = view.index.actor_for(tok.idx, tok.idx + len(tok))
        earlier = view._earlier_np(tok) if linked is None or linked.get("kind") == "person" else None
        if earlier is None and linked is None and tok.lemma_.lower() in ORG_NOUNS:
            org = view.named_org(tok)
            if org is not None:  # "the commission said": the Electoral Commission named earlier
                found.speaker_actor, found.speaker_name = str(org["id"]), view.actor_name(org)
                return
        if earlier is not None:
            prior = view.index.actor_for(*earlier)
            if prior is not None:
                found.speaker_actor, found.speaker_name = str(prior["id"]), view.actor_name(prior)
            else:
                found.speaker_name = re.sub(r"(?:'s|\u2019s)$", "", view.text[earlier[0]:earlier[1]]).strip()
            return
        if tok.tag_ == "NN" and _humanish(tok) and view.index.actor_for(tok.idx, tok.idx + len(tok)) is None and any(
            "year-old" in c.text or c.lower_ == "old" for c in _bounded(tok, width=WINDOW)
        ):  # "the 71-year-old said": a description of the person the story is about
            ante, by_subject = view.antecedent_how(tok, "person")
            if ante is not None and by_subject:
                found.speaker_actor, found.speaker_name = view.name_of(ante)
                return
    actor = view.index.actor_for(tok.idx, tok.idx + len(tok))
    if actor is None and (ent is not None or tok.pos_ == "PRON"):
        actor = view.index.actor_for(*span)
    if actor is not None and low in ("he", "she", "him", "her") and actor.get("kind") not in ("person", None):
        actor = None  # a personal pronoun mapped to a non-person is a linking slip
    if actor is not None:
        found.speaker_actor = str(actor["id"])
        found.speaker_name = view.actor_name(actor)
        return
    if tok.pos_ == "PRON" or tok.pos_ in ("ADJ", "NUM"):
        group = view.group_antecedent(tok) if low in ("they", "them") else None
        if group is not None:  # "the government had promised ... 'they told us'"
            found.speaker_actor, found.speaker_name = view.name_of(group)
            return
        if low in ("i", "we", "you", "me", "us", "they", "them"):
            found.speaker_name = None
            return
        ante = view.antecedent(tok, want)
        if ante is not None:
            found.speaker_actor, found.speaker_name = view.name_of(ante)
        elif low == "it":  # an "it" with nothing to point at is no speaker at all
            found.speaker_span = found.speaker_tok = found.cue = None
            found.speaker_name = None
        else:
            found.speaker_name = None
        return
    found.speaker_actor, found.speaker_name = view.name_of(tok)


WINDOW = 80  # tokens scanned on each side of a quote or cue: keeps run-on text linear


def _bounded(tok: Token, around: Token | None = None, width: int = 2 * WINDOW) -> list[Token]:
    """``tok``'s subtree (a contiguous span in a projective parse) within ``width`` tokens of
    ``around``: a run-on text parsed as one deep sentence would otherwise be walked once per cue."""
    a = around if around is not None else tok
    lo, hi = max(tok.left_edge.i, a.i - width), min(tok.right_edge.i + 1, a.i + width + 1)
    return list(tok.doc[lo:max(lo, hi)])


def _clip(span: Span, anchor: Span | None, width: int) -> Span:
    """``span`` cut to ``width`` tokens either side of ``anchor`` (a real sentence is shorter than
    that; a text without sentence breaks would otherwise be scanned once per quote)."""
    if anchor is None:
        return span
    lo, hi = max(span.start, anchor.start - width), min(span.end, anchor.end + width)
    if lo <= span.start and hi >= span.end:
        return span
    return span.doc[lo:max(lo, hi)]


def _phrase_matches(span: Span, lex: Lexicon) -> list[tuple[int, int]]:
    """Token index ranges of lexicon phrases inside ``span`` (phrases indexed by first word)."""
    words = [t.lower_ for t in span]
    first = _phrase_index(lex)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        for ph in first.get(words[i], ()):
            if tuple(words[i : i + len(ph)]) == ph:
                out.append((span.start + i, span.start + i + len(ph)))
                i += len(ph) - 1
                break
        i += 1
    return out


@lru_cache(maxsize=4)
def _phrase_index(lex: Lexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for ph in lex.phrases:  # longest first, kept in that order
        index.setdefault(ph[0], []).append(ph)
    return {k: tuple(v) for k, v in index.items()}


def _overlapping(covered: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """The quote spans meeting [s, e); ``covered`` is sorted and its spans do not overlap, so a
    lookup costs a bisection, not a pass over every quote of the document."""
    i = max(0, bisect.bisect_left(covered, (s, -1)) - 1)
    out = []
    while i < len(covered) and covered[i][0] < e:
        if covered[i][1] > s:
            out.append(covered[i])
        i += 1
    return out


def _cue_at(tok: Token, view: _DocView) -> tuple[int, int]:
    """The cue span around ``tok``: the lexicon phrase holding it (looked up nearby), else the word."""
    near = _clip(view.sent(tok), tok.doc[tok.i : tok.i + 1], 20)
    return _cue_span(tok, _phrase_matches(near, view.lex))


def _cue_span(tok: Token, phrases: list[tuple[int, int]]) -> tuple[int, int]:
    """The phrase holding ``tok`` (``phrases`` are sorted, non-overlapping token ranges), else the word."""
    doc = tok.doc
    k = bisect.bisect_right(phrases, (tok.i, len(doc) + 1)) - 1
    if k >= 0 and phrases[k][0] <= tok.i < phrases[k][1]:
        a, b = phrases[k]
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
    return tok.idx, tok.idx + len(tok)


def _governs(cue: Token, toks: Span) -> bool:
    """Does ``cue`` govern the quote through its reported clause?"""
    return _govern_depth(cue, toks) >= 0


def _govern_depth(cue: Token, toks: Span) -> int:
    """How many steps up from the quote ``cue`` governs it through its reported clause (-1: it does
    not). Every verb on the way up from the quote must belong to that clause (ccomp, xcomp, conj),
    so "detained the ship 'X'" under "recalled" does not count; the nearest governing cue is the
    quote's own ("X accuses Y of 'Z'; W insists ...": X's words)."""
    for t in toks:
        if not (t.head.i < toks.start or t.head.i >= toks.end or t.head.i == t.i):
            continue
        cur = t
        for step in range(WINDOW // 2):  # a deep run-on parse is not climbed to its root once per cue
            if cur.head.i == cur.i:
                break
            head = cur.head
            if head.i == cue.i:
                return step
            if head.pos_ in ("VERB", "AUX") and not (toks.start <= head.i < toks.end):
                if head.dep_ not in ("ccomp", "xcomp", "conj", "parataxis", "pcomp", "dep", "advcl", "relcl"):
                    return -1
                if head.dep_ in ("relcl", "advcl") and any(
                    c.lower_ in RELATIVE and c.dep_ in ("nsubj", "nsubjpass") or c.lower_ == "which"
                    for c in head.children
                ):
                    return -1  # ", which is ... for 'X'": the writer's aside, not the reported clause
            cur = head
    return -1


AUX_WORDS = frozenset("had has have was were is are be been being would will could should may might must "
                      "did does do not".split())
PUT_IT_RE = re.compile(r"\b(?:put it|words)\b", re.I)  # "as X put it, '...'", "in X's words, '...'"
CHANT_VERBS = frozenset({"chant", "shout", "yell", "scream", "cry", "sing"})
LABEL_RE = re.compile(r"\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s*:\s*$")
NOT_LABELS = frozenset({"question", "q", "a", "answer", "update", "note", "editor's note", "source", "sources",
                        "breaking", "watch", "read more", "related", "photo", "video"})
SMALL_WORDS = frozenset("of the do da de la le von van der and in on for al el".split())


def _looks_like_name(content: str) -> bool:
    """A short Title Case string (a ship, a book, an operation) rather than words someone said."""
    words = content.split()
    if not 1 <= len(words) <= 5 or content.rstrip()[-1:] in ".?!,":
        return False
    caps = [w for w in words if w.lower() not in SMALL_WORDS]
    return bool(caps) and all(w[:1].isupper() for w in caps) and words[0][:1].isupper()


def _title_before(text: str, pos: int, lex: Lexicon) -> bool:
    """Is the quote mark at ``pos`` preceded by so-called / the term / the book ... ?"""
    words = re.findall(r"[\w'-]+", text[max(0, pos - 40) : pos].lower())
    words = [w for w in words if w not in ("a", "an", "the", "his", "her", "their", "its", "as")]
    if len(words) >= 2 and words[-1] in lex.titles and words[-2] in lex.naming:
        return False  # "called the book 'a work of fiction'": a verdict on the book, not its title
    if words and words[-1] in AUX_WORDS:
        return False  # "the boat had 'intruded'": the mark follows a verb, not a title word
    return any(w in lex.titles for w in words[-2:])


# --- 4. transcript turns ---------------------------------------------------------------------------

TURN_RE = re.compile(r"^[ \t]*(?:\*\*)?([A-Z][^\n:*?!\"\u201c]{0,60}?)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]+(?=\S)", re.M)
TURN_WORD_RE = re.compile(r"(?:[A-Z][\w.'\u2019-]*|[a-z]{1,3}|bin|van|von|der|del|della|dos)")
QUESTION_LABELS = frozenset({"q", "question", "questions", "reporter", "journalist", "interviewer",
                             "audience member", "audience"})
ANSWER_LABELS = frozenset({"a", "answer"})
HONORIFICS = frozenset("mr mrs ms miss dr prof professor sir dame madam mme".split())
NOT_TURN_LABELS = frozenset(
    "update updated note translation published issued explainer watch read related photo photos video source "
    "sources correction clarification background analysis comment opinion live breaking exclusive more also "
    "disclaimer caption credit credits tags topics share listen context summary takeaway verdict claim rating "
    "contact correspondent reporting dateline file agenda programme program schedule".split()
) | {"editor's note", "editors' note", "editor\u2019s note", "read more", "see also", "last updated",
     "key points", "fact check", "the claim", "the facts", "our ruling", "what we know"}
TURN_ROLE_MODIFIERS = frozenset("deputy vice assistant associate former acting chief principal senior".split())


@dataclass
class Turn:
    """A labelled paragraph of a transcript or interview: ``label`` and ``body`` are char spans;
    ``role`` is "q" (a question: the questioner's words are not reported as quotes) or "a"."""

    par: int
    label: tuple[int, int]
    body: tuple[int, int]
    key: str
    role: str = ""


def _label_key(label: str) -> str:
    return " ".join(label.lower().replace("\u2019", "'").rstrip(".").split())


def _speakerlike_label(span: Span | None, key: str) -> bool:
    """A label that names someone (a person, a role, an organisation), not a header ("Update", "Monday")."""
    if key in ANSWER_LABELS or key in QUESTION_LABELS:
        return True
    words = key.replace(".", " ").split()
    if any(w in ROLE_NOUNS or w in HONORIFICS or w.endswith(("person", "man", "woman")) for w in words):
        return True
    if span is None:
        return False
    if any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL") or t.lower_ in NEVER_SPEAKERS
           for t in span):
        return False
    return any(t.ent_type_ in ("PERSON", "ORG", "NORP") or t.pos_ == "PROPN" for t in span)


def find_turns(doc: Doc) -> list[Turn]:
    """Speaker turns of a transcript or interview ("Question: ...", "SPOKESPERSON: ...", "Jane Doe: ...").

    A labelled paragraph counts only inside a dialogue: its label asks questions (Q, Question, Reporter,
    or a label whose turns are mostly questions), answers the paragraph just before (a question), or is a
    speaker's label used again in a text that has questions or other speakers. A dateline ("CITY: ..."),
    a header ("Update: ...") or a headline ("Minister: ...") stands alone and is no turn."""
    text = doc.text
    if text.count(":") < 2:
        return []
    pars = paragraphs(text)
    starts = [p[0] for p in pars]
    cands: list[Turn] = []
    for m in TURN_RE.finditer(text):
        label = m.group(1).strip()
        words = label.split()
        if not 1 <= len(words) <= 6 or not all(TURN_WORD_RE.fullmatch(w) for w in words):
            continue
        key = _label_key(label)
        if key in NOT_TURN_LABELS or any(ch.isdigit() for ch in label):
            continue
        pi = bisect.bisect_right(starts, m.start()) - 1
        if pi < 0 or starts[pi] > m.start():
            continue
        bs, be = _trim(text, m.end(), pars[pi][1])
        if be - bs < 2:
            continue
        ls = m.start(1)
        cands.append(Turn(pi, (ls, ls + len(label)), (bs, be), key))
    if len(cands) < 2:
        return []
    counts: dict[str, int] = {}
    asked: dict[str, int] = {}
    for c in cands:
        counts[c.key] = counts.get(c.key, 0) + 1
        asked[c.key] = asked.get(c.key, 0) + ("?" in text[c.body[0] : c.body[1]])
    asks = {k for k in counts if k in QUESTION_LABELS
            or (k not in ANSWER_LABELS and counts[k] >= 2 and 2 * asked[k] >= counts[k])}
    likes = {c.key: _speakerlike_label(doc.char_span(*c.label, alignment_mode="expand"), c.key) for c in cands}
    repeated = [k for k in counts if k not in asks and counts[k] >= 2 and likes[k]]
    by_par: dict[int, Turn] = {}
    for c in cands:
        if c.key in asks:
            c.role = "q"
        by_par[c.par] = c
    for c in cands:
        if c.role or not likes[c.key]:
            continue
        prev = by_par.get(c.par - 1)
        if (prev is not None and prev.role == "q") or (c.key in ANSWER_LABELS and asks) or (
            c.key in repeated and (asks or len(repeated) >= 2)
        ):
            c.role = "a"
    return [c for c in cands if c.role]


REBUTTING_CUES = frozenset(
    "reject deny dismiss dispute refute rebut counter contest question challenge decry denounce condemn "
    "criticize criticise slam blast ridicule mock deplore".split()
)
QUANTIFIER_SOURCES = frozenset({"some", "others", "many", "most", "several", "both"})
ADDRESSEE_CUES = frozenset("tell remind inform assure reassure warn advise brief promise".split())
VIEW_NOUNS = frozenset("view opinion estimation assessment judgment judgement reckoning".split())
NOMINAL_CUES = SPEECH_NOUNS | frozenset(
    "announcement assertion contention insistence pledge prediction position belief view conviction confidence "
    "concern hope fear assurance promise suggestion recommendation proposal finding conclusion estimate "
    "acknowledgement acknowledgment admission report statement remarks argument explanation testimony".split()
)
# verbs whose object noun carries the subject's own words: "reiterated its position that ...",
# "expressed confidence that ...", "issued a warning that ..." (not "rejected claims that ...")
VOICING_VERBS = frozenset(
    "express voice issue make give reiterate reaffirm repeat restate stress state offer publish release "
    "share convey deliver send put renew underline underscore emphasise emphasize".split()
)
ARG_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "dative", "prep", "pobj", "xcomp", "ccomp", "npadvmod"})


@lru_cache(maxsize=4)
def _triggers(lex: Lexicon) -> frozenset[str]:
    """Every word that can start an indirect report (cue verbs, speech nouns, "according", "that")."""
    return (lex.verbs | lex.naming | lex.clausal | lex.particle_verbs | NOMINAL_CUES | VIEW_NOUNS
            | frozenset({"according", "that", "put"}))


def _finite_clause(tok: Token) -> bool:
    """A clause the tagger got wrong ("... estimates that fishing costs ...", with "costs" a noun; a
    dateline "CITY: ... were detained ..." hung on the city name): a "that" or a verb with a subject."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return True
    return any(
        c.pos_ in ("VERB", "AUX") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp", "appos")
    )


def _that_complement(cl: Token) -> bool:
    """A that-clause stating something ("statements that the border could be closed"), not a relative
    clause ("the statement that the minister read"): a "that" the parser calls a mark, or a leading "that"
    in a clause with its own subject and nothing missing (passive, or with its own object)."""
    if any(m.dep_ == "mark" and m.lower_ == "that" for m in cl.children):
        return True
    if cl.left_edge.lower_ != "that":
        return False
    kids = [c for c in cl.children if c.lower_ not in RELATIVE]
    return any(c.dep_ == "nsubjpass" for c in kids) or (
        any(c.dep_ == "nsubj" for c in kids) and any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") for c in kids))


def _gapless_clause(cl: Token) -> bool:
    """A "relative clause" with its own subject and object and no relative word is a complement the
    parser misread ("told the chamber he had buried two neighbours")."""
    if any(c.lower_ in RELATIVE or c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in cl.subtree if c.i < cl.i):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in cl.children) and any(
        c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd") for c in cl.children
    )


def _mostly_unquoted(toks: list[Token], covered: list[tuple[int, int]]) -> bool:
    """A reported clause whose own words outweigh the few quoted inside it ("said the leadership had
    'broken its promise' to bring the bills to the floor") is reported speech as a whole: the partial
    quote alone would carry only a sliver of what was reported."""
    words = [x for x in toks if not x.is_punct]
    inside = sum(1 for x in words if any(cs <= x.idx < ce for cs, ce in covered))
    return len(words) - inside >= 6 and inside * 2 <= len(words)


def _edge_trim(toks: list[Token]) -> list[Token]:
    """Drop edge punctuation, spaces, a leading "that"/relative word and a trailing "and"."""
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ in ("cc", "mark")
                    or (toks[0].lower_ in RELATIVE and toks[0].dep_ in ("nsubj", "nsubjpass", "dobj"))):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ in ("cc", "mark")):
        toks = toks[:-1]
    return toks


def _reported(view: _DocView, s: int, e: int, covered: list[tuple[int, int]], anchor: Token,
              cue: tuple[int, int] | None, source: Token, need_speaker: bool) -> Found | None:
    """An indirect report of ``text[s:e]`` by ``source``, in ``anchor``'s sentence; none across paragraphs
    or over quoted words, and (``need_speaker``) none whose source names nobody."""
    if "\n" in view.text[s:e] or _overlapping(covered, s, e):
        return None
    sent = view.sent(anchor)
    f = Found(s, e, "indirect", Region(sent.start_char, sent.end_char))
    f.cue = cue
    resolve_speaker(source, view, f)
    return None if need_speaker and f.speaker_name is None else f


class QuoteAnnotator:
    """Finds quote marks, cue verbs and speakers; writes ``doc._.np_quotes``."""

    def __init__(self, nlp: Language, name: str, cue_verbs: str = "", whole_clauses: bool = False) -> None:
        self.name = name
        self.cue_path = cue_verbs or str(RESOURCE)
        # reported clauses carrying a few quoted words: also report the whole clause (PolNeAR-style
        # content spans) instead of only its quoted words and unquoted lead (the project gold's convention)
        self.whole_clauses = whole_clauses

    @property
    def lex(self) -> Lexicon:
        return load_lexicon(self.cue_path)

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        text = doc.text
        marks = scan_quotes(text) if MARK_RE.search(text) else []
        turns = find_turns(doc) if ":" in text else []
        answers = self._answer_spans(turns, marks, text)
        view = _DocView(doc, marks, lex, [a for a in answers if a is not None])
        regions = build_regions(text, marks, lex)
        spoken = self._turn_quotes(turns, answers, view)
        found = self._quotes(marks, regions, view, spoken)
        found.extend(spoken)
        found.extend(self._indirect(view, found, marks))
        if turns:
            self._you_in_questions(found, turns, spoken)
        self._headline_quotes(found, view)
        found.sort(key=lambda f: (f.start, f.end))
        doc._.np_quotes = [
            {
                "start": f.start,
                "end": f.end,
                "kind": f.kind,
                "speaker_actor": f.speaker_actor,
                "speaker_name": f.speaker_name,
                "speaker": list(f.speaker_span) if f.speaker_span else None,
                "cue": list(f.cue) if f.cue else None,
                "sentence": [f.region.start, f.region.end],
            }
            for f in found
        ]
        return doc

    # -- quote marks -> direct / partial quotes

    def _kind(self, mk: Mark, qi: int, reg: Region, marks: list[Mark], view: _DocView) -> str:
        text = view.text
        if mk.group >= 0:
            return "direct"
        pos = reg.quotes.index(qi)
        prev_end = reg.start if pos == 0 else marks[reg.quotes[pos - 1]].close + 1
        pre = text[prev_end : mk.open].strip()
        content = text[mk.cstart : mk.close if mk.close >= 0 else mk.cend]
        words = len(content.split())
        ends_punct = bool(re.search(r"[.?!,;:\u2014-]\s*$", content))
        if not pre and pos == 0:
            post_end = marks[reg.quotes[pos + 1]].open if pos + 1 < len(reg.quotes) else reg.end
            post = text[(mk.close + 1) if mk.close >= 0 else mk.cend : post_end]
            tagged = _short_attribution(post, view.lex, lead=post.lstrip()[:1] == ",")
            if ends_punct or not post.strip(" .") or (tagged and (words >= 4 or post.lstrip()[:1] == ",")):
                return "direct"
            return "partial"
        if pre.endswith(":") and (words >= 3 or ends_punct):
            return "direct"
        if pre.endswith((",", "\u2014")) and (pos > 0 or content[:1].isupper()):
            if _short_attribution(pre, view.lex) or any(
                w.lower() in view.lex.verbs for w in WORD_RE.findall(pre)
            ) or PUT_IT_RE.search(pre):
                return "direct"
        return "partial"

    # -- transcript turns -> direct quotes

    @staticmethod
    def _answer_spans(turns: list[Turn], marks: list[Mark], text: str) -> list[tuple[int, int] | None]:
        """Per turn, the span an answer's words take: its body and the unlabelled paragraphs that
        carry on the answer before the next turn (None for questions)."""
        pars = paragraphs(text)
        out: list[tuple[int, int] | None] = []
        for k, t in enumerate(turns):
            if t.role != "a":
                out.append(None)
                continue
            end = t.body[1]
            nxt = turns[k + 1].par if k + 1 < len(turns) else -1
            for pi in range(t.par + 1, nxt if nxt > 0 else t.par + 1):
                ps, pe = _trim(text, *pars[pi])
                body = text[ps:pe]
                if len(body.split()) < 4 or not ENDS_SENTENCE_RE.search(body) or MARK_RE.match(body):
                    break
                end = pe
            out.append((t.body[0], end))
        return out

    def _turn_quotes(self, turns: list[Turn], answers: list[tuple[int, int] | None], view: _DocView) -> list[Found]:
        """An answer turn is a direct quote of its label's speaker (unless it opens with quote marks,
        which the mark pass reports)."""
        out: list[Found] = []
        names: dict[str, tuple[str | None, str | None]] = {}
        for t, span in zip(turns, answers, strict=True):
            if span is None or MARK_RE.match(view.text, t.body[0]):
                continue
            f = Found(span[0], span[1], "direct", Region(span[0], span[1]))
            f.turn = True
            if t.key not in names:
                names[t.key] = self._turn_speaker(t, turns, view)
            f.speaker_actor, f.speaker_name = names[t.key]
            f.speaker_span = t.label
            out.append(f)
        return out

    @staticmethod
    def _turn_speaker(t: Turn, turns: list[Turn], view: _DocView) -> tuple[str | None, str | None]:
        """(actor id, name) for a turn label: "A" is the interviewee, a role ("Spokesperson") the person
        named for that role before the dialogue, a name ("Doe", "JANE DOE") the fullest form of it."""
        text = view.text
        actors = [a for a in view.doc._.np_actors or [] if a.get("kind") == "person"]
        first = turns[0].label[0]
        if t.key in ANSWER_LABELS:
            # the person the introduction is about: most mentioned there, first named on a tie
            intro = [(sum(1 for m in a.get("mentions") or [] if m[0] < first),
                      -min((m[0] for m in a.get("mentions") or []), default=len(text)), a) for a in actors]
            intro = [x for x in intro if x[0] > 0]
            if not intro:
                return None, None
            best = max(intro, key=lambda x: (x[0], x[1]))[2]
            return str(best["id"]), view.actor_name(best)
        label = text[t.label[0] : t.label[1]]
        words = [w.title() if w.isupper() and len(w) > 1 else w for w in label.replace(".", " ").split()]
        core = [w for w in words if w.lower() not in HONORIFICS]
        if not core:
            return None, label
        low = [w.lower() for w in core]
        span = view.doc.char_span(*t.label, alignment_mode="expand")
        is_name = span is not None and any(x.ent_type_ == "PERSON" for x in span)
        if not is_name and (low[-1] in ROLE_NOUNS or low[-1].endswith(("person", "man", "woman"))):
            found = QuoteAnnotator._role_holder(" ".join(low), first, view)
            if found is not None:
                return found
            holders = [a for a in actors if str(a.get("role") or "").lower() in (" ".join(low), low[-1])]
            if len(holders) == 1:
                return str(holders[0]["id"]), view.actor_name(holders[0])
            return None, " ".join(core)
        same = [a for a in actors if str(a["name"]).split() and str(a["name"]).split()[-1].lower() == low[-1]
                and set(low) <= {w.lower() for w in str(a["name"]).split()}]
        if same:
            best = max(same, key=lambda a: len(a.get("mentions") or []))
            return str(best["id"]), view.actor_name(best)
        return None, view.full_name(" ".join(core))

    @staticmethod
    def _role_holder(role: str, before: int, view: _DocView) -> tuple[str | None, str | None] | None:
        """The person named beside a role before ``before``: "Jane Doe, Spokesperson for ...",
        "Deputy Spokesperson Jane Doe", "the spokesperson for the ministry, Jane Doe"."""
        text = view.text
        low_text = text[:before].lower()
        words = role.split()
        for hit in re.finditer(r"\b" + re.escape(role) + r"\b", low_text):
            prev = low_text[max(0, hit.start() - 20) : hit.start()].split()
            if prev and prev[-1] in TURN_ROLE_MODIFIERS and prev[-1] not in words:
                continue  # "Deputy Spokesperson X" does not hold the label "Spokesperson"
            for ent in view.persons:
                if ent.end_char <= hit.start():
                    gap = text[ent.end_char : hit.start()]
                    ok = re.fullmatch(r"\s*,\s*(?:the\s+|a\s+|an\s+)?", gap, re.I) is not None
                elif ent.start_char >= hit.end():
                    gap = text[hit.end() : ent.start_char]
                    ok = re.fullmatch(r"(?:\s+(?:for|of|to|at)\s+[^,.;:\n]{1,60})?\s*,?\s*", gap) is not None
                else:
                    ok = False
                if ok:
                    actor = view.index.actor_for(ent.start_char, ent.end_char)
                    if actor is not None and actor.get("kind") == "person":
                        return str(actor["id"]), view.actor_name(actor)
                    return None, view.full_name(ent.text)
        return None

    @staticmethod
    def _you_in_questions(found: list[Found], turns: list[Turn], spoken: list[Found]) -> None:
        """"You have accused X of ..." in an interviewer's question: "you" is the one who answers next."""
        for f in found:
            tok = f.speaker_tok
            if tok is None or tok.lower_ != "you" or f.speaker_name is not None:
                continue
            for k, t in enumerate(turns):
                if t.role == "q" and t.body[0] <= tok.idx < t.body[1]:
                    nxt = next((g for g in spoken if g.start > t.body[1]), None)
                    if nxt is not None and nxt.start <= (turns[k + 1].body[0] if k + 1 < len(turns) else nxt.start):
                        f.speaker_actor, f.speaker_name = nxt.speaker_actor, nxt.speaker_name
                    break

    def _quotes(
        self, marks: list[Mark], regions: list[Region], view: _DocView, spoken: list[Found] | None = None
    ) -> list[Found]:
        out: list[Found] = []
        by_mark: dict[int, Found] = {}
        for reg in regions:
            rspan = view.tokens(reg.start, reg.end)
            phrases = _phrase_matches(rspan, view.lex) if rspan is not None else []
            for qi in reg.quotes:
                mk = marks[qi]
                f = Found(mk.cstart, mk.cend, self._kind(mk, qi, reg, marks, view), reg, mark=mk)
                by_mark[qi] = f
                if rspan is not None:
                    self._attribute(f, qi, reg, rspan, phrases, marks, view)
                out.append(f)
        self._coordinated_quotes(out, view)
        self._repeated_quotes(out + (spoken or []), view)
        self._context_speakers(out, marks, regions, view, by_mark)
        out.extend(self._nested_quotes(marks, by_mark, view))
        return self._merge_groups(out)

    @staticmethod
    def _repeated_quotes(found: list[Found], view: _DocView) -> None:
        """A headline or summary quote repeats words quoted with a speaker elsewhere in the article
        ("Kenya 'ready to lead' ..." then "X said Nairobi was 'ready to lead'"): same speaker."""
        text = view.text

        def norm(f: Found) -> str:
            return " ".join(WORD_RE.findall(text[f.start : f.end].lower()))

        attributed = [(norm(g), g) for g in found if g.speaker_name is not None and (g.cue is not None or g.turn)]
        for f in found:
            if f.cue is not None or f.scare or f.mark is None:
                continue
            key = norm(f)
            if len(key) < 6:
                continue
            for other, g in attributed:
                if g is not f and (other == key or other.startswith(key + " ") or (
                    g.turn and key.count(" ") >= 3 and f" {key} " in f" {other} ")):
                    f.speaker_span, f.speaker_actor, f.speaker_name = g.speaker_span, g.speaker_actor, g.speaker_name
                    f.speaker_tok = g.speaker_tok
                    if other == key:
                        f.kind = g.kind
                    elif f.kind == "partial":
                        f.kind = "direct"
                    break

    @staticmethod
    def _headline_quotes(found: list[Found], view: _DocView) -> None:
        """A quote in the headline or standfirst ("Canberra takes India to WTO over 'unjustified'
        duties") whose words the body reports with a speaker, in quote marks or in a reported clause:
        that speaker's."""
        text = view.text
        body_start = -1
        for ps, pe in paragraphs(text):
            line = text[ps:pe].strip()
            if len(line.split()) >= 12 and ENDS_SENTENCE_RE.search(line):
                body_start = ps
                break
        heads = [f for f in found if f.start < body_start and f.mark is not None and f.speaker_name is None
                 and not f.scare]
        if not heads:
            return
        body = [(" " + " ".join(WORD_RE.findall(text[g.start : g.end].lower())) + " ", g)
                for g in found if g.start >= body_start and g.speaker_name is not None]
        for f in heads:
            key = " ".join(WORD_RE.findall(text[f.start : f.end].lower()))
            if len(key) < 6:
                continue
            g = next((g for words, g in body if f" {key} " in words), None)
            if g is not None:
                f.speaker_span, f.speaker_actor, f.speaker_name = g.speaker_span, g.speaker_actor, g.speaker_name
                f.speaker_tok = g.speaker_tok

    @staticmethod
    def _coordinated_quotes(found: list[Found], view: _DocView) -> None:
        """ chanted "X!" and "Y!": the second quote shares the first one's cue, speaker and kind."""
        for prev, f in zip(found, found[1:], strict=False):
            if f.speaker_name is not None or prev.speaker_name is None or prev.cue is None or f.scare:
                continue
            if prev.region is not f.region or prev.mark is None or f.mark is None or prev.mark.close < 0:
                continue
            if re.fullmatch(r"\s*(?:,|and|or|, and|, or)\s*", view.text[prev.mark.close + 1 : f.mark.open]):
                f.speaker_span, f.speaker_actor, f.speaker_name = prev.speaker_span, prev.speaker_actor, prev.speaker_name
                f.speaker_tok, f.cue, f.kind = prev.speaker_tok, prev.cue, prev.kind

    def _nested_quotes(self, marks: list[Mark], by_mark: dict[int, Found], view: _DocView) -> list[Found]:
        """A quote inside a quote: attributed within the outer quote ("He told me, 'no'"), and to
        the outer speaker when the inner cue's subject is "I" or "we"."""
        out: list[Found] = []
        saved = view.in_quote
        text = view.text
        for qi, mk in enumerate(marks):
            if mk.parent < 0 or mk.parent not in by_mark:
                continue
            outer = by_mark[mk.parent]
            pm = marks[mk.parent]
            start, end = pm.cstart, pm.cend
            for b in BOUNDARY_RE.finditer(text, pm.cstart, mk.open + 1):
                start = b.end()
            b2 = BOUNDARY_RE.search(text, mk.close + 1, pm.cend)
            if b2 is not None:
                end = b2.start() + 1
            reg = Region(start, end, [qi])
            mask = list(saved)
            inner = view.tokens(mk.open, mk.close + 1)
            outer_toks = view.tokens(pm.cstart, pm.cend)
            if inner is None or outer_toks is None:
                continue
            for t in outer_toks:
                mask[t.i] = -1
            for t in inner:
                mask[t.i] = qi
            view.in_quote = mask
            try:
                f = Found(mk.cstart, mk.cend, self._kind(mk, qi, reg, marks, view), reg, mark=mk)
                rspan = view.tokens(reg.start, reg.end)
                if rspan is not None and f.kind == "direct":  # a fragment quoted inside a quote is a term
                    self._attribute(f, qi, reg, rspan, _phrase_matches(rspan, view.lex), marks, view)
            finally:
                view.in_quote = saved
            if f.speaker_tok is not None and f.speaker_tok.lower_ in ("i", "we", "me", "us"):
                f.speaker_span, f.speaker_actor, f.speaker_name = (
                    outer.speaker_span, outer.speaker_actor, outer.speaker_name)
            elif f.speaker_name is not None and outer.speaker_name is not None and (
                    (f.speaker_actor is not None and f.speaker_actor == outer.speaker_actor)
                    or f.speaker_name.split()[-1] == outer.speaker_name.split()[-1]):
                # "She told me, '...'" inside his quote: someone he quotes, never himself
                f.speaker_span = f.speaker_actor = f.speaker_name = None
            out.append(f)
        return out

    @staticmethod
    def _merge_groups(found: list[Found]) -> list[Found]:
        """One quote per utterance that runs over several paragraphs."""
        groups: dict[int, list[Found]] = {}
        out: list[Found] = []
        for f in found:
            if f.mark is not None and f.mark.group >= 0:
                groups.setdefault(f.mark.group, []).append(f)
            else:
                out.append(f)
        for parts in groups.values():
            parts.sort(key=lambda f: f.start)
            best = next((p for p in parts if p.cue is not None), None) or next(
                (p for p in parts if p.speaker_span is not None), parts[0])
            merged = Found(parts[0].start, parts[-1].end, "direct",
                           Region(parts[0].region.start, parts[-1].region.end), mark=parts[0].mark)
            merged.speaker_span, merged.speaker_actor, merged.speaker_name = (
                best.speaker_span, best.speaker_actor, best.speaker_name)
            merged.speaker_tok, merged.cue = best.speaker_tok, best.cue
            out.append(merged)
        return out

    def _attribute(
        self,
        f: Found,
        qi: int,
        reg: Region,
        rspan: Span,
        phrases: list[tuple[int, int]],
        marks: list[Mark],
        view: _DocView,
    ) -> None:
        """Cue and speaker from the frame (the region's words outside quote marks)."""
        mk = marks[qi]
        lex = view.lex
        text = view.text
        if f.kind == "partial" and (
            _title_before(text, mk.open, lex) or _looks_like_name(text[mk.cstart : mk.cend])
        ):
            f.scare = True
            return
        qtoks = view.tokens(mk.cstart, mk.cend)
        rspan = _clip(rspan, view.tokens(mk.open, mk.cend), WINDOW)  # bounded work in run-on text
        frame = [t for t in rspan if view.in_quote[t.i] < 0]
        cues = [t for t in frame if lex.is_cue(t)]
        qend = mk.close + 1 if mk.close >= 0 else mk.cend

        def blocked(t: Token) -> bool:
            # another sentence end or another quote between the cue and this quote
            a, b = (t.idx, mk.open) if t.idx < mk.open else (qend, t.idx)
            between = text[a:b]
            if BOUNDARY_RE.search(between + " A") and not between.strip().endswith(":"):
                if re.search(r"[.?!]", between.replace(".\u201d", "")):
                    return True
            return any(a <= marks[o].open < b for o in reg.quotes if o != qi)

        scored: list[tuple[int, int, int, Token]] = []
        for t in cues:
            depth = _govern_depth(t, qtoks) if qtoks is not None else -1
            gov = depth >= 0
            if f.kind == "partial" and not gov:
                continue
            if not gov and blocked(t):
                continue
            dist = mk.open - t.idx if t.idx < mk.open else t.idx - qend
            # a partial quote belongs to the cue nearest to it in the tree; a direct one to the nearest cue
            scored.append((0 if gov else 1, depth if f.kind == "partial" else 0, dist, t))
        according = self._according(rspan, view)
        scored.sort(key=lambda s: (s[0], s[1], s[2]))
        for rank, _, _, cue in scored:
            if _negated_cue(cue):
                continue
            subj = _subject(cue, view)
            naming_only = lex.is_naming(cue) and not lex.verbs & {cue.lemma_.lower(), cue.lower_}
            if subj is None:
                continue  # "was called home", "had been questioned": try the verb above
            if naming_only and (not _is_speakerish(subj, view) or subj.lower_ in RELATIVE):
                f.scare = True  # "what critics dubbed 'X'"
                return
            if subj.lower_ in ("this", "that", "which", "what"):
                continue
            f.cue = _cue_span(cue, phrases)
            resolve_speaker(subj, view, f)
            if f.kind == "partial" and rank == 0 and cue.lemma_.lower() in CHANT_VERBS:
                f.kind = "direct"  # a chanted or shouted slogan is a whole utterance
            return
        if f.kind == "direct" and self._label_speaker(f, mk, view):
            return
        if f.kind == "direct" and self._words_owner(f, frame, view):
            return
        if f.kind == "partial" and qtoks is not None and self._speech_noun_owner(f, qtoks, view):
            return
        if according is not None:
            acc_tok, who = according
            f.cue = (acc_tok.idx, acc_tok.nbor(1).idx + len(acc_tok.nbor(1)))
            resolve_speaker(who, view, f)
            return
        if f.kind == "partial":
            return
        # a direct quote with no cue verb: "in a statement", or the frame's own subject ("X was blunt: ...")
        in_frame = {t.i for t in frame}
        roots = [
            t for t in frame
            if t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or t.head.i not in in_frame)
        ]
        roots.sort(key=lambda t: mk.open - t.idx if t.idx < mk.open else t.idx - qend)
        for root in roots:
            subj = _subject(root, view)
            if subj is not None and subj.ent_type_ != "GPE" and _is_speakerish(subj, view) and not blocked(root):
                for a, b in phrases:
                    if view.in_quote[a] < 0:
                        f.cue = (view.doc[a].idx, view.doc[b - 1].idx + len(view.doc[b - 1]))
                        break
                resolve_speaker(subj, view, f)
                return

    @staticmethod
    def _words_owner(f: Found, frame: list[Token], view: _DocView) -> bool:
        """ "In X's words, '...'" and "X's words: '...'": the owner of the words speaks."""
        for t in frame:
            if t.lower_ not in ("words", "word"):
                continue
            owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
            if owner is None or not _is_speakerish(owner, view):
                continue
            f.cue = (t.left_edge.idx, t.idx + len(t))
            resolve_speaker(owner, view, f)
            return f.speaker_name is not None
        return False

    @staticmethod
    def _label_speaker(f: Found, mk: Mark, view: _DocView) -> bool:
        """Transcript style, a speaker label opening the paragraph: ``Name: "..."``."""
        text = view.text
        par_start = text.rfind("\n", 0, mk.open) + 1
        m = LABEL_RE.match(text[par_start : mk.open])
        if m is None or m.group(1).lower() in NOT_LABELS:
            return False
        span = view.tokens(par_start + m.start(1), par_start + m.end(1))
        if span is None or not any(t.pos_ == "PROPN" or t.ent_type_ in PERSONISH_ENTS or t.is_title for t in span):
            return False
        resolve_speaker(span[-1], view, f)
        if f.speaker_name is not None and f.speaker_actor is None:
            f.speaker_name = view.full_name(f.speaker_name)
        return f.speaker_name is not None

    @staticmethod
    def _speech_noun_owner(f: Found, qtoks: Span, view: _DocView) -> bool:
        """"Moura's assurance that there are 'no secret clauses'": the noun's owner speaks."""
        root = next((t for t in qtoks if not (qtoks.start <= t.head.i < qtoks.end) or t.head.i == t.i), None)
        if root is None:
            return False
        clause: Token | None = None
        for anc in root.ancestors:
            if anc.pos_ in ("VERB", "AUX") and clause is None:
                clause = anc
            if anc.pos_ == "NOUN" and (anc.lemma_.lower() in SPEECH_NOUNS or anc.lower_ in view.lex.nouns):
                if clause is None or clause.dep_ not in ("acl", "ccomp", "relcl") or clause.head.i != anc.i:
                    return False  # only "X's assurance that <clause with the quote>"
                owner = _owner_of_noun(anc)
                if owner is not None and owner.pos_ in ("PROPN", "PRON", "NOUN") and _is_speakerish(owner, view):
                    f.cue = (anc.idx, anc.idx + len(anc))
                    resolve_speaker(owner, view, f)
                    return True
                return False
        return False

    def _according(self, rspan: Span, view: _DocView) -> tuple[Token, Token] | None:
        """"according to X" in the frame: (the word "according", X's head)."""
        for t in rspan:
            if t.lower_ == "according" and view.in_quote[t.i] < 0 and t.i + 1 < len(t.doc):
                to = t.nbor(1)
                if to.lower_ != "to":
                    continue
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    nxt = [x for x in t.doc[to.i + 1 : rspan.end] if x.pos_ in ("PROPN", "NOUN", "PRON")]
                    pobj = nxt[0] if nxt else None
                    if pobj is None:
                        continue
                    while pobj.head.i > pobj.i and pobj.head.pos_ in ("PROPN", "NOUN") and pobj.dep_ == "compound":
                        pobj = pobj.head
                if pobj.lemma_.lower() in view.lex.nouns or pobj.lower_ in view.lex.nouns:
                    owner = _owner_of_noun(pobj)
                    if owner is not None:
                        pobj = owner
                return t, pobj
        return None

    def _context_speakers(
        self,
        found: list[Found],
        marks: list[Mark],
        regions: list[Region],
        view: _DocView,
        by_mark: dict[int, Found],
    ) -> None:
        """Direct quotes with no cue of their own: a paragraph continuing a quote, a bare
        quote paragraph, or a quote after "X said:" take the speaker named just before."""
        text = view.text
        pars = paragraphs(text)
        par_of = {}

        pstarts = [p[0] for p in pars]
        for f in found:
            par_of[id(f)] = bisect.bisect_right(pstarts, f.start) - 1
        last_with_speaker: Found | None = None
        for f in found:
            if f.speaker_name is None and f.speaker_span is None and f.kind == "direct" and not f.scare:
                src = self._context_source(f, found, last_with_speaker, par_of, pars, view)
                if src is not None:
                    f.speaker_span, f.speaker_actor, f.speaker_name = src.speaker_span, src.speaker_actor, src.speaker_name
                    f.speaker_tok = src.speaker_tok
                    if src.region is f.region:
                        f.cue = src.cue
            if f.speaker_span is not None and f.kind == "direct":
                last_with_speaker = f

    def _context_source(
        self,
        f: Found,
        found: list[Found],
        last: Found | None,
        par_of: dict[int, int],
        pars: list[tuple[int, int]],
        view: _DocView,
    ) -> Found | None:
        text = view.text
        pi = par_of[id(f)]
        # 1. a quote continuing over paragraphs, or another quote of this paragraph with a speaker
        if f.mark is not None and f.mark.group >= 0:
            for g in found:
                if g is not f and g.mark is not None and g.mark.group == f.mark.group and g.speaker_span:
                    return g
        same_par = [g for g in found if g is not f and par_of[id(g)] == pi and g.speaker_span and g.kind == "direct"]
        if same_par:
            before = [g for g in same_par if g.start < f.start]
            return before[-1] if before else same_par[0]
        # 2. the text just before the quote: same paragraph, else the previous paragraph
        ps = pars[pi][0]
        prior_end = f.region.start
        if not text[ps:prior_end].strip():
            if pi == 0:
                return None
            ps, prior_end = pars[pi - 1]
        prior = view.tokens(ps, prior_end)
        if prior is None:
            return None
        last_sent = _clip(view.sent(view.doc[prior.end - 1]), view.doc[prior.end - 1 : prior.end], WINDOW)
        if last is not None and last.end >= last_sent.start_char and par_of[id(last)] >= pi - 1:
            return last  # the previous paragraph ended with this speaker's quote
        probe = Found(f.start, f.end, f.kind, f.region)
        cues = [t for t in last_sent if view.lex.is_cue(t) and view.in_quote[t.i] < 0]
        candidates = cues + [t for t in last_sent if t.dep_ == "ROOT"]
        for t in candidates:
            subj = _subject(t, view)
            if subj is not None and _is_speakerish(subj, view) and subj.lower_ not in ("it", "i", "we", "you"):
                if t not in cues and subj.pos_ not in ("PROPN", "PRON") and subj.ent_type_ != "PERSON":
                    if not last_sent.text.rstrip().endswith(":"):
                        continue
                resolve_speaker(subj, view, probe)
                return probe
        return None

    # -- indirect speech

    def _indirect(self, view: _DocView, quotes: list[Found], marks: list[Mark]) -> list[Found]:
        """Reported clauses: ccomp of a cue verb with a speaker, "accused X of Y", "according to X",
        "described X as Y", "X's warning that ...", "in X's view, ...". Clauses holding quote marks are
        left to the quotes (their unquoted lead is reported speech); clauses nested in another are dropped,
        except a report by someone else inside it ("..., which X denies"), which ends the outer one."""
        doc = view.doc
        lex = view.lex
        text = view.text
        names = {id(f.mark) for f in quotes if f.mark is not None and f.scare}
        # a scare quote or a name in marks ("launched 'Operation X'") does not make a clause a quote
        covered = sorted((m.cstart, m.cend) for m in marks if m.parent < 0 and id(m) not in names)
        out: list[tuple[Token, Found]] = []
        inner: set[int] = set()  # reports by another source that may sit inside an outer report

        def add(cue: Token, f: Found | None, nested: bool = False) -> None:
            if f is not None:
                out.append((cue, f))
                if nested:
                    inner.add(id(f))

        triggers = _triggers(lex)
        for t in doc:
            if view.in_quote[t.i] >= 0 or (t.lower_ not in triggers and t.lemma_.lower() not in triggers):
                continue  # one set lookup per token: most words can start no report
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                add(t, self._according_indirect(t, view, covered))
                continue
            if t.pos_ == "NOUN" and t.lemma_.lower() in VIEW_NOUNS and t.dep_ == "pobj" and t.head.lower_ == "in":
                add(t, self._view_indirect(t, view, covered))
                continue
            if t.pos_ == "NOUN" and (t.lemma_.lower() in NOMINAL_CUES or t.lower_ in NOMINAL_CUES):
                add(t, self._nominal_indirect(t, view, covered), nested=True)
                continue
            if lex.is_naming(t):
                add(t, self._naming_indirect(t, view, covered))
                continue
            if t.dep_ == "mark" and t.lower_ == "that" and t.i > 1 and doc[t.i - 1].dep_ == "cc" and (
                    view.sent(t).start == t.i - 1):
                add(t, self._continued_found(t, view, covered))
                continue
            clausal = not lex.is_cue(t) and lex.is_clausal(t)
            if not (clausal or lex.is_cue(t)):
                continue
            if t.tag_ == "VBN" and t.dep_ in ("advcl", "acl") and not any(c.dep_.startswith("nsubj") for c in t.children):
                continue  # "Asked whether ..., she said": the question is not her speech
            if _negated_cue(t) or (t.lower_ == "asked" and not any(c.dep_.startswith("nsubj") for c in t.children)):
                continue  # "Asked whether ..., she replied": the reporter's question
            comp = self._complement(t)
            if comp is None:
                if clausal:
                    continue
                comp = self._aside_content(t)
                if comp is not None:
                    add(t, self._aside_found(t, comp, view, covered))
                else:
                    add(t, self._postposed_found(t, view, covered))
                continue
            if any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in comp.children):
                continue  # "did not say whether ...": a question, not a statement
            if comp.left_edge.tag_ in ("WRB", "WP") and comp.left_edge.i > t.i:
                continue  # "explains why ...", "described how ...": a topic, not a proposition
            if t.dep_ == "relcl" and comp.i < t.head.i:
                continue  # "X accuses Y of ..., a charge Z denies": Z denies the charge, not X's clause
            subj = _subject(t, view)
            if subj is None or (subj.lower_ in ("this", "which", "what") and t.dep_ != "relcl"):
                continue
            if clausal:
                subj = self._clausal_source(t, comp, subj, view)
                if subj is None:
                    continue
            toks = self._clause_tokens(t, comp, view)
            if len(toks) < 2:
                continue
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
            if e <= t.idx and re.search(r"[;:()]", text[s : t.idx]):
                continue  # a fronted "clause" glued on across a semicolon is a parse slip
            if "\n" in text[s:e] or "\n" in text[min(s, t.idx) : max(e, t.idx)]:
                continue  # a parse running across paragraphs (headlines, bylines)
            sent = view.sent(t)
            if _overlapping(covered, s, e):
                # a clause carrying quoted words is reported as those partial quotes; its lead before the
                # marks ("said Y had not received any proposal and would 'study it'") and its coordinated
                # parts without quote marks ("... 'X' and had arrested three suspects") are reported speech
                parts = self._unquoted_conjuncts(comp, covered)
                lead = self._unquoted_lead(toks, comp, covered)
                if lead:
                    parts.insert(0, lead)
                if self.whole_clauses and not parts and _mostly_unquoted(toks, covered):
                    parts = [toks]  # "said the bill had 'broken its promise' to bring ... to the floor"
                for part in parts:
                    g = Found(part[0].idx, part[-1].idx + len(part[-1]), "indirect",
                              Region(sent.start_char, sent.end_char))
                    g.cue = _cue_at(t, view)
                    resolve_speaker(subj, view, g)
                    out.append((t, g))
                continue
            f = Found(s, e, "indirect", Region(sent.start_char, sent.end_char))
            f.cue = _cue_at(t, view)
            resolve_speaker(subj, view, f)
            if subj.lower_ in QUANTIFIER_SOURCES and not any(c.dep_ == "prep" for c in subj.children):
                f.speaker_actor, f.speaker_name = None, subj.text  # "Some believe ...": some of them, as written
            out.append((t, f))
        return self._drop_nested(out, inner, view)

    @staticmethod
    def _drop_nested(out: list[tuple[Token, Found]], inner: set[int], view: _DocView) -> list[Found]:
        """One report per clause: a cue inside another report's content is part of it ("she said Brazil
        will insist that ..."), unless it reports someone else's words ("..., which X says contains ...",
        "..., despite statements by X that ..."): then both stand and the outer one ends before it."""
        spans = sorted(range(len(out)), key=lambda k: out[k][1].start)
        span_starts = [out[k][1].start for k in spans]
        top: list[tuple[tuple[int, int], tuple[int, int]]] = []  # per prefix: the two largest (end, index)
        best, second = (-1, -1), (-1, -1)
        for k in spans:
            cand = (out[k][1].end, k)
            if cand > best:
                best, second = cand, best
            elif cand > second:
                second = cand
            top.append((best, second))
        kept = []
        for n, (cue, f) in enumerate(out):
            i = bisect.bisect_right(span_starts, cue.idx) - 1
            if cue.dep_ != "relcl" and id(f) not in inner and i >= 0:
                first, runner = top[i]  # the report reaching furthest among those starting before the cue
                reach = first if first[1] != n else runner
                if reach[0] > cue.idx:
                    continue
            kept.append(f)
        text = view.text
        for f in kept:  # an outer report ends before a nested report by another source
            for g in kept:
                if g is f or not (f.start < g.start < f.end) or g.cue is None:
                    continue
                lead = min(g.start, g.cue[0], *(g.speaker_span[:1] if g.speaker_span else ()))
                if lead <= f.start:
                    continue
                comma = text.rfind(",", f.start, lead)
                if comma > f.start and len(text[comma:lead].split()) <= 4 and g.speaker_name != f.speaker_name:
                    f.end = comma
                    while f.end > f.start and text[f.end - 1].isspace():
                        f.end -= 1
        return kept

    def _unquoted_conjuncts(self, comp: Token, covered: list[tuple[int, int]]) -> list[list[Token]]:
        """Coordinated verbs of a reported clause ("said X and had arrested Y") free of quote marks."""
        parts = []
        for d in comp.children:
            if d.dep_ != "conj" or d.pos_ not in ("VERB", "AUX") or self.lex.is_cue(d):
                continue
            toks = _bounded(d, comp)
            while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
                toks = toks[1:]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            if len(toks) < 3:
                continue
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
            if not _overlapping(covered, s, e):
                parts.append(toks)
        return parts

    @staticmethod
    def _aside_content(t: Token) -> Token | None:
        """"Each one, she says, marks ...": a cue set off by commas inside the clause it reports;
        the clause is its head."""
        doc = t.doc
        if t.dep_ not in ("parataxis", "advcl", "ccomp") or t.head.pos_ not in ("VERB", "AUX") or t.head.i < t.i:
            return None
        left, right = t.left_edge.i, t.right_edge.i
        while left < t.i and doc[left].is_punct:
            left += 1
        while right > t.i and doc[right].is_punct:
            right -= 1
        if left == 0 or right + 1 >= len(doc) or doc[left - 1].text != "," or doc[right + 1].text != ",":
            return None
        if right - left > 5 or not any(c.dep_ == "nsubj" for c in t.children):
            return None
        return t.head

    def _aside_found(
        self, t: Token, head: Token, view: _DocView, covered: list[tuple[int, int]]
    ) -> Found | None:
        subj = _subject(t, view)
        if subj is None:
            return None
        toks = [x for x in _bounded(head, t) if not (t.left_edge.i - 1 <= x.i <= t.right_edge.i + 1)]
        while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ in ("cc", "mark")):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        if len(toks) < 3:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        if "\n" in view.text[s:e] or _overlapping(covered, s, e):
            return None
        f = Found(s, e, "indirect", Region(view.sent(t).start_char, view.sent(t).end_char))
        f.cue = (t.idx, t.idx + len(t))
        resolve_speaker(subj, view, f)
        return f

    def _complement(self, t: Token) -> Token | None:
        """The reported clause of a cue: its ccomp, the "that"-clause of "in a statement" or of its
        object ("reminded all parties that ...", "reaffirmed its position that ..."), or the
        of-phrase of "accused X of"."""
        doc = t.doc
        ccomps = [
            c for c in t.children
            if c.dep_ == "ccomp" and (c.pos_ in ("VERB", "AUX") or _finite_clause(c))
            and not (c.i < t.i and any(x.text in (";", ":") for x in doc[c.right_edge.i : t.i]))
        ]  # a headline "A accuses B; C insists X": C insists X, not A's clause
        obj_clause = self._object_clause(t)
        if ccomps and (obj_clause is None or ccomps[0].i < obj_clause.i):
            return ccomps[0]
        if obj_clause is not None:
            return obj_clause
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for noun in c.children:
                    if noun.dep_ == "pobj" and (noun.lower_ in self.lex.nouns or noun.lemma_.lower() in self.lex.nouns):
                        for cl in noun.children:
                            if cl.dep_ in ("acl", "ccomp", "relcl") and cl.pos_ in ("VERB", "AUX") and any(
                                m.dep_ == "mark" and m.lower_ == "that" for m in cl.children
                            ):
                                return cl
        if t.lemma_.lower() in ("accuse", "blame", "charge"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                    return c
                if c.dep_ == "dobj":  # "accused the rebels of ..." with "of" hung on the object
                    for g in c.children:
                        if g.dep_ == "prep" and g.lower_ in ("of", "for") and g.i > c.i:
                            return g
        return None

    @staticmethod
    def _object_clause(t: Token) -> Token | None:
        """A that-clause the parser hung on the cue's object ("reminds all parties that ...",
        "reaffirmed its position that ..."), or a complement it read as a relative clause after an
        addressee ("told the chamber he had buried two neighbours")."""
        if t.lemma_.lower() in REBUTTING_CUES:
            return None  # "rejected allegations that ...": the allegations are someone else's
        for c in t.children:
            if c.dep_ != "dobj" or c.i < t.i:
                continue
            for cl in c.children:
                if cl.dep_ not in ("acl", "relcl", "ccomp") or cl.pos_ not in ("VERB", "AUX") or cl.i < c.i:
                    continue
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in cl.children):
                    return cl
                if t.lemma_.lower() in ADDRESSEE_CUES and c.i + 1 == cl.left_edge.i and _gapless_clause(cl):
                    return cl
        return None

    def _clause_tokens(self, cue: Token, comp: Token, view: _DocView) -> list[Token]:
        """The clause's tokens, cut before a coordinated report of someone else
        ("..., and Y replied that ...") and without the "that" and edge punctuation."""
        toks = _bounded(comp, cue)
        if comp.dep_ == "prep":
            toks = toks[1:]
            nxt = comp.right_edge.i + 1  # "accused the UN of bias in its reporting from X": the phrases after it
            heads = [comp.head] + ([cue] if comp.head.i != cue.i else [])
            sibs = sorted((c for h in heads for c in h.children if c.i > comp.i and c.dep_ == "prep"), key=lambda c: c.i)
            for sib in sibs:
                if sib.left_edge.i != nxt or any(g.ent_type_ in ("DATE", "TIME") for g in sib.children):
                    break
                toks += _bounded(sib, cue)
                nxt = sib.right_edge.i + 1
        elif not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children):
            # "warned the sanctions could last": the parser took the clause's subject for an object
            obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.i), None)
            if obj is not None and obj.right_edge.i + 1 >= comp.left_edge.i:
                toks = list(cue.doc[obj.left_edge.i : comp.right_edge.i + 1])
        if comp.dep_ == "ccomp":  # the parser sometimes splits one clause into two ccomps: join those on the same side
            same_side = [
                c for c in cue.children
                if c.dep_ == "ccomp" and c.i != comp.i and (c.i > cue.i) == (comp.i > cue.i)
            ]
            if same_side:
                lo = min([comp.left_edge.i] + [c.left_edge.i for c in same_side])
                hi = max([comp.right_edge.i] + [c.right_edge.i for c in same_side])
                toks = list(cue.doc[lo : hi + 1])
        sub = _bounded(comp, cue)
        for d in sub:  # ", and <another subject> ...": the narrator speaks again
            if d.dep_ == "conj" and d.i != comp.i and d.head.i == comp.i and d.pos_ in ("VERB", "AUX"):
                prev = cue.doc[d.left_edge.i - 1] if d.left_edge.i > 0 else None
                if (
                    any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in d.children)
                    and prev is not None
                    and prev.dep_ == "cc"
                    and prev.i > 0
                    and cue.doc[prev.i - 1].text == ","
                ):
                    toks = [x for x in toks if x.i < prev.i - 1]
                    break
        for d in sub:
            if d.i != comp.i and d.dep_ in ("conj", "advcl", "parataxis") and self.lex.is_cue(d) and (
                any(c.dep_ in ("nsubj", "nsubjpass") for c in d.children)
                or (d.dep_ == "conj" and d.head.i == comp.i and d.tag_ in ("VBD", "VBZ"))
            ):  # "... is valid and in 2018 asked the court": the speaker acting again
                cut = d.left_edge.i
                toks = [x for x in toks if x.i < cut]
                break
        for k, x in enumerate(toks[:6]):  # "CITY: ... , officials said": the dateline is no part of it
            if x.text in (":", "\u2014", "\u2013", "--") and all(y.is_upper or y.is_punct for y in toks[:k]):
                toks = toks[k + 1 :]
                break
        while toks and (toks[0].is_punct or toks[0].is_space
                        or (toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if"))):
            toks = toks[1:]
        while toks and (toks[-1].is_space or (toks[-1].is_punct or toks[-1].dep_ == "cc")
                        and not self._balanced_close(toks)):
            toks = toks[:-1]
        return toks

    @staticmethod
    def _balanced_close(toks: list[Token]) -> bool:
        """Keep a closing quote mark when its opener is inside the span."""
        last = toks[-1].text
        if last not in ("\u201d", '"', "\u2019", "'", "\u00bb"):
            return False
        opens = sum(1 for t in toks[:-1] if t.text in ("\u201c", '"', "\u2018", "'", "\u00ab"))
        return opens % 2 == 1 if last in ('"', "'") else opens > 0

    def _according_indirect(self, t: Token, view: _DocView, covered: list[tuple[int, int]]) -> Found | None:
        sent = view.sent(t)
        got = self._according(_clip(sent, t.doc[t.i : t.i + 1], WINDOW), view)
        if got is None:
            return None
        acc, who = got
        to = acc.nbor(1)
        phrase_end = max(x.i for x in _bounded(to, width=WINDOW))
        text = view.text
        scoped = self._phrase_scope(acc, acc.i, phrase_end, view)
        if scoped is not None:
            s, e = scoped
        else:
            ps, pe = acc.idx, sent.doc[phrase_end].idx + len(sent.doc[phrase_end])
            s, e = sent.start_char, sent.end_char
            if not text[s:ps].strip(" ,"):
                s = pe  # "According to X, <content>."
            else:
                e = ps  # "<content>, according to X[, ...]."
        while s < e and text[s] in " ,;:":
            s += 1
        while e > s and (text[e - 1] in " ,;:." or text[e - 1].isspace()):
            e -= 1
        if len(text[s:e].split()) < 3 or "\n" in text[s:e]:
            return None
        inside = sum(min(e, ce) - max(s, cs) for cs, ce in _overlapping(covered, s, e))
        if inside > 0.5 * (e - s):
            return None
        f = Found(s, e, "indirect", Region(sent.start_char, sent.end_char))
        f.cue = (acc.idx, to.idx + len(to))
        resolve_speaker(who, view, f)
        return f

    def _phrase_scope(self, prep: Token, lo: int, hi: int, view: _DocView) -> tuple[int, int] | None:
        """The clause a source phrase ("according to X", "in X's view", tokens lo..hi) is attached to:
        "an area that, according to X, has not been demarcated" -> "has not been demarcated";
        "A happened, and B happened, according to X" -> B; without the fronted adverbials before the
        phrase ("In his speech, according to X, she criticised ...") and without a coordinated report
        of someone else ("..., and officials acknowledge that ...")."""
        head = prep.head
        if head.pos_ not in ("VERB", "AUX") or head.i == prep.i:
            return None
        doc = prep.doc
        scope = head
        if hi > head.i:  # a postposed phrase belongs to the last clause before it
            conjs = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i < lo
                     and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]
            if conjs:
                scope = conjs[-1]
        toks = [x for x in _bounded(scope, prep) if not lo <= x.i <= hi]
        for c in scope.children:  # "..., and Ethiopian officials acknowledge that ...": another report
            if c.dep_ == "conj" and c.i > hi and self.lex.is_cue(c) and any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                cut = c.left_edge.i
                while cut > 0 and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                    cut -= 1
                toks = [x for x in toks if x.i < cut]
                break
        if scope is head and lo < head.i and any(x.i > hi and not x.is_punct for x in toks):
            for c in head.children:  # the phrase in mid-clause: drop the adverbials fronted before it
                if c.dep_ in ("prep", "advmod", "npadvmod", "advcl") and c.right_edge.i < lo:
                    toks = [x for x in toks if not c.left_edge.i <= x.i <= c.right_edge.i]
        for k, x in enumerate(toks[:6]):  # "CITY: ... , according to X": the dateline is no part of it
            if x.text in (":", "\u2014", "\u2013", "--") and all(y.is_upper or y.is_punct for y in toks[:k]):
                toks = toks[k + 1 :]
                break
        toks = _edge_trim(toks)
        if not toks or toks[-1].i - toks[0].i + 1 != len(toks):
            return None  # the content must be one stretch of text
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    def _view_indirect(self, noun: Token, view: _DocView, covered: list[tuple[int, int]]) -> Found | None:
        """ "In their view, Cairo is using ...", "in the view of the tribunal, ...": the owner's opinion."""
        prep = noun.head
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owner is None or owner.lower_ in ("my", "our", "your") or not any(
                c.dep_ == "det" or c.dep_ == "poss" for c in noun.children):
            return None
        if owner.lower_ == "their":
            owner = view.group_antecedent(owner) or owner
        elif not _is_speakerish(owner, view) and owner.pos_ != "PRON":
            return None
        span = self._phrase_scope(prep, prep.i, noun.right_edge.i, view)
        if span is None:
            return None
        s, e = span
        if len(view.text[s:e].split()) < 3:
            return None
        return _reported(view, s, e, covered, noun, (prep.idx, noun.idx + len(noun)), owner, need_speaker=True)

    def _nominal_indirect(self, noun: Token, view: _DocView, covered: list[tuple[int, int]]) -> Found | None:
        """A speech noun with its source and a that-clause: "the minister's warning that ...", "statements
        by officials that ...", "expressed confidence that ..." (when its verb is no cue of its own)."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
                       and c.i > noun.i and _that_complement(c)), None)
        if clause is None:
            return None
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        owned = any((c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ == "prep" and c.lower_ == "by")
                    for c in noun.children)
        rebutted = verb is not None and verb.lemma_.lower() in REBUTTING_CUES and owned  # "denied X's claim that"
        verb_reports = verb is not None and not rebutted and (self.lex.is_cue(verb) or self.lex.is_clausal(verb))
        in_statement = noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX") \
            and self.lex.is_cue(noun.head.head)
        if verb_reports or in_statement:
            return None  # "reaffirmed its position that ...", "said in a statement that ...": the verb reports it
        owner = _owner_of_noun(noun)
        if owner is not None and (owner.pos_ == "PRON" or owner.dep_ == "compound" and owner.pos_ != "PROPN"):
            owner = None if verb is not None else owner  # "its position": the subject of the verb says more
        if owner is None and verb is not None and verb.lemma_.lower() in VOICING_VERBS:
            owner = _subject(verb, view)
        if owner is None or not _is_speakerish(owner, view):
            return None
        toks = _edge_trim(_bounded(clause, noun))
        if len(toks) < 3:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        return _reported(view, s, e, covered, noun, (noun.idx, noun.idx + len(noun)), owner, need_speaker=True)

    def _naming_indirect(self, t: Token, view: _DocView, covered: list[tuple[int, int]]) -> Found | None:
        """ "X called the deal a violation of its sovereignty", "X describe the talks as businesslike",
        "arrivals described attacks on villages by armed men": the characterisation is the content."""
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.i > t.i), None)
        if obj is None or obj.lower_ in RELATIVE or any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            return None
        pred = next((c for c in t.children if c.i > obj.i and (
            c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")), None)
        if pred is None and obj.lower_ == "it":
            return None
        if pred is None and not (t.lemma_.lower() == "describe" and obj.right_edge.i - obj.left_edge.i >= 3):
            return None  # "called the meeting": no verdict; "described attacks on villages by ...": an account
        end = (pred if pred is not None else obj).right_edge.i
        toks = _edge_trim(list(t.doc[obj.left_edge.i : end + 1]))
        if len(toks) < 2:
            return None
        subj = _subject(t, view)
        if subj is None or subj.lower_ in RELATIVE or not _is_speakerish(subj, view):
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        return _reported(view, s, e, covered, t, _cue_at(t, view), subj, need_speaker=True)

    def _postposed_found(self, t: Token, view: _DocView, covered: list[tuple[int, int]]) -> Found | None:
        """ "The document is not a contract, its president cautioned, but ...": a cue with its subject
        after the clause it reports, which the parser made a conjunct or parataxis of that clause."""
        doc = t.doc
        head = t.head
        sent = view.sent(t)
        if sent[0].text == "," and sent.start > 0 and t.dep_ == "ROOT" and t.i - sent.start <= 8:
            return self._split_tag_found(t, view, covered)  # "<content>" | ", officials said."
        if t.dep_ == "relcl":  # "The document is not a contract, its president cautioned": no relative clause
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
        elif t.dep_ not in ("conj", "parataxis"):
            return None
        if head.i >= t.i or head.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
        if subj is None or subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they"):
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in t.children):
            return None  # "..., and officials said on Monday ...": an act of its own
        left = t.left_edge.i
        while left < t.i and doc[left].is_punct:
            left += 1
        if left == 0 or doc[left - 1].text != "," or not (t.i + 1 >= len(doc) or doc[t.i + 1].is_punct):
            return None
        toks = [x for x in _bounded(head, t) if x.i < left - 1]
        for k, x in enumerate(toks[:6]):  # "CITY \u2014 ...": the dateline is no part of it
            if x.text in (":", "\u2014", "\u2013", "--") and all(y.is_upper or y.is_punct for y in toks[:k]):
                toks = toks[k + 1 :]
                break
        toks = _edge_trim(toks)
        if len(toks) < 3:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        return _reported(view, s, e, covered, t, _cue_at(t, view), subj, need_speaker=False)

    def _split_tag_found(self, t: Token, view: _DocView, covered: list[tuple[int, int]]) -> Found | None:
        """A tag the sentence splitter cut off (", fisheries officials said."): it reports the
        sentence before it, when that one does not end a sentence of its own."""
        doc = t.doc
        subj = _subject(t, view)
        prev = view.sent(doc[view.sent(t).start - 1])
        words = [x for x in prev if not x.is_space]
        if subj is None or not words or words[-1].text in (".", "?", "!", ":") or len(words) < 4:
            return None
        for k, x in enumerate(words[:6]):  # "CITY: ...": the dateline is no part of it
            if x.text in (":", "\u2014", "\u2013", "--") and all(y.is_upper or y.is_punct for y in words[:k]):
                words = words[k + 1 :]
                break
        toks = _edge_trim(words)
        if len(toks) < 3:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        if "\n" in view.text[s:t.idx] or _overlapping(covered, s, e):
            return None
        f = Found(s, e, "indirect", Region(prev.start_char, view.sent(t).end_char))
        f.cue = _cue_at(t, view)
        resolve_speaker(subj, view, f)
        return f

    def _continued_found(self, mark: Token, view: _DocView, covered: list[tuple[int, int]]) -> Found | None:
        """"X said it was 'committed' | but that each return required a law": a second reported clause
        the sentence splitter cut off; it takes the cue and speaker of the sentence before."""
        doc = mark.doc
        sent = view.sent(mark)
        prev = view.sent(doc[sent.start - 1])
        if "\n" in view.text[prev.end_char - 1 : sent.start_char + 1]:
            return None
        cues = [x for x in prev if self.lex.is_cue(x) and view.in_quote[x.i] < 0 and self._complement(x) is not None]
        subj = _subject(cues[-1], view) if cues else None
        if subj is None:
            return None
        toks = _edge_trim([x for x in sent if x.i > mark.i])
        if len(toks) < 3:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        return _reported(view, s, e, covered, mark, _cue_at(cues[-1], view), subj, need_speaker=False)

    def _clausal_source(self, t: Token, comp: Token, subj: Token, view: _DocView) -> Token | None:
        """The source of a clause-only cue: a speaker ("the tribunal agreed that"), or for "show"
        a record of someone's ("data from X show that" -> X; "the poll shows that")."""
        finite = comp.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in comp.children)
        if not (finite and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children)) and not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
            return None  # "found themselves deployed": no statement
        if t.lemma_.lower() == "find" and not any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
            return None  # "could find themselves deployed": no finding reported
        record = subj.lemma_.lower() in view.lex.source_nouns or subj.lower_ in view.lex.source_nouns
        if t.lemma_.lower() == "show" or (t.lemma_.lower() == "find" and record):
            # "data from X show that", "the poll found that", "a report by X found that": a record's claim
            if not record:
                return None
            owner = _owner_of_noun(subj)
            return owner if owner is not None and _is_speakerish(owner, view) else subj
        if subj.lower_ in QUANTIFIER_SOURCES:
            return subj  # "Some believe that ...": a part of the group the text has been quoting
        return subj if _is_speakerish(subj, view) and subj.lower_ != "it" else None

    def _unquoted_lead(self, toks: list[Token], comp: Token, covered: list[tuple[int, int]]) -> list[Token]:
        """A reported clause whose quoted words sit in a later conjunct ("Y had not received any proposal
        and would 'study any text'", "the sides had discussed X but that 'no timetable' had been set"):
        the conjuncts before the quoted one are reported speech of their own. (Quoted words inside the
        clause itself, "would post the bond 'within the week'", leave it to the partial quote.)"""
        if not toks:
            return []
        first = min(cs for cs, _ in _overlapping(covered, toks[0].idx, toks[-1].idx + len(toks[-1])))
        quoted = next((d for d in comp.children if d.dep_ == "conj" and d.pos_ in ("VERB", "AUX")
                       and d.left_edge.idx <= first <= d.right_edge.idx + len(d.right_edge)), None)
        if quoted is None:
            return []
        lead = _edge_trim([x for x in toks if x.i < quoted.left_edge.i])
        if not lead or lead[0] is not toks[0] or comp.i not in {x.i for x in lead}:
            return []
        if len([x for x in lead if not x.is_punct]) < 4 or _overlapping(covered, lead[0].idx, lead[-1].idx + 1):
            return []
        return lead

@Language.factory(
    "newsprism_quotes",
    requires=["doc._.np_actors", "doc._.np_mentions", "token.dep"],
    assigns=["doc._.np_quotes"],
    default_config={"cue_verbs": "", "whole_clauses": False},
)
def make_quotes(nlp: Language, name: str, cue_verbs: str, whole_clauses: bool) -> QuoteAnnotator:
    """Construct the annotator; ``cue_verbs`` overrides the packaged lexicon path; ``whole_clauses`` also
    reports a clause with a few quoted words in it as one indirect quote (PolNeAR-style content spans)."""
    return QuoteAnnotator(nlp, name, cue_verbs, whole_clauses)


Annotator = QuoteAnnotator  # the placeholder's name, kept for callers
