"""Event deduplication across documents, and merging of the reports of one event. Pure functions."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from amity.data_files import load_json
from amity.resolve.names import event_name_key, name_numbers, person_tokens, place_key

MULTI_DAY_SLACK = 2  # days: reports of a multi-day event may give neighbouring days
UNDATED_WINDOW = 30  # days around publication in which an undated event may have happened
STATUS_RANK = {"occurred": 3, "planned": 2, "historical": 1}


def parse_interval(date: str | None, end_date: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) may stand for, extended to `end_date`."""
    if not date:
        return None
    try:
        lo, hi = _bounds(date)
        if end_date:
            _, end_hi = _bounds(end_date)
            hi = max(hi, end_hi)
    except ValueError:
        return None
    return lo, hi


def _bounds(date: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in date[:10].split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    d = dt.date(parts[0], parts[1], parts[2])
    return d, d


@dataclass(frozen=True)
class EventKey:
    """What deduplication compares: one report of an event, or an event merged from several."""

    type: str
    date: str | None = None
    end_date: str | None = None
    published: str | None = None  # of the (first) reporting document: anchors undated events
    name: str | None = None
    place_id: int | None = None
    countries: frozenset[str] = field(default_factory=frozenset)
    person_ids: frozenset[int] = field(default_factory=frozenset)
    org_ids: frozenset[int] = field(default_factory=frozenset)
    # Optional, for finer matching: the place as named and its country (a city inside the country the
    # other report names is compatible), and participants' names (a surname alone, a dropped surname).
    place_name: str | None = None
    place_country: str | None = None
    person_names: frozenset[str] = field(default_factory=frozenset)
    person_countries: frozenset[str] = field(default_factory=frozenset)  # of the named participants
    person_pairs: frozenset[tuple[str, str | None]] = field(default_factory=frozenset)  # (name, country)


def window(k: EventKey) -> tuple[dt.date, dt.date] | None:
    """The days the event may have happened: its dates, or a window around publication if undated."""
    iv = parse_interval(k.date, k.end_date)
    if iv:
        return iv
    pub = parse_interval(k.published)
    if not pub:
        return None
    return pub[0] - dt.timedelta(days=UNDATED_WINDOW), pub[1] + dt.timedelta(days=UNDATED_WINDOW)


def dates_compatible(a: EventKey, b: EventKey) -> bool:
    """Equal dates, one a prefix of the other, or multi-day spans within a day or two. An undated
    report only matches within a month of its publication; with no date and no publication, never."""
    if a.date and b.date:
        if a.date.startswith(b.date) or b.date.startswith(a.date):
            return True
        ia, ib = parse_interval(a.date, a.end_date), parse_interval(b.date, b.end_date)
        if not ia or not ib:
            return False
        slack = dt.timedelta(days=MULTI_DAY_SLACK if (a.end_date or b.end_date) else 0)
        return ia[0] <= ib[1] + slack and ib[0] <= ia[1] + slack
    wa, wb = window(a), window(b)
    if not wa or not wb:
        return False
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def countries_compatible(a: frozenset[str], b: frozenset[str], multilateral: bool = False) -> bool:
    """Country sets that nest. Reports of a multilateral event each list the attendees they care
    about ('leaders of China, India and ...'): for those, sets that share a country are compatible."""
    if not a or not b or a <= b or b <= a:
        return True
    return multilateral and bool(a & b)


def multilateral(a: EventKey, b: EventKey) -> bool:
    """A summit or forum (the types of `multilateral_types`: each report names the host and the
    attendees it cares about), or two reports that each name three or more countries or blocs."""
    if a.type in _rules()["multilateral_types"]:
        return True
    return len(a.countries) >= 3 and len(b.countries) >= 3 and len(a.countries & b.countries) >= 2


def _rules() -> dict[str, Any]:
    return load_json("dedup.json")  # type: ignore[no-any-return]


@lru_cache(maxsize=1 << 14)
def name_core(name: str) -> frozenset[str]:
    """The words of an event name that can tell events apart: no ordinals or years (`names_conflict`
    compares those), no stop words, no leading possessive ('China's Belt and Road Forum')."""
    tokens = event_name_key(name, ordinals=True).split()
    if len(tokens) > 2 and tokens[1] == "s":
        tokens = tokens[2:]
    stop = set(_rules()["name_stopwords"])
    return frozenset(t for t in tokens if t not in stop and not t.isdigit())


def name_relation(a: str | None, b: str | None) -> str | None:
    """'same' when two event names agree once case, ordinals and stop words are set aside ('BRICS
    Summit', 'Brics Plus summit'), 'contained' when the words of one are all in the other ('Belt and
    Road Forum' in 'Third Belt and Road Forum for International Cooperation'); None otherwise, and
    whenever the shorter name has only generic words ('the summit')."""
    if not a or not b:
        return None
    ca, cb = name_core(a), name_core(b)
    short, long = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    if not short - set(_rules()["generic_name_words"]):
        return None
    if ca == cb or same_name(a, b):
        return "same"
    if short <= long:
        return "contained"
    # 'the Belt and Road Initiative Forum': one word of a longer name missing from the other, not the
    # head word that says what the event is ('Media Salon' is not the 'Media Cooperation Forum')
    missing = short - long
    heads = {_head(a), _head(b)}
    if len(short) >= 4 and len(missing) == 1 and not missing & heads and None not in heads:
        return "similar"
    return None


def _head(name: str) -> str | None:
    """The last distinctive-or-generic word of an event name: what kind of event it is."""
    stop = set(_rules()["name_stopwords"])
    words = [t for t in event_name_key(name, ordinals=True).split() if t not in stop and not t.isdigit()]
    return words[-1] if words else None


def names_conflict(a: str | None, b: str | None) -> bool:
    """Two named events whose names carry different years or ordinals ('5th' vs '6th round')."""
    if not a or not b:
        return False
    na, nb = name_numbers(a), name_numbers(b)
    return bool(na and nb and na != nb)


def date_precision(a: EventKey, b: EventKey) -> str | None:
    """How exactly two reports pin the event down: 'day' when both give days that agree, 'near_day'
    when they give days a day or two apart (reports of a summit may date its first or second day),
    'month' or 'year' when the coarser one gives only that, 'undated' when one gives no date and the
    publication dates agree, 'unanchored' when a side has neither date nor publication date; None
    when the dates rule the event out."""
    if unanchored(a) or unanchored(b):
        return "unanchored"
    if not dates_compatible(a, b):
        if near_days(a, b):
            return "near_day"
        return None
    if not a.date or not b.date:
        return "undated"
    shortest = min(len(a.date[:10]), len(b.date[:10]))
    return "day" if shortest >= 10 else "month" if shortest >= 7 else "year"


def near_days(a: EventKey, b: EventKey) -> bool:
    """Both give days, at most MULTI_DAY_SLACK apart."""
    if not a.date or not b.date or len(a.date[:10]) < 10 or len(b.date[:10]) < 10:
        return False
    ia, ib = parse_interval(a.date, a.end_date), parse_interval(b.date, b.end_date)
    if not ia or not ib:
        return False
    slack = dt.timedelta(days=MULTI_DAY_SLACK)
    return ia[0] <= ib[1] + slack and ib[0] <= ia[1] + slack


def _place_info(name: str) -> tuple[str, str] | None:
    """(country, kind) of a place name in the gazetteer, or None when it is not known."""
    from amity.annotate.gazetteer import gazetteer

    info, _ = gazetteer().lookup(name, strict=False)
    return (info.country, info.kind) if info else None


def place_relation(a: EventKey, b: EventKey) -> str:
    """'same' place, 'within' (a city and the country it lies in), 'country' (both name only the same
    country), 'conflict' (cities or countries that differ), or 'unknown' (a side names no place, or
    the gazetteer cannot tell)."""
    if a.place_id is not None and a.place_id == b.place_id:
        info = _place_info(a.place_name) if a.place_name else None
        return "country" if info and info[1] == "country" else "same"
    if not a.place_name or not b.place_name:
        return "unknown"
    ia, ib = _place_info(a.place_name), _place_info(b.place_name)
    ca = a.place_country or (ia[0] if ia else None)
    cb = b.place_country or (ib[0] if ib else None)
    if ca and cb and ca != cb and len(ca) == 2 and len(cb) == 2:
        return "conflict"
    if place_key(a.place_name) == place_key(b.place_name):
        # one country named by both: compatible, but no evidence of one event ('a visit to China')
        return "country" if ia and ib and ia[1] == ib[1] == "country" else "same"
    if not ia or not ib or ia[0] != ib[0]:
        return "unknown"
    kinds = {ia[1], ib[1]}
    if "country" in kinds:
        return "country" if kinds == {"country"} else "within"
    if kinds <= {"city", "landmark"}:
        return "conflict"  # two different cities of one country
    return "unknown"  # a province and a city: the gazetteer does not say whether one holds the other


def people_overlap(a: EventKey, b: EventKey) -> str | None:
    """'same' when the reports share a resolved person, or name one person in two forms ('Thanh Huong'
    and 'Vu Thanh Huong'); 'surname' when one report gives a bare surname the other's full name ends or
    starts with; when both name people and none match, 'conflict' if they name different people of
    one country (two hosts, two guests), else 'disjoint' (each report may name its own side only);
    None when a side names nobody."""
    if a.person_ids & b.person_ids:
        return "same"
    surname = False
    for x in a.person_names:
        tx = person_tokens(x)
        for y in b.person_names:
            ty = person_tokens(y)
            if not tx or not ty:
                continue
            short, full = (tx, ty) if len(tx) <= len(ty) else (ty, tx)
            if "".join(sorted(short)) == "".join(sorted(full)):
                return "same"
            if len(short) >= 2 and (full[: len(short)] == short or full[-len(short) :] == short):
                return "same"
            if len(short) == 1 and short[0] in (full[0], full[-1]):
                surname = True
    if surname:
        return "surname"
    has_a = bool(a.person_ids or a.person_names)
    has_b = bool(b.person_ids or b.person_names)
    if not has_a or not has_b:
        return None
    return "conflict" if a.person_countries & b.person_countries else "disjoint"


def _matches(name: str, others: frozenset[tuple[str, str | None]]) -> bool:
    """The name is one of `others` written in full, shortened or reordered."""
    tx = person_tokens(name)
    for other, _ in others:
        ty = person_tokens(other)
        if not tx or not ty:
            continue
        short, full = (tx, ty) if len(tx) <= len(ty) else (ty, tx)
        if sorted(short) == sorted(full) or full[: len(short)] == short or full[-len(short) :] == short:
            return True
    return False


def counterpart_conflict(a: EventKey, b: EventKey) -> bool:
    """Two reports that share someone but each name a counterpart the other does not, from countries
    none of the shared people is from: 'X met the premier' and 'X met the president', or 'X met Y' and
    'X met Z', are two meetings. Members of the shared people's own sides are no conflict."""
    shared = {(n, c) for n, c in a.person_pairs if _matches(n, b.person_pairs)}
    if not shared:
        return False
    covered = {c for _, c in shared}

    def extras(x: EventKey, y: EventKey) -> set[tuple[str, bool]]:
        # (country, written in Chinese or Korean script): 索萨 and 'Celinda Sosa' cannot be told apart
        return {
            (c, _is_cjk(n))
            for n, c in x.person_pairs
            if c and c not in covered and not _matches(n, y.person_pairs)
        }

    # each names a counterpart the other does not (of a country no shared person is from), in one script
    return bool({s for _, s in extras(a, b)} & {s for _, s in extras(b, a)})


def _is_cjk(name: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in name)


def names_differ(a: str | None, b: str | None) -> bool:
    """Both events are named, each with words of its own, and the names are not alike: 'GCCA CEO
    Gathering' and 'ASEAN Ministerial Meeting' are two events wherever and whenever they were held."""
    if not a or not b or name_relation(a, b):
        return False
    generic = set(_rules()["generic_name_words"])
    return bool(name_core(a) - generic) and bool(name_core(b) - generic)


def same_name(a: str | None, b: str | None) -> bool:
    """Event names equal once case, punctuation and ordinals are normalised ('Fifth' = '5th')."""
    return bool(a and b and event_name_key(a, ordinals=True) == event_name_key(b, ordinals=True))


def same_days(a: EventKey, b: EventKey) -> bool:
    """Both reports give days, and their days overlap without any slack."""
    if not a.date or not b.date or len(a.date[:10]) < 10 or len(b.date[:10]) < 10:
        return False
    ia, ib = parse_interval(a.date, a.end_date), parse_interval(b.date, b.end_date)
    return bool(ia and ib and ia[0] <= ib[1] and ib[0] <= ia[1])


def unanchored(k: EventKey) -> bool:
    """No date, and no publication date to place it near: only its other facts tell it apart."""
    return window(k) is None


def same_facts(a: EventKey, b: EventKey) -> bool:
    """Two reports without any date that agree on everything else: type, countries, name, place, the
    people and organizations taking part; and name at least one of name, place, person or organization
    (two bare 'meetings between Korea and Japan' are not known to be one)."""
    if a.type != b.type or a.countries != b.countries or not a.countries:
        return False
    if (a.name or b.name) and not same_name(a.name, b.name):
        return False
    if (a.place_name or b.place_name or a.place_id or b.place_id) and place_relation(a, b) != "same":
        return False
    if a.person_ids != b.person_ids or a.org_ids != b.org_ids:
        return False
    if {person_key(n) for n in a.person_names} != {person_key(n) for n in b.person_names}:
        return False
    return bool(a.name or a.place_name or a.place_id or a.person_ids or a.person_names or a.org_ids)


def person_key(name: str) -> str:
    return " ".join(person_tokens(name))


def same_edition(a: EventKey, b: EventKey) -> bool:
    """Names alike that give the same edition ('third', '3rd', '2024'), with dates in one year: a
    numbered edition of a named event happens once."""
    if not a.name or not b.name or not a.date or not b.date:
        return False
    numbers = name_numbers(a.name)
    if not numbers or numbers != name_numbers(b.name) or not name_relation(a.name, b.name):
        return False
    return abs(int(a.date[:4]) - int(b.date[:4])) <= 0 and bool(a.countries & b.countries)


def shared_people(a: EventKey, b: EventKey) -> int:
    """How many resolved people both reports name."""
    return len(a.person_ids & b.person_ids)


@dataclass(frozen=True)
class Match:
    """Why two reports may be one event: the rule that took them (`basis`), the evidence found
    (field -> how it matched), its score (the weights of `dedup.json`, at most 1), and whether that is
    enough to merge them or only to link them as possible duplicates."""

    basis: str
    score: float
    evidence: tuple[tuple[str, str], ...]
    merge: bool

    def to_dict(self) -> dict[str, Any]:
        return {"basis": self.basis, "score": self.score, "evidence": dict(self.evidence)}


def assess(a: EventKey, b: EventKey) -> Match | None:
    """Whether two reports are one event, with the evidence for it; None when nothing links them.

    Never one event: different types, names with different numbers, country sets that do not nest
    (for a multilateral event: that share no country), dates that rule each other out, places that
    conflict (unless they share a person on the very same day: a report may take the place from an
    office). Otherwise the evidence needed grows as the dates get vaguer (`_rule`); a pair the rule
    takes merges when its score reaches `merge_threshold`, and a pair with some evidence but below
    the rule or the threshold is a possible duplicate when its score reaches `possible_threshold`.
    """
    if a.type != b.type or names_conflict(a.name, b.name) or names_differ(a.name, b.name):
        return None
    if not countries_compatible(a.countries, b.countries, multilateral(a, b)):
        return None
    if a.type == "meeting" and counterpart_conflict(a, b):
        return None
    precision = date_precision(a, b)
    if precision is None and same_edition(a, b):
        precision = "named_edition"  # 'the 3rd ... Forum' dated by its announcement in one report
    if precision is None:
        return None
    evidence = _evidence(a, b, precision)
    rules = _rules()
    score = _score(evidence, rules["weights"])
    ev = tuple(sorted(evidence.items()))
    basis = _rule(a, b, precision, evidence)
    if basis is not None and score >= rules["merge_threshold"]:
        return Match(basis, score, ev, True)
    if evidence.get("place") == "conflict":
        return None
    if score >= rules["possible_threshold"] and set(evidence) - {"date", "countries"}:
        return Match(basis or "partial evidence", score, ev, False)
    return None


def _evidence(a: EventKey, b: EventKey, precision: str) -> dict[str, str]:
    """field -> relation, for the fields on which the reports agree (and a place that conflicts)."""
    ev: dict[str, str] = {"date": precision}
    if precision == "unanchored" and unanchored(a) and unanchored(b) and same_facts(a, b):
        ev["all_facts"] = "same"
    shared = bool(a.countries & b.countries)
    if a.countries and a.countries == b.countries:
        ev["countries"] = "equal"
    people = people_overlap(a, b)
    if people == "same":
        ev["person"] = "same"
        if shared_people(a, b) >= 2:
            ev["more_people"] = "shared"
    elif people == "surname":
        ev["surname"] = "same"
    elif people in ("conflict", "disjoint"):
        ev["people"] = people
    name = name_relation(a.name, b.name)
    if name and shared:
        ev["name"] = name
        if a.name and b.name and name_numbers(a.name) and name_numbers(a.name) == name_numbers(b.name):
            ev["edition"] = "same"  # 'the third Belt and Road Forum' and the '3rd' one
    place = place_relation(a, b)
    if place == "conflict":
        ev["place"] = "conflict"
    elif place in ("same", "within", "country") and shared:
        ev["place"] = place
    if a.org_ids & b.org_ids and shared:
        ev["organization"] = "shared"
    return ev


def _score(evidence: dict[str, str], weights: dict[str, float]) -> float:
    """The sum of the weights of the evidence, at most 1: the date precision scores by its name,
    a field that matched fully by the field's name, a partial match by 'field_relation'."""
    total = 0.0
    for k, v in evidence.items():
        if k == "date":
            total += weights.get(v, 0.0)
        elif f"{k}_{v}" in weights:
            total += weights[f"{k}_{v}"]
        elif v in ("same", "shared"):
            total += weights.get(k, 0.0)
    return min(1.0, round(total, 3))


def _rule(a: EventKey, b: EventKey, precision: str, ev: dict[str, str]) -> str | None:
    """The merge rule of each date precision (see `assess`)."""
    name = ev.get("name")
    place = ev.get("place")
    # one country named by both is no evidence, but for a visit (a visit is to a country), within a month
    placed = place in ("same", "within") or (place == "country" and a.type == "visit" and precision != "year")
    no_conflict = ev.get("people") != "conflict"
    # an organization both name is no evidence when each names other people (two delegations to APEC)
    orgs = "organization" in ev and "people" not in ev
    person = "person" in ev and _person_enough(a, precision, ev)
    if place == "conflict":
        return "person (places differ)" if "person" in ev and same_days(a, b) else None
    if precision == "unanchored":
        if "all_facts" in ev:
            return "all facts (no dates)"
        if name and placed:
            return "name and place (no dates)"
        if "more_people" in ev and placed:
            return "people and place (no dates)"
        return None
    if precision == "named_edition":
        return "named edition" if name and place_relation(a, b) != "conflict" else None
    if precision == "near_day":
        if (name or person) and placed:
            return ("name" if name else "person") + " and place (days apart)"
        return None
    if precision == "year":
        if (person or name == "same") and (place_relation(a, b) not in ("unknown", "country") or orgs):
            return "person" if person else "name"
        return None
    if person:
        return "person"
    if name == "same":
        return "name"
    if name in ("contained", "similar") and placed:
        return "name and place"
    if precision == "day":
        if place == "same" and no_conflict:
            return "place"
        if orgs:
            return "organization"
        if "surname" in ev and (place == "within" or ev.get("countries") == "equal"):
            return "surname and " + ("place" if place == "within" else "countries")
        return None
    if orgs and (place == "same" or (precision == "month" and place == "within")):
        return "organization and place"
    if precision == "month" and place == "same" and no_conflict:
        return "place"
    return None


def _person_enough(a: EventKey, precision: str, ev: dict[str, str]) -> bool:
    """A shared person suffices on a shared day. Beyond it, a leader meets many people in a month and
    attends many summits in a year: a meeting needs two shared people (both sides), a summit or forum
    the same place or its name."""
    if precision == "day":
        return True
    if a.type == "meeting":
        return "more_people" in ev
    if a.type == "conference":
        return ev.get("place") == "same" or "name" in ev
    return True


def match_basis(a: EventKey, b: EventKey) -> str | None:
    """Why two reports are one event ('person', 'name', 'place', ...), or None when they are not
    merged (see `assess`)."""
    m = assess(a, b)
    return m.basis if m is not None and m.merge else None


def same_event(a: EventKey, b: EventKey) -> bool:
    return match_basis(a, b) is not None


def merge_events(reports: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One event's fields from its reports (spec event dicts, earliest-stored first): the first value
    given wins for names, the most specific date, the most advanced status, unions for lists."""
    if not reports:
        raise ValueError("an event needs at least one report")
    first = reports[0]
    merged: dict[str, Any] = {"type": first["type"]}
    merged["status"] = max(
        (r.get("status") or "occurred" for r in reports), key=lambda s: STATUS_RANK.get(s, 0)
    )
    merged["salience"] = "main" if any(r.get("salience") == "main" for r in reports) else "mentioned"
    for key in ("name", "program", "size"):
        merged[key] = next((r.get(key) for r in reports if r.get(key) is not None), None)
    dated = [r for r in reports if r.get("date")]
    best = max(dated, key=lambda r: len(r["date"]), default=None)
    merged["date"] = best["date"] if best else None
    merged["end_date"] = next((r.get("end_date") for r in dated if r.get("end_date")), None)
    merged["place"] = next(
        (r["place"] for r in reports if r.get("place") and r["place"].get("name")), None
    ) or next((r["place"] for r in reports if r.get("place")), None)
    merged["countries"] = sorted({c for r in reports for c in r.get("countries") or ()})
    merged["fields"] = sorted({f for r in reports for f in r.get("fields") or ()})
    merged["warnings"] = list(dict.fromkeys(w for r in reports for w in r.get("warnings") or ()))
    return merged


def part_holders(part_type: str) -> list[str]:
    """The types of event an event of `part_type` can be part of."""
    return list(_rules()["part_of"]["parts"].get(part_type, []))


def part_types(whole_type: str) -> list[str]:
    """The types of event an event of `whole_type` can hold."""
    return [p for p, holders in _rules()["part_of"]["parts"].items() if whole_type in holders]


def part_of(part: EventKey, whole: EventKey, same_doc: bool) -> Match | None:
    """Whether `part` happened within `whole`: a meeting or a signing on the sidelines of a summit, the
    talks of a state visit, a business forum during one. Such events stay separate records, linked.

    The part's type must be one `dedup.json` lets the whole's type hold; its days must lie within the
    whole's (a day's slack either side); its place must be the whole's or lie within it; its countries
    must be among a visit's, or share one with a summit's (a bloc they share, the summit's own, is
    evidence). When a side has no date, or the gazetteer
    cannot place one place in the other, only a report that gives both events is evidence enough
    (`same_doc`)."""
    if whole.type not in part_holders(part.type) or not part.countries or not whole.countries:
        return None
    if whole.type == "visit":
        if not part.countries <= whole.countries:
            return None
    elif not part.countries & whole.countries:
        return None
    ev: dict[str, str] = {}
    ip, iw = parse_interval(part.date, part.end_date), parse_interval(whole.date, whole.end_date)
    if ip and iw:
        slack = dt.timedelta(days=1)
        if not (iw[0] - slack <= ip[0] and ip[1] <= iw[1] + slack):
            return None
        ev["date"] = "within"
    elif not same_doc or (not dates_compatible(part, whole) and not unanchored(part)):
        return None  # a part with no date and no publication date is placed in time by its report
    place = place_relation(part, whole)
    if place == "conflict":
        return None
    if place in ("same", "within"):
        ev["place"] = place
    elif not same_doc:
        return None
    if part.person_ids & whole.person_ids or people_overlap(part, whole) == "same":
        ev["person"] = "same"
    if whole.type == "conference" and any(len(c) > 2 for c in part.countries & whole.countries):
        ev["bloc"] = "same"  # 'Putin met Iran's president at the BRICS gathering': the summit's bloc named
    if same_doc:
        ev["report"] = "same"
    if not same_doc and not ("date" in ev and "place" in ev):
        return None
    rules = _rules()["part_of"]
    score = min(
        1.0, round(sum(rules["weights"][k] for k in ev) - (0.1 if ev.get("place") == "within" else 0), 3)
    )
    if score < rules["threshold"]:
        return None
    return Match("part of", score, tuple(sorted(ev.items())), False)
