"""What the YAML reader refuses before building anything: the parts of YAML the data never
needs, and sizes no real data comes near.

A pull request is untrusted input, and CI reads whatever it proposes. YAML can do far more
than hold our data: anchors and aliases (``&a`` and ``*a``) let 360 bytes expand to gigabytes
("billion laughs"), tags (``!!python/name:...``) ask for objects to be built, a merge key
(``<<:``) copies one group of fields into another, a key can itself be a list (``? [a, b]``),
and nesting thousands deep exhausts Python's stack. The data uses none of these, so each is
refused where it is written, as the parser meets it, before anything is expanded or built.
That keeps the answer instant whatever the file holds.

Limits (the real files are about 70 KB, nested 8 deep, with no value over 600 characters;
150 partnerships of synthetic data, bench/synthetic_data.py, make contacts.yaml 3.3 MB):

- a data file of at most MAX_FILE_BYTES;
- lists and groups of fields nested at most MAX_DEPTH deep;
- one value (a piece of text) of at most MAX_VALUE_CHARS characters;
- a list (or a group of fields) of at most MAX_ITEMS items, or MAX_TOP_ITEMS for the files'
  own top-level lists (the contacts, procedures, glossary...): a form with 200,000 fields fits
  in a few megabytes, and would keep the check and the build busy for minutes.

Reading the file is checked too: it must be an ordinary file (not a folder, a link or a pipe,
which could hang the reader or show another file's contents in the messages), UTF-8 text.
"""
import stat

import yaml

from stillworried import text_policy

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 20
MAX_VALUE_CHARS = 20000
# The longest list inside an entry in the real data has 18 items (a guidance list); England has
# about 150 partnerships, each with about 100 contacts.
MAX_ITEMS = 200
MAX_TOP_ITEMS = 20000
TOP_DEPTH = 2  # the file's own fields, and the items of its top-level lists and groups
MEGABYTE = 1024 * 1024


class Refused(Exception):
    """Something in the file the data never needs; mark is where it is (0-based, PyYAML's)."""

    def __init__(self, mark, message):
        super().__init__(message)
        self.mark = mark
        self.message = message


