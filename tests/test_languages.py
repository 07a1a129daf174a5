"""Languages amity does not read for events are stored with the reason and counted, never silently empty."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from amity.cli import main
from amity.ingest.clean import text_to_document
from amity.records import Document

FRENCH = (
    "Accord sur l'eau\n\nLe ministre chilien a rencontré son homologue péruvien à Lima lundi pour signer un "
    "accord sur l'eau entre les deux pays, a annoncé le ministère des Affaires étrangères.\n"
)


def test_an_unsupported_language_gives_a_warning_not_an_empty_silence(extractor: Any) -> None:
    doc = text_to_document("fr.txt", FRENCH)
    assert doc.language == "fr"
    record = extractor.extract(doc)
    assert not record.events
    assert any(w.startswith("language-unsupported: fr") for w in record.warnings)
    [(_, batch)] = list(extractor.extract_many([doc]))
    assert any(w.startswith("language-unsupported") for w in batch.warnings)


def test_a_document_of_unknown_language_is_read_as_english(extractor: Any) -> None:
    text = "T\n\nChilean and Peruvian ministers signed a water agreement in Lima on Monday.\n"
    doc = Document(doc="x.txt", text=text, language=None)
    assert extractor.extract(doc).events


def test_ingest_counts_documents_in_other_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, extractor: Any
) -> None:
    monkeypatch.setattr("amity.extract.Extractor", lambda *a, **k: extractor)
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (corpus / "en.txt").write_text(
        "T\n\nChilean and Peruvian ministers signed a water agreement in Lima on Monday.\n", encoding="utf-8"
    )
    db = str(tmp_path / "r.db")
    assert main(["ingest", str(corpus), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "stored 2" in out and "language-unsupported (fr 1)" in out
    assert main(["ingest", str(corpus), "--db", db]) == 0  # stored: the second run skips it as unchanged
    assert "unchanged 2" in capsys.readouterr().out
