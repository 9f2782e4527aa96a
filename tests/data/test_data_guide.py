"""data/README.md is the maintainers' guide beside the data: it must explain every field the
schemas allow and every kind of warning, and its contents links must lead somewhere."""
import json
import re

import pytest

from tests.conftest import DATA
from stillworried.validate import FILES, SCHEMA_DIR

GUIDE = (DATA / "README.md").read_text(encoding="utf-8")


def field_names(node):
    if isinstance(node, dict):
        yield from node.get("properties", {})
        for value in node.values():
            yield from field_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from field_names(value)


@pytest.mark.parametrize("schema_name", FILES.values())
def test_every_field_is_in_the_guide(schema_name):
    names = set(field_names(json.loads((SCHEMA_DIR / schema_name).read_text())))
    missing = [name for name in sorted(names)
               if "`%s`" % name not in GUIDE and not re.search(r"^### %s\b" % re.escape(name), GUIDE, re.M)]
    assert missing == []


@pytest.mark.parametrize("warning", ["were last verified on", "was due for review on",
                                     "has a different number here", "Nothing uses the contact",
                                     "is kept as the source prints it"])
def test_every_kind_of_warning_is_explained(warning):
    """The guide quotes the start of each warning the check can give (stillworried/data_warnings.py)."""
    source = (DATA.parent / "stillworried" / "data_warnings.py").read_text()
    assert warning in source
    assert warning in GUIDE


def slug(heading):
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_contents_links_lead_to_headings():
    anchors = {slug(line.lstrip("#")) for line in GUIDE.splitlines() if line.startswith("#")}
    links = re.findall(r"\]\(#([^)]+)\)", GUIDE)
    assert links and [link for link in links if link not in anchors] == []
