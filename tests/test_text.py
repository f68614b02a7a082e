"""The text normalisation every quote check and keyword match relies on."""

from index.text import normalise


def test_normalise_makes_quotes_dashes_spaces_and_markup_plain():
    assert normalise("“Children’s  services” –\u00a0<p>**good**</p>\n") == "\"children's services\" - good"
    assert normalise("Ａ\u2028B\x1fc") == "a b c"  # compatibility forms and every kind of whitespace
    assert normalise("   ") == ""


def test_a_paragraph_number_printed_against_its_first_word_is_not_part_of_the_sentence():
    from index.sentences import passage_sentences
    from index.text import split_sentences

    def sentences(text):
        return [text[s:e] for s, e in split_sentences(text)]

    # pdfium reads a numbered paragraph's tab as nothing: "39.Most PAs …"
    assert sentences("39.Most PAs keep in touch. This is not sufficient.") == ["39.", "Most PAs keep in touch.", "This is not sufficient."]
    assert sentences("39. Most PAs keep in touch.") == ["39.", "Most PAs keep in touch."]  # as with a space
    assert sentences("2.2 Adoption performance") == ["2.2 Adoption performance"]  # a section number
    assert sentences("3.5 children a week. Next.") == ["3.5 children a week.", "Next."]  # a figure
    quoted = [text for text, _ in passage_sentences("21.There is a wide range of accommodation for care leavers.", "paragraph", {})]
    assert quoted == ["There is a wide range of accommodation for care leavers."]


def test_a_wrapped_headings_last_words_are_not_quoted_as_a_cover_line():
    from index.sentences import passage_sentences

    # "The experiences and progress of children who need help and" / "protection: good"
    assert passage_sentences("protection: good", "field", {}) == []
    assert passage_sentences("Lead inspector: Steve Lowe", "field", {}) == [("Lead inspector: Steve Lowe", None)]
