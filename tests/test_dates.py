from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.dates import find_dates, parse_iso_date, resolve_date

SAT = date(2020, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    ("text", "reference", "future", "expected"),
    [
        ("Mubarak met in Cairo on Thursday with the ambassador.", SAT, False, ("2020-11-19", "on Thursday")),
        ("Kohl will meet Mitterrand on Thursday.", SAT, True, ("2020-11-26", "on Thursday")),
        (
            "He met President Mubarak in Cairo late Sunday.",
            date(2020, 3, 2),
            False,
            ("2020-03-01", "late Sunday"),
        ),
        ("The attack on Monday killed two.", date(1987, 10, 19), False, ("1987-10-19", "on Monday")),
        ("a missile attack on a ship last Friday", date(1987, 10, 19), False, ("1987-10-16", "last Friday")),
        (
            "in a telephone conversation Tuesday morning",
            date(1987, 10, 20),
            False,
            ("1987-10-20", "Tuesday morning"),
        ),
        (
            "Gama paid a visit last November to Jakarta",
            date(2021, 5, 1),
            False,
            ("2020-11", "last November"),
        ),
        ("the committee will meet in Moscow next month", date(2021, 5, 1), True, ("2021-06", "next month")),
        (
            "Last month President Reagan announced the sanctions",
            date(1987, 1, 11),
            False,
            ("1986-12", "Last month"),
        ),
        (
            "is due to arrive in Lisbon on November 25, for two days of talks",
            date(2020, 11, 10),
            True,
            ("2020-11-25", "on November 25"),
        ),
        (
            "meet at the ministry in Lisbon on November 25, 2020.",
            None,
            False,
            ("2020-11-25", "on November 25, 2020"),
        ),
        ("In 2015, Peru and Chile formed a committee", SAT, False, ("2015", "In 2015")),
        ("They met on March 3 in Geneva.", date(1987, 3, 9), False, ("1987-03-03", "on March 3")),
        ("a visit to Bonn on April 1-2", date(1987, 3, 17), True, ("1987-04-01", "on April 1-2")),
        ("a meeting on 3 March", date(1987, 3, 9), False, ("1987-03-03", "on 3 March")),
        ("a Christmas visit on December 28", date(1988, 1, 5), False, ("1987-12-28", "on December 28")),
        ("talks on January 4", date(1987, 12, 20), True, ("1988-01-04", "on January 4")),
        ("arrived here last night", date(1987, 3, 11), False, ("1987-03-10", "last night")),
        ("signed here yesterday", date(1987, 3, 14), False, ("1987-03-13", "yesterday")),
        ("will hold talks today", date(1987, 3, 11), True, ("1987-03-11", "today")),
        ("will visit Kenya tomorrow", date(1987, 6, 2), True, ("1987-06-03", "tomorrow")),
        ("the talks in Washington this week", date(1987, 4, 24), False, ("1987-W17", "this week")),
        ("Talks with Baker next week", date(1987, 3, 31), True, ("1987-W15", "next week")),
        ("an accord signed last year", date(1987, 3, 5), False, ("1986", "last year")),
        ("who agreed in January on a denominator", date(1987, 3, 18), False, ("1987-01", "in January")),
        ("ties severed during the 1967 Arab-Israeli war", None, False, ("1967", "1967")),
        ("since January 2020, when the US struck", SAT, False, ("2020-01", "since January 2020")),
        ("several rounds of talks in recent years", SAT, False, (None, "in recent years")),
        ("Talks will resume on Thursday.", None, True, (None, "on Thursday")),
        ("No date in this sentence at all.", SAT, False, (None, None)),
        ("The May Day parade was held.", SAT, False, (None, None)),
        ("Prices rose 3.5 pct in March.", date(1987, 4, 2), False, ("1987-03", "in March")),
        # a month or weekday that opens the sentence, with its capitalised lead word
        (
            "In March the president announced sanctions under a July 1986 pact",
            date(1987, 4, 13),
            False,
            ("1987-03", "In March"),
        ),
        ("Last March the two ministers met in Rome", date(1987, 4, 13), False, ("1987-03", "Last March")),
        ("On Friday, the ministers met in Rome", date(1987, 4, 13), False, ("1987-04-10", "On Friday")),
        ("May the talks succeed, he said.", date(1987, 4, 13), False, (None, None)),
    ],
)
def test_resolve_date(
    text: str, reference: date | None, future: bool, expected: tuple[str | None, str | None]
) -> None:
    assert resolve_date(text, reference, future=future) == expected


