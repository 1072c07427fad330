# regcred: the two commands a newcomer needs are `make demo` and `make test`.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
WASM_TARGET := wasm32-unknown-unknown
export CARGO_TERM_COLOR ?= never

.PHONY: all setup setup-test pkg pkg-test pkg-jsonschema demo test test-rust test-lint test-wasm test-js bench fuzz size size-check wasm-lock

all: pkg

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

## Build the npm package into pkg/ and print the .wasm size (gzip -9).
pkg: setup
	node scripts/build-pkg.mjs

## The test variant (Cargo feature `test-exports`: forced-trap exports) into target/pkg-test;
## never shipped, never linked as node_modules/regcred.
pkg-test: setup
	REGCRED_FEATURES=test-exports REGCRED_OUT=target/pkg-test node scripts/build-pkg.mjs

## The optional generic JSON Schema build (Cargo feature `json-schema`: `validateJsonSchema`
## with the jsonschema crate; it prints its size) into target/pkg-jsonschema; not the shipped package.
pkg-jsonschema: setup
	REGCRED_FEATURES=json-schema REGCRED_OUT=target/pkg-jsonschema node scripts/build-pkg.mjs

## Build everything and serve the demo on http://127.0.0.1:8080
demo: pkg
	node scripts/serve.mjs

## Run the whole test suite (Rust natively, wasm under Node, JS against pkg/, real components).
test: setup-test test-lint test-rust test-wasm pkg pkg-test pkg-jsonschema test-js

test-lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo fmt --check --manifest-path wasm/Cargo.toml
	cargo clippy --manifest-path wasm/Cargo.toml --target-dir target --all-targets --target $(WASM_TARGET) -- -D warnings
	cargo clippy --manifest-path wasm/Cargo.toml --target-dir target --lib --target $(WASM_TARGET) --features test-exports -- -D warnings
	cargo clippy --manifest-path wasm/Cargo.toml --target-dir target --lib --target $(WASM_TARGET) --features json-schema -- -D warnings
	cargo clippy --all-targets --features json-schema -- -D warnings
	cargo check --quiet --manifest-path fuzz/Cargo.toml --bins

test-rust:
	cargo test
	cargo test --features json-schema --test schema_agreement

## The binding crate's wasm-bindgen-test suite (wasm/src/tests.rs), under Node.
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --manifest-path wasm/Cargo.toml --target-dir target --target $(WASM_TARGET) --lib

test-js:
	node --test --test-concurrency=1 tests/js/*.test.mjs

## Benchmarks against peers (not part of `make test`); writes bench/results.json and results.md.
bench: pkg
	node bench/run.mjs

## Fails when the shipped .wasm (as `make pkg` last built it) is over the 150 KiB gzip -9 limit.
size-check:
	node -e "const s = require('./target/wasm-size.json'); if (s.gzip9 > s.limit) { console.error('regcred_bg.wasm: ' + s.gzip9 + ' bytes gzip -9, over the ' + s.limit + '-byte limit'); process.exit(1); }"

## What every crate and module costs in the .wasm; writes bench/size-report.md.
size: pkg
	node bench/size.mjs

## Every cargo-fuzz target for FUZZ_SECONDS each (default 600), seeded from tests/fixtures.
FUZZ_SECONDS ?= 600
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

## wasm/Cargo.lock (the binding crate's lock) = Cargo.lock's versions, plus the binding's own
## crates (wasm-bindgen, js-sys, ...); run after changing dependencies
## (scripts/build-pkg.mjs refuses a lock that has drifted).
wasm-lock:
	cp Cargo.lock wasm/Cargo.lock
	cargo update --manifest-path wasm/Cargo.toml --workspace
