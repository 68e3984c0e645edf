package connectlite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// hierarchyStore is an in-memory Store of one instance for the hierarchy,
// attribute and CreateInstance tests; the Store methods they do not call
// panic through the nil embedded interface.
type hierarchyStore struct {
	Store
	inst     Instance
	levels   []HierarchyLevel
	attrs    map[string]string
	byToken  map[string]*Instance // ClientToken -> instance
	fpOf     map[string]string    // instance id -> fingerprint
	inUseErr error                // returned by UpdateHierarchyStructure when set
}

func (s *hierarchyStore) Instance(_ context.Context, id string) (*Instance, error) {
	if id != s.inst.ID {
		return nil, Errorf(KindNotFound, "no instance %s", id)
	}
	i := s.inst
	return &i, nil
}

func (s *hierarchyStore) UpdateHierarchyStructure(_ context.Context, _ string, mutate func([]HierarchyLevel) ([]HierarchyLevel, error)) ([]HierarchyLevel, error) {
	next, err := mutate(slices.Clone(s.levels))
	if err != nil {
		return nil, err
	}
	if s.inUseErr != nil {
		return nil, s.inUseErr
	}
	s.levels = next
	return next, nil
}

func (s *hierarchyStore) InstanceAttributes(context.Context, string) (map[string]string, error) {
	return s.attrs, nil
}

func (s *hierarchyStore) CreateInstanceWithToken(_ context.Context, n *NewInstance, fp string) (*Instance, string, error) {
	if got, ok := s.byToken[n.Instance.ClientToken]; ok {
		return got, s.fpOf[got.ID], nil
	}
	inst := n.Instance
	s.byToken[inst.ClientToken] = &inst
	s.fpOf[inst.ID] = fp
	return nil, "", nil
}

func newHierarchyService() (*Service, *hierarchyStore, *time.Time) {
	now := time.Date(2025, 6, 7, 8, 9, 10, 0, time.UTC)
	st := &hierarchyStore{
		inst:    Instance{ID: "inst", AccountID: "123456789012", Region: "us-west-2", InboundCallsEnabled: true},
		byToken: map[string]*Instance{}, fpOf: map[string]string{},
	}
	n := 0
	s := &Service{
		Store: st, Now: func() time.Time { return now }, AccountID: "123456789012",
		NewID:  func() string { n++; return fmt.Sprintf("id-%d", n) },
		Tokens: &TokenCodec{Key: []byte("0123456789abcdef0123456789abcdef")},
	}
	return s, st, &now
}

func names(ns ...string) HierarchyStructureInput {
	var in HierarchyStructureInput
	for i, n := range ns {
		if n != "-" {
			in[i] = &n
		}
	}
	return in
}

func TestUpdateUserHierarchyStructureValidates(t *testing.T) {
	tests := []struct {
		name string
		in   HierarchyStructureInput
		want Kind // KindInternal: no error
	}{
		{"Empty", names(), KindInternal},
		{"OneLevel", names("Company"), KindInternal},
		{"FiveLevels", names("1", "2", "3", "4", "5"), KindInternal},
		{"GapAtTwo", names("1", "-", "3"), KindInvalidRequest},
		{"NoLevelOne", names("-", "2"), KindInvalidRequest},
		{"EmptyName", names("1", ""), KindInvalidParameter},
		{"NameOf50", names(strings.Repeat("é", 50)), KindInternal},
		{"NameOf51", names(strings.Repeat("é", 51)), KindInvalidParameter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := newHierarchyService()
			err := s.UpdateUserHierarchyStructure(context.Background(), "us-west-2", "inst", tc.in)
			if tc.want == KindInternal {
				if err != nil {
					t.Fatalf("UpdateUserHierarchyStructure: %v", err)
				}
				return
			}
			if got := KindOf(err); got != tc.want || err == nil {
				t.Fatalf("UpdateUserHierarchyStructure: kind = %v, want %v (err: %v)", got, tc.want, err)
			}
		})
	}
}

