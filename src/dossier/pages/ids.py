"""Every id on a page is unique. The templates keep the generator's ids apart from the editors' (editors'
ids are slugs without '_'; headings made from text get explicit ids), validate/ids.py refuses the few
editor ids that could still meet a generated one, and this check, run on every built page, makes sure."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids[value] += 1

    handle_startendtag = handle_starttag


def duplicate_ids(html: str) -> list[str]:
    """The ids that occur more than once in `html`, sorted."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return sorted(i for i, n in parser.ids.items() if n > 1)
