"""Read YAML and remember where every value was written, so that every problem can be
reported as file:line:col.

PyYAML's composer gives each node its position; we build the plain data ourselves from the
node tree and keep a table from each value's path to its line and column. Building it
ourselves also lets us refuse what PyYAML would silently accept: a key written twice (the
second would quietly win) and dates turned into date objects (we keep them as text and
check them against the schema, so "2015-02-30" is an error rather than a crash).
"""
import yaml


class Problem(Exception):
    """One thing wrong in a data file, with where it is and what to do about it."""

    def __init__(self, file, line, col, message):
        super().__init__(message)
        self.file = file
        self.line = line
        self.col = col
        self.message = message

    def __str__(self):
        return "%s:%d:%d: %s" % (self.file, self.line, self.col, self.message)

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

    def __init__(self, file, data, values, keys, plain):
        self.file = file
        self.data = data
        self._values = values
        self._keys = keys
        self._plain = plain

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

    def problem(self, path, message, key=False):
        line, col = self.where(path, key)
        return Problem(self.file, line, col, message)


def _position(node):
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def load(file, text):
    """Parse text; raise Problem for YAML syntax errors and keys written twice."""
    loader = _TextDatesLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise Problem(file, line, col,
                      "The file is not valid YAML (%s). Check the indentation on this line and the one "
                      "above, and put text that contains ':' or '#' in quotes." % (error.problem or "syntax error"))
    finally:
        loader.dispose()
    values, keys, plain = {}, {}, {}
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
        return constructor.construct_object(node)

    data = build(root, ()) if root is not None else None
    return Marked(file, data, values, keys, plain)
