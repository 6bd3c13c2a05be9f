"""Providers: the few functions views read their rows (and other shared results) through,
which a faster implementation may replace from outside.

A provider is a plain function decorated with :func:`provider`. Called, it runs the plain
function, unless an implementation was installed for it (:func:`install`); then that runs
instead, with the plain function as its first argument (to compute what it does not
remember). ``analysis.panel`` installs its memoised and index-based versions when it is
imported, so a figure changes without touching a cache, and without the panel every view
gives the same output from the plain pandas code (``tests/panel/test_providers.py``).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# provider key ("module:name") -> the installed implementation
_INSTALLED: dict[str, Callable[..., Any]] = {}


def provider(plain: F) -> F:
    """Make ``plain`` a provider: a function whose implementation can be installed."""
    key = f"{plain.__module__}:{plain.__qualname__}"

    @functools.wraps(plain)
    def call(*args: Any, **kwargs: Any) -> Any:
        impl = _INSTALLED.get(key)
        return plain(*args, **kwargs) if impl is None else impl(plain, *args, **kwargs)

    call.plain = plain  # type: ignore[attr-defined]
    call.key = key  # type: ignore[attr-defined]
    return call  # type: ignore[return-value]


def install(target: Callable[..., Any], impl: Callable[..., Any]) -> None:
    """Run ``impl(plain, *args, **kwargs)`` whenever the provider ``target`` is called."""
    _INSTALLED[provider_key(target)] = impl


@contextlib.contextmanager
def plain_only() -> Iterator[None]:
    """Within the block every provider runs its plain function, whatever is installed
    (the tests compare the two)."""
    saved = dict(_INSTALLED)
    _INSTALLED.clear()
    try:
        yield
    finally:
        _INSTALLED.update(saved)


def provider_key(target: Callable[..., Any]) -> str:
    """The registry key of the provider ``target`` (``"module:name"``)."""
    key = getattr(target, "key", None)
    if key is None or getattr(target, "plain", None) is None:
        raise TypeError(f"{target!r} is not a provider")
    return key
