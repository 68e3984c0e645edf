"""boto3: the user lifecycle after CreateUser, and tags on every resource.

Each UpdateUser* operation is checked in DescribeUser and SearchUsers, with
its reference errors; DeleteUser frees the username; TagResource,
UntagResource and ListTagsForResource work on every resource ARN an instance
holds, with the 50-tag rule and the reserved aws: prefix.

Run by e2e/lifecycle_boto3_test.go; needs CONNECTLITE_ENDPOINT.
"""

import datetime
import unittest

from botocore.exceptions import ClientError

import e2ehelpers as h

REGION = "ca-central-1"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def code(err):
    return err.exception.response["Error"]["Code"]


class Lifecycle(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = h.client(REGION)
        cls.raw = h.client(REGION, validate=False)
        cls.inst = h.new_instance(cls.c)
        cls.sec, cls.routing = h.profiles(cls.c, cls.inst)
        cls.queue = cls.c.list_queues(InstanceId=cls.inst, QueueTypes=["STANDARD"])["QueueSummaryList"][0]["Id"]
        cls.hours = cls.c.list_hours_of_operations(InstanceId=cls.inst)["HoursOfOperationSummaryList"][0]["Id"]

    def new_user(self, **extra):
        req = dict(
            InstanceId=self.inst,
            Username=h.uname(12),
            Password="Passw0rdPy",
            IdentityInfo={"FirstName": "Lee", "LastName": "Cycle"},
            PhoneConfig={"PhoneType": "SOFT_PHONE"},
            SecurityProfileIds=[self.sec["Agent"]],
            RoutingProfileId=self.routing,
        )
        req.update(extra)
        out = self.c.create_user(**req)
        return out["UserId"], out["UserArn"], req["Username"]

    def describe(self, uid, since):
        user = self.c.describe_user(InstanceId=self.inst, UserId=uid)["User"]
        self.assertEqual(user["LastModifiedRegion"], REGION)
        self.assertGreaterEqual(user["LastModifiedTime"], since, "LastModifiedTime did not move")
        return user

    def search(self, uid, field, value):
        """The user's SearchUsers summary for an EXACT condition, or None."""
        pages = self.c.get_paginator("search_users").paginate(
            InstanceId=self.inst,
            SearchCriteria={"StringCondition": {"FieldName": field, "Value": value, "ComparisonType": "EXACT"}},
        )
        for page in pages:
            for u in page["Users"]:
                if u["Id"] == uid:
                    return u
        return None

    def now(self):
        # The wire carries milliseconds.
        n = datetime.datetime.now(datetime.timezone.utc)
        return n.replace(microsecond=n.microsecond // 1000 * 1000)

    def test_updates_visible_in_describe_and_search(self):
        c = self.c
        uid, _, _ = self.new_user()
        rp = c.create_routing_profile(
            InstanceId=self.inst, Name=h.unique("Sales"), Description="Sales", DefaultOutboundQueueId=self.queue,
            MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}],
        )["RoutingProfileId"]

        since = self.now()
        c.update_user_security_profiles(InstanceId=self.inst, UserId=uid, SecurityProfileIds=[self.sec["Admin"], self.sec["CallCenterManager"]])
        self.assertEqual(self.describe(uid, since)["SecurityProfileIds"], [self.sec["Admin"], self.sec["CallCenterManager"]])
        self.assertIsNotNone(self.search(uid, "SecurityProfileId", self.sec["CallCenterManager"]))
        self.assertIsNone(self.search(uid, "SecurityProfileId", self.sec["Agent"]))

        since = self.now()
        c.update_user_routing_profile(InstanceId=self.inst, UserId=uid, RoutingProfileId=rp)
        self.assertEqual(self.describe(uid, since)["RoutingProfileId"], rp)
        self.assertEqual(self.search(uid, "RoutingProfileId", rp)["RoutingProfileId"], rp)

        since = self.now()
        c.update_user_config(
            InstanceId=self.inst, UserId=uid,
            AutoAcceptConfigs=[{"Channel": "CHAT", "AutoAccept": True}],
            AfterContactWorkConfigs=[
                {"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 60}},
                {"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 20}},
            ],
        )
        user = self.describe(uid, since)
        acw = {x["Channel"]: x["AfterContactWorkConfig"]["AfterContactWorkTimeLimit"] for x in user["AfterContactWorkConfigs"]}
        self.assertEqual(acw, {"VOICE": 60, "CHAT": 20})
        self.assertEqual(user["PhoneConfig"]["AfterContactWorkTimeLimit"], 60)
        self.assertIn({"Channel": "CHAT", "AutoAccept": True}, user["AutoAcceptConfigs"])

        since = self.now()
        c.update_user_phone_config(
            InstanceId=self.inst, UserId=uid,
            PhoneConfig={"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+61255550100", "AutoAccept": False, "AfterContactWorkTimeLimit": 5},
        )
        user = self.describe(uid, since)
        self.assertEqual(user["PhoneConfig"], {"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+61255550100", "AutoAccept": False, "AfterContactWorkTimeLimit": 5})
        acw = {x["Channel"]: x["AfterContactWorkConfig"]["AfterContactWorkTimeLimit"] for x in user["AfterContactWorkConfigs"]}
        self.assertEqual(acw, {"VOICE": 5, "CHAT": 5}, "UpdateUserPhoneConfig sets the same limit on every channel")
        found = self.search(uid, "resourceId", uid)
        self.assertEqual(found["PhoneConfig"]["PhoneType"], "DESK_PHONE")
        self.assertEqual(found["PhoneConfig"]["AfterContactWorkTimeLimit"], 5000, "SearchUsers reports milliseconds")

        since = self.now()
        c.update_user_hierarchy(InstanceId=self.inst, UserId=uid)
        self.assertNotIn("HierarchyGroupId", self.describe(uid, since))

    def test_reference_errors(self):
        c = self.c
        uid, _, _ = self.new_user()
        cases = [
            ("InvalidParameterException", c.update_user_security_profiles, dict(SecurityProfileIds=[UNKNOWN])),
            ("InvalidParameterException", c.update_user_routing_profile, dict(RoutingProfileId=UNKNOWN)),
            ("InvalidParameterException", c.update_user_hierarchy, dict(HierarchyGroupId=UNKNOWN)),
            ("InvalidParameterException", c.update_user_config, dict(PhoneNumberConfigs=[{"Channel": "TASK", "PhoneType": "SOFT_PHONE"}])),
            ("InvalidParameterException", c.update_user_phone_config, dict(PhoneConfig={"PhoneType": "DESK_PHONE"})),
            ("InvalidRequestException", c.update_user_config, dict()),
        ]
        for want, op, args in cases:
            with self.subTest(op=op.__name__, args=args):
                with self.assertRaises(ClientError) as err:
                    op(InstanceId=self.inst, UserId=uid, **args)
                self.assertEqual(code(err), want)
        for op, args in [
            (c.update_user_security_profiles, dict(SecurityProfileIds=[self.sec["Agent"]])),
            (c.update_user_routing_profile, dict(RoutingProfileId=self.routing)),
            (c.update_user_hierarchy, dict()),
            (c.update_user_phone_config, dict(PhoneConfig={"PhoneType": "SOFT_PHONE"})),
            (c.delete_user, dict()),
        ]:
            with self.subTest(op=op.__name__, user="unknown"):
                with self.assertRaises(ClientError) as err:
                    op(InstanceId=self.inst, UserId=UNKNOWN, **args)
                self.assertEqual(code(err), "ResourceNotFoundException")
        user = c.describe_user(InstanceId=self.inst, UserId=uid)["User"]
        self.assertEqual(user["SecurityProfileIds"], [self.sec["Agent"]], "a refused update changed the user")
        self.assertEqual(user["RoutingProfileId"], self.routing)

    def test_delete_user(self):
        c = self.c
        uid, arn, username = self.new_user(Tags={"doomed": "yes"})
        out = c.delete_user(InstanceId=self.inst, UserId=uid)
        self.assertEqual(out["ResponseMetadata"]["HTTPStatusCode"], 200)
        with self.assertRaises(ClientError) as err:
            c.describe_user(InstanceId=self.inst, UserId=uid)
        self.assertEqual(code(err), "ResourceNotFoundException")
        with self.assertRaises(ClientError) as err:
            c.list_tags_for_resource(resourceArn=arn)
        self.assertEqual(code(err), "ResourceNotFoundException")
        self.assertNotIn(uid, [u["Id"] for u in h.list_users(c, self.inst)])
        self.assertIsNone(self.search(uid, "resourceId", uid))
        again, _, _ = self.new_user(Username=username)
        self.assertNotEqual(again, uid)
        self.assertEqual(c.list_tags_for_resource(resourceArn=h.user_arn(REGION, self.inst, again))["tags"], {})

    def arns(self):
        inst_arn = "arn:aws:connect:%s:%s:instance/%s" % (REGION, h.ACCOUNT, self.inst)
        _, user_arn, _ = self.new_user()
        return {
            "instance": inst_arn,
            "agent": user_arn,
            "security-profile": inst_arn + "/security-profile/" + self.sec["QualityAnalyst"],
            "routing-profile": inst_arn + "/routing-profile/" + self.routing,
            "queue": inst_arn + "/queue/" + self.queue,
            "operating-hours": inst_arn + "/operating-hours/" + self.hours,
        }

    def test_tags_every_resource(self):
        c = self.c
        for kind, arn in self.arns().items():
            with self.subTest(kind=kind):
                self.assertEqual(c.list_tags_for_resource(resourceArn=arn)["tags"], {})
                c.tag_resource(resourceArn=arn, tags={"team": "blue", "cost-center": "42"})
                c.tag_resource(resourceArn=arn, tags={"team": "red"})
                self.assertEqual(c.list_tags_for_resource(resourceArn=arn)["tags"], {"team": "red", "cost-center": "42"})
                c.untag_resource(resourceArn=arn, tagKeys=["cost-center", "never-set"])
                self.assertEqual(c.list_tags_for_resource(resourceArn=arn)["tags"], {"team": "red"})
        arn = self.arns()["agent"]
        uid = arn.rsplit("/", 1)[1]
        c.tag_resource(resourceArn=arn, tags={"visible": "in-describe"})
        self.assertEqual(c.describe_user(InstanceId=self.inst, UserId=uid)["User"]["Tags"], {"visible": "in-describe"})

    def test_tag_limits(self):
        arn = self.arns()["agent"]
        self.c.tag_resource(resourceArn=arn, tags={"k%02d" % i: "v" for i in range(50)})
        with self.assertRaises(ClientError) as err:
            self.c.tag_resource(resourceArn=arn, tags={"k50": "v"})
        self.assertEqual(code(err), "InvalidParameterException")
        self.assertIn("at most 50 tags", err.exception.response["Error"]["Message"])
        self.assertEqual(len(self.c.list_tags_for_resource(resourceArn=arn)["tags"]), 50)
        for tags in ({"aws:createdBy": "x"}, {"k" * 129: "x"}, {"k": "v" * 257}, {}):
            with self.subTest(tags=list(tags)[:1]):
                with self.assertRaises(ClientError) as err:
                    self.raw.tag_resource(resourceArn=arn, tags=tags)
                self.assertEqual(code(err), "InvalidParameterException")
        with self.assertRaises(ClientError) as err:
            self.raw.untag_resource(resourceArn=arn, tagKeys=["aws:createdBy"])
        self.assertEqual(code(err), "InvalidParameterException")

    def test_arn_errors(self):
        inst_arn = "arn:aws:connect:%s:%s:instance/%s" % (REGION, h.ACCOUNT, self.inst)
        cases = [
            ("not-an-arn", "InvalidParameterException"),
            (inst_arn.replace(":connect:", ":sqs:"), "InvalidParameterException"),
            (inst_arn + "/contact-flow/" + UNKNOWN, "InvalidParameterException"),
            (inst_arn + "/agent/" + UNKNOWN, "ResourceNotFoundException"),
            (inst_arn + "/queue/" + UNKNOWN, "ResourceNotFoundException"),
            (inst_arn.replace(REGION, "eu-west-3"), "ResourceNotFoundException"),
            (inst_arn.replace(h.ACCOUNT, "999999999999"), "ResourceNotFoundException"),
        ]
        for arn, want in cases:
            with self.subTest(arn=arn):
                with self.assertRaises(ClientError) as err:
                    self.c.list_tags_for_resource(resourceArn=arn)
                self.assertEqual(code(err), want)
                with self.assertRaises(ClientError) as err:
                    self.c.tag_resource(resourceArn=arn, tags={"k": "v"})
                self.assertEqual(code(err), want)


if __name__ == "__main__":
    unittest.main()
