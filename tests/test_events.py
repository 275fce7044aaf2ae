from __future__ import annotations

import pytest

from geo.events import EVENT_COLUMNS, extract_events, find_events, iter_events, load_triggers, split_sentences
from geo.records import Article, EventStatus, EventType


def events_of(text: str, gazetteer: object, date: str | None = "2020-11-21"):  # type: ignore[no-untyped-def]
    from geo.mentions import find_mentions

    article = Article(id="t", text=text, date=date)
    return find_events(article, find_mentions(article, gazetteer=gazetteer), gazetteer=gazetteer)


def summary(events) -> set[tuple[str, frozenset[str], str]]:  # type: ignore[no-untyped-def]
    return {(e.type.value, frozenset(e.countries), e.status.value) for e in events}


# (text, events that must be found, (type, states) that must not be found)
HARD = [
    pytest.param(
        "Iraqi Foreign Minister Fuad Hussein will pay an official visit to Moscow on November 25, "
        "to hold talks with his Russian counterpart Sergey Lavrov.",
        {("visit", frozenset({"IQ", "RU"}), "planned"), ("meeting", frozenset({"IQ", "RU"}), "planned")},
        set(),
        id="planned-visit-with-talks",
    ),
    pytest.param(
        "The Japanese ambassador paid a courtesy call on the Indian Prime Minister in New Delhi on Monday.",
        {("meeting", frozenset({"JP", "IN"}), "occurred")},
        {("call", frozenset({"JP", "IN"}))},
        id="courtesy-call-is-a-meeting",
    ),
    pytest.param(
        "A Saudi oil official told Reuters by telephone from Riyadh that output would not change.",
        set(),
        {("call", frozenset({"SA"}))},
        id="told-reuters-by-telephone-is-nothing",
    ),
    pytest.param(
        "U.S. President Reagan and Japanese Prime Minister Nakasone discussed trade in a telephone conversation on Tuesday.",
        {("call", frozenset({"US", "JP"}), "occurred")},
        set(),
        id="phone-conversation",
    ),
    pytest.param(
        "Hussein stressed the need to form an operations room comprising five members of Iraq, Syria, Jordan, "
        "Turkey, and Lebanon to confront the IS group.",
        {("alliance", frozenset({"IQ", "SY", "JO", "TR", "LB"}), "planned")},
        set(),
        id="proposed-alliance-of-five",
    ),
    pytest.param(
        "In 2015, Russia and Iraq together with Iran and Syria formed a joint intelligence-sharing committee, "
        "with its operation rooms based in Baghdad's Green Zone and Damascus.",
        {("alliance", frozenset({"RU", "IQ", "IR", "SY"}), "occurred")},
        set(),
        id="background-alliance",
    ),
    pytest.param(
        "Indian and Australian businessmen signed a memorandum of understanding to boost trade.",
        set(),
        {("agreement", frozenset({"IN", "AU"}))},
        id="company-deal-is-nothing",
    ),
    pytest.param(
        "The United States imposed sanctions on Libya on Thursday.",
        {("hostile", frozenset({"US", "LY"}), "occurred")},
        set(),
        id="sanctions",
    ),
    pytest.param(
        "Israeli jets attacked Palestinian guerrilla positions near Sidon in southern Lebanon today.",
        {("hostile", frozenset({"IL", "LB"}), "occurred")},
        set(),
        id="air-raid",
    ),
    pytest.param(
        "Tunisia has decided to break diplomatic relations with Iran, the foreign ministry said.",
        {("hostile", frozenset({"TN", "IR"}), "occurred")},
        set(),
        id="break-relations",
    ),
    pytest.param(
        "U.S. Energy Secretary John Herrington arrived in Rabat on Monday. "
        "Morocco is the last stop of a tour that has taken Herrington to Iraq, Kuwait, Qatar and Egypt.",
        {
            ("visit", frozenset({"US", "MA"}), "occurred"),
            ("visit", frozenset({"US", "IQ"}), "occurred"),
            ("visit", frozenset({"US", "KW"}), "occurred"),
            ("visit", frozenset({"US", "QA"}), "occurred"),
            ("visit", frozenset({"US", "EG"}), "occurred"),
        },
        set(),
        id="multi-stop-trip-one-visit-per-stop",
    ),
    pytest.param(
        "Britain will give India 50 mln stg in aid to develop its coal industry.",
        {("support", frozenset({"GB", "IN"}), "occurred")},
        set(),
        id="aid",
    ),
    pytest.param(
        "Brazil and Argentina have established diplomatic relations at the ambassadorial level.",
        {("agreement", frozenset({"BR", "AR"}), "occurred")},
        set(),
        id="diplomatic-relations",
    ),
    pytest.param(
        "Canada's prime minister said he would not meet the South African foreign minister.",
        set(),
        {("meeting", frozenset({"CA", "ZA"}))},
        id="negated-meeting",
    ),
    pytest.param(
        "If the talks go well, the Kenyan president may meet his Ugandan counterpart.",
        set(),
        {("meeting", frozenset({"KE", "UG"}))},
        id="conditional-meeting",
    ),
    pytest.param(
        "The Soviet-backed Afghan government has not commented on the reports.",
        {("support", frozenset({"RU", "AF"}), "occurred")},
        set(),
        id="x-backed",
    ),
    pytest.param(
        "After visiting the United States and Italy, Brazilian Finance Minister Dilson Funaro flew to Tokyo.",
        {
            ("visit", frozenset({"BR", "US"}), "occurred"),
            ("visit", frozenset({"BR", "IT"}), "occurred"),
            ("visit", frozenset({"BR", "JP"}), "occurred"),
        },
        set(),
        id="gerund-visits-and-a-flight",
    ),
    pytest.param(
        "The meeting with Agriculture Minister Kato opened a 12-day visit to Japan by U.S. Agriculture Secretary Lyng.",
        {("visit", frozenset({"US", "JP"}), "occurred")},
        set(),
        id="visit-to-x-by-y",
    ),
    pytest.param(
        "Greece and the Soviet Union have reached agreement in Moscow on a joint venture for an alumina plant.",
        {("agreement", frozenset({"GR", "RU"}), "occurred")},
        set(),
        id="soviet-union-is-no-trade-union",
    ),
    pytest.param(
        "Debt talks between the Philippine government and its bank advisory committee resumed in New York.",
        set(),
        {("meeting", frozenset({"PH", "US"}))},
        id="talks-with-banks-are-nothing",
    ),
    pytest.param(
        "Yugoslavia is seeking a loan of 600 mln ECUs from the European Community.",
        set(),
        {("support", frozenset({"EU", "RS"}))},
        id="a-request-is-not-support",
    ),
    pytest.param(
        "SUMMIT, N.J., March 9 - Ciba-Geigy said it had an agreement with an Italian drug maker.",
        set(),
        {("meeting", frozenset({"US", "IT"}))},
        id="dateline-words-are-not-triggers",
    ),
    pytest.param(
        "All of Zambia's financial backers apart from Britain had pledged continued backing for the program.",
        set(),
        {("support", frozenset({"ZM", "GB"}))},
        id="apart-from-excludes",
    ),
    pytest.param(
        "Canada and the U.S. agreed last December to a 15 pct charge, ending a trade dispute over "
        "subsidies to Canada's softwood exporters.",
        {("agreement", frozenset({"CA", "US"}), "occurred")},
        set(),
        id="agreement-despite-exporters-in-another-clause",
    ),
    pytest.param(
        "Tehran has supported anti-Baghdad Kurdish guerrillas in operations in northern Iraq.",
        set(),
        {("support", frozenset({"IR", "IQ"}))},
        id="anti-x-is-no-party",
    ),
    pytest.param(
        "Egyptian President Abdel Fattah al-Sisi received a phone call from French President Emmanuel Macron.",
        {("call", frozenset({"EG", "FR"}), "occurred")},
        set(),
        id="received-a-phone-call",
    ),
    pytest.param(
        "Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by China.",
        {("agreement", frozenset({"SA", "IR"}), "occurred")},
        {("agreement", frozenset({"SA", "IR", "CN"}))},
        id="the-broker-is-not-a-party",
    ),
    pytest.param(
        "Kenya's President William Ruto arrived in Addis Ababa for a two-day state visit to Ethiopia.",
        {("visit", frozenset({"KE", "ET"}), "occurred")},
        set(),
        id="arrived-for-a-state-visit",
    ),
    pytest.param(
        "Turkish President Recep Tayyip Erdogan will host Russian President Vladimir Putin in Ankara next month.",
        {("visit", frozenset({"RU", "TR"}), "planned")},
        set(),
        id="hosting-is-a-visit-the-other-way",
    ),
    pytest.param(
        "Israeli air strikes killed dozens in Gaza City, Palestinian health officials said.",
        {("hostile", frozenset({"IL", "PS"}), "occurred")},
        set(),
        id="an-attack-on-a-town-hits-its-state",
    ),
    pytest.param(
        "Talks between Armenia and Azerbaijan were postponed.",
        set(),
        {("meeting", frozenset({"AM", "AZ"}))},
        id="postponed-talks",
    ),
    pytest.param(
        "The Indian and Chinese leaders are expected to sign a border agreement during the visit.",
        {("agreement", frozenset({"IN", "CN"}), "planned")},
        {("visit", frozenset({"IN", "CN"}))},
        id="the-visit-refers-back",
    ),
    pytest.param(
        "Ecuador's deputy energy minister last night met Venezuelan energy minister Arturo Hernandez Grisanti "
        "and will today hold talks at technical level.",
        {("meeting", frozenset({"EC", "VE"}), "occurred"), ("meeting", frozenset({"EC", "VE"}), "planned")},
        set(),
        id="met-and-will-hold-talks-is-two-meetings",
    ),
    pytest.param(
        "The United States and the Virgin Islands have signed a tax treaty.",
        set(),
        {("agreement", frozenset({"US", "VI"}))},
        id="dependency-is-domestic",
    ),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), HARD)
