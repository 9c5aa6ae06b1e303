"""`dossier suggest`: known actors, uncovered dates, new names; on small projects built for each test."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.load import load_project
from dossier.mentions import MentionFinder
from dossier.suggest import UnknownSource, render, suggest
from dossier.suggest.names import Vocabulary, find_names
from dossier.suggest.text import sentence_around, sentence_starts

KNOWN = MentionFinder([("russland", "Russland"), ("nordkorea", "Nordkorea"), ("suedkorea", "Südkorea"),
                       ("wladimir-putin", "Wladimir Putin"), ("wladimir-putin", "Putin"),
                       ("kim-jong-un", "Kim Jong-un")])
# Other text of the dossier: where "westlichen" and "konkreter" are written lowercase, and nouns follow articles.
CORPUS = ("In einer Rede sagte er das. Die westlichen Staaten zögern. Es gibt konkreter Hinweise genug. Putin empfing Kim auf dem "
          "Weltraumbahnhof. Schoigu kam mit. Die Internationale Atomenergieorganisation prüft das.")


def names(text: str) -> list[tuple[str, str]]:
    vocabulary = Vocabulary.of([CORPUS, text])
    return [(c.name, c.kind) for c in find_names([(1, text)], KNOWN, vocabulary)]


@pytest.mark.parametrize("text, expected", [
    ("Nordkoreas Außenministerin Choe Son Hui sprach von einem Erfolg.", ("Choe Son Hui", "person")),
    ("Der neue Verteidigungsminister Andrej Beloussow reiste ab.", ("Andrej Beloussow", "person")),
    ("Das meldete die Koreanische Zentrale Nachrichtenagentur am Abend.",
     ("Koreanische Zentrale Nachrichtenagentur", "media")),
    ("Das sagte Jenny Town vom Stimson Center.", ("Jenny Town", "person")),
    ("Das sagte Jenny Town vom Stimson Center.", ("Stimson Center", "think-tank")),
    ("Laut einem Bericht des Center for Strategic and International Studies wächst der Handel.",
     ("Center for Strategic and International Studies", "think-tank")),
    ("In einer Rede bezeichnete George W. Bush drei Staaten als Achse.", ("George W. Bush", "person")),
    ("Sie zitierte eine Rede von George W. Bush.", ("George W. Bush", "person")),  # "einer Rede": a noun
    ("Sergej Schoigu kam im Juli.", ("Sergej Schoigu", "person")),  # sentence-initial, but a name
    ("Es war eine Geste, die Ri Son Gwon vorschlug.", ("Ri Son Gwon", "person")),  # "die": a pronoun here
    ("Das sagte Jenny Town.", ("Jenny Town", "person")),  # "Das": a pronoun, "sagte" no adjective
    ("Die Partei kritisierte die Koreanische Arbeiterpartei scharf.", ("Koreanische Arbeiterpartei", "party")),
])
def test_finds_names(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "Westliche Beobachter sehen das anders.",  # sentence-initial adjective ("westlichen" elsewhere)
    "Konkrete Beweise gibt es nicht.",  # likewise ("konkreter")
    "Putin empfing Kim auf dem Weltraumbahnhof Wostotschny in Sibirien.",  # a noun ("dem Weltraumbahnhof")
    "Russlands Präsident Wladimir Putin traf Kim Jong-un.",  # known actors and a role
    "zwischen den einstigen Kriegsgegnern Sowjetunion und Südkorea",  # a noun, then a single word
    "Der Handel belief sich auf 45 Millionen US-Dollar.",  # a counted noun
    "Mitte September Putin Besuch",  # dates, known actor, noun
    "Die Beziehungen zwischen Russland und Nordkorea sind wechselvoll.",
    "Nach Angaben Südkoreas Geheimdienst kam er.",
    'Siehe The War Zone: "Limo Gifted From Putin Is Now Carting Kim Around North Korea"',  # a headline
])
def test_finds_no_name_in_common_phrases(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    ("Sergej Schoigus Besuch war kurz. Später kam Sergej Schoigu wieder.", "Sergej Schoigu"),
    ("Es sprach Kim Yo-jong. Dann sprach Kim Yo Jong.", "Kim Yo Jong"),  # the build finds both by one
    ("Er zitierte Joe Biden’s speech. Später kam Joe Biden.", "Joe Biden"),
])
def test_spellings_of_one_name_are_one_candidate(text, name):
    [candidate] = find_names([(3, text)], KNOWN, Vocabulary.of([CORPUS, text]))
    assert (candidate.name, candidate.count, candidate.paragraphs) == (name, 2, (3,))


def test_an_acronym_in_brackets_becomes_an_alias():
    text = "Die Internationale Atomenergieorganisation (IAEO) warnte."
    [candidate] = find_names([(1, text)], KNOWN, Vocabulary.of([CORPUS, text]))
    assert (candidate.name, candidate.acronym) == ("Internationale Atomenergieorganisation", "IAEO")


@pytest.mark.parametrize("text, around, sentence", [
    ("Er kam am 3. März 2022 an. Dann ging er.", "März", "Er kam am 3. März 2022 an."),
    ("Es sprach George W. Bush. Dann Putin.", "Bush", "Es sprach George W. Bush."),
    ("Er schoss.² Ukrainischen Angaben zufolge traf er.", "Angaben", "Ukrainischen Angaben zufolge traf er."),
    ("Er fragte: „Warum?“ Niemand antwortete.", "Warum", "Er fragte: „Warum?“"),
    ("Das kostet z. B. Geld. Ja.", "Geld", "Das kostet z. B. Geld."),
])
def test_sentences(text, around, sentence):
    at = text.index(around)
    assert sentence_around(text, at, at + len(around)) == sentence


def test_sentence_starts():
    assert sentence_starts("Eins. Zwei! Drei? im Jahr 2000. Vier") == [0, 6, 12, 32]


# --- the whole report, on a small project -------------------------------------------------------------------

def write(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip(), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path) -> Path:
    return write(tmp_path, {
        "mkdocs.yml": "site_name: Test\n",
        "sources/bericht.md": """
            ---
            title: Ein Bericht
            title_editorial: false
            authors: []
            publication: null
            date: "2024-06-21"
            language: de
            translated_from: null
            url: null
            doi: null
            ---

            Am 19. Juni 2024 traf Wladimir Putin in Pjöngjang Kim Jong Un. Putin lobte Kim.

            Putins Gastgeber Kim Jong-un sprach von Freundschaft. Im Mai legte Russland ein Veto ein, sagte Ellen Kim.

            Die Außenministerin Choe Son Hui war 1961 noch nicht geboren.

            ¹ Victor Cha (2024): The New Alliance. 20. Juni 2024.
            """,
        "annotations/actors.yml": """
            actors:
            - id: wladimir-putin
              name: Wladimir Putin
              kind: person
            - id: kim-jong-un
              name: Kim Jong-un
              kind: person
              aliases: [Kim Jong Un]
            - id: ellen-kim
              name: Ellen Kim
              kind: person
            - id: russland
              name: Russland
              kind: state
            """,
        "annotations/events.yml": """
            events:
            - id: putin-in-pjoengjang
              date: "2024-06"
              title: Putin besucht Pjöngjang
              actors: [wladimir-putin, kim-jong-un]
              tags: []
            - id: jahre-der-annaeherung
              date: "2022/2024"
              title: Russland und Nordkorea nähern sich an
              actors: [wladimir-putin, kim-jong-un]
              tags: []
            """,
        "annotations/sources/bericht.yml": """
            evidence:
              - event: putin-in-pjoengjang
                quote: Im Mai legte Russland ein Veto ein
            """,
    })


def test_report_on_a_small_project(project):
    s = suggest(load_project(project)[0], "bericht")
    assert [(a.id, a.count, a.paragraphs) for a in s.actors] == [
        ("wladimir-putin", 3, (1, 2)), ("kim-jong-un", 2, (1, 2)), ("ellen-kim", 1, (2,)), ("russland", 1, (2,))]
    # "Putin" after "Wladimir Putin" is his short form in this source; "Kim" alone is left alone: the source
    # names both Kim Jong-un and Ellen Kim.
    assert s.short_names == ()
    assert s.ambiguous == (("Kim", ("ellen-kim", "kim-jong-un")),)
    # "Im Mai" stands in an evidence quote; the footnote's dates are the reference's, not events.
    assert [(d.paragraph, d.mention.edtf) for d in s.dates] == [(1, "2024-06-19"), (3, "1961")]
    assert (s.covered_dates, s.footnotes) == (1, 1)
    first = s.dates[0]
    assert first.quote == "Am 19. Juni 2024 traf Wladimir Putin in Pjöngjang Kim Jong Un."
    assert first.actors == ("wladimir-putin", "kim-jong-un")
    assert [e.id for e in first.existing] == ["putin-in-pjoengjang"]  # not the far vaguer 2022/2024
    assert [(c.name, c.kind) for c in s.names] == [("Choe Son Hui", "person")]


def test_stubs_follow_the_target_files_indentation(project):
    text = render(suggest(load_project(project)[0], "bericht"))
    assert "\n- id: bericht-2024-06-19\n  date: \"2024-06-19\"\n" in text  # events.yml lists at column 1
    assert "\n  - event: bericht-2024-06-19\n    quote: \"Am 19. Juni 2024 traf" in text  # the source's file: 3
    assert "\n- id: choe-son-hui  # ¶ 3 (1×)\n  name: \"Choe Son Hui\"\n  kind: person" in text


def test_cli_suggest(project, monkeypatch):
    monkeypatch.chdir(project / "sources")  # like mkdocs, dossier finds the project upwards
    result = CliRunner().invoke(main, ["suggest", "bericht"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# dossier suggest bericht: sources/bericht.md, dated 2024-06-21\n")
    assert "„1961“ → 1961" in result.output
    assert "'Kim' alone may mean ellen-kim or kim-jong-un, each named here: counted for none" in result.output


def test_an_unknown_source_is_named_with_a_hint(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["suggest", "berricht"])
    assert result.exit_code == 1
    assert "there is no source 'berricht'; did you mean 'bericht'?" in result.output
    with pytest.raises(UnknownSource):
        suggest(load_project(project)[0], "nichts")


def test_each_paragraph_is_folded_once_not_once_per_quote(project, monkeypatch):
    # Folding is the costly part of finding a quote: per quote and paragraph it grows as quotes x text.
    import dossier.suggest
    from dossier import textmatch

    calls = []
    fold = textmatch.fold
    counting = lambda text: calls.append(text) or fold(text)  # noqa: E731
    monkeypatch.setattr(textmatch, "fold", counting)
    monkeypatch.setattr(dossier.suggest, "fold", counting, raising=False)
    s = suggest(load_project(project)[0], "bericht")
    assert len(s.dates) == 2 and s.covered_dates == 1
    assert sorted(calls) == sorted(set(calls)) and len(calls) == 4  # the four paragraphs, each once


@pytest.mark.parametrize("aliases, putin_count", [("5", 3), ("Putin", 4), ("{Wowa: 1}", 3)])
def test_suggest_reads_mistyped_aliases_as_well_as_it_can(project, aliases, putin_count):
    # Editors run suggest while the annotations still have errors: a mistyped value is no traceback, and a
    # single alias written without brackets is still that alias, not five one-letter ones.
    actors = project / "annotations" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("name: Wladimir Putin\n", f"name: Wladimir Putin\n  aliases: {aliases}\n"),
                      encoding="utf-8")
    # "Putin" before "Wladimir Putin" counts only as an alias (after the full name it is his short form).
    source = project / "sources" / "bericht.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Am 19. Juni", "Putin kam. Am 19. Juni"),
                      encoding="utf-8")
    s = suggest(load_project(project)[0], "bericht")
    assert {a.id: a.count for a in s.actors}["wladimir-putin"] == putin_count
