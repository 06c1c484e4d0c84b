#!/usr/bin/env python3
"""Regenerates the expected output (.out) of every numpy conformance snippet (.py) under
Tests/LibraryTests/NumPyConformance/ by running it with python3 and NumPy 2 the way a
Jupyter cell runs:

- all statements are executed in order in a fresh namespace;
- if the last statement is an expression, it is evaluated and, when its value is not None,
  its repr is printed (Jupyter's Out[n]);
- if an exception escapes, what was printed so far is kept and the final line
  `Type: message` is appended, exactly as traceback.format_exception_only gives it.

NumPy's RuntimeWarnings (divide by zero, ...) go to stderr in Jupyter and are not part of
the expected output. Snippets avoid random draws, or only show shapes and dtypes of them.

    python3 scripts/regen-numpy-conformance.py           # rewrite every .out
    python3 scripts/regen-numpy-conformance.py --check   # fail if any .out is stale
"""
import functools
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / 'Tests' / 'LibraryTests' / 'NumPyConformance'

@functools.cache
def load_cell_runner():
    """The language corpus' script runs snippets the Jupyter way; this one reuses it."""
    spec = importlib.util.spec_from_file_location(
        'regen_conformance', Path(__file__).resolve().parent / 'regen-conformance.py')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(path):
    return load_cell_runner().run(path, ignore_warnings=True)


def main():
    import numpy
    if not numpy.__version__.startswith('2.'):
        raise SystemExit('NumPy 2 is the reference; found %s' % numpy.__version__)
    check = '--check' in sys.argv[1:]
    count, errors, wrong = load_cell_runner().regenerate(ROOT, check, run_snippet=run)
    print('%d snippets (%d end in an uncaught exception), NumPy %s%s' % (
        count, errors, numpy.__version__, '' if check else ', .out files written'))
    if wrong:
        sys.exit(1)


if __name__ == '__main__':
    main()
