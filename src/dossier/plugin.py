"""The MkDocs adapter, and the only module that imports MkDocs: a port to another generator replaces this
file. It loads and validates the dossier before MkDocs touches site/, adds the generated pages as virtual
files, and watches sources/ and annotations/ under `mkdocs serve`."""

from __future__ import annotations

import functools
import gc
import logging
import os
from importlib import resources
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from . import memo, rebuild
from .diagnostics import format_report
from .export import export_json
from .forked import fork_map
from .i18n import words_for
from .exports import CATALOGUE, ExportMeta, bibtex, collect, csl, render_contents, stand_from, webanno
from .pages import reads, render_site, search_index
from .pages.cache import PageCache
from .pages.ids import duplicate_ids
from .pages.search_index import cached_index_file, index_file
from .pages import search_records
from .pages.urls import Linker
from .prerender import prerender
from .project import load_dossier, replaced_by_site
from .rawhtml import RawHtmlBlocks
from .slugs import toc_slugify

log = get_plugin_logger(__name__)

ASSETS = ("dossier.css", "dossier-time.css", "dossier.js")
# The search script is on every page (small, deferred, it loads nothing by itself); the engine only when used.
SEARCH_SCRIPT = "search/dossier-search.js"
SEARCH_ASSETS = (SEARCH_SCRIPT, "search/lunr.min.js")


class DossierConfig(base.Config):
    sources = c.Type(str, default="sources")
    annotations = c.Type(str, default="annotations")
    language = c.Type(str, default="de")
    # Stated on the data page and in every export (#16).
    licence = c.Type(str, default="Lizenz nicht angegeben")
    licence_url = c.Optional(c.Type(str))
    stand = c.Optional(c.Type(str))  # ISO date of the data; else SOURCE_DATE_EPOCH, else the newest date in it


_GC_THRESHOLD: tuple[int, int, int] | None = None  # the collector's thresholds before the build


def _restore_gc() -> None:
    global _GC_THRESHOLD
    if _GC_THRESHOLD:
        gc.set_threshold(*_GC_THRESHOLD)
        _GC_THRESHOLD = None


class _QuietDirty(logging.Filter):
    """MkDocs warns that a dirty build gives "inaccurate navigation and other links": true of its own
    judgement by modification times, not of rebuild.py's, which writes every file whose inputs changed."""

    def filter(self, record):
        return not (rebuild.RECORD.active and record.getMessage().startswith("A 'dirty' build is being performed"))


logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())

# Under `serve --dirty`, the generated pages of the last build and what each read of the dossier: a rebuild
# renders only those whose reads changed (pages/cache.py). Lives as long as the serving process.
PAGE_CACHE = PageCache()
EXPORT_CACHES = {"dossier.json": PageCache(), "annotations": PageCache(), "search": PageCache(), "tables": PageCache(),
                 "csl": PageCache()}


