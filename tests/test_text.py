"""The text normalisation every quote check and keyword match relies on."""

from index.text import normalise


def test_normalise_makes_quotes_dashes_spaces_and_markup_plain():
    assert normalise("“Children’s  services” –\u00a0<p>**good**</p>\n") == "\"children's services\" - good"
    assert normalise("Ａ\u2028B\x1fc") == "a b c"  # compatibility forms and every kind of whitespace
    assert normalise("   ") == ""
