"""Merge each article's actors into corpus-wide actors.

Rules, in order:
- countries and international organisations merge on their code;
- people merge on the normalised full name (same first and last word counts as
  the same name: "Omar Haddad" ~ "Omar al-Haddad"); a one-word name (a surname used
  alone, "Duarte") joins the only multi-word person whose last name it is;
- organisations and groups merge on the normalised name.
The canonical name is the fullest form seen; kind, country and role are the
most frequent non-empty values, so one article's slip is outvoted.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from newsprism.records import Actor, Annotation, Quote


@lru_cache(maxsize=1)
def _title_words() -> tuple[str, ...]:
    """Role and honorific forms ("prime minister", "Mr."), longest first, lower-cased."""
    from newsprism.annotate.actors import load_world

    world = load_world()
    forms = set(world.roles) | {t.lower() for t in world.titles}
    return tuple(sorted(forms, key=len, reverse=True))


HEADLINE_WORDS = frozenset("""meets meet says tells visits visit arrives urges warns vows slams
backs rejects accuses calls talks against and or to in at on with for from of vs versus after before over
amid as by into""".split())


def strip_titles(name: str) -> str:
    """'President Emmanuel Lima' -> 'Emmanuel Lima': people's canonical names carry no titles,
    nor a dateline the tagger glued on ('Lima PARIS')."""
    words = name.split()
    while len(words) > 2 and words[-1].isupper() and words[-1].isalpha() and len(words[-1]) >= 3:
        words.pop()
    # a headline in title case lends its next word to the name ("Ana Lima Meets ...", "Lima Against ...")
    while len(words) >= 2 and words[-1].lower() in HEADLINE_WORDS:
        words.pop()
    if len(words) == 2 and words[-1].isupper() and words[-1].isalpha() and len(words[-1]) >= 3 \
            and not words[0].isupper():
        words.pop()
    rest = " ".join(words)
    changed = True
    while changed:
        changed = False
        low = rest.lower()
        for form in _title_words():
            if low.startswith(form + " ") and len(rest) > len(form) + 1:
                rest = rest[len(form) + 1:].lstrip()
                changed = True
                break
    return rest


def norm_name(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = re.sub(r"['’]s$", "", name)
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


@dataclass
class GlobalActor:
    id: str
    names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def name(self) -> str:
        """The fullest form among the frequent ones: "Helena Lima" over "Lima", but a one-off
        slip of the tagger ("Helena Lima Meets" in a headline) never outranks the usual form."""
        top = max(self.names.values())
        usual = [n for n, c in self.names.items() if c * 2 >= top]
        return max(usual, key=lambda n: (len(n.split()), self.names[n], n))

    def observe(self, act: Actor) -> None:
        """Count one article's view of this actor (name, kind, country, role, aliases, mentions)."""
        self.names[act.name] += 1
        self.kinds[act.kind] += 1
        if act.country:
            self.countries[act.country] += 1
        if act.role:
            self.roles[act.role] += 1
        self.aliases.update(act.aliases)
        self.aliases.add(act.name)
        self.mentions += len(act.mentions)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kinds.most_common(1)[0][0] if self.kinds else "other",
            "country": self.countries.most_common(1)[0][0] if self.countries else None,
            "role": self.roles.most_common(1)[0][0] if self.roles else None,
            "aliases": sorted(self.aliases - {self.name}),
            "mentions": self.mentions,
        }


def _actor_id(key: str) -> str:
    return "act_" + hashlib.sha1(key.encode()).hexdigest()[:10]


@dataclass
class ActorLinks:
    actors: list[dict[str, object]]
    links: dict[tuple[str, str], str]  # (article_id, local actor id) -> global actor id
    _names: dict[str, str] | None = field(default=None, repr=False)
    _surnames: dict[str, set[str]] = field(default_factory=dict, repr=False)

    def global_id(self, article_id: str, local_id: str | None) -> str | None:
        if local_id is None:
            return None
        return self.links.get((article_id, local_id))

    def by_id(self) -> dict[str, dict[str, object]]:
        return {str(a["id"]): a for a in self.actors}

    def speaker_id(self, article_id: str, quote: Quote) -> str | None:
        """The corpus-wide actor who said ``quote``: its linked actor, else the actor its speaker name
        names ("Candidate Lima" -> the one person called Lima), else None."""
        gid = self.global_id(article_id, quote.speaker_actor)
        if gid is not None or not quote.speaker_name:
            return gid
        return self.lookup_name(quote.speaker_name)

    def lookup_name(self, name: str) -> str | None:
        if self._names is None:
            names: dict[str, str] = {}
            surnames: dict[str, set[str]] = defaultdict(set)
            for a in self.actors:
                gid = str(a["id"])
                aliases = a.get("aliases")
                forms = [str(a["name"]), *(str(x) for x in aliases)] if isinstance(aliases, list) else [str(a["name"])]
                for form in forms:
                    names.setdefault(norm_name(strip_titles(form)), gid)
                if a["kind"] == "person":
                    parts = norm_name(str(a["name"])).split()
                    if len(parts) >= 2:
                        surnames[parts[-1]].add(gid)
            self._names, self._surnames = names, surnames
        n = norm_name(strip_titles(name))
        if n in self._names:
            return self._names[n]
        parts = n.split()
        if parts and len(self._surnames.get(parts[-1], ())) == 1:
            return next(iter(self._surnames[parts[-1]]))
        return None


def link_actors(annotations: list[Annotation]) -> ActorLinks:
    """Corpus-wide actors and the map from each article's actors to them."""
    keys: dict[tuple[str, str], str] = {}
    full_people: dict[str, set[str]] = defaultdict(set)  # surname -> person keys
    locals_ = [
        (ann.article.id, replace(act, name=strip_titles(act.name)) if act.kind == "person" else act)
        for ann in annotations for act in ann.actors
    ]
    # "Omar Haddad" and "Omar al-Haddad": same first and last word -> one person (the fuller form)
    first_last: dict[tuple[str, str], str] = {}
    for _aid, act in locals_:
        n = norm_name(act.name)
        parts = n.split()
        if act.kind == "person" and len(parts) >= 2:
            ends = (parts[0], parts[-1])
            if len(n) > len(first_last.get(ends, "")):
                first_last[ends] = n
    for _aid, act in locals_:
        n = norm_name(act.name)
        if act.kind == "person" and len(n.split()) >= 2:
            parts = n.split()
            full_people[parts[-1]].add("person:" + first_last[(parts[0], parts[-1])])
    for aid, act in locals_:
        n = norm_name(act.name) or act.id
        if act.kind == "country" and act.country:
            key = "country:" + act.country
        elif act.kind == "person":
            parts = n.split()
            if len(parts) == 1 and len(full_people.get(parts[0], ())) == 1:
                key = next(iter(full_people[parts[0]]))
            elif len(parts) >= 2:
                key = "person:" + first_last[(parts[0], parts[-1])]
            else:
                key = "person:" + n
        else:
            key = f"{act.kind}:{n}"
        keys[(aid, act.id)] = key
    merged: dict[str, GlobalActor] = {}
    for aid, act in locals_:
        key = keys[(aid, act.id)]
        merged.setdefault(key, GlobalActor(id=_actor_id(key))).observe(act)
    links = {k: merged[key].id for k, key in keys.items()}
    actors = sorted((g.as_dict() for g in merged.values()), key=lambda a: (-int(str(a["mentions"])), str(a["name"])))
    return ActorLinks(actors=actors, links=links)
