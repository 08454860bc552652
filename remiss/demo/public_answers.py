"""Two demo answers from outside the remisslista, given on the public "Lämna synpunkter" page,
confirmed by e-mail and screened and published by demo staff: a union (Fackförbundet Vision) and a
private person who did not consent to publishing her name (shown as "Privatperson"). Idempotent:
an answer already stored under its e-mail address is left alone."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from remiss.models import PublicAnswer, PublicAnswerStatus, Remiss, SenderKind
from remiss.services import public_answers

from .answers import REMISS_REFERENCE
from .remisser import MINISTRY

ANSWERS = [
    {
        "sender_kind": SenderKind.ORGANISATION,
        "name": "Fackförbundet Vision",
        "email": "remissvar@vision.demo.remiss.se",
        "publish_name": True,
        "general": (
            "Vision välkomnar utredningens inriktning. Våra medlemmar möter varje dag följderna av detaljstyrning "
            "och kontrollkrav som tar tid från medborgarna. Tillit måste dock följas av resurser och av ett "
            "ledarskap som har rimliga förutsättningar, bland annat ett hanterbart antal medarbetare per chef."
        ),
        "stances": {"7.1": "supports", "7.2": "supports", "7.3": "supports", "7.4": "partly", "default": "no_view"},
        "comments": {
            "7.2.1": "Vision tillstyrker. Chefer behöver färre medarbetare per chef för att kunna leda med tillit.",
            "7.4.2": "Vision tillstyrker delvis. Vitet bör finnas kvar som sista utväg när barns rätt står på spel.",
        },
    },
    {
        "sender_kind": SenderKind.PERSON,
        "name": "Karin Lundqvist",
        "email": "karin.lundqvist@example.se",
        "publish_name": False,  # no consent: published as "Privatperson"
        "general": (
            "Jag har arbetat som undersköterska i hemtjänsten i tjugo år. Minutstyrningen gör att vi inte hinner "
            "prata med de äldre. Jag tycker att förslagen är bra men undrar hur de ska märkas för oss som möter "
            "brukarna."
        ),
        "stances": {"7.3": "supports", "7.5": "supports", "default": ""},
        "comments": {
            "7.5": "Jag tillstyrker. Ersättning per besök och minut bör tas bort i hemtjänsten.",
        },
    },
]


def _answers(remiss: Remiss, entry: dict) -> dict:
    stored = {}
    for proposal in remiss.proposals.select_related("section"):
        number = proposal.section.number
        prefix = next((p for p in entry["stances"] if p != "default" and number.startswith(p)), "default")
        stance = entry["stances"].get(prefix, "")
        comment = entry["comments"].get(number, "")
        if stance or comment:
            stored[str(proposal.pk)] = {"stance": stance, "comment": comment}
    return stored


def load() -> list[str]:
    remiss = Remiss.objects.filter(ministry__name=MINISTRY, reference=REMISS_REFERENCE).first()
    staff = User.objects.filter(email="departement@demo.remiss.se").first()
    if remiss is None or staff is None:
        return ["Synpunkter från övriga: demoremissen saknas – hoppar över."]
    lines = []
    for entry in ANSWERS:
        if PublicAnswer.objects.filter(remiss=remiss, email=entry["email"]).exists():
            continue
        with transaction.atomic():
            answer = PublicAnswer.objects.create(
                remiss=remiss,
                sender_kind=entry["sender_kind"],
                name=entry["name"],
                email=entry["email"],
                publish_name=entry["publish_name"],
                general_comments=entry["general"],
                answers=_answers(remiss, entry),
                status=PublicAnswerStatus.PENDING,  # as if the sender had followed the e-mailed link
                confirmed_at=timezone.now(),
            )
            public_answers.publish_public_answer(answer=answer, by=staff)
        lines.append(f"  {answer.public_name}: synpunkter från övriga, granskade och publicerade")
    return [f"Synpunkter från övriga ({len(lines)}):", *lines] if lines else ["Synpunkter från övriga finns redan."]
