"""Fixtures shared by the whole suite: one Extractor per session, the sample corpus, ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amity import samples

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def extractor() -> Any:
    """One Extractor (NLP pipeline loaded once) for every test that extracts."""
    from amity.extract import Extractor  # imported here: collecting the suite must not load the NLP pipeline

    return Extractor()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The bundled sample corpus (amity/data/samples)."""
    return samples.path()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (spec, eval set); tests needing it skip when it is absent."""
    path = REPO_ROOT.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} is not present")
    return path


@pytest.fixture
def tmp_db_url(tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite registry URL in the test's temporary folder."""
    yield f"sqlite:///{tmp_path / 'amity.db'}"
