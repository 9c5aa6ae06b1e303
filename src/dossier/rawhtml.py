"""A Python-Markdown extension that sets the generated pages' raw HTML aside without parsing it.

The generated pages are mostly raw HTML blocks (a source page: its whole text, highlighted). Python-Markdown
finds raw HTML by feeding the whole page through `html.parser`, tag by tag: that was the largest single
cost of a build (about 40 ms a page, 60 % of the Markdown time at 100 articles). This preprocessor runs
just before it and takes the blocks whose extent is plain to see without a parser:

    a block-level tag <T ...> at the start of a line, after a blank line (or right after such a block),
    up to the </T> that closes it (nested T counted as the parser's tag stack counts them), with nothing
    after it on its line, nothing inside that needs the parser's special handling (comments, <script>,
    <style>, <pre>, <textarea>, CDATA, processing instructions), and only plain Markdown before it.

It stops at the first block it is not sure of and leaves the rest of the page to Python-Markdown.
For such a block the HTML parser would do exactly this: store the text verbatim in the HTML stash (with
the newline it keeps before a blank line) and leave "\\n<placeholder>\\n\\n" in its place. This does the
same, so the page converts to the same HTML byte for byte (tests/test_rawhtml.py compares every page of
the real dossier and of a synthetic one with and without it, and random pages of the shapes that decide
where a block ends).
"""

from __future__ import annotations

import functools
import re
from html import unescape

from markdown import Extension
from markdown.preprocessors import Preprocessor

# Where the HTML parser would start a raw block: a block-level tag at the start of a line after a blank line.
_START = re.compile(r"(?:^|(?<=\n\n))<([a-z][a-z0-9]*)(?=[\s>/])")
_TAG_AT = re.compile(r"<([a-z][a-z0-9]*)(?=[\s>/])")
# The parser keeps the blank line after a raw block (and leaves its tail mode) only if the closing tag ends
# its line and a blank line follows.
_BLANK_AFTER = re.compile(r"\n[ ]*\n")
# What only the real parser handles right (comments, CDATA, processing instructions, raw-text elements).
_SPECIAL = re.compile(r"<!--|<!\[CDATA\[|<\?|<(?:script|style|pre|textarea)\b", re.IGNORECASE)
# Any tag at the start of a line (up to three spaces in, as the parser allows).
_LINE_START_TAG = re.compile(r"^ {0,3}</?([a-zA-Z][a-zA-Z0-9]*)", re.MULTILINE)


@functools.cache
def _tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){name}(?=[\s>/])")


def _element_end(text: str, start: int, name: str) -> int | None:
    """Where the element opened at `start` ends (after its "</name>"), counting nested elements of the
    same name as the parser's tag stack does; None if it does not close."""
    depth = 0
    for match in _tag(name).finditer(text, start):
        if not match.group(1):
            depth += 1
            continue
        depth -= 1
        if depth == 0:
            close = text.find(">", match.end())
            return close + 1 if close != -1 and text[match.end():close].strip() == "" else None
    return None


def _plain(gap: str, is_block_level) -> bool:
    """True if the parser reads `gap` (text between two set-aside blocks) without entering raw mode:
    no block-level tag at a line's start, nothing special."""
    if "<" not in gap:
        return True
    if _SPECIAL.search(gap):
        return False
    return not any(is_block_level(m.group(1).lower()) for m in _LINE_START_TAG.finditer(gap))


def set_aside(text: str, store, is_block_level) -> str:
    """`text` with each raw block the parser would find replaced as the parser replaces it; `store(html)`
    stashes a block and returns its placeholder. Stops at the first thing it is not sure of and leaves
    the rest of the page to the parser: from the start up to there, the parser's state is known."""
    out, pos, search_from, next_line = [], 0, 0, None
    while True:
        # A block starts after a blank line, or on the line right after a block that ended its line.
        match = _TAG_AT.match(text, next_line) if next_line is not None else None
        match = match or _START.search(text, search_from)
        next_line = None
        if match is None:
            break
        name = match.group(1)
        if not is_block_level(name):  # inline HTML opening a paragraph: Markdown's, part of the gap
            search_from = match.end()
            continue
        end = _element_end(text, match.start(), name)
        if end is None:
            break
        block = text[match.start():end]
        if _SPECIAL.search(block) or not _plain(text[pos:match.start()], is_block_level):
            break
        if _BLANK_AFTER.match(text, end):
            block += "\n"  # the parser keeps the newline before a blank line in the block
        elif text[end:end + 1] == "\n" or end == len(text):
            next_line = end + 1  # the block ended its line: the next line may start another one
        else:
            break  # text after the closing tag on its line: the parser's tail mode, left to it
        out += [text[pos:match.start()], "\n", store(block), "\n\n"]
        pos = search_from = end
    out.append(text[pos:])
    return "".join(out)


# Ids and <a name>s in HTML (quoted or bare values), for the anchor hand-over below.
# One attribute after another (so that "id=" inside another attribute's value is a value, not an id).
_ATTRIBUTE = re.compile(r"""\s*([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*/""")
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
# Where an id or a name may be: few places in a page, so only their tags are read attribute by attribute.
_CANDIDATE = re.compile(r"""(?<=[\s"'])(?:id|ID|Id|iD|name|NAME|Name)\s*=""")


def anchor_ids(html: str) -> set[str]:
    """The ids (and names of <a>) in `html`, entities decoded, as an HTML parser reads them."""
    ids, done = set(), -1
    for candidate in _CANDIDATE.finditer(html):
        start = html.rfind("<", 0, candidate.start())
        if start <= done or (tag := _TAG_NAME.match(html, start)) is None:
            continue  # a tag read already, or text outside any tag
        is_a, pos = tag.group(1).lower() == "a", tag.end()
        while (attr := _ATTRIBUTE.match(html, pos)) is not None and attr.end() > pos:
            pos = attr.end()
            name = (attr.group(1) or "").lower()
            if name == "id" or (is_a and name == "name"):
                value = next((v for v in attr.groups()[1:] if v is not None), None)
                if value is not None:
                    ids.add(unescape(value))
        done = start
    return ids


class _SetAside(Preprocessor):
    def __init__(self, md):
        super().__init__(md)
        self.anchor_ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        self.anchor_ids = set()
        if "<" not in text:
            return lines

        def store(html: str) -> str:
            self.anchor_ids |= anchor_ids(html)
            return self.md.htmlStash.store(html)

        return set_aside(text, store, self.md.is_block_level).split("\n")


class _HandOverIds(Preprocessor):
    """A generator that collects the anchors of raw HTML with a preprocessor of its own (MkDocs does, to
    check links to `page.md#anchor`) sees only what the set-aside left; it gets the set-aside blocks' ids
    here, right after it ran (any preprocessor with a `present_anchor_ids` set)."""

    def __init__(self, md, aside: _SetAside):
        super().__init__(md)
        self.aside = aside

    def run(self, lines: list[str]) -> list[str]:
        for preprocessor in self.md.preprocessors:
            if isinstance(getattr(preprocessor, "present_anchor_ids", None), set):
                preprocessor.present_anchor_ids |= self.aside.anchor_ids
        return lines


class RawHtmlBlocks(Extension):
    """Registered before Python-Markdown's own raw-HTML preprocessor (priority 20) and before MkDocs'
    anchor collector (21), which then gets the ids of what was set aside."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        aside = _SetAside(md)
        md.preprocessors.register(aside, "dossier_raw_html", 21.2)
        # After MkDocs' anchor collector (21), before Python-Markdown's raw HTML (20).
        md.preprocessors.register(_HandOverIds(md, aside), "dossier_raw_html_ids", 20.5)
