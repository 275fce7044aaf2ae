"""Fixtures shared by the whole suite.

- Every test session gets its own empty ``DIPLOMAP_CACHE_DIR``: nothing a test does touches the
  user's cache, and nothing in the user's cache leaks into a test.
- ``gazetteer``: the offline gazetteer, built once per session in that directory (also what
  :func:`geo.geocode.default_gazetteer` returns during the session).
- ``shared_dir``: ``../shared`` beside the checkout (seeds, gold files, corpora), or a skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("diplomap-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DIPLOMAP_CACHE_DIR", str(path))
        from geo.geocode import default_gazetteer

        default_gazetteer.cache_clear()
        yield path
        default_gazetteer.cache_clear()


@pytest.fixture(scope="session")
def gazetteer(_isolated_cache: Path):  # type: ignore[no-untyped-def]
    """The session's offline gazetteer, its index built once into the temporary cache."""
    from geo.geocode import default_gazetteer

    gaz = default_gazetteer()
    gaz.build()
    return gaz


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED
