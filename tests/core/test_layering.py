"""The shape of the code, checked by reading it (ast), not by running it (HACKING.md, Layout):

* model/ and reports/ never import widgets, QtGui or gui (STYLE.md: data flows one way);
* the window runs no SQL: no ``.execute(``, ``.executemany(``, ``.executescript(`` in gui/
  outside the lazy table model gui/customers/customer_table.py;
* no private name (``_x``) is imported from another module, nor reached as ``module._x``;
* a feature imports only the core and the features below it (FEATURE_ORDER);
* no module over 600 lines, and the median module at most 200 lines.

Each KNOWN_* set names today's exceptions, each with what is left to do; an entry goes when
its file is fixed (the checks fail on a new offence, and the feature order's on a stale entry too).
"""
import ast
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtGui", "gui")
CODE = ("model", "gui", "cli", "reports")

# -- today's exceptions (an entry goes when its file is fixed) ---------------------------------------

# gui/ modules that still run SQL (the last ones moved their queries into the model).
KNOWN_SQL: set[str] = set()

# "file: module.name" of a private name still taken from another module.
KNOWN_PRIVATE: set[str] = set()

# Each package of model/ and gui/, lowest first: a module may import its own package, the
# packages before its own, and (gui) any package of model/; model/ never imports gui/.
FEATURE_ORDER = {
    "model": ("core", "archive", "customers", "grading", "marketing", "partners", "visits",
              "key_accounts", "branch", "demo"),
    "gui": ("common", "archive", "customers", "grading", "visits", "marketing", "partners",
            "key_accounts", "branch", "main_window"),
}

# (importing file, imported package): why it is still upward.
KNOWN_UPWARD = {
    ("model/core/stored_text.py", "model.visits"):
        "a customer's hours are said with planning.json's labels, model.visits.planning_rules (function-local)",
    ("model/archive/audit.py", "model.customers"):
        "the audit trail's export (exporting.write_table) and a complaint's status label (function-local)",
    ("model/archive/purge.py", "model.grading"):
        "purged customers leave the saved grading sessions (GradingSession, function-local)",
    ("model/customers/customer_filters.py", "model.grading"):
        "a filter on grades is list_sql.grade_condition (function-local): belongs in model/grading",
    ("model/customers/exporting.py", "model.grading"):
        "the export's grade columns (function-local): an export hook of model/grading would invert it",
    ("model/grading/a_service.py", "model.key_accounts"):
        "the A-tier service stands on key accounts' rewards and visits' due list: it belongs above them",
    ("model/grading/a_service.py", "model.visits"): "as above (the due list, function-local)",
    ("model/partners/partners.py", "model.visits"):
        "a partner's follow-ups are due visits, model.visits.due.DueVisit (function-local)",
    ("gui/archive/purge_dialog.py", "gui.customers"): "a deleted customer opens in the editor (function-local)",
    ("gui/customers/editor_tabs.py", "gui.grading"): "the editor's grades tab (GradePanel)",
}

# Modules over 600 lines (the last ones were split).
KNOWN_LONG: set[str] = set()
MAX_LINES = 600
MAX_MEDIAN = 200


# -- reading the code ------------------------------------------------------------------------------

def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _modules(root: Path, folders=CODE):
    for folder in folders:
        yield from sorted((root / folder).rglob("*.py"))


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _imports(path: Path):
    """Every module a file imports (function-local imports too), by its absolute name."""
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            if node.module == "PySide6":
                for alias in node.names:
                    yield f"PySide6.{alias.name}"


def _imported_names(path: Path):
    """(module, name) of every ``from module import name`` and (module, None) of every
    ``import module``, function-local imports too."""
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield node.module, alias.name


def _is_module(root: Path, dotted: str) -> bool:
    base = root.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def sql_calls(path: Path) -> list[int]:
    """The lines of a file that call ``.execute(``, ``.executemany(`` or ``.executescript(``."""
    return sorted(node.lineno for node in ast.walk(_tree(path))
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in ("execute", "executemany", "executescript"))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_imports(path: Path, root: Path = ROOT) -> list[str]:
    """``module.name`` for each private name a file takes from another of our modules:
    ``from x.y import _z`` (a package's own private module, ``from cli import _print``, is
    fine) and ``y._z`` on a module it imported (``from x import y`` / ``import x.y as y``)."""
    tree = _tree(path)
    found, modules = [], {}
    ours = tuple(f + "." for f in CODE) + CODE
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.startswith(ours):
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                if _is_module(root, dotted):
                    modules[alias.asname or alias.name] = dotted
                elif _private(alias.name):
                    found.append(dotted)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name.startswith(ours):
                    modules[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                and node.value.id in modules):
            found.append(f"{modules[node.value.id]}.{node.attr}")
    return sorted(set(found))


