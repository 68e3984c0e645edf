package awsmodel

import (
	"slices"
	"testing"
)

func mustLoad(t *testing.T) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return m
}

func TestLoadMetadata(t *testing.T) {
	m := mustLoad(t)
	md := m.Metadata
	if md.APIVersion != "2017-08-08" || md.Protocol != "rest-json" || md.SigningName != "connect" || md.EndpointPrefix != "connect" {
		t.Errorf("metadata = %+v, want API 2017-08-08, rest-json, signing name connect", md)
	}
	if m.Documentation == "" {
		t.Error("service documentation is empty")
	}
}

func TestOperationTableMatchesModel(t *testing.T) {
	m := mustLoad(t)
	table := OperationTable()
	if got, want := len(table), len(m.Operations); got != want {
		t.Fatalf("OperationTable has %d rows, model has %d operations", got, want)
	}
	if !slices.IsSortedFunc(table, func(a, b OperationInfo) int { return cmpString(a.Name, b.Name) }) {
		t.Error("OperationTable is not sorted by name")
	}
	for _, row := range table {
		op := m.Operation(row.Name)
		if op == nil {
			t.Errorf("%s: not in the model", row.Name)
			continue
		}
		in, out := "", ""
		if op.Input != nil {
			in = op.Input.Shape
		}
		if op.Output != nil {
			out = op.Output.Shape
		}
		var errs []string
		for _, e := range op.Errors {
			errs = append(errs, e.Shape)
		}
		if row.Method != op.HTTP.Method || row.RequestURI != op.HTTP.RequestURI || row.Input != in || row.Output != out || !slices.Equal(row.Errors, errs) {
			t.Errorf("%s: table row %+v does not match model %+v", row.Name, row, op)
		}
	}
	if _, ok := LookupOperation("NoSuchOperation"); ok {
		t.Error("LookupOperation(NoSuchOperation) found a row")
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestRoutes(t *testing.T) {
	tests := []struct {
		op, method, uri, input, output string
	}{
		{OpCreateUser, "PUT", "/users/{InstanceId}", "CreateUserRequest", "CreateUserResponse"},
		{OpDescribeUser, "GET", "/users/{InstanceId}/{UserId}", "DescribeUserRequest", "DescribeUserResponse"},
		{OpUpdateUserIdentityInfo, "POST", "/users/{InstanceId}/{UserId}/identity-info", "UpdateUserIdentityInfoRequest", ""},
		{OpSearchUsers, "POST", "/search-users", "SearchUsersRequest", "SearchUsersResponse"},
		{OpTagResource, "POST", "/tags/{resourceArn}", "TagResourceRequest", ""},
		{OpCreateInstance, "PUT", "/instance", "CreateInstanceRequest", "CreateInstanceResponse"},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			got, ok := LookupOperation(tt.op)
			if !ok {
				t.Fatalf("LookupOperation(%s): not found", tt.op)
			}
			if got.Method != tt.method || got.RequestURI != tt.uri || got.Input != tt.input || got.Output != tt.output {
				t.Errorf("LookupOperation(%s) = %+v, want %s %s in=%s out=%s", tt.op, got, tt.method, tt.uri, tt.input, tt.output)
			}
		})
	}
}

