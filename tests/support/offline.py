"""What the site keeps in the browser for offline use, seen from a page (tests and benchmark).

The service worker keeps pages and assets in ``hiring-guide-pages-<version>``; the
calculators' worker keeps the runtime in ``hiring-guide-runtime-<set>``, with the marks
``kept/complete`` and ``kept/memory-snapshot`` (or ``kept/no-snapshot``).
"""

from __future__ import annotations

import time

from playwright.sync_api import Page

PAGES_PREFIX = "hiring-guide-pages-"
RUNTIME_PREFIX = "hiring-guide-runtime-"
COMPLETE = "kept/complete"
SNAPSHOT = "kept/memory-snapshot"
NO_SNAPSHOT = "kept/no-snapshot"

CACHES = """
async () => {
  const found = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    found[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
  }
  return found;
}
"""
# Settled: the page is controlled by the service worker and the runtime set is kept, with its
# snapshot (or the mark that none will be made) when one is expected.
SETTLED = """
async (withSnapshot) => {
  if (!navigator.serviceWorker.controller) return false;
  for (const name of await caches.keys()) {
    if (!name.startsWith("hiring-guide-runtime-")) continue;
    const urls = (await (await caches.open(name)).keys()).map((request) => request.url);
    const has = (tail) => urls.some((url) => url.endsWith(tail));
    if (!has("kept/complete")) return false;
    return !withSnapshot || has("kept/memory-snapshot") || has("kept/no-snapshot");
  }
  return false;
}
"""
# Damage the stored snapshot's build id (bytes 16-47 of its header), as a snapshot made by
# another build of the runtime would carry.
STALE_SNAPSHOT = """
async () => {
  for (const name of await caches.keys()) {
    if (!name.startsWith("hiring-guide-runtime-")) continue;
    const cache = await caches.open(name);
    const key = (await cache.keys()).find((request) => request.url.endsWith("kept/memory-snapshot"));
    if (!key) return false;
    const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
    for (let i = 16; i < 48; i++) bytes[i] ^= 0xff;
    await cache.put(key, new Response(bytes));
    return true;
  }
  return false;
}
"""


def kept(page: Page) -> dict[str, list[str]]:
    """Every cache of the site's origin: name -> the paths it holds."""
    found = page.evaluate(CACHES)
    assert isinstance(found, dict)
    return found


def wait_until(page: Page, check: str, arg: object = None, *, timeout: float = 60_000) -> None:
    """Wait until the async function ``check`` resolves to a true value.

    Polled with ``evaluate``, which awaits the promise (``wait_for_function`` would take the
    promise itself for a true value)."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(check, arg):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true within {timeout / 1000:.0f} s; caches: {kept(page)}")
        page.wait_for_timeout(250)


def wait_settled(page: Page, *, snapshot: bool = True, timeout: float = 60_000) -> None:
    """Wait until the visit's offline copy is complete (see ``SETTLED``)."""
    wait_until(page, SETTLED, snapshot, timeout=timeout)
