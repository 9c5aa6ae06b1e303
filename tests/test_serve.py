"""`dossier serve` (mkdocs serve with the dossier plugin) on a copy of the project: an edited source is
rebuilt into the page without a restart; a broken annotation is reported in the terminal as a diagnostic,
the server keeps running, and it serves again once the annotation is fixed."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 60) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode("utf-8")


def _wait_for(condition, what: str, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}; server output:\n{log.read_text(encoding='utf-8')}")


def start(project: Path, port: int, log: Path) -> subprocess.Popen:
    """`dossier serve` on the project, its output in `log`."""
    with open(log, "w", encoding="utf-8") as out:
        # dossier serve runs mkdocs serve as its child: a session of their own lets the test end both.
        return subprocess.Popen(
            [sys.executable, "-c", "from dossier.cli import main; main()", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def stop(server: subprocess.Popen) -> None:
    """Ends the server and its children (it runs in a session of its own)."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def test_serve_rebuilds_on_edits_and_survives_a_broken_annotation(project_copy, tmp_path):
    source = sorted((project_copy / "sources").glob("*.md"))[0]
    actors = project_copy / "annotations" / "actors.yml"
    port = _free_port()
    url = f"http://127.0.0.1:{port}/quellen/{source.stem}.html"
    log = tmp_path / "serve.log"
    output = lambda: log.read_text(encoding="utf-8")  # noqa: E731
    server = start(project_copy, port, log)
    try:
        _wait_for(lambda: "Serving on" in output(), "the first build", log)
        status, page = _get(url)
        assert status == 200 and "Zuckerwattewolke" not in page

        # An edited source: the page changes, no restart.
        with open(source, "a", encoding="utf-8") as f:
            f.write("\nEin Absatz über eine Zuckerwattewolke.\n")
        _wait_for(lambda: "Zuckerwattewolke" in _get(url)[1], "the edit to show", log)

        # A broken annotation: a diagnostic with file, line and code in the terminal, and the server lives on.
        good = actors.read_text(encoding="utf-8")
        broken = re.sub(r"^(\s*)- id: (.*)$", r"\g<0>\n\1  bogus: 1", good, count=1, flags=re.M)
        assert broken != good
        actors.write_text(broken, encoding="utf-8")
        _wait_for(lambda: "error[unknown-field]: unknown field 'bogus'" in output(), "the error report", log)
        assert re.search(r"annotations/actors\.yml:\d+:\d+: error\[unknown-field\]", output())
        assert "Traceback" not in output()
        assert server.poll() is None

        # A request made now is answered (MkDocs holds it until a build succeeds), and the fix is picked up.
        answer: list[tuple[int, str]] = []
        request = threading.Thread(target=lambda: answer.append(_get(url, timeout=120)))
        request.start()
        time.sleep(1)
        actors.write_text(good, encoding="utf-8")
        request.join(timeout=120)
        assert answer and answer[0][0] == 200 and "Zuckerwattewolke" in answer[0][1]
        _wait_for(lambda: output().count("Reloading browsers") >= 2, "the rebuild after the fix", log)
        assert server.poll() is None
    finally:
        stop(server)


def test_sources_and_annotations_are_watched_by_notification_not_by_polling(tmp_path):
    """MkDocs polls every file it watches twice a second; sources/ and annotations/ go to an observer the
    system notifies (on Linux, inotify), started by the plugin; MkDocs' own observer stays as it was."""
    from watchdog.observers.polling import PollingObserver

    from dossier.plugin import DossierPlugin

    class Server:  # what on_serve uses of MkDocs' LiveReloadServer
        def __init__(self):
            self.observer, self.watched = PollingObserver(), []

        def watch(self, path):
            self.watched.append((path, self.observer))

    plugin, server = DossierPlugin(), Server()
    plugin.load_config({})
    plugin.root = tmp_path
    polling = server.observer
    assert plugin.on_serve(server, None, None) is server
    assert server.observer is polling and not polling.is_alive()
    assert [path for path, _ in server.watched] == [str(tmp_path / "sources"), str(tmp_path / "annotations")]
    observers = {observer for _, observer in server.watched}
    assert len(observers) == 1 and not isinstance(next(iter(observers)), PollingObserver)
    assert next(iter(observers)).is_alive()
    next(iter(observers)).stop()
