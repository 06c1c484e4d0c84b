from __future__ import print_function, division, absolute_import
from typing import List, Dict, Optional, Tuple, Any, Callable, Union
import sys
print(1 / 2, 7 // 2)
def total(xs: List[int], scale: float = 1.0) -> float:
    return sum(xs) * scale
count: int = 3
print(total([1, 2, 3], 2.0), count)
print(sys.version_info[0], sys.version_info[:1])
n = sys.stdout.write("written\n")
print(n)
sys.exit(2)
