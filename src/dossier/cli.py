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
    result = build_site(root, site_dir, linkcheck=not no_linkcheck, echo=lambda line: click.echo(line, err=True))
    click.echo(result.message, err=not result.ok)
    sys.exit(0 if result.ok else 1)


@main.command()
@click.option("--dev-addr", "-a", default="127.0.0.1:8000", show_default=True, help="IP address and port to serve on.")
def serve(dev_addr: str) -> None:
    """Preview the site with live reload (mkdocs serve); rebuilds when sources/ or annotations/ change."""
    import os
    import subprocess

    root = find_root()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    sys.exit(subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", dev_addr], cwd=root, env=env))
