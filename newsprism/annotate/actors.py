"""The ``newsprism_actors`` component: who the article talks about.

Builds article-local actors from spaCy NER and a world lexicon (countries,
capitals as metonyms, government buildings, international organisations),
merges name variants of one person ("Helena Duarte", "Duarte", "President
Duarte", "Duarte's"), learns each person's role, country, age and gender from
premodifiers and appositions, and resolves pronouns and definite descriptions
("she", "the Brazilian president", "the 62-year-old") to those actors.

Everything is rule based and linear in the number of tokens: world lookups
are dict hits keyed by token text, and dependency parses are only consulted
around candidate tokens.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsprism.annotate import extensions  # noqa: F401  (declares Doc._ attributes)

WORLD_PATH = Path(__file__).with_name("resources") / "world.json"

# ---------------------------------------------------------------- world ----


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form in the world lexicon denotes."""

    type: str  # country | capital | demonym | plural | metonym | org
    code: str  # ISO3 for country-ish types, org code for org
    name: str  # display name of the country/organisation/building
    role: str | None = None  # metonym: presidency, foreign ministry, ...


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    gender: str | None
    leader: bool


@dataclass
class World:
    """The world resource, indexed for lookups."""

    countries: dict[str, dict[str, Any]]
    surface: dict[str, Entry]  # exact surface form -> entry
    folded: dict[str, str]  # lower-cased name/demonym/capital -> ISO3 (country_of)
    orgs: dict[str, dict[str, Any]]
    roles: dict[str, Role]  # lower-cased role form -> role
    role_re: re.Pattern[str]
    role_heads: frozenset[str]  # lower-cased last words of role forms
    titles: dict[str, dict[str, Any]]
    org_types: dict[str, tuple[str, str]]  # lower-cased word -> (role, kind)
    premod_words: frozenset[str]  # lower-cased words allowed before a name


@lru_cache(maxsize=1)
def load_world() -> World:
    """Load ``world.json`` once per process (see resources/build_world.py)."""
    data = json.loads(WORLD_PATH.read_text(encoding="utf-8"))
    surface: dict[str, Entry] = {}
    folded: dict[str, str] = {}
    for code, c in data["countries"].items():
        name = c["name"]
        for kind in ("capitals", "plurals", "demonyms", "names"):  # later kinds win on clashes
            for form in c[kind]:
                surface[form] = Entry(kind[:-1] if kind != "names" else "country", code, name)
                folded.setdefault(form.lower(), code)
        folded[code.lower()] = code
    for m in data["metonyms"]:
        for form in m["names"]:
            surface[form] = Entry("metonym", m["country"], m["name"], m["role"])
    orgs = {}
    for o in data["organizations"]:
        orgs[o["code"]] = o
        for form in o["names"]:
            surface.setdefault(form, Entry("org", o["code"], o["name"]))
    roles: dict[str, Role] = {}
    for r in data["roles"]:
        for form in r["forms"]:
            roles.setdefault(form.lower(), Role(r["role"], r["gender"], r["leader"]))
    forms = sorted(roles, key=len, reverse=True)
    role_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    org_words = {o["word"] for o in data["org_types"]}
    heads = frozenset(f.split()[-1] for f in roles if not f.endswith(".") and f.split()[-1] not in org_words)
    titles = {t["title"]: t for t in data["titles"]}
    org_types = {o["word"]: (o["role"], o["kind"]) for o in data["org_types"] if o["word"] in org_words}
    premod = {w.lower() for f in roles for w in f.split() if w.lower() not in ("of", "the", "state")}
    premod |= {t.lower() for t in titles} | _MODIFIERS
    return World(data["countries"], surface, folded, orgs, roles, role_re, heads, titles, org_types,
                 frozenset(premod))


_MODIFIERS = {"former", "then", "new", "acting", "outgoing", "incoming", "interim", "elected", "top",
              "senior", "veteran", "current", "embattled", "visiting", "deputy", "vice", "chief", "foreign",
              "prime", "his", "her", "counterpart", "year", "old", "-", "then-"}
_STRIP_ENDS = {"'s", "\u2019s", "'", "\u2019"}


