"""What's changed: the amendments page and the Atom feed are the git history of data/, with the
reason for each change; hostile commit messages stay text; a build without history says so
and still succeeds."""
import datetime
import html
import os
import shutil
import subprocess

import feedparser
import pytest
from lxml import etree

from tests.conftest import DATA, ROOT
from exports import amendments
from macros.context import Context
from stillworried import source_documents
from tests.site.test_site_content import PAYLOADS, assert_safe

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://still-worried.example/"
GIT_ENV = {"GIT_AUTHOR_NAME": "A Maintainer", "GIT_AUTHOR_EMAIL": "maintainer@example.org",
           "GIT_COMMITTER_NAME": "A Maintainer", "GIT_COMMITTER_EMAIL": "maintainer@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo, *args, date=None):
    env = dict(os.environ, **GIT_ENV)
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), "-c", "commit.gpgsign=false", *args], env=env,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    """A project whose data/ changed three times (and whose README changed once)."""
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "data" / "contacts.yaml").write_text('number: "0161 603 4500"\n')
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Add the Bridge", date="2026-01-05T10:00:00+00:00")
    (root / "README.md").write_text("not data\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Docs only", date="2026-02-01T10:00:00+00:00")
    (root / "data" / "contacts.yaml").write_text('number: "0161 603 4555"\n')
    (root / "data" / "stages.yaml").write_text("stages: []\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Salford: new Bridge number\n\nThe 2027 protocol, Useful Contacts, prints\n"
        "0161 603 4555 for the Bridge.\n\nSecond paragraph.\n\nSigned-off-by: A Maintainer <maintainer@example.org>",
        date="2026-03-09T16:30:00+00:00")
    return root


def test_each_change_to_the_data_is_listed_newest_first_with_its_reason_and_files(repo):
    record = amendments.history(repo / "data")
    assert record.available and not record.shallow
    assert [c.subject for c in record.changes] == ["Salford: new Bridge number", "Add the Bridge"]
    newest = record.changes[0]
    assert newest.date == datetime.datetime(2026, 3, 9, 16, 30, tzinfo=datetime.timezone.utc)
    # The reason, unwrapped, without the Signed-off-by trailer (no contributor's email published).
    assert newest.paragraphs == ["The 2027 protocol, Useful Contacts, prints 0161 603 4555 for the Bridge.",
                                 "Second paragraph."]
    assert [(f.path, f.added, f.removed) for f in newest.files] == [("data/contacts.yaml", 1, 1),
                                                                     ("data/stages.yaml", 1, 0)]
    page = amendments.page(Context({}, "amendments/"), record)
    assert "9 March 2026" in page and "data&#47;contacts.yaml&#58; 1 line added, 1 line removed" in page
    assert "Docs only" not in page and "maintainer&#64;example.org" not in page
    assert 'href="../amendments.xml"' in html.unescape(page)


def test_the_feed_is_atom_with_one_entry_per_change_and_absolute_links(repo):
    record = amendments.history(repo / "data")
    xml = amendments.feed(record, SITE_URL, "Still Worried?")
    root = etree.fromstring(xml)
    assert root.tag == ATOM + "feed"
    # RFC 4287: a feed has one id, title and updated, and an author; so has each entry (but the author).
    for element in [root] + root.findall(ATOM + "entry"):
        for required in ("id", "title", "updated"):
            assert len(element.findall(ATOM + required)) == 1, (element.tag, required)
    assert root.find(ATOM + "author/" + ATOM + "name").text == "Still Worried?"
    parsed = feedparser.parse(xml)
    assert parsed.version == "atom10" and not parsed.bozo
    assert [entry.title for entry in parsed.entries] == ["Salford: new Bridge number", "Add the Bridge"]
    assert parsed.entries[0].link == SITE_URL + "amendments/#" + record.changes[0].anchor
    assert {link.rel: link.href for link in parsed.feed.links} == {"alternate": SITE_URL + "amendments/",
                                                                   "self": SITE_URL + "amendments.xml"}
    assert "0161 603 4555 for the Bridge" in parsed.entries[0].content[0].value
    assert parsed.feed.updated.startswith("2026-03-09T16:30:00")


def test_a_real_commit_with_a_hostile_message_reaches_the_page_as_text(repo):
    (repo / "data" / "contacts.yaml").write_text('number: "0161 603 4500"\n')
    git(repo, "commit", "-q", "-am", "<img src=x onerror=alert(1)> {{ 7*7 }}\n\n[x](javascript:alert(1)) {% raw %}")
    record = amendments.history(repo / "data")
    assert record.changes[0].subject == "<img src=x onerror=alert(1)> {{ 7*7 }}"
    page = amendments.page(Context({}, "amendments/"), record)
    assert_safe(page, "<img src=x onerror=alert(1)> {{ 7*7 }}", "amendments page")
    assert_safe(page, "[x](javascript:alert(1)) {% raw %}", "amendments page")


