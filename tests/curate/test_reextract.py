"""`amity ingest --reextract PATH` runs the extractor again on stored documents; curation wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from amity.cli import main
from amity.curate.edits import Curator
from amity.store import EventFilter, open_registry

SAMPLES = ("01_kyef_cyda_mou.txt", "02_hanoi_osaka_delegation.txt")


def test_reextract_keeps_curated_fields_ids_and_removals(
        tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "r.db")
    paths = [str(samples_dir / name) for name in SAMPLES]
    assert main(["ingest", *paths, "--db", db]) == 0
    capsys.readouterr()
    with open_registry(db) as reg:
        events = reg.list_events(EventFilter(limit=100))[0]
        event = next(e for e in events if e["participants"])
        person = event["participants"][0]["id"]
        c = Curator(reg.db, "alice")
        c.patch_event(event["id"], {"date": "2001-02-03", "name": "Renamed by hand"})
        c.remove_link("participant", event["id"], person)
        n_events = reg.counts()["events"]
    assert main(["ingest", *paths, "--db", db]) == 0  # without the flag: unchanged, nothing re-read
    assert "unchanged 2" in capsys.readouterr().out
    assert main(["ingest", "--reextract", *paths, "--db", db]) == 0
    assert "stored 2, unchanged 0" in capsys.readouterr().out
    with open_registry(db) as reg:
        again = reg.get_event(event["id"])
        assert (again["date"], again["name"]) == ("2001-02-03", "Renamed by hand")
        assert person not in {p["id"] for p in again["participants"]}
        assert again["sources"]  # the reports are still this event's
        assert reg.counts()["events"] == n_events
