"""Quote attribution fixes from the dev2 review: transcript turns, title chains, non-speakers, headlines.

Every article here is invented (fictional people and outlets)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def _quotes(nlp: Any, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    return [(q["kind"], doc.text[q["start"] : q["end"]], q["speaker_name"]) for q in doc._.np_quotes]


BRIEFING = """Daily briefing by the Office of the Spokesperson

The following is a transcript of today's briefing by Tomas Velde, Spokesperson for the Council.

Good afternoon. The Council will meet on Friday.

Question: Thank you, Tomas. Has the envoy met the rebels? The rebels said this morning that talks had failed.

Spokesperson: We have no information on that. The envoy remains in the capital and will report next week.

Question: Any reaction to the expulsion of the aid workers?

Spokesperson: We regret the decision. Our colleagues were doing their jobs.
"""

INTERVIEW = """Marta Kovan on trade, tariffs and the river dispute

Marta Kovan has been trade minister since March. The interview has been edited for length.

Harbour Review: You have accused the shipping firms of ignoring the rules. Will you fine them?

Marta Kovan: Our position has not changed. The firms know the rules and they must follow them.

Harbour Review: And the river dispute?

Kovan: We will go to court if we must. Nobody wants that, but we are ready.
"""


def test_answer_turns_are_direct_quotes_of_the_role_holder(nlp: Any) -> None:
    got = _quotes(nlp, BRIEFING)
    answers = [q for q in got if q[1].startswith(("We have no information", "We regret"))]
    assert len(answers) == 2
    assert all(kind == "direct" and who == "Tomas Velde" for kind, _, who in answers)
    # the reporter's question is no quote, but the speech it reports is
    assert not any(q[1].startswith("Thank you") for q in got)
    assert any(kind == "indirect" and who == "rebels" or who == "The rebels" for kind, _, who in got)


def test_interview_answers_surname_labels_and_you_in_questions(nlp: Any) -> None:
    got = _quotes(nlp, INTERVIEW)
    answers = [q for q in got if q[1].startswith(("Our position", "We will go to court"))]
    assert [(k, who) for k, _, who in answers] == [("direct", "Marta Kovan"), ("direct", "Marta Kovan")]
    # no reported speech is cut out of an answer
    assert not any(kind == "indirect" and "follow them" in text for kind, text, _ in got)
    # "you have accused X of ..." in the interviewer's question: the interviewee's accusation
    accused = [q for q in got if "ignoring the rules" in q[1]]
    assert accused and accused[0][2] == "Marta Kovan"


def test_headers_and_datelines_are_not_turns(nlp: Any) -> None:
    text = ("Update: talks resume in the capital\n\nLISBOA: The two delegations met again on Monday.\n\n"
            "Update: The meeting ended without a deal, officials said.\n")
    got = _quotes(nlp, text)
    assert not any(kind == "direct" for kind, _, _ in got)


def test_long_title_chain_names_the_person(nlp: Any) -> None:
    got = _quotes(nlp, "Chairman of the Presidium of the Supreme Council Jorvan Teskel said the talks had been useful.")
    assert got and got[0][2] == "Jorvan Teskel"


def test_country_title_description_is_that_countrys_titled_person(nlp: Any) -> None:
    """A guard: the second head of state is named only at the end of a title chain."""
    text = ("On Monday, the President of Veldania, Chairman of the National Defence Council, Supreme Commander "
            "of the Armed Forces Ilmar Dostov received the President of the Republic of Karsland Oren Velsk. "
            "The President of Karsland stressed that Karsland attaches great importance to the corridor.")
    got = _quotes(nlp, text)
    stressed = [q for q in got if q[1].startswith("Karsland attaches")]
    assert stressed and stressed[0][2] == "Oren Velsk"


def test_she_is_not_an_organisation_named_nearby(nlp: Any) -> None:
    """A guard: "she" goes back to the specialist, never to a body named in her sentence."""
    text = ("Dr Lena Varga, a law specialist at the Northern University, said such cases were hard to win, in "
            "part because the organisation's Review Body has been unable to sit since 2019. "
            "But she said the case could still push Karsland towards a settlement.")
    got = _quotes(nlp, text)
    push = [q for q in got if "push Karsland" in q[1]]
    assert push and push[0][2] == "Lena Varga"


def test_amounts_and_things_are_never_speakers(nlp: Any) -> None:
    text = ("Customs officers began demanding a $150 fee per truck.\n\n"
            "The Ministry of Trade said the tracking fee was \"a legitimate measure\" and denied that police "
            "had used tear gas, saying officers had \"dispersed a disorderly crowd\".")
    got = _quotes(nlp, text)
    crowd = [q for q in got if q[1].startswith("dispersed")]
    assert crowd and crowd[0][2] is not None and "fee" not in crowd[0][2]
    assert "Ministry of Trade" in crowd[0][2]


def test_partial_quote_belongs_to_its_own_cue(nlp: Any) -> None:
    got = _quotes(nlp, "Opposition accuses Government of 'selling the harbour'; Minister insists deal is sound\n\n"
                       "The debate lasted nine hours.")
    q = [x for x in got if x[1] == "selling the harbour"]
    assert q and q[0][2] == "Opposition"


def test_headline_quote_takes_the_speaker_the_body_gives_it(nlp: Any) -> None:
    text = ("Karsland takes Veldania to court over 'unjustified' grain duties\n\n"
            "Karsland on Wednesday asked an international court to rule on grain duties imposed by Veldania.\n\n"
            "'The duties are unjustified and we will fight them,' Trade Minister Oren Velsk told reporters.\n")
    got = _quotes(nlp, text)
    head = [q for q in got if q[1] == "unjustified"]
    assert head and head[0][2] == "Oren Velsk"


def test_speaker_description_keeps_its_affiliation(nlp: Any) -> None:
    got = _quotes(nlp, "Officials on both sides said the tour was \"a small opening\".")
    assert got and got[0][2] == "Officials on both sides"
