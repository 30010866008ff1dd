from tests.conftest import annotate_text


def test_blank_lines_and_short_lines_end_sentences(nlp):
    doc = annotate_text(nlp, "Talks collapse\n\nBy Ana Lima\n4:25 p.m.\nThe minister left the room early.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[:3] == ["Talks collapse", "By Ana Lima", "4:25 p.m."]


def test_hard_wrapped_prose_keeps_flowing(nlp):
    text = ("The foreign minister said the two governments would keep talking about the border and\n"
            "the fishing quotas until a deal was found.")
    doc = annotate_text(nlp, text)
    assert len(list(doc.sents)) == 1
