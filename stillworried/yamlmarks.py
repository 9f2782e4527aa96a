"""Read YAML and remember where every value was written, so that every problem can be
reported as file:line:col.

PyYAML's composer gives each node its position; we build the plain data ourselves from the
node tree and keep a table from each value's path to its line and column. Building it
ourselves also lets us refuse what PyYAML would silently accept: a key written twice (the
second would quietly win) and dates turned into date objects (we keep them as text and
check them against the schema, so "2015-02-30" is an error rather than a crash).
"""
import re

import yaml


class Problem(Exception):
    """One thing wrong in a data file, with where it is and what to do about it.

    An "error" stops the site being built. A "warning" (stillworried.data_warnings) is
    something to look at, such as a number last verified long ago; it is shown with
    "warning:" in front so the two cannot be confused.
    """

    ERROR = "error"
    WARNING = "warning"

    def __init__(self, file, line, col, message, severity=ERROR):
        super().__init__(message)
        self.file = file
        self.line = line
        self.col = col
        self.message = message
        self.severity = severity

    def __str__(self):
        shown = self.message if self.severity == self.ERROR else "%s: %s" % (self.severity, self.message)
        return "%s:%d:%d: %s" % (self.file, self.line, self.col, shown)

    def sort_key(self):
        return (self.file, self.line, self.col, self.message)


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Marked:
    """Data read from one YAML file, with the position of every value and every key."""

    def __init__(self, file, data, values, keys, plain, written=None):
        self.file = file
        self.data = data
        self._values = values
        self._keys = keys
        self._plain = plain
        self._written = written or {}

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
    """Parse text; raise Problem for YAML syntax errors and keys written twice."""
    loader = _TextDatesLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(file, text, error)
    finally:
        loader.dispose()
    values, keys, plain, written = {}, {}, {}, {}
    constructor = _TextDatesLoader("")

    def build(node, path):
        values[path] = _position(node)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node)
                if key in result:
                    line, col = _position(key_node)
                    raise Problem(file, line, col,
                                  "'%s' is written twice here. Keep one and delete the other." % key)
                keys[path + (key,)] = _position(key_node)
                result[key] = build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (index,)) for index, item in enumerate(node.value)]
        plain[path] = node.style is None
        written[path] = node.value
        return constructor.construct_object(node)

    data = build(root, ()) if root is not None else None
    return Marked(file, data, values, keys, plain, written)
