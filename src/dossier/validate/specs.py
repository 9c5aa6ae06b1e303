"""What each kind of record may contain. The annotation format documented for editors, as data."""

from ..model import ACTOR_KINDS, CITATION_TYPES, SOURCE_KINDS, STANCES
from .fields import Field

SOURCE_META = (
    Field("title", "text", required=True, nullable=False, example="Russland und Nordkorea schmieden eine neue Allianz"),
    Field("title_editorial", "bool", required=True, nullable=False, example="false"),
    Field("authors", "texts", required=True, example="[Ralf Havertz]"),
    Field("publication", "text", required=True),
    Field("date", "date", required=True, example='"2024-06"'),
    Field("language", "text", required=True, example="de", format="language"),
    Field("translated_from", "text", required=True, example="fr", format="language"),
    Field("url", "text", required=True, format="url"),
    Field("doi", "text", required=True, format="doi"),
    Field("repairs", "texts"),
    # Provenance a reader needs first: what kind of text it is (null where the text does not show it), and a
    # short title for the short citation of a text without author ("Pakt der Parias" -> "Pakt der Parias 2023").
    Field("kind", "text", choices=SOURCE_KINDS, example="commentary"),
    Field("short", "text", example="Pakt der Parias"),
    Field("first_published", "text", example="WeltTrends 202 (2024), S. 5–12"),
)

ACTOR = (
    Field("id", "id", required=True, nullable=False, example="kim-jong-un"),
    Field("name", "text", required=True, nullable=False, example="Kim Jong-un"),
    Field("kind", "text", required=True, nullable=False, choices=ACTOR_KINDS, example="person"),
    Field("role", "text"),
    Field("aliases", "texts", example="[Kim Jong Un]"),
    Field("wikidata", "text", example="Q56226", format="wikidata"),
    Field("surname", "text", example="Kim"),
)

TAG = (
    Field("id", "id", required=True, nullable=False, example="militaer"),
    Field("label", "text", required=True, nullable=False, example="Militär"),
)

EVENT = (
    Field("id", "id", required=True, nullable=False, example="kim-besucht-russland-2023-09"),
    Field("date", "date", required=True, nullable=False, example='"2023-09"'),
    Field("title", "text", required=True, nullable=False, example="Kim Jong-un reist nach Russland"),
    Field("actors", "ids", required=True, example="[kim-jong-un, wladimir-putin]"),
    Field("tags", "ids", example="[gipfel]"),
    Field("note", "text"),
)

TOPIC = (
    Field("id", "id", required=True, nullable=False, example="waffenlieferungen"),
    Field("question", "text", required=True, nullable=False, example="Liefert Nordkorea Waffen an Russland?"),
    Field("contested", "bool", example="true"),
    Field("disagreement", "text"),
    Field("answers", "list"),
    Field("multiple", "bool", example="true"),
)

ANSWER = (
    Field("id", "id", required=True, nullable=False, example="wechselhaft"),
    Field("label", "text", required=True, nullable=False, example="wechselhaft"),
)

SOURCE_ANNOTATIONS = (
    Field("summary", "text"),
    Field("evidence", "list"),
    Field("claims", "list"),
    Field("citations", "list"),
    Field("positions", "list"),
)

EVIDENCE = (
    Field("event", "id", required=True, nullable=False, example="kim-besucht-russland-2023-09"),
    Field("quote", "text", required=True, nullable=False, example="Mitte September reiste Kim Jong-un ..."),
    Field("date", "date", example='"2023-09"'),
)

POSITION = (
    Field("topic", "id", required=True, nullable=False, example="echte-allianz"),
    Field("position", "choice", required=True, nullable=False, example="eher-nein"),
    Field("claims", "ids", example="[bequem-keine-neue-allianz]"),  # required, but checked with a better hint
    Field("note", "text"),
)

CLAIM = (
    Field("id", "id", required=True, nullable=False, example="parias-putin-kooperation"),
    Field("claimant", "id", required=True, nullable=False, example="wladimir-putin"),
    Field("stance", "text", required=True, nullable=False, choices=STANCES, example="asserts"),
    Field("topic", "id", example="waffenlieferungen"),
    Field("about", "ids", example="[nordkorea]"),
    Field("text", "text", required=True, nullable=False),
    Field("quote", "text", required=True, nullable=False),
)

CITATION = (
    Field("id", "id", required=True, nullable=False, example="cha-kim-2024"),
    Field("marker", "marker", example='"2"'),
    Field("quote", "text", required=True, nullable=False),
    Field("type", "text", choices=CITATION_TYPES, example="report"),
    Field("authors", "texts", example="[Victor Cha, Ellen Kim]"),
    Field("title", "text"),
    Field("container", "text"),
    Field("publisher", "text"),
    Field("date", "date", example='"2024-06-20"'),
    Field("url", "text", format="url"),
    Field("doi", "text", format="doi"),
    Field("repeats", "id"),
    Field("note", "text"),
)
