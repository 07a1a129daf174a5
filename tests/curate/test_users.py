"""`amity users`: tokens printed once, stored only as salted hashes, revocable."""

from __future__ import annotations

from pathlib import Path

import pytest

from amity.cli import main
from amity.curate.users import authenticate, has_users
from amity.store import open_registry


def add(db: Path, name: str, role: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["users", "add", name, "--role", role, "--db", str(db)]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_add_prints_a_token_as_last_line_and_keeps_only_a_salted_hash(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    token = add(db, "alice", "editor", capsys)
    other = add(db, "carol", "editor", capsys)
    assert token != other and token.startswith("amity_")
    with open_registry(str(db)) as reg:
        rows = reg.db.rows("SELECT salt, token_hash FROM users")
        assert len({r[0] for r in rows}) == 2  # one salt each
        dump = "\n".join(str(r) for r in reg.db.rows("SELECT * FROM users"))
        assert token.rsplit("_", 1)[1] not in dump  # the secret is nowhere in the registry
        user = authenticate(reg.db, token)
        assert user is not None and user.name == "alice" and user.can_edit
        assert authenticate(reg.db, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
        assert authenticate(reg.db, "not a token") is None


def test_list_and_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    token = add(db, "bob", "viewer", capsys)
    assert main(["users", "list", "--db", str(db)]) == 0
    assert "bob\tviewer" in capsys.readouterr().out
    with open_registry(str(db)) as reg:
        user = authenticate(reg.db, token)
        assert user is not None and not user.can_edit
    assert main(["users", "revoke", "bob", "--db", str(db)]) == 0
    assert main(["users", "list", "--db", str(db)]) == 0
    assert "revoked" in capsys.readouterr().out
    with open_registry(str(db)) as reg:
        assert authenticate(reg.db, token) is None
        assert not has_users(reg.db)


def test_bad_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    add(db, "alice", "editor", capsys)
    assert main(["users", "add", "alice", "--role", "editor", "--db", str(db)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["users", "add", "bad name!", "--role", "editor", "--db", str(db)]) == 1
    assert "not a usable user name" in capsys.readouterr().err
    assert main(["users", "revoke", "nobody", "--db", str(db)]) == 1
    assert "no user called" in capsys.readouterr().err
