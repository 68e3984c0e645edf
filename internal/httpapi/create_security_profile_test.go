package httpapi

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
)

// wantProfileErr fails unless err is an API error with that code.
func wantProfileErr(t *testing.T, op string, err error, code string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != code {
		t.Fatalf("%s: err = %v, want %s", op, err, code)
	}
}

func TestSecurityProfileLifecycle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "secprofiles", types.DirectoryTypeConnectManaged)
	inst := aws.String(f.instanceID)

	out, err := e.client.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{
		InstanceId:                   inst,
		SecurityProfileName:          aws.String("Night Shift"),
		Description:                  aws.String("night"),
		Permissions:                  []string{"Users.View", "BasicAgentAccess", "Users.View"},
		Tags:                         map[string]string{"team": "night"},
		AllowedAccessControlTags:     map[string]string{"Dept": "Sales"},
		TagRestrictedResources:       []string{"User"},
		HierarchyRestrictedResources: []string{"User"},
		Applications:                 []types.Application{{Namespace: aws.String("crm"), ApplicationPermissions: []string{"ACCESS"}}},
	})
	if err != nil {
		t.Fatalf("CreateSecurityProfile: %v", err)
	}
	id := aws.ToString(out.SecurityProfileId)
	if want := f.instanceARN + "/security-profile/" + id; aws.ToString(out.SecurityProfileArn) != want {
		t.Errorf("SecurityProfileArn = %q, want %q", aws.ToString(out.SecurityProfileArn), want)
	}

	d, err := e.client.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: inst, SecurityProfileId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeSecurityProfile: %v", err)
	}
	sp := d.SecurityProfile
	if aws.ToString(sp.SecurityProfileName) != "Night Shift" || aws.ToString(sp.OrganizationResourceId) != f.instanceID ||
		sp.Tags["team"] != "night" || sp.AllowedAccessControlTags["Dept"] != "Sales" ||
		!slices.Equal(sp.HierarchyRestrictedResources, []string{"User"}) || sp.LastModifiedTime == nil {
		t.Errorf("DescribeSecurityProfile = %+v", sp)
	}

	perms, err := e.client.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{
		InstanceId: inst, SecurityProfileId: aws.String(id), MaxResults: aws.Int32(1)})
	if err != nil || !slices.Equal(perms.Permissions, []string{"BasicAgentAccess"}) || perms.NextToken == nil {
		t.Fatalf("ListSecurityProfilePermissions(page 1) = %v, %v", perms, err)
	}
	perms, err = e.client.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{
		InstanceId: inst, SecurityProfileId: aws.String(id), MaxResults: aws.Int32(1), NextToken: perms.NextToken})
	if err != nil || !slices.Equal(perms.Permissions, []string{"Users.View"}) || perms.NextToken != nil {
		t.Fatalf("ListSecurityProfilePermissions(page 2) = %v, %v", perms, err)
	}

	// Update: members left out keep their values; an empty list clears.
	if _, err := e.client.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{
		InstanceId: inst, SecurityProfileId: aws.String(id), Permissions: []string{}}); err != nil {
		t.Fatalf("UpdateSecurityProfile: %v", err)
	}
	perms, err = e.client.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: inst, SecurityProfileId: aws.String(id)})
	if err != nil || len(perms.Permissions) != 0 {
		t.Fatalf("ListSecurityProfilePermissions after clearing = %v, %v", perms, err)
	}
	d, _ = e.client.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: inst, SecurityProfileId: aws.String(id)})
	if aws.ToString(d.SecurityProfile.Description) != "night" {
		t.Errorf("Description after an update without it = %q, want kept", aws.ToString(d.SecurityProfile.Description))
	}

	// In use by a user: 409 ResourceInUseException naming the user.
	u := basicUser(f, "night1")
	u.SecurityProfileIds = []string{id}
	created, err := e.client.CreateUser(ctx, u)
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	_, err = e.client.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: inst, SecurityProfileId: aws.String(id)})
	var inUse *types.ResourceInUseException
	if !errors.As(err, &inUse) || inUse.ResourceType != types.ResourceTypeUser || aws.ToString(inUse.ResourceId) != aws.ToString(created.UserId) {
		t.Fatalf("DeleteSecurityProfile(in use) = %v, want ResourceInUseException USER %s", err, aws.ToString(created.UserId))
	}
}

func TestSecurityProfileErrors(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f := e.newInstance(t, "secerrors", types.DirectoryTypeConnectManaged)
	inst := aws.String(f.instanceID)
	tests := []struct {
		name string
		in   *connect.CreateSecurityProfileInput
		code string
	}{
		{"DuplicateName", &connect.CreateSecurityProfileInput{SecurityProfileName: aws.String("Agent")}, "DuplicateResourceException"},
		{"BadNamePattern", &connect.CreateSecurityProfileInput{SecurityProfileName: aws.String("a/b")}, "InvalidParameterException"},
		{"HierarchyRestrictionOnQueue", &connect.CreateSecurityProfileInput{SecurityProfileName: aws.String("h"),
			HierarchyRestrictedResources: []string{"Queue"}}, "InvalidParameterException"},
		{"UnknownHierarchyGroup", &connect.CreateSecurityProfileInput{SecurityProfileName: aws.String("g"),
			AllowedAccessControlHierarchyGroupId: aws.String("00000000-0000-4000-8000-000000000000")}, "InvalidParameterException"},
		{"TooManyAccessControlTags", &connect.CreateSecurityProfileInput{SecurityProfileName: aws.String("t"),
			AllowedAccessControlTags: map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}}, "InvalidParameterException"},
		{"ReservedTag", &connect.CreateSecurityProfileInput{SecurityProfileName: aws.String("r"),
			Tags: map[string]string{"aws:x": "1"}}, "InvalidParameterException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.InstanceId = inst
			_, err := e.client.CreateSecurityProfile(ctx, tt.in)
			wantProfileErr(t, "CreateSecurityProfile", err, tt.code)
		})
	}
	_, err := e.client.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{
		InstanceId: aws.String("00000000-0000-4000-8000-000000000000"), SecurityProfileName: aws.String("x")})
	wantProfileErr(t, "CreateSecurityProfile(unknown instance)", err, "ResourceNotFoundException")
	for _, op := range []func() error{
		func() error {
			_, err := e.client.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: inst, SecurityProfileId: aws.String("nope")})
			return err
		},
		func() error {
			_, err := e.client.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{InstanceId: inst, SecurityProfileId: aws.String("nope")})
			return err
		},
		func() error {
			_, err := e.client.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: inst, SecurityProfileId: aws.String("nope")})
			return err
		},
		func() error {
			_, err := e.client.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: inst, SecurityProfileId: aws.String("nope")})
			return err
		},
	} {
		wantProfileErr(t, "unknown security profile", op(), "ResourceNotFoundException")
	}
}
