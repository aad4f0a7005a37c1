#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 interpreter that actually runs.
# pyenv shims exist on PATH even when their version is not selected and then
# fail, so each candidate is tried, not merely looked up.
set -u
candidates=()
for name in python3.13 python3.12 python3; do
    command -v "$name" >/dev/null 2>&1 && candidates+=("$(command -v "$name")")
done
if command -v pyenv >/dev/null 2>&1; then
    root=$(pyenv root 2>/dev/null)
    for p in "$root"/versions/3.13*/bin/python3 "$root"/versions/3.12*/bin/python3; do
        [ -x "$p" ] && candidates+=("$p")
    done
fi
for p in "$HOME"/.pyenv/versions/3.13*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3 \
         /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
    [ -x "$p" ] && candidates+=("$p")
done
for p in "${candidates[@]}"; do
    if "$p" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then
        echo "$p"
        exit 0
    fi
done
echo "newsroom needs Python 3.12 or newer and found none (tried python3.13, python3.12," >&2
echo "python3 on PATH and pyenv's versions folder). Install one, e.g. 'pyenv install 3.13'." >&2
exit 1
