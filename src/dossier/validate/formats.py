"""Formats of single values (URLs, DOIs, language codes, Wikidata ids) and names that two actors share.

Each check returns None for a good value, else (code, message, hint): the caller knows the place.
ASCII classes throughout: Python's `\\d` and `\\w` also take "２０２３" and "٢٠٢٣".
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from ..load.located_yaml import LocDict, LocList, Pos

Problem = tuple[str, str, str]

_DOI = re.compile(r"10\.[0-9]{4,9}/[!-~]+")  # printable ASCII after the prefix, no spaces
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  # ISO 639 code, optionally with a BCP 47 subtag
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


def url_problem(value: str) -> Problem | None:
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        host, parts = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        return ("bad-url", f"'{value}' is not a web address (http or https, with a host)",
                "write the whole address as the browser shows it, e.g. https://www.example.org/artikel; "
                "null if there is none")
    return None


def doi_problem(value: str) -> Problem | None:
    if _DOI.fullmatch(value):
        return None
    bare = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.IGNORECASE)
    hint = (f"write the DOI without its prefix: {bare}" if bare != value and _DOI.fullmatch(bare)
            else "a DOI starts with '10.', digits, '/', e.g. 10.48269/2451-0610-ksm-2024-008")
    return "bad-doi", f"'{value}' is not a DOI", hint


def language_problem(value: str) -> Problem | None:
    if _LANGUAGE.fullmatch(value):
        return None
    return ("bad-language", f"'{value}' is not a language code",
            "write the ISO 639-1 code in lower case: de, en, fr, ru, ko, zh ...")


def wikidata_problem(value: str) -> Problem | None:
    if _WIKIDATA.fullmatch(value):
        return None
    return "bad-wikidata", f"'{value}' is not a Wikidata id", "write the item's id as Wikidata shows it, e.g. Q56226"


CHECKS = {"url": url_problem, "doi": doi_problem, "language": language_problem, "wikidata": wikidata_problem}


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def shared_names(entries: list[tuple[object, LocDict]]) -> list[tuple[object, Pos, str, str]]:
    """(checker, place, message, hint) for every name or alias that an earlier actor has already: mentions
    of it could not be told apart. `entries` are (checker, actor entry) in file order."""
    first: dict[str, tuple[str, str, Pos]] = {}  # key -> (actor id, path, place)
    found = []
    for checker, item in entries:
        names: list[tuple[str, Pos]] = []
        if isinstance(item.get("name"), str):
            names.append((item["name"], item.value_pos["name"]))
        aliases = item.get("aliases")
        if isinstance(aliases, LocList):
            names += [(a, p) for a, p in zip(aliases, aliases.item_pos) if isinstance(a, str)]
        own: set[str] = set()
        for name, pos in names:
            key = _key(name)
            if not key or key in own:
                continue
            own.add(key)
            if key in first and first[key][0] != item.get("id"):
                other, path, at = first[key]
                found.append((checker, pos, f"'{' '.join(name.split())}' names two actors: '{item.get('id')}' and '{other}'",
                              f"'{other}' has it at {path}:{at.line}:{at.col}; keep it with the one the sources "
                              "mean by it, or write both out in full"))
            else:
                first.setdefault(key, (item.get("id"), checker.path, pos))
    return found
