"""`dossier new`: a new source from a pasted text, plus its annotation file as a commented skeleton.

The only code that writes into sources/ and annotations/, and it never overwrites: an editor's work is
not to be lost to a mistyped id. Both files pass `dossier check` as written, so the new article builds
into the site (its page, its actors linked both ways) before it has a single annotation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter

from .dates import SUPPORTED_FORMS, DateError, parse_date
from .suggest.text import sentence_starts
from .validate.fields import RESERVED_IDS, SLUG, slug_hint

_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class ScaffoldError(Exception):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class NewSource:
    id: str
    title: str
    date: str
    text: str
    authors: tuple[str, ...] = ()
    publication: str | None = None
    url: str | None = None
    doi: str | None = None
    language: str = "de"
    translated_from: str | None = None
    title_editorial: bool = False
    repairs: tuple[str, ...] = ()


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs and `## ` subheadings, each on one line. Paragraphs are separated by blank
    lines; a text without any blank line (as copied from many web pages) has one paragraph per line. Lines
    inside a paragraph are joined with a space, as the build joins them anyway."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.strip().split("\n")]
    if "" not in lines:
        return [line for line in lines if line]
    blocks: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line and not line.startswith("## "):
            current.append(line)
            continue
        if current:
            blocks.append(" ".join(current))
            current = []
        if line:
            blocks.append(line)
    return blocks


def check_new(new: NewSource) -> None:
    """Raise ScaffoldError for anything that would make a source the build rejects."""
    if not SLUG.match(new.id) or new.id in RESERVED_IDS:
        raise ScaffoldError(f"'{new.id}' is not a usable source id",
                            "it is reserved; pick another" if new.id in RESERVED_IDS else slug_hint(new.id))
    if not new.title.strip():
        raise ScaffoldError("the title is empty", "give --title; if the article has none, write one and add "
                                                  "--editorial-title")
    try:
        parse_date(new.date)
    except DateError:
        raise ScaffoldError(f"'{new.date}' is not an EDTF date dossier understands",
                            f"write the date as precise as the article gives it: {SUPPORTED_FORMS}") from None
    for option, value in (("--language", new.language), ("--translated-from", new.translated_from)):
        if value is not None and not _LANGUAGE.match(value):
            raise ScaffoldError(f"{option} '{value}' is not a language code", "write a code such as de, en, fr")
    if not any(not p.startswith("## ") for p in paragraphs(new.text)):
        raise ScaffoldError("the text has no paragraph", "give --text FILE, or pipe the text into standard input")


def source_markdown(new: NewSource) -> str:
    """sources/<id>.md: every front matter field (unknown is null), then the text, paragraphs kept."""
    meta = {
        "title": new.title.strip(),
        "title_editorial": new.title_editorial,
        "authors": list(new.authors),
        "publication": new.publication,
        "date": new.date,  # a string, so YAML keeps "2024" and "2024-06-19" as EDTF text
        "language": new.language,
        "translated_from": new.translated_from,
        "url": new.url,
        "doi": new.doi,
        "kind": None,  # the kind of text (Kommentar, Fachaufsatz ...), filled in by the editor where the text shows it
        "short": None,  # a short title for the short citation of a text without author
        "repairs": list(new.repairs),
    }
    post = frontmatter.Post("\n\n".join(paragraphs(new.text)))
    post.metadata.update(meta)
    return frontmatter.dumps(post, sort_keys=False, width=110) + "\n"


def annotation_skeleton(new: NewSource) -> str:
    """annotations/sources/<id>.yml: empty sections with commented examples; passes `dossier check` as is.

    The examples quote the article's own first sentence, to show what verbatim means."""
    first = next((p for p in paragraphs(new.text) if not p.startswith("## ")), "")
    starts = sentence_starts(first)
    sentence = first[:starts[1]].strip() if len(starts) > 1 else first
    quote = json.dumps(sentence if len(sentence) <= 100 else sentence[:100].rsplit(" ", 1)[0], ensure_ascii=False)
    return f"""\
# Annotations for sources/{new.id}.md. Format: docs/annotation-format.md.
# `dossier suggest {new.id}` prints ready-to-paste stubs for this file, events.yml and actors.yml.
# Each quote must stand verbatim in the text, within one paragraph, and only once.

summary: null  # two to four sentences of your own, in German

evidence:
  # Which passage reports which event of annotations/events.yml:
  # - event: some-event-id
  #   quote: {quote}

claims:
  # Who asserts what ("author" for the article's own voice):
  # - id: {new.id}-some-claim
  #   claimant: author
  #   stance: asserts  # asserts | alleges | denies | doubts | expects | estimates | warns | proposes | reports
  #   topic: null      # a topic id of annotations/topics.yml
  #   about: []        # actor ids
  #   text: What is claimed, in your own words.
  #   quote: {quote}

citations:
  # Every reference the article makes (see docs/annotation-format.md for all fields):
  # - id: author-2024
  #   marker: "1"
  #   quote: "the footnote's text, verbatim"
  #   type: article-journal
"""


@dataclass(frozen=True)
class Created:
    source: Path
    annotations: Path
    paragraphs: int
    subheadings: int
    words: int


def create(root: Path, new: NewSource, sources_dir: str = "sources", annotations_dir: str = "annotations") -> Created:
    """Write both files, or neither: every check runs before the first byte is written."""
    check_new(new)
    source = root / sources_dir / f"{new.id}.md"
    annotations = root / annotations_dir / "sources" / f"{new.id}.yml"
    for path in (source, annotations):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root).as_posix()} already exists; nothing was written",
                                "pick another id, or edit the existing file")
    for path, content in ((source, source_markdown(new)), (annotations, annotation_skeleton(new))):
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as f:  # "x": even a file created meanwhile is not overwritten
            f.write(content)
    blocks = paragraphs(new.text)
    headings = sum(b.startswith("## ") for b in blocks)
    return Created(source, annotations, len(blocks) - headings, headings, sum(len(b.split()) for b in blocks))
