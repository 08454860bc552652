"""The one WeasyPrint entry point.

- ``url_fetcher`` serves only the project's own static files: user text can never make WeasyPrint
  fetch a URL or read a local file.
- Output is tagged for accessibility (``pdf_tags``; PDF/UA variant where it works).
- ``save_atomically`` writes to a temporary name and renames, so no half-written file is visible.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

STATIC_PREFIX = "static:///"


class BlockedURL(ValueError):
    pass


class StaticOnlyFetcher:
    """WeasyPrint URL fetcher that resolves ``static:///path`` through the staticfiles finders and
    refuses every other URL (http, file, data …) without touching the network or the disk."""

    _fail_on_errors = False

    def __call__(self, url: str):
        from weasyprint.urls import URLFetcherResponse

        if not url.startswith(STATIC_PREFIX):
            raise BlockedURL(f"PDF rendering may not fetch {url[:80]!r}")
        relative = url[len(STATIC_PREFIX) :]
        if ".." in Path(relative).parts:
            raise BlockedURL("path traversal")
        found = finders.find(relative)
        if not found:
            raise BlockedURL(f"no static file {relative!r}")
        return URLFetcherResponse(url, Path(found).read_bytes(), {"Content-Type": _mime(relative)})


url_fetcher = StaticOnlyFetcher()


def _mime(path: str) -> str:
    return {
        "css": "text/css",
        "svg": "image/svg+xml",
        "png": "image/png",
        "ttf": "font/ttf",
        "woff2": "font/woff2",
    }.get(path.rsplit(".", 1)[-1], "application/octet-stream")


def render_pdf(
    template: str, context: dict, *, tagged: bool = True, variant: str | None = None, header_scopes: bool = True
) -> bytes:
    """Render a Django template to PDF bytes. Templates link assets as ``static:///css/pdf.css``.

    ``header_scopes=False`` leaves table header cells without /Scope, for a caller that adds them
    itself (the sammanställning's part files do, see ``remiss.pdf.tags``)."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    document = HTML(string=html, base_url=STATIC_PREFIX, url_fetcher=url_fetcher)
    options: dict = {"pdf_tags": tagged}
    if variant:
        options["pdf_variant"] = variant
    data = document.write_pdf(**options)
    if tagged and header_scopes and "<th" in html:  # table header cells get the /Scope WeasyPrint leaves out
        from .tags import add_header_scopes

        data = add_header_scopes(data)
    return data


@contextmanager
def atomic_file(storage, name: str) -> Iterator[BinaryIO]:
    """Open ``name`` in ``storage`` (the filesystem) for writing, so that it appears complete or not
    at all: the bytes go to a temporary file beside the target, fsynced, then ``os.replace``d into
    place when the block ends; on an error (or a killed process) only the temporary file is left,
    which the compilation clean-up removes."""
    target = Path(storage.path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".partial-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_atomically(field, name: str, data: bytes) -> str:
    """Store ``data`` in ``field``'s storage under a generated ``name`` (see ``atomic_file``); the
    model's field is updated only after the file is complete. Returns the stored name."""
    storage = field.storage if hasattr(field, "storage") else default_storage
    with atomic_file(storage, name) as handle:
        handle.write(data)
    field.name = name
    return name
