"""Rule packs: every built-in pack reads, and a bad pack is one line naming `file:line`."""

from __future__ import annotations

import datetime as dt

import pytest

from plnjournal.journal.pack_file import read, shipped
from plnjournal.journal.packs import Amount, PackError, cycle_of

GOOD = """\
name: A district pack
unit: points
required: 100
cycle: {years: 5, starts: 07-01}
categories:
  pd:
    per: hour
    units: 1
    cap: 20%
    minimum: 10
    when: any
"""


def test_every_built_in_pack_reads_and_says_where_its_facts_come_from() -> None:
    packs = shipped()
    assert sorted(packs) == ["ma", "ny-ctle", "oh", "tx-cpe", "va"]
    for name, text in packs.items():
        pack = read(name, name, text)
        assert pack.categories and pack.required > 0
        assert "CHECK THESE AGAINST THE STATE'S CURRENT RULES" in text
        assert text.count("#") >= len(pack.categories)  # a source comment for each category at least


def test_the_facts_of_the_issue_are_in_the_packs() -> None:
    va = read("va", "va", shipped()["va"])
    conference = va.category("conference")
    assert va.required == 270 and conference is not None and conference.cap == Amount(units=45)
    assert [(way.per, way.units) for way in conference.ways] == [("item", 15), ("day", 5)]
    tx = read("tx-cpe", "tx", shipped()["tx-cpe"])
    caps = {c.id: c.cap for c in tx.categories if c.cap}
    assert caps == {
        "presenting": Amount(share=0.1),
        "mentoring": Amount(share=0.3),
        "independent": Amount(share=0.2),
    }
    ny = read("ny-ctle", "ny", shipped()["ny-ctle"])
    assert ny.required == 100 and ny.category("ell").minimum == Amount(share=0.15)  # type: ignore[union-attr]
    assert {"sponsor", "sponsor_id"} <= set(ny.requires)
    assert read("oh", "oh", shipped()["oh"]).approval is True


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("cap: 20%", "cap: lots"),
            "credits/x.yaml:9: cap: expected units or a share such as 20%, found 'lots'",
        ),
        (("per: hour", "per: week"), "credits/x.yaml:7: per: 'week' is not one of hour, day, item"),
        (
            ("starts: 07-01", "starts: 13-01"),
            "credits/x.yaml:4: cycle starts: '13-01' is not a month-day (07-01)",
        ),
        (
            ("    when: any", "    wehn: any"),
            "credits/x.yaml:11: unknown key 'wehn' (the keys here: name, earn, cap,",
        ),
        (("required: 100", "required: many"), "credits/x.yaml:3: required: expected a number, found 'many'"),
        (("units: 1", "units: [1]"), "credits/x.yaml:8: units: expected a number, found [1]"),
        (
            ("cycle: {years: 5, starts: 07-01}", "cycle: {starts: 07-01}"),
            "credits/x.yaml:4: a cycle needs 'years'",
        ),
        (("name: A district pack", "name: [oops"), "credits/x.yaml:"),
    ],
)
def test_a_bad_pack_names_its_file_and_line(change: tuple[str, str], message: str) -> None:
    with pytest.raises(PackError) as raised:
        read("x", "credits/x.yaml", GOOD.replace(*change))
    assert raised.value.message.startswith(message)
    assert "\n" not in raised.value.message


def test_cycle_defaults_to_the_start_day_on_or_before_the_first_entry() -> None:
    pack = read("x", "x", GOOD)
    assert cycle_of(pack, dt.date(2025, 7, 8), dt.date(2026, 6, 30)) == (
        dt.date(2025, 7, 1),
        dt.date(2030, 6, 30),
    )
    assert cycle_of(pack, dt.date(2025, 6, 8), dt.date(2026, 6, 30)) == (
        dt.date(2024, 7, 1),
        dt.date(2029, 6, 30),
    )
    fixed = read("x", "x", GOOD.replace("{years: 5, starts: 07-01}", "{from: 2021-09-01, to: 2026-08-31}"))
    assert cycle_of(fixed, None, dt.date(2026, 6, 30)) == (dt.date(2021, 9, 1), dt.date(2026, 8, 31))