def upward_imports(path: Path, root: Path = ROOT) -> set[tuple[str, str]]:
    """(file, package) for each import of a package of model/ or gui/ not below the file's own."""
    parts = path.relative_to(root).parts
    if len(parts) < 3 or parts[0] not in FEATURE_ORDER:
        return set()
    layer, own = parts[0], parts[1]
    order = FEATURE_ORDER[layer]
    rank = order.index(own)
    found = set()
    for module, name in _imported_names(path):
        dotted = module.split(".") + ([name] if name else [])
        if len(dotted) < 2 or dotted[0] != layer or dotted[1] == own:
            continue
        if dotted[1] not in order:
            if (root / layer / dotted[1]).is_dir():
                found.add((_name(path, root), f"{layer}.{dotted[1]}"))
            continue
        if order.index(dotted[1]) > rank:
            found.add((_name(path, root), f"{layer}.{dotted[1]}"))
    return found


def line_counts(root: Path, folders=CODE) -> dict[str, int]:
    """Lines of every module (a package's ``__init__.py`` marker is not one)."""
    return {_name(p, root): len(p.read_text(encoding="utf-8").splitlines())
            for p in _modules(root, folders) if p.name != "__init__.py"}


# -- the checks ------------------------------------------------------------------------------------

def test_model_and_reports_do_not_import_gui_code():
    offenders = []
    for folder in ("model", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_the_window_runs_no_sql():
    offenders = {_name(p, ROOT) for p in _modules(ROOT, ("gui",))
                 if _name(p, ROOT) != "gui/customers/customer_table.py" and sql_calls(p)}
    assert offenders - KNOWN_SQL == set()


def test_no_private_name_is_taken_from_another_module():
    offenders = {f"{_name(p, ROOT)}: {name}" for p in _modules(ROOT) for name in private_imports(p)}
    assert offenders - KNOWN_PRIVATE == set()


def test_every_package_has_its_place_in_the_feature_order():
    for layer, order in FEATURE_ORDER.items():
        packages = {p.name for p in (ROOT / layer).iterdir() if (p / "__init__.py").is_file()}
        assert packages == set(order), layer


def test_features_import_only_the_features_below_them():
    offenders = set().union(*(upward_imports(p) for p in _modules(ROOT, tuple(FEATURE_ORDER))))
    assert offenders - set(KNOWN_UPWARD) == set()
    assert set(KNOWN_UPWARD) - offenders == set(), "fixed: take these out of KNOWN_UPWARD"


def test_modules_are_short():
    counts = line_counts(ROOT)
    assert {name for name, n in counts.items() if n > MAX_LINES} - KNOWN_LONG == set()
    assert statistics.median(counts.values()) <= MAX_MEDIAN


# -- each check catches an offence --------------------------------------------------------------------

def test_the_check_itself_catches_a_widget_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6 import QtWidgets\nimport gui.main_window.app\n", encoding="utf-8")
    assert set(_imports(bad)) >= {"PySide6.QtWidgets", "gui.main_window.app"}


def test_the_sql_check_catches_a_query_and_not_a_dialog(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(conn, dialog):\n    dialog.exec()\n    conn.execute('SELECT 1')\n"
                   "    conn.executemany('INSERT INTO t VALUES (?)', [])\n", encoding="utf-8")
    assert sql_calls(bad) == [3, 4]


def test_the_private_name_check_catches_both_ways_in(tmp_path):
    (tmp_path / "cli").mkdir()
    (tmp_path / "cli" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "cli" / "_print.py").write_text("", encoding="utf-8")
    (tmp_path / "cli" / "planning.py").write_text("", encoding="utf-8")
    bad = tmp_path / "cli" / "bad.py"
    bad.write_text("from cli import _print, planning\nfrom cli.planning import _branch, __doc__\n"
                   "def f():\n    from cli.planning import _use_language\n"
                   "    return planning._output_options, _print.print_subcommands\n", encoding="utf-8")
    assert private_imports(bad, tmp_path) == ["cli.planning._branch", "cli.planning._output_options",
                                              "cli.planning._use_language"]


def test_the_feature_order_check_catches_an_upward_import(tmp_path):
    for package in ("core", "customers", "grading"):
        (tmp_path / "model" / package).mkdir(parents=True)
        (tmp_path / "model" / package / "__init__.py").write_text("", encoding="utf-8")
    bad = tmp_path / "model" / "customers" / "bad.py"
    bad.write_text("from model.core import rules\nimport model.customers.search\n"
                   "def f():\n    from model import grading\n", encoding="utf-8")
    assert upward_imports(bad, tmp_path) == {("model/customers/bad.py", "model.grading")}
    low = tmp_path / "model" / "core" / "low.py"
    low.write_text("from model.customers.customers import clean\n", encoding="utf-8")
    assert upward_imports(low, tmp_path) == {("model/core/low.py", "model.customers")}
    fine = tmp_path / "model" / "grading" / "fine.py"
    fine.write_text("from model.customers import lifecycle\nfrom model.core import rules\n", encoding="utf-8")
    assert upward_imports(fine, tmp_path) == set()


def test_the_length_check_counts_lines_of_modules(tmp_path):
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "__init__.py").write_text("x = 1\n" * 900, encoding="utf-8")
    (tmp_path / "model" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "model" / "short.py").write_text("x = 1\n" * 3, encoding="utf-8")
    counts = line_counts(tmp_path, ("model",))
    assert counts == {"model/long.py": MAX_LINES + 1, "model/short.py": 3}
    assert {name for name, n in counts.items() if n > MAX_LINES} == {"model/long.py"}
