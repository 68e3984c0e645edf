package e2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"regexp"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
)

// The account every ARN carries unless serve is told otherwise.
const defaultAccount = "123456789012"

// The demo fixture's identifiers (seed 000).
const (
	demoInstance        = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	demoSecurityProfile = "12345678-1111-2222-aaaa-a1b2c3d4f5g7"
	demoRoutingProfile  = "87654321-9999-3434-abcd-x1y2z3a1b2c3"
	demoRegion          = "us-west-2"
)

// uuidRE matches the lowercase UUIDs AWS uses as identifiers.
var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// newClient returns an aws-sdk-go-v2 Connect client for s in region, signed
// with the emulator's test/test key and without retries, so every error the
// server returns reaches the test unchanged.
func newClient(s *server, region string) *connect.Client {
	return newClientWithKey(s, region, "test", "test")
}

func newClientWithKey(s *server, region, akid, secret string) *connect.Client {
	return connect.New(connect.Options{
		Region:           region,
		BaseEndpoint:     aws.String(s.URL),
		Credentials:      credentials.NewStaticCredentialsProvider(akid, secret, ""),
		RetryMaxAttempts: 1,
	})
}

// unique returns prefix followed by 8 random hex digits; names made with it
// never collide between tests sharing a server.
func unique(prefix string) string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return prefix + hex.EncodeToString(b[:])
}

// createInstance creates an instance of the given identity type and returns
// its id.
func createInstance(ctx context.Context, t *testing.T, c *connect.Client, typ types.DirectoryType) string {
	t.Helper()
	in := &connect.CreateInstanceInput{
		IdentityManagementType: typ,
		InstanceAlias:          aws.String(unique("e2e")),
		InboundCallsEnabled:    aws.Bool(true),
		OutboundCallsEnabled:   aws.Bool(true),
	}
	if typ == types.DirectoryTypeExistingDirectory {
		in.DirectoryId = aws.String(unique("d-") + "ab")
	}
	out, err := c.CreateInstance(ctx, in)
	if err != nil {
		t.Fatalf("CreateInstance(%s): %v", typ, err)
	}
	return aws.ToString(out.Id)
}

// instanceProfiles returns the ids of the instance's security profiles by
// name and of its "Basic Routing Profile".
func instanceProfiles(ctx context.Context, t *testing.T, c *connect.Client, inst string) (map[string]string, string) {
	t.Helper()
	sec := map[string]string{}
	p := connect.NewListSecurityProfilesPaginator(c, &connect.ListSecurityProfilesInput{InstanceId: aws.String(inst)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListSecurityProfiles: %v", err)
		}
		for _, s := range page.SecurityProfileSummaryList {
			sec[aws.ToString(s.Name)] = aws.ToString(s.Id)
		}
	}
	rp, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("ListRoutingProfiles: %v", err)
	}
	for _, r := range rp.RoutingProfileSummaryList {
		if aws.ToString(r.Name) == "Basic Routing Profile" {
			return sec, aws.ToString(r.Id)
		}
	}
	t.Fatalf("ListRoutingProfiles: no Basic Routing Profile in %+v", rp.RoutingProfileSummaryList)
	return nil, ""
}

// basicUser returns a valid CreateUser request for a CONNECT_MANAGED
// instance.
func basicUser(inst, username, secProfile, routing string) *connect.CreateUserInput {
	return &connect.CreateUserInput{
		InstanceId:         aws.String(inst),
		Username:           aws.String(username),
		Password:           aws.String("Passw0rdE2E"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Ana"), LastName: aws.String("Lima")},
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
		SecurityProfileIds: []string{secProfile},
		RoutingProfileId:   aws.String(routing),
	}
}

// httpStatus returns the HTTP status of an SDK error, or 0.
func httpStatus(err error) int {
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode()
	}
	return 0
}

// errorCode returns the AWS error code of an SDK error, or "".
func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// normalized returns u as indented JSON with list members in a canonical
// order: AWS does not promise an order for them.
func normalized(t *testing.T, u types.User) string {
	t.Helper()
	u.SecurityProfileIds = append([]string(nil), u.SecurityProfileIds...)
	sort.Strings(u.SecurityProfileIds)
	u.AutoAcceptConfigs = append([]types.AutoAcceptConfig(nil), u.AutoAcceptConfigs...)
	sort.Slice(u.AutoAcceptConfigs, func(i, j int) bool { return u.AutoAcceptConfigs[i].Channel < u.AutoAcceptConfigs[j].Channel })
	u.AfterContactWorkConfigs = append([]types.AfterContactWorkConfigPerChannel(nil), u.AfterContactWorkConfigs...)
	sort.Slice(u.AfterContactWorkConfigs, func(i, j int) bool {
		return u.AfterContactWorkConfigs[i].Channel < u.AfterContactWorkConfigs[j].Channel
	})
	u.PhoneNumberConfigs = append([]types.PhoneNumberConfig(nil), u.PhoneNumberConfigs...)
	sort.Slice(u.PhoneNumberConfigs, func(i, j int) bool { return u.PhoneNumberConfigs[i].Channel < u.PhoneNumberConfigs[j].Channel })
	u.PersistentConnectionConfigs = append([]types.PersistentConnectionConfig(nil), u.PersistentConnectionConfigs...)
	sort.Slice(u.PersistentConnectionConfigs, func(i, j int) bool {
		return u.PersistentConnectionConfigs[i].Channel < u.PersistentConnectionConfigs[j].Channel
	})
	u.VoiceEnhancementConfigs = append([]types.VoiceEnhancementConfig(nil), u.VoiceEnhancementConfigs...)
	sort.Slice(u.VoiceEnhancementConfigs, func(i, j int) bool {
		return u.VoiceEnhancementConfigs[i].Channel < u.VoiceEnhancementConfigs[j].Channel
	})
	if len(u.Tags) == 0 {
		u.Tags = nil
	}
	b, err := json.MarshalIndent(u, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
