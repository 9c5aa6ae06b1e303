"""Every id on a page is unique. The templates keep the generator's ids apart from the editors' (editors'
ids are slugs without '_'; headings made from text get explicit ids), validate/ids.py refuses the few
editor ids that could still meet a generated one, and this check, run on every built page, makes sure."""

from __future__ import annotations

import re
from collections import Counter

# An id attribute inside a start tag. A regular expression, not an HTML parser (ten times faster on the
# built site, with the same result): every text from the input is escaped, so each '<' on a page opens a
# tag, and attribute values cannot hold a '>'.
_ID = re.compile(r"<[A-Za-z][^>]*?\sid=(?:\"([^\"]*)\"|'([^']*)')")


def id_counts(html: str) -> Counter[str]:
    return Counter(double or single for double, single in _ID.findall(html))


def duplicate_ids(html: str) -> list[str]:
    """The ids that occur more than once in `html`, sorted."""
    return sorted(i for i, n in id_counts(html).items() if n > 1)
