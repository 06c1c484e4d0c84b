#!/usr/bin/env python3
"""Regenerates the expected output (.out) of every conformance snippet (.py) under
Tests/CellLanguageTests/Conformance/ by running it with python3 the way a Jupyter cell runs:

- all statements are executed in order in a fresh namespace;
- if the last statement is an expression, it is evaluated and, when its value is not None,
  its repr is printed (Jupyter's Out[n]);
- if an exception escapes, what was printed so far is kept and the final line
  `Type: message` is appended, as traceback.format_exception_only gives it but with the
  type named as IPython names it (its __name__).

It also checks that each snippet stays inside the language subset of docs/language.md (no
walrus, match, async, imports other than the modules in ALLOWED_IMPORTS) and is 5-30 lines.

    python3 scripts/regen-conformance.py           # rewrite every .out
    python3 scripts/regen-conformance.py --check   # fail if any .out is stale
"""
import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / 'Tests' / 'CellLanguageTests' / 'Conformance'

# Runs one snippet (its path is argv[1]) as a Jupyter cell; executed in a child python3 so
# every snippet starts from a clean interpreter.
CELL_RUNNER = r'''
import ast, linecache, sys, traceback, warnings
if sys.argv[2:] == ['--ignore-warnings']:
    warnings.simplefilter('ignore')
elif sys.argv[2:] == ['--warnings-to-stdout']:
    # As CPython shows a warning, in order with the printed text, the library's file named
    # from its package folder (sklearn/...) rather than this machine's install path.
    def show(message, category, filename, lineno, file=None, line=None):
        line = linecache.getline(filename, lineno)
        short = filename.split('site-packages/')[-1]
        sys.stdout.write(warnings.formatwarning(message, category, short, lineno, line))
    warnings.showwarning = show
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
    # IPython names an exception by its __name__ alone (numpy's UFuncTypeError, AxisError),
    # where traceback gives module and qualname; builtins read the same either way.
    kind = type(error)
    qualified = kind.__qualname__ if kind.__module__ in ('builtins', '__main__') else kind.__module__ + '.' + kind.__qualname__
    if lines[-1].startswith(qualified):
        lines[-1] = kind.__name__ + lines[-1][len(qualified):]
    sys.stdout.write(''.join(lines).rstrip('\n') + '\n')
    sys.stdout.flush()
    sys.exit(3)
'''

FORBIDDEN = {
    ast.AsyncWith: 'async with',
    ast.AsyncFunctionDef: 'async def',
    ast.Await: 'await', ast.NamedExpr: 'walrus', ast.Match: 'match', ast.AsyncFor: 'async for',
}


# The modules cells can import without numpy/keras (docs/language.md lists them).
ALLOWED_IMPORTS = {
    'math', '__future__', 'time', 'collections', 'itertools', 'functools', 'json', 'os', 'os.path',
    'sys', 'warnings', 'string', 'statistics', 'copy', 'pprint', 'typing', 'datetime',
}


def subset_problems(path, source):
    problems = []
    lines = source.rstrip('\n').split('\n')
    if not 5 <= len(lines) <= 30:
        problems.append('%d lines (want 5-30)' % len(lines))
    for node in ast.walk(ast.parse(source, str(path))):
        for kind, name in FORBIDDEN.items():
            if isinstance(node, kind):
                problems.append('line %d: %s is outside the subset' % (node.lineno, name))
        if isinstance(node, ast.Import) and any(a.name not in ALLOWED_IMPORTS for a in node.names):
            problems.append('line %d: only %s may be imported' % (node.lineno, ', '.join(sorted(ALLOWED_IMPORTS))))
        if isinstance(node, ast.ImportFrom) and node.module not in ALLOWED_IMPORTS:
            problems.append('line %d: only %s may be imported' % (node.lineno, ', '.join(sorted(ALLOWED_IMPORTS))))
    return problems


def run(path, ignore_warnings=False, warnings_to_stdout=False):
    """Runs one snippet as a Jupyter cell: (stdout, whether an exception escaped).
    `ignore_warnings` drops Python warnings (NumPy's RuntimeWarnings go to stderr in Jupyter);
    `warnings_to_stdout` prints them with the output, where Labbook shows a library's warnings."""
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    flags = ['--ignore-warnings'] if ignore_warnings else ['--warnings-to-stdout'] if warnings_to_stdout else []
    result = subprocess.run([sys.executable, '-c', CELL_RUNNER, str(path)] + flags, capture_output=True,
                            text=True, encoding='utf-8', env=env, timeout=60)
    if result.returncode not in (0, 3) or result.stderr:
        raise SystemExit('%s: the runner failed:\n%s' % (path, result.stderr))
    return result.stdout, result.returncode == 3


def regenerate(root, check, run_snippet=run, problems=lambda path, source: []):
    """Runs every snippet under `root` and writes its .out, or with `check` lists the stale
    ones instead. `problems` names what is wrong with a snippet's source. Prints what is
    wrong on stderr and returns (snippets, snippets ending in an exception, any wrong)."""
    snippets = sorted(root.rglob('*.py'))
    stale, bad, errors = [], [], 0
    for path in snippets:
        for problem in problems(path, path.read_text(encoding='utf-8')):
            bad.append('%s: %s' % (path.relative_to(root), problem))
        output, raised = run_snippet(path)
        errors += raised
        out_path = path.with_suffix('.out')
        if check:
            if not out_path.exists() or out_path.read_text(encoding='utf-8') != output:
                stale.append(str(out_path.relative_to(root)))
        else:
            out_path.write_text(output, encoding='utf-8')
    for line in bad:
        print('subset: ' + line, file=sys.stderr)
    for line in stale:
        print('stale: ' + line, file=sys.stderr)
    return len(snippets), errors, bool(bad or stale)


def main():
    check = '--check' in sys.argv[1:]
    count, errors, wrong = regenerate(ROOT, check, problems=subset_problems)
    print('%d snippets (%d end in an uncaught exception)%s' % (
        count, errors, '' if check else ', .out files written'))
    if wrong:
        sys.exit(1)


if __name__ == '__main__':
    main()
