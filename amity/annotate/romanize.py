"""Romanized keys of Chinese and Korean names, for matching one person across languages:
Hanyu Pinyin without tones for Chinese (王毅 -> 'wang yi'), Revised Romanization for Korean
(김홍균 -> 'kim honggyun', the surname in its conventional spelling): surname, a space, the given
name written together."""

from __future__ import annotations

import re
import unicodedata

from amity.data_files import load_json

# surnames whose reading differs from the character's commonest one
_ZH_SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "仇": "qiu",
    "解": "xie",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "翟": "zhai",
    "盖": "ge",
    "乐": "yue",
    "缪": "miao",
    "覃": "qin",
    "尉迟": "yuchi",
    "万俟": "moqi",
    "长孙": "zhangsun",
    "纪": "ji",
    "柏": "bai",
    "秘": "bi",
    "燕": "yan",
    "折": "she",
    "员": "yun",
    "种": "chong",
    "华": "hua",
}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HAN = re.compile(r"[\u3400-\u9fff]")


def romanized_key(name: str, language: str) -> str:
    """A lower-case romanized key of a person's name: 'wang yi', 'xi jinping', 'gim honggyun'.
    Transliterated foreign names keep their parts ('伊姆兰・汗' -> 'yimulan han'); other text is
    lower-cased and returned with its spaces normalised."""
    name = unicodedata.normalize("NFKC", name).strip()
    if not name:
        return ""
    lang = (language or "").split("-")[0].lower()
    if lang == "ko" or (_HANGUL.search(name) and not _HAN.search(name)):
        return _korean(name)
    if lang == "zh" or _HAN.search(name):
        return _chinese(name)
    return " ".join(name.lower().split())


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s・·•‧.\-]+", name) if p]


def _chinese(name: str) -> str:
    from pypinyin import Style, lazy_pinyin

    def py(s: str) -> str:
        return "".join(lazy_pinyin(s, style=Style.NORMAL, errors="default")).lower()

    parts = _parts(name)
    if len(parts) > 1:
        return " ".join(py(p) for p in parts)
    data = load_json("zh/shapes.json")
    compound = next((c for c in data["compound_surnames"] if name.startswith(c)), None)
    surname = compound or name[0]
    if (compound or name[0] in data["surnames"]) and 2 <= len(name) <= 4:
        given = name[len(surname) :]
        reading = _ZH_SURNAME_READINGS.get(surname) or py(surname)
        return f"{reading} {py(given)}".strip()
    return py(name)


def _korean(name: str) -> str:
    from korean_romanizer.romanizer import Romanizer

    def rr(s: str) -> str:
        return re.sub(r"[^a-z]", "", Romanizer(s).romanize().lower())

    parts = _parts(name)
    if len(parts) > 1:
        return " ".join(rr(p) for p in parts)
    data = load_json("ko/shapes.json")
    compound = next((c for c in data["compound_surnames"] if name.startswith(c)), None)
    surname = compound or name[0]
    if 2 <= len(name) <= 4 and (compound or name[0] in data["surnames"]):
        spelling = data.get("surname_spellings", {}).get(surname) or rr(surname)
        return f"{spelling} {rr(name[len(surname) :])}"
    return rr(name)


# Revised Romanization and the spellings Koreans use in English differ in voicing (Hong-gyun and
# Hong-kyun), in eo/u (Jeong-min, Jung-min), oo/u (Se-hoon, Se-hun) and r/l: a name compared across
# the two writings is compared on this folded form.
_KO_FOLDS = (
    ("kk", "g"),
    ("tt", "d"),
    ("pp", "b"),
    ("ch", "j"),
    ("sh", "s"),
    ("k", "g"),
    ("t", "d"),
    ("p", "b"),
    ("r", "l"),
    ("eo", "u"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ae", "e"),
    ("wo", "w"),
)


def korean_fold(key: str) -> str:
    """A romanized Korean name's letters with the differences between spelling systems folded:
    'kim hong-kyun' and 'gim honggyun' both give 'gimhonggyun'."""
    s = re.sub(r"[^a-z]", "", key.lower())
    for a, b in _KO_FOLDS:
        s = s.replace(a, b)
    return s
