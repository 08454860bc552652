"""Who may see and do what. Every view reaches domain objects through these helpers.

Rules:
- Ministry staff (a membership with ``is_ministry_staff`` in the owning departement) manage a remiss.
  They never see a response's draft content: only submitted or declined answers, and status counts.
- Respondent members see their own organisation's responses; roles decide what they may do.
- The public sees published remisser and submitted answers once the remiss's publicity rule allows.

Strangers get 404 (the object's existence is not revealed); members lacking a role get 403.
Denials are written to the audit log.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from accounts import audit
from accounts.models import Membership, Role

from . import deadlines, workflow
from .models import Remiss, RemissStatus, Response, ResponseStatus, Submission, SubmissionStatus
from .models.remisser import Publicity


def deny(request: HttpRequest, what: str, *, not_found: bool = False) -> None:
    """Log a denied access and raise 404 (stranger) or 403 (member without the role)."""
    user = request.user if request.user.is_authenticated else None
    audit.record(
        "access.denied",
        actor=user,
        organisation=getattr(request, "organisation", None),
        request=request,
        data={"what": what, "path": request.path[:300]},
    )
    if not_found:
        raise Http404(what)
    raise PermissionDenied(what)


# --- Ministry staff -----------------------------------------------------------------------------


def staff_membership(request: HttpRequest) -> Membership | None:
    """The active membership if it is ministry staff, else None."""
    membership = getattr(request, "membership", None)
    if membership and membership.is_ministry_staff and membership.organisation.is_ministry:
        return membership
    return None


def remisser_for_staff(request: HttpRequest) -> QuerySet[Remiss]:
    membership = staff_membership(request)
    if membership is None:
        return Remiss.objects.none()
    return Remiss.objects.filter(ministry=membership.organisation)


def get_remiss_for_staff(request: HttpRequest, pk: int) -> Remiss:
    """The remiss if the active organisation owns it and the user is its staff; 404/403 otherwise."""
    if not request.user.is_authenticated:
        deny(request, "remiss", not_found=True)
    membership = getattr(request, "membership", None)
    remiss = Remiss.objects.filter(pk=pk).select_related("ministry").first()
    if remiss is None or membership is None or remiss.ministry_id != membership.organisation_id:
        deny(request, "remiss", not_found=True)
    if not membership.is_ministry_staff:
        deny(request, "remiss: ministry staff role required")
    return remiss


def responses_visible_to_ministry(remiss: Remiss) -> QuerySet[Response]:
    """Only what was submitted or declined: never a draft."""
    return Response.objects.filter(recipient__remiss=remiss, status__in=ResponseStatus.FINAL)


def submissions_visible_to_ministry(remiss: Remiss) -> QuerySet[Submission]:
    return Submission.objects.filter(response__recipient__remiss=remiss)


# --- Respondents ------------------------------------------------------------------------------


def responses_for_organisation(request: HttpRequest) -> QuerySet[Response]:
    membership = getattr(request, "membership", None)
    if membership is None or membership.organisation.is_ministry:
        return Response.objects.none()
    return Response.objects.filter(
        recipient__organisation=membership.organisation, recipient__remiss__status__in=RemissStatus.PUBLIC
    )


def get_response_for_member(request: HttpRequest, pk: int, role: Role | None = None) -> Response:
    """The response if it belongs to the active organisation (404 otherwise) and, when ``role`` is
    given, the membership holds that role (403 otherwise)."""
    if not request.user.is_authenticated:
        deny(request, "response", not_found=True)
    response = (
        responses_for_organisation(request)
        .select_related("recipient__remiss__ministry", "recipient__organisation")
        .filter(pk=pk)
        .first()
    )
    if response is None:
        deny(request, "response", not_found=True)
    if role is not None and not request.membership.has_role(role):
        deny(request, f"response: role {role} required")
    return response


def can_edit(response: Response, membership: Membership | None) -> bool:
    """Whether the member may change the answer's content now: the workflow table's "edit" rule."""
    return workflow.allows("edit", response, membership)


# --- The public ---------------------------------------------------------------------------------


def public_remisser() -> QuerySet[Remiss]:
    return Remiss.objects.public()


def answers_are_public(remiss: Remiss) -> bool:
    """At once, or (publicity "after the deadline") once every recipient's deadline has passed,
    extensions included: nobody may read the others' answers while still able to answer."""
    if remiss.status not in RemissStatus.PUBLIC:
        return False
    if remiss.publicity == Publicity.IMMEDIATE or remiss.status == RemissStatus.ARCHIVED:
        return True
    latest = deadlines.last_deadline(remiss)
    if latest is None:
        return remiss.status != RemissStatus.PUBLISHED
    return timezone.now() > latest


