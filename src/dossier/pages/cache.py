"""The pages of the last build under `dossier serve`, each with what it read of the dossier (pages/reads.py),
so that a rebuild renders only the pages whose reads changed: an edit of one source's annotations renders
that source's page, the pages of the actors and events it touches and the indexes, not thousands of pages.
It holds the dossier those pages were made from, to compare the reads with the new one. No MkDocs here."""

from __future__ import annotations

from . import reads


class PageCache:
    def __init__(self) -> None:
        self.dossier = None
        self.setting = None
        self.pages: dict[str, tuple[str, frozenset]] = {}  # page path -> (Markdown, what it read)
        self.rendered = 0  # pages the last build rendered

    def stale(self, dossier, setting, paths) -> set[str]:
        """Of the pages `paths`, those that must be rendered for `dossier` under `setting` (everything the
        pages depend on besides the dossier): new pages and those that read something that changed."""
        if self.dossier is None or setting != self.setting:
            return set(paths)
        keys = set().union(*(read for _, read in self.pages.values()))
        changed = reads.changed(self.dossier, dossier, keys)
        return {path for path in paths if path not in self.pages or not self.pages[path][1].isdisjoint(changed)}

    def keep(self, dossier, setting, pages: dict[str, tuple[str, frozenset]], rendered: int) -> None:
        """The build succeeded with `pages`, made from `dossier`."""
        self.dossier, self.setting, self.pages, self.rendered = dossier, setting, pages, rendered

    def clear(self) -> None:
        self.__init__()
