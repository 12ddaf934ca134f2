# Mallipankki: `make run` serves the site, `make test` runs every test.
# Both set up what they need: the virtualenv, Python packages from the lock
# files, Debian packages (as root), migrations and demo content.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := mallipankki.settings

SYSTEM_PACKAGES := libvoikko1 voikko-fi gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_SYSTEM_PACKAGES := chromium fonts-dejavu-core
# bench/load.py drives the servers with wrk.
BENCH_SYSTEM_PACKAGES := wrk

.PHONY: run test setup test-setup system-packages test-system-packages bench-system-packages messages messages-update admin lint bench clean

run: setup
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_content --if-empty
	@echo ""
	@echo "Mallipankki:        http://$(HOST):$(PORT)/"
	@echo "Ylläpito (admin):   http://$(HOST):$(PORT)/admin/"
	@echo "Ylläpitäjän tunnus: make admin   (luo pääkäyttäjän; salasana kysytään)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

admin: setup
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createsuperuser

test: test-setup
	$(BIN)/ruff check .
	@# The layer contracts in pyproject.toml: a new upward import or cycle fails the build.
	$(BIN)/lint-imports
	@# pytest answers 5 when it collected nothing: treat that as a failure.
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	  if [ $$status -eq 5 ]; then echo "make test: no tests were collected"; exit 1; fi; exit $$status

lint: test-setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/ruff format --check mallipankki bench tests

setup: system-packages $(VENV)/.installed messages

# Our Finnish overlay of the admin's strings (mallipankki/locale, see README):
# the .po files are in git, the .mo files are built here from them.
MESSAGES := $(patsubst %.po,%.mo,$(wildcard mallipankki/locale/*/LC_MESSAGES/*.po))

messages: $(MESSAGES)

# The Swedish and English catalogues of our own (Finnish) msgids: after adding or changing a
# string, this brings every msgid of the sources into both .po files; translate the new entries
# (no fuzzy left) and `make test` checks them (tests/test_catalogues.py runs the same command).
# Without settings makemessages writes only to ./locale, the catalogues beside the sources.
MAKEMESSAGES_FLAGS := --ignore='*/tests/*' --ignore='*/migrations/*' --no-obsolete --add-location=file

messages-update: $(VENV)/.installed
	cd mallipankki && env -u DJANGO_SETTINGS_MODULE ../$(BIN)/django-admin makemessages -l sv -l en $(MAKEMESSAGES_FLAGS)
	@cd mallipankki && for lang in sv en; do msgfmt --statistics -o /dev/null locale/$$lang/LC_MESSAGES/django.po 2>&1 | sed "s/^/$$lang: /"; done

%.mo: %.po
	@if command -v msgfmt >/dev/null; then msgfmt --check -o $@ $<; \
	  else echo "msgfmt not found (Debian: apt-get install gettext): the admin shows Wagtail's English where $< has Finnish"; fi

test-setup: setup test-system-packages $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-test.lock
	touch $@

# Debian packages: installed with apt when running as root, otherwise the
# exact command is printed and the setup goes on (search then falls back to
# the Snowball stemmer; browser tests fail with a clear message).
system-packages:
	@bash scripts/system-packages.sh $(SYSTEM_PACKAGES)

test-system-packages:
	@bash scripts/system-packages.sh $(TEST_SYSTEM_PACKAGES)

bench-system-packages:
	@bash scripts/system-packages.sh $(BENCH_SYSTEM_PACKAGES)

bench: test-setup bench-system-packages
	$(BIN)/python bench/import_export.py
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
	rm -f $(MESSAGES)
