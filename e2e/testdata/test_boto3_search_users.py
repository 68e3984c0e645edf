"""boto3 SearchUsers: each operator and field, nesting, filters, the
paginator across pages and each error.

Run by e2e/search_users_test.go; needs CONNECTLITE_ENDPOINT.
"""

import unittest

import botocore.exceptions

import e2ehelpers as h

REGION = "ap-south-1"

PEOPLE = [
    # username, first, last, admin, tags
    ("ana.lima", "Ana", "Lima", False, {"team": "blue"}),
    ("Ana.Maria", "ANA", "María", True, {"team": "red", "site": "lis"}),
    ("anabel", "Anabel", "Souza", False, {"team": "blue", "site": "opo"}),
    ("bob", "Bob", "Stone", True, {}),
    ("BOBBY", "Bobby", "stone", False, {"team": "Blue"}),
    ("emile", "Émile", "Zola", False, {"team": "blue"}),
    ("dan01", "Dan", "Ng", False, {"team": "green"}),
    ("dan02", "Dan", "Ng", True, {"team": "green"}),
    ("dan03", "dan", "Nguyen", False, {}),
    ("dan04", "Dana", "Ng", False, {"team": "green", "site": "lis"}),
]


def cond(field, op, value):
    return {"StringCondition": {"FieldName": field, "Value": value, "ComparisonType": op}}


def tag(k, v):
    return {"TagKey": k, "TagValue": v}


