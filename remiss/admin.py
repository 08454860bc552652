from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin import ReadOnlyAdminMixin

from . import models as m
from .models.responses import SubmissionAttachment


class SectionInline(admin.TabularInline):
    model = m.Section
    extra = 0


class RecipientInline(admin.TabularInline):
    model = m.Recipient
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(m.Remiss)
class RemissAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "ministry", "status", "deadline"]
    list_filter = ["status", "ministry"]
    search_fields = ["reference", "title"]
    inlines = [SectionInline, RecipientInline]


@admin.register(m.Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "remiss", "kind"]
    list_filter = ["kind", "remiss"]
    search_fields = ["text"]


@admin.register(m.Response)
class ResponseAdmin(admin.ModelAdmin):
    """Responses are read-only here: their status changes only through the workflow."""

    list_display = ["__str__", "status", "updated_at"]
    list_filter = ["status", "recipient__remiss"]
    search_fields = ["recipient__organisation__name", "recipient__remiss__reference"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(m.Compilation)
class CompilationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "progress", "created_by", "created_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in m.Compilation._meta.fields]


@admin.register(m.Publication)
class PublicationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: ministry staff redact or withhold publication copies in the app (audit-logged)."""

    list_display = ["submission", "withheld", "redacted_name", "updated_by", "updated_at"]
    list_filter = ["withheld"]
    readonly_fields = [f.name for f in m.Publication._meta.fields]


class SubmissionAttachmentInline(admin.TabularInline):
    model = SubmissionAttachment
    extra = 0
    can_delete = False
    fields = ["title", "original_name", "size", "sha256"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(m.Submission)
class SubmissionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: submissions are frozen. A PDF that failed for good can be queued again."""

    list_display = ["__str__", "status", "attempts", "submitted_at", "is_late", "declined"]
    list_filter = ["status", "is_late", "declined"]
    search_fields = ["response__recipient__organisation__name", "response__recipient__remiss__reference"]
    readonly_fields = [f.name for f in m.Submission._meta.fields if f.name != "snapshot"]
    exclude = ["snapshot"]
    inlines = [SubmissionAttachmentInline]
    actions = ["retry_render"]

    @admin.action(description=_("Försök skapa PDF och kvittens igen (misslyckade)"), permissions=["view"])
    def retry_render(self, request, queryset):
        from django.contrib import messages

        from .services import submissions
        from .services.errors import ResponseError

        done = 0
        for submission in queryset:
            try:
                submissions.retry_render(submission=submission, by=request.user)
                done += 1
            except ResponseError as error:
                self.message_user(request, f"{submission}: {error}", messages.WARNING)
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(n)s inskickad version köas för en ny PDF.",
                    "%(n)s inskickade versioner köas för en ny PDF.",
                    done,
                )
                % {"n": done},
            )
