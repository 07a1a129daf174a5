"""Which of a document's organisations take part in its events (parties), and which are only named."""

from __future__ import annotations

import re
from dataclasses import replace

from amity.extract.events import Candidate
from amity.extract.orgs import OrgInfo, OrgTable, clean_org_name, is_generic, is_international
from amity.extract.people import PersonInfo


def doc_parties(
    orgs: OrgTable,
    people: list[PersonInfo],
    events: list[Candidate],
    text: str = "",
    all_sentences: tuple = (),
) -> list:  # type: ignore[type-arg]
    """Organisations that take part: people's affiliations and those named where events are reported."""
    keep = []
    affiliated = {p.organization for p in people if p.organization}
    titles = " ".join(p.title for p in people if p.title)
    for name in sorted((o.name for o in orgs.all()), key=len, reverse=True):
        if name in affiliated:
            titles = titles.replace(name, " ")  # 'Editor of China Daily Asia Pacific' is not 'China Daily'
    # where events are reported: their sentences, and the rest of the paragraph of a main event
    # ("The forum was held on June 21. It was hosted by the People's Government of Dezhou City.")
    paras = {s.paragraph for e in events for s in e.sentences if e.status == "occurred" or s.bullet}
    evidence = " ".join(s.text for e in events for s in e.sentences)
    evidence += " " + " ".join(s.text for s in all_sentences if s.paragraph in paras)
    for o in orgs.all():
        if o.name in affiliated:
            keep.append(o)
            continue
        if o.name in titles:
            continue  # named inside someone's title ('Counselor of the Asia Department'), not a party
        if is_international(o.name) and not _defined(o, text):
            continue  # 'a tour to ASEAN', 'the United Nations': a bloc or forum named in passing
        if o.name.casefold() in evidence.casefold() or (
            o.acronym and re.search(rf"\b{re.escape(o.acronym)}\b", evidence)
        ):
            keep.append(o)
    # an official's generic ministry is their country's
    for i, o in enumerate(keep):
        if o.country is None and is_generic(o.name):
            home = next((p.country for p in people if p.organization == o.name and p.country), None)
            if home and not any(k.name == o.name and k.country == home for k in keep):
                keep[i] = replace(o, country=home)
    # an event's own name ('Nuclear Consultative Group' launched as a programme) is not a party to it
    event_names = {clean_org_name(n) for e in events for n in (e.name, e.program) if n}
    kept = [
        o for o in keep if not _fragment(o.name, orgs.all(), text, affiliated) and o.name not in event_names
    ]
    return sorted(kept, key=lambda o: o.country is None)  # the specific before the unplaced


def _defined(o: OrgInfo, text: str) -> bool:
    """The text introduces the organisation with its acronym: 'the Organization for ... (OIC)'."""
    return bool(o.acronym) and f"({o.acronym})" in text


def _fragment(name: str, orgs: list[OrgInfo], text: str, affiliated: set[str] | None = None) -> bool:
    """A name the model cut out of a longer organisation's name, never written on its own; or a
    shortened wording of an organisation someone is affiliated with ('Vietnam External Relations
    Commission' for 'Central External Relations Commission of the Communist Party of Vietnam')."""
    longer = [o.name for o in orgs if o.name != name and name in o.name]
    if longer and text.count(name) <= sum(text.count(n) for n in longer):
        return True
    words = set(re.findall(r"[A-Za-z]+", name)) - {"of", "the", "and", "for"}
    return len(words) >= 3 and any(
        words < set(re.findall(r"[A-Za-z]+", other)) for other in (affiliated or set()) if other != name
    )
