from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.events import extract_events, find_events, iter_events, load_triggers, split_sentences
from geo.output import EVENT_FIELDS
from geo.records import Article, EventStatus, EventType, MentionKind


def events_of(text: str, gazetteer: object, date: str | None = "2020-11-21"):  # type: ignore[no-untyped-def]
    from geo.mentions import find_mentions

    article = Article(id="t", text=text, date=date)
    return find_events(article, find_mentions(article, gazetteer=gazetteer), gazetteer=gazetteer)


def summary(events) -> set[tuple[str, frozenset[str], str]]:  # type: ignore[no-untyped-def]
    return {(e.type.value, frozenset(e.countries), e.status.value) for e in events}


# (text, events that must be found, (type, states) that must not be found)
HARD = [
    pytest.param(
        "Chilean Foreign Minister Alejandro Foxley will pay an official visit to Lisbon on October 14, "
        "to hold talks with his Portuguese counterpart Jaime Gama.",
        {("visit", frozenset({"CL", "PT"}), "planned"), ("meeting", frozenset({"CL", "PT"}), "planned")},
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
        "Museveni stressed the need to set up a joint command made up of Kenya, Uganda, Tanzania, "
        "Rwanda and Burundi to fight the rebel militias.",
        {("alliance", frozenset({"KE", "UG", "TZ", "RW", "BI"}), "planned")},
        set(),
        id="proposed-alliance-of-five",
    ),
    pytest.param(
        "In 1998, Brazil and Chile together with Peru and Bolivia set up a joint customs council, "
        "whose offices are in Lima and La Paz.",
        {("alliance", frozenset({"BR", "CL", "PE", "BO"}), "occurred")},
        set(),
        id="background-alliance",
    ),
    pytest.param(
        "Korean and Brazilian steelmakers signed a memorandum of understanding on joint exports.",
        set(),
        {("agreement", frozenset({"KR", "BR"}))},
        id="company-deal-is-nothing",
    ),
    pytest.param(
        "The United States imposed sanctions on Libya on Thursday.",
        {("hostile", frozenset({"US", "LY"}), "occurred")},
        set(),
        id="sanctions",
    ),
    pytest.param(
        "Ethiopian jets bombed rebel camps close to Kassala in eastern Sudan on Friday.",
        {("hostile", frozenset({"ET", "SD"}), "occurred")},
        set(),
        id="air-raid",
    ),
    pytest.param(
        "Bolivia decided on Tuesday to break diplomatic relations with Chile, its government announced.",
        {("hostile", frozenset({"BO", "CL"}), "occurred")},
        set(),
        id="break-relations",
    ),
    pytest.param(
        "Canadian Trade Minister Pat Carney arrived in Jakarta on Tuesday. "
        "Indonesia is the final leg of a trip which has already taken Carney to Thailand, Malaysia and Singapore.",
        {
            ("visit", frozenset({"CA", "ID"}), "occurred"),
            ("visit", frozenset({"CA", "TH"}), "occurred"),
            ("visit", frozenset({"CA", "MY"}), "occurred"),
            ("visit", frozenset({"CA", "SG"}), "occurred"),
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
        "Portugal and Indonesia have established diplomatic relations at embassy level.",
        {("agreement", frozenset({"PT", "ID"}), "occurred")},
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
        "The Cuban-backed Angolan government denied the claim on Monday.",
        {("support", frozenset({"CU", "AO"}), "occurred")},
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
        "The lunch with Trade Minister Dupont opened a five-day visit to France by Australian Treasurer Keating.",
        {("visit", frozenset({"AU", "FR"}), "occurred")},
        set(),
        id="visit-to-x-by-y",
    ),
    pytest.param(
        "Finland and the Soviet Union reached agreement in Helsinki last week on building a paper mill together.",
        {("agreement", frozenset({"FI", "RU"}), "occurred")},
        set(),
        id="soviet-union-is-no-trade-union",
    ),
    pytest.param(
        "Rescheduling talks between the Venezuelan government and its commercial bank steering group reopened in London.",
        set(),
        {("meeting", frozenset({"VE", "GB"}))},
        id="talks-with-banks-are-nothing",
    ),
    pytest.param(
        "Hungary is seeking credits worth 250 mln ECUs from the European Community.",
        set(),
        {("support", frozenset({"EU", "HU"}))},
        id="a-request-is-not-support",
    ),
    pytest.param(
        "SUMMIT, N.J., March 9 - Ciba-Geigy said it had an agreement with an Italian drug maker.",
        set(),
        {("meeting", frozenset({"US", "IT"}))},
        id="dateline-words-are-not-triggers",
    ),
    pytest.param(
        "Every one of Ghana's donors apart from France had promised further money for the recovery plan.",
        set(),
        {("support", frozenset({"GH", "FR"}))},
        id="apart-from-excludes",
    ),
    pytest.param(
        "Mexico and the U.S. agreed last October to a 20 pct duty, settling a quarrel over "
        "subsidies to Mexico's tomato growers.",
        {("agreement", frozenset({"MX", "US"}), "occurred")},
        set(),
        id="agreement-despite-exporters-in-another-clause",
    ),
    pytest.param(
        "Damascus has backed anti-Ankara Kurdish militants in raids across south-eastern Turkey.",
        set(),
        {("support", frozenset({"SY", "TR"}))},
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
        "Peru's deputy mining minister last night met Bolivian mining minister Jaime Villalobos "
        "and will today continue the discussions with his experts.",
        {("meeting", frozenset({"PE", "BO"}), "occurred"), ("meeting", frozenset({"PE", "BO"}), "planned")},
        set(),
        id="met-and-will-hold-talks-is-two-meetings",
    ),
    pytest.param(
        "The Netherlands and Aruba signed a double taxation accord on Friday.",
        set(),
        {("agreement", frozenset({"NL", "AW"}))},
        id="dependency-is-domestic",
    ),
    # names, topics and datelines are not parties (review of held-out Reuters articles, 2026-11-24)
    pytest.param(
        "Norway will trim its budget, as it promised under the Rome monetary stability accord of last spring.",
        set(),
        {("agreement", frozenset({"NO", "IT"})), ("support", frozenset({"NO", "IT"}))},
        id="a-city-inside-an-accord-name-is-no-party",
    ),
    pytest.param(
        "Peru met the Paris Club of creditor governments on Tuesday to reschedule its debt.",
        set(),
        {("meeting", frozenset({"PE", "FR"}))},
        id="the-paris-club-is-not-france",
    ),
    pytest.param(
        "Negotiators from Chile and Argentina met in Geneva during the Tokyo Round of trade talks.",
        {("meeting", frozenset({"CL", "AR"}), "occurred")},
        {("meeting", frozenset({"CL", "AR", "JP"}))},
        id="the-tokyo-round-is-not-japan",
    ),
    pytest.param(
        "Britain and Canada signed a fisheries accord on Monday despite rising West German interest rates.",
        {("agreement", frozenset({"GB", "CA"}), "occurred")},
        {("agreement", frozenset({"GB", "CA", "DE"}))},
        id="a-state-adjective-on-interest-rates-is-a-topic",
    ),
    pytest.param(
        "The EC imposed sanctions against Syria last year for its alleged role in the bombing of an Israeli airliner.",
        {("hostile", frozenset({"EU", "SY"}), "occurred")},
        {("hostile", frozenset({"EU", "IL"}))},
        id="a-state-adjective-on-an-airliner-is-no-target",
    ),
    pytest.param(
        "SINGAPORE, Oct 3 - Australian Treasurer Keating, after meeting Finance Minister Lawson, "
        "said they agreed on the need for lower interest rates.",
        set(),
        {("meeting", frozenset({"AU", "SG"})), ("agreement", frozenset({"AU", "SG"}))},
        id="the-dateline-gives-no-official-a-nationality",
    ),
    pytest.param(
        "The United States has openly attacked Sweden's tight fiscal policy and warned Stockholm "
        "its budget must be tighter.",
        set(),
        {("hostile", frozenset({"US", "SE"}))},
        id="criticism-is-not-hostile",
    ),
    pytest.param(
        "Greece boycotted a meeting in Brussels of its NATO partners.",
        set(),
        {("meeting", frozenset({"GR", "BE"})), ("hostile", frozenset({"GR", "BE"}))},
        id="a-boycotted-meeting-is-neither-a-meeting-nor-a-sanction",
    ),
    pytest.param(
        "Indonesian President Suharto will visit Australia starting on June 12. "
        "Officials said Suharto's visit to Australia in mid-June would focus on trade.",
        {("visit", frozenset({"ID", "AU"}), "planned")},
        set(),
        id="planned-and-loosely-dated-visit-is-one-planned-visit",
    ),
    pytest.param(
        "South Korea proposed in a letter to North Korea that the two prime ministers meet. "
        "The proposed meeting of the prime ministers of South Korea and North Korea would be the first since 1992.",
        {("meeting", frozenset({"KR", "KP"}), "planned")},
        set(),
        id="a-proposed-meeting-mentioned-twice-is-one",
    ),
    pytest.param(
        "NAIROBI, June 4 - The shilling firmed in Nairobi trading. Japanese Finance Minister Kato, "
        "after meeting Treasury Secretary Smith, said they discussed aid.",
        set(),
        {("meeting", frozenset({"JP", "KE"}))},
        id="the-dateline-city-named-again-is-still-no-nationality",
    ),
    pytest.param(
        "SINGAPORE, Oct 3 - Australian Treasurer Keating, after meeting British Chancellor Lawson, "
        "said they agreed on the need for lower interest rates.",
        {("meeting", frozenset({"AU", "GB"}), "occurred")},
        {("agreement", frozenset({"AU", "GB"}))},
        id="agreeing-on-a-need-is-no-accord",
    ),
    pytest.param(
        "Tokyo dealers praised the role Washington has played in supporting the dollar.",
        set(),
        {("support", frozenset({"JP", "US"}))},
        id="supporting-a-currency-is-no-support",
    ),
    pytest.param(
        "Peru and Bolivia need to widen trade as required by the accord signed in 1992.",
        {("agreement", frozenset({"PE", "BO"}), "occurred")},
        set(),
        id="an-accord-signed-in-a-past-year-is-past-whatever-comes-before",
    ),
    pytest.param(
        "Prices will rise on April 17 despite any U.S. Mexican talks to avert that.",
        set(),
        {("meeting", frozenset({"US", "MX"}))},
        id="any-talks-are-no-particular-talks",
    ),
    pytest.param(
        "Madrid wants a moderate bill rather than retaliatory measures against France.",
        set(),
        {("hostile", frozenset({"ES", "FR"}))},
        id="rather-than-is-a-road-not-taken",
    ),
    pytest.param(
        "Iraq was threatened with sanctions by the United States.",
        {("hostile", frozenset({"US", "IQ"}), "occurred")},
        set(),
        id="passive-threat-with-an-agent",
    ),
    pytest.param(
        "Canada warned that the planned levy on imported timber could badly hurt its exports to Japan.",
        set(),
        {("hostile", frozenset({"CA", "JP"}))},
        id="warning-about-a-measure-is-no-threat",
    ),
    pytest.param(
        "Britain warned Iran it would retaliate.",
        {("hostile", frozenset({"GB", "IR"}), "occurred")},
        set(),
        id="warning-of-reprisal-is-a-threat",
    ),
    pytest.param(
        "Dutch lawmakers asked their Belgian counterparts to exempt the Netherlands from the trade retaliation provisions.",
        set(),
        {("hostile", frozenset({"NL", "BE"}))},
        id="a-request-and-a-retaliation-clause-are-no-hostility",
    ),
    pytest.param(
        "The resolution backs negotiation of a bilateral trade agreement with Mexico by the United States.",
        set(),
        {("agreement", frozenset({"US", "MX"}))},
        id="an-agreement-under-negotiation-is-not-reached",
    ),
    pytest.param(
        "French Prime Minister Jacques Chirac leaves on his first official visit to Japan on Friday.",
        {("visit", frozenset({"FR", "JP"}), "planned")},
        set(),
        id="leaves-on-a-visit-is-planned",
    ),
    pytest.param(
        "Among the problems were appeals from Spain and Portugal for protection for farmers.",
        set(),
        {("support", frozenset({"ES", "PT"}))},
        id="an-appeal-for-protection-is-no-support",
    ),
    pytest.param(
        "Brazil signed agreements with Argentina and Uruguay.",
        {
            ("agreement", frozenset({"BR", "AR"}), "occurred"),
            ("agreement", frozenset({"BR", "UY"}), "occurred"),
        },
        {("agreement", frozenset({"BR", "AR", "UY"}))},
        id="plural-pacts-with-a-list-are-one-per-partner",
    ),
    pytest.param(
        "Brazil, Argentina and Uruguay signed a customs agreement.",
        {("agreement", frozenset({"BR", "AR", "UY"}), "occurred")},
        set(),
        id="one-pact-of-three-stays-one",
    ),
    pytest.param(
        "On March 2, Greece boycotted a meeting in Brussels of its NATO partners - Turkey, Norway and Denmark - "
        "after being left out of earlier talks.",
        set(),
        {("meeting", frozenset({"GR", "TR", "NO", "DK"}))},
        id="the-excluded-state-is-no-party",
    ),
    pytest.param(
        "At the GATT talks, Korea will try to persuade the U.S. to cut tariffs.",
        set(),
        {("meeting", frozenset({"KR", "US"}))},
        id="a-gatt-round-is-no-bilateral-meeting",
    ),
    pytest.param(
        "Argentine officials warned that despite Chilean optimism, a deal on fishing may prove difficult.",
        set(),
        {("hostile", frozenset({"AR", "CL"}))},
        id="warning-of-difficulty-is-no-threat",
    ),
    pytest.param(
        "Britain endorsed the plan, saying the European Community would gain.",
        set(),
        {("support", frozenset({"GB", "EU"}))},
        id="a-state-in-the-next-clause-is-no-target-of-support",
    ),
    pytest.param(
        "British minister Hurd qualified his endorsement of the subsidy index as a bargaining tool.",
        set(),
        set(),
        id="endorsement-of-a-thing-is-no-support-from-it",
    ),
    pytest.param(
        "Iraq welcomed the support of Syria for the plan.",
        {("support", frozenset({"SY", "IQ"}), "occurred")},
        set(),
        id="support-of-a-state-comes-from-it",
    ),
    pytest.param(
        "Ghana will get 30 mln dlrs as grants from Japan to build roads.",
        {("support", frozenset({"JP", "GH"}), "occurred")},
        set(),
        id="grants-from-a-state",
    ),
    # a group's own event is never cut down to the members one sentence names
    pytest.param(
        "The OPEC accord reached in Geneva on Sunday raised the quotas of Venezuela and Nigeria.",
        set(),
        {("agreement", frozenset({"VE", "NG"}))},
        id="a-group-accord-is-not-its-named-members-accord",
    ),
    pytest.param(
        "Italy and Canada will attend a meeting of the G-7 in Ottawa next week.",
        set(),
        {("meeting", frozenset({"IT", "CA"}))},
        id="a-group-meeting-is-not-two-members-meeting",
    ),
    pytest.param(
        "The G-7 finance ministers, from Canada, Italy, Britain, France, West Germany, Japan "
        "and the United States, met in Rome.",
        {("meeting", frozenset({"US", "JP", "DE", "FR", "GB", "IT", "CA"}), "occurred")},
        set(),
        id="a-listed-group-meets-as-all-its-members",
    ),
    pytest.param(
        "The United States and Japan signed an accord at the G-7 summit.",
        {("agreement", frozenset({"US", "JP"}), "occurred")},
        set(),
        id="a-pact-signed-at-a-group-summit-is-the-signers-own",
    ),
    pytest.param(
        "French Prime Minister Jacques Chirac spoke on Monday. "
        "The prime minister, starting a week-long visit to Canada, said trade was good.",
        {("visit", frozenset({"FR", "CA"}), "occurred")},
        set(),
        id="the-prime-minister-refers-back",
    ),
    pytest.param(
        "Kenyan President Moi spoke on Monday. The president, on the second day of a three-day visit to Japan, "
        "met officials.",
        {("visit", frozenset({"KE", "JP"}), "occurred")},
        set(),
        id="the-president-refers-back",
    ),
    pytest.param(
        "France supplied Peru with 26 Mirage jets last year.",
        {("support", frozenset({"FR", "PE"}), "occurred")},
        set(),
        id="supplying-a-state-with-warplanes-is-military-aid",
    ),
    pytest.param(
        "France will supply Chile with spare parts.",
        set(),
        set(),
        id="supplying-spare-parts-is-trade",
    ),
    pytest.param(
        "The Dutch cabinet decided to cooperate with Belgium on a new frigate.",
        {("support", frozenset({"NL", "BE"}), "occurred")},
        set(),
        id="decided-to-cooperate-is-a-pledge",
    ),
    pytest.param(
        "Canada imposed 100 pct import duties on Brazilian shoes on Friday.",
        {("hostile", frozenset({"CA", "BR"}), "occurred")},
        set(),
        id="prohibitive-duties-are-a-sanction",
    ),
    pytest.param(
        "Recalling that Spain pledged in Rome in May to act on its deficit, "
        "an American finance official told reporters the budget must be tight.",
        set(),
        {("support", frozenset({"ES", "US"}))},
        id="the-speaker-is-no-target-of-a-pledge",
    ),
    pytest.param(
        "Japan pledged support for Thailand, a U.S. official said.",
        {("support", frozenset({"JP", "TH"}), "occurred")},
        set(),
        id="a-pledge-to-a-state-before-the-speaker",
    ),
    pytest.param(
        "Officials met to review progress in persuading Italy and Japan to open their markets, Swiss diplomats said.",
        set(),
        {("meeting", frozenset({"IT", "JP", "CH"}))},
        id="states-to-be-persuaded-are-a-topic",
    ),
    pytest.param(
        "The council deferred a ruling on a Canadian complaint against the U.S.-Mexican agreement on steel exports.",
        {("agreement", frozenset({"US", "MX"}), "occurred")},
        {("agreement", frozenset({"CA", "US", "MX"}))},
        id="the-complainant-is-no-party-of-the-pact",
    ),
    pytest.param(
        "Canada Complained the accord breached the rules by letting Mexico fix prices.",
        set(),
        {("agreement", frozenset({"CA", "MX"}))},
        id="complaining-about-a-pact-is-no-party-to-it",
    ),
    pytest.param(
        "Norway had earlier turned down an offer of British naval support for its fishing fleet.",
        set(),
        {("support", frozenset({"NO", "GB"}))},
        id="a-declined-offer-is-no-support",
    ),
    pytest.param(
        "Debt tops the list for Brazilian President Lula when he arrives for talks with Mexican President Fox on Friday.",
        {("meeting", frozenset({"BR", "MX"}), "planned")},
        set(),
        id="when-he-arrives-is-still-to-come",
    ),
    pytest.param(
        "Last week Peru cut the value of its sol against the U.S. dollar and the government agreed to raise wages.",
        set(),
        set(),
        id="a-currency-and-the-government-is-no-party",
    ),
    pytest.param(
        "Canada will probably impose sanctions on Chilean copper next month, trade officials said.",
        {("hostile", frozenset({"CA", "CL"}), "planned")},
        set(),
        id="will-probably-impose-is-still-to-come",
    ),
    pytest.param(
        "The Chile-Peru fisheries talks resumed in Lima on Tuesday. Last year the Brazil/Argentina accord was signed.",
        {
            ("meeting", frozenset({"CL", "PE"}), "occurred"),
            ("agreement", frozenset({"BR", "AR"}), "occurred"),
        },
        set(),
        id="the-second-of-a-pair-is-a-party-not-a-name",
    ),
    pytest.param(
        "Sweden said its trade boycott of South Africa would take effect from July 1.",
        {("hostile", frozenset({"SE", "ZA"}), "planned")},
        set(),
        id="a-boycott-that-will-take-effect-is-planned",
    ),
    pytest.param(
        "U.S. trade sanctions against Japan are likely to take effect on April 17.",
        {("hostile", frozenset({"US", "JP"}), "planned")},
        set(),
        id="sanctions-likely-to-take-effect-are-planned",
    ),
    pytest.param(
        "Britain said its aid to Kenya would not take effect until June.",
        {("support", frozenset({"GB", "KE"}), "planned")},
        set(),
        id="aid-in-effect-only-later-is-planned",
    ),
    pytest.param(
        "Iraqi Foreign Minister Tariq Aziz, who arrived from Moscow, held talks with Jordanian officials in Amman.",
        {("meeting", frozenset({"IQ", "JO"}), "occurred")},
        {("meeting", frozenset({"RU", "JO"})), ("meeting", frozenset({"IQ", "RU", "JO"}))},
        id="where-a-traveller-comes-from-is-no-party",
    ),
    pytest.param(
        "World Bank President Barber Conable, who flew to Jakarta yesterday from Tokyo, will meet Indonesian "
        "President Suharto on Monday.",
        set(),
        {("meeting", frozenset({"JP", "ID"}))},
        id="an-origin-city-is-no-party",
    ),
    pytest.param(
        "Reports of U.S. and Japanese intervention and talk of an upcoming meeting of the major industrial "
        "countries lifted the dollar.",
        set(),
        {("meeting", frozenset({"US", "JP"}))},
        id="a-meeting-of-unnamed-countries-is-theirs",
    ),
    pytest.param(
        "Nakasone intervened two days before a scheduled meeting of the Reagan administration's Economic "
        "Policy Council to consider whether Japan is reneging on its pact with the U.S.",
        set(),
        {("meeting", frozenset({"US", "JP"}))},
        id="a-meeting-of-a-council-is-the-councils",
    ),
    pytest.param(
        "Despite two meetings of the seven leading industrial powers -- the United States, Japan, West Germany, "
        "France, Britain, Italy and Canada -- pledges have still to be turned into action.",
        {("meeting", frozenset({"US", "JP", "DE", "FR", "GB", "IT", "CA"}), "occurred")},
        set(),
        id="a-group-with-its-members-listed",
    ),
    pytest.param(
        "Iran and Iraq held a meeting of their joint committee in Geneva.",
        {("meeting", frozenset({"IR", "IQ"}), "occurred"), ("alliance", frozenset({"IR", "IQ"}), "occurred")},
        set(),
        id="a-pairs-own-committee",
    ),
    pytest.param(
        "The United States will likely impose sanctions soon on imports of Japanese microchips, senators said "
        "today after a private meeting with Commerce Secretary Malcolm Baldrige.",
        {("hostile", frozenset({"US", "JP"}), "planned")},
        {("meeting", frozenset({"US", "JP"}))},
        id="talks-take-no-parties-from-a-sanctions-clause",
    ),
    pytest.param(
        "KHARTOUM, March 13 - The U.S. is to lend Sudan 57 mln dlrs to buy wheat, according to an agreement signed here.",
        {
            ("agreement", frozenset({"US", "SD"}), "occurred"),
            ("support", frozenset({"US", "SD"}), "occurred"),
        },
        set(),
        id="an-accord-seals-the-loan-of-another-clause",
    ),
    pytest.param(
        "The Chile-Peru talks resumed in Lima, and the Brazil/Argentina accord was signed in Brasilia.",
        {
            ("meeting", frozenset({"CL", "PE"}), "occurred"),
            ("agreement", frozenset({"BR", "AR"}), "occurred"),
        },
        {("meeting", frozenset({"CL", "PE", "BR", "AR"}))},
        id="a-joined-clause-has-its-own-parties",
    ),
    pytest.param(
        "Talks between Chile, Peru, and Bolivia ended in Lima on Monday.",
        {("meeting", frozenset({"CL", "PE", "BO"}), "occurred")},
        set(),
        id="a-serial-comma-joins-no-clause",
    ),
    pytest.param(
        "Chile and Bolivia signed the Lima agreements on Monday. The Lima accords bound Ecuador and Chile to new quotas.",
        {
            ("agreement", frozenset({"CL", "BO"}), "occurred"),
            ("agreement", frozenset({"EC", "CL"}), "occurred"),
        },
        {("agreement", frozenset({"PE", "CL", "BO"})), ("agreement", frozenset({"PE", "EC", "CL"}))},
        id="a-city-names-plural-accords",
    ),
    pytest.param(
        "The United States and its allies West Germany and Japan met in Paris on Monday.",
        {("meeting", frozenset({"US", "DE", "JP"}), "occurred")},
        {("support", frozenset({"US", "DE", "JP"})), ("meeting", frozenset({"DE", "JP"}))},
        id="allies-name-a-relation-not-an-act",
    ),
    pytest.param(
        "LONDON, April 8 - Malta is tendering to buy 3,000 tonnes of sugar for arrival in June, traders said.",
        set(),
        {("visit", frozenset({"MT", "GB"}))},
        id="cargo-for-arrival-is-no-visit",
    ),
    pytest.param(
        "Chile and Peru are keen to reach an agreement on fishing, officials said.",
        set(),
        {("agreement", frozenset({"CL", "PE"}))},
        id="keen-to-agree-is-no-agreement",
    ),
    pytest.param(
        "Bolivia said it was willing to sign a trade pact with Peru.",
        set(),
        {("agreement", frozenset({"BO", "PE"}))},
        id="willing-to-sign-is-no-agreement",
    ),
    pytest.param(
        "Britain pledged to oppose any move by Argentina, and Chile pledged to fight the Peruvian tariff.",
        set(),
        {("support", frozenset({"GB", "AR"})), ("support", frozenset({"CL", "PE"}))},
        id="a-pledge-to-fight-is-no-support",
    ),
    pytest.param(
        "Chile's ruling coalition of Christian Democrats and Socialists won the vote. "
        "Peru's coalition government welcomed the talks with Bolivia on Monday.",
        {("meeting", frozenset({"PE", "BO"}), "occurred")},
        {("alliance", frozenset({"CL", "PE"})), ("alliance", frozenset({"PE", "BO"}))},
        id="a-domestic-coalition-is-no-alliance",
    ),
    pytest.param(
        "Kuwait and Saudi Arabia formed a military coalition on Monday.",
        {("alliance", frozenset({"KW", "SA"}), "occurred")},
        set(),
        id="states-forming-a-coalition-ally",
    ),
    pytest.param(
        "The U.S. moves run little risk of sparking a clash with Iran, and Bonn resisted the tax for fear of "
        "Japanese retaliation.",
        set(),
        {("hostile", frozenset({"US", "IR"})), ("hostile", frozenset({"DE", "JP"}))},
        id="a-risk-or-fear-of-an-attack-is-no-attack",
    ),
    pytest.param(
        "Talks between Chile and Peru will not take place. Japan said its sanctions on Iran will not be imposed.",
        set(),
        {("meeting", frozenset({"CL", "PE"})), ("hostile", frozenset({"JP", "IR"}))},
        id="an-event-denied-after-its-trigger",
    ),
    pytest.param(
        "Chile and Peru signed an accord that will not be renewed.",
        {("agreement", frozenset({"CL", "PE"}), "occurred")},
        set(),
        id="a-denial-in-a-relative-clause-is-of-something-else",
    ),
    pytest.param(
        "The meeting between Chile and Peru will be held in Lima. "
        "The accord between Ecuador and Bolivia will not be signed until June.",
        {
            ("meeting", frozenset({"CL", "PE"}), "planned"),
            ("agreement", frozenset({"EC", "BO"}), "planned"),
        },
        set(),
        id="an-event-that-will-be-held-is-planned",
    ),
    pytest.param(
        "It came a day before a meeting between Chile, Peru and Bolivia about fishing to be held in Quito.",
        {("meeting", frozenset({"CL", "PE", "BO"}), "planned")},
        set(),
        id="an-event-to-be-held-is-planned",
    ),
    pytest.param(
        "Canadian Prime Minister Stephen Harper, who visited Mexico on Monday, said trade grew.",
        {("visit", frozenset({"CA", "MX"}), "occurred")},
        set(),
        id="the-official-a-relative-clause-describes-travels",
    ),
    pytest.param(
        "British trade minister Michael Howard leaves for Japan on Saturday.",
        {("visit", frozenset({"GB", "JP"}), "planned")},
        set(),
        id="a-journey-in-the-present-is-scheduled",
    ),
    pytest.param(
        "A Canadian tourist visiting Mexico fell ill, and a woman visiting from Peru was hurt in Chile. "
        "Doctors said a Canadian who returned from Cuba was ill.",
        set(),
        {
            ("visit", frozenset({"CA", "MX"})),
            ("visit", frozenset({"PE", "CL"})),
            ("visit", frozenset({"CA", "CU"})),
        },
        id="a-private-trip-is-no-visit",
    ),
    pytest.param(
        "Egypt and Syria joined the coalition against Iraq. Kuwait and Oman formed an alliance against Iran.",
        {
            ("alliance", frozenset({"EG", "SY"}), "occurred"),
            ("alliance", frozenset({"KW", "OM"}), "occurred"),
        },
        {("alliance", frozenset({"EG", "SY", "IQ"})), ("alliance", frozenset({"KW", "OM", "IR"}))},
        id="whom-an-alliance-opposes-is-no-member",
    ),
    pytest.param(
        "Kenya and Uganda warned their citizens against travel to Somalia on Friday. "
        "Japan issued a travel advisory for Egypt. Kenya warned Somalia against further incursions.",
        {("hostile", frozenset({"KE", "SO"}), "occurred")},
        {
            ("hostile", frozenset({"KE", "UG", "SO"})),
            ("visit", frozenset({"UG", "SO"})),
            ("hostile", frozenset({"JP", "EG"})),
        },
        id="a-travel-warning-is-advice-not-a-threat",
    ),
    pytest.param(
        "Morocco deepened its cooperation with Spain to counter the jihadist threat in the Sahel.",
        set(),
        {("hostile", frozenset({"MA", "ES"}))},
        id="a-terrorist-threat-is-no-states-threat",
    ),
    pytest.param(
        "Washington's decision effectively killed the proposed trade pact with Brazil. "
        "Investors from France hope to make a quick killing in Libya.",
        set(),
        {("hostile", frozenset({"US", "BR"})), ("hostile", frozenset({"FR", "LY"}))},
        id="killing-a-deal-is-a-figure-of-speech",
    ),
    pytest.param(
        "A British patient who had just visited Peru fell ill, health officials said. "
        "Six Polish skaters took part in the European Championships in Moscow in January.",
        set(),
        {("visit", frozenset({"GB", "PE"})), ("meeting", frozenset({"PL", "RU"}))},
        id="a-patients-trip-and-a-championship-are-no-diplomacy",
    ),
    pytest.param(
        "Portugal has been a loyal ally of Britain for centuries. "
        "Thailand vowed to ally itself with Vietnam against the Khmer Rouge.",
        {("support", frozenset({"TH", "VN"}), "occurred")},
        {("support", frozenset({"GB", "PT"}))},
        id="being-an-ally-is-a-relation-allying-is-an-act",
    ),
    pytest.param(
        "Somalia stopped repaying Moscow for its weapons in 1977 when Siad Barre broke with the old "
        "patron and turned to the United States.",
        {("hostile", frozenset({"SO", "RU"}), "occurred")},
        {("hostile", frozenset({"SO", "US"}))},
        id="a-second-predicates-object-is-no-party",
    ),
    pytest.param(
        "Egypt's embassy in Rome is warning that Egyptians travelling to Italy could face long delays.",
        set(),
        {("hostile", frozenset({"EG", "IT"})), ("visit", frozenset({"EG", "IT"}))},
        id="warning-travellers-is-advice-not-a-threat",
    ),
    pytest.param(
        "Poland endorsed the American invasion of Iraq in 2003.",
        {("hostile", frozenset({"US", "IQ"}), "occurred")},
        {("support", frozenset({"PL", "IQ"})), ("support", frozenset({"PL", "US", "IQ"}))},
        id="endorsing-an-invasion-supports-no-victim",
    ),
    pytest.param(
        "Delegates from Ghana, Togo and Benin will meet in Lome on Friday to discuss cocoa prices.",
        {("meeting", frozenset({"GH", "TG", "BJ"}), "planned")},
        set(),
        id="delegates-from-who-will-meet-are-one-planned-meeting",
    ),
    pytest.param(
        "Canada and the United States resumed their talks, and both sides said an agreement on lumber was likely. "
        "Officials said a meeting between Chad and Libya was unlikely.",
        {("meeting", frozenset({"CA", "US"}), "occurred"), ("agreement", frozenset({"CA", "US"}), "planned")},
        {("meeting", frozenset({"TD", "LY"}))},
        id="a-likely-agreement-is-a-prospect",
    ),
    pytest.param(
        "Canadian officials say the two countries are close to reaching a free trade deal with the United States. "
        "Norway and Sweden are close to an agreement on fishing rights. "
        "Peru bought Soviet trucks as a gesture ahead of trade talks with Soviet officials. "
        "The Thai foreign minister spoke on the eve of a two-day meeting with Malaysian officials. "
        "A Mexican trade team is in Washington laying the groundwork for talks with U.S. officials.",
        {
            ("agreement", frozenset({"CA", "US"}), "planned"),
            ("agreement", frozenset({"NO", "SE"}), "planned"),
            ("meeting", frozenset({"PE", "RU"}), "planned"),
            ("meeting", frozenset({"TH", "MY"}), "planned"),
            ("meeting", frozenset({"MX", "US"}), "planned"),
        },
        set(),
        id="ahead-of-and-close-to-are-still-to-come",
    ),
    pytest.param(
        "The U.S. Commerce Secretary is in Thailand after stops in Malaysia and Indonesia on an Asian trade tour.",
        {("visit", frozenset({"US", "MY"}), "occurred"), ("visit", frozenset({"US", "ID"}), "occurred")},
        {("visit", frozenset({"TH", "MY"})), ("visit", frozenset({"TH", "ID"}))},
        id="where-the-traveller-is-does-not-travel",
    ),
    pytest.param(
        "Heavy losses were inflicted on Libyan forces in the latest Chadian offensive, officials said. "
        "A Dutch minister said the rout on world stock markets was caused by the U.S. deficit.",
        set(),
        {("hostile", frozenset({"LY", "TD"})), ("hostile", frozenset({"NL", "US"}))},
        id="forces-in-an-offensive-and-a-market-rout-are-no-occupation-or-defeat",
    ),
    pytest.param(
        "After the earthquake, Indonesian and Thai agencies issued tsunami warnings to coastal areas. "
        "Tunisia worked closely with Algeria and the Government of National Accord.",
        set(),
        {("hostile", frozenset({"ID", "TH"})), ("agreement", frozenset({"TN", "DZ"}))},
        id="storm-warnings-and-a-national-accord-are-no-events",
    ),
    pytest.param(
        "Slovenia recalled its ambassador to Russia for consultations. "
        "The Syrian envoy was instructed to reach secret agreements with Cyprus.",
        # an envoy instructed to reach agreements has a goal, as one who seeks or wants to does
        {("hostile", frozenset({"SI", "RU"}), "occurred")},
        {("meeting", frozenset({"SI", "RU"})), ("agreement", frozenset({"SY", "CY"}))},
        id="recalled-for-consultations-is-no-meeting",
    ),
    pytest.param(
        "The Japanese loans for modernising the Thai railway industry totalled 40 billion yen over ten years. "
        "The Libyan bombing is a thing of the past, the trade war did not happen, one U.S. official said.",
        {("support", frozenset({"JP", "TH"}), "occurred")},
        {("hostile", frozenset({"LY", "US"}))},
        id="the-donor-named-before-aid-gives-it-to-a-states-industry",
    ),
    pytest.param(
        "BANGKOK, Oct 19 - Australian trade minister Michael Duffy, here on a three-day visit after talks "
        "in the United States and Japan, said progress was made. "
        "Trade ministers of Canada, Japan and the United States held talks in Tokyo.",
        {
            ("visit", frozenset({"AU", "TH"}), "occurred"),
            ("meeting", frozenset({"AU", "US"}), "occurred"),
            ("meeting", frozenset({"AU", "JP"}), "occurred"),
            ("meeting", frozenset({"CA", "JP", "US"}), "occurred"),
        },
        {("meeting", frozenset({"AU", "US", "JP"})), ("visit", frozenset({"AU", "US"}))},
        id="talks-in-several-countries-are-one-meeting-with-each-host",
    ),
    pytest.param(
        "A Greek spokesman said Turkey had bought Russian-made missiles which posed a greater threat to shipping. "
        "A senior French official warned that Polish membership in the bank would cause serious problems. "
        "Admiral Hart predicted Syria will retaliate against Jordan.",
        set(),
        {
            ("hostile", frozenset({"GR", "TR"})),
            ("hostile", frozenset({"TR", "RU"})),
            ("hostile", frozenset({"FR", "PL"})),
            ("hostile", frozenset({"SY", "JO"})),
        },
        id="a-danger-assessed-or-forecast-is-no-threat",
    ),
    pytest.param(
        "BRASILIA, April 20 - Japanese Prime Minister Noboru Takeshita yesterday predicted during a visit here "
        "that the trade bill will be approved.",
        {("visit", frozenset({"JP", "BR"}), "occurred")},
        set(),
        id="predicting-during-a-visit-still-visits",
    ),
    pytest.param(
        "Brazil called U.S. and European Community export subsidies harmful to its farmers. "
        "Argentina said it has had difficulties with the European Community over subsidies for grain exports. "
        "Exporters suffer from a farm subsidy war between the United States and the European Community. "
        "Washington offered export subsidies to the Soviet Union.",
        {("support", frozenset({"US", "RU"}), "occurred")},
        {
            ("support", frozenset({"BR", "EU"})),
            ("support", frozenset({"AR", "EU"})),
            ("hostile", frozenset({"US", "EU"})),
        },
        id="a-subsidy-is-aid-only-when-it-goes-to-a-state",
    ),
    pytest.param(
        "Nigeria will hold talks with French export credit officials in Paris. "
        "U.S.-backed Contra rebels attacked a Nicaraguan army post near the Honduran border.",
        {("meeting", frozenset({"NG", "FR"}), "planned")},
        {
            ("support", frozenset({"NG", "FR"})),
            ("support", frozenset({"US", "NI"})),
            ("hostile", frozenset({"US", "NI"})),
        },
        id="credit-officials-and-backed-rebels-are-no-aid-between-states",
    ),
    pytest.param(
        "The U.S. administration reached agreement with Congress on trade legislation, German officials said. "
        "We need a truly free trade agreement between Mexico and Canada, the senator said.",
        {("agreement", frozenset({"MX", "CA"}), "planned")},
        {("agreement", frozenset({"DE", "US"}))},
        id="a-deal-with-congress-is-domestic-and-a-needed-one-is-still-to-come",
    ),
    pytest.param(
        "Poehl said West Germany had taken steps to meet U.S. demands for faster growth. "
        "Prospects appear slim for a summer meeting between Chinese and Indian officials. "
        "Japanese and Korean officials normally meet in the spring to discuss fishing quotas.",
        set(),
        {
            ("meeting", frozenset({"DE", "US"})),
            ("meeting", frozenset({"CN", "IN"})),
            ("meeting", frozenset({"JP", "KR"})),
        },
        id="meeting-demands-slim-prospects-and-customs-are-no-meetings",
    ),
    pytest.param(
        "Peru is coordinating an eventual meeting of Andean presidents with U.S. President Ronald Reagan. "
        "Bolivia's economic reforms opened the door to talks with Argentina.",
        {("meeting", frozenset({"PE", "US"}), "planned"), ("meeting", frozenset({"BO", "AR"}), "planned")},
        set(),
        id="an-eventual-meeting-and-the-door-opened-to-talks-are-still-to-come",
    ),
    pytest.param(
        "MOMBASA, Oct 20 - Three harbour cranes donated by the Norwegian Agency for Development Cooperation "
        "have arrived in Mombasa. The 40,000 tonnes of Canadian wheat will arrive in Egypt next month. "
        "Norwegian Foreign Minister Thorvald Stoltenberg arrived in Nairobi on Monday.",
        {("visit", frozenset({"NO", "KE"}), "occurred")},
        {("visit", frozenset({"CA", "EG"}))},
        id="goods-that-arrive-are-no-visitors",
    ),
    pytest.param(
        "Egypt has imposed a trade embargo on a fellow U.S. ally in the region, Jordan. "
        "Brazil's trade practices have destroyed thousands of Argentine factories and millions of Argentine jobs.",
        {("hostile", frozenset({"EG", "JO"}), "occurred")},
        {("hostile", frozenset({"EG", "US"})), ("hostile", frozenset({"BR", "AR"}))},
        id="a-states-ally-is-another-state-and-destroyed-jobs-are-a-figure",
    ),
    pytest.param(
        "Observers said Peru and Chile were headed toward negotiations. "
        "Syria demanded the return of the remains of Syrians killed in Iraq. "
        "Libya insisted on further aid from Italy.",
        {("meeting", frozenset({"PE", "CL"}), "planned")},
        {("hostile", frozenset({"SY", "IQ"})), ("support", frozenset({"LY", "IT"}))},
        id="headed-toward-talks-is-planned-and-a-demand-is-no-act",
    ),
    pytest.param(
        "Perle said the United States and the Soviet Union were headed for an arms control agreement. "
        "Officials said Japan and South Korea are working toward a fisheries accord.",
        {
            ("agreement", frozenset({"US", "RU"}), "planned"),
            ("agreement", frozenset({"JP", "KR"}), "planned"),
        },
        set(),
        id="an-accord-headed-for-or-worked-toward-is-not-reached-yet",
    ),
    pytest.param(
        "The committee meeting on April 9 is expected to review the resolution that newly industrialised "
        "countries, such as South Korea and Taiwan, should let their currencies rise. "
        "Australia's delegate spoke at a special annual meeting which reviews the U.S. waiver.",
        set(),
        {("meeting", frozenset({"KR", "TW"})), ("meeting", frozenset({"AU", "US"}))},
        id="the-states-a-meeting-reviews-are-its-topic",
    ),
    pytest.param(
        "BUENOS AIRES, March 16 - West German President Richard von Weizsaecker met Argentine President "
        "Raul Alfonsin for talks on the first day of the German leader's four-day visit. "
        "Japan held talks on Monday on Iraq.",
        {("meeting", frozenset({"DE", "AR"}), "occurred"), ("visit", frozenset({"DE", "AR"}), "occurred")},
        {("meeting", frozenset({"JP", "IQ"}))},
        id="talks-on-a-day-are-dated-not-about-it",
    ),
    pytest.param(
        "President Shimon Peres told Egyptian President Hosni Mubarak in a phone call that Israel would "
        "keep its word. Peres made an official visit to Prague on Monday, where he met with the president "
        "of the Czech Republic.",
        set(),
        {("meeting", frozenset({"CZ", "EG"})), ("visit", frozenset({"CZ", "EG"}))},
        id="he-is-the-named-official-before-him-even-of-no-known-state",
    ),
    pytest.param(
        "U.S. Secretary of State Mike Pompeo met business leaders in Boston. He plans a final stop in the "
        "energy hub of Houston on Saturday before returning to Saudi Arabia. "
        "Moroccan Foreign Minister Nasser Bourita will visit Spain on his return to Morocco.",
        {("visit", frozenset({"MA", "ES"}), "planned")},
        {("visit", frozenset({"US", "SA"}))},
        id="the-home-a-traveller-returns-to-is-no-destination",
    ),
    pytest.param(
        "CAIRO, March 16 - Egypt and the Soviet Union are expected to sign a debt agreement in Moscow next "
        "week, Egyptian officials said. Talks are due to begin in Moscow on Wednesday. "
        "Economy Minister Youssri Mustapha met President Hosni Mubarak and Egyptian ambassador to Moscow "
        "Salah Bassiouni to discuss the issue.",
        {("agreement", frozenset({"EG", "RU"}), "planned"), ("meeting", frozenset({"EG", "RU"}), "planned")},
        set(),  # the minister's talks at home with the ambassador to Moscow are no meeting with Moscow
        id="bare-talks-are-the-running-dyads-and-an-ambassadors-posting-no-party",
    ),
    pytest.param(
        "Yugoslavia and the UAE agreed to initiate efforts to end the Iraq-Iran war. "
        "Fresh clashes broke out between Ethiopia and Somalia on Sunday. "
        "India and Pakistan have been at war twice since independence. "
        "Britain and Japan clashed today over U.K. demands for access to the Tokyo Stock Exchange.",
        {
            ("agreement", frozenset({"RS", "AE"}), "occurred"),
            ("hostile", frozenset({"IQ", "IR"}), "occurred"),
            ("hostile", frozenset({"ET", "SO"}), "occurred"),
            ("hostile", frozenset({"IN", "PK"}), "occurred"),
        },
        {("hostile", frozenset({"GB", "JP"}))},
        id="a-war-both-sides-wage-is-hostile-and-a-quarrel-is-not",
    ),
    pytest.param(
        "Officials said the massing of the fleet had nothing to do with the Iran-Iraq war. "
        "Anthony Cordesman, author of a new book on the Iran-Iraq war, spoke on Monday.",
        set(),
        {("hostile", frozenset({"IQ", "IR"}))},
        id="a-war-something-has-nothing-to-do-with-or-a-book-is-about-is-no-report-of-it",
    ),
    pytest.param(
        "Kabul said the Pakistanis had gained footholds on Afghan territory after launching the offensive "
        "on three fronts. Italy has joined the group of European Community countries opposed to the proposed tax.",
        set(),
        {("alliance", frozenset({"AF", "PK"})), ("alliance", frozenset({"IT", "EU"}))},
        id="battle-fronts-and-sides-taken-are-no-alliances",
    ),
    pytest.param(
        "There is a large Ghanaian community in Canada and many regularly travel back home to visit with "
        "their families. Many Kenyans in Britain travel home to Kenya to visit their families at Christmas.",
        set(),
        {("visit", frozenset({"GH", "CA"})), ("visit", frozenset({"KE", "GB"}))},
        id="visiting-ones-family-is-a-private-trip",
    ),
    pytest.param(
        "OTTAWA, April 27 - Canadian Foreign Minister Joe Clark has cancelled a trip to Japan because of "
        "pressing business at home. A first shipment of Nigerian crude oil will leave for Ghana this weekend. "
        "The plan will be explained this week when Finance Minister Michael Wilson visits Washington for "
        "talks with U.S. officials.",
        {("meeting", frozenset({"CA", "US"}), "planned"), ("visit", frozenset({"CA", "US"}), "planned")},
        {("visit", frozenset({"CA", "JP"})), ("visit", frozenset({"NG", "GH"}))},
        id="a-cancelled-trip-a-shipment-and-talks-when-he-visits",
    ),
    pytest.param(
        "Korea has until the next meeting of senior officials from Korea and France in May to respond. "
        "Canadian Trade Minister Pat Carney told representatives of several of the largest Japanese trading "
        "firms that she would act.",
        {("meeting", frozenset({"KR", "FR"}), "planned")},
        {("meeting", frozenset({"KR", "FR", "CA"})), ("meeting", frozenset({"CA", "JP"}))},
        id="the-next-meeting-is-still-to-come-and-firms-delegates-meet-no-state",
    ),
    pytest.param(
        "The Dutch barge Rijn, which sank 10 days ago near Basel in Switzerland, will be lifted. "
        "Iraq sank an Iranian frigate in the Gulf.",
        {("hostile", frozenset({"IQ", "IR"}), "occurred")},
        {("hostile", frozenset({"NL", "CH"}))},
        id="a-ship-that-sank-was-not-sunk-by-anyone",
    ),
    pytest.param(
        "Malaysia has decided to contribute US$1 million in humanitarian aid to Indonesia.",
        {("support", frozenset({"MY", "ID"}), "occurred")},
        {("support", frozenset({"MY", "US"})), ("support", frozenset({"MY", "US", "ID"}))},
        id="a-sum-in-us-dollars-names-no-united-states",
    ),
    pytest.param(
        "Although many Egyptians support Real Madrid or Barcelona, some Iraqi officials support the Syrian government.",
        {("support", frozenset({"IQ", "SY"}), "occurred")},
        {("support", frozenset({"EG", "ES"}))},
        id="many-of-a-people-are-not-its-state",
    ),
    pytest.param(
        "Egypt has received large numbers of tourists who come to visit the tombs of Greek kings. "
        "Iranian President Hassan Rouhani visited Iraq as tourists fled.",
        {("visit", frozenset({"IR", "IQ"}), "occurred")},
        {("visit", frozenset({"EG", "GR"}))},
        id="tourists-visiting-are-no-state-visit",
    ),
    pytest.param(
        "The South African Red Cross has sent medical aid to Zimbabwe. "
        "Japan donated 5 mln dlrs in food aid to Bangladesh. Malaysia will contribute $1 million in aid to Indonesia.",
        {("support", frozenset({"JP", "BD"}), "occurred"), ("support", frozenset({"MY", "ID"}), "occurred")},
        {("support", frozenset({"ZA", "ZW"}))},
        id="charities-give-no-state-aid-and-donors-contribute",
    ),
    pytest.param(
        "The growing number of Venezuelans arriving in Brazil strains its towns. "
        "Thousands of Syrians arrived in Turkey last week. A number of Iraqi ministers arrived in Moscow on Monday.",
        {("visit", frozenset({"IQ", "RU"}), "occurred")},
        {("visit", frozenset({"VE", "BR"})), ("visit", frozenset({"SY", "TR"}))},
        id="migrants-arriving-pay-no-visit-ministers-do",
    ),
    pytest.param(
        "SINGAPORE, June 12 - A communique said Asean hoped for greater Japanese investment in the region "
        "and larger numbers of visiting Japanese tourists.",
        set(),
        {("visit", frozenset({"JP", "SG"}))},
        id="visiting-tourists-pay-no-state-visit",
    ),
    pytest.param(
        "The Iraqi minister was unable to attend the meeting in Paris, and the two sides were unable to agree. "
        "Kuwait's emir visited Riyadh.",
        {("visit", frozenset({"KW", "SA"}), "occurred")},
        {("meeting", frozenset({"IQ", "FR"})), ("agreement", frozenset({"IQ", "FR"}))},
        id="what-a-state-was-unable-to-do-did-not-happen",
    ),
    pytest.param(
        "UN Special Envoy for Yemen Martin Griffiths met Saudi officials in Riyadh. "
        "Jan Vandemoortele, U.N. Resident Coordinator for Pakistan, said 30 countries including Australia "
        "and Japan provide assistance. Kuwait's emir visited Riyadh.",
        {("visit", frozenset({"KW", "SA"}), "occurred")},
        {("meeting", frozenset({"YE", "SA"})), ("support", frozenset({"PK", "AU", "JP"}))},
        id="the-state-of-an-envoys-mandate-is-no-party",
    ),
    pytest.param(
        "Washington says the plan shows Japan's failure to honour its pledges to open its market. "
        "Argentina has threatened to follow Brazil in declaring a moratorium. Japan pledged to help Indonesia.",
        {("support", frozenset({"JP", "ID"}), "occurred")},
        {("support", frozenset({"US", "JP"})), ("hostile", frozenset({"AR", "BR"}))},
        id="a-broken-pledge-is-no-support-and-following-a-state-threatens-no-one",
    ),
    pytest.param(
        "Foreign ministers of the 12 EC nations agreed to impose tariffs on a range of Japanese electrical goods. "
        "The U.S. has already imposed higher tariffs on computer microchips imported from Japan.",
        {("hostile", frozenset({"EU", "JP"}), "occurred"), ("hostile", frozenset({"US", "JP"}), "occurred")},
        {("agreement", frozenset({"EU", "JP"}))},
        id="tariffs-imposed-on-a-states-goods-are-a-sanction-not-an-agreement-with-it",
    ),
    pytest.param(
        "Soviet corn demand has been met by purchases of U.S. corn. Iraqi and Syrian ministers met in Damascus.",
        {("meeting", frozenset({"IQ", "SY"}), "occurred")},
        {("meeting", frozenset({"RU", "US"}))},
        id="a-demand-that-has-been-met-is-no-meeting",
    ),
    pytest.param(
        "Japan donated 5 mln dlrs in food aid to Bangladesh, and Malaysia will contribute $1 million in aid to Indonesia. "
        "Britain, France, and Italy signed an agreement with Japan.",
        {
            ("support", frozenset({"JP", "BD"}), "occurred"),
            ("support", frozenset({"MY", "ID"}), "occurred"),
            ("agreement", frozenset({"GB", "FR", "IT", "JP"}), "occurred"),
        },
        {("support", frozenset({"JP", "BD", "MY"})), ("support", frozenset({"JP", "ID"}))},
        id="and-a-second-subject-with-its-verb-opens-a-clause-a-list-does-not",
    ),
    pytest.param(
        "Turkey backs some of the rebel groups fighting the government. Clashes killed 25 Turkish-backed Syrian "
        "militiamen. Iran supports the Syrian government.",
        {("support", frozenset({"IR", "SY"}), "occurred")},
        {("support", frozenset({"TR", "SY"}))},
        id="support-for-a-movement-is-no-support-for-a-state",
    ),
    pytest.param(
        "The British minister told a U.S. Chamber of Commerce meeting that Congress was wrong.",
        set(),
        {("meeting", frozenset({"GB", "US"}))},
        id="a-chamber-of-commerce-named-after-a-state-is-not-the-state",
    ),
    pytest.param(
        "Prime Minister Brian Mulroney will meet the movement's president Oliver Tambo in Ottawa, an official "
        "of the outlawed South African organization said.",
        set(),
        {("meeting", frozenset({"CA", "ZA"}))},
        id="an-organisation-named-by-a-demonym-is-not-the-state",
    ),
    pytest.param(
        "Britain needs evidence that the Syrians have renounced state-sponsored terrorism. "
        "The U.S.-backed government of Iraq signed an accord with Kuwait.",
        {
            ("agreement", frozenset({"IQ", "KW"}), "occurred"),
            ("support", frozenset({"US", "IQ"}), "occurred"),
        },
        {("support", frozenset({"GB", "SY"}))},
        id="state-sponsored-terrorism-is-no-support-between-states",
    ),
    pytest.param(
        'Hong Kong attacked the "textile and apparel trade act of 1987" introduced in the U.S. Congress. '
        "India attacked the new U.S. trade bill. Iraq attacked the Iranian port of Bandar Abbas.",
        {("hostile", frozenset({"IQ", "IR"}), "occurred")},
        {("hostile", frozenset({"HK", "US"})), ("hostile", frozenset({"IN", "US"}))},
        id="attacking-a-bill-is-criticism-not-an-attack",
    ),
    pytest.param(
        "NATO is monitoring the largest deployment of Soviet attack submarines near the United States since 1985. "
        "Iraqi jets attacked an Iranian tanker.",
        {("hostile", frozenset({"IQ", "IR"}), "occurred")},
        {("hostile", frozenset({"RU", "US"}))},
        id="an-attack-submarine-is-a-vessel-not-an-attack",
    ),
    pytest.param(
        "French Finance Minister Edouard Balladur said the Group of Five is closer to arriving at a system of "
        "target zones for the U.S. dollar. The Iraqi minister arrived at the airport in Moscow.",
        {("visit", frozenset({"IQ", "RU"}), "occurred")},
        {("visit", frozenset({"FR", "US"}))},
        id="arriving-at-a-system-is-no-arrival",
    ),
    pytest.param(
        "Papandreou told an emergency cabinet meeting in Athens that the army could give a hard lesson if "
        "our neighbours (Turkey) were to carry out military actions. "
        "Turkish Prime Minister Turgut Ozal said the row with Greece showed the need for talks.",
        set(),
        {("meeting", frozenset({"GR", "TR"}))},
        id="a-cabinet-meeting-and-the-need-for-talks-are-no-meetings-between-states",
    ),
    pytest.param(
        "At today's Cabinet meeting, Japanese Prime Minister Nakasone told his trade minister to calm U.S. anger.",
        set(),
        {("meeting", frozenset({"JP", "US"}))},
        id="a-cabinet-meeting-is-domestic",
    ),
    pytest.param(
        "TOKYO - Miyazawa said he talks with U.S. Treasury Secretary James Baker from time to time. "
        "West Germany and France agreed to a package of measures at a meeting in Paris.",
        {
            ("meeting", frozenset({"DE", "FR"}), "occurred"),
            ("agreement", frozenset({"DE", "FR"}), "occurred"),
        },
        {("meeting", frozenset({"JP", "US"}))},
        id="talks-from-time-to-time-are-a-habit-and-agreeing-to-a-package-is-done",
    ),
    pytest.param(
        "U.S. Secretary of State George Shultz criticized European Community policies which he said encourage "
        "production by providing high government supports to farmers. Japan pledged support to Egypt.",
        {("support", frozenset({"JP", "EG"}), "occurred")},
        {("support", frozenset({"US", "EU"}))},
        id="supports-to-farmers-are-a-domestic-subsidy",
    ),
    pytest.param(
        "Swedish Export Credit is issuing 75 mln New Zealand dlr eurobonds. "
        "The United States will extend a 500 mln dlr credit to Mexico.",
        {("support", frozenset({"US", "MX"}), "occurred")},
        {("support", frozenset({"SE", "NZ"}))},
        id="a-currency-named-after-a-state-is-no-party",
    ),
    pytest.param(
        "Moscow is officially neutral in the war between Iran and Iraq.",
        {("hostile", frozenset({"IR", "IQ"}), "occurred")},
        {("hostile", frozenset({"RU", "IR", "IQ"}))},
        id="a-war-between-two-states-has-those-two-sides-only",
    ),
    pytest.param(
        "Australia and New Zealand have more than a dozen trade agreements each. "
        "He says an official agreement between Congo and Angola may finally end the expulsions. "
        "Chile and Peru signed two trade agreements.",
        {("agreement", frozenset({"CL", "PE"}), "occurred")},
        {("agreement", frozenset({"AU", "NZ"})), ("agreement", frozenset({"CG", "AO"}))},
        id="agreements-a-state-has-and-one-that-may-come-are-no-events",
    ),
    pytest.param(
        "Japanese customers will visit Saudi Arabia this month to finalise their contracts. "
        "The Mexican Government authorized an export quota of live cattle, most of which goes to the United States. "
        "Japanese Foreign Minister Tadashi Kuranari will visit Saudi Arabia next week.",
        {("visit", frozenset({"JP", "SA"}), "planned")},
        {("visit", frozenset({"MX", "US"}))},
        id="customers-and-cattle-pay-no-state-visit",
    ),
    pytest.param(
        "MOSCOW, April 13 - U.S. Secretary of State George Shultz and Soviet Foreign Minister Eduard "
        "Shevardnadze met today in pursuit of the first superpower arms control agreement in nearly a decade.",
        {("meeting", frozenset({"US", "RU"}), "occurred")},
        {("agreement", frozenset({"US", "RU"}))},
        id="an-agreement-pursued-is-not-reached",
    ),
    pytest.param(
        "The United States lifted 51 mln dlrs of the sanctions on Japan last June. "
        "The European Community suspended its embargo on Argentina. "
        "The United States imposed sanctions on Libya.",
        {("hostile", frozenset({"US", "LY"}), "occurred")},
        {("hostile", frozenset({"US", "JP"})), ("hostile", frozenset({"EU", "AR"}))},
        id="lifting-sanctions-is-no-hostile-act",
    ),
    pytest.param(
        "More than 52,000 Venezuelans have arrived in Brazil since the beginning of 2017. "
        "Some 2,000 Cuban troops arrived in Angola.",
        {("visit", frozenset({"CU", "AO"}), "occurred")},
        {("visit", frozenset({"VE", "BR"}))},
        id="counted-migrants-pay-no-visit-but-counted-troops-do",
    ),
    pytest.param(
        "In 2003, Slovenia endorsed the invasion of Iraq. Britain welcomed the sanctions against Iran. "
        "France criticised the U.S. strikes on Syria.",
        {("hostile", frozenset({"US", "SY"}), "occurred")},
        {("hostile", frozenset({"SI", "IQ"})), ("hostile", frozenset({"GB", "IR"}))},
        id="who-takes-a-stance-on-an-act-does-not-do-it",
    ),
    pytest.param(
        "American Airlines offered a round-trip fare of $205 from Baltimore to Moscow.",
        set(),
        {("visit", frozenset({"US", "RU"}))},
        id="a-fare-is-no-trip",
    ),
    pytest.param(
        "Malaysia has asked Japan for a 42 billion yen loan to finance gas pipelines. "
        "Japan gave Thailand a 30 billion yen loan.",
        {("support", frozenset({"JP", "TH"}), "occurred")},
        {("support", frozenset({"JP", "MY"}))},
        id="a-loan-asked-for-is-not-given",
    ),
    pytest.param(
        "Iran and Iraq held talks in Switzerland. "
        "The Australian minister came here after talks in the United States.",
        {("meeting", frozenset({"IR", "IQ"}), "occurred"), ("meeting", frozenset({"AU", "US"}), "occurred")},
        {("meeting", frozenset({"IR", "IQ", "CH"}))},
        id="a-country-two-parties-meet-in-is-the-venue",
    ),
    pytest.param(
        "Bolivian President Victor Paz will propose a summit with U.S. President Reagan to take place in "
        "Venezuela in May. The Iraqi envoy met his Iranian counterpart in Kuwait on Monday. "
        "U.S. Trade Representative Yeutter and EC Commissioner De Clercq held talks with officials in Japan.",
        {
            ("meeting", frozenset({"BO", "US"}), "planned"),
            ("meeting", frozenset({"IQ", "IR"}), "occurred"),
            ("meeting", frozenset({"US", "JP", "EU"}), "occurred"),
        },
        {("meeting", frozenset({"BO", "US", "VE"})), ("meeting", frozenset({"IQ", "IR", "KW"}))},
        id="a-country-two-parties-meet-in-after-the-meeting-is-the-venue",
    ),
    pytest.param(
        "The summit of Bolivian President Victor Paz and U.S. President Reagan will be held in Caracas. "
        "Japanese officials said talks with U.S. officials would be held in Washington.",
        {("meeting", frozenset({"BO", "US"}), "planned"), ("meeting", frozenset({"JP", "US"}), "planned")},
        set(),
        id="a-meeting-that-will-be-held-is-planned-whatever-its-subjects-length",
    ),
    pytest.param(
        "Officials will brief reporters after Israeli Prime Minister Shamir met U.S. President Reagan. "
        "Japan will sign the pact after its trade minister visits Washington.",
        {
            ("meeting", frozenset({"US", "IL"}), "occurred"),
            ("agreement", frozenset({"JP", "US"}), "planned"),
        },
        set(),
        id="a-past-act-after-after-happened-whatever-the-main-clause-plans",
    ),
    pytest.param(
        "Australia's Minister for Trade Negotiations is optimistic about talks with the European Community. "
        "Britain's Secretary of State for Trade met U.S. officials.",
        {("meeting", frozenset({"GB", "US"}), "occurred")},
        {("meeting", frozenset({"AU", "EU"}))},
        id="a-word-of-an-offices-name-is-no-trigger",
    ),
    pytest.param(
        "QUITO, March 3 - Santos said the move had been explained to fellow OPEC members during last week's "
        "meeting in Vienna, when an increase in Ecuador's quota was approved. Soviet trade minister Antonov "
        "began talks in Bonn.",
        {("meeting", frozenset({"RU", "DE"}), "occurred")},
        {("meeting", frozenset({"EC", "AT"}))},
        id="a-blocs-meeting-in-a-capital-is-not-hosted-by-its-state",
    ),
    pytest.param(
        "Turkey and Greece disagree. \"A solution can only be found by bilateral negotiations,\" the statement "
        "said. Denmark's foreign minister said: \"I am sure we can reach an understanding with Canada.\" "
        "Greek and Turkish officials met in Brussels.",
        {("meeting", frozenset({"GR", "TR"}), "occurred")},
        {("agreement", frozenset({"DK", "CA"}))},
        id="what-can-be-done-is-not-done",
    ),
    pytest.param(
        "OTTAWA, June 29 - Canada Post, under orders to eliminate a $160 million (U.S.) deficit, has taken a "
        "tough stand in the talks. Japan will give a 40 mln dlr (U.S.) loan to Mexico.",
        {("support", frozenset({"JP", "MX"}), "occurred")},
        {("meeting", frozenset({"US", "CA"})), ("support", frozenset({"US", "MX"}))},
        id="a-currency-in-parentheses-is-no-party",
    ),
    pytest.param(
        "The U.S. State Department said Iran was dangerous because of its support for terrorism. "
        "The United States gave military aid to the Afghan rebels. Syria gave support to Iran.",
        {("support", frozenset({"SY", "IR"}), "occurred")},
        {("support", frozenset({"US", "IR"})), ("support", frozenset({"US", "AF"}))},
        id="support-for-terrorism-or-rebels-goes-to-no-state",
    ),
    pytest.param(
        "Negotiators for Canada and the United States have been meeting for a year in an effort to work out "
        "an agreement.",
        {("meeting", frozenset({"CA", "US"}), "occurred")},
        {("agreement", frozenset({"CA", "US"}))},
        id="an-effort-to-work-out-an-agreement-has-not-reached-it",
    ),
    pytest.param(
        "Brazilian Finance Minister Funaro is now on his way to Tokyo. Japanese Trade Minister Tamura was "
        "on his way to Paris when the news broke.",
        {("visit", frozenset({"BR", "JP"}), "planned"), ("visit", frozenset({"JP", "FR"}), "occurred")},
        set(),
        id="on-his-way-is-not-there-yet",
    ),
    pytest.param(
        "Iraq lost at least 3,000 men killed, IRNA, monitored by the British Broadcasting Corp, said. "
        "Japan signed an accord with the British government.",
        {("agreement", frozenset({"JP", "GB"}), "occurred")},
        {("hostile", frozenset({"IQ", "GB"}))},
        id="a-state-in-a-companys-name-is-no-party",
    ),
    pytest.param(
        "Colombian finance minister Cesar Gaviria, talking to reporters at the end of the weekly National "
        "Coffee Committee meeting, said the positions of Brazil and of the United States were far apart. "
        "Soviet and Chinese officials held a meeting in Peking.",
        {("meeting", frozenset({"RU", "CN"}), "occurred")},
        {("meeting", frozenset({"CO", "BR", "US"}))},
        id="a-states-own-bodys-meeting-is-no-talks-with-others",
    ),
    pytest.param(
        "Guam officials flew to Saipan for talks with Northern Mariana Islands officials. "
        "Puerto Rico signed an agreement with Guam. Japan signed an agreement with Guam.",
        {("agreement", frozenset({"JP", "GU"}), "occurred")},
        {("visit", frozenset({"GU", "MP"})), ("agreement", frozenset({"PR", "GU"}))},
        id="two-territories-of-one-state-are-a-domestic-matter",
    ),
    pytest.param(
        "Wang, who is visiting Russia as the special envoy of Chinese President Xi Jinping, said the talks "
        "were useful. Kenya's trade minister met a visiting Ugandan delegation.",
        {("visit", frozenset({"UG", "KE"}), "occurred"), ("meeting", frozenset({"UG", "KE"}), "occurred")},
        {("visit", frozenset({"RU", "CN"}))},
        id="visiting-a-state-as-an-envoy-goes-there",
    ),
    pytest.param(
        "China led capacity additions, said IRENA, an intergovernmental organization that supports "
        "countries of the European Union. The United States, which supports Israel, said it would veto it.",
        {("support", frozenset({"US", "IL"}), "occurred")},
        {("support", frozenset({"CN", "EU"}))},
        id="a-body-that-supports-is-no-state",
    ),
    pytest.param(
        "Egyptian and Israeli officials met in Paris, France on Monday. "
        "The EC Commission met in Brussels on Friday. "
        "Soviet trade minister Antonov began talks in Bonn.",
        {("meeting", frozenset({"EG", "IL"}), "occurred"), ("meeting", frozenset({"RU", "DE"}), "occurred")},
        {("meeting", frozenset({"EG", "IL", "FR"})), ("meeting", frozenset({"EU", "BE"}))},
        id="a-towns-country-and-a-blocs-seat-are-venues",
    ),
    pytest.param(
        "ATHENS, April 1 - Prime Minister Andreas Papandreou said that in the case of war with Turkey it would "
        "not be possible for Greece to discuss the bases. Iraq attacked Iran.",
        {("hostile", frozenset({"IQ", "IR"}), "occurred")},
        {("hostile", frozenset({"GR", "TR"}))},
        id="in-the-case-of-war-is-a-condition",
    ),
    pytest.param(
        "The Qatar news agency said Sheikh Sultan was in Dubai after flying back from a private visit to London. "
        "The Qatari emir paid an official visit to Paris.",
        {("visit", frozenset({"QA", "FR"}), "occurred")},
        {("visit", frozenset({"QA", "GB"}))},
        id="a-private-visit-is-no-state-visit",
    ),
    pytest.param(
        "The allegations against the Syrian government and Russia create obstacles to negotiated solutions. "
        "Israel and Egypt negotiated a settlement in Cairo.",
        {("meeting", frozenset({"IL", "EG"}), "occurred")},
        {("meeting", frozenset({"SY", "RU"}))},
        id="a-negotiated-solution-is-no-negotiation",
    ),
    pytest.param(
        "MIAMI, March 25 - Mexican officials signed a 100 mln dlr loan with the Inter-American Development Bank. "
        "Japan gave Zambia a 50 mln dlr loan.",
        {("support", frozenset({"JP", "ZM"}), "occurred")},
        {("support", frozenset({"MX", "US"}))},
        id="a-loan-from-a-multilateral-lender-has-no-state-giver",
    ),
    pytest.param(
        'Lyng revived a U.S. proposal that Japan buy surplus U.S. grain for donation to Bangladesh. '
        'Poland says it has a "moral right" to assistance from the United States. '
        "The United States pledged aid to Poland.",
        {("support", frozenset({"US", "PL"}), "occurred")},
        {("support", frozenset({"US", "JP"})), ("support", frozenset({"JP", "BD"}))},
        id="a-proposal-or-a-right-claimed-is-no-support",
    ),
    pytest.param(
        "TOKYO, March 27 - Prime Minister Yasuhiro Nakasone will make an official visit to the United States "
        "from April 29 and hold talks in Washington with President Reagan. Japan's trade surplus is the issue.",
        {("visit", frozenset({"JP", "US"}), "planned"), ("meeting", frozenset({"JP", "US"}), "planned")},
        set(),
        id="the-future-reaches-the-second-verb",
    ),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), HARD)
