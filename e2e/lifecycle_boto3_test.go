package e2e

import "testing"

// TestBoto3Lifecycle runs testdata/test_boto3_lifecycle.py (the UpdateUser*
// operations, DeleteUser and the tag operations through boto3) against the
// shared server.
func TestBoto3Lifecycle(t *testing.T) {
	t.Parallel()
	runBoto3Scripts(t, "test_boto3_lifecycle.py")
}

// TestAWSCLITags tags, lists and untags a user through the aws CLI, which
// escapes the ARN in the path as botocore does, and checks the tags in
// describe-user; then delete-user.
func TestAWSCLITags(t *testing.T) {
	t.Parallel()
	requireAWSCLI(t)
	s := sharedServer(t)
	env := clientEnv(t, s.URL)
	const region = "sa-east-1"
	endpoint := ` --endpoint-url "$CONNECTLITE_ENDPOINT" --region ` + region

	var inst struct{ Id, Arn string }
	awsJSON(t, env, `aws connect create-instance --identity-management-type CONNECT_MANAGED --instance-alias `+unique("clitag")+
		` --inbound-calls-enabled --outbound-calls-enabled`+endpoint, &inst)
	var sp struct{ SecurityProfileSummaryList []struct{ Id, Name string } }
	awsJSON(t, env, `aws connect list-security-profiles --instance-id `+inst.Id+endpoint, &sp)
	var rp struct{ RoutingProfileSummaryList []struct{ Id string } }
	awsJSON(t, env, `aws connect list-routing-profiles --instance-id `+inst.Id+endpoint, &rp)
	var created struct{ UserId, UserArn string }
	awsJSON(t, env, `aws connect create-user --username `+unique("t")+` --password 'Cl1-Passw0rd'`+
		` --identity-info FirstName=Tag,LastName=Cli --phone-config PhoneType=SOFT_PHONE`+
		` --security-profile-ids `+sp.SecurityProfileSummaryList[0].Id+` --routing-profile-id `+rp.RoutingProfileSummaryList[0].Id+
		` --instance-id `+inst.Id+endpoint, &created)

	arn := created.UserArn
	awsJSON(t, env, `aws connect tag-resource --resource-arn `+arn+` --tags team=cli,env=e2e,drop=me`+endpoint, nil)
	awsJSON(t, env, `aws connect untag-resource --resource-arn `+arn+` --tag-keys drop never-set`+endpoint, nil)
	var tags struct{ Tags map[string]string }
	awsJSON(t, env, `aws connect list-tags-for-resource --resource-arn `+arn+endpoint, &tags)
	if len(tags.Tags) != 2 || tags.Tags["team"] != "cli" || tags.Tags["env"] != "e2e" {
		t.Fatalf("list-tags-for-resource %s = %v, want team=cli, env=e2e", arn, tags.Tags)
	}
	var d struct {
		User struct{ Tags map[string]string }
	}
	describeUser := `aws connect describe-user --instance-id ` + inst.Id + ` --user-id ` + created.UserId + endpoint
	awsJSON(t, env, describeUser, &d)
	if len(d.User.Tags) != 2 || d.User.Tags["team"] != "cli" {
		t.Fatalf("describe-user Tags = %v, want team=cli, env=e2e", d.User.Tags)
	}

	checkCLIError(t, awsCLI(t, env, `aws connect tag-resource --resource-arn `+created.UserArn+` --tags aws:name=x`+endpoint),
		"InvalidParameterException", "TagResource")
	checkCLIError(t, awsCLI(t, env, `aws connect list-tags-for-resource --resource-arn `+inst.Arn+`/queue/00000000-0000-4000-8000-000000000000`+endpoint),
		"ResourceNotFoundException", "ListTagsForResource")

	awsJSON(t, env, `aws connect delete-user --instance-id `+inst.Id+` --user-id `+created.UserId+endpoint, nil)
	checkCLIError(t, awsCLI(t, env, describeUser), "ResourceNotFoundException", "DescribeUser")
}
