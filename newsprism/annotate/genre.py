"""Genre (news, opinion, analysis) from generic cues in the text.

Method: each genre gets a score, a weighted sum of cues that news English marks
it with; counts are taken outside quotation marks (what sources say is not the
writer's voice) and most are rates per 1,000 words, so long and short texts
compare. The highest score wins; None when the text is short (< 80 words) or
no score reaches 3.

- news: a wire dateline opening the first paragraph ("LISBON, Oct 9 (Agency) -",
  or a place name alone on a line), reporting verbs ("said", "told", "stressed"), quotes
  attributed to speakers (from the annotation when given), "on Monday"-style
  and "on 22 September"-style day anchors, "told reporters" / "news conference" phrases,
  time-stamped live updates and "Update:" lines, and a record of speech: a
  transcript or Q&A interview (speaker-label turns "Q:", "Spokesperson:",
  "Jane Doe:" taken in turn, or a header calling the text a "transcript" /
  "edited for length and clarity"). The speakers' words are theirs, not the
  writer's: like quotations, they are left out when the writer's voice (first
  person, "you", "should") is counted.
- opinion: first person singular outside quotes, first person plural and "you"
  addressed to the reader, normative modals ("should", "must"), evaluative words,
  sarcasm markers (interjections like "oh," / "sigh", one-word verdicts like
  "Great.", "yet another", bracketed asides), rhetorical questions, blog
  conventions ("Join the conversation", comment calls, "here is the tick-tock
  via ..."), op-ed labels in the header, an opinion disclaimer at the foot ("views
  expressed ... do not necessarily reflect"), and an author bio "X is a columnist".
- analysis: labels and section headings ("Key points", "Key dates", "What to
  watch", short title lines or question headings inside the body; "Explainer:",
  "Analysis:" before the title), policy vocabulary (capped: diplomatic news is
  dense with it too; the topic is not the genre), hedged forecasting ("likely", "perhaps", "whether"), argumentative connectives
  ("however", "in this context"), "the question of"-style framing, long
  sentences and few direct quotes, in the third person (first person singular
  moves a text to opinion instead).

A genre label the publisher put in the header (an "Opinion" line, "Explainer:",
"Analysis:" before the title) decides on its own: publishers label their wire
explainers and columns, and those carry datelines and reporting verbs too.
A blog that pastes another outlet's live timeline ("here is the play-by-play
via ...") is judged on the blogger's own voice: the pasted wire's time stamps and
reporting verbs count half. Limits: a quote-heavy opinion piece without first
person or labels can read as news; a straight explainer without headings can
read as news.
"""

from __future__ import annotations

import re
from collections import Counter

from newsprism.records import Annotation, Article, Genre

# a quotation: any opening mark to the next closing one on the line (sources mix straight and curly
# marks); a paragraph left open continues the quote to the end of its line
_QUOTED = re.compile(r"[\"“«][^\"“”«»\n]{0,800}(?:[\"”»]|$)", re.M)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]+[.!?]+")  # starts after a stop: linear time
_MD_LINK = re.compile(r"\[([^\]\[]{0,300})\]\([^)(]{0,500}\)")  # bounded: linear time on "[[[["

# news
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’\- ]{2,40}(?:,\s*[A-Z][A-Za-z]*\.?(?:\s+\d{1,2})?)*\s*"
                       r"(?:\(([^)]{2,60})\))?\s*(?:[-–—]+|:)\s")
_PLACE_LINE = re.compile(r"^[A-Z][A-Z.'’\- ]{2,30}$")
_TIMESTAMP = re.compile(r"^[ \t]*\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?(?:[ \t]+[A-Za-z ]{1,20})?[ \t]*$", re.M | re.I)
_UPDATE_LINE = re.compile(r"^[ \t]*(?:update|updated|editor'?s note)\s*[:\-–—]", re.M | re.I)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = re.compile(r"\b(?:[Oo]n|late|early|since|last)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                      rf"\d{{1,2}}\s+{_MONTH}\b|{_MONTH}\s+\d{{1,2}}\b)")
_NEWS_PHRASE = re.compile(r"\b(?:told reporters|told (?:a |the )?(?:news|press) (?:conference|briefing)|"
                          r"news conference|press conference|said in a statement|according to|"
                          r"officials said|a spokes(?:man|woman|person)|declined to comment|"
                          r"did not respond to a request)\b", re.I)
