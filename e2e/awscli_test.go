package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// seed000 is the create-user example of the aws CLI documentation (seed
// 000), verbatim. The tests append only --endpoint-url and --region.
const seed000 = `aws connect create-user \
    --username Mary \
    --password Pass@Word1 \
    --identity-info FirstName=Mary,LastName=Major \
    --phone-config PhoneType=DESK_PHONE,AutoAccept=true,AfterContactWorkTimeLimit=60,DeskPhoneNumber=+15555551212 \
    --security-profile-id 12345678-1111-2222-aaaa-a1b2c3d4f5g7 \
    --routing-profile-id 87654321-9999-3434-abcd-x1y2z3a1b2c3 \
    --instance-id a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`

// cliResult is what one aws CLI run produced.
type cliResult struct {
	stdout, stderr string
	exit           int
}

// awsCLI runs a command line through bash with the client environment for
// s; the command line is expected to start with "aws".
func awsCLI(t *testing.T, env []string, line string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", line)
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := cliResult{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.exit = ee.ExitCode()
	case err != nil:
		t.Fatalf("run %q: %v", line, err)
	}
	return r
}

// awsJSON runs line, requires exit status 0 and decodes stdout into v.
func awsJSON(t *testing.T, env []string, line string, v any) {
	t.Helper()
	r := awsCLI(t, env, line)
	if r.exit != 0 {
		t.Fatalf("%s\nexit %d\nstderr: %s", line, r.exit, r.stderr)
	}
	if v == nil {
		if strings.TrimSpace(r.stdout) != "" {
			t.Errorf("%s: stdout = %q, want nothing", line, r.stdout)
		}
		return
	}
	if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
		t.Fatalf("%s: stdout is not the expected JSON: %v\n%s", line, err, r.stdout)
	}
}

func requireAWSCLI(t *testing.T) {
	t.Helper()
	requireTool(t, "bash")
	requireTool(t, "aws")
}

// TestAWSCLISeedExample runs the documentation's create-user example
// verbatim against the demo fixture and expects the documented answer.
func TestAWSCLISeedExample(t *testing.T) {
	t.Parallel()
	requireAWSCLI(t)
	s := startServer(t, "--demo", "--bcrypt-cost", "4")
	env := clientEnv(t, s.URL)
	endpoint := ` --endpoint-url "$CONNECTLITE_ENDPOINT" --region ` + demoRegion

	var created map[string]any
	awsJSON(t, env, seed000+endpoint, &created)
	var keys []string
	for k := range created {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if got := strings.Join(keys, ","); got != "UserArn,UserId" {
		t.Fatalf("create-user output has members %s, want UserArn,UserId (as the example): %v", got, created)
	}
	id, _ := created["UserId"].(string)
	if !uuidRE.MatchString(id) {
		t.Errorf("UserId = %v, want a lowercase UUID", created["UserId"])
	}
	wantARN := "arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/" + id
	if got, _ := created["UserArn"].(string); got != wantARN {
		t.Errorf("UserArn = %v, want %s", created["UserArn"], wantARN)
	}

	// The user is what the example asked for.
	var d struct{ User map[string]any }
	awsJSON(t, env, `aws connect describe-user --instance-id `+demoInstance+` --user-id `+id+endpoint, &d)
	want := map[string]any{
		"Id":                 id,
		"Arn":                wantARN,
		"Username":           "Mary",
		"IdentityInfo":       map[string]any{"FirstName": "Mary", "LastName": "Major"},
		"SecurityProfileIds": []any{demoSecurityProfile},
		"RoutingProfileId":   demoRoutingProfile,
	}
	for k, w := range want {
		if g := d.User[k]; fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("describe-user %s = %v, want %v", k, g, w)
		}
	}
	pc, _ := d.User["PhoneConfig"].(map[string]any)
	wantPC := map[string]any{"PhoneType": "DESK_PHONE", "AutoAccept": true, "AfterContactWorkTimeLimit": float64(60), "DeskPhoneNumber": "+15555551212"}
	for k, w := range wantPC {
		if pc[k] != w {
			t.Errorf("describe-user PhoneConfig.%s = %v, want %v", k, pc[k], w)
		}
	}
	if _, ok := d.User["Password"]; ok {
		t.Error("describe-user returns a Password member")
	}

	// Running the example again is a duplicate: exit status 255 and the
	// CLI's error line.
	r := awsCLI(t, env, seed000+endpoint)
	checkCLIError(t, r, "DuplicateResourceException", "CreateUser")
}

