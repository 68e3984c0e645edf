"""boto3: every CreateUser and UpdateUserIdentityInfo validation rule.

Each case starts from a valid request for an instance of one identity type,
changes one thing, and expects either success (boundary values) or one AWS
exception with its HTTP status and a message naming the field. After every
rejection the instance must be unchanged: same number of users, the username
not taken (a valid request with it then succeeds).

botocore's client-side parameter validation is off so that the server, not
botocore, judges minimum lengths, required members and the like.

Run by e2e/boto3_test.go; needs CONNECTLITE_ENDPOINT.
"""

import unicodedata
import unittest

from botocore.exceptions import ClientError

import e2ehelpers as h

REGION = "us-east-1"
CM, SAML, ED = "CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"
IPE = "InvalidParameterException"
IRE = "InvalidRequestException"
RNF = "ResourceNotFoundException"
DUP = "DuplicateResourceException"
STATUS = {IPE: 400, IRE: 400, RNF: 404, DUP: 409}
NO_SUCH_ID = "00000000-0000-4000-8000-000000000000"


class Case:
    """One request: kind of instance, a change to the valid base request,
    and the expected outcome (want None means success)."""

    def __init__(self, name, kind, change, want=None, mention=(), free=True, region=None):
        self.name, self.kind, self.change, self.want = name, kind, change, want
        self.mention = (mention,) if isinstance(mention, str) else mention
        self.free = free  # the username is valid, so it can be shown to be still free
        self.region = region


def put(**kv):
    return lambda r, t: r.update(kv)


def drop(*keys):
    return lambda r, t: [r.pop(k, None) for k in keys]


def ident(**kv):
    """Sets (or with None removes) IdentityInfo members."""
    def f(r, t):
        for k, v in kv.items():
            if v is None:
                r["IdentityInfo"].pop(k, None)
            else:
                r["IdentityInfo"][k] = v
    return f


def phone(**kv):
    """Replaces the PhoneConfig."""
    return lambda r, t: r.update(PhoneConfig=kv)


def channels(**kv):
    """Replaces the PhoneConfig by per-channel configs; a valid VOICE
    PhoneNumberConfigs stands in for the phone configuration unless given,
    so that the case breaks exactly one rule."""
    def f(r, t):
        r.pop("PhoneConfig", None)
        r["PhoneNumberConfigs"] = [{"Channel": "VOICE", "PhoneType": "SOFT_PHONE"}]
        r.update(kv)
    return f


def both(*fs):
    def f(r, t):
        for g in fs:
            g(r, t)
    return f


NON_NFC = unicodedata.normalize("NFD", "José")  # "e" followed by a combining acute accent
assert NON_NFC != unicodedata.normalize("NFC", NON_NFC)

