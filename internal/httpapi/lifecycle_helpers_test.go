package httpapi

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/google/uuid"

	"github.com/connectlite/connectlite"
)

// Helpers of the user lifecycle and tag tests.

// describe returns the user as DescribeUser shows it.
func (e *env) describe(t *testing.T, f fixture, userID string) types.User {
	t.Helper()
	d, err := e.client.DescribeUser(context.Background(), &connect.DescribeUserInput{
		InstanceId: aws.String(f.instanceID), UserId: aws.String(userID),
	})
	if err != nil {
		t.Fatalf("DescribeUser(%s): %v", userID, err)
	}
	return *d.User
}

// wantModified fails unless u was last modified now, in the test region.
func (e *env) wantModified(t *testing.T, u types.User) {
	t.Helper()
	if got := aws.ToTime(u.LastModifiedTime); !got.Equal(e.clock.Now()) || aws.ToString(u.LastModifiedRegion) != testRegion {
		t.Errorf("LastModifiedTime, LastModifiedRegion = %v, %q; want %v, %s", got, aws.ToString(u.LastModifiedRegion), e.clock.Now(), testRegion)
	}
}

// wantCode fails unless err is the AWS error code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != code {
		t.Fatalf("%s: err = %v, want %s", what, err, code)
	}
}

// unknownID is a well-formed id that names nothing.
const unknownID = "00000000-0000-4000-8000-000000000000"

// storeInstance stores, through the store, an instance of the test account
// and region with its default resources plus a second routing profile
// "Sales" (no API creates one here), and returns it.
func (e *env) storeInstance(t *testing.T, alias string) *connectlite.NewInstance {
	t.Helper()
	n := connectlite.BuildNewInstance(connectlite.Instance{
		AccountID: testAccount, Region: testRegion, Alias: alias,
		IdentityManagementType: connectlite.IdentityConnectManaged,
		InboundCallsEnabled:    true, CreatedTime: e.clock.Now(),
	}, connectlite.IDs{}, uuid.NewString)
	n.RoutingProfiles = append(n.RoutingProfiles, connectlite.RoutingProfile{
		InstanceID: n.Instance.ID, ID: uuid.NewString(), Name: "Sales", DefaultOutboundQueueID: n.Queues[0].ID,
		MediaConcurrencies: []connectlite.MediaConcurrency{{Channel: "VOICE", Concurrency: 1}},
		LastModifiedTime:   e.clock.Now(), LastModifiedRegion: testRegion,
	})
	if err := e.store.CreateInstance(context.Background(), n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	return n
}

// fixtureOf returns the fixture of a stored instance.
func fixtureOf(n *connectlite.NewInstance) fixture {
	f := fixture{instanceID: n.Instance.ID, instanceARN: n.Instance.ARN(), routingProfileID: n.RoutingProfiles[0].ID}
	for _, p := range n.SecurityProfiles {
		switch p.Name {
		case "Agent":
			f.agentProfileID = p.ID
		case "Admin":
			f.adminProfileID = p.ID
		}
	}
	return f
}
