"""Stage 3, model: one immutable Dossier, built only from validated input, with the indexes pages need."""

from .types import (
    ACTOR_KINDS, CITATION_TYPES, STANCES, Actor, Block, Citation, Claim, Dossier, Event, Evidence, Passage,
    Source, Topic,
)

__all__ = ["ACTOR_KINDS", "CITATION_TYPES", "STANCES", "Actor", "Block", "Citation", "Claim", "Dossier",
           "Event", "Evidence", "Passage", "Source", "Topic"]
