"""Network shares and cloud-sync folders are recognised, and both the CLI and the window warn."""
from __future__ import annotations

from pathlib import Path

import pytest

from model.archive import storage_location
from model.archive.storage_location import cloud_service, fstype_from_table, mount_table

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//nas/team /mnt/team cifs rw,vers=3.0 0 0
/dev/sdb1 /mnt/team/local ext4 rw 0 0
nas:/export /media/My\\040Files nfs4 rw 0 0
me@host:/data /home/me/remote fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize("path, kind", [
    ("/home/me/kehu.kehu", "ext4"),
    ("/mnt/team/kehu.kehu", "cifs"),
    ("/mnt/team", "cifs"),
    ("/mnt/teammate/kehu.kehu", "ext4"),           # not inside /mnt/team
    ("/mnt/team/local/kehu.kehu", "ext4"),         # a local disk mounted inside the share
    ("/media/My Files/客户.kehu", "nfs4"),           # \040 in the table is a space
    ("/home/me/remote/a/b.kehu", "fuse.sshfs"),
    ("/tmp/x.kehu", "tmpfs"),
])
def test_mount_holding_a_path(path, kind):
    assert fstype_from_table(path, mount_table(MOUNTS)) == kind


@pytest.mark.parametrize("path, service", [
    ("/home/me/OneDrive/kehu.kehu", "OneDrive"),
    ("/home/me/OneDrive - Contoso Bank/档案/kehu.kehu", "OneDrive"),
    ("/home/me/Dropbox (Personal)/kehu.kehu", "Dropbox"),
    ("/Users/me/Library/CloudStorage/GoogleDrive-me@example.com/My Drive/k.kehu", "GoogleDrive"),
    ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/k.kehu", "iCloud Drive"),
    ("/home/me/我的坚果云/客户.kehu", "坚果云 Nutstore"),
    ("/home/me/Nutstore/k.kehu", "坚果云 Nutstore"),
    ("/home/me/BaiduSyncdisk/k.kehu", "百度网盘"),
    ("/home/me/微云同步助手/k.kehu", "腾讯微云"),
    ("/home/me/Documents/Kehu/k.kehu", None),
    ("/home/me/dropboxes/k.kehu", None),
    ("/home/me/Documents/OneDrive.kehu", None),      # the file's own name does not count
])
def test_cloud_sync_folders(path, service):
    assert cloud_service(path) == service


def test_onedrive_folder_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("OneDriveCommercial", str(tmp_path / "Company Files"))
    assert cloud_service(tmp_path / "Company Files" / "k.kehu") == "OneDrive"
    assert cloud_service(tmp_path / "elsewhere" / "k.kehu") is None


def test_unc_paths_are_network_on_windows_rules():
    assert storage_location._windows_network(Path("\\\\server\\share\\k.kehu")) == "UNC"
    assert storage_location._windows_network(Path("\\\\?\\UNC\\server\\share\\k.kehu")) == "UNC"


def test_local_folder_is_fine(tmp_path):
    assert storage_location.network_type(tmp_path / "k.kehu") is None
    assert storage_location.check(tmp_path / "k.kehu") is None


def test_network_mount_gives_advice(monkeypatch, tmp_path):
    monkeypatch.setattr(storage_location, "_linux_fstype", lambda path: "nfs4")
    monkeypatch.setattr(storage_location, "_mac_fstype", lambda path: "nfs4")
    risk = storage_location.check(tmp_path / "k.kehu")
    assert risk.kind == "network" and risk.what == "nfs4"
    assert "local folder" in risk.message and str(tmp_path / "k.kehu") in risk.message


def test_cli_warns_on_stderr_and_still_works(qapp, tmp_path, capsys):
    from cli import run_cli
    from model.core import settings
    settings.put(settings.LANGUAGE, "en")   # (qapp: run_cli would make a bare QCoreApplication)
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    assert run_cli(["new", "--plain", str(folder / "k.kehu")]) == 0
    err = capsys.readouterr().err
    assert "Dropbox" in err and "local folder" in err
    assert run_cli(["check", str(folder / "k.kehu")]) == 0
    assert "Dropbox" in capsys.readouterr().err
    assert run_cli(["new", "--plain", str(tmp_path / "plain.kehu")]) == 0
    assert capsys.readouterr().err == ""
    notes = tmp_path / "Dropbox" / "notes.txt"
    notes.write_text("not an archive")
    assert storage_location.warn_line(notes) is None


def test_window_warns_once_without_blocking(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox
    from gui.main_window.main_window import MainWindow
    from model.archive.database import Archive
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    window = MainWindow()
    qtbot.addWidget(window)
    window._set_archive(Archive.create(folder / "k.kehu"))
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and "OneDrive" in boxes[0].text()
    assert not boxes[0].isModal()
    boxes[0].close()
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    window._close_archive()
    with qtbot.waitSignal(window.archive_changed, timeout=10000):
        window.open_archive(folder / "k.kehu")
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]   # once a session
    assert "OneDrive" in window.archive_label.toolTip()
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    window._close_archive()
