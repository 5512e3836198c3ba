#!/usr/bin/env bash
# Start-up time of a netpol build: median (and min) wall time of N runs of `--help` and of a small `check`.
#
#   build/startup.sh artifacts/bin/linux-x64/netpol [RUNS]
#   build/startup.sh "kubectl netpol" 20          # through kubectl's plugin discovery
#
# Standard output and error are discarded; the first run of each is a warm-up and not counted.
set -euo pipefail
cmd=$1
runs=${2:-20}
python3 - "$runs" "$cmd" <<'PY'
import shlex, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), shlex.split(sys.argv[2])
cases = {
    "--help": ["--help"],
    "check": ["check", "-f", "example:three-tier-app", "--from", "webshop/deploy/backend",
              "--to", "webshop/sts/database", "--port", "5432"],
}
for name, args in cases.items():
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        code = subprocess.run(cmd + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        elapsed = time.perf_counter() - start
        if code not in (0, 1):
            sys.exit(f"{' '.join(cmd + args)} exited {code}")
        if i > 0:
            times.append(elapsed * 1000)
    print(f"{name:8} median {statistics.median(times):6.0f} ms   min {min(times):6.0f} ms   ({runs} runs)")
PY
