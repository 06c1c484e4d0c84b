#!/usr/bin/env python3
"""Regenerates the expected output (.out) of every scikit-learn conformance snippet (.py)
under Tests/LibraryTests/SklearnConformance/ by running it with python3, NumPy 2 and
scikit-learn 1.9 the way a Jupyter cell runs (see regen-conformance.py), with one
difference: warnings (scikit-learn's UndefinedMetricWarning, UserWarning) are printed in
order with the output, as CPython formats them, the file named from its package folder
(`sklearn/metrics/_classification.py:1879: UndefinedMetricWarning: ...`). Labbook writes
them into the cell's output the same way.

    pip install scikit-learn==1.9.1
    python3 scripts/regen-sklearn-conformance.py           # rewrite every .out
    python3 scripts/regen-sklearn-conformance.py --check   # fail if any .out is stale
"""
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / 'Tests' / 'LibraryTests' / 'SklearnConformance'


# The language corpus' script runs snippets the Jupyter way; this one reuses its functions.
CELL_RUNNER = runpy.run_path(str(Path(__file__).resolve().parent / 'regen-conformance.py'))


def run(path):
    return CELL_RUNNER['run'](path, warnings_to_stdout=True)


def main():
    import numpy
    import sklearn
    if sklearn.__version__ != '1.9.1' or not numpy.__version__.startswith('2.'):
        raise SystemExit('scikit-learn 1.9.1 with NumPy 2 is the reference (its warnings name its line numbers); '
                         'found scikit-learn %s, NumPy %s' % (sklearn.__version__, numpy.__version__))
    check = '--check' in sys.argv[1:]
    count, errors, wrong = CELL_RUNNER['regenerate'](ROOT, check, run_snippet=run)
    print('%d snippets (%d end in an uncaught exception), scikit-learn %s, NumPy %s%s' % (
        count, errors, sklearn.__version__, numpy.__version__, '' if check else ', .out files written'))
    if wrong:
        sys.exit(1)


if __name__ == '__main__':
    main()