def test_hard_sentences(gazetteer, text: str, expected: set, forbidden: set) -> None:  # type: ignore[no-untyped-def]
    found = summary(events_of(text, gazetteer))
    assert expected <= found, found
    assert not {(t, c) for t, c, _ in found} & forbidden, found


def test_planned_visit_has_date_location_direction_and_evidence(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Separately, Iraqi Foreign Minister Fuad Hussein will pay an official visit to Moscow on November 25."
    )
    (visit,) = [e for e in events_of(text, gazetteer, date="2020-11-10") if e.type is EventType.VISIT]
    assert visit.status is EventStatus.PLANNED
    assert (visit.source, visit.target) == ("IQ", "RU")
    assert visit.countries[0] == "IQ"
    assert (visit.date, visit.date_text) == ("2020-11-25", "on November 25")
    assert visit.location is not None and visit.location.name == "Moscow" and visit.location.lat is not None
    assert visit.plover == "CONSULT/visit" and visit.cameo.startswith("04")
    (ev,) = visit.evidence
    assert text[ev.start : ev.end] == ev.text


def test_repeats_merge_and_keep_every_sentence(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran's security chief met Iraqi President Barham Salih in Baghdad on Sunday. "
        "The meeting addressed regional developments. "
        "He met Iraqi President Barham Salih again in Baghdad on Sunday, officials said."
    )
    meetings = [e for e in events_of(text, gazetteer) if e.type is EventType.MEETING]
    assert len(meetings) == 1
    assert len(meetings[0].evidence) >= 2
    loc = meetings[0].location
    assert loc is not None and loc.country == "IQ"
    assert abs(loc.lat - 33.31) < 0.3 and abs(loc.lon - 44.37) < 0.3  # Baghdad


