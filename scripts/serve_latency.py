"""How long `dossier serve` takes to show an edit: the seconds from writing a file to the first response of
the server that carries the edit, for three edits an editor makes, one after the other: a paragraph added to
a source's text, its annotation file's summary changed, and an event's title changed in events.yml (shown on
the page of each of its actors). Each file is restored afterwards, and the next edit waits until the server
shows the restored page again. Used by bench.py (`--serve`); runnable alone:

    .venv/bin/python scripts/serve_latency.py PROJECT [--port 8765]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
MARK = "Zuckerwattewolke"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _until(condition, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}; server output:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)


def _edits(project: Path) -> list[tuple[str, Path, str, str]]:
    """(what, file, its edited text, the page that shows the edit)."""
    sources = sorted((project / "sources").glob("*.md"))
    source = sources[len(sources) // 2]
    annotation = project / "annotations" / "sources" / f"{source.stem}.yml"
    events = project / "annotations" / "events.yml"
    text, notes, timeline = (p.read_text(encoding="utf-8") for p in (source, annotation, events))
    # The first event's first actor: its page lists the event with its title.
    actor = timeline.split("\n  actors:\n  - ", 1)[1].split("\n", 1)[0].strip()
    return [
        ("source text", source, text + f"\n{MARK} zog über das Land.\n", f"quellen/{source.stem}.html"),
        ("source annotations", annotation, notes.replace("summary: ", f"summary: {MARK} ", 1),
         f"quellen/{source.stem}.html"),
        ("events.yml", events, timeline.replace("  title: ", f"  title: {MARK} ", 1), f"akteure/{actor}.html"),
    ]


def measure(project: Path, port: int | None = None) -> dict[str, float]:
    """{edit: seconds until served}, and "first build": seconds until the server first serves."""
    port = port or _free_port()
    base = f"http://127.0.0.1:{port}/"
    edits = _edits(project)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "serve.log"
        with open(log, "w") as out:
            started = time.monotonic()
            server = subprocess.Popen([str(BIN / "dossier"), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                                      stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                      env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        try:
            _until(lambda: "Serving on" in log.read_text(), 3600, "the first build", log)
            results["first build"] = time.monotonic() - started
            for what, path, edited, page in edits:
                original = path.read_bytes()
                try:
                    path.write_text(edited, encoding="utf-8")
                    written = time.monotonic()
                    _until(lambda: MARK in _page(base + page), 1800, f"the {what} edit on {page}", log)
                    results[what] = time.monotonic() - written
                finally:
                    path.write_bytes(original)
                _until(lambda: (body := _page(base + page)) and MARK not in body, 1800, f"{page} restored", log)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--port", type=int)
    args = parser.parse_args(argv)
    for what, seconds in measure(args.project, args.port).items():
        print(f"{what:>20}: {seconds:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
