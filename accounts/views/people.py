"""An organisation administrator's page for the organisation's people (under /konto/organisation/).

Everything is scoped to the active organisation of a signed-in organisation administrator: other
organisations' members and invitations are 404, members without the role get 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import audit
from accounts.forms import InviteColleagueForm, RolesForm
from accounts.models import Invitation, Membership
from accounts.services import invitations
from core.errors import ApplicationError


def _admin_membership(request) -> Membership:
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_org_admin:
        audit.record(
            "access.denied", actor=request.user, request=request, data={"what": "people", "path": request.path}
        )
        raise PermissionDenied(_("Bara organisationens administratörer får hantera dess medlemmar."))
    return membership


def _scoped(request, queryset, pk: int):
    organisation = _admin_membership(request).organisation
    item = queryset.filter(organisation=organisation, pk=pk).first()
    if item is None:
        audit.record(
            "access.denied", actor=request.user, request=request, data={"what": "people", "path": request.path}
        )
        raise Http404
    return item


def _page(request, form=None, status: int = 200):
    organisation = _admin_membership(request).organisation
    members = invitations.members(organisation)
    context = {
        "organisation": organisation,
        "members": [(m, RolesForm(initial={"roles": [r.value for r in m.roles]}, prefix=f"m{m.pk}")) for m in members],
        "pending": invitations.pending_invitations(organisation),
        "form": form or InviteColleagueForm(),
    }
    return render(request, "accounts/people/list.html", context, status=status)


@login_required
def people(request):
    return _page(request)


@login_required
@require_POST
def invite(request):
    organisation = _admin_membership(request).organisation
    form = InviteColleagueForm(request.POST)
    if form.is_valid():
        try:
            invitations.invite_colleague(
                organisation=organisation, by=request.user, request=request, **form.cleaned_data
            )
        except ApplicationError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("En inbjudan har skickats till %(email)s.") % form.cleaned_data)
            return redirect("accounts:people")
    return _page(request, form, status=400)


def _act(request, action, success: str, **kwargs):
    try:
        action(by=request.user, request=request, **kwargs)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("accounts:people")


@login_required
@require_POST
def member_roles(request, pk: int):
    membership = _scoped(request, Membership.objects.select_related("user"), pk)
    form = RolesForm(request.POST, prefix=f"m{pk}")
    if not form.is_valid():
        messages.error(request, _("Välj minst en roll för %(name)s.") % {"name": membership.user.get_full_name()})
        return redirect("accounts:people")
    return _act(
        request,
        invitations.set_roles,
        _("Rollerna för %(name)s har sparats.") % {"name": membership.user.get_full_name()},
        membership=membership,
        roles=form.cleaned_data["roles"],
    )


@login_required
@require_POST
def member_deactivate(request, pk: int):
    membership = _scoped(request, Membership.objects.select_related("user"), pk)
    return _act(
        request,
        invitations.deactivate,
        _("%(name)s är inte längre medlem.") % {"name": membership.user.get_full_name()},
        membership=membership,
    )


@login_required
@require_POST
def invitation_resend(request, pk: int):
    item = _scoped(request, Invitation.objects.all(), pk)
    return _act(
        request,
        invitations.resend,
        _("Inbjudan har skickats igen till %(email)s.") % {"email": item.email},
        invitation=item,
    )


@login_required
@require_POST
def invitation_revoke(request, pk: int):
    item = _scoped(request, Invitation.objects.all(), pk)
    return _act(
        request,
        invitations.revoke,
        _("Inbjudan till %(email)s har återkallats.") % {"email": item.email},
        invitation=item,
    )
