"""An area's (a safeguarding partnership's) overview page: its emergency route and front door,
its procedures, its guidance, its contacts and the documents it all comes from; and the list of
procedures the home page shows too.
"""
from stillworried.core.page_ids import contacts_path, guidance_path, procedure_path, vcard_path
from stillworried.core.words import questions as question_words

from macros.front_doors import partnership_emergency
from macros.html import el, join


def procedure_links(ctx, partnership_id=None):
    items = []
    for procedure in ctx.bundle["procedures"].values():
        if partnership_id and procedure["partnership"] != partnership_id:
            continue
        flag = el("strong", {"class": "sw-tag"}, question_words.PAST_REVIEW) if procedure["status"] == "lapsed" else None
        items.append(el("li", None, el("a", {"href": ctx.url(procedure_path(procedure))}, procedure["title"]),
                        " ", flag, el("br"), el("span", None, procedure["for_whom"])))
    return el("ul", {"class": "sw-procedures"}, items)


def partnership_page(ctx, partnership_id):
    partnership = ctx.bundle["partnerships"][partnership_id]
    guidance = ctx.bundle["guidance"]["guidance"].get(partnership_id)
    sources = [source for source in ctx.bundle["sources"].values() if source["partnership"] == partnership_id]
    # The page's own heading names the partnership: the menu calls the page "Overview", which
    # MkDocs would otherwise make its heading (a phone tester on the Wigan page saw only that).
    parts = [el("h1", None, partnership["full_name"]),
             partnership_emergency(ctx, partnership),
             el("h2", None, "If you disagree with another agency about a child"),
             el("p", None, "Choose the procedure that fits your situation. Each one lists the stages, who to "
                           "contact and the time limits."),
             procedure_links(ctx, partnership_id)]
    if guidance:
        parts += [el("h2", None, "Levels of support and guidance"),
                  el("p", None, el("a", {"href": ctx.url(guidance_path(partnership_id))}, guidance["document"]["title"]))]
    parts += [el("h2", None, "Contacts"),
              el("p", None, el("a", {"href": ctx.url(contacts_path(partnership_id))},
                               "All " + partnership["name"] + " contacts"), " or ",
                 el("a", {"href": ctx.url(vcard_path(partnership_id)), "download": True},
                    "save them all to your phone (vCard)")),
              el("h2", None, "Where this comes from"),
              # The documents' titles and dates; their file names are for maintainers (the About page).
              el("ul", None, [el("li", None, el("cite", None, source["title"]), ". ",
                                 source.get("date_note", "")) for source in sources])]
    return join(parts)
