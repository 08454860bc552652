"""Audit events as Swedish phrases: the dotted action codes (``response.submitted``) stay in the
database and the search; people read these phrases in the admin's list, detail and filter."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    # Sign-in and access
    "access.denied": _("Åtkomst nekad"),
    "auth.login": _("Inloggning"),
    "auth.login_failed": _("Misslyckad inloggning"),
    "auth.logout": _("Utloggning"),
    "auth.password_reset_requested": _("Återställning av lösenord begärd"),
    "auth.mfa_setup": _("Tvåstegsverifiering aktiverad"),
    "auth.mfa_verified": _("Tvåstegsverifiering godkänd"),
    "auth.mfa_failed": _("Fel kod vid tvåstegsverifiering"),
    "auth.mfa_throttled": _("Tvåstegsverifiering tillfälligt spärrad"),
    "auth.mfa_recovery_used": _("Reservkod använd"),
    "auth.mfa_recovery_codes_renewed": _("Nya reservkoder skapade"),
    "auth.password_reset_completed": _("Lösenord återställt"),
    "auth.client_locked_out": _("Inloggning spärrad efter för många försök"),
    "throttle.rejected": _("För många försök – begäran avvisad"),
    # People and organisations
    "invitation.created": _("Inbjudan skapad"),
    "invitation.resent": _("Inbjudan skickad igen"),
    "invitation.revoked": _("Inbjudan återkallad"),
    "invitation.accepted": _("Inbjudan accepterad"),
    "invitation.refused": _("Inbjudan nekad"),
    "invitation.claim_started": _("Organisationskonto påbörjat"),
    "invitation.claim_address_taken": _("Organisationskonto begärt för en adress som redan har ett konto"),
    "organisation.created": _("Organisation skapad"),
    "organisation.claimed": _("Organisationen har tagit över sitt konto"),
    "organisation.contact_changed": _("Organisationens kontaktuppgifter ändrade"),
    "membership.roles_changed": _("Roller ändrade"),
    "membership.deactivated": _("Medlemskap avslutat"),
    # The remiss (ministry)
    "remiss.created": _("Remiss skapad"),
    "remiss.updated": _("Remissens grunduppgifter ändrade"),
    "remiss.published": _("Remiss publicerad"),
    "remiss.closed": _("Remiss stängd"),
    "remiss.reopened": _("Remiss öppnad igen"),
    "remiss.deadline_extended": _("Svarstid förlängd"),
    "remiss.document_added": _("Dokument tillagt"),
    "remiss.document_deleted": _("Dokument borttaget"),
    "remiss.section_added": _("Avsnitt tillagt"),
    "remiss.section_updated": _("Avsnitt ändrat"),
    "remiss.section_deleted": _("Avsnitt borttaget"),
    "remiss.section_moved": _("Avsnitt flyttat"),
    "remiss.proposal_added": _("Förslag tillagt"),
    "remiss.proposal_updated": _("Förslag ändrat"),
    "remiss.proposal_deleted": _("Förslag borttaget"),
    "remiss.proposal_moved": _("Förslag flyttat"),
    "remiss.structure_imported": _("Avsnitt och förslag importerade"),
    "remiss.recipients_added": _("Remissinstanser tillagda"),
    "remiss.recipient_removed": _("Remissinstans borttagen"),
    "recipient.reminded": _("Påminnelse skickad"),
    "recipient.invitation_failed": _("Inbjudan kunde inte skickas"),
    # The answer (respondent)
    "response.started": _("Yttrande påbörjat"),
    "response.edited": _("Yttrande ändrat"),
    "response.sent_for_review": _("Yttrande skickat till granskning"),
    "response.changes_requested": _("Ändringar begärda"),
    "response.approved": _("Yttrande godkänt"),
    "response.decision_recorded": _("Beslut registrerat"),
    "response.submitted": _("Yttrande inskickat"),
    "response.declined": _("Avstår från att yttra sig"),
    "response.reopened": _("Yttrande öppnat för rättelse"),
    "assignment.created": _("Uppgift fördelad"),
    "assignment.done": _("Uppgift klar"),
    "attachment.added": _("Bilaga uppladdad"),
    "attachment.removed": _("Bilaga borttagen"),
    "submission.rendered": _("PDF och kvittens skapade"),
    "submission.failed": _("PDF kunde inte skapas"),
    "submission.retried": _("Nytt försök att skapa PDF"),
    # Publication and compilation
    "publication.original": _("Publiceras i original"),
    "publication.redacted": _("Maskerad kopia publicerad"),
    "publication.withheld": _("Publiceras inte på webben"),
    "compilation.started": _("Sammanställning startad"),
    "compilation.cancelled": _("Sammanställning avbruten"),
    "compilation.retried": _("Sammanställning startad igen"),
    "compilation.downloaded": _("Sammanställning nedladdad"),
    # Themes per proposal and the published analysis
    "themes.requested": _("Temasökning begärd"),
    "themes.found": _("Teman hittade"),
    "themes.published": _("Analysen publicerad"),
    "themes.special_marked": _("Markerad som särskilt berörd"),
    "themes.special_unmarked": _("Inte längre särskilt berörd"),
    "theme.renamed": _("Tema bytte namn"),
    "theme.merged": _("Teman slogs ihop"),
    "theme.split": _("Tema delades"),
    "theme.member_moved": _("Svar flyttat till annat tema"),
    "theme.member_removed": _("Svar borttaget ur tema"),
    "theme.key_marked": _("Tema markerat som viktigt"),
    "theme.key_unmarked": _("Tema inte längre markerat som viktigt"),
    "theme.confirmed": _("Tema bekräftat"),
    "theme.unconfirmed": _("Tema inte längre bekräftat"),
    # Answers that came as documents or from anyone, and staff's edits of the drafted text
    "received_document.registered": _("Svar som dokument registrerat"),
    "received_document.discarded": _("Registrerat dokumentsvar borttaget"),
    "public_answer.confirmed": _("Synpunkter bekräftade av avsändaren"),
    "draft.edited": _("Förslag till text redigerat"),
}


def action_label(action: str) -> str:
    """The Swedish phrase for an action code; an unknown code is shown as it is."""
    return str(ACTION_LABELS.get(action, action))


class ActionFilter(admin.SimpleListFilter):
    """Filter the audit log by event, listed by their Swedish phrases."""

    title = _("händelse")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        actions = model_admin.get_queryset(request).values_list("action", flat=True).distinct()
        return sorted(((a, action_label(a)) for a in actions), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset
