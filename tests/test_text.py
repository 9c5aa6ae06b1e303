"""Quote finding, mention finding, inline rendering and links: the pure helpers under the pages."""

import unicodedata

import pytest

from dossier.mentions import MentionFinder
from dossier.pages.html import Decoration, md_inline, render_inline
from dossier.pages.urls import Linker
from dossier.textmatch import Haystack, find_quote


@pytest.mark.parametrize("quote, found", [
    ('den „Möglichkeiten“ einer', "den „Möglichkeiten“ einer"),       # typographic quotes as written
    ('den "Möglichkeiten" einer', "den „Möglichkeiten“ einer"),       # straight quotes in the annotation
    ("von den\n  „Möglichkeiten“", "von den „Möglichkeiten“"),        # wrapped line in the YAML
    ("Putins Interessen", None),
])
def test_find_quote_folds_whitespace_and_quotation_marks(quote, found):
    block = "Putin sprach von den „Möglichkeiten“ einer militärischen Kooperation."
    spans = find_quote(quote, [block])
    assert [block[s.start:s.end] for s in spans] == ([found] if found else [])


def test_find_quote_reports_every_occurrence():
    assert len(find_quote("Kim", ["Kim traf Putin.", "Dann reiste Kim ab. Kim!"])) == 3


FINDER = MentionFinder([("kim-jong-un", "Kim Jong-un"), ("kim-jong-un", "Kim Jong Un"), ("kim-jong-il", "Kim Jong-il"),
                        ("putin", "Wladimir Putin"), ("putin", "Putin"), ("uno", "UN"), ("usa", "Vereinigte Staaten"),
                        ("russland", "Russland")])


@pytest.mark.parametrize("text, actors", [
    ("Kim Jong-uns Zug", ["kim-jong-un"]),
    ("Kim Jong-Un und Kim Jong Il", ["kim-jong-un", "kim-jong-il"]),
    ("Putins Besuch bei Wladimir Putin", ["putin", "putin"]),
    ("UN-Sanktionen, aber nicht Jong-un", ["uno"]),
    ("die Interessen der Vereinigten Staaten und Russlands", ["usa", "russland"]),
    ("Putinismus und Russlandreise", []),
])
def test_mentions_tolerate_inflection_and_spelling(text, actors):
    assert [m.actor for m in FINDER.find(text)] == actors


def mark(start, end, name):
    return Decoration(start, end, f"<{name}>", f"</{name}>", f"</{name}>", f"<{name}+>")


def test_render_inline_escapes_text():
    assert render_inline("<script>alert(1)</script> & co", []) == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"


def test_render_inline_nests_and_splits_crossing_decorations():
    assert render_inline("abcdef", [mark(0, 4, "a"), mark(1, 2, "b")]) == "<a>a<b>b</b>cd</a>ef"
    # b crosses the end of a: b is paused, a closes, b resumes as a continued piece.
    assert render_inline("abcdef", [mark(0, 3, "a"), mark(2, 5, "b")]) == "<a>ab<b>c</b></a><b+>de</b>f"


def test_md_inline_escapes_html_and_markdown():
    assert md_inline("<b>*Titel*</b> [x](y)") == r"&lt;b&gt;\*Titel\*&lt;/b&gt; \[x\]\(y\)"


@pytest.mark.parametrize("directory_urls, expected", [
    (False, ["quellen/x.html", "../zeitleiste.html#e", "../index.html", "#p-2", "dossier.json"]),
    (True, ["quellen/x/", "../../zeitleiste/#e", "../../", "#p-2", "../dossier.json"]),
])
def test_relative_links(directory_urls, expected):
    link = Linker(directory_urls)
    assert [link.href("index.md", "quellen/x.md"), link.href("quellen/x.md", "zeitleiste.md", "e"),
            link.href("quellen/x.md", "index.md"), link.href("quellen/x.md", "quellen/x.md", "p-2"),
            link.href("zeitleiste.md", "dossier.json")] == expected


def test_md_inline_keeps_a_heading_on_one_line():
    # A title written as a YAML block ("title: |") must not end the heading and start a paragraph (or, with
    # a line of '=' below it, another heading).
    assert md_inline("Erste Zeile\n\nzweite Zeile\n===\n") == "Erste Zeile zweite Zeile ==="


def test_quotes_match_across_normalisation_forms_and_highlight_the_original():
    from dossier.textmatch import find_quote

    decomposed = "Er reiste nach Pjo\u0308ngjang und Pjo\u0308"  # NFD, as copied from a PDF or a Mac
    composed = "Er reiste nach Pjöngjang und Pjö"
    for text, quote in ((decomposed, "nach Pjöngjang"), (composed, "nach Pjo\u0308ngjang"),
                        (decomposed, "und Pjö"), (decomposed, "nach Pjo\u0308ngjang")):
        [span] = find_quote(quote, [text])
        matched = text[span.start:span.end]
        assert unicodedata.normalize("NFC", matched) == unicodedata.normalize("NFC", quote)
    assert decomposed == "Er reiste nach Pjo\u0308ngjang und Pjo\u0308"  # the text itself is left as it was


def test_a_quote_differing_in_invisible_characters_is_explained():
    from dossier.textmatch import explain_mismatch

    assert explain_mismatch("Verhandlungen", ["Die Ver\u00adhandlungen"])[0] == 0
    assert "U+00AD (SOFT HYPHEN)" in explain_mismatch("Verhandlungen", ["Die Ver\u00adhandlungen"])[1]
    assert explain_mismatch("Verhandlungen", ["Die Gespräche"]) is None


def test_find_quote_stays_within_a_block_and_counts_in_it():
    # The blocks are searched joined: an occurrence must neither span two blocks nor count from the first.
    blocks = ["Das Ende.", "Anfang aaa", "aa"]
    assert find_quote("Ende. Anfang", blocks) == []
    spans = find_quote("aa", blocks)
    assert [(s.block, s.start, s.end) for s in spans] == [(1, 7, 9), (1, 8, 10), (2, 0, 2)]
    assert find_quote("aa", Haystack(blocks)) == spans  # folded once, searched for many quotes
