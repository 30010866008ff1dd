"""Genre (news, opinion, analysis) from generic cues in the text.

Method: count cues per 1,000 words and pick the genre with the strongest
evidence; None when no cue stands out.
- news: a wire dateline or agency credit, reporting verbs ("said"), many
  attributed quotes, time-stamped live updates;
- opinion: first-person singular outside quotes, evaluative and normative
  language ("should", "must", "I think"), labels (Opinion, Op-Ed, Column);
- analysis: labels (Analysis, Key points), think-tank vocabulary (policy,
  strategic, interests, approach), hedging (perhaps, likely), few quotes.
Limits: a quote-heavy opinion piece can read as news; short texts give
little evidence and get None.
"""

from __future__ import annotations

import re

from newsprism.records import Annotation, Article, Genre

_QUOTED = re.compile(r"[\"“«][^\"”»]{0,600}[\"”»]")
_WORD = re.compile(r"[A-Za-z']+")
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][a-z]+\.?\s*\d{1,2})?\s*(?:\([^)]{2,40}\))?\s*[-–—]",
                       re.M)
_TIMESTAMP = re.compile(r"^\s*\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)\s*$", re.M | re.I)
_OPINION_LABEL = re.compile(r"\b(?:op-?ed|opinion|commentary|column(?:ist)?|editorial|viewpoint|my view)\b", re.I)
_ANALYSIS_LABEL = re.compile(r"^\s*(?:analysis|key points|key dates|key takeaways|background|policy brief)\s*$",
                             re.I | re.M)
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd"}
NORMATIVE = {"should", "must", "ought", "shameful", "disgrace", "absurd", "naive", "sadly", "frankly",
             "clearly", "obviously", "certainly", "surely", "hypocrisy", "tough", "great", "fact"}
ANALYTIC = {"policy", "policies", "strategic", "strategy", "interests", "approach", "dynamics", "geopolitical",
            "perhaps", "likely", "arguably", "context", "framework", "leverage", "objectives", "pragmatic",
            "relations", "containment", "regime", "bilateral", "implications", "agenda"}
REPORTING = {"said", "says", "told", "added", "according", "announced", "stated", "reported"}


def classify_genre(article: Article, annotation: Annotation | None = None) -> Genre | None:
    text = article.text
    head = text[:600]
    body_unquoted = _QUOTED.sub(" ", text)
    words = [w.lower() for w in _WORD.findall(body_unquoted)]
    n = max(len(words), 1)
    per_k = 1000.0 / n

    def rate(vocab: set[str]) -> float:
        return sum(1 for w in words if w in vocab) * per_k

    news = rate(REPORTING) * 0.6
    news += 6.0 if _DATELINE.search(text[:2000]) else 0.0
    news += 2.0 * min(len(_TIMESTAMP.findall(text)), 4)
    if annotation is not None:
        news += min(sum(1 for q in annotation.quotes if q.speaker_name) * per_k * 0.4, 8.0)
    opinion = rate(FIRST_PERSON) * 1.2 + rate(NORMATIVE) * 0.8
    opinion += 8.0 if _OPINION_LABEL.search(head) else 0.0
    analysis = rate(ANALYTIC) * 0.6
    analysis += 8.0 if _ANALYSIS_LABEL.search(text[:3000]) else 0.0
    scores: dict[Genre, float] = {"news": news, "opinion": opinion, "analysis": analysis}
    best = max(scores, key=lambda g: scores[g])
    if len(words) < 80 or scores[best] < 3.0:
        return None
    return best