def test_hard_sentences(gazetteer, text: str, expected: set, forbidden: set) -> None:  # type: ignore[no-untyped-def]
    found = summary(events_of(text, gazetteer))
    # the full set: an extra, spurious event fails as surely as a missing one
    assert found == expected
    assert not {(t, c) for t, c, _ in found} & forbidden, found


def test_a_warning_from_a_state_comes_from_it(gazetteer) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events_of(
        "Greece, replying to a warning from Turkey, said it would drill in the Aegean Sea.", gazetteer
    )
    assert (ev.type, ev.source, ev.target) == (EventType.HOSTILE, "TR", "GR")
    (ev,) = events_of("Iraq's invasion of Kuwait was condemned.", gazetteer)
    assert (ev.source, ev.target) == ("IQ", "KW")
    # "by" and a gerund is the means, not the agent of a passive
    (ev,) = events_of("Britain said it would retaliate by imposing taxes on U.S. exports.", gazetteer)
    assert (ev.source, ev.target) == ("GB", "US")


def test_a_visit_told_by_its_host_goes_where_its_talks_are(gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = events_of(
        "BUENOS AIRES, March 16 - West German President Richard von Weizsaecker met Argentine President "
        "Raul Alfonsin for talks on the first day of the German leader's four-day visit. "
        "Local officials placed great importance on the meeting here.",
        gazetteer,
    )
    visit = next(ev for ev in found if ev.type is EventType.VISIT)
    assert (visit.source, visit.target) == ("DE", "AR")
    assert visit.location is not None and visit.location.name == "Buenos Aires"


def test_a_mutual_war_has_no_direction(gazetteer) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events_of("The Iran-Iraq war entered its seventh year.", gazetteer)
    assert (ev.type, set(ev.countries), ev.source, ev.target) == (EventType.HOSTILE, {"IR", "IQ"}, None, None)
    # one side acting on the other keeps its direction
    (ev,) = events_of("Iran is at war with Iraq.", gazetteer)
    assert (ev.source, ev.target) == ("IR", "IQ")


def test_the_subject_of_a_passive_act_is_its_target(gazetteer) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events_of("An Iranian tanker was attacked on Saturday, Iraq said.", gazetteer)
    assert (ev.type, ev.source, ev.target) == (EventType.HOSTILE, "IQ", "IR")
    (ev,) = events_of("The Iranian tanker was attacked on Saturday by Iraqi jets.", gazetteer)
    assert (ev.source, ev.target) == ("IQ", "IR")
    # the active voice, and a subject with its object before the act, stay as they are
    (ev,) = events_of("Iraq said its jets attacked an Iranian tanker.", gazetteer)
    assert (ev.source, ev.target) == ("IQ", "IR")
    (ev,) = events_of("Iran said over 2,600 Iraqis had been killed or wounded yesterday.", gazetteer)
    assert (ev.source, ev.target) == ("IR", "IQ")


def test_the_state_named_at_the_noun_gives_or_does_it(gazetteer) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events_of("Zambia was setting up an irrigation fund with Canadian aid.", gazetteer)
    assert (ev.type, ev.source, ev.target) == (EventType.SUPPORT, "CA", "ZM")
    (ev,) = events_of("Kuwaiti tankers have come under repeated Iranian attack.", gazetteer)
    assert (ev.type, ev.source, ev.target) == (EventType.HOSTILE, "IR", "KW")
    # not across a preposition: "the Iranian coast in attacks" names where, not who
    (ev,) = events_of(
        "Iraq said its warplanes hit two ships off the Iranian coast in attacks last night.", gazetteer
    )
    assert (ev.source, ev.target) == ("IQ", "IR")
    # a country before the noun is the indirect object: "gave India aid"
    (ev,) = events_of("Britain gave India aid.", gazetteer)
    assert (ev.source, ev.target) == ("GB", "IN")


def test_people_expelled_from_a_state_are_expelled_by_it(gazetteer) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events_of("Thousands of Angolans were expelled from Congo last month.", gazetteer)
    assert (ev.type, ev.source, ev.target) == (EventType.HOSTILE, "CG", "AO")
    (ev,) = events_of("Iranian diplomats were expelled by France on Monday.", gazetteer)
    assert (ev.source, ev.target) == ("FR", "IR")
    (ev,) = events_of("The Kuwaiti tanker was sunk by Iranian gunboats.", gazetteer)
    assert (ev.source, ev.target) == ("IR", "KW")


def test_planned_visit_has_date_location_direction_and_evidence(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Separately, Chilean Foreign Minister Alejandro Foxley will pay an official visit to Lisbon on October 14."
    (visit,) = [e for e in events_of(text, gazetteer, date="1994-10-02") if e.type is EventType.VISIT]
    assert visit.status is EventStatus.PLANNED
    assert (visit.source, visit.target) == ("CL", "PT")
    assert visit.countries[0] == "CL"
    assert (visit.date, visit.date_text) == ("1994-10-14", "on October 14")
    assert visit.location is not None and visit.location.name == "Lisbon" and visit.location.lat is not None
    assert visit.plover == "CONSULT/visit" and visit.cameo.startswith("04")
    (ev,) = visit.evidence
    assert text[ev.start : ev.end] == ev.text


def test_repeats_merge_and_keep_every_sentence(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Syria's defence chief met Lebanese President Elias Hrawi in Beirut on Sunday. "
        "The meeting covered border questions. "
        "He met Lebanese President Elias Hrawi again in Beirut on Sunday, aides said."
    )
    meetings = [e for e in events_of(text, gazetteer) if e.type is EventType.MEETING]
    assert len(meetings) == 1
    assert len(meetings[0].evidence) >= 2
    loc = meetings[0].location
    assert loc is not None and loc.country == "LB"
    assert abs(loc.lat - 33.89) < 0.3 and abs(loc.lon - 35.50) < 0.3  # Beirut


def test_furniture_yields_nothing(gazetteer) -> None:  # type: ignore[no-untyped-def]
    from geo.mentions import find_mentions

    body = "Officials discussed the weather.\n\n"
    related = "Related articles\n\nTrump threatens Iran oil sanctions after talks postponed\n"
    article = Article(id="f", text=body + related, furniture=((len(body), len(body) + len(related)),))
    assert find_events(article, find_mentions(article, gazetteer=gazetteer), gazetteer=gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Has warned it would never let Cuba acquire missiles. Mr. Shultz left.", 2),
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
        "Chilean Foreign Minister Alejandro Foxley will visit Lisbon on October 14.",
        "The United States imposed sanctions on Libya on Thursday.",
        "Nothing diplomatic happened here.",
        "Brazil and Argentina have established diplomatic relations.",
    ] * 3
    articles = [Article(id=f"a{i}", text=t, date="2020-11-21") for i, t in enumerate(texts)]
    serial = list(iter_events(articles, jobs=1, gazetteer=gazetteer))
    parallel = list(iter_events(iter(articles), jobs=2))
    assert serial == parallel and serial


def test_batched_extraction_equals_each_article_read_alone(shared_dir, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """The stages run over batches of articles (up to 256, with every shortcut before the
    mentions); each article still gets exactly what it gets read alone, in full."""
    import itertools

    from geo.ingest import read_articles
    from geo.mentions import find_mentions

    path = shared_dir / "corpora" / "reuters21578" / "articles.jsonl"
    articles = list(itertools.islice(read_articles([str(path)]), 700))  # batches 1, 2, ... 256, 256, 181
    alone = [e for a in articles for e in find_events(a, find_mentions(a, gazetteer=gazetteer), gazetteer)]
    assert list(iter_events(articles, gazetteer=gazetteer)) == alone
    assert len(alone) >= 50


def test_extract_events_frame_has_one_row_per_event(gazetteer) -> None:  # type: ignore[no-untyped-def]
    articles = [
        Article(id="x", text="The United States imposed sanctions on Libya on Thursday.", date="1986-01-10")
    ]
    frame = extract_events(articles, gazetteer=gazetteer)
    assert list(frame.columns) == list(EVENT_FIELDS)
    assert (
        len(frame) == 1
        and frame.loc[0, "type"] == "hostile"
        and sorted(frame.loc[0, "countries"]) == ["LY", "US"]
    )


def _gate_sentences(shared_dir) -> list[str]:  # type: ignore[no-untyped-def]
    from geo.ingest import read_articles

    sentences = [
        a.text[s:e]
        for a in read_articles([str(shared_dir / "dev_gold" / "articles.jsonl")])
        for s, e in split_sentences(a.text)
    ]
    return sentences + [p.values[0] for p in HARD]


def test_trigger_stems_never_hide_a_match(shared_dir) -> None:  # type: ignore[no-untyped-def]
    """The cheap stem gate must pass every sentence that the trigger's regex matches.

    A ``\\bstem`` must start a word inside the match, and a ``\\bstem\\b`` be a whole word there,
    as the gate only counts them there.
    """
    import re

    def bounded(low: str, at: int) -> bool:  # a word boundary before position ``at``, as \b
        return at == 0 or at == len(low) or not (low[at - 1].isalnum() or low[at - 1] == "_")

    for trig in load_triggers():
        assert trig.stems, trig.name
        for sent in _gate_sentences(shared_dir):
            low = sent.lower()
            for m in trig.pattern.finditer(sent):
                found = []
                for stem in trig.stems:
                    start = stem.startswith("\\b")
                    whole = start and stem.endswith("\\b") and len(stem) > 4
                    plain = stem[2:-2] if whole else stem.removeprefix("\\b")
                    for o in re.finditer(re.escape(plain), low[m.start() : m.end()]):
                        at = m.start() + o.start()
                        end = at + len(plain)
                        if (not start or bounded(low, at)) and (
                            not whole or end == len(low) or not (low[end].isalnum() or low[end] == "_")
                        ):
                            found.append(stem)
                assert found, (trig.name, m.group(0))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire copy often doubles a space: a stem of two words would hide the match
        ("Japan's plan met  with strong opposition from the United States.", set()),
        (
            "Japanese Prime Minister Nakasone will set  off for Washington on Monday.",
            {("visit", frozenset({"JP", "US"}), "planned")},
        ),
    ],
)
def test_a_doubled_space_hides_no_trigger(gazetteer, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    assert summary(events_of(text, gazetteer)) == expected


def test_a_whole_word_stem_gates_only_the_word() -> None:
    from geo import events

    leave = next(i for i, t in enumerate(load_triggers()) if t.name == "visit_leave")
    assert leave in events._gated_triggers("he will go to tokyo")
    assert leave in events._gated_triggers("go")
    # "go" inside a word, or at its start, is no sign of a journey
    assert leave not in events._gated_triggers("the government and the ago-old gold market")


def _ungated_hits(text: str) -> list[tuple[str, int, int]]:
    """Every trigger's regex as written (IGNORECASE) on ``text``, no gate, no lower-cased form:
    what the gated search must find."""
    taken: list[tuple[int, int]] = []
    hits = []
    for trig in load_triggers():
        for m in trig.pattern.finditer(text):
            s, e = m.span()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if trig.type != "none":
                hits.append((trig.name, s, e))
    return sorted(hits, key=lambda h: h[1])


def _gated_hits(text: str) -> list[tuple[str, int, int]]:
    from geo import events

    return [(h.trigger.name, h.start, h.end) for h in events._find_triggers(text, 0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said aid would flow, and the loan was lent at a set rate.",
        "He resigned; the design was for a metal form and a mission leg.",
        "Officials said talks on the airspace treaty will go ahead, Tokyo said.",
        "Sahid, on his way to Oslo, met the Danish premier and discussed the pact.",
        "PRESIDENT REAGAN WILL VISIT TOKYO AND SIGN THE MOU ON TALKS WITH JAPAN.",
        "The mınıster ſigned the accord and İzmir hosted talks; the visıt to Ankara is set.",
        # vetoes with no other trigger (skipped unrun), and vetoes that block one
        "Congress and the House of Representatives debated the union's labour agreement.",
        "The demand has been met, and the agreement with the union was signed in Congress.",
    ],
)
def test_gated_trigger_search_equals_running_every_trigger(sentence: str) -> None:
    """The stem automaton only skips work: every trigger on every sentence finds the same hits."""
    assert _gated_hits(sentence) == _ungated_hits(sentence)


def test_gated_trigger_search_equals_running_every_trigger_on_news(shared_dir) -> None:  # type: ignore[no-untyped-def]
    for sent in _gate_sentences(shared_dir):
        for variant in (sent, sent.upper(), sent.replace("i", "\u0131").replace("s", "\u017f")):
            assert _gated_hits(variant) == _ungated_hits(variant), variant


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


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan Trade Minister Joseph Kamau said he plans a September trip to Tanzania to discuss tariffs.",
        "The Chilean foreign minister plans an official visit to Peru in September, his office said.",
    ],
)
def test_a_trip_someone_plans_is_planned_and_dated_ahead(gazetteer, text: str) -> None:  # type: ignore[no-untyped-def]
    # "plans a ... trip", like "plans to": a month named in March is the coming September
    visits = [e for e in events_of(text, gazetteer, date="2003-03-04") if e.type is EventType.VISIT]
    assert [(v.status, v.date) for v in visits] == [(EventStatus.PLANNED, "2003-09")]


