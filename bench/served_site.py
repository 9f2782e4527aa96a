"""The site as the benchmarks see it: built from the data into a temporary folder and served on
127.0.0.1 with gzip for text files, as a static host serves it."""
import contextlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from site_support import Server, build_site  # noqa: E402


@contextlib.contextmanager
def served_site(data_dir=None):
    """Yields the running Server; stops it and removes the build afterwards. data_dir: the data
    to build from (synthetic_data.py), else data/."""
    with tempfile.TemporaryDirectory(prefix="stillworried-bench-") as temp:
        site = Path(temp) / "site"
        env = None
        if data_dir:  # synthetic data, with its own source documents beside it
            import synthetic_data
            env = {"STILLWORRIED_SOURCES": str(synthetic_data.documents_of(data_dir))}
        result = build_site(site, data_dir=data_dir, env=env)
        if result.returncode != 0:
            sys.exit("The site did not build:\n" + result.stdout + result.stderr)
        server = Server(site, compress=True)
        try:
            yield server
        finally:
            server.close()
