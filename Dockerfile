# Production image: gunicorn (web), Celery worker and beat share it. See docker-compose.yml.
FROM python:3.13-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 REMISS_VAR_DIR=/var/lib/remiss
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    fonts-dejavu-core fonts-liberation gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements/ requirements/
RUN pip install --no-cache-dir -r requirements/base.txt
COPY . .
# collectstatic runs with the production settings, so the manifest that production reads is built;
# the key below only exists during the build (the running container needs a real SECRET_KEY).
RUN DEBUG=1 python manage.py compilemessages -v0 \
 && DEBUG=0 SECRET_KEY=build-time-only-collectstatic-key-not-used-at-run-time-0123456789 \
    SITE_URL=https://build.invalid python manage.py collectstatic --noinput -v0 \
 && useradd --system --home /app remiss && mkdir -p /var/lib/remiss && chown remiss /var/lib/remiss
USER remiss
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
