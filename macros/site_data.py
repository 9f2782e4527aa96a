"""Load the checked data for a site build, or stop the build with the maintainer's messages."""
from pathlib import Path

from mkdocs.exceptions import Abort

from stillworried.data import DataError, build_bundle, default_data_dir

# The build hook and the macros both need the bundle in one build. Reading and checking the
# YAML is most of a build's time for a large data set, so it is done once per build, and again
# only when a data file has changed (mkdocs serve rebuilds in the same process).
_LOADED = {}


def load_bundle():
    data_dir = Path(default_data_dir())
    key = (str(data_dir.resolve()),) + tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size)
                                   for path in sorted(data_dir.glob("*.yaml")))
    if key not in _LOADED:
        try:
            bundle = build_bundle(data_dir)
        except DataError as error:
            # Abort prints the message without a traceback and exits non-zero: nothing is built.
            raise Abort("The data has problems, so the site was not built:\n%s" % error) from None
        _LOADED.clear()
        _LOADED[key] = bundle
    return _LOADED[key]
