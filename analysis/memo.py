"""Per-word caches for the hot paths: plain dicts, bounded.

News vocabularies repeat, so each distinct word is worked out once and then looked up
(``cache.get`` is one C call, cheaper than an ``lru_cache`` wrapper). A corpus of millions
of articles brings millions of distinct forms, so a cache stops growing at :data:`LIMIT`
and words beyond it are worked out each time, with the same result.
"""

from __future__ import annotations

LIMIT = 500_000  # distinct keys a cache keeps


def remember(cache: dict, key, value):
    """Store ``value`` under ``key`` unless ``cache`` is full; return ``value``.

    Examples
    --------
    >>> cache = {}
    >>> remember(cache, "Trump", 1), cache
    (1, {'Trump': 1})
    """
    if len(cache) < LIMIT:
        cache[key] = value
    return value
