"""A source's page: metadata, the full text with paragraph anchors and highlighted passages, and what
the dossier knows of it. Plus the index of all sources."""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

from ..model import Source
from ..model.types import AUTHOR
from ..slugs import slugify
from . import urls
from .html import Decoration, render_inline
from .notes import Note, source_notes

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def claimant_name(ctx, claimant: str, source: Source | None = None) -> str:
    """Who makes a claim: an actor's name; for the article's own voice its author(s), or, for a text without
    a known author, its short citation ("Pakt der Parias 2023"): three anonymous texts are three voices."""
    if claimant == AUTHOR:
        if source and source.authors:
            return ", ".join(source.authors)
        return source.short_cite if source else ctx.words.author_voice
    return ctx.dossier.actor_by_id[claimant].name


def _passage_mark(note: Note, label: str) -> Decoration:
    """The highlight and, after it, its note's number: a link to the passage itself, which opens its card.
    data-search-exclude keeps the numbers out of search excerpts."""
    kind, anchor = note.kind, note.passage.anchor
    marker = (f'<a class="dossier-nref dossier-nref--{kind}" href="#{anchor}" aria-label="{escape(label)}" '
              f'data-search-exclude>{note.number}</a>')
    return Decoration(
        note.passage.start, note.passage.end,
        open=f'<mark class="dossier-passage dossier-passage--{kind}" id="{anchor}">',
        close="</mark>" + marker, pause="</mark>",
        resume=f'<mark class="dossier-passage dossier-passage--{kind}">',
    )


_URL = re.compile(r"https?://[^\s<>\"“”„]+[^\s<>\"“”„.,;:!?)\]]")


def _decorations(ctx, source: Source, notes: list[Note]) -> dict[int, list[Decoration]]:
    d, w = ctx.dossier, ctx.words
    by_block: dict[int, list[Decoration]] = {}
    for note in notes:
        label = w.note_label.format(n=note.number, kind=note.kind_label)
        by_block.setdefault(note.passage.block, []).append(_passage_mark(note, label))
    citations_by_marker = {}
    for cit in d.citations_by_source.get(source.id, ()):
        citations_by_marker.setdefault(cit.marker, cit)
    # Footnote markers: in the running text they lead to the footnote; the footnote's own marker leads back.
    referenced: set[str] = set()
    for index, block in enumerate(source.blocks):
        if block.kind != "p":
            continue
        # URLs in the text (a footnote's source) are links; the text itself stays as it is.
        for match in _URL.finditer(block.text):
            open_ = f'<a class="dossier-url" href="{escape(match.group())}">'
            by_block.setdefault(index, []).append(Decoration(match.start(), match.end(), open_, "</a>", "</a>", open_))
        for match in _MARKER.finditer(block.text):
            marker = match.group().translate(_SUPERSCRIPT)
            cit = citations_by_marker.get(marker)
            if cit is None:
                continue
            if match.start() == 0 and index == cit.passage.block:
                if marker in referenced:
                    open_ = f'<a class="dossier-fnback" href="#fnref-{marker}" title="{escape(w.footnote)} {marker}">'
                    by_block.setdefault(index, []).append(Decoration(match.start(), match.end(), open_, "</a>", "</a>", open_))
                continue
            anchor = "" if marker in referenced else f' id="fnref-{marker}"'
            referenced.add(marker)
            open_ = f'<sup class="dossier-fn"><a{anchor} href="#{cit.passage.anchor}" title="{escape(w.footnote)} {marker}">'
            resume = f'<sup class="dossier-fn"><a href="#{cit.passage.anchor}">'
            by_block.setdefault(index, []).append(Decoration(match.start(), match.end(), open_, "</a></sup>", "</a></sup>", resume))
    return by_block


# A highlight split where another one crosses it may leave an empty piece (no id: only continued pieces).
_EMPTY_PIECE = re.compile(r'<mark class="dossier-passage dossier-passage--\w+"></mark>|<a class="dossier-url" href="[^"]*"></a>')


# The ids the source page's template gives its own sections.
_PAGE_IDS = frozenset({"dossier_titel", "text", "ereignisse", "aussagen", "akteure", "literatur"})


