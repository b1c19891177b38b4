"""Is a file on a network share? SQLite's locking is not safe over NFS or SMB/CIFS: two PCs writing
one file there can damage it (SQLite's FAQ), so the desk refuses such a file and points to PostgreSQL.

Windows: a UNC path (``\\\\server\\share\\...``) or a drive letter mapped to a network share
(``GetDriveTypeW`` says DRIVE_REMOTE). Linux: the mount the file lives on, read from /proc/mounts.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

NETWORK_FILESYSTEMS = {
    "nfs": "NFS", "nfs4": "NFS", "cifs": "SMB/CIFS", "smb3": "SMB/CIFS", "smbfs": "SMB/CIFS", "smb2": "SMB/CIFS",
    "afs": "AFS", "ncpfs": "NetWare", "fuse.sshfs": "SSHFS", "sshfs": "SSHFS", "davfs": "WebDAV",
    "fuse.davfs2": "WebDAV", "glusterfs": "GlusterFS", "fuse.glusterfs": "GlusterFS", "ceph": "CephFS",
    "fuse.ceph": "CephFS", "lustre": "Lustre", "gpfs": "GPFS", "fuse.rclone": "rclone",
}
DRIVE_REMOTE = 4
MOUNTS = "/proc/mounts"


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]


def _unescape(field: str) -> str:
    """/proc/mounts writes a space as \\040, a tab as \\011, a backslash as \\134."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _mount_type(path: str, mounts_text: str) -> str | None:
    """The file system type of the deepest mount point holding ``path``."""
    best, kind = "", None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1]).rstrip("/") or "/"
        inside = path == point or path.startswith(point if point.endswith("/") else point + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def network_share(file: Path | str, *, platform: str = sys.platform, mounts: Path | str | None = None,
                  drive_type: Callable[[str], int] | None = None) -> str | None:
    """What kind of network share ``file`` lies on ("SMB/CIFS", "NFS", "a Windows network path",
    "a mapped network drive"), or None for a local disk. ``mounts`` and ``drive_type`` are for tests."""
    text = str(file)
    if platform.startswith("win"):
        if text.startswith(("\\\\", "//")):
            return "a Windows network path"
        lettered = len(text) > 1 and text[1] == ":" and text[0].isalpha()
        if lettered and (drive_type or _windows_drive_type)(text[:2] + "\\") == DRIVE_REMOTE:
            return "a mapped network drive"
        return None
    if not platform.startswith("linux"):
        return None
    try:
        mounts_text = Path(mounts or MOUNTS).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    kind = _mount_type(str(Path(os.path.abspath(text)).resolve()), mounts_text)  # links followed
    return NETWORK_FILESYSTEMS.get(kind or "")
