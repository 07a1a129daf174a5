"""Checking what a user asks the registry for, in one place for the CLI and the API: dates, country
codes and row limits. Each check returns the value to use or raises `InputError` saying what is wrong
and what is accepted ("korea: did you mean KR or KP?")."""

from __future__ import annotations

import calendar
import re
from functools import cache

from amity.errors import InputError

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025, 2025-03 or 2025-03-14"
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Kosovo (user-assigned in ISO 3166), and the country of international organisations
EXTRA_CODES = {"XK": "Kosovo", "INTL": "international organizations"}
MAX_SUGGESTIONS = 4
# exactly the dates check_date accepts, as one regular expression without look-arounds (for the API's
# OpenAPI schema): years 1000-9999, months 01-12, the days of each month, 29 February in leap years
_MONTH_DAY = r"(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31"
_LEAP_YEAR = r"[1-9][0-9](0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00"
DATE_PATTERN = (
    rf"^([1-9][0-9]{{3}}(-(0[1-9]|1[0-2]))?|[1-9][0-9]{{3}}-({_MONTH_DAY})|({_LEAP_YEAR})-02-29)$"
)


def check_date(value: str | None, option: str = "date") -> str | None:
    """`value` when it is a real date or date prefix (None means none); else InputError."""
    if value is None:
        return None
    m = _DATE.fullmatch(value)
    if not m:
        raise InputError(f"{option} {value!r} is not a date", f"write {DATE_FORMS}")
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    if month is not None and not 1 <= month <= 12:
        raise InputError(f"{option} {value!r} has no month {month}", f"write {DATE_FORMS}")
    if day is not None and month and not 1 <= day <= calendar.monthrange(year or 4, month)[1]:
        raise InputError(
            f"{option} {value!r} is not a day of {calendar.month_name[month]} {year}",
            f"write {DATE_FORMS}",
        )
    if year < 1000:
        raise InputError(f"{option} {value!r}: years start at 1000", f"write {DATE_FORMS}")
    return value


@cache
def known_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, amity's bloc codes and its extra codes."""
    import pycountry

    from amity.data_files import load_json

    blocs = load_json("places.json")["blocs"].values()
    return frozenset([c.alpha_2 for c in pycountry.countries] + list(blocs) + list(EXTRA_CODES))


def country_pattern() -> str:
    """A regular expression (JSON Schema dialect, no flags) matching exactly the codes check_country
    accepts, in any case, or nothing (no filter)."""
    def anycase(text: str) -> str:
        return "".join(f"[{c}{c.lower()}]" if c.isalpha() else re.escape(c) for c in text)

    two = sorted(c for c in known_codes() if len(c) == 2)
    groups = []
    for first in sorted({c[0] for c in two}):
        seconds = "".join(f"{c[1]}{c[1].lower()}" for c in two if c[0] == first)
        groups.append(f"[{first}{first.lower()}][{seconds}]")
    longer = [anycase(c) for c in sorted(c for c in known_codes() if len(c) > 2)]
    return "^(?:" + "|".join(groups + longer) + ")?$"


def country_suggestions(value: str) -> list[tuple[str, str]]:
    """(code, name) of the countries or blocs `value` may mean: a name or alias, a word of a name
    ('korea' -> KR, KP), a nationality, or a code one letter off."""
    from amity.annotate.gazetteer import fold, gazetteer

    g = gazetteer()
    key = fold(value)
    found: list[str] = []

    def add(code: str | None) -> None:
        if code and code not in found:
            found.append(code)

    add(g.country_of_name(value))
    add(g.bloc(value) or g.bloc(value.upper()))
    add(g.demonym(value.strip().title()))
    if len(key) >= 3:
        for name, code in sorted(g.countries.items()):
            if key in re.findall(r"[\w']+", name) or (len(key) >= 4 and name.startswith(key)):
                add(code)
    upper = value.strip().upper()
    if not found and len(upper) == 2:
        for code in sorted(known_codes()):
            if len(code) == 2 and sum(a != b for a, b in zip(code, upper, strict=True)) == 1 and (
                code[0] == upper[0]
            ):
                add(code)
    names = {**EXTRA_CODES, **g.country_names}
    return [(c, names.get(c, c)) for c in found[:MAX_SUGGESTIONS]]


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def check_country(value: str, option: str = "country") -> str:
    """The upper-cased code when `value` is a known country or bloc code; else InputError naming the
    codes it may mean."""
    code = value.upper()
    if code in known_codes():
        return code
    shown = value.strip()[:40]
    suggestions = country_suggestions(value.strip()[:80])
    if suggestions:
        meant = _or([f"{c} ({name})" for c, name in suggestions])
        raise InputError(f"{option} {shown!r} is not a country code: did you mean {meant}?",
                         "give an ISO 3166-1 alpha-2 code such as CN or KR, or a bloc such as ASEAN or EU")
    raise InputError(f"{option} {shown!r} is not a country or bloc code",
                     "give an ISO 3166-1 alpha-2 code such as CN or KR, or a bloc such as ASEAN or EU")


def check_countries(values: list[str] | tuple[str, ...], option: str = "country") -> tuple[str, ...]:
    """Known codes, upper-cased and de-duplicated; at most two (a pair). Empty values are ignored."""
    out: list[str] = []
    for value in values:
        if value:
            code = check_country(value, option)
            if code not in out:
                out.append(code)
    if len(out) > 2:
        raise InputError(f"{len(out)} countries given to {option}", "give one country, or two for a pair")
    return tuple(out)


def check_limit(value: str | int | None, option: str = "limit", default: int = 50) -> int | None:
    """A row limit: a whole number of at least 1, or 'all' (None: no limit)."""
    if value is None:
        return default
    text = str(value).strip().lower()
    if text == "all":
        return None
    if not re.fullmatch(r"[+]?\d+", text) or int(text) < 1:
        raise InputError(f"{option} {str(value)[:40]!r} is not a number of rows",
                         "give a whole number of at least 1, or 'all'")
    return int(text)