def test_furniture_yields_nothing(gazetteer) -> None:  # type: ignore[no-untyped-def]
    from geo.mentions import find_mentions

    body = "Officials discussed the weather.\n\n"
    related = "Related articles\n\nTrump threatens Iran oil sanctions after talks postponed\n"
    article = Article(id="f", text=body + related, furniture=((len(body), len(body) + len(related)),))
    assert find_events(article, find_mentions(article, gazetteer=gazetteer), gazetteer=gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Has said it will not allow Iran to use missiles. Mr. Baker left.", 2),
        ("Gen. Smith met Lt. Col. Jones in Washington. They talked.", 2),
        ("WASHINGTON, March 2 - The talks ended. Both sides said so.", 2),
        ("First paragraph without a stop\n\nSecond paragraph.", 2),
        ('"We agreed," he said. "It is done."', 2),
        ("J. Smith of the U.N. said so. The E.C. Agreed.", 2),
    ],
)
def test_split_sentences(text: str, expected: int) -> None:
    spans = split_sentences(text)
    assert len(spans) == expected
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and text[s:e]


def test_trigger_lexicon_covers_every_type() -> None:
    types = {t.type for t in load_triggers()}
    assert {t.value for t in EventType} <= types


def test_iter_events_in_parallel_matches_serial(gazetteer) -> None:  # type: ignore[no-untyped-def]
    texts = [
        "Iraqi Foreign Minister Fuad Hussein will visit Moscow on November 25.",
        "The United States imposed sanctions on Libya on Thursday.",
        "Nothing diplomatic happened here.",
        "Brazil and Argentina have established diplomatic relations.",
    ] * 3
    articles = [Article(id=f"a{i}", text=t, date="2020-11-21") for i, t in enumerate(texts)]
    serial = list(iter_events(articles, jobs=1, gazetteer=gazetteer))
    parallel = list(iter_events(iter(articles), jobs=2))
    assert serial == parallel and serial


