"""Limits on input that no honest file reaches, so hostile or broken input ends in a diagnostic, not in
exhausted memory, a RecursionError or a hang. Documented in docs/annotation-format.md ("Grenzen").

The figures of the real dossier, for scale: the largest file has 34 KB, the longest line 1,346 characters,
the deepest nesting 4 levels, and no file uses an alias (`&name`, `*name`).
"""

from __future__ import annotations

import re
from typing import Iterator

#: Bytes per input file (an article, a source's annotations).
MAX_FILE_BYTES = 1024 * 1024
#: Bytes per shared annotation file (actors.yml, events.yml, ...): these grow with the dossier, one file
#: for all its articles (events.yml of 1,000 articles has about 2.4 MB, 12,000 events).
MAX_SHARED_FILE_BYTES = 16 * 1024 * 1024
#: Characters per line.
MAX_LINE_CHARS = 20_000
#: Levels of YAML lists and mappings inside each other.
MAX_DEPTH = 20
#: YAML values that aliases (`*name`) copy into a file, all aliases together.
MAX_ALIAS_VALUES = 10_000

# C0 controls except tab and line feed (a carriage return is gone after reading in text mode), DEL and
# the C1 range: invisible in an editor, harmful in a terminal (ESC) or a page (NUL).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_characters(text: str) -> Iterator[tuple[int, str]]:
    """(offset, character) of every control character in `text`."""
    for match in CONTROL.finditer(text):
        yield match.start(), match.group()


def char_name(char: str) -> str:
    """How a control character is named to an editor: U+001B (ESC)."""
    names = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x85": "NEL"}
    code = f"U+{ord(char):04X}"
    return f"{code} ({names[char]})" if char in names else code


CONTROL_HINT = "delete it: it is invisible in most editors (it may have come with text copied from a PDF or a terminal)"


def long_line(text: str) -> tuple[int, int] | None:
    """(line, length) of the first line longer than MAX_LINE_CHARS, or None."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return number, len(line)
    return None
