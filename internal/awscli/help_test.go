package awscli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectlite/connectlite/internal/awsmodel"
)

// docOperations are the operations whose help is compared with the aws
// CLI's: the user-management ones plus some with deep, recursive inputs.
func docOperations() []string {
	return []string{
		"CreateInstance", "DescribeInstance", "ListInstances", "DeleteInstance", "ListSecurityProfiles",
		"ListRoutingProfiles", "CreateUser", "DescribeUser", "UpdateUserIdentityInfo", "ListUsers",
		"UpdateUserPhoneConfig", "TagResource", "CreateRoutingProfile", "CreateQueue", "CreateHoursOfOperation",
		"SearchUsers", "CreateEvaluationForm", "StartOutboundVoiceContact", "UpdateRoutingProfileQueues",
	}
}

// TestShorthandDocsMatchAWSCLI compares the "Shorthand Syntax" lines of the
// help pages with the aws CLI's ParamShorthandDocGen for every argument of
// docOperations (testdata/shorthand_docs.golden.json, made by
// testdata/shorthand_docs.py).
func TestShorthandDocsMatchAWSCLI(t *testing.T) {
	ops := docOperations()
	goldenPath := filepath.Join("testdata", "shorthand_docs.golden.json")
	t.Run("GoldenIsCurrent", func(t *testing.T) {
		needTool(t, "python3 with awscli", "python3", "-c", "import awscli.argprocess, botocore.session")
		out, err := exec.Command("python3", append([]string{filepath.Join("testdata", "shorthand_docs.py")}, ops...)...).Output()
		if err != nil {
			t.Fatalf("shorthand_docs.py: %v", err)
		}
		if updateGolden() {
			if err := os.WriteFile(goldenPath, out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		golden, err := os.ReadFile(goldenPath)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, golden) {
			t.Fatalf("%s is stale (run UPDATE_GOLDEN=1 go test -run ShorthandDocs)", goldenPath)
		}
	})
	raw, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	m, err := awsmodel.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range ops {
		cmd := newOpCommand(m, m.Operation(name))
		got := map[string]string{}
		for _, a := range cmd.args {
			if a.kind != kindMember && a.kind != kindList {
				continue
			}
			if ex, ok := shorthandExample(a.shape); ok {
				got[a.cliName()] = ex
			}
		}
		for arg, w := range want[cmd.name] {
			if got[arg] != w {
				t.Errorf("%s %s: shorthand syntax\n got %q\nwant %q", cmd.name, arg, got[arg], w)
			}
		}
		if len(got) != len(want[cmd.name]) {
			t.Errorf("%s: %d arguments with shorthand syntax, want %d", cmd.name, len(got), len(want[cmd.name]))
		}
	}
}

// TestOperationHelp checks that a help page is rendered from the model:
// the seed page's sections, every option with its type, the syntax of
// complex options and the output members.
func TestOperationHelp(t *testing.T) {
	m, err := awsmodel.Load()
	if err != nil {
		t.Fatal(err)
	}
	page := operationHelp(newOpCommand(m, m.Operation("CreateUser")), "connectlite")
	for _, want := range []string{
		"create-user\n\nDescription\n\nCreates a user account",
		"Synopsis\n\n  create-user\n--username <value>\n[--password <value>]\n",
		"[--cli-input-json | --cli-input-yaml]\n[--generate-cli-skeleton <value>]\n[--cli-auto-prompt <value>]\n",
		"--identity-info (structure)\n\nThe information about the identity of the user.\n\nFirstName -> (string)\n",
		"Shorthand Syntax:\n\nFirstName=string,LastName=string,Email=string,SecondaryEmail=string,Mobile=string\n",
		"JSON Syntax:\n\n{\n  \"FirstName\": \"string\",\n",
		"\"PhoneType\": \"SOFT_PHONE\"|\"DESK_PHONE\",\n  \"AutoAccept\": true|false,\n  \"AfterContactWorkTimeLimit\": integer,",
		"--security-profile-ids (list)\n\nThe identifier of the security profile for the user.\n\nConstraints:\n\n  min: 1\n  max: 10\n\n(string)\n\nSyntax:\n\n\"string\" \"string\" ...\n",
		"--tags (map)\n\nThe tags used to organize",
		"key -> (string)",
		"JSON Syntax:\n\n{\"string\": \"string\"\n  ...}\n",
		"Output\n\nUserId -> (string)\n\n  The identifier of the user account.\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("help page lacks %q", want)
		}
	}
	list := operationHelp(newOpCommand(m, m.Operation("ListUsers")), "connectlite")
	for _, want := range []string{"list-users is a paginated operation.", "[--starting-token <value>]", "[--page-size <value>]", "[--max-items <value>]"} {
		if !strings.Contains(list, want) {
			t.Errorf("list-users help lacks %q", want)
		}
	}
	if strings.Contains(list, "--next-token") || strings.Contains(list, "--max-results") {
		t.Errorf("list-users help documents the paging members the aws CLI hides")
	}
}
