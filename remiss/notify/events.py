"""Who is told what for each event: (person, kind, subject, text, link). Links start at SITE_URL."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from notifications.delivery import Message
from notifications.models import NotificationKind
from remiss.models import Assignment, Compilation, Response


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _members(response: Response, role_field: str, actor_id: int | None) -> list[User]:
    memberships = Membership.objects.filter(
        organisation_id=response.recipient.organisation_id, user__is_active=True, **{role_field: True}
    ).select_related("user")
    return [m.user for m in memberships if m.user_id != actor_id]


def _render(template: str, context: dict) -> str:
    return render_to_string(f"remiss/email/notify/{template}.txt", {"site_url": settings.SITE_URL, **context})


def _about_response(event: str, response_id: int, actor_id: int | None, message: str) -> list[Message]:
    response = (
        Response.objects.select_related("recipient__remiss", "recipient__organisation").filter(pk=response_id).first()
    )
    if response is None:
        return []
    remiss = response.recipient.remiss
    actor = User.objects.filter(pk=actor_id).first()
    role, kind, subject, url = {
        "review_requested": (
            "is_reviewer",
            NotificationKind.REVIEW_REQUESTED,
            _("Att granska: yttrande över %(ref)s"),
            _url("respondent:review", response.pk),
        ),
        "changes_requested": (
            "is_drafter",
            NotificationKind.CHANGES_REQUESTED,
            _("Ändringar begärda i yttrandet över %(ref)s"),
            _url("respondent:form", response.pk),
        ),
        "approved": (
            "is_approver",
            NotificationKind.APPROVED,
            _("Godkänt, väntar på beslut: yttrande över %(ref)s"),
            _url("respondent:review", response.pk),
        ),
    }[event]
    context = {"response": response, "remiss": remiss, "actor": actor, "message": message, "url": url, "event": event}
    body = _render("response", context)
    subject = subject % {"ref": remiss.reference}
    return [Message(user, kind, subject, body, url) for user in _members(response, role, actor_id)]


def _task_assigned(assignment_id: int) -> list[Message]:
    assignment = (
        Assignment.objects.select_related(
            "response__recipient__remiss", "assignee", "assigned_by", "section", "proposal"
        )
        .filter(pk=assignment_id, done_at__isnull=True)
        .first()
    )
    if assignment is None or not assignment.assignee.is_active:
        return []
    remiss = assignment.response.recipient.remiss
    url = _url("respondent:form", assignment.response_id) + "#uppgifter"
    body = _render("task_assigned", {"assignment": assignment, "remiss": remiss, "url": url})
    subject = _("Ny uppgift i yttrandet över %(ref)s") % {"ref": remiss.reference}
    return [Message(assignment.assignee, NotificationKind.TASK_ASSIGNED, subject, body, url)]


def _compilation(compilation_id: int) -> list[Message]:
    compilation = Compilation.objects.select_related("remiss", "created_by").filter(pk=compilation_id).first()
    if compilation is None or compilation.created_by is None or not compilation.created_by.is_active:
        return []
    url = _url("compilation:detail", compilation.remiss_id, compilation.pk)
    done = compilation.status == "done"
    body = _render("compilation", {"compilation": compilation, "remiss": compilation.remiss, "url": url, "done": done})
    subject = (
        _("Sammanställningen av %(ref)s är klar") if done else _("Sammanställningen av %(ref)s misslyckades")
    ) % {"ref": compilation.remiss.reference}
    return [Message(compilation.created_by, NotificationKind.COMPILATION, subject, body, url)]


def messages_for(event: str, object_id: int, actor_id: int | None, message: str) -> list[Message]:
    with translation.override(settings.LANGUAGE_CODE):
        if event == "task_assigned":
            return _task_assigned(object_id)
        if event == "compilation":
            return _compilation(object_id)
        return _about_response(event, object_id, actor_id, message)
