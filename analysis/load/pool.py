"""Run a function over jobs in a process pool, in order, with few jobs in flight."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor


def cpu_count() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def pool_map(func: Callable, jobs: Iterable, n_workers: int) -> Iterator:
    """``map(func, jobs)`` over a process pool, in order, with a bounded number of jobs in
    flight (memory stays proportional to the workers, not the corpus)."""
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=n_workers) as pool:
        for job in jobs:
            window.append(pool.submit(func, job))
            if len(window) > 2 * n_workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
