"""The data a build is made from: read and checked once, or the build stopped with the
maintainer's messages (file:line: what is wrong and how to fix it), before anything is written.

The data is checked against the source documents (stillworried.source_documents finds them).
Where they are not found the build says so in its log, and stops when
STILLWORRIED_REQUIRE_SOURCES=1 (as CI and the tests build): never skipped silently.
"""
import logging

from stillworried import source_documents
from stillworried.data import DataError, build_bundle, default_data_dir

# Under mkdocs.plugins, so MkDocs shows the message in the build's log.
log = logging.getLogger("mkdocs.plugins.stillworried")


class BuildStopped(Exception):
    """Nothing may be built; the message says why, for a maintainer (printed without a traceback)."""


def load_bundle():
    """The checked data, or BuildStopped with the maintainer's messages."""
    documents = source_documents.find()
    if not documents.found:
        if source_documents.required_by_environment():
            raise BuildStopped("The site was not built: %s" % documents.summary())
        # Said in the build's log; not a warning, which `mkdocs build --strict` would turn into a
        # failure even where the documents are not required.
        log.info("%s The site is built from data that was not checked against them.", documents.summary())
    try:
        return build_bundle(default_data_dir(), documents)
    except DataError as error:
        raise BuildStopped("The data has problems, so the site was not built:\n%s" % error) from None