CASES = [
    # Success at the boundaries: the rules are not stricter than documented.
    Case("ok_baseline", CM, put()),
    Case("ok_username_20", CM, put(Username=h.uname(20))),
    Case("ok_username_email_form", CM, put(Username=h.unique("u", 6) + "@ex.io")),
    Case("ok_username_all_chars", CM, put(Username=h.unique("aZ0_-.", 6))),
    Case("ok_password_8", CM, put(Password="Abcdefg1")),
    Case("ok_password_64", CM, put(Password="A" + "b" * 62 + "1")),
    Case("ok_password_symbols", CM, put(Password="Pä$$w0rd!Ω#")),
    Case("ok_first_name_255", CM, ident(FirstName="F" * 255)),
    Case("ok_last_name_300", CM, ident(LastName="L" * 300)),
    Case("ok_names_nfc", CM, ident(FirstName=unicodedata.normalize("NFC", "José"), LastName="Ñúñez")),
    Case("ok_secondary_email", CM, ident(SecondaryEmail="first.last+tag@sub.example.co")),
    Case("ok_mobile_15_digits", CM, ident(Mobile="+123456789012345")),
    Case("ok_desk_phone", CM, phone(PhoneType="DESK_PHONE", DeskPhoneNumber="+15555551212")),
    Case("ok_acw_0", CM, phone(PhoneType="SOFT_PHONE", AfterContactWorkTimeLimit=0)),
    Case("ok_acw_2000000", CM, phone(PhoneType="SOFT_PHONE", AfterContactWorkTimeLimit=2000000)),
    Case("ok_per_channel_only", CM, channels(
        AutoAcceptConfigs=[{"Channel": "CHAT", "AutoAccept": True}],
        AfterContactWorkConfigs=[{"Channel": "EMAIL", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 2000000}}],
        PhoneNumberConfigs=[{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": "+15555550199"}])),
    Case("ok_phone_config_with_voice_enhancement", CM, put(
        VoiceEnhancementConfigs=[{"Channel": "VOICE", "VoiceEnhancementMode": "NONE"}])),
    Case("ok_four_security_profiles", CM, lambda r, t: r.update(SecurityProfileIds=list(t.sec[CM].values()))),
    Case("ok_tags_50", CM, put(Tags={"k%02d" % i: "v" for i in range(50)})),
    Case("ok_tag_key_128_value_256", CM, put(Tags={"k" * 128: "v" * 256})),
    Case("ok_tag_key_chars", CM, put(Tags={"a:b/c=d+e-f@g_h.i j": ""})),
    Case("ok_saml_username_64", SAML, put(Username=h.unique("s.", 10) + "@" + "x" * 47 + ".com")),
    Case("ok_saml_username_21", SAML, put(Username=h.uname(21))),
    Case("ok_directory_user_id", ED, put(DirectoryUserId=h.unique("dir-"))),

    # Username.
    Case("username_empty", CM, put(Username=""), IPE, "username", free=False),
    Case("username_missing", CM, drop("Username"), IPE, "username", free=False),
    Case("username_21", CM, put(Username=h.uname(21)), IPE, "username", free=False),
    Case("username_space", CM, put(Username=h.unique("a b")), IPE, "username", free=False),
    Case("username_bang", CM, put(Username=h.unique("a!")), IPE, "username", free=False),
    Case("username_slash", CM, put(Username=h.unique("a/")), IPE, "username", free=False),
    Case("username_plus", CM, put(Username=h.unique("a+")), IPE, "username", free=False),
    Case("username_non_ascii", CM, put(Username=h.unique("jé")), IPE, "username", free=False),
    Case("username_at_not_email", CM, put(Username=h.unique("t") + "@example"), IPE, "username", free=False),
    Case("username_two_ats", CM, put(Username=h.unique("t", 4) + "@a@b.com"), IPE, "username", free=False),
    Case("username_saml_65", SAML, put(Username=h.unique("s.", 10) + "@" + "x" * 48 + ".com"), IPE, "username", free=False),
    Case("username_saml_space", SAML, put(Username=h.unique("s ")), IPE, "username", free=False),

    # Password.
    Case("password_missing", CM, drop("Password"), IPE, "password"),
    Case("password_7", CM, put(Password="Abcde1x"[:7]), IPE, "password"),
    Case("password_65", CM, put(Password="A" + "b" * 63 + "1"), IPE, "password"),
    Case("password_no_upper", CM, put(Password="abcdefg1"), IPE, "password"),
    Case("password_no_lower", CM, put(Password="ABCDEFG1"), IPE, "password"),
    Case("password_no_digit", CM, put(Password="Abcdefgh"), IPE, "password"),
    Case("password_space", CM, put(Password="Abc def12"), IPE, "password"),
    Case("password_tab", CM, put(Password="Abc\tdef12"), IPE, "password"),
    Case("password_on_saml", SAML, put(Password="Passw0rdOK"), IRE, "password"),
    Case("password_on_existing_directory", ED, put(Password="Passw0rdOK"), IRE, "password"),

    # IdentityInfo.
    Case("identity_info_missing", CM, drop("IdentityInfo"), IPE, ("identityinfo", "firstname")),
    Case("first_name_missing", CM, ident(FirstName=None), IPE, "firstname"),
    Case("last_name_missing", CM, ident(LastName=None), IPE, "lastname"),
    Case("first_name_empty", CM, ident(FirstName=""), IPE, "firstname"),
    Case("first_name_missing_saml", SAML, ident(FirstName=None), IPE, "firstname"),
    Case("last_name_missing_saml", SAML, ident(LastName=None), IPE, "lastname"),
    Case("first_name_256", CM, ident(FirstName="F" * 256), IPE, "firstname"),
    Case("last_name_301", CM, ident(LastName="L" * 301), IPE, "lastname"),
    Case("first_name_not_nfc", CM, ident(FirstName=NON_NFC), IPE, "firstname"),
    Case("last_name_not_nfc", CM, ident(LastName=NON_NFC), IPE, "lastname"),
    Case("email_on_saml", SAML, ident(Email="a@example.com"), IRE, "email"),
    Case("secondary_email_no_at", CM, ident(SecondaryEmail="not-an-email"), IPE, "secondaryemail"),
    Case("secondary_email_no_tld", CM, ident(SecondaryEmail="a@example"), IPE, "secondaryemail"),
    Case("secondary_email_space", CM, ident(SecondaryEmail="a b@example.com"), IPE, "secondaryemail"),
    Case("mobile_no_plus", CM, ident(Mobile="15555550100"), IPE, "mobile"),
    Case("mobile_leading_zero", CM, ident(Mobile="+05555550100"), IPE, "mobile"),
    Case("mobile_16_digits", CM, ident(Mobile="+1234567890123456"), IPE, "mobile"),
    Case("mobile_letters", CM, ident(Mobile="+1555CALLNOW"), IPE, "mobile"),

    # PhoneConfig.
    Case("phone_config_and_channels_missing", CM, drop("PhoneConfig"), IRE, "phoneconfig"),
    Case("phone_type_invalid", CM, phone(PhoneType="CELL_PHONE"), IPE, "phonetype"),
    Case("desk_phone_without_number", CM, phone(PhoneType="DESK_PHONE"), IPE, "deskphonenumber"),
    Case("desk_phone_number_not_e164", CM, phone(PhoneType="DESK_PHONE", DeskPhoneNumber="555-1212"), IPE, "deskphonenumber"),
    Case("acw_negative", CM, phone(PhoneType="SOFT_PHONE", AfterContactWorkTimeLimit=-1), IPE, "aftercontactworktimelimit"),
    Case("acw_2000001", CM, phone(PhoneType="SOFT_PHONE", AfterContactWorkTimeLimit=2000001), IPE, "aftercontactworktimelimit"),

    # PhoneConfig members conflict with their per-channel replacements.
    Case("conflict_auto_accept", CM, both(phone(PhoneType="SOFT_PHONE", AutoAccept=True),
                                          put(AutoAcceptConfigs=[{"Channel": "VOICE", "AutoAccept": True}])),
         IRE, "autoaccept"),
    Case("conflict_after_contact_work", CM, both(
        phone(PhoneType="SOFT_PHONE", AfterContactWorkTimeLimit=10),
        put(AfterContactWorkConfigs=[{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 10}}])),
        IRE, "aftercontactwork"),
    Case("conflict_phone_type", CM, both(phone(PhoneType="SOFT_PHONE"),
                                         put(PhoneNumberConfigs=[{"Channel": "VOICE", "PhoneType": "SOFT_PHONE"}])),
         IRE, ("phonetype", "phonenumberconfigs")),
    Case("conflict_desk_phone_number", CM, both(
        phone(DeskPhoneNumber="+15555551212"),
        put(PhoneNumberConfigs=[{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": "+15555551212"}])),
        IRE, ("deskphonenumber", "phonenumberconfigs")),
    Case("conflict_persistent_connection", CM, both(
        phone(PhoneType="SOFT_PHONE", PersistentConnection=True),
        put(PersistentConnectionConfigs=[{"Channel": "VOICE", "PersistentConnection": True}])),
        IRE, "persistentconnection"),

    # Per-channel configs.
    Case("auto_accept_channel_invalid", CM, channels(AutoAcceptConfigs=[{"Channel": "SMS", "AutoAccept": True}]),
         IPE, "channel"),
    Case("auto_accept_channel_missing", CM, channels(AutoAcceptConfigs=[{"AutoAccept": True}]), IPE, "channel"),
    Case("acw_per_channel_2000001", CM, channels(AfterContactWorkConfigs=[
        {"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 2000001}}]),
        IPE, "aftercontactworktimelimit"),
    Case("acw_per_channel_negative", CM, channels(AfterContactWorkConfigs=[
        {"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": -1}}]),
        IPE, "aftercontactworktimelimit"),
    Case("acw_agent_first_callback_2000001", CM, channels(AfterContactWorkConfigs=[
        {"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1},
         "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 2000001}}]),
        IPE, "aftercontactworktimelimit"),
    Case("phone_number_configs_chat", CM, channels(PhoneNumberConfigs=[{"Channel": "CHAT", "PhoneType": "SOFT_PHONE"}]),
         IPE, ("channel", "phonenumberconfigs")),
    Case("phone_number_configs_desk_without_number", CM, channels(
        PhoneNumberConfigs=[{"Channel": "VOICE", "PhoneType": "DESK_PHONE"}]), IPE, "phonenumber"),
    Case("phone_number_configs_not_e164", CM, channels(
        PhoneNumberConfigs=[{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": "+1 555 555"}]), IPE, "phonenumber"),
    Case("phone_number_configs_type_invalid", CM, channels(
        PhoneNumberConfigs=[{"Channel": "VOICE", "PhoneType": "PAGER"}]), IPE, "phonetype"),
    Case("persistent_connection_configs_chat", CM, channels(
        PersistentConnectionConfigs=[{"Channel": "CHAT", "PersistentConnection": True}]),
        IPE, ("channel", "persistentconnectionconfigs")),
    Case("voice_enhancement_configs_task", CM, channels(
        VoiceEnhancementConfigs=[{"Channel": "TASK", "VoiceEnhancementMode": "NONE"}]),
        IPE, ("channel", "voiceenhancementconfigs")),
    Case("voice_enhancement_mode_invalid", CM, put(
        VoiceEnhancementConfigs=[{"Channel": "VOICE", "VoiceEnhancementMode": "LOUDER"}]), IPE, "voiceenhancementmode"),

    # DirectoryUserId.
    Case("directory_user_id_on_saml", SAML, put(DirectoryUserId="someone"), IRE, "directoryuserid"),

    # References and counts.
    Case("security_profiles_empty", CM, put(SecurityProfileIds=[]), IPE, "securityprofile"),
    Case("security_profiles_missing", CM, drop("SecurityProfileIds"), IPE, "securityprofile"),
    Case("security_profiles_11", CM, lambda r, t: r.update(SecurityProfileIds=(list(t.sec[CM].values()) * 3)[:11]),
         IPE, "securityprofile"),
    Case("security_profile_unknown", CM, put(SecurityProfileIds=[NO_SUCH_ID]), IPE, "securityprofile"),
    Case("security_profile_of_other_instance", CM, lambda r, t: r.update(SecurityProfileIds=[t.sec[SAML]["Agent"]]),
         IPE, "securityprofile"),
    Case("routing_profile_unknown", CM, put(RoutingProfileId=NO_SUCH_ID), IPE, "routingprofile"),
    Case("routing_profile_missing", CM, drop("RoutingProfileId"), IPE, "routingprofile"),
    Case("routing_profile_of_other_instance", CM, lambda r, t: r.update(RoutingProfileId=t.routing[SAML]),
         IPE, "routingprofile"),
    Case("hierarchy_group_unknown", CM, put(HierarchyGroupId=NO_SUCH_ID), IPE, "hierarchygroup"),

    # Tags.
    Case("tags_51", CM, put(Tags={"k%02d" % i: "v" for i in range(51)}), IPE, "tag"),
    Case("tag_key_aws_prefix", CM, put(Tags={"aws:owner": "me"}), IPE, "tag"),
    Case("tag_key_129", CM, put(Tags={"k" * 129: "v"}), IPE, "tag"),
    Case("tag_key_empty", CM, put(Tags={"": "v"}), IPE, "tag"),
    Case("tag_key_bad_char", CM, put(Tags={"a*b": "v"}), IPE, "tag"),
    Case("tag_value_257", CM, put(Tags={"k": "v" * 257}), IPE, "tag"),

    # The instance and uniqueness.
    Case("instance_unknown", CM, put(InstanceId=NO_SUCH_ID), RNF, "instance"),
    Case("instance_in_other_region", CM, put(), RNF, "instance", region="eu-west-1"),
    Case("duplicate_username_other_case", CM, lambda r, t: r.update(Username=t.taken.upper()), DUP, "user", free=False),
]


def message_mentions(msg, words):
    flat = msg.lower().replace(" ", "")
    return any(w in flat for w in words)


class Validation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = h.client(REGION, validate=False)
        cls.inst, cls.sec, cls.routing = {}, {}, {}
        for kind in (CM, SAML, ED):
            cls.inst[kind] = h.new_instance(cls.c, kind)
            cls.sec[kind], cls.routing[kind] = h.profiles(cls.c, cls.inst[kind])
        cls.taken = h.unique("Taken")
        cls.c.create_user(**cls.base(CM, cls.taken))

    @classmethod
    def base(cls, kind, username=None):
        """A valid CreateUser request for the instance of that kind."""
        r = {
            "InstanceId": cls.inst[kind],
            "Username": username or h.unique("v"),
            "IdentityInfo": {"FirstName": "Val", "LastName": "Idation"},
            "PhoneConfig": {"PhoneType": "SOFT_PHONE"},
            "SecurityProfileIds": [cls.sec[kind]["Agent"]],
            "RoutingProfileId": cls.routing[kind],
        }
        if kind == CM:
            r["Password"] = "Passw0rdBase"
            r["IdentityInfo"]["Email"] = "val@example.com"
        return r

    def expect_error(self, client, call, want, mention):
        """Runs call and checks it raised want with its status and a message
        naming one of mention."""
        with self.assertRaises(ClientError) as cm:
            call()
        e = cm.exception
        code = e.response["Error"]["Code"]
        status = e.response["ResponseMetadata"]["HTTPStatusCode"]
        msg = e.response["Error"].get("Message", "")
        self.assertEqual((code, status), (want, STATUS[want]), "message: %s" % msg)
        self.assertIsInstance(e, getattr(client.exceptions, want))
        self.assertTrue(message_mentions(msg, mention), "message %r names none of %s" % (msg, mention))

    def test_create_user(self):
        c = self.c
        for case in CASES:
            with self.subTest(case.name):
                inst = self.inst[case.kind]
                req = self.base(case.kind)
                case.change(req, self)
                caller = h.client(case.region, validate=False) if case.region else c
                before = h.list_users(c, inst)

                if case.want is None:
                    out = caller.create_user(**req)
                    user = c.describe_user(InstanceId=inst, UserId=out["UserId"])["User"]
                    h.check_user(self, req, user, REGION)
                    self.assertEqual(len(h.list_users(c, inst)), len(before) + 1)
                    continue

                self.expect_error(caller, lambda: caller.create_user(**req), case.want, case.mention)

                # A rejected request leaves nothing behind.
                after = h.list_users(c, inst)
                self.assertEqual(len(after), len(before), "ListUsers count changed after a rejected CreateUser")
                self.assertEqual(sorted(u["Id"] for u in after), sorted(u["Id"] for u in before))
                name = req.get("Username")
                if case.free and isinstance(name, str):
                    ok = c.create_user(**self.base(case.kind, name))
                    self.assertEqual(ok["ResponseMetadata"]["HTTPStatusCode"], 200)
                    self.assertEqual(len(h.list_users(c, inst)), len(before) + 1)

    def test_update_user_identity_info(self):
        c = self.c
        uids = {}
        for kind in (CM, SAML):
            uids[kind] = c.create_user(**self.base(kind))["UserId"]
        valid = {"FirstName": "Up", "LastName": "Dated", "Email": "up@example.com",
                 "SecondaryEmail": "up2@example.com", "Mobile": "+15555550111"}
        cases = [
            ("ok_full", CM, valid, None, ()),
            ("ok_saml_without_email", SAML, dict(valid, Email=None), None, ()),
            ("mobile_not_e164", CM, dict(valid, Mobile="555"), IPE, "mobile"),
            ("secondary_email_invalid", CM, dict(valid, SecondaryEmail="x@y"), IPE, "secondaryemail"),
            ("first_name_not_nfc", CM, dict(valid, FirstName=NON_NFC), IPE, "firstname"),
            ("first_name_256", CM, dict(valid, FirstName="F" * 256), IPE, "firstname"),
            ("last_name_301", CM, dict(valid, LastName="L" * 301), IPE, "lastname"),
            ("first_name_missing", CM, dict(valid, FirstName=None), IPE, "firstname"),
            ("last_name_missing_saml", SAML, dict(valid, LastName=None, Email=None), IPE, "lastname"),
            ("email_on_saml", SAML, valid, IRE, "email"),
            ("unknown_user", CM, valid, RNF, "user"),
        ]
        for name, kind, info, want, mention in cases:
            with self.subTest(name):
                info = {k: v for k, v in info.items() if v is not None}
                inst = self.inst[kind]
                uid = NO_SUCH_ID if name == "unknown_user" else uids[kind]
                before = c.describe_user(InstanceId=inst, UserId=uids[kind])["User"]
                call = lambda: c.update_user_identity_info(InstanceId=inst, UserId=uid, IdentityInfo=info)
                if want is None:
                    call()
                    got = c.describe_user(InstanceId=inst, UserId=uid)["User"]["IdentityInfo"]
                    self.assertEqual({k: v for k, v in got.items() if v}, info)
                    continue
                self.expect_error(c, call, want, (mention,) if isinstance(mention, str) else mention)
                after = c.describe_user(InstanceId=inst, UserId=uids[kind])["User"]
                self.assertEqual(after, before, "a rejected UpdateUserIdentityInfo changed the user")


if __name__ == "__main__":
    unittest.main()
