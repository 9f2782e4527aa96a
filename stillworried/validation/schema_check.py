"""The schemas, and the validator that checks the data against them.

jsonschema is used as it is, except that a pattern written ^...$ must match the whole text."""
import json
import re

import jsonschema

from stillworried.validation.data_files import SCHEMA_DIR


def whole_pattern(validator, pattern, instance, schema):
    """JSON Schema's "pattern", but a pattern written ^...$ must match the whole text.

    jsonschema runs patterns with Python's re.search, where $ also matches before a newline
    at the end: "wigan\n" would pass "^[a-z][a-z0-9-]*$" and publish a folder whose name ends
    in a newline. Here a closing $ means the very end of the text (\\Z), as a reader expects.
    """
    if not validator.is_type(instance, "string"):
        return
    strict = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    if not re.search(strict, instance):
        yield jsonschema.ValidationError("%r does not match %r" % (instance, pattern))


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": whole_pattern})


def load_schema(name):
    with open(SCHEMA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)
