package sqlite

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// TestStaleInstanceCacheCannotWriteIntoDeletedInstance has two services
// share one store, as two replicas share a database: replica a has the
// instance cached when replica b deletes it. a's cache still answers for
// the instance, but every write a makes into it fails with KindNotFound,
// because the store checks the instance inside the write's transaction,
// and nothing is left behind.
func TestStaleInstanceCacheCannotWriteIntoDeletedInstance(t *testing.T) {
	ctx := t.Context()
	s := mustOpen(t, filepath.Join(t.TempDir(), "db.sqlite"))
	defer s.Close()
	newID := seq()
	newService := func() *connectlite.Service {
		return &connectlite.Service{Store: s, Now: time.Now, NewID: newID, AccountID: "123456789012"}
	}
	a, b := newService(), newService()
	inst, err := a.CreateInstance(ctx, "us-west-2", &connectlite.CreateInstanceInput{
		IdentityManagementType: connectlite.IdentitySAML, InstanceAlias: "stale", InboundCallsEnabled: true,
	})
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	_, profiles, _, err := a.ListSecurityProfiles(ctx, "us-west-2", inst.ID, "", 10) // caches the instance in a
	if err != nil {
		t.Fatal(err)
	}
	_, routing, _, err := a.ListRoutingProfiles(ctx, "us-west-2", inst.ID, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	in := &connectlite.CreateUserInput{
		InstanceID: inst.ID, Username: "ana", IdentityInfo: &connectlite.IdentityInfo{FirstName: "Ana", LastName: "Lee"},
		PhoneConfig:        &connectlite.PhoneConfigInput{PhoneType: new(connectlite.PhoneTypeSoft)},
		SecurityProfileIDs: []string{profiles[0].ID}, RoutingProfileID: routing[0].ID,
	}
	u, err := a.CreateUser(ctx, "us-west-2", in)
	if err != nil {
		t.Fatalf("CreateUser before the delete: %v", err)
	}

	if err := b.DeleteInstance(ctx, "us-west-2", inst.ID); err != nil {
		t.Fatalf("DeleteInstance on b: %v", err)
	}
	if _, err := a.DescribeInstance(ctx, "us-west-2", inst.ID); err != nil {
		t.Fatalf("DescribeInstance on a = %v; want the cached instance (this test needs a cache hit)", err)
	}

	in.Username = "bo"
	_, err = a.CreateUser(ctx, "us-west-2", in)
	if got, want := connectlite.KindOf(err), connectlite.KindNotFound; got != want {
		t.Errorf("CreateUser through the stale cache: kind = %v, want %v (err: %v)", got, want, err)
	}
	err = a.UpdateUserIdentityInfo(ctx, "us-west-2", inst.ID, u.ID, &connectlite.IdentityInfo{FirstName: "Ana", LastName: "Lee"})
	if got, want := connectlite.KindOf(err), connectlite.KindNotFound; got != want {
		t.Errorf("UpdateUserIdentityInfo through the stale cache: kind = %v, want %v (err: %v)", got, want, err)
	}
	err = a.TagResource(ctx, "us-west-2", inst.ARN(), map[string]string{"k": "v"})
	if got, want := connectlite.KindOf(err), connectlite.KindNotFound; got != want {
		t.Errorf("TagResource through the stale cache: kind = %v, want %v (err: %v)", got, want, err)
	}
	var users int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE instance_id = ?`, inst.ID).Scan(&users); err != nil {
		t.Fatal(err)
	}
	if users != 0 {
		t.Fatalf("%d users left in the deleted instance, want 0", users)
	}
}
