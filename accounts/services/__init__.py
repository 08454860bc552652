"""Changes to accounts: invitations to an organisation and claiming a registry address's link."""
