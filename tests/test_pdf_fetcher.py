"""The PDF renderer's URL fetcher serves the project's own static files and nothing else:
user text can never make WeasyPrint fetch a URL or read a local file."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from remiss.pdf.base import BlockedURL, url_fetcher

STATIC = Path(__file__).resolve().parent.parent / "static"


def test_a_static_file_is_served_with_its_type():
    response = url_fetcher("static:///css/pdf-answer.css")
    body = response.read() if hasattr(response, "read") else response["string"]
    assert body == (STATIC / "css" / "pdf-answer.css").read_bytes()
    headers = getattr(response, "headers", None) or {"Content-Type": response.get("mime_type")}
    assert "text/css" in str(headers.get("Content-Type"))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/secret",
        "https://example.se/a.png",
        "file:///etc/passwd",
        "data:text/plain,hej",
        "ftp://example.se/x",
        "static:///../config/settings.py",
        "static:///css/../../config/settings.py",
        "static:///finns-inte.css",
        "/etc/passwd",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(BlockedURL):
        url_fetcher(url)


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_user_text_with_links_to_a_server_and_a_file_fetches_nothing():
    from weasyprint import HTML

    server = HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/spana.png"
        html = (
            f'<html lang="sv"><head><link rel="stylesheet" href="{url}"></head><body>'
            f'<p>Kommentar</p><img src="{url}" alt=""><img src="file:///etc/passwd" alt="">'
            f'<p style="background: url({url})">Mer text</p></body></html>'
        )
        pdf = HTML(string=html, base_url="static:///", url_fetcher=url_fetcher).write_pdf()
    finally:
        server.shutdown()
    assert pdf.startswith(b"%PDF") and _Counter.hits == []
