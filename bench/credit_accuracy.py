"""How many credit lines ``parse_credits`` reads right (issue 13: at least 95 % held out).

    .venv/bin/python bench/credit_accuracy.py FILE [FILE...] [--at-least 95]

Each FILE is Python source assigning ``LINES = [(line, [spec, ...]), ...]``; a spec
is ``unit|role|names space separated`` with ``|摄`` appended for a photo credit, the
form of the ``credits()`` helper in tests/articles/test_credit_lines.py, and an empty
list is a line that credits nobody.  The value is read with ``ast.literal_eval``, so a
file is data and none of its code runs.  A line is right when its credits equal the
expected list exactly (units, roles, names, photo marks and order).

Every mismatch is printed (line, expected, got), then ``N/M right (P %)`` per file
and, for several files, for all of them.  With ``--at-least`` the exit status is 1
when the whole figure falls below it.
"""

import argparse
import ast
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_lines(path):
    """The ``LINES`` list of a batch file, read as a literal (its code is never run)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=str(path))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(target, ast.Name) and target.id == "LINES" for target in targets):
            lines = ast.literal_eval(node.value)
            break
    else:
        raise SystemExit(f"{path}: no LINES = [...] assignment")
    for number, row in enumerate(lines, 1):
        if (
            not isinstance(row, tuple | list)
            or len(row) != 2
            or not isinstance(row[0], str)
            or not all(isinstance(spec, str) for spec in row[1])
        ):
            raise SystemExit(f"{path}: row {number} is not (line, [spec, ...]): {row!r}")
    return [(line, list(specs)) for line, specs in lines]


def expected_credits(specs):
    from articles.credit_lines import Credit

    made = []
    for spec in specs:
        unit, role, names, *photo = spec.split("|")
        made.append(Credit(unit, role, tuple(names.split()), bool(photo)))
    return made


def as_spec(credit):
    spec = f"{credit.unit}|{credit.role}|{' '.join(credit.names)}"
    return spec + "|摄" if credit.photo else spec


def measure(path):
    """Print the mismatches of one file and its figure; return (right, total)."""
    from articles.credit_lines import parse_credits

    lines = load_lines(path)
    right = 0
    for line, specs in lines:
        got = parse_credits(line)
        if got == expected_credits(specs):
            right += 1
            continue
        print(f"  {line}")
        print(f"    expected {[as_spec(c) for c in expected_credits(specs)]}")
        print(f"    got      {[as_spec(c) for c in got]}")
    print(f"{path}: {figure(right, len(lines))}")
    return right, len(lines)


def figure(right, total):
    share = 100 * right / total if total else 0.0
    return f"{right}/{total} right ({share:.1f} %)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--at-least", type=float, metavar="PERCENT")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")

    import django

    django.setup()

    right = total = 0
    for path in args.files:
        file_right, file_total = measure(path)
        right += file_right
        total += file_total
    if len(args.files) > 1:
        print(f"all: {figure(right, total)}")
    if args.at_least is not None and (not total or 100 * right / total < args.at_least):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
