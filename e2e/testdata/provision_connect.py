"""Provision an Amazon Connect contact centre with boto3, use it, tear it down.

A provisioning script as a team would write it against AWS: create an
instance, its agent hierarchy, opening hours, a queue, routing and security
profiles and 50 tagged agents; find agents by tag, by name prefix and by
hierarchy; move some agents to other profiles; then delete the agents and
every resource, instance last. Each step checks what it did and the script
exits non-zero at the first surprise.

e2e/hierarchy_boto3_test.go runs it against connectlite with
CONNECTLITE_ENDPOINT set (standard library and boto3 only).
"""

import os
import secrets
import sys
import time

import boto3
from botocore.config import Config

REGION = "us-west-1"
AGENTS = 50


def connect_client():
    return boto3.session.Session().client(
        "connect",
        region_name=REGION,
        endpoint_url=os.environ["CONNECTLITE_ENDPOINT"],
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"total_max_attempts": 1}),
    )


def check(ok, what):
    if not ok:
        raise SystemExit("FAILED: " + what)
    print("ok:", what)


def paginate(c, op, key, **kw):
    out = []
    for page in c.get_paginator(op).paginate(**kw):
        out.extend(page[key])
    return out


def wait_active(c, instance_id):
    for _ in range(60):
        status = c.describe_instance(InstanceId=instance_id)["Instance"]["InstanceStatus"]
        if status == "ACTIVE":
            return
        if status != "CREATION_IN_PROGRESS":
            raise SystemExit("instance %s is %s" % (instance_id, status))
        time.sleep(1)
    raise SystemExit("instance %s never became ACTIVE" % instance_id)


def create_hierarchy(c, instance_id):
    c.update_user_hierarchy_structure(
        InstanceId=instance_id,
        HierarchyStructure={"LevelOne": {"Name": "Region"}, "LevelTwo": {"Name": "Site"}, "LevelThree": {"Name": "Team"}},
    )
    groups = {}

    def group(path, tags):
        parent = groups.get(path.rsplit("/", 1)[0]) if "/" in path else None
        req = dict(InstanceId=instance_id, Name=path.rsplit("/", 1)[-1], Tags=tags)
        if parent:
            req["ParentGroupId"] = parent
        groups[path] = c.create_user_hierarchy_group(**req)["HierarchyGroupId"]

    # Group names are unique per level, so the teams carry their site.
    for path in ["Americas", "Americas/Sao Paulo", "Americas/Sao Paulo/SP Support", "Americas/Sao Paulo/SP Sales",
                 "EMEA", "EMEA/Lisbon", "EMEA/Lisbon/LIS Support"]:
        group(path, {"owner": "ops"})
    structure = c.describe_user_hierarchy_structure(InstanceId=instance_id)["HierarchyStructure"]
    check([structure[k]["Name"] for k in ("LevelOne", "LevelTwo", "LevelThree")] == ["Region", "Site", "Team"],
          "hierarchy structure has three levels")
    leaf = c.describe_user_hierarchy_group(InstanceId=instance_id, HierarchyGroupId=groups["EMEA/Lisbon/LIS Support"])["HierarchyGroup"]
    check(leaf["LevelId"] == "3" and leaf["HierarchyPath"]["LevelOne"]["Name"] == "EMEA"
          and leaf["HierarchyPath"]["LevelTwo"]["Name"] == "Lisbon", "EMEA/Lisbon/LIS Support sits at level three")
    return groups


def create_routing(c, instance_id):
    weekdays = [
        {"Day": d, "StartTime": {"Hours": 8, "Minutes": 0}, "EndTime": {"Hours": 18, "Minutes": 0}}
        for d in ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
    ]
    hours = c.create_hours_of_operation(
        InstanceId=instance_id, Name="Business Hours", TimeZone="America/Sao_Paulo", Config=weekdays,
        Description="Weekdays 8 to 6", Tags={"owner": "ops"},
    )["HoursOfOperationId"]
    queue = c.create_queue(
        InstanceId=instance_id, Name="Support Queue", HoursOfOperationId=hours, MaxContacts=100,
        Description="First-line support", Tags={"owner": "ops"},
    )["QueueId"]
    profiles = {}
    for name, chat in (("Support Agents", 2), ("Sales Agents", 1)):
        profiles[name] = c.create_routing_profile(
            InstanceId=instance_id, Name=name, Description=name, DefaultOutboundQueueId=queue,
            QueueConfigs=[
                {"QueueReference": {"QueueId": queue, "Channel": "VOICE"}, "Priority": 1, "Delay": 0},
                {"QueueReference": {"QueueId": queue, "Channel": "CHAT"}, "Priority": 2, "Delay": 5},
            ],
            MediaConcurrencies=[{"Channel": "VOICE", "Concurrency": 1}, {"Channel": "CHAT", "Concurrency": chat}],
            Tags={"owner": "ops"},
        )["RoutingProfileId"]
    queues = paginate(c, "list_routing_profile_queues", "RoutingProfileQueueConfigSummaryList",
                      InstanceId=instance_id, RoutingProfileId=profiles["Support Agents"])
    check(sorted(q["Channel"] for q in queues) == ["CHAT", "VOICE"], "routing profile serves the queue on voice and chat")
    return hours, queue, profiles


