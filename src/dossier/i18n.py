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
    reference: str
    note_label: str
    back_to_timeline: str
    back_to_topic: str
    back_to_bibliography: str
    back: str
    also_in: str
    also_here: str
    only_here: str
    close: str
    highlights: str
    highlight_modes: dict[str, str]
    legend: dict[str, str]
    card_heading: dict[str, str]
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
    # The actor pages and the index. "a|b": singular|plural, chosen by pages.plural(); {n} is the number.
    actor_words: dict[str, str]
    timeline_words: dict[str, str]  # the timeline's overview axis, jumps and filter
    footnote: str
    cited_by: str
    meta: dict[str, str]
    permalink: str
    home_intro: str
    # The home page of a large dossier (pages/urls.py, home_brief): its latest sources, answers counted.
    home_brief: dict[str, str]
    figures: str
    no_claims_topic: str
    export_intro: str
    languages: dict[str, str]
    contested_heading: str
    references: str
    other_claims: str
    # The topics' index, where each topic has its own page (a large dossier, pages/urls.py); "a|b" as above.
    topics_index: dict[str, str]
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
    data_page: dict[str, str]  # the data page's list of exports (#16)

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
    reference="Literatur",
    note_label="Anmerkung {n}: {kind}",
    back_to_timeline="Zur Zeitleiste",
    back_to_topic="Zum Thema",
    back_to_bibliography="Zur Bibliographie",
    back="Zurück",
    also_in="Auch berichtet in",
    also_here="Auch in dieser Quelle",
    only_here="Keine andere Quelle des Dossiers berichtet davon.",
    close="Schließen",
    highlights="Markierungen",
    highlight_modes={"all": "alle", "event": "Ereignisse", "claim": "Aussagen", "citation": "Literatur",
                     "none": "keine"},
    legend={"event": "belegt ein Ereignis der Zeitleiste", "claim": "gibt wieder, wer was sagt",
            "citation": "verweist auf ein zitiertes Werk"},
    card_heading={"event": "Beleg für ein Ereignis", "claim": "Aussage", "citation": "Literaturverweis"},
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
    actor_words={
        "mentions": "{n} Erwähnung|{n} Erwähnungen", "in_sources": "in {n} Quelle|in {n} Quellen",
        "events": "{n} Ereignis|{n} Ereignisse", "claims": "{n} Aussage|{n} Aussagen",
        "on_timeline": "{name} auf der Zeitleiste", "timeline_events": "{n} Ereignis|{n} Ereignisse",
        "co_mentioned": "Tritt auf mit",
        "co_mentioned_intro": "Wer in denselben Absätzen der Quellen am häufigsten genannt wird:",
        "together": "in {n} Absatz|in {n} Absätzen",
        "passages": "Textstellen", "passages_intro": "Jede Zeile ein Absatz, der {name} nennt; der Link führt zu ihm.",
        "more_passages": "{n} weitere Textstelle|{n} weitere Textstellen",
        "not_in_text": "Keine Quelle nennt {name} im Text.",
    },
    timeline_words={
        "axis": "Überblick",
        "axis_intro": ("Alle {n} Ereignisse auf einer Zeitachse; jede Marke führt zum Ereignis in der Liste. "
                       "Die Achse ist gebrochen: jeder Abschnitt hat seinen eigenen Maßstab, der jüngste ist gedehnt."),
        "skip": "Überblick überspringen",
        "scroll": "Die Zeitachse lässt sich seitlich verschieben.",
        "legend_point": "Tag", "legend_bar": "Monat, Jahr oder Zeitraum (die Länge ist die Spanne)",
        "legend_approximate": "ungefähr („um“)", "legend_uncertain": "unsicher",
        "legend_open": "offenes Ende („bis“, „seit“)",
        "jump": "Springen zu", "core": "Kernzeit", "before": "Vorgeschichte",
        "count": "{shown} von {total} Ereignissen, in Überblick und Liste",
        "reset": "Filter zurücksetzen", "whole_quote": "ganzes Zitat",
        "decade_range": "{first}er–{last}er Jahre",
        # A large dossier's timeline, one page per period (pages/urls.py); "a|b": singular|plural.
        "split_intro": ("{n} Ereignisse, nach Zeitabschnitten auf eigenen Seiten. Der Filter nach Akteur und "
                        "Schlagwort wirkt auf der Seite eines Abschnitts; alle Ereignisse eines Akteurs stehen "
                        "auf seiner Seite."),
        "period_events": "{n} Ereignis|{n} Ereignisse", "period_count": "{shown} von {total} Ereignissen",
        "all_periods": "Alle Zeitabschnitte", "periods": "Zeitabschnitte",
    },
    footnote="Fußnote",
    cited_by="zitiert in",
    meta={"authors": "Autoren", "publication": "Medium", "date": "Datum", "language": "Sprache",
          "translated_from": "Übersetzt aus", "url": "URL", "doi": "DOI", "words": "Wörter", "kind": "Textsorte",
          "short_cite": "Kurzzitat"},
    permalink="Permalink",
    home_intro=("Dieses Dossier erschließt {sources} Artikel: wer was wann getan und gesagt hat, wo genau es "
                "steht und ob die Quellen übereinstimmen. Jede Aussage führt mit einem Klick zur Textstelle, "
                "die sie belegt."),
    home_brief=dict(latest="Die {shown} jüngsten der {n} Quellen, die neueste zuerst.", all="Alle Quellen",
                    counts="Je Antwort die Zahl der Quellen; welche es sind, zeigt die Seite der Frage."),
    figures="Umfang",
    no_claims_topic="Noch keine Aussagen zu diesem Thema.",
    export_intro="Alle Daten des Dossiers als eine JSON-Datei, zum Weiterverarbeiten:",
    contested_heading="Wo die Quellen sich widersprechen",
    references="Referenzen",
    other_claims="Weitere Aussagen",
    topics_index=dict(intro="{n} Fragen, jede auf ihrer eigenen Seite; die umstrittenen zuerst.",
                      claims="{n} Aussage|{n} Aussagen", sources="aus {n} Quelle|aus {n} Quellen",
                      other="ohne Thema", back="Alle Themen"),
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
    data_page={
        "intro": ("Das Dossier als Daten für die Werkzeuge der Forschung: Literaturverwaltung, Tabellenkalkulation, "
                  "Annotationswerkzeuge. Jede Datei entsteht beim Bau aus denselben Artikeln und Annotationen."),
        "file": "Datei", "purpose": "wofür", "size": "Größe", "rows": "{n} Zeilen",
        "dossier": "Das ganze Dossier in einer Datei, zum Weiterverarbeiten mit eigenen Programmen.",
        "csl": "Die Artikel und alle Referenzen, die sie machen, als CSL-JSON: für Zotero, Pandoc und andere Literaturverwaltungen.",
        "bibtex": "Dieselben Einträge als BibTeX (BibLaTeX): für LaTeX, JabRef und Zotero.",
        "webanno": ("Jede markierte Textstelle (Beleg, Aussage, Referenz) als W3C-Web-Annotation mit Zitat und Position: "
                    "für Annotationswerkzeuge wie Hypothesis."),
        "datapackage": "Beschreibt die Tabellen (Spalten, Typen, Schlüssel) nach Frictionless Data.",
        "sources": "Tabelle der Quellen.", "actors": "Tabelle der Akteure.", "events": "Tabelle der Ereignisse.",
        "topics": "Tabelle der Themen.", "evidence": "Tabelle der Belege: welche Textstelle welches Ereignis belegt.",
        "claims": "Tabelle der Aussagen: wer was sagt, mit Wortlaut und Stelle.",
        "citations": "Tabelle der Referenzen, mit der zitierenden Stelle.",
        "positions": "Tabelle der Antworten: wie jede Quelle jede Frage beantwortet, gestützt auf welche Aussagen.",
        "tables_note": ("Die Tabellen sind UTF-8-kodiert, mit Kopfzeile; ihre Kennungen verbinden sie (z. B. "
                        "<code>evidence.event</code> = <code>events.id</code>). Mehrere Werte in einem Feld sind "
                        "durch „|“ getrennt, ein leeres Feld heißt unbekannt."),
        "jsonld": ("Außerdem trägt jede Seite ihre Daten als schema.org-JSON-LD (Artikel, Ereignisse, Aussagen, "
                   "Akteure), für Suchmaschinen und Wissensgraphen."),
        "licence": "Lizenz", "stand": "Stand", "cite": "So zitieren Sie das Dossier",
        "cite_format": "{title}. Stand: {stand}.",
    },
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
    reference="Reference",
    note_label="Note {n}: {kind}",
    back_to_timeline="To the timeline",
    back_to_topic="To the topic",
    back_to_bibliography="To the bibliography",
    back="Back",
    also_in="Also reported in",
    also_here="Also in this source",
    only_here="No other source of the dossier reports it.",
    close="Close",
    highlights="Highlights",
    highlight_modes={"all": "all", "event": "events", "claim": "claims", "citation": "references",
                     "none": "none"},
    legend={"event": "evidence for an event on the timeline", "claim": "who says what",
            "citation": "refers to a cited work"},
    card_heading={"event": "Evidence for an event", "claim": "Claim", "citation": "Reference"},
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
    actor_words={
        "mentions": "{n} mention|{n} mentions", "in_sources": "in {n} source|in {n} sources",
        "events": "{n} event|{n} events", "claims": "{n} claim|{n} claims",
        "on_timeline": "{name} on the timeline", "timeline_events": "{n} event|{n} events",
        "co_mentioned": "Appears with",
        "co_mentioned_intro": "Who is named most often in the same paragraphs of the sources:",
        "together": "in {n} paragraph|in {n} paragraphs",
        "passages": "Passages", "passages_intro": "Each line a paragraph that names {name}; the link leads to it.",
        "more_passages": "{n} more passage|{n} more passages",
        "not_in_text": "No source names {name} in its text.",
    },
    timeline_words={
        "axis": "Overview",
        "axis_intro": ("All {n} events on one time axis; each mark leads to the event in the list. The axis is "
                       "broken: each section has its own scale, the most recent one is stretched."),
        "skip": "Skip the overview",
        "scroll": "The time axis scrolls sideways.",
        "legend_point": "day", "legend_bar": "month, year or span (the length is the range)",
        "legend_approximate": "approximate (“c.”)", "legend_uncertain": "uncertain",
        "legend_open": "open end (“until”, “since”)",
        "jump": "Jump to", "core": "Core period", "before": "Background",
        "count": "{shown} of {total} events, in the overview and the list",
        "reset": "Reset the filter", "whole_quote": "whole quote",
        "decade_range": "{first}s–{last}s",
        "split_intro": ("{n} events, by period on pages of their own. The filter by actor and tag works on a "
                        "period's page; all the events of an actor are on the actor's page."),
        "period_events": "{n} event|{n} events", "period_count": "{shown} of {total} events",
        "all_periods": "All periods", "periods": "Periods",
    },
    footnote="Footnote",
    cited_by="cited in",
    meta={"authors": "Authors", "publication": "Outlet", "date": "Date", "language": "Language",
          "translated_from": "Translated from", "url": "URL", "doi": "DOI", "words": "Words", "kind": "Kind of text",
          "short_cite": "Short citation"},
    permalink="Permalink",
    home_intro=("This dossier indexes {sources} articles: who did and said what, when, where exactly it is "
                "written, and whether the sources agree. Every statement leads in one click to the passage "
                "behind it."),
    home_brief=dict(latest="The {shown} most recent of the {n} sources, newest first.", all="All sources",
                    counts="For each answer, the number of sources; the question's page shows which."),
    figures="Scope",
    no_claims_topic="No claims on this topic yet.",
    export_intro="All the dossier's data as one JSON file, for further use:",
    contested_heading="Where the sources disagree",
    references="References",
    other_claims="Other claims",
    topics_index=dict(intro="{n} questions, each on a page of its own; the contested ones first.",
                      claims="{n} claim|{n} claims", sources="from {n} source|from {n} sources",
                      other="without a topic", back="All topics"),
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
    data_page={
        "intro": ("The dossier as data for the tools of research: reference managers, spreadsheets, annotation "
                  "tools. Every file is written by the build from the same articles and annotations."),
        "file": "File", "purpose": "for", "size": "Size", "rows": "{n} rows",
        "dossier": "The whole dossier in one file, for your own programs.",
        "csl": "The articles and every reference they make as CSL-JSON: for Zotero, Pandoc and other reference managers.",
        "bibtex": "The same entries as BibTeX (BibLaTeX): for LaTeX, JabRef and Zotero.",
        "webanno": ("Every highlighted passage (evidence, claim, reference) as a W3C Web Annotation with quote and "
                    "position: for annotation tools such as Hypothesis."),
        "datapackage": "Describes the tables (columns, types, keys) as a Frictionless Data package.",
        "sources": "Table of the sources.", "actors": "Table of the actors.", "events": "Table of the events.",
        "topics": "Table of the topics.", "evidence": "Table of the evidence: which passage supports which event.",
        "claims": "Table of the claims: who says what, with wording and passage.",
        "citations": "Table of the references, with the citing passage.",
        "positions": "Table of the answers: how each source answers each question, resting on which claims.",
        "tables_note": ("The tables are UTF-8 with a header row; their ids join them (e.g. <code>evidence.event</code> "
                        "= <code>events.id</code>). Several values in one cell are separated by \u201c|\u201d; an "
                        "empty cell means unknown."),
        "jsonld": ("Every page also carries its data as schema.org JSON-LD (articles, events, claims, actors), "
                   "for search engines and knowledge graphs."),
        "licence": "Licence", "stand": "As of", "cite": "How to cite the dossier",
        "cite_format": "{title}. As of {stand}.",
    },
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
