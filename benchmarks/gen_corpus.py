"""Generate a deterministic corpus of exchange-news articles from templates, with the events each reports.

    python benchmarks/gen_corpus.py OUT_DIR [--n 2000] [--seed 7]

Writes OUT_DIR/NNNNN_slug.txt and OUT_DIR/.truth.jsonl (hidden, so ingest skips it): one spec-shaped
record per document, used by tests as a fake extractor's answers. About a third of the stories are
reported twice, worded differently, so a registry has reports to merge; people recur across stories.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COUNTRIES: dict[str, dict[str, list[str]]] = {
    "KR": {
        "name": ["Korea"],
        "adj": ["Korean"],
        "cities": ["Seoul", "Busan", "Jeonju", "Cheongju", "Daegu", "Incheon"],
        "surnames": ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang"],
        "given": ["Min-jun", "Seo-yeon", "Ji-ho", "Hye-jin", "Dong-hyun", "Sung-min", "Young-ho", "Eun-ji"],
    },
    "CN": {
        "name": ["China"],
        "adj": ["Chinese"],
        "cities": ["Beijing", "Shanghai", "Dezhou", "Qingdao", "Nanning"],
        "surnames": ["Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou"],
        "given": ["Jianguo", "Xiaoyan", "Lifen", "Haoran", "Meiling", "Zhiwei", "Aiping", "Guoqiang"],
    },
    "JP": {
        "name": ["Japan"],
        "adj": ["Japanese"],
        "cities": ["Tokyo", "Osaka", "Kyoto", "Fukuoka", "Sapporo"],
        "surnames": ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Yamamoto", "Nakamura"],
        "given": ["Hiroshi", "Yuki", "Kenji", "Akiko", "Takeshi", "Naomi", "Haruto"],
    },
    "VN": {
        "name": ["Vietnam"],
        "adj": ["Vietnamese"],
        "cities": ["Hanoi", "Da Nang", "Can Tho", "Hue", "Hai Phong"],
        "surnames": ["Nguyen", "Tran", "Pham", "Hoang", "Vu", "Dang"],
        "given": ["Van Minh", "Thi Lan", "Duc Anh", "Quoc Bao", "Thanh Huong", "Minh Tuan"],
    },
    "FR": {
        "name": ["France"],
        "adj": ["French"],
        "cities": ["Paris", "Lyon", "Marseille", "Bordeaux", "Lille"],
        "surnames": ["Martin", "Bernard", "Dubois", "Laurent", "Moreau", "Lefebvre"],
        "given": ["Claire", "Julien", "Sophie", "Pierre", "Camille", "Antoine"],
    },
    "US": {
        "name": ["the United States"],
        "adj": ["American"],
        "cities": ["Washington", "Chicago", "Seattle", "Boston", "Denver"],
        "surnames": ["Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson"],
        "given": ["John", "Emily", "Michael", "Sarah", "David", "Rachel"],
    },
    "ID": {
        "name": ["Indonesia"],
        "adj": ["Indonesian"],
        "cities": ["Jakarta", "Surabaya", "Bandung", "Medan"],
        "surnames": ["Wijaya", "Santoso", "Hidayat", "Saputra", "Kusuma"],
        "given": ["Budi", "Siti", "Agus", "Dewi", "Rina", "Eko"],
    },
    "TH": {
        "name": ["Thailand"],
        "adj": ["Thai"],
        "cities": ["Bangkok", "Chiang Mai", "Khon Kaen", "Phuket"],
        "surnames": ["Srisuk", "Chaiyaporn", "Wongsa", "Rattanakul"],
        "given": ["Somchai", "Malee", "Anan", "Kanya", "Prasert"],
    },
}
TITLES = ["Mayor", "Governor", "Vice Minister", "Director-General", "President", "Chairman", "Ambassador"]
ORG_PATTERNS = [
    "{city} Metropolitan Government",
    "{country} Foundation for International Exchange",
    "{country} Youth Exchange Center",
    "{city} Chamber of Commerce",
    "{country} Tourism Organization",
    "{city} National University",
    "{country} Cultural Institute",
]
FIELDS = {
    "youth": "youth exchanges",
    "culture": "cultural cooperation",
    "education": "student exchanges",
    "tourism": "tourism",
    "economy": "trade and investment",
    "environment": "green growth",
    "science": "joint research",
    "health": "public health",
    "sports": "sports exchanges",
    "media": "media cooperation",
    "heritage": "heritage preservation",
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
BOILERPLATE = (
    "\n\nShare this article: Facebook | X | Email\nCopyright (c) Exchange Newswire. All rights reserved.\n"
)


@dataclass(frozen=True)
class Who:
    name: str
    title: str
    org: str
    country: str
    city: str


@dataclass(frozen=True)
class Story:
    kind: str
    date: str
    end_date: str | None
    host: Who
    guest: Who
    city: str
    fields: tuple[str, ...]
    size: int | None
    round_no: int | None


def people_pool(rng: random.Random, per_country: int = 40) -> dict[str, list[Who]]:
    pool: dict[str, list[Who]] = {}
    for cc, c in COUNTRIES.items():
        seen: set[str] = set()
        pool[cc] = []
        while len(pool[cc]) < min(per_country, len(c["surnames"]) * len(c["given"])):
            sur, given = rng.choice(c["surnames"]), rng.choice(c["given"])
            name = f"{given} {sur}" if cc in ("FR", "US", "ID", "TH") else f"{sur} {given}"
            if name in seen:
                continue
            seen.add(name)
            city = rng.choice(c["cities"])
            org = rng.choice(ORG_PATTERNS).format(city=city, country=c["name"][0].removeprefix("the "))
            pool[cc].append(Who(name, rng.choice(TITLES), org, cc, city))
    return pool


def human_date(iso: str, style: int) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{MONTHS[m - 1]} {d}, {y}" if style == 0 else f"{d} {MONTHS[m - 1]} {y}"


def make_story(rng: random.Random, pool: dict[str, list[Who]]) -> Story:
    a, b = rng.sample(sorted(COUNTRIES), 2)
    host, guest = rng.choice(pool[a]), rng.choice(pool[b])
    kind = rng.choice(["meeting", "visit", "agreement", "conference", "program"])
    y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    date = f"{y:04d}-{m:02d}-{d:02d}"
    end = (
        f"{y:04d}-{m:02d}-{min(28, d + rng.randint(1, 3)):02d}" if kind in ("conference", "program") else None
    )
    fields = tuple(sorted(rng.sample(sorted(FIELDS), rng.randint(1, 2))))
    size = rng.choice([None, None, 6, 12, 25, 40, 150])
    return Story(
        kind,
        date,
        end,
        host,
        guest,
        host.city,
        fields,
        size,
        rng.randint(1, 12) if kind == "program" else None,
    )


def _variant(name: str) -> str:
    """A second report's spelling: hyphenated given names run together."""
    return name.replace("-", "")


