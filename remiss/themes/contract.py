"""The JSON contract of ``manage.py find_themes``: one proposal in, its themes out."""

from __future__ import annotations

from typing import Any

from .engine import DEFAULT_SETTINGS, Settings, as_proposal, find_themes


def run_contract(data: dict[str, Any], settings: Settings = DEFAULT_SETTINGS) -> dict[str, Any]:
    """``{"remiss", "proposal", "answers"[, "existing"]}`` -> ``{"themes": [...]}``; ids echoed unchanged."""
    if not isinstance(data, dict) or not isinstance(data.get("answers"), list):
        raise ValueError("Indata måste vara ett JSON-objekt med en lista 'answers'.")
    proposal = dict(data.get("proposal") or {})
    proposal["remiss"] = data.get("remiss") or {}
    for answer in data["answers"]:
        if not isinstance(answer, dict) or "id" not in answer:
            raise ValueError("Varje svar måste ha ett 'id'.")
    themes = find_themes(as_proposal(proposal), data["answers"], existing=data.get("existing"), settings=settings)
    return {"themes": [theme.as_dict() for theme in themes]}
