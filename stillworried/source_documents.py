"""The source documents themselves: where they are, what they say, and whether they are the
versions the data was written from.

Every phone number, email, quote and time limit the site shows must trace to a document and a
section of it. The documents are not in this repository (they are the partnerships' own
publications, as text taken from their PDFs); they sit beside a checkout in
../shared/protocols/, as on the developers' machines and in CI. So the check looks for them:

1. in the folder given to `check --sources`, else
2. in the folder named by the environment variable STILLWORRIED_SOURCES, else
3. in ../shared/protocols beside the checkout (the repository's parent folder).

Where they are not found, the check says so in its summary and, with --require-sources (or
STILLWORRIED_REQUIRE_SOURCES=1, which the build reads), fails: the grounding is never skipped
without saying so. Each document is read as a data file is (an ordinary file, UTF-8, at most
MAX_BYTES) and its sha256 is compared with the one stages.yaml records for it, so a document
that changed since the data was checked against it is noticed.
"""
import collections
import hashlib
import os
import re
import stat
from pathlib import Path

from stillworried import phones
from stillworried.source_sections import Document, normalise

ENVIRONMENT = "STILLWORRIED_SOURCES"
REQUIRE = "STILLWORRIED_REQUIRE_SOURCES"
BESIDE_CHECKOUT = Path(__file__).resolve().parent.parent.parent / "shared" / "protocols"
MAX_BYTES = 4 * 1024 * 1024
# A phone number as the documents print it (digits with single spaces or hyphens, or +44) and
# an email address. The documents are the partnerships' text: what counts is that the number's
# digits are printed, however they are spaced.
PRINTED_NUMBER = re.compile(r"(?<![\d+])(?:\+44[ -]?(?:\(0\)[ -]?)?|0)\d(?:[ -]?\d){8,9}(?!\d)|(?<!\d)999(?!\d)")
PRINTED_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def required_by_environment():
    return os.environ.get(REQUIRE, "").strip().lower() not in ("", "0", "no", "false")


def default_folder():
    return Path(os.environ[ENVIRONMENT]) if os.environ.get(ENVIRONMENT) else BESIDE_CHECKOUT


class NotFound:
    """The documents could not be found: nothing was checked against them, and the summary of
    `check` says so (why, and where it looked)."""

    found = False

    def __init__(self, folder, why):
        self.folder = Path(folder)
        self.why = why

    def summary(self):
        return ("The source documents were not checked: %s. Quotes, sections, phone numbers and emails were not "
                "compared with the documents themselves. Put the documents in %s (or name their folder with "
                "--sources or %s)." % (self.why, self.folder, ENVIRONMENT))


class Unreadable(Exception):
    """A document that cannot be read as text; the message says why, for a maintainer."""


class Documents:
    """The folder of source documents: each document read once, when first asked for."""

    found = True

    def __init__(self, folder):
        self.folder = Path(folder)
        self._read = {}
        self._documents = {}

    def has(self, name):
        return (self.folder / name).is_file()

    def text(self, name):
        """The document's text (Unreadable with the reason if it cannot be read)."""
        if name not in self._read:
            try:
                self._read[name] = _read(self.folder / name)
            except Unreadable as error:
                self._read[name] = error
        found = self._read[name]
        if isinstance(found, Unreadable):
            raise found
        return found[0]

    def sha256(self, name):
        self.text(name)
        return self._read[name][1]

    def passages(self, name, section):
        """The normalised passages the section of the document can mean; () when not found."""
        if name not in self._documents:
            self._documents[name] = _document(self.text(name), self.sha256(name))
        return self._documents[name].passages(section)

    def whole(self, name):
        """The whole document, normalised as the passages are, in lower case."""
        return _lower_normalised(self.text(name))

    def numbers(self, name):
        """The digits of every phone number the document prints."""
        return _numbers(self.text(name))

    def emails(self, name):
        """Every email address the document prints, in lower case."""
        return _emails(self.text(name))


def _read(path):
    try:
        info = path.stat()  # a link is followed: some machines share the documents' folder that way
    except OSError:
        raise Unreadable("it is not in %s" % path.parent) from None
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("%s is not an ordinary file" % path)
    if info.st_size > MAX_BYTES:
        raise Unreadable("%s is %.1f MB, more than the %d MB a source document may be"
                         % (path, info.st_size / 1048576, MAX_BYTES // 1048576))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise Unreadable("%s cannot be read (%s)" % (path, (error.strerror or "refused").lower())) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("%s is not saved as UTF-8 text" % path) from None
    return text, hashlib.sha256(raw).hexdigest()


_cache = {}
_documents = collections.OrderedDict()
KEEP_DOCUMENTS = 300  # the documents of about 60 partnerships; a check keeps its own besides


def _document(text, fingerprint):
    """The Document of a text, kept between checks (a process that checks many times, such as
    bin/serve or the tests, reads the same documents each time) by the text's sha256."""
    if fingerprint in _documents:
        _documents.move_to_end(fingerprint)
    else:
        _documents[fingerprint] = Document(text)
        if len(_documents) > KEEP_DOCUMENTS:
            _documents.popitem(last=False)
    return _documents[fingerprint]


def _cached(function):
    def wrapper(text):
        key = (function.__name__, hash(text), len(text))
        if key not in _cache:
            if len(_cache) > 4096:
                _cache.clear()
            _cache[key] = function(text)
        return _cache[key]
    wrapper.__name__ = function.__name__
    return wrapper


@_cached
def _lower_normalised(text):
    return normalise(text).lower()


@_cached
def _numbers(text):
    return frozenset(phones.national_digits(found) for found in PRINTED_NUMBER.findall(text))


@_cached
def _emails(text):
    return frozenset(found.lower().rstrip(".") for found in PRINTED_EMAIL.findall(text))


def find(folder=None):
    """Documents for the folder given, else the default one (see the module's docstring), or
    NotFound saying why not."""
    folder = Path(folder) if folder else default_folder()
    if not folder.is_dir():
        return NotFound(folder, "there is no folder %s" % folder)
    return Documents(folder)
