"""Date expressions in news text, resolved against the article's date.

News copy dates events relative to the day it was written: "on Thursday", "last November",
"next month", "yesterday". :func:`find_dates` finds such expressions with their spans and
:func:`resolve_date` turns one into an ISO 8601 value whose precision follows the text: a day
(``2020-11-25``), a week (``2020-W48``), a month (``2020-11``) or a year (``2015``).

Tense matters for bare weekdays and months: in past-tense copy "on Thursday" is the latest
Thursday on or before the article date, in planned events it is the next one after it.

>>> from datetime import date
>>> resolve_date("He met the minister on Thursday.", date(2020, 11, 21))
('2020-11-19', 'on Thursday')
>>> resolve_date("will visit Moscow on November 25", date(2020, 11, 10), future=True)
('2020-11-25', 'on November 25')
>>> resolve_date("In 2015, they formed a committee.", None)
('2015', 'In 2015')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from geo._regex import has_odd_case

__all__ = ["DateExpression", "find_dates", "parse_iso_date", "resolve_date", "resolve_expression"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# case-blind: "In March" opens many sentences
_LEAD = r"(?:(?i:on|in|by|since|from|until|till|during|before|after|of|late|early|earlier|later)\s+)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# Order matters: longer, more specific patterns first; overlapping later matches are dropped.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "month_day",
        re.compile(
            rf"\b{_LEAD}(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*-\s*[0-3]?\d)?"
            rf"(?:,?\s+(?P<year>{_YEAR}))?\b(?!\s*(?:pct|percent|mln|billion|dlrs?|tonnes))"
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b{_LEAD}(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>(?i:last|next|this|coming))\s+|{_LEAD})(?P<weekday>{_WEEKDAY})"
            rf"(?:\s+and\s+{_WEEKDAY})?{_PART}\b(?!\s*'s)"
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:(?P<rel>(?i:last|next|this|coming))\s+|{_LEAD})(?:(?:early|late|mid-?)\s*)?(?P<month>{_MONTH})"
            rf"(?:\s+(?P<year>{_YEAR}))?\b(?!\s+[0-3]?\d\b)"
        ),
    ),
    (
        "relative_unit",
        re.compile(
            r"\b(?:(?:late|early|earlier|later)\s+)?(?:in\s+)?(?P<rel>last|next|this|coming|past|previous)\s+"
            r"(?P<unit>week|month|year|weekend)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "day_word",
        re.compile(
            r"\b(?P<word>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:(?:in|since|from|during|by|until|of|late|early)\s+)?(?P<year>{_YEAR})\b(?!\s*(?:pct|mln|tonnes|dlrs))",
            re.IGNORECASE,
        ),
    ),
    (
        "vague",
        re.compile(
            r"\b(?:in\s+recent\s+(?:years|months|weeks|days)|back\s+then|recently|soon"
            r"|in\s+the\s+past\s+(?:\w+\s+)?(?:years|months|weeks|days))\b",
            re.IGNORECASE,
        ),
    ),
]


# Cheap necessary conditions: a pattern runs only on text that holds what every match of it holds.
# The month patterns are case-sensitive, and in each the month name is followed by a space, a comma
# or a word's end (after "Jan." the dot may be left out): never by a word character ("Market").
_MONTH_NAME = re.compile(_MONTH + r"(?!\w)")
_WEEKDAY_NAME = re.compile(_WEEKDAY)  # case-sensitive too
_UNITS = ("week", "month", "year")  # "weekend" holds "week"
# what every match of the caseless "day_word" and "vague" patterns holds, in lower case ("last night")
_DAY_WORDS = ("today", "night", "yesterday", "tomorrow", "morning", "afternoon", "evening")
_VAGUE_WORDS = ("recent", "back", "soon", "past")


# Every match of the three month patterns holds a month name, and opens at a word's start at most
# two runs of non-space characters before it ("in early March", "on 5th March", "next mid-May"; no
# lead word is a month name): re tries them at every position, :func:`_month_matches` at a few.
_MONTH_KINDS = frozenset({"month_day", "day_month", "month"})
_WORD_START = re.compile(r"\b\w")


def _start_of_words_before(text: str, end: int, lo: int) -> int:
    """The start of the three runs of non-space characters before ``end`` (and of any run ``end`` is
    inside), not before ``lo``."""
    i = end
    while i > lo and not text[i - 1].isspace():
        i -= 1
    for _ in range(3):
        while i > lo and text[i - 1].isspace():
            i -= 1
        while i > lo and not text[i - 1].isspace():
            i -= 1
    return i


def _month_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a month pattern: for each month name after the last match, the
    first match opening at a word's start among the few words before it (none opens further back)."""
    pos = 0
    for name in _MONTH_NAME.finditer(text):
        if name.start() < pos:
            continue  # inside the last match
        opening = _start_of_words_before(text, name.start(), pos)
        for word in _WORD_START.finditer(text, opening, name.start() + 1):
            found = pattern.match(text, word.start())
            if found is not None:
                yield found
                pos = found.end()
                break


