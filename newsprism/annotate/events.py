"""The ``newsprism_events`` component: who did what to whom, coded in PLOVER.

Each event is a PLOVER type with a mode, a CAMEO code and its Goldstein score
(``resources/plover.json``), a source and a target party read off the
dependency parse (source = agent: ``nsubj`` or the ``by`` phrase of a passive;
target = patient or recipient: ``dobj``, ``dative``, the object of a
type-specific preposition, or the passive subject), mapped to actors through
:class:`~newsprism.annotate.lookup.MentionIndex`.

Why the extra machinery around the lexicon:

* Most news sentences hold no event, so a sentence is only parsed further
  when one of its lemmas is a trigger (a set lookup per token).
* What is said is not always what happened: a negated act ("did not attack",
  "refused to meet", "denied interfering") is coded REJECT; a hostile act that
  is only threatened, planned or possible ("threatened to impose sanctions",
  "could strike") is THREATEN; a cooperative one that is promised or planned
  ("pledged to send aid") is AGREE; acts inside "urged X to ..." or "accused X
  of ..." are what is asked or alleged, and are not coded themselves.
* Events inside a quote or a reported clause belong to the speaker
  (``claimed_by``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.annotate import extensions  # noqa: F401  (declares Doc._ attributes)
from newsprism.annotate.actors import subdivision_country
from newsprism.annotate.lookup import MentionIndex

PLOVER_PATH = Path(__file__).with_name("resources") / "plover.json"
CITIES_PATH = Path(__file__).with_name("resources") / "cities.json"

HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "THREATEN"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# CAMEO 03 "express intent to ..." codes for a promised or planned cooperative act.
INTENT_CAMEO: dict[str, tuple[str, float]] = {
    "COOPERATE": ("031", 5.2), "AID": ("033", 5.2), "CONCEDE": ("035", 7.0), "RETREAT": ("035", 7.0),
    "CONSULT": ("036", 4.0), "SUPPORT": ("032", 4.5), "AGREE": ("030", 4.0),
}
# CAMEO 12 codes for refusing a given kind of act.
REJECT_CAMEO: dict[str, tuple[str, float]] = {
    "CONSULT": ("125", -5.0), "AGREE": ("127", -5.0), "AID": ("122", -4.0), "COOPERATE": ("121", -4.0),
    "CONCEDE": ("123", -4.0), "RETREAT": ("123", -4.0),
}
# Words that make an evaluative naming ("called the talks constructive") praise rather than criticism.
POSITIVE_EVAL = frozenset({
    "constructive", "positive", "productive", "success", "successful", "historic", "important", "good",
    "great", "excellent", "fruitful", "welcome", "step", "breakthrough", "milestone", "useful", "friendly",
    "warm", "cordial", "landmark", "encouraging", "significant", "right", "correct", "courageous", "brave",
    "wise", "responsible", "reasonable", "balanced", "promising", "victory", "achievement", "model",
    "partner", "ally", "friend", "progress", "turning", "essential", "vital", "valuable", "commendable",
    "forward"})
# Words that make a naming criticism whatever else it says: "another step in the militarisation of ...".
NEGATIVE_EVAL = frozenset({
    "militarisation", "militarization", "escalation", "provocation", "provocative", "violation", "threat",
    "aggression", "insult", "disaster", "mistake", "error", "blow", "setback", "betrayal", "attack",
    "interference", "intervention", "unacceptable", "dangerous", "illegal", "unlawful", "outrageous",
    "shameful", "disgrace", "farce", "sham", "travesty", "surrender", "capitulation", "erosion", "slap",
    "affront", "unfair", "unjust", "absurd", "reckless", "irresponsible", "hostile", "destabilising",
    "destabilizing", "backward", "retrograde"})
# Things a naming verb applies its words to that are no party: "called the Bill 'a disgrace'".
NAMED_THINGS = frozenset({"it", "this", "that", "bill", "law", "act", "move", "ruling", "vote", "plan", "measure",
                          "decision", "policy", "proposal", "remark", "remarks", "comment", "comments",
                          "statement", "match", "matches", "deal", "report", "verdict", "judgment"})
# Nouns that only measure what follows them: "a range of Vietnamese goods", "a number of Indian firms".
QUANTITIES = frozenset({"range", "number", "host", "variety", "list", "array", "series", "set", "group", "batch",
                        "raft", "slew", "swathe", "swath", "basket", "package", "wave"})
# Things that carry a message at a demonstration: "protesters with banners denouncing X" protest X.
PLACARDS = frozenset({"sign", "banner", "placard", "poster", "slogan", "flag", "t-shirt", "shirt", "board"})
# Document nouns that carry an act: "delivered a note of protest", "issued a statement calling X ...".
DOCUMENTS = frozenset({"note", "letter", "message", "statement", "expression", "declaration", "communique",
                       "communiqué", "resolution", "petition"})
# Verbs whose "in" object names an activity the subject takes part in: "took part in the talks",
# "is in contact with X", "engaged in negotiations".
PARTICIPATION = frozenset({"take", "participate", "engage", "be", "remain", "stay", "keep", "join", "get",
                           "enter", "involve"})
# Frequency words that make a verb habitual ("meets twice a year"): a description, not an event.
# Verbs whose object is an attitude aimed at their subject: "drew condemnation from X", "earned praise".
RECEIVING = frozenset({"draw", "earn", "receive", "win", "attract", "garner", "spark", "provoke", "prompt",
                       "trigger", "elicit", "face", "invite"})
# Verbs of turning down what was asked: the one who does it is the one asked.
DEFIANCE = frozenset({"ignore", "reject", "defy", "rebuff", "resist", "dismiss", "spurn", "heed", "brush",
                      "snub", "disregard"})
TIME_PREPS = frozenset({"after", "before", "during", "amid", "following", "since", "until", "ahead"})
# Nouns whose content clause is only talked about: "rumours that X had been summoned".
# What a meeting is held to do: "met X to discuss Y" is one meeting.
MEETING_PURPOSE = frozenset({"discuss", "talk", "negotiate", "review", "consult", "explore", "address"})
# Verbs that put their clause in question rather than report it.
DOUBT = frozenset({"doubt", "wonder", "question"})
# nouns naming a request: an infinitive after them is what is asked for ("calls to withdraw")
REQUEST_NOUNS = frozenset({"call", "demand", "appeal", "plea", "request", "ultimatum", "invitation", "urging"})
HEARSAY = frozenset({"rumour", "rumor", "speculation", "suggestion", "hypothesis", "possibility", "prospect",
                     "fear", "hope", "idea", "notion", "scenario", "gossip"})
AUTHORING = frozenset({"draft", "sponsor", "propose", "author", "table", "write", "broker", "back", "impose"})
PROTEST_AIMS = frozenset({"oppose", "reject", "resist", "denounce", "condemn", "decry", "criticise", "criticize",
                          "challenge", "defy"})
HABITUAL = frozenset({"twice", "annually", "regularly", "monthly", "weekly", "yearly", "routinely", "usually",
                      "often", "periodically", "typically", "normally", "traditionally"})
QUOTE_OPEN = frozenset({'"', "\u201c", "\u00ab", "``", "'", "\u2018"})
# Deploying these is a show of force even without a named adversary; sending police or medics is help.
HARDWARE = frozenset({"warship", "ship", "vessel", "submarine", "jet", "aircraft", "plane", "missile", "tank",
                      "fleet", "carrier", "bomber", "battery", "launcher", "artillery", "weapon", "drone"})
ADVICE = frozenset({"should", "must", "ought", "need"})
MODALS = frozenset({"could", "would", "might", "may", "should", "ca"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
SPEECH = frozenset({"say", "tell", "claim", "insist", "add", "state", "note", "write", "tweet", "argue",
                    "suggest", "report", "confirm", "believe", "think", "reiterate", "stress", "assert",
                    "maintain", "explain", "acknowledge", "admit", "announce", "declare", "signal",
                    "indicate", "hint", "predict", "warn", "estimate", "fear", "hope", "mention"})
VERBAL_TARGETS = frozenset({"outlet", "media", "press", "newspaper", "channel", "broadcaster", "policy",
                            "decision", "record", "critic", "opponent", "rival", "plan", "proposal", "report"})
OBJ_DEPS = frozenset({"dobj", "obj"})
# Compound person nouns the lexicon does not list: "dockworkers", "steelworkers", "farmhands".
PERSON_SUFFIXES = ("worker", "workers", "fighter", "fighters", "soldier", "soldiers")
PRONOUN_TARGETS = frozenset({"he", "she", "they", "him", "her", "them", "us", "we", "i", "me", "it", "you",
                             "his", "their", "its", "our", "my"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "our", "my"})
WH = frozenset({"who", "which", "that", "whom", "whose"})
TEMPORAL_PREPS = frozenset({"after", "during", "following", "before", "at", "ahead", "since", "amid", "in", "for"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "prep", "pobj", "advcl", "oprd", "acomp"})
# Nouns that only count or package an event noun: "a round of talks", "a wave of strikes".
# Bodies of civil society: a "Korean civic group" staging a rally protests; it does not complain as a state.
CIVIL_BODIES = frozenset({"group", "movement", "association", "network", "campaign", "coalition", "organisation",
                          "organization", "company", "firm", "channel", "media", "outlet", "newspaper", "website",
                          "broadcaster", "station", "bank", "union", "party", "opposition"})
FRONTIERS = frozenset({"border", "frontier", "crossing", "airspace", "embassy", "consulate", "port", "waters"})
# Object heads whose compound names the content: "a sanctions package", "its sanctions list".
PACKAGES = frozenset({"package", "round", "list", "regime", "measure", "wave", "level", "status"})
CONTAINERS = frozenset({"round", "series", "wave", "spate", "string", "day", "days", "week", "hour", "hours",
                        "salvo", "barrage", "package", "set", "volley", "campaign"})
DROP_DET = re.compile(r"^(?:the|a|an|its|their|his|her|our|some|several|two|three)\s+", re.I)
# AID and COOPERATE modes from the words around the trigger ("military aid", "trade cooperation").
MODE_WORDS: dict[str, dict[str, str]] = {
    "AID": {w: m for m, ws in {
        "military": "military weapon arms ammunition missile tank jet drone artillery rifle defence defense",
        "humanitarian": "humanitarian food medicine medical hospital shelter vaccine relief tent water firefighter",
        "economic": "loan money financial economic credit budget billion million $ funding fund grant cash",
    }.items() for w in ws.split()},
    "COOPERATE": {w: m for m, ws in {
        "military": "military defence defense security army naval border",
        "economic": "trade economic energy investment railway infrastructure business",
        "intelligence": "intelligence",
        "judicial": "judicial legal extradition court police",
        "diplomatic": "diplomatic relations ties embassy",
    }.items() for w in ws.split()},
}
ISO_DATE = re.compile(r"^\d{4}(?:-W\d{2}|-\d{2}(?:-\d{2})?)?")
# A wire dateline opening a paragraph: "LA PAZ, Bolivia (AP) —", "SEOUL, Nov. 4 (Yonhap) --", "ISLAMABAD:".
# The place in capitals says where the story was filed; it is never a party to the events.
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\-]+(?:[ \t]+[A-Z][A-Z'.\-]+){0,3})"
    r"(?P<rest>,[^\n\u2014\u2013(]{0,40}?)?(?:[ \t]*\([^)\n]{1,60}\))?[ \t]*(?:\u2014|\u2013|--|-|:)[ \t]",
    re.M)
# Institutions that are national unless the text says otherwise ("the ministry", "Police", "the army"):
# without a named country they belong to the country of the article's dateline, or to the country an
# earlier mention of the same institution in the article named ("Russia's foreign ministry ... the ministry").
# Domestic political actors: the unnamed government they confront is their own.
DOMESTIC = frozenset({"opposition", "lawmaker", "lawmakers", "legislator", "legislators", "senator", "senators",
                      "mp", "mps", "deputy", "deputies", "union", "unions", "protester", "protesters", "activist",
                      "activists", "critic", "critics", "dissident", "dissidents", "governor", "mayor"})
PERSON_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "minister"})
NATIONAL_BODIES = frozenset({"minister",
    "ministry", "department", "police", "army", "military", "navy", "government", "parliament", "cabinet",
    "presidency", "guard", "authorities", "authority", "forces", "force", "legislature", "prosecutor",
    "interior", "junta", "regime", "administration", "office", "spokesman", "spokeswoman", "spokesperson",
    "delegation"})


# ---------------------------------------------------------------- lexicon ----


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern: a lemma, conditions on its dependents, and its coding."""

    type: str
    lemma: str
    cameo: str
    goldstein: float
    mode: str | None
    obj: frozenset[str] | None = None
    obj_not: frozenset[str] = frozenset()
    need_obj: bool = False
    no_obj: bool = False
    prt: frozenset[str] | None = None
    prt_not: frozenset[str] = frozenset()
    prep_obj: tuple[tuple[str, frozenset[str]], ...] = ()
    prep_not: frozenset[str] = frozenset()
    prep_req: frozenset[str] | None = None
    mod: frozenset[str] | None = None
    mod_not: frozenset[str] = frozenset()
    tag: str | None = None
    subj: str | None = None
    target_preps: tuple[str, ...] = ()
    symmetric: bool = False
    frame: str | None = None
    need_party_target: bool = False
    person_target: bool = False
    no_xcomp: bool = False
    need_obj_or_xcomp: bool = False
    parties_required: int = 1
    need_party_of: bool = False
    subj_not: frozenset[str] = frozenset()
    subj_lemma: frozenset[str] | None = None
    xcomp: frozenset[str] | None = None
    xcomp_not: frozenset[str] = frozenset()
    evaluative: bool = False
    need_light: bool = False
    need_modal: bool = False
    experiencer: bool = False
    speaker_source: bool = False
    active_affirmative: bool = False
    need_xcomp: bool = False

    @property
    def specificity(self) -> int:
        """Patterns with more conditions are tried first."""
        return sum(x is not None for x in (self.obj, self.prt, self.prep_req, self.mod, self.subj,
                                           self.subj_lemma, self.xcomp)) + int(self.need_xcomp) + \
            len(self.prep_obj) + int(self.no_obj) + int(bool(self.prep_not)) + 2 * int(self.evaluative)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    triggers: frozenset[str]
    light: frozenset[str]
    frames: dict[str, str]
    by_act: dict[str, tuple[str, float, str]]
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    local_nouns: frozenset[str]
    goldstein: dict[str, float]


