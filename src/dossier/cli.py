"""The `dossier` command: a thin layer over the library. Like mkdocs it works on the project in the
current folder (the nearest folder upwards with mkdocs.yml)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .diagnostics import format_report
from .project import find_root, load_dossier


def _report(diagnostics) -> None:
    if diagnostics:
        click.echo(format_report(diagnostics), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dossier")
def main() -> None:
    """Build a research-dossier website from sources/ and annotations/."""


@main.command()
def check() -> None:
    """Validate sources and annotations; print every problem, exit 1 if there is an error."""
    started = time.perf_counter()
    dossier, diagnostics = load_dossier(find_root())
    _report(diagnostics)
    if dossier is None:
        sys.exit(1)
    click.echo(f"ok: {len(dossier.sources)} sources, {len(dossier.actors)} actors, {len(dossier.events)} events, "
               f"{len(dossier.claims)} claims, {len(dossier.citations)} citations "
               f"({time.perf_counter() - started:.2f} s)")


@main.command()
@click.option("--site-dir", "-d", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="Where to put the site.")
@click.option("--no-linkcheck", is_flag=True, help="Skip the internal link check after building.")
def build(site_dir: Path, no_linkcheck: bool) -> None:
    """Check, build the site with mkdocs --strict, check its links; replace SITE_DIR only if all pass."""
    from .build import build_site

    root = find_root()
    dossier, diagnostics = load_dossier(root)
    _report(diagnostics)
    if dossier is None:
        click.echo(f"build stopped: fix the errors above; {site_dir}/ left as it was", err=True)
        sys.exit(1)
    from . import handoff
    from .project import inputs_key

    checked = handoff.save(dossier, diagnostics, inputs_key(root))
    try:
        result = build_site(root, site_dir, linkcheck=not no_linkcheck, echo=lambda line: click.echo(line, err=True),
                            env={handoff.ENV: str(checked)})
    finally:
        checked.unlink(missing_ok=True)
    click.echo(result.message, err=not result.ok)
    sys.exit(0 if result.ok else 1)


@main.command()
@click.option("--dev-addr", "-a", default="127.0.0.1:8000", show_default=True, help="IP address and port to serve on.")
def serve(dev_addr: str) -> None:
    """Preview the site with live reload (mkdocs serve); rebuilds when sources/ or annotations/ change."""
    import os

    root = find_root()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    os.chdir(root)
    # Become mkdocs (no child process): a signal to `dossier serve` then reaches the server itself.
    os.execvpe(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", dev_addr], env)


@main.command()
@click.argument("site_dir", type=click.Path(path_type=Path), required=False)
@click.option("--external", is_flag=True,
              help="Also request every external URL (needs the network); list dead and redirected ones.")
@click.option("--timeout", type=click.IntRange(1), default=10, show_default=True,
              help="Seconds to wait for an external URL.")
@click.option("--retries", type=click.IntRange(0), default=2, show_default=True,
              help="Retries of an external URL that timed out or failed.")
@click.option("--concurrency", type=click.IntRange(1), default=8, show_default=True,
              help="External requests in flight at once (and at most 2 to the same host).")
@click.option("--cache", "cache_file", type=click.Path(path_type=Path),
              help="Cache file of external results.  [default: .dossier-cache/linkcheck-external.json]")
@click.option("--max-age", type=click.FloatRange(0), default=24, show_default=True,
              help="Hours a cached external result is trusted; 0 requests every URL again.")
@click.option("--exclude", multiple=True, metavar="REGEX", help="Skip external URLs that match (repeatable).")
def linkcheck(site_dir: Path | None, external: bool, timeout: int, retries: int, concurrency: int,
              cache_file: Path | None, max_age: float, exclude: tuple[str, ...]) -> None:
    """Check every link and #anchor in the built site (default: the project's site/), offline.

    Prints each broken link as `page: link (reason)` and exits 1 if there is any. With --external it also
    requests the external URLs (the citations' above all) and exits 1 if one is dead; redirected ones are
    listed but do not fail the check. Exits 2 if the site cannot be checked (not built; no lychee for --external).
    """
    from .linkcheck import LinkcheckError, check_site

    root = find_root()
    site_dir = site_dir if site_dir is not None else root / "site"
    try:
        report = check_site(site_dir)
        for finding in report.findings:
            click.echo(finding.format())
        click.echo(report.summary())
        failed = bool(report.findings)
        if external:
            from .linkcheck_external import DEFAULT_CACHE, check_external, grouped

            outside = check_external(site_dir, cache_file or root / DEFAULT_CACHE, max_age * 3600, timeout, retries,
                                     concurrency, exclude=exclude)
            for title, findings in (("dead", outside.dead), ("redirected", outside.redirected)):
                if findings:
                    click.echo(f"{title} external links:")
                    for line in grouped(findings):
                        click.echo(f"  {line}")
            click.echo(outside.summary())
            failed = failed or bool(outside.dead)
    except LinkcheckError as error:
        problem = click.ClickException(str(error))
        problem.exit_code = 2  # could not check: tell it apart from "found broken links" (1)
        raise problem from error
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("source_id", metavar="ID")
@click.option("--title", required=True, help="The article's title (see --editorial-title).")
@click.option("--date", "date", required=True, help='EDTF, as precise as the article: "2024-06-19", "2024-06", "2024".')
@click.option("--text", "text_file", type=click.File("r", encoding="utf-8-sig"), default="-",
              help="The article's text, paragraphs separated by blank lines. Default: standard input.")
@click.option("--authors", default="", help='Authors separated by ";", e.g. "Ralf Havertz; Anna Muster".')
@click.option("--publication", default=None, help="Newspaper, magazine or site; omit if unknown.")
@click.option("--url", default=None, help="Where the article was published; omit if unknown.")
@click.option("--doi", default=None, help="The article's DOI, e.g. 10.48269/...; omit if none.")
@click.option("--language", default="de", show_default=True, help="Language code of the text.")
@click.option("--translated-from", default=None, help="Language code of the original, if the text is a translation.")
@click.option("--editorial-title", is_flag=True, help="The article came without a title; TITLE is the editors'.")
def new(source_id: str, title: str, date: str, text_file, authors: str, publication: str | None, url: str | None,
        doi: str | None, language: str, translated_from: str | None, editorial_title: bool) -> None:
    """Add a source: write sources/ID.md (front matter + text) and annotations/sources/ID.yml (a skeleton)."""
    from .project import plugin_options
    from .scaffold import NewSource, ScaffoldError, create

    if getattr(text_file, "name", "") == "<stdin>" and sys.stdin.isatty():
        click.echo("Paste the article's text, then press Ctrl-D on a line of its own:", err=True)
    try:
        text = text_file.read()
    except UnicodeDecodeError as exc:
        click.echo(f"error: {getattr(text_file, 'name', 'the text')} is not UTF-8 text ({exc.reason})\n"
                   f"  hint: save it as UTF-8 (in an editor: save as, encoding UTF-8)", err=True)
        sys.exit(1)
    root = find_root()
    options = plugin_options(root)
    source = NewSource(
        id=source_id, title=title, date=date, text=text,
        authors=tuple(a.strip() for a in authors.split(";") if a.strip()), publication=publication, url=url,
        doi=doi, language=language, translated_from=translated_from, title_editorial=editorial_title,
    )
    try:
        created = create(root, source, options.get("sources", "sources"), options.get("annotations", "annotations"))
    except ScaffoldError as exc:
        click.echo(f"error: {exc.message}" + (f"\n  hint: {exc.hint}" if exc.hint else ""), err=True)
        sys.exit(1)
    source_file = created.source.relative_to(root).as_posix()
    annotation_file = created.annotations.relative_to(root).as_posix()
    headings = f", {created.subheadings} subheading{'s' if created.subheadings != 1 else ''}" if created.subheadings else ""
    click.echo(f"created {source_file} ({created.paragraphs} paragraph{'s' if created.paragraphs != 1 else ''}"
               f"{headings}, {created.words} words)\n"
               f"created {annotation_file}\n"
               f"next:\n"
               f"  1. read {source_file}: one paragraph per block, '## ' subheadings; note every repair you make\n"
               f"     to the received text under 'repairs:'\n"
               f"  2. dossier suggest {source_id}     actors, dates and new names to annotate, as YAML stubs\n"
               f"  3. paste and complete them in annotations/ (events.yml, actors.yml, {annotation_file})\n"
               f"  4. dossier check                   until it says ok\n"
               f"  5. dossier serve                   preview at http://127.0.0.1:8000/quellen/{source_id}.html\n"
               f"  6. dossier build                   the site, with its links checked")


@main.command()
@click.argument("source_id", metavar="ID")
def suggest(source_id: str) -> None:
    """Print what to annotate in source ID: its actors, its dates, new names; as YAML stubs to paste."""
    from .load import load_project
    from .project import plugin_options
    from .suggest import UnknownSource, render
    from .suggest import suggest as make_suggestions

    root = find_root()
    options = plugin_options(root)
    project, problems = load_project(root, options.get("sources", "sources"), options.get("annotations", "annotations"))
    if any(p.severity == "error" for p in problems):  # e.g. a YAML syntax error: that file is left out
        click.echo(f"note: the input has {len(problems)} problem(s) that `dossier check` lists; what could not be "
                   "read is missing below", err=True)
    try:
        click.echo(render(make_suggestions(project, source_id)), nl=False)
    except UnknownSource as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
