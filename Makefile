# Remiss: `make run` starts everything on the embedded default; `make test` runs the whole suite.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements/base.txt requirements/test.txt | sha1sum | cut -c1-12)

.PHONY: run test test-fast venv deps lint messages demo clean check-deploy bench

$(PY):
	@python=$$(scripts/find-python) || exit 1; \
	echo "Using $$python"; \
	"$$python" -m venv $(VENV)

# uv (from PyPI, pinned) installs the pinned set in seconds where pip takes half a minute; pip is the
# fallback when uv cannot be had.
UV_VERSION := 0.13.9
$(STAMP): $(PY) requirements/base.txt requirements/test.txt
	@echo "Installing pinned dependencies into $(VENV)..."
	@{ $(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) 2>/dev/null && \
	  $(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) -r requirements/test.txt; } || \
	{ echo "uv not available: installing with pip"; \
	  $(PY) -m pip install --quiet --disable-pip-version-check -r requirements/test.txt 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }; }
	rm -f $(VENV)/.installed-*; touch $(STAMP)

deps: $(STAMP)

messages: deps  ## the source strings are Swedish, so without gettext's msgfmt the UI is still Swedish
	@if command -v msgfmt >/dev/null; then DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v0; \
	else echo "Note: msgfmt (Debian package gettext) not found; using the Swedish source strings as they are."; fi

run: deps messages
	@scripts/run.sh

test: deps messages
	@scripts/test.sh $(ARGS)

lint: deps
	$(VENV)/bin/ruff check .

bench: deps  ## quick figures; see docs/benchmarks.md for the full sizes
	DEBUG=1 $(PY) benchmarks/answer.py
	DEBUG=1 $(PY) benchmarks/compile.py --respondents 10 --proposals 20

clean:
	rm -rf var $(VENV)

test-fast: deps messages  ## the edit-run loop: no browser, no Celery worker process, no demo load or big render
	@scripts/test.sh -m "not browser and not worker and not slow" -n $$(( $$(nproc) + 1 )) --dist worksteal $(ARGS)