def _expand(items: Iterable[str], sets: dict[str, list[str]]) -> frozenset[str]:
    out: set[str] = set()
    for it in items:
        out.update(sets[it[1:]] if it.startswith("@") else [it])
    return frozenset(w.lower() for w in out)


def _pattern(type_: str, raw: dict[str, Any], sets: dict[str, list[str]], default_preps: tuple[str, ...]
             ) -> Pattern:
    def fs(key: str) -> frozenset[str] | None:
        return _expand(raw[key], sets) if key in raw else None

    return Pattern(
        type=type_, lemma=raw["lemma"].lower(), cameo=raw["cameo"], goldstein=float(raw["goldstein"]),
        mode=raw.get("mode"), obj=fs("obj"), obj_not=fs("obj_not") or frozenset(),
        need_obj=bool(raw.get("need_obj")), no_obj=bool(raw.get("no_obj")), prt=fs("prt"),
        prt_not=fs("prt_not") or frozenset(),
        prep_obj=tuple((p, _expand(v, sets)) for p, v in raw.get("prep_obj", {}).items()),
        prep_not=fs("prep_not") or frozenset(), prep_req=fs("prep_req"), mod=fs("mod"),
        mod_not=fs("mod_not") or frozenset(), tag=raw.get("tag"), subj=raw.get("subj"),
        target_preps=tuple(raw.get("target_preps", default_preps)), symmetric=bool(raw.get("symmetric")),
        frame=raw.get("frame"), need_party_target=bool(raw.get("need_party_target")),
        person_target=bool(raw.get("person_target")), no_xcomp=bool(raw.get("no_xcomp")),
        need_obj_or_xcomp=bool(raw.get("need_obj_or_xcomp")),
        parties_required=int(raw.get("parties_required", 1)), need_party_of=bool(raw.get("need_party_of")),
        subj_not=fs("subj_not") or frozenset(), subj_lemma=fs("subj_lemma"), xcomp=fs("xcomp"),
        xcomp_not=fs("xcomp_not") or frozenset(), evaluative=bool(raw.get("evaluative")),
        need_light=bool(raw.get("need_light")), need_modal=bool(raw.get("need_modal")),
        experiencer=bool(raw.get("experiencer")), speaker_source=bool(raw.get("speaker_source")),
        active_affirmative=bool(raw.get("active_affirmative")), need_xcomp=bool(raw.get("need_xcomp")),
    )


@lru_cache(maxsize=1)
def load_lexicon(path: str = str(PLOVER_PATH)) -> Lexicon:
    """Read ``plover.json`` once per process and index the patterns by lemma."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    sets: dict[str, list[str]] = data["sets"]
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    by_act: dict[str, tuple[str, float, str]] = {}
    goldstein: dict[str, float] = {}
    default_verb_preps = ("with", "to", "against", "on", "at", "toward", "towards", "upon", "from")
    for type_, spec in data["types"].items():
        goldstein[spec["cameo"]] = float(spec["goldstein"])
        for raw in spec.get("verbs", []):
            verbs.setdefault(raw["lemma"].lower(), []).append(_pattern(type_, raw, sets, default_verb_preps))
        for raw in spec.get("nouns", []):
            nouns.setdefault(raw["lemma"].lower(), []).append(_pattern(type_, raw, sets, ("on", "against")))
        for act, (code, score, mode) in spec.get("by_act", {}).items():
            by_act[act] = (code, float(score), mode)
    frames = {lemma: frame for frame, lemmas in data["frame_verbs"].items() for lemma in lemmas}
    party = data["party_nouns"]
    return Lexicon(
        verbs={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in verbs.items()},
        nouns={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in nouns.items()},
        triggers=frozenset(verbs) | frozenset(nouns), light=frozenset(data["light_verbs"]), frames=frames,
        by_act=by_act, person_nouns=frozenset(party["person"]), org_nouns=frozenset(party["organization"]),
        local_nouns=frozenset(party["local"]), goldstein=goldstein,
    )


@lru_cache(maxsize=1)
def load_places(path: str = str(CITIES_PATH)) -> dict[str, str]:
    """Large cities and news-default demonyms -> ISO3 (``resources/cities.json``), read once per process."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {**data["cities"], **data["demonyms"]}


def _country_lookup() -> Any:
    """The actors component's ``country_of`` when there; else a small pycountry lookup."""
    try:
        from newsprism.annotate.actors import country_of

        return country_of
    except ImportError:  # pragma: no cover - only before the actors component exists
        return _pycountry_of


@lru_cache(maxsize=4096)
def _pycountry_of(text: str) -> str | None:
    import pycountry

    try:
        return str(pycountry.countries.lookup(text.strip()).alpha_3)
    except LookupError:
        return None


# ------------------------------------------------------------ token tools ----


# Lemmas the model gets wrong on news verbs and nouns: "staged" -> "stag", "sit-in" -> "in".
LEMMA_FIXES = {("stag", "VERB"): "stage", ("in", "NOUN"): "sit-in"}


