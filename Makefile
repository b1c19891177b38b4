# The two commands of README.md live here. Each one sets up .venv from the
# pinned pyproject.toml (only when it changed) and then does its job.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run demo test test-postgres stress bench bench-postgres screenshots package selftest clean translations translations-update translations-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

# L2: the window's translations, compiled from the committed .ts sources by pyside6-lrelease
# (the .qm files are built, never committed); `make translations-update` brings new tr() strings
# of ui/ into the .ts files (pyside6-lupdate) for a translator.
TS := $(wildcard resources/translations/desk_*.ts)
QM := $(TS:.ts=.qm)
%.qm: %.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@.new && mv $@.new $@  # replaced, never rewritten in place: a running desk maps it
translations: $(QM)
translations-update: $(STAMP)
	$(PY) -m ui.i18n update
# Fails while a tr() string of ui/ is missing from the .ts files or has no translation there.
translations-check: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/ui/test_languages.py -k "translat or placeholders" $(ARGS)

run: $(STAMP) $(QM)
	$(PY) main.py $(if $(DEMO),--demo) $(ARGS)

demo: $(STAMP) $(QM)
	$(PY) main.py --demo $(ARGS)

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(ARGS)

# The same suite on a throwaway PostgreSQL cluster (installed from the system's packages when missing).
test-postgres: $(STAMP) $(QM)
	PY=$(PY) tests/postgres.sh $(ARGS)

# D1: the desk killed with SIGKILL at 30 random moments; after each the file and the books are checked.
stress: $(STAMP) $(QM)
	DESK_KILLS=30 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/app/test_kill.py -q -s $(ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks $(ARGS)

# Sale + payment and L1 on a throwaway PostgreSQL cluster (tests/pg_cluster.sh, as test-postgres).
bench-postgres: $(STAMP) $(QM)
	PY=$(PY) tests/bench_postgres.sh $(ARGS)

# Every screen, settings page and the sale/payment dialogs at 1024x768 and 1366x768 into shots/
# (to look at); the README's pictures are four of them at 1366x768.
SHOTS := resources/screenshots
screenshots: $(STAMP) $(QM)
	rm -rf shots
	QT_QPA_PLATFORM=offscreen MEMBERSHIP_DESK_HOME=$$(mktemp -d) $(PY) -m tests.screenshots shots
	cp shots/1366x768/clients.png shots/1366x768/profile.png shots/1366x768/journal.png \
		shots/1366x768/memberships.png $(SHOTS)/

package: $(STAMP) $(QM)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[packaging]"
	$(PY) packaging/build.py

# The built program checks itself end to end in a throwaway data folder (exit 0 = it works).
selftest: package
	QT_QPA_PLATFORM=offscreen dist/MembershipDesk/MembershipDesk --self-test

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM)
