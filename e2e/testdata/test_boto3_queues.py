"""boto3: queues and hours of operation, end to end.

Covers every queue and hours of operation operation connectlite serves, the
reference errors, the in-use deletes and pagination through boto3's
paginators. Run by e2e/queues_boto3_test.go; needs CONNECTLITE_ENDPOINT.
"""

import datetime
import re
import unittest

import e2ehelpers as h

REGION = "ca-central-1"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]


def day(d, sh, sm, eh, em):
    return {"Day": d, "StartTime": {"Hours": sh, "Minutes": sm}, "EndTime": {"Hours": eh, "Minutes": em}}


def arn(instance_id, kind, rid):
    return "arn:aws:connect:%s:%s:instance/%s/%s/%s" % (REGION, h.ACCOUNT, instance_id, kind, rid)


class QueuesAndHours(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = h.client(REGION)
        cls.raw = h.client(REGION, validate=False)
        cls.inst = h.new_instance(cls.c)
        hours = cls.all_hours()
        queues = cls.all_queues()
        assert [x["Name"] for x in hours] == ["Basic Hours"], hours
        assert [x["Name"] for x in queues] == ["BasicQueue"], queues
        cls.basic_hours = hours[0]["Id"]
        cls.basic_queue = queues[0]["Id"]

    @classmethod
    def all_hours(cls, **kw):
        out = []
        for page in cls.c.get_paginator("list_hours_of_operations").paginate(InstanceId=cls.inst, **kw):
            out.extend(page["HoursOfOperationSummaryList"])
        return out

    @classmethod
    def all_queues(cls, **kw):
        out = []
        for page in cls.c.get_paginator("list_queues").paginate(InstanceId=cls.inst, **kw):
            out.extend(page["QueueSummaryList"])
        return out

    def assertError(self, code, fn, **kw):
        with self.assertRaises(self.c.exceptions.ClientError) as cm:
            fn(**kw)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception)
        return cm.exception.response

    def new_hours(self, name, **kw):
        req = dict(InstanceId=self.inst, Name=name, TimeZone="UTC", Config=[day("MONDAY", 9, 0, 17, 0)])
        req.update(kw)
        return self.c.create_hours_of_operation(**req)["HoursOfOperationId"]

    def new_queue(self, name, hours=None, **kw):
        req = dict(InstanceId=self.inst, Name=name, HoursOfOperationId=hours or self.basic_hours)
        req.update(kw)
        return self.c.create_queue(**req)["QueueId"]

    # ---- hours of operation ------------------------------------------------

    def test_basic_hours_are_open_all_week(self):
        hoo = self.c.describe_hours_of_operation(InstanceId=self.inst, HoursOfOperationId=self.basic_hours)["HoursOfOperation"]
        self.assertEqual(hoo["Name"], "Basic Hours")
        self.assertEqual(hoo["HoursOfOperationArn"], arn(self.inst, "operating-hours", self.basic_hours))
        self.assertEqual(sorted(c["Day"] for c in hoo["Config"]), sorted(DAYS))
        for c in hoo["Config"]:
            self.assertEqual(c["StartTime"], {"Hours": 0, "Minutes": 0})
            self.assertEqual(c["EndTime"], {"Hours": 0, "Minutes": 0})

    def test_hours_round_trip_and_update(self):
        req = dict(
            InstanceId=self.inst,
            Name=h.unique("Support "),
            Description="Weekdays and a late Friday",
            TimeZone="Europe/Berlin",
            Config=[day("MONDAY", 9, 0, 17, 30), day("FRIDAY", 18, 0, 1, 0), day("FRIDAY", 7, 5, 12, 0)],
            Tags={"team": "support", "cost-center": "7"},
        )
        out = self.c.create_hours_of_operation(**req)
        hid = out["HoursOfOperationId"]
        self.assertRegex(hid, UUID)
        self.assertEqual(out["HoursOfOperationArn"], arn(self.inst, "operating-hours", hid))
        got = self.c.describe_hours_of_operation(InstanceId=self.inst, HoursOfOperationId=hid)["HoursOfOperation"]
        for k in ("Name", "Description", "TimeZone", "Tags"):
            self.assertEqual(got[k], req[k], k)
        self.assertCountEqual(got["Config"], req["Config"])
        self.assertEqual(got["LastModifiedRegion"], REGION)
        self.assertIsInstance(got["LastModifiedTime"], datetime.datetime)

        # Members left out stay; an empty Description clears it.
        self.c.update_hours_of_operation(InstanceId=self.inst, HoursOfOperationId=hid, TimeZone="Pacific/Auckland")
        got = self.c.describe_hours_of_operation(InstanceId=self.inst, HoursOfOperationId=hid)["HoursOfOperation"]
        self.assertEqual(got["TimeZone"], "Pacific/Auckland")
        self.assertEqual(got["Name"], req["Name"])
        self.assertCountEqual(got["Config"], req["Config"])
        self.c.update_hours_of_operation(
            InstanceId=self.inst, HoursOfOperationId=hid, Name=req["Name"] + " v2", Description="", Config=[day("SUNDAY", 0, 0, 0, 0)]
        )
        got = self.c.describe_hours_of_operation(InstanceId=self.inst, HoursOfOperationId=hid)["HoursOfOperation"]
        self.assertEqual(got["Name"], req["Name"] + " v2")
        self.assertNotIn("Description", got)
        self.assertEqual(got["Config"], [day("SUNDAY", 0, 0, 0, 0)])
        self.assertEqual(got["Tags"], req["Tags"])

    def test_hours_errors(self):
        taken = self.new_hours(h.unique("Taken "))
        name = self.c.describe_hours_of_operation(InstanceId=self.inst, HoursOfOperationId=taken)["HoursOfOperation"]["Name"]
        other = self.new_hours(h.unique("Other "))
        cases = [
            ("DuplicateResourceException", self.c.create_hours_of_operation,
             dict(InstanceId=self.inst, Name=name, TimeZone="UTC", Config=[])),
            ("DuplicateResourceException", self.c.update_hours_of_operation,
             dict(InstanceId=self.inst, HoursOfOperationId=other, Name=name)),
            ("InvalidParameterException", self.c.create_hours_of_operation,
             dict(InstanceId=self.inst, Name=h.unique("tz "), TimeZone="Moon/Tranquility", Config=[])),
            ("InvalidParameterException", self.raw.create_hours_of_operation,
             dict(InstanceId=self.inst, Name=h.unique("h "), TimeZone="UTC", Config=[day("MONDAY", 25, 0, 1, 0)])),
            ("InvalidParameterException", self.raw.create_hours_of_operation,
             dict(InstanceId=self.inst, Name=h.unique("d "), TimeZone="UTC", Config=[day("Monday", 1, 0, 2, 0)])),
            ("ResourceNotFoundException", self.c.describe_hours_of_operation,
             dict(InstanceId=self.inst, HoursOfOperationId=self.basic_queue)),
            ("ResourceNotFoundException", self.c.update_hours_of_operation,
             dict(InstanceId=self.inst, HoursOfOperationId=self.basic_queue, Name="x")),
            ("ResourceNotFoundException", self.c.delete_hours_of_operation,
             dict(InstanceId=self.inst, HoursOfOperationId=self.basic_queue)),
            ("ResourceNotFoundException", self.c.list_hours_of_operations,
             dict(InstanceId="00000000-0000-4000-8000-000000000000")),
        ]
        for code, fn, kw in cases:
            with self.subTest(code=code, kw=kw):
                self.assertError(code, fn, **kw)

    def test_hours_pagination_lists_every_id_once(self):
        made = {self.new_hours(h.unique("Page ")) for _ in range(5)}
        ids = []
        pages = 0
        for page in self.c.get_paginator("list_hours_of_operations").paginate(
            InstanceId=self.inst, PaginationConfig={"PageSize": 2}
        ):
            pages += 1
            self.assertLessEqual(len(page["HoursOfOperationSummaryList"]), 2)
            for s in page["HoursOfOperationSummaryList"]:
                self.assertEqual(s["Arn"], arn(self.inst, "operating-hours", s["Id"]))
                ids.append(s["Id"])
        self.assertEqual(len(ids), len(set(ids)), "an id was listed twice")
        self.assertTrue(made <= set(ids) and self.basic_hours in ids)
        self.assertGreaterEqual(pages, 4)
        self.assertError("InvalidParameterException", self.c.list_hours_of_operations, InstanceId=self.inst, NextToken="forged")

    def test_delete_hours_in_use(self):
        hid = self.new_hours(h.unique("Used "))
        qid = self.new_queue(h.unique("User of hours "), hours=hid)
        resp = self.assertError("ResourceInUseException", self.c.delete_hours_of_operation, InstanceId=self.inst, HoursOfOperationId=hid)
        self.assertEqual(resp["ResponseMetadata"]["HTTPStatusCode"], 409)
        self.assertEqual(resp.get("ResourceId"), arn(self.inst, "queue", qid))
        self.assertError("ResourceInUseException", self.c.delete_hours_of_operation, InstanceId=self.inst, HoursOfOperationId=self.basic_hours)
        self.c.update_queue_hours_of_operation(InstanceId=self.inst, QueueId=qid, HoursOfOperationId=self.basic_hours)
        self.c.delete_hours_of_operation(InstanceId=self.inst, HoursOfOperationId=hid)
        self.assertError("ResourceNotFoundException", self.c.describe_hours_of_operation, InstanceId=self.inst, HoursOfOperationId=hid)

    # ---- queues ------------------------------------------------------------

    def describe_queue(self, qid):
        return self.c.describe_queue(InstanceId=self.inst, QueueId=qid)["Queue"]

    def test_basic_queue(self):
        q = self.describe_queue(self.basic_queue)
        self.assertEqual((q["Name"], q["Status"], q["HoursOfOperationId"]), ("BasicQueue", "ENABLED", self.basic_hours))
        self.assertEqual(q["QueueArn"], arn(self.inst, "queue", self.basic_queue))
        self.assertNotIn("OutboundCallerConfig", q)

    def test_queue_round_trip_and_every_update(self):
        night = self.new_hours(h.unique("Night "))
        req = dict(
            InstanceId=self.inst,
            Name=h.unique("Sales "),
            Description="Sales calls",
            HoursOfOperationId=self.basic_hours,
            MaxContacts=20,
            OutboundCallerConfig={
                "OutboundCallerIdName": "Example Corp",
                "OutboundCallerIdNumberId": "c1b2c3d4-0000-4000-8000-000000000001",
                "OutboundFlowId": "c1b2c3d4-0000-4000-8000-000000000002",
            },
            OutboundEmailConfig={"OutboundEmailAddressId": "c1b2c3d4-0000-4000-8000-000000000003"},
            Tags={"team": "sales"},
        )
        out = self.c.create_queue(**req)
        qid = out["QueueId"]
        self.assertRegex(qid, UUID)
        self.assertEqual(out["QueueArn"], arn(self.inst, "queue", qid))
        q = self.describe_queue(qid)
        for k in ("Name", "Description", "HoursOfOperationId", "MaxContacts", "OutboundCallerConfig", "OutboundEmailConfig", "Tags"):
            self.assertEqual(q[k], req[k], k)
        self.assertEqual((q["Status"], q["LastModifiedRegion"]), ("ENABLED", REGION))

        steps = [
            (self.c.update_queue_name, dict(Name=req["Name"] + " v2"), {"Name": req["Name"] + " v2"}),
            (self.c.update_queue_name, dict(Description="Inbound sales"), {"Description": "Inbound sales"}),
            (self.c.update_queue_hours_of_operation, dict(HoursOfOperationId=night), {"HoursOfOperationId": night}),
            (self.c.update_queue_max_contacts, dict(MaxContacts=3), {"MaxContacts": 3}),
            (self.c.update_queue_max_contacts, dict(), {"MaxContacts": 0}),
            (self.c.update_queue_status, dict(Status="DISABLED"), {"Status": "DISABLED"}),
            (self.c.update_queue_outbound_caller_config, dict(OutboundCallerConfig={"OutboundFlowId": "flow-9"}),
             {"OutboundCallerConfig": {"OutboundFlowId": "flow-9"}}),
            (self.c.update_queue_outbound_email_config, dict(OutboundEmailConfig={"OutboundEmailAddressId": "email-9"}),
             {"OutboundEmailConfig": {"OutboundEmailAddressId": "email-9"}}),
        ]
        want = q
        for fn, kw, change in steps:
            with self.subTest(op=fn.__name__, kw=kw):
                r = fn(InstanceId=self.inst, QueueId=qid, **kw)
                self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
                want = dict(want, **change)
                got = self.describe_queue(qid)
                self.assertGreaterEqual(got["LastModifiedTime"], want["LastModifiedTime"])
                want["LastModifiedTime"] = got["LastModifiedTime"]
                self.assertEqual(got, want)

    def test_queue_errors(self):
        qid = self.new_queue(h.unique("Errors "))
        name = self.describe_queue(qid)["Name"]
        cases = [
            ("InvalidParameterException", self.c.create_queue,
             dict(InstanceId=self.inst, Name=h.unique("x "), HoursOfOperationId=self.basic_queue)),
            ("InvalidParameterException", self.c.update_queue_hours_of_operation,
             dict(InstanceId=self.inst, QueueId=qid, HoursOfOperationId="00000000-0000-4000-8000-000000000000")),
            ("InvalidParameterException", self.c.create_queue,
             dict(InstanceId=self.inst, Name=h.unique("qc "), HoursOfOperationId=self.basic_hours, QuickConnectIds=["qc-1"])),
            ("InvalidParameterException", self.raw.update_queue_status, dict(InstanceId=self.inst, QueueId=qid, Status="PAUSED")),
            ("InvalidParameterException", self.raw.update_queue_max_contacts, dict(InstanceId=self.inst, QueueId=qid, MaxContacts=-2)),
            ("InvalidParameterException", self.c.list_queues, dict(InstanceId=self.inst, QueueTypes=["STANDARD"], NextToken="forged")),
            ("DuplicateResourceException", self.c.create_queue,
             dict(InstanceId=self.inst, Name=name, HoursOfOperationId=self.basic_hours)),
            ("DuplicateResourceException", self.c.update_queue_name, dict(InstanceId=self.inst, QueueId=qid, Name="BasicQueue")),
            ("ResourceNotFoundException", self.c.describe_queue, dict(InstanceId=self.inst, QueueId=self.basic_hours)),
            ("ResourceNotFoundException", self.c.update_queue_status,
             dict(InstanceId=self.inst, QueueId=self.basic_hours, Status="ENABLED")),
            ("ResourceNotFoundException", self.c.delete_queue, dict(InstanceId=self.inst, QueueId=self.basic_hours)),
            ("ResourceNotFoundException", self.c.list_queue_quick_connects, dict(InstanceId=self.inst, QueueId=self.basic_hours)),
            ("ResourceNotFoundException", self.c.create_queue,
             dict(InstanceId="00000000-0000-4000-8000-000000000000", Name="x", HoursOfOperationId=self.basic_hours)),
        ]
        before = self.describe_queue(qid)
        for code, fn, kw in cases:
            with self.subTest(code=code, op=fn.__name__):
                self.assertError(code, fn, **kw)
        self.assertEqual(self.describe_queue(qid), before)

    def test_queue_pagination_and_types(self):
        made = {self.new_queue(h.unique("Page ")) for _ in range(5)}
        for kw in ({}, {"QueueTypes": ["STANDARD"]}, {"QueueTypes": ["STANDARD", "AGENT"]}):
            with self.subTest(**kw):
                ids = []
                for page in self.c.get_paginator("list_queues").paginate(
                    InstanceId=self.inst, PaginationConfig={"PageSize": 2}, **kw
                ):
                    self.assertLessEqual(len(page["QueueSummaryList"]), 2)
                    for s in page["QueueSummaryList"]:
                        self.assertEqual(s["QueueType"], "STANDARD")
                        self.assertEqual(s["Arn"], arn(self.inst, "queue", s["Id"]))
                        ids.append(s["Id"])
                self.assertEqual(len(ids), len(set(ids)), "an id was listed twice")
                self.assertTrue(made <= set(ids) and self.basic_queue in ids)
        self.assertEqual(self.all_queues(QueueTypes=["AGENT"]), [])
        qc = self.c.list_queue_quick_connects(InstanceId=self.inst, QueueId=self.basic_queue)
        self.assertEqual(qc["QuickConnectSummaryList"], [])

    def test_delete_queue_in_use(self):
        _, routing = h.profiles(self.c, self.inst)
        resp = self.assertError("ResourceInUseException", self.c.delete_queue, InstanceId=self.inst, QueueId=self.basic_queue)
        self.assertEqual(resp["ResponseMetadata"]["HTTPStatusCode"], 409)
        self.assertEqual(resp.get("ResourceId"), arn(self.inst, "routing-profile", routing))
        qid = self.new_queue(h.unique("Doomed "))
        self.c.delete_queue(InstanceId=self.inst, QueueId=qid)
        self.assertError("ResourceNotFoundException", self.c.describe_queue, InstanceId=self.inst, QueueId=qid)
        self.assertNotIn(qid, [q["Id"] for q in self.all_queues()])


if __name__ == "__main__":
    unittest.main()
