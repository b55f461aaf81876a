# Mailbox helpers for the SES integration tests: list messages through /_cloudbox/ses/messages
# and parse a message's .eml with Python's email package.
import email
import email.policy
import json
import urllib.parse

import cloudbox_server as cb


def messages(server, **filters):
    query = ("?" + urllib.parse.urlencode(filters)) if filters else ""
    status, _, body = cb.http_fetch(server.url("/_cloudbox/ses/messages" + query))
    assert status == 200, body
    return json.loads(body)["messages"]


def eml_bytes(server, message_id):
    status, headers, body = cb.http_fetch(
        server.url("/_cloudbox/ses/messages/" + urllib.parse.quote(message_id)),
        headers={"Accept": "message/rfc822"})
    assert status == 200, body
    return body


def parse_eml(server, message_id):
    return email.message_from_bytes(eml_bytes(server, message_id), policy=email.policy.default)


def parts_by_type(msg):
    """{content type: decoded text} of the message's leaf parts."""
    out = {}
    for part in msg.walk():
        if not part.is_multipart():
            out[part.get_content_type()] = part.get_content()
    return out