class DossierPlugin(BasePlugin[DossierConfig]):
    def on_startup(self, command, dirty):
        # Called once per process, not per rebuild: `dossier serve` runs `mkdocs serve --dirty`.
        rebuild.RECORD.active = command == "serve" and dirty

    def on_config(self, config):
        # Validate here, before MkDocs cleans site/: a failed build leaves the previous site as it was.
        self.root = Path(config.config_file_path).parent
        inputs = [self.root / self.config.sources, self.root / self.config.annotations, Path(config.docs_dir)]
        if (holds := replaced_by_site(self.root, Path(config.site_dir), inputs)) is not None:
            raise PluginError(f"site_dir {config.site_dir} would replace {holds}; choose another site folder")
        memo.keep(rebuild.RECORD.active)  # what one load keeps for the next (memo.py): only worth it under serve
        dossier, diagnostics = load_dossier(self.root, self.config.sources, self.config.annotations, self.config.language)
        for text in _warnings_to_show([d.format() for d in diagnostics if d.severity != "error"]):
            log.info(text)
        if dossier is None:
            raise PluginError("the dossier has errors:\n" + format_report(diagnostics))
        self.dossier = dossier
        # Rendering makes millions of short-lived containers; at the default threshold (700) the collector
        # runs every few hundred of them and takes a quarter of rendering the pages. Rarer collections
        # free the same cycles, a little later. Restored when the build ends.
        global _GC_THRESHOLD
        _GC_THRESHOLD = _GC_THRESHOLD or gc.get_threshold()
        gc.set_threshold(100_000, 50, 100)
        config.theme.dirs.insert(0, str(resources.files("dossier") / "theme"))
        # Heading anchors that read well: "#fussnoten", not "#funoten" (umlauts and ß written out).
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", toc_slugify)
        # The generated pages are mostly raw HTML: set aside without Python-Markdown's HTML parser (same output).
        if not any(isinstance(e, RawHtmlBlocks) for e in config.markdown_extensions):
            config.markdown_extensions.append(RawHtmlBlocks())
        for asset in (*ASSETS, SEARCH_SCRIPT):
            path = f"assets/{asset}"
            if asset.endswith(".css"):
                if path not in config.extra_css:
                    config.extra_css.append(path)
            elif path not in [str(script) for script in config.extra_javascript]:
                # Deferred: our scripts never block the first paint (they only enhance what is there).
                script = c.ExtraScriptValue(path)
                script.defer = True
                config.extra_javascript.append(script)
        config.extra["dossier_search"] = words_for(dossier.language).search  # the header box's words
        return config

    def on_files(self, files: Files, config) -> Files:
        dossier, directory_urls = self.dossier, config.use_directory_urls
        meta = ExportMeta(config.site_name, self.config.licence, self.config.licence_url,
                          stand_from(dossier, self.config.stand, os.environ.get("SOURCE_DATE_EPOCH")),
                          config.site_url or None)
        dossier.build_indexes()
        exports, index = _exports_and_index(dossier, meta, directory_urls, words_for(dossier.language))
        cache = PAGE_CACHE if rebuild.RECORD.active else None
        pages = render_site(dossier, use_directory_urls=directory_urls, title=config.site_name, exports=exports,
                            meta=meta, cache=cache)
        if cache is not None:
            log.info(f"rendered {cache.rendered:,} of {len(pages):,} generated pages")
            reads.forget()  # the caches are done with comparing this dossier with the last one
        for path, markdown in pages.items():
            if files.get_file_from_path(path):
                raise PluginError(f"{config.docs_dir}/{path} would be replaced by a generated page; rename it")
            files.append(File.generated(config, path, content=markdown))
        for asset in ASSETS:
            content = (resources.files("dossier") / "assets" / asset).read_text(encoding="utf-8")
            files.append(File.generated(config, f"assets/{asset}", content=content))
        for export in exports:
            files.append(File.generated(config, export.path, content=export.content))
        for asset in SEARCH_ASSETS:
            content = (resources.files("dossier") / "assets" / asset).read_text(encoding="utf-8")
            files.append(File.generated(config, f"assets/{asset}", content=content))
        files.append(File.generated(config, index.path, content=index.content))
        log.info(index.summary())
        if rebuild.RECORD.active:
            _track(files, config)
        return files

    def on_nav(self, nav, config, files):
        # Convert the pages' Markdown on both cores before MkDocs renders them one by one (prerender.py).
        pages = [f.page for f in files.documentation_pages() if f.page is not None and f.is_modified()]
        if rebuild.RECORD.active:
            log.info(f"rebuilding {len(pages):,} of {len(files.documentation_pages()):,} pages")
        prerender(pages, config, files, files.get_file_from_path)
        return nav

    def on_env(self, env, config, files):
        if rebuild.RECORD.active:  # the theme's templates compiled in the first build serve every rebuild
            env.bytecode_cache = rebuild.TEMPLATES
        return env

    def on_page_content(self, html, page, config, files):
        # MkDocs keeps the h1's entities in page.title, and Material's <title> un-escapes them with
        # `striptags`: angle brackets from an article's title would become live HTML there. This runs
        # before the search plugin indexes the title.
        if page.title and ("&lt;" in page.title or "&gt;" in page.title):
            page.title = page.title.replace("&lt;", "‹").replace("&gt;", "›")
        return html

    def on_post_page(self, output, page, config):
        # The last guard of "every id on a page is unique": a collision the templates and the validation
        # did not foresee fails the build (the previous site stays) instead of publishing a broken anchor.
        if duplicates := duplicate_ids(output):
            raise PluginError(f"{page.file.src_uri}: the id{'s' if len(duplicates) > 1 else ''} "
                              f"{', '.join(repr(d) for d in duplicates[:5])} occur more than once on the page; "
                              "give the annotation with that id another one")
        return output

    def on_post_build(self, config):
        _restore_gc()
        if rebuild.RECORD.active:
            rebuild.remove_stale(rebuild.RECORD.finish(), config.site_dir)

    def on_build_error(self, error):
        _restore_gc()
        rebuild.RECORD.forget()

    def on_serve(self, server, config, builder):
        # MkDocs polls what it watches: every half second it lists and stats each file, 2,000 in sources/ and
        # annotations/ at 1,000 articles, which took a sixth of the serving process during a rebuild
        # (py-spy) and delayed noticing a save. These two folders are watched by the system's notifications
        # (inotify on Linux) where watchdog has them; MkDocs' own watches (docs, mkdocs.yml) stay polled.
        native = _native_observer()
        polling, server.observer = server.observer, native or server.observer
        try:
            server.watch(str(self.root / self.config.sources))
            server.watch(str(self.root / self.config.annotations))
        finally:
            server.observer = polling
        if native is not None:
            native.start()  # a daemon thread: it ends with the server
        return server


