#!/usr/bin/env bash
# Runs every cargo-fuzz target for a set time (default 600 s each), seeded from tests/fixtures.
#   scripts/fuzz.sh [seconds-per-target] [target...]
# FUZZ_SANITIZER=none runs without AddressSanitizer (about 4x the executions per second here): the
# crate forbids `unsafe`, so a memory error is out of reach of our own code and a panic (the bug
# class safe Rust can have) aborts the run under either setting. Default: address.
# cargo-fuzz needs nightly features; the machine has only stable, so RUSTC_BOOTSTRAP=1 unlocks them.
# A crash is saved under fuzz/artifacts/<target>/; copy it into tests/fixtures/crashers/<target>/
# and add a regression test: inputs that once crashed something stay there forever.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cd fuzz && cargo fuzz list)
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus"
  # Seeds: every fixture file that belongs to this target (see fuzz/seeds.txt).
  while read -r target glob; do
    [ "$target" = "$t" ] || continue
    case "$glob" in
      json:*) # json:<member>:<files>: one seed per case's <member> (a dotted path): a string's
        # text, any other value as JSON text
        member=${glob#json:}; files=${member#*:}; member=${member%%:*}
        python3 - "$corpus" "$member" $files <<'PY'
import hashlib, json, sys
corpus, member, files = sys.argv[1], sys.argv[2], sys.argv[3:]
for f in files:
    data = json.load(open(f))
    # A fixture is a list of cases, an object whose "cases" member is that list, or one case.
    cases = data if isinstance(data, list) else data.get("cases", [data])
    for item in cases:
        for key in member.split("."):
            item = item.get(key) if isinstance(item, dict) else None
        if item is None:
            continue
        data = (item if isinstance(item, str) else json.dumps(item)).encode()
        open(f"{corpus}/seed-{hashlib.sha1(data).hexdigest()[:16]}", "wb").write(data)
PY
        ;;
      *) for f in $glob; do [ -f "$f" ] && cp "$f" "$corpus/"; done ;;
    esac
  done < fuzz/seeds.txt
  for f in tests/fixtures/crashers/"$t"/*; do [ -f "$f" ] && cp "$f" "$corpus/"; done
  echo "[fuzz] $t for ${secs}s"
  (cd fuzz && cargo fuzz run -s "${FUZZ_SANITIZER:-address}" "$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 2>&1) \
    | tee "fuzz/$t.log" | grep -E 'DONE|SUMMARY|panicked|crash-' || true
  grep -E '^Done [0-9]+ runs' "fuzz/$t.log" || { echo "[fuzz] $t did not finish cleanly"; exit 1; }
done
