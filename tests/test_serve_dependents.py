"""Under `dossier serve`, an edit shows on its own page and on the pages that depend on it: an event's new
title on the timeline and on its actors' pages; a new mention in a source on the actor's page."""

from __future__ import annotations

import time

import pytest

from test_serve import _free_port, _get, _wait_for, start, stop

pytestmark = pytest.mark.slow


def test_an_edit_rebuilds_the_pages_that_depend_on_it(project_copy, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    server = start(project_copy, port, log)
    try:
        _wait_for(lambda: "Serving on" in log.read_text(encoding="utf-8"), "the first build", log)
        actor = f"{base}/akteure/sergej-schoigu.html"
        assert "putin-besuch-pjoengjang.html" not in _get(actor)[1]

        # An annotation: an event's title, shown on the timeline and on the page of each of its actors.
        events = project_copy / "annotations" / "events.yml"
        old = "title: Russlands Verteidigungsminister Schoigu trifft Kim Jong-un in Pjöngjang"
        assert old in events.read_text(encoding="utf-8")
        events.write_text(events.read_text(encoding="utf-8").replace(old, old + " (Zuckerwattewolke)"), encoding="utf-8")
        started = time.monotonic()
        _wait_for(lambda: "Zuckerwattewolke" in _get(f"{base}/zeitleiste.html")[1], "the timeline", log, timeout=120)
        print(f"annotation edit served after {time.monotonic() - started:.1f} s")
        assert "Zuckerwattewolke" in _get(actor)[1]
        assert "Zuckerwattewolke" in _get(f"{base}/akteure/kim-jong-un.html")[1]

        # A source: a new paragraph naming an actor; the actor's page now lists the source.
        source = project_copy / "sources" / "putin-besuch-pjoengjang.md"
        with open(source, "a", encoding="utf-8") as f:
            f.write("\nAuch Sergej Schoigu reiste mit einer Zuckerwattewolke an.\n")
        started = time.monotonic()
        _wait_for(lambda: "reiste mit einer Zuckerwattewolke" in _get(f"{base}/quellen/putin-besuch-pjoengjang.html")[1],
                  "the source page", log, timeout=120)
        print(f"source edit served after {time.monotonic() - started:.1f} s")
        assert "putin-besuch-pjoengjang.html" in _get(actor)[1]
        assert server.poll() is None
    finally:
        stop(server)
