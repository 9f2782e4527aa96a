"""The JSON Schemas are the editor's help: yaml-language-server shows each field's title and
description as you type and offers its examples. So every field must have them, every
example must itself be valid, and every data file must point its editor at its schema."""
import json
import re

import pytest

from tests.conftest import DATA
from stillworried.validate import FILES, SCHEMA_DIR
from stillworried.validation.schema_check import Validator
from stillworried.validation.schema_messages import LOOKS_LIKE, SHOULD_BE

# A field whose value is a whole list of records (procedures, contacts...) has no example in
# the schema; its description sends the reader to the data file's real ones instead.
SEE_THE_DATA = "for a full example"


def properties(node, path=()):
    """(path, name, schema) of every property in a schema, however deeply nested."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield path, name, prop
        for key, value in node.items():
            yield from properties(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from properties(value, path + (index,))


# The data files' schemas and common.schema.json, which they share.
SCHEMAS = {path.name: json.loads(path.read_text()) for path in sorted(SCHEMA_DIR.glob("*.schema.json"))}
PROPERTIES = [(schema_name, path, name, prop) for schema_name, schema in SCHEMAS.items()
              for path, name, prop in properties(schema)]


def test_there_are_properties_to_check():
    assert len(PROPERTIES) > 150
    assert set(FILES.values()) < set(SCHEMAS)


@pytest.mark.parametrize("schema_name", sorted(SCHEMAS))
def test_every_reference_is_to_a_schema_in_the_folder(schema_name):
    """A "$ref" names a part of this schema ("#/...") or of another one in the folder; the
    check never fetches a schema from elsewhere."""
    refs = re.findall(r'"\$ref": "([^"#]*)#', (SCHEMA_DIR / schema_name).read_text())
    assert refs and set(refs) <= set(SCHEMAS) | {""}


@pytest.mark.parametrize("schema_name, path, name, prop", PROPERTIES,
                         ids=["%s:%s.%s" % (s, "/".join(map(str, p)), n) for s, p, n, _ in PROPERTIES])
def test_every_property_has_a_title_description_and_examples(schema_name, path, name, prop):
    assert prop.get("title", "").strip(), "%s: '%s' has no title" % (schema_name, name)
    description = prop.get("description", "")
    assert len(description) >= 15 and description.rstrip()[-1] in ".)", \
        "%s: '%s' needs a description of a sentence or more" % (schema_name, name)
    if SEE_THE_DATA not in description:
        assert prop.get("examples"), "%s: '%s' has no examples" % (schema_name, name)


@pytest.mark.parametrize("schema_name, path, name, prop", [item for item in PROPERTIES if item[3].get("examples")],
                         ids=lambda item: item if isinstance(item, str) else None)
def test_every_example_is_valid_for_its_field(schema_name, path, name, prop):
    """An editor inserts examples as they are, so each must pass the field's own rules."""
    validator = Validator(dict(prop, **{"$defs": SCHEMAS[schema_name]["$defs"]}))
    for example in prop["examples"]:
        errors = [error.message for error in validator.iter_errors(example)]
        assert not errors, "%s: example %r for '%s': %s" % (schema_name, example, name, errors)


@pytest.mark.parametrize("data_name, schema_name", FILES.items())
def test_each_data_file_names_its_schema_on_its_first_line(data_name, schema_name):
    first = (DATA / data_name).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../stillworried/schemas/%s" % schema_name
    assert (DATA / "../stillworried/schemas" / schema_name).resolve() == (SCHEMA_DIR / schema_name).resolve()


def patterns(node, inside_not=False):
    """(the schema part, whether it sits in a "not") for every pattern or format in a schema."""
    if isinstance(node, dict):
        if "pattern" in node or "format" in node:
            yield node, inside_not
        for key, value in node.items():
            if key != "examples":
                yield from patterns(value, key == "not")
    elif isinstance(node, list):
        for value in node:
            yield from patterns(value)


PATTERNS = [(name, part, inside_not) for name, schema in SCHEMAS.items() for part, inside_not in patterns(schema)]


def test_there_are_patterns_to_check():
    assert len(PATTERNS) >= 8 and any(inside_not for _, _, inside_not in PATTERNS)


@pytest.mark.parametrize("schema_name, part, inside_not", PATTERNS,
                         ids=["%s:%s" % (name, part.get("pattern", part.get("format"))) for name, part, _ in PATTERNS])
def test_every_pattern_has_its_words_for_a_maintainer_beside_it(schema_name, part, inside_not):
    """A value that does not match is reported in these words (stillworried/validation/
    schema_messages.py), so a new pattern without them would be reported as a bare regex."""
    words = part.get(LOOKS_LIKE if inside_not else SHOULD_BE, "")
    assert words.strip(), "%s: the pattern %r needs a %r: the words a maintainer is shown when a value %s it" % (
        schema_name, part.get("pattern", part.get("format")), LOOKS_LIKE if inside_not else SHOULD_BE,
        "matches" if inside_not else "does not match")
