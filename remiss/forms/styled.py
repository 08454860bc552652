"""A form base that draws itself accessibly with Bootstrap (used by ``_plain_form.html`` and others)."""

from __future__ import annotations

from django import forms


class StyledForm(forms.Form):
    """Bootstrap classes on every widget, and each input tied to its help text and its error message
    (aria-describedby, aria-invalid), for forms drawn by ``_plain_form.html``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.HiddenInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            widget.attrs.setdefault("class", css)
            if field.help_text:
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_helptext"

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            error_id = f"{self[name].auto_id}-error"
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = " ".join(filter(None, [error_id, attrs.get("aria-describedby", "")]))
            attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
