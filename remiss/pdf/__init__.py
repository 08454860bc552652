"""PDF rendering with WeasyPrint. All PDFs go through ``render_pdf``; files are written atomically."""

from .base import render_pdf, save_atomically, url_fetcher

__all__ = ["render_pdf", "save_atomically", "url_fetcher"]
