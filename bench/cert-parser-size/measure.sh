#!/bin/bash
# measure.sh none|hand|xc|xp: what one X.509 parser adds to a wasm module (release profile of
# regcred, wasm-opt -Oz, gzip -9) and whether it reads every root of the system CA bundle.
# Subtract the `none` figure. Results are recorded in README.md ("CA certificates").
set -e
cd "$(dirname "$0")"
export CARGO_TARGET_DIR=../../target/cert-parser-size
f=$1; args=(); [ "$f" != none ] && args=(--features "$f")
cargo build -q --release --lib --target wasm32-unknown-unknown "${args[@]}"
../../node_modules/.bin/wasm-opt $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/sizecmp.wasm -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers -o /tmp/sizecmp-$f.wasm
echo "$f raw=$(stat -c%s /tmp/sizecmp-$f.wasm) gz9=$(gzip -9c /tmp/sizecmp-$f.wasm | wc -c)"
cargo test -q --release "${args[@]}" -- --nocapture 2>&1 | grep RESULT || true
