#!/usr/bin/env python3
"""The speed benchmark of issue 17 (run it through Benchmarks/run-speed-bench, which builds).

    speed_bench.py generate DIR N            N generated designs in DIR (seeded: the same files every time)
    speed_bench.py check EDGEPLAN DIR [K]    the Python baseline gives the same subnets as edgeplan on K designs
    speed_bench.py run --edgeplan BIN --hello BIN --work DIR [--runs N] [--no-callgrind]

`run` times whole processes, interleaved (one run of every command per round, after a warm-up
round), and prints each row of the issue's table as the median against its floor measured in the
same rounds: the Swift hello-world importing Foundation for the single-design commands, the
Python baseline (fleet_baseline.py) for the 1,000-design fleet, and the 1,000-design time (scaled
by 10) for the 10,000-design fleet, with that run's peak RSS (wait4's ru_maxrss). Then a callgrind
count of `plan SEED --out DIR`: instructions, the same whatever else the machine does.
"""
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = os.path.join(ROOT, "examples", "seed-environment.yaml")
REGIONS = ["eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2"]
FRONTENDS = ["[{kind: alb-controller}]", "[{kind: alb-privatelink-nlb}]",
             "[{kind: cloudfront-public-nlb}, {kind: apigw-vpclink-nlb, api: rest}]", "[{kind: nlb-to-alb}]"]


def generate(folder, n):
    """Designs in the shape of the ledger benchmark's fleet, each with its own /22 of 10.0.0.0/8."""
    rng = random.Random(17)
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        name = f"env-{i:05d}"
        block = 10 << 24 | i << 10
        cidr = f"{block >> 24}.{block >> 16 & 255}.{block >> 8 & 255}.0/22"
        text = (f"edgeplan: 1\nname: {name}\nregion: {rng.choice(REGIONS)}\ncluster: {name}-eks\n"
                f"network:\n  vpcCidr: {cidr}\n  azs: {rng.randint(2, 3)}\n"
                f"  nodes: {{max: {rng.randint(2, 4)}, podsPerNode: {rng.randint(8, 29)}}}\n"
                f"frontends: {rng.choice(FRONTENDS)}\n")
        with open(os.path.join(folder, f"{name}.yaml"), "w") as f:
            f.write(text)