def create_security_profiles(c, instance_id):
    out = {}
    for name, perms in (("Support Agent", ["BasicAgentAccess", "OutboundCallAccess"]),
                        ("Team Lead", ["BasicAgentAccess", "Users.View"])):
        out[name] = c.create_security_profile(
            InstanceId=instance_id, SecurityProfileName=name, Description=name, Permissions=perms, Tags={"owner": "ops"},
        )["SecurityProfileId"]
    perms = paginate(c, "list_security_profile_permissions", "Permissions",
                     InstanceId=instance_id, SecurityProfileId=out["Team Lead"])
    check(sorted(perms) == ["BasicAgentAccess", "Users.View"], "Team Lead has its two permissions")
    return out


FIRST = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Fabio", "Gina", "Hugo", "Iris", "Joao"]


def create_agents(c, instance_id, groups, routing, security):
    agents = {}
    for i in range(1, AGENTS + 1):
        sales = i % 5 == 0
        site = "Americas/Sao Paulo" if i <= 30 else "EMEA/Lisbon"
        if i <= 30:
            team = site + ("/SP Sales" if sales else "/SP Support")
        else:
            team = site + "/LIS Support"
        username = "agent%03d" % i
        agents[username] = c.create_user(
            InstanceId=instance_id,
            Username=username,
            Password="Welcome-%sA1" % secrets.token_hex(3),
            IdentityInfo={"FirstName": FIRST[i % 10], "LastName": "Agent%d" % i, "Email": "%s@example.com" % username},
            PhoneConfig={"PhoneType": "SOFT_PHONE", "AutoAccept": False, "AfterContactWorkTimeLimit": 30},
            SecurityProfileIds=[security["Support Agent"]],
            RoutingProfileId=routing["Support Agents"],
            HierarchyGroupId=groups[team],
            Tags={"team": "sales" if sales else "support", "site": site.split("/")[-1], "cohort": "2024"},
        )["UserId"]
    listed = paginate(c, "list_users", "UserSummaryList", InstanceId=instance_id, PaginationConfig={"PageSize": 7})
    check(sorted(u["Username"] for u in listed) == sorted(agents), "ListUsers returns the %d agents once each" % AGENTS)
    return agents


def search(c, instance_id, **kw):
    found, totals = [], set()
    for page in c.get_paginator("search_users").paginate(InstanceId=instance_id, PaginationConfig={"PageSize": 8}, **kw):
        found.extend(u["Username"] for u in page["Users"])
        totals.add(page.get("ApproximateTotalCount"))
    return sorted(found), totals


def find_agents(c, instance_id, groups, routing):
    sales, totals = search(c, instance_id, SearchFilter={"TagFilter": {"TagCondition": {"TagKey": "team", "TagValue": "sales"}}})
    check(sales == ["agent%03d" % i for i in range(5, AGENTS + 1, 5)] and totals == {10}, "tag team=sales finds the 10 sales agents")
    lisbon_sales, _ = search(c, instance_id, SearchFilter={"TagFilter": {"AndConditions": [
        {"TagKey": "team", "TagValue": "sales"}, {"TagKey": "site", "TagValue": "Lisbon"}]}})
    check(lisbon_sales == ["agent035", "agent040", "agent045", "agent050"], "tags team=sales and site=Lisbon")
    prefix, totals = search(c, instance_id, SearchCriteria={"StringCondition": {
        "FieldName": "Username", "Value": "agent01", "ComparisonType": "STARTS_WITH"}})
    check(prefix == ["agent%03d" % i for i in range(10, 20)] and totals == {10}, "username prefix agent01 finds agent010..agent019")
    first_name, _ = search(c, instance_id, SearchCriteria={"StringCondition": {
        "FieldName": "FirstName", "Value": "ana", "ComparisonType": "EXACT"}})
    check(first_name == ["agent010", "agent020", "agent030", "agent040", "agent050"], "first name Ana (any case)")
    americas, _ = search(c, instance_id, SearchCriteria={"HierarchyGroupCondition": {
        "Value": groups["Americas"], "HierarchyGroupMatchType": "WITH_CHILD_GROUPS"}})
    check(americas == ["agent%03d" % i for i in range(1, 31)], "the Americas hierarchy holds agents 1 to 30")
    sp_sales, _ = search(c, instance_id, SearchCriteria={"HierarchyGroupCondition": {
        "Value": groups["Americas/Sao Paulo/SP Sales"], "HierarchyGroupMatchType": "EXACT"}})
    check(sp_sales == ["agent005", "agent010", "agent015", "agent020", "agent025", "agent030"], "Sao Paulo sales team")


