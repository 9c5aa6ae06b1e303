"""exports/parts.py puts a JSON file together from lists whose items were encoded apart (and, under
`dossier serve`, kept with their indentation between rebuilds): byte for byte what json.dumps of the whole
document gives, at any depth, for any indent, the second time from what the first kept as well."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.exports import parts

SCALARS = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=12)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)


class _Holder:
    indented: dict = {}


@st.composite
def documents(draw):
    """(document, the same with some of its lists as Parts, the holders of those Parts): lists at any depth."""
    holders: list[_Holder] = []
    indent = draw(st.sampled_from([None, 1, 2]))

    def split(value, depth):
        if isinstance(value, dict):
            return {k: split(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            items = [split(v, depth + 1) for v in value]
            if draw(st.booleans()) and not any(isinstance(v, parts.Parts) for v in items):
                cuts = sorted(draw(st.lists(st.integers(0, len(value)), max_size=3)))
                groups = [value[a:b] for a, b in zip([0, *cuts], [*cuts, len(value)])]
                holder = draw(st.sampled_from(holders + [_Holder(), None]))
                if holder is not None and holder not in holders:
                    holders.append(holder)
                return parts.Parts((parts.items(g, indent) for g in groups), holder)
            return items
        return value

    document = {"records": draw(st.lists(VALUES, max_size=5)), "meta": draw(VALUES)}
    return indent, document, split(document, 0)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(documents())
def test_parts_put_together_are_json_dumps_of_the_whole_also_from_what_was_kept(case):
    indent, document, split = case
    options = {"ensure_ascii": False, **({"indent": indent} if indent is not None else {"separators": (",", ":")})}
    expected = "<" + json.dumps(document, **options) + ">\n"
    assert parts.dumps(split, indent, start="<", end=">\n") == expected
    assert parts.dumps(split, indent, start="<", end=">\n") == expected  # the second time from what was kept


def test_escape_applies_to_the_text_around_the_parts():
    document = {"a": "</x", "list": parts.Parts(['"<\\/y"'])}
    assert parts.dumps(document, None, escape=lambda t: t.replace("</", "<\\/")) == '{"a":"<\\/x","list":["<\\/y"]}'


def test_a_part_kept_at_one_depth_is_indented_anew_at_another():
    holder, item = _Holder(), {"a": [1, 2]}
    document = {"top": [item], "deeper": {"list": [item]}}
    split = {"top": parts.Parts([parts.items([item], 1)], holder),
             "deeper": {"list": parts.Parts([parts.items([item], 1)], holder)}}
    for _ in range(2):
        assert parts.dumps(split, 1) == json.dumps(document, ensure_ascii=False, indent=1)
