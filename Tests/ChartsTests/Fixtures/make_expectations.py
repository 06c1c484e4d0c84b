"""Writes expectations.json: what NumPy and matplotlib compute for the cases ChartsTests checks.

Run with a Python that has numpy and matplotlib (the tests themselves need neither):
    python3 make_expectations.py > expectations.json
"""
import json

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

rng = np.random.default_rng(7)
hist_cases = [
    dict(values=[1, 2, 2, 3, 4], bins=3),
    dict(values=[round(0.1 * i, 10) for i in range(11)], bins=10),
    dict(values=[0.1 * i for i in range(11)], bins=7),
    dict(values=[5, 5, 5], bins=3),
    dict(values=[-3, 0, 2, 9.5, 10, 11, 12], bins=5, range=[0, 10]),
    dict(values=[float(v) for v in rng.normal(size=1000)], bins=30),
    dict(values=[float(v) for v in rng.uniform(-1e-3, 1e-3, size=300)], bins=13),
    dict(values=[1, 2, 2, 3, 3, 3, 4, 4, 4, 4], bins=4, density=True),
    dict(values=[], bins=4),
    dict(values=[-7, -7, -2, -1], bins=2),
]
for case in hist_cases:
    counts, edges = np.histogram(case["values"], bins=case["bins"], range=case.get("range"),
                                 density=case.get("density", False))
    case["counts"] = [float(c) for c in counts]
    case["edges"] = [float(e) for e in edges]

tick_cases = []
for lo, hi, n in [(-0.05, 1.05, 6), (0, 1, 5), (0.7724, 0.9102, 8), (-1.7, 2.3, 9), (0, 10, 5),
                  (3, 3000, 7), (0.000012, 0.000047, 5), (-250, 1250, 6), (0.5, 5.5, 9),
                  (1e6, 5e6, 4), (-0.0032, -0.0011, 6), (0.945, 1.055, 9)]:
    values = MaxNLocator(nbins=n, steps=[1, 2, 5, 10]).tick_values(lo, hi)
    inside = [float(v) for v in values if lo - 1e-12 <= v <= hi + 1e-12]
    tick_cases.append(dict(lower=lo, upper=hi, maxIntervals=n, ticks=inside))

limit_cases = []
def limits(name, draw):
    fig, ax = plt.subplots()
    draw(ax)
    limit_cases.append(dict(name=name, xlim=[float(v) for v in ax.get_xlim()],
                            ylim=[float(v) for v in ax.get_ylim()]))
    plt.close(fig)
limits("plot 0..1", lambda ax: ax.plot([0, 1], [0, 1]))
limits("plot constant 1", lambda ax: ax.plot([0, 1, 2], [1, 1, 1]))
limits("plot constant 0", lambda ax: ax.plot([0, 1], [0, 0]))
limits("plot with nan", lambda ax: ax.plot([0, 1, 2, 3], [2, float("nan"), 5, 3]))
limits("bar", lambda ax: ax.bar([1, 2, 3], [3, 5, 2]))
limits("bar negative", lambda ax: ax.bar([0, 1], [-2, 4]))
limits("hist", lambda ax: ax.hist([1, 2, 2, 3, 4], bins=3))
limits("imshow 3x4", lambda ax: ax.imshow(np.zeros((3, 4)), cmap="gray"))
limits("scatter", lambda ax: ax.scatter([-1, 4], [10, 20]))

from matplotlib.ticker import ScalarFormatter
label_cases = []
for locs in [[0, 0.2, 0.4, 0.6, 0.8, 1.0], [0.78, 0.8, 0.82, 0.84], [-1.5, -1.0, -0.5, 0.0, 0.5],
             [0, 2, 4, 6, 8, 10], [500, 1000, 1500], [-0.003, -0.0025, -0.002], [0.96, 0.98, 1.0, 1.02]]:
    fig, ax = plt.subplots()
    ax.set_ylim(min(locs), max(locs))
    ax.set_yticks(locs)
    ax.yaxis.set_major_formatter(ScalarFormatter(useOffset=False))
    fig.canvas.draw()
    label_cases.append(dict(ticks=[float(v) for v in locs],
                            labels=[t.get_text() for t in ax.get_yticklabels()]))
    plt.close(fig)

color_cases = [dict(spec=c, hex=matplotlib.colors.to_hex(c))
               for c in ["C0", "C1", "C9", "b", "g", "r", "c", "m", "y", "k", "w", "tab:orange",
                         "red", "orange", "gray", "navy", "#abc", "#1F77B4", "0.8"]]

from matplotlib.axes._base import _process_plot_format
format_cases = []
for fmt in ["r--", "o", "b-o", "k:", "g-.", "--", "C2x", "s"]:
    linestyle, marker, color = _process_plot_format(fmt)
    format_cases.append(dict(format=fmt, linestyle=linestyle, marker=marker,
                             color=None if color is None else matplotlib.colors.to_hex(color)))

fig, ax = plt.subplots()
try:
    ax.plot([1, 2, 3], [1, 2, 3, 4])
except ValueError as error:
    length_message = str(error)
plt.close(fig)

print(json.dumps(dict(histograms=hist_cases, ticks=tick_cases, limits=limit_cases, labels=label_cases,
                      colors=color_cases, formats=format_cases, lengthMismatch=length_message), indent=1))
