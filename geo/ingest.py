"""Read news articles from files, folders, globs and stdin.

:func:`read_articles` streams :class:`~geo.records.Article` records from plain text, HTML,
JSON Lines, JSON and CSV/TSV files (optionally gzip-compressed). It never holds a corpus in
memory: folders are walked lazily and JSONL/CSV files are read line by line.

Spans are offsets into :attr:`Article.text` exactly as decoded: for ``.txt`` files the text is
the whole file (the title line included); for JSONL/CSV it is the ``text`` field as given. Page
furniture (share buttons, "Related articles" lists, weather/date widgets, footers) is *marked*
in :attr:`Article.furniture`, never cut out, so offsets keep pointing into the original text.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import glob
import gzip
import html as html_lib
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from typing import IO, Any, Literal, Protocol

from geo._regex import CaselessRegex, has_odd_case
from geo.errors import ConfigError, IngestError
from geo.records import Article

log = logging.getLogger(__name__)

__all__ = ["decode_bytes", "detect_furniture", "normalise_date", "read_articles"]

OnError = Literal["raise", "skip"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv", ".tsv", ".tab"}

# Field aliases for JSON and CSV records, first match wins (keys compared case-insensitively).
ID_FIELDS = ("id", "doc_id", "docid", "article_id", "uid", "guid", "_id", "uuid")
TITLE_FIELDS = ("title", "headline", "heading", "subject")
DATE_FIELDS = (
    "date",
    "published",
    "published_at",
    "publishedat",
    "publish_date",
    "published_date",
    "date_published",
    "datepublished",
    "pubdate",
    "pub_date",
    "publication_date",
    "datetime",
    "timestamp",
    "created_at",
    "time",
)
URL_FIELDS = ("url", "link", "href", "source_url", "uri", "canonical_url")
TEXT_FIELDS = (
    "text",
    "body",
    "content",
    "article",
    "article_text",
    "full_text",
    "fulltext",
    "maintext",
    "story",
    "body_text",
)

_SNIFF = 64 * 1024  # bytes looked at to sniff formats and encodings
_NUL = "\x00"

# Magic numbers of binary formats people feed by mistake: a clear error beats garbage text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"wOFF", "font"),
    (b"\x00asm", "WebAssembly"),
    (b"MZ", "executable"),
)


# --------------------------------------------------------------------------------------------
# public entry point


def read_articles(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: OnError = "raise",
    errors: list[IngestError] | None = None,
) -> Iterator[Article]:
    """Stream articles from files, folders, globs or ``-`` (stdin).

    Parameters
    ----------
    paths
        One path or an iterable of them. A folder is read recursively in sorted order,
        skipping hidden files and folders; a glob (``data/**/*.txt``) is expanded sorted;
        ``-`` reads stdin (JSON Lines when it starts with ``{``, otherwise one text article).
    on_error
        ``"raise"``: raise :class:`~geo.errors.IngestError` at the first bad input.
        ``"skip"``: record the error and go on with the next line or file.
    errors
        Where skipped failures are collected (only with ``on_error="skip"``). When it is
        given the caller reports them (skips are logged at INFO); without it each skip is
        logged as a warning, plus one warning with the count at the end.

    Yields
    ------
    Article
        One per text/HTML file, one per JSON/CSV record.

    Raises
    ------
    IngestError
        With ``on_error="raise"``: unreadable, empty, binary or malformed input.
    ConfigError
        ``on_error`` is not ``"raise"`` or ``"skip"``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a1.txt").write_text("Talks in Baghdad\\n\\nIraq and Iran met.\\n", encoding="utf-8")
    >>> [(a.id, a.title) for a in read_articles(d)]
    [('a1', 'Talks in Baghdad')]
    """
    if on_error not in ("raise", "skip"):
        raise ConfigError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    failed = 0
    for item in _expand(paths):
        if isinstance(item, IngestError):
            failed += _fail(item, on_error, errors)
            continue
        try:
            for got in _read_path(item):
                if isinstance(got, IngestError):
                    failed += _fail(got, on_error, errors)
                else:
                    yield got
        except IngestError as exc:
            failed += _fail(exc, on_error, errors)
    if failed:
        # a caller that collects the errors reports them itself (the CLI prints each one)
        level = logging.INFO if errors is not None else logging.WARNING
        log.log(level, "skipped %d unreadable input(s)", failed)


def _fail(exc: IngestError, on_error: OnError, errors: list[IngestError] | None) -> int:
    if on_error == "raise":
        raise exc
    if errors is not None:
        errors.append(exc)
        log.info("skipping %s", exc)
    else:
        log.warning("skipping %s", exc)
    return 1


# --------------------------------------------------------------------------------------------
# expanding paths


_GLOB_CHARS = re.compile(r"[*?\[]")


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | IngestError]:
    """Files to read, in order; missing paths come out as errors."""
    for raw in paths:
        p = os.fspath(raw)
        if p == "-":
            yield p
        elif os.path.isdir(p):
            yield from _walk(p)
        elif os.path.exists(p) or os.path.islink(p):
            yield p
        elif _GLOB_CHARS.search(p):
            matches = sorted(glob.iglob(p, recursive=True))
            if not matches:
                yield IngestError("no file matches this pattern", p)
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m)
                elif not _is_hidden(os.path.basename(m)):
                    yield m
        else:
            yield IngestError("no such file or directory", p)


# files operating systems leave in folders; never articles
_JUNK_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.lower() in _JUNK_FILES


def _walk(top: str) -> Iterator[str | IngestError]:
    """Files under ``top``: each folder's files sorted, then its subfolders, depth first.

    Hidden files and folders are skipped, and so are FIFOs, sockets and devices (opening a
    FIFO would block). Symlinked folders are followed once (a link cycle is not). A folder
    that cannot be listed is an error, not a silent gap. Only one folder listing is held
    at a time per level, so a folder of many files streams.
    """
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except FileNotFoundError:
            yield IngestError("no such file or directory", folder)
            continue
        except OSError as exc:
            yield IngestError(f"cannot list folder: {exc.strerror or exc}", folder)
            continue
        if (st.st_dev, st.st_ino) in seen:
            continue  # a symlink back into a folder already read
        seen.add((st.st_dev, st.st_ino))
        subfolders = []
        for entry in entries:
            if _is_hidden(entry.name):
                continue
            try:
                if entry.is_dir():
                    subfolders.append(entry.path)
                elif entry.is_file():
                    yield entry.path
                elif entry.is_symlink() and not os.path.exists(entry.path):
                    yield IngestError("broken symbolic link", entry.path)
                else:
                    log.debug("skipping %s: not a regular file", entry.path)
            except OSError:
                yield entry.path  # let opening it report what is wrong
        stack.extend(reversed(subfolders))


# --------------------------------------------------------------------------------------------
# reading one path


def _split_suffix(path: str) -> tuple[str, str, bool]:
    """(stem, format suffix, gzipped) of a file name: ``a/b.jsonl.gz`` -> ``b``, ``.jsonl``, True."""
    name = os.path.basename(path)
    gz = name.lower().endswith(".gz")
    if gz:
        name = name[:-3]
    stem, suffix = os.path.splitext(name)
    return stem or name, suffix.lower(), gz


def _read_path(path: str) -> Iterator[Article | IngestError]:
    if path == "-":
        if sys.stdin is None:
            raise IngestError("no standard input to read (the process has none)", "<stdin>")
        yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin", "", gz=False)
        return
    stem, suffix, gz = _split_suffix(path)
    try:
        fh: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError as exc:
        raise IngestError("file vanished before it could be read", path) from exc
    except PermissionError as exc:
        raise IngestError("permission denied; check the file's permissions", path) from exc
    except IsADirectoryError as exc:
        raise IngestError("is a directory", path) from exc
    except OSError as exc:
        raise IngestError(f"cannot open: {exc.strerror or exc}", path) from exc
    with fh:
        yield from _read_stream(fh, path, stem, suffix, gz=gz)


def _read_stream(
    fh: IO[bytes], path: str, stem: str, suffix: str, *, gz: bool
) -> Iterator[Article | IngestError]:
    try:
        head = _peek(fh, _SNIFF)
        if gz or head[:2] == b"\x1f\x8b":
            unzipped = gzip.GzipFile(fileobj=_Prefixed(head, fh), mode="rb")
            head = _peek(unzipped, _SNIFF)
            raw = _Prefixed(head, unzipped)
        else:
            raw = _Prefixed(head, fh)
        if not head.strip():
            raise IngestError("empty file" if not head else "empty file (only whitespace)", path)
        kind = _binary_kind(head)
        if kind:
            raise IngestError(f"binary file ({kind}); diplomap reads text, HTML, JSON Lines and CSV", path)
        fmt = _format(suffix, head)
        if fmt in ("jsonl", "csv"):
            text_stream = _text_stream(raw, head)
            if fmt == "jsonl":
                yield from _read_jsonl(text_stream, path, stem)
            else:
                delimiter = "\t" if suffix in (".tsv", ".tab") else None
                yield from _read_csv(text_stream, path, stem, delimiter)
            return
        data = raw.read()
        text, encoding = decode_bytes(data, hint=_html_charset(head) if fmt == "html" else None)
        del data
        log.debug("%s: decoded as %s", path, encoding)
        if not text.strip():
            raise IngestError("empty file (only whitespace)", path)
        if fmt == "json":
            yield from _read_json(text, path, stem)
        elif fmt == "html":
            yield _read_html(text, path, stem)
        else:
            yield _text_article(text, path, stem)
    except IngestError:
        raise
    except FileNotFoundError as exc:
        raise IngestError("file vanished while it was read", path) from exc
    except (EOFError, gzip.BadGzipFile, zlib_error()) as exc:
        raise IngestError(f"corrupt or truncated gzip data ({exc})", path) from exc
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path) from exc
    except MemoryError as exc:
        raise IngestError("file too large to hold in memory", path) from exc


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _peek(fh: _Readable, n: int) -> bytes:
    """Read up to ``n`` bytes (looping: pipes and gzip may return short reads)."""
    chunks: list[bytes] = []
    got = 0
    while got < n:
        chunk = fh.read(n - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _Prefixed(io.RawIOBase):
    """A read-only stream that yields ``prefix`` then the rest of ``fh`` (sniffed bytes go back)."""

    def __init__(self, prefix: bytes, fh: _Readable) -> None:
        self._prefix = memoryview(prefix)
        self._fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._fh.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            rest = bytes(self._prefix) + self._fh.read()
            self._prefix = memoryview(b"")
            return rest
        return super().read(size) or b""


_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def _binary_kind(head: bytes) -> str | None:
    """Name of a binary format, or None for text (UTF-16/32 with NULs counts as text)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if magic.rstrip(b"!").isalnum() and not _CONTROL_BYTE.search(head, 0, 512):
                continue  # text that happens to start with "MZ", "RIFF" or "BZh": these formats soon hold binary
            return name
    sample = head[:8192]
    if b"\x00" in sample:
        if _utf16_without_bom(sample):
            return None
        return "contains NUL bytes"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on alternate bytes like ASCII text in UTF-16."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _format(suffix: str, head: bytes) -> str:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in CSV_SUFFIXES:
        return "csv"
    return _sniff_format(head)


def _sniff_format(head: bytes) -> str:
    """Format of a file without a known suffix (or stdin), from its first bytes."""
    text, _ = decode_bytes(head[:4096], partial=True)
    s = text.lstrip("\ufeff \t\r\n")
    if s.startswith("{"):
        first = s.split("\n", 1)[0].strip()
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl"
    if s.startswith("["):
        return "json"
    low = s[:1024].lower()
    if low.startswith("<") and (
        "<html" in low or "<!doctype html" in low or "<body" in low or "<head" in low
    ):
        return "html"
    return "text"


# --------------------------------------------------------------------------------------------
# decoding


def decode_bytes(data: bytes, *, partial: bool = False, hint: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes: BOMs, UTF-8, UTF-16 without BOM, then charset detection.

    Returns ``(text, encoding)``. NUL characters are replaced by U+FFFD; nothing else is
    changed (newlines are kept as they are, so spans point into the text as decoded).
    ``partial`` tolerates a multi-byte sequence cut at the end (sniffing a file's head);
    ``hint`` is an encoding declared by the file itself (an HTML ``<meta charset>``), used
    when the bytes are not UTF-8.

    Examples
    --------
    >>> decode_bytes("Zürich – “talks”".encode("cp1252"))
    ('Zürich – “talks”', 'cp1252')
    """
    text, encoding = _decode(data, partial, hint)
    if _NUL in text:
        text = text.replace(_NUL, "\ufffd")
    return text, encoding


def _decode(data: bytes, partial: bool, hint: str | None = None) -> tuple[str, str]:
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            if enc == "utf-32" and data.startswith(codecs.BOM_UTF16_LE) and len(data) % 4:
                continue  # UTF-16 LE BOM followed by a NUL-initial character, not UTF-32
            return _decode_as(data, enc, partial), enc
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return _decode_as(data, utf16, partial), utf16
    try:
        return _decode_as(data, "utf-8", partial, errors="strict"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes: keep UTF-8 (replacing the bad bytes) rather than
    # turning every accented letter into cp1252 mojibake.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd") if bad < 1000 else 0
    if good >= bad:
        return replaced, "utf-8 (with invalid bytes replaced)"
    enc = hint or _detect_encoding(data)
    return data.decode(enc, errors="replace"), enc


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def _html_charset(head: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> tag, when Python knows it."""
    m = _META_CHARSET.search(head[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", errors="replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_as(data: bytes, encoding: str, partial: bool, errors: str = "replace") -> str:
    if partial:
        return codecs.getincrementaldecoder(encoding)(errors=errors).decode(data, final=False)
    return data.decode(encoding, errors=errors)


def _detect_encoding(data: bytes) -> str:
    """Best single-byte encoding for bytes that are not UTF-8.

    charset-normalizer ranks candidates, but on short news texts it often ties a DOS or Mac
    code page with the Windows one that actually produced the file; among the candidates
    that decode with the least "mess" we prefer cp1252, then other Windows code pages, then
    ISO-8859, which is what scraped or exported news text almost always is.
    """
    from charset_normalizer import from_bytes

    sample = data[: 256 * 1024]
    matches = list(from_bytes(sample))
    if not matches:
        return "cp1252" if _decodes(sample, "cp1252") else "latin-1"
    least = min(m.chaos for m in matches)
    candidates: list[str] = [
        str(enc) for m in matches if m.chaos <= least + 0.01 for enc in (m.encoding, *m.could_be_from_charset)
    ]
    if _decodes(sample, "cp1252"):
        candidates.append("cp1252")
    probe = sample[:65536]
    scored = {
        enc: (_oddity(probe.decode(enc, errors="replace")), _encoding_rank(enc)) for enc in set(candidates)
    }
    best = min(scored, key=lambda enc: (*scored[enc], enc))
    if best == "cp1252" and not _decodes(sample, "cp1252"):
        return "latin-1"
    return best


# Typographic marks that legitimately touch letters ("ministers’", "“framework”", "Sudria—the").
_TOUCHING_MARKS = set("’‘“”„«»‹›–—…·•°€£¥$%&©®™§¶¿¡´`¨¸ºª")
_ODD_LETTERS = set("þðýÞÐÝ¦¹³²")


def _oddity(text: str) -> int:
    """How many characters look like a wrong code page: symbols glued inside words, rare letters.

    A Polish cp1250 "ł" read as cp1252 is "³" in the middle of a word; Turkish cp1254 "ş"
    and "ı" read as cp1252 become Icelandic "þ" and "ý".
    """
    odd = 0
    n = len(text)
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        if ch in _ODD_LETTERS:
            odd += 1
        elif not ch.isalpha() and ch not in _TOUCHING_MARKS:
            before = i > 0 and text[i - 1].isalpha()
            after = i + 1 < n and text[i + 1].isalpha()
            if before or after:
                odd += 1
        elif ch in "£¥" and i + 1 < n and text[i + 1].isalpha():
            odd += 1
    return odd


def _encoding_rank(encoding: str) -> int:
    if encoding == "cp1252":
        return 0
    if encoding.startswith("cp125"):
        return 1
    if encoding.startswith(("iso8859", "latin")):
        return 2
    return 3


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _text_stream(raw: _Prefixed, head: bytes) -> io.TextIOWrapper:
    """A text stream over ``raw`` (which re-yields ``head``) in the encoding sniffed from ``head``."""
    if head.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    elif _utf16_without_bom(head[:8192]):
        enc = _utf16_without_bom(head[:8192]) or "utf-16"
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            enc = "utf-8"
        except UnicodeDecodeError:
            enc = _detect_encoding(head)
    return io.TextIOWrapper(io.BufferedReader(raw), encoding=enc, errors="replace", newline="")


# --------------------------------------------------------------------------------------------
# records (JSON, JSONL, CSV)


def _pick(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in record:
            return name, record[name]
    return None, None


def _record_article(
    obj: Any, path: str, stem: str, number: int | None, *, line: int | None, where: str
) -> Article | IngestError:
    if not isinstance(obj, dict):
        return IngestError(f"expected a JSON object, got {type(obj).__name__}", path, line)
    record = {str(k).strip().lower(): v for k, v in obj.items()}
    key, text = _pick(record, TEXT_FIELDS)
    if key is None:
        found = ", ".join(sorted(record)) or "none"
        return IngestError(
            f"no text field (fields found: {found}); name the article text 'text' (or body, content)",
            path,
            line,
        )
    if text is None or (isinstance(text, str) and not text.strip()):
        return IngestError(f"empty {key!r} field", path, line)
    if not isinstance(text, str):
        return IngestError(f"{key!r} field is a {type(text).__name__}, not a string", path, line)
    if _NUL in text:
        text = text.replace(_NUL, "\ufffd")
    _, ident = _pick(record, ID_FIELDS)
    if ident is None or (isinstance(ident, str) and not ident.strip()):
        ident = stem if number is None else f"{stem}:{number}"
    _, title = _pick(record, TITLE_FIELDS)
    _, date = _pick(record, DATE_FIELDS)
    _, url = _pick(record, URL_FIELDS)
    title_s = _clean_str(title) or ""
    furniture, _first = _furniture(text)
    return Article(
        id=str(ident).strip(),
        text=text,
        title=title_s,
        date=normalise_date(date) or _header_date(text),
        url=_clean_str(url),
        source=where,
        furniture=furniture,
    )


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def _read_jsonl(stream: IO[str], path: str, stem: str) -> Iterator[Article | IngestError]:
    seen = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        seen += 1
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield IngestError(f"invalid JSON ({_json_reason(exc)})", path, number)
            continue
        except RecursionError:
            yield IngestError("invalid JSON (nested too deeply)", path, number)
            continue
        yield _record_article(obj, path, stem, number, line=number, where=f"{path}:{number}")
    if not seen:
        yield IngestError("empty file (only whitespace)", path)


def _json_reason(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg.removesuffix(' at')}, column {exc.colno}"
    return str(exc)


def _read_json(text: str, path: str, stem: str) -> Iterator[Article | IngestError]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Extra data"):
            # several objects, one per line: JSON Lines under a .json name
            yield from _read_jsonl(io.StringIO(text, newline=""), path, stem)
            return
        raise IngestError(f"invalid JSON ({_json_reason(exc)}, line {exc.lineno})", path) from exc
    except RecursionError as exc:
        raise IngestError("invalid JSON (nested too deeply)", path) from exc
    if isinstance(obj, dict):
        for key in ("articles", "items", "data", "results", "documents", "docs"):
            if isinstance(obj.get(key), list) and not any(k in obj for k in TEXT_FIELDS):
                obj = obj[key]
                break
    if isinstance(obj, dict):
        got = _record_article(obj, path, stem, None, line=None, where=path)
        if isinstance(got, IngestError):
            raise got
        yield got
        return
    if not isinstance(obj, list):
        raise IngestError(f"expected a JSON object or array of objects, got {type(obj).__name__}", path)
    if not obj:
        raise IngestError("empty JSON array", path)
    for number, item in enumerate(obj, start=1):
        got = _record_article(item, path, stem, number, line=None, where=f"{path}#{number}")
        if isinstance(got, IngestError):
            got = IngestError(f"item {number}: {got.reason}", path)
        yield got


_CSV_LIMIT_SET = False


def _read_csv(
    stream: IO[str], path: str, stem: str, delimiter: str | None
) -> Iterator[Article | IngestError]:
    global _CSV_LIMIT_SET
    if not _CSV_LIMIT_SET:
        # the default 128 KiB field limit rejects long articles
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        _CSV_LIMIT_SET = True
    first = stream.readline()
    if not first.strip():
        raise IngestError("empty file (no header row)", path)
    if delimiter is None:
        counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","
    header = next(csv.reader([first], delimiter=delimiter))
    columns = [h.strip().lstrip("\ufeff").lower() for h in header]
    index = {c: i for i, c in reversed(list(enumerate(columns)))}
    text_col = next((c for c in TEXT_FIELDS if c in index), None)
    if text_col is None:
        shown = ", ".join(repr(h.strip()) for h in header) or "none"
        raise IngestError(
            f"no text column (columns found: {shown}); name the article text column 'text' (or body, content)",
            path,
            1,
        )
    reader = csv.reader(stream, delimiter=delimiter)
    line_end = 1
    try:
        for row in reader:
            start = line_end + 1
            line_end = 1 + reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) < len(columns) and len(row) <= index[text_col]:
                yield IngestError(f"row has {len(row)} fields, the header has {len(columns)}", path, start)
                continue
            record = {c: row[i] for c, i in index.items() if i < len(row)}
            yield _record_article(record, path, stem, start, line=start, where=f"{path}:{start}")
    except csv.Error as exc:
        raise IngestError(f"malformed CSV ({exc})", path, 1 + reader.line_num) from exc


# --------------------------------------------------------------------------------------------
# text and HTML files


_TITLE_MAX = 200


def _short_title(line: str) -> str:
    """A title from a story's first line; a whole first paragraph (no headline) is cut at a word."""
    title = " ".join(line.split())
    if len(title) <= _TITLE_MAX:
        return title
    return title[:_TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:-–—") + "…"


def _text_article(text: str, path: str, stem: str) -> Article:
    furniture, first = _furniture(text)
    title = ""
    if first is not None:
        title = _short_title(text[first[0] : first[1]])
    return Article(
        id=stem,
        text=text,
        title=title,
        date=_header_date(text),
        source=path,
        furniture=furniture,
    )


class _MetaParser(HTMLParser):
    """Collects <title>, <meta> and <time datetime> from the start of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.h1: list[str] = []
        self.times: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"].strip())
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        elif tag in ("title", "h1") and self._in is None:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title.append(data)
        elif self._in == "h1":
            self.h1.append(data)


_META_DATES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "datecreated",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
_JSONLD_HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.){1,300})"')


def _read_html(html: str, path: str, stem: str) -> Article:
    head = html[: 256 * 1024]
    meta = _MetaParser()
    try:
        meta.feed(head)
        meta.close()
    except (AssertionError, ValueError):  # HTMLParser on broken markup
        pass
    page_title = _clean_str("".join(meta.title))
    h1 = _clean_str("".join(meta.h1))
    headline = _JSONLD_HEADLINE.search(head)
    title = (
        _clean_str(meta.meta.get("og:title"))
        or (_clean_str(_json_string(headline.group(1))) if headline else None)
        # "<title>Headline - Site name</title>" with the same headline in <h1>: take the <h1>
        or (h1 if h1 and page_title and h1 in page_title else None)
        or page_title
        or h1
    )
    date = None
    for key in _META_DATES:
        date = normalise_date(meta.meta.get(key))
        if date:
            break
    if date is None:
        m = _JSONLD_DATE.search(head)
        date = normalise_date(m.group(1)) if m else None
    if date is None and meta.times:
        date = normalise_date(meta.times[0])
    text = _html_main_text(html)
    if text is None or not text.strip():
        raise IngestError("no article text found in the HTML", path)
    if _NUL in text:
        text = text.replace(_NUL, "\ufffd")
    furniture, first = _furniture(text)
    if not title and first is not None:
        title = _short_title(text[first[0] : first[1]])
    return Article(
        id=stem,
        text=text,
        title=title or "",
        date=date or _header_date(text),
        url=_clean_str(meta.meta.get("og:url")) or _clean_str(meta.meta.get("canonical")),
        source=path,
        furniture=furniture,
    )


def _json_string(raw: str) -> str:
    """A JSON string literal's body (escapes like \\u00e9 resolved), then HTML entities."""
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        value = raw
    return html_lib.unescape(str(value))


_warned: set[str] = set()


def _warn_no_trafilatura(exc: ImportError) -> None:
    if "trafilatura" not in _warned:
        _warned.add("trafilatura")
        log.warning("trafilatura cannot be imported (%s); HTML main text falls back to tag stripping", exc)


def _html_main_text(html: str) -> str | None:
    """Main text with trafilatura (offline: it only parses the string), else a plain strip."""
    try:
        import trafilatura
    except ImportError as exc:  # a broken install: say so once, keep reading with the plain strip
        _warn_no_trafilatura(exc)
        return _strip_html(html)
    try:
        text = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser failing must not stop the batch
        log.debug("trafilatura failed (%s); falling back to tag stripping", exc)
        text = None
    if text and text.strip():
        return str(text)
    return _strip_html(html)


# tags whose text is never the story, and tags that end a line of text
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "head",
        "button",
        "select",
    ]
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "hr",
        "title",
    ]
)


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _strip_html(html: str) -> str:
    p = _Stripper()
    try:
        p.feed(html)
        p.close()
    except (AssertionError, ValueError):
        pass
    lines = (" ".join(line.split()) for line in "".join(p.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


# --------------------------------------------------------------------------------------------
# dates


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_TIME = r"(?:\s*(?:[,|\-–—@]|at)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*)?)?"
_DATE_CORE = (
    rf"(?:{_WEEKDAYS},?\s+)?(?:{_MONTHS}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTHS},?\s+{_YEAR})"
    rf"|{_YEAR}-\d{{1,2}}-\d{{1,2}}"
)
_DATE_PREFIX = r"(?:(?:published|posted|updated|last updated|date|dated|first published)(?:\s+on)?\s*:?\s*)?"
# A line that is nothing but a date (a widget, a byline date), possibly with a time.
_DATE_LINE = re.compile(rf"^\s*{_DATE_PREFIX}(?P<date>{_DATE_CORE}){_TIME}\s*$", re.IGNORECASE)
# "BAGHDAD, March 3, 2021 (Reuters) -": a dateline carries a date only when it has a year.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]{{1,40}},\s*(?P<date>{_MONTHS}\s+{_DAY},?\s+{_YEAR})\b", re.IGNORECASE
)


# compiled once: normalise_date runs for every article read, and re.match looks its pattern up each call
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_TIMESTAMP = re.compile(r"\d{9,13}(?:\.\d+)?")


def normalise_date(value: Any) -> str | None:
    """ISO ``YYYY-MM-DD`` for a date given as text or a Unix timestamp; None when not a full date.

    Dates without a year or a day ("March 3", "May 2025") give None rather than a guess.

    Examples
    --------
    >>> normalise_date("Saturday, May 3, 2025")
    '2025-05-03'
    >>> normalise_date("2020-11-25T10:00:00Z")
    '2020-11-25'
    >>> normalise_date("March 3") is None
    True
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_timestamp(float(value))
    s = str(value).strip()
    if not s or len(s) > 80:
        return None
    m = _ISO_DATE.match(s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if _TIMESTAMP.fullmatch(s):
        return _from_timestamp(float(s))
    return _parse_with_dateutil(s)


def _parse_with_dateutil(s: str) -> str | None:
    from dateutil import parser as dparser

    # Parse twice with different defaults: a field that changes came from the default,
    # i.e. the text lacks it, and a partial date is no date.
    a = _dt.datetime(1904, 1, 1)
    b = _dt.datetime(1908, 2, 2)
    try:
        x = dparser.parse(s, default=a, ignoretz=True)
        y = dparser.parse(s, default=b, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if x.date() != y.date():
        return None
    return _valid(x.year, x.month, x.day)


def _from_timestamp(t: float) -> str | None:
    if t > 1e11:  # milliseconds
        t /= 1000
    if not 0 < t < 4.2e9:
        return None
    return _dt.datetime.fromtimestamp(t, tz=_dt.timezone.utc).date().isoformat()


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _header_date(text: str) -> str | None:
    """Publication date from a clear date line or a dateline with a year near the top."""
    seen = 0
    for m in re.finditer(r"[^\r\n]+", text[:4000]):
        line = m.group()
        if not line.strip():
            continue
        seen += 1
        if seen > 12:
            break
        if len(line) <= 80:
            d = _DATE_LINE.match(line)
            if d:
                got = normalise_date(d.group("date"))
                if got:
                    return got
        d = _DATELINE.match(line)
        if d:
            got = normalise_date(d.group("date"))
            if got:
                return got
    return None


# --------------------------------------------------------------------------------------------
# page furniture


_SHARE_STRONG = {
    "share", "shares", "tweet", "whatsapp", "facebook", "twitter", "linkedin", "telegram", "pinterest",
    "reddit", "email", "e-mail", "print", "messenger", "flipboard", "pocket", "donate", "subscribe",
}  # fmt: skip
_SHARE_WEAK = {
    "this", "article", "post", "story", "page", "on", "via", "the", "now", "x", "copy", "link", "mail",
    "sms", "save", "comments", "comment", "and", "or", "us", "follow", "to", "with", "friends", "a", "friend",
}  # fmt: skip
_LABEL = re.compile(
    r"^(?:date|posted(?: on)?|published(?: on)?|updated(?: on)?|last updated|by|author|source|tags?|"
    r"topics?|categor(?:y|ies)|filed under|reading time|comments?|image|photo|credit|share post)\s*:?\s*$",
    re.IGNORECASE,
)
_SHORT_FURNITURE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|skip to (?:main )?content|"
    r"(?:back|scroll|go) to top(?: button)?|top of (?:the )?page|loading\.*|menu|search|sign in|log ?in|register|"
    r"sign up(?: (?:for|to) (?:our|the) .{0,50}(?:newsletter|alerts|updates|emails?)\b.{0,20})?|"
    r"subscribe(?: now| to (?:our|the) .{0,40}(?:newsletter|channel|podcast|feed|updates|alerts)\b.{0,20})?|"
    r"follow us(?: on .{0,60})?|join (?:us|our) .{0,60}(?:channel|group|newsletter)|download (?:the|our) app|"
    r"(?:listen|watch) (?:to )?(?:this|the) (?:article|story|video)|print this (?:article|page)|"
    r"donate\b.{0,40}|read (?:the )?(?:original|full|complete) (?:article|story|report|post)\b.{0,60}|"
    r"click here (?:to|for) .{0,60}|click to (?:share|email|print) .{0,80}|share this:?|like this:|"
    r"like loading\.*|share on \w+(?: \(opens in new window\))?|"
    r"this article was (?:originally )?(?:published|posted) (?:on|by|at) .{0,80}|"
    # comment forms under blog posts
    r"leave a (?:reply|comment)(?: cancel reply)?|cancel reply|post comment|add (?:a )?comment|\d* ?comments?|"
    r"your email address will not be published\..{0,80}|required fields are marked.{0,10}|"
    r"save my name, email.{0,120}|notify me of (?:new|follow-up) .{0,80}|"
    r"(?:©|\(c\)).{0,150}|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b).{0,150})$",
    re.IGNORECASE,
)
# "Like us on Facebook; Follow us on Twitter": a short line pointing to social accounts
_SOCIAL = re.compile(
    r"\b(?:like|follow|find|join|connect with) us on (?:facebook|twitter|x|instagram|linkedin|telegram|"
    r"whatsapp|youtube|tiktok|threads|bluesky)\b",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"^(?:tags?|topics?|keywords|filed under|categories|category)\s*:\s*[^.!?]{1,200}$", re.IGNORECASE
)
_BLOCK_HEAD = re.compile(
    r"^(?:related(?: articles?| posts?| stories| news| coverage| content| reading| topics)?|"
    r"read (?:more|also)|also read|see also|more on (?:this|the) (?:story|topic)|more (?:from|stories|news)\b.{0,40}|"
    r"you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you| stories| articles| reading)?|"
    r"most (?:read|popular|viewed|shared)|trending(?: now| stories| news)?|latest (?:news|stories|articles)|"
    r"top stories|editor'?s? picks|don'?t miss|popular (?:posts|stories|articles)|in other news|"
    r"other (?:news|stories)|recent (?:posts|articles|stories)|similar (?:articles|stories)|"
    r"(?:previous|next|prev) (?:article|post|story))"
    r"\s*[:!]?\s*$",
    re.IGNORECASE,
)
_INLINE_LINK = re.compile(
    r"^(?:read (?:more|also)|also read|see also|related|more|watch|listen|recommended|must read|"
    r"(?:previous|next|prev) (?:article|post|story))"
    r"\s*[:|»›>\-–—]\s*\S.{0,200}$",
    re.IGNORECASE,
)
_TEMPERATURE = re.compile(
    r"^-?\d{1,3}(?:[.,]\d)?\s*(?:°\s*[CF]?|[CF]|℃|℉)(?:\s+[^\W\d_][\w .'-]{0,30})?$", re.IGNORECASE
)
# bare addresses; the top-level domain must be lower case ("R.Grande" in a price table is no URL)
_URL_LINE = re.compile(r"^(?:(?i:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?)$")
_ALTERNATE = re.compile(r"alternate (?:web )?address|can also be accessed at|mirror sites?:", re.IGNORECASE)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_CTX = re.compile(
    r"\b(?:we use|this (?:web)?site|accept|consent|privacy|browsing experience)\b", re.IGNORECASE
)
_BREADCRUMB_SEP = re.compile(r"\s+[/›»>|]\s+|\s*[›»]\s*")
_CAMEL_JOIN = re.compile(r"[a-z][A-Z]")
_CLOSERS = "\"'”’»)]"  # closing quotes and brackets after a sentence's final stop
_SHARE_WORD = re.compile(r"[\w'-]+")
# a copyright notice anywhere in a short line: asked only of lines that say "rights reserved", as the
# ".{0,120}" before it is costly to try on every line
_RIGHTS_RESERVED = re.compile(r"^.{0,120}\ball rights reserved\b.{0,60}$", re.IGNORECASE)
# the anchored whole-line rules in one pattern: one match per line instead of five
# matched as its lower-cased form on a line's lower-cased text (CaselessRegex.lowered): Python's re
# enters every branch of an IGNORECASE alternation, but skips a case-sensitive branch by its first literal
_ANCHORED = CaselessRegex(
    "|".join(f"(?:{p.pattern})" for p in (_LABEL, _SHORT_FURNITURE, _INLINE_LINK, _TAGS))
)
_ANYWHERE_KEYS = ("cookie", " us on ", "alternate", "accessed at", "mirror site")
# the rules that look anywhere in a line, told apart by group name
_ANYWHERE = re.compile(
    f"(?P<alternate>{_ALTERNATE.pattern})|(?P<cookie>{_COOKIE.pattern})|(?P<social>{_SOCIAL.pattern})",
    re.IGNORECASE,
)

_HEADER_LINES = 12  # widgets, breadcrumbs and bylines sit in the first lines only
_MAX_RULE_LINE = 300  # longer lines are story paragraphs; skip the per-line rules


def detect_furniture(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` that are page furniture rather than the story.

    Recognises share-button lines, empty labels ("Date:"), weather/date widgets and
    breadcrumbs above the headline, "Related articles"/"Read more" blocks listing other
    stories, "Read original article here", alternate-address and copyright footers, cookie
    notices and bare URLs. Spans are sorted, non-overlapping, half-open offsets into ``text``.

    Examples
    --------
    >>> t = "23.1 C\\nDelhi\\nIraq and Syria talk\\n\\nThey met in Baghdad.\\n\\nShare post:\\n"
    >>> [t[s:e] for s, e in detect_furniture(t)]
    ['23.1 C\\nDelhi', 'Share post:']
    """
    return _furniture(text)[0]


def _line_kind(
    s: str, keys: tuple[str, ...] = _ANYWHERE_KEYS, maybe_odd: bool = True, maybe_rights: bool = True
) -> str | None:
    """'strong' for a line that is furniture on its own, None otherwise (``s`` stripped).

    The other arguments say what the whole text rules out, so that most lines skip those tests:
    ``keys`` the :data:`_ANYWHERE_KEYS` found in the lower-cased text, ``maybe_odd`` False when
    the text holds no ``CASE_ODD`` character, ``maybe_rights`` False when it says no "rights reserved"
    (and holds no such character). The defaults rule nothing out.
    """
    n = len(s)
    if n > _MAX_RULE_LINE:
        return None
    low = s.lower()
    odd = maybe_odd and has_odd_case(s)
    # the lower-cased pattern matches the lower-cased line as the pattern matches the line, bar CASE_ODD
    anchored = (
        _ANCHORED.pattern.match(s) if odd or _ANCHORED.lowered is None else _ANCHORED.lowered.match(low)
    )
    if anchored or _is_block_head(s):
        return "strong"
    if maybe_rights and ("rights reserved" in low or odd) and _RIGHTS_RESERVED.match(s):
        return "strong"
    if " " not in s and _URL_LINE.match(s):
        return "strong"
    if (s[0].isdigit() or s[0] == "-") and _TEMPERATURE.match(s):
        return "strong"
    if n <= 80 and _DATE_LINE.match(s):
        return "strong"
    # cheap substring tests first: most lines are story text and contain none of these
    hit = _ANYWHERE.search(s) if keys and any(k in low for k in keys) else None
    if hit:
        if hit.lastgroup == "alternate":
            return "strong"
        if hit.lastgroup == "cookie" and _COOKIE_CTX.search(s):
            return "strong"
        if hit.lastgroup == "social" and len(s.split()) <= 20:
            return "strong"
    if n > 80:  # a row of at most 8 share words is short
        return None
    words = _SHARE_WORD.findall(low)
    # a row of share buttons: only share words, at least one of them a network or action
    share_row = (
        0 < len(words) <= 8
        and not _ends_sentence(s)
        and all(w in _SHARE_STRONG or w in _SHARE_WEAK for w in words)
        and any(w in _SHARE_STRONG for w in words)
    )
    return "strong" if share_row else None


def _ends_sentence(s: str) -> bool:
    return s.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _ends_teaser(s: str) -> bool:
    return s.rstrip(_CLOSERS).endswith(("...", "…"))


def _is_block_head(s: str) -> bool:
    """A heading over a list of other stories: "Related articles", "You may also like"."""
    return len(s) <= 60 and len(s.split()) <= 6 and bool(_BLOCK_HEAD.match(s))


def _is_breadcrumb(s: str) -> bool:
    if len(s) > 100 or _ends_sentence(s):
        return False
    parts = [p for p in _BREADCRUMB_SEP.split(s) if p.strip()]
    if len(parts) >= 2 and len(_BREADCRUMB_SEP.findall(s)) >= 1 and all(len(p.split()) <= 4 for p in parts):
        return len(parts) >= 3 or bool(re.search(r"[›»]|\s/\s", s))
    # "IranIraqMiddle East": category links run together without spaces
    return len(_CAMEL_JOIN.findall(s)) >= 2 and len(s.split()) <= 6 and not re.search(r"[,:;]", s)


def _is_menu_item(s: str) -> bool:
    """One or two words without digits or punctuation: a navigation link on its own line."""
    return len(s) <= 25 and len(s.split()) <= 2 and not re.search(r"[\d.!?:;,…]", s)


def _is_headline_like(s: str) -> bool:
    """A link text in a list of other stories: short, no sentence end, or a teaser ending in '...'."""
    if _ends_teaser(s):
        return True
    return len(s.split()) <= 25 and not _ends_sentence(s)


def _furniture(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, int] | None]:
    """(furniture spans, span of the first story line: a text file's headline)."""
    lines: list[tuple[int, int]] = []
    texts: list[str] = []  # the stripped text of each line
    # runs of characters other than CR and LF, as the regex [^\r\n]+ finds them: splitting at LF
    # is much cheaper, and CR turned to LF keeps every offset
    pos = 0
    for seg in (text.replace("\r", "\n") if "\r" in text else text).split("\n"):
        # trim surrounding whitespace so spans cover the visible line only
        stripped = seg.strip()
        if stripped:
            start = pos + len(seg) - len(seg.lstrip())
            lines.append((start, start + len(stripped)))
            texts.append(stripped)
        pos += len(seg) + 1
    if not lines:
        return (), None
    spans: list[tuple[int, int]] = []
    kinds: list[str | None] = [None] * len(lines)

    # what the whole text rules out spares most lines some of _line_kind's tests
    low_text = text.lower()
    keys = tuple(k for k in _ANYWHERE_KEYS if k in low_text)
    maybe_odd = has_odd_case(text)
    maybe_rights = maybe_odd or "rights reserved" in low_text

    # header zone: everything before the first line that is not furniture
    first: int | None = None
    i = 0
    while i < min(len(lines), _HEADER_LINES):
        s = texts[i]
        kind = _line_kind(s, keys, maybe_odd, maybe_rights)
        if kind is None and _is_breadcrumb(s):
            kind = "strong"
        if kind is None and _adjacent_to_widget(text, lines, i):
            kind = "strong"
        if kind is None and _is_menu_item(s):
            # a scraped navigation bar: "Home", "World", "Business", ... one per line
            j = i
            while j < len(lines) and j - i < 40 and _is_menu_item(texts[j]):
                j += 1
            if j - i >= 3 and j < len(lines):
                for k in range(i, j):
                    kinds[k] = "menu"
                i = j
                continue
        if kind is None:
            first = i
            break
        kinds[i] = kind
        i += 1
    if first is None:
        first = next((i for i in range(len(lines)) if kinds[i] is None), None)
        if first is None:
            return _merge(text, lines), None
    for i in range(first + 1, len(lines)):
        kinds[i] = _line_kind(texts[i], keys, maybe_odd, maybe_rights)

    # "Related articles" blocks: the heading plus the headlines and teasers that follow it
    n = len(lines)
    i = first + 1
    while i < n:
        s = texts[i]
        # a block heading is a 'strong' line already: most lines skip the test
        if kinds[i] and _is_block_head(s):
            j = i + 1
            while j < n and (kinds[j] or _is_headline_like(texts[j])):
                kinds[j] = kinds[j] or "block"
                j += 1
            # a block heading in the last part of the text lists other stories to the end
            if j < n and lines[i][0] > 0.6 * len(text):
                for k in range(j, n):
                    kinds[k] = kinds[k] or "block"
                j = n
            i = j
        else:
            i += 1

    # trailing furniture: the short non-sentence lines around footer lines at the very end
    tail: list[int] = []
    strong = False
    for i in range(n - 1, first, -1):
        s = texts[i]
        if kinds[i]:
            strong = True
        elif len(s.split()) > 15 or _ends_sentence(s):
            break
        tail.append(i)
    if strong:
        for i in tail:
            kinds[i] = kinds[i] or "tail"

    for i, kind in enumerate(kinds):
        if kind:
            spans.append(lines[i])
    return _merge(text, spans), lines[first]


def _adjacent_to_widget(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A short word line ("Delhi") glued to a weather or date widget line above the headline."""
    s, e = lines[i]
    line = text[s:e]
    if len(line) > 30 or len(line.split()) > 3 or not re.fullmatch(r"[^\W\d_][\w .'’-]*", line):
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines):
            js, je = lines[j]
            gap = text[min(e, je) : max(s, js)]
            if gap.count("\n") + gap.count("\r") - gap.count("\r\n") <= 1:
                other = text[js:je]
                if _TEMPERATURE.match(other) or _DATE_LINE.match(other):
                    return True
    return False


def _merge(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sort spans and join those separated only by whitespace."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
