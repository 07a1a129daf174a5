"""Which of a document's organisations take part in its events (parties), and which are only named."""

from __future__ import annotations

import re
from dataclasses import replace

from amity.annotate.gazetteer import gazetteer
from amity.extract.events import Candidate
from amity.extract.orgs import (
    OrgInfo,
    OrgTable,
    clean_org_name,
    country_in_name,
    is_generic,
    is_international,
    written_forms,
)
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
    # a short heading over the paragraph reporting an event ('• CRRC' over the meeting with its chairman)
    reported = {s.index for e in events for s in e.sentences} | {
        s.index for s in all_sentences if s.paragraph in paras
    }
    evidence += " " + " ".join(
        s.text
        for k, s in enumerate(all_sentences[:-1])
        if s.bullet
        and len(s.text.split()) <= 8
        and all_sentences[k + 1].index in reported
        and all_sentences[k + 1].paragraph != s.paragraph
    )
    folded = evidence.casefold()
    for o in orgs.all():
        if o.name in affiliated:
            keep.append(o)
            continue
        if any(form in titles for form in written_forms(o.name)):
            continue  # named inside someone's title ('Counselor of the Asia Department'), not a party
        if is_international(o.name) and not (_defined(o, text) or _convened(o, text)):
            continue  # 'a tour to ASEAN', 'the United Nations': a bloc or forum named in passing
        if any(form.casefold() in folded for form in written_forms(o.name)) or (
            o.acronym and re.search(rf"\b{re.escape(o.acronym)}\b", evidence)
        ):
            keep.append(o)
    # a participant's organisation is one of the record's, even when only their title names it
    known = {o.name for o in keep}
    for p in people:
        if p.organization and p.organization not in known and orgs.resolve(p.organization) is None:
            known.add(p.organization)
            keep.append(OrgInfo(p.organization, None, _own_country(p.organization), p.start))
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


def _own_country(name: str) -> str | None:
    return None if is_international(name) else country_in_name(name, gazetteer())


def _defined(o: OrgInfo, text: str) -> bool:
    """The text introduces the organisation with its acronym: 'the Organization for ... (OIC)'."""
    return bool(o.acronym) and f"({o.acronym})" in text


# what a bloc or international body holds: its summit, meeting, session
_GATHERING = (
    r"(?:[Ss]ummit|[Mm]eeting|[Cc]onference|[Ss]ession|[Gg]athering|[Mm]inisterial"
    r"|[Ll]eaders['’] [Mm]eeting)s?"
)


def _convened(o: OrgInfo, text: str) -> bool:
    """The body meets or holds an event the text reports: 'the BRICS summit', 'the 13th ASEAN
    Education Ministers Meeting', 'a summit of the Shanghai Cooperation Organization', 'signed by the
    European Union'."""
    names = [re.escape(n) for n in (o.name, o.acronym) if n]
    for m in re.finditer(rf"(?<![\w-])(?i:{'|'.join(names)})(?![\w-])", text):
        before, after = text[max(0, m.start() - 50) : m.start()], text[m.end() : m.end() + 50]
        if _GATHERING_AFTER.match(after) or _GATHERING_BEFORE.search(before) or _DONE_BY.search(before):
            return True
    return False


_GATHERING_AFTER = re.compile(rf"(?:\s+[A-Z][\w-]*){{0,3}}\s+{_GATHERING}\b")
_GATHERING_BEFORE = re.compile(rf"\b{_GATHERING}(?:\s+[a-z]+){{0,3}}\s+of\s+(?:the\s+)?$")
_DONE_BY = re.compile(
    r"\b(?:signed|hosted|organi[sz]ed|convened|visit(?:ed)?(?:\s+to\s+[A-Z][\w-]*)?)\s+by\s+(?:the\s+)?$"
)


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
