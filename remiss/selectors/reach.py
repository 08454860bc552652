"""Who an invitation reaches: an organisation's members, else its registry address, else nobody."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import Membership, Organisation

# How an invitation reaches an organisation.
REACH_MEMBERS, REACH_REGISTRY, REACH_NOBODY = "members", "registry", "nobody"


@dataclass
class Reach:
    organisation: Organisation
    how: str
    members: int = 0

    @property
    def reachable(self) -> bool:
        return self.how != REACH_NOBODY


def reach(organisations) -> list[Reach]:
    """For each organisation: members (active accounts), else its registry address, else nobody."""
    organisations = list(organisations)
    counts: dict[int, int] = {}
    for organisation_id in Membership.objects.filter(organisation__in=organisations, user__is_active=True).values_list(
        "organisation_id", flat=True
    ):
        counts[organisation_id] = counts.get(organisation_id, 0) + 1
    result = []
    for organisation in organisations:
        members = counts.get(organisation.pk, 0)
        how = REACH_MEMBERS if members else REACH_REGISTRY if organisation.registry_email else REACH_NOBODY
        result.append(Reach(organisation, how, members))
    return result