def write_article(s: Story, variant: int) -> tuple[str, str, dict[str, Any]]:
    """(title, text, truth event) of one report of a story; `variant` picks the wording."""
    hc, gc = COUNTRIES[s.host.country], COUNTRIES[s.guest.country]
    host_name = s.host.name if variant == 0 else _variant(s.host.name)
    guest_name = s.guest.name if variant == 0 else _variant(s.guest.name)
    when = human_date(s.date, variant)
    topics = " and ".join(FIELDS[f] for f in s.fields)
    ordinal = f"{s.round_no}th " if s.round_no else ""
    name = None
    if s.kind == "meeting":
        title = f"{hc['adj'][0]} and {gc['adj'][0]} officials discuss {topics}"
        lead = (
            f"{s.host.title} {host_name} of the {s.host.org} met {s.guest.title} {guest_name} of the "
            f"{s.guest.org} in {s.city} on {when}."
            if variant == 0
            else f"On {when}, {guest_name}, {s.guest.title} of the {s.guest.org}, held talks with "
            f"{host_name} in {s.city}."
        )
    elif s.kind == "visit":
        title = f"{gc['adj'][0]} delegation visits {s.city}"
        size = f"A {s.size}-member delegation" if s.size else "A delegation"
        lead = (
            f"{size} led by {s.guest.title} {guest_name} visited {s.city} on {when} at the invitation of "
            f"{s.host.title} {host_name}."
            if variant == 0
            else f"{host_name} welcomed {guest_name} and a delegation from {gc['name'][0]} "
            f"to {s.city} on {when}."
        )
    elif s.kind == "agreement":
        title = f"{s.city} signs memorandum with {gc['name'][0].removeprefix('the ')} partners"
        lead = (
            f"The {s.host.org} and the {s.guest.org} signed a memorandum of understanding on {topics} in "
            f"{s.city} on {when}."
            if variant == 0
            else f"{host_name} and {guest_name} put their signatures to an MoU on {topics} "
            f"on {when} in {s.city}."
        )
    elif s.kind == "conference":
        name = (
            f"{hc['name'][0].removeprefix('the ')}-{gc['name'][0].removeprefix('the ')} Forum on "
            f"{topics.title()}"
        )
        title = f"{name} opens in {s.city}"
        lead = (
            f"The {name} opened in {s.city} on {when}, hosted by {s.host.title} {host_name}."
            if variant == 0
            else f"Experts gathered in {s.city} on {when} for the {name}, where "
            f"{guest_name} gave the keynote."
        )
    else:
        name = f"{ordinal}{hc['adj'][0]}-{gc['adj'][0]} Youth Exchange Camp"
        title = f"{name} held in {s.city}"
        lead = (
            f"The {name} was held in {s.city} from {when}, organised by the {s.host.org}."
            if variant == 0
            else f"Young people from both countries met in {s.city} on {when} for the "
            f"{name}, with {guest_name} attending."
        )
    body = (
        f"Both sides agreed to deepen {topics} between {hc['name'][0]} and {gc['name'][0]}. "
        f'"This is a milestone for our friendship," said {host_name}.'
    )
    if variant:
        body = f"Officials said the exchange would strengthen {topics}. {guest_name} thanked the hosts."
    text = f"{title}\n\n{s.city}, {when} -\n{lead} {body}{BOILERPLATE}"
    start = text.index(lead)
    people = [
        {
            "name": host_name,
            "title": s.host.title,
            "organization": s.host.org,
            "country": s.host.country,
            "role": "host",
        },
        {
            "name": guest_name,
            "title": s.guest.title,
            "organization": s.guest.org,
            "country": s.guest.country,
            "role": "guest",
        },
    ]
    truth = {
        "type": s.kind,
        "status": "occurred",
        "salience": "main",
        "name": name,
        "date": s.date,
        "end_date": s.end_date if variant == 0 else None,
        "place": {"name": s.city, "country": s.host.country},
        "countries": sorted({s.host.country, s.guest.country}),
        "organizations": [
            {"name": w.org, "acronym": None, "country": w.country, "role": r}
            for w, r in ((s.host, "host"), (s.guest, "guest"))
        ],
        "participants": people,
        "fields": list(s.fields),
        "size": s.size if s.kind == "visit" else None,
        "program": None,
        "evidence": [{"start": start, "end": start + len(lead)}],
    }
    return title, text, truth


