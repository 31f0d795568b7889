#!/usr/bin/env bash
# Fuzzes one target with libFuzzer and AddressSanitizer for SECONDS seconds.
# Usage: scripts/fuzz.sh TARGET SECONDS
# TARGET: line-frames, client-message, intent-file, response-file, bot-settings, analysis
# (Sources/ParleyFuzzing/FuzzTarget.swift). Seeds come from Fuzz/Corpus/TARGET; what libFuzzer
# finds new goes to .build/fuzz-corpus/TARGET. A crash leaves its input as crash-* in
# .build/fuzz-artifacts/: copy it into Fuzz/Regressions/TARGET/ (named after what it found)
# so that FuzzRegressionTests replays it for ever, and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ne 2 ]]; then
    echo "usage: scripts/fuzz.sh TARGET SECONDS" >&2
    exit 2
fi
target="$1"
seconds="$2"
if [[ ! -d "Fuzz/Corpus/$target" ]]; then
    echo "no target $target; the targets: $(ls Fuzz/Corpus | tr '\n' ' ')" >&2
    exit 2
fi
scratch="$PWD/.build/fuzz"
# Parley is a local dependency of Fuzz/: a build plan made before files were added to it would
# miss them, so the plan is made afresh each time (what is compiled stays incremental).
rm -f "$scratch/debug.yaml"
swift build --package-path Fuzz --scratch-path "$scratch" --product parley-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
corpus="$PWD/.build/fuzz-corpus/$target"
artifacts="$PWD/.build/fuzz-artifacts/"
mkdir -p "$corpus" "$artifacts"
PARLEY_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=0" "$scratch/debug/parley-fuzz" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "$corpus" "Fuzz/Corpus/$target"
