#!/usr/bin/env bash
# Installs what building and testing regcred needs, idempotently; quick when all is there.
#   scripts/setup.sh build   rust wasm target, pinned wasm-bindgen CLI, npm dev packages
#   scripts/setup.sh test    the above plus Debian packages the tests use as real components
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

log() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release module compiles the standard library with it (scripts/build-pkg.mjs).
if ! rustup component list --installed 2>/dev/null | grep -qx rust-src; then
  log "adding rust component rust-src"
  rustup component add rust-src
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (had: ${have:-none}); the first time takes ~9 minutes"
  # --locked first; if the crate's own lock file names a version the registry no longer serves,
  # fall back to a fresh resolution of the same CLI version.
  cargo install wasm-bindgen-cli --locked --version "$want" \
    || cargo install wasm-bindgen-cli --version "$want"
fi

# npm dev packages (binaryen for wasm-opt, ajv, workerd, deno, playwright-core, ...).
stamp=node_modules/.regcred-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  log "installing npm dev packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

if [ "$what" = test ]; then
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v docker-registry >/dev/null || need+=(docker-registry)
  command -v skopeo >/dev/null || need+=(skopeo)
  command -v htpasswd >/dev/null || need+=(apache2-utils)
  command -v kubectl >/dev/null || need+=(kubernetes-client)
  command -v openssl >/dev/null || need+=(openssl)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  # The Backstage test workspace (backstage/: pinned scaffolder packages, ~620 MB; regcred is a
  # link to pkg/, filled by `make pkg`).
  bstamp=backstage/node_modules/.regcred-lock-stamp
  if [ ! -f "$bstamp" ] || ! cmp -s backstage/package-lock.json "$bstamp"; then
    log "installing the Backstage test workspace (backstage/)"
    (cd backstage && npm ci --no-audit --no-fund --loglevel=error)
    cp backstage/package-lock.json "$bstamp"
  fi
  # Reference SigV4 signer for the signature tests.
  if ! python3 -c 'import botocore' 2>/dev/null; then
    log "installing botocore from PyPI"
    python3 -m pip install --quiet botocore
  fi
fi
