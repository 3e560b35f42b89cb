"""Files the program writes for the user (PDFs, CSVs, calendars), all or nothing.

    with database.transaction(conn), outputs.staged(pdf, csv) as (pdf_part, csv_part):
        visit_plan.save(conn, plan, by)           # what the archive records ...
        write_pdf(pdf_part); write_csv(csv_part)  # ... and every file
    # the files are in place and the plan saved, or neither

Each target gets a temporary file beside it (same folder, so the final move is a
rename; owner-only through :mod:`model.core.private_files`, which holds the
single-file form ``replacing``). When the block ends without an error
every temporary file is moved onto its target; on any error they are removed and
the targets are left as they were. Put the archive's transaction *outside* the
block: the files move first, then what the archive records about them commits.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from model.core import private_files
from model.core.errors import ArchiveError
from model.core.i18n import translate

PARTIAL = ".partial"


class OutputError(ArchiveError):
    pass


def _unwritable(path: Path, exc: OSError) -> OutputError:
    return OutputError(translate(
        "Outputs", "Could not write {path}: {reason}. Nothing was saved; choose a folder you can write "
        "to, with space on the disk.").format(path=path, reason=exc.strerror or exc))


def _remove(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass    # nothing more can be done; it is a hidden .partial file


def partial_for(target: Path) -> Path:
    """A new, empty temporary file beside ``target`` (hidden, owner-only)."""
    target = Path(target)
    if target.is_dir():
        raise OutputError(translate("Outputs", "{path} is a folder; give a file name to write to.")
                          .format(path=target))
    if not target.parent.is_dir():
        raise OutputError(translate("Outputs", "The folder {folder} does not exist; nothing was saved.")
                          .format(folder=target.parent))
    try:
        return private_files.temporary_beside(target, f"{PARTIAL}{target.suffix}")
    except OSError as exc:
        raise _unwritable(target, exc) from exc


@contextmanager
def staged(*targets: Path | str | None) -> Iterator[tuple[Path | None, ...]]:
    """Temporary paths for ``targets`` (None stays None), moved into place together
    when the block succeeds and removed when it fails."""
    finals = [None if t is None else Path(t) for t in targets]
    parts: list[Path | None] = []
    try:
        for final in finals:
            parts.append(None if final is None else partial_for(final))
        try:
            yield tuple(parts)
        except OSError as exc:        # a writer failed (disk full, file vanished, ...)
            raise OutputError(translate(
                "Outputs", "Could not write {paths}: {reason}. Nothing was saved; make room on the disk "
                "or choose another folder.").format(paths=", ".join(str(f) for f in finals if f is not None),
                                                   reason=exc.strerror or exc)) from exc
        for part in parts:
            if part is not None:
                with open(part, "rb+") as handle:
                    os.fsync(handle.fileno())
        for part, final in zip(parts, finals):
            if part is not None:
                try:
                    private_files.restrict(part)   # a writer that recreated the file under its own mode
                    os.replace(part, final)
                except OSError as exc:
                    raise _unwritable(final, exc) from exc
    finally:
        for part in parts:
            if part is not None and part.exists():
                _remove(part)
