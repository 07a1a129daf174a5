"""Hand-built documents and extraction records for the serve tests, including a hostile one."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from amity.records import Document, DocumentRecord, Event, Organization, Person, Place, Span

XSS_SCRIPT = "<script>window.__pwned = 1; alert('script')</script>"
XSS_IMG = "<img src=x onerror=\"window.__pwned = 2; alert('img')\">"
XSS_NAME = "<img src=x onerror=window.__pwned=3>Mallory"
XSS_EVENT = "<svg onload=\"window.__pwned=4\"></svg> Hostile Forum"
XSS_ORG = "<b onmouseover=\"window.__pwned=5\">Evil Org</b>"
XSS_PROGRAM = "\"><iframe src=javascript:window.__pwned=6></iframe>"
FORMULA_PROGRAM = "=HYPERLINK(\"http://x\")"

CIYEC = Organization("China International Youth Exchange Center", "CIYEC", "CN", "host")
KYEF = Organization("Korea Youth Exchange Foundation", "KYEF", "KR", "guest")
PROGRAM_KC = "Korea-China Future-Oriented Exchange Program"


def span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence))


def _doc(name: str, text: str, title: str, published: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc=name, text=text, source=f"tests/{name}", title=title, published=published,
                    language="en", content_hash=digest)


def _kc_visit(text: str, sentence: str) -> Event:
    liu = Person("Liu Aiping", "Chairman", CIYEC.name, "CN", "host")
    kim = Person("Kim Min-jun", "Director", KYEF.name, "KR", "leader")
    return Event(
        type="visit", status="occurred", salience="main", name=None, date="2024-05-20",
        place=Place("Beijing", "CN"), countries=("CN", "KR"), organizations=(CIYEC, KYEF),
        participants=(liu, kim), fields=("youth",), size=6, program=PROGRAM_KC,
        evidence=(span(text, sentence),),
    )


def documents() -> Iterator[tuple[Document, DocumentRecord]]:
    t1 = ("Beijing, May 20 2024. A six-member delegation of the Korea Youth Exchange Foundation led by "
          "Director Kim Min-jun visited the China International Youth Exchange Center. "
          "Chairman Liu Aiping welcomed the guests. The two sides signed a memorandum of cooperation "
          "on youth and education exchanges on May 21.")
    s1 = "A six-member delegation of the Korea Youth Exchange Foundation led by Director Kim Min-jun " \
         "visited the China International Youth Exchange Center."
    s2 = "The two sides signed a memorandum of cooperation on youth and education exchanges on May 21."
    agreement = Event(
        type="agreement", status="occurred", salience="main", name=None, date="2024-05-21",
        place=Place("Beijing", "CN"), countries=("CN", "KR"), organizations=(
            Organization(CIYEC.name, "CIYEC", "CN", "signatory"),
            Organization(KYEF.name, "KYEF", "KR", "signatory")),
        participants=(Person("Liu Aiping", "Chairman", CIYEC.name, "CN", "signatory"),),
        fields=("education", "youth"), program=PROGRAM_KC, evidence=(span(t1, s2),),
    )
    d1 = _doc("kc_youth_a.txt", t1, "Korean youth delegation visits CIYEC", "2024-05-22")
    yield d1, DocumentRecord(d1.doc, d1.title, d1.published, "en", events=(_kc_visit(t1, s1), agreement))

    t2 = ("SEOUL, May 23 (Press) -- 🎉 Youth leaders return. Director Kim Min-jun's delegation toured "
          "Beijing on May 20 as part of the Korea-China Future-Oriented Exchange Program. "
          "More rounds follow.")
    s3 = "Director Kim Min-jun's delegation toured Beijing on May 20 as part of the Korea-China " \
         "Future-Oriented Exchange Program."
    d2 = _doc("kc_youth_b.txt", t2, "Youth leaders return from Beijing", "2024-05-23")
    yield d2, DocumentRecord(d2.doc, d2.title, d2.published, "en", events=(_kc_visit(t2, s3),))

    t3 = ("HANOI, November 10 2023 🎎 The Japan-Vietnam Culture Forum opened in Hanoi with 150 guests. "
          "Vice Chairman Liu Aiping of the China International Youth Exchange Center and Professor Tanaka "
          "Hiroshi spoke on animation and games.")
    s4 = "The Japan-Vietnam Culture Forum opened in Hanoi with 150 guests."
    forum = Event(
        type="conference", status="occurred", salience="main", name="Japan-Vietnam Culture Forum",
        date="2023-11-10", place=Place("Hanoi", "VN"), countries=("JP", "VN"),
        organizations=(Organization("Japan Foundation", None, "JP", "organizer"),),
        participants=(Person("Liu Aiping", "Vice Chairman", CIYEC.name, "CN", "speaker"),
                      Person("Tanaka Hiroshi", "Professor", "Japan Foundation", "JP", "speaker")),
        fields=("culture",), size=150, program="Japan-Vietnam Festival", evidence=(span(t3, s4),),
    )
    d3 = _doc("jp_vn_forum.txt", t3, "Japan-Vietnam Culture Forum opens", "2023-11-10")
    yield d3, DocumentRecord(d3.doc, d3.title, d3.published, "en", events=(forum,))

    t4 = ("PARIS, March 3 2025. France and Vietnam will hold a heritage preservation seminar in Hue in "
          "September 2025, officials said. In 1993 the two countries signed a cultural agreement.")
    s5 = ("France and Vietnam will hold a heritage preservation seminar in Hue in September 2025, "
          "officials said.")
    s6 = "In 1993 the two countries signed a cultural agreement."
    d4 = _doc("fr_vn_heritage.txt", t4, "France and Vietnam plan heritage seminar", "2025-03-03")
    yield d4, DocumentRecord(d4.doc, d4.title, d4.published, "en", events=(
        Event(type="conference", status="planned", salience="main", name=None, date="2025-09",
              place=Place("Hue", "VN"), countries=("FR", "VN"), fields=("heritage",),
              program=FORMULA_PROGRAM, evidence=(span(t4, s5),)),
        Event(type="agreement", status="historical", salience="mentioned", date="1993",
              countries=("FR", "VN"), fields=("culture",), evidence=(span(t4, s6),)),
    ))

    t5 = (f"WASHINGTON, June 1 2024. {XSS_SCRIPT} The {XSS_EVENT} brought together {XSS_NAME} of "
          f"{XSS_ORG} and Korean journalists. {XSS_IMG} Media cooperation was discussed.")
    s7 = f"The {XSS_EVENT} brought together {XSS_NAME} of {XSS_ORG} and Korean journalists."
    d5 = _doc("hostile.txt", t5, f"Hostile {XSS_SCRIPT} title", "2024-06-01")
    yield d5, DocumentRecord(d5.doc, d5.title, d5.published, "en", events=(
        Event(type="meeting", status="occurred", salience="main", name=XSS_EVENT, date="2024-06-01",
              place=Place("Washington", "US"), countries=("KR", "US"),
              organizations=(Organization(XSS_ORG, None, "US", "host"),),
              participants=(Person(XSS_NAME, XSS_IMG, XSS_ORG, "US", "host"),),
              fields=("media",), program=XSS_PROGRAM, evidence=(span(t5, s7),)),
    ))


def load(registry: object, version: str = "test") -> None:
    """Add the corpus through the registry's own write API."""
    for doc, record in documents():
        registry.add_document(doc, record, version)  # type: ignore[attr-defined]
