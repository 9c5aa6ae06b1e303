"""Under `dossier serve`, a rebuild after an edit writes only the output files the edit changed.

MkDocs' `--dirty` rebuild skips a file that it thinks unmodified, but it decides by modification times,
and a generated page (all of the dossier's pages) always counts as modified. Here each output file gets a
digest of what it is made from (a generated file: a version of its content, ContentVersions); a rebuild
writes a file only when its digest differs from the one written by the last successful build into the
same folder, or when the file is missing. The digests of one build
all share the `setting`: the configuration, the theme and the set of output paths (the navigation and
every link between pages follow from them); when it changes, everything is written again.

The record lives at module level, for as long as the serving process: it outlives every rebuild's new
configuration. No MkDocs import here.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from pathlib import Path

import jinja2


def digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def stat_digest(path: str | os.PathLike) -> str:
    """A file read from disk, by path, size and modification time (as MkDocs judges it, but exact)."""
    try:
        stat = os.stat(path)
    except OSError:
        return digest("missing", str(path))
    return digest(str(path), str(stat.st_size), str(stat.st_mtime_ns))


def folder_digest(folders) -> str:
    """The files under `folders` (a theme's templates), by path, size and modification time: one hash over
    all of them (Material's theme has 14,000 files, checked in every rebuild)."""
    h = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for base, _, names in sorted(os.walk(folder)):
            for name in sorted(names):
                path = os.path.join(base, name)
                try:
                    stat = os.stat(path)
                    line = f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n"
                except OSError:
                    line = f"{path}\0missing\n"
                h.update(line.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class ContentVersions:
    """A version of each generated file's content, by output path: the last build's version while the content
    is the same, else a new one. Compared, not hashed: a page the page cache gives again is the very string
    of the last build (`is`), an export made again is compared with the last one (`==`, a memory compare
    that stops at the first difference); hashing the 150 MB of exports of 1,000 articles took half a second
    of each rebuild."""

    def __init__(self) -> None:
        self._held: dict[str, tuple[str | bytes, str]] = {}  # output path -> (last content, its version)
        self._versions = itertools.count()

    def of(self, contents: dict[str, str | bytes]) -> dict[str, str]:
        held = {}
        for dest, content in contents.items():
            last = self._held.get(dest)
            if last is not None and (last[0] is content or (type(last[0]) is type(content) and last[0] == content)):
                held[dest] = last
            else:
                held[dest] = (content, f"content {next(self._versions)}")
        self._held = held  # only this build's contents stay alive
        return {dest: version for dest, (_, version) in held.items()}


class TemplateCode(jinja2.BytecodeCache):
    """The theme's templates compiled once per serving process. MkDocs makes a new Jinja environment for
    every build, and so compiled Material's templates again after each edit (a third of a second at 1,000
    articles). Kept by template and environment options, and used while the template's source is the
    same (Jinja compares its checksum): an edited template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[tuple, tuple[str, object]] = {}  # (template key, options) -> (checksum, code)

    @staticmethod
    def _options(env: jinja2.Environment) -> tuple:
        # What else the compiled code follows from: the syntax and the extensions (i18n with a locale).
        return (env.block_start_string, env.variable_start_string, env.comment_start_string,
                env.line_statement_prefix, env.trim_blocks, env.lstrip_blocks, env.optimized,
                tuple(sorted(env.extensions)), repr(env.autoescape))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        held = self._code.get((bucket.key, self._options(bucket.environment)))
        if held is not None and held[0] == bucket.checksum:
            bucket.code = held[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[(bucket.key, self._options(bucket.environment))] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()


class Record:
    """What the last successful build wrote: output path -> digest, for one site folder and setting."""

    def __init__(self) -> None:
        self.active = False  # only under `serve --dirty`; a plain build writes everything
        self._site_dir: str | None = None
        self._setting: str | None = None
        self._written: dict[str, str] = {}
        self._next: dict[str, str] = {}

    def start(self, site_dir: str, setting: str, digests: dict[str, str]) -> None:
        """A build into `site_dir` begins; `digests` (output path -> digest) is every file it makes, judged
        against what the last build wrote."""
        if site_dir != self._site_dir:
            self._written = {}
        elif setting != self._setting:  # all to be written again; what is no longer made is still stale
            self._written = dict.fromkeys(self._written, "")
        self._site_dir, self._setting, self._next = site_dir, setting, digests

    def changed(self, dest: str) -> bool:
        """Whether the output file `dest` must be written."""
        return (not self.active or dest not in self._next or self._written.get(dest, "") != self._next[dest]
                or not os.path.exists(dest))

    def finish(self) -> list[str]:
        """The build succeeded: remember what it wrote. Returns the files the previous build wrote and this
        one did not (a removed source's page), which the caller deletes."""
        stale = [dest for dest in self._written if dest not in self._next]
        self._written, self._next = self._next, {}
        return stale

    def forget(self) -> None:
        """The build failed part way: what is on disk is unknown, so the next build writes everything."""
        self._written, self._next, self._setting = dict.fromkeys(self._written, ""), {}, None


def remove_stale(paths: list[str], site_dir: str) -> int:
    """Deletes `paths` that lie inside `site_dir` (never anything outside it). Returns how many."""
    root, removed = Path(site_dir).resolve(), 0
    for path in paths:
        target = Path(path).resolve()
        if root in target.parents and target.is_file():
            target.unlink()
            removed += 1
    return removed


RECORD = Record()
CONTENTS = ContentVersions()
TEMPLATES = TemplateCode()