def test_extract_events_frame_has_one_row_per_event(gazetteer) -> None:  # type: ignore[no-untyped-def]
    articles = [
        Article(id="x", text="The United States imposed sanctions on Libya on Thursday.", date="1986-01-10")
    ]
    frame = extract_events(articles, gazetteer=gazetteer)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert (
        len(frame) == 1
        and frame.loc[0, "type"] == "hostile"
        and sorted(frame.loc[0, "countries"]) == ["LY", "US"]
    )


def test_trigger_stems_never_hide_a_match(shared_dir) -> None:  # type: ignore[no-untyped-def]
    """The cheap stem gate must pass every sentence that the trigger's regex matches."""
    from geo.ingest import read_articles

    sentences = [
        a.text[s:e]
        for a in read_articles([str(shared_dir / "dev_gold" / "articles.jsonl")])
        for s, e in split_sentences(a.text)
    ]
    sentences += [p.values[0] for p in HARD]
    for trig in load_triggers():
        assert trig.stems, trig.name
        for sent in sentences:
            for m in trig.pattern.finditer(sent):
                assert any(stem in m.group(0).lower() for stem in trig.stems), (trig.name, m.group(0))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "REUTER",
        "A" * 5000,
        "Talks. Talks. Talks.",
        "visit visit visit to to to",
        "\u00a0–—“”",
    ],
)
def test_odd_texts_give_no_events_and_no_errors(gazetteer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert events_of(text, gazetteer, date="not a date") == []


def test_exchange_of_visits_is_one_visit_each_way(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Israel and the Soviet Union have agreed to exchange visits by delegations, officials said."
    visits = {
        (e.source, e.target, e.status.value) for e in events_of(text, gazetteer) if e.type is EventType.VISIT
    }
    assert visits == {("IL", "RU", "planned"), ("RU", "IL", "planned")}
