# The two commands of README.md live here. Each one sets up .venv from the
# pinned pyproject.toml (only when it changed) and then does its job.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run demo test test-postgres stress bench screenshots package selftest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(if $(DEMO),--demo) $(ARGS)

demo: $(STAMP)
	$(PY) main.py --demo $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(ARGS)

# The same suite on a throwaway PostgreSQL cluster (installed from the system's packages when missing).
test-postgres: $(STAMP)
	PY=$(PY) tests/postgres.sh $(ARGS)

# D1: the desk killed with SIGKILL at 30 random moments; after each the file and the books are checked.
stress: $(STAMP)
	DESK_KILLS=30 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/app/test_kill.py -q -s $(ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks $(ARGS)

SHOTS := resources/screenshots
screenshots: $(STAMP)
	for view in clients packages journal; do \
		MEMBERSHIP_DESK_HOME=$$(mktemp -d) $(PY) main.py --demo --screenshot $(SHOTS)/$$view.png --view $$view || exit 1; \
	done

package: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[packaging]"
	$(PY) packaging/build.py

# The built program checks itself end to end in a throwaway data folder (exit 0 = it works).
selftest: package
	QT_QPA_PLATFORM=offscreen dist/MembershipDesk/MembershipDesk --self-test

clean:
	rm -rf $(VENV) build dist *.egg-info
