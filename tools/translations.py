"""Keep the Chinese translation in step with the code.

    python tools/translations.py update     lupdate all sources into the .ts, then lrelease the .qm
    python tools/translations.py todo       print the untranslated messages as JSON
    python tools/translations.py apply F    fill translations from JSON [{context, source, translation}]
    python tools/translations.py check      exit 1 if anything is untranslated, a text is out of
                                            lupdate's sight, or the .qm is stale

The .ts (XML, Qt Linguist's format) is the source of truth for translations;
the compiled .qm is shipped beside it and loaded at start-up.
"""
from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kehu_zh_CN.ts"
QM = TS.with_suffix(".qm")
SOURCE_DIRS = ("cli", "model", "reports", "gui")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    files = [ROOT / "main.py"]
    for folder in SOURCE_DIRS:
        files += sorted((ROOT / folder).rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                   cwd=ROOT, check=True, capture_output=True, text=True)


def messages(ts: Path):
    """(context, source, translation or None when unfinished, element) for each message."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if translation is not None and translation.find("numerusform") is not None:
                text = translation.findtext("numerusform")
            done = translation is not None and translation.get("type") not in (
                "unfinished", "vanished", "obsolete") and (text or "").strip()
            yield name, message.findtext("source") or "", (text if done else None), message


def problems(ts: Path) -> list[str]:
    found = []
    for context, source, translation, _ in messages(ts):
        if translation is None:
            found.append(f"untranslated: [{context}] {source!r}")
        elif set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation)):
            found.append(f"placeholders differ: [{context}] {source!r} -> {translation!r}")
    return found


def todo() -> list[dict]:
    return [{"context": c, "source": s, "translation": ""}
            for c, s, t, _ in messages(TS) if t is None]


def apply(entries: list[dict]) -> int:
    wanted = {(e["context"], e["source"]): e["translation"] for e in entries if e.get("translation")}
    tree = ET.parse(TS)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key in wanted:
                translation = message.find("translation")
                forms = translation.findall("numerusform")
                for form in forms:             # Chinese has one plural form
                    form.text = wanted[key]
                if not forms:
                    translation.text = wanted[key]
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    # lupdate writes a DOCTYPE line; ElementTree drops it. Put it back for Qt Linguist.
    text = TS.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        TS.write_text(text, encoding="utf-8")
    return filled


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def unreachable() -> list[str]:
    """Calls whose text lupdate cannot see, or that Qt looks up under another context.

    - ``tr(...)`` through an alias or on another object (``parent.tr``): lupdate files it
      under the wrong context, and at run time Qt uses the object's class name;
    - a text or context that is not a literal string (an f-string, a variable);
    - a call inside an f-string: lupdate does not read them;
    - ``self.tr`` in a class that the program subclasses: Qt looks the text up under the
      subclass's name, where the translation is not (use translate("Base", ...)).
    """
    found: list[str] = []
    classes: dict[str, tuple[str, list[str], list[int]]] = {}
    for name in sources():
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        in_fstring = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                own_tr = [c.lineno for c in ast.walk(node) if isinstance(c, ast.Call)
                          and isinstance(c.func, ast.Attribute) and c.func.attr == "tr"
                          and isinstance(c.func.value, ast.Name) and c.func.value.id == "self"]
                classes[node.name] = (name, [ast.unparse(b).split(".")[-1] for b in node.bases], own_tr)
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called not in ("tr", "translate"):
                continue
            where = f"{name}:{node.lineno}: {ast.unparse(node)[:90]}"
            if id(node) in in_fstring:
                found.append(f"inside an f-string (lupdate skips it): {where}")
            elif called == "tr" and not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                                         and func.value.id == "self"):
                found.append(f"tr() not called on self (use translate(\"Context\", ...)): {where}")
            elif called == "tr" and not (node.args and _is_text(node.args[0])):
                found.append(f"tr() of something other than a literal text: {where}")
            elif called == "translate" and not (len(node.args) >= 2 and all(map(_is_text, node.args[:2]))):
                found.append(f"translate() of something other than literal texts: {where}")
    for base, (name, _, lines) in classes.items():
        subclasses = [sub for sub, (_, bases, _) in classes.items() if base in bases]
        if subclasses and lines:
            found.append(f"self.tr in {base} ({name}:{lines[0]}), which {', '.join(sorted(subclasses))} "
                         f"subclass: Qt looks the text up under the subclass's name; "
                         f"use translate(\"{base}\", ...)")
    return found


def check() -> list[str]:
    """Problems: texts lupdate cannot see, untranslated strings in the code, or a .qm that is
    not built from the .ts."""
    found = unreachable()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS.name
        shutil.copy(TS, fresh)
        lupdate(fresh)
        found += problems(fresh)
        qm = Path(tmp) / QM.name
        lrelease(TS, qm)
        if not QM.exists() or qm.read_bytes() != QM.read_bytes():
            found.append(f"{QM.name} is not compiled from {TS.name}: run tools/translations.py update")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    TS.parent.mkdir(parents=True, exist_ok=True)
    if command == "update":
        lupdate(TS)
        lrelease(TS, QM)
        left = [p for p in problems(TS)]
        print(f"{TS.relative_to(ROOT)}: {len(left)} problem(s)")
        return 0
    if command == "todo":
        print(json.dumps(todo(), ensure_ascii=False, indent=1))
        return 0
    if command == "apply":
        entries = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        print(f"filled {apply(entries)}")
        lupdate(TS)        # written back in lupdate's own layout, so the next update changes nothing
        lrelease(TS, QM)
        return 0
    if command == "check":
        found = check()
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
