package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
)

// call sends r and decodes a successful JSON answer into out (which may be
// nil); any other answer is an error that quotes the server.
func call(ctx context.Context, c *Client, r *Request, out any) error {
	resp, err := c.Do(ctx, r)
	if err != nil {
		return fmt.Errorf("%s: %w", r.Op, err)
	}
	if resp.Status/100 != 2 {
		return fmt.Errorf("%s: the server answered %s: %s", r.Op, ErrorCode(resp, nil), snippet(resp.Body))
	}
	if out != nil {
		if err := json.Unmarshal(resp.Body, out); err != nil {
			return fmt.Errorf("%s: decode answer: %w", r.Op, err)
		}
	}
	return nil
}

// CreateInstance creates an instance of the given identity management type
// and finds the ids a CreateUser needs: the Agent security profile (or the
// first one) and the first routing profile.
func CreateInstance(ctx context.Context, c *Client, identityType, alias string) (*Instance, error) {
	body := mustJSON(map[string]any{
		"IdentityManagementType": identityType,
		"InstanceAlias":          alias,
		"InboundCallsEnabled":    true,
		"OutboundCallsEnabled":   true,
	})
	var created struct{ Id string }
	if err := call(ctx, c, &Request{Op: "CreateInstance", Method: "PUT", Path: "/instance", Body: body}, &created); err != nil {
		return nil, err
	}
	inst := &Instance{ID: created.Id}
	q := url.Values{"maxResults": {"100"}}
	var sps struct {
		SecurityProfileSummaryList []struct{ Id, Name string }
	}
	if err := call(ctx, c, &Request{Op: "ListSecurityProfiles", Method: "GET",
		Path: "/security-profiles-summary/" + url.PathEscape(inst.ID), Query: q}, &sps); err != nil {
		return nil, err
	}
	for _, sp := range sps.SecurityProfileSummaryList {
		if inst.SecurityProfileID == "" || sp.Name == "Agent" {
			inst.SecurityProfileID = sp.Id
		}
	}
	var rps struct {
		RoutingProfileSummaryList []struct{ Id, Name string }
	}
	if err := call(ctx, c, &Request{Op: "ListRoutingProfiles", Method: "GET",
		Path: "/routing-profiles-summary/" + url.PathEscape(inst.ID), Query: q}, &rps); err != nil {
		return nil, err
	}
	if len(rps.RoutingProfileSummaryList) > 0 {
		inst.RoutingProfileID = rps.RoutingProfileSummaryList[0].Id
	}
	if inst.SecurityProfileID == "" || inst.RoutingProfileID == "" {
		return nil, fmt.Errorf("instance %s has no security or routing profile to create users with", inst.ID)
	}
	return inst, nil
}

// probeEmail creates one user to learn whether the instance takes
// IdentityInfo.Email (the documentation contradicts itself for SAML) and
// returns the created user's id.
func probeEmail(ctx context.Context, c *Client, inst *Instance, username, password string) (string, error) {
	var out createUserOutput
	inst.EmailAllowed = true
	err := call(ctx, c, createUserRequest(inst, username, password), &out)
	if err == nil {
		return out.UserId, nil
	}
	inst.EmailAllowed = false
	if err2 := call(ctx, c, createUserRequest(inst, username, password), &out); err2 != nil {
		return "", fmt.Errorf("create a user with Email: %v; without: %w", err, err2)
	}
	return out.UserId, nil
}

// Setup creates the instances a run needs: a SAML instance for users
// without password and, if managed, a CONNECT_MANAGED instance for users
// with one.
func (f *Fixture) Setup(ctx context.Context, c *Client, managed bool) error {
	var err error
	if f.SAML, err = CreateInstance(ctx, c, "SAML", "bench-"+f.RunTag+"-saml"); err != nil {
		return fmt.Errorf("set up the SAML instance: %w", err)
	}
	if _, err := probeEmail(ctx, c, f.SAML, f.newUsername('x'), ""); err != nil {
		return fmt.Errorf("set up the SAML instance: %w", err)
	}
	if managed {
		if f.Managed, err = CreateInstance(ctx, c, "CONNECT_MANAGED", "bench-"+f.RunTag+"-managed"); err != nil {
			return fmt.Errorf("set up the CONNECT_MANAGED instance: %w", err)
		}
		if _, err := probeEmail(ctx, c, f.Managed, f.newUsername('x'), BenchPassword); err != nil {
			return fmt.Errorf("set up the CONNECT_MANAGED instance: %w", err)
		}
	}
	return nil
}

// Seed creates n users in the SAML instance through the API with clients
// concurrent clients (T1's path), names them SeedUsername(0..n-1) and keeps
// a sample of their ids for the read and update operations. serverPID, if
// not zero, is the server's process, whose CPU time is then reported.
func (f *Fixture) Seed(ctx context.Context, c *Client, n uint64, clients, serverPID int) (*Result, error) {
	res, err := Run(ctx, c, "seed", f.SeedOp(), Options{Clients: clients, Requests: n, ServerPID: serverPID})
	if err != nil {
		return nil, err
	}
	f.Seeded = n
	return res, nil
}

// CheckReads asks for the first ListUsers page and the first seeded
// username prefix's SearchUsers page (if search) and checks that both
// return users, so that the latency phases measure real answers.
func (f *Fixture) CheckReads(ctx context.Context, c *Client, search bool) error {
	var list struct{ UserSummaryList []struct{ Id string } }
	if err := call(ctx, c, &Request{Op: "ListUsers", Method: "GET", Path: "/users-summary/" + url.PathEscape(f.SAML.ID),
		Query: url.Values{"maxResults": {fmt.Sprint(f.ListPage)}}}, &list); err != nil {
		return err
	}
	if want := min(uint64(f.ListPage), f.Seeded); uint64(len(list.UserSummaryList)) < want {
		return fmt.Errorf("ListUsers returned %d users, want %d", len(list.UserSummaryList), want)
	}
	if !search {
		return nil
	}
	body := searchUsersBody{InstanceId: f.SAML.ID, MaxResults: f.SearchPage, SearchCriteria: &searchCriteria{
		StringCondition: &stringCondition{FieldName: "Username", Value: f.SeedUsername(0)[:len(f.RunTag)+1+seedDigits-3], ComparisonType: "STARTS_WITH"}}}
	var found struct {
		Users                 []struct{ Username string }
		ApproximateTotalCount int64
	}
	if err := call(ctx, c, &Request{Op: "SearchUsers", Method: "POST", Path: "/search-users", Body: mustJSON(body)}, &found); err != nil {
		return err
	}
	if want := min(uint64(f.SearchPage), f.Seeded, 1000); uint64(len(found.Users)) < want {
		return fmt.Errorf("SearchUsers STARTS_WITH %q returned %d users (ApproximateTotalCount %d), want %d",
			body.SearchCriteria.StringCondition.Value, len(found.Users), found.ApproximateTotalCount, want)
	}
	return nil
}
