"""The generator's own words. Everything a reader sees that is not from sources/ or annotations/ comes
from here, so an English dossier is one more table in LANGUAGES and a setting (`language: en`), not a fork.
A language without a table is an error (project.load_dossier), never a silent fallback to German."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    language: str
    months: tuple[str, ...]
    seasons: tuple[str, ...]
    day: str
    decade: str
    century: str
    approximate: str
    uncertain: str
    date_since: str
    date_until: str
    undated: str
    home: str
    timeline: str
    sources: str
    actors: str
    topics: str
    bibliography: str
    data: str
    events: str
    claims: str
    claims_by: str
    claims_about: str
    citations: str
    mentions: str
    evidence: str
    event: str
    claim: str
    paragraph: str
    author_voice: str
    unknown: str
    editorial_title: str
    repairs: str
    summary: str
    text: str
    aliases: str
    role: str
    kind: str
    kinds: dict[str, str]
    stances: dict[str, str]
    contested: str
    agreed: str
    no_entries: str
    filter_actor: str
    filter_tag: str
    filter_all: str
    filter_count: str
    footnote: str
    cited_by: str
    meta: dict[str, str]
    permalink: str
    home_intro: str
    figures: str
    no_claims_topic: str
    export_intro: str
    languages: dict[str, str]

    def language_name(self, code: str | None) -> str | None:
        return self.languages.get(code, code) if code else None


GERMAN = Words(
    language="de",
    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember"),
    seasons=("Frühling", "Sommer", "Herbst", "Winter"),
    day="{day}. {month} {year}",
    decade="{}er Jahre",
    century="{}. Jahrhundert",
    approximate="um {}",
    uncertain="{} (unsicher)",
    date_since="seit {}",
    date_until="bis {}",
    undated="undatiert",
    home="Start",
    timeline="Zeitleiste",
    sources="Quellen",
    actors="Akteure",
    topics="Themen",
    bibliography="Bibliographie",
    data="Daten",
    events="Ereignisse",
    claims="Aussagen",
    claims_by="Aussagen von",
    claims_about="Aussagen über",
    citations="Zitierte Literatur",
    mentions="Erwähnungen",
    evidence="Belege",
    event="Ereignis",
    claim="Aussage",
    paragraph="Absatz",
    author_voice="Verfasser der Quelle",
    unknown="unbekannt",
    editorial_title="redaktioneller Titel; der Artikel kam ohne Überschrift",
    repairs="Reparaturen am empfangenen Text",
    summary="Zusammenfassung",
    text="Text",
    aliases="Schreibweisen",
    role="Rolle",
    kind="Art",
    kinds={"person": "Person", "state": "Staat", "international": "Internationale Organisation",
           "organisation": "Organisation", "party": "Partei", "government": "Regierung",
           "think-tank": "Denkfabrik", "media": "Medium"},
    stances={"asserts": "stellt fest", "alleges": "behauptet", "denies": "bestreitet", "doubts": "bezweifelt",
             "expects": "erwartet", "estimates": "schätzt", "warns": "warnt", "proposes": "schlägt vor",
             "reports": "berichtet"},
    contested="umstritten",
    agreed="nicht umstritten",
    no_entries="Keine Einträge.",
    filter_actor="Akteur",
    filter_tag="Schlagwort",
    filter_all="alle",
    filter_count="{shown} von {total} Ereignissen",
    footnote="Fußnote",
    cited_by="zitiert in",
    meta={"authors": "Autoren", "publication": "Publikation", "date": "Datum", "language": "Sprache",
          "translated_from": "Übersetzt aus", "url": "URL", "doi": "DOI", "path": "Datei", "words": "Wörter"},
    permalink="Permalink",
    home_intro=("Dieses Dossier erschließt {sources} Artikel: wer was wann getan und gesagt hat, wo genau es "
                "steht und ob die Quellen übereinstimmen. Jede Aussage führt mit einem Klick zur Textstelle, "
                "die sie belegt."),
    figures="Umfang",
    no_claims_topic="Noch keine Aussagen zu diesem Thema.",
    export_intro="Alle Daten des Dossiers als eine JSON-Datei, zum Weiterverarbeiten:",
    languages={"de": "Deutsch", "en": "Englisch", "fr": "Französisch", "ru": "Russisch", "ko": "Koreanisch",
               "zh": "Chinesisch", "ja": "Japanisch", "uk": "Ukrainisch", "pl": "Polnisch"},
)

LANGUAGES = {"de": GERMAN}


def words_for(language: str) -> Words:
    return LANGUAGES.get(language, GERMAN)
