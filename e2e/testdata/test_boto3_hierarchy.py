"""boto3: the agent hierarchy, instance attributes and CreateInstance's
ClientToken, end to end.

Covers UpdateUserHierarchyStructure, DescribeUserHierarchyStructure,
CreateUserHierarchyGroup, DescribeUserHierarchyGroup,
ListUserHierarchyGroups (through boto3's paginator),
UpdateUserHierarchyGroupName, DeleteUserHierarchyGroup,
UpdateInstanceAttribute, DescribeInstanceAttribute, ListInstanceAttributes
and an idempotent CreateInstance, with their errors. Run by
e2e/hierarchy_boto3_test.go; needs CONNECTLITE_ENDPOINT.
"""

import datetime
import re
import unittest

import e2ehelpers as h

REGION = "eu-west-3"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
UNKNOWN = "00000000-0000-4000-8000-000000000000"
LEVELS = ["LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"]


def arn(instance_id, kind, rid):
    return "arn:aws:connect:%s:%s:instance/%s/%s/%s" % (REGION, h.ACCOUNT, instance_id, kind, rid)


def structure(*names):
    return {LEVELS[i]: {"Name": n} for i, n in enumerate(names) if n is not None}


class Hierarchy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = h.client(REGION)
        cls.raw = h.client(REGION, validate=False)

    def setUp(self):
        self.inst = h.new_instance(self.c)

    def assertError(self, code, fn, **kw):
        with self.assertRaises(self.c.exceptions.ClientError) as cm:
            fn(**kw)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception)
        return cm.exception.response

    def levels(self):
        hs = self.c.describe_user_hierarchy_structure(InstanceId=self.inst)["HierarchyStructure"]
        return [hs[k] for k in LEVELS if k in hs]

    def set_structure(self, *names):
        self.c.update_user_hierarchy_structure(InstanceId=self.inst, HierarchyStructure=structure(*names))

    def group(self, name, parent=None, **kw):
        req = dict(InstanceId=self.inst, Name=name, **kw)
        if parent:
            req["ParentGroupId"] = parent
        out = self.c.create_user_hierarchy_group(**req)
        self.assertRegex(out["HierarchyGroupId"], UUID)
        self.assertEqual(out["HierarchyGroupArn"], arn(self.inst, "agent-group", out["HierarchyGroupId"]))
        return out["HierarchyGroupId"]

    def all_groups(self, **kw):
        out = []
        for page in self.c.get_paginator("list_user_hierarchy_groups").paginate(InstanceId=self.inst, **kw):
            out.extend(page["UserHierarchyGroupSummaryList"])
        return out

    # ---- structure -----------------------------------------------------------

    def test_structure_add_rename_remove(self):
        self.assertEqual(self.levels(), [])
        self.set_structure("Company", "Division")
        first = self.levels()
        self.assertEqual([l["Name"] for l in first], ["Company", "Division"])
        for i, l in enumerate(first):
            self.assertRegex(l["Id"], UUID)
            self.assertEqual(l["Arn"], arn(self.inst, "agent-group-level", str(i + 1)))
            self.assertIsInstance(l["LastModifiedTime"], datetime.datetime)
            self.assertEqual(l["LastModifiedRegion"], REGION)
        self.set_structure("Company", "Region", "Team")
        second = self.levels()
        self.assertEqual([l["Id"] for l in second[:2]], [l["Id"] for l in first])
        self.assertEqual([l["Name"] for l in second], ["Company", "Region", "Team"])
        self.c.update_user_hierarchy_structure(InstanceId=self.inst, HierarchyStructure={})
        self.assertEqual(self.levels(), [])

    def test_structure_errors(self):
        self.assertError("InvalidRequestException", self.c.update_user_hierarchy_structure,
                         InstanceId=self.inst, HierarchyStructure=structure("A", None, "C"))
        self.assertError("InvalidParameterException", self.c.update_user_hierarchy_structure,
                         InstanceId=self.inst, HierarchyStructure=structure("x" * 51))
        self.assertError("InvalidParameterException", self.raw.update_user_hierarchy_structure,
                         InstanceId=self.inst, HierarchyStructure={"LevelOne": {}})
        self.assertError("ResourceNotFoundException", self.c.update_user_hierarchy_structure,
                         InstanceId=UNKNOWN, HierarchyStructure=structure("A"))
        self.assertError("ResourceNotFoundException", self.c.describe_user_hierarchy_structure, InstanceId=UNKNOWN)
        self.assertEqual(self.levels(), [])

    # ---- groups ----------------------------------------------------------------

    def test_groups_path_list_rename_delete(self):
        self.assertError("InvalidRequestException", self.c.create_user_hierarchy_group, InstanceId=self.inst, Name="early")
        self.set_structure("Region", "Country")
        emea = self.group("EMEA", Tags={"team": "emea"})
        france = self.group("France", emea)
        spain = self.group("Spain", emea)

        g = self.c.describe_user_hierarchy_group(InstanceId=self.inst, HierarchyGroupId=france)["HierarchyGroup"]
        self.assertEqual(g["Name"], "France")
        self.assertEqual(g["LevelId"], "2")
        self.assertEqual(g["Arn"], arn(self.inst, "agent-group", france))
        self.assertEqual(g["HierarchyPath"]["LevelOne"]["Id"], emea)
        self.assertEqual(g["HierarchyPath"]["LevelOne"]["Name"], "EMEA")
        self.assertEqual(g["HierarchyPath"]["LevelTwo"]["Id"], france)
        self.assertNotIn("LevelThree", g["HierarchyPath"])
        self.assertEqual(g["LastModifiedRegion"], REGION)
        top = self.c.describe_user_hierarchy_group(InstanceId=self.inst, HierarchyGroupId=emea)["HierarchyGroup"]
        self.assertEqual(top["Tags"], {"team": "emea"})
        self.assertEqual(top["LevelId"], "1")

        listed = self.all_groups(PaginationConfig={"PageSize": 1})
        self.assertEqual(sorted(x["Id"] for x in listed), sorted([emea, france, spain]))
        self.assertEqual({x["Id"]: x["Name"] for x in listed}, {emea: "EMEA", france: "France", spain: "Spain"})

        self.c.update_user_hierarchy_group_name(InstanceId=self.inst, HierarchyGroupId=spain, Name="Espana")
        g = self.c.describe_user_hierarchy_group(InstanceId=self.inst, HierarchyGroupId=spain)["HierarchyGroup"]
        self.assertEqual(g["Name"], "Espana")
        self.assertError("DuplicateResourceException", self.c.update_user_hierarchy_group_name,
                         InstanceId=self.inst, HierarchyGroupId=spain, Name="france")

        resp = self.assertError("ResourceInUseException", self.c.delete_user_hierarchy_group,
                                InstanceId=self.inst, HierarchyGroupId=emea)
        self.assertEqual(resp["ResourceType"], "HIERARCHY_GROUP")
        self.assertIn(resp["ResourceId"], [arn(self.inst, "agent-group", france), arn(self.inst, "agent-group", spain)])
        resp = self.assertError("ResourceInUseException", self.c.update_user_hierarchy_structure,
                                InstanceId=self.inst, HierarchyStructure=structure("Region"))
        self.assertEqual(resp["ResourceType"], "HIERARCHY_GROUP")
        for gid in (france, spain, emea):
            self.c.delete_user_hierarchy_group(InstanceId=self.inst, HierarchyGroupId=gid)
            self.assertError("ResourceNotFoundException", self.c.describe_user_hierarchy_group,
                             InstanceId=self.inst, HierarchyGroupId=gid)
        self.assertEqual(self.all_groups(), [])
        self.set_structure("Region")

    def test_group_errors(self):
        self.set_structure("Region")
        top = self.group("Top")
        self.assertError("InvalidRequestException", self.c.create_user_hierarchy_group,
                         InstanceId=self.inst, Name="Below", ParentGroupId=top)
        self.assertError("DuplicateResourceException", self.c.create_user_hierarchy_group, InstanceId=self.inst, Name="TOP")
        self.assertError("InvalidParameterException", self.c.create_user_hierarchy_group,
                         InstanceId=self.inst, Name="Orphan", ParentGroupId=UNKNOWN)
        self.assertError("InvalidParameterException", self.c.create_user_hierarchy_group, InstanceId=self.inst, Name="n" * 101)
        self.assertError("InvalidParameterException", self.raw.create_user_hierarchy_group, InstanceId=self.inst)
        self.assertError("ResourceNotFoundException", self.c.create_user_hierarchy_group, InstanceId=UNKNOWN, Name="x")
        self.assertError("ResourceNotFoundException", self.c.describe_user_hierarchy_group,
                         InstanceId=self.inst, HierarchyGroupId=UNKNOWN)
        self.assertError("ResourceNotFoundException", self.c.update_user_hierarchy_group_name,
                         InstanceId=self.inst, HierarchyGroupId=UNKNOWN, Name="x")
        self.assertError("ResourceNotFoundException", self.c.delete_user_hierarchy_group,
                         InstanceId=self.inst, HierarchyGroupId=UNKNOWN)
        self.assertError("ResourceNotFoundException", self.c.list_user_hierarchy_groups, InstanceId=UNKNOWN)
        self.assertEqual([g["Name"] for g in self.all_groups()], ["Top"])

    def test_group_with_user_is_in_use(self):
        self.set_structure("Region")
        gid = self.group("Agents")
        sec, routing = h.profiles(self.c, self.inst)
        uid = self.c.create_user(
            InstanceId=self.inst, Username=h.uname(12), Password="Passw0rdPy",
            IdentityInfo={"FirstName": "Ana", "LastName": "Lima"}, PhoneConfig={"PhoneType": "SOFT_PHONE"},
            SecurityProfileIds=[sec["Agent"]], RoutingProfileId=routing, HierarchyGroupId=gid,
        )["UserId"]
        resp = self.assertError("ResourceInUseException", self.c.delete_user_hierarchy_group,
                                InstanceId=self.inst, HierarchyGroupId=gid)
        self.assertEqual(resp["ResourceType"], "USER")
        self.assertEqual(resp["ResourceId"], h.user_arn(REGION, self.inst, uid))
        self.c.delete_user(InstanceId=self.inst, UserId=uid)
        self.c.delete_user_hierarchy_group(InstanceId=self.inst, HierarchyGroupId=gid)

    # ---- instance attributes -----------------------------------------------------

    def test_instance_attributes(self):
        pages = list(self.c.get_paginator("list_instance_attributes").paginate(InstanceId=self.inst))
        self.assertEqual([len(p["Attributes"]) for p in pages], [7, 6])
        attrs = {a["AttributeType"]: a["Value"] for p in pages for a in p["Attributes"]}
        self.assertEqual(attrs["INBOUND_CALLS"], "true")
        self.assertEqual(attrs["OUTBOUND_CALLS"], "true")
        self.assertEqual(attrs["CONTACT_LENS"], "true")
        self.assertEqual(attrs["AUTO_RESOLVE_BEST_VOICES"], "true")
        self.assertEqual(attrs["EARLY_MEDIA"], "true")
        self.assertEqual(attrs["CONTACTFLOW_LOGS"], "false")
        self.assertEqual(attrs["MULTI_PARTY_CONFERENCE"], "false")
        self.assertEqual(attrs["USE_CUSTOM_TTS_VOICES"], "false")

        self.c.update_instance_attribute(InstanceId=self.inst, AttributeType="CONTACTFLOW_LOGS", Value="true")
        self.c.update_instance_attribute(InstanceId=self.inst, AttributeType="OUTBOUND_CALLS", Value="false")
        got = self.c.describe_instance_attribute(InstanceId=self.inst, AttributeType="CONTACTFLOW_LOGS")["Attribute"]
        self.assertEqual(got, {"AttributeType": "CONTACTFLOW_LOGS", "Value": "true"})
        inst = self.c.describe_instance(InstanceId=self.inst)["Instance"]
        self.assertFalse(inst["OutboundCallsEnabled"])
        self.assertTrue(inst["InboundCallsEnabled"])

        self.assertError("InvalidParameterException", self.c.update_instance_attribute,
                         InstanceId=self.inst, AttributeType="EARLY_MEDIA", Value="maybe")
        self.assertError("InvalidParameterException", self.raw.describe_instance_attribute,
                         InstanceId=self.inst, AttributeType="NOT_AN_ATTRIBUTE")
        self.assertError("ResourceNotFoundException", self.c.describe_instance_attribute,
                         InstanceId=UNKNOWN, AttributeType="EARLY_MEDIA")
        self.assertError("ResourceNotFoundException", self.c.list_instance_attributes, InstanceId=UNKNOWN)

    # ---- CreateInstance ClientToken ----------------------------------------------

    def test_create_instance_client_token(self):
        token = h.unique("tok-", 16)
        alias = h.unique("py")
        req = dict(ClientToken=token, IdentityManagementType="CONNECT_MANAGED", InstanceAlias=alias,
                   InboundCallsEnabled=True, OutboundCallsEnabled=False)
        first = self.c.create_instance(**req)
        again = self.c.create_instance(**req)
        self.assertEqual(again["Id"], first["Id"])
        self.assertEqual(again["Arn"], first["Arn"])
        other = dict(req, InstanceAlias=h.unique("py"))
        self.assertError("InvalidRequestException", self.c.create_instance, **other)
        self.c.delete_instance(InstanceId=first["Id"])
        self.assertError("ResourceNotFoundException", self.c.describe_instance, InstanceId=first["Id"])


if __name__ == "__main__":
    unittest.main()