def test_exchange_of_visits_is_one_visit_each_way(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Argentina and Britain agreed on Wednesday to exchange visits by trade delegations, diplomats said."
    )
    visits = {
        (e.source, e.target, e.status.value) for e in events_of(text, gazetteer) if e.type is EventType.VISIT
    }
    assert visits == {("AR", "GB", "planned"), ("GB", "AR", "planned")}


def test_passive_threat_runs_from_the_agent(gazetteer) -> None:  # type: ignore[no-untyped-def]
    (threat,) = events_of("Iraq was threatened with sanctions by the United States.", gazetteer)
    assert (threat.source, threat.target) == ("US", "IQ")


def test_a_visit_this_week_and_on_wednesday_is_one_visit_on_wednesday(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Indonesian President Suharto said his visit to Australia later this week will help. "
        "Suharto leaves on his official visit to Australia on Wednesday."
    )
    (visit,) = events_of(text, gazetteer, date="1997-04-21")  # a Monday
    assert (visit.type, visit.status) == (EventType.VISIT, EventStatus.PLANNED)
    assert (visit.date, visit.date_text) == ("1997-04-23", "on Wednesday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deadline is when something is due, not when the event happened
        ("Trade talks between Chile and Peru must be concluded by October.", (None, None)),
        ("Norway imposed sanctions on Iran, giving firms a December deadline to leave.", (None, None)),
        ("Spain and Morocco held talks, and Spain set a deadline of June 1 for a deal.", (None, None)),
        ("Canada imposed sanctions on Chile by the end of May.", (None, None)),
        # a planned event is dated by its deadline, forward
        ("Chile and Peru will sign a trade agreement by the end of June.", ("2021-06", "of June")),
    ],
)
def test_a_deadline_dates_only_what_is_still_to_come(gazetteer, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of(text, gazetteer, date="2021-03-18")  # a Thursday
    assert (event.date, event.date_text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare year qualifying another noun dates that noun, not the event
        ("Australia and the U.S. held talks about the 1955 waiver.", (None, None)),
        ("Chile and Peru signed the accord to set the 1988 fishing quota.", (None, None)),
        # but it dates the event when it qualifies the event itself, or frames its time
        ("Japan and China held their 1987 trade talks in Peking.", ("1987", "1987")),
        ("Moscow severed ties with Israel during the 1967 war.", ("1967", "1967")),
    ],
)
def test_a_year_dates_the_noun_it_qualifies(gazetteer, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of(text, gazetteer, date="1987-04-01")
    assert (event.date, event.date_text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Japan will meet the terms of the pact with the U.S., Japanese officials said.",
        "Zimbabwe upgraded abattoirs to meet stringent EC rules on beef exports.",
    ],
)
def test_meeting_the_terms_of_a_pact_is_no_meeting(gazetteer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(e.type is not EventType.MEETING for e in events_of(text, gazetteer))


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Iraq welcomed the support of Syria for the plan.", ("SY", "IQ")),
        ("Ghana will get 30 mln dlrs as grants from Japan to build roads.", ("JP", "GH")),
    ],
)
def test_support_of_or_from_a_state_runs_from_it(gazetteer, text: str, direction: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    (support,) = events_of(text, gazetteer)
    assert (support.source, support.target) == direction


_BLOC_PIECES = ["EC", "E.C.", "EEC", "OPEC", "G-7", "G7", "G-10", "x", ".", " ", "-", "_"]


@given(st.lists(st.sampled_from(_BLOC_PIECES), max_size=8))
def test_names_a_bloc_is_a_search_of_every_bloc(pieces: list[str]) -> None:
    # _names_a_bloc tries a bloc only where its forms begin: it must answer as the searches do
    from geo import events

    text = "".join(pieces)
    expected = any(pattern.search(text) for pattern, _code, _members in events._blocs())
    assert events._names_a_bloc(text) == expected
    assert events._names_a_bloc(text, events._blocs_gated_in(text)) == expected  # as the pipeline asks
    for pattern, _code, _members in events._blocs():
        for start, end in ((0, len(text)), (1, len(text) - 1), (2, 5)):
            expected_spans = [m.span() for m in pattern.finditer(text, start, end)]
            assert [m.span() for m in events._bloc_matches(text, pattern, start, end)] == expected_spans


@given(st.text(alphabet="aB.!? \n\t\u2028\"')”(9", max_size=30))
def test_sentence_boundary_is_the_plain_regex(text: str) -> None:
    # _BOUNDARY opens with a class rather than a repeat, for speed: it must find what the plain form finds
    import re

    from geo.events import _BOUNDARY

    plain = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="ab. _9é-²,'\u0663", max_size=12))
