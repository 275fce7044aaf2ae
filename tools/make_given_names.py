"""Regenerate the sourced block of ``given_names.txt`` from gender-guesser's name dictionary.

Source: ``nam_dict.txt`` by Jörg Michael (2008), shipped inside the PyPI package
``gender-guesser`` 0.4.0, GNU Free Documentation License 1.2 or later. Each name has a frequency
class (1-13, logarithmic; 10 = at least 2 % of people, each step a factor of two) in each of 54
countries or regions. We keep a name when it is common somewhere:

* class >= 7 (about 0.25 % of people or more) in any country; or
* class >= 5 in the regions the dictionary covers from thinner statistics (Arabia/Persia,
  India/Sri Lanka, China, Japan, Korea, Vietnam, Turkey, Central Asia, Israel), so that
  Arabic, Persian, South and East Asian names are not under-represented.

Names shorter than three letters, names that are lexicon function words or stop names, and
names that are very frequent English words (wordfreq Zipf >= 5: "may", "will", "than") are
left out; accented names also get their unaccented form.

Usage (a dev tool: needs ``pip install gender-guesser wordfreq``; nothing runs it at run time)::

    python data/lexicon/make_given_names.py > /tmp/block.txt
"""

from __future__ import annotations

import sys
import textwrap
import unicodedata
from importlib.resources import files
from pathlib import Path

COUNTRIES = (
    "great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands "
    "east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia lithuania "
    "poland czech_republic slovakia hungary romania bulgaria bosnia croatia kosovo macedonia montenegro "
    "serbia slovenia albania greece russia belarus moldova ukraine armenia azerbaijan georgia the_stans "
    "turkey arabia israel china india japan korea vietnam other_countries"
).split()
THIN = {"arabia", "india", "china", "japan", "korea", "vietnam", "turkey", "the_stans", "israel"}
HERE = Path(__file__).resolve().parents[1] / "data" / "lexicon"


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def common_names() -> set[str]:
    """Lower-case given names that are common in at least one country (see module docstring)."""
    from wordfreq import zipf_frequency

    skip = set()
    for fname in ("function_words.txt", "stopnames.txt"):
        for line in (HERE / fname).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                skip.update(w.lower() for w in line.split())
    text = files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        name, values = line[3:29].strip(), line[30 : 30 + len(COUNTRIES)]
        freq = {c: int(ch, 16) for c, ch in zip(COUNTRIES, values) if ch.strip()}
        if not any(f >= 7 or (f >= 5 and c in THIN) for c, f in freq.items()):
            continue
        # "Jun+Wei" stands for "Jun-Wei", "Jun Wei" and "Junwei"; one word per entry here
        for form in {name.replace("+", ""), name.replace("+", "-")}:
            low = form.lower()
            for w in {low, _fold(low)}:
                if (
                    len(w) >= 3
                    and w not in skip
                    and zipf_frequency(w, "en") < 5.0
                    and w.replace("-", "").isalpha()
                ):
                    out.add(w)
    return out


def main() -> int:
    names = sorted(common_names())
    sys.stdout.write("\n".join(textwrap.wrap(" ".join(names), 100, break_on_hyphens=False)) + "\n")
    sys.stderr.write(f"{len(names)} names\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