func TestShapes(t *testing.T) {
	m := mustLoad(t)

	req := m.Shape("CreateUserRequest")
	wantOrder := []string{"Username", "Password", "IdentityInfo", "PhoneConfig", "DirectoryUserId",
		"SecurityProfileIds", "RoutingProfileId", "HierarchyGroupId", "InstanceId", "AutoAcceptConfigs",
		"AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs",
		"VoiceEnhancementConfigs", "Tags"}
	if !slices.Equal(req.MemberOrder, wantOrder) {
		t.Errorf("CreateUserRequest.MemberOrder = %v, want %v", req.MemberOrder, wantOrder)
	}
	if len(req.Members) != len(req.MemberOrder) {
		t.Errorf("CreateUserRequest has %d members but %d in MemberOrder", len(req.Members), len(req.MemberOrder))
	}
	if ref := req.Members["InstanceId"]; ref.Location != "uri" || ref.LocationName != "InstanceId" {
		t.Errorf("CreateUserRequest.InstanceId = %+v, want location uri", ref)
	}
	if !req.IsRequired("SecurityProfileIds") || req.IsRequired("PhoneConfig") {
		t.Errorf("CreateUserRequest.Required = %v", req.Required)
	}
	if s := m.Shape("Password"); !s.Sensitive || s.Type != "string" || s.Pattern == "" {
		t.Errorf("Password = %+v, want a sensitive string with a pattern", s)
	}
	if s := m.Shape("SecurityProfileIds"); s.Type != "list" || s.Member.Shape != "SecurityProfileId" || *s.Min != 1 || *s.Max != 10 {
		t.Errorf("SecurityProfileIds = %+v, want list of SecurityProfileId, 1..10", s)
	}
	if s := m.Shape("TagMap"); s.Key.Shape != "TagKey" || s.Value.Shape != "TagValue" {
		t.Errorf("TagMap = %+v, want TagKey -> TagValue", s)
	}
	if s := m.Shape("PhoneType"); !slices.Equal(s.Enum, []string{"SOFT_PHONE", "DESK_PHONE"}) {
		t.Errorf("PhoneType.Enum = %v", s.Enum)
	}
	if ref := m.Shape("ListUsersRequest").Members["MaxResults"]; ref.LocationName != "maxResults" || !ref.Box {
		t.Errorf("ListUsersRequest.MaxResults = %+v, want querystring maxResults, boxed", ref)
	}
	if ref := m.Shape("CreateInstanceRequest").Members["ClientToken"]; !ref.IdempotencyToken {
		t.Errorf("CreateInstanceRequest.ClientToken = %+v, want idempotency token", ref)
	}
	for name, status := range map[string]int{
		"InvalidRequestException": 400, "ResourceNotFoundException": 404, "DuplicateResourceException": 409,
		"LimitExceededException": 429, "ServiceQuotaExceededException": 402, "InternalServiceException": 500,
	} {
		s := m.Shape(name)
		if s == nil || !s.Exception || s.Error == nil || s.Error.HTTPStatusCode != status {
			t.Errorf("%s = %+v, want an exception with status %d", name, s, status)
		}
	}
	if !m.Shape("PredefinedAttributeValues").Union {
		t.Error("PredefinedAttributeValues is not a union")
	}
	if !m.Operation(OpCreateUser).HasError("InvalidParameterException") || m.Operation(OpCreateInstance).HasError("InvalidParameterException") {
		t.Error("HasError: CreateUser lists InvalidParameterException, CreateInstance does not")
	}
	if m.Shape("NoSuchShape") != nil || m.Operation("NoSuchOperation") != nil {
		t.Error("unknown names returned non-nil")
	}
	if m.Operation(OpCreateUser).Documentation == "" || req.Members["Username"].Documentation == "" {
		t.Error("documentation was not loaded")
	}
}

func TestPaginators(t *testing.T) {
	m := mustLoad(t)
	p := m.Paginator(OpListUsers)
	if p == nil || p.InputToken != "NextToken" || p.OutputToken != "NextToken" || p.LimitKey != "MaxResults" || !slices.Equal(p.ResultKey, []string{"UserSummaryList"}) {
		t.Errorf("Paginator(ListUsers) = %+v", p)
	}
	p = m.Paginator(OpSearchUsers)
	if p == nil || !slices.Contains(p.NonAggregateKeys, "ApproximateTotalCount") {
		t.Errorf("Paginator(SearchUsers) = %+v, want ApproximateTotalCount as a non-aggregate key", p)
	}
	if m.Paginator(OpCreateUser) != nil {
		t.Error("Paginator(CreateUser) is not nil")
	}
}

func TestLoadReturnsIndependentModels(t *testing.T) {
	a, b := mustLoad(t), mustLoad(t)
	a.Shapes["AgentUsername"].Max = nil
	if b.Shape("AgentUsername").Max == nil {
		t.Error("changing one model changed another: Load shares state")
	}
}
