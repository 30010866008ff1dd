from newsprism.annotate.pipeline import COMPONENTS


def test_components_in_order_without_problems(nlp):
    names = nlp.pipe_names
    assert [n for n in names if n.startswith("newsprism_")] == ["newsprism_linebreaks", *COMPONENTS]
    assert names.index("newsprism_linebreaks") < names.index("parser")
    problems = nlp.analyze_pipes()["problems"]
    assert not any(problems.values()), problems


def test_extensions_hold_plain_data(nlp):
    from tests.conftest import annotate_text

    doc = annotate_text(nlp, "The minister said on Monday that talks would resume.", "2024-03-12")
    for attr in ("np_actors", "np_mentions", "np_quotes", "np_timexes", "np_events"):
        value = getattr(doc._, attr)
        assert isinstance(value, list)
        for item in value:
            assert isinstance(item, dict)


def test_quote_date_comes_from_its_sentence_not_its_content(nlp):
    from newsprism.annotate.to_records import doc_to_annotation
    from newsprism.records import Article
    from tests.conftest import annotate_text

    text = "The foreign minister, Ana Reis, said on Monday that talks would resume in June."
    doc = annotate_text(nlp, text, "2024-03-14")
    ann = doc_to_annotation(doc, Article(id="x", source="x", text=text, published="2024-03-14"))
    [quote] = [q for q in ann.quotes if q.kind == "indirect"]
    assert quote.date == "2024-03-11"
