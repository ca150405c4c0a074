#!/usr/bin/env python3
"""Finds import cycles between sibling modules of a Rust crate (run by .ci/run on the extraction
library). Each `use crate::…`, `use super::…` or `crate::a::b` path in a file is an edge from the
file's module to the module it names; edges are lifted to the two siblings under their closest
common parent (a parent using its child, or a child its parent, is not a cycle). Any cycle among
siblings is printed and the exit code is 1.

Usage: scripts/module-cycles.py crates/extract/src
"""
import re
import sys
from pathlib import Path

PATH = re.compile(r"\b(crate|super)((?:::[a-z_][a-z0-9_]*)+)")
USE_GROUP = re.compile(r"\buse\s+(crate|super)((?:::[a-z_][a-z0-9_]*)*)::\{([^;]*)\}", re.S)


def module_of(root: Path, file: Path) -> tuple:
    parts = list(file.relative_to(root).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def resolve(base: str, segments: list, here: tuple, modules: set) -> tuple:
    """The longest module prefix a path names."""
    if base == "crate":
        path = []
    else:
        path = list(here[:-1])
        while segments and segments[0] == "super":
            segments = segments[1:]
            path = path[:-1]
    best = tuple(path)
    for seg in segments:
        candidate = tuple(path + [seg])
        if candidate in modules:
            path.append(seg)
            best = candidate
        else:
            break
    return best


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "crates/extract/src")
    files = [f for f in root.rglob("*.rs")]
    modules = {module_of(root, f) for f in files}
    edges = {}
    for f in files:
        here = module_of(root, f)
        text = f.read_text()
        # Strip comments so paths in docs do not count.
        text = re.sub(r"//[^\n]*", "", text)
        # `#[cfg(test)] mod tests { … }` blocks may use anything; cut from the marker to the end.
        cut = text.find("#[cfg(test)]\nmod tests")
        if cut >= 0:
            text = text[:cut]
        found = []
        for m in USE_GROUP.finditer(text):
            prefix = [s for s in m.group(2).split("::") if s]
            for item in re.split(r"[,\s{}]+", m.group(3)):
                head = item.split("::")[0]
                if head and head != "self":
                    found.append((m.group(1), prefix + item.split("::")))
        for m in PATH.finditer(text):
            found.append((m.group(1), [s for s in m.group(2).split("::") if s]))
        for base, segments in found:
            target = resolve(base, segments, here, modules)
            if target == here:
                continue
            common = 0
            while common < min(len(here), len(target)) and here[common] == target[common]:
                common += 1
            if common == len(here) or common == len(target):
                continue  # ancestor or descendant
            a, b = here[: common + 1], target[: common + 1]
            edges.setdefault(a, set()).add(b)
    # Cycles by depth-first search.
    cycles = []
    state = {}

    def visit(node, stack):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif not state.get(nxt):
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if not state.get(node):
            visit(node, [])
    for cycle in cycles:
        print("module import cycle: " + " -> ".join("::".join(m) for m in cycle))
    if not cycles:
        print(f"no module import cycles among {len(modules)} modules under {root}")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
