"""Is an archive kept somewhere that endangers it: a network share or a cloud-sync folder?

SQLite relies on file locks and, in WAL mode, on shared memory beside the file;
neither works reliably over NFS, SMB/CIFS, SSHFS, WebDAV and the like, so two
computers may write at once, and a connection dropped during a save can leave
the file damaged. A cloud-sync client (OneDrive, Dropbox, 坚果云, ...) copies the
file while it is being written and the -wal file separately, and may "resolve a
conflict" by keeping an older copy. :func:`check` tells which, if any; the
window and the command line warn and advise a local folder with backups.

Found by:

* Linux: the mount holding the path in ``/proc/self/mounts`` and its type;
* Windows: a UNC path (``\\\\server\\share``) or a drive whose type is DRIVE_REMOTE
  (``GetDriveTypeW``);
* macOS: ``statfs``'s ``f_fstypename``;
* every system: a folder on the path named like a sync client's folder.
"""
from __future__ import annotations

import ctypes
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

from model.core.i18n import translate

NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb", "fuse.sshfs", "sshfs", "9p", "davfs", "fuse.davfs2",
    "webdav", "afpfs", "afs", "ncpfs", "coda", "ceph", "glusterfs", "fuse.glusterfs", "lustre",
    "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.cephfs",
})

