"""django-axes' admin pages in Swedish.

django-axes ships no Swedish catalogue, and its models' English names are part of its migrations,
so they are not changed here. Instead its three admin pages are registered again with Swedish
columns, filters, field labels, titles and actions, and the admin's app list and breadcrumbs name
the app and its models in Swedish (templates/admin/axes/)."""

from __future__ import annotations

from axes import admin as axes_admin
from axes.conf import settings as axes_settings
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.db import models
from django.utils.translation import gettext_lazy as _

APP_NAME = _("Inloggningsspärr")
MODEL_NAMES = {
    AccessAttempt: (_("inloggningsförsök"), _("Inloggningsförsök")),
    AccessLog: (_("inloggning"), _("Inloggningar")),
    AccessFailureLog: (_("misslyckad inloggning"), _("Misslyckade inloggningar")),
}
LABELS = {
    "attempt_time": _("tidpunkt"),
    "logout_time": _("utloggad"),
    "ip_address": _("IP-adress"),
    "user_agent": _("webbläsare"),
    "username": _("användarnamn"),
    "http_accept": _("HTTP Accept"),
    "path_info": _("sökväg"),
    "get_data": _("GET-data"),
    "post_data": _("formulärdata"),
    "failures_since_start": _("misslyckade försök"),
    "locked_out": _("spärrad"),
    "expiration": _("gäller till"),
    "status": _("läge"),
}
FIELDSET_TITLES = {"Form Data": _("Formulär"), "Meta Data": _("Anslutning")}


def _titled(base, title):
    """A field list filter that shows ``title`` instead of the field's English name."""

    class Titled(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return Titled


class LockedOutFilter(axes_admin.IsLockedOutFilter):
    title = _("spärrad")

    def lookups(self, request, model_admin):
        return (("yes", _("Ja")), ("no", _("Nej")))


def _column(name, label, base_admin):
    method = getattr(base_admin, name, None)

    def value(self, obj):
        if name == "status":  # "3 Attempt Remaining" / "Locked Out" in English upstream
            remaining = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
            return _("spärrad") if remaining <= 0 else _("%(n)s försök kvar") % {"n": remaining}
        if name == "expiration":
            return obj.expiration.expires_at if hasattr(obj, "expiration") else _("inte satt")
        return method(self, obj) if callable(method) else getattr(obj, name)

    return admin.display(description=label, ordering=None if method else name, boolean=name == "locked_out")(value)


class SwedishOptions:
    """A model's ``_meta`` as the change list's templates read it, with Swedish model names."""

    def __init__(self, opts, singular, plural):
        self._opts, self.verbose_name, self.verbose_name_plural = opts, singular, plural

    def __getattr__(self, name):
        return getattr(self._opts, name)


def swedish(base_admin, model):
    """A subclass of ``base_admin`` whose every visible label is Swedish."""
    singular, plural = MODEL_NAMES[model]
    attrs = {f"sv_{name}": _column(name, label, base_admin) for name, label in LABELS.items()}

    def sv(name):
        return f"sv_{name}" if name in LABELS else name

    def filter_for(entry):
        if entry is axes_admin.IsLockedOutFilter:
            return LockedOutFilter
        if isinstance(entry, str):
            field = model._meta.get_field(entry)
            base = (
                admin.DateFieldListFilter if isinstance(field, models.DateTimeField) else admin.AllValuesFieldListFilter
            )
            if isinstance(field, models.BooleanField):
                base = admin.BooleanFieldListFilter
            return (entry, _titled(base, LABELS.get(entry, entry)))
        return entry

    attrs["list_display"] = [sv(n) for n in base_admin.list_display]
    attrs["list_filter"] = [filter_for(e) for e in base_admin.list_filter]
    attrs["readonly_fields"] = [sv(n) for n in base_admin.readonly_fields]
    attrs["fieldsets"] = tuple(
        (FIELDSET_TITLES.get(str(title), title) if title else None, {"fields": tuple(sv(n) for n in opts["fields"])})
        for title, opts in base_admin.fieldsets
    )
    attrs["actions"] = []
    context = {"sv_app_name": APP_NAME, "sv_model_name": plural}

    def changelist_view(self, request, extra_context=None):
        return base_admin.changelist_view(self, request, {**context, "title": plural, **(extra_context or {})})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {**context, "title": singular.capitalize(), **(extra_context or {})}
        return base_admin.change_view(self, request, object_id, form_url, extra)

    def get_changelist(self, request, **kwargs):
        base = base_admin.get_changelist(self, request, **kwargs)

        class SwedishChangeList(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.opts = SwedishOptions(self.opts, singular, plural)

        return SwedishChangeList

    def get_action_choices(self, request, default_choices=None, action_location=ActionLocation.CHANGE_LIST):
        english = str(model._meta.verbose_name_plural)
        choices = base_admin.get_action_choices(self, request, default_choices, action_location)
        return [(name, str(label).replace(english, str(plural).lower())) for name, label in choices]

    attrs.update(
        changelist_view=changelist_view,
        change_view=change_view,
        get_changelist=get_changelist,
        get_action_choices=get_action_choices,
    )
    attrs["date_hierarchy"] = None  # its navigation names the field in English
    return type(f"Swedish{base_admin.__name__}", (base_admin,), attrs)


def swedish_app_list(get_app_list):
    """Wrap ``AdminSite.get_app_list`` so the index and the sidebar name axes and its models in Swedish."""

    def wrapper(request, app_label=None):
        app_list = get_app_list(request, app_label)
        for app in app_list:
            if app["app_label"] == "axes":
                app["name"] = APP_NAME
                for entry in app["models"]:
                    names = MODEL_NAMES.get(entry["model"])
                    if names:
                        entry["name"] = names[1]
        return app_list

    return wrapper


def register() -> None:
    if not admin.site.is_registered(AccessAttempt):
        return  # AXES_ENABLE_ADMIN is off
    apps.get_app_config("axes").verbose_name = APP_NAME
    for model, base_admin in (
        (AccessAttempt, axes_admin.AccessAttemptAdmin),
        (AccessLog, axes_admin.AccessLogAdmin),
        (AccessFailureLog, axes_admin.AccessFailureLogAdmin),
    ):
        admin.site.unregister(model)
        admin.site.register(model, swedish(base_admin, model))
    admin.site.get_app_list = swedish_app_list(admin.site.get_app_list)