def _possible_kinds(text: str) -> set[str]:
    """The kinds of date expression that may occur in ``text`` (a superset of those that do)."""
    kinds = {"relative_unit", "day_word", "vague"}
    if _MONTH_NAME.search(text):
        kinds |= {"month_day", "day_month", "month"}
    if _WEEKDAY_NAME.search(text):
        kinds.add("weekday")
    if "19" in text or "20" in text or "18" in text:
        kinds.add("year")
    if has_odd_case(text):
        return kinds  # "ſoon" matches "soon" caselessly, but its lower case does not hold "soon"
    low = text.lower()
    if not any(u in low for u in _UNITS):
        kinds.discard("relative_unit")
    if not any(w in low for w in _DAY_WORDS):
        kinds.discard("day_word")
    if not any(w in low for w in _VAGUE_WORDS):
        kinds.discard("vague")
    return kinds


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in text: its kind, span and captured parts."""

    kind: str
    start: int
    end: int
    text: str
    parts: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> str | None:
        """The captured part ``name`` ("month", "day", "year", "weekday", "rel", "unit", "word")."""
        for key, value in self.parts:
            if key == name:
                return value
        return None


def parse_iso_date(value: str | date | None) -> date | None:
    """A :class:`~datetime.date` from ``YYYY-MM-DD`` (longer ISO strings are cut), else ``None``."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def find_dates(text: str) -> list[DateExpression]:
    """Every date expression in ``text``, by start, without overlaps.

    >>> [d.text for d in find_dates("Talks began on Monday and will resume next month.")]
    ['on Monday', 'next month']
    """
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    possible = _possible_kinds(text)
    for kind, pattern in _PATTERNS:
        if kind not in possible:
            continue
        for m in _month_matches(pattern, text) if kind in _MONTH_KINDS else pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "month" and not _plausible_month(m):
                continue
            parts = tuple((k, v) for k, v in m.groupdict().items() if v)
            found.append(DateExpression(kind, s, e, m.group(0), parts))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found


def _plausible_month(m: re.Match[str]) -> bool:
    """ "May" and "March" are also words: accept them only where a date reads naturally."""
    word = m.group("month")
    if word.lower().rstrip(".") not in {
        "may",
        "march",
        "mar",
        "jun",
        "jan",
        "dec",
        "sep",
        "oct",
        "nov",
        "aug",
    }:
        return True
    lead = m.group(0)[: m.start("month") - m.start()].strip()
    return bool(lead) or bool(m.group("year"))


def resolve_expression(expr: DateExpression, reference: date | None, *, future: bool = False) -> str | None:
    """The ISO value of ``expr`` against ``reference`` (``None`` when it cannot be placed)."""
    kind = expr.kind
    year_s = expr.get("year")
    if kind in {"month_day", "day_month"}:
        month = _MONTHS[expr.get("month").lower().rstrip(".")]  # type: ignore[union-attr]
        day = int(expr.get("day") or 0)
        if year_s:
            return _safe_date(int(year_s), month, day)
        if reference is None:
            return None
        candidate = _safe_date(reference.year, month, day)
        if candidate is None:
            return None
        value = date.fromisoformat(candidate)
        # a date far on the wrong side of the article date belongs to the neighbouring year
        if not future and value > reference + timedelta(days=31):
            return _safe_date(reference.year - 1, month, day)
        if future and value < reference - timedelta(days=31):
            return _safe_date(reference.year + 1, month, day)
        return candidate
    if kind == "weekday":
        if reference is None:
            return None
        target = _WEEKDAYS[expr.get("weekday").lower()]  # type: ignore[union-attr]
        rel = (expr.get("rel") or "").lower()
        delta = (target - reference.weekday()) % 7
        if rel in {"next", "coming"} or (future and rel != "last"):
            delta = delta or 7
            return (reference + timedelta(days=delta)).isoformat()
        if rel == "this":
            return (reference + timedelta(days=delta if future else delta - 7 if delta else 0)).isoformat()
        back = (reference.weekday() - target) % 7
        if rel == "last":
            back = back or 7
        return (reference - timedelta(days=back)).isoformat()
    if kind == "month":
        month = _MONTHS[expr.get("month").lower().rstrip(".")]  # type: ignore[union-attr]
        if year_s:
            return f"{int(year_s):04d}-{month:02d}"
        if reference is None:
            return None
        rel = (expr.get("rel") or "").lower()
        year = reference.year
        backward = rel == "last" or (not rel and not future)
        if backward and (month > reference.month or (rel == "last" and month == reference.month)):
            year -= 1
        elif (
            not backward
            and (rel in {"next", "coming"} or future)
            and (month < reference.month or (rel == "next" and month == reference.month))
        ):
            year += 1
        return f"{year:04d}-{month:02d}"
    if kind == "relative_unit":
        if reference is None:
            return None
        rel = (expr.get("rel") or "").lower()
        unit = (expr.get("unit") or "").lower()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        if unit in {"week", "weekend"}:
            iso = (reference + timedelta(weeks=step)).isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
        if unit == "month":
            index = reference.year * 12 + reference.month - 1 + step
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
        return f"{reference.year + step:04d}"
    if kind == "day_word":
        if reference is None:
            return None
        word = re.sub(r"\s+", " ", (expr.get("word") or "").lower())
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return (reference + timedelta(days=offset)).isoformat()
    if kind == "year" and year_s:
        return year_s
    return None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve_date(
    text: str, reference: date | str | None, *, future: bool = False, near: int | None = None
) -> tuple[str | None, str | None]:
    """Find the date expression in ``text`` and resolve it against ``reference``.

    Parameters
    ----------
    text
        A sentence or a phrase.
    reference
        The article's date (a :class:`~datetime.date` or ``YYYY-MM-DD``), or ``None``.
    future
        Resolve bare weekdays and months forward (for planned events).
    near
        Prefer the expression closest to this offset (the event's trigger); else the first.

    Returns
    -------
    (iso, date_text)
        ``iso`` is ``None`` when the expression cannot be placed ("in recent years", or a
        weekday with no article date); both are ``None`` when there is no date expression.
    """
    ref = parse_iso_date(reference)
    found = find_dates(text)
    if not found:
        return None, None
    if near is None:
        expr = found[0]
    else:
        expr = min(
            found,
            key=lambda d: (
                0 if d.start <= near < d.end else min(abs(d.start - near), abs(d.end - near)),
                d.start,
            ),
        )
    return resolve_expression(expr, ref, future=future), expr.text
