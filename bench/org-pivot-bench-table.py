"""Prints the table of bench/org-pivot-bench.sh from the files it left in its work folder: per scenario, the median time
from process start to the first verification that said contained after the response's last change (as
response-bench-table.py measures it), the same in each member account Shodo contained something in (its sub-case's
journal, from the same process start: the slowest), the whole run, and each ratio to the single account (the issue's
bound: 1.5x)."""
import glob, json, os, statistics, sys
from datetime import datetime

work, runs = sys.argv[1], int(sys.argv[2])

def t(e): return datetime.fromisoformat(e["time"].replace("Z", "+00:00"))

def held(journal, start):
    """Seconds from start to the first verification that said contained after the journal's last change (before the watch)."""
    entries = [json.loads(l) for l in open(journal, encoding="utf-8")]
    watch = next((e["seq"] for e in entries if e["kind"] == "respond.step.started" and e["data"].get("step") == "watch"), 1 << 62)
    last = max((e["seq"] for e in entries if e["kind"] == "containment.changed" and e["seq"] < watch), default=0)
    done = next((e for e in entries if e["kind"] == "containment.verified" and e["seq"] > last and e["data"].get("contained")), None)
    return t(done).timestamp() - start if done else None

def case(name):
    cases = sorted(glob.glob(os.path.join(work, "cases-" + name, "*")))
    return cases[-1] if cases else None

def start(name): return float(open(os.path.join(work, name + ".start")).read())

def contained(name):
    c = case(name)
    return held(os.path.join(c, "journal.jsonl"), start(name)) if c else None

def members(name):
    """The slowest member account Shodo changed something in (its own sub-case), from the same process start; None when
    one never held, or there is none."""
    c = case(name)
    if not c: return None
    times = []
    for journal in glob.glob(os.path.join(c, "accounts", "*", "*", "journal.jsonl")):
        if not any('"containment.changed"' in l for l in open(journal, encoding="utf-8")): continue
        times.append(held(journal, start(name)))
    return None if not times or None in times else max(times)

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
member_times = [m for m in (members(f"org-pivot-{r}") for r in range(1, runs + 1)) if m is not None]
member = statistics.median(member_times) if member_times else None
print(f"| member accounts contained (the slowest attacked member, its own sub-case), median | | {fmt(member)} ({len(member_times)}/{runs} contained) |")
print(f"| whole run, median | {single[2]:.1f} s | {org[2]:.1f} s |")
ratio = org[0] / single[0] if single[0] and org[0] else None
print(f"| ratio org-pivot / one account (issue 21: at most 1.5x) | | {f'{ratio:.2f}x' if ratio else '-'} |")
ratio = member / single[0] if single[0] and member else None
print(f"| ratio slowest member / one account (issue 21: at most 1.5x) | | {f'{ratio:.2f}x' if ratio else '-'} |")
