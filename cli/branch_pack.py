"""Branch rule packs: ``branch-pack export FILE``, ``branch-pack import FILE``, ``branch-pack show``.

Rules belong to this installation (every archive it opens uses them), so the
commands take no archive.
"""
from __future__ import annotations

from pathlib import Path

from model.archive import audit, database
from model.branch import branch_pack
from model.core.i18n import translate


def register(commands) -> None:
    parser = commands.add_parser("branch-pack", help=translate("CLI", "export or import a branch rule pack "
                                                               "(the branch's details and every rules file)"))
    from cli import describe_commands
    sub = describe_commands(parser.add_subparsers(dest="pack_command", metavar="ACTION", required=True))
    p = sub.add_parser("export", help=translate("CLI", "write the rules in force to a branch pack file"))
    p.add_argument("file", type=Path, help=translate("CLI", "the pack file to write (.zip)"))
    p.add_argument("--name", help=translate("CLI", "the branch's name (default: the applied pack's, "
                                            "else the printouts' branch name)"))
    p.add_argument("--address", help=translate("CLI", "the branch's address for printed headers"))
    p.add_argument("--version", dest="pack_version", metavar="VERSION",
                   help=translate("CLI", "the pack's version (default: the applied pack's, else 1)"))
    p.add_argument("--logo", type=Path, help=translate("CLI", "a PNG logo for printed headers"))
    p.set_defaults(run=cmd_export)
    p = sub.add_parser("import", help=translate("CLI", "check a branch pack and make its rules the ones in force"))
    p.add_argument("file", type=Path, help=translate("CLI", "the pack file (.zip)"))
    p.add_argument("--check", action="store_true",
                   help=translate("CLI", "only check the pack; change nothing"))
    p.add_argument("--archive", dest="record_in", type=Path, metavar="PATH",
                   help=translate("CLI", "record the import in this archive's audit trail (the rules "
                                  "apply to every archive; without it nothing is recorded)"))
    p.set_defaults(run=cmd_import)
    p = sub.add_parser("show", help=translate("CLI", "name the branch pack in force"))
    p.set_defaults(run=cmd_show)


def _describe(info: branch_pack.PackInfo) -> str:
    return translate("CLI", "{name}, version {version} ({created})").format(
        name=info.name, version=info.version, created=info.created or "?")


def cmd_export(args) -> int:
    info = branch_pack.export_pack(args.file, name=args.name, version=args.pack_version,
                                   address=args.address, logo=args.logo)
    print(translate("CLI", "Wrote the branch pack {pack} with {count} rules files to {file}.").format(
        pack=_describe(info), count=len(branch_pack.rules_files()), file=args.file))
    return 0


def cmd_import(args) -> int:
    if args.check:
        info = branch_pack.read_pack(args.file)
        print(translate("CLI", "The branch pack {pack} is usable; nothing was changed.").format(pack=_describe(info)))
        return 0
    archive = database.Archive.open(args.record_in) if args.record_in else None
    try:
        info = branch_pack.import_pack(args.file)
        if archive is not None:
            audit.record_branch_pack(archive.conn, args.file, info.name, info.version)
    finally:
        if archive is not None:
            archive.close()
    print(translate("CLI", "Applied the branch pack {pack}: its rules are now in force.").format(pack=_describe(info)))
    return 0


def cmd_show(args) -> int:
    info = branch_pack.applied_pack()
    if info is None:
        print(translate("CLI", "No branch pack is applied: the rules shipped with the program are in force."))
    else:
        print(_describe(info))
        if info.address:
            print(info.address)
    return 0
