"""The embedded Celery broker: kombu's SQLAlchemy transport on a SQLite file, made crash-proof.

``make run`` without ``REDIS_URL`` uses ``remissdb+sqlite:///var/celery/broker.sqlite3`` (see ADR
0001). A message is one row, inserted in a transaction and taken in ``BEGIN IMMEDIATE``, so no
reader sees half a message. This subclass mends what the racing test in
tests/test_embedded_broker.py found in kombu's transport:

- two processes declaring the same queue at once: the loser's IntegrityError (or "table already
  exists" while creating the schema) is a race lost, not an error;
- a row that is not a JSON message (empty, truncated, edited by hand) crashed the worker: it is
  logged as a broken message and dropped;
- delivered rows were never deleted: rows delivered more than ``KEEP_DELIVERED`` ago are removed;
- kombu's one-second polling paced a busy worker to about a task a second: it polls every 0.1 s.

config/celery.py registers the URL scheme by name, so this module (and SQLAlchemy, 0.3 s of every
process start) is imported only where the embedded broker is used.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from queue import Empty

from kombu.transport import sqlalchemy as kombu_sqla
from sqlalchemy.exc import IntegrityError, OperationalError

log = logging.getLogger(__name__)

KEEP_DELIVERED = dt.timedelta(days=1)
PRUNE_EVERY = 600.0  # seconds between clean-ups of delivered rows, per channel


class Channel(kombu_sqla.Channel):
    _pruned_at = 0.0

    def _open(self):
        for attempt in range(5):
            try:
                return super()._open()
            except OperationalError:  # another process created the tables first
                if attempt == 4:
                    raise
                time.sleep(0.1 * (attempt + 1))

    def _get_or_create(self, queue):
        try:
            return super()._get_or_create(queue)
        except IntegrityError:  # another process created the queue first
            self.session.rollback()
            return self.session.query(self.queue_cls).filter(self.queue_cls.name == queue).one()

    def _get(self, queue):
        self._prune_delivered()
        try:
            payload = super()._get(queue)
        except (ValueError, TypeError) as exc:  # the row was taken (committed invisible) in super()._get
            log.error("Dropped a broken message from queue %s: %s", queue, exc)
            raise Empty() from exc
        if not isinstance(payload, dict) or not isinstance(payload.get("properties"), dict):
            log.error("Dropped a broken message from queue %s: %s", queue, json.dumps(payload)[:200])
            raise Empty()
        return payload

    def _prune_delivered(self) -> None:
        now = time.monotonic()
        if now - self._pruned_at < PRUNE_EVERY:
            return
        self._pruned_at = now
        cutoff = dt.datetime.now() - KEEP_DELIVERED  # kombu stores naive local time
        try:
            self.session.query(self.message_cls).filter(
                self.message_cls.visible == False,  # noqa: E712 (SQL, not Python)
                self.message_cls.sent_at < cutoff,
            ).delete(synchronize_session=False)
            self.session.commit()
        except OperationalError:
            self.session.rollback()


class Transport(kombu_sqla.Transport):
    Channel = Channel
    # How long an idle consumer waits before it looks again. kombu's 1 s also paces a busy worker
    # (it sleeps whenever its prefetch window is full): about one task a second per process. A look
    # is one indexed SELECT on a local file. (Not a transport option: kombu's SQLAlchemy transport
    # hands every option it does not know to create_engine.)
    polling_interval = 0.1
