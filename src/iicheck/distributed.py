"""Running the per-document map on a Dask cluster (the optional extra ``iicheck[dask]``).

The audit's expensive part is a map over documents (``parallel.map_task``: extraction,
per-source and per-claim checks, off-topic preparation); it accepts any
``concurrent.futures`` executor, and a Dask client provides one. The corpus-level stages
(off-topic scoring, the pair checks grouped by metric, reconciliation, the report) run on
the machine that calls the audit. The report is identical to a local run.

Requirements: every worker has iicheck installed (the same version) and can read the rules
folder at the same path (a shared file system or the same checkout); the sources travel
with the tasks.

Example
-------
>>> with dask_executor("tcp://scheduler:8786") as executor:           # doctest: +SKIP
...     result = audit(AuditOptions(sources=(Path("corpus"),), executor=executor))
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from .errors import IicheckError, Problem

CONNECT_TIMEOUT = 10.0
"""Seconds to wait for the scheduler."""
LOCAL = "local"
"""Address that starts a cluster on this machine (in-process workers), for trying it out."""


_ADDRESS = re.compile(r"(?:(?:tcp|tls|ucx|ws|wss)://)?(?:\[[0-9A-Fa-f:.]+\]|[^\s/:\[\]]+):\d{1,5}/?"
                      r"|inproc://\S+")
"""A scheduler address: a host (an IPv6 one in brackets) and a port, after a comm scheme or
not (distributed reads host:port as tcp), or an in-process address; anything else distributed
would take a default port for, or refuse with a traceback."""


@contextmanager
def dask_executor(address: str) -> Iterator[Executor]:
    """A Dask client's executor for the scheduler at `address` (or a local cluster for
    ``"local"``); the client is closed on exit. Exit-2 errors when Dask is missing or the
    scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise IicheckError(Problem("--dask", "running on a Dask cluster needs the optional extra "
                                             "(distributed is not installed)",
                                   hint="pip install 'iicheck[dask]'")) from None
    if address != LOCAL and not _ADDRESS.fullmatch(address):
        raise IicheckError(Problem("--dask", f"{address!r} is not a Dask scheduler address",
                                   hint="write HOST:PORT or SCHEME://HOST:PORT, e.g. tcp://10.0.0.5:8786 (8786 is "
                                        "the scheduler's default port), or 'local' for a cluster on this machine"))
    try:
        if address == LOCAL:
            client = Client(processes=False, dashboard_address=None)
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except ValueError as exc:  # an address distributed cannot parse after all
        raise IicheckError(Problem("--dask", f"{address!r} is not a Dask scheduler address: {exc}",
                                   hint="write SCHEME://HOST:PORT, e.g. tcp://10.0.0.5:8786")) from None
    except (OSError, TimeoutError) as exc:
        raise IicheckError(Problem("--dask", f"cannot reach the Dask scheduler at {address}: {exc}",
                                   hint="check the address (tcp://host:8786) and that the scheduler runs")) from None
    with client:
        yield client.get_executor()
