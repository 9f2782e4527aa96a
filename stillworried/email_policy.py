"""Which email addresses a contact can have.

An address can be well formed and still not be the source's: "worriedaboutachild@salford.gov.uk"
with a Cyrillic "а", its punycode form (xn--...), "salf0rd.gov.uk" with a zero,
"salford.gov.uk.evil.com" or a webmail address all look right at a glance and would send a
worried person's message to someone else. So, besides being well formed (email-validator):

- an address is plain ASCII: a letter from another alphabet that looks like ours is refused,
  and so is a domain written in punycode (a label starting "xn--"), which is how such letters
  travel;
- its domain is one that the source documents of its partnership print (every document's, for
  a national contact): the sources' own domains, read from the documents themselves
  (stillworried/validation/grounding.py), so there is no list here to keep. A domain that
  only contains or resembles one of them is a different domain.
"""
import unicodedata

from stillworried.text_policy import shown, visible


def refusal(address):
    """Why an address cannot be published whatever the documents say, or None."""
    odd = next((char for char in address if ord(char) > 0x7E), None)
    if odd is not None:
        return ("'%s' contains '%s' (%s), which only looks like a plain letter. An email address is written in plain "
                "letters, digits and . - _ @: retype it from the source." % (
                    shown(address), visible(odd), unicodedata.name(odd, "an unusual character").lower()))
    labels = address.rsplit("@", 1)[-1].lower().split(".")
    if any(label.startswith("xn--") for label in labels):
        return ("'%s' has a domain written in punycode (xn--...), which stands for letters from another alphabet "
                "that look like ours. Check the address against the source and copy it exactly as it is printed."
                % shown(address))
    return None


def domain_refusal(address, domains, area):
    """Why the address's domain is not one the documents of its area print (domains), or None."""
    domain = address.rsplit("@", 1)[-1].lower()
    if domain in domains:
        return None
    return ("'%s' is at '%s', which is not a domain %s's source documents use (%s). Check the address against the "
            "source and copy it exactly as it is printed: an address at another domain, or one that only looks like "
            "it, sends the message to someone else." % (shown(address), shown(domain), area,
                                                        ", ".join(domains) or "they print none"))
