"""The `dossier` command: a thin layer over the library, like mkdocs it works on the project in the
current folder (where mkdocs.yml is)."""

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
    root = find_root()
    dossier, diagnostics = load_dossier(root)
    _report(diagnostics)
    if dossier is None:
        sys.exit(1)
    click.echo(f"ok: {len(dossier.sources)} sources, {len(dossier.actors)} actors, {len(dossier.events)} events, "
               f"{len(dossier.claims)} claims, {len(dossier.citations)} citations "
               f"({time.perf_counter() - started:.2f} s)")