def test_last_token_is_what_the_suffix_regex_matches(piece: str) -> None:
    # (no newline: split_sentences reads one line at a time, and "$" also matches before a final one)
    import re

    from geo.events import _last_token

    m = re.search(r"([\w.]+)$", piece)
    assert _last_token("x " + piece + " y", 2, 2 + len(piece)) == (m.group(1) if m else "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the official the phrase describes travels, to the state "visiting" takes as object
        (
            (
                "Chilean Foreign Minister Carlos Ortega spoke on Monday. "
                "Ortega, visiting the Netherlands on the last leg of a European tour, told reporters little."
            ),
            ("CL", "NL"),
        ),
        (
            (
                "Peruvian Trade Minister Ana Ruiz said talks went well. Her aides were pleased. "
                "Ruiz, who will also be visiting Norway before returning home, said exports would rise."
            ),
            ("PE", "NO"),
        ),
        # a state right after "visiting" with a noun of its own is who travels, whoever is named first
        ("Thai officials met a visiting Kenyan delegation in Bangkok on Tuesday.", ("KE", "TH")),
        ("Thai officials met a visiting Kenyan delegation.", ("KE", "TH")),
        # who receives the visitor hosts, not the city the story was filed from
        (
            (
                "OSLO, May 4 - The radio said Chilean Mining Minister Luis Vera held talks with a visiting "
                "Zambian delegation headed by its trade minister."
            ),
            ("ZM", "CL"),
        ),
    ],
)
def test_the_visitor_of_a_visiting_phrase(gazetteer, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    visits = [(e.source, e.target) for e in events_of(text, gazetteer) if e.type is EventType.VISIT]
    assert visits == [expected]


def test_a_destination_is_not_the_traveller(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "GENEVA, May 3 - Commissioner Anna Berg said she would not resign.\n\n"
        "Berg, travelling to Chile for a week-long visit, declined to comment after she had left Paris."
    )
    visits = [(e.source, e.target) for e in events_of(text, gazetteer) if e.type is EventType.VISIT]
    assert ("CL", "FR") not in visits


def _gate(article: Article) -> bool | None:
    """Whether the pipeline looks for the article's mentions (None: it has no trigger at all)."""
    from geo import events

    scan = events._scan_triggers(article)
    return events._may_yield(article, scan) if scan.triggered else None


@pytest.mark.parametrize(
    ("title", "text", "looked_at"),
    [
        # a company story with no official: nothing can come of it
        (
            "ACME <ACM> IN JAPAN DEAL",
            "Acme Corp <ACM> said it signed an agreement with Japan's Sony Corp to build cars in Thailand.",
            False,
        ),
        # the same story with a minister in it is read
        (
            "ACME <ACM> IN JAPAN DEAL",
            "Acme Corp <ACM> said Japanese Trade Minister Hajime Tamura signed an agreement with Thailand on the plant.",
            True,
        ),
        # no company story: banks in the sentence make talks business, an attack is not
        ("BRAZIL DEBT", "Brazil resumed talks with its creditor banks in New York on Monday.", False),
        ("GULF", "Iranian gunboats attacked a Kuwaiti tanker off Dubai, shipping sources said.", True),
        ("TRADE", "Canada and Mexico signed a trade agreement in Ottawa.", True),
    ],
)
def test_mentions_are_skipped_only_where_no_event_can_come(title: str, text: str, looked_at: bool) -> None:
    assert _gate(Article(id="t", text=text, title=title)) is looked_at


def test_articles_skipped_before_their_mentions_have_no_event(shared_dir, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """The gate only saves work: every triggered news article it skips gives no event when read in full."""
    import itertools

    from geo import events
    from geo.ingest import read_articles
    from geo.mentions import find_mentions

    paths = [
        shared_dir / "dev_gold" / "articles.jsonl",
        shared_dir / "corpora" / "reuters21578" / "articles.jsonl",
    ]
    articles = itertools.chain(
        read_articles([str(paths[0])]), itertools.islice(read_articles([str(paths[1])]), 3000)
    )
    skipped = 0
    for article in articles:
        scan = events._scan_triggers(article)
        if not scan.triggered or events._may_yield(article, scan):
            continue
        skipped += 1
        assert events._events_from_scan(article, find_mentions(article, gazetteer=gazetteer), scan) == [], (
            article.id
        )
    assert skipped >= 100  # company stories and bank talks are common in wire copy


def test_articles_left_unscanned_have_no_event(shared_dir, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """A company story naming no official is not even scanned for triggers: read in full, it
    gives no event, and the later gate would have skipped it too."""
    import itertools

    from geo import events
    from geo.ingest import read_articles
    from geo.mentions import find_mentions

    path = shared_dir / "corpora" / "reuters21578" / "articles.jsonl"
    unscanned = 0
    for article in itertools.islice(read_articles([str(path)]), 3000):
        if events._worth_scanning(article):
            continue
        unscanned += 1
        scan = events._scan_triggers(article)
        assert not (scan.triggered and events._may_yield(article, scan)), article.id
        assert events._events_from_scan(article, find_mentions(article, gazetteer=gazetteer), scan) == [], (
            article.id
        )
    assert unscanned >= 300  # earnings and company news are a good part of wire copy


@pytest.mark.parametrize(
    ("text", "read_in_full"),
    [
        # one state in all its places: officials can add none, so no event can come
        ("WASHINGTON, March 3 - President Reagan met congressional leaders to discuss aid.", False),
        ("Kenya's President met farmers in Nairobi and pledged support for the coffee growers.", False),
        # two states, by a place and a demonym
        ("Kenya's President met Ugandan officials in Nairobi.", True),
        # one state and a bloc: the bloc is the second party
        ("Kenya's President met European Community officials in Nairobi.", True),
    ],
)
def test_officials_are_sought_only_with_two_states(gazetteer, text: str, read_in_full: bool) -> None:  # type: ignore[no-untyped-def]
    from geo import events
    from geo.mentions import find_mentions, find_mentions_naming

    article = Article(id="t", text=text)
    at_least = 0 if events._names_a_bloc(text) else 2
    mentions = find_mentions_naming(article, at_least, gazetteer)
    assert (mentions is not None) is read_in_full
    if mentions is not None:
        assert mentions == find_mentions(article, gazetteer=gazetteer)


def test_articles_naming_one_state_have_no_event(shared_dir, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """The second gate only saves work: an article whose places name one state, and no bloc,
    gives no event when its officials are looked for too."""
    import itertools

    from geo import events
    from geo.ingest import read_articles
    from geo.mentions import find_mentions, find_mentions_naming

    paths = [
        shared_dir / "dev_gold" / "articles.jsonl",
        shared_dir / "corpora" / "reuters21578" / "articles.jsonl",
    ]
    articles = itertools.chain(
        read_articles([str(paths[0])]), itertools.islice(read_articles([str(paths[1])]), 3000)
    )
    skipped = 0
    for article in articles:
        if events._names_a_bloc(article.text) or find_mentions_naming(article, 2, gazetteer) is not None:
            continue
        skipped += 1
        full = find_mentions(article, gazetteer=gazetteer)
        assert events._events_from_scan(article, full, events._scan_triggers(article)) == [], article.id
    assert skipped >= 300  # most wire stories are about one state


def test_batches_grow_from_one_article_and_keep_the_order() -> None:
    from geo import events

    articles = [Article(id=str(n), text=f"text {n}") for n in range(40)]
    batches = list(events._batches(articles, 8))
    assert [len(b) for b in batches] == [1, 2, 4, 8, 8, 8, 8, 1]
    assert [a for b in batches for a in b] == articles
    assert list(events._batches([], 8)) == []


def test_mentions_found_in_a_batch_equal_those_found_one_by_one(shared_dir, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """Stage by stage over many articles (:func:`find_mentions_many`) gives each article what it
    gets alone, whether it is read in full or stops at the one-state test."""
    import itertools

    from geo.ingest import read_articles
    from geo.mentions import find_mentions_many, find_mentions_naming

    path = shared_dir / "corpora" / "reuters21578" / "articles.jsonl"
    articles = list(itertools.islice(read_articles([str(path)]), 400))
    requests = [(a, n % 3) for n, a in enumerate(articles)]  # 0, 1 or 2 states asked for
    batch = find_mentions_many(requests, gazetteer)
    alone = [find_mentions_naming(a, at_least, gazetteer) for a, at_least in requests]
    assert batch == alone
    assert sum(m is None for m in batch) >= 40 and sum(m is not None and m.actors != () for m in batch) >= 40


def test_the_one_state_test_stops_exactly_where_the_places_name_one_state(shared_dir, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """Stopping early (before the places are chosen, when no choice could name two states) only
    gives up on articles whose places name fewer than two, and gives up on many."""
    import itertools

    from geo.ingest import read_articles
    from geo.mentions import find_mentions, find_mentions_naming

    path = shared_dir / "corpora" / "reuters21578" / "articles.jsonl"
    stopped = 0
    for article in itertools.islice(read_articles([str(path)]), 1500):
        full = find_mentions(article, gazetteer=gazetteer)
        named = {m.country for m in full.places if m.country and m.kind is not MentionKind.NONSTATE}
        partial = find_mentions_naming(article, 2, gazetteer)
        if partial is None:
            assert len(named) < 2, article.id  # never gives up on an article naming two states
            stopped += 1
        else:
            assert partial == full
    assert stopped >= 300


def test_a_sanction_taking_effect_later_is_dated_ahead(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "STOCKHOLM, March 12 - Sweden said a trade boycott of South Africa would take effect from July 1."
    (ev,) = events_of(text, gazetteer, date="1987-03-12")
    assert (ev.status, ev.date) == (EventStatus.PLANNED, "1987-07-01")


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        # the reporter of an act is not its author; with no other party named, it is the target
        ("TRIPOLI, March 3 - Libya's foreign minister said the European Union promised aid to help the country rebuild.", ("EU", "LY")),
        ("TRIPOLI, March 3 - Libyan Foreign Minister Mohamed Siala said on Tuesday that the European Union had promised financial aid.", ("EU", "LY")),
        ("CAIRO, March 3 - Egypt's foreign minister said Germany would provide military aid to Sudan.", ("DE", "SD")),
        ("BAGHDAD, March 3 - Iraq accused Iran of attacking its oil installations.", ("IR", "IQ")),
        # the reporter's own state acting, and the reporter's own act, are left as they were
        ("BAGHDAD, March 3 - Iraq said Iraqi jets attacked Iranian oil platforms.", ("IQ", "IR")),
        ("LONDON, March 3 - Britain said it would give India 50 mln stg in aid.", ("GB", "IN")),
        # the reported subject is far from the act: "Japan" does not threaten the sanctions
        ("TOKYO, April 8 - A top U.S. official said Japan has little chance of persuading the U.S. to drop threatened trade sanctions.", ("US", "JP")),
        # "its": the act of the state nearest before
        ("BAGHDAD, March 3 - Iraq's war spokesman said Iran had kept up its attacks on Iraqi cities.", ("IR", "IQ")),
        ("LONDON, March 3 - Britain criticised Iraq for its attacks on Kuwait.", ("IQ", "KW")),
        # participles and admissions report too
        ("BAGHDAD, March 3 - Iraq said it had foiled a thrust east of Basra while admitting Iran had occupied some fresh territory.", ("IR", "IQ")),
        ("BAGHDAD, March 29 - Iraqi Foreign Minister Tareq Aziz was quoted as saying Iran has attacked several ships.", ("IR", "IQ")),
    ],
)
def test_a_reported_act_is_its_doers(gazetteer, text: str, direction: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    directed = {(e.source, e.target) for e in events_of(text, gazetteer) if e.type in {EventType.SUPPORT, EventType.HOSTILE}}
    assert directed == {direction}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "too ... to" denies what follows
        ("BOGOTA, March 26 - The minister said the positions of Brazil and of the United States were too far apart to allow a prompt agreement on quotas.", EventType.AGREEMENT),
        ("GENEVA, March 3 - Delegates said it was too early to expect talks between Iran and Iraq.", EventType.MEETING),
        # an offer to meet, negotiate or visit is not yet taken up
        ("WASHINGTON, March 3 - Reagan discussed the Soviet Union's offer to negotiate with the United States on missiles.", EventType.MEETING),
        ("CAIRO, March 3 - Egypt offered to hold talks with Israel on the border dispute.", EventType.MEETING),
    ],
)
def test_denied_or_offered_acts_are_no_events(gazetteer, text: str, kind: EventType) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in events_of(text, gazetteer) if e.type is kind] == []


def test_an_offer_of_aid_is_still_support_and_the_talks_after_an_offer_are_held(gazetteer) -> None:  # type: ignore[no-untyped-def]
    aid = events_of("TOKYO, March 3 - Japan offered to lend Brazil 500 mln dlrs.", gazetteer)
    assert [(e.type, e.source, e.target) for e in aid] == [(EventType.SUPPORT, "JP", "BR")]
    held = events_of("CAIRO, March 3 - After the offer was accepted, Egypt held talks with Israel on the border dispute.", gazetteer)
    assert {(e.type, frozenset(e.countries)) for e in held} == {(EventType.MEETING, frozenset({"EG", "IL"}))}


@pytest.mark.parametrize(
    "text",
    [
        "LUXEMBOURG, Oct 20 - Spanish farm minister Carlos Romero, speaking at a meeting of EC farm ministers, called for action to help the Spanish maize market.",
        "BRUSSELS, April 2 - British Chancellor Nigel Lawson told reporters after an informal European Community finance ministers' meeting here that rates would stay.",
        "LUXEMBOURG, June 8 - The minister told a news conference after an EC energy ministers meeting in Luxembourg that supplies were ample.",
    ],
)
def test_a_blocs_own_meeting_is_no_meeting_with_its_members(gazetteer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in events_of(text, gazetteer) if e.type is EventType.MEETING] == []


@pytest.mark.parametrize(
    ("text", "states"),
    [
        # the bloc meets a counterpart, or a member meets another state at the bloc's meeting
        ("BRUSSELS, March 3 - A meeting of EC foreign ministers with Japanese Foreign Minister Tadashi Kuranari ended today.", {"EU", "JP"}),
        ("BRUSSELS, March 3 - EC trade officials held talks with U.S. negotiators on farm trade.", {"EU", "US"}),
    ],
)
def test_a_bloc_still_meets_its_counterparts(gazetteer, text: str, states: set[str]) -> None:  # type: ignore[no-untyped-def]
    meetings = [e for e in events_of(text, gazetteer) if e.type is EventType.MEETING]
    assert [set(e.countries) for e in meetings] == [states]


def test_a_commitment_held_to_exists_already(gazetteer) -> None:  # type: ignore[no-untyped-def]
    held = events_of("WASHINGTON, April 17 - Reagan said the tariffs would remain until Japan abided by the agreement with the United States.", gazetteer, date="1987-04-17")
    assert [(e.type, e.status) for e in held] == [(EventType.AGREEMENT, EventStatus.OCCURRED)]
    pledge = events_of("WASHINGTON, March 20 - The Senate asked Reagan to force Japan to live up to a pledge to the United States.", gazetteer)
    assert [e for e in pledge if e.type is EventType.SUPPORT] == []
    # a pledge made is still support
    made = events_of("TOKYO, March 20 - Japan pledged support for the United States in the Gulf.", gazetteer)
    assert [(e.type, e.source, e.target) for e in made] == [(EventType.SUPPORT, "JP", "US")]


@pytest.mark.parametrize(
    "text",
    [
        # improbable, hoped for, instructed or obliged: nothing has happened or is set
        "PRAGUE, March 3 - Schwarzenberg said it was unlikely that the Czech presidency would hold an EU-Israel summit.",
        "BEIJING, March 3 - Some observers held out hope that China and the United States were headed toward negotiations.",
        "OTTAWA, Dec 10 - The committee chair says he hopes Parliament can ratify the Canada-EU free trade deal this week.",
        "NICOSIA, March 3 - The official said the Syrian delegation was instructed to reach secret agreements with Cyprus.",
        "OTTAWA, Dec 10 - Canada will have to negotiate trade deals with Mexico one by one.",
        # agreements in general are a reference, not an act
        "CAIRO, March 3 - Peres told Mubarak that Israel was obligated to honor all of the international agreements with Egypt.",
        "RAMALLAH, March 3 - Abbas demanded that Israel recognise previously signed agreements with the Palestinians.",
        # a quoted condition: the speaker after the quote warns, nobody inside it
        '"If the U.S. follows through on these tariffs, so will China," he warned.',
    ],
)
def test_improbable_hoped_general_or_quoted_acts_are_no_events(gazetteer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert events_of(text, gazetteer) == []


def test_a_warning_after_a_quote_is_its_speakers(gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = '"We will retaliate against any U.S. tariffs," Chinese Foreign Minister Wang Yi warned Washington.'
    assert [(e.type, e.source, e.target) for e in events_of(text, gazetteer)] == [(EventType.HOSTILE, "CN", "US")]
    signed = events_of("CAIRO, March 3 - Egypt and Israel signed three agreements on trade.", gazetteer)
    assert [(e.type, frozenset(e.countries)) for e in signed] == [(EventType.AGREEMENT, frozenset({"EG", "IL"}))]


def test_a_state_compared_with_or_bordering_is_no_party(gazetteer) -> None:  # type: ignore[no-untyped-def]
    compared = "MOSCOW, March 3 - The U.S. expelled almost three times more diplomats than the victim Great Britain."
    assert [e for e in events_of(compared, gazetteer) if "GB" in e.countries] == []
    border = (
        "TUNIS, March 3 - Tunisian officials said US drones flew missions at the border with Libya under "
        "an agreement with Washington to share intelligence."
    )
    assert {frozenset(e.countries) for e in events_of(border, gazetteer) if e.type is EventType.AGREEMENT} == {
        frozenset({"TN", "US"})
    }


def test_a_demonym_naming_people_by_tongue_or_number_is_no_state(gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert events_of("NICOSIA, March 3 - The Greek-majority island joined the European Union in 2004.", gazetteer) == []
    # the state itself still acts
    joined = events_of("NICOSIA, March 3 - Cyprus joined the European Union in 2004.", gazetteer)
    assert [frozenset(e.countries) for e in joined] == [frozenset({"CY", "EU"})]


def test_a_mayor_does_not_act_for_the_state(shared_dir, gazetteer) -> None:  # type: ignore[no-untyped-def]
    """A city's officer is no state's: the Paris and Aleppo mayors meeting is no France-Syria meeting,
    and the Fargo mayor speaking of soldiers in Iraq is no US attack on it (two news stories)."""
    from geo.ingest import read_articles
    from geo.mentions import find_mentions

    wanted = {"TRN-1030005", "LGL-41740820"}
    paths = [str(shared_dir / "benchmarks" / "geoparsing" / f) for f in ("trnews.jsonl", "lgl.jsonl")]
    stories = [a for a in read_articles(paths) if a.id in wanted]
    assert {a.id for a in stories} == wanted
    for article in stories:
        events = find_events(article, find_mentions(article, gazetteer=gazetteer))
        assert not any({"SY", "FR"} <= set(e.countries) or "IQ" in e.countries for e in events), article.id
    # a minister still does
    met = events_of("KIEV, March 3 - Ukrainian Foreign Minister Pavlo Klimkin met German Chancellor Angela Merkel in Berlin.", gazetteer)
    assert [frozenset(e.countries) for e in met] == [frozenset({"UA", "DE"})]


def test_sanctions_and_threats_go_to_states_not_to_places(gazetteer) -> None:  # type: ignore[no-untyped-def]
    skripal = (
        "MOSCOW, March 30 - Russia would retaliate in kind to countries that expelled Russian diplomats "
        "over the poisoning of Sergei Skripal in the UK."
    )
    assert [e for e in events_of(skripal, gazetteer) if "GB" in e.countries] == []
    # goods from a state carry the sanction to it; a force hits the place it strikes
    tariffs = events_of("WASHINGTON, April 8 - The U.S. has already imposed higher tariffs on computer microchips imported from Japan.", gazetteer)
    assert [(e.source, e.target) for e in tariffs] == [("US", "JP")]
    bombed = events_of("ANKARA, March 3 - Turkish jets bombed rebel positions in Syria.", gazetteer)
    assert [(e.source, e.target) for e in bombed] == [("TR", "SY")]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        # a state right after "officials," is the next clause's subject, not the officials' name
        ("LONDON, March 3 - After talks with Japanese officials, Britain said it would cut tariffs.", {"JP", "GB"}),
        ("TOKYO, March 3 - After talks with British officials, Japan said it would cut tariffs.", {"GB", "JP"}),
    ],
)
def test_a_state_is_never_an_officials_name(gazetteer, text: str, states: set[str]) -> None:  # type: ignore[no-untyped-def]
    from geo.mentions import find_mentions

    article = Article(id="t", text=text)
    assert all(a.name not in {"Britain", "Japan"} for a in find_mentions(article, gazetteer=gazetteer).actors)
    assert [set(e.countries) for e in events_of(text, gazetteer)] == [states]


def test_talks_with_a_banque_in_a_capital_are_not_hosted_by_its_state(gazetteer) -> None:  # type: ignore[no-untyped-def]
    said = "Uganda's finance minister Sendi said he had negotiated a loan {} in Paris."
    hosted = summary(events_of(said.format("with French officials"), gazetteer))
    assert ("meeting", frozenset({"UG", "FR"}), "occurred") in hosted
    assert not events_of(said.format("from the Banque Industrielle"), gazetteer)
