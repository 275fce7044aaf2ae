# mypy: disable-error-code="no-untyped-call"
# (dask and distributed ship without complete annotations)
"""Extraction on a Dask cluster (``diplomap extract --engine dask``; extra ``diplomap[dask]``).

A large corpus (JSON Lines or Parquet files; local paths, folders, globs or any fsspec URL such
as ``s3://bucket/news/*.jsonl``) is cut into partitions: line-aligned blocks of
``partition_size`` bytes for JSON Lines (one per file when gzipped), one per row group for
Parquet. Each worker turns its partition into articles exactly as :func:`geo.read_articles`
would (same ids, dates, furniture), extracts their events with the offline gazetteer (loaded
once per worker process) and returns them as a frame. The events are written as GeoParquet
(points in EPSG:4326), either one file (``-o events.parquet``, gathered on the client in
partition order) or a folder of parts written by the workers themselves (``-o events/`` or any
output without the ``.parquet`` suffix), which suits object stores.

Rows come out in the order the local engine yields them: files in sorted order, partitions in
file order, articles in partition order. Records without an id get ``stem:LINE`` as locally:
line numbers are carried from block to block by a chain of tiny line-count tasks.
"""

from __future__ import annotations

import io
import json
import logging
import operator
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from geo.errors import ConfigError, IngestError, MissingDependencyError
from geo.output import CSV_FIELDS, event_from_dict, event_to_dict
from geo.records import Article, Event

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

log = logging.getLogger(__name__)

__all__ = ["events_frame", "events_from_frame", "extract_with_dask"]

_JSONL = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_PARQUET = (".parquet", ".parq")
_LOCATION = ("name", "kind", "country", "lat", "lon", "geonameid")


# ---------------------------------------------------------------------------------------------
# Frames


def events_frame(events: Sequence[Event]) -> gpd.GeoDataFrame:
    """Events as a GeoDataFrame: the flattened events record (:data:`geo.output.CSV_FIELDS`,
    ``countries`` as a list, ``actors`` and ``evidence`` as JSON) and a point ``geometry``
    (EPSG:4326, missing where the event has no coordinates).
    """
    import geopandas as gpd
    import pandas as pd

    columns: dict[str, list[Any]] = {name: [] for name in CSV_FIELDS}
    for event in events:
        record = event_to_dict(event)
        loc = record["location"] or {}
        for name in CSV_FIELDS:
            if name.startswith("location_"):
                columns[name].append(loc.get(name[len("location_") :]))
            elif name in {"actors", "evidence"}:
                columns[name].append(json.dumps(record[name], ensure_ascii=False, separators=(", ", ": ")))
            else:
                columns[name].append(record[name])
    # Arrow-backed scalar columns: the parts of one output share a schema even where a column is all
    # null. ``countries`` stays a column of lists (pandas cannot read back an Arrow list dtype).
    frame = pd.DataFrame(
        {
            name: pd.Series(values, dtype=object if name == "countries" else pd.ArrowDtype(_arrow_type(name)))
            for name, values in columns.items()
        }
    )
    lon, lat = frame["location_lon"].to_numpy("float64", na_value=float("nan")), frame["location_lat"].to_numpy("float64", na_value=float("nan"))
    geometry = gpd.points_from_xy(lon, lat, crs="EPSG:4326")
    geometry[frame["location_lon"].isna().to_numpy() | frame["location_lat"].isna().to_numpy()] = None
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _arrow_type(name: str) -> Any:
    import pyarrow as pa

    if name == "countries":
        return pa.list_(pa.string())
    if name in {"location_lat", "location_lon", "confidence"}:
        return pa.float64()
    if name == "location_geonameid":
        return pa.int64()
    return pa.string()


def events_from_frame(frame: pd.DataFrame) -> list[Event]:
    """The events of a frame written by :func:`events_frame` (or read back from its GeoParquet)."""

    def blank(v: Any) -> Any:
        import pandas as pd

        return None if v is None or (pd.api.types.is_scalar(v) and bool(pd.isna(v))) else v  # NaN, pd.NA

    out = []
    for row in frame.to_dict("records"):
        record: dict[str, Any] = {k: blank(row.get(k)) for k in CSV_FIELDS if not k.startswith("location_")}
        record["countries"] = [str(c) for c in (row.get("countries") if row.get("countries") is not None else [])]
        record["actors"] = json.loads(row.get("actors") or "[]")
        record["evidence"] = json.loads(row.get("evidence") or "[]")
        loc = {k: blank(row.get(f"location_{k}")) for k in _LOCATION}
        if loc["geonameid"] is not None:
            loc["geonameid"] = int(loc["geonameid"])
        record["location"] = loc if any(v is not None for v in loc.values()) else None
        out.append(event_from_dict(record))
    return out