def country_of(text: str) -> str | None:
    """ISO alpha-3 code for a country name, alternate name, demonym, capital or code; else None."""
    world = load_world()
    t = text.strip()
    for suffix in ("'s", "\u2019s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    entry = world.surface.get(t)
    if entry is None and t.lower().startswith("the "):
        entry = world.surface.get(t[4:])
    if entry is not None and entry.type != "org" and entry.code in world.countries:
        return entry.code
    low = t.lower()
    if low.startswith("the "):
        low = low[4:]
    return world.folded.get(low)


_SUBDIVISION_WORDS = frozenset({"state", "province", "region", "governorate", "oblast", "prefecture", "county",
                                "district", "department", "territory"})


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """First-level subdivision names (ISO 3166-2, via pycountry) -> ISO3, for names that only one country
    uses; built once, on first use."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return {}
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        seen.setdefault(sub.name.lower(), set()).add(country.alpha_3)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


def subdivision_country(text: str) -> str | None:
    """ISO3 of a named state or province written with its kind ("Borno state", "Sindh province"): news
    names the place, not the country, for attacks and unrest far from the capital. A bare name is not
    enough (Georgia, Victoria, Punjab name more than one thing)."""
    words = text.strip().split()
    if len(words) < 2 or words[-1].lower() not in _SUBDIVISION_WORDS:
        return None
    name = " ".join(words[:-1]).lower().removeprefix("the ")
    return _subdivisions().get(name)


# ------------------------------------------------------------ constants ----

_PERSON_PRON = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                "herself": "f"}
_SUBJ = {"nsubj", "nsubjpass"}
_HOST_VERBS = {"host", "welcome", "receive", "invite", "greet"}
_VISIT_VERBS = {"visit", "travel", "arrive"}
_METONYM_POSS_BAD = {"street", "streets", "mayor", "airport", "suburb", "suburbs", "resident", "residents",
                     "center", "centre", "outskirts", "metro", "river", "district", "skyline", "population"}
_POLITICAL_OBJ_VERBS = {"urge", "warn", "accuse", "criticize", "criticise", "blame", "pressure", "push",
                        "support", "back", "sanction", "condemn", "call", "ask", "tell", "invite", "join",
                        "reassure", "show", "convince", "persuade", "threaten", "praise", "thank", "help",
                        "reject", "recognize", "recognise", "punish", "engage", "court", "isolate"}
_POLITICAL_NOUNS = {"talks", "relations", "ties", "dialogue", "pressure", "sanctions", "negotiations",
                    "tensions", "cooperation", "rift", "dispute", "meeting", "summit", "agreement", "deal",
                    "conflict", "war"}
_LEADER_GENERIC = {"leader", "head", "head of state", "head of government"}
_OFFICIAL_GENERIC = {"official", "diplomat", "negotiator"}
_AGE_RE = re.compile(r"(\d{1,3})\s*-\s*year\s*-\s*old")
_HOST_WORDS = {"host": "host", "hosts": "host", "guest": "guest", "visitor": "guest"}
_ENTRY_LABEL = {"country": "GPE", "capital": "GPE", "demonym": "NORP", "plural": "NORP", "org": "ORG",
                "metonym": "ORG"}
_ORG_NAME_WORDS = {
    "ministry", "council", "party", "bank", "agency", "committee", "commission", "union", "organization",
    "organisation", "association", "group", "institute", "university", "times", "news", "post", "corp",
    "inc", "ltd", "company", "co", "court", "army", "forces", "front", "movement", "league", "foundation",
    "service", "services", "office", "department", "federation", "assembly", "parliament", "congress",
    "senate", "government", "authority", "fund", "watch", "international", "press", "media", "tv", "radio",
    "network", "energy", "oil", "gas", "airlines", "airways", "club", "center", "centre", "school", "college",
    "hospital", "church", "coalition", "alliance", "board", "bureau", "brigade", "brigades", "guard",
    "police", "navy", "command", "forum", "summit", "journal", "herald", "tribune", "daily",
    "holdings", "partners", "capital", "motors", "systems", "technologies", "labs", "state",
}
_POSTED_BODIES = {"embassy", "consulate", "mission", "delegation", "office"}  # "the embassy in <city>"
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


@dataclass
class _Actor:
    kind: str
    name: str
    key: str
    country: str | None = None
    role: str | None = None
    gender: str | None = None
    age: int | None = None
    code: str | None = None  # organisation code (CAMEO-style) for international organisations
    names: list[list[str]] = field(default_factory=list)  # person name token lists
    tags: set[str] = field(default_factory=set)  # host / guest
    mentions: list[tuple[int, int, str, bool]] = field(default_factory=list)  # char start, end, label, pron
    aliases: list[str] = field(default_factory=list)
    last_tok: int = -1
    last_subj_tok: int = -1
    last_head: int = -1
    gender_weak: bool = False  # gender only guessed from a pronoun resolved to this actor


# ------------------------------------------------------------ component ----


class ActorAnnotator:
    """Finds actors and their mentions in one article (see module docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self._index: tuple[dict[str, int], World] | None = None

    # -- world matching -----------------------------------------------------
    def _token_index(self) -> tuple[dict[str, int], World]:
        """First token text of each world surface form -> max length in tokens (built once)."""
        if self._index is None:
            world = load_world()
            first: dict[str, int] = {}
            tokenizer: Any = self.nlp.tokenizer
            for toks in tokenizer.pipe(list(world.surface)):
                n = len(toks)
                if n and first.get(toks[0].text, 0) < n:
                    first[toks[0].text] = n
            self._index = (first, world)
        return self._index

    def _world_matches(self, doc: Doc, text: str) -> dict[int, tuple[int, Entry]]:
        """Greedy longest matches of world surface forms: start token -> (end token, entry)."""
        first, world = self._token_index()
        out: dict[int, tuple[int, Entry]] = {}
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            maxlen = first.get(tok.text)
            if maxlen:
                for j in range(min(n, i + maxlen), i, -1):
                    last = doc[j - 1]
                    entry = world.surface.get(text[tok.idx: last.idx + len(last.text)])
                    if entry is not None:
                        out[i] = (j, entry)
                        i = j - 1
                        break
            i += 1
        return out

    # -- main ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        _first, world = self._token_index()
        text = doc.text
        run = _Run(doc, text, world, self._world_matches(doc, text))
        run.collect()
        actors, mentions = run.output()
        doc._.np_actors = actors
        doc._.np_mentions = mentions
        return doc


class _Run:
    """State for annotating one doc."""

    def __init__(self, doc: Doc, text: str, world: World, wm: dict[int, tuple[int, Entry]]) -> None:
        self.doc = doc
        self.text = text  # Doc.text rebuilds the string on every access: read it once
        self.world = world
        self.wm = wm
        self.actors: list[_Actor] = []
        self.by_key: dict[str, _Actor] = {}
        self.covered: dict[int, _Actor] = {}  # token index -> actor whose name covers it
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for t in range(sent.start, sent.end):
                self.sent_of[t] = k
        self.wm_tok: dict[int, tuple[int, int, Entry]] = {}
        for s, (e, entry) in wm.items():
            for t in range(s, e):
                self.wm_tok[t] = (s, e, entry)

    # -- helpers ------------------------------------------------------------
    def _text(self, s: int, e: int) -> str:
        doc = self.doc
        return self.text[doc[s].idx: doc[e - 1].idx + len(doc[e - 1].text)]

    def _actor(self, key: str, kind: str, name: str, **kw: Any) -> _Actor:
        a = self.by_key.get(key)
        if a is None:
            a = _Actor(kind=kind, name=name, key=key, **kw)
            self.by_key[key] = a
            self.actors.append(a)
        return a

    def _mention(self, a: _Actor, s: int, e: int, label: str, pron: bool = False) -> None:
        """Record tokens [s, e) as a mention of actor a."""
        doc = self.doc
        if s >= e:
            return
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        a.mentions.append((start, end, label, pron))
        if not pron:
            surf = self.text[start:end]
            if surf not in a.aliases:
                a.aliases.append(surf)
        for t in range(s, e):
            self.covered[t] = a
        a.last_tok = e - 1
        head = _head_of(doc, s, e)
        a.last_head = head.i
        if head.dep_ in _SUBJ:
            a.last_subj_tok = e - 1

    def _country_actor(self, code: str) -> _Actor:
        name = self.world.countries[code]["name"] if code in self.world.countries else code
        return self._actor("C:" + code, "country", name, country=code)

    def _country_in(self, s: int, e: int) -> tuple[str | None, str | None]:
        """Country (ISO3) and metonym role named by world forms among tokens [s, e)."""
        for t in range(s, e):
            hit = self.wm_tok.get(t)
            if hit is None:
                continue
            entry = hit[2]
            if entry.type in ("country", "demonym", "plural", "capital"):
                return entry.code, None
            if entry.type == "metonym" and entry.code in self.world.countries:
                return entry.code, entry.role
        return None, None

    def _role_in(self, text: str) -> Role | None:
        """The role named in a phrase: the last (rightmost-ending) role form."""
        best = None
        for m in self.world.role_re.finditer(text.lower()):
            best = m
        return self.world.roles[best.group(0)] if best else None

    # -- collection ---------------------------------------------------------
    def collect(self) -> None:
        """One left-to-right pass over names, descriptions and pronouns."""
        doc = self.doc
        items: list[tuple[int, int, str, Any]] = []
        ent_starts: set[int] = set()
        ent_list = [(ent.start, ent.end, ent.label_) for ent in doc.ents if ent.label_ in _ACTOR_LABELS]
        ent_toks = {t for s, e, _ in ent_list for t in range(s, e)}
        for s, e, label in ent_list:
            if label in ("ORG", "GPE"):
                # "President of Freedonia Ivan Petrovich Doe": a long official title runs straight into the
                # holder's name; the NER swallows the name into the body's entity or leaves it out
                split = self._name_after_title(s, e, ent_toks)
                if split is not None:
                    k, ne = split
                    if k > s:
                        items.append((s, k, "ent", label))
                    items.append((k, ne, "ent", "PERSON"))
                    ent_starts.update(range(s, ne))
                    continue
            items.append((s, e, "ent", label))
            ent_starts.update(range(s, e))
        for s, (e, entry) in self.wm.items():
            if not any(t in ent_starts for t in range(s, e)):
                items.append((s, e, "world", entry))
        heads = self.world.role_heads
        org_types = self.world.org_types
        for tok in doc:
            low = tok.lower_
            if low in _PERSON_PRON and tok.tag_ in ("PRP", "PRP$"):
                items.append((tok.i, tok.i + 1, "pron", _PERSON_PRON[low]))
            elif tok.i not in ent_starts and tok.pos_ in ("NOUN", "PROPN") and (
                low in heads or low in org_types or low in _HOST_WORDS
            ):
                items.append((tok.i, tok.i + 1, "desc", None))
            elif low == "old" and tok.i >= 4 and doc[tok.i - 2].lower_ == "year" and (
                    tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in ("NOUN", "PROPN")):
                items.append((tok.i, tok.i + 1, "desc", None))
            elif tok.pos_ in ("PROPN", "NOUN") and tok.i not in ent_starts and tok.is_title and \
                    tok.i not in self.wm_tok:  # a surname the tagger took for a noun ("Doe laughs")
                items.append((tok.i, tok.i + 1, "propn", None))
        items.sort(key=lambda x: (x[0], -x[1]))
        for s, e, what, info in items:
            if s in self.covered:
                continue
            if what == "ent":
                self._on_ent(s, e, info)
            elif what == "world":
                self._on_world(s, e, info, None)
            elif what == "pron":
                self._on_pronoun(doc[s], info)
            elif what == "desc":
                self._on_description(doc[s])
            elif what == "propn":
                self._on_bare_propn(s)

    def _name_after_title(self, s: int, e: int, ent_toks: set[int]) -> tuple[int, int] | None:
        """(start, end) of a person's name right after "... of <country>" inside or just after [s, e)."""
        doc = self.doc
        for k in range(s + 1, min(e + 1, len(doc))):
            hit = self.wm_tok.get(k - 1)
            if hit is None or hit[1] != k or hit[2].type != "country":
                continue
            c = hit[0] - 1 if hit[0] >= 1 and doc[hit[0] - 1].lower_ == "the" else hit[0]
            if c < 1 or doc[c - 1].lower_ != "of":
                continue
            j, names = k, 0
            while j < len(doc) and (j < e or j not in ent_toks) and doc[j].pos_ == "PROPN" \
                    and j not in self.wm_tok and doc[j].lower_ not in _ORG_NAME_WORDS \
                    and doc[j].lower_ not in self.world.org_types and doc[j].text.isalpha() \
                    and (doc[j].is_title or (j + 1 < len(doc) and doc[j + 1].is_title and names > 0)):
                if doc[j].lower_ not in self.world.premod_words:
                    names += 1
                j += 1
            if names >= 2 and doc[j - 1].is_title and j >= e and self.sent_of[j - 1] == self.sent_of[k]:
                return k, j
        return None

    # -- names --------------------------------------------------------------
    def _on_ent(self, s: int, e: int, label: str) -> None:
        doc = self.doc
        s0 = s
        while s < e and (doc[s].lower_ == "the" or not doc[s].text[0].isalnum()):
            s += 1  # "the", bullets, dashes
        while e > s and (doc[e - 1].text in _STRIP_ENDS or (
                e - s > 1 and doc[e - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT") and label == "ORG")):
            e -= 1  # "the Tribunal for the Law of the Sea on [Thursday]": the NER took the preposition
        if s >= e:
            return
        hit = self.wm.get(s)
        if hit is not None and hit[0] == e:
            self._on_world(s, e, hit[1], label)
            return
        if label == "PERSON":
            # leading titles / demonyms the NER swallowed become premodifiers
            while e - s > 1 and (doc[s].lower_ in self.world.premod_words or self._premod_world(s)):
                s += 1
            if self._premod_world(s) or doc[s].lower_ in self.world.premod_words:
                return
            self._on_person(s, e, label, s0)
        elif label == "ORG":
            self._on_org(s, e, label)
        elif label == "NORP":
            self._on_norp(s, e)
        elif label in ("GPE", "LOC", "FAC"):
            known = self._known_person(s, e)
            if known is not None:
                self._on_person(s, e, "PERSON", s)

    def _on_world(self, s: int, e: int, entry: Entry, label: str | None) -> None:
        doc = self.doc
        label = _ENTRY_LABEL.get(entry.type, label)
        head = _head_of(doc, s, e)
        if entry.type == "country":
            self._mention(self._country_actor(entry.code), s, e, label or "GPE")
        elif entry.type == "capital":
            if _metonymic(head):
                if self._text(s, e) == "Brussels":
                    self._mention(self._org_actor("EEC"), s, e, label or "GPE")
                else:
                    self._mention(self._country_actor(entry.code), s, e, label or "GPE")
        elif entry.type == "plural":
            if head.dep_ not in ("amod", "compound"):
                self._mention(self._country_actor(entry.code), _with_det(doc, s), e, label or "NORP")
        elif entry.type == "demonym":
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("amod", "compound") and s > 0 and \
                    doc[s - 1].lower_ == "the" and entry.name not in ("",):
                self._mention(self._country_actor(entry.code), s - 1, e, label or "NORP")
        elif entry.type == "metonym":
            if head.dep_ == "compound" and head.head.lower_ in self.world.role_heads:
                return  # "Kremlin spokesman": a premodifier of a person's role
            code = entry.code
            own = self.wm_tok.get(s - 1) if s > 0 else None
            if own is not None and own[2].type in ("demonym", "country") and own[2].code != code:
                # "the Argentine Chancellery": a generic institution word of another country; later bare
                # mentions in the article mean that one
                a = self._actor(f"T:{own[2].code}:{entry.role}", "organization", self._text(own[0], e),
                                country=own[2].code, role=entry.role)
                self.by_key["M:" + entry.name] = a
                self._mention(a, _with_det(doc, own[0]), e, label or "ORG")
                return
            surf = self._text(s, e)
            named = next((a for a in reversed(self.actors) if a.kind == "organization" and a.country and
                          a.country != code and a.name.endswith(" " + surf)), None)
            if named is not None:  # "the Uruguayan Chancellery ... the Chancellery": the one named before
                self._mention(named, _with_det(doc, s), e, label or "ORG")
                return
            a = self._actor("M:" + entry.name, "organization", entry.name,
                            country=code if code in self.world.countries else None, role=entry.role)
            self._mention(a, _with_det(doc, s), e, label or "ORG")
        elif entry.type == "org":
            self._mention(self._org_actor(entry.code), _with_det(doc, s), e, label or "ORG")

    def _org_actor(self, code: str) -> _Actor:
        org = self.world.orgs.get(code)
        name = org["name"] if org else code
        return self._actor("O:" + code, "organization", name, code=code)

    def _on_org(self, s: int, e: int, label: str) -> None:
        doc = self.doc
        if self._known_person(s, e) is not None or self._person_shaped(s, e):
            self._on_person(s, e, "PERSON", s)
            return
        text = self._text(s, e)
        country, _ = self._country_in(s, e)
        if country is None and e + 1 < len(doc) and doc[e].lower_ in ("in", "of") and (e + 1) in self.wm_tok:
            entry = self.wm_tok[e + 1][2]
            if entry.type in ("country", "capital"):
                country = entry.code  # "the Foreign Ministry in Moscow"
        low = text.lower()
        role = None
        for word, (r, _k) in self.world.org_types.items():
            if low.endswith(word):
                role = r if len(word) > len(role or "") else role
        key = f"T:{country}:{role}" if country and role else "N:" + text
        expanded = self._acronym_of(text)
        if expanded is not None:  # "INEC" after "Independent National Electoral Commission"
            self._mention(expanded, _with_det(doc, s), e, label)
            return
        if e + 1 < len(doc) and doc[e].lower_ == "of" and (e + 1) in self.wm_tok and \
                self.wm_tok[e + 1][2].type == "country" and self.wm_tok[e + 1][1] == self.wm_tok[e + 1][0] + 1:
            text = f"{text} of {doc[e + 1].text}"  # "the Human Rights Commission of Pakistan"
        elif e + 1 < len(doc) and doc[e].lower_ == "in" and text.split()[-1].lower() in _POSTED_BODIES and \
                doc[e + 1].ent_type_ == "GPE" and (e + 2 >= len(doc) or doc[e + 2].ent_iob_ != "I"):
            text = f"{text} in {doc[e + 1].text}"  # "the Russian embassy in Chisinau"
        a = self._actor(key, "organization", text, country=country, role=role)
        self._mention(a, _with_det(doc, s), e, label)

    def _acronym_of(self, text: str) -> _Actor | None:
        """An organisation named earlier whose capitalised words' initials spell ``text``."""
        if not (2 <= len(text) <= 8 and text.isalpha() and text.isupper()):
            return None
        for a in self.actors:
            if a.kind != "organization":
                continue
            words = [w for w in re.split(r"[\s-]+", a.name) if w[:1].isupper()]
            if len(words) == len(text) and "".join(w[0] for w in words) == text:
                return a
        return None

    def _on_norp(self, s: int, e: int) -> None:
        doc = self.doc
        head = _head_of(doc, s, e)
        if head.dep_ in ("amod", "compound") or head.pos_ == "ADJ":
            return
        text = self._text(s, e)
        a = self._actor("G:" + text, "group", text)
        self._mention(a, _with_det(doc, s), e, "NORP")

    def _premod_world(self, t: int) -> bool:
        hit = self.wm_tok.get(t)
        return hit is not None and hit[2].type in ("country", "demonym", "metonym", "org")

    def _person_shaped(self, s: int, e: int) -> bool:
        """An ORG span that a title or a person-role apposition shows is a person."""
        doc = self.doc
        if any(t.pos_ != "PROPN" or not t.is_title or t.lower_ in self.world.org_types for t in doc[s:e]):
            return False
        if s > 0 and doc[s - 1].text in self.world.titles and doc[s - 1].is_title:
            return True
        if 2 <= e - s <= 3 and not any(t.lower_ in _ORG_NAME_WORDS or t.i in self.wm_tok for t in doc[s:e]):
            # "Helena Duarte met ...": the small NER model often calls two-word names ORG;
            # trust a following he/she before any other person name
            for t in doc[e: min(len(doc), e + 40)]:
                if t.ent_type_ == "PERSON":
                    break
                if t.lower_ in ("he", "she", "his", "her", "him") and t.tag_ in ("PRP", "PRP$"):
                    return True
        head = _head_of(doc, s, e)
        roles = self.world.role_heads
        if any(c.dep_ == "appos" and c.lower_ in roles and c.lower_ not in self.world.org_types
               for c in head.children):
            return True
        return head.dep_ == "appos" and head.head.lower_ in roles and head.head.lower_ not in self.world.org_types

    def _known_person(self, s: int, e: int) -> _Actor | None:
        return self._match_person(self._text(s, e).split(), None, None, None)

    def _on_bare_propn(self, i: int) -> None:
        """A capitalised token the NER missed that repeats a known person's surname."""
        tok = self.doc[i]
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            return
        a = self._match_person([tok.text], None, None, None, surname_only=True)
        if a is not None:
            self._mention(a, i, i + 1, "PERSON")

    def _match_person(self, toks: list[str], country: str | None, gender: str | None, role: str | None,
                      surname_only: bool = False) -> _Actor | None:
        best: _Actor | None = None
        for a in self.actors:
            if a.kind != "person" or not a.names:
                continue
            if country and a.country and country != a.country:
                continue
            if gender and a.gender and gender != a.gender and not a.gender_weak:
                continue
            if not _names_match(toks, a.names, surname_only):
                continue
            if best is None or a.last_tok > best.last_tok:
                best = a
        return best

    def _on_person(self, s: int, e: int, label: str, s0: int) -> None:
        doc = self.doc
        # words from the text, not tokens: "Min-ho" is one given name, not "Min - ho"
        toks = self._text(s, e).split()
        if not toks or not toks[0][:1].isupper():
            return
        info = self._person_context(s, e)
        a = self._match_person(toks, info.get("country"), info.get("gender"), info.get("role"))
        surface = self._text(s, e)
        if a is None:
            a = _Actor(kind="person", name=surface, key=f"P:{s}")
            self.actors.append(a)
        if toks not in a.names:
            if all(len(toks) > len(n) for n in a.names):
                a.name = surface
            a.names.append(toks)
        if info.get("gender") and (a.gender is None or a.gender_weak):
            a.gender, a.gender_weak = info["gender"], False
        for k in ("country", "role", "age"):
            if info.get(k) is not None and getattr(a, k) is None:
                setattr(a, k, info[k])
        self._mention(a, s, e, label)
        for ds, de in info.get("desc_spans", []):
            self._mention(a, ds, de, "DESC", pron=True)
        self._learn_host_guest(a, _head_of(doc, s, e))

    def _learn_host_guest(self, a: _Actor, head: Token) -> None:
        verb = head.head
        if verb.lemma_ in _HOST_VERBS:
            if head.dep_ == "nsubj":
                a.tags.add("host")
            elif head.dep_ in ("dobj", "nsubjpass"):
                a.tags.add("guest")
        elif verb.lemma_ in _VISIT_VERBS and head.dep_ == "nsubj":
            a.tags.add("guest")

    def _person_context(self, s: int, e: int) -> dict[str, Any]:
        """Role, country, gender and age the text gives around a person's name."""
        doc = self.doc
        info: dict[str, Any] = {}
        # premodifiers: walk left over titles, role words, demonyms, "Russia's"
        j = s
        while j > 0 and self.sent_of[j - 1] == self.sent_of[s]:
            t = doc[j - 1]
            low = t.lower_
            if low in self.world.premod_words or self._premod_world(j - 1) or t.like_num:
                j -= 1
            elif t.text in _STRIP_ENDS and j >= 2 and self._premod_world(j - 2):
                j -= 1
            elif low == "of" and j >= 2 and doc[j - 2].lower_ in self.world.premod_words:
                j -= 1
            else:
                break
        while j < s and (doc[j].lower_ in ("his", "her", "-") or doc[j].text in _STRIP_ENDS):
            j += 1
        if j < s:
            self._read_phrase(j, s, info)
        # "President X of Y"
        if e + 1 < len(doc) and doc[e].lower_ == "of" and (e + 1) in self.wm_tok:
            entry = self.wm_tok[e + 1][2]
            if entry.type == "country":
                info.setdefault("country", entry.code)
        # appositions: "X, Norway's ambassador to Chile," and "the Turkish foreign minister, X"
        head = _head_of(doc, s, e)
        role_heads = self.world.role_heads
        apps = [c for c in head.children if c.dep_ == "appos" and c.lower_ in role_heads]
        if head.dep_ == "appos" and head.head.lower_ in role_heads and head.head.i < s:
            apps.append(head.head)
        elif head.dep_ == "appos" and head.head.i < s and head.head.pos_ == "NOUN":
            # "Ecuador's agent, Ambassador X": whose agent, delegate or representative the person is
            for c in head.head.children:
                if c.dep_ == "poss" and c.i in self.wm_tok and self.wm_tok[c.i][2].type == "country":
                    info.setdefault("country", self.wm_tok[c.i][2].code)
        for h in apps:
            ps, pe = h.left_edge.i, h.i + 1
            if doc[ps].lower_ in ("a", "an"):
                pass
            sub: dict[str, Any] = {}
            self._read_phrase(ps, pe, sub)
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    pobj = [p for p in c.children if p.dep_ == "pobj"]
                    if pobj and pobj[0].i in self.wm_tok:
                        sub.setdefault("country", self.wm_tok[pobj[0].i][2].code)
            for k, v in sub.items():
                info.setdefault(k, v)
            while ps < h.i and (ps in self.covered or doc[ps].text in _STRIP_ENDS or doc[ps].is_punct):
                ps += 1  # "Brazil's" stays the country's mention
            info.setdefault("desc_spans", []).append((ps, pe))
        # age: "X, 62, said"
        if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].like_num and doc[e + 2].text == ",":
            try:
                age = int(doc[e + 1].text)
            except ValueError:
                age = 0
            if 16 <= age <= 110:
                info.setdefault("age", age)
        # honorific gender
        if s > 0 and doc[s - 1].text in self.world.titles:
            g = self.world.titles[doc[s - 1].text]["gender"]
            if g:
                info.setdefault("gender", g)
        return info

    def _read_phrase(self, s: int, e: int, info: dict[str, Any]) -> None:
        """Role, country, gender and age named by tokens [s, e)."""
        text = self._text(s, e)
        role = self._role_in(text)
        if role is not None and role.role != "counterpart":
            info.setdefault("role", role.role)
        if role is not None and role.gender:
            info.setdefault("gender", role.gender)
        country, metonym_role = self._country_in(s, e)
        if country:
            info.setdefault("country", country)
        m = _AGE_RE.search(text)
        if m:
            info.setdefault("age", int(m.group(1)))

    # -- descriptions -------------------------------------------------------
    def _on_description(self, h: Token) -> None:
        """ "the Russian leader", "the 62-year-old", "the host", "the Russian army"."""
        doc = self.doc
        if h.dep_ == "compound" or (h.i + 1 < len(doc) and doc[h.i + 1].pos_ == "PROPN"
                                    and doc[h.i + 1].is_title and h.is_title):
            return  # a title before a name: handled with the name
        if h.lower_ == "old":  # "the 62-year-old": the parse of this is unreliable, read the tokens
            s = h.i - 4 if h.i >= 5 and doc[h.i - 5].lower_ != "the" else h.i - 5
        else:
            left = [c for c in h.lefts]
            s = left[0].i if left else h.i
            s = min(s, h.left_edge.i)
        det = doc[s].lower_
        for c in h.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title and c.i > h.i and c.i not in self.wm_tok:
                # "the foreign minister, X": X is a person whatever the NER said
                ps = c.i
                while ps > h.i + 1 and doc[ps - 1].pos_ == "PROPN" and doc[ps - 1].dep_ == "compound":
                    ps -= 1
                while ps < c.i and (doc[ps].text in self.world.titles or doc[ps].text.rstrip(".") in
                                    self.world.titles or doc[ps].text == "."):
                    ps += 1  # "the Minister, Ms. X": the courtesy title is no part of the name
                if ps not in self.covered:
                    self._on_person(ps, c.i + 1, "PERSON", ps)
                return
        if h.dep_ == "appos" and h.head.ent_type_ == "PERSON":
            return
        low = h.lower_
        if det in ("a", "an", "another", "any", "every", "each", "no", "some") or h.tag_ in ("NNS", "NNPS") \
                and low not in self.world.org_types:
            return
        info: dict[str, Any] = {}
        self._read_phrase(s, h.i + 1, info)
        if low in self.world.org_types and low not in self.world.role_heads:
            self._on_org_description(h, s, info)
            return
        if det not in ("the", "his", "her", "its", "their") and "country" not in info:
            return
        if any(t in self.covered and self.covered[t].kind != "country" for t in range(s, h.i)):
            return  # "Duarte's spokesman" is not Duarte
        while s < h.i and (s in self.covered or doc[s].text in _STRIP_ENDS):
            s += 1  # keep the country's own mention ("Russia's") out of the description
        tag = _HOST_WORDS.get(low)
        target = self._resolve_description(info, tag, h.i)
        if target is None:
            if tag is None and info.get("country") and info.get("role"):
                name = self._text(s, h.i + 1)
                name = re.sub(r"^(?:the|his|her|its|their)\s+", "", name, flags=re.I)
                target = self._actor(f"D:{info['country']}:{info['role']}", "person", name,
                                     country=info["country"], role=info["role"], gender=info.get("gender"))
                target.aliases.append(name)
            else:
                return
        for k in ("country", "role", "gender", "age"):
            if info.get(k) is not None and getattr(target, k) is None:
                setattr(target, k, info[k])
        self._mention(target, s, h.i + 1, "DESC", pron=True)

    def _resolve_description(self, info: dict[str, Any], tag: str | None, at: int) -> _Actor | None:
        country, role, age, gender = info.get("country"), info.get("role"), info.get("age"), info.get("gender")
        best: tuple[int, int, int] | None = None
        target = None
        aged = age is not None and any(a.age == age for a in self.actors)
        for a in self.actors:
            if a.kind != "person" or a.last_tok < 0 or a.last_tok >= at:
                continue
            if gender and a.gender and gender != a.gender:
                continue
            if country and a.country and country != a.country:
                continue
            if tag is not None:
                if tag not in a.tags:
                    continue
                score = (1, 1)
            elif age is not None and aged:
                if a.age != age:
                    continue
                score = (1, 1)
            elif role is not None:
                if a.role == role:
                    r = 2
                elif a.role and role in _LEADER_GENERIC and _is_leader(self.world, a.role):
                    r = 1
                elif a.role in _LEADER_GENERIC and _is_leader(self.world, role):
                    r = 1  # "the Russian president" for someone so far only called a leader
                elif a.role and (role in _OFFICIAL_GENERIC or a.role.endswith(" " + role)):
                    r = 1  # "the minister" for a foreign minister
                elif a.role is None and country and a.country == country:
                    r = 1
                else:
                    continue
                c = 1 if country and a.country == country else 0
                if country and not c and r < 2:
                    continue
                score = (c, r)  # a matching country outranks a closer role word
            elif age is not None and a.age is None and a.last_tok >= 0:
                score = (0, 0)  # "the 62-year-old" with no age known yet: the most recent person
            else:
                continue
            key = (score[0], score[1], a.last_tok)
            if best is None or key > best:
                best, target = key, a
        return target

    def _on_org_description(self, h: Token, s: int, info: dict[str, Any]) -> None:
        doc = self.doc
        role, kind = self.world.org_types[h.lower_]
        # widen to multiword org types ("foreign ministry", "armed forces")
        if h.i >= 1 and f"{doc[h.i - 1].lower_} {h.lower_}" in self.world.org_types:
            role, kind = self.world.org_types[f"{doc[h.i - 1].lower_} {h.lower_}"]
        country = info.get("country")
        if country is None:
            poss = [c for c in h.children if c.dep_ == "poss" and c.i in self.wm_tok]
            if poss:
                country = self.wm_tok[poss[0].i][2].code
        if country is None:
            # "the ministry" after "the Russian foreign ministry": most recent body with that role
            prev = [a for a in self.actors if a.kind in ("organization", "group") and a.role == role
                    and a.mentions]
            if doc[s].lower_ != "the" or not prev:
                return
            a = max(prev, key=lambda x: x.last_tok)
        else:
            for k in range(h.i - 1, s - 1, -1):  # "DAKAR – Senegal's government": not the dateline
                if doc[k].text in ("\u2013", "\u2014", "--", ":", ","):
                    s = k + 1
                    break
            start = s
            while start < h.i and (start in self.covered or doc[start].text in _STRIP_ENDS):
                start += 1
            name = re.sub(r"^(?:the|its|their)\s+", "", self._text(start, h.i + 1), flags=re.I)
            if start == h.i:  # "Senegal's government": named as the text names it, possessive kept
                j = h.i
                while j > s and doc[j - 1].text in _STRIP_ENDS:
                    j -= 1
                owner = self.covered.get(j - 1) if j > s else None
                while owner is not None and j > s and self.covered.get(j - 1) is owner:
                    j -= 1
                name = self._text(j, h.i + 1)
                if j == h.i or not re.search(r"['\u2019]s?\s", name):
                    name = f"{self.world.countries.get(country, {}).get('name', country)} {h.text}"
                if h.i + 2 < len(doc) and doc[h.i + 1].lower_ == "in" and (
                        (doc[h.i + 2].ent_type_ == "GPE" and (h.i + 3 >= len(doc) or doc[h.i + 3].ent_iob_ != "I"))
                        or self.wm_tok.get(h.i + 2, (0, 0, None))[1] == h.i + 3):
                    name = f"{name} in {doc[h.i + 2].text}"  # "Tokyo's embassy in Manila"
            a = self._actor(f"T:{country}:{role}", kind, name, country=country, role=role)
            if name not in a.aliases:
                a.aliases.append(name)
        start = s
        while start < h.i and (start in self.covered or doc[start].text in _STRIP_ENDS):
            start += 1
        self._mention(a, start, h.i + 1, "DESC", pron=True)

    # -- pronouns -----------------------------------------------------------
    def _reflexive_binder(self, tok: Token) -> tuple[bool, _Actor | None]:
        """ "that Doe come to explain herself": a reflexive names the subject of its own clause (or the
        object of an object-control verb, "asked Doe to explain herself"), never a person merely nearby.
        Returns (binder found, its person actor if it is one)."""
        up = tok
        for _ in range(8):
            verb = up.head
            if verb.i == up.i:
                return False, None
            if verb.pos_ in ("VERB", "AUX"):
                subj = [c for c in verb.children if c.dep_ in _SUBJ and c.i < tok.i]
                if subj:
                    return True, self._person_at(subj[0])
                if verb.dep_ == "xcomp":  # controlled clause: the controller is the object, else the subject
                    obj = [c for c in verb.head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i]
                    if obj:
                        return True, self._person_at(obj[0])
                elif verb.dep_ not in ("advcl", "conj"):
                    return False, None  # a clause with no subject of its own that is not controlled
            up = verb
        return False, None

    def _person_at(self, t: Token) -> _Actor | None:
        a = self.covered.get(t.i)
        return a if a is not None and a.kind == "person" else None

    def _on_pronoun(self, tok: Token, gender: str) -> None:
        sent = self.sent_of[tok.i]
        if tok.lower_ in ("himself", "herself"):
            found, bound = self._reflexive_binder(tok)
            if bound is not None:
                if bound.gender is None or (bound.gender_weak and bound.gender != gender):
                    bound.gender, bound.gender_weak = gender, True
                if bound.gender == gender:
                    self._mention(bound, tok.i, tok.i + 1, "PRON", pron=True)
            if found:
                return  # bound inside its clause: it says nothing about anyone else's gender
        # nominal heads above the pronoun: "X, her brother": "her" cannot be X
        inside: set[int] = set()
        up = tok
        while up.head.i != up.i and up.head.pos_ not in ("VERB", "AUX"):
            up = up.head
            inside.add(up.i)
        best: tuple[int, int, int, int] | None = None
        target = None
        for a in self.actors:
            if a.kind != "person" or a.last_tok < 0 or a.last_tok >= tok.i:
                continue
            if a.gender and a.gender != gender:
                continue
            dist = sent - self.sent_of[a.last_tok]
            if dist > 4 or a.last_head in inside:
                continue
            if tok.dep_ in ("dobj", "dative", "pobj") and tok.lower_ in ("him", "her") and dist == 0:
                h = self.doc[a.last_tok]
                if h.dep_ in _SUBJ and h.head.i == tok.head.i:
                    continue  # "X praised him": not X (binding)
            subj_recent = a.last_subj_tok >= 0 and sent - self.sent_of[a.last_subj_tok] == dist
            # a person already known to be "she" beats a subject of unknown gender in the same sentence
            key = (-dist, 1 if a.gender == gender else 0, 1 if subj_recent else 0, a.last_tok)
            if best is None or key > best:
                best, target = key, a
        if target is None:
            return
        if target.gender is None:
            target.gender, target.gender_weak = gender, True
        self._mention(target, tok.i, tok.i + 1, "PRON", pron=True)

    # -- output -------------------------------------------------------------
    def output(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        live = [a for a in self.actors if a.mentions]
        live.sort(key=lambda a: min(m[0] for m in a.mentions))
        actors: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        for k, a in enumerate(live):
            aid = f"a{k}"
            ms = sorted(set(a.mentions))
            actors.append({"id": aid, "name": a.name, "kind": a.kind, "country": a.country, "role": a.role,
                           "code": a.code, "gender": a.gender, "aliases": a.aliases, "mentions": [[m[0], m[1]] for m in ms]})
            mentions.extend({"start": m[0], "end": m[1], "actor": aid, "label": m[2], "pronoun": m[3]}
                            for m in ms)
        mentions.sort(key=lambda m: (m["start"], m["end"]))
        return actors, mentions


# -------------------------------------------------------------- helpers ----


def _is_leader(world: World, role: str) -> bool:
    r = world.roles.get(role)
    return bool(r and r.leader)


def _head_of(doc: Doc, s: int, e: int) -> Token:
    """Syntactic head of tokens [s, e): the token whose head lies outside."""
    for t in range(e - 1, s - 1, -1):
        h = doc[t].head.i
        if h < s or h >= e or h == t:
            return doc[t]
    return doc[e - 1]


def _with_det(doc: Doc, s: int) -> int:
    return s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s


def _metonymic(head: Token) -> bool:
    """Is a capital used for its government ("Moscow denied", "Moscow's position")?"""
    dep = head.dep_
    tok = head
    while dep == "conj":
        tok = tok.head
        dep = tok.dep_
    if dep in _SUBJ:
        return tok.head.pos_ in ("VERB", "AUX")
    if dep == "poss":
        return tok.head.lower_ not in _METONYM_POSS_BAD
    if dep in ("dobj", "dative"):
        return tok.head.lemma_ in _POLITICAL_OBJ_VERBS
    if dep == "pobj":
        prep = tok.head
        gov = prep.head
        return prep.lower_ in ("with", "between", "on", "against", "from", "by") and (
            gov.lower_ in _POLITICAL_NOUNS or gov.lemma_ in _POLITICAL_OBJ_VERBS
            or (prep.lower_ == "by" and gov.tag_ == "VBN"))
    return False


def _names_match(toks: list[str], names: list[list[str]], surname_only: bool) -> bool:
    """Could name tokens ``toks`` denote the person already named ``names``?"""
    for n in names:
        if toks == n:
            return True
        if len(toks) == 1:
            if toks[0] == n[-1] or (not surname_only and len(n) == 1 and toks[0] == n[0]):
                return True
        elif len(n) == 1:
            if toks[-1] == n[0]:
                return True
        elif toks[-1] == n[-1] and (toks[0] == n[0] or toks[0].rstrip(".") == n[0][:1] or
                                    n[0].rstrip(".") == toks[0][:1]):
            return True
        elif len(toks) < len(n) and n[-len(toks):] == toks and toks[0][:1].isupper():
            return True  # "Paredes Cordero" after "Lucía Paredes Cordero": a two-word surname
    return False


@Language.factory(
    "newsprism_actors",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.np_actors", "doc._.np_mentions"],
)
def make_actors(nlp: Language, name: str) -> ActorAnnotator:
    """Construct the actor annotator (resources load on first use)."""
    return ActorAnnotator(nlp, name)
