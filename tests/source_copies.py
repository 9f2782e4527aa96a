"""A copy of the source documents with a change, as when a partnership publishes a new version:
the copy goes in its own folder (passed to `check --sources`), and the data copy records the new
version's sha256, as a maintainer does in the same pull request."""
import hashlib
import re
import shutil

from stillworried import source_documents

PROTOCOLS = source_documents.find().folder


def sources_copy(folder, edits=()):
    """A copy of the documents in folder/protocols, with old written as new wherever it is in the
    file, for each (file, old, new) in edits."""
    target = folder / "protocols"
    shutil.copytree(PROTOCOLS, target)
    for name, old, new in edits:
        path = target / name
        path.chmod(0o644)
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return target


def record_fingerprints(data_dir, sources):
    """Write each document's sha256 in data_dir/stages.yaml, as `check` asks for a new version."""
    path = data_dir / "stages.yaml"
    text = path.read_text(encoding="utf-8")
    for document in sorted(sources.iterdir()):
        fingerprint = hashlib.sha256(document.read_bytes()).hexdigest()
        text = re.sub(r"(  - file: %s\n(?:    .*\n)*?    sha256: )[0-9a-f]{64}" % re.escape(document.name),
                      lambda found: found.group(1) + fingerprint, text)
    path.write_text(text, encoding="utf-8")
