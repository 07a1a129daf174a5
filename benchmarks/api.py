"""API latency benchmark: a registry of generated events served by `amity serve` in a second process.

    python benchmarks/api.py                       # 100,000 events, 300 requests per query
    python benchmarks/api.py --events 20000 --requests 100 --db /tmp/bench.db

Builds (or reuses, with --reuse) a SQLite registry of generated records written through the registry's
own `add_document` (no NLP), starts `amity serve` on a free loopback port, and measures p50/p99 latency
and sequential requests/s of the main API queries from this process.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from amity.records import (
    EVENT_TYPES,
    FIELDS,
    Document,
    DocumentRecord,
    Event,
    Organization,
    Person,
    Place,
    Span,
)

COUNTRIES = ["CN", "KR", "JP", "VN", "US", "FR", "DE", "GB", "IN", "ID", "TH", "MY", "PH", "SG", "AU", "NZ",
             "CA", "MX", "BR", "AR", "ZA", "EG", "NG", "KE", "TR", "RU", "KZ", "UZ", "MN", "LA", "KH", "MM",
             "IT", "ES", "PL", "SE", "NL", "ASEAN", "EU", "AFRICAN_UNION"]
CITIES = ["Beijing", "Seoul", "Tokyo", "Hanoi", "Washington", "Paris", "Berlin", "London", "Delhi",
          "Jakarta", "Bangkok", "Kuala Lumpur", "Manila", "Singapore", "Canberra", "Wellington", "Ottawa",
          "Osaka", "Busan", "Shanghai", "Hue", "Cheongju", "Can Tho", "Lyon", "Munich", "Almaty",
          "Ulaanbaatar", "Vientiane"]
TITLES = ["Minister", "Vice Minister", "Director", "Chairman", "President", "Mayor", "Ambassador",
          "Professor", "Secretary-General", "Governor"]
WORDS = ["youth", "culture", "forum", "friendship", "heritage", "media", "students", "delegation", "festival",
         "innovation", "tourism", "health", "climate", "sports", "exchange", "dialogue", "scholarship"]
PROGRAMS = [f"{a}-{b} {w} Exchange Program" for a, b in zip(CITIES, reversed(CITIES), strict=True)
            for w in ("Youth", "Culture", "Media")]
QUERIES = ("unfiltered list", "type filter", "country pair + field", "full-text q", "event detail", "stats",
           "map places", "map places, type", "timeline, type", "csv export, pair + field")


SYLLABLES = ["ka", "lo", "mi", "sen", "tor", "ba", "rin", "de", "vu", "han", "sol", "ne", "qui", "za", "pe",
             "ron", "li", "ma", "tse", "go", "fa", "ul", "bre", "kin", "os", "ta", "mer", "yo", "dan", "il"]


def word(rng: random.Random, parts: int) -> str:
    """A made-up name: distinct names keep the store's name-resolution blocks small, as real ones do."""
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).title()


def people_pool(rng: random.Random, n: int) -> list[Person]:
    names = {f"{word(rng, 2)} {word(rng, 3)}" for _ in range(n * 2)}
    return [Person(name, rng.choice(TITLES), None, rng.choice(COUNTRIES[:37]), None)
            for name in sorted(names)[:n]]


def org_pool(rng: random.Random, n: int) -> list[Organization]:
    names = {f"{word(rng, 3)} {rng.choice(WORDS).title()} Institute" for _ in range(n * 2)}
    return [Organization(name, None, rng.choice(COUNTRIES[:37]), None) for name in sorted(names)[:n]]


def generate(n_events: int, per_doc: int, seed: int = 7) -> Iterator[tuple[Document, DocumentRecord]]:
    rng = random.Random(seed)
    people = people_pool(rng, 6000)
    orgs = org_pool(rng, 1200)
    made = 0
    doc_no = 0
    while made < n_events:
        doc_no += 1
        sentences: list[str] = []
        events: list[Event] = []
        offset = 0
        # an article's events share its people and organizations, as in real reports
        cast = rng.sample(people, 3)
        hosts = rng.sample(orgs, 2)
        for _ in range(min(per_doc, n_events - made)):
            made += 1
            a, b = rng.sample(COUNTRIES, 2)
            city = rng.choice(CITIES)
            year, month, day = rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28)
            kind = rng.choice(EVENT_TYPES)
            words = rng.sample(WORDS, 3)
            sentence = (f"In {city} on {year}-{month:02d}-{day:02d} a {kind} between {a} and {b} on "
                        f"{' and '.join(words)} (item {made}) took place.")
            sentences.append(sentence)
            span = Span(offset, offset + len(sentence))
            offset += len(sentence) + 1
            chosen = rng.sample(cast, rng.randint(1, 3))
            events.append(Event(
                type=kind, status=rng.choice(("occurred", "occurred", "planned", "historical")),
                salience=rng.choice(("main", "mentioned")),
                name=f"{city} {words[0].title()} Forum {made}" if kind == "conference" else None,
                date=f"{year}-{month:02d}-{day:02d}", place=Place(city, a), countries=tuple(sorted((a, b))),
                organizations=tuple(Organization(o.name, o.acronym, o.country, "organizer")
                                    for o in rng.sample(hosts, rng.randint(1, 2))),
                participants=tuple(Person(p.name, p.title, None, p.country, "attendee") for p in chosen),
                fields=tuple(sorted(rng.sample(FIELDS, rng.randint(1, 2)))),
                size=rng.choice((None, rng.randint(5, 300))),
                program=rng.choice(PROGRAMS) if rng.random() < 0.4 else None, evidence=(span,),
            ))
        text = " ".join(sentences)
        name = f"bench_{doc_no:06d}.txt"
        doc = Document(doc=name, text=text, source=f"bench/{name}", title=f"Generated report {doc_no}",
                       published="2025-01-01", language="en",
                       content_hash=hashlib.sha256(text.encode()).hexdigest())
        yield doc, DocumentRecord(name, doc.title, doc.published, "en", events=tuple(events))