def test_resolve_date_prefers_the_expression_nearest_the_trigger() -> None:
    text = "Villalobos last night met the envoy and will today resume talks with his staff."
    assert resolve_date(text, "1987-03-11", near=text.index("met")) == ("1987-03-10", "last night")
    assert resolve_date(text, "1987-03-11", future=True, near=text.index("resume talks")) == (
        "1987-03-11",
        "today",
    )


def test_find_dates_gives_spans_into_the_text() -> None:
    text = "They met on Monday and again on March 23, 1987."
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text
    assert [d.text for d in find_dates(text)] == ["on Monday", "on March 23, 1987"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1987-03-02", date(1987, 3, 2)),
        ("1987-03-02T10:00:00", date(1987, 3, 2)),
        ("March", None),
        (None, None),
    ],
)
def test_parse_iso_date(value: str | None, expected: date | None) -> None:
    assert parse_iso_date(value) == expected


def _find_dates_ungated(text: str) -> list[tuple[str, int, int, str]]:
    """find_dates with every pattern run, as it was before the cheap gates of _possible_kinds."""
    from geo import dates

    found, taken = [], []
    for kind, pattern in dates._PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "month" and not dates._plausible_month(m):
                continue
            found.append((kind, s, e, m.group(0)))
            taken.append((s, e))
    return sorted(found, key=lambda d: d[1])


@pytest.mark.parametrize(
    "text",
    [
        "Talks began on Monday and will resume next month.",
        "The Market fell; Marchers met in mid-March and early April 1987.",
        "He left Jan. 5, returned Sept 3 and again on 12 Dec 2001, in May.",
        "midMarch, earlyJune 1999, TONIGHT, Last Night, this Evening, Yesterday's talks",
        "In recent weeks, back then, it was RECENTLY said that soon, in the past two years",
        "Ministers meet on Tuesday and Wednesday morning; next WEEKEND; the coming year",
        "A deal worth 1,920 mln dlrs in 1986, 20 pct in 2003, since 1850, by 2020.",
        "yeſterday, ſoon, ınternatıonal talks this morning; \u0130stanbul on Friday",
        "No date at all in this sentence about tariffs and quotas.",
    ],
)
def test_find_dates_gates_skip_only_patterns_that_cannot_match(text: str) -> None:
    assert [(d.kind, d.start, d.end, d.text) for d in find_dates(text)] == _find_dates_ungated(text)


_DATE_PIECES = [
    "March", "Mar.", "May", "Sept", "Dec", "June", "Jun", "5", "12th", "31", "1987", "2001", "on", "In", "early",
    "late", "mid-", "mid", "next", "LAST", "coming", "of", "the", "Market", "x", " ", "  ", "\n", ",", ".", "-",
    "(", "pct", "s",
]  # fmt: skip


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=14))
def test_month_patterns_tried_near_month_names_find_what_finditer_finds(pieces: list[str]) -> None:
    # _month_matches tries a month pattern only at the few words before each month name
    from geo import dates

    text = "".join(pieces)
    for kind, pattern in dates._PATTERNS:
        if kind in dates._MONTH_KINDS:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in dates._month_matches(pattern, text)] == expected, kind
    assert [(d.kind, d.start, d.end, d.text) for d in find_dates(text)] == _find_dates_ungated(text)