def public_submissions(remiss: Remiss) -> QuerySet[Submission]:
    """Rendered submissions (every version; views show the newest per response first), if the
    remiss's publicity rule allows. A submitted version stays public when a correction is drafted."""
    if not answers_are_public(remiss):
        return Submission.objects.none()
    return Submission.objects.filter(response__recipient__remiss=remiss, status=SubmissionStatus.DONE).order_by(
        "response_id", "-number"
    )


def publication_of(submission: Submission):
    """The ministry's publication choice for a submission (redacted copy or withheld), or None when
    the original is published as it is."""
    from .models import Publication

    try:
        return submission.publication
    except Publication.DoesNotExist:
        return None


def unnamed_private_senders(remiss: Remiss) -> set[int]:
    """Recipients (ids) that are private persons who did not consent to being named."""
    from .models import PublicAnswer, SenderKind

    return set(
        PublicAnswer.objects.filter(remiss=remiss, sender_kind=SenderKind.PERSON, publish_name=False)
        .exclude(recipient=None)
        .values_list("recipient_id", flat=True)
    )


def original_file_is_public(submission: Submission, unnamed: set[int] | None = None) -> bool:
    """Whether the public may download the file an answer came in as: not when the ministry withheld
    the answer or published a redacted copy, and never for a private person who did not consent to
    being named (the file's name, metadata and text may carry their name and address; the public
    gets the text as published instead). ``unnamed``: ``unnamed_private_senders`` of the remiss,
    when the caller checks many submissions."""
    web = publication_of(submission)
    if web is not None and (web.withheld or web.redacted_pdf):
        return False
    if unnamed is None:
        unnamed = unnamed_private_senders(submission.response.recipient.remiss)
    return submission.response.recipient_id not in unnamed


def get_submission_for_staff(request: HttpRequest, remiss_pk: int, pk: int) -> tuple[Remiss, Submission]:
    """A submission of a remiss the active ministry owns (404 for everyone else, via the remiss)."""
    remiss = get_remiss_for_staff(request, remiss_pk)
    submission = (
        submissions_visible_to_ministry(remiss)
        .select_related("response__recipient__organisation", "receipt")
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        deny(request, "submission", not_found=True)
    return remiss, submission


# --- Ministry staff pages without a remiss ---------------------------------------------------------


def require_ministry_staff(request: HttpRequest) -> Membership:
    """The active membership if it is ministry staff; 403 (logged) for anyone else signed in."""
    membership = staff_membership(request)
    if membership is None:
        deny(request, "ministry: ministry staff role required")
    return membership


def get_public_remiss(request: HttpRequest, pk: int) -> Remiss:
    """A published (or closed/archived) remiss for the public; 404 for drafts and unknown ids."""
    remiss = public_remisser().select_related("ministry").filter(pk=pk).first()
    if remiss is None:
        raise Http404("remiss")
    return remiss


# --- Compilations ---------------------------------------------------------------------------------


def get_compilation_for_staff(request: HttpRequest, remiss_pk: int, pk: int):
    """A compilation of a remiss the active ministry owns (404 for everyone else, via the remiss)."""
    from .models import Compilation

    remiss = get_remiss_for_staff(request, remiss_pk)
    compilation = Compilation.objects.filter(remiss=remiss, pk=pk).select_related("created_by").first()
    if compilation is None:
        deny(request, "compilation", not_found=True)
    return compilation