def build(db: Path, n_events: int, per_doc: int) -> None:
    from amity.store import open_registry

    registry = open_registry(str(db))
    start = time.perf_counter()
    batch = 200
    try:
        pending: list[tuple[Document, DocumentRecord]] = []
        done = 0
        for item in generate(n_events, per_doc):
            pending.append(item)
            if len(pending) == batch:
                done += write(registry, pending)
                pending = []
                rate = done / (time.perf_counter() - start)
                print(f"\r  {done:,} events ({rate:,.0f}/s)", end="", flush=True)
        done += write(registry, pending)
    finally:
        registry.close()
    print(f"\r  built {done:,} events in {time.perf_counter() - start:.1f} s" + " " * 20)


def write(registry: object, items: list[tuple[Document, DocumentRecord]]) -> int:
    with registry.transaction():  # type: ignore[attr-defined]
        for doc, record in items:
            registry.add_document(doc, record, "bench")  # type: ignore[attr-defined]
    return sum(len(record.events) for _, record in items)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "amity.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"amity serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{url}/api", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("amity serve did not start within 60 s")


def requests_for(name: str, n_events: int, rng: random.Random) -> tuple[str, dict[str, Any]]:
    if name == "unfiltered list":
        return "/api/events", {"limit": 50}
    if name == "type filter":
        return "/api/events", {"type": rng.choice(EVENT_TYPES), "limit": 50}
    if name == "country pair + field":
        a, b = rng.sample(COUNTRIES[:12], 2)
        return "/api/events", {"country": [a, b], "field": rng.choice(FIELDS), "limit": 50}
    if name == "full-text q":
        return "/api/events", {"q": rng.choice(WORDS), "limit": 50}
    if name == "event detail":
        return f"/api/events/{rng.randint(1, n_events)}", {}
    if name == "map places":
        return "/api/places", {}
    if name == "map places, type":
        return "/api/places", {"type": rng.choice(EVENT_TYPES)}
    if name == "timeline, type":
        return "/api/timeline", {"type": rng.choice(EVENT_TYPES)}
    if name == "csv export, pair + field":
        a, b = rng.sample(COUNTRIES[:12], 2)
        return "/api/events.csv", {"country": [a, b], "field": rng.choice(FIELDS)}
    return "/api/stats", {}


def measure(url: str, n_events: int, requests: int) -> list[tuple[str, float, float, float, int]]:
    rng = random.Random(11)
    rows = []
    with httpx.Client(base_url=url, timeout=60) as client:
        for name in QUERIES:
            for _ in range(5):  # warm-up
                path, params = requests_for(name, n_events, rng)
                client.get(path, params=params)
            latencies = []
            errors = 0
            start = time.perf_counter()
            for _ in range(requests):
                path, params = requests_for(name, n_events, rng)
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += r.status_code != 200
            elapsed = time.perf_counter() - start
            latencies.sort()
            p99 = latencies[min(len(latencies) - 1, round(0.99 * (len(latencies) - 1)))]
            rows.append((name, statistics.median(latencies), p99, requests / elapsed, errors))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--per-doc", type=int, default=20, help="events per generated document")
    ap.add_argument("--requests", type=int, default=300, help="timed requests per query")
    ap.add_argument("--db", type=Path, help="registry file (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="reuse --db if it exists instead of rebuilding")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="amity-bench-")
        args.db = Path(tmp.name) / "bench.db"
    if not (args.reuse and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        print(f"building {args.events:,} events into {args.db}")
        build(args.db, args.events, args.per_doc)
    proc, url = start_server(args.db)
    try:
        total = httpx.get(f"{url}/api/stats", timeout=120).json()["totals"]["events"]
        print(f"serving {total:,} events at {url}; {args.requests} sequential requests per query\n")
        rows = measure(url, total, args.requests)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if tmp is not None:
            tmp.cleanup()
    print(f"{'query':<24} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'errors':>7}")
    for name, p50, p99, rps, errors in rows:
        print(f"{name:<24} {p50:>8.1f} {p99:>8.1f} {rps:>8.0f} {errors:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
