#!/usr/bin/env bash
# Issue 21's benchmark: time to contain with `shodo respond` on org-pivot (a leaked management-account key, the attacker in
# two member accounts: the SCP lever from the management account) against the single-account reference
# (leaked-key-cryptomining), both with realistic latency and the live adversary, each on a fresh range in the same run.
# The issue asks for org-pivot within 1.5x of the single account. Prints one table (bench/org-pivot-bench-table.py).
#
# usage: bash bench/org-pivot-bench.sh [RUNS]     (RUNS per scenario, default 3; about 2 minutes per run on an idle 2-core machine)
# Measure on an idle machine only: the ratio means nothing when other builds share the cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=$(mktemp -d /tmp/shodo-org-bench.XXXXXX)
range_pid=
trap '[[ -n "$range_pid" ]] && kill "$range_pid" 2>/dev/null || true' EXIT
cd "$work"
# Shodo as it is installed for an incident (README): published for this platform, precompiled (ReadyToRun).
rid=$(dotnet --info | awk '/RID:/{print $2; exit}')
dotnet publish -c Release -r "$rid" --self-contained false "$root/src/Shodo.Cli" -o "$work/bin" >/dev/null
shodo() { dotnet "$work/bin/Shodo.Cli.dll" "$@"; }

serve() { # serve NAME SCENARIO -> sets URL and range_pid
  local name=$1 scenario=$2
  # dotnet itself in the background (not the shodo function's subshell): $! is then the range's own pid, and stop_range
  # ends it; through the function, kill reached only the subshell and every range (its live adversary too) ran on.
  dotnet "$work/bin/Shodo.Cli.dll" range serve --scenario "$scenario" --latency realistic --adversary --profiles-file "$name.credentials" >"$name.range.log" 2>&1 &
  range_pid=$!
  for _ in $(seq 240); do grep -q listening "$name.range.log" && break; sleep 0.5; done
  URL=$(awk '/listening/{print $2}' "$name.range.log")
  [[ -n "$URL" ]] || { echo "range $name did not start" >&2; cat "$name.range.log" >&2; exit 1; }
}
stop_range() { kill "$range_pid" 2>/dev/null || true; wait "$range_pid" 2>/dev/null || true; range_pid=; }

# The authority policy written in advance: the drill's, plus the organisation lever (its own authority class).
printf 'authority:\n  responder: [deactivate-access-keys, attach-deny-policy, stop-instance, isolate-instance, cancel-spot-request, cancel-spot-fleet, close-data-door, revoke-kms-grant, deny-by-scp]\n' >shodo.yaml

for run in $(seq "$runs"); do
  for scenario in leaked-key-cryptomining org-pivot; do
    name="$scenario-$run"
    serve "$name" "$scenario"
    key=$(curl -s "$URL/_range/ground-truth" | python3 -c "import json,sys; print(json.load(sys.stdin)['leakedAccessKeyId'])")
    date +%s.%N >"$name.start"
    AWS_SHARED_CREDENTIALS_FILE="$name.credentials" /usr/bin/time -f '%e %M' -o "$name.time" \
      dotnet "$work/bin/Shodo.Cli.dll" respond --access-key-id "$key" --profile responder --endpoint-url "$URL" \
      --region us-east-1 --yes --watch 0 --config shodo.yaml --case-dir "$work/cases-$name" --output json --no-color \
      --member-role-name OrganizationAccountAccessRole \
      >"$name.json" 2>"$name.log" || true
    curl -s "$URL/_range/adversary" >"$name.adversary.json" || true
    stop_range
  done
done

python3 "$root/bench/org-pivot-bench-table.py" "$work" "$runs"
