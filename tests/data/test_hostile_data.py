"""Hostile text in the YAML is data, never code: it reaches the engine's answers character for
character (the site escapes it when it renders), and YAML tags that would run code are refused.
Characters that cannot be published at all (controls, bidirectional overrides) are refused by
the check: tests/data/test_hostile_yaml.py."""
import shutil

import pytest

from tests.conftest import DATA
from stillworried.data import DataError, build_bundle
from stillworried.core.worded import next_step

PAYLOADS = [
    "<script>alert(1)</script>",
    "{{ config }}",
    "{% include 'x' %}",
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "{: onclick=\"alert(1)\" }",
    "<img src=x onerror=alert(1)>",
    "' OR 1=1 --",
    "${7*7} #{7*7}",
    "\u00a0non-breaking\u00a0spaces and an emoji \U0001f600",
]


def yaml_string(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def replace_once(path, old, new):
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.slow  # a sweep: every hostile payload through the data layer
def test_hostile_text_survives_the_data_layer_verbatim(data_copy, payload):
    replace_once(data_copy / "stages.yaml", "        title: Quality Assurance Unit\n",
                 "        title: %s\n" % yaml_string(payload))
    replace_once(data_copy / "contacts.yaml", "    name: Southwark Safeguarding Children Partnership (SSCP)\n",
                 "    name: %s\n" % yaml_string(payload))
    bundle = build_bundle(data_copy)
    answer = next_step(bundle, "southwark", 4, "2026-11-23")
    assert answer["title"] == payload
    assert answer["contacts"][0]["name"] == payload
    assert next_step(bundle, "southwark", 3, "2026-11-23")["next"]["title"] == payload


def test_a_yaml_tag_that_would_run_python_is_refused(data_copy):
    replace_once(data_copy / "stages.yaml", "        title: Quality Assurance Unit\n",
                 "        title: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(DataError) as error:
        build_bundle(data_copy)
    assert "stages.yaml" in str(error.value)
