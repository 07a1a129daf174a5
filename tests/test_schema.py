"""`amity extract` output validates against amity's own schema and the shared spec's schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema import Draft202012Validator

from amity.cli import main
from amity.records import (
    Document,
    DocumentRecord,
    Event,
    Organization,
    Person,
    Place,
    Span,
)
from amity.schema import record_schema, validate_record


def full_record() -> DocumentRecord:
    """A record with every optional part filled in, so every key `to_dict()` can emit appears."""
    person = Person("Kim Ha-eun", "President", "Korea Youth Exchange Foundation", "KR", "signatory")
    org = Organization("Korea Youth Exchange Foundation", "KYEF", "KR", "signatory")
    event = Event(
        type="agreement", status="occurred", salience="main", name="Youth exchange MoU",
        date="2025-03-13", end_date="2025-03-14", place=Place("Seoul", "KR", warning="city guessed"),
        countries=("KR", "CN"), organizations=(org,), participants=(person,), fields=("youth", "education"),
        size=5, program="Korea-China Youth Exchange", evidence=(Span(0, 40),), trigger="signed",
        warnings=("date resolved from weekday",),
    )
    return DocumentRecord(
        doc="a.txt", title="Title", published="2025-03-14", language="en", events=(event,),
        participants=(person,), organizations=(org,), warnings=("test warning",),
    )


def minimal_record() -> DocumentRecord:
    return DocumentRecord(doc="b.txt", title=None, published=None, language=None)


# --- the generated schema mirrors records.py ------------------------------------------------

def test_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(record_schema())


@pytest.mark.parametrize("record", [full_record(), minimal_record()], ids=["full", "minimal"])
def test_records_validate(record: DocumentRecord) -> None:
    d = json.loads(json.dumps(record.to_dict()))
    jsonschema.validate(d, record_schema(), cls=Draft202012Validator)
    validate_record(d)


def _props(schema: dict[str, Any], name: str) -> set[str]:
    return set(schema["$defs"][name]["properties"])


def test_schema_keys_match_to_dict_keys() -> None:
    """Every key the dataclasses emit is described, and nothing the schema describes is missing."""
    schema = record_schema()
    d = full_record().to_dict()
    ev = d["events"][0]
    assert set(schema["properties"]) == set(d)
    assert _props(schema, "EventDict") == set(ev)
    assert _props(schema, "PlaceDict") == set(ev["place"])
    assert _props(schema, "PersonDict") == set(ev["participants"][0])
    assert _props(schema, "OrganizationDict") == set(ev["organizations"][0])
    assert _props(schema, "SpanDict") == set(ev["evidence"][0])
    # keys always emitted are required; keys emitted only when set are optional
    assert set(schema["required"]) == set(minimal_record().to_dict())
    assert "warnings" not in schema["$defs"]["EventDict"]["required"]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("published",), "14 March 2025"),
        (("events", 0, "type"), "party"),
        (("events", 0, "status"), "rumoured"),
        (("events", 0, "countries"), ["korea"]),
        (("events", 0, "fields"), ["cooking"]),
        (("events", 0, "participants", 0, "role"), "boss"),
        (("events", 0, "evidence", 0, "start"), "0"),
        (("events", 0, "unknown_key"), 1),
        (("extra_top_level",), True),
    ],
)
def test_schema_rejects_bad_records(path: tuple[Any, ...], value: Any) -> None:
    d = full_record().to_dict()
    target: Any = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, record_schema(), cls=Draft202012Validator)


# --- amity extract output on the samples ---------------------------------------------------

@pytest.fixture(scope="module")
def sample_output(
    samples_dir: Path, tmp_path_factory: pytest.TempPathFactory, extractor: Any,
) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("extract") / "samples.jsonl"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("amity.commands.extract.Extractor", lambda *a, **k: extractor)
        assert main(["extract", str(samples_dir), "-o", str(out)]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_extract_covers_every_sample(sample_output: list[dict[str, Any]], samples_dir: Path) -> None:
    expected = json.loads((samples_dir / "EXPECTED.json").read_text(encoding="utf-8"))["documents"]
    # README.md is read as a document too (a .md file); every written article must be there.
    docs = {r["doc"] for r in sample_output}
    assert set(expected) <= docs


def test_extract_output_validates_against_amity_schema(sample_output: list[dict[str, Any]]) -> None:
    validator = Draft202012Validator(record_schema())
    for record in sample_output:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, f"{record['doc']}: {errors[0].message} at {list(errors[0].path)}"
        validate_record(record)


def test_extract_output_validates_against_shared_spec(
    sample_output: list[dict[str, Any]], shared_dir: Path,
) -> None:
    spec_path = shared_dir / "spec" / "event.schema.json"
    if not spec_path.exists():
        pytest.skip(f"{spec_path} is not present")
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(spec)
    validator = Draft202012Validator(spec)
    for record in sample_output:
        errors = list(validator.iter_errors(record))
        assert not errors, f"{record['doc']}: {errors[0].message} at {list(errors[0].path)}"


def test_evidence_offsets_point_into_the_document(
    sample_output: list[dict[str, Any]], samples_dir: Path,
) -> None:
    from amity.ingest import read_sources

    texts = {d.doc: d.text for d in read_sources([str(samples_dir)]) if isinstance(d, Document)}
    for record in sample_output:
        text = texts[record["doc"]]
        for ev in record["events"]:
            for span in ev["evidence"]:
                assert 0 <= span["start"] < span["end"] <= len(text), (record["doc"], span)
