"""The phone every benchmark loads the site on: Chrome DevTools' "slow 4G" (150 ms latency, 1.6
Mbit/s down, 750 kbit/s up), the CPU slowed 4 times, a 412 x 915 mobile viewport, and by default a
fresh profile (cold cache) each time; with the figures' summary, median (min-max). Here, apart
from the benchmarks, so that each of them imports it and none imports another's.
"""
import statistics
import urllib.request

from site_support import PHONE

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4


def spread(values, unit="", scale=1.0, digits=0):
    """'median (min-max)' of a list of numbers."""
    form = "%%.%df" % digits
    values = [v / scale for v in values]
    return "%s%s (%s-%s)" % (form % statistics.median(values), unit, form % min(values), form % max(values))


def fetched_size(url):
    """Bytes of one compressed response, headers included, fetched directly from the server."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        head = "HTTP/1.0 %d %s\r\n%s\r\n" % (response.status, response.reason, response.headers)
        return len(response.read()) + len(head.encode())


def throttled_phone(browser, context=None, cold_cache=True):
    """A fresh context (cold cache) on the throttled phone: (context, page, CDP session). With
    context (a phone already used), a new page in it, throttled the same way. cold_cache=False
    lets the browser's cache work as on a phone (a fresh context starts with it empty)."""
    if context is None:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2.625)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": cold_cache})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return context, page, cdp


def throttled_page(browser, context=None, cold_cache=True):
    """The throttled phone (throttled_phone), counting the compressed bytes of every response."""
    context, page, cdp = throttled_phone(browser, context, cold_cache)
    sizes, urls = {}, {}
    cdp.on("Network.requestWillBeSent", lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    page.fetched = lambda: [urls[rid] for rid in sizes if rid in urls]
    return context, page, sizes
