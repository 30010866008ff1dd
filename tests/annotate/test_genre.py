"""Genre from generic cues: invented texts in each genre, plus the example corpus read at run time."""

from pathlib import Path

import pytest

from newsprism.annotate.genre import classify_genre, genre_cues, genre_scores
from newsprism.records import Article

WIRE = """Harbour ministers agree to reopen grain corridor

By Lena Voss

April 2, 2024 11:20 AM

KALMAR, April 2 (Baltic Wire) - The foreign ministers of Latvia and Finland agreed on Tuesday to reopen a
grain shipping corridor closed since January, officials said, ending a three-month dispute over port fees.

"We have found a solution that protects our farmers and our ports," Latvian Foreign Minister Ilze Kalnina
told reporters after the talks, which lasted more than four hours.

Finnish Foreign Minister Aarne Lehto said the corridor would reopen on Monday and that both sides would
review the fees in six months. "Nobody got everything they wanted," he said at a joint news conference.

A spokesman for the port authority declined to comment on the timetable. Shipping companies said on
Wednesday they had already booked berths for the first convoy, according to a statement.
"""

OPED = """Our leaders keep calling every port deal historic. This one is not.

By Maren Holt

April 4, 2024

I have covered the Baltic ports for twenty years, and I have lost count of the "historic" agreements I
have watched ministers sign. This week's grain corridor deal is the latest, and frankly it should embarrass
everyone involved. My neighbours in the harbour towns lost three months of work while two governments
argued about fees that amount to a rounding error in either budget.

Ministers must stop treating trade routes as bargaining chips. We should expect better, and we should say
so loudly. I think the farmers who blocked the roads in February understood this far better than the
diplomats who flew in for a photograph.

Maren Holt is a columnist for the Coastal Courier.
"""

ANALYSIS = """The grain corridor: a fragile compromise

Key points

The reopening of the grain corridor between Latvia and Finland resolves the immediate dispute but leaves
the underlying question of port fees unresolved, and the compromise is likely to be tested again in the
autumn, when the review of fees falls due and the harvest puts the corridor under pressure.

Background

Both governments have strategic interests in the corridor: for Riga it is a question of economic leverage
over regional trade, while for Helsinki the priority is the credibility of its port policy within the
European framework. However, neither side appears willing to concede on the principle of national control.

What to watch

It remains to be seen whether the review mechanism will survive a poor harvest. In this context, the
bilateral dialogue is perhaps more important than the agreement itself, since the relations between the two
capitals will depend on whether each side can present the compromise as a gain for its own agenda.
"""

BLOG = """Two Governments Discover That Ships Need Ports

Posted by Ray Dunmore

Here is the tick-tock via the Baltic Wire live file:

9:10 a.m.

Ministers arrive at the conference centre in Kalmar for talks on the grain corridor.

11:45 a.m.

Latvian Foreign Minister Ilze Kalnina says the talks are "constructive" and that a deal is close.

2:30 p.m.

The two sides announce that the corridor will reopen on Monday, officials say.

OK, back to me. So let me get this straight: three months of blockades, and the big breakthrough is that
ships may once again use ports? Great. Yet another "historic" deal. I can hardly wait for the next one.
Oh, and the fees will be reviewed in six months. Sure.

Join the conversation in the comments below.
"""


def _article(text: str) -> Article:
    return Article(id="t", source="t", text=text)


@pytest.mark.parametrize(
    "text,genre",
    [(WIRE, "news"), (OPED, "opinion"), (ANALYSIS, "analysis"), (BLOG, "opinion")],
)
def test_genre_of_invented_texts(text, genre):
    assert classify_genre(_article(text)) == genre


def test_short_text_has_no_genre():
    assert classify_genre(_article("Ministers met on Tuesday. They said little.")) is None


def test_pasted_wire_counts_half_and_snark_is_opinion():
    cues = genre_cues(_article(BLOG))
    assert cues[("opinion", "sarcasm")] > 0
    assert cues[("opinion", "blog conventions")] > 0
    timestamps_alone = genre_cues(_article(BLOG.replace("Here is the tick-tock via the Baltic Wire live file:", "Timeline:")))
    assert cues[("news", "time stamps")] < timestamps_alone[("news", "time stamps")]


def test_words_inside_quotes_are_not_the_writers_voice():
    quoted = WIRE.replace("Nobody got everything they wanted", "I think we should all be ashamed, I must say")
    cues = genre_cues(_article(quoted))
    assert ("opinion", "first person singular") not in cues
    assert classify_genre(_article(quoted)) == "news"


def test_opinion_disclaimer_at_the_foot_marks_an_op_ed():
    plain = ANALYSIS.replace("Key points\n\n", "").replace("Background\n\n", "").replace("What to watch\n\n", "")
    footed = plain + "\nThe views expressed in this piece do not necessarily reflect those of the publication.\n"
    assert genre_scores(_article(footed))["opinion"] >= genre_scores(_article(plain))["opinion"] + 8


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "versailles-2017"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="example corpus not present")
def test_example_corpus_genres_and_dates():
    from newsprism.ingest.sources import read_file

    articles = []
    for path in sorted(CORPUS.glob("*.txt")):
        articles += [a for a in read_file(path) if isinstance(a, Article)]
    assert [classify_genre(a) for a in articles] == ["opinion", "analysis", "analysis", "opinion", "news"]
    assert [a.published for a in articles] == ["2017-05-31", None, None, "2017-05-29", "2017-05-29"]


def test_explainer_label_and_question_headings_make_analysis():
    body = WIRE.split("\n\n", 3)[3]
    text = ("Explainer: Why the grain corridor keeps closing\n\nBy Lena Voss\n\nWhat happened?\n\n" + body
            + "\nWhat happens next?\n\nThe fees will be reviewed in six months, officials said.\n")
    cues = genre_cues(_article(text))
    assert cues[("analysis", "headings")] >= 2
    assert ("opinion", "rhetorical questions") not in cues
    assert classify_genre(_article(text)) == "analysis"
