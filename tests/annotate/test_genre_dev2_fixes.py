"""Genre of records of speech (briefing transcripts, Q&A interviews) and of state-media style news: the
speakers' first person is not the writer's, and diplomatic vocabulary is not analysis. Invented texts."""

from newsprism.annotate.genre import classify_genre, genre_cues
from newsprism.records import Article


def article(text: str) -> Article:
    return Article(id="t", source="t", text=text)


TRANSCRIPT = """Daily press briefing by the Office of the Spokesperson

5 June 2025

The following is a near-verbatim transcript of today's noon briefing by Lira Castell, Spokesperson.

Good afternoon. I will start with the border region, where our colleagues tell us that I and my team have
seen the convoy reach the camps. We are very worried. We must be clear: you cannot starve people and call it
security. I think the parties should open the crossings now, and I hope we will see that soon. My office will
keep you informed. We should all remember that our staff are there to help.

Question: Do you know who fired on the convoy? I ask because you said last week it was safe.

Spokesperson: I'm not in a position to say. We will not speculate. I would ask you to wait for the facts.

Question: Will the envoy travel there?

Spokesperson: I expect so. I will tell you when I can. Thank you all, and have a good afternoon.
"""

INTERVIEW = """"We will not close the door": the foreign minister on trade, borders and the coast

In an interview with Coastal Affairs, Ama Dorleans explains why her government still talks to its neighbours

Interview by Kofi Ansel

Ama Dorleans has been foreign minister since January. The interview has been edited for length and clarity.

Coastal Affairs: Some of your colleagues say you are rewarding the juntas. What do you say to them?

Ama Dorleans: I say that geography is not a choice. I go because the alternative is to leave our neighbours
alone, and I think that is a danger to us. We must talk. You cannot build a wall around a region.

Coastal Affairs: Doesn't engagement reward coups?

Ama Dorleans: We have said clearly, in public and in private, that I want elections. My view has not changed.
I believe we should keep every channel open, because our border villages feel every attack within days.

Coastal Affairs: Finally, is the regional bloc fit for purpose?

Ama Dorleans: It is what we allow it to be. I would like to see it fully financed by its own members. We
should be proud of it, and I am.
"""

STATE_NEWS = """Talks between the two presidents held in the capital: a new page in fraternal relations

State Herald

23.09.2025

On 22 September, the President of the Republic, Chairman of the State Security Council, Supreme Commander of
the Armed Forces, held talks with the President of the neighbouring republic, who arrived on a two-day state
visit. The heads of state noted that bilateral relations and strategic partnership are based on friendship.

The leader noted with satisfaction that cooperation in the energy sphere, the transport partnership and the
diplomatic dialogue had reached a new level, and stressed the importance of multilateral cooperation and the
strategic interests of both states in regional cooperation, partnership and dialogue on the agenda.

The guest emphasized that bilateral cooperation, strategic partnership and diplomatic relations enjoy broad
support, and reaffirmed the policy of partnership and cooperation. "We see your country as a reliable partner
for decades to come," the President said. In total, 14 documents on cooperation and partnership were signed.

The President underlined that the diplomatic relations and the strategic partnership in the sphere of energy
and transport cooperation serve the interests of both peoples, and noted that the bilateral agenda is broad.
"""


def test_briefing_transcript_is_news_not_opinion():
    cues = genre_cues(article(TRANSCRIPT))
    assert ("opinion", "first person singular") not in cues  # the spokesperson's "I", not the writer's
    assert cues["news", "transcript"] > 0
    assert classify_genre(article(TRANSCRIPT)) == "news"


def test_qa_interview_is_news_not_opinion():
    cues = genre_cues(article(INTERVIEW))
    assert cues.get(("opinion", "first person singular"), 0.0) < 1.0
    assert classify_genre(article(INTERVIEW)) == "news"


def test_speaker_turns_need_two_speakers_taking_turns():
    """Labels used once each ("Monday: ...", "Nutrition: ...") are list entries, not a conversation."""
    text = ("The week ahead in diplomacy, and what I think of it\n\n"
            + " ".join(["I think we should watch the summit closely, and I believe you will agree with me."] * 8)
            + "\n\nMonday: Ministers meet in the capital.\n\nWednesday: The council holds its monthly meeting.\n\n"
            "Thursday: The prime minister begins a three-day visit.\n")
    cues = genre_cues(article(text))
    assert ("news", "transcript") not in cues
    assert cues["opinion", "first person singular"] > 0


def test_state_media_news_with_long_titles_is_news():
    cues = genre_cues(article(STATE_NEWS))
    assert cues["analysis", "policy vocabulary"] <= 4.5  # the topic's vocabulary saturates
    assert cues["news", "reporting verbs"] > 0  # "noted", "stressed", "emphasized", "underlined" report
    assert cues["news", "on weekday"] > 0  # "On 22 September" anchors the day as news does
    assert classify_genre(article(STATE_NEWS)) == "news"
