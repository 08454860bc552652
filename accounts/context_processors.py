def active_organisation(request):
    return {
        "active_membership": getattr(request, "membership", None),
        "all_memberships": getattr(request, "all_memberships", []),
    }
