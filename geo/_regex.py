"""Case-insensitive regexes, run faster: the lexicons' patterns are written for ``re.IGNORECASE``,
but Python's ``re`` only skips an alternative by its first literal when case counts, so a big
alternation under IGNORECASE enters every branch at every position. Lower-casing the text and
matching a lower-cased pattern case-sensitively finds the same matches three to four times faster.
"""

from __future__ import annotations

import re

# The only characters on which an ASCII regex under IGNORECASE and the lower-cased text part ways:
# "ſ" and "ı" match "s" and "i" but lower() leaves them be, and "İ" lowers to two characters
# (tests/test_regex.py checks every Unicode character for this).
CASE_ODD = ("\u0130", "\u0131", "\u017f")


def has_odd_case(text: str) -> bool:
    """True when ``text`` holds one of :data:`CASE_ODD` (its lower-cased form would match otherwise)."""
    return not text.isascii() and any(c in text for c in CASE_ODD)  # isascii reads a flag


def lowered_regex(regex: str) -> str | None:
    """``regex`` for lower-cased text without IGNORECASE, matching there what ``regex`` matches
    under IGNORECASE in the text (bar the characters of :data:`CASE_ODD`): its letters lower-cased,
    escapes such as ``\\S`` kept. ``None`` when that cannot be said of it: it switches IGNORECASE
    off for a part (``(?-i:...)``), names groups or characters by code, or has a non-ASCII letter.

    >>> lowered_regex(r"\\bMoUs?\\s+\\S+")
    '\\\\bmous?\\\\s+\\\\S+'
    """
    if "(?-i" in regex or "(?P" in regex or re.search(r"\\[xuUN0-9]", regex):
        return None
    if any(not c.isascii() and (c.lower() != c or c.upper() != c) for c in regex):
        return None
    # a backslash and the character after it are an escape, left as written
    return "".join(part if part.startswith("\\") else part.lower() for part in re.split(r"(\\.)", regex))


def superset_regex(regex: str) -> str | None:
    """For a regex that switches IGNORECASE off for parts (``(?-i:[A-Z])``), a regex for the
    lower-cased text that matches at every position where ``regex`` matches under IGNORECASE in
    the text (bar the characters of :data:`CASE_ODD`), and perhaps at others: those parts read
    ignoring case too. ``None`` when that cannot be said of it: what :func:`lowered_regex` refuses,
    or a negated class (``[^A-Z]`` ignoring case matches less), negative look-around, atomic group
    or possessive repeat (where matching more can fail).

    >>> superset_regex(r"\\bhost(?=\\s+(?-i:[A-Z]))")
    '\\\\bhost(?=\\\\s+(?:[a-z]))'
    """
    if "(?-i:" not in regex or re.search(r"\[\^|\(\?<?!|\(\?>|\(\?\(|[*+?}]\+", regex):
        return None
    widened = regex.replace("(?-i:", "(?:")
    if re.search(r"\(\?[a-zA-Z]*-", widened):  # a flag turned off some other way
        return None
    return lowered_regex(widened)


class CaselessRegex:
    """A regex written for IGNORECASE that answers whether it occurs, from the lower-cased text
    where that gives the same answer (every regex :func:`lowered_regex` accepts, on any text
    without the characters of :data:`CASE_ODD`), else from the regex as written.

    >>> CaselessRegex(r"\\bbank(?:s|ers)\\b").found("Creditor BANKS met")
    True
    """

    __slots__ = ("lowered", "needs", "pattern", "superset")

    def __init__(self, regex: str, flags: int = 0, needs: tuple[str, ...] = ()) -> None:
        self.pattern = re.compile(regex, flags | re.IGNORECASE)
        # lower-cased words one of which every match holds: where none occurs in the lower-cased
        # text, :meth:`found` and :meth:`spans` need not run the regex (a big alternation tries
        # every position)
        self.needs = needs
        lowered = lowered_regex(regex)
        self.lowered = None if lowered is None else re.compile(lowered, flags & ~re.IGNORECASE)
        # a regex with a case-sensitive part: the lower-cased text still says where it may match
        superset = None if lowered is not None else superset_regex(regex)
        self.superset = None if superset is None else re.compile(superset, flags & ~re.IGNORECASE)

    def found(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None) -> bool:
        """Whether the regex matches in ``text[pos:endpos]``, as ``pattern.search(text, pos, endpos)``.

        ``low`` is ``text.lower()``, if the caller holds it for a text without a :data:`CASE_ODD`
        character: a long text is then not lower-cased again up to ``endpos`` at every call.
        """
        end = len(text) if endpos is None else min(endpos, len(text))
        if low is not None and self.lowered is not None:
            if self.needs and not any(low.find(word, pos, end) >= 0 for word in self.needs):
                return False
            return self.lowered.search(low, pos, end) is not None  # as if low ended at end
        head = text[:end]  # what the search sees: look-behinds and \b read before pos, nothing past end
        # (has_odd_case inlined: most texts are ASCII, and this runs for every short window)
        if self.lowered is None or (not head.isascii() and has_odd_case(head)):
            return self.pattern.search(text, pos, end) is not None
        head = head.lower()
        if self.needs and not any(head.find(word, pos) >= 0 for word in self.needs):
            return False
        return self.lowered.search(head, pos) is not None

    def spans(self, text: str, low: str | None = None) -> list[tuple[int, int]]:
        """The spans of ``pattern.finditer(text)``.

        ``low`` is ``text.lower()``, if the caller holds it for a text without a :data:`CASE_ODD`
        character.
        """
        if low is None:
            if (self.lowered is None and self.superset is None) or has_odd_case(text):
                return [m.span() for m in self.pattern.finditer(text)]
            low = text.lower()
        if self.lowered is not None:
            if self.needs and not any(word in low for word in self.needs):
                return []
            return [m.span() for m in self.lowered.finditer(low)]
        if self.superset is None:
            return [m.span() for m in self.pattern.finditer(text)]
        # As finditer: the first position from ``pos`` where the regex matches, then on from the end
        # of that match. The superset, fast on the lower-cased text, skips the positions where it
        # fails, as the regex (slow under IGNORECASE) does; the regex is tried where it matches.
        spans: list[tuple[int, int]] = []
        pos = 0
        while (maybe := self.superset.search(low, pos)) is not None:
            found = self.pattern.match(text, maybe.start())
            if found is None:
                pos = maybe.start() + 1
            elif found.end() == found.start():  # an empty match: leave finditer's rules to finditer
                return [m.span() for m in self.pattern.finditer(text)]
            else:
                spans.append(found.span())
                pos = found.end()
        return spans

    def __repr__(self) -> str:
        return f"CaselessRegex({self.pattern.pattern!r})"
