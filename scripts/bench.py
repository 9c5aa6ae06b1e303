"""Benchmark: `dossier check`, `dossier build` and a bare MkDocs build of the same articles, for N articles.

    .venv/bin/python scripts/bench.py [--sizes 10,100,1000] [--repeat 3] [--workdir /tmp/dossier-bench] [--serve]

For each N it writes a synthetic dossier at the real density (scripts/synthetic.py) and a bare
MkDocs + Material project of the same article texts, then runs the three commands in turn, `--repeat`
times (interleaved, so that a busy machine slows all three alike), each as its own process, and prints
the medians: wall-clock and CPU time (user + system, the process and its children), peak memory (the
largest sum of the resident sets of the command's processes, sampled every 20 ms, and the largest sum of
their proportional set sizes, sampled every 0.2 s), the size of the site,
the ratio of the dossier build to the bare build, and the growth from the smallest N to the largest.
With `--serve`, also the seconds `dossier serve` takes to show three kinds of edit (scripts/serve_latency.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve_latency  # noqa: E402
import synthetic  # noqa: E402

BIN = Path(sys.executable).parent


def _tree(pid: int) -> list[int]:
    """A process and all its descendants (Linux /proc)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return found


def _statm_rss(pid: int) -> int:
    """Resident bytes: a forked child's pages that it still shares with its parent count in both."""
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _rollup_pss(pid: int) -> int:
    """Proportional set size: each shared page divided among the processes that share it, so that the sum
    over a tree is what it takes of the machine's memory."""
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        return next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))


def _tree_sum(pid: int, measure) -> int:
    """`measure` summed over a process and its descendants; a process that ended meanwhile counts 0."""
    total = 0
    for current in _tree(pid):
        try:
            total += measure(current)
        except (OSError, ValueError, StopIteration):
            continue
    return total


def run(command: list[str], cwd: Path) -> dict:
    """Wall and CPU seconds and peak memory of one command (and its children); fails loudly if it fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a chatty command must not block on a full pipe
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        peak = pss = samples = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_sum(process.pid, _statm_rss))
            if samples % 10 == 0:  # smaps_rollup walks the page tables: every 0.2 s, not to slow the build
                pss = max(pss, _tree_sum(process.pid, _rollup_pss))
            samples += 1
            time.sleep(0.02)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode(errors="replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{output[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak": max(peak, usage.ru_maxrss * 1024),
            "pss": pss}


def site_bytes(site: Path) -> int:
    return sum(f.stat().st_size for f in site.rglob("*") if f.is_file())


COMMANDS = {
    "check": lambda root: [str(BIN / "dossier"), "check"],
    "build": lambda root: [str(BIN / "dossier"), "build"],
    "bare": lambda root: [str(BIN / "mkdocs"), "build", "--strict", "--quiet"],
}


def bench(n: int, repeat: int, workdir: Path) -> dict:
    dossier, bare = synthetic.write(workdir / str(n), n)
    where = {"check": dossier, "build": dossier, "bare": bare}
    runs: dict[str, list[dict]] = {name: [] for name in COMMANDS}
    for _ in range(repeat):
        for name, command in COMMANDS.items():
            runs[name].append(run(command(where[name]), where[name]))
    result = {name: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "peak", "pss")}
              for name, rs in runs.items()}
    result["site"] = site_bytes(dossier / "site")
    result["bare_site"] = site_bytes(bare / "site")
    result["pages"] = sum(1 for _ in (dossier / "site").rglob("*.html"))
    for kind in ("actors", "events"):
        result[kind] = (dossier / "annotations" / f"{kind}.yml").read_text(encoding="utf-8").count("\n- id: ")
    return result


def report(results: dict[int, dict]) -> str:
    mb = 1024 * 1024
    lines = [f"{'N':>5} {'actors':>6} {'events':>6} {'pages':>6} | {'check wall/cpu':>15} | {'build wall/cpu':>15} | "
             f"{'bare wall/cpu':>15} | {'ratio':>5} | {'peak MB chk/bld/bare':>20} | {'PSS MB bld':>10} | "
             f"{'site MB':>7} {'bare':>5}"]
    for n, r in sorted(results.items()):
        c, b, m = r["check"], r["build"], r["bare"]
        lines.append(f"{n:>5} {r['actors']:>6} {r['events']:>6} {r['pages']:>6} | {c['wall']:6.1f} s {c['cpu']:5.1f} s | "
                     f"{b['wall']:6.1f} s {b['cpu']:5.1f} s | {m['wall']:6.1f} s {m['cpu']:5.1f} s | "
                     f"{b['wall'] / m['wall']:5.2f} | {c['peak'] / mb:6.0f} {b['peak'] / mb:6.0f} {m['peak'] / mb:6.0f} | "
                     f"{b['pss'] / mb:10.0f} | "
                     f"{r['site'] / mb:7.1f} {r['bare_site'] / mb:5.1f}")
    sizes = sorted(results)
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        growth = ", ".join(f"{name} {large[name]['wall'] / small[name]['wall']:.1f}×" for name in COMMANDS)
        lines.append(f"growth N={sizes[0]}→{sizes[-1]} (wall): {growth}")
    lines.append("peak MB: the largest sum of the resident sets of a command's processes (a forked child's shared "
                 "pages count twice); PSS: the same with shared pages divided among their processes")
    lines.append("ratio: wall of `dossier build` (check, mkdocs build --strict, link check) / wall of the bare build")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated N (default: 10,100,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command per N; the median is shown")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dossier-bench"), help="where the projects go")
    parser.add_argument("--serve", action="store_true", help="also measure how soon `dossier serve` shows an edit")
    args = parser.parse_args(argv)
    results, served = {}, {}
    for n in (int(s) for s in args.sizes.split(",")):
        results[n] = bench(n, args.repeat, args.workdir)
        if args.serve:
            served[n] = serve_latency.measure(args.workdir / str(n) / "dossier")
        print(f"N={n} done", file=sys.stderr, flush=True)
    print(f"load average before the last run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(report(results))
    for n, seconds in sorted(served.items()):
        print(f"serve N={n}: " + ", ".join(f"{what} {s:.1f} s" for what, s in seconds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
