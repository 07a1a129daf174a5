"""Property: a generated DocumentRecord stored and read back gives the stored fields unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.records import EVENT_TYPES, FIELDS, ROLES, SALIENCES, STATUSES, DocumentRecord
from amity.store import EventFilter, open_registry
from tests.store.builders import event, make_doc, person, record

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=2, max_size=8).map(str.capitalize)
NAME = st.builds(lambda a, b: f"{a} {b}", WORD, WORD)
COUNTRY = st.sampled_from(["KR", "CN", "JP", "VN", "FR", "ASEAN"])
DATE = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()[:10]).filter(lambda s: s[0] in "12"))


@st.composite
def records(draw: st.DrawFn) -> tuple[str, DocumentRecord, str | None]:
    text = draw(st.text(min_size=20, max_size=200).filter(lambda s: s.strip()))
    doc = make_doc("gen.txt", text, published=draw(DATE))
    evs = []
    for _ in range(draw(st.integers(0, 3))):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a, len(text)))
        evs.append(
            event(
                draw(st.sampled_from(EVENT_TYPES)),
                draw(DATE),
                status=draw(st.sampled_from(STATUSES)),
                salience=draw(st.sampled_from(SALIENCES)),
                name=draw(st.one_of(st.none(), NAME)),
                place=draw(
                    st.one_of(st.none(), st.tuples(st.one_of(st.none(), WORD), st.one_of(st.none(), COUNTRY)))
                ),
                countries=draw(st.lists(COUNTRY, unique=True, max_size=3)),
                people=[
                    person(n, draw(st.one_of(st.none(), WORD)), None, None, draw(st.sampled_from(ROLES)))
                    for n in draw(st.lists(NAME, unique=True, max_size=3))
                ],
                fields=draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=3)),
                size=draw(st.one_of(st.none(), st.integers(1, 10_000))),
                program=draw(st.one_of(st.none(), NAME)),
                evidence=[(a, b)],
            )
        )
    return text, record(doc, evs), doc.published


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=records())
def test_stored_record_reads_back(
    case: tuple[str, DocumentRecord, str | None], fresh_url: Callable[[], str]
) -> None:
    text, rec, published = case
    with open_registry(fresh_url()) as reg:
        doc = make_doc("gen.txt", text, published)
        doc_id = reg.add_document(doc, rec, "v1")
        stored = reg.get_document(doc_id)
        text = text.replace("\x00", "\ufffd")  # NUL cannot be stored (PostgreSQL); replaced on both backends
        assert (stored["text"], stored["published"], stored["doc"]) == (text, published, "gen.txt")
        assert (
            json.loads(reg.db.scalar("SELECT record FROM documents WHERE id = ?", (doc_id,))) == rec.to_dict()
        )
        events, total = reg.list_events(EventFilter(sort="id", limit=10))
        assert total == len(rec.events)  # one document's events never merge with each other
        for e, got in zip(rec.events, events, strict=True):
            detail = reg.get_event(got["id"])
            assert (detail["type"], detail["status"], detail["salience"]) == (e.type, e.status, e.salience)
            assert (detail["name"], detail["date"], detail["size"], detail["program"]) == (
                e.name,
                e.date,
                e.size,
                e.program,
            )
            assert detail["countries"] == sorted(e.countries)
            assert detail["fields"] == sorted(e.fields)
            assert sorted(p["name"] for p in detail["participants"]) == sorted(p.name for p in e.participants)
            assert detail["place"] == (
                None
                if not e.place or not (e.place.name or e.place.country)
                else {"id": detail["place"]["id"], "name": e.place.name, "country": e.place.country}
            )
            ev = detail["sources"][0]["evidence"][0]
            assert text[ev["start"] : ev["end"]] == ev["text"]