def _lem(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get((lemma, tok.pos_), lemma) if lemma in ("stag", "in") else lemma


def _with_conj(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("France and Germany")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or (c.pos_ == "ADJ" and (
                tok.pos_ == "ADJ" or tok.ent_type_ == "NORP")):
            out.append(c)
            stack.extend(x for x in c.children if x.dep_ == "conj")
    if len(out) > 2:
        # "X and South Korean President Kang Min-ho": the parser coordinates the title with the name
        names = {t.i for t in out if t.ent_type_ == "PERSON"}
        out = [t for t in out if not (t.ent_type_ != "PERSON" and t.pos_ == "PROPN" and t.i + 1 < len(t.doc)
                                      and t.doc[t.i + 1].ent_iob_ == "B" and t.doc[t.i + 1].ent_type_ == "PERSON"
                                      and any(n > t.i for n in names))]
    return out


def _is_passive(v: Token) -> bool:
    """'was attacked', 'the sanctions imposed on X'; a participle with its own object ('the Council,
    ..., called the treaty ...') is an active verb the parser hung on its subject."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or (
        v.dep_ == "acl" and v.tag_ == "VBN" and not any(c.dep_ in OBJ_DEPS for c in v.children))


def _real_noun(tok: Token) -> Token:
    """'two of the diplomats' -> diplomats; 'dozens of troops' -> troops."""
    if tok.tag_ in ("CD", "DT", "PRP") or _lem(tok) in ("dozen", "hundred", "thousand", "some", "several",
                                                          "number", "group", "all", "many", "most"):
        for p in tok.children:
            if p.dep_ == "prep" and _lem(p) == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return tok


def _objects(v: Token) -> list[Token]:
    """What the verb acts on: direct objects, the passive subject, the noun a participle modifies."""
    objs = [_real_noun(c) for c in v.children if c.dep_ in OBJ_DEPS]
    if not objs:
        # "allowed UN flights to resume": the subject of an infinitive small clause
        objs = [s for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.i > v.i and
                any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]
    if v.dep_ in ("relcl", "ccomp", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
        # "the memorandum that Ethiopia signed": the relative pronoun stands for the noun
        objs = [v.head if o.lower_ in WH and o.i < v.i else o for o in objs]
    if v.dep_ == "relcl" and not objs and any(c.dep_ == "nsubj" and c.lower_ not in WH for c in v.children):
        objs.append(v.head)  # "the outlets he accused of ..."
    if _is_passive(v):
        objs += [c for c in v.children if c.dep_ == "nsubjpass"]
        if v.dep_ == "acl" and not objs:
            objs.append(v.head)
    out: list[Token] = []
    for o in objs:
        out.extend(_with_conj(o))
    return out


NEAR_WORDS = frozenset({"close", "closer", "near", "nearer", "next"})


def _preps(tok: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging on a token, including 'ahead of'-style chains; 'close to X'
    and 'next to X' read as 'near X'."""
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.pos_ == "ADP":
            for o in p.children:
                if o.dep_ in ("pobj", "pcomp"):
                    for oc in _with_conj(_real_noun(o)) if o.dep_ == "pobj" else [o]:
                        yield _lem(p), oc
        elif p.dep_ == "advmod" and p.lower_ in NEAR_WORDS:
            for p2 in p.children:
                if p2.dep_ == "prep" and p2.lower_ == "to":
                    for o in p2.children:
                        if o.dep_ == "pobj":
                            yield "near", o


def _particles(v: Token) -> set[str]:
    return {_lem(c) for c in v.children if c.dep_ in ("prt", "prep", "agent", "dative", "advmod")}


# ------------------------------------------------------------- component ----


class EventAnnotator:
    """Codes political events sentence by sentence (see module docstring)."""

    def __init__(self, nlp: Language, name: str, max_pairs: int = 6) -> None:
        self.name = name
        self.max_pairs = max_pairs

    def __call__(self, doc: Doc) -> Doc:
        lex = load_lexicon()
        found: list[dict[str, Any]] = []
        run: _Run | None = None
        for sent in doc.sents:
            if not any(t.lemma_.lower() in lex.triggers or (t.lower_ == "in" and t.pos_ == "NOUN") for t in sent):
                continue
            if run is None:
                run = _Run(doc, lex, self.max_pairs)
            if _is_heading(sent):
                continue  # "Campaign promises", "Key dates": a heading states no event
            found.extend(run.sentence(sent))
        doc._.np_events = [_verbal_assault(e) for e in (_without_bare_pronouns(e) for e in found) if e is not None]
        return doc


BARE_PRONOUNS = frozenset("their its his her our my your".split())  # possessives: "their meeting" names nobody


# things that can only be attacked in words (people, even critics, can be attacked physically)
NON_PHYSICAL_TARGETS = VERBAL_TARGETS - {"critic", "opponent", "rival"}


def _verbal_assault(event: dict[str, Any]) -> dict[str, Any]:
    """An "attack" launched on media outlets, a policy or a newspaper is criticism (ACCUSE), whichever
    verb or noun carried it."""
    target = event.get("target") or {}
    head = str(target.get("name") or "").lower().split()[-1:] or [""]
    word = head[0][:-1] if head[0].endswith("s") and head[0][:-1] in NON_PHYSICAL_TARGETS else head[0]
    if event.get("type") == "ASSAULT" and word in NON_PHYSICAL_TARGETS:
        return {**event, "type": "ACCUSE", "cameo": "111", "goldstein": -2.0, "mode": "disapprove"}
    return event


def _is_heading(sent: Span) -> bool:
    words = [t for t in sent if not t.is_space and not t.is_punct]
    return len(words) <= 4 and not any(t.text in ".!?" for t in sent)


def _without_bare_pronouns(event: dict[str, Any]) -> dict[str, Any] | None:
    """A party that is only an unresolved pronoun ("their meeting") names nobody: drop that side,
    and the event when neither side is left."""
    for side in ("source", "target"):
        party = event.get(side)
        if party and party.get("actor") is None and str(party.get("name", "")).lower() in BARE_PRONOUNS:
            event[side] = None
    if event.get("source") is None and event.get("target") is None:
        return None
    return event


@Language.factory(
    "newsprism_events",
    requires=["doc._.np_actors", "doc._.np_timexes", "doc._.np_quotes"],
    assigns=["doc._.np_events"],
    default_config={"max_pairs": 6},
)
def make_events(nlp: Language, name: str, max_pairs: int) -> EventAnnotator:
    """Factory: ``max_pairs`` caps the source x target events one coordinated trigger yields."""
    return EventAnnotator(nlp, name, max_pairs)


@dataclass
class _Coded:
    """An event before its parties are turned into dicts."""

    type: str
    cameo: str
    goldstein: float
    mode: str | None
    trigger: Token
    clause: Token  # the verb whose subject, negation and modality apply
    sources: list[Token]
    targets: list[Token]
    symmetric: bool = False


class _Run:
    """Per-document state: mention index, quotes, timexes, country lookup."""

    def __init__(self, doc: Doc, lex: Lexicon, max_pairs: int) -> None:
        self.doc = doc
        self.lex = lex
        self.max_pairs = max_pairs
        self.index = MentionIndex(doc)
        self.quotes = [q for q in (doc._.np_quotes or []) if q.get("start") is not None]
        self.timexes = [t for t in (doc._.np_timexes or []) if t.get("type") in ("DATE", "TIME")
                        and ISO_DATE.match(str(t.get("value") or ""))]
        meta = doc._.np_meta or {}
        self.published: str | None = meta.get("published") if isinstance(meta, dict) else None
        self.country_of = _country_lookup()
        self.consumed: set[int] = set()
        self.actor_country: dict[str, str] = {}  # countries inferred for actors the actors component left open
        self.datelines: list[tuple[int, int]] = []
        self.dateline_country: str | None = None
        self._home: str | None = None  # home_country(), once computed ("" for none)
        for m in DATELINE.finditer(doc.text[:20000]):
            self.datelines.append((m.start(), m.end()))
            if self.dateline_country is None:
                place = m.group("place").title()
                self.dateline_country = self._country(place) or self._country(
                    (m.group("rest") or "").strip(" ,"))

    def home_country(self) -> str | None:
        """Where the article happens: its dateline's country, else the country its places and
        nationalities name clearly most often (at least three mentions and more than half of all)."""
        if self._home is not None:
            return self._home or None
        home = self.dateline_country if self.datelines else None
        if home is None:
            counts: dict[str, int] = {}
            for ent in self.doc.ents:
                if ent.label_ in ("GPE", "NORP", "LOC"):
                    c = self._country(ent.text)
                    if c:
                        counts[c] = counts.get(c, 0) + 1
            if counts:
                top, n = max(counts.items(), key=lambda kv: kv[1])
                if n >= 3 and n * 2 > sum(counts.values()):
                    home = top
        self._home = home or ""
        return home

    def _in_dateline(self, tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in self.datelines)

    # -- sentence ---------------------------------------------------------------
    def sentence(self, sent: Span) -> list[dict[str, Any]]:
        lex = self.lex
        verbs: list[Token] = []
        nouns: list[Token] = []
        for t in sent:
            lemma = _lem(t)
            if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
                if lemma in lex.verbs:
                    verbs.append(t)
            elif t.pos_ == "ADJ" and t.dep_ in ("acomp", "ROOT", "ccomp", "conj", "xcomp") and lemma in lex.verbs:
                verbs.append(t)  # attitude adjectives: "said it was deeply concerned by ..."
            elif t.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
                nouns.append(t)
        coded: list[_Coded] = []
        # Outer clauses first, so "threatened to impose" codes once, at "threatened".
        for v in sorted(verbs, key=lambda t: (len(list(t.ancestors)), t.i)):
            if v.i in self.consumed:
                continue
            ev = self._verb_event(v)
            if ev is not None:
                coded.append(ev)
        for n in nouns:
            if n.i in self.consumed:
                continue
            ev = self._noun_event(n)
            if ev is not None:
                coded.append(ev)
        coded = [ev for ev in coded if not any(_restates(ev, other) for other in coded if other is not ev)]
        out: list[dict[str, Any]] = []
        seen: set[tuple[Any, ...]] = set()
        for ev in coded:
            for item in self._emit(ev, sent):
                key = (item["type"], item["trigger"][0], _pkey(item["source"]), _pkey(item["target"]))
                if key not in seen:
                    seen.add(key)
                    out.append(item)
        # "took to the streets to protest against the government": one protest, with its target
        with_target = {(e["type"], _pkey(e["source"])) for e in out if e["target"] is not None}
        out = [e for e in out if e["target"] is not None or (e["type"], _pkey(e["source"])) not in with_target]
        # "marched down the avenue, chanting ...": one protest per group of protesters and sentence
        protests: set[Any] = set()
        kept = []
        for e in out:
            if e["type"] == "PROTEST" and e["target"] is None:
                if _pkey(e["source"]) in protests:
                    continue
                protests.add(_pkey(e["source"]))
            kept.append(e)
        return kept

    # -- matching -------------------------------------------------------------
    def _match(self, tok: Token, patterns: tuple[Pattern, ...], verb: bool) -> Pattern | None:
        objs = _objects(tok) if verb else []
        # "launched Operation X, an offensive against ...": the apposition says what the object is;
        # "adopted a sanctions package": the package's compound says what is in it
        objs_ext = objs + [a for o in objs for a in o.children if a.dep_ == "appos"]
        obj_lemmas = {_lem(o) for o in objs_ext} | {o.lower_ for o in objs_ext} | {
            _lem(c) for o in objs if _lem(o) in PACKAGES for c in o.children if c.dep_ in ("compound", "amod")}
        parts = _particles(tok) if verb else set()
        preps = list(_preps(tok))
        mods = {_lem(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")} | \
            {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        has_comp = any(c.dep_ in ("xcomp", "ccomp", "oprd") for c in tok.children)
        comps = {_lem(c) for c in tok.children if c.dep_ in ("xcomp", "ccomp", "oprd")}
        for p in patterns:
            if p.tag and tok.tag_ != p.tag:
                continue
            if p.evaluative and not _evaluation(tok):
                continue
            if p.need_light and not verb and not self._light_anchor(tok):
                continue
            if p.need_modal and not (self._modal(tok) or self._governor(tok)[0] in ("modal", "intent")):
                continue
            if p.obj is not None:
                # "the assets of X", "$95 million in military aid": what the quantity is of
                extra = {_lem(o2) for o in objs for o2 in _preps_of(o, "of") + (
                    _preps_of(o, "in") if o.like_num or o.tag_ in ("CD", "$") else [])} if verb else set()
                if not (obj_lemmas | extra) & p.obj:
                    continue
            if p.obj_not and obj_lemmas & p.obj_not:
                continue
            if p.need_obj and not objs:
                continue
            if p.no_obj and any(c.dep_ in OBJ_DEPS for c in tok.children):
                continue
            if p.need_obj_or_xcomp and not objs and not has_comp:
                continue
            if p.no_xcomp and has_comp:
                continue
            if p.need_xcomp and not any(c.dep_ == "xcomp" for c in tok.children):
                continue
            if p.prt is not None and not parts & p.prt:
                continue
            if p.prt_not and parts & p.prt_not:
                continue
            if p.prep_obj and not any(
                    pp == prep and (_lem(o) in lems or o.lower_ in lems or any(
                        c.dep_ == "compound" and _lem(c) in lems for c in o.children))
                    for prep, lems in p.prep_obj for pp, o in preps):
                continue
            if p.prep_not and any(_lem(o) in p.prep_not for pp, o in preps if pp not in TIME_PREPS):
                continue
            if p.prep_req is not None and not (
                    {pp for pp, _ in preps} | {pp for o in objs_ext for pp, _ in _preps(o)}) & p.prep_req:
                continue
            if p.mod is not None and not mods & p.mod:
                continue
            if p.mod_not and mods & p.mod_not:
                continue
            if p.xcomp is not None and not comps & p.xcomp:
                continue
            if p.xcomp_not and comps & p.xcomp_not:
                continue
            if p.subj is not None or p.subj_not or p.subj_lemma is not None:
                subj = self._sources(tok) if verb else (self._noun_sources(tok) or (
                    self._sources(tok.head) if p.need_light and tok.dep_ in OBJ_DEPS else []))
                if p.subj is not None:
                    state = bool(subj) and self._is_state(subj[0])
                    if (p.subj == "state") != state:
                        continue
                lemmas = {_lem(t) for t in subj}
                if lemmas & p.subj_not:
                    continue
                if p.subj_lemma is not None and not lemmas & p.subj_lemma:
                    continue
            if verb and (p.need_party_target or p.person_target):
                targets = [t for t in self._verb_targets(tok, p, None, None, None, places=False)
                           if self._party_like(t)]
                if not targets:
                    continue
                if p.person_target and not any(self._party(t)["kind"] in ("person", "group") for t in targets):
                    continue
            return p
        return None

    def _light_anchor(self, n: Token) -> bool:
        """An attitude noun is an act only when someone voices it ("expressed concern over", "lodged a
        protest with") or it names its owner ("China's condemnation of")."""
        if any(c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her", "our", "my")
               for c in n.children) or any(p == "by" for p, _ in _preps(n)):
            return True
        h = n.head
        if n.dep_ == "conj":
            return self._light_anchor(h)
        if n.dep_ == "pobj" and h.dep_ == "prep" and _lem(h) in ("of", "with"):
            h = h.head  # "a statement of concern", "met with condemnation"
            return _lem(h) in ("statement", "expression", "letter", "note", "message", "express", "voice")
        return n.dep_ in ("dobj", "obj") and h.pos_ in ("VERB", "AUX") and _lem(h) in self.lex.light

    def _is_state(self, tok: Token) -> bool:
        party = self._party(tok)
        if party["kind"] == "country":
            return tok.tag_ not in ("NNS", "NNPS")  # "Serbians" are people, "Serbia" the state
        role = (party.get("role") or "").lower()
        if party["kind"] == "person" and role and role.split()[-1] not in self.lex.local_nouns:
            return _lem(tok) not in self.lex.local_nouns
        return party["kind"] == "organization" and bool(party.get("country")) and \
            _lem(tok) not in self.lex.local_nouns and _lem(tok) not in CIVIL_BODIES

    # -- verbs ----------------------------------------------------------------
    def _verb_event(self, v: Token) -> _Coded | None:
        pat = self._match(v, self.lex.verbs[_lem(v)], verb=True)
        if pat is None:
            return None
        if self._in_if_clause(v):
            return None
        if v.dep_ in ("acl", "ccomp") and _lem(v.head) in HEARSAY:
            return None  # "rumours that the ambassador had been summoned": talk of an act, not the act
        if v.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in v.children) and \
                not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in v.children):
            # "a crossing where police and traders clashed last week": what the place is known for (but "was
            # in Kigali, where he met ...": the story's own actor goes on acting)
            return None
        if pat.type == "CONSULT" and _habitual(v):
            return None  # "the commission meets twice a year": a description of an institution
        if pat.frame == "intent" and any(c.dep_ == "aux" and c.lower_ in ADVICE for c in v.children):
            return None  # "Oslo should propose ...": advice, not a commitment
        if pat.active_affirmative and (_is_passive(v) or self._negated(v)):
            return None  # "did not expect X to ...", "is expected to ...": anticipation, not a demand
        fronted = pat.frame in ("deny", "reject") and _fronted_claim(v)
        inner = self._inner_act(v) if pat.frame and not fronted else None
        if pat.frame and not fronted:
            for t in self._complement_triggers(v):
                self.consumed.add(t.i)
        if v.dep_ in ("acl", "relcl"):
            self.consumed.add(v.head.i)  # "the sanctions imposed on X": one event, at the verb
        if pat.type == "PROTEST":
            # "marched on parliament to oppose the bill", "... in protest against X": the opposition is what
            # the protest expresses (a demand made by marching is an act of its own)
            for c in v.children:
                if c.dep_ in ("advcl", "xcomp") and _to_infinitive(c) and _lem(c) in PROTEST_AIMS:
                    self.consumed.add(c.i)
                elif c.dep_ == "prep" and _lem(c) == "in":
                    self.consumed.update(t.i for t in c.subtree if _lem(t) in self.lex.triggers)
        if pat.type == "CONSULT":
            # "met his counterpart to discuss maritime security": the purpose of the same meeting
            self.consumed.update(c.i for c in v.children if c.dep_ in ("advcl", "xcomp") and _to_infinitive(c)
                                 and _lem(c) in MEETING_PURPOSE and not any(t.lower_ == "with" for t in c.subtree))
        if pat.type == "ASSAULT" and any(c.dep_ in OBJ_DEPS for c in v.children):
            # "bombed a village, killing 30 civilians": the toll of the same attack
            self.consumed.update(c.i for c in v.children if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG"
                                 and _lem(c) in ("kill", "wound", "injure", "leave"))
        # ("bowed to the demands of traders": what is given in to is no act of its own here)
        self._consume_objects(v, pat.type in ("SUPPORT", "ACCUSE", "REJECT", "REQUEST", "THREATEN") or
                              pat.mode == "yield")
        negated = self._negated(v)
        modal = self._modal(v)
        sources = self._sources(v)
        clause = v.head if v.pos_ == "ADJ" and v.dep_ == "acomp" else v
        if clause is not v:
            negated = negated or self._negated(clause)
        ev = _Coded(pat.type, pat.cameo, pat.goldstein, pat.mode, v, clause, sources, [], pat.symmetric)
        frame = pat.frame
        gov_frame, gov = self._governor(v)
        if frame is not None and gov is not None and gov_frame == "negate":
            negated = True  # "failed to agree", "stopped short of condemning"
        if frame is None and gov is not None and gov_frame in ("modal", "intent", "negate"):
            # "plans to visit", "is ready to impose", "failed to reach": the governor shapes the act.
            negated = negated or self._negated(gov) or gov_frame == "negate"
            modal = modal or gov_frame in ("modal", "intent") or self._modal(gov)
            if not sources:
                ev.sources = self._sources(gov)
        inner_pat = inner[1] if inner else None
        inner_tok = inner[0] if inner else None
        if frame == "threaten" or (frame == "intent" and inner_pat and inner_pat.type in HOSTILE):
            ev.type = "THREATEN"
            act = inner_pat.type if inner_pat else self._threat_kind(v)
            code, score, mode = self.lex.by_act.get(act or "", ("130", -4.4, "general"))
            ev.cameo, ev.goldstein, ev.mode = code, score, mode
            if negated:
                ev.type, ev.cameo, ev.goldstein, ev.mode = "REJECT", "120", -4.0, "negated"
        elif frame == "intent":
            if inner_pat is not None:
                ev.cameo, ev.goldstein = INTENT_CAMEO.get(inner_pat.type, ("030", 4.0))
                if inner_pat.mode == "mediate":
                    ev.cameo, ev.goldstein = "039", 5.0
            if negated:
                ev.type, ev.mode = "REJECT", "refuse"
                ev.cameo, ev.goldstein = REJECT_CAMEO.get(inner_pat.type if inner_pat else "AGREE", ("120", -4.0))
        elif frame in ("reject", "deny"):
            if negated:  # "did not rule out sanctions" is a threat; "did not deny" codes nothing
                if inner_pat is not None and inner_pat.type in HOSTILE:
                    ev.type = "THREATEN"
                    ev.cameo, ev.goldstein, ev.mode = self.lex.by_act.get(inner_pat.type, ("130", -4.4, "general"))
                else:
                    return None
            elif inner_pat is not None and frame == "reject":
                ev.cameo, ev.goldstein = REJECT_CAMEO.get(inner_pat.type, (pat.cameo, pat.goldstein))
        elif frame in ("request", "accuse"):
            if negated:
                ev.type, ev.cameo, ev.goldstein, ev.mode = "REJECT", "120", -4.0, "negated"
        else:
            if negated:
                cameo, score = REJECT_CAMEO.get(pat.type, ("120", -4.0))
                ev.type, ev.cameo, ev.goldstein, ev.mode = "REJECT", cameo, score, "negated"
            elif modal:
                self._apply_modality(ev, pat)
        ev.targets = self._verb_targets(v, pat, inner_tok, inner_pat, frame)
        if pat.mode == "propose":
            # what is proposed is no party; whom it is proposed to, or the other side of an arrangement, is
            between = [o2 for o in _objects(v) for p_, o2 in _preps(o) if p_ == "between" and self._party_like(o2)]
            ev.targets = [o for p_, o in _preps(v) if p_ in ("to", "with") and self._party_like(o)] or [
                o2 for o in _objects(v) for p_, o2 in _preps(o) if p_ in ("to", "with") and self._party_like(o2)] or \
                (between[1:] if len(between) > 1 else between)
        if fronted:
            claim = {t.i for c in v.children if c.dep_ == "ccomp" and c.i < v.i for t in c.subtree}
            ev.targets = [t for t in ev.targets if t.i not in claim]
        if not ev.targets and modal:
            ev.targets = self._if_subject(v)
        if not ev.targets and ev.type == "ASSAULT":
            ev.targets = self._attacked_thing(v, pat)
        if pat.speaker_source and v.pos_ == "ADJ" and not (v.dep_ == "acomp" and _lem(v.head) == "be") and \
                not any(c.dep_ in ("nsubj", "csubj") for c in v.children):
            return None  # "called the expulsion 'provocative'": a naming verb's words, coded at the verb
        if pat.speaker_source:
            # "'The suggestion that X did Y is baseless,' Z said": Z denies; the claim is no party
            ev.sources = self._speaker(clause)
            self.consumed.update(c.i for c in v.children if c.dep_ == "conj")  # "unacceptable and provocative"
            speech = self._speech_head(clause)
            # "told the leaders directly that arresting journalists is unacceptable": the one told
            ev.targets = [o for o in speech.children if o.dep_ in ("dobj", "dative") and self._party_like(o)] \
                if speech is not None and pat.type == "ACCUSE" else []
            for s_ in self._sources(v):  # what the claim says happened did not, by the speaker's word
                self.consumed.update(t.i for t in s_.subtree)
            if not ev.sources:
                return None
        if frame == "request" and not ev.sources and _is_passive(v) and not any(
                self._is_state(t) or self.index.covering(t.idx, t.idx + len(t.text)) is not None
                for t in ev.targets):
            return None  # "journalists were asked to leave the hall": no one political asks anyone
        if pat.experiencer:
            # "said it was deeply concerned by the reports": the one concerned is the source, what
            # concerns it (by, about, over) points at the target
            subj = [c for c in (v.children if clause is v else clause.children) if c.dep_ in ("nsubj", "nsubjpass")]
            ev.sources = [t for s_ in subj for t in _with_conj(s_)] or ev.sources
            ev.targets = _first_nonempty(
                [[o for p_, o in _preps(v) if p_ == prep and self._party_like(o)] for prep in pat.target_preps] +
                [[d for p_, o in _preps(v) if p_ == prep for d in self._descend(o)] for prep in pat.target_preps])
        if pat.evaluative:
            # "calling it a provocation staged by X": a thing named is no target; a party in the naming is
            ev.targets = [t for t in ev.targets if t.lower_ not in NAMED_THINGS] or [
                t for t in _evaluation(v) if t.pos_ == "PROPN" and self._party_like(t) and
                t.dep_ not in ("compound", "amod")][:2]
        if pat.type == "ACCUSE" and pat.mode == "complain":
            # "summoned the ambassador to protest against ..." is one complaint
            for c in v.children:
                if c.dep_ in ("advcl", "xcomp") and _lem(c) in ("protest", "complain", "convey", "express", "lodge",
                                                                "voice", "demand", "register"):
                    for t in c.subtree:
                        self.consumed.add(t.i)
        if frame == "request" and inner_pat is not None and inner_pat.type == "PROTEST" and \
                not (ev.sources and self._is_state(ev.sources[0])):
            # "unions called for a general strike": calling a strike or a rally is organising it
            ev.type, ev.cameo, ev.goldstein, ev.mode = "PROTEST", inner_pat.cameo, inner_pat.goldstein, \
                inner_pat.mode
            ev.targets = [t for t in ev.targets if t.i != (inner_tok.i if inner_tok is not None else -1)]
        if pat.evaluative and not negated and _praise(_evaluation(v)):
            ev.type, ev.cameo, ev.goldstein, ev.mode = "SUPPORT", "051", 3.4, "praise"
        if v.dep_ == "acl" and _lem(v.head) in PLACARDS and ev.type in ("ACCUSE", "REQUEST") and not negated:
            # "protesters with banners denouncing X": the message of a demonstration
            ev.type, ev.cameo, ev.goldstein, ev.mode = "PROTEST", "141", -6.5, "demonstrate"
        if ev.type == "THREATEN" and pat.type == "MOBILIZE" and frame is None and _lem(v) in (
                "send", "dispatch", "contribute") and not any(_lem(o) in HARDWARE for o in _objects(v)) and \
                not any(p_ in ("against", "near", "along", "toward", "towards") for p_, _ in _preps(v)) and \
                not any(_lem(t) in ("border", "frontier") for t in v.subtree):
            # "would send 600 police officers": a promised contribution, not a show of force
            ev.type, ev.mode = "AGREE", "promise"
            ev.cameo, ev.goldstein = "033", 5.2
        return ev

    def _speaker(self, clause: Token) -> list[Token]:
        """Who voices a clause: the speaker of the quote around it, else the reporting verb's subject."""
        q = self._quote_at(clause.idx)
        if q is not None and q.get("speaker"):
            tok = self._token_at(q["speaker"][0])
            if tok is not None:
                return [tok]
        speech = self._speech_head(clause)
        if speech is not None:
            return [c for c in speech.children if c.dep_ == "nsubj"]
        return []

    def _if_subject(self, v: Token) -> list[Token]:
        """'If Belarus crosses the border, Lithuania will respond': the party the condition is about."""
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                return [s for s in self._sources(c) if self._party_like(s)]
        return []

    def _apply_modality(self, ev: _Coded, pat: Pattern) -> None:
        """'could impose sanctions' -> THREATEN; 'would send aid' -> AGREE (intent)."""
        if pat.type in HOSTILE:
            ev.type = "THREATEN"
            ev.cameo, ev.goldstein, ev.mode = self.lex.by_act.get(pat.type, ("130", -4.4, "general"))
        elif pat.type == "ACCUSE" and pat.mode == "complain":
            # "could file a complaint at the WTO": a possible official complaint is a threat
            ev.type, ev.cameo, ev.goldstein, ev.mode = "THREATEN", "130", -4.4, "complain"
        elif pat.type in COOPERATIVE and pat.type != "AGREE":
            ev.type, ev.mode = "AGREE", "promise"
            ev.cameo, ev.goldstein = INTENT_CAMEO.get(pat.type, ("030", 4.0))

    def _threat_kind(self, v: Token) -> str | None:
        """'threatened Poland with sanctions': the kind of act threatened, from a 'with' object."""
        for prep, o in _preps(v):
            if prep == "with" and _lem(o) in self.lex.nouns:
                p = self._match(o, self.lex.nouns[_lem(o)], verb=False)
                if p is not None:
                    self.consumed.add(o.i)
                    return p.type
        for o in _objects(v):
            if _lem(o) in self.lex.nouns:
                p = self._match(o, self.lex.nouns[_lem(o)], verb=False)
                if p is not None:
                    return p.type
        return None

    def _inner_act(self, v: Token) -> tuple[Token, Pattern] | None:
        """The act a framing verb governs: 'threatened [to impose] sanctions', 'refused [to meet]'."""
        queue = [c for c in v.children if c.dep_ in COMPLEMENT_DEPS and (c.dep_ != "advcl" or _to_infinitive(c))]
        seen = 0
        while queue and seen < 40:
            t = queue.pop(0)
            seen += 1
            lemma = _lem(t)
            if t.pos_ in ("VERB", "AUX") and lemma in self.lex.verbs:
                p = self._match(t, self.lex.verbs[lemma], verb=True)
                if p is not None:
                    return t, p
            if t.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns:
                p = self._match(t, self.lex.nouns[lemma], verb=False)
                if p is not None:
                    return t, p
            queue.extend(c for c in t.children if c.dep_ in COMPLEMENT_DEPS or c.dep_ in ("conj", "acl"))
        return None

    def _complement_triggers(self, v: Token) -> Iterator[Token]:
        for c in v.children:
            if c.dep_ in COMPLEMENT_DEPS and (c.dep_ != "advcl" or _to_infinitive(c)) and not _split_clause(c):
                for t in c.subtree:
                    if _lem(t) in self.lex.triggers:
                        yield t

    def _consume_objects(self, v: Token, attitude: bool) -> None:
        """Event nouns in a coded verb's objects are part of that event ('condemned the attack'); so is
        the reason ('sanctioned X for supplying Y') and, after attitude verbs, every act in the object."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        if attitude:
            objs += [o for _, o in _preps(v)]
            if any(_lem(o) in REQUEST_NOUNS for o in objs):
                # "ignored calls from X to withdraw the bill": the parser hangs the infinitive on the verb,
                # but it is what the calls asked for, not an act
                objs += [c for c in v.children if c.dep_ == "advcl" and _to_infinitive(c)]
        for o in objs:
            for t in o.subtree:
                if (t.pos_ in ("NOUN", "PROPN") or attitude) and _lem(t) in self.lex.triggers and \
                        not (attitude and self._own_agent(t)):
                    self.consumed.add(t.i)
        for p in v.children:
            if p.dep_ == "prep" and _lem(p) in ("for", "over", "after"):
                for t in p.subtree:
                    if _lem(t) in self.lex.triggers and (t.pos_ in ("VERB", "AUX") or _lem(p) != "after") and \
                            not (_lem(p) == "after" and (any(c.dep_ == "nsubj" and c.lower_ not in WH
                                                             for c in t.children) or
                                                         any(c.dep_ == "agent" for c in t.children))):
                        # "after a debate in which lawmakers accused X": an act with its own agent stays
                        self.consumed.add(t.i)

    def _own_agent(self, t: Token) -> bool:
        """'the detention of X by Russia's FSB', 'calls from the EU': an act named with its own agent is
        an event in its own right, even as the object of a criticism or a refusal."""
        pairs = list(_preps(t)) + [(p, o2) for o in _preps_of(t, "of") for p, o2 in _preps(o) if p == "by"]
        return t.pos_ == "NOUN" and any(
            p in ("by", "from") and self._party_like(o) and o.pos_ != "PRON" for p, o in pairs)

    def _negated(self, v: Token) -> bool:
        if any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in v.children):
            return False  # "cannot deliver" states an inability, not a refusal
        for c in v.children:
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "aux") and c.lower_ in NEGATORS):
                return True
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and _lem(v.head) in ("without", "from"):
            gov = v.head.head
            return _lem(v.head) == "without" or _lem(gov) in ("refrain", "stop", "abstain")
        return False

    def _modal(self, v: Token) -> bool:
        chain = [v]
        if v.dep_ in ("xcomp", "conj") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
            chain.append(v.head)
        for t in chain:
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in MODALS:
                    return True
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                    return True
        return False

    def _in_if_clause(self, v: Token) -> bool:
        """A condition ('if X attacks') or an open question ('whether the two leaders will ever meet')."""
        t = v
        for _ in range(4):
            if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children):
                return True
            if t.dep_ in ("ccomp", "csubj", "advcl", "pcomp") and any(
                    m.dep_ in ("mark", "advmod") and m.lower_ == "whether" for m in t.children):
                return True
            if t.dep_ == "ccomp" and _lem(t.head) in DOUBT:
                return True  # "experts doubt that the two will ever sign": an act put in question
            if t.dep_ not in ("conj", "xcomp"):
                return False
            t = t.head
        return False

    def _governor(self, v: Token) -> tuple[str | None, Token | None]:
        """The framing verb above an xcomp: 'plans [to visit]', 'is ready [to strike]'."""
        if v.dep_ != "xcomp" and not (v.dep_ == "advcl" and _to_infinitive(v) and _lem(v.head) in self.lex.frames):
            return None, None
        gov = v.head
        frame = self.lex.frames.get(_lem(gov))
        if frame is None and gov.pos_ == "AUX":
            return None, None
        return frame, gov

    # -- parties ----------------------------------------------------------------
    def _sources(self, v: Token) -> list[Token]:
        """Agents of a verb: nsubj, the 'by' phrase of a passive, or inherited from the governing clause."""
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if _is_passive(v):
            # "denounced by Jordan, Egypt and Qatar": the first agent; its conjuncts are added below
            subj = [o for p, o in _preps(v) if p == "by"][:1] or \
                [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        subj = [s for s in subj if s.lower_ not in WH] or []
        if len(subj) > 1:
            subj = [max(subj, key=lambda s: s.i)]  # one verb has one subject; the parser split a phrase
        subj = [_named_apposition(s) for s in subj]
        if not subj:
            if v.dep_ == "acl" and v.tag_ == "VBG" and not self._party_like(v.head):
                # "issued a statement calling X ...", "stood with signs criticising X": a thing does not
                # call or criticise; the one who issued or carried it does
                return self._carrier(v.head)
            if v.dep_ in ("relcl", "acl") and not _is_passive(v):
                return self._claimer(v.head) or _with_conj(v.head)
            if v.dep_ == "advcl" and v.tag_ in ("VBD", "VBZ", "VBP"):
                return []  # a finite adverbial clause has its own agent, even when the parser lost it
            if v.dep_ == "advcl" and v.tag_ == "VBN" and not any(c.dep_ == "mark" for c in v.children):
                return []  # "Asked whether ..., she said": the main subject undergoes the act
            if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
                head = v.head
                if v.dep_ == "xcomp":
                    # object control: "urged X to ..." -> X is the subject of the inner verb
                    objs = [c for c in head.children if c.dep_ in OBJ_DEPS]
                    if objs and _lem(head) in self.lex.frames and self.lex.frames[_lem(head)] == "request":
                        return _with_conj(objs[0])
                if head.pos_ == "ADJ" or head.dep_ in ("acomp",):
                    head = head.head
                found = self._sources(head) if head is not v else []
                if v.dep_ == "conj" and head.dep_ == "ccomp" and _lem(head.head) in SPEECH and (
                        not any(self._party_like(f) for f in found) or _speech_conj(v, head)):
                    # "X said the timetable was rushed and accused Y": the parser hangs the second verb on
                    # the reported clause; a thing cannot accuse, so the speaker does
                    return self._sources(head.head) or found
                return found
            if v.dep_ == "pcomp" and v.head.dep_ == "prep":
                return self._sources(v.head.head) if v.head.head.pos_ in ("VERB", "AUX") else []
            return []
        if self.datelines:
            # "MEXICO CITY — Mexico and the United States agreed": the parser hangs the real subject on the
            # dateline as an apposition
            subj = [a for s in subj for a in ([s] if not self._in_dateline(s) else
                                              [c for c in s.children if c.dep_ == "appos"] or [s])]
        out: list[Token] = []
        for s in subj:
            for t in _with_conj(_real_noun(s)):
                if self.datelines and self._in_dateline(t):
                    continue
                # "Azerbaijani and Armenian troops": two parties named by their adjectives
                out.extend(self._country_adjs(t) or [t])
        return out

    def _claimer(self, act: Token) -> list[Token]:
        """'X claimed responsibility for a car bomb that killed ...': who claims an act did it."""
        if act.dep_ == "pobj" and _lem(act.head) == "for" and _lem(act.head.head) in ("responsibility", "credit"):
            resp = act.head.head
            if resp.dep_ in OBJ_DEPS and resp.head.pos_ in ("VERB", "AUX"):
                return [s for s in self._sources(resp.head) if self._party_like(s)]
        return []

    def _carrier(self, thing: Token) -> list[Token]:
        """Who issued, carried or holds a thing: the subject of the verb the thing's phrase hangs on."""
        t = thing
        for _ in range(4):
            if t.dep_ not in ("dobj", "obj", "pobj", "prep", "npadvmod", "attr") or t.head is t:
                return []
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                return [s for s in self._sources(t) if self._party_like(s) or s.pos_ in ("NOUN", "PROPN")]
        return []

    def _verb_targets(self, v: Token, pat: Pattern, inner_tok: Token | None, inner_pat: Pattern | None,
                      frame: str | None, places: bool = True) -> list[Token]:
        """Patients and recipients, in order of preference; the first party-like kind wins."""
        objs = [o for o in _objects(v) if not self._instrument(o, pat)]
        things = [o for o in _objects(v) if self._instrument(o, pat)]
        datives = [o for c in v.children if c.dep_ == "dative" for o in
                   ([c] if c.pos_ != "ADP" else [x for x in c.children if x.dep_ == "pobj"])]
        cands: list[list[Token]] = []
        if frame in ("request", "accuse"):
            cands.append([o for o in objs if self._party_like(o)])
            for prep in pat.target_preps:
                cands.append([o for p, o in _preps(v) if p == prep and self._party_like(o)])
            # "blamed the bombing on groups based in X": the party the object is pinned on
            cands.append([o2 for o in objs for p, o2 in _preps(o) if p in pat.target_preps and self._party_like(o2)])
            # "demanded that Russia withdraw": the subject of the demanded act
            for c in v.children:
                if c.dep_ == "ccomp" and not _split_clause(c):
                    cands.append([s for s in self._sources(c) if self._party_like(s)])
            cands.append([d for o in objs for d in self._descend(o)])
            return _first_nonempty(cands)
        if frame and inner_tok is not None and inner_pat is not None:
            if inner_tok.pos_ in ("VERB", "AUX"):
                inner_targets = self._verb_targets(inner_tok, inner_pat, None, None, None)
            else:
                inner_targets = self._noun_targets(inner_tok, inner_pat)
            if inner_targets:
                return inner_targets
        cands.append([d for d in datives if self._party_like(d)])
        cands.append([o for o in objs if self._party_like(o)])
        if frame in ("threaten", "intent") and inner_tok is None:
            # "threatened to 'wipe out' X", "pledged to buy aircraft from X": the party of the promised act
            for c in v.children:
                if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                    cands.append([o for o in _objects(c) if self._party_like(o)] or [
                        o for p, o in _preps(c) if p in ("from", "with", "to", "against", "on")
                        and self._party_like(o)])
        for prep in pat.target_preps:
            cands.append([o for p, o in _preps(v) if p == prep and self._party_like(o)])
        if pat.type in ("SUPPORT", "ACCUSE", "REJECT"):
            # "rejected the proposal by Egypt", "opposed the EU sanctions on Russia": the thing's owner
            cands.append([d for o in objs + things for d in self._descend(o)])
        for prep in pat.target_preps:
            cands.append([o2 for o in objs + things for p, o2 in _preps(o) if p == prep and self._party_like(o2)])
        if pat.type == "SANCTION":
            # "suspended Gabon's membership": whose membership, visas or trade is cut
            cands.append([d for o in objs + things if not self._party_like(o) for d in self._descend(o)])
        named_acts = {pp for pp, _ in pat.prep_obj}
        for prep in pat.target_preps if named_acts else ():
            # "ready for dialogue with India": the party of the act the pattern's preposition names
            cands.append([o2 for pp, o in _preps(v) if pp in named_acts for p, o2 in _preps(o)
                          if p == prep and self._party_like(o2)])
        # "helped Ukraine rebuild": the subject of a small clause is the recipient
        cands.append([s for c in v.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
                      if s.dep_ == "nsubj" and self._party_like(s) and s.lower_ != "it"])
        for prep in pat.target_preps:
            cands.append([d for p, o in _preps(v) if p == prep for d in self._descend(o, deep=True, places=places)])
            cands.append([d for o in objs + things for p, o2 in _preps(o) if p == prep
                          for d in self._descend(o2, deep=True, places=places)])
        cands.append([d for o in objs for d in self._descend(o, deep=True, places=places)])
        # "closed the Cambodian border", "shut the Russian embassy": the other side of what is closed
        cands.append([d for o in things if _lem(o) in FRONTIERS for d in self._descend(o)
                      if self._is_country_word(d) or self._party(d)["kind"] == "country"])
        if pat.type == "CONCEDE":
            # "under pressure from Brussels, Budapest dropped its veto": the one yielded to
            cands.append([o2 for p, o in _preps(v) if p == "under" and _lem(o) == "pressure"
                          for p2, o2 in _preps(o) if p2 == "from" and self._party_like(o2)])
        if pat.type == "PROTEST":
            # "occupied the faculties in protest against the government"
            cands.append([d for p, o in _preps(v) if p == "in" and _lem(o) == "protest" for p2, o2 in _preps(o)
                          if p2 in ("against", "at", "over") for d in self._descend(o2)])
        if places and pat.type in ("ASSAULT", "COERCE"):
            cands.append([d for p, o in _preps(v) if p == "in" for d in self._descend(o, deep=True, places=True)])
            cands.append([d for o in objs for p, o2 in _preps(o) if p == "in"
                          for d in self._descend(o2, deep=True, places=True)])
        return _first_nonempty(cands)

    def _attacked_thing(self, v: Token, pat: Pattern) -> list[Token]:
        """'shelled a camp for displaced people', 'ambushed a convoy', 'a convoy was hit by shelling': what
        an attack hit when no party is named (not the weapon fired, not a passive without its attacker)."""
        if pat.obj is not None:
            return []
        objs = [c for c in v.children if c.dep_ in OBJ_DEPS]
        if _is_passive(v) and any(p == "by" for p, _ in _preps(v)):
            objs += [c for c in v.children if c.dep_ == "nsubjpass"]
        return [o for o in objs if o.pos_ == "NOUN"][:1]

    def _instrument(self, o: Token, pat: Pattern) -> bool:
        """The object is what is used or given, not who undergoes it: troops deployed, aid sent,
        sanctions lifted, an ambassador recalled (but diplomats expelled are the target)."""
        if pat.type in ("MOBILIZE", "RETREAT") or pat.mode == "recall" or (pat.mode == "visit" and pat.obj):
            return True  # troops deployed, an ambassador recalled, a delegation sent
        if (pat.type == "PROTEST" and pat.obj is not None) or pat.lemma == "chant":
            return True  # the slogan chanted, the eggs thrown, the flag burned
        if pat.obj is None or _lem(o) not in pat.obj:
            return False
        if pat.type == "AID" and self._party_like(o):  # "trained Ukrainian pilots", "armed the rebels"
            return False
        return pat.type in ("COOPERATE", "AGREE", "AID", "CONCEDE", "SANCTION") and pat.mode not in (
            "expel", "release", "return")

    def _descend(self, tok: Token, deep: bool = False, places: bool = False) -> list[Token]:
        """The party behind a thing: 'Russia's annexation', 'the decision by Germany', 'Russian strikes',
        'the proposal put forward by Egypt'; with ``deep``, also named places ('the city of Kharkiv'),
        with ``places`` also where the thing is ('a refinery in Russia's Bryansk region')."""
        if self._party_like(tok) or (deep and _named_place(tok)):
            return [tok]
        for c in tok.children:
            # possessive pronouns mostly point back at the source ("its border", "their talks")
            if c.dep_ == "poss" and self._party_like(c) and c.pos_ != "PRON":
                return _with_conj(c)
        # the agent of a thing before what it is of: "the detention of an officer by the FSB" -> the FSB
        # (also where the parser hangs the agent on the officer)
        agents = [o2 for o in _preps_of(tok, "of") for o2 in _preps_of(o, "by") if self._party_like(o2)]
        if agents:
            return agents
        for p, o in sorted(_preps(tok), key=lambda po: po[0] != "by"):
            if p in ("by", "of", "from", "with") and (self._party_like(o) or (deep and _named_place(o))):
                # "the borders with Germany and Lithuania": every coordinated party
                return [o] + [c for c in _with_conj(o)[1:] if self._party_like(c) or (deep and _named_place(c))]
        for c in tok.children:
            if c.dep_ == "acl":
                for p, o in _preps(c):
                    if p == "by" and self._party_like(o):
                        return [o]
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and (self._is_country_word(c) or (
                    c.pos_ == "PROPN" and self.index.covering(c.idx, c.idx + len(c.text)) is not None)):
                return [c]
        for c in tok.children:
            # "a US-drafted resolution", "the EU-sponsored plan": the participle names the author
            if c.dep_ == "amod" and c.tag_ == "VBN" and _lem(c) in AUTHORING:
                for g in c.children:
                    if g.dep_ in ("npadvmod", "compound", "nmod", "nsubj") and self._party_like(g):
                        return [g]
        for o in _preps_of(tok, "of"):
            # "tariffs on a range of Vietnamese goods": the nationality of what the quantity is of
            for c in o.children:
                if c.dep_ in ("amod", "compound") and self._is_country_word(c) and _lem(tok) in QUANTITIES:
                    return [c]
        if places:
            for p, o in _preps(tok):
                if p in ("in", "of", "near", "along", "off", "with") and o.i != tok.i:
                    found = self._descend(o, deep=True)
                    if found:
                        return found
        return []

    def _noun_sources(self, n: Token, pat: Pattern | None = None) -> list[Token]:
        for c in n.children:
            if c.dep_ == "poss" and self._party_like(c):
                return _with_conj(c)
        if pat is not None and "from" not in pat.target_preps and pat.type in (
                "REQUEST", "SUPPORT", "ACCUSE", "CONSULT", "THREATEN", "REJECT"):
            # "calls from the EU", "a warning from Beijing": who it comes from
            found = [o for p, o in _preps(n) if p == "from" and self._party_like(o)]
            if found:
                return found
        if _lem(n) in ("meeting", "summit", "conference", "session"):
            for o in _preps_of(n, "of"):  # "a meeting of the two countries' federations"
                if self._party_like(o):
                    return _with_conj(o)
        by = [o for p, o in _preps(n) if p == "by" and self._party_like(o)]
        if by:
            return by  # "the recognition of Palestine by Spain and Ireland": every agent
        if pat is not None and pat.type in ("RETREAT", "MOBILIZE"):
            # "the withdrawal of French troops from Chad": the forces that move are the source
            found = [o for o in _preps_of(n, "of") if self._party_like(o)]
            if found:
                return found
        for o in _preps_of(n, "of"):
            for o2 in _preps_of(o, "by"):  # "the arrest of the opposition leader by Venezuelan police"
                if self._party_like(o2):
                    return [o2]
        for c in n.children:
            if c.dep_ in ("amod", "compound", "nmod") and self._is_country_word(c):
                return [c]
        return []

    def _noun_targets(self, n: Token, pat: Pattern) -> list[Token]:
        for prep in pat.target_preps:
            found = [o for p, o in _preps(n) if p == prep and self._party_like(o)]
            if found:
                return found
        for prep in pat.target_preps:
            found = [d for p, o in _preps(n) if p == prep for d in self._descend(o)]
            if found:
                return found
        return []

    def _party_like(self, tok: Token) -> bool:
        if self.datelines and self._in_dateline(tok):
            return False
        if tok.pos_ == "PRON":
            return tok.lower_ in PRONOUN_TARGETS
        if self.index.covering(tok.idx, tok.idx + len(tok.text)) is not None:
            return True
        if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP"):
            return True
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PRODUCT") and tok.is_title | tok.is_upper \
                and tok.dep_ not in ("compound", "amod") and _lem(tok) not in self.lex.triggers:
            return True  # a name NER missed ("Ilić", "INEC") is still someone
        lemma = _lem(tok)
        return lemma in self.lex.person_nouns or lemma in self.lex.org_nouns or (
            tok.pos_ == "NOUN" and lemma.endswith(PERSON_SUFFIXES) and lemma not in PERSON_SUFFIXES)

    def _is_country_word(self, tok: Token) -> bool:
        if tok.ent_type_ not in ("GPE", "NORP") and self.index.covering(tok.idx, tok.idx + len(tok.text)) is None:
            return False
        return self._country(_ent_text(tok)) is not None

    def _is_place(self, tok: Token) -> bool:
        return tok.ent_type_ in ("GPE", "LOC") or self._country(tok.text) is not None or \
            _named_subdivision(tok) is not None

    def _country(self, text: str) -> str | None:
        """Country names, demonyms and capitals (actors' world lookup), then large cities ("police in
        Lagos") and demonyms the world lookup leaves ambiguous."""
        try:
            result = self.country_of(text)
        except Exception:  # a lookup failure must not lose the event
            result = None
        if not result:
            text = text.strip()
            result = load_places().get(text) or load_places().get(text.removeprefix("the ").strip())
        if not result:
            result = subdivision_country(text)  # "in Borno state"
        return str(result) if result else None

    def _premod_country(self, tok: Token) -> str | None:
        """'his Greek counterpart', 'Chinese coast guard vessels', 'the Argentine Republic': the nationality
        a noun wears (a demonym the NER missed still counts)."""
        for c in reversed(list(tok.lefts)):  # the nearest wins: "Turkish Cypriot leader" is Cypriot
            if c.dep_ in ("amod", "compound", "nmod") and not _partisan(c) and (
                    c.ent_type_ in ("NORP", "GPE") or (c.pos_ in ("ADJ", "PROPN") and c.is_title)):
                found = (self._country(_ent_text(c)) if c.ent_type_ in ("NORP", "GPE") else None) or \
                    self._country(c.text)
                if found:
                    return found
        return None

    def _party(self, tok: Token) -> dict[str, Any]:
        """The party a token names: its actor when the mention index knows it, else NER and a country lookup."""
        noun = _adj_head(tok)
        if noun is not None and self._is_country_word(tok):
            # "between Ethiopian and Somali officials": each adjective with the noun it modifies
            return {"actor": None, "name": f"{tok.text} {noun.text}", "kind": "group",
                    "country": self._country(_ent_text(tok)), "role": None, "mention": [tok.idx, tok.idx + len(tok.text)]}
        m = self.index.covering(tok.idx, tok.idx + len(tok.text))
        if m is not None:
            actor = self.index.actors.get(m["actor"])
            if actor is not None:
                a_country = self._premod_country(tok) or actor.get("country")
                if not a_country and actor.get("kind") == "organization":
                    # "India's Directorate General of Trade Remedies": a body belongs to its owner
                    a_country = next((self._country(_ent_text(c)) for c in tok.children if c.dep_ == "poss"
                                      and c.pos_ == "PROPN" and self._country(_ent_text(c))), None)
                if a_country and any(_partisan(c) and self._country(c.text) == a_country
                                     for c in tok.children if c.dep_ in ("amod", "compound")):
                    a_country = None  # "the pro-Russian party" is no Russian party
                if not a_country and actor.get("kind") in ("organization", "group", "person", None):
                    # what one mention showed ("In Islamabad, spokeswoman X") holds for the later ones ("she")
                    a_country = self.actor_country.get(actor["id"]) or self._inherited_country(
                        tok, str(actor.get("name") or ""), actor.get("role"))
                    if a_country and a_country != self.home_country():
                        self.actor_country[actor["id"]] = a_country
                return {"actor": actor["id"], "name": actor["name"], "kind": actor.get("kind") or "other",
                        "country": a_country, "role": actor.get("role"),
                        "mention": [m["start"], m["end"]]}
        span = self._np(tok)
        lemma = _lem(tok)
        country: str | None = None
        role: str | None = None
        if tok.ent_type_ in ("GPE", "NORP") or tok.pos_ == "PROPN":
            country = self._country(tok.text if tok.ent_iob_ == "O" else _ent_text(tok))
        if country is None:
            country = self._premod_country(tok)
        if country is None:
            country = _named_subdivision(tok)
        if country is None:
            for t in span:
                if t.i == tok.i or (t.dep_ == "poss" and t.pos_ == "PRON"):
                    continue  # "his Greek counterpart" is not his country's
                m2 = self.index.covering(t.idx, t.idx + len(t.text))
                a2 = self.index.actors.get(m2["actor"]) if m2 else None
                if a2 is not None and a2.get("country"):
                    country = a2["country"]
                    break
                if (t.ent_type_ in ("GPE", "NORP") or t.pos_ in ("PROPN", "ADJ")) and not _partisan(t):
                    # "North Korean troops": the whole name before its parts
                    country = (self._country(_ent_text(t)) if t.ent_iob_ != "O" else None) or self._country(t.text)
                    if country:
                        break
        if country is None:
            for p, o in _preps(tok):
                if p in ("of", "from") and (o.ent_type_ in ("GPE", "NORP") or self._country(o.text)):
                    country = self._country(_ent_text(o)) or self._country(o.text)
                    if country:
                        break
                if p == "of" and o.ent_type_ not in ("PERSON",):
                    # "the Chargé d'Affaires of the Chinese Embassy", "the government of the Indian state of X"
                    country = self._premod_country(o) or next(
                        (self._country(_ent_text(o2)) for p2, o2 in _preps(o) if p2 == "of" and self._country(
                            _ent_text(o2))), None)
                    if country:
                        break
        if country is None:
            country = self._attached_country(tok)
        if tok.ent_type_ == "PERSON" or tok.lower_ in ("he", "she", "him", "her", "i", "me"):
            kind = "person"
        elif tok.ent_type_ == "GPE" and country:
            kind = "country"
        elif tok.ent_type_ == "ORG":
            kind = "organization"
        elif lemma in self.lex.person_nouns:
            kind = "person" if tok.tag_ in ("NN", "NNP") and lemma not in self.lex.local_nouns else "group"
            role = lemma
        elif lemma in self.lex.org_nouns:
            kind = "organization" if tok.tag_ in ("NN", "NNP") else "group"
            role = lemma
        elif tok.ent_type_ == "NORP":
            kind = "group"
        else:
            kind = "other"
        if country is None and lemma in self.lex.local_nouns:
            # protesters and police belong where they act: a place in the clause, else the home country
            country = self._location_country(tok) or self._speaker_country(tok) or self.home_country()
        name = DROP_DET.sub("", span.text).strip() or tok.text
        if tok.ent_type_ in ("GPE", "PERSON", "ORG") and tok.ent_iob_ != "O":
            name = _ent_text(tok)
        if country is None and kind in ("organization", "group", "person"):
            country = self._inherited_country(tok, name, role)
        return {"actor": None, "name": name, "kind": kind, "country": country, "role": role,
                "mention": [span.start_char, span.end_char]}

    def _inherited_country(self, tok: Token, name: str, role: str | None) -> str | None:
        """A national body named without its country ("the ministry", "Police", "Department of Foreign
        Affairs"): the country of the nearest earlier mention of the same kind of body that names one,
        else the country of the article's dateline. Persons only inherit through their role's body."""
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
        if role:
            words.add(role.lower())
        keys = words & NATIONAL_BODIES
        if not keys or (tok.ent_type_ in ("PERSON",) and not role):
            return None
        if any(self._org_word(t) for t in self._np(tok) if t.i != tok.i):
            return None  # "EU foreign ministers", "NATO officials": the organisation's, no country's
        head = _lem(tok)
        person = tok.ent_type_ == "PERSON" or bool(keys & PERSON_ROLES)
        for t in [] if person else reversed(self.doc[: tok.i + 1]):
            # (a person is not the same person as an earlier, foreign holder of the same role)
            if (_lem(t) == head and head in keys) or (t.lower_ in keys and t.pos_ in ("NOUN", "PROPN")):
                for w in self._np(t):
                    if w.i != t.i and (w.ent_type_ in ("GPE", "NORP") or w.pos_ == "PROPN"):
                        c = self._country(_ent_text(w))
                        if c:
                            return c
        # "In Islamabad, Foreign Office spokeswoman X said": where an official speaks is their country
        return self._location_country(tok) or self._speaker_country(tok) or self.home_country()

    def _country_adjs(self, t: Token) -> list[Token]:
        """'Azerbaijani and Armenian troops': the coordinated nationality adjectives, when there are two+."""
        adjs = [a for a in t.children if a.dep_ == "amod" and any(c.dep_ == "conj" for c in a.children)]
        split = _with_conj(adjs[0]) if adjs else []
        return split if len(split) > 1 and all(self._is_country_word(a) for a in split) else []

    def _org_word(self, t: Token) -> bool:
        """An international organisation's name as a modifier ('EU', 'NATO', 'UN')."""
        m = self.index.covering(t.idx, t.idx + len(t.text))
        actor = self.index.actors.get(m["actor"]) if m else None
        return actor is not None and actor.get("kind") == "organization" and not actor.get("country") and \
            t.pos_ == "PROPN" and t.is_upper

    def _attached_country(self, tok: Token) -> str | None:
        """A country a phrase names after its head: 'groups based in Pakistan', 'groups on the Argentine
        side', 'people from the Irish Neutrality League'."""
        for c in tok.children:
            if c.dep_ == "acl" and _lem(c) in ("base", "headquarter", "locate", "station"):
                for p, o in _preps(c):
                    if p in ("in", "at") and self._is_place(o):
                        found = self._country(_ent_text(o))
                        if found:
                            return found
            if c.dep_ == "acl" and _lem(c) in ("link", "tie", "connect", "affiliate", "align", "loyal"):
                for p, o in _preps(c):  # "hackers linked to Chinese military intelligence"
                    if p in ("to", "with"):
                        found = (self._country(_ent_text(o)) if self._is_country_word(o) else None) or \
                            self._premod_country(o)
                        if found:
                            return found
        for p, o in _preps(tok):
            if p == "in" and tok.pos_ == "NOUN" and _lem(tok) in self.lex.person_nouns | self.lex.org_nouns and \
                    o.ent_type_ == "GPE" and self._country(_ent_text(o)):
                return self._country(_ent_text(o))  # "the authorities in Bamako", "leaders in Kabul"
            if p == "on" and _lem(o) == "side":
                found = self._premod_country(o)
                if found:
                    return found
            if p in ("from", "of"):
                m = self.index.covering(o.idx, o.idx + len(o.text))
                actor = self.index.actors.get(m["actor"]) if m else None
                if actor is not None and actor.get("country") and actor.get("kind") in ("organization", "country"):
                    return str(actor["country"])
        return None

    def _speaker_country(self, tok: Token) -> str | None:
        """'Senegalese officials said a delegation would travel to Paris': a body named without its country
        inside reported speech is the speaker's own; so is one in a sentence told 'according to' a national
        source ('..., according to Bolivia's ombudsman')."""
        for p in tok.sent:
            if p.dep_ == "prep" and p.lower_ == "according":
                for o in (o for p2 in p.children if p2.lower_ == "to" for o in p2.children if o.dep_ == "pobj"):
                    found = next((self._country(_ent_text(t)) for t in o.subtree if self._is_country_word(t)), None)
                    if found:
                        return found
        for a in tok.ancestors:
            if a.dep_ in ("ccomp", "parataxis") and _lem(a.head) in SPEECH:
                speech = a.head
                if not any(c.dep_ == "nsubj" for c in speech.children) and speech.dep_ in ("advcl", "conj"):
                    speech = speech.head  # "X denied ..., saying officers had ...": X speaks
                for c in speech.children:
                    if c.dep_ == "nsubj" and c.i != tok.i:
                        m = self.index.covering(c.idx, c.idx + len(c.text))
                        actor = self.index.actors.get(m["actor"]) if m else None
                        found = (actor or {}).get("country") or self._premod_country(c) or (
                            self._country(_ent_text(c)) if c.ent_type_ in ("GPE", "NORP") else None) or \
                            self._location_country(c)  # "X told reporters in Jakarta that the government"
                        return str(found) if found else None
                return None
        return None

    def _location_country(self, tok: Token) -> str | None:
        """Protesters or police without a nationality: the country where the clause happens."""
        chain = [tok]
        for a in tok.ancestors:
            chain.append(a)
            if a.pos_ in ("VERB", "AUX") or len(chain) > 4:
                break
        for t in chain:
            for p, o in _preps(t):
                if p not in ("in", "outside", "across", "throughout", "through", "at", "near"):
                    continue
                for place in [o] + [o2 for p2, o2 in _preps(o) if p2 == "in"]:
                    if self._is_place(place):
                        c = self._country(_ent_text(place)) or _named_subdivision(place)
                        if c:
                            return c
        return None

    def _np(self, tok: Token) -> Span:
        """The noun phrase of a head token, without its coordinated parts or clauses."""
        start = tok.i
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "predet"):
                start = min(start, c.left_edge.i)
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ in ("compound", "flat") or (c.dep_ == "prep" and _lem(c) == "of" and
                                                   any(o.ent_type_ in ("GPE", "NORP") for o in c.children)):
                end = max(end, c.right_edge.i + 1)
        return tok.doc[start:end]

    # -- nouns ------------------------------------------------------------------
    def _noun_event(self, n: Token) -> _Coded | None:
        pat = self._match(n, self.lex.nouns[_lem(n)], verb=False)
        if pat is None:
            return None
        slot = n
        if n.dep_ == "pobj" and _lem(n.head) == "of" and _lem(n.head.head) in CONTAINERS | DOCUMENTS:
            slot = n.head.head  # "held a fourth round of talks", "delivered a note of protest"
        anchor = slot.head if slot.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and \
            slot.head.pos_ in ("VERB", "AUX") else None
        if anchor is not None and slot.dep_ == "nsubj" and _lem(anchor) not in self.lex.light:
            anchor_subj = False
        else:
            anchor_subj = anchor is not None
        if anchor is None and slot.dep_ == "pobj" and _lem(slot.head) in ("in", "into"):
            # "will not take part in the talks", "is in contact with X", "parked across the road in protest":
            # the verb's subject does it, and the verb's negation and modality apply
            verb = slot.head.head
            bare_protest = pat.type == "PROTEST" and not any(c.dep_ in ("det", "poss") for c in slot.children)
            for _ in range(3):
                if verb.pos_ in ("VERB", "AUX") or not bare_protest or verb.dep_ not in ("pobj", "prep"):
                    break
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX") and (_lem(verb) in PARTICIPATION or bare_protest):
                anchor, anchor_subj = verb, True
        if anchor is not None and self._in_if_clause(anchor):
            return None
        if any(c.dep_ == "det" and c.lower_ == "no" for c in n.children):
            return None  # "no meeting is planned": the absence of an act
        if pat.type == "AGREE" and anchor is not None and _lem(anchor) == "have":
            return None  # "X, which has a defence treaty with Y": a standing arrangement, not an act
        sources = self._noun_sources(n, pat) or self._claimer(n)
        targets = self._noun_targets(n, pat)
        if pat.type == "REQUEST" and not targets and n.dep_ in OBJ_DEPS and _lem(n.head) in DEFIANCE and \
                any(p == "from" for p, _ in _preps(n)):
            # "the party ignored calls from the EU to withdraw the bill": the calls were made to the party
            targets = [c for c in n.head.children if c.dep_ == "nsubj" and self._party_like(c)]
        if anchor is not None and slot.dep_ == "dobj" and _lem(anchor) in RECEIVING and \
                pat.type in ("ACCUSE", "SUPPORT", "REQUEST", "REJECT"):
            # "the refusal drew condemnation from the Council": the one it comes from is the source, what
            # drew it points at the target; a film drawing praise from critics is no political act
            sources = [o for p, o in list(_preps(n)) + list(_preps(anchor)) if p == "from" and self._party_like(o)]
            drawer = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not drawer:
                return None
            d = drawer[0]
            targets = [d] if self._party_like(d) else (self._descend(d) if _lem(d) in self.lex.triggers else [])
            if not targets:
                return None
            anchor_subj = False
        between = [o for p, o in _preps(n) if p == "between" and self._party_like(o)]
        if len(between) == 1:
            between = self._country_adjs(between[0]) or between  # "between Ethiopian and Somali officials"
        if between:
            sources, targets = between[:1], between[1:]
        if anchor is not None and anchor_subj and (not sources or sources[0].pos_ == "PRON"):
            # ("the free trade deal with India is facing ...": the noun is its verb's subject, not its source)
            sources = [t for t in self._sources(anchor) if t.i not in (n.i, slot.i)] or sources
        if not targets and slot is not n:
            # "delivered a note of protest to the embassy": the container's recipient
            targets = [o for p, o in _preps(slot) if p in pat.target_preps and self._party_like(o)]
        if not targets and anchor is not None and anchor_subj:
            for prep in pat.target_preps:
                targets = [o for p, o in _preps(anchor) if p == prep and self._party_like(o)] or [
                    d for p, o in _preps(anchor) if p == prep for d in self._descend(o)]
                if targets:
                    break
        unresolved = bool(sources) and sources[0].pos_ == "PRON" and \
            self.index.covering(sources[0].idx, sources[0].idx + len(sources[0].text)) is None
        if (not sources or unresolved) and n.dep_ == "pobj" and _lem(n.head) in TEMPORAL_PREPS and \
                pat.type == "CONSULT" and (targets or _lem(n.head) != "for"):
            # "after talks with X, the minister said": the talks are the main clause subject's
            main = n.head.head
            if main.pos_ in ("VERB", "AUX"):
                sources = self._sources(main) or sources
        if not sources and pat.type == "AID":
            sources = [o for p, o in _preps(n) if p == "from" and self._party_like(o)]
        if not targets and n.dep_ == "nsubj" and _lem(n.head) in ("reach", "arrive", "enter"):
            targets = [d for o in _objects(n.head) for d in self._descend(o, deep=True)] or \
                [d for p, o in _preps(n.head) if p in ("in", "at") for d in self._descend(o, deep=True)]
        place_source = False
        if not sources and pat.type == "PROTEST":
            # "protests erupted in Tehran": the place stands for the unnamed protesters
            for t in (n, n.head):
                sources = [o for p, o in _preps(t) if p in ("in", "across", "throughout") and self._is_place(o)]
                if sources:
                    place_source = True
                    break
        if pat.symmetric is False and pat.type in ("CONSULT", "COOPERATE", "AGREE", "ASSAULT") and \
                not targets and len(sources) > 1:
            sources, targets = sources[:1], sources[1:]
        n_parties = int(bool(sources)) + int(bool(targets))
        if n_parties < pat.parties_required:
            return None
        if pat.need_party_target and not targets:
            return None
        if pat.need_party_of and not [o for p, o in _preps(n) if p == "of" and self._party_like(o)]:
            return None
        if pat.type == "ASSAULT" and pat.lemma == "attack" and any(
                _lem(t) in VERBAL_TARGETS for t in targets):
            pat = _verbal_attack(pat)  # "an attack on two media outlets" is criticism
        if pat.type == "PROTEST" and sources and not place_source and self._is_state(sources[0]):
            # a government "lodging a protest" complains officially (CAMEO 114)
            pat = _complaint(pat)
        if pat.need_light and pat.type in ("ACCUSE", "SUPPORT", "REJECT", "REQUEST"):
            # "expressed concern over the detention of ...": the act is what the concern is about
            for p_ in n.children:
                if p_.dep_ == "prep":
                    self.consumed.update(t.i for t in p_.subtree)
        clause = anchor if anchor is not None else n
        ev = _Coded(pat.type, pat.cameo, pat.goldstein, pat.mode, n, clause, sources, targets)
        if anchor is not None:
            negated = self._negated(anchor)
            gov_frame, gov = self._governor(anchor)
            if gov is not None and gov_frame == "negate":
                negated = True
            if negated:
                cameo, score = REJECT_CAMEO.get(pat.type, ("120", -4.0))
                ev.type, ev.cameo, ev.goldstein, ev.mode = "REJECT", cameo, score, "negated"
            elif self._modal(anchor) or gov_frame in ("modal", "intent"):
                self._apply_modality(ev, pat)
        return ev

    # -- output -----------------------------------------------------------------
    def _emit(self, ev: _Coded, sent: Span) -> Iterator[dict[str, Any]]:
        sources = ev.sources[: self.max_pairs]
        # "pressed Israeli and Egyptian negotiators": one target per nationality adjective
        targets = [a for t in ev.targets[: self.max_pairs] for a in (self._country_adjs(t) or [t])]
        if ev.symmetric and not targets and len(sources) > 1:
            sources, targets = sources[:1], sources[1:]
        claimed = self._claimed_by(ev.trigger)
        sources = [d for s in sources for d in ([s] if self._party_like(s) else self._descend(s))]
        src_parties: list[dict[str, Any] | None] = [self._resolve(s, ev) for s in sources] or [None]
        tgt_parties: list[dict[str, Any] | None] = [self._party(t) for t in targets] or [None]
        src_parties = [p for p in src_parties if p is None or p.get("name")]
        if all(p is None for p in src_parties) and all(t is None for t in tgt_parties):
            return
        date = self._date(ev.trigger, sent)
        if ev.mode is None and ev.type in MODE_WORDS:
            words = MODE_WORDS[ev.type]
            near = list(ev.clause.subtree) if ev.clause.i != ev.trigger.i else list(ev.trigger.subtree)
            ev.mode = next((words[t.lower_] for t in near if t.lower_ in words), None) or \
                next((words[_lem(t)] for t in near if _lem(t) in words), None)
        n = 0
        for sp in src_parties:
            for tp in tgt_parties:
                if tp is not None and sp is not None and _same(sp, tp):
                    tp = None
                    if len(tgt_parties) > 1:
                        continue
                n += 1
                if n > self.max_pairs:
                    return
                tp = _domestic_target(sp, tp)
                if ev.type in ("MOBILIZE", "RETREAT") and tp is not None and (
                        (tp.get("kind") not in ("country", "organization", "person", "group") and
                         not tp.get("country")) or
                        (tp.get("kind") not in ("organization", "person", "group") and
                         tp.get("country") == (sp or {}).get("country"))):
                    tp = None  # "sent forces to Manipur", "withdrew from the town": a place at home is no party
                yield {
                    "type": ev.type, "mode": ev.mode, "cameo": ev.cameo,
                    "goldstein": max(-10.0, min(10.0, float(ev.goldstein))), "date": date,
                    "source": sp, "target": tp,
                    "evidence": [sent.start_char, sent.end_char],
                    "trigger": [ev.trigger.idx, ev.trigger.idx + len(ev.trigger.text)],
                    "claimed_by": claimed,
                }

    def _resolve(self, tok: Token, ev: _Coded) -> dict[str, Any]:
        """Source party; unlinked pronouns fall back to the quote speaker or the reporting clause's subject."""
        party = self._party(tok)
        own = _lem(tok) in ("country", "nation", "government") and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
        if party["actor"] is not None or (tok.pos_ != "PRON" and not own):
            return party
        q = self._quote_at(tok.idx)
        if tok.lower_ in FIRST_PERSON and q is not None and q.get("speaker"):
            s, e = q["speaker"]
            speaker = self._token_at(s)
            if speaker is not None:
                return self._party(speaker)
        speech = self._speech_head(ev.clause)
        if speech is not None:
            subj = [c for c in speech.children if c.dep_ == "nsubj"]
            if not subj and speech.dep_ == "conj":  # "X called ... and said it would respond"
                subj = [c for c in speech.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].i != tok.i and subj[0].pos_ != "PRON":
                return self._party(subj[0])
        if tok.lower_ in ("it", "they", "its", "their") or own:
            # "the troops it had massed", "citing what it called ...", "his country's solidarity": the
            # subject of the clause the pronoun's clause hangs on
            for a in tok.ancestors:
                if a.pos_ not in ("VERB", "AUX") or a.i == tok.head.i and not own:
                    continue
                subj = [c for c in a.children if c.dep_ == "nsubj" and c.i < tok.i and c.pos_ != "PRON"]
                if subj and self._party_like(subj[0]):
                    return self._party(subj[0])
        return party

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _quote_at(self, char: int) -> dict[str, Any] | None:
        for q in self.quotes:
            if q["start"] <= char < q["end"]:
                return q
        return None

    def _speech_head(self, v: Token) -> Token | None:
        """The reporting verb a clause hangs under ('X said [it would retaliate]')."""
        t = v
        for _ in range(6):
            if t.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "advcl") and t.head is not t:
                if t.dep_ in ("ccomp", "parataxis") and _lem(t.head) in SPEECH:
                    return t.head
                t = t.head
            else:
                break
        return None

    def _claimed_by(self, trigger: Token) -> str | None:
        q = self._quote_at(trigger.idx)
        if q is not None and q.get("speaker_actor"):
            return str(q["speaker_actor"])
        speech = self._speech_head(trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head)
        if speech is not None:
            for c in speech.children:
                if c.dep_ == "nsubj":
                    m = self.index.covering(c.idx, c.idx + len(c.text))
                    if m is not None:
                        return str(m["actor"])
        return None

    def _date(self, trigger: Token, sent: Span) -> str | None:
        best: tuple[int, str] | None = None
        for t in self.timexes:
            if sent.start_char <= t["start"] < sent.end_char:
                dist = abs(t["start"] - trigger.idx)
                value = ISO_DATE.match(str(t["value"]))
                if value and (best is None or dist < best[0]):
                    best = (dist, value.group(0))
        if best is not None:
            return best[1]
        return self.published


