#!/usr/bin/env bash
# Issue 8's benchmark: time to contain with `shodo respond` against the AWS CLI baseline on the same
# range (leaked-key-cryptomining, realistic latency), each on a fresh range in the same run; the
# critical-path lower bound; LookupEvents' retrieval rate against CloudTrail's 2 requests/second per
# region; collection time of the large-account scenario; peak memory of each. Prints one table.
#
# usage: bash bench/response-bench.sh            (about 7 minutes on a 2-core machine)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/shodo-bench.XXXXXX)
trap 'pkill -P $$ || true' EXIT
cd "$work"
# Shodo as it is installed for an incident (README): published for this platform, precompiled (ReadyToRun).
rid=$(dotnet --info | awk '/RID:/{print $2; exit}')
dotnet publish -c Release -r "$rid" --self-contained false "$root/src/Shodo.Cli" -o "$work/bin" >/dev/null
shodo() { dotnet "$work/bin/Shodo.Cli.dll" "$@"; }
measure() { /usr/bin/time -f '%e %M' -o "$1" "${@:2}"; }   # wall seconds, peak RSS KiB

serve() { # serve NAME SCENARIO [extra...] -> sets URL
  local name=$1 scenario=$2; shift 2
  shodo range serve --scenario "$scenario" --profiles-file "$name.credentials" "$@" >"$name.range.log" 2>&1 &
  for _ in $(seq 240); do grep -q listening "$name.range.log" && break; sleep 0.5; done
  URL=$(awk '/listening/{print $2}' "$name.range.log")
  [[ -n "$URL" ]] || { echo "range $name did not start" >&2; cat "$name.range.log" >&2; exit 1; }
}
truth() { curl -s "$URL/_range/ground-truth" | python3 -c "import json,sys; g=json.load(sys.stdin); print(g['$1'])"; }
stop_range() { pkill -f -- "--profiles-file $1.credentials" || true; sleep 1; }
# poll NAME: call IAM with the leaked key every 100 ms until stop_poll; NAME.start is the contender's start (epoch s)
poll() { python3 "$root/bench/key-poller.py" "$URL" "$1.credentials" "$1.poll" & echo $! >"$1.poller"; sleep 1; date +%s.%N >"$1.start"; }
stop_poll() { kill "$(cat "$1.poller")" 2>/dev/null || true; sleep 0.3; }

# 1. Baseline: the AWS CLI script.
serve baseline leaked-key-cryptomining --latency realistic --adversary
key=$(truth leakedAccessKeyId); since=$(truth attackStartedAt)
poll baseline
AWS_SHARED_CREDENTIALS_FILE=baseline.credentials AWS_PROFILE=responder AWS_ENDPOINT_URL=$URL \
  measure baseline.time bash "$root/bench/baselines/contain-with-aws-cli.sh" "$key" "${since%%.*}Z" >baseline.out 2>&1 || true
curl -s "$URL/_range/adversary" >baseline.adversary.json
stop_poll baseline
stop_range baseline

# 2. Shodo respond, on a fresh range, under an authority policy written in advance that lets the
#    responder also isolate what cannot be stopped and cancel persistent spot requests (the drill's).
serve shodo leaked-key-cryptomining --latency realistic --adversary
key=$(truth leakedAccessKeyId)
printf 'authority:\n  responder: [deactivate-access-keys, attach-deny-policy, stop-instance, isolate-instance, cancel-spot-request, cancel-spot-fleet, close-data-door, revoke-kms-grant]\n' >shodo.yaml
poll shodo
AWS_SHARED_CREDENTIALS_FILE=shodo.credentials measure shodo.time \
  dotnet "$work/bin/Shodo.Cli.dll" respond --access-key-id "$key" --profile responder --endpoint-url "$URL" \
  --region us-east-1 --yes --watch 0 --config shodo.yaml --case-dir "$work/cases" --output json --no-color >shodo.json 2>shodo.log || true
curl -s "$URL/_range/counters" >shodo.counters.json
stop_poll shodo
stop_range shodo

# 2b. The first move on the large account, realistic latency: the window must not grow with the account.
serve largekey large-account --latency realistic
key=$(truth leakedAccessKeyId)
poll largekey
AWS_SHARED_CREDENTIALS_FILE=largekey.credentials timeout 120 \
  dotnet "$work/bin/Shodo.Cli.dll" respond --access-key-id "$key" --profile responder --endpoint-url "$URL" \
  --region us-east-1 --yes --watch 0 --config shodo.yaml --case-dir "$work/largecases" --output json --no-color >largekey.json 2>largekey.log || true
stop_poll largekey
stop_range largekey

# 3. Collection of the large account, realistic latency (the issue's bound: the whole snapshot within 60 s).
serve large large-account --latency realistic
AWS_SHARED_CREDENTIALS_FILE=large.credentials shodo case open --case-dir "$work/large" --output json --profile responder \
  --endpoint-url "$URL" --region us-east-1 >large.case.json
case_id=$(python3 -c "import json; print(json.load(open('large.case.json'))['id'])")
curl -s "$URL/_range/counters" >large.counters.before.json
AWS_SHARED_CREDENTIALS_FILE=large.credentials measure large.time \
  dotnet "$work/bin/Shodo.Cli.dll" collect "$case_id" --case-dir "$work/large" --profile responder --endpoint-url "$URL" \
  --region us-east-1 --output json >large.json 2>large.log || true
curl -s "$URL/_range/counters" >large.counters.json
stop_range large

# 4. No key at all on the large account (no latency): how long until respond presents its candidates (triage.finished).
serve triage large-account
date +%s.%N >triage.start
AWS_SHARED_CREDENTIALS_FILE=triage.credentials measure triage.time timeout 600 \
  dotnet "$work/bin/Shodo.Cli.dll" respond --profile responder --endpoint-url "$URL" --region us-east-1 --watch 0 \
  --config shodo.yaml --case-dir "$work/triagecases" --output json --no-color >triage.json 2>triage.log || true
stop_range triage

python3 "$root/bench/response-bench-table.py" "$work"
