"""Stage 3, model: one immutable Dossier, built only from validated input, with the indexes pages need."""

from .types import (
    ACTOR_KINDS, CITATION_TYPES, SOURCE_KINDS, STANCES, Actor, Block, Citation, Claim, Dossier, Event, Evidence,
    MentionSite, Passage, Source, Tag, Topic,
)

__all__ = ["ACTOR_KINDS", "CITATION_TYPES", "SOURCE_KINDS", "STANCES", "Tag", "Actor", "Block", "Citation", "Claim", "Dossier",
           "Event", "Evidence", "MentionSite", "Passage", "Source", "Topic"]
