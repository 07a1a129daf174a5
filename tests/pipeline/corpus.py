"""A small mixed corpus written here: exchange articles, everyday news with no exchange in it, as
files, JSON Lines (plain and gzipped) and a WARC.gz of HTTP responses."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

CITIES = [
    ("Busan", "Korean", "Osaka", "Japanese"),
    ("Da Nang", "Vietnamese", "Incheon", "Korean"),
    ("Lyon", "French", "Quebec City", "Canadian"),
    ("Porto", "Portuguese", "Recife", "Brazilian"),
    ("Perth", "Australian", "Surabaya", "Indonesian"),
    ("Krakow", "Polish", "Kyiv", "Ukrainian"),
]

QUIET = [
    "Heavy rain flooded several streets in the old town on Tuesday, and buses ran late all morning.",
    "The city council approved a budget for repairing the harbour road, work starts in spring.",
    "A local bakery won a regional prize for its rye bread, the owner said she was delighted.",
    "Traffic on the ring road will be slower this weekend while crews repaint the lane markings.",
]


def exchange_article(i: int) -> str:
    a, a_adj, b, b_adj = CITIES[i % len(CITIES)]
    day = 1 + i % 27
    return (
        f"{a} and {b} sign youth exchange agreement\n\n"
        f"The mayor of {a} met a {b_adj} delegation led by the mayor of {b} in {a} on 2024-05-{day:02d}. "
        f"The two cities signed a memorandum of understanding on student exchanges, number {i}. "
        f"Under the agreement, {a_adj} and {b_adj} universities will send students to each other every "
        "summer for language courses.\n"
    )


def quiet_article(i: int) -> str:
    return f"Local news, item {i}\n\n{QUIET[i % len(QUIET)]} Reported as note {i}.\n"


def articles(n: int) -> list[dict[str, str]]:
    """`n` JSON Lines records, every third one an exchange article."""
    out = []
    for i in range(n):
        text = exchange_article(i) if i % 3 == 0 else quiet_article(i)
        out.append({"id": f"item-{i}", "text": text, "published": "2024-05-28"})
    return out


def write_jsonl(path: Path, records: list[dict[str, str]], gz: bool = False) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def html_page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2024-05-28"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paras}</article></body></html>"
    ).encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]], extra: bool = True) -> Path:
    """A gzipped WARC: for each (url, html) a request and an HTML response; with `extra`, also an image
    response and a 404 page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        w = WARCWriter(f, gzip=path.suffix == ".gz")

        def response(url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

        for url, html in pages:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
            response(url, html, "text/html; charset=utf-8")
        if extra:
            response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "image/png")
            response("https://example.org/gone", html_page("Gone", "Not here any more."), "text/html", "404 Not Found")
    return path
