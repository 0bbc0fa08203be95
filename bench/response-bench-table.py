"""Prints the table of bench/response-bench.sh from the files it left in its work folder."""
import glob, json, os, sys
from datetime import datetime

work = sys.argv[1]
def timing(name):
    wall, kib = open(os.path.join(work, name + ".time")).read().split()[-2:]
    return float(wall), int(kib) / 1024

def journal(case_dir):
    return [json.loads(l) for l in open(os.path.join(case_dir, "journal.jsonl"), encoding="utf-8")]

def t(e): return datetime.fromisoformat(e["time"].replace("Z", "+00:00"))

def key_refused(name):
    """Seconds from the contender's start until every call with the leaked key was refused (None: it still worked)."""
    try:
        start = float(open(os.path.join(work, name + ".start")).read())
        calls = [l.split() for l in open(os.path.join(work, name + ".poll")) if l.strip()]
    except OSError:
        return None
    last_ok = max((float(t) for t, r in calls if r == "ok"), default=0.0)
    refused = [float(t) for t, r in calls if r == "refused" and float(t) > last_ok]
    return refused[0] - start if refused else None

def secs(v): return f"{v:.2f} s" if v is not None else "still usable"

base_wall, base_mb = timing("baseline")
shodo_wall, shodo_mb = timing("shodo")
large_wall, large_mb = timing("large")
cases = sorted(glob.glob(os.path.join(work, "cases", "*")))
contained = None
if cases:
    entries = journal(cases[-1])
    # From the process start (as the baseline's whole script is), to the first verification that said contained after
    # which the response changed nothing more before its watch (a pursuit's early one does not count if the whole plan
    # still had to contain more).
    start = float(open(os.path.join(work, "shodo.start")).read())
    watch = next((e["seq"] for e in entries if e["kind"] == "respond.step.started" and e["data"].get("step") == "watch"), 1 << 62)
    last_change = max((e["seq"] for e in entries if e["kind"] == "containment.changed" and e["seq"] < watch), default=0)
    done = next((e for e in entries if e["kind"] == "containment.verified" and e["seq"] > last_change and e["data"].get("contained")), None)
    if done: contained = t(done).timestamp() - start
triage_at = None
triage_cases = sorted(glob.glob(os.path.join(work, "triagecases", "*")))
if triage_cases:
    found = next((e for e in journal(triage_cases[-1]) if e["kind"] == "triage.finished"), None)
    if found: triage_at = t(found).timestamp() - float(open(os.path.join(work, "triage.start")).read())
lookup = json.load(open(os.path.join(work, "shodo.counters.json"))).get("lookupEvents", {})
calls = sum(r["calls"] for r in lookup.values())
peak = max((r["maxPerSecond"] for r in lookup.values()), default=0)
rate = sum(r["calls"] / r["seconds"] for r in lookup.values() if r["seconds"] > 0)
# Critical path of containment: GetCallerIdentity, then per identity PutUserPolicy -> UpdateAccessKey -> re-read,
# and per instance ModifyInstanceAttribute (DisableApiStop) -> ModifyInstanceAttribute (termination) ->
# StopInstances -> DescribeInstances: the longest chain is 5 sequential round trips of ~100 ms mean latency.
lower = 5 * 0.100
def collect_calls():
    """The large account's collection: calls per service (counters after minus before) and the peak per second of each service in its busiest region."""
    try:
        before = json.load(open(os.path.join(work, "large.counters.before.json")))
        after = json.load(open(os.path.join(work, "large.counters.json")))
    except (OSError, ValueError):
        return "-", "-"
    per_service = {}
    for op, n in after.get("operations", {}).items():
        service = op.split(":")[0]
        per_service[service] = per_service.get(service, 0) + n - before.get("operations", {}).get(op, 0)
    calls = ", ".join(f"{s} {n}" for s, n in sorted(per_service.items(), key=lambda x: -x[1]) if n > 0)
    peaks = {}
    for key, n in after.get("peakPerSecond", {}).items():
        service = key.split(" ")[0]
        if per_service.get(service, 0) > 0: peaks[service] = max(peaks.get(service, 0), n)
    return calls, ", ".join(f"{s} {n}/s" for s, n in sorted(peaks.items(), key=lambda x: -x[1]))
large_calls, large_peaks = collect_calls()
rows = [
    ("leaked key refused after: AWS CLI baseline", secs(key_refused("baseline")), ""),
    ("leaked key refused after: shodo respond", secs(key_refused("shodo")), ""),
    ("leaked key refused after: shodo respond, large-account", secs(key_refused("largekey")), ""),
    ("time to contain: AWS CLI baseline (whole script)", f"{base_wall:.1f} s", f"{base_mb:.0f} MB"),
    ("time to contain: shodo respond (start to verified)", f"{contained:.1f} s" if contained else "not contained", f"{shodo_mb:.0f} MB"),
    ("shodo respond, whole run incl. investigation and report", f"{shodo_wall:.1f} s", ""),
    ("ratio baseline / shodo", f"{base_wall / contained:.1f}x" if contained else "-", ""),
    ("critical-path lower bound (5 round trips x 100 ms)", f"{lower:.1f} s", ""),
    ("LookupEvents: calls, regions, peak per second in any region", f"{calls}, {len(lookup)}, {peak}", ""),
    ("LookupEvents: retrieval rate over all regions (limit 2/s/region)", f"{rate:.1f} req/s", ""),
    ("collect, large-account scenario, realistic latency", f"{large_wall:.1f} s", f"{large_mb:.0f} MB"),
    ("collect, large-account: calls per service", large_calls, ""),
    ("collect, large-account: peak calls per second (busiest region)", large_peaks, ""),
    ("respond with no key, large-account: candidates presented after", f"{triage_at:.1f} s" if triage_at else "none", ""),
]
w = max(len(r[0]) for r in rows)
print(f"{'measure':<{w}}  {'value':>16}  {'peak memory':>11}")
for name, value, mem in rows:
    print(f"{name:<{w}}  {value:>16}  {mem:>11}")
