#!/usr/bin/env python3
"""Builds the reference notebook as a real .ipynb (nbformat 4.5, with its saved outputs)
from its text copy, for Tests/JupyterTests/Fixtures/exploring-mnist.ipynb.

    python3 scripts/make-reference-ipynb.py ../shared/seed/exploring-mnist-keras-notebook.txt \
        Tests/JupyterTests/Fixtures/exploring-mnist.ipynb

The text copy is the notebook as a browser shows it: markdown, then `In [n]:`, the code, a
blank line and the printed output. A code cell ends at a blank line followed by output (a
Keras summary rule, `Train on`, `Round`, `Test loss`) or at the next `## ` heading; its
output runs to the next heading or `In [`. Python's json writes it as Jupyter does.
"""
import json
import re
import sys

OUTPUT_START = re.compile(r"^(_{10,}|Train on |Train |Round |Test loss|Epoch \d)")


def lines_of(text):
    """nbformat's multiline string: the text cut after each newline."""
    return text.splitlines(keepends=True)


def parse(lines):
    cells = []
    markdown = []
    i = 0

    def flush_markdown():
        while markdown and not markdown[-1].strip():
            markdown.pop()
        while markdown and not markdown[0].strip():
            markdown.pop(0)
        if markdown:
            cells.append({"cell_type": "markdown", "metadata": {}, "source": lines_of("\n".join(markdown))})
        markdown.clear()

    while i < len(lines):
        match = re.match(r"^In \[(\d+)\]:\s*$", lines[i])
        if not match:
            markdown.append(lines[i])
            i += 1
            continue
        flush_markdown()
        count = int(match.group(1))
        i += 1
        code = []
        while i < len(lines) and not lines[i].startswith("## ") and not lines[i].startswith("In ["):
            if not lines[i].strip():
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and OUTPUT_START.match(lines[j]):
                    i = j
                    break
            code.append(lines[i])
            i += 1
        while code and not code[-1].strip():
            code.pop()
        output = []
        while i < len(lines) and not lines[i].startswith("## ") and not lines[i].startswith("In ["):
            output.append(lines[i])
            i += 1
        while output and not output[-1].strip():
            output.pop()
        outputs = []
        if output:
            outputs.append({"name": "stdout", "output_type": "stream", "text": lines_of("\n".join(output) + "\n")})
        cells.append({
            "cell_type": "code", "execution_count": count, "metadata": {}, "outputs": outputs,
            "source": lines_of("\n".join(code)),
        })
    flush_markdown()
    for number, cell in enumerate(cells, 1):
        cell["id"] = f"cell-{number}"
    return cells


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    notebook = {
        "cells": parse(lines),
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {
                "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                "pygments_lexer": "ipython3", "version": "3.6.5",
            },
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    with open(target, "w", encoding="utf-8") as f:
        f.write(json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