# (service, pattern matched against each folder name of the path, case-insensitive)
CLOUD_FOLDERS = (
    ("OneDrive", r"onedrive( - .+)?"),
    ("Dropbox", r"dropbox( \(.+\))?"),
    ("Google Drive", r"google ?drive(-.+)?|my drive|我的云端硬盘"),
    ("iCloud Drive", r"icloud ?drive|mobile documents|com~apple~clouddocs"),
    ("坚果云 Nutstore", r"nutstore|我的坚果云|坚果云"),
    ("百度网盘", r"baidunetdisk(workspace)?|baidusyncdisk|百度网盘(同步空间)?|百度云同步盘"),
    ("腾讯微云", r"weiyun(sync)?|微云(同步盘|同步助手)?"),
    ("阿里云盘", r"阿里云盘|aliyundrive"),
    ("Box", r"box sync|box drive"),
    ("pCloud", r"pclouddrive"),
    ("MEGA", r"megasync"),
    ("Seafile", r"seafile"),
    ("Synology Drive", r"synologydrive"),
)
_CLOUD = [(service, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for service, pattern in CLOUD_FOLDERS]
# macOS keeps every provider's folder under ~/Library/CloudStorage.
_CLOUD_STORAGE = ("library", "cloudstorage")


@dataclass(frozen=True)
class LocationRisk:
    kind: str        # "network" or "cloud"
    what: str        # the file system type or the sync service
    message: str     # what is wrong and what to do, translated


def check(path: Path | str) -> LocationRisk | None:
    """The risk of keeping an archive at ``path`` (which need not exist yet), or None."""
    path = _absolute(Path(path))
    service = cloud_service(path)
    if service:
        return LocationRisk("cloud", service, translate(
            "StorageLocation", "The archive {path} is in a folder synced by {service}. Syncing copies "
            "the archive while the program writes it, and can keep an older copy when two computers "
            "change it, which damages or loses work. Keep the archive in a local folder that is not "
            "synced (for example in Documents), and rely on its backups; to keep a copy in the cloud, "
            "copy a backup there.").format(path=path, service=service))
    kind = network_type(path)
    if kind:
        return LocationRisk("network", kind, translate(
            "StorageLocation", "The archive {path} is on a network drive ({kind}). File locking and "
            "SQLite's write-ahead log do not work reliably over a network: two computers could write "
            "at once, and a connection lost during a save can damage the archive. Keep the archive in "
            "a local folder on this computer, and rely on its backups; to share or carry it, copy a "
            "backup.").format(path=path, kind=kind))
    return None


def _absolute(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except OSError:
        return path.expanduser().absolute()


def cloud_service(path: Path | str) -> str | None:
    """The sync client whose folder holds ``path``, by the folder names on the way."""
    parts = [p for p in PurePath(path).parts]
    lowered = [p.casefold() for p in parts]
    for i in range(len(lowered) - 1):
        if (lowered[i], lowered[i + 1]) == _CLOUD_STORAGE and i + 2 < len(parts):
            return parts[i + 2].split("-")[0] or parts[i + 2]
    for part in parts[:-1] if len(parts) > 1 else parts:
        for service, pattern in _CLOUD:
            if pattern.match(part):
                return service
    for env, service in (("OneDrive", "OneDrive"), ("OneDriveCommercial", "OneDrive"),
                         ("OneDriveConsumer", "OneDrive")):
        root = os.environ.get(env)
        if root and _inside(path, root):
            return service
    return None


def _inside(path: Path | str, folder: str) -> bool:
    try:
        PurePath(os.path.normcase(str(path))).relative_to(os.path.normcase(folder))
        return True
    except ValueError:
        return False


def network_type(path: Path | str) -> str | None:
    """The network file system type holding ``path``, or None on a local disk."""
    path = Path(path)
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    try:
        if sys.platform == "win32":
            return _windows_network(path)
        if sys.platform == "darwin":
            kind = _mac_fstype(existing)
        else:
            kind = _linux_fstype(existing)
    except (OSError, ValueError, AttributeError):
        return None
    return kind if kind and kind.lower() in NETWORK_TYPES else None


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as \040, \011, \012, \134.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def mount_table(text: str) -> list[tuple[str, str]]:
    """(mount point, type) of each line of a /proc/mounts style table."""
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            found.append((_unescape(fields[1]), fields[2]))
    return found


def fstype_from_table(path: Path | str, table: list[tuple[str, str]]) -> str | None:
    """The type of the mount holding ``path``: the longest mount point above it (the
    last mounted wins when two share a point)."""
    best, best_len = None, -1
    target = str(path)
    for point, kind in table:
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) >= best_len:
            best, best_len = kind, len(point)
    return best


def _linux_fstype(path: Path) -> str | None:
    for source in ("/proc/self/mounts", "/proc/mounts"):
        try:
            with open(source, encoding="utf-8", errors="replace") as handle:
                return fstype_from_table(path, mount_table(handle.read()))
        except OSError:
            continue
    return None


def _windows_network(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        if text.startswith(("\\\\?\\UNC\\", "\\\\?\\unc\\")) or not text.startswith("\\\\?\\"):
            return "UNC"
        text = text[4:]
    drive = os.path.splitdrive(text)[0]
    if not drive:
        return None
    DRIVE_REMOTE = 4
    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE:
        return translate("StorageLocation", "network drive {drive}").format(drive=drive)
    return None


def _mac_fstype(path: Path) -> str | None:
    class StatFs(ctypes.Structure):     # struct statfs with 64-bit inodes (<sys/mount.h>)
        _fields_ = [("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                    ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
                    ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
                    ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                    ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
                    ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
                    ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
                    ("f_mntfromname", ctypes.c_char * 1024), ("f_flags_ext", ctypes.c_uint32),
                    ("f_reserved", ctypes.c_uint32 * 7)]
    libc = ctypes.CDLL("/usr/lib/libc.dylib", use_errno=True)
    try:
        statfs = getattr(libc, "statfs$INODE64")      # Intel Macs; Apple silicon has one statfs
    except AttributeError:
        statfs = libc.statfs
    buffer = StatFs()
    if statfs(os.fsencode(str(path)), ctypes.byref(buffer)) != 0:
        return None
    return buffer.f_fstypename.decode("utf-8", "replace")


def warn_line(path: Path | str) -> str | None:
    """The warning for the command line (one paragraph) when ``path`` is an archive (by
    its .kehu name or its content) kept in a risky place; else None."""
    path = Path(path)
    if path.suffix.lower() != ".kehu":
        try:
            with open(path, "rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    return None
        except OSError:
            return None
    risk = check(path)
    return None if risk is None else translate("StorageLocation", "Warning: {message}").format(
        message=risk.message)
