#!/usr/bin/env bash
# Property-based fuzzing of the HTTP API against its description (docs/openapi.yaml) with
# schemathesis: a fresh server with the demo bot and an admin token; every check, for a bounded
# time. Fails on any 5xx or any answer that does not match the description.
# Usage: scripts/api-fuzz.sh [SECONDS] (default 120). Needs a built .build/debug/parley and
# python3 with venv; schemathesis is installed into .build/schemathesis the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
parley="$PWD/.build/debug/parley"
venv="$PWD/.build/schemathesis"
if [[ ! -x "$venv/bin/schemathesis" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==4.32.5"
fi

work="$(mktemp -d)"
server=
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
token="$("$parley" tokens create --role admin --name api-fuzz --store "$work/parley.sqlite" 2>/dev/null)"
port=$((20000 + RANDOM % 20000))
# A copy of the demo bot: the review inbox's routes write intent and response files.
cp -R intents responses bot.yml demo-shop.yml "$work/"
"$parley" serve --intents "$work/intents" --responses "$work/responses" --config "$work/bot.yml" \
    --model "$work/model.parley" \
    --store "$work/parley.sqlite" --port "$port" --line-port $((port + 1)) --settings "$work/none.yml" \
    >"$work/server.log" 2>&1 &
server=$!
# The server trains the demo bot first: up to five minutes on a busy machine.
for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.5
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "the server did not start"; cat "$work/server.log"; exit 1; }

# The first request for the evaluation page waits for a cross-validation of the demo bot: made here
# first, so that it does not time out under the fuzzer.
curl -sf --max-time 600 -H "Authorization: Bearer $token" "http://127.0.0.1:$port/admin/evaluation" >/dev/null

# POST /api/admin/reload answers once the reload is done, which may mean retraining and
# cross-validating the demo bot: more than schemathesis's 10 s (it timed out once in CI, and
# took 11.6 s in another run, failing its response-time check). Speed is the benchmarks' to
# judge (parley-bench), so the fuzzer's time limits only catch a server that hangs.
"$venv/bin/schemathesis" run docs/openapi.yaml --url "http://127.0.0.1:$port" \
    --header "Authorization: Bearer $token" --checks all --max-time "$seconds" --workers 2 --request-timeout 300 \
    --max-response-time 300 \
    --seed "${PARLEY_FUZZ_SEED:-$RANDOM}" --no-color
grep -E "^[^ ]+ (error|critical) " "$work/server.log" | head -20 || true
