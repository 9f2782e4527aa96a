"""Load the checked data for a site build, or stop the build with the maintainer's messages."""
from mkdocs.exceptions import Abort

from stillworried.data import DataError, build_bundle


def load_bundle():
    try:
        return build_bundle()
    except DataError as error:
        # Abort prints the message without a traceback and exits non-zero: nothing is built.
        raise Abort("The data has problems, so the site was not built:\n%s" % error) from None
