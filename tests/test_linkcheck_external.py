"""The external link check against a local HTTP server on 127.0.0.1 (never the internet): 200, 301, 404,
500, a slow answer, one that is slow only the first time, and one that counts requests in flight."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import main
from dossier.linkcheck import Finding
from dossier.linkcheck_external import check_external, grouped


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: list[str] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request, client_address) -> None:
        pass  # the checker hung up on a slow answer: expected, not worth a traceback


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        server = self.server
        with server.lock:
            first = self.path not in server.hits
            server.hits.append(self.path)
        if self.path == "/slow" or (self.path == "/flaky" and first):
            time.sleep(2.5)  # longer than the tests' timeout of 1 s
        if self.path.startswith("/busy/"):
            with server.lock:
                server.in_flight += 1
                server.most_in_flight = max(server.most_in_flight, server.in_flight)
            time.sleep(0.3)
            with server.lock:  # before answering: once answered, the client may send the next request
                server.in_flight -= 1
        code = {"/moved": 301, "/gone": 404, "/error": 500}.get(self.path, 200)
        self.send_response(code)
        if code == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)  # lychee must talk to 127.0.0.1 directly
    server = Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def make_site(folder: Path, pages: dict[str, list[str]], extra: str = "") -> Path:
    """A built site is all the external check reads: pages with links."""
    for name, urls in pages.items():
        page = folder / "site" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        links = "\n".join(f'<a href="{url}">Quelle</a>' for url in urls)
        page.write_text(f"<html><body>\n{links}\n{extra}</body></html>\n", encoding="utf-8")
    return folder / "site"


@pytest.fixture
def site(server, tmp_path) -> Path:
    b = server.base
    return make_site(tmp_path, {
        "index.html": [f"{b}/ok", f"{b}/moved", f"{b}/error"],
        "quellen/a.html": [f"{b}/gone", f"{b}/slow", f"{b}/ok"],
    })


def check(site: Path, cache: Path, **options):
    return check_external(site, cache, **{"timeout": 1, "retries": 0, **options})


def test_dead_and_redirected_are_reported_separately(server, site, tmp_path):
    b = server.base

    report = check(site, tmp_path / "cache.json")

    assert report.dead == [
        Finding("index.html", f"{b}/error", "500 Internal Server Error"),
        Finding("quellen/a.html", f"{b}/gone", "404 Not Found"),
        Finding("quellen/a.html", f"{b}/slow", "no answer within 1 s"),
    ]
    assert report.redirected == [Finding("index.html", f"{b}/moved", f"redirects to {b}/ok")]
    assert (report.urls, report.cached) == (5, 0)
    assert report.summary().startswith("external: 5 URLs (0 from cache, 0 skipped), 3 dead, 1 redirected, ")


def test_cache_spares_the_hosts_and_keeps_redirects(server, site, tmp_path):
    cache = tmp_path / "cache.json"
    first = check(site, cache)
    server.hits.clear()

    second = check(site, cache)

    # ok, moved and gone came from the cache; the 500 and the timeout may pass, so they are asked again.
    assert sorted(server.hits) == ["/error", "/slow"]
    assert second.cached == 3
    assert (second.dead, second.redirected) == (first.dead, first.redirected)  # lychee's cache loses the 301
    assert set(json.loads(cache.read_text(encoding="utf-8"))["urls"]) == {
        f"{server.base}/ok", f"{server.base}/moved", f"{server.base}/gone"}


def test_cache_expires(server, tmp_path):
    cache = tmp_path / "cache.json"
    gone = f"{server.base}/gone"
    site = make_site(tmp_path, {"index.html": [f"{server.base}/ok", gone]})

    def cached_as_ok(age: float) -> None:
        entry = {"checked": time.time() - age, "kind": "ok", "detail": ""}
        cache.write_text(json.dumps({"version": 1, "urls": {gone: entry}}), encoding="utf-8")

    cached_as_ok(age=3600)
    assert gone not in {f.link for f in check(site, cache, max_age=2 * 3600).dead}  # trusted: still fresh

    cached_as_ok(age=3 * 3600)
    server.hits.clear()
    assert gone in {f.link for f in check(site, cache, max_age=2 * 3600).dead}  # too old: asked again
    assert "/gone" in server.hits

    server.hits.clear()
    check(site, cache, max_age=0)  # 0: ask everything again
    assert sorted(server.hits) == ["/gone", "/ok"]


@pytest.mark.parametrize("damaged", ["{not json", '["a list"]', '{"urls": {"http://x/": {"kind": "ok"}}}'])
def test_damaged_cache_means_check_again(server, tmp_path, damaged):
    cache = tmp_path / "cache.json"
    cache.write_text(damaged, encoding="utf-8")
    site = make_site(tmp_path, {"index.html": [f"{server.base}/gone"]})

    assert [f.link for f in check(site, cache).dead] == [f"{server.base}/gone"]
    assert list(json.loads(cache.read_text(encoding="utf-8"))["urls"]) == [f"{server.base}/gone"]


def test_retry_after_a_timeout(server, tmp_path):
    site = make_site(tmp_path, {"index.html": [f"{server.base}/flaky"]})

    report = check(site, None, retries=1)

    assert report.dead == []
    assert server.hits == ["/flaky", "/flaky"]


def test_no_more_than_two_requests_at_once_to_one_host(server, tmp_path):
    site = make_site(tmp_path, {"index.html": [f"{server.base}/busy/{n}" for n in range(8)]})

    report = check(site, None, concurrency=8)

    assert report.dead == [] and len(server.hits) == 8
    assert server.most_in_flight == 2


def test_leaves_out_code_examples_own_site_and_excluded(server, tmp_path):
    b = server.base
    canonical = f'<link rel="canonical" href="{b}/dossier/index.html">'
    site = make_site(tmp_path, {"index.html": [f"{b}/ok", f"{b}/dossier/quellen/a.html", f"{b}/gone"]},
                     extra=f"<pre><code>url: {b}/beispiel</code></pre>\n{canonical}\n")

    report = check(site, None, exclude=("/gone$",))

    assert server.hits == ["/ok"]
    assert (report.urls, report.skipped, report.dead) == (2, 1, [])


def test_cli_external(server, site, tmp_path):
    result = CliRunner().invoke(main, ["linkcheck", str(site), "--external", "--timeout", "1", "--retries", "0",
                                       "--cache", str(tmp_path / "cache.json")])

    b = server.base
    assert result.exit_code == 1
    first, *lines, last = result.output.splitlines()
    assert first.startswith("linkcheck: 2 pages, 0 links, 0 broken, ")  # the internal check comes first
    assert lines == [
        "dead external links:",
        f"  index.html: {b}/error (500 Internal Server Error)",
        f"  quellen/a.html: {b}/gone (404 Not Found)",
        f"  quellen/a.html: {b}/slow (no answer within 1 s)",
        "redirected external links:",
        f"  index.html: {b}/moved (redirects to {b}/ok)",
    ]
    assert last.startswith("external: 5 URLs (0 from cache, 0 skipped), 3 dead, 1 redirected, ")


def test_cli_redirects_alone_do_not_fail(server, tmp_path):
    site = make_site(tmp_path, {"index.html": [f"{server.base}/ok", f"{server.base}/moved"]},
                     extra='<link rel="stylesheet" href="index.html">')

    result = CliRunner().invoke(main, ["linkcheck", str(site), "--external", "--cache", str(tmp_path / "c.json")])

    assert result.exit_code == 0, result.output
    assert "redirected external links:" in result.output and "dead external links:" not in result.output


def test_a_url_on_many_pages_is_one_line():
    footer = "https://squidfunk.github.io/mkdocs-material/"
    findings = [Finding(page, footer, "404 Not Found") for page in ("a.html", "b.html", "c.html")]
    findings.append(Finding("b.html", "https://example.net/x", "410 Gone"))

    assert grouped(sorted(findings)) == [
        f"a.html and 2 other pages: {footer} (404 Not Found)",
        "b.html: https://example.net/x (410 Gone)",
    ]