def _restates(ev: _Coded, other: _Coded) -> bool:
    """The same act told twice: 'were released ... and handed over to ...' (a second verb of the same
    kind sharing the first one's subject), 'held talks ..., the first meeting between ...' (a noun in
    apposition), 'the withdrawal was completed on Friday, when the last soldiers left the base'."""
    if ev.type != other.type or ev.trigger.i == other.trigger.i:
        return False
    t, o = ev.trigger, other.trigger
    if t.dep_ == "conj" and t.head.i == o.i and t.pos_ in ("VERB", "AUX") and \
            not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for c in t.children):
        return True
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("appos", "npadvmod") and (
            (o.pos_ in ("VERB", "AUX") and t.head.i in (o.i, o.head.i)) or
            (o.dep_ == "appos" and o.head.i == t.head.i and o.i < t.i)):
        return True
    if t.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for c in t.children if c.dep_ in ("advmod", "mark")):
        up = [a.i for a in list(t.ancestors)[:3]]
        return any(i in up for i in (o.i, o.head.i, other.clause.i))
    return False


def _evaluation(v: Token) -> list[Token]:
    """The words a naming verb applies to its object: 'called sanctions [illegal]', 'called the move
    ["a provocation"]', 'branded him [a traitor]'; empty when the verb does not name its object."""
    objs = [c for c in v.children if c.dep_ in OBJ_DEPS]
    for c in v.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN", "PROPN") and objs:
            return list(c.subtree)
    for o in objs:
        nxt = o.doc[o.i + 1] if o.i + 1 < len(o.doc) else None
        if nxt is not None and (nxt.text in QUOTE_OPEN or nxt.tag_ == "``") and nxt.i + 1 < len(o.doc):
            end = nxt.i + 1
            while end < len(o.doc) and end - nxt.i < 30 and o.doc[end].text not in ('"', "\u201d", "\u00bb", "''"):
                end += 1
            return list(o.doc[nxt.i + 1: end])
        if o.i > 0 and o.doc[o.i - 1].text in QUOTE_OPEN and o.dep_ in OBJ_DEPS:
            continue
    return []


