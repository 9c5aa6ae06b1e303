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
    date_unknown_end: str  # EDTF "1985/": the end is unknown, not open
    date_unknown_start: str
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
    source_kinds: dict[str, str]
    translated_from_short: str
    translation_of: str
    provenance_note: str
    provenance_unknown: str
    byline_unknown: dict[str, str]
    provenance_what: dict[str, str]
    cited_as: str
    source_details: str
    first_published: str
    annotated: str
    editorial_title_short: str
    tags: str
    named_only: str
    named_only_intro: str
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
    agree: AgreementWords
    search: dict  # the search box, the results page and the search records' kind labels

    def ordinal(self, n: int) -> str:
        if self.language == "en":
            suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
            return f"{n}{suffix}"
        return f"{n}."

    def language_name(self, code: str | None) -> str | None:
        return self.languages.get(code, code) if code else None


@dataclass(frozen=True)
class AgreementWords:
    """Where the sources agree: the position words, the matrix, the dates each source gives."""

    positions: dict[str, str]  # the scale, plus "not-covered" and "unrated" (derived, never typed)
    matrix_caption: str
    question: str
    position: str
    rests_on: str
    other_claims: str
    dates_disagree: str
    dates_differ: str
    according_to: str
    and_: str
    first_reported: str
    or_: str
    undated_also: str
    home_positions: str
    home_dates: str
    answers_heading: str
    event: str
    dates: str
    legend: str


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
    date_unknown_end="ab {} (Ende unbekannt)",
    date_unknown_start="bis {} (Beginn unbekannt)",
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
    repairs="Redaktionelle Eingriffe in den Text",
    summary="Zusammenfassung",
    text="Text",
    aliases="Schreibweisen",
    role="Rolle",
    kind="Art",
    # A region is no state: Donezk and Luhansk are not filed beside Russland and Ukraine.
    kinds={"person": "Person", "state": "Staat", "region": "Region", "international": "Internationale Organisation",
           "organisation": "Organisation", "party": "Partei", "government": "Regierung",
           "think-tank": "Denkfabrik", "media": "Medium", "publisher": "Verlag"},
    # The dossier reports claims and never vouches for them: "sagt", not "stellt fest" (which states a fact),
    # "erhebt den Vorwurf", not "behauptet" (which casts doubt).
    stances={"asserts": "sagt", "alleges": "erhebt den Vorwurf", "denies": "bestreitet", "doubts": "bezweifelt",
             "expects": "erwartet", "estimates": "schätzt", "warns": "warnt", "proposes": "schlägt vor",
             "reports": "berichtet"},
    source_kinds={"news-report": "Nachrichtenbericht", "commentary": "Kommentar", "analysis": "Analyse",
                  "scholarly-article": "Fachaufsatz", "interview": "Interview", "translation": "Übersetzung",
                  "press-release": "Pressemitteilung", "speech": "Rede", "document": "Dokument"},
    translated_from_short="übersetzt aus dem {}en",
    translation_of="Übersetzung aus dem {}en",
    provenance_note=("„unbekannt“ heißt: Der Text sagt es nicht, und das Dossier rät nicht. Bei einem Text ohne "
                     "Verfasser oder Medium lässt sich nicht prüfen, wer spricht und mit welcher Absicht; seine "
                     "Angaben sind mit entsprechender Vorsicht zu lesen."),
    provenance_unknown=("{what} unbekannt. Damit lässt sich nicht prüfen, wer spricht und mit welcher Absicht; "
                        "die Angaben des Textes sind mit entsprechender Vorsicht zu lesen."),
    byline_unknown={"authors": "Verfasser unbekannt", "publication": "Medium unbekannt", "date": "Datum unbekannt",
                    "kind": "Textsorte unbekannt"},
    provenance_what={"authors": "Verfasser", "publication": "Medium", "both": "Verfasser und Medium"},
    cited_as="Zitiert als",
    source_details="Angaben zur Quelle",
    first_published="Zuerst erschienen in",
    annotated="Erschlossen",
    editorial_title_short="redaktioneller Titel",
    tags="Schlagwörter",
    named_only="Nur genannt",
    named_only_intro=("Medien, Verlage und Herausgeber, die die Quellen nennen oder zitieren, ohne dass sie an "
                      "einem Ereignis beteiligt sind oder eine Aussage machen."),
    contested="umstritten",
    agreed="nicht umstritten",
    no_entries="Keine Einträge.",
    filter_actor="Akteur",
    filter_tag="Schlagwort",
    filter_all="alle",
    filter_count="{shown} von {total} Ereignissen",
    footnote="Fußnote",
    cited_by="zitiert in",
    meta={"authors": "Autoren", "publication": "Medium", "date": "Datum", "language": "Sprache",
          "translated_from": "Übersetzt aus", "url": "URL", "doi": "DOI", "words": "Wörter", "kind": "Textsorte",
          "short_cite": "Kurzzitat"},
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
    data_note=("Datumsangaben stehen so genau wie in der Quelle als Text nach ISO 8601-2 (<code>date</code>) und als "
               "erster und letzter möglicher Tag "
               "(<code>start</code>, <code>end</code>). <code>page</code> und <code>anchor</code> sind Adressen "
               "relativ zur Wurzel der Website."),
    agree=AgreementWords(
        positions={"ja": "ja", "eher-ja": "eher ja", "offen": "offen", "eher-nein": "eher nein", "nein": "nein",
                   "not-covered": "nicht behandelt", "unrated": "ohne Einordnung"},
        matrix_caption="Wie jede Quelle die Fragen beantwortet",
        question="Frage",
        position="Antwort",
        rests_on="gestützt auf",
        other_claims="weitere Aussagen dieser Quelle zum Thema",
        dates_disagree="Die Quellen datieren es verschieden:",
        dates_differ="Datum laut Quellen:",
        according_to="laut",
        and_=" und ",
        first_reported="Zuerst berichtet von ",
        or_=" oder ",
        undated_also="außerdem ohne Datum: ",
        home_positions="Was die Quellen antworten",
        home_dates="Wo die Quellen verschieden datieren",
        answers_heading="Die Antworten der Quellen",
        event="Ereignis",
        dates="Datum laut Quellen",
        legend=("„offen“: die Quelle behandelt die Frage, ohne sie zu beantworten; „nicht behandelt“: keine "
                "Aussage der Quelle zum Thema. Jede Antwort führt zu den Aussagen, auf die sie sich stützt."),
    ),
    languages={"de": "Deutsch", "en": "Englisch", "fr": "Französisch", "ru": "Russisch", "ko": "Koreanisch",
               "zh": "Chinesisch", "ja": "Japanisch", "uk": "Ukrainisch", "pl": "Polnisch"},
    search={"label": "Suche", "placeholder": "Suchen", "submit": "Suchen", "page_title": "Suche",
            "kinds": {"event": "Ereignis", "claim": "Aussage", "source": "Quelle", "actor": "Akteur",
                      "reference": "Literatur"},
            "facets": {"kind": "Art", "source": "Quelle", "actor": "Akteur", "year": "Jahr", "topic": "Thema"},
            "all": "alle", "reset": "Filter zurücksetzen", "loading": "Der Suchindex wird geladen …",
            "none": "Keine Treffer für „{q}“.", "one": "1 Treffer für „{q}“", "many": "{n} Treffer für „{q}“",
            "empty": "Suchbegriff eingeben: ein Wort, einen Namen, ein Thema.", "more": "Alle Treffer anzeigen",
            "filters": "Filter", "query": "Suchbegriff", "noscript": "Die Suche braucht JavaScript."},
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
    date_unknown_end="from {} (end unknown)",
    date_unknown_start="until {} (start unknown)",
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
    repairs="Editorial changes to the text",
    summary="Summary",
    text="Text",
    aliases="Spellings",
    role="Role",
    kind="Kind",
    kinds={"person": "Person", "state": "State", "region": "Region", "international": "International organisation",
           "organisation": "Organisation", "party": "Party", "government": "Government",
           "think-tank": "Think tank", "media": "Media", "publisher": "Publisher"},
    stances={"asserts": "says", "alleges": "alleges", "denies": "denies", "doubts": "doubts",
             "expects": "expects", "estimates": "estimates", "warns": "warns", "proposes": "proposes",
             "reports": "reports"},
    source_kinds={"news-report": "News report", "commentary": "Commentary", "analysis": "Analysis",
                  "scholarly-article": "Scholarly article", "interview": "Interview", "translation": "Translation",
                  "press-release": "Press release", "speech": "Speech", "document": "Document"},
    translated_from_short="translated from {}",
    translation_of="Translation from {}",
    provenance_note=("“unknown” means: the text does not say, and the dossier does not guess. With a text "
                     "whose author or outlet is unknown, one cannot check who speaks and to what end; read its "
                     "statements with corresponding care."),
    provenance_unknown=("{what} unknown. So one cannot check who speaks and to what end; read the text's "
                        "statements with corresponding care."),
    byline_unknown={"authors": "author unknown", "publication": "outlet unknown", "date": "date unknown",
                    "kind": "kind of text unknown"},
    provenance_what={"authors": "Author", "publication": "Outlet", "both": "Author and outlet"},
    cited_as="Cited as",
    source_details="About the source",
    first_published="First published in",
    annotated="Annotated",
    editorial_title_short="editorial title",
    tags="Tags",
    named_only="Named only",
    named_only_intro=("Media, publishers and editors that the sources name or cite, without taking part in an "
                      "event or making a claim."),
    contested="contested",
    agreed="not contested",
    no_entries="No entries.",
    filter_actor="Actor",
    filter_tag="Tag",
    filter_all="all",
    filter_count="{shown} of {total} events",
    footnote="Footnote",
    cited_by="cited in",
    meta={"authors": "Authors", "publication": "Outlet", "date": "Date", "language": "Language",
          "translated_from": "Translated from", "url": "URL", "doi": "DOI", "words": "Words", "kind": "Kind of text",
          "short_cite": "Short citation"},
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
    data_note=("Dates are given as precise as the source, as ISO 8601-2 text (<code>date</code>), and as the first "
               "and last possible day "
               "(<code>start</code>, <code>end</code>). <code>page</code> and <code>anchor</code> are addresses "
               "relative to the site's root."),
    agree=AgreementWords(
        positions={"ja": "yes", "eher-ja": "rather yes", "offen": "open", "eher-nein": "rather no", "nein": "no",
                   "not-covered": "not covered", "unrated": "not rated"},
        matrix_caption="How each source answers the questions",
        question="Question",
        position="Answer",
        rests_on="based on",
        other_claims="more claims of this source on the topic",
        dates_disagree="The sources date it differently:",
        dates_differ="Date according to the sources:",
        according_to="according to",
        and_=" and ",
        first_reported="First reported by ",
        or_=" or ",
        undated_also="also, undated: ",
        home_positions="What the sources answer",
        home_dates="Where the sources give different dates",
        answers_heading="The sources' answers",
        event="Event",
        dates="Date according to the sources",
        legend=("“open”: the source treats the question without answering it; “not covered”: no claim of the "
                "source on the topic. Every answer leads to the claims it rests on."),
    ),
    languages={"de": "German", "en": "English", "fr": "French", "ru": "Russian", "ko": "Korean",
               "zh": "Chinese", "ja": "Japanese", "uk": "Ukrainian", "pl": "Polish"},
    search={"label": "Search", "placeholder": "Search", "submit": "Search", "page_title": "Search",
            "kinds": {"event": "Event", "claim": "Claim", "source": "Source", "actor": "Actor",
                      "reference": "Reference"},
            "facets": {"kind": "Kind", "source": "Source", "actor": "Actor", "year": "Year", "topic": "Topic"},
            "all": "all", "reset": "Reset filters", "loading": "Loading the search index …",
            "none": "No results for “{q}”.", "one": "1 result for “{q}”", "many": "{n} results for “{q}”",
            "empty": "Type a word, a name, a topic.", "more": "Show all results",
            "filters": "Filters", "query": "Search for", "noscript": "Search needs JavaScript."},
)

LANGUAGES = {"de": GERMAN, "en": ENGLISH}


def words_for(language: str) -> Words:
    return LANGUAGES.get(language, GERMAN)
