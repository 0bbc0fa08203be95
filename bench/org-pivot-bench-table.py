"""Prints the table of bench/org-pivot-bench.sh from the files it left in its work folder: per scenario, the median time
from process start to the first verification that said contained after the response's last change (as
response-bench-table.py measures it), the whole run, and the ratio org-pivot / single account (the issue's bound: 1.5x)."""
import glob, json, os, statistics, sys
from datetime import datetime

work, runs = sys.argv[1], int(sys.argv[2])

def t(e): return datetime.fromisoformat(e["time"].replace("Z", "+00:00"))

def contained(name):
    cases = sorted(glob.glob(os.path.join(work, "cases-" + name, "*")))
    if not cases: return None
    entries = [json.loads(l) for l in open(os.path.join(cases[-1], "journal.jsonl"), encoding="utf-8")]
    start = float(open(os.path.join(work, name + ".start")).read())
    watch = next((e["seq"] for e in entries if e["kind"] == "respond.step.started" and e["data"].get("step") == "watch"), 1 << 62)
    last = max((e["seq"] for e in entries if e["kind"] == "containment.changed" and e["seq"] < watch), default=0)
    done = next((e for e in entries if e["kind"] == "containment.verified" and e["seq"] > last and e["data"].get("contained")), None)
    return t(done).timestamp() - start if done else None

def wall(name): return float(open(os.path.join(work, name + ".time")).read().split()[-2])

rows = {}
for scenario in ("leaked-key-cryptomining", "org-pivot"):
    names = [f"{scenario}-{r}" for r in range(1, runs + 1)]
    times = [c for c in (contained(n) for n in names) if c is not None]
    rows[scenario] = (statistics.median(times) if times else None, len(times), statistics.median(wall(n) for n in names))

print("| measure | leaked-key-cryptomining (one account) | org-pivot (management + SCP lever) |")
print("|---|---|---|")
single, org = rows["leaked-key-cryptomining"], rows["org-pivot"]
fmt = lambda v: f"{v:.1f} s" if v is not None else "not contained"
print(f"| time to contain, median of {runs} (start to verified) | {fmt(single[0])} ({single[1]}/{runs} contained) | {fmt(org[0])} ({org[1]}/{runs} contained) |")
print(f"| whole run, median | {single[2]:.1f} s | {org[2]:.1f} s |")
ratio = org[0] / single[0] if single[0] and org[0] else None
print(f"| ratio org-pivot / one account (issue 21: at most 1.5x) | | {f'{ratio:.2f}x' if ratio else '-'} |")
