"""Keep the memory of a long-running server flat: fewer glibc malloc arenas (glibc only).

Requests are served from a pool of threads, and glibc's allocator gives threads arenas of
their own (up to 8 per core); memory freed in one arena is reused only there, so the
resident memory of a server creeps up with the threads that ever served a request, though
nothing leaks. ``bench/soak.py`` over 3 minutes of mixed requests: +74 MiB with glibc's
default, +16 MiB with two arenas (``MALLOC_ARENA_MAX=2``, which many Python servers set);
``malloc_trim`` did not help. ``alignkg serve`` calls :func:`limit_arenas` before it starts
any thread; the query workers get two arenas through their environment
(:data:`alignkg.graph.store.pool.WORKER_ARENAS`). Elsewhere (macOS, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os

_log = logging.getLogger("alignkg.api")

#: glibc's ``mallopt`` parameter for the most arenas (``M_ARENA_MAX`` in malloc.h).
_M_ARENA_MAX = -8
#: The arenas a server uses, unless ``MALLOC_ARENA_MAX`` says otherwise.
ARENAS = 2


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas for the threads created from now on; return whether it was done.

    ``MALLOC_ARENA_MAX`` in the environment, if set, wins (glibc has read it already).
    """
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):
        return False
    done = bool(mallopt(_M_ARENA_MAX, arenas))
    _log.debug("malloc arenas limited to %d: %s", arenas, done)
    return done
