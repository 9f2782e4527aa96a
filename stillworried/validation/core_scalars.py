"""Numbers and true/false written as YAML 1.2 writes them, so that what is read is what was typed.

PyYAML reads YAML 1.1, where `amount: 010` is the octal number 8 (published as "within 8
working days"), `0x5` is 5, `1_0` is 10, `1:30` is 90 and `yes`, `on` and `y` are true; and a
JSON Schema "integer" accepts 5.0, which the site would show as "5.0 working days". In YAML 1.2's
core schema, which editors and every other tool now use, a whole number is plain digits and
true/false are just those words. So each number and true/false in the data must be written
that way (checked from the text as typed, kept by yamlmarks); anything else is refused with
the value to write instead, rather than read one way here and another way by the next tool.
"""
import re

from stillworried.text_policy import shown
from stillworried.validation.data_files import walk
from stillworried.validation.schema_messages import field_name

WHOLE = re.compile(r"-?(?:0|[1-9][0-9]*)")
TRUE_FALSE = ("true", "false")


def meant(written, value):
    """The whole number the maintainer most likely meant."""
    digits = written.lstrip("+")
    if re.fullmatch(r"-?[0-9]+", digits):
        return int(digits, 10)  # 010 is 10 to a reader, whatever YAML 1.1 says
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def problems(marked, paths_reported):
    """(path, problem) for each number or true/false not written as YAML 1.2 writes it (except
    where the schema already reported something at that path)."""
    for path, value in walk(marked.data):
        if path in paths_reported or not marked.is_plain_scalar(path):
            continue
        written = marked.written(path)
        if written is None:
            continue
        name = field_name(path)
        if isinstance(value, bool):
            if written not in TRUE_FALSE:
                said = str(value).lower()
                yield path, marked.problem(path, "'%s' is written '%s', which some tools read as %s and others as "
                                                 "text. Write %s: %s." % (name, shown(written), said, name, said))
        elif isinstance(value, (int, float)) and not WHOLE.fullmatch(written):
            wanted = meant(written, value)
            read = ("the number %s" % value) if not isinstance(value, float) or not value.is_integer() else (
                "%s, with a decimal point" % value)
            yield path, marked.problem(path, "'%s' is written '%s', which YAML reads as %s. Write a whole number in "
                                             "plain digits, with no leading 0, decimal point, '_' or '0x'%s." % (
                                                 name, shown(written), read,
                                                 ": %s: %s" % (name, wanted) if isinstance(wanted, int) else ""))
