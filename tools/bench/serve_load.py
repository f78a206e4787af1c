#!/usr/bin/env python3
"""A rate-controlled HTTP load for `dyad serve`, loopback only.

usage: tools/bench/serve_load.py BASE_URL [--rate 500] [--seconds 30]
       [--connections 32] [--pid PID]

Sends GET /api/events with filters (an actor of the store's 50 most
frequent with one of its 50 busiest months, a quad class with a source, a
CAMEO root over that month's year; 100 events a page) at a fixed rate for
a fixed time over keep-alive connections, and prints one JSON line:
requests, errors, the rate reached, latency percentiles in ms, the
machine's load average and, with --pid, the server's peak resident memory
and CPU time per request. Requests are scheduled open-loop: a request's
latency counts from the moment it was due, so a slow server cannot slow
the client down and hide its own delay. BASE_URL must be a loopback
address; the run stops by itself after --seconds (plus 10 s for the last
answers).
"""
import argparse
import asyncio
import ipaddress
import json
import os
import time
import urllib.parse
import urllib.request


def loopback(base):
    host = urllib.parse.urlsplit(base).hostname
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def targets(base):
    """Filtered /api/events paths over the store's own actors and dates."""
    with urllib.request.urlopen(base + "/api/actors?limit=50") as r:
        actors = [a["code"] for a in json.load(r)["actors"]]
    with urllib.request.urlopen(base + "/api/series?period=month") as r:
        rows = [row for row in json.load(r)["rows"] if row["period"] != "coarse"]
    # the busiest months, where pages are full (most of a store's months
    # may hold few events: its dates reach back to the 19th century)
    rows.sort(key=lambda row: (-row["count"], row["period"]))
    months = [row["period"] for row in rows]
    paths = []
    for i, actor in enumerate(actors):
        month = months[i % len(months)]
        first = month + "-01"
        last = month + "-28"
        paths.append(f"/api/events?actor={actor}&from={first}&to={last}&limit=100")
        paths.append(f"/api/events?source={actor}&quad={1 + i % 4}&limit=100")
        year = month[:4]
        paths.append(f"/api/events?cameo={(i % 20) + 1:02d}&from={year}-01-01&to={year}-12-31&limit=100")
    return paths


async def request(reader, writer, host, path):
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def run(base, rate, seconds, connections, pid):
    parts = urllib.parse.urlsplit(base)
    host, port = parts.hostname, parts.port or 80
    paths = targets(base)
    pool = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection(host, port))
    latencies, errors = [], 0
    total = int(rate * seconds)
    cpu_before = cpu_seconds(pid) if pid else None
    load_before = os.getloadavg()[0]

    async def one(i, due):
        nonlocal errors
        reader, writer = await pool.get()
        try:
            status = await request(reader, writer, parts.netloc, paths[i % len(paths)])
            if status != 200:
                errors += 1
        except (OSError, asyncio.IncompleteReadError, ValueError):
            errors += 1
            writer.close()
            reader, writer = await asyncio.open_connection(host, port)
        latencies.append(time.perf_counter() - due)
        pool.put_nowait((reader, writer))

    start = time.perf_counter()
    tasks = []
    for i in range(total):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
    done, pending = await asyncio.wait(tasks, timeout=10)
    for t in pending:
        t.cancel()
    elapsed = time.perf_counter() - start
    latencies.sort()
    load_after = os.getloadavg()[0]

    def pct(p):
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 2)

    report = {
        "requests": total,
        "answered": len(latencies),
        "errors": errors + len(pending),
        "rate": round(len(latencies) / elapsed, 1),
        "p50_ms": pct(0.50),
        "p90_ms": pct(0.90),
        "p99_ms": pct(0.99),
        "max_ms": round(1000 * latencies[-1], 2),
        "paths": len(paths),
        # the machine's 1-minute load average at the start and the end
        "load_avg": [round(load_before, 2), round(load_after, 2)],
    }
    if pid:
        cpu = cpu_seconds(pid) - cpu_before
        report["server_cpu_ms_per_request"] = round(1000 * cpu / max(1, len(latencies)), 2)
    return report


def cpu_seconds(pid):
    """The process's user and system CPU time so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime, fields 14 and 15 of stat(5), in clock ticks
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--rate", type=float, default=500)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--pid", type=int)
    args = ap.parse_args()
    base = args.base.rstrip("/")
    if not loopback(base):
        raise SystemExit(f"{base}: not a loopback address; this load is for a server on this machine")
    report = asyncio.run(run(base, args.rate, min(args.seconds, 300), args.connections, args.pid))
    if args.pid:
        report["server_peak_mb"] = peak_memory_mb(args.pid)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