# ---------------------------------------------------------------------------------------------
# Worker side


def _articles_from_lines(text: str, path: str, first_line: int) -> Iterator[Article]:
    """Articles of the JSON lines in ``text``, numbered from ``first_line + 1`` as ingest numbers them."""
    # the record -> Article mapping is ingest's own, so ids, dates and furniture match the local engine
    from geo.ingest import _record_article, _split_suffix

    stem = _split_suffix(path.rsplit("/", 1)[-1])[0]
    # newline="" splits lines exactly as ingest's text stream does
    for number, line in enumerate(io.StringIO(text, newline=""), start=first_line + 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            log.warning("%s:%d: skipped: invalid JSON (%s)", path, number, exc)
            continue
        got = _record_article(obj, path, stem, number, line=number, where=f"{path}:{number}")
        if isinstance(got, IngestError):
            log.warning("skipped: %s", got)
        else:
            yield got


def _decode(block: bytes, first: bool) -> str:
    # JSON Lines is UTF-8; a BOM can only open the first block of a file
    return block.decode("utf-8-sig" if first else "utf-8", errors="replace")


def _count_lines(block: bytes, first: bool) -> int:
    return sum(1 for _ in io.StringIO(_decode(block, first), newline=""))


def _extract(articles: Iterator[Article]) -> gpd.GeoDataFrame:
    from geo.events import iter_events

    return events_frame(list(iter_events(articles)))


def _jsonl_part(block: bytes, path: str, first_line: int, first: bool) -> gpd.GeoDataFrame:
    return _extract(_articles_from_lines(_decode(block, first), path, first_line))


def _parquet_part(
    path: str, row_group: int, first_row: int, storage_options: Mapping[str, Any]
) -> gpd.GeoDataFrame:
    import fsspec
    import pyarrow.parquet as pq

    from geo.ingest import _record_article, _split_suffix

    stem = _split_suffix(path.rsplit("/", 1)[-1])[0]
    with fsspec.open(path, "rb", **storage_options) as fh:
        rows = pq.ParquetFile(fh).read_row_group(row_group).to_pylist()

    def articles() -> Iterator[Article]:
        for n, row in enumerate(rows, start=first_row + 1):
            got = _record_article(row, path, stem, n, line=None, where=f"{path}#row{n}")
            if isinstance(got, IngestError):
                log.warning("skipped: %s", got)
            else:
                yield got

    return _extract(articles())


def _write_part(frame: gpd.GeoDataFrame, url: str, storage_options: Mapping[str, Any]) -> int:
    import fsspec

    if frame.empty:  # nothing to write (and an empty part would carry untyped columns)
        return 0

    with fsspec.open(url, "wb", **storage_options) as fh:
        frame.to_parquet(fh, index=False)
    return len(frame)


# ---------------------------------------------------------------------------------------------
# Client side


def _expand(paths: Sequence[str], storage_options: Mapping[str, Any]) -> list[str]:
    """Input files (URLs kept with their protocol) in sorted order: folders are walked, globs expanded."""
    from fsspec.core import url_to_fs

    files: list[str] = []
    for path in paths:
        fs, root = url_to_fs(path, **storage_options)
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]

        def url(p: str, protocol: str = protocol) -> str:
            return p if protocol in ("file", "local") else f"{protocol}://{p}"

        if fs.isdir(root):
            found = sorted(p for p in fs.find(root) if p.lower().endswith(_JSONL + _PARQUET))
        elif any(ch in root for ch in "*?["):
            found = sorted(fs.glob(root))
        elif fs.exists(root):
            found = [root]
        else:
            raise ConfigError(f"input {path!r} does not exist; give JSONL or Parquet files, folders, globs or URLs")
        for p in found:
            if not p.lower().endswith(_JSONL + _PARQUET):
                raise ConfigError(f"--engine dask reads JSON Lines (.jsonl) and Parquet (.parquet) files, not {p!r}")
            files.append(url(p))
    if not files:
        raise ConfigError(f"no .jsonl or .parquet files in {', '.join(paths)}")
    return files


