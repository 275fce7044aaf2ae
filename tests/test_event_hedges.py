"""Hedge words ("may", "could", "if") drop an event; capitalised look-alikes do not.

Sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from geo.events import find_events
from geo.mentions import find_mentions
from geo.records import Article


def _dyads(text: str, date: str = "2001-06-20") -> set[tuple[str, frozenset[str]]]:
    article = Article(id="t", text=text, date=date)
    return {(e.type.value, frozenset(e.countries)) for e in find_events(article, find_mentions(article))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OSLO, May 14 - Norway's Prime Minister telephoned Swedish Prime Minister Goran Persson on Monday.",
            {("call", frozenset({"NO", "SE"}))},
        ),
        (
            "Kenya and Tanzania on May 3 signed a border treaty in Nairobi.",
            {("agreement", frozenset({"KE", "TZ"}))},
        ),
        ("Kenya and Tanzania may sign a border treaty in Nairobi.", set()),
        ("Kenya and Tanzania could sign a border treaty if talks go well.", set()),
    ],
)
def test_month_may_is_not_a_hedge(text: str, expected: set[tuple[str, frozenset[str]]]) -> None:
    assert _dyads(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what should happen has not: a recommendation, no act
        ("The group said sanctions should be imposed against Japan as of April 1.", set()),
        ("Chinese officials told EC envoys that more joint ventures should be set up in China.", set()),
        ("Japan imposed sanctions against Iran on April 1.", {("hostile", frozenset({"JP", "IR"}))}),
    ],
)
def test_what_should_happen_after_the_trigger_is_no_event(
    text: str, expected: set[tuple[str, frozenset[str]]]
) -> None:
    assert _dyads(text) == expected