def check(edgeplan, folder, k=40):
    """edgeplan's subnets (plan --format json) and the baseline's, for every k-th design's worth of a sample."""
    names = sorted(n for n in os.listdir(folder) if n.endswith(".yaml"))
    sample = names[:: max(1, len(names) // k)][:k]
    tmp = os.path.join(os.path.dirname(folder), "check-sample")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    for n in sample:
        shutil.copy(os.path.join(folder, n), tmp)
    baseline = subprocess.run([sys.executable, os.path.join(HERE, "fleet_baseline.py"), "--subnets", tmp],
                              check=True, capture_output=True, text=True).stdout.splitlines()
    theirs = {d["name"]: d["subnets"] for d in map(json.loads, baseline)}
    differ = 0
    for n in sample:
        out = subprocess.run([edgeplan, "plan", os.path.join(tmp, n), "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
        plan = json.loads(out)
        ours = [[s["name"], s["cidr"]] for s in plan["subnets"]]
        name = plan["design"]["name"]
        if sorted(ours) != sorted(theirs.get(name, [])):
            differ += 1
            print(f"check: {name}: edgeplan {ours}\n       baseline {theirs.get(name)}", file=sys.stderr)
    print(f"check: the Python baseline gives edgeplan's subnets for {len(sample) - differ} of {len(sample)} sampled designs")
    return differ == 0


def timed(argv):
    """Wall time and peak RSS (KB) of one whole process, output discarded."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} exited {p.returncode}:\n{err.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss


def callgrind(edgeplan, out):
    """Instructions of one `plan SEED --out DIR`, replacing the folder a timed run wrote. Valgrind
    3.19 cannot read the DWARF 5 of a Swift 6.3 binary, so it runs a copy without debug info."""
    work = os.path.dirname(out)
    log, binary = os.path.join(work, "callgrind.out"), os.path.join(work, "edgeplan-nodebug")
    subprocess.run(["strip", "--strip-debug", "-o", binary, edgeplan], check=True)
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={log}", binary, "plan", SEED, "--out", out],
                   check=True, capture_output=True)
    with open(log) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return None


def run(args):
    edgeplan, hello, work = args["--edgeplan"], args["--hello"], args["--work"]
    runs = int(args.get("--runs", 10))
    fleet1k, fleet10k = os.path.join(work, "fleet-1000"), os.path.join(work, "fleet-10000")
    for folder, n in [(fleet1k, 1000), (fleet10k, 10000)]:
        if not os.path.isdir(folder) or len(os.listdir(folder)) != n:
            shutil.rmtree(folder, ignore_errors=True)
            generate(folder, n)
    if not check(edgeplan, fleet1k):
        raise SystemExit("the Python baseline and edgeplan disagree on the subnets: fix the baseline before timing it")
    out = os.path.join(work, "out")
    commands = {
        "hello": [hello],
        "plan --out": [edgeplan, "plan", SEED, "--out", out],
        "plan --format json": [edgeplan, "plan", SEED, "--format", "json"],
        "validate": [edgeplan, "validate", SEED],
        "fleet 1,000": [edgeplan, "plan", "--fleet", fleet1k],
        "python 1,000": [sys.executable, os.path.join(HERE, "fleet_baseline.py"), fleet1k],
        "fleet 10,000": [edgeplan, "plan", "--fleet", fleet10k],
    }
    times = {k: [] for k in commands}
    rss = []
    for round_ in range(runs + 1):
        for key, argv in commands.items():
            t, kb = timed(argv)
            if round_ == 0:
                continue  # warm-up: caches, the first --out folder
            times[key].append(t)
            if key == "fleet 10,000":
                rss.append(kb)
    m = {k: statistics.median(v) for k, v in times.items()}
    files = sum(len(fs) for _, _, fs in os.walk(out))

    def ms(s):
        return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"

    rows = [
        (f"`plan SEED --out DIR` ({files} files)", ms(m["plan --out"]), f"hello-world {ms(m['hello'])}", f"{m['plan --out'] / m['hello']:.1f}×", "≤ 3×"),
        ("`plan SEED --format json`", ms(m["plan --format json"]), f"hello-world {ms(m['hello'])}", f"{m['plan --format json'] / m['hello']:.1f}×", "≤ 1.5×"),
        ("`validate SEED`", ms(m["validate"]), f"hello-world {ms(m['hello'])}", f"{m['validate'] / m['hello']:.1f}×", "≤ 1.5×"),
        ("`plan --fleet` of 1,000 designs", ms(m["fleet 1,000"]), f"Python baseline {ms(m['python 1,000'])}", f"{m['python 1,000'] / m['fleet 1,000']:.1f}× faster", "≥ 10× faster"),
        ("`plan --fleet` of 10,000 designs", ms(m["fleet 10,000"]), f"10 × the 1,000 fleet {ms(10 * m['fleet 1,000'])}",
         f"{m['fleet 10,000'] / m['fleet 1,000']:.1f} (10,000/1,000), peak RSS {max(rss) / 1024:.0f} MB", "≤ 1 s, linear, ≤ 256 MB"),
    ]
    load = os.getloadavg()
    print(f"\nmedians of {runs} interleaved runs (release build, {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f})\n")
    print("| what | edgeplan | floor, same run | ratio | goal |\n| --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    if "--no-callgrind" not in args:
        count = callgrind(edgeplan, out)
        print(f"\ncallgrind: `plan SEED --out DIR` executes {count:,} instructions")


def main(argv):
    if argv[:1] == ["generate"]:
        generate(argv[1], int(argv[2]))
    elif argv[:1] == ["check"]:
        sys.exit(0 if check(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 40) else 1)
    elif argv[:1] == ["run"]:
        args, rest = {}, argv[1:]
        while rest:
            if rest[0] == "--no-callgrind":
                args[rest.pop(0)] = True
            else:
                args[rest[0]] = rest[1]
                rest = rest[2:]
        run(args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
