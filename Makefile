# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
TEST_BUILD ?= build-test
DATA ?= var
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: demo test bootstrap build build-test assets unit integration e2e bench fuzz fuzz-short \
  package package-test clean

bootstrap:
	@scripts/bootstrap

assets: bootstrap
	@mkdir -p static/vendor
	@cp -u node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	@cp -u node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht.css
	@cp -u node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css static/vendor/theme.css

# Only what the demo and the benchmarks run: the test programs are built by build-test.
build: bootstrap assets
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target meedoen meedoen_generate

build-test: bootstrap assets
	@cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMEEDOEN_SANITIZE=ON -DMEEDOEN_WERROR=ON >/dev/null
	@cmake --build $(TEST_BUILD) -j $(JOBS)

# Builds, fills a fresh SQLite database with demo data and serves it on http://127.0.0.1:8080.
demo: build
	@mkdir -p $(DATA)
	@rm -f $(DATA)/demo.db $(DATA)/demo.db-wal $(DATA)/demo.db-shm
	@$(BUILD)/meedoen demo --db $(DATA)/demo.db --key-file $(DATA)/demo.key
	@$(BUILD)/meedoen serve --db $(DATA)/demo.db --key-file $(DATA)/demo.key --listen 127.0.0.1:8080 \
	  --brigade-phone "071 512 34 56"

# The OpenAPI document's lint (scripts/lint_openapi.mjs), unit and integration tests (ctest, on
# SQLite and on a throwaway PostgreSQL cluster), a short run
# of each fuzz target, then browser tests (Playwright + axe in Debian's Chromium): all of them on
# SQLite, and the overleg's journeys and the JSON API once more on PostgreSQL (the brigade's pass there too, but
# take another minute: MEEDOEN_E2E_DB=postgres scripts/with_pg_cluster node --test tests/e2e/brigade.test.mjs).
test: build-test
	@scripts/check_format
	@node scripts/lint_openapi.mjs
	@cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)
	@FUZZ_BUILD=$(FUZZ_BUILD) JOBS=$(JOBS) scripts/fuzz short
	@MEEDOEN_BIN=$(abspath $(TEST_BUILD))/meedoen node --test tests/e2e/*.test.mjs
	@MEEDOEN_BIN=$(abspath $(TEST_BUILD))/meedoen MEEDOEN_E2E_DB=postgres scripts/with_pg_cluster \
	  node --test tests/e2e/journeys.test.mjs tests/e2e/api.test.mjs

# The fuzz targets of fuzz/ (clang, in their own build dir), each for FUZZ_SECONDS; fuzz-short is
# the 10 seconds each that `make test` runs. See "Fuzzing" in src/web/README.md.
fuzz: bootstrap
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) scripts/fuzz

fuzz-short: bootstrap
	@FUZZ_BUILD=$(FUZZ_BUILD) JOBS=$(JOBS) scripts/fuzz short

# The Debian package (debian/, dpkg-buildpackage and debhelper) in build-deb/; package-test
# installs it on this machine (root), checks it and removes it: docs/operations.md, "The Debian
# package". CI runs package-test after `make test`.
package: bootstrap assets
	@JOBS=$(JOBS) scripts/package

package-test: package
	@scripts/package_test

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(FUZZ_BUILD) build-deb static/vendor
