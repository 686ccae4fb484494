# make book  -> local environment + strict build of the HTML book in _build/html
# make book CORPUS=path/to/folder -> the same book on another corpus, in _build/corpora/<name>/
# make test  -> the same set-up, the book, then the test suite
# make lab   -> JupyterLab on the chapters with the project's environment

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LAB    := $(VENV)/.lab-installed
HTML   := _build/html/index.html
CORPUS ?= seeds

.PHONY: all env book test lint lab clean figures-clean

all: book

# The environment is rebuilt whenever the lock file or the package metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-input -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-input --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (report)" >/dev/null
	touch $(STAMP)

env: $(STAMP)

# tools/build.py: one build at a time per folder (a second one waits), a corpus other than
# seeds/ in a folder of its own, then jupyter-book build -n -W --keep-going (-n: nitpicky
# references, -W: warnings are errors). A notebook that raises fails the build
# (nb_execution_raise_on_error in _config.yml).
book: $(STAMP)
	$(BIN)/python tools/build.py --corpus "$(CORPUS)"

test: book
	$(BIN)/python -m ruff check analysis tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/python -m ruff check analysis tests

$(LAB): $(STAMP) requirements-lab.lock
	$(BIN)/python -m pip install --quiet --no-input -r requirements-lab.lock
	touch $(LAB)

lab: $(LAB)
	cd chapters && ../$(BIN)/jupyter lab

clean:
	rm -rf _build
