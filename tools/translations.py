"""Keep the Chinese translation in step with the code.

    python tools/translations.py update     lupdate all sources into the .ts, then lrelease the .qm
    python tools/translations.py todo       print the untranslated messages as JSON
    python tools/translations.py apply F    fill translations from JSON [{context, source, translation}]
    python tools/translations.py check      exit 1 if anything is untranslated or the .qm is stale

The .ts (XML, Qt Linguist's format) is the source of truth for translations;
the compiled .qm is shipped beside it and loaded at start-up.
"""
from __future__ import annotations

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
            done = translation is not None and translation.get("type") not in (
                "unfinished", "vanished", "obsolete") and (translation.text or "").strip()
            yield name, message.findtext("source") or "", (translation.text if done else None), message


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


def check() -> list[str]:
    """Problems: untranslated strings in the code, or a .qm that is not built from the .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS.name
        shutil.copy(TS, fresh)
        lupdate(fresh)
        found = problems(fresh)
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
