"""Run by test_kill_resume in a subprocess: ingest a generated corpus with a fake extractor that,
when asked to, stops forever (after touching a marker file) at its Nth document, to be SIGKILLed."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from amity.pipeline import ingest
from amity.records import Document, DocumentRecord
from amity.store import open_registry
from tests.store.builders import TableExtractor


class HangingExtractor(TableExtractor):
    def __init__(self, records: dict[str, dict[str, object]], hang_at: int, marker: Path) -> None:
        super().__init__(records)  # type: ignore[arg-type]
        self.hang_at = hang_at
        self.marker = marker

    def extract(self, doc: Document) -> DocumentRecord:
        if self.calls + 1 == self.hang_at:
            self.marker.touch()
            while True:
                time.sleep(60)
        return super().extract(doc)


def main(db_url: str, corpus: str, hang_at: int, marker: str, batch: int) -> None:
    records = {}
    for line in (Path(corpus) / ".truth.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        records[d["doc"]] = d
    with open_registry(db_url) as reg:
        result = ingest(reg, [corpus], HangingExtractor(records, hang_at, Path(marker)), batch_size=batch)
    print(json.dumps(result.__dict__))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
