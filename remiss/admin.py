from django.contrib import admin

from . import models as m


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
