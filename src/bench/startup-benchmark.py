#!/usr/bin/env python3
"""Times Soapstone's start-up: the launcher, the README's run command, the extracted jar and plain `java -jar`.

For each way of starting it runs a one-shot `client list` (or --one-shot version) on a generated clinic of 1,000 clients
(stdout to a pipe, as a script would call it) and starts the interactive shell in a
pseudo-terminal until the prompt is shown. Runs are interleaved - one of each in turn - so that
other work on the machine affects all three alike. Reports the median, 90th percentile, minimum
and maximum wall time, and the peak resident memory (RSS) of each.

Run from the project root after `./mvnw package`:

    python3 src/bench/startup-benchmark.py [--runs 15] [--db clinic.db] [--kinds launcher,run]
        [--one-shot version] [--skip-interactive]

Without --db it generates the clinic first (1,000 clients, 20,000 sessions) with the test-scope
generator through Maven. The database is copied to a temporary folder, which is also HOME for
the runs, so the benchmark touches no real data or home directory. Standard library only.
"""
import argparse
import fcntl
import json
import os
import pty
import resource
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROMPT = b"soapstone:>"


def find_java(dist: Path) -> str:
    trained = dist / "app" / "trained-with"
    if trained.is_file() and os.access(trained.read_text().strip(), os.X_OK):
        return trained.read_text().strip()
    if os.environ.get("JAVA_HOME"):
        return str(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    return shutil.which("java") or sys.exit("no java found: set JAVA_HOME")


def generate(db: Path, clients: int, sessions: int) -> None:
    print(f"generating {db} ({clients} clients, {sessions} sessions) ...", file=sys.stderr)
    subprocess.run([str(ROOT / "mvnw"), "-q", "-B", "test", "-Pbenchmark", "-Dtest=GenerateClinicData",
                    f"-Dsoapstone.bench.db={db}", f"-Dsoapstone.bench.clients={clients}",
                    f"-Dsoapstone.bench.sessions={sessions}"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def one_shot(command: list, env: dict, expected_rows) -> list:
    """Runs a one-shot command with stdout to a pipe; returns [seconds, peak RSS in MB]. Called
    in a process of its own (see isolated), so that the children's peak RSS is this run's."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate()
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}): {err.decode(errors='replace')}")
    rows = len(out.decode().splitlines()) - 2
    if expected_rows is not None and rows != expected_rows:
        sys.exit(f"{' '.join(command)} listed {rows} clients, expected {expected_rows}")
    return [elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]


def isolated(function, *args):
    """Runs function(*args) in a forked process and returns its JSON result."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        code = 1
        try:
            os.write(write_end, json.dumps(function(*args)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    data = b""
    while chunk := os.read(read_end, 4096):
        data += chunk
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not data:
        sys.exit("a benchmark run failed")
    return json.loads(data)


def interactive(command: list, env: dict) -> tuple:
    """Starts the shell in a pseudo-terminal; returns (seconds until the prompt, peak RSS in MB)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(command[0], command, env)
    # A terminal of 120 x 40, as a person would have; JLine cannot lay out a prompt in 0 columns.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    ready = None
    deadline = start + 60
    while ready is None and time.perf_counter() < deadline:
        readable, _, _ = select.select([fd], [], [], 0.5)
        if readable:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if PROMPT in seen:
                ready = time.perf_counter() - start
    if ready is None:
        os.kill(pid, signal.SIGKILL)
        sys.exit(f"{' '.join(command)}: no prompt within 60 s; output: {seen[-500:]!r}")
    os.write(fd, b"quit\r")
    # Drain the terminal until the shell exits, so that it never blocks on a full buffer.
    while True:
        try:
            if not os.read(fd, 4096):
                break
        except OSError:
            break
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    return ready, usage.ru_maxrss / 1024


def summary(values: list) -> dict:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return {"median": statistics.median(ordered), "p90": p90, "min": ordered[0], "max": ordered[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each kind (at least 10)")
    parser.add_argument("--db", type=Path, help="a generated database of 1,000 clients (made if omitted)")
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--dist", type=Path, default=ROOT / "target" / "soapstone")
    parser.add_argument("--jar", type=Path, default=ROOT / "target" / "soapstone.jar")
    parser.add_argument("--skip-interactive", action="store_true")
    parser.add_argument("--kinds", default="launcher,run,extracted,jar",
                        help="which ways of starting, comma-separated (default: all four)")
    parser.add_argument("--one-shot", default="client list", help="the one-shot command (default: client list)")
    args = parser.parse_args()
    if args.runs < 10:
        sys.exit("--runs must be at least 10")
    launcher = args.dist / "bin" / "soapstone"
    for needed in (launcher, args.jar, args.dist / "app" / "soapstone.jar"):
        if not needed.exists():
            sys.exit(f"{needed} is missing: run ./mvnw package first")
    java = find_java(args.dist)

    with tempfile.TemporaryDirectory(prefix="soapstone-startup-") as work:
        work = Path(work)
        db = work / "clinic.db"
        if args.db:
            shutil.copyfile(args.db, db)
        else:
            generate(db, args.clients, args.clients * 20)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(work), "LANG": "C.UTF-8",
               "SOAPSTONE_DB": str(db), "TERM": "xterm-256color"}
        active = int(subprocess.run(["sqlite3", str(db), "SELECT count(*) FROM client WHERE archived_at IS NULL"],
                                    capture_output=True, text=True).stdout.strip() or -1) \
            if shutil.which("sqlite3") else None
        every = {
            "launcher": ("launcher (bin/soapstone)", [str(launcher)]),
            # The README's run command; it runs target/soapstone of the project it is in.
            "run": ("README run command (src/bin/soapstone)", [str(ROOT / "src" / "bin" / "soapstone")]),
            "extracted": ("extracted jar (java -jar app/soapstone.jar)",
                          [java, "-jar", str(args.dist / "app" / "soapstone.jar")]),
            "jar": ("plain java -jar target/soapstone.jar", [java, "-jar", str(args.jar)]),
        }
        wanted = args.kinds.split(",")
        if unknown := [kind for kind in wanted if kind not in every]:
            sys.exit(f"unknown --kinds {unknown}: choose from {', '.join(every)}")
        if "run" in wanted:
            if args.dist.resolve() != (ROOT / "target" / "soapstone").resolve():
                sys.exit("the run command runs target/soapstone: leave out --dist or 'run' from --kinds")
            # Timed, it must only start the launcher: a build would be timed instead.
            check = subprocess.run(every["run"][1] + ["version"], env=env, capture_output=True, text=True)
            if check.returncode != 0 or check.stderr:
                sys.exit(f"src/bin/soapstone does more than start the launcher (run it once first):\n{check.stderr}")
        kinds = {every[kind][0]: every[kind][1] for kind in wanted}
        one_shot_args = args.one_shot.split()
        if one_shot_args != ["client", "list"]:
            active = None
        elif active is None:
            # Without sqlite3, take the row count from a first run of the launcher.
            out = subprocess.run(every["launcher"][1] + ["client", "list"], env=env,
                                 capture_output=True, text=True).stdout
            active = len(out.splitlines()) - 2
        load_before = os.getloadavg()
        results = {kind: {"one-shot": [], "rss": [], "ready": [], "ready-rss": []} for kind in kinds}
        names = list(kinds)
        for run in range(args.runs):
            order = names[run % len(names):] + names[:run % len(names)]
            for kind in order:
                seconds, rss = isolated(one_shot, kinds[kind] + one_shot_args, env, active)
                results[kind]["one-shot"].append(seconds)
                results[kind]["rss"].append(rss)
                if not args.skip_interactive:
                    ready, ready_rss = interactive(kinds[kind], env)
                    results[kind]["ready"].append(ready)
                    results[kind]["ready-rss"].append(ready_rss)
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
        load_after = os.getloadavg()

    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = [f"Start-up, {time.strftime('%Y-%m-%d %H:%M')}: {args.runs} runs of each, interleaved;"
             f" one-shot `{args.one_shot}`{f' on {active} active clients' if active is not None else ''};"
             f" {os.cpu_count()} CPUs; {version};"
             f" load average {load_before[0]:.2f} before, {load_after[0]:.2f} after", ""]
    lines.append(f"| How it starts | `{args.one_shot}` median | p90 | min | max | peak RSS median (max) |"
                 + ("" if args.skip_interactive else " shell ready median | p90 | peak RSS median |"))
    lines.append("|---|---:|---:|---:|---:|---:|" + ("" if args.skip_interactive else "---:|---:|---:|"))
    for kind in kinds:
        r = results[kind]
        s = summary(r["one-shot"])
        row = (f"| {kind} | {s['median']:.3f} s | {s['p90']:.3f} s | {s['min']:.3f} s | {s['max']:.3f} s"
               f" | {statistics.median(r['rss']):.0f} MB ({max(r['rss']):.0f}) |")
        if not args.skip_interactive:
            ready = summary(r["ready"])
            row += f" {ready['median']:.3f} s | {ready['p90']:.3f} s | {statistics.median(r['ready-rss']):.0f} MB |"
        lines.append(row)
    lines.append("")
    launcher_name = every["launcher"][0]
    if launcher_name in results:
        launcher_median = statistics.median(results[launcher_name]["one-shot"])
        for kind in names:
            if kind != launcher_name:
                ratio = statistics.median(results[kind]["one-shot"]) / launcher_median
                line = f"{kind} / launcher, medians of `{args.one_shot}`: {ratio:.2f}x"
                if not args.skip_interactive:
                    ratio = statistics.median(results[kind]["ready"]) / statistics.median(results[launcher_name]["ready"])
                    line += f"; of shell ready: {ratio:.2f}x"
                lines.append(line)
    report = "\n".join(lines)
    print(report)
    out_dir = ROOT / "target" / "benchmarks"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"startup-{time.strftime('%Y%m%d-%H%M%S')}.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
