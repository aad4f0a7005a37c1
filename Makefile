# The two commands a newcomer runs are `make demo` and `make test` (see README.md).
VENV     ?= .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed
HOST     ?= 127.0.0.1:8000
# Local development runs with DEBUG on; production sets DJANGO_DEBUG=0 and a real key.
export DJANGO_DEBUG ?= 1

.PHONY: setup demo serve test lint format messages clean

$(PY):
	@python=$$(scripts/find-python.sh) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# Checkers the browser tests run (axe-core, the Nu Html Checker); skipped without npm.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the HTML and accessibility checks will be skipped"; fi

setup: $(STAMP) node_modules/.package-lock.json
	$(PY) scripts/create_database.py
	$(PY) manage.py migrate --noinput --verbosity 1

# The site and the background worker (stories of a renamed reporter are rendered again
# there) run side by side; the worker stops when runserver does.  Without Redis the two
# processes share no cache, so the demo then caches no pages: what the worker renders
# shows at once.
demo: export NEWSROOM_PAGE_CACHE_SECONDS ?= $(if $(REDIS_URL),600,0)
demo: setup
	$(PY) manage.py load_seed
	$(PY) manage.py make_epaper --edition 2023-12-26
	$(PY) manage.py create_demo_users
	$(PY) manage.py refresh_stories
	@echo "Serving http://$(HOST)/  (admin: http://$(HOST)/admin/), with the background worker"
	@$(PY) manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

serve: setup
	$(PY) manage.py runserver $(HOST)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(STAMP)
	$(PY) manage.py makemessages -l zh_Hans --ignore=.venv --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var/
