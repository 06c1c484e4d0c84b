import Testing
@testable import CellLanguage

/// Tracebacks through generators and cell exception classes, as IPython 8.12
/// (`--colors=NoColor`) printed them for the same cells (`TerminalInteractiveShell.run_cell`).
let ipythonGeneratorAndExceptionCells: [(source: String, ipython: String)] = [
    (source: #"""
class LoadError(Exception):
    pass

def load(name):
    try:
        return {'a': 1}[name]
    except KeyError as e:
        raise LoadError(f'cannot load {name}') from e
"""#,
     ipython: #"""

"""#),
    (source: #"""
load('b')
"""#,
     ipython: #"""
---------------------------------------------------------------------------
KeyError                                  Traceback (most recent call last)
Cell In[1], line 6, in load(name)
      5 try:
----> 6     return {'a': 1}[name]
      7 except KeyError as e:

KeyError: 'b'

The above exception was the direct cause of the following exception:

LoadError                                 Traceback (most recent call last)
Cell In[2], line 1
----> 1 load('b')

Cell In[1], line 8, in load(name)
      6     return {'a': 1}[name]
      7 except KeyError as e:
----> 8     raise LoadError(f'cannot load {name}') from e

LoadError: cannot load b
"""#),
    (source: #"""
def steps(n):
    for i in range(n):
        yield 10 / (n - 1 - i)
"""#,
     ipython: #"""

"""#),
    (source: #"""
total = 0
for s in steps(3):
    total += s
"""#,
     ipython: #"""
---------------------------------------------------------------------------
ZeroDivisionError                         Traceback (most recent call last)
Cell In[4], line 2
      1 total = 0
----> 2 for s in steps(3):
      3     total += s

Cell In[3], line 3, in steps(n)
      1 def steps(n):
      2     for i in range(n):
----> 3         yield 10 / (n - 1 - i)

ZeroDivisionError: division by zero
"""#),
]

@Test func generatorAndExceptionClassTracebacksMatchIPython() {
    expectIPythonText(ipythonGeneratorAndExceptionCells)
}