// checkCLIError expects the aws CLI's failure: status 255 and
// "An error occurred (CODE) when calling the OP operation: MESSAGE".
func checkCLIError(t *testing.T, r cliResult, code, op string) {
	t.Helper()
	if r.exit != 255 {
		t.Errorf("exit status = %d, want 255 (stderr %q)", r.exit, r.stderr)
	}
	re := regexp.MustCompile(`An error occurred \(` + code + `\) when calling the ` + op + ` operation: \S.*`)
	if !re.MatchString(r.stderr) {
		t.Errorf("stderr = %q, want it to match %s", r.stderr, re)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
}

// TestAWSCLIUserSequence walks the path a CLI user takes: create-instance,
// list-security-profiles, create-user, describe-user,
// update-user-identity-info, describe-user; then the common failures.
func TestAWSCLIUserSequence(t *testing.T) {
	t.Parallel()
	requireAWSCLI(t)
	s := sharedServer(t)
	env := clientEnv(t, s.URL)
	const region = "us-east-2"
	endpoint := ` --endpoint-url "$CONNECTLITE_ENDPOINT" --region ` + region

	alias := unique("cli")
	var inst struct{ Id, Arn string }
	awsJSON(t, env, `aws connect create-instance --identity-management-type CONNECT_MANAGED --instance-alias `+alias+
		` --inbound-calls-enabled --outbound-calls-enabled`+endpoint, &inst)
	if !uuidRE.MatchString(inst.Id) || inst.Arn != "arn:aws:connect:"+region+":"+defaultAccount+":instance/"+inst.Id {
		t.Fatalf("create-instance = %+v, want a UUID and its ARN", inst)
	}

	var sp struct {
		SecurityProfileSummaryList []struct{ Id, Name, Arn string }
	}
	awsJSON(t, env, `aws connect list-security-profiles --instance-id `+inst.Id+endpoint, &sp)
	sec := map[string]string{}
	for _, p := range sp.SecurityProfileSummaryList {
		sec[p.Name] = p.Id
	}
	if len(sec) != 4 || sec["Agent"] == "" || sec["Admin"] == "" {
		t.Fatalf("list-security-profiles = %+v, want Admin, Agent, CallCenterManager, QualityAnalyst", sp)
	}
	var rp struct {
		RoutingProfileSummaryList []struct{ Id, Name string }
	}
	awsJSON(t, env, `aws connect list-routing-profiles --instance-id `+inst.Id+endpoint, &rp)
	if len(rp.RoutingProfileSummaryList) != 1 || rp.RoutingProfileSummaryList[0].Name != "Basic Routing Profile" {
		t.Fatalf("list-routing-profiles = %+v, want Basic Routing Profile", rp)
	}
	routing := rp.RoutingProfileSummaryList[0].Id

	username := unique("cli.")
	var created struct{ UserId, UserArn string }
	awsJSON(t, env, `aws connect create-user --username `+username+` --password 'Cl1-Passw0rd'`+
		` --identity-info FirstName=Jane,LastName=Doe,Email=jane@example.com,SecondaryEmail=jd@example.org,Mobile=+15555550123`+
		` --phone-config PhoneType=SOFT_PHONE,AutoAccept=false,AfterContactWorkTimeLimit=0,PersistentConnection=true`+
		` --security-profile-ids `+sec["Agent"]+` `+sec["Admin"]+
		` --routing-profile-id `+routing+` --instance-id `+inst.Id+` --tags team=cli,env=test`+endpoint, &created)
	if created.UserArn != inst.Arn+"/agent/"+created.UserId || !uuidRE.MatchString(created.UserId) {
		t.Fatalf("create-user = %+v, want a UUID and %s/agent/<UserId>", created, inst.Arn)
	}

	describeUser := `aws connect describe-user --instance-id ` + inst.Id + ` --user-id ` + created.UserId + endpoint
	var d struct{ User map[string]any }
	awsJSON(t, env, describeUser, &d)
	want := map[string]any{
		"Id":                 created.UserId,
		"Arn":                created.UserArn,
		"Username":           username,
		"IdentityInfo":       map[string]any{"FirstName": "Jane", "LastName": "Doe", "Email": "jane@example.com", "SecondaryEmail": "jd@example.org", "Mobile": "+15555550123"},
		"SecurityProfileIds": sortedAny(sec["Agent"], sec["Admin"]),
		"RoutingProfileId":   routing,
		"Tags":               map[string]any{"team": "cli", "env": "test"},
		"LastModifiedRegion": region,
	}
	checkMembers(t, "describe-user", d.User, want)
	pc, _ := d.User["PhoneConfig"].(map[string]any)
	if pc["PhoneType"] != "SOFT_PHONE" || pc["PersistentConnection"] != true ||
		(pc["AutoAccept"] != nil && pc["AutoAccept"] != false) ||
		(pc["AfterContactWorkTimeLimit"] != nil && pc["AfterContactWorkTimeLimit"] != float64(0)) {
		t.Errorf("describe-user PhoneConfig = %v, want SOFT_PHONE, AutoAccept false, ACW 0, PersistentConnection true", pc)
	}
	if d.User["LastModifiedTime"] == nil {
		t.Error("describe-user has no LastModifiedTime")
	}

	awsJSON(t, env, `aws connect update-user-identity-info --instance-id `+inst.Id+` --user-id `+created.UserId+
		` --identity-info '{"FirstName":"Janet","LastName":"Doe-Smith","Email":"janet@example.com","SecondaryEmail":"janet@example.net","Mobile":"+442079460000"}'`+endpoint, nil)
	awsJSON(t, env, describeUser, &d)
	want["IdentityInfo"] = map[string]any{"FirstName": "Janet", "LastName": "Doe-Smith", "Email": "janet@example.com", "SecondaryEmail": "janet@example.net", "Mobile": "+442079460000"}
	checkMembers(t, "describe-user after update-user-identity-info", d.User, want)

	errorsTests := []struct {
		name, line, code, op string
	}{
		{"UnknownUser", `aws connect describe-user --instance-id ` + inst.Id + ` --user-id 00000000-0000-4000-8000-0000000000cc`, "ResourceNotFoundException", "DescribeUser"},
		{"DuplicateUsername", `aws connect create-user --username ` + strings.ToUpper(username) + ` --password Cl1-Passw0rd --identity-info FirstName=A,LastName=B` +
			` --phone-config PhoneType=SOFT_PHONE --security-profile-ids ` + sec["Agent"] + ` --routing-profile-id ` + routing + ` --instance-id ` + inst.Id, "DuplicateResourceException", "CreateUser"},
		{"WeakPassword", `aws connect create-user --username ` + unique("w") + ` --password password --identity-info FirstName=A,LastName=B` +
			` --phone-config PhoneType=SOFT_PHONE --security-profile-ids ` + sec["Agent"] + ` --routing-profile-id ` + routing + ` --instance-id ` + inst.Id, "InvalidParameterException", "CreateUser"},
		{"PhoneConfigConflict", `aws connect create-user --username ` + unique("w") + ` --password Cl1-Passw0rd --identity-info FirstName=A,LastName=B` +
			` --phone-config PhoneType=SOFT_PHONE,AutoAccept=true --auto-accept-configs Channel=VOICE,AutoAccept=true --security-profile-ids ` + sec["Agent"] +
			` --routing-profile-id ` + routing + ` --instance-id ` + inst.Id, "InvalidRequestException", "CreateUser"},
	}
	for _, tt := range errorsTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkCLIError(t, awsCLI(t, env, tt.line+endpoint), tt.code, tt.op)
		})
	}
}

func sortedAny(s ...string) []any {
	sort.Strings(s)
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// checkMembers compares the members of got named in want; lists compare as
// sets of strings.
func checkMembers(t *testing.T, what string, got, want map[string]any) {
	t.Helper()
	for k, w := range want {
		g := got[k]
		if l, ok := g.([]any); ok {
			ss := make([]string, len(l))
			for i, v := range l {
				ss[i] = fmt.Sprint(v)
			}
			g = sortedAny(ss...)
		}
		if fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("%s %s = %v, want %v", what, k, g, w)
		}
	}
}
