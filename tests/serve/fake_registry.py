"""A small in-memory `Registry` for the serve tests, used only until amity.store.open_registry exists.

It follows the shapes documented in amity/store/interface.py closely enough for the API and the UI;
it is not a reference implementation of the store.
"""

from __future__ import annotations

from typing import Any

from amity.errors import NotFoundError
from amity.records import Document, DocumentRecord, Event, Skip
from amity.store.interface import EventFilter


class FakeRegistry:
    url = "memory:"

    def __init__(self) -> None:
        self.docs: dict[int, dict[str, Any]] = {}
        self.events: dict[int, dict[str, Any]] = {}
        self.people: dict[int, dict[str, Any]] = {}
        self.orgs: dict[int, dict[str, Any]] = {}
        self.hashes: set[tuple[str, str]] = set()

    def close(self) -> None:
        pass

    # writing
    def has_document(self, content_hash: str, extractor_version: str) -> bool:
        return (content_hash, extractor_version) in self.hashes

    def add_skip(self, skip: Skip) -> int:
        doc_id = len(self.docs) + 1
        self.docs[doc_id] = {"id": doc_id, "doc": skip.source, "source": skip.source, "title": None,
                             "published": None, "language": None, "status": "skipped",
                             "skip_reason": skip.reason, "skip_detail": skip.detail,
                             "extractor_version": None, "text": "", "mask": [], "event_ids": []}
        return doc_id

    def add_document(self, doc: Document, record: DocumentRecord, extractor_version: str) -> int:
        self.hashes.add((doc.content_hash, extractor_version))
        doc_id = len(self.docs) + 1
        row = {"id": doc_id, "doc": doc.doc, "source": doc.source, "title": record.title,
               "published": record.published, "language": record.language, "status": "stored",
               "skip_reason": None, "skip_detail": None, "extractor_version": extractor_version,
               "text": doc.text, "mask": [list(m) for m in doc.mask], "event_ids": []}
        self.docs[doc_id] = row
        for event in record.events:
            event_id = self._merge_event(event)
            ev = self.events[event_id]
            ev["sources"].append((doc_id, [(s.start, s.end) for s in event.evidence]))
            row["event_ids"].append(event_id)
        return doc_id

    def _merge_event(self, e: Event) -> int:
        key = (e.type, e.date, tuple(sorted(e.countries)), e.name or e.program)
        for event_id, ev in self.events.items():
            if ev["key"] == key:
                return event_id
        event_id = len(self.events) + 1
        orgs = [(self._org(o.name, o.acronym, o.country), o.role) for o in e.organizations]
        people = []
        for p in e.participants:
            org_id = self._org(p.organization, None, p.country) if p.organization else None
            person_id = self._person(p.name, p.country, org_id, p.title, e.date) if p.name else None
            people.append((person_id, p))
        self.events[event_id] = {
            "key": key, "id": event_id, "type": e.type, "status": e.status, "salience": e.salience,
            "name": e.name, "date": e.date, "end_date": e.end_date,
            "place": {"id": None, "name": e.place.name, "country": e.place.country} if e.place else None,
            "countries": sorted(e.countries), "fields": sorted(e.fields), "size": e.size,
            "program": e.program, "orgs": orgs, "people": people, "sources": [],
            "cameo": e.cameo, "plover": e.plover, "warnings": list(e.warnings),
        }
        return event_id

    def _org(self, name: str, acronym: str | None, country: str | None) -> int:
        for org_id, o in self.orgs.items():
            if o["name"].lower() == name.lower():
                return org_id
        org_id = len(self.orgs) + 1
        self.orgs[org_id] = {"id": org_id, "name": name, "acronym": acronym, "country": country}
        return org_id

    def _person(self, name: str, country: str | None, org_id: int | None, title: str | None,
                date: str | None) -> int:
        found = [pid for pid, p in self.people.items() if p["name"].lower() == name.lower()]
        if found:
            person_id = found[0]
        else:
            person_id = len(self.people) + 1
            self.people[person_id] = {"id": person_id, "name": name, "country": country, "affiliations": {}}
        affs = self.people[person_id]["affiliations"]
        first, last = affs.get((org_id, title), (date, date))
        if date:
            first = min(filter(None, (first, date)))
            last = max(filter(None, (last, date)))
        affs[(org_id, title)] = (first, last)
        return person_id

    # reading
    def _evidence(self, doc_id: int, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
        text = self.docs[doc_id]["text"]
        return [{"start": s, "end": e, "text": text[s:e]} for s, e in spans]

    def _summary(self, ev: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": ev["id"], "type": ev["type"], "status": ev["status"], "salience": ev["salience"],
            "name": ev["name"], "date": ev["date"], "end_date": ev["end_date"], "place": ev["place"],
            "countries": ev["countries"], "fields": ev["fields"], "size": ev["size"],
            "program": ev["program"],
            "n_sources": len(ev["sources"]),
            "participants": [{"id": pid, "name": p.name, "title": p.title} for pid, p in ev["people"]],
        }

    def _matches(self, ev: dict[str, Any], f: EventFilter) -> bool:
        if f.type and ev["type"] != f.type or f.status and ev["status"] != f.status:
            return False
        if any(c not in ev["countries"] for c in f.countries) or f.field and f.field not in ev["fields"]:
            return False
        if f.program and f.program.lower() not in (ev["program"] or "").lower():
            return False
        if f.person_id and f.person_id not in [pid for pid, _ in ev["people"]]:
            return False
        if f.org_id and f.org_id not in [oid for oid, _ in ev["orgs"]]:
            return False
        if f.place:
            place = ev["place"] or {}
            in_name = f.place.lower() in (place.get("name") or "").lower()
            if not in_name and f.place.upper() != place.get("country"):
                return False
        date = ev["date"] or ""
        if f.since and (not date or date < f.since):
            return False
        if f.until and (not date or date[: len(f.until)] > f.until):
            return False
        if f.q:
            hay = " ".join([ev["name"] or "", ev["program"] or ""] + [
                x["text"] for doc_id, spans in ev["sources"] for x in self._evidence(doc_id, spans)])
            if not all(word in hay.lower() for word in f.q.lower().split()):
                return False
        return True

    def _filtered(self, f: EventFilter) -> list[dict[str, Any]]:
        rows = [ev for ev in self.events.values() if self._matches(ev, f)]
        key = f.sort.lstrip("-")
        if key == "n_sources":
            rows.sort(key=lambda ev: (len(ev["sources"]), ev["id"]), reverse=True)
        else:
            rows.sort(key=lambda ev: (ev[key] or "", ev["id"]) if key != "id" else ev["id"],
                      reverse=f.sort.startswith("-"))
        return rows

    def list_events(self, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
        rows = self._filtered(f)
        return [self._summary(ev) for ev in rows[f.offset: f.offset + f.limit]], len(rows)

    def get_event(self, event_id: int) -> dict[str, Any]:
        ev = self.events.get(event_id)
        if ev is None:
            raise NotFoundError(f"no event with id {event_id}")
        d = self._summary(ev)
        d["organizations"] = [{**{k: self.orgs[oid][k] for k in ("id", "name", "acronym", "country")},
                               "role": role} for oid, role in ev["orgs"]]
        d["participants"] = [{"id": pid, "name": p.name, "title": p.title, "organization": p.organization,
                              "country": p.country, "role": p.role} for pid, p in ev["people"]]
        d["sources"] = [{"document_id": doc_id, "doc": self.docs[doc_id]["doc"],
                         "title": self.docs[doc_id]["title"], "url": None,
                         "published": self.docs[doc_id]["published"],
                         "evidence": self._evidence(doc_id, spans)} for doc_id, spans in ev["sources"]]
        d.update(cameo=ev["cameo"], plover=ev["plover"], warnings=ev["warnings"])
        return d

    def _person_events(self, person_id: int) -> list[dict[str, Any]]:
        return [ev for ev in self.events.values() if person_id in [pid for pid, _ in ev["people"]]]

    def _person_summary(self, p: dict[str, Any]) -> dict[str, Any]:
        latest = max(p["affiliations"].items(), key=lambda kv: kv[1][1] or "", default=None)
        org_id, title = latest[0] if latest else (None, None)
        return {"id": p["id"], "name": p["name"], "country": p["country"], "title": title,
                "organization": self.orgs[org_id]["name"] if org_id else None,
                "n_events": len(self._person_events(p["id"]))}

    def list_people(self, q: str | None = None, country: str | None = None,
                    limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        rows = [p for p in self.people.values() if (not q or q.lower() in p["name"].lower())
                and (not country or p["country"] == country)]
        return [self._person_summary(p) for p in rows[offset: offset + limit]], len(rows)

    def get_person(self, person_id: int) -> dict[str, Any]:
        p = self.people.get(person_id)
        if p is None:
            raise NotFoundError(f"no person with id {person_id}")
        d = self._person_summary(p)
        events = self._person_events(person_id)
        shared: dict[int, int] = {}
        for ev in events:
            for pid, _ in ev["people"]:
                if pid and pid != person_id:
                    shared[pid] = shared.get(pid, 0) + 1
        d.update(
            aliases=[],
            affiliations=[{"organization_id": oid, "organization": self.orgs[oid]["name"] if oid else None,
                           "title": title, "first_seen": first, "last_seen": last}
                          for (oid, title), (first, last) in p["affiliations"].items()],
            events=[self._summary(ev) for ev in events],
            co_participants=[{"id": pid, "name": self.people[pid]["name"], "n_shared": n}
                             for pid, n in sorted(shared.items(), key=lambda kv: -kv[1])],
        )
        return d

    def _org_summary(self, o: dict[str, Any]) -> dict[str, Any]:
        events = [ev for ev in self.events.values() if o["id"] in [oid for oid, _ in ev["orgs"]]]
        people = [p for p in self.people.values() if any(k[0] == o["id"] for k in p["affiliations"])]
        return {"id": o["id"], "name": o["name"], "acronym": o["acronym"], "country": o["country"],
                "n_events": len(events), "n_people": len(people)}

    def list_orgs(self, q: str | None = None, country: str | None = None,
                  limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        rows = [o for o in self.orgs.values() if (not q or q.lower() in o["name"].lower())
                and (not country or o["country"] == country)]
        return [self._org_summary(o) for o in rows[offset: offset + limit]], len(rows)

    def get_org(self, org_id: int) -> dict[str, Any]:
        o = self.orgs.get(org_id)
        if o is None:
            raise NotFoundError(f"no organization with id {org_id}")
        d = self._org_summary(o)
        people = []
        for p in self.people.values():
            for (oid, title), (first, last) in p["affiliations"].items():
                if oid == org_id:
                    people.append({"id": p["id"], "name": p["name"], "title": title,
                                   "first_seen": first, "last_seen": last})
        d.update(aliases=[], people=people, events=[
            self._summary(ev) for ev in self.events.values() if org_id in [oid for oid, _ in ev["orgs"]]])
        return d

    def get_document(self, document_id: int) -> dict[str, Any]:
        doc = self.docs.get(document_id)
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}")
        return dict(doc)

    def list_documents(self, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        rows = list(self.docs.values())
        return [dict(d) for d in rows[offset: offset + limit]], len(rows)

    def stats(self, f: EventFilter | None = None) -> dict[str, Any]:
        rows = self._filtered(f or EventFilter())
        months: dict[tuple[str, str], int] = {}
        pairs: dict[tuple[str, str], int] = {}
        fields: dict[str, int] = {}
        for ev in rows:
            if ev["date"] and len(ev["date"]) >= 7:
                k = (ev["date"][:7], ev["type"])
                months[k] = months.get(k, 0) + 1
            cs = ev["countries"]
            for i, a in enumerate(cs):
                for b in cs[i + 1:]:
                    pairs[(a, b)] = pairs.get((a, b), 0) + 1
            for fl in ev["fields"]:
                fields[fl] = fields.get(fl, 0) + 1
        return {
            "by_month": [{"month": m, "type": t, "n": n} for (m, t), n in sorted(months.items())],
            "by_pair": [{"a": a, "b": b, "n": n}
                        for (a, b), n in sorted(pairs.items(), key=lambda kv: -kv[1])],
            "by_field": [{"field": k, "n": n} for k, n in sorted(fields.items(), key=lambda kv: -kv[1])],
            "totals": {"events": len(self.events), "documents": len(self.docs), "people": len(self.people),
                       "organizations": len(self.orgs)},
        }
