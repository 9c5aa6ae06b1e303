"""A synthetic dossier of N articles at the real dossier's density, for the benchmark (scripts/bench.py).

Per article, as in the five real ones: about 1,300 words in about 18 paragraphs and two subheadings,
29 evidence quotes, 20 claims and 7 citations with their footnotes; every quote a whole sentence of the
text, verbatim and unique. The words come from the real articles (so word lengths and umlauts are
German), shuffled into new sentences. Actors grow with the corpus (about 5.75 new ones per article,
575 at N = 100), each named in the texts by its name or an alias; popular actors (states, leaders)
recur in many articles. About 12 new events per article, and evidence for about 5 events of earlier
articles: events are shared across sources. The same seed gives the same dossier.

Also writes a bare MkDocs + Material project of the same article texts (same theme, a small nav), the
yardstick the dossier's build is measured against.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SYLLABLES = ("ka ro mi ne su ta lo pe vi dra kon stan berg hau sen wal ler ma ri an jo tek bu zo "
             "fel gra mun osch ilt ev dor pra lju wes ni tscha hol").split()
KINDS = ("person", "person", "person", "organisation", "state", "government", "think-tank", "media", "party")
STANCES = ("asserts", "alleges", "denies", "doubts", "expects", "estimates", "warns", "proposes", "reports")
TAGS = ("diplomatie", "militaer", "wirtschaft", "sanktionen", "geschichte", "gipfel", "nuklear", "krieg")
ACTORS_PER_ARTICLE = 5.75
WORDS, PARAGRAPHS, EVIDENCE, CLAIMS, CITATIONS = 1300, 18, 29, 20, 7
NEW_EVENTS, OLD_EVENTS = 12, 5


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)


def _word(n: int, rng: random.Random) -> str:
    """A pronounceable word, distinct for every n (its syllables spell n in base len(SYLLABLES))."""
    syllables = []
    while True:
        n, digit = divmod(n, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
        if n == 0:
            break
    syllables.append(rng.choice(SYLLABLES))  # two names never differ only in their last syllable's place
    return "".join(syllables).capitalize()


def _actor(index: int, rng: random.Random, taken: set[str]) -> Actor:
    kind = rng.choice(KINDS)
    core = _word(index, rng)
    if kind == "person":
        first = rng.choice(["Anna", "Sergej", "Min", "Ralf", "Olga", "Jin", "Paul", "Lara", "Boris", "Eun"])
        actor = Actor(f"p-{core.lower()}", f"{first} {core}", kind)
        if rng.random() < 0.5:
            actor.aliases.append(core)  # the surname alone, as "Putin"
        if rng.random() < 0.3:
            actor.aliases.append(f"{first[0]}. {core}")
    else:
        noun = {"organisation": "Institut", "state": "Republik", "government": "Regierung", "think-tank": "Zentrum",
                "media": "Rundschau", "party": "Partei"}[kind]
        actor = Actor(f"o-{core.lower()}", f"{core}-{noun}", kind)
        acronym = f"{core[:2].upper()}{noun[0]}"
        if rng.random() < 0.6 and acronym not in taken:  # a name of two actors is an error (shared-alias)
            actor.aliases.append(acronym)  # an acronym
            taken.add(acronym)
    return actor


class Corpus:
    def __init__(self, n: int, seed: int = 1):
        self.n, self.rng = n, random.Random(seed)
        text = " ".join(p.read_text(encoding="utf-8").split("---", 2)[-1] for p in sorted((ROOT / "sources").glob("*.md")))
        self.vocabulary = [w for w in re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", text)]
        self.actors: list[Actor] = []
        self.acronyms: set[str] = set()  # acronyms given out: each names one actor
        self.events: list[dict] = []
        self.topics = [{"id": f"frage-{i:03d}", "question": f"{self._sentence(8).rstrip('.')}?", "contested": i % 3 == 0,
                        "disagreement": self._sentence(12) if i % 3 == 0 else None} for i in range(10 + n // 10)]

    def _sentence(self, length: int, names: tuple[str, ...] = ()) -> str:
        words = [self.rng.choice(self.vocabulary) for _ in range(length)]
        for name in names:
            words.insert(self.rng.randrange(1, len(words)), name + self.rng.choice(["", "", "s"]))
        sentence = " ".join(words)
        return sentence[0].upper() + sentence[1:] + "."

    def _popular(self, k: int) -> list[Actor]:
        # Zipf-like: early actors (the "states and leaders") recur in many articles.
        pool = self.actors
        return [pool[min(int(self.rng.paretovariate(0.7)) - 1, len(pool) - 1)] for _ in range(k)] if pool else []

    def article(self, i: int) -> tuple[str, dict, dict]:
        rng = self.rng
        new = [_actor(len(self.actors) + j, rng, self.acronyms)
               for j in range(int(ACTORS_PER_ARTICLE * (i + 1)) - len(self.actors))]
        cast = list({a.id: a for a in new + self._popular(12)}.values())
        self.actors += new
        sentences: list[str] = []
        words = 0
        while words < WORDS:
            names = tuple(rng.choice([a.name, *a.aliases]) for a in rng.sample(cast, k=min(len(cast), rng.choice((0, 1, 1, 2)))))
            sentences.append(self._sentence(rng.randint(8, 24), names))
            words += len(sentences[-1].split())
        # Whole sentences as quotes; each must occur once in the article.
        quotable = list(range(len(sentences)))
        rng.shuffle(quotable)
        evidence_at, claim_at, cite_at = (quotable[:EVIDENCE], quotable[EVIDENCE:EVIDENCE + CLAIMS],
                                          quotable[EVIDENCE + CLAIMS:EVIDENCE + CLAIMS + CITATIONS])
        for number, at in enumerate(sorted(cite_at), start=1):
            sentences[at] = sentences[at][:-1] + str(number).translate(SUPERSCRIPT) + "."
        footnotes = [f"{str(k).translate(SUPERSCRIPT)} {self._sentence(6)} {rng.randint(1990, 2024)}, S. {rng.randint(1, 300)}."
                     for k in range(1, CITATIONS + 1)]
        paragraphs, per = [], len(sentences) // PARAGRAPHS + 1
        for start in range(0, len(sentences), per):
            if start and start // per % 7 == 0:
                paragraphs.append(f"## {self._sentence(4).rstrip('.')}")
            paragraphs.append(" ".join(sentences[start:start + per]))
        body = "\n\n".join(paragraphs + footnotes) + "\n"
        source_id = f"artikel-{i + 1:04d}"
        date = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}" + (f"-{rng.randint(1, 28):02d}" if rng.random() < .5 else "")
        meta = {"title": self._sentence(6).rstrip("."), "title_editorial": False,
                "authors": [f"{rng.choice(['Eva', 'Jan', 'Ute'])} {_word(100_000 + i, rng)}"],
                "publication": f"{_word(200_000 + i % 30, rng)} Zeitung", "date": date, "language": "de",
                "translated_from": None, "url": f"https://example.org/{source_id}", "doi": None, "repairs": []}
        source = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body
        events = self._events(source_id, cast)
        annotations = {
            "summary": self._sentence(40),
            "evidence": [{"event": events[k % len(events)], "quote": sentences[at]} for k, at in enumerate(evidence_at)],
            "claims": [{"id": f"{source_id}-c{k}", "claimant": rng.choice([*(a.id for a in cast[:6]), "author"]),
                        "stance": rng.choice(STANCES), "topic": rng.choice(self.topics[:5] + self.topics)["id"],
                        "about": sorted({a.id for a in rng.sample(cast, k=min(2, len(cast)))}),
                        "text": self._sentence(12), "quote": sentences[at]} for k, at in enumerate(claim_at)],
            "citations": [{"id": f"{source_id}-r{k + 1}", "marker": str(k + 1), "quote": footnotes[k], "type": "book",
                           "authors": [f"Autor {_word(300_000 + k, rng)}"], "title": self._sentence(5).rstrip("."),
                           "container": None, "publisher": "Verlag", "date": str(rng.randint(1990, 2024)),
                           "url": None, "doi": None, "repeats": None, "note": None} for k in range(CITATIONS)],
        }
        return source_id, {"source": source, "body": body, "title": meta["title"]}, annotations

    def _events(self, source_id: str, cast: list[Actor]) -> list[str]:
        """New events of this article, then some of earlier ones (their evidence comes from here too)."""
        rng, ids = self.rng, []
        for k in range(NEW_EVENTS):
            year = rng.randint(1945, 2024)
            date = rng.choice([f"{year}", f"{year}-{rng.randint(1, 12):02d}", f"{year}-{rng.randint(1, 12):02d}-"
                               f"{rng.randint(1, 28):02d}", f"{year // 10}X", f"{year}/{year + rng.randint(1, 4)}"])
            self.events.append({"id": f"{source_id}-e{k}", "date": date, "title": self._sentence(7).rstrip("."),
                                "actors": sorted({a.id for a in rng.sample(cast, k=min(3, len(cast)))}),
                                "tags": sorted(set(rng.sample(TAGS, 2))), "note": None})
            ids.append(self.events[-1]["id"])
        earlier = self.events[:-NEW_EVENTS]
        ids += [rng.choice(earlier)["id"] for _ in range(OLD_EVENTS)] if earlier else []
        return ids


def write(root: Path, n: int, seed: int = 1) -> tuple[Path, Path]:
    """Writes `root/dossier` (a dossier project) and `root/bare` (MkDocs alone, the same texts)."""
    dossier, bare = root / "dossier", root / "bare"
    for folder in (dossier, bare):
        shutil.rmtree(folder, ignore_errors=True)
    (dossier / "sources").mkdir(parents=True)
    (dossier / "annotations" / "sources").mkdir(parents=True)
    (bare / "docs" / "artikel").mkdir(parents=True)
    shutil.copytree(ROOT / "docs", dossier / "docs")
    shutil.copy(ROOT / "mkdocs.yml", dossier / "mkdocs.yml")
    corpus = Corpus(n, seed)
    titles = []
    for i in range(n):
        source_id, text, annotations = corpus.article(i)
        (dossier / "sources" / f"{source_id}.md").write_text(text["source"], encoding="utf-8")
        _dump(dossier / "annotations" / "sources" / f"{source_id}.yml", annotations)
        (bare / "docs" / "artikel" / f"{source_id}.md").write_text(f"# {text['title']}\n\n{text['body']}", encoding="utf-8")
        titles.append((source_id, text["title"]))
    _dump(dossier / "annotations" / "actors.yml", {"actors": [
        {"id": a.id, "name": a.name, "kind": a.kind, "role": None, "aliases": a.aliases, "wikidata": None}
        for a in corpus.actors]})
    _dump(dossier / "annotations" / "events.yml", {"events": corpus.events})
    _dump(dossier / "annotations" / "topics.yml", {"topics": corpus.topics})
    (bare / "docs" / "index.md").write_text("# Artikel\n\n" + "\n".join(f"- [{t}](artikel/{s}.md)" for s, t in titles) + "\n",
                                            encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "dossier" in p)]
    config["nav"] = [{"Start": "index.md"}]
    config.pop("validation", None)
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dossier, bare


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
