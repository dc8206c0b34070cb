"""Every module of the package imports by itself, first, in a fresh interpreter: an import
cycle that the usual order hides (the CLI imports the engine first) broke `import
iicheck.render.html` alone."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import importlib, pkgutil, sys
import iicheck
names = sorted(m.name for m in pkgutil.walk_packages(iicheck.__path__, "iicheck.")
               if not m.name.endswith("__main__"))
failed = []
for name in names:
    for loaded in [k for k in sys.modules if k == "iicheck" or k.startswith("iicheck.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {exc!r}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_module_imports_by_itself() -> None:
    result = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    count, *failed = result.stdout.strip().split("\n")
    assert int(count) > 60 and failed == [], failed
