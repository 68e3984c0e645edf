package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// TestRestartKeepsData stops the server gracefully and starts it again on
// the same data directory: instances and users are all there, unchanged.
func TestRestartKeepsData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const region = "eu-west-2"
	s := startServer(t, "--bcrypt-cost", "4")
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)

	before := map[string]string{} // user id -> normalized DescribeUser
	for i := 0; i < 5; i++ {
		in := basicUser(inst, unique(fmt.Sprintf("r%d_", i)), sec["Agent"], routing)
		in.IdentityInfo.Email = aws.String(fmt.Sprintf("r%d@example.com", i))
		in.IdentityInfo.Mobile = aws.String("+14155550100")
		in.Tags = map[string]string{"i": fmt.Sprint(i)}
		out, err := c.CreateUser(ctx, in)
		if err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		id := aws.ToString(out.UserId)
		if i == 0 {
			// An update must survive too.
			if _, err := c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{
				InstanceId: aws.String(inst), UserId: aws.String(id),
				IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Renamed"), LastName: aws.String("Later"), SecondaryEmail: aws.String("x@example.net")},
			}); err != nil {
				t.Fatalf("UpdateUserIdentityInfo: %v", err)
			}
		}
		before[id] = describeRaw(ctx, t, c, inst, id)
	}
	instBefore, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("DescribeInstance: %v", err)
	}

	if err := s.stop(); err != nil {
		t.Fatalf("graceful stop: %v (want exit status 0)", err)
	}
	s2 := s.restart(t)
	c2 := newClient(s2, region)

	instAfter, err := c2.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("DescribeInstance after restart: %v", err)
	}
	if g, w := asJSON(t, instAfter.Instance), asJSON(t, instBefore.Instance); g != w {
		t.Errorf("instance after restart:\n got %s\nwant %s", g, w)
	}
	for id, want := range before {
		if got := describeRaw(ctx, t, c2, inst, id); got != want {
			t.Errorf("user %s after restart:\n got %s\nwant %s", id, got, want)
		}
	}
	users, err := c2.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("ListUsers after restart: %v", err)
	}
	if len(users.UserSummaryList) != len(before) {
		t.Errorf("ListUsers after restart: %d users, want %d", len(users.UserSummaryList), len(before))
	}
	// The usernames are still taken, and new users can still be created.
	if len(users.UserSummaryList) > 0 {
		taken := aws.ToString(users.UserSummaryList[0].Username)
		_, err := c2.CreateUser(ctx, basicUser(inst, taken, sec["Agent"], routing))
		var dup *types.DuplicateResourceException
		if !errors.As(err, &dup) {
			t.Errorf("CreateUser %s after restart: err = %v, want DuplicateResourceException", taken, err)
		}
	}
	if _, err := c2.CreateUser(ctx, basicUser(inst, unique("after"), sec["Agent"], routing)); err != nil {
		t.Errorf("CreateUser after restart: %v", err)
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// describeRaw returns the user as normalized JSON, LastModified* included.
func describeRaw(ctx context.Context, t *testing.T, c *connect.Client, inst, id string) string {
	t.Helper()
	d, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeUser %s: %v", id, err)
	}
	return normalized(t, *d.User)
}

// TestKillAfterAckLosesNothing sends CreateUser from several clients and
// kills the server with SIGKILL the moment the last of them has been
// answered 200: after a restart every acknowledged user is there.
func TestKillAfterAckLosesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const (
		region  = "eu-west-2"
		total   = 40
		workers = 4
	)
	s := startServer(t, "--bcrypt-cost", "4")
	c := newClient(s, region)
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)

	var (
		mu     sync.Mutex
		acked  = map[string]string{} // id -> username
		done   = make(chan struct{})
		closed bool
		wg     sync.WaitGroup
	)
	// The kill happens inside the goroutine that received the last 200, so
	// nothing runs between the acknowledgement and SIGKILL; the other
	// workers' requests are in flight at that moment.
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				name := fmt.Sprintf("k%d_%d_%s", w, i, unique("")[:4])
				out, err := c.CreateUser(ctx, basicUser(inst, name, sec["Agent"], routing))
				if err != nil {
					// After the kill, requests fail; before it they must not.
					mu.Lock()
					wasClosed := closed
					mu.Unlock()
					if !wasClosed {
						t.Errorf("CreateUser %s before the kill: %v", name, err)
					}
					return
				}
				mu.Lock()
				if closed {
					// Acknowledged after the kill began: it raced SIGKILL
					// but got its 200, so it too must survive.
					acked[aws.ToString(out.UserId)] = name
					mu.Unlock()
					return
				}
				acked[aws.ToString(out.UserId)] = name
				if len(acked) == total {
					closed = true
					if err := s.kill(); err != nil {
						t.Errorf("kill -9: %v", err)
					}
					close(done)
				}
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	if !closed {
		t.Fatalf("only %d creates were acknowledged, want %d", len(acked), total)
	}

	s2 := s.restart(t)
	c2 := newClient(s2, region)
	for id, name := range acked {
		d, err := c2.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String(id)})
		if err != nil {
			t.Errorf("acknowledged user %s (%s) after kill -9 and restart: %v", id, name, err)
			continue
		}
		if got := aws.ToString(d.User.Username); got != name {
			t.Errorf("user %s: Username = %q, want %q", id, got, name)
		}
	}
	// The store is usable after the crash.
	if _, err := c2.CreateUser(ctx, basicUser(inst, unique("post"), sec["Agent"], routing)); err != nil {
		t.Errorf("CreateUser after crash recovery: %v", err)
	}
}

// TestConcurrentDuplicateUsername races 20 CreateUser calls for one
// username: exactly one wins, the others get DuplicateResourceException.
func TestConcurrentDuplicateUsername(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := sharedServer(t)
	c := newClient(s, "us-east-1")
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	name := unique("race")

	const n = 20
	errs := make([]error, n)
	ids := make([]string, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			in := basicUser(inst, name, sec["Agent"], routing)
			<-start
			out, err := c.CreateUser(ctx, in)
			errs[i] = err
			if err == nil {
				ids[i] = aws.ToString(out.UserId)
			}
		}(i)
	}
	close(start)
	wg.Wait()

	wins, dups := 0, 0
	winner := ""
	for i, err := range errs {
		var dup *types.DuplicateResourceException
		switch {
		case err == nil:
			wins++
			winner = ids[i]
		case errors.As(err, &dup) && httpStatus(err) == 409:
			dups++
		default:
			t.Errorf("call %d: err = %v (status %d), want success or DuplicateResourceException 409", i, err, httpStatus(err))
		}
	}
	if wins != 1 || dups != n-1 {
		t.Errorf("%d calls: %d succeeded and %d got DuplicateResourceException, want 1 and %d", n, wins, dups, n-1)
	}
	users, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(inst)})
	if err != nil {
		t.Fatalf("ListUsers: %v", err)
	}
	if len(users.UserSummaryList) != 1 || aws.ToString(users.UserSummaryList[0].Id) != winner {
		t.Errorf("ListUsers = %+v, want only the winner %s", users.UserSummaryList, winner)
	}
}
