"""Shared helpers of the boto3 end-to-end scripts.

The Go tests run these scripts with CONNECTLITE_ENDPOINT set to a running
connectlite server and AWS credentials test/test in the environment.
Standard library and boto3 only.
"""

import datetime
import json
import os
import secrets

import boto3
from botocore.config import Config

ENDPOINT = os.environ["CONNECTLITE_ENDPOINT"]
ACCOUNT = "123456789012"


def client(region="us-east-1", validate=True):
    """A Connect client for the server that never retries.

    validate=False turns off botocore's client-side parameter checks (required
    members, minimum lengths and values) so that the server's own validation
    is what the tests see.
    """
    c = boto3.session.Session().client(
        "connect",
        region_name=region,
        endpoint_url=ENDPOINT,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"total_max_attempts": 1}, parameter_validation=validate),
    )
    c.last_body = {}

    def keep_body(response_dict=None, operation_model=None, **_):
        c.last_body[operation_model.name] = response_dict["body"]

    c.meta.events.register("before-parse.connect.*", keep_body)
    return c


def unique(prefix="", n=8):
    """prefix followed by n random hex digits."""
    return prefix + secrets.token_hex((n + 1) // 2)[:n]


def uname(length, prefix="u"):
    """A fresh valid username of exactly length characters."""
    return unique(prefix, length - len(prefix))


def new_instance(c, kind="CONNECT_MANAGED"):
    """Creates an instance of identity type kind and returns its id."""
    req = dict(
        IdentityManagementType=kind,
        InstanceAlias=unique("py"),
        InboundCallsEnabled=True,
        OutboundCallsEnabled=True,
    )
    if kind == "EXISTING_DIRECTORY":
        req["DirectoryId"] = "d-" + secrets.token_hex(5)
    return c.create_instance(**req)["Id"]


def profiles(c, instance_id):
    """Returns ({security profile name: id}, basic routing profile id)."""
    sec = {}
    for page in c.get_paginator("list_security_profiles").paginate(InstanceId=instance_id):
        for p in page["SecurityProfileSummaryList"]:
            sec[p["Name"]] = p["Id"]
    routing = [
        r["Id"]
        for page in c.get_paginator("list_routing_profiles").paginate(InstanceId=instance_id)
        for r in page["RoutingProfileSummaryList"]
        if r["Name"] == "Basic Routing Profile"
    ]
    if len(routing) != 1:
        raise AssertionError("no single Basic Routing Profile in %s" % instance_id)
    return sec, routing[0]


def list_users(c, instance_id):
    """All users of the instance, through the paginator."""
    out = []
    for page in c.get_paginator("list_users").paginate(InstanceId=instance_id):
        out.extend(page["UserSummaryList"])
    return out


def user_arn(region, instance_id, user_id):
    return "arn:aws:connect:%s:%s:instance/%s/agent/%s" % (region, ACCOUNT, instance_id, user_id)


def _order(v):
    return json.dumps(v, sort_keys=True, default=str)


def mismatch(sent, got, path, exact):
    """Returns a description of how got fails to carry sent, or None.

    Dicts must hold every sent key with an equal value; keys the client did
    not send are tolerated only when falsy (a server may fill defaults),
    unless the path is listed in exact. Lists compare as multisets.
    """
    if isinstance(sent, dict):
        if not isinstance(got, dict):
            return "%s: got %r, want %r" % (path, got, sent)
        for k, v in sent.items():
            if k not in got:
                return "%s.%s: missing, want %r" % (path, k, v)
            m = mismatch(v, got[k], path + "." + k, exact)
            if m:
                return m
        for k, v in got.items():
            if k not in sent and (path in exact or v not in (None, "", False, 0, [], {})):
                return "%s.%s: got %r, which was not sent" % (path, k, v)
        return None
    if isinstance(sent, list) and sent and all(isinstance(x, dict) and "Channel" in x for x in sent):
        # Per-channel configs: every sent channel comes back as sent. The
        # server may add entries for channels the client left out (it
        # derives the VOICE entries from the legacy PhoneConfig and back).
        if not isinstance(got, list):
            return "%s: got %r, want %r" % (path, got, sent)
        by_channel = {g.get("Channel"): g for g in got if isinstance(g, dict)}
        if len(by_channel) != len(got):
            return "%s: got %r, which repeats a channel" % (path, got)
        for s in sent:
            m = mismatch(s, by_channel.get(s["Channel"]), "%s[%s]" % (path, s["Channel"]), exact)
            if m:
                return m
        return None
    if isinstance(sent, list):
        if not isinstance(got, list) or len(got) != len(sent):
            return "%s: got %r, want %r" % (path, got, sent)
        for i, (s, g) in enumerate(zip(sorted(sent, key=_order), sorted(got, key=_order))):
            m = mismatch(s, g, "%s[%d]" % (path, i), exact)
            if m:
                return m
        return None
    if sent != got or type(sent) is not type(got):
        return "%s: got %r, want %r" % (path, got, sent)
    return None


# Members of CreateUser that describe_user does not echo.
NOT_ECHOED = ("InstanceId", "Password")


def check_user(test, req, user, region):
    """Asserts that user (a DescribeUser User) carries every member of req."""
    for k, v in req.items():
        if k in NOT_ECHOED:
            continue
        m = mismatch(v, user.get(k), k, exact=("Tags",))
        test.assertIsNone(m, "member %s does not round-trip: %s" % (k, m))
    test.assertEqual(user.get("LastModifiedRegion"), region)
    lm = user.get("LastModifiedTime")
    test.assertIsInstance(lm, datetime.datetime)
    now = datetime.datetime.now(datetime.timezone.utc)
    test.assertLess(abs((now - lm).total_seconds()), 300, "LastModifiedTime %s is not about now" % lm)
