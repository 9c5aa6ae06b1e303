"""`dossier build`: check, build with MkDocs into a fresh folder, check its links, then swap it in.

MkDocs runs in a subprocess (the plugin is its only MkDocs-facing code). The previous site/ is replaced
only once the new one is complete and sound, so a failed build leaves it exactly as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, display_path
from .project import input_dirs, replaced_by_site


@dataclass
class BuildResult:
    ok: bool
    message: str


def mkdocs_build(root: Path, site_dir: Path, echo=print, env: dict[str, str] | None = None) -> bool:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml"),
               "--site-dir", str(site_dir)]
    process = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    for line in process.stderr.splitlines() + process.stdout.splitlines():
        # MkDocs lists pages outside the nav at INFO level; they are on purpose (sections have index pages).
        if line.startswith("  - ") or "exist in the docs directory, but are not included" in line:
            continue
        echo(line)
    return process.returncode == 0


def build_site(root: Path, site_dir: Path, linkcheck: bool = True, echo=print,
               env: dict[str, str] | None = None) -> BuildResult:
    """`env`: more environment for MkDocs (the checked dossier handed over, see handoff.py)."""
    started = time.perf_counter()
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    if (holds := replaced_by_site(root, site_dir, input_dirs(root))) is not None:
        return BuildResult(False, f"{site_dir} would replace {holds}: nothing was built; choose another site folder "
                                  f"(--site-dir)")
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        for stale in remove_stale_staging(site_dir):
            echo(f"removed {stale}/, left behind by a build that was stopped")
        # The pid in the name tells the next build whether this one is still running.
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-{os.getpid()}-", dir=site_dir.parent))
    except OSError as exc:
        return BuildResult(False, _not_writable(root, site_dir.parent, exc))
    try:
        echo(f"building into {staging.name}/ ...")
        if not mkdocs_build(root, staging, echo, env):
            return BuildResult(False, f"mkdocs build failed; {site_dir.name}/ left as it was")
        if linkcheck:
            from .linkcheck import LinkcheckError, check_site

            try:
                report = check_site(staging)
            except LinkcheckError as error:
                return BuildResult(False, f"link check could not run ({error}); {site_dir.name}/ left as it was")
            for finding in report.findings:
                echo(finding.format())
            echo(report.summary())
            if report.findings:
                return BuildResult(False, f"broken links; {site_dir.name}/ left as it was")
        try:
            _swap(staging, site_dir)
        except OSError as exc:
            return BuildResult(False, _not_writable(root, site_dir, exc))
        staging = None
        return BuildResult(True, f"built {site_dir.name}/ in {time.perf_counter() - started:.1f} s")
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new` with two renames, so there is never a half-written site."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)  # the previous site, as it was
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _not_writable(root: Path, folder: Path, exc: OSError) -> str:
    shown = display_path(folder, root)
    return Diagnostic(shown, 1, 1, "not-writable", f"cannot write the site into '{shown}' ({exc.strerror}); nothing "
                      "was replaced", "make the folder writable for you (chmod u+w), or build elsewhere with "
                      "--site-dir").format()


_STAGING = re.compile(r"-(?:new|old)-(\d+)(?:-|$)")


def remove_stale_staging(site_dir: Path, max_age: float = 600) -> list[str]:
    """Staging folders of builds that were killed (`.site-new-<pid>-…`, `.site-old-<pid>`): removed when
    their process is gone; a name without a pid (an older dossier) when it is older than `max_age` seconds.
    A build still running keeps its folder."""
    removed = []
    folders = [*site_dir.parent.glob(f".{site_dir.name}-new-*"), *site_dir.parent.glob(f".{site_dir.name}-old-*")]
    for folder in sorted(folders):
        match = _STAGING.search(folder.name[len(site_dir.name) + 1:])
        if match:
            if _running(int(match.group(1))):
                continue
        elif time.time() - folder.stat().st_mtime < max_age:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder.name)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own pid on a folder can only be left from an earlier process that had it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
