"""Precompressed copies of the site's large static files (name.gz and name.br beside name), for hosts
that send a ready-made copy instead of compressing every response themselves (nginx
`gzip_static on;` and `brotli_static on;`, Apache with mod_rewrite rules, Caddy's
`precompressed`). Hosts that compress on their own (Netlify, Cloudflare Pages, GitHub Pages with
gzip) ignore them.

Brotli at its best quality (11) is slow, so it is kept for the files every visitor fetches, the
ones in assets/ (Material's stylesheet and script, PyScript, MicroPython, the engine); each
area's data and the search index get quality 5, which is about a hundred times faster and still
smaller than gzip at its best. The same files' gzip copies are made by Zopfli, which any gzip
reader unpacks and which is 3-5% smaller than gzip -9 (12 KB of the wizard's runtime); the rest
get gzip -9. A copy is written only when it is smaller than the file.
"""
import gzip
import hashlib
import os
from pathlib import Path

import brotli
import zopfli.gzip

# Brotli 11 takes seconds for the runtime's files, which rarely change: each result is kept here
# under the hash of what was compressed, so a rebuild (bin/serve, the tests) reuses it.
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "precompress"

SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".csv", ".ics", ".vcf")
FOLDERS = ("assets", "pagefind")
SMALLEST = 1024  # below this a compressed copy saves less than its headers cost
EVERY_VISIT = "assets/"
SLOW_BEST = 11
FAST = 5
# Zopfli's iterations: 5 gives all but a few bytes of what 15 gives, in a third of the time.
ZOPFLI_ITERATIONS = 5


def quality(relative):
    """Brotli's quality for a file: the best for the shared assets, fast for the rest, so the
    build stays linear in the number of partnerships."""
    if relative.startswith(EVERY_VISIT) and not relative.startswith(EVERY_VISIT + "wizard/data/"):
        return SLOW_BEST
    return FAST


def _cached(data, suffix, pack):
    """pack(data), kept in CACHE under the hash of data, so the next build reuses it."""
    cached = CACHE / (hashlib.sha256(data).hexdigest() + suffix)
    if cached.is_file():
        return cached.read_bytes()
    packed = pack(data)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(cached.name + ".%d" % os.getpid())
    partial.write_bytes(packed)
    partial.replace(cached)
    return packed


def brotli_copy(data, level):
    if level != SLOW_BEST:
        return brotli.compress(data, quality=level)
    return _cached(data, ".br", lambda raw: brotli.compress(raw, quality=level))


def best_gzip(data):
    """The smallest gzip we can make of data (Zopfli's; no name and no date in its header, so
    the same data always gives the same bytes)."""
    return _cached(data, ".gz", lambda raw: zopfli.gzip.compress(raw, numiterations=ZOPFLI_ITERATIONS))


def gzip_copy(data, level):
    if level != SLOW_BEST:
        # mtime=0: the same file always gives the same .gz, so a deploy uploads only what changed.
        return gzip.compress(data, compresslevel=9, mtime=0)
    return best_gzip(data)


def precompress(site_dir):
    """Write name.gz and name.br for every text file of at least 1 KB in assets/ and pagefind/;
    return how many. The pages themselves are small and many (1,800 with 150 partnerships):
    a host compresses them as it sends them (nginx `gzip on;`), which keeps the build linear."""
    site_dir = Path(site_dir)
    written = 0
    for path in sorted(path for folder in FOLDERS for path in (site_dir / folder).rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        if len(data) < SMALLEST:
            continue
        relative = path.relative_to(site_dir).as_posix()
        level = quality(relative)
        for suffix, packed in ((".gz", gzip_copy(data, level)), (".br", brotli_copy(data, level))):
            if len(packed) < len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
                written += 1
    return written