def _partitions(files: list[str], blocksize: int, storage_options: Mapping[str, Any]) -> list[Any]:
    """One delayed frame of events per partition, in the local engine's order."""
    from dask.bytes.core import read_bytes
    from dask.delayed import delayed

    parts: list[Any] = []
    for path in files:
        if path.lower().endswith(_PARQUET):
            import fsspec
            import pyarrow.parquet as pq

            with fsspec.open(path, "rb", **storage_options) as fh:
                meta = pq.ParquetFile(fh).metadata
            first_row = 0
            for rg in range(meta.num_row_groups):
                parts.append(delayed(_parquet_part)(path, rg, first_row, dict(storage_options)))
                first_row += meta.row_group(rg).num_rows
            continue
        gz = path.lower().endswith(".gz")
        _, blocks = read_bytes(
            path, delimiter=b"\n", blocksize=None if gz else blocksize, sample=False,
            compression="infer" if gz else None, **storage_options,
        )  # fmt: skip
        start: Any = 0
        for n, block in enumerate(blocks[0]):
            parts.append(delayed(_jsonl_part)(block, path, start, n == 0))
            start = delayed(operator.add)(start, delayed(_count_lines)(block, n == 0))
    return parts


def extract_with_dask(
    paths: Sequence[str],
    output: str,
    *,
    scheduler: str | None = None,
    partition_size: str | int = "64MB",
    storage_options: Mapping[str, Any] | None = None,
) -> int:
    """Extract the events of a large corpus on a Dask cluster and write them as GeoParquet.

    Parameters
    ----------
    paths
        JSON Lines or Parquet files, folders or globs of them; local paths or fsspec URLs
        (``s3://`` needs ``s3fs``). Every worker must be able to read them.
    output
        ``something.parquet``: one GeoParquet file written by the client. Anything else (a
        folder, e.g. ``s3://bucket/events/``): one ``part-NNNNN.parquet`` per partition,
        written by the workers.
    scheduler
        Address of the Dask scheduler (``tcp://host:8786``); default: a local cluster.
    partition_size
        Bytes of JSON Lines per partition (``"64MB"``, ``"256KiB"`` or a number).
    storage_options
        Passed to fsspec for reading and writing (e.g. ``{"anon": True}`` for public S3).

    Returns
    -------
    int
        The number of events written.

    Raises
    ------
    MissingDependencyError
        When dask or distributed is not installed.
    ConfigError
        When an input does not exist or is neither JSON Lines nor Parquet.
    """
    try:
        import dask  # noqa: F401
        from dask.utils import parse_bytes
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingDependencyError("dask and distributed", "dask") from exc

    options = dict(storage_options or {})
    try:
        blocksize = parse_bytes(partition_size)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"--partition-size {partition_size!r} is not a size; use e.g. 64MB or 256KiB") from exc
    files = _expand(paths, options)
    parts = _partitions(files, blocksize, options)
    log.info("dask: %d partitions over %d files", len(parts), len(files))
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(dashboard_address=None, threads_per_worker=1)
        scheduler = cluster.scheduler_address
    try:
        with Client(scheduler) as client:
            return _write(client, parts, output, options)
    finally:
        if cluster is not None:
            cluster.close()


def _write(client: Any, parts: list[Any], output: str, options: Mapping[str, Any]) -> int:
    import pandas as pd
    from dask.delayed import delayed

    if not output.lower().endswith(_PARQUET):
        written = [
            delayed(_write_part)(part, f"{output.rstrip('/')}/part-{n:05d}.parquet", dict(options))
            for n, part in enumerate(parts)
        ]
        from fsspec.core import url_to_fs

        fs, root = url_to_fs(output, **options)
        fs.makedirs(root, exist_ok=True)
        count = sum(client.gather(client.compute(written)))
        log.info("wrote %d events to %d parts in %s", count, len(parts), output)
        return int(count)
    import geopandas as gpd

    futures = client.compute(parts)
    frames = []
    for future in futures:  # in partition order; each released once fetched
        frames.append(future.result())
        future.release()
    frame = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs="EPSG:4326") if frames else events_frame([])
    if "://" in output:
        import fsspec

        with fsspec.open(output, "wb", **options) as fh:
            frame.to_parquet(fh, index=False)
    else:
        from geo._files import atomic_write

        with atomic_write(output, "wb") as fh:
            frame.to_parquet(fh, index=False)
    log.info("wrote %d events to %s", len(frame), output)
    return len(frame)