def generate(n: int = 2000, seed: int = 7) -> list[tuple[str, str, dict[str, Any]]]:
    """n documents as (file name, text, truth record)."""
    rng = random.Random(seed)
    pool = people_pool(rng)
    docs: list[tuple[str, str, dict[str, Any]]] = []
    pending: list[Story] = []
    while len(docs) < n:
        if pending and rng.random() < 0.5:
            story, variant = pending.pop(rng.randrange(len(pending))), 1
        else:
            story, variant = make_story(rng, pool), 0
            if rng.random() < 0.35:
                pending.append(story)
        title, text, event = write_article(story, variant)
        name = f"{len(docs):05d}_{story.kind}_{story.host.country.lower()}_{story.guest.country.lower()}.txt"
        published = story.date if variant == 0 else story.end_date or story.date
        record = {
            "doc": name,
            "title": title,
            "published": published,
            "language": "en",
            "events": [event],
            "participants": event["participants"],
            "organizations": event["organizations"],
        }
        docs.append((name, text, record))
    return docs


def write_corpus(out: Path, n: int = 2000, seed: int = 7) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with open(out / ".truth.jsonl", "w", encoding="utf-8") as truth:
        for name, text, record in generate(n, seed):
            (out / name).write_text(text, encoding="utf-8")
            truth.write(json.dumps(record, ensure_ascii=False) + "\n")
            paths.append(out / name)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(
        description="Generate a templated exchange-news corpus.",
        epilog="Example: python benchmarks/gen_corpus.py /tmp/corpus --n 2000",
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = write_corpus(args.out, args.n, args.seed)
    print(f"wrote {len(paths)} documents to {args.out}")


if __name__ == "__main__":
    main()
