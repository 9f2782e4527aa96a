"""Which contacts can be saved to a phone as a vCard.

The vCards (exports/vcards.py) hold these contacts, and a contact's card on the pages
(contact_card in macros/) links to its vCard only then. Both read this one rule here, so the
page makers do not import the exports, which use the page makers' HTML (macros/html.py) for
their own pages: the two folders do not import each other. Not a browser module.
"""
from stillworried.core import team_numbers


def has_card(contact):
    """Whether a contact gets a vCard: only one with a number that can be dialled or an email."""
    return bool(team_numbers.dialable_phones(contact)) or bool(contact.get("emails"))
