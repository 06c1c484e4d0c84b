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
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / 'Tests' / 'LibraryTests' / 'NumPyConformance'

CELL_RUNNER = r'''
import ast, sys, traceback, warnings
warnings.simplefilter('ignore')
path = sys.argv[1]
source = open(path, encoding='utf-8').read()
tree = ast.parse(source, path)
namespace = {'__name__': '__main__'}
try:
    body = tree.body
    last = body[-1] if body and isinstance(body[-1], ast.Expr) else None
    if last is not None:
        body = body[:-1]
    exec(compile(ast.Module(body=body, type_ignores=[]), path, 'exec'), namespace)
    if last is not None:
        value = eval(compile(ast.Expression(body=last.value), path, 'eval'), namespace)
        if value is not None:
            print(repr(value))
except BaseException as error:
    sys.stdout.flush()
    lines = traceback.format_exception_only(type(error), error)
    sys.stdout.write(''.join(lines).rstrip('\n') + '\n')
    sys.stdout.flush()
    sys.exit(3)
'''


def run(path):
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    result = subprocess.run([sys.executable, '-c', CELL_RUNNER, str(path)], capture_output=True,
                            text=True, encoding='utf-8', env=env, timeout=60)
    if result.returncode not in (0, 3) or result.stderr:
        raise SystemExit('%s: the runner failed:\n%s' % (path, result.stderr))
    return result.stdout, result.returncode == 3


def main():
    import numpy
    if not numpy.__version__.startswith('2.'):
        raise SystemExit('NumPy 2 is the reference; found %s' % numpy.__version__)
    check = '--check' in sys.argv[1:]
    snippets = sorted(ROOT.rglob('*.py'))
    stale, errors = [], 0
    for path in snippets:
        output, raised = run(path)
        errors += raised
        out_path = path.with_suffix('.out')
        if check:
            if not out_path.exists() or out_path.read_text(encoding='utf-8') != output:
                stale.append(str(out_path.relative_to(ROOT)))
        else:
            out_path.write_text(output, encoding='utf-8')
    for line in stale:
        print('stale: ' + line, file=sys.stderr)
    print('%d snippets (%d end in an uncaught exception), NumPy %s%s' % (
        len(snippets), errors, numpy.__version__, '' if check else ', .out files written'))
    if stale:
        sys.exit(1)


if __name__ == '__main__':
    main()
