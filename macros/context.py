"""What every page maker is given (Context): the checked data, and where the page being rendered
lives, so its links are made relative to it and the site works from any folder and offline;
and what one build works out once from the data for all its pages. absolute_url makes the full
addresses of the files read away from the site (the feed, the open data).
"""
import posixpath

from stillworried.core import team_numbers


class Context:
    """What a macro needs: the data, and where the page being rendered lives."""

    def __init__(self, bundle, page_url, shared=None):
        self.bundle = bundle
        self.page_url = page_url or ""
        # What one build works out once from the bundle for every page (the build passes one
        # dict to all its pages; the bundle does not change during a build).
        self.shared = {} if shared is None else shared

    def url(self, target):
        """A link from the current page to target (a site path such as 'salford/wigan/')."""
        here = self.page_url if self.page_url.endswith("/") or not self.page_url else posixpath.dirname(self.page_url) + "/"
        relative = posixpath.relpath("/" + target, "/" + here)
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return relative if relative != "./" else "./"

    def contact(self, contact_id):
        return self.bundle["contacts"][contact_id]

    def own_contacts(self, partnership_id):
        """The ids of a partnership's contacts, in order: grouped once for the whole build, not
        by reading every contact on each area's page (which grew with the square of the areas)."""
        if "own" not in self.shared:
            own = self.shared["own"] = {}
            for cid, contact in self.bundle["contacts"].items():
                own.setdefault(contact["partnership"], []).append(cid)
        return self.shared["own"].get(partnership_id, [])

    def printed_names(self, partnership_id):
        """wizard_choices.printed_names, gathered once for the whole build (not once per contact)."""
        if "printed" not in self.shared:
            printed = self.shared["printed"] = {}
            for item in self.bundle.get("agencies", {}).values():
                for other in item.get("also_printed_as", []):
                    printed.setdefault(item["partnership"], {})[other] = item["organisation"]
        return self.shared["printed"].get(partnership_id, {})

    def team_of(self, contact_id):
        """team_numbers.team_of, its teams gathered once for the whole build."""
        team = self.contact(contact_id).get("team")
        if not team:
            return [contact_id]
        if "teams" not in self.shared:
            self.shared["teams"] = team_numbers.teams(self.bundle["contacts"])
        return self.shared["teams"][team]


def absolute_url(site_url, path):
    """A site path as a full address, for files read away from the site (the feed, open data)."""
    return (site_url or "/").rstrip("/") + "/" + path
