"""geo._regex: IGNORECASE regexes answered from the lower-cased text must answer as written."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import events
from geo._regex import CASE_ODD, CaselessRegex, has_odd_case, lowered_regex


def test_only_the_odd_characters_part_a_lowered_regex_from_ignorecase() -> None:
    """Outside ``CASE_ODD`` every character that IGNORECASE equates with an ASCII letter lowers to
    that letter, lowers to one character, and lowers to a character of the same classes."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    classes = [re.compile(c) for c in (r"\w", r"\s", r"\d")]
    odd = set()
    for i in range(128, sys.maxunicode + 1):
        c = chr(i)
        low = c.lower()
        if low == c:
            if letter.fullmatch(c):
                odd.add(c)  # IGNORECASE takes it for a letter that lower() does not give
            continue
        one_like = len(low) == 1 and all(bool(k.fullmatch(c)) == bool(k.fullmatch(low)) for k in classes)
        as_letter = not letter.fullmatch(c) or ("a" <= low <= "z" and re.fullmatch(low, c, re.IGNORECASE))
        if not (one_like and as_letter):
            odd.add(c)
    assert odd == set(CASE_ODD)


@pytest.mark.parametrize(
    ("regex", "lowered"),
    [
        (r"\bMoUs?\b|\bGATT\b", r"\bmous?\b|\bgatt\b"),
        (r"\bSigned\s+\S+\W\B[A-Z]", r"\bsigned\s+\S+\W\B[a-z]"),
        (r"(?-i:[A-Z])\w+\s+war", None),
        (r"(?P<Verb>met)", None),
        (r"\x41id", None),
        (r"\bÉtat\b", None),
        (r"talks[’']", r"talks[’']"),
    ],
)
def test_lowered_regex_keeps_escapes_and_refuses_what_case_would_change(
    regex: str, lowered: str | None
) -> None:
    assert lowered_regex(regex) == lowered


# the module's regexes that are answered from lower-cased text
_CASELESS = [v for v in vars(events).values() if isinstance(v, CaselessRegex)]

_TEXTS = [
    "Talks between the Banks and its CREDITORS were postponed, but he may visit.",
    "the Iraqi situation in Baghdad; apart from Iran, the Bank said it would not",
    "EXCEPT FOR THE SYRIAN ISSUE, discussions on trade went on in the north of",
    "Plans To Meet Next Week; The Crisis In Lebanon Regarding <ABC.N> investors",
    "ſhareholders and ınvestors İn the company will propoſe a plan",
    "Its LENDERS, the Steering  Committee, bondholders and the Creditor bank; Banque, banco, bankers",
    "A REPORT on Iraq aimed at Cuba, on ways to persuade; Tensions with, studies of Histories; to review",
]


def test_every_caseless_regex_of_the_events_stage_is_lowered() -> None:
    assert len(_CASELESS) >= 8
    assert all(r.lowered is not None for r in _CASELESS), [r for r in _CASELESS if r.lowered is None]


@pytest.mark.parametrize("text", _TEXTS)
def test_caseless_regexes_answer_as_written(text: str) -> None:
    for regex in _CASELESS:
        assert regex.spans(text) == [m.span() for m in regex.pattern.finditer(text)], regex
        for pos in range(0, len(text), 7):
            for end in (pos + 5, pos + 30, len(text), len(text) + 9):
                expected = regex.pattern.search(text, pos, end) is not None
                assert regex.found(text, pos, end) == expected
                if not has_odd_case(text):
                    # with the caller's lower-cased text
                    assert regex.found(text, pos, end, text.lower()) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abAB sSkK.-,;\u0130\u0131\u017f\u00e9\u00c9\u212a")), max_size=30),
    st.integers(0, 35),
    st.integers(0, 35),
)
def test_found_equals_search_on_odd_text(text: str, pos: int, end: int) -> None:
    regex = CaselessRegex(r"(?<![\w.])s[ak]\b|\bb[a-s]+\s|K\.-")
    assert regex.found(text, pos, end) == (regex.pattern.search(text, pos, end) is not None)
    assert regex.spans(text) == [m.span() for m in regex.pattern.finditer(text)]


