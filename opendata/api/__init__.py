"""The open-data API, read-only and versioned: /api/v1/ (django-ninja; schema at /api/v1/openapi.json)."""
