"""The site builds from the data with zero warnings, and a mistake in the data stops the build
with the maintainer's file:line message instead of publishing a broken page."""
import os
import shutil
import subprocess

import pytest

from tests.conftest import DATA, ROOT
from stillworried import data_warnings, validate

MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"


def build(tmp_path, data=None):
    env = None
    if data is not None:
        import os
        env = dict(os.environ, STILLWORRIED_DATA=str(data))
    return subprocess.run([str(MKDOCS), "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, env=env)


def test_the_site_builds_strictly_and_renders_the_data(built_site, bundle):
    """The session's one build (conftest.built_site: mkdocs build --strict, which must succeed)."""
    # The real data has warnings (its sources date from 2014 and 2015): they must not stop the build.
    _, files = validate.check(DATA)
    assert data_warnings.find(files)
    assert "WARNING  -" not in (built_site.parent / "stderr.txt").read_text()
    html = (built_site / "index.html").read_text()
    for leftover in ("{{", "{%", "Macro Rendering Error", "Traceback"):
        assert leftover not in html
    assert 'href="tel:999"' in html
    assert "0161 603 4500" in html
    for procedure in bundle["procedures"].values():
        assert procedure["id"] in html


@pytest.mark.slow  # the real mkdocs build, in its own process
def test_a_data_mistake_fails_the_build_with_file_line_and_builds_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "contacts.yaml").read_text()
    assert text.count('"0161 603 4500"') == 1
    (data / "contacts.yaml").write_text(text.replace('"0161 603 4500"', '"0161 6O3 4500"'))
    result = build(tmp_path, data)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "contacts.yaml:" in output and "letter O" in output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.slow  # two builds of its own
def test_a_rebuild_starts_from_scratch(tmp_path):
    """`mkdocs serve` rebuilds in the same process: a page that is gone since the last build must not
    keep its Content-Security-Policy in _headers (each build has its own mkdocs_hooks.SiteBuild)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    without_search = ROOT / (".mkdocs-rebuild-%d.yml" % os.getpid())
    without_search.write_text("INHERIT: mkdocs.yml\nexclude_docs: search.md\n")
    try:
        mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "first")))
        mkdocs_build(load_config(str(without_search), site_dir=str(tmp_path / "second")))
    finally:
        without_search.unlink()
    assert "/search/" in (tmp_path / "first" / "_headers").read_text().splitlines()
    assert not (tmp_path / "second" / "search").exists()
    headers = (tmp_path / "second" / "_headers").read_text().splitlines()
    assert "/search/" not in headers and "/" in headers
