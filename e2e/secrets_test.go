package e2e

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"golang.org/x/crypto/bcrypt"
	_ "modernc.org/sqlite" // to read the stored hash as an operator would
)

// TestPasswordIsOnlyStoredAsSaltedHash creates users through the API with
// debug logging on, then checks that the password appears nowhere in the
// database files or the server's log, that DescribeUser never returns it,
// and that the stored value is a bcrypt hash of it at the configured cost,
// salted (two users with one password get different hashes).
func TestPasswordIsOnlyStoredAsSaltedHash(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const secret = "Zq9Secr3tPassw0rd"
	const cost = 5
	s := startServer(t, "--bcrypt-cost", "5", "--log-level", "debug")
	c := newClient(s, "us-east-1")
	inst := createInstance(ctx, t, c, types.DirectoryTypeConnectManaged)
	sec, routing := instanceProfiles(ctx, t, c, inst)
	var ids []string
	for _, name := range []string{"hash1", "hash2"} {
		in := basicUser(inst, name, sec["Agent"], routing)
		in.Password = aws.String(secret)
		out, err := c.CreateUser(ctx, in)
		if err != nil {
			t.Fatalf("CreateUser %s: %v", name, err)
		}
		ids = append(ids, aws.ToString(out.UserId))
		// A rejected request with the password in it must not leak it either.
		in.Username = aws.String("bad user name")
		if _, err := c.CreateUser(ctx, in); err == nil {
			t.Fatalf("CreateUser with an invalid username succeeded")
		}
	}
	d, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(inst), UserId: aws.String(ids[0])})
	if err != nil {
		t.Fatalf("DescribeUser: %v", err)
	}
	if d.User == nil || d.User.Username == nil {
		t.Fatalf("DescribeUser: no user in %+v", d)
	}

	db, err := sql.Open("sqlite", "file:"+filepath.Join(s.DataDir, "connectlite.db")+"?mode=ro")
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	defer db.Close()
	hashes := map[string]bool{}
	for _, id := range ids {
		var hash string
		if err := db.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = ?`, id).Scan(&hash); err != nil {
			t.Fatalf("read password_hash of %s: %v", id, err)
		}
		if err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(secret)); err != nil {
			t.Errorf("stored hash of %s does not verify the password: %v", id, err)
		}
		if got, err := bcrypt.Cost([]byte(hash)); err != nil || got != cost {
			t.Errorf("bcrypt cost of %s = %d (%v), want %d", id, got, err, cost)
		}
		hashes[hash] = true
	}
	if len(hashes) != len(ids) {
		t.Errorf("two users with one password share a hash: not salted")
	}

	if err := s.stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(s.DataDir, "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("%s contains the plaintext password", f)
		}
	}
	if log := s.log.tail(); strings.Contains(log, secret) {
		t.Errorf("server log contains the plaintext password")
	} else if !strings.Contains(log, "CreateUser") {
		t.Errorf("server log has no CreateUser line; is request logging on? log:\n%s", log)
	}
}
