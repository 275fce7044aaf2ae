"""Bad input: broken batches keep going, --strict stops, nothing but IngestError escapes,
and random text never crashes ingest (issue 5, "Bad input")."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from geo.errors import IngestError
from geo.ingest import detect_furniture, read_articles
from geo.pipeline import RunReport, iter_articles
from geo.records import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"
DATA = Path(__file__).resolve().parent / "data" / "ingest"

# fixture file -> (error line or None, start of the reason); None: the file reads fine
BROKEN = {
    "empty.txt": [(None, "empty file")],
    "report.pdf": [(None, "binary file (PDF)")],
    "pixel.png": [(None, "binary file (PNG)")],
    "no_text.csv": [(1, "no text column")],
    "batch.jsonl": [(2, "invalid JSON"), (4, "expected a JSON object"), (5, "no text field")],
}
GOOD = ["cp1252.txt", "latin1.txt", "utf16le_bom.txt", "utf8_bom.txt", "articles.csv"]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder of good and broken files, as people scrape them."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in [*BROKEN, *GOOD]:
        shutil.copy(DATA / name, folder / name)
    shutil.copy(SEEDS / "000_ec6b685cda7ecd4c.txt", folder / "seed.txt")
    return folder


def expected_failures(folder: Path) -> list[tuple[str, int | None, str]]:
    return sorted(
        (str(folder / name), line, reason) for name, errs in BROKEN.items() for line, reason in errs
    )


def failures(errors: list[IngestError]) -> list[tuple[str, int | None, str]]:
    out = []
    for e in errors:
        reason = next(r for name, errs in BROKEN.items() for _, r in errs if e.reason.startswith(r))
        out.append((str(e.path), e.line, reason))
    return sorted(out)


# ------------------------------------------------------------------ read_articles and the pipeline


def test_broken_batch_reads_every_good_article_and_reports_every_bad_one(batch: Path) -> None:
    errors: list[IngestError] = []
    got = list(read_articles(batch, on_error="skip", errors=errors))
    # 3 CSV rows, 3 good JSONL lines, 4 encoded text files and the seed
    assert len(got) == 11
    assert {a.id for a in got} >= {"cp1252", "latin1", "utf16le_bom", "utf8_bom", "seed", "c-1", "n-1", "n-7"}
    assert failures(errors) == expected_failures(batch)


def test_pipeline_collects_failures_by_name_and_line_and_prints_nothing(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = RunReport()
    ids = [a.id for a in iter_articles([str(batch)], strict=False, progress=False, report=report)]
    assert report.articles == len(ids) == 11
    assert report.exit_code() == 1
    reasons = [str(e) for e in report.failures]
    assert f"{batch / 'batch.jsonl'}:2: invalid JSON" in "\n".join(reasons)
    assert f"{batch / 'report.pdf'}: binary file (PDF)" in "\n".join(reasons)
    assert capsys.readouterr().err == ""  # library code reports; only the CLI prints


def test_pipeline_without_failures_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    report = RunReport()
    assert len(list(iter_articles([str(SEEDS)], strict=False, progress=False, report=report))) == 5
    assert report.exit_code() == 0
    assert capsys.readouterr().err == ""


def test_strict_pipeline_stops_at_the_first_failure(batch: Path) -> None:
    report = RunReport()
    seen = []
    with pytest.raises(IngestError) as exc:
        for a in iter_articles([str(batch)], strict=True, progress=False, report=report):
            seen.append(a.id)
    # sorted order: articles.csv (3 rows) then batch.jsonl, whose line 2 is the first failure
    assert seen == ["c-1", "c-2", "articles:6", "n-1"]
    assert (exc.value.path, exc.value.line) == (str(batch / "batch.jsonl"), 2)


@pytest.mark.parametrize("bad", ["empty.txt", "report.pdf", "no_text.csv"])
def test_raise_mode_raises_only_ingest_error(bad: str) -> None:
    with pytest.raises(IngestError):
        list(read_articles(DATA / bad))


def test_folder_of_ten_thousand_tiny_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for d in range(10):
        sub = folder / f"d{d}"
        sub.mkdir(parents=True)
        for i in range(1000):
            name = sub / f"{i:04d}.txt"
            # every 250th file is empty: a broken file among thousands is found and named
            name.write_bytes(b"" if i % 250 == 0 else f"Note {d}-{i}\n\nEnvoys met in Lima.\n".encode())
    errors: list[IngestError] = []
    ids = [a.id for a in read_articles(folder, on_error="skip", errors=errors)]
    assert len(ids) == 9960 and len(errors) == 40
    assert ids[:2] == ["0001", "0002"] and ids[-1] == "0999"
    assert {e.reason for e in errors} == {"empty file"}
    assert str(folder / "d3" / "0250.txt") in {e.path for e in errors}


def test_fifty_megabyte_article(tmp_path: Path) -> None:
    para = ("Delegations from Iraq and Russia met in Baghdad to discuss trade, energy and security. " * 6)[
        :-1
    ]
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("A very long report\n\n")
        while fh.tell() < 50_000_000:
            fh.write(para + "\n\n")
        fh.write("Share this article\n")
    (a,) = read_articles(path)
    assert len(a.text) == path.stat().st_size
    assert a.title == "A very long report"
    assert [a.text[s:e] for s, e in a.furniture] == ["Share this article"]


def test_fifty_megabyte_jsonl_record(tmp_path: Path) -> None:
    text = "Envoys met in Lima. " * 2_500_000
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "big", "text": text}) + "\n" + json.dumps({"text": "Small."}) + "\n")
    got = list(read_articles(path))
    assert [(a.id, len(a.text)) for a in got] == [("big", len(text)), ("huge:2", 6)]


def test_file_that_vanishes_mid_run(tmp_path: Path) -> None:
    for name in ["a.txt", "b.txt", "c.txt"]:
        (tmp_path / name).write_text(f"{name}\n\nBody.\n")
    errors: list[IngestError] = []
    ids = []
    for a in read_articles(tmp_path, on_error="skip", errors=errors):
        ids.append(a.id)
        if a.id == "a":
            (tmp_path / "b.txt").unlink()
    assert ids == ["a", "c"]
    assert [(e.path, e.reason) for e in errors] == [
        (str(tmp_path / "b.txt"), "file vanished before it could be read")
    ]


def test_folder_that_vanishes_mid_run(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("X\n\nBody.\n")
    (tmp_path / "b" / "y.txt").write_text("Y\n\nBody.\n")
    ids = []
    for a in read_articles(
        [str(tmp_path / "a"), str(tmp_path / "b")], on_error="skip", errors=(errors := [])
    ):
        ids.append(a.id)
        shutil.rmtree(tmp_path / "b")
    assert ids == ["x"]
    assert [e.reason for e in errors] == ["no such file or directory"]


_READ_IN_CHILD = """
import json, sys
from geo.ingest import read_articles
errors = []
ids = [a.id for a in read_articles(sys.argv[1], on_error="skip", errors=errors)]
print(json.dumps({"ids": ids, "errors": [[e.path, e.reason] for e in errors]}))
"""


def _read_without_root_override(folder: Path) -> dict[str, Any]:
    """What read_articles gives for ``folder`` to a reader that permissions apply to.

    Root reads through chmod 000, so as root the read runs in a child that setpriv has stripped of
    the capabilities that let it; the test skips where that cannot be done.
    """
    if os.geteuid() != 0:
        errors: list[IngestError] = []
        ids = [a.id for a in read_articles(folder, on_error="skip", errors=errors)]
        return {"ids": ids, "errors": [[e.path, e.reason] for e in errors]}
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop CAP_DAC_OVERRIDE")
    cmd = [setpriv, "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-c", _READ_IN_CHILD]
    done = subprocess.run([*cmd, str(folder)], check=False, capture_output=True, text=True, timeout=120)
    if done.returncode:
        pytest.skip(f"setpriv cannot drop capabilities here: {done.stderr.strip()[-200:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nBody.\n")
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked\n\nBody.\n")
    locked.chmod(0o000)
    try:
        got = _read_without_root_override(tmp_path)
    finally:
        locked.chmod(0o644)
    assert got == {"ids": ["a"], "errors": [[str(locked), "permission denied; check the file's permissions"]]}


# ------------------------------------------------------------------ the command line


@pytest.fixture
def places_cli(gazetteer: object) -> object:
    pytest.importorskip("geo.mentions")
    from geo.cli import main

    return main


def test_cli_batch_with_broken_files_writes_the_good_ones_and_exits_1(
    places_cli: object, batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "places.jsonl"
    code = places_cli(["places", str(batch), "-o", str(out), "--no-progress"])  # type: ignore[operator]
    err = capsys.readouterr().err
    assert code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 11
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == sum(len(v) for v in BROKEN.values())
    for name, errs in BROKEN.items():
        for line, reason in errs:
            where = f"{batch / name}:{line}" if line else f"{batch / name}"
            assert any(entry.startswith(f"error: {where}: {reason}") for entry in lines), (where, err)
    assert "Traceback" not in err


def test_cli_strict_fails_on_the_first_bad_file_with_one_line(
    places_cli: object, batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "places.jsonl"
    out.write_text("previous good output\n")
    code = places_cli(["places", str(batch), "-o", str(out), "--no-progress", "--strict"])  # type: ignore[operator]
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [
        f"error: {batch / 'batch.jsonl'}:2: invalid JSON (Invalid control character, column 36)"
    ]
    assert out.read_text() == "previous good output\n"  # the failed run replaced nothing


@pytest.mark.skipif(sys.platform != "linux", reason="uses sysfs as a folder nobody may write")
def test_cli_unwritable_output_folder(places_cli: object, capsys: pytest.CaptureFixture[str]) -> None:
    target = "/sys/diplomap-test/places.jsonl" if os.geteuid() == 0 else "/proc/diplomap-test/places.jsonl"
    code = places_cli(["places", str(SEEDS), "-o", target, "--no-progress"])  # type: ignore[operator]
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"error: cannot write {target}") and len(err.strip().splitlines()) == 1


def test_cli_in_a_subprocess_shows_no_traceback(batch: Path, tmp_path: Path) -> None:
    pytest.importorskip("geo.mentions")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo",
            "places",
            str(batch / "report.pdf"),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--strict",
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert (
        done.stderr.strip().splitlines()[-1]
        == f"error: {batch / 'report.pdf'}: binary file (PDF); diplomap reads text, HTML, JSON Lines and CSV"
    )
    assert "Traceback" not in done.stderr


def test_cli_reads_jsonl_from_stdin_and_names_its_bad_line(places_cli: object, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "s1", "text": "Iraqi and Jordanian ministers met in Amman on Monday."}),
        "{not json",
        json.dumps({"id": "s3", "text": "Talks continued in Baghdad."}),
    ]
    out = tmp_path / "places.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "geo", "places", "-", "-o", str(out), "--no-progress"],
        input="\n".join(lines) + "\n",
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["s1", "s3"]
    assert done.stderr.strip().splitlines()[-1].startswith("error: <stdin>:2: invalid JSON")
    assert "Traceback" not in done.stderr


# ------------------------------------------------------------------ properties (hypothesis)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="diplomap-hypo-") as d:
        yield Path(d)


def read_file(folder: Path, name: str, data: bytes) -> list[Article] | IngestError:
    path = folder / name
    path.write_bytes(data)
    try:
        return list(read_articles(path))
    except IngestError as exc:
        return exc
    finally:
        path.unlink()


def check_spans(a: Article) -> None:
    last = -1
    for s, e in a.furniture:
        assert 0 <= s <= e <= len(a.text)
        assert s > last
        last = e
    assert "\n" not in a.title and "\r" not in a.title


RTL = st.characters(min_codepoint=0x0590, max_codepoint=0x08FF) | st.sampled_from(
    " \n\u200f\u200e.,:0123456789"
)
LONG_TOKEN = st.builds(
    lambda ch, n: ch * n, st.characters(blacklist_categories=("Cs",)), st.integers(1_000, 100_000)
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",))) | st.text(RTL) | LONG_TOKEN
SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(text=TEXT)
def test_any_text_file_reads_back_exactly(scratch: Path, text: str) -> None:
    assume(not text.startswith("\ufeff"))  # a leading BOM is encoding, not text
    got = read_file(scratch, "a.txt", text.encode("utf-8"))
    if isinstance(got, IngestError):
        if got.reason.startswith("binary file (") and not got.reason.startswith("binary file (contains NUL"):
            # a binary format's magic number, then the control bytes such a file soon holds
            assert re.search(r"[\x00-\x08\x0e-\x1f]", text[:512]), got.reason
            return
        assert got.reason.startswith(("empty file", "binary file (contains NUL")), got.reason
        assert not text.strip() or "\x00" in text
        return
    (a,) = got
    assert a.text == text
    check_spans(a)


@pytest.mark.parametrize("text", ["RIFF", "MZ hello", "Rar! is what he shouted", "ID3 tags are metadata", "BZh no"])
def test_text_that_opens_like_a_binary_format_is_text(scratch: Path, text: str) -> None:
    (a,) = read_file(scratch, "a.txt", text.encode("utf-8"))
    assert a.text == text


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"RIFF$\x08\x00\x00WAVEfmt ", "RIFF media"), (b"Rar!\x1a\x07\x00", "RAR archive"), (b"ID3\x03\x00\x00\x00", "MP3")],
)
def test_binary_formats_with_word_like_magic_are_still_refused(scratch: Path, head: bytes, kind: str) -> None:
    got = read_file(scratch, "a.txt", head + b"\x00" * 64)
    assert isinstance(got, IngestError) and got.reason.startswith(f"binary file ({kind})")


@SETTINGS
@given(text=TEXT, title=st.text(), ident=st.text(min_size=1))
def test_any_jsonl_text_field_is_kept_as_given(scratch: Path, text: str, title: str, ident: str) -> None:
    assume(text.strip() and ident.strip())
    line = json.dumps({"id": ident, "title": title, "text": text}) + "\n"
    got = read_file(scratch, "a.jsonl", line.encode("utf-8"))
    assert not isinstance(got, IngestError), got
    (a,) = got
    assert a.text == text.replace("\x00", "\ufffd") and a.id == ident.strip()
    check_spans(a)


@SETTINGS
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_any_csv_text_cell_is_kept_as_given(scratch: Path, text: str) -> None:
    assume(text.strip())
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows([["id", "text"], ["x", text]])
    got = read_file(scratch, "a.csv", buf.getvalue().encode("utf-8"))
    assert not isinstance(got, IngestError), got
    (a,) = got
    assert a.text == text
    check_spans(a)


@SETTINGS
@given(
    data=st.binary(max_size=4096),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".dat", ".txt.gz"]),
)
def test_random_bytes_raise_nothing_but_ingest_error(scratch: Path, data: bytes, suffix: str) -> None:
    got = read_file(scratch, "r" + suffix, data)
    if not isinstance(got, IngestError):
        for a in got:
            check_spans(a)


FURNITURE_LINES = [
    "Share", "Share post:", "Tweet", "Related articles", "Read more", "You may also like", "23.1 C", "Delhi",
    "Saturday, May 3, 2025", "Date:", "News / Iraq / Russia", "IranIraqMiddle East", "www.example.org",
    "Read original article here.", "Back to top button", "© 2024 Example", "READ MORE: Talks resume",
]  # fmt: skip


@SETTINGS
@given(
    lines=st.lists(st.sampled_from(FURNITURE_LINES) | TEXT, max_size=30),
    sep=st.sampled_from(["\n", "\r\n", "\n\n", "\r", "\n \n"]),
)
def test_furniture_spans_are_valid_on_any_mix_of_lines(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    last = -1
    for s, e in detect_furniture(text):
        assert 0 <= s < e <= len(text)
        assert s > last
        assert text[s:e].strip() == text[s:e]  # spans cover visible text only
        last = e


# ------------------------------------------------------------------ odd things in folders


def test_fifo_socket_and_broken_link_in_a_folder_do_not_hang_or_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nBody.\n")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block forever
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # a folder link back to itself
    errors: list[IngestError] = []
    ids = [a.id for a in read_articles(tmp_path, on_error="skip", errors=errors)]
    assert ids == ["a"]
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "gone.txt"), "broken symbolic link")]


def test_symlinked_folder_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "r.txt").write_text("R\n\nBody.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "linked").symlink_to(real)
    assert [a.id for a in read_articles(corpus)] == ["r"]


def test_deeply_nested_json_is_an_error_for_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 200_000 + "]" * 200_000 + '\n{"text": "Talks in Baku."}\n')
    errors: list[IngestError] = []
    assert [a.text for a in read_articles(path, on_error="skip", errors=errors)] == ["Talks in Baku."]
    assert [(e.line, e.reason) for e in errors] == [(1, "invalid JSON (nested too deeply)")]


def test_folder_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nBody.\n")
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "x.txt").write_text("X\n\nBody.\n")
    closed.chmod(0o000)
    try:
        got = _read_without_root_override(tmp_path)
    finally:
        closed.chmod(0o755)
    assert got == {"ids": ["a"], "errors": [[str(closed), "cannot list folder: Permission denied"]]}
