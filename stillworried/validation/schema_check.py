"""The schemas, and the validator that checks the data against them.

jsonschema is used as it is, except that a pattern written ^...$ must match the whole text.
What every file shares (ids, text, dates, sources) is written once, in common.schema.json;
the other schemas point at it with "$ref", found in this folder and never over the network.
"""
import json
import re

import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT202012

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


def load_schema(name):
    with open(SCHEMA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


# Every schema in the folder, under the name a "$ref" uses ("common.schema.json#/$defs/id").
# A reference to anything else fails the check instead of being fetched.
REGISTRY = Registry().with_resources(
    (path.name, DRAFT202012.create_resource(load_schema(path.name))) for path in sorted(SCHEMA_DIR.glob("*.schema.json")))
_WholePatterns = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": whole_pattern})


def _remembered_refs():
    """JSON Schema's "$ref", each reference looked up once per validator instead of once for
    every value it checks (the lookup was half the time of the data check with 150 areas). The
    same reference from the same schema always finds the same target; the schemas use no
    $dynamicRef, the one kind whose target depends on the path taken. A reference that cannot be
    found goes the usual way, which reports it."""
    found = {}

    def ref(validator, ref, instance, schema):
        resolver = validator._resolver
        key = (resolver._base_uri, ref)
        resolved = found.get(key)
        if resolved is None:
            try:
                resolved = found[key] = resolver.lookup(ref)
            except Exception:  # noqa: BLE001 - jsonschema's own path reports it
                yield from validator._validate_reference(ref=ref, instance=instance)
                return
        yield from validator.descend(instance, resolved.contents, resolver=resolved.resolver)
    return ref


def Validator(schema):  # noqa: N802 - used like the jsonschema validator class it makes
    """A jsonschema validator for one of our schemas (or a part of one), its "$ref"s found
    in REGISTRY."""
    return jsonschema.validators.extend(_WholePatterns, {"$ref": _remembered_refs()})(schema, registry=REGISTRY)
