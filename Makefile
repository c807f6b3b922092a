# Parallax: the commands people type. Each target sets up what it needs first (scripts/setup.sh is
# idempotent: tools already at the pinned version are not rebuilt).
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c

export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_OFFLINE := true
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 60

.PHONY: serve test dist bench fuzz setup setup-test check-core fmt-check clippy test-native test-browser e2e sizes clean

## serve: set up if needed, then the explorer at http://127.0.0.1:8080 with the built-in corpus
serve: setup
	trunk serve

## test: set up if needed (including Chromium), then every check and test
test: setup-test check-core fmt-check clippy test-native test-browser dist e2e
	@echo "make test: all checks passed"

## dist: the release static site in dist/ (relative URLs: host it at a root or under any sub-path)
dist: setup
	trunk build --release
	scripts/sizes.sh dist

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

# The engine does no IO and knows nothing of the web: check its sources and its dependency tree.
check-core:
	scripts/check-core.sh

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --workspace --locked

# The app's tests in real headless Chromium (wasm-bindgen-test, webdriver.json sets the browser).
test-browser:
	cargo test --locked --target wasm32-unknown-unknown -p parallax

# End-to-end: the release build in dist/, served over HTTP, driven in Chromium by playwright-core.
e2e:
	cd e2e && node --test

sizes:
	scripts/sizes.sh dist

## bench: engine benchmarks (criterion); figures go in docs/perf.md
bench:
	cargo bench --locked -p parallax-core --bench ingest

## fuzz: the engine's fuzz harness at 20,000 cases per strategy, and the bad-input tests including the 50 MB page (release)
fuzz:
	PARALLAX_FUZZ_CASES=20000 cargo test --release --locked -p parallax-core --test fuzz -- --nocapture
	cargo test --release --locked -p parallax-core --test bad_input -- --include-ignored

clean:
	cargo clean
	rm -rf dist e2e/screenshots
