"""The ``diplomap`` command line: each verb parses arguments and calls the public function a
notebook would call. Results go to the named output file or stdout; progress and errors to
stderr. A :class:`~geo.errors.GeoError` prints ``error: <message>`` and exits 1; usage errors
exit 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo import __version__
from geo.errors import ConfigError, GeoError

if TYPE_CHECKING:
    from geo.pipeline import RunReport

log = logging.getLogger("geo")

# exit codes
OK, FAILED, USAGE, PARTIAL = 0, 1, 2, 3


def _add_input_options(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    help_ = "files, folders, globs, or - for stdin" + ("" if required else " (optional with --store)")
    p.add_argument("paths", nargs="+" if required else "*", metavar="PATH", help=help_)
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable input")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def _add_geocoder_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--geocoder",
        default="offline",
        metavar="NAME",
        help="offline (default), or a geopy service (nominatim, photon, arcgis ...) asked for the names "
        "the offline gazetteer does not know",
    )
    p.add_argument(
        "--user-agent",
        default=None,
        help="identifies you to an online geocoder; required by nominatim (or set DIPLOMAP_USER_AGENT)",
    )
    p.add_argument(
        "--geocoder-option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="option for the online geocoder: domain=..., api_key=..., timeout=5, min_delay_seconds=1 ...",
    )


def _geocoder_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    for item in args.geocoder_option:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--geocoder-option {item!r} is not KEY=VALUE (e.g. timeout=5)")
        value: object = raw
        for convert in (int, float):
            try:
                value = convert(raw)
                break
            except ValueError:
                pass
        options[key.strip().replace("-", "_")] = value
    if args.user_agent:
        options["user_agent"] = args.user_agent
    return options


def _add_store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        default=None,
        metavar="FILE.gpkg",
        help="incremental GeoPackage store: extract only articles it does not hold yet, and read events from it",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplomap",
        description="Turn news articles into a map of diplomacy.",
    )
    parser.add_argument("--version", action="version", version=f"diplomap {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("places", help="find and resolve the places each article mentions")
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True, help="output .jsonl, one line per article")

    p = sub.add_parser("geocode", help="resolve place names with the offline gazetteer")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code to restrict the search")
    _add_geocoder_options(p)

    p = sub.add_parser("extract", help="extract diplomatic events")
    _add_input_options(p, required=False)
    p.add_argument("-o", "--output", default=None, help="output .jsonl, .csv, .geojson or .parquet")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    _add_store_option(p)
    p.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local (default) or dask: partitions of JSONL/Parquet files (paths or fsspec URLs) on a Dask "
        "cluster, written as GeoParquet (needs diplomap[dask])",
    )
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 "
                   "(default: a local cluster)")  # fmt: skip
    p.add_argument("--partition-size", default="64MB", metavar="SIZE", help="bytes of JSONL per Dask partition")
    _add_geocoder_options(p)

    p = sub.add_parser("map", help="draw the map of diplomacy (the main job)")
    _add_input_options(p, required=False)
    _add_store_option(p)
    p.add_argument("-o", "--output", default="maps/diplomacy.html", help=".html, .png, .svg or .pdf")
    p.add_argument("--title", default=None, help="map title")
    p.add_argument("--tiles", default=None, help="add online tiles (an xyzservices name)")
    p.add_argument("--fragment", action="store_true", help="write an HTML fragment to embed in a page")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    _add_geocoder_options(p)

    p = sub.add_parser("gazetteer", help="build or inspect the offline gazetteer index")
    p.add_argument("action", choices=["build", "info"])
    return parser


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    if not quiet:  # building the gazetteer index takes a while the first time: say so
        logging.getLogger("geo.geocode.gazetteer").setLevel(min(level, logging.INFO))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in ("extract", "map") and not args.paths and not args.store:
        parser.error(f"{args.command} needs PATHs to read (or --store FILE.gpkg to read events from)")
    _configure_logging(args.verbose, args.quiet)
    try:
        return _dispatch(args)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return FAILED


def _finish(report: RunReport) -> int:
    """Print one ``error:`` line per unreadable input; exit 1 when any failed."""
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    return report.exit_code()


def _dispatch(args: argparse.Namespace) -> int:
    from geo import pipeline

    progress = not getattr(args, "no_progress", True)
    if args.command == "extract" and args.engine == "dask":
        from geo.distributed import extract_with_dask

        if args.store or not args.output:
            raise ConfigError("--engine dask writes GeoParquet: give -o events.parquet (or a folder), not --store")
        extract_with_dask(args.paths, args.output, scheduler=args.scheduler, partition_size=args.partition_size)
        return OK
    if args.command == "places":
        report = pipeline.write_places(args.paths, args.output, strict=args.strict, progress=progress)
        return _finish(report)
    if args.command == "extract":
        report = pipeline.write_events(
            args.paths,
            args.output,
            strict=args.strict,
            progress=progress,
            jobs=args.jobs,
            geocoder=args.geocoder,
            geocoder_options=_geocoder_options(args),
            store=args.store,
        )
        return _finish(report)
    if args.command == "map":
        report = pipeline.write_map(
            args.paths,
            args.output,
            strict=args.strict,
            progress=progress,
            title=args.title,
            tiles=args.tiles,
            fragment=args.fragment,
            jobs=args.jobs,
            geocoder=args.geocoder,
            geocoder_options=_geocoder_options(args),
            store=args.store,
        )
        return _finish(report)
    if args.command == "geocode":
        records = pipeline.geocode_names(
            args.names, country=args.country, geocoder=args.geocoder, geocoder_options=_geocoder_options(args)
        )
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
        return FAILED if all(r.get("place", True) is None for r in records) else OK
    if args.command == "gazetteer":
        print(json.dumps(pipeline.gazetteer_info(args.action), indent=1, default=str))
        return OK
    raise AssertionError(args.command)  # argparse rejects unknown commands first


if __name__ == "__main__":
    sys.exit(main())
