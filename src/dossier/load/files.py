"""Reading the project's input files: sources/*.md (front matter + text) and annotations/**/*.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter

from ..diagnostics import Diagnostic, display_path
from ..memo import Generations
from . import limits
from .located_yaml import DuplicateKeyError, LocDict, Pos, YamlSyntaxError, parse


@dataclass(frozen=True)
class TextBlock:
    """One block of an article: a paragraph or a `## ` subheading, with the line it starts on."""

    kind: str  # "p" or "h2"
    text: str
    line: int


@dataclass(frozen=True)
class SourceFile:
    id: str
    path: str  # as displayed and exported: relative to the project root
    meta: LocDict
    blocks: tuple[TextBlock, ...]


@dataclass(frozen=True)
class YamlFile:
    path: str
    data: Any


# Parsed YAML by text (memo.py): the parse is a pure function of the text, and what it returns is only read.
# A file that did not change gives the very object of the last load, which the later memos recognise.
PARSED = Generations()


def _yaml_diagnostics(path: str, text: str, line_offset: int = 0) -> tuple[Any, list[Diagnostic]]:
    key = (path, line_offset, text)
    if (found := PARSED.get(key)) is None:
        found = _parse_with_diagnostics(path, text, line_offset)
        PARSED.put(key, found)
    return found[0], list(found[1])


def _parse_with_diagnostics(path: str, text: str, line_offset: int) -> tuple[Any, list[Diagnostic]]:
    try:
        data, duplicates = parse(text, line_offset)
    except YamlSyntaxError as exc:
        return None, [Diagnostic(path, exc.pos.line, exc.pos.col, exc.code, exc.message, exc.hint)]
    diags = [
        Diagnostic(
            path, d.pos.line, d.pos.col, "duplicate-key", f"key '{d.key}' appears twice in one mapping",
            f"the first '{d.key}' is on line {d.first.line}; remove one of them",
        ) if isinstance(d, DuplicateKeyError) else Diagnostic(path, d.pos.line, d.pos.col, d.code, d.message, d.hint)
        for d in duplicates
    ]
    return data, diags


def _read_text(path: Path, shown: str, max_bytes: int = limits.MAX_FILE_BYTES) -> tuple[str, Diagnostic | None]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return "", Diagnostic(shown, 1, 1, "file-too-large",
                                  f"the file has {size:,} bytes; dossier reads at most {max_bytes:,}",
                                  "an article or annotation file is far smaller (the largest here has 34 KB): "
                                  "is it the right file? Split a very long article into parts")
        text = path.read_text(encoding="utf-8").lstrip("\ufeff")
        if (found := limits.long_line(text)) is not None:
            return "", Diagnostic(shown, found[0], limits.MAX_LINE_CHARS + 1, "line-too-long",
                                  f"line {found[0]} has {found[1]:,} characters; dossier reads at most "
                                  f"{limits.MAX_LINE_CHARS:,} per line", "break the line (paragraphs may be "
                                  "wrapped anywhere; a YAML text may continue on the next line, indented)")
        return text, None
    except UnicodeDecodeError as exc:
        return "", Diagnostic(shown, 1, 1, "encoding", f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")
    except OSError as exc:
        return "", Diagnostic(shown, 1, 1, "unreadable", f"cannot read the file ({exc.strerror})",
                              "check that it is a file you may read")


def read_yaml(path: Path, root: Path,
              max_bytes: int = limits.MAX_FILE_BYTES) -> tuple[YamlFile | None, list[Diagnostic]]:
    shown = display_path(path, root)
    text, problem = _read_text(path, shown, max_bytes)
    if problem:
        return None, [problem]
    data, diags = _yaml_diagnostics(shown, text)
    return YamlFile(shown, data), diags


_HEADING = re.compile(r"^## +(.+)$")


def split_blocks(body: str, first_line: int) -> tuple[TextBlock, ...]:
    """Paragraphs are separated by blank lines; a line starting with `## ` is a heading of its own, even
    without a blank line after it (as `dossier new` writes and editors type it).

    Lines inside a paragraph are joined with a space: the received articles wrap lines arbitrarily.
    """
    blocks: list[TextBlock] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _HEADING.match(line.strip()):
            if current:
                blocks.append(_block(current, start))
                current = []
            blocks.append(_block([line.strip()], number))
            continue
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
            continue
        if current:
            blocks.append(_block(current, start))
            current = []
    if current:
        blocks.append(_block(current, start))
    return tuple(blocks)


def _block(lines: list[str], line: int) -> TextBlock:
    if len(lines) == 1 and (match := _HEADING.match(lines[0])):
        return TextBlock("h2", match.group(1).strip(), line)
    return TextBlock("p", " ".join(lines), line)


def read_source(path: Path, root: Path) -> tuple[SourceFile | None, list[Diagnostic]]:
    shown = display_path(path, root)
    text, problem = _read_text(path, shown)
    if problem:
        return None, [problem]
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return None, [Diagnostic(
            shown, 1, 1, "front-matter", "the source has no YAML front matter",
            "start the file with a '---' line, the metadata (title, authors, publication, date, language, "
            "translated_from, url, doi), a closing '---' line, then the article text",
        )]
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if closing is None:
        return None, [Diagnostic(shown, 1, 1, "front-matter", "the front matter is not closed",
                                 "add a line '---' after the metadata")]
    fm_text = "\n".join(lines[1:closing])
    # The front matter starts on line 2 (after the opening '---').
    meta, diags = _yaml_diagnostics(shown, fm_text, line_offset=1)
    if diags:
        return None, diags
    if not isinstance(meta, LocDict):
        return None, [Diagnostic(shown, 2, 1, "front-matter", "the front matter must be a mapping of fields",
                                 "write one 'field: value' per line between the '---' lines")]
    body = "\n".join(lines[closing + 1:])
    if controls := _control_characters(shown, body, closing + 2):
        return None, controls
    return SourceFile(path.stem, shown, meta, split_blocks(body, closing + 2)), []


def _control_characters(shown: str, body: str, first_line: int) -> list[Diagnostic]:
    """One diagnostic per line with a control character: they would reach the page (or a terminal) unseen."""
    found: dict[int, Diagnostic] = {}
    for offset, char in limits.control_characters(body):
        index = body.count("\n", 0, offset)
        if first_line + index not in found:
            column = offset - (body.rfind("\n", 0, offset) + 1) + 1
            found[first_line + index] = Diagnostic(
                shown, first_line + index, column, "control-character",
                f"the text contains the control character {limits.char_name(char)}", limits.CONTROL_HINT)
    return list(found.values())


def position(mapping: LocDict, key: str | None = None) -> Pos:
    if key is not None and key in getattr(mapping, "value_pos", {}):
        return mapping.value_pos[key]
    return getattr(mapping, "pos", Pos(1, 1))
