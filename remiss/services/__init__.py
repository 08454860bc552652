"""Services: every state change of the domain, as plain functions with keyword-only arguments."""
