"""boto3: security profiles and routing profiles, end to end.

Covers every security profile and routing profile operation connectlite
serves, the reference errors, the in-use deletes and pagination through
boto3's paginators. Run by e2e/profiles_boto3_test.go; needs
CONNECTLITE_ENDPOINT.
"""

import datetime
import re
import unittest

import e2ehelpers as h

REGION = "eu-central-1"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def arn(instance_id, kind, rid):
    return "arn:aws:connect:%s:%s:instance/%s/%s/%s" % (REGION, h.ACCOUNT, instance_id, kind, rid)


def qc(queue, channel, priority=1, delay=0):
    return {"QueueReference": {"QueueId": queue, "Channel": channel}, "Priority": priority, "Delay": delay}


class Profiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = h.client(REGION)
        cls.raw = h.client(REGION, validate=False)
        cls.inst = h.new_instance(cls.c)
        cls.sec, cls.basic_rp = h.profiles(cls.c, cls.inst)
        hours = cls.c.list_hours_of_operations(InstanceId=cls.inst)["HoursOfOperationSummaryList"]
        queues = cls.c.list_queues(InstanceId=cls.inst)["QueueSummaryList"]
        assert [q["Name"] for q in queues] == ["BasicQueue"], queues
        cls.basic_queue = queues[0]["Id"]
        cls.queues = []
        cls.names = {cls.basic_queue: "BasicQueue"}
        for i in range(6):
            q = cls.c.create_queue(InstanceId=cls.inst, Name="Py queue %d" % i, HoursOfOperationId=hours[0]["Id"])
            cls.queues.append(q["QueueId"])
            cls.names[q["QueueId"]] = "Py queue %d" % i

    def assertError(self, code, fn, **kw):
        with self.assertRaises(self.c.exceptions.ClientError) as cm:
            fn(**kw)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception)
        return cm.exception.response

    def user_request(self, sec_ids, routing):
        return dict(InstanceId=self.inst, Username=h.uname(12, "pu"), Password="Passw0rdPy1",
                    IdentityInfo={"FirstName": "Py", "LastName": "User"}, PhoneConfig={"PhoneType": "SOFT_PHONE"},
                    SecurityProfileIds=sec_ids, RoutingProfileId=routing)

    def permissions(self, sp_id, page_size):
        out, pages = [], 0
        paginator = self.c.get_paginator("list_security_profile_permissions")
        for page in paginator.paginate(InstanceId=self.inst, SecurityProfileId=sp_id, PaginationConfig={"PageSize": page_size}):
            self.assertLessEqual(len(page["Permissions"]), page_size)
            out.extend(page["Permissions"])
            pages += 1
        self.assertEqual(len(out), len(set(out)), "a permission is listed twice: %s" % out)
        return out, pages

    def routing_queues(self, rp_id, page_size):
        out = []
        paginator = self.c.get_paginator("list_routing_profile_queues")
        for page in paginator.paginate(InstanceId=self.inst, RoutingProfileId=rp_id, PaginationConfig={"PageSize": page_size}):
            rows = page["RoutingProfileQueueConfigSummaryList"]
            self.assertLessEqual(len(rows), page_size)
            for q in rows:
                self.assertEqual(q["QueueArn"], arn(self.inst, "queue", q["QueueId"]))
                self.assertEqual(q["QueueName"], self.names[q["QueueId"]])
                out.append((q["QueueId"], q["Channel"], q["Priority"], q["Delay"]))
        self.assertEqual(len(out), len({(q, ch) for q, ch, _, _ in out}), "a queue config is listed twice: %s" % out)
        return sorted(out)

    # Security profiles.

    def test_default_security_profiles_have_permissions(self):
        agent, _ = self.permissions(self.sec["Agent"], 100)
        self.assertIn("BasicAgentAccess", agent)
        self.assertIn("OutboundCallAccess", agent)
        admin, pages = self.permissions(self.sec["Admin"], 10)
        self.assertGreater(len(admin), 50)
        self.assertEqual(pages, (len(admin) + 9) // 10)

    def test_security_profile_lifecycle(self):
        perms = ["Users.View", "BasicAgentAccess", "Queues.View"]
        out = self.c.create_security_profile(
            InstanceId=self.inst, SecurityProfileName="Py Supervisor", Description="py", Permissions=perms,
            Tags={"team": "py"}, AllowedAccessControlTags={"Dept": "Support"}, TagRestrictedResources=["User"],
            HierarchyRestrictedResources=["User"],
            Applications=[{"Namespace": "crm.example.com", "ApplicationPermissions": ["ACCESS"], "Type": "THIRD_PARTY_APPLICATION"}],
            AllowedFlowModules=[{"Type": "MCP", "FlowModuleId": "mod-1"}],
        )
        sp_id = out["SecurityProfileId"]
        self.assertRegex(sp_id, UUID)
        self.assertEqual(out["SecurityProfileArn"], arn(self.inst, "security-profile", sp_id))

        sp = self.c.describe_security_profile(InstanceId=self.inst, SecurityProfileId=sp_id)["SecurityProfile"]
        self.assertEqual(sp["SecurityProfileName"], "Py Supervisor")
        self.assertEqual(sp["OrganizationResourceId"], self.inst)
        self.assertEqual(sp["Tags"], {"team": "py"})
        self.assertEqual(sp["AllowedAccessControlTags"], {"Dept": "Support"})
        self.assertEqual(sp["TagRestrictedResources"], ["User"])
        self.assertEqual(sp["HierarchyRestrictedResources"], ["User"])
        self.assertEqual(sp["LastModifiedRegion"], REGION)
        self.assertIsInstance(sp["LastModifiedTime"], datetime.datetime)

        names = [p["Name"] for page in self.c.get_paginator("list_security_profiles").paginate(InstanceId=self.inst)
                 for p in page["SecurityProfileSummaryList"]]
        self.assertIn("Py Supervisor", names)

        got, pages = self.permissions(sp_id, 1)
        self.assertEqual(got, sorted(perms))
        self.assertEqual(pages, 3)
        apps = self.c.list_security_profile_applications(InstanceId=self.inst, SecurityProfileId=sp_id)["Applications"]
        self.assertEqual([a["Namespace"] for a in apps], ["crm.example.com"])
        mods = self.c.list_security_profile_flow_modules(InstanceId=self.inst, SecurityProfileId=sp_id)["AllowedFlowModules"]
        self.assertEqual(mods, [{"Type": "MCP", "FlowModuleId": "mod-1"}])

        self.c.update_security_profile(InstanceId=self.inst, SecurityProfileId=sp_id, Permissions=["Users.Edit"],
                                       Description="py updated")
        sp = self.c.describe_security_profile(InstanceId=self.inst, SecurityProfileId=sp_id)["SecurityProfile"]
        self.assertEqual(sp["Description"], "py updated")
        self.assertEqual(sp["AllowedAccessControlTags"], {"Dept": "Support"}, "a member not sent must be kept")
        self.assertEqual(self.permissions(sp_id, 100)[0], ["Users.Edit"])

        # In use by a user, then free.
        user = self.c.create_user(**self.user_request([sp_id], self.basic_rp))
        resp = self.assertError("ResourceInUseException", self.c.delete_security_profile, InstanceId=self.inst, SecurityProfileId=sp_id)
        self.assertEqual(resp["ResponseMetadata"]["HTTPStatusCode"], 409)
        self.assertEqual(resp.get("ResourceType"), "USER")
        self.assertEqual(resp.get("ResourceId"), user["UserId"])
        self.c.update_user_security_profiles(InstanceId=self.inst, UserId=user["UserId"], SecurityProfileIds=[self.sec["Agent"]])
        self.c.delete_security_profile(InstanceId=self.inst, SecurityProfileId=sp_id)
        self.assertError("ResourceNotFoundException", self.c.describe_security_profile, InstanceId=self.inst, SecurityProfileId=sp_id)
        resp = self.assertError("InvalidParameterException", self.c.create_user, **self.user_request([sp_id], self.basic_rp))
        self.assertIn(sp_id, resp["Error"]["Message"])

    def test_security_profile_errors(self):
        self.assertError("DuplicateResourceException", self.c.create_security_profile, InstanceId=self.inst, SecurityProfileName="Admin")
        self.assertError("InvalidParameterException", self.c.create_security_profile, InstanceId=self.inst,
                         SecurityProfileName="grouped", AllowedAccessControlHierarchyGroupId=UNKNOWN)
        self.assertError("InvalidParameterException", self.raw.create_security_profile, InstanceId=self.inst,
                         SecurityProfileName="bad/name")
        self.assertError("ResourceNotFoundException", self.c.create_security_profile, InstanceId=UNKNOWN, SecurityProfileName="x")
        for fn in (self.c.describe_security_profile, self.c.update_security_profile, self.c.delete_security_profile,
                   self.c.list_security_profile_permissions):
            self.assertError("ResourceNotFoundException", fn, InstanceId=self.inst, SecurityProfileId=UNKNOWN)

    # Routing profiles.

    def test_basic_routing_profile(self):
        rp = self.c.describe_routing_profile(InstanceId=self.inst, RoutingProfileId=self.basic_rp)["RoutingProfile"]
        self.assertTrue(rp["IsDefault"])
        self.assertEqual(rp["DefaultOutboundQueueId"], self.basic_queue)
        self.assertEqual(rp["AssociatedQueueIds"], [self.basic_queue])
        for m in rp["MediaConcurrencies"]:
            self.assertEqual(m["CrossChannelBehavior"], {"BehaviorType": "ROUTE_CURRENT_CHANNEL_ONLY"})

    def test_routing_profile_lifecycle(self):
        q = self.queues
        out = self.c.create_routing_profile(
            InstanceId=self.inst, Name="Py Sales", Description="py sales", DefaultOutboundQueueId=q[0],
            MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1},
                                {"Channel": "CHAT", "Concurrency": 4, "CrossChannelBehavior": {"BehaviorType": "ROUTE_ANY_CHANNEL"}}],
            QueueConfigs=[qc(q[0], "VOICE", 1, 0), qc(q[0], "CHAT", 2, 5), qc(q[1], "CHAT", 3, 15)],
            ManualAssignmentQueueConfigs=[{"QueueReference": {"QueueId": q[2], "Channel": "TASK"}}],
            Tags={"dept": "sales"}, AgentAvailabilityTimer="TIME_SINCE_LAST_INBOUND",
        )
        rp_id = out["RoutingProfileId"]
        self.assertRegex(rp_id, UUID)
        self.assertEqual(out["RoutingProfileArn"], arn(self.inst, "routing-profile", rp_id))

        rp = self.c.describe_routing_profile(InstanceId=self.inst, RoutingProfileId=rp_id)["RoutingProfile"]
        self.assertEqual((rp["Name"], rp["Description"], rp["DefaultOutboundQueueId"]), ("Py Sales", "py sales", q[0]))
        self.assertEqual(rp["NumberOfAssociatedQueues"], 2)
        self.assertEqual(sorted(rp["AssociatedQueueIds"]), sorted([q[0], q[1]]))
        self.assertEqual(rp["NumberOfAssociatedManualAssignmentQueues"], 1)
        self.assertEqual(rp["NumberOfAssociatedUsers"], 0)
        self.assertEqual(rp["AgentAvailabilityTimer"], "TIME_SINCE_LAST_INBOUND")
        self.assertFalse(rp["IsDefault"])
        self.assertEqual(rp["Tags"], {"dept": "sales"})
        self.assertEqual(rp["MediaConcurrencies"][1]["CrossChannelBehavior"], {"BehaviorType": "ROUTE_ANY_CHANNEL"})

        self.assertEqual(self.routing_queues(rp_id, 2), sorted([(q[0], "VOICE", 1, 0), (q[0], "CHAT", 2, 5), (q[1], "CHAT", 3, 15)]))
        manual = self.c.list_routing_profile_manual_assignment_queues(InstanceId=self.inst, RoutingProfileId=rp_id)
        self.assertEqual([(m["QueueName"], m["Channel"]) for m in manual["RoutingProfileManualAssignmentQueueConfigSummaryList"]],
                         [("Py queue 2", "TASK")])

        # Every update operation, each visible in Describe or the list.
        self.c.update_routing_profile_name(InstanceId=self.inst, RoutingProfileId=rp_id, Name="Py Sales 2")
        self.c.update_routing_profile_concurrency(InstanceId=self.inst, RoutingProfileId=rp_id,
                                                  MediaConcurrencies=[{"Channel": "TASK", "Concurrency": 10}])
        self.c.update_routing_profile_default_outbound_queue(InstanceId=self.inst, RoutingProfileId=rp_id, DefaultOutboundQueueId=q[3])
        self.c.update_routing_profile_agent_availability_timer(InstanceId=self.inst, RoutingProfileId=rp_id,
                                                               AgentAvailabilityTimer="TIME_SINCE_LAST_ACTIVITY")
        self.c.associate_routing_profile_queues(InstanceId=self.inst, RoutingProfileId=rp_id,
                                                QueueConfigs=[qc(q[4], "EMAIL", 9, 90)])
        self.c.update_routing_profile_queues(InstanceId=self.inst, RoutingProfileId=rp_id, QueueConfigs=[qc(q[1], "CHAT", 7, 70)])
        self.c.disassociate_routing_profile_queues(InstanceId=self.inst, RoutingProfileId=rp_id,
                                                   QueueReferences=[{"QueueId": q[0], "Channel": "VOICE"}],
                                                   ManualAssignmentQueueReferences=[{"QueueId": q[2], "Channel": "TASK"}])
        rp = self.c.describe_routing_profile(InstanceId=self.inst, RoutingProfileId=rp_id)["RoutingProfile"]
        self.assertEqual(rp["Name"], "Py Sales 2")
        self.assertEqual(rp["Description"], "py sales", "UpdateRoutingProfileName without Description keeps it")
        self.assertEqual(rp["MediaConcurrencies"], [{"Channel": "TASK", "Concurrency": 10,
                                                     "CrossChannelBehavior": {"BehaviorType": "ROUTE_CURRENT_CHANNEL_ONLY"}}])
        self.assertEqual(rp["DefaultOutboundQueueId"], q[3])
        self.assertEqual(rp["AgentAvailabilityTimer"], "TIME_SINCE_LAST_ACTIVITY")
        self.assertEqual(rp["NumberOfAssociatedManualAssignmentQueues"], 0)
        self.assertEqual(self.routing_queues(rp_id, 100), sorted([(q[0], "CHAT", 2, 5), (q[1], "CHAT", 7, 70), (q[4], "EMAIL", 9, 90)]))

        # In use by a user, then free.
        user = self.c.create_user(**self.user_request([self.sec["Agent"]], rp_id))
        rp = self.c.describe_routing_profile(InstanceId=self.inst, RoutingProfileId=rp_id)["RoutingProfile"]
        self.assertEqual(rp["NumberOfAssociatedUsers"], 1)
        resp = self.assertError("ResourceInUseException", self.c.delete_routing_profile, InstanceId=self.inst, RoutingProfileId=rp_id)
        self.assertEqual(resp.get("ResourceType"), "USER")
        self.assertEqual(resp.get("ResourceId"), user["UserId"])
        self.c.update_user_routing_profile(InstanceId=self.inst, UserId=user["UserId"], RoutingProfileId=self.basic_rp)
        self.c.delete_routing_profile(InstanceId=self.inst, RoutingProfileId=rp_id)
        self.assertError("ResourceNotFoundException", self.c.describe_routing_profile, InstanceId=self.inst, RoutingProfileId=rp_id)
        resp = self.assertError("InvalidParameterException", self.c.update_user_routing_profile, InstanceId=self.inst,
                                UserId=user["UserId"], RoutingProfileId=rp_id)
        self.assertIn(rp_id, resp["Error"]["Message"])

    def test_routing_profile_queue_pagination(self):
        configs = [qc(qid, ch, i + 1, i) for i, (qid, ch) in enumerate(
            (qid, ch) for qid in self.queues for ch in ("VOICE", "CHAT"))][:10]
        out = self.c.create_routing_profile(
            InstanceId=self.inst, Name="Py Paged", Description="paged", DefaultOutboundQueueId=self.basic_queue,
            MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}], QueueConfigs=configs)
        got = self.routing_queues(out["RoutingProfileId"], 3)
        want = sorted((c["QueueReference"]["QueueId"], c["QueueReference"]["Channel"], c["Priority"], c["Delay"]) for c in configs)
        self.assertEqual(got, want)

    def test_routing_profile_errors(self):
        base = dict(InstanceId=self.inst, Description="d", DefaultOutboundQueueId=self.basic_queue,
                    MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}])
        self.assertError("DuplicateResourceException", self.c.create_routing_profile, Name="Basic Routing Profile", **base)
        bad_queue = dict(base, DefaultOutboundQueueId=UNKNOWN)
        self.assertError("InvalidParameterException", self.c.create_routing_profile, Name=h.unique("rp"), **bad_queue)
        self.assertError("InvalidParameterException", self.c.create_routing_profile, Name=h.unique("rp"),
                         QueueConfigs=[qc(UNKNOWN, "VOICE")], **base)
        self.assertError("InvalidParameterException", self.c.create_routing_profile, Name=h.unique("rp"),
                         **dict(base, MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 2}]))
        self.assertError("InvalidParameterException", self.raw.create_routing_profile, Name=h.unique("rp"),
                         QueueConfigs=[qc(self.basic_queue, "VOICE", 100)], **base)
        self.assertError("ResourceNotFoundException", self.c.create_routing_profile, Name="x",
                         **dict(base, InstanceId=UNKNOWN))
        rp = self.basic_rp
        self.assertError("InvalidParameterException", self.c.associate_routing_profile_queues, InstanceId=self.inst,
                         RoutingProfileId=rp, QueueConfigs=[qc(UNKNOWN, "VOICE")])
        self.assertError("InvalidParameterException", self.c.associate_routing_profile_queues, InstanceId=self.inst,
                         RoutingProfileId=rp, QueueConfigs=[qc(self.basic_queue, "VOICE")])
        self.assertError("InvalidParameterException", self.c.disassociate_routing_profile_queues, InstanceId=self.inst,
                         RoutingProfileId=rp, QueueReferences=[{"QueueId": self.queues[5], "Channel": "VOICE"}])
        self.assertError("InvalidParameterException", self.c.update_routing_profile_default_outbound_queue, InstanceId=self.inst,
                         RoutingProfileId=rp, DefaultOutboundQueueId=UNKNOWN)
        self.assertError("InvalidParameterException", self.c.update_routing_profile_name, InstanceId=self.inst, RoutingProfileId=rp)
        for fn in (self.c.describe_routing_profile, self.c.delete_routing_profile, self.c.list_routing_profile_queues):
            self.assertError("ResourceNotFoundException", fn, InstanceId=self.inst, RoutingProfileId=UNKNOWN)


if __name__ == "__main__":
    unittest.main()
