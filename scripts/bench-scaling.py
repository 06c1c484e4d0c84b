#!/usr/bin/env python3
"""Scaling benchmark: does a run's time grow linearly with what the notebook does?

Runs the real `labbook` binary (release build) on generated notebooks of growing size and
prints, per workload, the best-of-N wall time, the time net of an empty notebook's run
(start-up, reports), the net time per item and its ratio to the smallest size's. Linear
work keeps that ratio near 1; quadratic work multiplies it by the size ratio.

    python3 scripts/bench-scaling.py                    # builds labbook in release first
    LABBOOK=.build/release/labbook python3 scripts/bench-scaling.py [--repeat N] [--check]

Workloads: `print` in a loop (10k, 40k, 200k lines); n cells with the cache on (1k, 5k:
a first run into an empty cache, and the cache's size after it); indexing a str with
non-ASCII characters in a loop (10k, 80k). `--check` exits 1 unless every ratio is within
1.5x, 200,000 printed lines add under 2 s, 5,000 cells run in under 5 s leaving under 20 MB
of cache (apparent bytes; `du` blocks are printed too) and 80,000 indexings take under 1 s.
A ratio is only checked when the smallest size's net time is at least 0.1 s: below that,
start-up noise on a shared machine swamps it (the absolute bounds still catch quadratic
work: it made 200,000 lines take 21 s and 80,000 indexings 51 s). `--generous` (for the release
e2e script, on a shared machine) triples the time bounds and allows ratios up to 3x, which
quadratic work still exceeds; the cache bound stays (bytes do not depend on the machine).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fence(source):
    return '```python\n' + source.rstrip('\n') + '\n```\n\n'


def print_loop(n):
    return fence(f'for i in range({n}):\n    print(i)')


def many_cells(n):
    cells = [fence('x = 0')]
    for i in range(1, n):
        cells.append(fence(f'x = x + {i % 7}' if i % 100 else f'x = x + 1\nprint(x)'))
    return ''.join(cells)


def string_indexing(n):
    return fence(
        f"s = 'abc\\u00e9' * {n // 4}\n"
        "total = 0\n"
        "for i in range(len(s)):\n"
        "    total += ord(s[i])\n"
        "print(len(s), total)")


WORKLOADS = [
    ('print in a loop (lines)', print_loop, [10_000, 40_000, 200_000]),
    ('cells, cache on', many_cells, [1_000, 5_000]),
    ('str indexing (chars)', string_indexing, [10_000, 80_000]),
]


def cache_size(folder):
    apparent = blocks = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            st = os.lstat(os.path.join(dirpath, name))
            apparent += st.st_size
            blocks += st.st_blocks * 512
    return apparent, blocks


def run_once(labbook, text):
    """Seconds of one `labbook run` of `text` in a fresh folder (so a fresh cache), and the
    cache's apparent and on-disk bytes after it."""
    folder = tempfile.mkdtemp(prefix='labbook-scaling-')
    try:
        notebook = os.path.join(folder, 'nb.md')
        with open(notebook, 'w', encoding='utf-8') as f:
            f.write(text)
        start = time.perf_counter()
        result = subprocess.run([labbook, 'run', notebook, '-o', os.path.join(folder, 'out.md'), '--quiet'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f'bench-scaling: labbook run failed (exit {result.returncode}):\n{result.stderr}')
        return seconds, cache_size(os.path.join(folder, '.labbook'))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def best(labbook, text, repeats):
    runs = [run_once(labbook, text) for _ in range(repeats)]
    return min(runs, key=lambda r: r[0])


def main():
    args = sys.argv[1:]
    repeats = 5
    check = '--check' in args or '--generous' in args
    slack = 3 if '--generous' in args else 1
    max_ratio = 3 if '--generous' in args else 1.5
    if '--repeat' in args:
        repeats = max(1, int(args[args.index('--repeat') + 1]))
    labbook = os.environ.get('LABBOOK')
    if not labbook:
        subprocess.run(['swift', 'build', '-c', 'release', '--product', 'labbook'], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        labbook = str(ROOT / '.build' / 'release' / 'labbook')

    empty, _ = best(labbook, fence('pass'), repeats)
    print(f'best of {repeats} runs; an empty notebook takes {empty:.3f} s (subtracted as "net")\n')
    print('| workload | size | time (s) | net (s) | net per item (µs) | ratio to smallest | cache (MB, apparent / du) |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    failures = []
    for name, make, sizes in WORKLOADS:
        first = None
        for n in sizes:
            seconds, (apparent, blocks) = best(labbook, make(n), repeats)
            net = max(seconds - empty, 1e-6)
            per_item = net / n
            if first is None:
                first, first_net = per_item, net
            ratio = per_item / first
            cache = f'{apparent / 1e6:.1f} / {blocks / 1e6:.1f}' if name.startswith('cells') else ''
            noisy = '' if first_net >= 0.1 else ' (not checked)'
            print(f'| {name} | {n:,} | {seconds:.3f} | {net:.3f} | {per_item * 1e6:.2f} | {ratio:.2f}x{noisy} | {cache} |')
            if ratio > max_ratio and not noisy:
                failures.append(f'{name} at {n:,}: {ratio:.2f}x the per-item time of the smallest size')
            if name.startswith('print') and n == 200_000 and net >= 2 * slack:
                failures.append(f'200,000 printed lines add {net:.2f} s (bound: {2 * slack} s)')
            if name.startswith('cells') and n == 5_000:
                if seconds >= 5 * slack:
                    failures.append(f'5,000 cells take {seconds:.2f} s (bound: {5 * slack} s)')
                if apparent >= 20e6:  # not scaled by `slack`: bytes do not depend on load
                    failures.append(f'5,000 cells leave {apparent / 1e6:.1f} MB of cache (target: under 20 MB)')
            if name.startswith('str') and n == 80_000 and net >= 1 * slack:
                failures.append(f'80,000 str indexings take {net:.2f} s (bound: {1 * slack} s)')
    if check and failures:
        print('\nbench-scaling: ' + '\nbench-scaling: '.join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
