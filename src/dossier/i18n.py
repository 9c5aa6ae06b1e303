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
    contested_heading: str
    references: str
    other_claims: str
    bibliography_intro: str
    ibid: str
    in_container: str
    title: str
    editorial_short: str
    data_key: str
    data_entries: str
    data_note: str

    def ordinal(self, n: int) -> str:
        if self.language == "en":
            suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
            return f"{n}{suffix}"
        return f"{n}."

    def language_name(self, code: str | None) -> str | None:
        return self.languages.get(code, code) if code else None


GERMAN = Words(
    language="de",
    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember"),
    seasons=("Frühling", "Sommer", "Herbst", "Winter"),
    day="{day}. {month} {year}",
    decade="{}er Jahre",
    century="{} Jahrhundert",
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
    contested_heading="Wo die Quellen sich widersprechen",
    references="Referenzen",
    other_claims="Weitere Aussagen",
    bibliography_intro="{n} Referenzen, nach zitierender Quelle.",
    ibid="Ebd.",
    in_container="In: {}.",
    title="Titel",
    editorial_short="red.",
    data_key="Schlüssel",
    data_entries="Einträge",
    data_note=("Datumsangaben stehen als EDTF-Text (<code>date</code>) und als erster und letzter möglicher Tag "
               "(<code>start</code>, <code>end</code>). <code>page</code> und <code>anchor</code> sind Adressen "
               "relativ zur Wurzel der Website."),
    languages={"de": "Deutsch", "en": "Englisch", "fr": "Französisch", "ru": "Russisch", "ko": "Koreanisch",
               "zh": "Chinesisch", "ja": "Japanisch", "uk": "Ukrainisch", "pl": "Polnisch"},
)

ENGLISH = Words(
    language="en",
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"),
    seasons=("spring", "summer", "autumn", "winter"),
    day="{day} {month} {year}",
    decade="{}s",
    century="{} century",
    approximate="c. {}",
    uncertain="{} (uncertain)",
    date_since="since {}",
    date_until="until {}",
    undated="undated",
    home="Home",
    timeline="Timeline",
    sources="Sources",
    actors="Actors",
    topics="Topics",
    bibliography="Bibliography",
    data="Data",
    events="Events",
    claims="Claims",
    claims_by="Claims by",
    claims_about="Claims about",
    citations="Works cited",
    mentions="Mentions",
    evidence="Evidence",
    event="Event",
    claim="Claim",
    paragraph="Paragraph",
    author_voice="Author of the source",
    unknown="unknown",
    editorial_title="editorial title; the article came without a headline",
    repairs="Repairs to the received text",
    summary="Summary",
    text="Text",
    aliases="Spellings",
    role="Role",
    kind="Kind",
    kinds={"person": "Person", "state": "State", "international": "International organisation",
           "organisation": "Organisation", "party": "Party", "government": "Government",
           "think-tank": "Think tank", "media": "Media"},
    stances={"asserts": "asserts", "alleges": "alleges", "denies": "denies", "doubts": "doubts",
             "expects": "expects", "estimates": "estimates", "warns": "warns", "proposes": "proposes",
             "reports": "reports"},
    contested="contested",
    agreed="not contested",
    no_entries="No entries.",
    filter_actor="Actor",
    filter_tag="Tag",
    filter_all="all",
    filter_count="{shown} of {total} events",
    footnote="Footnote",
    cited_by="cited in",
    meta={"authors": "Authors", "publication": "Publication", "date": "Date", "language": "Language",
          "translated_from": "Translated from", "url": "URL", "doi": "DOI", "path": "File", "words": "Words"},
    permalink="Permalink",
    home_intro=("This dossier indexes {sources} articles: who did and said what, when, where exactly it is "
                "written, and whether the sources agree. Every statement leads in one click to the passage "
                "behind it."),
    figures="Scope",
    no_claims_topic="No claims on this topic yet.",
    export_intro="All the dossier's data as one JSON file, for further use:",
    contested_heading="Where the sources disagree",
    references="References",
    other_claims="Other claims",
    bibliography_intro="{n} references, by citing source.",
    ibid="Ibid.",
    in_container="In: {}.",
    title="Title",
    editorial_short="ed.",
    data_key="Key",
    data_entries="Entries",
    data_note=("Dates are given as EDTF text (<code>date</code>) and as the first and last possible day "
               "(<code>start</code>, <code>end</code>). <code>page</code> and <code>anchor</code> are addresses "
               "relative to the site's root."),
    languages={"de": "German", "en": "English", "fr": "French", "ru": "Russian", "ko": "Korean",
               "zh": "Chinese", "ja": "Japanese", "uk": "Ukrainian", "pl": "Polish"},
)

LANGUAGES = {"de": GERMAN, "en": ENGLISH}


def words_for(language: str) -> Words:
    return LANGUAGES.get(language, GERMAN)
