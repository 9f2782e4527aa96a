"""Turn one jsonschema error into a sentence a maintainer can act on."""
import re

from stillworried.text_policy import shown
from stillworried.validation.suggestions import corrected, owner_hint, retype_hint, suggest

# The words for a pattern live beside it in the schema, so that editing one cannot lose the
# other: "shouldBe" completes "'opens' should be ..." for a value that does not match, and a
# "not" pattern's "looksLike" completes "'text' contains '0161 603 4500', which looks like ...".
# tests/data/test_schemas.py makes sure every pattern has its words.
SHOULD_BE = "shouldBe"
LOOKS_LIKE = "looksLike"
TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a group of fields",
              "boolean": "true or false", "number": "a number", "null": "empty"}


def describe(value):
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return "empty" if value is None else type(value).__name__



def field_name(path):
    for part in reversed(list(path)):
        if isinstance(part, str):
            return shown(part, 40)
    return "this value"


def schema_problem(marked, error, owners=None):
    """Turn one jsonschema error into a sentence a maintainer can act on.

    owners maps each phone number (E.164) and email address in contacts.yaml to the contact
    that holds it, so a number typed into text can be answered with the id to use instead."""
    path = list(error.absolute_path)
    name = field_name(path)
    instance = error.instance
    kind = error.validator
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extras = [key for key in instance if key not in allowed]
        return [marked.problem(path + [key],
                               "'%s' is not a field we know here.%s The fields allowed here are: %s."
                               % (shown(key), suggest(key, allowed), ", ".join(allowed)), key=True)
                for key in extras]
    if kind == "required":
        missing = [key for key in error.validator_value if key not in instance]
        return [marked.problem(path, "'%s' is missing here. Add it (see data/README.md for what it holds)." % key)
                for key in missing]
    if kind == "type" and not path:
        return [marked.problem(path, "This file should hold groups of fields, like the copy on the main branch, but "
                                     "it is %s. Restore it from the main branch and make your change again."
                                     % describe(instance))]
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        words = " or ".join(TYPE_WORDS.get(item, item) for item in wanted)
        if "string" in wanted and isinstance(instance, (int, float, bool)):
            typed = marked.written(path) or str(instance)
            read = "true/false" if isinstance(instance, bool) else "a number"
            if typed != str(instance) and not isinstance(instance, bool):
                read = "the number %s" % instance
            form = error.schema.get(SHOULD_BE)
            fixed = corrected(error.schema.get("pattern"), typed)
            return [marked.problem(path, "'%s' must be text in quotes, but YAML read %s as %s. Put it in double "
                                         "quotes%s.%s" % (name, shown(typed), read, ": it should be " + form if form else
                                                          ", exactly as the source prints it",
                                                          ' Write it as %s: "%s".' % (name, fixed) if fixed else ""))]
        if "integer" in wanted and isinstance(instance, str):
            return [marked.problem(path, "'%s' should be %s, but it is text ('%s'). Write it in plain digits, without "
                                         "quotes, for example: %s: 5." % (name, words, shown(instance), name))]
        return [marked.problem(path, "'%s' should be %s, but it is %s." % (name, words, describe(instance)))]
    if kind == "pattern":
        wanted = error.schema.get(SHOULD_BE, "text matching %s" % error.validator_value)
        fixed = corrected(error.validator_value, instance)
        hint = ' Did you mean "%s"?' % fixed if fixed else owner_hint(instance, owners or {}) or retype_hint(instance)
        return [marked.problem(path, "'%s' should be %s, but it is '%s'.%s" % (name, wanted, shown(instance), hint))]
    if kind == "enum":
        choices = [str(choice) for choice in error.validator_value]
        return [marked.problem(path, "'%s' cannot be '%s'.%s Use one of: %s."
                               % (name, shown(instance), suggest(instance, choices), ", ".join(choices)))]
    if kind == "minLength":
        return [marked.problem(path, "'%s' is empty. Write something here or remove the field." % name)]
    if kind == "minItems":
        return [marked.problem(path, "'%s' needs at least %d item(s)." % (name, error.validator_value))]
    if kind == "uniqueItems":
        return [marked.problem(path, "'%s' lists the same thing twice. Remove the repeat." % name)]
    if kind == "not" and "pattern" in error.validator_value and isinstance(instance, str):
        found = re.search(error.validator_value["pattern"], instance)
        return [marked.problem(path, "'%s' contains '%s', which looks like %s%s"
                               % (name, shown(found.group(0).strip() if found else instance),
                                  error.validator_value.get(LOOKS_LIKE, "something not allowed here."),
                                  owner_hint(instance, owners or {})))]
    if kind in ("minimum", "maximum"):
        return [marked.problem(path, "'%s' is %s, which is too %s (the %s is %s)."
                               % (name, instance, "small" if kind == "minimum" else "large", kind,
                                  error.validator_value))]
    about = error.schema.get("description") if isinstance(error.schema, dict) else None
    if about:
        return [marked.problem(path, "'%s' is not written the way this field needs. It should be: %s"
                               % (name, about[0].lower() + about[1:]))]
    return [marked.problem(path, "'%s': %s" % (name, error.message))]
