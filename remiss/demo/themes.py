"""Demo themes: the engine run over the demo remiss's answers, the themes that several bodies carry
confirmed, and two bodies marked as särskilt berörda, so the "Teman" tab opens on a filled
workspace. Idempotent: nothing is done once the remiss has themes."""

from __future__ import annotations

from accounts.models import Organisation, User
from remiss.models import Remiss, Theme
from remiss.services import theme_edits, themes

from .answers import REMISS_REFERENCE
from .remisser import MINISTRY

SPECIAL = ("Statskontoret", "Ekonomistyrningsverket")
CONFIRM_FROM = 3  # answering bodies a theme needs to be confirmed in the demo


def load() -> list[str]:
    remiss = Remiss.objects.filter(ministry__name=MINISTRY, reference=REMISS_REFERENCE).first()
    staff = User.objects.filter(email="departement@demo.remiss.se").first()
    if remiss is None or staff is None:
        return ["Demoteman: demoremissen saknas – hoppar över."]
    if Theme.objects.filter(remiss=remiss).exists():
        return ["Demoteman finns redan."]
    for name in SPECIAL:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation and remiss.recipients.filter(organisation=organisation).exists():
            theme_edits.set_special(remiss=remiss, organisation=organisation, special=True, by=staff)
    result = themes.run_themes(remiss=remiss, by=staff)
    confirmed = 0
    seen_key: set[int] = set()
    for theme in Theme.objects.filter(remiss=remiss).prefetch_related("members"):
        if len(theme.members.all()) >= CONFIRM_FROM:
            theme_edits.set_confirmed(theme=theme, confirmed=True, by=staff)
            confirmed += 1
            if theme.proposal_id not in seen_key:  # the most widely carried theme of each proposal
                theme_edits.set_key(theme=theme, key=True, by=staff)
                seen_key.add(theme.proposal_id)
    return [
        f"Demoteman: {result['themes']} teman ({confirmed} bekräftade) på {result['seconds']:.1f} s; "
        f"särskilt berörda: {', '.join(SPECIAL)}."
    ]
