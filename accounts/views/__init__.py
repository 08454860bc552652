"""Pages of the accounts app: signing in and out, the profile, the second factor, invitations, and an
organisation administrator's people page."""
