"""Rewrite the README's settings table from index/settings.py (run after adding a setting)."""

import re
from pathlib import Path

from index.settings import PROJECT_ROOT, describe


def table() -> str:
    rows = [f"| `{env}` | {d if d == 'all cores' else f'`{d}`'} | {h} |" for env, d, h in describe()]
    return "| Variable | Default | Meaning |\n|---|---|---|\n" + "\n".join(rows) + "\n"


if __name__ == "__main__":
    readme = Path(PROJECT_ROOT / "README.md")
    text = re.sub(r"\| Variable \| Default \| Meaning \|\n\|---\|---\|---\|\n(\|.*\n)+", table(), readme.read_text(encoding="utf-8"))
    readme.write_text(text, encoding="utf-8")
