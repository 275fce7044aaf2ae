"""Reading articles: formats, encodings, ids, dates, furniture (geo.ingest)."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import sys
from pathlib import Path

import pytest

from geo.errors import ConfigError, IngestError
from geo.ingest import decode_bytes, detect_furniture, normalise_date, read_articles
from geo.records import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"
DATA = Path(__file__).resolve().parent / "data" / "ingest"
SHARED = ROOT.parent / "shared"


def one(path: Path | str) -> Article:
    got = list(read_articles(path))
    assert len(got) == 1
    return got[0]


def furniture_texts(a: Article) -> list[str]:
    return [a.text[s:e] for s, e in a.furniture]


def assert_spans_valid(a: Article) -> None:
    last = -1
    for s, e in a.furniture:
        assert 0 <= s <= e <= len(a.text)
        assert s > last  # sorted, not overlapping
        last = e


# ------------------------------------------------------------------ text files and seeds


def test_seed_folder_reads_every_text_file_in_sorted_order() -> None:
    articles = list(read_articles(SEEDS))
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for a in articles:
        path = SEEDS / f"{a.id}.txt"
        assert a.text == path.read_bytes().decode("utf-8")  # the whole file, title line included
        assert a.source == str(path)
        assert a.title and a.text.index(a.title) < 400
        assert_spans_valid(a)


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        ("000_ec6b685cda7ecd4c", "Iraqi President Calls For International Cooperation to Fight Terrorism"),
        (
            "001_74a40bdd0df97d7e",
            "Iran, Iraq discuss beefing up anti-terror cooperation",
        ),  # after a breadcrumb
        (
            "002_b69d410c7504c661",
            "Foreign ministers of Iraq, Russia discuss mutual relations, key regional issues",
        ),
        (
            "004_9c867ad14031288a",
            "Iraq, Syria discuss ties, anti-terrorism cooperation",
        ),  # after a weather widget
    ],
)
def test_seed_title_is_the_first_story_line(stem: str, title: str) -> None:
    assert one(SEEDS / f"{stem}.txt").title == title


def test_seed_with_related_articles_block_marks_the_other_stories_only() -> None:
    a = one(SEEDS / "004_9c867ad14031288a.txt")
    block_start = a.text.index("Related articles")
    last_story_line = a.text.rindex("\n", 0, block_start - 2)
    assert a.is_furniture(block_start, len(a.text.rstrip()))  # heading to the end: other stories
    assert not any(s < block_start and e > last_story_line + 1 for s, e in a.furniture)
    header = furniture_texts(a)[:2]
    assert header == ["23.1 C\nDelhi\nSaturday, May 3, 2025", "Date:\n\nShare post:\n\nDonate-GC-Razorpay"]
    assert a.date == "2025-05-03"  # the date widget above the headline


@pytest.mark.parametrize(
    ("stem", "furniture"),
    [
        ("000_ec6b685cda7ecd4c", "Read original article here."),
        ("001_74a40bdd0df97d7e", "Back to top button"),
        (
            "002_b69d410c7504c661",
            "Press TV’s website can also be accessed at the following alternate addresses:",
        ),
        ("002_b69d410c7504c661", "News \xa0 / \xa0 Iraq \xa0 / \xa0 Russia"),
        ("003_2ead5f7e34eb73ae", "SHARE THIS ARTICLE"),
    ],
)
def test_seed_footer_and_header_lines_are_furniture(stem: str, furniture: str) -> None:
    a = one(SEEDS / f"{stem}.txt")
    start = a.text.index(furniture)
    assert a.is_furniture(start, start + len(furniture))


@pytest.mark.parametrize("stem", [p.stem for p in sorted(SEEDS.glob("*.txt"))])
def test_seed_story_paragraphs_are_not_furniture(stem: str) -> None:
    a = one(SEEDS / f"{stem}.txt")
    # the title line and every long sentence paragraph belong to the story
    story = [p for p in a.text.split("\n") if len(p.split()) > 25 and p.rstrip().endswith((".", "”", '"'))]
    assert story
    pos = 0
    for para in story:
        start = a.text.index(para, pos)
        pos = start + len(para)
        assert not any(s < start + len(para) and start < e for s, e in a.furniture), para[:60]


# ------------------------------------------------------------------ encodings and binaries


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "cp1252.txt",
            (
                "Ministers meet in Zürich\r\n\r\nThe ministers’ talks in Zürich – held at the Café Odéon – "
                "ended with a “framework” on trade…\r\n"
            ),
        ),
        (
            "latin1.txt",
            (
                "Talks in São Paulo\n\nDelegates from Bogotá and Asunción met in São Paulo; the Señor Núñez "
                "chaired the session.\n"
            ),
        ),
        (
            "utf16le_bom.txt",
            "Accord signé à Genève\n\nLes ministres se sont rencontrés à Genève et à Montréal.\n",
        ),
        (
            "utf16be_bom.txt",
            "Accord signé à Genève\n\nLes ministres se sont rencontrés à Genève et à Montréal.\n",
        ),
        ("utf8_bom.txt", "Summit in Kraków\n\nLeaders met in Kraków and Gdańsk.\n"),  # the BOM is not text
        # mostly UTF-8 with two stray bytes: keep UTF-8, replace only the bad bytes
        (
            "invalid_utf8.txt",
            "Visit to Düsseldorf\n\nThe minister flew to Düsseldorf and Köln \ufffd\ufffd then to München.\n",
        ),
    ],
)
def test_encodings_are_detected_and_text_kept_as_decoded(name: str, text: str) -> None:
    a = one(DATA / name)
    assert a.text == text  # newlines (\r\n too) are not normalised
    assert a.title == text.splitlines()[0]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Der Außenminister traf sich in München mit seinem Amtskollegen aus Österreich.", "latin-1"),
        ("Президент России встретился с министром иностранных дел Ирака в Москве.", "cp1251"),
        ("Ο πρωθυπουργός συναντήθηκε με τον πρόεδρο στην Αθήνα.", "cp1253"),
        ("Başbakan Ankara'da Irak Dışişleri Bakanı ile görüştü.", "cp1254"),
        ("Premier spotkał się z ministrem w Łodzi i Gdańsku.", "cp1250"),
    ],
)
def test_single_byte_code_pages_are_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding))[0] == text


def test_utf16_without_bom_is_recognised_not_called_binary() -> None:
    text = "Envoys met in Doha and Muscat to discuss shipping in the Gulf.\n"
    assert decode_bytes(text.encode("utf-16-le"))[0] == text


def test_html_meta_charset_is_used_for_non_utf8_pages(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
        "<title>Spotkanie w Łodzi</title></head><body><p>Premier spotkał się z ministrem w Łodzi.</p>"
        "</body></html>"
    )
    (tmp_path / "p.html").write_bytes(page.encode("cp1250"))
    a = one(tmp_path / "p.html")
    assert a.title == "Spotkanie w Łodzi"
    assert "Premier spotkał się z ministrem w Łodzi." in a.text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("report.pdf", "binary file (PDF)"),
        ("pixel.png", "binary file (PNG)"),
        ("nul_bytes.txt", "binary file (contains NUL bytes)"),
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file (only whitespace)"),
    ],
)
def test_binary_and_empty_files_are_clear_errors(name: str, message: str) -> None:
    with pytest.raises(IngestError) as exc:
        list(read_articles(DATA / name))
    assert exc.value.path == str(DATA / name)
    assert exc.value.reason.startswith(message)
    assert str(exc.value).startswith(f"{DATA / name}: {message}")


def test_nul_characters_inside_json_text_are_replaced(tmp_path: Path) -> None:
    (tmp_path / "n.jsonl").write_text(json.dumps({"id": "x", "text": "Talks\u0000 in Oslo."}) + "\n")
    assert one(tmp_path / "n.jsonl").text == "Talks\ufffd in Oslo."


# ------------------------------------------------------------------ records: JSONL, JSON, CSV


def test_jsonl_reads_good_lines_and_reports_each_bad_line() -> None:
    path = DATA / "batch.jsonl"
    errors: list[IngestError] = []
    got = list(read_articles(path, on_error="skip", errors=errors))
    assert [(a.id, a.title, a.date, a.url, a.source) for a in got] == [
        ("n-1", "Talks in Oslo", "2023-03-04", "https://n.example/1", f"{path}:1"),
        ("batch:3", "No id here", "2023-03-05", None, f"{path}:3"),  # aliases: headline, published, body
        ("n-7", "", "2023-03-06", None, f"{path}:7"),  # content; a Unix timestamp date
    ]
    assert got[0].text == "Ministers met in Oslo.\nThey agreed."  # the field as given, title not in it
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [
        (2, "invalid JSON"),
        (4, "expected a JSON object, got list"),
        (5, "no text field"),
    ]
    assert "fields found: id, title" in errors[2].reason


def test_jsonl_raise_mode_stops_at_the_first_bad_line() -> None:
    stream = read_articles(DATA / "batch.jsonl")
    assert next(stream).id == "n-1"
    with pytest.raises(IngestError) as exc:
        next(stream)
    assert exc.value.line == 2


def test_json_array_and_single_object() -> None:
    arr = list(read_articles(DATA / "array.json"))
    assert [(a.id, a.text, a.date) for a in arr] == [
        ("j-1", "Envoys met in Cairo.", None),
        ("array:2", "Envoys met in Amman.", "2023-03-05"),
    ]
    single = one(DATA / "single.json")
    assert (single.id, single.title, single.text) == ("single", "One story", "Talks in Rabat ended.")


def test_json_file_holding_json_lines_is_read_as_lines(tmp_path: Path) -> None:
    (tmp_path / "l.json").write_text('{"text": "One in Lagos."}\n{"text": "Two in Accra."}\n')
    assert [(a.id, a.text) for a in read_articles(tmp_path / "l.json")] == [
        ("l:1", "One in Lagos."),
        ("l:2", "Two in Accra."),
    ]


def test_csv_rows_with_quoted_multiline_text_get_their_first_line_number() -> None:
    path = DATA / "articles.csv"
    got = list(read_articles(path))
    assert [(a.id, a.title, a.date, a.url, a.source) for a in got] == [
        ("c-1", "Talks in Lima", "2023-01-02", "https://c.example/1", f"{path}:2"),
        ("c-2", "Quoted, title", "2023-02-01", None, f"{path}:3"),
        ("articles:6", "No id", None, None, f"{path}:6"),  # row 3 starts on line 6
    ]
    assert got[1].text == "First line in Quito.\n\nSecond paragraph mentions Cuenca."


def test_tsv_with_aliased_capitalised_headers() -> None:
    a = one(DATA / "articles.tsv")
    assert (a.id, a.title, a.date, a.text) == ("t-1", "Talks", "2022-12-31", "Envoys met in Hanoi.")


def test_csv_without_text_column_names_the_columns_found() -> None:
    with pytest.raises(IngestError) as exc:
        list(read_articles(DATA / "no_text.csv"))
    assert "no text column" in exc.value.reason
    assert "'id', 'title', 'date', 'url', 'summary'" in exc.value.reason
    assert exc.value.line == 1


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_with_an_article_longer_than_the_csv_field_limit(tmp_path: Path, delimiter: str) -> None:
    text = "Talks in Nairobi continued. " * 20_000  # 560 kB, beyond csv's default 128 kB field limit
    (tmp_path / "big.csv").write_text(f"id{delimiter}text\nb-1{delimiter}{text}\n", encoding="utf-8")
    assert one(tmp_path / "big.csv").text == text


def test_gzip_wrapped_jsonl_and_text(tmp_path: Path) -> None:
    assert [(a.id, a.source) for a in read_articles(DATA / "stories.jsonl.gz")] == [
        ("g-1", f"{DATA / 'stories.jsonl.gz'}:1")
    ]
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(b"Visit to Lima\n\nThe envoy arrived.\n"))
    a = one(tmp_path / "note.txt.gz")
    assert (a.id, a.title) == ("note", "Visit to Lima")


def test_truncated_gzip_is_an_ingest_error(tmp_path: Path) -> None:
    data = gzip.compress(("Visit to Lima\n\n" + "The envoy arrived. " * 5000).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match="gzip"):
        list(read_articles(tmp_path / "cut.txt.gz"))


# ------------------------------------------------------------------ HTML


def test_html_main_text_title_date_url_without_page_chrome() -> None:
    a = one(DATA / "page.html")
    assert a.id == "page"
    assert a.title == "Ministers of Norland and Sudria meet in Valletta"  # og:title over <title>
    assert a.date == "2024-06-14"
    assert a.url == "https://herald.example/2024/06/ministers-meet"
    assert "met in Valletta on Thursday to discuss fishing rights" in a.text
    assert "invited his counterpart to visit the port of" in a.text
    for chrome in (
        "window.analytics",
        "font-family",
        "Storm closes airport",
        "All rights reserved",
        "Politics",
    ):
        assert chrome not in a.text


def test_html_falls_back_to_tag_stripping_when_trafilatura_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura = pytest.importorskip("trafilatura")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(trafilatura, "extract", broken)
    a = one(DATA / "page.html")
    assert "met in Valletta on Thursday" in a.text
    assert "window.analytics" not in a.text and "Storm closes airport" not in a.text  # script, aside
    assert a.title == "Ministers of Norland and Sudria meet in Valletta"


@pytest.mark.parametrize(
    ("head", "h1", "title"),
    [
        ("<title>Water deal signed - Example News</title>", "Water deal signed", "Water deal signed"),
        (
            (
                '<title>Example News</title><script type="application/ld+json">'
                '{"@type": "NewsArticle", "headline": "Caf\\u00e9 talks in \\"Amman\\""}</script>'
            ),
            "Other",
            'Café talks in "Amman"',
        ),
        ("<title>Water deal signed</title>", "", "Water deal signed"),
        ("", "Water deal signed", "Water deal signed"),
    ],
)
def test_html_title_sources(tmp_path: Path, head: str, h1: str, title: str) -> None:
    body = f"<h1>{h1}</h1>" if h1 else ""
    body += "<p>Iraq and Jordan signed an agreement on Tuesday to share water, the two governments said.</p>"
    (tmp_path / "p.html").write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    assert one(tmp_path / "p.html").title == title


def test_html_without_any_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "e.html").write_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    with pytest.raises(IngestError, match="no article text"):
        list(read_articles(tmp_path / "e.html"))


# ------------------------------------------------------------------ paths: folders, globs, stdin


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Home\nWorld\nMiddle East\nBusiness\nSport\n\nEnvoys meet in Amman\n\nThey met.",
            "Envoys meet in Amman",
        ),
        ("Obituary\n\nThe former envoy died in Amman on Monday.", "Obituary"),  # one short title is a title
        ("Advertisement\n\nEnvoys meet in Amman\n\nThey met.", "Envoys meet in Amman"),
    ],
)
def test_text_title_skips_navigation_and_is_bounded(tmp_path: Path, text: str, title: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    a = one(tmp_path / "a.txt")
    assert a.title == title
    assert not a.is_furniture(a.text.index(title[:20]), a.text.index(title[:20]) + 20)


def test_text_without_headline_gets_its_first_paragraph_cut_at_a_word(tmp_path: Path) -> None:
    text = "AMMAN (Reuters) - " + "Jordanian and Iraqi officials met on Monday to discuss trade. " * 5
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    title = one(tmp_path / "a.txt").title
    assert title.endswith("…") and 150 < len(title) <= 201
    assert text.startswith(title[:-1]) and text[len(title) - 1] == " "


def test_folders_are_recursive_sorted_and_skip_hidden_files(tmp_path: Path) -> None:
    names = [
        "b/2.txt",
        "b/1.txt",
        "a.txt",
        ".hidden.txt",
        ".git/x.txt",
        "c/.secret/y.txt",
        "b/sub/0.txt",
        "Thumbs.db",
    ]
    for rel in names:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Title {rel}\n\nBody.\n")
    assert [a.id for a in read_articles(tmp_path)] == ["a", "1", "2", "0"]


def test_globs_and_several_paths_keep_the_order_given(tmp_path: Path) -> None:
    for name in ["x1.txt", "x2.txt", "y.jsonl"]:
        (tmp_path / name).write_text(
            '{"text": "Body in Rome."}\n' if name.endswith("jsonl") else "T\n\nBody.\n"
        )
    got = [a.id for a in read_articles([str(tmp_path / "y.jsonl"), str(tmp_path / "x*.txt")])]
    assert got == ["y:1", "x1", "x2"]


@pytest.mark.parametrize(
    ("path", "message"),
    [("does/not/exist.txt", "no such file or directory"), ("nowhere/*.txt", "no file matches this pattern")],
)
def test_missing_paths_are_errors(tmp_path: Path, path: str, message: str) -> None:
    errors: list[IngestError] = []
    assert list(read_articles([str(tmp_path / path)], on_error="skip", errors=errors)) == []
    assert [e.reason for e in errors] == [message]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b'{"id": "s1", "text": "One in Riga."}\n{"id": "s2", "text": "Two in Vilnius."}\n',
            [("s1", "<stdin>:1"), ("s2", "<stdin>:2")],
        ),
        (b"Talks in Tallinn\n\nThe ministers met.\n", [("stdin", "<stdin>")]),
        (
            b"<!DOCTYPE html><html><head><title>Riga talks</title></head><body><p>They met in Riga.</p></body></html>",
            [("stdin", "<stdin>")],
        ),
    ],
)
def test_stdin_is_sniffed_as_jsonl_text_or_html(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[tuple[str, str]]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    got = list(read_articles("-"))
    assert [(a.id, a.source) for a in got] == expected
    assert all("<" not in a.text for a in got)


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "feed.dat").write_text('{"id": "d1", "text": "Talks in Minsk."}\n')
    (tmp_path / "README").write_text("Talks in Baku\n\nThe envoys met.\n")
    assert [(a.id, a.title) for a in read_articles(tmp_path)] == [("README", "Talks in Baku"), ("d1", "")]


def test_on_error_must_be_raise_or_skip() -> None:
    with pytest.raises(ConfigError, match="on_error"):
        list(read_articles(SEEDS, on_error="ignore"))  # type: ignore[arg-type]


def test_reading_is_lazy_file_by_file(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Title {i}\n\nBody.\n")
    stream = read_articles(tmp_path, on_error="skip", errors=(errors := []))
    first = list(itertools.islice(stream, 2))
    for i in range(2, 5):
        (tmp_path / f"{i}.txt").unlink()  # not read yet: it must vanish, not be in memory
    assert [a.id for a in first] + [a.id for a in stream] == ["0", "1"]
    assert [e.reason for e in errors] == ["file vanished before it could be read"] * 3


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-11-25", "2020-11-25"),
        ("2020-11-25T10:00:00Z", "2020-11-25"),
        ("2024-06-14T23:30:00-05:00", "2024-06-14"),  # the local date as written, not shifted
        ("Saturday, May 3, 2025", "2025-05-03"),
        ("3 May 2025", "2025-05-03"),
        ("Tue, 24 Nov 2026 10:00:00 GMT", "2026-11-24"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        (1678060800, "2023-03-06"),
        (1678060800000, "2023-03-06"),  # milliseconds
        ("March 3", None),  # no year: no guess
        ("May 2025", None),  # no day
        ("2020-13-45", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_normalise_date(value: object, iso: str | None) -> None:
    assert normalise_date(value) == iso


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("23.1 C\nDelhi\nSaturday, May 3, 2025\n\nHeadline here\n\nBody.", "2025-05-03"),
        ("Headline here\n\nPublished: 12 March 2021 | 10:32 IST\n\nBody.", "2021-03-12"),
        ("Headline here\n\nBAGHDAD, March 3, 2021 (Reuters) - Iraq said on Tuesday.", "2021-03-03"),
        ("Headline here\n\nBAGHDAD, March 3 (Reuters) - Iraq said on Tuesday.", None),  # no year in dateline
        ("Headline here\n\nThe talks of May 3, 2025 were held in Baghdad.", None),  # a date in a sentence
        ("Headline\n" + "Body line.\n" * 20 + "May 3, 2025\n", None),  # far from the top
    ],
)
def test_publication_date_from_the_top_of_a_text_file(tmp_path: Path, text: str, date: str | None) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert one(tmp_path / "a.txt").date == date


# ------------------------------------------------------------------ furniture


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Home › World › Middle East\n\nEnvoys meet in Amman\n\nThey met.", ["Home › World › Middle East"]),
        ("WorldAfricaPolitics\n\nEnvoys meet in Accra\n\nThey met.", ["WorldAfricaPolitics"]),
        (
            "18°C Cairo\nMonday, 5 June 2023\nEnvoys meet in Cairo\n\nThey met.",
            ["18°C Cairo\nMonday, 5 June 2023"],
        ),
        (
            "Envoys meet\n\nBy:\n\nThey met in Lima.\n\nShare this article\n\nFacebook Twitter WhatsApp Email",
            ["By:", "Share this article\n\nFacebook Twitter WhatsApp Email"],
        ),
        (
            "Envoys meet\n\nThey met in Lima.\n\nREAD MORE: Peru votes in June\n\nThey agreed on trade.",
            ["READ MORE: Peru votes in June"],
        ),
        (
            "Envoys meet\n\nThey met in Lima.\n\nYou may also like\n\nFloods hit Cusco\n\nPeru's new cabinet sworn in",
            ["You may also like\n\nFloods hit Cusco\n\nPeru's new cabinet sworn in"],
        ),
        (
            "Envoys meet\n\nThey met in Lima.\n\nWe use cookies to improve your browsing experience. Accept",
            ["We use cookies to improve your browsing experience. Accept"],
        ),
        (
            "Envoys meet\n\nThey met in Lima.\n\n© 2024 Example Media Ltd. All rights reserved.",
            ["© 2024 Example Media Ltd. All rights reserved."],
        ),
        (
            "Envoys meet\n\nThey met in Lima.\n\nThis story is also available at:\nhttps://mirror.example/lima",
            ["This story is also available at:\nhttps://mirror.example/lima"],
        ),  # the tail around a bare URL
        (
            (
                "Envoys meet\n\nThey met in Lima.\n\nTags: Peru, diplomacy, trade\n\n"
                "Like us on Facebook; Follow us on Twitter; Daily Newsletter."
            ),
            ["Tags: Peru, diplomacy, trade\n\nLike us on Facebook; Follow us on Twitter; Daily Newsletter."],
        ),
        (
            (
                "Envoys meet\n\nThey met in Lima.\n\nLeave a Reply Cancel reply\n\n"
                "Your email address will not be published. Required fields are marked *\n\nPost Comment"
            ),
            [
                (
                    "Leave a Reply Cancel reply\n\nYour email address will not be published. "
                    "Required fields are marked *\n\nPost Comment"
                )
            ],
        ),
        (
            "Envoys meet\n\nThey met in Lima.\n\nPrevious article\n\nFloods hit Cusco\n\nThey agreed on trade.",
            ["Previous article\n\nFloods hit Cusco"],
        ),
    ],
)
def test_furniture_rules(text: str, furniture: list[str]) -> None:
    assert [text[s:e] for s, e in detect_furniture(text)] == furniture


@pytest.mark.parametrize(
    "text",
    [
        "Envoys meet\n\nShare prices rose in Tokyo after the talks.\n\nThey met again on Friday.",
        "Envoys meet\n\nShe has faced insults on\nTwitter and Facebook.\n\nShe said so.",  # hard-wrapped prose
        "Envoys meet\n\nRead more about the plan on the ministry's website, he said.",
        "Envoys meet\n\nThe related talks in Geneva ended.\n\nMore from the envoy is expected on Monday.",
        "RIO DE JANEIRO, APRIL 7 - Prices -\n\nP.Grossa    196.00 B\n\nR.Grande\n\nSao Paulo   8.65  unch REUTER",
        "Envoys meet\n\nThey met in Lima.\n\nOfficials from both sides\n\nwill meet again in May",
        "Envoys meet\n\nCopyright disputes between Peru and Chile have grown.\n\nThey met in Lima.",
        "Envoys meet\n\nSign up for the draft was slow in Kyiv, officials said.",
        "Envoys meet\n\nThe tags on the crates read Lima.\n\nComments by the envoy were brief.",
    ],
)
def test_story_text_is_not_furniture(text: str) -> None:
    assert detect_furniture(text) == ()


def test_furniture_spans_never_change_the_text() -> None:
    text = "23.1 C\nDelhi\nTalks\n\nBody in Kabul.\n\nShare post:\n"
    a_text = text
    spans = detect_furniture(a_text)
    assert a_text == text and spans
    assert all(0 <= s <= e <= len(text) for s, e in spans)


@pytest.mark.shared
def test_corpus_news_has_almost_no_furniture_and_loses_no_gold_toponym() -> None:
    bench = SHARED / "benchmarks" / "geoparsing"
    if not bench.is_dir():
        pytest.skip("../shared/benchmarks/geoparsing is not present")
    for name in ("geowebnews", "lgl", "trnews", "geovirus"):
        path = bench / f"{name}.jsonl"
        with path.open(encoding="utf-8") as fh:
            gold = {r["id"]: r for r in map(json.loads, fh)}
        chars = furniture = inside = toponyms = 0
        for a in read_articles(path):
            assert a.text == gold[a.id]["text"]
            chars += len(a.text)
            furniture += sum(e - s for s, e in a.furniture)
            for t in gold[a.id]["toponyms"]:
                toponyms += 1
                inside += a.is_furniture(t["start"], t["end"])
        assert furniture / chars < 0.005, name
        assert inside <= 0.001 * toponyms, name


def test_anchored_furniture_rules_have_a_lower_cased_form() -> None:
    """The per-line rules run as their lower-cased form (the fast path); a rule lower() cannot keep breaks it."""
    from geo import ingest

    assert ingest._ANCHORED.lowered is not None