class SearchUsers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        c = cls.c = h.client(REGION)
        cls.inst = h.new_instance(c)
        cls.sec, cls.routing = h.profiles(c, cls.inst)
        cls.ids = {}
        for name, first, last, admin, tags in PEOPLE:
            req = dict(
                InstanceId=cls.inst,
                Username=name,
                Password="Passw0rdE2E",
                IdentityInfo={"FirstName": first, "LastName": last, "Email": name.lower() + "@example.com"},
                PhoneConfig={"PhoneType": "SOFT_PHONE", "AfterContactWorkTimeLimit": 20},
                SecurityProfileIds=[cls.sec["Agent"]] + ([cls.sec["Admin"]] if admin else []),
                RoutingProfileId=cls.routing,
            )
            if tags:
                req["Tags"] = tags
            cls.ids[name] = c.create_user(**req)["UserId"]
        # Same names in another instance: never found.
        cls.other = h.new_instance(c)
        osec, orouting = h.profiles(c, cls.other)
        for name, *_ in PEOPLE[:3]:
            c.create_user(
                InstanceId=cls.other, Username=name, Password="Passw0rdE2E",
                IdentityInfo={"FirstName": "x", "LastName": "y", "Email": "x@example.com"},
                PhoneConfig={"PhoneType": "SOFT_PHONE"},
                SecurityProfileIds=[osec["Agent"]], RoutingProfileId=orouting,
            )

    def search(self, page_size=2, **kw):
        """Usernames found through the paginator, each page checked."""
        names, seen, totals = [], set(), set()
        pages = self.c.get_paginator("search_users").paginate(
            InstanceId=self.inst, PaginationConfig={"PageSize": page_size}, **kw)
        for page in pages:
            self.assertLessEqual(len(page["Users"]), page_size)
            totals.add(page["ApproximateTotalCount"])
            for u in page["Users"]:
                self.assertNotIn(u["Id"], seen, "user %s twice" % u["Username"])
                seen.add(u["Id"])
                self.assertEqual(self.ids.get(u["Username"]), u["Id"], "user of another instance")
                names.append(u["Username"])
        self.assertEqual(totals, {len(names)}, "ApproximateTotalCount on every page")
        return sorted(names)

    def test_operators_and_fields(self):
        admin, routing = self.sec["Admin"], self.routing
        cases = [
            (cond("Username", "STARTS_WITH", "ANA"), ["Ana.Maria", "ana.lima", "anabel"]),
            (cond("Username", "EXACT", "Bob"), ["bob"]),
            (cond("Username", "CONTAINS", "bb"), ["BOBBY"]),
            (cond("FirstName", "STARTS_WITH", "dan"), ["dan01", "dan02", "dan03", "dan04"]),
            (cond("FirstName", "EXACT", "DAN"), ["dan01", "dan02", "dan03"]),
            (cond("FirstName", "CONTAINS", "ÉM"), ["emile"]),
            (cond("LastName", "STARTS_WITH", "st"), ["BOBBY", "bob"]),
            (cond("LastName", "EXACT", "ng"), ["dan01", "dan02", "dan04"]),
            (cond("LastName", "CONTAINS", "ou"), ["anabel"]),
            (cond("SecurityProfileId", "EXACT", admin), ["Ana.Maria", "bob", "dan02"]),
            (cond("SecurityProfileId", "STARTS_WITH", admin[:24]), ["Ana.Maria", "bob", "dan02"]),
            (cond("SecurityProfileId", "CONTAINS", admin[9:23]), ["Ana.Maria", "bob", "dan02"]),
            (cond("RoutingProfileId", "EXACT", routing), sorted(self.ids)),
            (cond("RoutingProfileId", "STARTS_WITH", routing[:8]), sorted(self.ids)),
            (cond("RoutingProfileId", "CONTAINS", routing[10:20] + "x"), []),
            (cond("resourceId", "EXACT", self.ids["emile"]), ["emile"]),
            (cond("ResourceId", "STARTS_WITH", self.ids["bob"]), ["bob"]),
            (cond("resourceid", "CONTAINS", self.ids["anabel"][4:30]), ["anabel"]),
        ]
        for criteria, want in cases:
            with self.subTest(criteria=criteria):
                self.assertEqual(self.search(SearchCriteria=criteria), want)

    def test_nesting(self):
        criteria = {"AndConditions": [
            {"OrConditions": [cond("FirstName", "STARTS_WITH", "dan"), cond("LastName", "STARTS_WITH", "st")]},
            {"OrConditions": [cond("SecurityProfileId", "EXACT", self.sec["Admin"]), cond("LastName", "EXACT", "nguyen")]},
        ]}
        self.assertEqual(self.search(SearchCriteria=criteria), ["bob", "dan02", "dan03"])
        deep = {"OrConditions": [
            {"AndConditions": [
                {"OrConditions": [cond("Username", "EXACT", "dan01"), cond("Username", "EXACT", "emile")]},
                cond("LastName", "STARTS_WITH", "n"),
            ]},
            cond("Username", "CONTAINS", "na.m"),
        ]}
        self.assertEqual(self.search(SearchCriteria=deep), ["Ana.Maria", "dan01"])

    def test_filters(self):
        cases = [
            ({"TagFilter": {"TagCondition": tag("team", "blue")}}, ["ana.lima", "anabel", "emile"]),
            ({"TagFilter": {"OrConditions": [[tag("team", "red")], [tag("team", "green"), tag("site", "lis")]]}}, ["Ana.Maria", "dan04"]),
            ({"TagFilter": {"AndConditions": [tag("team", "blue"), tag("site", "opo")]}}, ["anabel"]),
            ({"UserAttributeFilter": {"TagCondition": tag("team", "Blue")}}, ["BOBBY"]),
            ({"UserAttributeFilter": {"AndCondition": {"TagConditions": [tag("team", "green"), tag("site", "lis")]}}}, ["dan04"]),
            ({"UserAttributeFilter": {"OrConditions": [{"TagConditions": [tag("site", "lis")]}, {"TagConditions": [tag("team", "red")]}]}}, ["Ana.Maria", "dan04"]),
        ]
        for f, want in cases:
            with self.subTest(filter=f):
                self.assertEqual(self.search(SearchFilter=f), want)
        got = self.search(SearchCriteria=cond("FirstName", "STARTS_WITH", "a"),
                          SearchFilter={"TagFilter": {"TagCondition": tag("team", "blue")}})
        self.assertEqual(got, ["ana.lima", "anabel"])

    def test_pagination_every_user_once(self):
        for size in (1, 3, 4, 500):
            with self.subTest(page_size=size):
                self.assertEqual(self.search(page_size=size), sorted(self.ids))
        first = self.c.search_users(InstanceId=self.inst, MaxResults=4)
        self.assertEqual(len(first["Users"]), 4)
        self.assertEqual(first["ApproximateTotalCount"], len(PEOPLE))
        self.assertIn("NextToken", first)
        last = self.c.search_users(InstanceId=self.inst, MaxResults=500)
        self.assertNotIn("NextToken", last)

    def test_summary(self):
        out = self.c.search_users(InstanceId=self.inst, SearchCriteria=cond("Username", "EXACT", "Ana.Maria"))
        self.assertEqual(len(out["Users"]), 1)
        u = out["Users"][0]
        d = self.c.describe_user(InstanceId=self.inst, UserId=u["Id"])["User"]
        self.assertEqual(u["Arn"], d["Arn"])
        self.assertEqual(u["IdentityInfo"], {"FirstName": "ANA", "LastName": "María"})
        self.assertEqual(sorted(u["SecurityProfileIds"]), sorted(d["SecurityProfileIds"]))
        self.assertEqual(u["RoutingProfileId"], self.routing)
        self.assertEqual(u["Tags"], {"team": "red", "site": "lis"})
        # Milliseconds in SearchUsers, seconds in DescribeUser.
        self.assertEqual(d["PhoneConfig"]["AfterContactWorkTimeLimit"], 20)
        self.assertEqual(u["PhoneConfig"]["AfterContactWorkTimeLimit"], 20000)
        self.assertNotIn("LastModifiedTime", u)
        self.assertNotIn("LastModifiedRegion", u)

    def test_hierarchy(self):
        c = self.c
        inst = h.new_instance(c)
        sec, routing = h.profiles(c, inst)
        c.update_user_hierarchy_structure(InstanceId=inst, HierarchyStructure={
            "LevelOne": {"Name": "Region"}, "LevelTwo": {"Name": "Site"}})
        emea = c.create_user_hierarchy_group(InstanceId=inst, Name="EMEA")["HierarchyGroupId"]
        lisbon = c.create_user_hierarchy_group(InstanceId=inst, Name="Lisbon", ParentGroupId=emea)["HierarchyGroupId"]
        amer = c.create_user_hierarchy_group(InstanceId=inst, Name="AMER")["HierarchyGroupId"]
        for name, group in (("hq", emea), ("lis1", lisbon), ("nyc1", amer)):
            c.create_user(
                InstanceId=inst, Username=name, Password="Passw0rdE2E",
                IdentityInfo={"FirstName": "x", "LastName": "y", "Email": name + "@example.com"},
                PhoneConfig={"PhoneType": "SOFT_PHONE"}, SecurityProfileIds=[sec["Agent"]],
                RoutingProfileId=routing, HierarchyGroupId=group)

        def found(**kw):
            out = c.search_users(InstanceId=inst, **kw)
            return sorted(u["Username"] for u in out["Users"])

        def cond(group, match):
            return {"HierarchyGroupCondition": {"Value": group, "HierarchyGroupMatchType": match}}

        self.assertEqual(found(SearchCriteria=cond(emea, "EXACT")), ["hq"])
        self.assertEqual(found(SearchCriteria=cond(emea, "WITH_CHILD_GROUPS")), ["hq", "lis1"])
        self.assertEqual(found(SearchCriteria=cond(lisbon, "WITH_CHILD_GROUPS")), ["lis1"])
        self.assertEqual(found(SearchFilter={"UserAttributeFilter": cond(amer, "EXACT")}), ["nyc1"])
        self.assertEqual(found(SearchFilter={"UserAttributeFilter": {"OrConditions": [
            {"HierarchyGroupCondition": {"Value": lisbon, "HierarchyGroupMatchType": "EXACT"}},
            {"HierarchyGroupCondition": {"Value": amer, "HierarchyGroupMatchType": "EXACT"}}]}}), ["lis1", "nyc1"])

    def expect(self, code, status, **kw):
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            self.c.search_users(**kw)
        err = cm.exception.response
        self.assertEqual(err["Error"]["Code"], code, err)
        self.assertEqual(err["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assertTrue(err["Error"]["Message"])
        return err["Error"]["Message"]

    def test_errors(self):
        inst = self.inst
        self.expect("InvalidParameterException", 400, InstanceId=inst, SearchCriteria=cond("Email", "EXACT", "x"))
        self.expect("InvalidParameterException", 400, InstanceId=inst, SearchCriteria=cond("LastName", "CONTAINS", "x"))
        self.expect("InvalidParameterException", 400, InstanceId=inst, SearchCriteria={
            "StringCondition": cond("Username", "EXACT", "a")["StringCondition"], "OrConditions": [cond("Username", "EXACT", "b")]})
        msg = self.expect("InvalidParameterException", 400, InstanceId=inst, SearchCriteria={"ListCondition": {
            "TargetListType": "PROFICIENCIES",
            "Conditions": [{"StringCondition": {"FieldName": "name", "Value": "English", "ComparisonType": "EXACT"}}]}})
        self.assertIn("proficiencies", msg)
        msg = self.expect("AccessDeniedException", 403, InstanceId=inst, SearchFilter={
            "TagFilter": {"TagCondition": tag("team", "blue")},
            "UserAttributeFilter": {"TagCondition": tag("team", "blue")}})
        self.assertIn("TagFilter", msg)
        self.expect("ResourceNotFoundException", 404, InstanceId="00000000-0000-4000-8000-000000000000")
        first = self.c.search_users(InstanceId=inst, MaxResults=1, SearchCriteria=cond("Username", "STARTS_WITH", "dan"))
        token = first["NextToken"]
        self.expect("InvalidParameterException", 400, InstanceId=inst, NextToken=token,
                    SearchCriteria=cond("Username", "STARTS_WITH", "ana"))
        self.expect("InvalidParameterException", 400, InstanceId=self.other, NextToken=token,
                    SearchCriteria=cond("Username", "STARTS_WITH", "dan"))
        # The server's own range check, with botocore's turned off.
        nc = h.client(REGION, validate=False)
        with self.assertRaises(botocore.exceptions.ClientError) as cm:
            nc.search_users(InstanceId=inst, MaxResults=501)
        self.assertEqual(cm.exception.response["Error"]["Code"], "InvalidParameterException")


if __name__ == "__main__":
    unittest.main()
