"""annotations.jsonld: every evidence, claim and citation passage as a W3C Web Annotation
(https://www.w3.org/TR/annotation-model/), in one AnnotationCollection.

Target: the source page, with a TextQuoteSelector (the passage, and as much text before and after it as
Hypothesis keeps, 32 characters, more where that is not unique) and a TextPositionSelector. Positions count
characters of the article's text as the page shows it: its paragraphs and subheadings in order, separated
by a blank line ("\\n\\n"), without the page's labels and paragraph numbers. A tool that counts the whole
page differently still anchors by the quote, as Hypothesis does.
Body: what the passage is for (the event, the claim, the reference), as text and as a link.
"""

from __future__ import annotations

from typing import Any

from ..dates import EdtfDate
from ..i18n import words_for
from ..model import Dossier, Source
from ..model.types import AUTHOR, Passage
from ..pages import reads, urls
from ..pages.urls import Linker
from . import parts
from .meta import ExportMeta

FILE = "annotations.jsonld"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32  # Hypothesis' prefix/suffix length
SEPARATOR = "\n\n"


def article_text(source: Source) -> tuple[str, list[int]]:
    """The article's text as positions count it, and where each block starts in it."""
    offsets, at = [], 0
    for block in source.blocks:
        offsets.append(at)
        at += len(block.text) + len(SEPARATOR)
    return SEPARATOR.join(b.text for b in source.blocks), offsets


def quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    """exact + prefix + suffix; the context grows until prefix+exact+suffix occurs only once."""
    n = CONTEXT_CHARS
    while True:
        prefix, suffix = text[max(0, start - n):start], text[end:end + n]
        whole = prefix + text[start:end] + suffix
        if text.count(whole) == 1 or (start - n <= 0 and end + n >= len(text)):
            return {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": prefix, "suffix": suffix}
        n *= 2


class _Writer:
    def __init__(self, dossier: Dossier, meta: ExportMeta, use_directory_urls: bool):
        self.d, self.meta, self.link = dossier, meta, Linker(use_directory_urls)
        self.words = words_for(reads.real(dossier).language)

    def url(self, page: str, fragment: str | None = None) -> str:
        return self.meta.absolute(self.link.url(page) + (f"#{fragment}" if fragment else ""))

    def target(self, passage: Passage, text: str, offsets: list[int]) -> dict[str, Any]:
        start, end = offsets[passage.block] + passage.start, offsets[passage.block] + passage.end
        return {"type": "SpecificResource", "source": self.url(urls.source_page(passage.source)),
                "selector": [quote_selector(text, start, end),
                             {"type": "TextPositionSelector", "start": start, "end": end}]}

    def annotation(self, passage: Passage, motivation: str, description: str, page: str, fragment: str,
                   source_text: tuple[str, list[int]]) -> dict:
        item = {
            "@context": CONTEXT,
            "id": self.url(FILE, f"{passage.source}-{passage.anchor}"),
            "type": "Annotation",
            "motivation": motivation,
            "body": [
                {"type": "TextualBody", "purpose": "describing", "value": description, "format": "text/plain",
                 "language": self.d.language},
                # A purpose belongs to a SpecificResource, not to the page itself (model 4).
                {"type": "SpecificResource", "purpose": "linking", "source": self.url(page, fragment)},
            ],
            "target": self.target(passage, *source_text),
        }
        if self.meta.licence_url:
            item["rights"] = self.meta.licence_url
        return item

    def date(self, date: EdtfDate | None) -> str:
        return date.label(self.words) if date else self.words.unknown

    def of_source(self, source: Source) -> list[dict]:
        """The annotations of one source's passages: its evidence, claims and citations."""
        d, w, out = self.d, self.words, []
        text = article_text(source)  # every passage is of this source
        for ev in d.evidence_by_source.get(source.id, ()):
            event = d.event_by_id[ev.event]
            out.append(self.annotation(ev.passage, "identifying", f"{w.event}: {self.date(event.date)}, {event.title}",
                                       urls.event_page(d, event.id), event.id, text))
        for claim in d.claims_by_source.get(source.id, ()):
            claimant = (", ".join(source.authors) or w.author_voice) if claim.claimant == AUTHOR \
                else d.actor_by_id[claim.claimant].name
            out.append(self.annotation(claim.passage, "describing",
                                       f"{w.claim}: {claimant} {w.stances[claim.stance]}: {claim.text}",
                                       urls.topic_page(d, claim.topic), f"k-{claim.id}", text))
        for cit in d.citations_by_source.get(source.id, ()):
            base = d.citation_by_id[cit.repeats] if cit.repeats else cit
            label = base.title or base.publisher or ", ".join(base.authors) or w.unknown
            out.append(self.annotation(cit.passage, "linking", f"{w.bibliography}: {label}",
                                       urls.BIBLIOGRAPHY, f"ref-{cit.id}", text))
        return out


def annotations(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool = False) -> list[dict]:
    writer = _Writer(dossier, meta, use_directory_urls)
    return [item for source in dossier.sources for item in writer.of_source(source)]


def _texts(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool, cache) -> list[str]:
    """Each source's annotations encoded (through `cache` if given: only those that read something that
    changed are encoded again)."""
    tracked = reads.Tracked(dossier) if cache is not None else None
    writer = _Writer(tracked or dossier, meta, use_directory_urls)
    d = tracked or dossier

    def make(sid: str) -> str:
        return parts.items(writer.of_source(d.source_by_id[sid]), 1)

    if cache is None:
        return [make(s.id) for s in dossier.sources]
    return list(cache.render(tracked, (meta, use_directory_urls, dossier.language), [s.id for s in dossier.sources],
                             make).values())


def fill(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool, cache) -> None:
    """Brings `cache` up to date for `dossier` (in a forked child, which sends back only what changed:
    the parent then renders the file from its cache, without encoding anything again)."""
    _texts(dossier, meta, use_directory_urls, cache)


def render(dossier: Dossier, meta: ExportMeta, use_directory_urls: bool = False, cache=None) -> str:
    """The file. With `cache` (a PageCache kept by `dossier serve`), only the sources whose annotations read
    something that changed are encoded again."""
    texts = _texts(dossier, meta, use_directory_urls, cache)
    total = sum(len(index.get(s.id, ())) for s in dossier.sources
                for index in (dossier.evidence_by_source, dossier.claims_by_source, dossier.citations_by_source))
    collection = {
        "@context": CONTEXT,
        "id": meta.absolute(FILE),
        "type": "AnnotationCollection",
        "label": f"{meta.title}: Annotationen (Stand {meta.stand.isoformat()}; {meta.licence})",
        "total": total,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": parts.Parts(texts, cache)},
    }
    return parts.dumps(collection, 1, end="\n")