func TestUpdateUserHierarchyStructureKeepsIDsAndTouchesOnlyRenamedLevels(t *testing.T) {
	s, st, now := newHierarchyService()
	ctx := context.Background()
	if err := s.UpdateUserHierarchyStructure(ctx, "us-west-2", "inst", names("Company", "Team")); err != nil {
		t.Fatal(err)
	}
	first := slices.Clone(st.levels)
	if len(first) != 2 || first[0].ID == first[1].ID || first[1].Level != 2 || !first[1].LastModifiedTime.Equal(*now) {
		t.Fatalf("levels = %+v", first)
	}
	*now = now.Add(time.Hour)
	if err := s.UpdateUserHierarchyStructure(ctx, "us-west-2", "inst", names("Company", "Squad", "Pod")); err != nil {
		t.Fatal(err)
	}
	got := st.levels
	if got[0] != first[0] {
		t.Errorf("unchanged level one = %+v, want %+v", got[0], first[0])
	}
	if got[1].ID != first[1].ID || got[1].Name != "Squad" || !got[1].LastModifiedTime.Equal(*now) || got[1].LastModifiedRegion != "us-west-2" {
		t.Errorf("renamed level two = %+v", got[1])
	}
	if got[2].ID == "" || got[2].ID == first[0].ID || got[2].ID == first[1].ID || got[2].Level != 3 || got[2].InstanceID != "inst" {
		t.Errorf("new level three = %+v", got[2])
	}
}

func TestHierarchyInUseErrorsCarryARNs(t *testing.T) {
	s, st, _ := newHierarchyService()
	st.inUseErr = HierarchyLevelInUse(2, "g-1")
	err := s.UpdateUserHierarchyStructure(context.Background(), "us-west-2", "inst", names("1"))
	e, ok := err.(*Error)
	if !ok || e.Kind != KindResourceInUse || e.ResourceType != InUseByHierarchyGroup ||
		e.ResourceID != "arn:aws:connect:us-west-2:123456789012:instance/inst/agent-group/g-1" {
		t.Fatalf("err = %#v", err)
	}
	user := hierarchyInUseARN(&st.inst, HierarchyGroupHasUsers("g-1", "u-1"))
	if e := user.(*Error); e.ResourceID != "arn:aws:connect:us-west-2:123456789012:instance/inst/agent/u-1" {
		t.Fatalf("user in use: ResourceId %q", e.ResourceID)
	}
}

func TestValidateInstanceAttribute(t *testing.T) {
	tests := []struct {
		typ, value, want string
		kind             Kind
	}{
		{AttributeContactLens, "true", "true", KindInternal},
		{AttributeContactLens, "FALSE", "false", KindInternal},
		{AttributeInboundCalls, "True", "true", KindInternal},
		{AttributeEarlyMedia, "yes", "", KindInvalidParameter},
		{AttributeEarlyMedia, "", "", KindInvalidParameter},
		{"NOT_A_TYPE", "true", "", KindInvalidParameter},
	}
	for _, tc := range tests {
		t.Run(tc.typ+"="+tc.value, func(t *testing.T) {
			got, err := ValidateInstanceAttribute(tc.typ, tc.value)
			if KindOf(err) != tc.kind || (tc.kind != KindInternal) != (err != nil) || got != tc.want {
				t.Fatalf("ValidateInstanceAttribute = %q, %v; want %q, kind %v", got, err, tc.want, tc.kind)
			}
		})
	}
}

func TestListInstanceAttributesPagesDefaultsAndStoredValues(t *testing.T) {
	s, st, _ := newHierarchyService()
	st.attrs = map[string]string{AttributeContactLens: "false", AttributeMultiPartyConference: "true"}
	ctx := context.Background()
	var all []InstanceAttribute
	token := ""
	for pages := 0; ; pages++ {
		items, next, err := s.ListInstanceAttributes(ctx, "us-west-2", "inst", token, 0)
		if err != nil {
			t.Fatalf("ListInstanceAttributes: %v", err)
		}
		if len(items) > MaxInstanceAttributesPage {
			t.Fatalf("page of %d attributes", len(items))
		}
		all = append(all, items...)
		if next == "" {
			break
		}
		token = next
	}
	want := map[string]string{
		AttributeInboundCalls: "true", AttributeOutboundCalls: "false", AttributeContactFlowLogs: "false",
		AttributeContactLens: "false", AttributeAutoResolveBestVoices: "true", AttributeUseCustomTTSVoices: "false",
		AttributeEarlyMedia: "true", AttributeMultiPartyConference: "true",
	}
	if len(all) != len(InstanceAttributeTypes) {
		t.Fatalf("%d attributes, want %d", len(all), len(InstanceAttributeTypes))
	}
	for i, a := range all {
		if a.AttributeType != InstanceAttributeTypes[i] {
			t.Fatalf("attribute %d = %s, want %s", i, a.AttributeType, InstanceAttributeTypes[i])
		}
		w, ok := want[a.AttributeType]
		if !ok {
			w = "false"
		}
		if a.Value != w {
			t.Errorf("%s = %s, want %s", a.AttributeType, a.Value, w)
		}
	}
	if _, _, err := s.ListInstanceAttributes(ctx, "us-west-2", "inst", "forged.token", 0); KindOf(err) != KindInvalidParameter {
		t.Fatalf("forged token: %v", err)
	}
}

