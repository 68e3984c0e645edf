"""boto3 round trips: every CreateUser member comes back from DescribeUser.

Run by e2e/boto3_test.go; needs CONNECTLITE_ENDPOINT.
"""

import datetime
import json
import re
import unittest

import e2ehelpers as h

REGION = "us-east-1"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def identity(p="", email=True):
    info = {
        "FirstName": p + "Zoë",
        "LastName": p + "Ågren-Núñez",
        "Email": p.lower() + "zoe@example.com",
        "SecondaryEmail": p.lower() + "zoe.alt@example.org",
        "Mobile": "+447700900123",
    }
    if not email:
        del info["Email"]
    return info


class RoundTrip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = h.client(REGION)
        cls.managed = h.new_instance(cls.c, "CONNECT_MANAGED")
        cls.saml = h.new_instance(cls.c, "SAML")
        cls.directory = h.new_instance(cls.c, "EXISTING_DIRECTORY")
        cls.prof = {i: h.profiles(cls.c, i) for i in (cls.managed, cls.saml, cls.directory)}

    def round_trip(self, instance_id, req, update):
        """Creates req, checks DescribeUser, updates the identity info with
        update and checks DescribeUser again."""
        c = self.c
        req = dict(req, InstanceId=instance_id)
        out = c.create_user(**req)
        self.assertEqual(out["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(set(out) - {"ResponseMetadata"}, {"UserId", "UserArn"})
        uid = out["UserId"]
        self.assertRegex(uid, UUID)
        self.assertEqual(out["UserArn"], h.user_arn(REGION, instance_id, uid))

        user = c.describe_user(InstanceId=instance_id, UserId=uid)["User"]
        self.assertEqual(user["Id"], uid)
        self.assertEqual(user["Arn"], out["UserArn"])
        h.check_user(self, req, user, REGION)
        raw = c.last_body["DescribeUser"]
        if "Password" in req:
            self.assertNotIn(req["Password"].encode(), raw, "DescribeUser body holds the password")
        self.assertNotIn("password", {k.lower() for k in json.loads(raw)["User"]})

        r = c.update_user_identity_info(InstanceId=instance_id, UserId=uid, IdentityInfo=update)
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        after = c.describe_user(InstanceId=instance_id, UserId=uid)["User"]
        want = dict(req, IdentityInfo=update)
        h.check_user(self, want, after, REGION)
        self.assertGreaterEqual(after["LastModifiedTime"], user["LastModifiedTime"])
        # Nothing but the identity info changed.
        for k in set(user) - {"IdentityInfo", "LastModifiedTime"}:
            self.assertEqual(after.get(k), user[k], "member %s changed on UpdateUserIdentityInfo" % k)
        return uid

    def test_per_channel_configs(self):
        sec, routing = self.prof[self.managed]
        self.round_trip(self.managed, {
            "Username": h.unique("pc."),
            "Password": "Sup3r-Secret!",
            "IdentityInfo": identity(),
            "AutoAcceptConfigs": [
                {"Channel": "VOICE", "AutoAccept": True, "AgentFirstCallbackAutoAccept": False},
                {"Channel": "CHAT", "AutoAccept": False},
                {"Channel": "TASK", "AutoAccept": True},
                {"Channel": "EMAIL", "AutoAccept": False},
            ],
            "AfterContactWorkConfigs": [
                {"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 30},
                 "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0}},
                {"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0}},
                {"Channel": "TASK", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 2000000}},
            ],
            "PhoneNumberConfigs": [{"Channel": "VOICE", "PhoneType": "SOFT_PHONE"}],
            "PersistentConnectionConfigs": [{"Channel": "VOICE", "PersistentConnection": False}],
            "VoiceEnhancementConfigs": [{"Channel": "VOICE", "VoiceEnhancementMode": "VOICE_ISOLATION"}],
            "SecurityProfileIds": [sec["Agent"], sec["QualityAnalyst"]],
            "RoutingProfileId": routing,
            "Tags": {"team": "green", "a:b/c=d+e-f@g_h.i j": "x" * 256},
        }, identity("New"))

    def test_phone_config(self):
        sec, routing = self.prof[self.managed]
        self.round_trip(self.managed, {
            "Username": h.unique("ph_"),
            "Password": "Pä$$w0rd-Ω",
            "IdentityInfo": identity(),
            "PhoneConfig": {
                "PhoneType": "DESK_PHONE",
                "AutoAccept": False,
                "AfterContactWorkTimeLimit": 0,
                "DeskPhoneNumber": "+15555551212",
                "PersistentConnection": False,
            },
            "SecurityProfileIds": list(sec.values()),
            "RoutingProfileId": routing,
            "Tags": {"k%d" % i: "v%d" % i for i in range(50)},
        }, identity("Upd"))

    def test_saml_user(self):
        sec, routing = self.prof[self.saml]
        # 64 characters in email form, the SAML maximum.
        local = h.unique("saml.")
        name = local + "@" + "x" * (64 - len(local) - 1 - len(".com")) + ".com"
        self.assertEqual(len(name), 64)
        self.round_trip(self.saml, {
            "Username": name,
            "IdentityInfo": identity(email=False),
            "PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": True, "AfterContactWorkTimeLimit": 2000000},
            "SecurityProfileIds": [sec["Admin"]],
            "RoutingProfileId": routing,
        }, identity("S", email=False))

    def test_directory_user_id(self):
        sec, routing = self.prof[self.directory]
        self.round_trip(self.directory, {
            "Username": h.unique("dir-"),
            "IdentityInfo": identity(),
            "DirectoryUserId": h.unique("S-1-5-21-"),
            "PhoneConfig": {"PhoneType": "SOFT_PHONE"},
            "SecurityProfileIds": [sec["CallCenterManager"]],
            "RoutingProfileId": routing,
        }, identity("D"))

    def test_update_replaces_identity_info(self):
        # UpdateUserIdentityInfo replaces the whole structure: members left
        # out are cleared (API-NOTES 2.6; Terraform always sends the block).
        sec, routing = self.prof[self.managed]
        uid = self.round_trip(self.managed, {
            "Username": h.unique("rep"),
            "Password": "Repl4ce-Me",
            "IdentityInfo": identity(),
            "PhoneConfig": {"PhoneType": "SOFT_PHONE"},
            "SecurityProfileIds": [sec["Agent"]],
            "RoutingProfileId": routing,
        }, identity("Two"))
        self.c.update_user_identity_info(InstanceId=self.managed, UserId=uid,
                                         IdentityInfo={"FirstName": "Only", "LastName": "Names"})
        info = self.c.describe_user(InstanceId=self.managed, UserId=uid)["User"]["IdentityInfo"]
        self.assertEqual({k: v for k, v in info.items() if v}, {"FirstName": "Only", "LastName": "Names"})

    def test_typed_exceptions(self):
        c = self.c
        sec, routing = self.prof[self.managed]
        name = h.unique("Ex")
        base = dict(InstanceId=self.managed, Username=name, Password="Passw0rdEx",
                    IdentityInfo={"FirstName": "A", "LastName": "B"},
                    PhoneConfig={"PhoneType": "SOFT_PHONE"},
                    SecurityProfileIds=[sec["Agent"]], RoutingProfileId=routing)
        c.create_user(**base)
        cases = [
            ("describe unknown user", c.exceptions.ResourceNotFoundException, 404,
             lambda: c.describe_user(InstanceId=self.managed, UserId="00000000-0000-4000-8000-000000000000")),
            ("duplicate username", c.exceptions.DuplicateResourceException, 409,
             lambda: c.create_user(**dict(base, Username=name.lower()))),
            ("weak password", c.exceptions.InvalidParameterException, 400,
             lambda: c.create_user(**dict(base, Username=h.unique("w"), Password="weakpassword"))),
            ("phone config conflict", c.exceptions.InvalidRequestException, 400,
             lambda: c.create_user(**dict(base, Username=h.unique("w"),
                                          PhoneConfig={"PhoneType": "SOFT_PHONE", "AutoAccept": True},
                                          AutoAcceptConfigs=[{"Channel": "VOICE", "AutoAccept": True}]))),
        ]
        for what, exc, status, call in cases:
            with self.subTest(what):
                with self.assertRaises(exc) as cm:
                    call()
                err = cm.exception.response
                self.assertEqual(err["ResponseMetadata"]["HTTPStatusCode"], status)
                self.assertEqual(err["Error"]["Code"], exc.__name__)
                self.assertTrue(err["Error"]["Message"])

    def test_list_users_paginator(self):
        c = self.c
        inst = h.new_instance(c)
        sec, routing = h.profiles(c, inst)
        ids = set()
        for i in range(5):
            ids.add(c.create_user(InstanceId=inst, Username=h.unique("pg%d_" % i), Password="Passw0rdPg",
                                  IdentityInfo={"FirstName": "A", "LastName": "B"},
                                  PhoneConfig={"PhoneType": "SOFT_PHONE"},
                                  SecurityProfileIds=[sec["Agent"]], RoutingProfileId=routing)["UserId"])
        seen, pages = [], 0
        for page in c.get_paginator("list_users").paginate(InstanceId=inst, PaginationConfig={"PageSize": 2}):
            pages += 1
            self.assertLessEqual(len(page["UserSummaryList"]), 2)
            for u in page["UserSummaryList"]:
                seen.append(u["Id"])
                self.assertEqual(u["Arn"], h.user_arn(REGION, inst, u["Id"]))
                self.assertEqual(u["LastModifiedRegion"], REGION)
                self.assertIsInstance(u["LastModifiedTime"], datetime.datetime)
        self.assertEqual(pages, 3)
        self.assertEqual(sorted(seen), sorted(ids))


if __name__ == "__main__":
    unittest.main()
