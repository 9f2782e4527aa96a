"""Read YAML and remember where every value was written, so that every problem can be
reported as file:line:col.

PyYAML's composer gives each node its position; we build the plain data ourselves from the
node tree and keep a table from each value's path to its line and column. Building it
ourselves also lets us refuse what PyYAML would silently accept: a key written twice (the
second would quietly win) and dates turned into date objects (we keep them as text and
check them against the schema, so "2015-02-30" is an error rather than a crash).

Before any of that, the loader refuses what the data never needs (anchors and aliases, tags,
merge keys, lists as keys, deep nesting, huge values; see yaml_limits), as the parser meets
it, so a hostile file is answered at once with file:line:col and never expanded.
"""
import re

import yaml

try:
    from yaml.cyaml import CParser as _CParser  # only when PyYAML was built with libyaml
except ImportError:  # pragma: no cover
    _CParser = None

from stillworried import text_policy, yaml_limits


class Problem(Exception):
    """One thing wrong in a data file, with where it is and what to do about it.

    An "error" stops the site being built. A "warning" (stillworried.data_warnings) is
    something to look at, such as a number last verified long ago; it is shown with
    "warning:" in front so the two cannot be confused.
    """

    ERROR = "error"
    WARNING = "warning"

    # A message quoting a huge value is cut in the middle, keeping what is wrong and the fix.
    LONGEST = 1200

    def __init__(self, file, line, col, message, severity=ERROR):
        if len(message) > self.LONGEST:
            message = "%s [... %d characters left out ...] %s" % (
                message[:self.LONGEST // 2], len(message) - self.LONGEST * 3 // 4, message[-self.LONGEST // 4:])
        super().__init__(message)
        self.file = file
        self.line = line
        self.col = col
        self.message = message
        self.severity = severity

    def __str__(self):
        """file:line:col: message, on one line whatever the data holds: a newline, an escape
        sequence or a bidirectional control in a quoted value is shown as \\x0a, \\x1b, \\u202e."""
        shown = self.message if self.severity == self.ERROR else "%s: %s" % (self.severity, self.message)
        return text_policy.visible("%s:%d:%d: %s" % (self.file, self.line, self.col, shown))

    def sort_key(self):
        return (self.file, self.line, self.col, self.message)


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text."""


class _LimitedLoader(yaml_limits.LimitedComposer, _TextDatesLoader):
    """_TextDatesLoader that refuses anchors, aliases, tags, merge keys, complex keys, deep nesting
    and huge values before composing them (yaml_limits.LimitedComposer)."""


if _CParser is not None:
    class _FastLimitedLoader(yaml_limits.LimitedComposer, yaml.composer.Composer, _CParser,
                             yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """The same, with libyaml's parser (written in C) under PyYAML's own composer: reading the
        data is about seven times faster, which is most of a check's time. Used only for text
        that reads without any problem; anything else is read again by _LimitedLoader, so every
        message and position comes from PyYAML's pure-Python parser
        (tests/data/test_hostile_yaml.py checks that both give the same tree)."""

        yaml_implicit_resolvers = _TextDatesLoader.yaml_implicit_resolvers

        def __init__(self, stream):
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            yaml.composer.Composer.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLimitedLoader = None


def _fast_compose(text):
    """The node tree from libyaml's parser, or None when it is not there or finds anything at all
    to object to (then the slow parser reads the text again and says what is wrong)."""
    if _FastLimitedLoader is None or "\t" in text:
        return None  # libyaml takes a tab between words, PyYAML (rightly, for this data) does not
    loader = None
    try:
        loader = _FastLimitedLoader(text)
        return loader.get_single_node() or False
    except Exception:  # noqa: BLE001 - every problem is reported by the slow parser instead
        return None
    finally:
        if loader is not None:
            loader.dispose()


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Marked:
    """Data read from one YAML file, with the position of every value and every key."""

    def __init__(self, file, data, values, keys, plain, written=None, styles=None):
        self.file = file
        self.data = data
        self._values = values
        self._keys = keys
        self._plain = plain
        self._written = written or {}
        self._styles = styles or {}

    def where(self, path, key=False):
        """(line, col) of the value at path, or of its key; falls back to the nearest parent."""
        path = tuple(path)
        table = self._keys if key else self._values
        while path:
            if path in table:
                return table[path]
            if path in self._values:
                return self._values[path]
            path = path[:-1]
        return self._values.get((), (1, 1))

    def is_plain_scalar(self, path):
        """True when the value was written without quotes."""
        return self._plain.get(tuple(path), False)

    def is_block(self, path):
        """True when the text was written as a literal block (field: |), the one way to write
        text over several lines whose line breaks are kept."""
        return self._styles.get(tuple(path)) == "|"

    def written(self, path):
        """The value at path exactly as typed in the file (so 8:30, not the 510 YAML makes of it)."""
        return self._written.get(tuple(path))

    def problem(self, path, message, key=False, severity=Problem.ERROR):
        line, col = self.where(path, key)
        return Problem(self.file, line, col, message, severity)


def _position(node):
    return (node.start_mark.line + 1, node.start_mark.column + 1)


# PyYAML's own words for a syntax error, and what they mean to someone editing the file.
SYNTAX_WORDS = (
    ("'\\t'", "this line has a tab in it. Indent with spaces, never tabs"),
    ("mapping values are not allowed", "there is a ':' where none can go"),
    ("could not find expected ':'", "a field name here is not followed by ':'"),
    ("expected <block end>", "this line does not line up with the lines above it"),
    ("expected ',' or ']'", "a '[' list here is not closed with ']'"),
    ("expected ',' or '}'", "a '{' group here is not closed with '}'"),
    ("end of stream", "something opened here (a quote mark or bracket) is never closed"),
    ("expected alphabetic or numeric character", "'&', '*' and '!' at the start of a value are YAML's own "
                                                 "marks. Put text that starts with one of them in double quotes"),
    ("expected escape sequence", "a backslash (\\) in double quotes must start a valid escape, like \\x41. "
                                 "Write \\\\ for a backslash itself, or use single quotes"),
    ("found another document", "a second document starts here (a line '---' or '...'). Each file holds one "
                                    "document: remove the line"),
    ("found unknown escape character", "a backslash (\\) in double quotes starts an escape YAML does not know. "
                                       "Write \\\\ for a backslash, or use single quotes"),
)
# Errors whose real cause is where PyYAML started reading the thing, not where it gave up.
AT_START = ("while scanning a simple key", "while parsing a flow", "while scanning a quoted scalar")
OPENS_QUOTE = re.compile(r'(^|[:\-\[{,])\s*"')


def _unclosed_quote(text, last_line):
    """(line, col) of a double quote opened and not closed on the same line, before last_line.
    Such a quote swallows the lines after it, so PyYAML reports a line far below the mistake."""
    for number, line in enumerate(text.splitlines()[:last_line], 1):
        if line.lstrip().startswith("#") or not OPENS_QUOTE.search(line):
            continue
        if (line.count('"') - line.count('\\"')) % 2:
            return number, line.rindex('"') + 1
    return None


def _syntax_problem(file, text, error):
    mark = error.problem_mark or error.context_mark
    if error.context_mark and any((error.context or "").startswith(start) for start in AT_START):
        mark = error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    quote = _unclosed_quote(text, line)
    if quote and quote[0] < line:
        return Problem(file, quote[0], quote[1], "The file is not valid YAML: the quote mark (\") here is never "
                                                 "closed. Add the closing \" at the end of the text.")
    words = error.problem or ""
    said = next((plain for pyyaml, plain in SYNTAX_WORDS if pyyaml in words), None)
    if said is None:
        said = "something here is out of place" if "<" in words or not words else words
    return Problem(file, line, col, "The file is not valid YAML (%s). Check the indentation on this line and the "
                                    "one above, and put text that contains ':' or '#' in quotes." % said)


def load(file, text):
    """Parse text; raise Problem for YAML syntax errors, anything yaml_limits refuses, and keys
    written twice."""
    if len(text) > yaml_limits.MAX_FILE_BYTES:
        raise Problem(file, 1, 1, "This file is longer than the %d MB a data file may be. Check that nothing was "
                                  "pasted into it by mistake." % (yaml_limits.MAX_FILE_BYTES // yaml_limits.MEGABYTE))
    loader = None
    root = _fast_compose(text)
    try:
        if root is None:
            loader = _LimitedLoader(text)
            root = loader.get_single_node()
    except yaml.reader.ReaderError as error:
        line, col = yaml_limits.position(text, error.position)
        raise Problem(file, line, col, yaml_limits.reader_message(error)) from None
    except yaml_limits.Refused as refused:
        raise Problem(file, refused.mark.line + 1, refused.mark.column + 1, refused.message) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(file, text, error) from None
    except (ValueError, OverflowError):
        # PyYAML turns an escape such as "\U0011ffff" into a character with chr(), which fails
        # for a code point Unicode does not have; it says nothing about where.
        raise _bad_escape(file, text) from None
    finally:
        if loader is not None:
            loader.dispose()
    values, keys, plain, written, styles = {}, {}, {}, {}, {}
    constructor = _TextDatesLoader("")

    def construct(node):
        try:
            return constructor.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            # A number too long for Python to read (over 4,300 digits), for one.
            line, col = _position(node)
            if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", str(node.value)):
                # Written like a date, but no such day (2026-13-45): YAML's own date reading fails.
                raise Problem(file, line, col, text_policy.not_a_real_date(node.value)
                              + " Put the date in double quotes.") from None
            raise Problem(file, line, col, "'%s' cannot be read as a value. If it is text, put it in double quotes."
                          % text_policy.shown(node.value)) from None

    def build(node, path):
        values[path] = _position(node)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = construct(key_node)
                if key == "":
                    line, col = _position(key_node)
                    raise Problem(file, line, col, "The field name here is empty. Write the field's name, like "
                                                   "'name:', or delete the line.")
                if not isinstance(key, str):
                    line, col = _position(key_node)
                    raise Problem(file, line, col, "The field name '%s' is not a word (YAML read it as %s). Field "
                                                   "names are words like 'name:'. Check the spelling and the "
                                                   "indentation." % (text_policy.shown(key_node.value), _kind(key)))
                if key in result:
                    line, col = _position(key_node)
                    raise Problem(file, line, col,
                                  "'%s' is written twice here. Keep one and delete the other." % text_policy.shown(key))
                keys[path + (key,)] = _position(key_node)
                result[key] = build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (index,)) for index, item in enumerate(node.value)]
        # libyaml gives a plain scalar the style "", PyYAML None.
        plain[path] = not node.style
        written[path] = node.value
        styles[path] = node.style or None
        return construct(node)

    data = build(root, ()) if root else None
    return Marked(file, data, values, keys, plain, written, styles)


def _kind(value):
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    return "a number" if isinstance(value, (int, float)) else "text"


BAD_ESCAPE = re.compile(r"\\(U[0-9A-Fa-f]{8}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2})")


def _bad_escape(file, text):
    """A Problem at the first escape (\\UXXXXXXXX) naming a character Unicode does not have."""
    for found in BAD_ESCAPE.finditer(text):
        if int(found.group(0)[2:], 16) > 0x10FFFF:
            line, col = yaml_limits.position(text, found.start())
            return Problem(file, line, col, "'%s' is not a character: Unicode has none with that number. Remove it, "
                                            "or type the character itself." % found.group(0))
    return Problem(file, 1, 1, "The file is not valid YAML: an escape written with a backslash names a character "
                               "that does not exist. Search the file for \\U and correct it.")
