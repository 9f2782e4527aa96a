"""Which data files there are, how they are named in a problem, and how to walk their data.

A problem is reported as ``file:line:col``, so the file must be named the way the maintainer
sees it: relative to where they ran the check."""
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
# Each data file and the schema it must follow.
FILES = {
    "stages.yaml": "stages.schema.json",
    "contacts.yaml": "contacts.schema.json",
    "guidance.yaml": "guidance.schema.json",
}


def display_path(path):
    path = Path(path)
    try:
        # The folder is resolved, not the file: a data file that is a link must be named as itself.
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def walk(data, path=()):
    """Every (path, value) in the data, depth first, each value before what it holds. With a
    stack rather than nested generators: a value 8 levels down is not passed up through 8 of
    them, and the checks walk the whole data a dozen times."""
    stack = [(path, data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend([(path + (key,), inner) for key, inner in reversed(value.items())])
        elif isinstance(value, list):
            stack.extend([(path + (index,), value[index]) for index in range(len(value) - 1, -1, -1)])
