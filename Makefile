# make book  -> local environment + strict build of the HTML book in _build/html
# make book CORPUS=path/to/folder -> the same book on another corpus, in _build/corpora/<name>/
# make pdf   -> the book, then the whole report as one PDF in _build/pdf (tools/pdf.py)
# make test  -> the same set-up, the book, the PDF, then the test suite
# make lab   -> JupyterLab on the chapters with the project's environment
# make add PAGE="page.html [more.html …]" [ARGS="--uk-leader 'Keir Starmer' --dry-run"]
#            -> add saved web pages (or .txt files) to seeds/ (python -m analysis add --help)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LAB    := $(VENV)/.lab-installed
HTML   := _build/html/index.html
CORPUS ?= seeds

.PHONY: all env book pdf test lint lab clean figures-clean add

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

# The PDF edition: the single-page HTML of the book (from the same executed notebooks),
# printed by Debian's Chromium; a copy lands beside the HTML, whose first page links to it.
pdf: book
	$(BIN)/python tools/pdf.py

test: book pdf
	$(BIN)/python -m ruff check analysis tests
	$(BIN)/python -m pytest

add: $(STAMP)
	@test -n "$(PAGE)" || { echo 'usage: make add PAGE="page.html [more.html …]" [ARGS="--dry-run …"]'; exit 2; }
	$(BIN)/python -m analysis add $(PAGE) $(ARGS)

lint: $(STAMP)
	$(BIN)/python -m ruff check analysis tests

$(LAB): $(STAMP) requirements-lab.lock
	$(BIN)/python -m pip install --quiet --no-input -r requirements-lab.lock
	touch $(LAB)

lab: $(LAB)
	cd chapters && ../$(BIN)/jupyter lab

clean:
	rm -rf _build