def text_blocks(ctx, source: Source, notes: list[Note]) -> list[dict]:
    """The article as a list of headings and paragraphs (paragraph HTML already rendered and safe), each
    paragraph with the notes of its passages."""
    decorations = _decorations(ctx, source, notes)
    notes_by_block: dict[int, list[Note]] = {}
    for note in notes:
        notes_by_block.setdefault(note.passage.block, []).append(note)
    blocks = []
    # A subheading's anchor reads well ("#fussnoten") unless it would meet another id of the page: a
    # paragraph's ("P 1" -> "p-1"), a passage's, a note's, the page's own sections or an earlier subheading's.
    taken = {b.anchor for b in source.blocks if b.kind == "p"} | {n.passage.anchor for n in notes} | {
        n.id for n in notes} | _PAGE_IDS
    for index, block in enumerate(source.blocks):
        if block.kind == "h2":
            anchor = slugify(block.text)
            if anchor in taken or anchor.startswith("fnref-") or not anchor:
                anchor = f"abschnitt-{index + 1}"
            taken.add(anchor)
            blocks.append({"kind": "h2", "text": block.text, "anchor": anchor})
        else:
            html, emptied = render_inline(block.text, decorations.get(index, [])), 1
            while emptied:  # removing an empty piece may empty the one around it
                html, emptied = _EMPTY_PIECE.subn("", html)
            blocks.append({"kind": "p", "number": block.number, "anchor": block.anchor, "html": Markup(html),
                           "notes": notes_by_block.get(index, [])})
    return blocks


def source_kind(ctx, source: Source) -> str | None:
    """"Fachaufsatz", "Kommentar, übersetzt aus dem Französischen", "Übersetzung aus dem Französischen"."""
    w = ctx.words
    language = w.language_name(source.translated_from)
    if source.kind == "translation" and language:
        return w.translation_of.format(language)
    kind = w.source_kinds[source.kind] if source.kind else None
    return f"{kind}, {w.translated_from_short.format(language)}" if kind and language else kind


def byline(ctx, source: Source) -> list[tuple[str, bool]]:
    """Provenance first, in one line: kind of text, author, outlet, date; (text, known) each, so that
    unknown shows as unknown ("Verfasser unbekannt"), never guessed and never left out."""
    w = ctx.words
    kind = source_kind(ctx, source)
    values = [("kind", kind), ("authors", ", ".join(source.authors) or None), ("publication", source.publication),
              ("date", source.date.label(w) if source.date else None)]
    return [(text, True) if text else (w.byline_unknown[key], False) for key, text in values]


def provenance_warning(ctx, source: Source) -> str | None:
    """What unknown provenance means, said where it applies."""
    missing = [key for key, known in (("authors", source.authors), ("publication", source.publication)) if not known]
    if not missing:
        return None
    return ctx.words.provenance_unknown.format(what=ctx.words.provenance_what["both" if len(missing) == 2 else missing[0]])


def metadata(ctx, source: Source) -> list[tuple[str, str | None, str | None]]:
    """The details below the byline: (label, text, url) rows; unknown values show as 'unbekannt'."""
    w = ctx.words
    rows = [
        (w.meta["language"], w.language_name(source.language), None),
        (w.meta["translated_from"], w.language_name(source.translated_from), None),
        (w.first_published, source.first_published, None),
        (w.meta["url"], source.url, source.url),
        (w.meta["doi"], source.doi, f"https://doi.org/{source.doi}" if source.doi else None),
        (w.meta["words"], str(source.words), None),
    ]
    optional = (w.meta["translated_from"], w.first_published)  # shown only where there is something to say
    return [(label, text, url if url and url.startswith(("http://", "https://")) else None)
            for label, text, url in rows if label not in optional or text]


def render(ctx, source: Source) -> str:
    d = ctx.dossier
    page = urls.source_page(source.id)
    notes = source_notes(ctx, source, page)
    # This source's passages per event, from its own evidence: an event that every source reports must not
    # make each source page walk every source's evidence.
    own_evidence: dict[str, list] = {}
    for ev in d.evidence_by_source.get(source.id, ()):
        own_evidence.setdefault(ev.event, []).append(ev)
    return ctx.render(
        "source.md.j2", page, source=source, meta=metadata(ctx, source), byline=byline(ctx, source),
        provenance_warning=provenance_warning(ctx, source), blocks=text_blocks(ctx, source, notes),
        card_words={**ctx.words.card_heading, "back": ctx.words.back, "close": ctx.words.close},
        events=[(e, own_evidence[e.id]) for e in d.events_by_source.get(source.id, ())],
        claims=[(c, claimant_name(ctx, c.claimant, source)) for c in d.claims_by_source.get(source.id, ())],
        actors=[(a, d.mentions[a.id][source.id]) for a in d.actors_by_source.get(source.id, ())],
        citations=d.citations_by_source.get(source.id, ()),
        topic_by_id=d.topic_by_id,
    )


def render_index(ctx) -> str:
    d = ctx.dossier
    rows = [(s, source_kind(ctx, s), len(d.evidence_by_source.get(s.id, ())), len(d.claims_by_source.get(s.id, ())),
             len(d.citations_by_source.get(s.id, ()))) for s in d.sources]
    return ctx.render("sources.md.j2", urls.SOURCES, rows=rows)
