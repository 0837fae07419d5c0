"""Ids are slugs of names; no name can escape or misname a path."""

from __future__ import annotations

import pytest

from plnjournal.journal.ids import is_valid_id, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Jane Doe", "jane-doe"),
        ("José Martínez", "jose-martinez"),
        ("#sschat", "sschat"),
        ("../../etc/passwd", "etc-passwd"),
        (".hidden", "hidden"),
        ("a/b\\c", "a-b-c"),
        ("CON", "con-person"),
        ("  Édcamp   Tulsa!! ", "edcamp-tulsa"),
    ],
)
def test_slugs(name: str, slug: str) -> None:
    assert slugify(name, fallback="person") == slug


def test_a_name_without_latin_letters_gets_a_stable_fallback() -> None:
    first = slugify("李明", fallback="person")
    assert first.startswith("person-") and is_valid_id(first)
    assert slugify("李明", fallback="person") == first
    assert slugify("!!!", fallback="person") != first


def test_long_names_are_cut_at_a_hyphen_within_the_limit() -> None:
    slug = slugify("word " * 40, fallback="x", limit=80)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.startswith("word-word")