def test_a_shallow_clone_says_older_changes_are_missing(repo, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "file://%s" % repo, str(shallow)], check=True,
                   env=dict(os.environ, **GIT_ENV))
    record = amendments.history(shallow / "data")
    assert record.available and record.shallow
    assert "older changes are not listed" in amendments.page(Context({}, "amendments/"), record)


@pytest.mark.parametrize("why, where, git_command", [
    ("without its git history", "copy", "git"),
    ("git is not installed", "repo", "/nonexistent/git"),
])
def test_without_history_the_page_says_so_and_the_feed_is_empty(repo, tmp_path, why, where, git_command):
    data = repo / "data"
    if where == "copy":
        data = tmp_path / "archive" / "data"
        shutil.copytree(repo / "data", data)
    record = amendments.history(data, git_command=git_command)
    assert not record.available and why in record.reason
    page = amendments.page(Context({}, "amendments/"), record)
    assert "The record of changes is not available" in page and why in page
    parsed = feedparser.parse(amendments.feed(record, SITE_URL, "Still Worried?"))
    assert parsed.version == "atom10" and not parsed.bozo and parsed.entries == []


@pytest.mark.parametrize("payload", PAYLOADS + ["bell\x07 and form feed\x0c in a message"])
def test_a_hostile_commit_message_is_shown_as_text(tmp_path, payload):
    # What git log prints for one commit in LOG_FORMAT: hash, date, subject, body, then --numstat.
    output = "\x1e%s\x1f%s\x1f%s\x1f%s\x1f\n1\t0\tdata/%s\n" % (
        "0" * 40, "2026-01-01T09:00:00+00:00", " ".join(payload.split()), payload, payload.replace("\n", " "))
    record = amendments.History(True, changes=amendments.parse_log(output))
    shown = amendments.xml_text(" ".join(payload.split()))
    page = amendments.page(Context({}, "amendments/"), record)
    assert "\n\n" not in page
    assert_safe(page, amendments.xml_text(payload), "amendments page")
    xml = amendments.feed(record, SITE_URL, "Still Worried?")
    assert not feedparser.parse(xml).bozo
    entry = etree.fromstring(xml).find(ATOM + "entry")
    assert entry.find(ATOM + "title").text == shown
    assert_safe(entry.find(ATOM + "content").text, amendments.xml_text(payload), "feed content")


def test_the_built_site_lists_the_data_history_and_links_its_feed(built_site):
    log = subprocess.run(["git", "-C", str(DATA), "log", "--no-merges", "--format=%s", "--", "."],
                         capture_output=True, text=True)
    subjects = log.stdout.splitlines() if log.returncode == 0 else []
    page = (built_site / "amendments" / "index.html").read_text()
    feed = feedparser.parse((built_site / amendments.FEED_PATH).read_bytes())
    assert feed.version == "atom10" and not feed.bozo
    assert [entry.title for entry in feed.entries] == subjects[:amendments.FEED_ENTRIES]
    assert page.count('<section class="sw-change">') == len(subjects)
    if not subjects:  # this copy of the project has no git history (an archive)
        assert "The record of changes is not available" in page
    for path in ("index.html", "amendments/index.html", "contacts/salford/index.html"):
        head = (built_site / path).read_text().split("</head>")[0]
        assert 'rel="alternate" type="application/atom+xml"' in head, path
    assert "What&#39;s changed" in (built_site / "index.html").read_text()  # in the navigation


@pytest.mark.slow  # a build of its own
def test_a_copy_without_git_history_still_builds_and_says_so(tmp_path):
    copy = tmp_path / "tarball"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__",
                                                              ".pytest_cache"))
    assert not (copy / ".git").exists()
    # A copy from a tarball still has its Node packages installed (npm ci): the wizard needs them.
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # The source documents stay where they are: a tarball has none beside it.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GIT_CEILING_DIRECTORIES=str(tmp_path),
               STILLWORRIED_SOURCES=str(source_documents.find().folder), STILLWORRIED_REQUIRE_SOURCES="1")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir",
                             str(tmp_path / "site")], cwd=copy, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "amendments" / "index.html").read_text()
    assert "The record of changes is not available" in page and "without its git history" in page
    feed = feedparser.parse((tmp_path / "site" / amendments.FEED_PATH).read_bytes())
    assert feed.version == "atom10" and feed.entries == []


@pytest.mark.skipif(os.geteuid() != 0, reason="giving the folder to another user needs root")
def test_a_checkout_owned_by_another_user_says_how_to_allow_it(repo, monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for path in [repo, *repo.rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
    record = amendments.history(repo / "data")
    assert not record.available
    assert "belongs to another user" in record.reason and "safe.directory " + str(repo) in record.reason