LABEL = 16.0  # the publisher's own genre label in the header ("Opinion", "Explainer:"); decisive alone
REPORTING = {"said", "says", "told", "added", "announced", "stated", "reported", "confirmed", "denied",
             "declared", "insisted", "warned", "noted", "stressed", "emphasized", "emphasised", "underlined",
             "underscored", "reaffirmed", "reiterated"}
# a speaker-label turn of a transcript or Q&A interview ("Q:", "Spokesperson:", "Jane Doe:"): the words after
# the label are the speaker's, not the writer's
_TURN = re.compile(r"^[ \t]*(Q|A|[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|the|for)){0,4})[ \t]*:[ \t]+\S.*$",
                   re.M)
_QUESTION_LABEL = {"q", "question", "questioner", "reporter", "journalist"}
_NOT_SPEAKER = {"update", "updated", "note", "editor's note", "source", "sources", "photo", "read more",
                "related", "see also", "correction", "contact", "claim", "verdict", "published", "posted"}
# a header saying the text is a record of speech: the words that follow are the speakers'
_TRANSCRIPT_HEAD = re.compile(r"\b(?:transcript|verbatim|as delivered|check against delivery|"
                              r"as prepared for delivery|edited for (?:length|clarity|brevity))\b", re.I)

# opinion
_FPS = re.compile(r"\bI(?=\s+[a-z])|\bI['’](?:m|ve|d|ll)\b|\b(?:[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)\b")
_FPP = re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]ur|[Oo]urselves)\b")
_YOU = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ourself)\b")
_NORMATIVE = re.compile(r"\b(?:should|must|ought to|shouldn['’]t|mustn['’]t)\b", re.I)
EVALUATIVE = {
    "absurd", "ridiculous", "shameful", "disgraceful", "disgrace", "pathetic", "laughable", "naive", "naïve",
    "foolish", "silly", "outrageous", "hypocrisy", "hypocritical", "nonsense", "farce", "charade", "theater",
    "theatre", "stunt", "brilliant", "smarter", "wiser", "unwise", "reckless", "cynical", "insincerely",
    "cowardly", "sadly", "alas", "frankly", "obviously", "oddly", "ironically", "tellingly", "regrettably",
    "blatant", "shameless", "incompetent", "swoon", "gloat", "dishy", "spectacularly", "sad", "fool",
    "fools", "idiotic", "disastrous", "embarrassing", "grotesque", "sham", "mockery", "gullible",
}
_SARCASM = re.compile(
    r"(?:^|[\s(\[])(?:oh|ah|sigh|ugh|wow|yawn|lol|meh|yikes|gee|duh)\b[,.!]"
    r"|(?:^|[.!?]\s+)(?:Great|Good|Sure|Right|Wonderful|Terrific|Lovely|Fantastic|Brilliant|Perfect|"
    r"Shocking|Surprise|Nice try)[.!]"
    r"|\byet another\b|\bso-called\b|\blet me get this straight\b|\bI know, I know\b|\bback to me\b"
    r"|\bwhat could possibly go wrong\b|\bcan['’]t make this up\b|\(sarc|\bnot that\b[^.]{0,40}\bof course\b"
    r"|\[(?![^\]]{0,200}\]\()[^\]]{3,200}\]",
    re.I | re.M,
)
_BLOG = re.compile(
    r"\bjoin the conversation\b|\bleave a comment\b|\bcomments? (?:below|section|are closed)\b|"
    r"\bshare (?:this|your thoughts)\b|\btick-?tock\b|\bplay-by-play\b|\bh/t\b|\bhat tip\b|"
    r"\bmore (?:next week|later|to come)\b|\bstay tuned\b|\bhere(?:'s|’s| is| are)\b[^.\n]{0,80}"
    r"\b(?:via|courtesy of)\b",
    re.I,
)
_PASTED = re.compile(r"\btick-?tock\b|\bplay-by-play\b|\blive (?:file|blog|updates)\b|"
                     r"\bhere(?:'s|’s| is| are)\b[^.\n]{0,80}\b(?:via|courtesy of|from)\b", re.I)
