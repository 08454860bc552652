from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from . import admin_axes
from .audit_labels import ActionFilter, action_label
from .models import AuditEvent, Invitation, Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation", "user"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["full_name"]
    list_display = ["email", "full_name", "title", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "memberships__organisation__kind"]
    search_fields = ["email", "full_name", "memberships__organisation__name"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "title")}),
        (_("Behörighet"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Datum"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code", "county", "registry_email", "org_number", "is_active"]
    list_filter = ["kind", "county", "is_active"]
    search_fields = ["name", "code", "county", "registry_email", "org_number"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "organisation",
        "is_drafter",
        "is_reviewer",
        "is_approver",
        "is_org_admin",
        "is_ministry_staff",
    ]
    list_filter = [
        "organisation__kind",
        "is_drafter",
        "is_reviewer",
        "is_approver",
        "is_org_admin",
        "is_ministry_staff",
    ]
    search_fields = ["user__email", "user__full_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


class ReadOnlyAdminMixin:
    """Administrators may read and search these records; they change only through the application."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the audit log can be searched and read, never changed (ASVS 16.4.2)."""

    list_display = ["created_at", "event", "actor_label", "organisation", "object_repr", "ip_address"]
    list_filter = [ActionFilter, "created_at"]
    search_fields = ["action", "actor_label", "object_repr", "object_id"]
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        return ["event", *(f.name for f in self.model._meta.fields)]

    @admin.display(description=_("händelse"), ordering="action")
    def event(self, obj):
        return action_label(obj.action)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Support can see every invitation and revoke one (set "återkallad"); links are never shown:
    only their hash is stored. New invitations are made by organisation administrators in the service."""

    list_display = ["email", "kind", "organisation", "created_at", "expires_at", "used_at", "revoked_at"]
    list_filter = ["kind", "used_at", "revoked_at"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = [
        "kind",
        "organisation",
        "email",
        "roles",
        "claim",
        "created_by",
        "created_at",
        "used_at",
        "used_by",
        "sent_count",
        "last_sent_at",
        "delivery_error",
        "next_path",
    ]
    exclude = ["token_hash"]

    def has_add_permission(self, request, obj=None):
        return False


# django-axes' pages (registered by axes before this module is imported) in Swedish.
admin_axes.register()
