"""The business layer stays free of Qt, so it runs headless in tests, scripts and benchmarks."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_module_under_app_imports_qt():
    offenders = [
        f"{path.relative_to(APP.parent)} imports {mod}"
        for path in APP.rglob("*.py")
        for mod in imported_modules(path)
        if mod.split(".")[0] in QT
    ]
    assert offenders == []


def test_the_check_would_see_a_qt_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in list(imported_modules(sample))
