"""A deterministic synthetic news corpus for benchmarks: invented people and outlets, real countries.

Articles come in stories (one diplomatic development reported by 1-7 outlets over a
few days); each article is about 600 words of wire-style English: dateline, lead,
direct and reported quotes with varied reporting verbs, dates in several forms,
background paragraphs. ``generate(n, seed)`` always returns the same articles.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from newsprism.records import Article

COUNTRIES = [  # name, adjective, capital
    ("Brazil", "Brazilian", "Brasilia"), ("Japan", "Japanese", "Tokyo"), ("Kenya", "Kenyan", "Nairobi"),
    ("Chile", "Chilean", "Santiago"), ("Norway", "Norwegian", "Oslo"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Canada", "Canadian", "Ottawa"), ("Egypt", "Egyptian", "Cairo"), ("Poland", "Polish", "Warsaw"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Mexico", "Mexican", "Mexico City"), ("Nigeria", "Nigerian", "Abuja"),
    ("Turkey", "Turkish", "Ankara"), ("India", "Indian", "New Delhi"), ("Australia", "Australian", "Canberra"),
    ("Argentina", "Argentine", "Buenos Aires"), ("Sweden", "Swedish", "Stockholm"), ("Ghana", "Ghanaian", "Accra"),
    ("Peru", "Peruvian", "Lima"), ("Morocco", "Moroccan", "Rabat"), ("Portugal", "Portuguese", "Lisbon"),
    ("South Korea", "South Korean", "Seoul"), ("Philippines", "Philippine", "Manila"),
    ("Colombia", "Colombian", "Bogota"), ("Tunisia", "Tunisian", "Tunis"), ("Finland", "Finnish", "Helsinki"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Greece", "Greek", "Athens"), ("Thailand", "Thai", "Bangkok"), ("Senegal", "Senegalese", "Dakar"),
    ("Ireland", "Irish", "Dublin"), ("Uruguay", "Uruguayan", "Montevideo"), ("Austria", "Austrian", "Vienna"),
]
FIRST = """Amara Bruno Celia Dmitri Elif Farid Greta Hugo Ines Jonas Kaveh Lucia Mateus Nadia Oskar Priya
Quentin Rosa Soren Talia Umar Vera Wendell Ximena Yusuf Zofia Anselm Beatriz Cyrus Dalia Emeka Fiona Goran Hana
Ivo Jelena Kwame Leila Marek Noor Orla Pavel Renata Sami Tomas Ulla Viktor Wanjiru Yara Zoltan""".split()
LAST = """Abernethy Balogun Castellano Dervish Ekwueme Falkner Gravina Halloran Ibarra Jankowski Kessler Lindqvist
Marchetti Nakashima Okonkwo Pereira Quiroga Rasmussen Sokolova Tavares Umarov Valdivia Whitlock Xavier Yilmaz
Zapata Achterberg Bramwell Cordero Dunmore Estrada Fonseca Galvao Holmberg Iwasaki Jovanovic Karlsen Lachance
Mwangi Novak Ostrowski Petrakis Rautio Sandoval Tremblay Underhill Varga Wojcik Yamamura Zielinski""".split()
OUTLETS = ["Meridian Wire", "Harbor Post", "Continental Ledger", "The Daily Compass", "Northfield Times",
           "Coastline Herald", "Global Dispatch", "The Evening Record", "Atlas News Service", "Pacific Monitor"]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Trade Minister", "Defence Minister",
         "Energy Minister", "Finance Minister"]
ORGS = ["the United Nations", "the World Trade Organization", "the International Monetary Fund",
        "the World Bank", "the African Union", "the European Union", "the International Energy Agency"]
TOPICS = [  # noun phrase, short noun, deal word, key words that make stories distinct
    ("critical minerals", "minerals", "partnership", ["lithium", "cobalt", "refining", "battery", "mining"]),
    ("fishing rights", "fisheries", "accord", ["trawlers", "quotas", "coastguard", "catch", "vessels"]),
    ("border security", "border", "agreement", ["patrols", "crossings", "smuggling", "checkpoints", "troops"]),
    ("natural gas supplies", "gas", "contract", ["pipeline", "terminal", "cargoes", "tariff", "storage"]),
    ("migration", "migration", "pact", ["asylum", "returns", "camps", "visas", "smugglers"]),
    ("climate finance", "climate", "pledge", ["emissions", "adaptation", "forests", "carbon", "coal"]),
    ("grain exports", "grain", "deal", ["wheat", "ports", "harvest", "freight", "silos"]),
    ("a free trade zone", "trade", "treaty", ["tariffs", "customs", "exporters", "quotas", "investment"]),
    ("nuclear power", "nuclear", "cooperation", ["reactor", "uranium", "inspectors", "safeguards", "fuel"]),
    ("debt relief", "debt", "restructuring", ["bondholders", "repayments", "creditors", "reforms", "loans"]),
]
SAY = ["said", "told reporters", "said in a statement", "told a news conference", "said on state television",
       "wrote on social media", "told lawmakers", "added"]
REPORTED = ["said", "warned", "insisted", "argued", "noted", "acknowledged", "stressed", "claimed", "announced"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUOTES = [
    "We have opened a new chapter with {B}, and we have done it with our eyes open",
    "This {deal} shows that {adjA} and {adjB} interests can move in the same direction",
    "{A} will not change its position on {topic}",
    "Nobody should expect miracles, but the direction is clear",
    "We are not going to sign anything that hurts our workers",
    "The talks were frank, sometimes difficult, and in the end useful",
    "Our people expect results, not speeches",
    "There is still a lot of work to do on {kw}, but we are closer than a month ago",
    "Friends can disagree and still build something together",
    "We will judge {B} by what it does, not by what it says",
    "This is a good day for {A} and for the whole region",
    "We asked for guarantees on {kw} and we received them",
]
BODY = [
    "{pA} said the {deal} would cover {kw1} and {kw2} and could be signed before the end of {year}.",
    "Officials from both governments said negotiators had met {n} times since {monthname} to settle the "
    "question of {kw1}.",
    "The visit was the first by {a_roleB} of {B} to {A} since {past}, according to the {adjA} foreign ministry.",
    "{A} and {B} have clashed repeatedly over {topic} in recent years, most recently in {monthname} {year_prev}.",
    "Analysts said the {deal} reflected a wider effort by {A} to reduce its reliance on a handful of suppliers.",
    "A senior {adjB} diplomat, speaking on condition of anonymity, said {capB} regarded the talks as "
    "\u201cindispensable\u201d.",
    "Trade between the two countries reached ${n} billion last year, up from ${m} billion in {year_prev}.",
    "{org_cap} welcomed the talks in a short statement on {weekday2}.",
    "Opposition lawmakers in {capA} criticised the {deal}, saying it gave away too much on {kw2}.",
    "The two leaders also discussed {topic2}, but officials gave few details.",
    "Protesters gathered outside the {adjA} foreign ministry on {weekday2}, demanding that the government "
    "publish the text of the {deal}.",
    "{pB_last} is due to travel to {capC} next week for a meeting of regional leaders.",
    "The {adjB} delegation included the heads of several state companies and more than {n} business "
    "executives.",
    "Under the plan, {adjB} lenders would provide up to ${n} billion over five years for {kw1} projects.",
    "Critics say {kw1} projects have caused damage in poor regions and that local communities were not "
    "consulted.",
    "Markets reacted calmly, with the {adjA} currency little changed on {weekday2}.",
    "In {monthname} {year_prev}, {A} recalled its ambassador from {capB} after a row over {kw2}.",
    "The talks took place at the presidential palace in {capA} and lasted more than {h} hours.",
    "{pC} of {C}, who was not present, said on {weekday2} that {C} would watch the outcome closely.",
    "Both sides agreed to set up a joint working group that will report by {deadline}.",
    "Diplomats said a final text would be presented to {org} at its meeting in {capC} on {date_later}.",
    "The {deal} must still be approved by parliament in {capB}, where the governing coalition has a narrow "
    "majority.",
    "Industry groups in {A} said they had been consulted only at the last minute.",
    "{pA_last}, {age}, took office in {year_office} promising a more active foreign policy.",
]
REPORTED_SENT = [
    "{pX} {rep} that {X} would not accept any limits on {kw1}.",
    "{pX} {rep} that the talks on {date_ref} had been \u201cconstructive and long overdue\u201d.",
    "{pX} {rep} that {Y} had so far failed to keep its promises on {kw2}.",
    "Asked about {kw2}, {pX} {rep} that the issue would be settled by experts in the coming weeks.",
]
QUOTE_SENT = [
    "\u201c{q},\u201d {pX} {say}.",
    "\u201c{q},\u201d said {pX_last}.",
    "{pX_last} {say}: \u201c{q}.\u201d",
    "\u201c{q},\u201d the {adjX} {roleX_low} said, adding that more talks were planned for {date_ref}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    role: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


Country = tuple[str, str, str]
Topic = tuple[str, str, str, list[str]]


@dataclass
class Story:
    a: Country
    b: Country
    c: Country
    topic: Topic
    day: date
    org: str
    pa: Person
    pb: Person
    pc: Person
    authors: dict[str, str]


def _person(rng: random.Random, cabinets: dict[tuple[str, str], Person], country: str, role: str) -> Person:
    """Each country keeps its office holders from story to story; now and then one is replaced."""
    key = (country, role)
    if key not in cabinets or rng.random() < 0.02:
        cabinets[key] = Person(rng.choice(FIRST), rng.choice(LAST), role)
    return cabinets[key]


def _date_phrase(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def _article(rng: random.Random, story: Story, day: date, outlet: str, words: int) -> dict[str, str]:
    A, adjA, capA = story.a
    B, adjB, capB = story.b
    C, adjC, capC = story.c
    pA, pB, pC = story.pa, story.pb, story.pc
    topic, short, deal, kws = story.topic
    event_day = story.day
    rel = (day - event_day).days
    when = "on " + WEEKDAYS[event_day.weekday()] if rel < 6 else "on " + _date_phrase(event_day)
    year = event_day.year
    fill: dict[str, object] = {
        "A": A, "B": B, "C": C, "adjA": adjA, "adjB": adjB, "capA": capA, "capB": capB, "capC": capC,
        "topic": topic, "deal": deal, "year": year, "year_prev": year - rng.randint(1, 6),
        "monthname": MONTHS[rng.randrange(12)], "past": year - rng.randint(3, 15),
        "a_roleB": ("an " if pB.role[0] in "AEIOU" else "a ") + pB.role.lower(), "org": story.org,
        "org_cap": story.org[0].upper() + story.org[1:], "weekday2": WEEKDAYS[rng.randrange(7)], "pC": f"{pC.role} {pC.full}",
        "pA": f"{adjA} {pA.role} {pA.full}", "pA_last": pA.last, "pB_last": pB.last,
        "topic2": rng.choice(TOPICS)[0], "deadline": f"{MONTHS[rng.randrange(12)]} {year + 1}",
        "date_later": _date_phrase(event_day + timedelta(days=rng.randint(20, 90))),
        "age": rng.randint(45, 72), "year_office": year - rng.randint(1, 6), "h": rng.randint(2, 6),
    }
    title = rng.choice([
        f"{A} and {B} agree {short} {deal} but differ over {kws[0]}",
        f"{pA.last} and {pB.last} hold talks on {topic} in {capA}",
        f"{adjA} and {adjB} leaders seek common ground on {topic}",
        f"{B}'s {pB.role.lower()} visits {A} as {short} talks resume",
    ])
    lead = (f"{capA.upper()}, {_date_phrase(day)} ({outlet}) - {adjA} {pA.role} {pA.full} and {adjB} {pB.role} "
            f"{pB.full} {rng.choice(['agreed', 'pledged', 'promised'])} {when} to work together on {topic}, "
            f"{rng.choice(['but', 'while'])} {rng.choice(['clashing', 'disagreeing'])} over {kws[0]} at a joint "
            f"news conference in {capA}.")
    paras = [title, f"By {story.authors[outlet]}", f"{MONTHS[day.month - 1]} {day.day}, {day.year}", lead]
    count = sum(len(p.split()) for p in paras)
    while count < words:
        kind = rng.random()
        k1, k2 = rng.sample(kws, 2)
        local = dict(fill, kw=k1, kw1=k1, kw2=k2, n=rng.randint(3, 40), m=rng.randint(2, 30),
                     date_ref=rng.choice([when, "next month", f"{MONTHS[rng.randrange(12)]} {year}",
                                          "the coming days", "last week"]))
        if kind < 0.3:
            sp, other = (pA, (B, adjA)) if rng.random() < 0.5 else (pB, (A, adjB))
            q = rng.choice(QUOTES).format(**local)
            sent = rng.choice(QUOTE_SENT).format(q=q, pX=sp.full, pX_last=sp.last, say=rng.choice(SAY),
                                                 adjX=other[1], roleX_low=sp.role.lower(), **local)
        elif kind < 0.45:
            sp, X, Y = (pA, A, B) if rng.random() < 0.5 else (pB, B, A)
            sent = rng.choice(REPORTED_SENT).format(pX=f"{sp.role} {sp.full}" if rng.random() < 0.4 else sp.last,
                                                    X=X, Y=Y, rep=rng.choice(REPORTED), **local)
        else:
            sent = rng.choice(BODY).format(**local)
        if rng.random() < 0.5 and len(paras) > 4 and len(paras[-1].split()) < 60:
            paras[-1] += " " + sent
        else:
            paras.append(sent)
        count += len(sent.split())
    return {"title": title, "outlet": outlet, "author": story.authors[outlet],
            "published": day.isoformat(), "text": "\n\n".join(paras) + "\n"}


def generate(n: int, seed: int = 13, words: int = 600, per_day: int = 40,
             start: date = date(2024, 1, 8)) -> list[dict[str, str]]:
    """``n`` article dicts ({id, story, title, outlet, author, published, text}); the same for the same arguments.

    ``story`` is the true story (the generator's), for scoring story linking; ``ingest`` ignores it.
    """
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    cabinets: dict[tuple[str, str], Person] = {}
    story_no = 0
    while len(out) < n:
        a, b, c = rng.sample(COUNTRIES, 3)
        day = start + timedelta(days=len(out) // per_day)
        outlets = rng.sample(OUTLETS, min(len(OUTLETS), 1 + int(rng.expovariate(0.5))))[:7]
        story = Story(a, b, c, rng.choice(TOPICS), day, rng.choice(ORGS),
                      _person(rng, cabinets, a[0], rng.choice(ROLES[:2])),
                      _person(rng, cabinets, b[0], rng.choice(ROLES)),
                      _person(rng, cabinets, c[0], rng.choice(ROLES[:3])),
                      {o: f"{rng.choice(FIRST)} {rng.choice(LAST)}" for o in outlets})
        for outlet in outlets:
            if len(out) >= n:
                break
            art = _article(rng, story, day + timedelta(days=rng.choice([0, 0, 0, 1, 1, 2])), outlet, words)
            out.append({"id": f"bench-{seed}-{len(out):06d}", "story": f"story{story_no}", **art})
        story_no += 1
    return out


def to_articles(rows: list[dict[str, str]]) -> list[Article]:
    """Through ``read_jsonl``, the way ``newsprism ingest file.jsonl`` reads them."""
    from newsprism.ingest.sources import read_jsonl

    items = read_jsonl((json.dumps(r) for r in rows), "bench.jsonl")
    return [a for a in items if isinstance(a, Article)]


def write_jsonl(rows: list[dict[str, str]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def iter_words(rows: list[dict[str, str]]) -> Iterator[int]:
    return (len(r["text"].split()) for r in rows)
