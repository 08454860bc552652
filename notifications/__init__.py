"""Every e-mail the service sends, in one app.

- ``mail``: the one place a message is rendered and handed to Django's mail backend (plain text and
  HTML, Swedish, one message per address; a failure is logged and returned, never raised).
- ``members``: an organisation's addresses (members, its registry mailbox) and mail to all of them.
- ``models``: stored notifications (``Notification``) and each person's choice per kind
  (``NotificationPreference``: at once, a daily digest or never).
- ``delivery``: storing notifications by preference, sending one, and the daily digest.
- ``tasks``: the Celery tasks that send (a notification, the digests, sign-in mail).

What happened and who is told about it is the domain's business (``remiss.notify``); how a message
reaches a mailbox is this app's.
"""