def _native_observer():
    """A watchdog observer told of changes by the system, or None where watchdog can only poll."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    return None if Observer is PollingObserver else Observer()


# Under `serve --dirty`, the warnings the last build showed: a rebuild shows only new ones. Thousands of
# warnings, shown again after every edit, hid the one the edit caused (and logging them took a second).
SHOWN_WARNINGS: set[str] = set()


def _warnings_to_show(warnings: list[str]) -> list[str]:
    if not rebuild.RECORD.active:
        return warnings
    new = [text for text in warnings if text not in SHOWN_WARNINGS]
    if len(new) < len(warnings):
        log.info(f"{len(warnings) - len(new):,} warnings as in the last build, not shown again")
    SHOWN_WARNINGS.clear()
    SHOWN_WARNINGS.update(warnings)
    return new


# The exports made beside the search index: about as long as dossier.json and the tables, which are made here.
THERE = (webanno.FILE, csl.FILE, bibtex.FILE)


def _exports_and_index(dossier, meta: ExportMeta, directory_urls: bool, words):
    """The exports and the search index, passes over everything, on both cores (forked.py): dossier.json
    and the tables here; the annotations, the bibliographies and the search index there (THERE). Under
    `serve --dirty`, their parts are kept in caches between rebuilds (pages/cache.py); what the forked
    child changed in its caches comes back with the result."""
    caches = EXPORT_CACHES if rebuild.RECORD.active else {}
    paths = [path for path, _, _ in CATALOGUE if path != "dossier.json"]

    def changes(*names):  # what a job changed in its caches: the parent takes it over below
        return {name: caches[name].changes() for name in names if name in caches}

    def data():
        contents = {"dossier.json": export_json(dossier, directory_urls, caches.get("dossier.json")),
                    **render_contents(dossier, meta, directory_urls, [p for p in paths if p not in THERE],
                                      tables_cache=caches.get("tables"))}
        return contents, None, changes("dossier.json", "tables")

    def annotations_and_search():
        linker = Linker(directory_urls)
        if not caches:
            return (render_contents(dossier, meta, directory_urls, THERE),
                    index_file(search_records.search_records(dossier, linker, words), dossier, words), {})
        # Only the parts, sent back as the caches' changes; the files are put together below, from the caches
        # (sending 100 MB of text through the pipe took a second).
        webanno.fill(dossier, meta, directory_urls, caches["annotations"])
        search_index.fill(dossier, linker, words, caches["search"])
        return (render_contents(dossier, meta, directory_urls, [p for p in THERE if p != webanno.FILE],
                                csl_cache=caches["csl"]), None, changes("annotations", "search", "csl"))

    for cache in (*caches.values(), PAGE_CACHE if caches else None):
        if cache is not None:
            cache.compare(dossier)  # once, here: the child inherits what differs instead of working it out again
    if caches:  # the finder is kept for the next rebuild: its expressions are compiled here, not in the child
        search_records.finder(dossier).compile()
    # In a rebuild with the caches filled, both jobs encode only what an edit changed: a fork then cost more
    # than it saved (at 1,000 articles the parent's writes to memory it shared with the child caused 280,000
    # more page faults, copies of shared pages, and a text edit's rebuild took 4.9 s instead of 4.1 s).
    warm = bool(caches) and all(cache.dossier is not None for cache in caches.values())
    (contents, _, made), (more, index, made_too) = fork_map(lambda make: make(), [data, annotations_and_search],
                                                            min_items=3 if warm else 2)
    for name, change in {**made, **made_too}.items():
        caches[name].take(change, dossier)  # a no-op for the job run here
    if caches:  # nothing is encoded again here: the caches hold every part for this dossier now
        more[webanno.FILE] = webanno.render(dossier, meta, directory_urls, caches["annotations"])
        index = cached_index_file(dossier, Linker(directory_urls), words, caches["search"])
    return collect({**contents, **more}), index


def _content(file: File) -> str | bytes:
    # A generated file's content as it was given, str or bytes (content_string would decode bytes, and
    # drop a leading BOM); the page cache gives the same str object again, whose version is kept.
    return file._content if file._content is not None else file.content_bytes


def _track(files: Files, config) -> None:
    """Under `serve --dirty`: each file counts as modified only when what it is made from changed since
    the last build (rebuild.py), a generated file by its content, a file on disk by its size and time."""
    setting = rebuild.digest(Path(config.config_file_path).read_bytes() if config.config_file_path else b"",
                             rebuild.folder_digest(config.theme.dirs), *sorted(f.src_uri for f in files))
    generated = [file for file in files if file.abs_src_path is None]
    digests = rebuild.CONTENTS.of({file.abs_dest_path: _content(file) for file in generated})
    for file in files:
        if file.abs_src_path is not None:
            digests[file.abs_dest_path] = rebuild.stat_digest(file.abs_src_path)
        # An instance attribute, read by MkDocs in place of File.is_modified (its modification-time rule).
        file.is_modified = functools.partial(rebuild.RECORD.changed, file.abs_dest_path)
    rebuild.RECORD.start(config.site_dir, setting, digests)