def move_agents(c, instance_id, agents, routing, security):
    sales = ["agent%03d" % i for i in range(5, AGENTS + 1, 5)]
    for name in sales:
        c.update_user_routing_profile(InstanceId=instance_id, UserId=agents[name], RoutingProfileId=routing["Sales Agents"])
    leads = ["agent001", "agent031"]
    for name in leads:
        c.update_user_security_profiles(InstanceId=instance_id, UserId=agents[name],
                                        SecurityProfileIds=[security["Support Agent"], security["Team Lead"]])
    user = c.describe_user(InstanceId=instance_id, UserId=agents["agent031"])["User"]
    check(sorted(user["SecurityProfileIds"]) == sorted(security.values()), "agent031 is a team lead")
    on_sales, _ = search(c, instance_id, SearchCriteria={"StringCondition": {
        "FieldName": "RoutingProfileId", "Value": routing["Sales Agents"], "ComparisonType": "EXACT"}})
    check(on_sales == sales, "the sales agents are on the Sales Agents routing profile")
    leads_found, _ = search(c, instance_id, SearchCriteria={"StringCondition": {
        "FieldName": "SecurityProfileId", "Value": security["Team Lead"], "ComparisonType": "EXACT"}})
    check(leads_found == leads, "the team leads have the Team Lead security profile")


def tear_down(c, instance_id, agents, groups, hours, queue, routing, security):
    for user in paginate(c, "list_users", "UserSummaryList", InstanceId=instance_id):
        c.delete_user(InstanceId=instance_id, UserId=user["Id"])
    check(paginate(c, "list_users", "UserSummaryList", InstanceId=instance_id) == [], "every agent is deleted")
    for sp in security.values():
        c.delete_security_profile(InstanceId=instance_id, SecurityProfileId=sp)
    for rp in routing.values():
        c.delete_routing_profile(InstanceId=instance_id, RoutingProfileId=rp)
    c.delete_queue(InstanceId=instance_id, QueueId=queue)
    c.delete_hours_of_operation(InstanceId=instance_id, HoursOfOperationId=hours)
    # Children before parents: the longest paths first.
    for path in sorted(groups, key=lambda p: -p.count("/")):
        c.delete_user_hierarchy_group(InstanceId=instance_id, HierarchyGroupId=groups[path])
    check(paginate(c, "list_user_hierarchy_groups", "UserHierarchyGroupSummaryList", InstanceId=instance_id) == [],
          "every hierarchy group is deleted")
    c.update_user_hierarchy_structure(InstanceId=instance_id, HierarchyStructure={})
    check(c.describe_user_hierarchy_structure(InstanceId=instance_id)["HierarchyStructure"] == {}, "the hierarchy has no level")
    for op, kw in (("describe_queue", {"QueueId": queue}), ("describe_hours_of_operation", {"HoursOfOperationId": hours}),
                   ("describe_routing_profile", {"RoutingProfileId": routing["Sales Agents"]})):
        try:
            getattr(c, op)(InstanceId=instance_id, **kw)
        except c.exceptions.ResourceNotFoundException:
            print("ok: %s answers ResourceNotFoundException" % op)
        else:
            raise SystemExit("FAILED: %s still finds the deleted resource" % op)
    c.delete_instance(InstanceId=instance_id)
    try:
        c.describe_instance(InstanceId=instance_id)
    except c.exceptions.ResourceNotFoundException:
        print("ok: the instance is gone")
    else:
        raise SystemExit("FAILED: the instance still exists")


def main():
    c = connect_client()
    alias = "contact-centre-" + secrets.token_hex(4)
    instance_id = c.create_instance(
        IdentityManagementType="CONNECT_MANAGED", InstanceAlias=alias,
        InboundCallsEnabled=True, OutboundCallsEnabled=True, Tags={"owner": "ops"},
    )["Id"]
    wait_active(c, instance_id)
    c.update_instance_attribute(InstanceId=instance_id, AttributeType="CONTACTFLOW_LOGS", Value="true")
    groups = create_hierarchy(c, instance_id)
    hours, queue, routing = create_routing(c, instance_id)
    security = create_security_profiles(c, instance_id)
    agents = create_agents(c, instance_id, groups, routing, security)
    find_agents(c, instance_id, groups, routing)
    move_agents(c, instance_id, agents, routing, security)
    tear_down(c, instance_id, agents, groups, hours, queue, routing, security)
    print("provisioned, used and removed instance", alias)


if __name__ == "__main__":
    sys.exit(main())