def _domestic_target(sp: dict[str, Any] | None, tp: dict[str, Any] | None) -> dict[str, Any] | None:
    """'Zambian opposition lawmakers criticised the government': the government an opposition, a lawmaker
    or a union confronts without naming its country is their own."""
    if sp is None or tp is None or tp.get("country") or not sp.get("country"):
        return tp
    src_words = set(re.findall(r"[a-z]+", f"{sp.get('name') or ''} {sp.get('role') or ''}".lower()))
    tgt_words = set(re.findall(r"[a-z]+", f"{tp.get('name') or ''} {tp.get('role') or ''}".lower()))
    if src_words & DOMESTIC and tgt_words & (NATIONAL_BODIES | {"minister", "ministers", "executive"}) and \
            tp.get("kind") in ("organization", "person", "group"):
        return {**tp, "country": sp["country"]}
    return tp


def _adj_head(tok: Token) -> Token | None:
    """The noun a coordinated nationality adjective modifies ('Somali' in 'Ethiopian and Somali officials')."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t is tok and not any(c.dep_ == "conj" for c in tok.children):
        return None  # a single adjective ("Russian troops") is handled with its noun
    return t.head if t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN") else None


def _split_clause(c: Token) -> bool:
    """'Burkina Faso has responded positively; Mali has asked for more time': a clause the parser hung on a
    later verb across a semicolon is a sentence of its own."""
    v = c.head
    return c.i < v.i and any(t.text == ";" for t in c.doc[c.right_edge.i + 1: v.i])


def _habitual(v: Token) -> bool:
    """'meets twice a year', 'meets every month': what usually happens, not an event."""
    for c in v.children:
        if c.dep_ in ("advmod", "npadvmod") and any(
                d.lower_ in HABITUAL or (d.dep_ == "det" and d.lower_ in ("every", "each")) for d in c.subtree):
            return True
    return False


def _speech_conj(v: Token, clause: Token) -> bool:
    """'X said the government "was dismantling ..." and accused ministers of ...': a verb coordinated with a
    reported clause that has its own auxiliary, in the reporting verb's tense and without one of its own,
    continues the report (X accused), not the reported clause."""
    speech = clause.head
    # a perfect ("had cleared ... and killed") may share its auxiliary with the second verb; a progressive,
    # a modal or a negated clause cannot share it with a plain past-tense verb
    shared = clause.tag_ == "VBN" and not any(c.dep_ == "neg" for c in clause.children)
    return v.tag_ == speech.tag_ and v.tag_ in ("VBD", "VBZ") and not shared and (
        clause.pos_ == "AUX" or any(c.dep_ in ("aux", "auxpass") for c in clause.children)) and \
        not any(c.dep_ in ("aux", "auxpass") for c in v.children)


def _praise(words: list[Token]) -> bool:
    """A naming praises when it holds a positive word and no critical one ('an important step' praises,
    'another step in the militarisation of ...' does not)."""
    lemmas = {_lem(t) for t in words} | {t.lower_ for t in words}
    return bool(lemmas & POSITIVE_EVAL) and not lemmas & NEGATIVE_EVAL


def _named_apposition(s: Token) -> Token:
    """'The chairman of the party in Kogi, Ibrahim Yusuf, said': the person a role noun is named as."""
    if s.ent_type_ == "PERSON":
        return s
    names = [a for a in s.subtree if a.dep_ == "appos" and a.ent_type_ == "PERSON" and a.i > s.i]
    return names[0] if len(names) == 1 else s


def _partisan(t: Token) -> bool:
    """'pro-Russian', 'anti-American': a stance, not a nationality."""
    doc = t.doc
    return (t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("pro", "anti")) or \
        t.lower_ in ("pro", "anti") or t.lower_.startswith(("pro-", "anti-"))


def _to_infinitive(c: Token) -> bool:
    """'vowed on Monday to keep ...': an adverbial between a framing verb and its 'to' complement makes
    the parser call the complement an adverbial clause; 'in order to' stays a purpose clause."""
    return c.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and \
        not any(a.dep_ in ("mark", "advmod") and a.lower_ in ("order", "so", "as") for a in c.children) and \
        c.i > c.head.i


def _fronted_claim(v: Token) -> bool:
    """'X accuses Y of ..., a charge Z denies': the clause before the denial is a claim in its own right,
    not the act denied."""
    return any(c.dep_ in OBJ_DEPS and c.i < v.i for c in v.children) and \
        any(c.dep_ == "ccomp" and c.i < v.i for c in v.children)


def _named_place(tok: Token) -> bool:
    """A proper noun that may name a town or region the lexicon does not know (not a sea, not a date)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("", "GPE")


def _verbal_attack(pat: Pattern) -> Pattern:
    from dataclasses import replace

    return replace(pat, type="ACCUSE", cameo="111", goldstein=-2.0, mode="disapprove")


def _complaint(pat: Pattern) -> Pattern:
    from dataclasses import replace

    return replace(pat, type="ACCUSE", cameo="114", goldstein=-2.0, mode="complain")


def _first_nonempty(cands: list[list[Token]]) -> list[Token]:
    for c in cands:
        if c:
            return c
    return []


def _preps_of(tok: Token, prep: str) -> list[Token]:
    return [o for p, o in _preps(tok) if p == prep]


def _named_subdivision(tok: Token) -> str | None:
    """'Borno state', 'Sindh province': a named state or province stands in its country."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    name = [c.text for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    return subdivision_country(" ".join(name + [tok.text])) if name else None


def _ent_text(tok: Token) -> str:
    if tok.ent_iob_ == "O":
        return tok.text
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _pkey(party: dict[str, Any] | None) -> Any:
    if party is None:
        return None
    return party.get("actor") or (party.get("name"), party.get("country"))


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("actor") and a.get("actor") == b.get("actor"):
        return True
    return bool(a.get("name")) and a.get("name") == b.get("name")