class FileRefused(Exception):
    """The file cannot be read as a data file; line and col count from 1."""

    def __init__(self, message, line=1, col=1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


ANCHOR = ("'&%s' marks this value to be repeated elsewhere with '*%s' (a YAML anchor). The data never needs this "
          "and it can make a small file enormous, so it is not allowed. Remove '&%s' and write the value out in "
          "full wherever it is needed. If you meant text that starts with '&', put it in double quotes.")
ALIAS = ("'*%s' repeats a value marked elsewhere with '&%s' (a YAML alias). The data never needs this and it can "
         "make a small file enormous, so it is not allowed. Write the value out in full here instead. If you meant "
         "text that starts with '*', put it in double quotes.")
TAG = ("'%s' is a YAML tag. The data never needs tags, and some ask for code to be run, so they are not allowed. "
       "Remove '%s' and write the value as plain text. If you meant text that starts with '!', put it in double "
       "quotes.")
MERGE = ("'<<' copies fields from another group (a YAML merge key). The data never needs this, so it is not "
         "allowed. Write the fields out in full here instead.")
COMPLEX_KEY = ("A field name here is a list or a group of fields (written with '?', '[' or '{'). Field names must "
               "be plain words, like 'name:'. Rewrite this line as field: value.")
DEEP = ("Lists and groups of fields are nested more than %d deep here. No data file needs that. Check the "
        "indentation and the brackets on this line and the lines above it.")
MANY = ("This list has more than %d items, the most a list may have here. No real data comes near it, and a list "
        "this long would keep the check and the build busy for minutes. Check that nothing was pasted or repeated "
        "by mistake, and shorten the list.")
LONG = ("This value is %d characters long, more than the %d allowed for one value. Check that a quote mark or "
        "bracket was not left open above, or shorten the text.")


def _short(text):
    return text_policy.shown(text, 30)


class LimitedComposer:
    """Mixed into a PyYAML loader in front of its Composer: looks at each parser event before
    the Composer does, and refuses what the data never needs. The Composer builds nodes one
    event at a time, so the first anchor of a billion-laughs file stops it at once."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise Refused(event.start_mark, ALIAS % (_short(event.anchor), _short(event.anchor)))
        if event.anchor is not None:
            name = _short(event.anchor)
            raise Refused(event.start_mark, ANCHOR % (name, name, name))
        if getattr(event, "tag", None) is not None:
            tag = _short(as_written(event.tag))
            raise Refused(event.start_mark, TAG % (tag, tag))
        if isinstance(parent, yaml.MappingNode) and index is None:  # the Composer is asking for a key
            if not isinstance(event, yaml.ScalarEvent):
                raise Refused(event.start_mark, COMPLEX_KEY)
            if event.value == "<<" and not event.style:  # plain: None from PyYAML, "" from libyaml
                raise Refused(event.start_mark, MERGE)
        if isinstance(parent, yaml.SequenceNode) or (isinstance(parent, yaml.MappingNode) and index is None):
            most = MAX_TOP_ITEMS if self.depth <= TOP_DEPTH else MAX_ITEMS
            if len(parent.value) >= most:  # this item (or field name) would be one too many
                raise Refused(event.start_mark, MANY % most)
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_VALUE_CHARS:
            raise Refused(event.start_mark, LONG % (len(event.value), MAX_VALUE_CHARS))
        if not isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            return super().compose_node(parent, index)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise Refused(event.start_mark, DEEP % MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def as_written(tag):
    """A tag as it is usually typed: !!str for tag:yaml.org,2002:str."""
    return "!!" + tag[len(STANDARD_TAGS):] if tag.startswith(STANDARD_TAGS) else tag


STANDARD_TAGS = "tag:yaml.org,2002:"


def position(text, index):
    """(line, col), counted from 1, of a character index into text."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def reader_message(error):
    """A yaml.reader.ReaderError (a character YAML does not allow anywhere in a file) in words."""
    character = error.character
    char = chr(character) if isinstance(character, int) else str(character)[:1]
    return ("The file contains %s, which YAML does not allow. Delete it: it is not shown, but it can change how the "
            "text reads. If the text was pasted, retype that part by hand." % text_policy.describe(char))


def read_text(path):
    """The text of a data file, or FileRefused saying why it cannot be read and what to do."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise FileRefused("This file is missing. Restore it from the main branch.")
    except OSError as error:
        raise FileRefused("This file cannot be read (%s). Check that it exists and can be read." % _os_words(error))
    if stat.S_ISLNK(info.st_mode):
        raise FileRefused("This is a link to another file, not a data file. Replace it with the file itself "
                          "(restore it from the main branch).")
    if stat.S_ISDIR(info.st_mode):
        raise FileRefused("This is a folder, not a file. Delete the folder and restore the file from the main branch.")
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused("This is not an ordinary file. Restore the file from the main branch.")
    if info.st_size > MAX_FILE_BYTES:
        raise FileRefused("This file is %.1f MB, more than the %d MB a data file may be. Check that nothing was "
                          "pasted into it by mistake." % (info.st_size / MEGABYTE, MAX_FILE_BYTES // MEGABYTE))
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise FileRefused("This file cannot be read (%s). Check that it exists and can be read." % _os_words(error))
    if len(raw) > MAX_FILE_BYTES:
        raise FileRefused("This file is more than the %d MB a data file may be. Check that nothing was pasted into "
                          "it by mistake." % (MAX_FILE_BYTES // MEGABYTE))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        good = raw[:error.start].decode("utf-8", "replace")
        line, col = position(good, len(good))
        raise FileRefused("The file is not saved as UTF-8 text: the bytes here cannot be read. Save the file as "
                          "UTF-8 and retype any character that looks wrong here.", line, col)


def _os_words(error):
    return error.strerror.lower() if getattr(error, "strerror", None) else "the system refused"
