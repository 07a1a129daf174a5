"""Paths into the files to read: folders walked (hidden entries left out, links followed unless they
lead back into the folder being walked), globs expanded; each path opened only if it is a regular file,
and read only up to the size limit. What cannot be read becomes a SkipDocument with a reason."""

from __future__ import annotations

import errno
import glob
import os
import stat
import sys
from collections.abc import Iterable, Iterator

from amity.errors import InputError, SkipDocument

MAX_BYTES = 64 * 1024 * 1024  # larger files are skipped, not loaded


def display(path: str) -> str:
    """`path` as shown and stored: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates) written as \\xNN escapes, so the name can be printed, stored and told apart."""
    if path.isascii():
        return path
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[str]:
    """Entries under `folder`, sorted, depth first. A folder that cannot be listed, and a link to a
    folder that is already being walked (a loop), are yielded themselves: reading them gives the skip."""
    try:
        st = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder
        return
    inside = ancestors | {(st.st_dev, st.st_ino)}
    for entry in entries:
        if _hidden(entry.name):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if not is_dir:
            yield entry.path
            continue
        try:
            target = os.stat(entry.path)
        except OSError:
            yield entry.path
            continue
        if (target.st_dev, target.st_ino) in inside:
            yield entry.path  # a link back to this folder or one above it
        else:
            yield from _walk(entry.path, inside)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, folders recursively (sorted), glob patterns, and '-' for stdin. Every entry that
    is not a folder is yielded, whatever it is (a link, a FIFO, a device): `read_source` decides."""
    for p in paths:
        if p == "-":
            yield "-"
        elif os.path.lexists(p):  # a dangling link or a link loop exists too, as a link
            if os.path.isdir(p):
                yield from _walk(p, frozenset())
            else:
                yield p
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise InputError(
                    f"no file matches {display(p)!r}", "check the pattern; quote it to let amity expand it"
                )
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m, frozenset())
                else:
                    yield m
        else:
            raise InputError(f"no such file or folder: {display(p)}", "check the path")


def check_paths(paths: Iterable[str]) -> None:
    """Fail, as `expand_paths` would, on a path that does not exist or a pattern matching nothing,
    without walking any folder."""
    for p in paths:
        if p != "-" and not os.path.lexists(p):
            if not glob.has_magic(p):
                raise InputError(f"no such file or folder: {display(p)}", "check the path")
            if next(glob.iglob(p, recursive=True), None) is None:
                raise InputError(
                    f"no file matches {display(p)!r}", "check the pattern; quote it to let amity expand it"
                )


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_a_file(mode: int) -> str:
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def _target(path: str) -> os.stat_result:
    """The stat of what `path` names, links followed; SkipDocument for a link that leads nowhere."""
    try:
        st = os.lstat(path)
    except OSError as e:
        raise SkipDocument("unreadable", e.strerror or str(e)) from e
    if not stat.S_ISLNK(st.st_mode):
        return st
    try:
        return os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise SkipDocument("link-loop", "a symbolic link that leads back to itself") from e
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            try:
                where = display(os.readlink(path))
            except OSError:
                where = "a path"
            raise SkipDocument("broken-link", f"a symbolic link to {where}, which does not exist") from e
        raise SkipDocument("unreadable", e.strerror or str(e)) from e


def read_file(path: str) -> bytes:
    """The bytes of the regular file at `path`, at most MAX_BYTES; SkipDocument for anything else."""
    st = _target(path)
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(path)
        except OSError as e:
            raise SkipDocument("unreadable", f"a folder that cannot be listed: {e.strerror or e}") from e
        if os.path.islink(path):
            raise SkipDocument(
                "link-loop", "a link to a folder that is already being read (its own or one above)"
            )
        raise SkipDocument("not-a-file", "a folder")
    if not stat.S_ISREG(st.st_mode):
        raise SkipDocument("not-a-file", f"{_not_a_file(st.st_mode)}; only regular files are read")
    if st.st_size > MAX_BYTES:
        raise SkipDocument("too-large", f"{st.st_size} bytes; the limit is {MAX_BYTES}")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise SkipDocument("unreadable", e.strerror or str(e)) from e
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())  # what was opened, should the path have changed since
        if not stat.S_ISREG(st.st_mode):
            raise SkipDocument("not-a-file", f"{_not_a_file(st.st_mode)}; only regular files are read")
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise SkipDocument("unreadable", e.strerror or str(e)) from e
    if len(data) > MAX_BYTES:
        raise SkipDocument("too-large", f"more than {MAX_BYTES} bytes; the limit is {MAX_BYTES}")
    return data


def read_stdin() -> bytes:
    data: bytes = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SkipDocument(
            "too-large", f"more than {MAX_BYTES} bytes on standard input; the limit is {MAX_BYTES}"
        )
    return data