def test_news_sentences_get_the_same_answers(shared_dir) -> None:  # type: ignore[no-untyped-def]
    from geo.ingest import read_articles

    for article in read_articles([str(shared_dir / "dev_gold" / "articles.jsonl")]):
        low = None if has_odd_case(article.text) else article.text.lower()
        for s, e in events.split_sentences(article.text):
            sent = article.text[s:e]
            for regex in _CASELESS:
                assert regex.spans(sent) == [m.span() for m in regex.pattern.finditer(sent)]
                expected = regex.pattern.search(article.text, s, e) is not None
                assert regex.found(article.text, s, e) == expected
                assert regex.found(article.text, s, e, low) == expected


@pytest.mark.parametrize(
    ("regex", "superset"),
    [
        (r"\bhost\b(?=\s+(?-i:[A-Z]))", r"\bhost\b(?=\s+(?:[a-z]))"),
        (
            r"\bsank\b(?=\s+(?:an?|(?-i:[A-Z])))|\bAT\s+war\b",
            r"\bsank\b(?=\s+(?:an?|(?:[a-z])))|\bat\s+war\b",
        ),
        (r"\bmet\b", None),  # lowered_regex serves it
        (r"(?<!(?-i:[A-Z]))aid", None),  # a wider part inside "must not" can only fail more
        (r"(?!(?-i:X))\w+", None),
        (r"(?>(?-i:[A-Z])\w*)s", None),
        (r"(?-i:[A-Z])\w++s", None),
        (r"(?s-i:[A-Z])x(?-i:Y)", None),
        (r"\bUN(?-i:[^A-Z])", None),
    ],
)
def test_superset_regex_widens_the_case_sensitive_parts_only_where_safe(
    regex: str, superset: str | None
) -> None:
    from geo._regex import superset_regex

    assert superset_regex(regex) == superset


# regexes of the trigger lexicon's kind with a case-sensitive part, answered from a superset
_CASE_SENSITIVE_PART = [
    CaselessRegex(r"\bhost(?:s|ed|ing)?\b(?=\s+(?:(?-i:[A-Z])|the\s+(?-i:[A-Z])|visiting\b))"),
    CaselessRegex(r"\b(?:aid|loans?)\b|\bsubsid(?:y|ies)(?=\s+(?:[\w-]+\s+){0,3}?(?:to|for)\s+(?-i:[A-Z]))"),
    CaselessRegex(r"\b(?-i:[A-Z])\w+\s?[-–]\s?(?-i:[A-Z])\w+\s+(?:war|conflict)\b|\bat\s+war\b|\bsank\b"),
    CaselessRegex(r"\w+\s+(?-i:[A-Z])?\w"),  # matches that hold the start of another
    CaselessRegex(r"(?-i:[A-Z])\w+"),  # the superset matching one character early ("subsidyHost")
    CaselessRegex(r"(?-i:[A-Z])?k?"),  # empty matches: left to finditer
]


_PIECES = ["aid ", "loans", "subsidy", " to ", "for ", "Host", "host ", "ed", " Iran", " iraq", "-", "–"]
_PIECES += [" war", " At ", "sank", " ", "K", "\u212a", "\u017f", "\u0131", "the ", "visiting", "AID"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_a_superset_regex_finds_what_the_regex_finds(text: str) -> None:
    for regex in _CASE_SENSITIVE_PART:
        assert regex.superset is not None
        expected = [m.span() for m in regex.pattern.finditer(text)]
        assert regex.spans(text) == expected, regex
        if not has_odd_case(text):
            assert regex.spans(text, text.lower()) == expected, regex


def test_the_trigger_regexes_with_a_case_sensitive_part_have_a_superset() -> None:
    odd = [t for t in events.load_triggers() if t.regex.lowered is None]
    assert odd and all(t.regex.superset is not None for t in odd), [t.name for t in odd]
