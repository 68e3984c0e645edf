package awscli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const demoInstance = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"

// TestVersion2Features covers what aws-cli v1 lacks, so the golden suite
// cannot compare it with the installed aws CLI: both input files at once,
// yaml-stream page by page, yaml of a merged listing, --debug, help.
func TestVersion2Features(t *testing.T) {
	e := newEnv(t)

	t.Run("BothInputFilesRejected", func(t *testing.T) {
		r := e.connectlite("create-user", "--cli-input-json", "{}", "--cli-input-yaml", "{}")
		if r.code != 255 || r.stderr != "\nOnly one --cli-input- parameter may be specified.\n" {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	})

	t.Run("YAMLInputSkeletonRoundTrip", func(t *testing.T) {
		skel := e.must("create-user", "--generate-cli-skeleton", "yaml-input")
		if !strings.Contains(skel, "Username: '' # [REQUIRED] The user name for the account.") {
			t.Errorf("skeleton lacks the commented Username line:\n%s", skel)
		}
		// Fill the skeleton in and run it: its structure is valid input.
		var doc map[string]any
		if err := yaml.Unmarshal([]byte(skel), &doc); err != nil {
			t.Fatalf("skeleton is not YAML: %v", err)
		}
		filled := "InstanceId: " + demoInstance + "\nUsername: fromyaml\nPassword: Pass@Word1\n" +
			"IdentityInfo:\n  FirstName: Yam\n  LastName: L\nPhoneConfig:\n  PhoneType: SOFT_PHONE\n" +
			"SecurityProfileIds:\n- 12345678-1111-2222-aaaa-a1b2c3d4f5g7\nRoutingProfileId: 87654321-9999-3434-abcd-x1y2z3a1b2c3\n"
		path := filepath.Join(e.dir, "user.yaml")
		if err := os.WriteFile(path, []byte(filled), 0o644); err != nil {
			t.Fatal(err)
		}
		id := e.must("create-user", "--cli-input-yaml", "file://"+path, "--query", "UserId", "--output", "text")
		name := e.must("describe-user", "--instance-id", demoInstance, "--user-id", id, "--query", "User.Username", "--output", "text")
		if name != "fromyaml" {
			t.Errorf("created user %q, want fromyaml", name)
		}
	})

	t.Run("YAMLStreamPageByPage", func(t *testing.T) {
		all := e.must("list-security-profiles", "--instance-id", demoInstance, "--query", "length(SecurityProfileSummaryList)")
		out := e.must("list-security-profiles", "--instance-id", demoInstance, "--page-size", "2", "--output", "yaml-stream")
		var pages []struct {
			SecurityProfileSummaryList []any `yaml:"SecurityProfileSummaryList"`
		}
		if err := yaml.Unmarshal([]byte(out), &pages); err != nil {
			t.Fatalf("not a YAML list: %v\n%s", err, out)
		}
		total := 0
		for _, p := range pages {
			if n := len(p.SecurityProfileSummaryList); n > 2 {
				t.Errorf("a page holds %d profiles with --page-size 2", n)
			}
			total += len(p.SecurityProfileSummaryList)
		}
		var want int
		if err := json.Unmarshal([]byte(all), &want); err != nil {
			t.Fatal(err)
		}
		if total != want || len(pages) != (want+1)/2 {
			t.Errorf("%d pages with %d profiles, want %d pages with %d", len(pages), total, (want+1)/2, want)
		}
	})

	t.Run("YAMLOfMergedPages", func(t *testing.T) {
		out := e.must("list-security-profiles", "--instance-id", demoInstance, "--page-size", "1", "--max-items", "3", "--output", "yaml")
		var doc struct {
			SecurityProfileSummaryList []any  `yaml:"SecurityProfileSummaryList"`
			NextToken                  string `yaml:"NextToken"`
		}
		if err := yaml.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.SecurityProfileSummaryList) != 3 || doc.NextToken == "" {
			t.Errorf("merged listing has %d profiles and token %q, want 3 and a token", len(doc.SecurityProfileSummaryList), doc.NextToken)
		}
	})

	t.Run("DebugLogsWithoutSignature", func(t *testing.T) {
		r := e.connectlite("describe-instance", "--instance-id", demoInstance, "--debug")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		for _, want := range []string{"msg=request", "method=GET", "msg=response", "status=200", "Signature=REDACTED"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("debug log lacks %q:\n%s", want, r.stderr)
			}
		}
	})

	t.Run("Help", func(t *testing.T) {
		r := e.connectlite("describe-user", "help")
		if r.code != 0 || !strings.Contains(r.stdout, "--user-id (string)") || !strings.Contains(r.stdout, "Output\n\nUser -> (structure)") {
			t.Errorf("describe-user help: exit %d\n%s", r.code, r.stdout)
		}
		r = e.connectlite("--output", "json", "help")
		if r.code != 0 || !strings.Contains(r.stdout, "Available Commands") || !strings.Contains(r.stdout, "* create-user\n") {
			t.Errorf("help: exit %d\n%s", r.code, r.stdout)
		}
	})
}
