"""PDF rendering with WeasyPrint. All PDFs go through ``render_pdf``; files are written atomically."""

from .base import atomic_file, render_pdf, save_atomically, url_fetcher

__all__ = ["atomic_file", "render_pdf", "save_atomically", "url_fetcher"]
