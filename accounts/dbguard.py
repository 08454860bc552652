"""The audit log is append-only in the database too (ASVS 16.4.2), not only in the ORM.

On PostgreSQL a trigger refuses DELETE and any UPDATE of an audit row, except the one the schema
itself needs: clearing ``actor_id`` / ``organisation_id`` when that user or organisation is deleted
(the row keeps ``actor_label``). Installed after every migrate (also for the test database), so it
cannot be forgotten. SQLite, the development default, relies on the model's guards.
"""

from __future__ import annotations

from django.db import connections

FUNCTION = """
CREATE OR REPLACE FUNCTION accounts_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit events cannot be deleted';
    END IF;
    IF (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (NEW.organisation_id IS NULL OR NEW.organisation_id = OLD.organisation_id)
       AND (to_jsonb(NEW) - 'actor_id' - 'organisation_id') = (to_jsonb(OLD) - 'actor_id' - 'organisation_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events cannot be changed';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
DROP TRIGGER IF EXISTS accounts_auditevent_append_only ON accounts_auditevent;
CREATE TRIGGER accounts_auditevent_append_only BEFORE UPDATE OR DELETE ON accounts_auditevent
FOR EACH ROW EXECUTE FUNCTION accounts_auditevent_append_only();
"""


def install_audit_guard(sender, using: str = "default", **kwargs) -> None:
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        cursor.execute(TRIGGER)
