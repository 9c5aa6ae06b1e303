"""Editor-chosen ids that would meet a generated id on the same page. Most cannot (pages/ids.py says why);
on the topics page a topic's id stands beside the generator's heading 'weitere-aussagen' and the claims'
'k-<claim id>'."""

from __future__ import annotations

from ..diagnostics import Diagnostic

TOPICS_PAGE_IDS = ("weitere-aussagen",)


def collisions(defined) -> list[Diagnostic]:
    """`defined`: kind -> _Defined (id -> (path, place)) of one validation run."""
    topics, claims = defined["topic"].places, defined["claim"].places
    found = []
    for topic_id, (path, pos) in topics.items():
        if topic_id == "index":  # a large dossier gives each topic a page, themen/<id>: this one is the index's
            found.append(Diagnostic(path, pos.line, pos.col, "reserved-id",
                                    "topic id 'index' is the name of the topics' index page",
                                    "give the topic another id"))
        elif topic_id in TOPICS_PAGE_IDS:
            found.append(Diagnostic(path, pos.line, pos.col, "reserved-id",
                                    f"topic id '{topic_id}' is the id of a heading the topics page makes",
                                    "give the topic another id"))
        elif topic_id.startswith("k-") and topic_id[2:] in claims:
            claim_path, claim_pos = claims[topic_id[2:]]
            found.append(Diagnostic(path, pos.line, pos.col, "reserved-id",
                                    f"topic id '{topic_id}' is the anchor of claim '{topic_id[2:]}' on the topics page",
                                    f"the claim is at {claim_path}:{claim_pos.line}:{claim_pos.col}; give the topic "
                                    "another id (one not starting with 'k-')"))
    return found