func TestCreateInstanceClientToken(t *testing.T) {
	s, st, _ := newHierarchyService()
	ctx := context.Background()
	in := func(alias string, inbound bool, tags map[string]string) *CreateInstanceInput {
		return &CreateInstanceInput{ClientToken: "tok", IdentityManagementType: IdentityConnectManaged,
			InstanceAlias: alias, InboundCallsEnabled: inbound, Tags: tags}
	}
	first, err := s.CreateInstance(ctx, "us-west-2", in("one", true, map[string]string{"a": "1", "b": "2"}))
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	again, err := s.CreateInstance(ctx, "us-west-2", in("one", true, map[string]string{"b": "2", "a": "1"}))
	if err != nil || again.ID != first.ID {
		t.Fatalf("CreateInstance(retry) = %v, %v; want instance %s", again, err, first.ID)
	}
	for name, req := range map[string]*CreateInstanceInput{
		"OtherAlias":   in("two", true, map[string]string{"a": "1", "b": "2"}),
		"OtherInbound": in("one", false, map[string]string{"a": "1", "b": "2"}),
		"OtherTags":    in("one", true, map[string]string{"a": "1"}),
	} {
		if _, err := s.CreateInstance(ctx, "us-west-2", req); KindOf(err) != KindInvalidRequest {
			t.Errorf("CreateInstance(%s with the same token) = %v, want InvalidRequest", name, err)
		}
	}
	// An instance created before fingerprints were kept: the immutable
	// members decide.
	st.fpOf[first.ID] = ""
	if got, err := s.CreateInstance(ctx, "us-west-2", in("one", false, nil)); err != nil || got.ID != first.ID {
		t.Fatalf("CreateInstance(legacy retry) = %v, %v", got, err)
	}
	if _, err := s.CreateInstance(ctx, "us-west-2", in("ONE-other", true, nil)); KindOf(err) != KindInvalidRequest {
		t.Fatalf("CreateInstance(legacy, other alias) = %v, want InvalidRequest", err)
	}
}

func TestCreateInstanceFingerprintIgnoresTagOrderOnly(t *testing.T) {
	base := CreateInstanceInput{ClientToken: "a", IdentityManagementType: IdentitySAML, InstanceAlias: "x", Tags: map[string]string{"k": "v", "j": "w"}}
	fp := CreateInstanceFingerprint(&base)
	same := base
	same.ClientToken = "b"
	same.Tags = map[string]string{"j": "w", "k": "v"}
	if CreateInstanceFingerprint(&same) != fp {
		t.Fatal("fingerprint depends on the token or the tag order")
	}
	for name, mutate := range map[string]func(*CreateInstanceInput){
		"Type":      func(c *CreateInstanceInput) { c.IdentityManagementType = IdentityConnectManaged },
		"Alias":     func(c *CreateInstanceInput) { c.InstanceAlias = "y" },
		"Directory": func(c *CreateInstanceInput) { c.DirectoryID = "d-1234567890" },
		"Inbound":   func(c *CreateInstanceInput) { c.InboundCallsEnabled = true },
		"Outbound":  func(c *CreateInstanceInput) { c.OutboundCallsEnabled = true },
		"TagValue":  func(c *CreateInstanceInput) { c.Tags = map[string]string{"k": "v", "j": "x"} },
		"TagSplice": func(c *CreateInstanceInput) { c.Tags = map[string]string{"k": "v\",\"j\"=\"w"} },
	} {
		c := base
		mutate(&c)
		if CreateInstanceFingerprint(&c) == fp {
			t.Errorf("changing %s keeps the fingerprint", name)
		}
	}
}