_OPINION_LABEL = re.compile(r"^\s*(?:[A-Za-z]+\s*[,/|>]\s*)?(?:opinion|op-?ed|commentary|column|editorial|"
                            r"viewpoint|perspective|comment|my view|guest (?:essay|column))\b"
                            r"\s*(?:[:|/,>\-–—].*)?$", re.I)
_OPINION_FOOT = re.compile(r"\b(?:views|opinions) expressed\b|\bdo(?:es)? not necessarily (?:reflect|represent)\b|"
                           r"\bopinion pieces?\b|\bthis is an opinion\b|\bop-?ed\b", re.I)
_COLUMNIST_BIO = re.compile(r"\b(?:is|was) an? (?:[\w-]+ ){0,3}(?:columnist|commentator|opinion writer|"
                            r"contributing (?:editor|writer|columnist)|blogger)\b|\bwrites a (?:weekly )?column\b",
                            re.I)

# analysis
_ANALYSIS_LABEL = re.compile(
    r"^[ \t]*(?:analysis|key points|key dates|key takeaways|key facts|takeaways|background|summary|"
    r"executive summary|policy brief|what to watch|why it matters|outlook|context|timeline|recommendations|"
    r"conclusions?|implications|the bottom line|campaign promises|assessment|scenarios)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_ANALYSIS_PREFIX = re.compile(r"^\s*(?:analysis|explainer|explained|factbox|fact box|q&a|backgrounder|insight|"
                              r"fact check|the big picture)\s*[:|–—-]", re.I)
_EXPERT_BIO = re.compile(r"\b(?:is|was) an? (?:[\w-]+ ){0,3}(?:fellow|research(?:er| fellow)|analyst|scholar)\b"
                         r" (?:at|of|with)\b", re.I)
ANALYTIC = {
    "policy", "policies", "strategic", "strategy", "interests", "approach", "dynamics", "geopolitical",
    "context", "framework", "leverage", "objectives", "pragmatic", "pragmatism", "relations", "containment",
    "regime", "bilateral", "multilateral", "implications", "agenda", "diplomacy", "diplomatic", "sovereignty",
    "stakes", "rapprochement", "posture", "dialogue", "alliance", "cooperation", "partnership", "tensions",
    "escalation", "competition", "influence", "credibility", "legitimacy", "normalization", "sanctions",
}
HEDGES = {"perhaps", "likely", "unlikely", "probably", "possibly", "potentially", "arguably", "seems",
          "appears", "whether", "might", "presumably", "apparently"}
_CONNECTIVE = re.compile(r"\b(?:however|moreover|thus|therefore|nevertheless|nonetheless|furthermore|"
                         r"in turn|in this context|in particular|at the same time|on the one hand|"
                         r"on the other hand|in practice|symbolically|likewise|ultimately|in other words|"
                         r"for its part|by contrast|in addition)\b", re.I)
_FRAMING = re.compile(r"\bthe question (?:of|is)\b|\bremains to be seen\b|\bit is (?:unclear|not clear)\b|"
                      r"\bwill depend on\b|\b(?:first|real|key) test\b|\bthe (?:risk|challenge) is\b|"
                      r"\b(?:first|second|third), (?:the|whether|how)\b|\bin the (?:long|short|medium) (?:run|term)\b",
                      re.I)


def _lines(text: str) -> list[str]:
    return [ln.strip().strip("#*_ ").strip() for ln in _MD_LINK.sub(r"\1", text).split("\n") if ln.strip()]


def _is_heading(line: str) -> bool:
    """A short title-like line inside the body: a section heading or a list-of-dates entry."""
    words = line.split()
    if line.endswith("?"):  # explainer-style question headings ("What happens next?")
        return 2 <= len(words) <= 8 and line[0].isupper()
    return (1 <= len(words) <= 7 and line[0].isupper() and not line.isupper()
            and not line.endswith((".", "!", ":", ",", ";", "\"", "”", ")"))
            and not _TIMESTAMP.match(line) and not re.search(r"\d{4}", line)
            and not line.lower().startswith(("by ", "posted by", "photo", "image")))


def _speech(text: str, lines: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``text`` that are speakers' words, not the writer's: the speaker-label turns of a
    transcript or Q&A interview (two labels taking turns, or a questioner's label), and everything after
    a header that calls the text a transcript ("The following is a near-verbatim transcript ...")."""
    for line in lines[:6]:
        if len(line.split()) <= 40 and _TRANSCRIPT_HEAD.search(line) and (at := text.find(line)) >= 0:
            return [(at + len(line), len(text))]
    turns = [m for m in _TURN.finditer(text) if m.group(1).lower() not in _NOT_SPEAKER]
    labels = Counter(m.group(1) for m in turns)
    repeated = {label for label, n in labels.items() if n >= 2}
    questioner = any(label.lower() in _QUESTION_LABEL for label in repeated)
    if len(repeated) >= 2 or (questioner and len(turns) >= 3):
        return [m.span() for m in turns if questioner or m.group(1) in repeated]
    return []


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` blanked out (same length, so line structure stays)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in chars[start:end]]
    return "".join(chars)


def genre_scores(article: Article, annotation: Annotation | None = None) -> dict[Genre, float]:
    """The three cue scores (see the module docstring); exposed for tests and debugging."""
    totals: dict[Genre, float] = {"news": 0.0, "opinion": 0.0, "analysis": 0.0}
    for (genre, _cue), value in genre_cues(article, annotation).items():
        totals[genre] += value
    return {g: round(v, 2) for g, v in totals.items()}


def genre_cues(article: Article, annotation: Annotation | None = None) -> dict[tuple[Genre, str], float]:
    """Each cue's contribution to its genre's score."""
    text = article.text
    lines = _lines(text)
    # rates are per 1,000 words outside quotes; counts are taken in the writer's own voice only, so the
    # speakers' turns of a transcript or Q&A interview do not read as the writer's first person
    speech = _speech(text, lines)
    unquoted = _QUOTED.sub(" ", _blank(text, speech))
    words = [w.lower() for w in _WORD.findall(unquoted)]
    per_k = 1000.0 / max(len(_WORD.findall(_QUOTED.sub(" ", text))), 1)
    total_words = max(len(_WORD.findall(text)), 1)
    cues: dict[tuple[Genre, str], float] = {}

    def rate(vocab: set[str]) -> float:
        return sum(1 for w in words if w in vocab) * per_k

    def rate_re(pattern: re.Pattern[str]) -> float:
        return len(pattern.findall(unquoted)) * per_k

    # news
    body = [ln for ln in lines if len(ln.split()) > 12]
    dateline = next((m for ln in body[:2] if (m := _DATELINE.match(ln))), None)
    if dateline is not None:
        cues["news", "dateline"] = 6.0 + (2.0 if dateline.group(1) else 0.0)
    elif any(_PLACE_LINE.match(ln) and len(ln.split()) <= 3 for ln in lines[:10]):
        cues["news", "dateline"] = 5.0
    cues["news", "update line"] = 2.0 if _UPDATE_LINE.search(text) else 0.0
    cues["news", "transcript"] = 8.0 if speech else 0.0
    cues["news", "on weekday"] = min(rate_re(_WEEKDAY), 8.0) * 0.5
    # a blog pasting another outlet's live file: that wire copy is not the writer's own reporting
    own = 0.5 if _PASTED.search(text) else 1.0
    cues["news", "time stamps"] = 1.5 * min(len(_TIMESTAMP.findall(text)), 4) * own
    cues["news", "reporting verbs"] = rate(REPORTING) * 0.5 * own
    cues["news", "reporting phrases"] = min(rate_re(_NEWS_PHRASE), 6.0) * 0.5 * own
    if annotation is not None:
        attributed = sum(1 for q in annotation.quotes if q.speaker_name)
        cues["news", "attributed quotes"] = min(attributed * per_k * 0.3, 6.0) * own

    # opinion
    head = lines[:6]
    foot = "\n".join(lines[-4:])
    fps = rate_re(_FPS)
    cues["opinion", "first person singular"] = fps * 1.5
    cues["opinion", "first person plural"] = min(rate_re(_FPP), 10.0) * 0.3
    cues["opinion", "you"] = min(rate_re(_YOU), 6.0) * 0.5
    cues["opinion", "normative"] = rate_re(_NORMATIVE) * 0.8
    cues["opinion", "evaluative"] = rate(EVALUATIVE) * 1.0
    cues["opinion", "sarcasm"] = 2.0 * min(len(_SARCASM.findall(unquoted)), 4)
    sentences = _SENTENCE.findall(unquoted)
    in_paragraphs = [s for ln in _QUOTED.sub(" ", "\n".join(lines)).split("\n") if len(ln.split()) > 8
                     for s in _SENTENCE.findall(ln)]  # not question headings
    cues["opinion", "rhetorical questions"] = 1.0 * min(sum(1 for s in in_paragraphs if s.endswith("?")), 3)
    cues["opinion", "blog conventions"] = 4.0 * min(len(_BLOG.findall(text)), 2)
    cues["opinion", "label"] = LABEL if any(_OPINION_LABEL.match(ln) for ln in head) else 0.0
    cues["opinion", "disclaimer"] = 8.0 if _OPINION_FOOT.search(foot) else 0.0
    cues["opinion", "columnist bio"] = 6.0 if _COLUMNIST_BIO.search(foot) else 0.0

    # analysis
    first_person = 0.5 if fps >= 3.0 else 1.0  # an argument in the first person singular is opinion
    analysis: dict[str, float] = {
        "labels": 4.0 * min(len(_ANALYSIS_LABEL.findall(text)), 3),
        "headings": 1.0 * min(sum(1 for i, ln in enumerate(lines)
                                  if (i >= 4 or (i >= 1 and ln.endswith("?"))) and _is_heading(ln)), 6),
        "policy vocabulary": min(rate(ANALYTIC), 15.0) * 0.3,  # saturates: diplomatic news is full of it too
        "hedges": rate(HEDGES) * 0.4,
        "connectives": min(rate_re(_CONNECTIVE), 10.0) * 0.4,
        "framing": 1.5 * min(len(_FRAMING.findall(unquoted)), 4),
        "expert bio": 3.0 if _EXPERT_BIO.search(foot) else 0.0,
    }
    if sentences:
        mean_len = sum(len(s.split()) for s in sentences) / len(sentences)
        analysis["long sentences"] = max(0.0, min((mean_len - 20.0) * 0.3, 3.0))
    long_quotes = sum(1 for q in _QUOTED.findall(text) if len(q.split()) >= 4)
    analysis["few quotes"] = 2.0 if long_quotes * 1000.0 / total_words < 3.0 else 0.0
    for cue, value in analysis.items():
        cues["analysis", cue] = value * first_person
    cues["analysis", "label"] = LABEL if any(_ANALYSIS_PREFIX.match(ln) for ln in head[:2]) else 0.0
    return {k: round(v, 2) for k, v in cues.items() if v}


def classify_genre(article: Article, annotation: Annotation | None = None) -> Genre | None:
    """news / opinion / analysis by the strongest cue score, or None (short text, no clear cue)."""
    if len(_WORD.findall(article.text)) < 80:
        return None
    cues = genre_cues(article, annotation)
    labelled = {genre for genre, cue in cues if cue == "label"}
    if len(labelled) == 1:  # the publisher said which genre it is
        return labelled.pop()
    scores: dict[Genre, float] = {"news": 0.0, "opinion": 0.0, "analysis": 0.0}
    for (genre, _cue), value in cues.items():
        scores[genre] += value
    best = max(scores, key=lambda g: scores[g])
    return best if scores[best] >= 3.0 else None
