package connectlite

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"
)

// oneUserStore holds one instance and one user; the Store methods the tests
// do not call panic through the nil embedded interface.
type oneUserStore struct {
	Store
	inst Instance
	user User
}

func (s *oneUserStore) Instance(_ context.Context, id string) (*Instance, error) {
	if id != s.inst.ID {
		return nil, Errorf(KindNotFound, "no instance %s", id)
	}
	i := s.inst
	return &i, nil
}

func (s *oneUserStore) UpdateUser(_ context.Context, instanceID, userID string, mutate func(*User) error) (*User, error) {
	if instanceID != s.user.InstanceID || userID != s.user.ID {
		return nil, Errorf(KindNotFound, "no user %s", userID)
	}
	u := s.user
	u.AfterContactWorkConfigs = slices.Clone(u.AfterContactWorkConfigs)
	u.SecurityProfileIDs = slices.Clone(u.SecurityProfileIDs)
	if err := mutate(&u); err != nil {
		return nil, err
	}
	s.user = u
	return &u, nil
}

func newLifecycleService(u User) (*Service, *oneUserStore, time.Time) {
	now := time.Date(2025, 6, 7, 8, 9, 10, 0, time.UTC)
	st := &oneUserStore{inst: Instance{ID: "inst", AccountID: "123456789012", Region: "us-west-2"}, user: u}
	return &Service{Store: st, Now: func() time.Time { return now }, AccountID: "123456789012"}, st, now
}

func TestUpdateUserPhoneConfigSetsTheLimitOnEveryChannel(t *testing.T) {
	u := User{
		InstanceID: "inst", ID: "u1", PhoneConfig: PhoneConfig{PhoneType: PhoneTypeSoft, AfterContactWorkTimeLimit: 10},
		AfterContactWorkConfigs: []AfterContactWorkConfigPerChannel{
			{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{ip(10)}, AgentFirstCallbackAfterContactWorkConfig: &AfterContactWorkConfig{ip(5)}},
			{Channel: ChannelChat, AfterContactWorkConfig: AfterContactWorkConfig{ip(20)}},
			{Channel: ChannelEmail},
		},
		LastModifiedRegion: "eu-west-1",
	}
	s, st, now := newLifecycleService(u)
	err := s.UpdateUserPhoneConfig(context.Background(), "us-west-2", "inst", "u1", &PhoneConfigInput{
		PhoneType: sp(PhoneTypeSoft), AutoAccept: bp(true), AfterContactWorkTimeLimit: ip(45),
	})
	if err != nil {
		t.Fatalf("UpdateUserPhoneConfig: %v", err)
	}
	got := st.user
	want := []AfterContactWorkConfigPerChannel{
		{Channel: ChannelVoice, AfterContactWorkConfig: AfterContactWorkConfig{ip(45)}, AgentFirstCallbackAfterContactWorkConfig: &AfterContactWorkConfig{ip(5)}},
		{Channel: ChannelChat, AfterContactWorkConfig: AfterContactWorkConfig{ip(45)}},
		{Channel: ChannelEmail, AfterContactWorkConfig: AfterContactWorkConfig{ip(45)}},
	}
	if !reflect.DeepEqual(got.AfterContactWorkConfigs, want) {
		t.Errorf("AfterContactWorkConfigs = %+v, want %+v", got.AfterContactWorkConfigs, want)
	}
	if got.PhoneConfig.AfterContactWorkTimeLimit != 45 || !got.PhoneConfig.AutoAccept {
		t.Errorf("PhoneConfig = %+v, want AutoAccept and limit 45", got.PhoneConfig)
	}
	if !got.LastModifiedTime.Equal(now) || got.LastModifiedRegion != "us-west-2" {
		t.Errorf("modified %v in %s, want %v in us-west-2", got.LastModifiedTime, got.LastModifiedRegion, now)
	}
	// The limits are distinct pointers: changing one channel later cannot
	// change another.
	if got.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit == got.AfterContactWorkConfigs[1].AfterContactWorkConfig.AfterContactWorkTimeLimit {
		t.Errorf("channels share one limit pointer")
	}
}

func TestLifecycleUpdatesRefuseBadInput(t *testing.T) {
	base := User{InstanceID: "inst", ID: "u1", SecurityProfileIDs: []string{"sp"}, RoutingProfileID: "rp", HierarchyGroupID: "g1",
		PhoneConfig: PhoneConfig{PhoneType: PhoneTypeSoft}}
	ctx := context.Background()
	tests := []struct {
		name string
		call func(s *Service) error
		want Kind
	}{
		{"PhoneConfigMissing", func(s *Service) error { return s.UpdateUserPhoneConfig(ctx, "us-west-2", "inst", "u1", nil) }, KindInvalidParameter},
		{"PhoneConfigDeskWithoutNumber", func(s *Service) error {
			return s.UpdateUserPhoneConfig(ctx, "us-west-2", "inst", "u1", &PhoneConfigInput{PhoneType: sp(PhoneTypeDesk)})
		}, KindInvalidParameter},
		{"UserConfigEmpty", func(s *Service) error { return s.UpdateUserConfig(ctx, "us-west-2", "inst", "u1", &UserConfigInput{}) }, KindInvalidRequest},
		{"UserConfigWithPhoneConfig", func(s *Service) error {
			return s.UpdateUserConfig(ctx, "us-west-2", "inst", "u1", &UserConfigInput{PhoneConfig: &PhoneConfigInput{AutoAccept: bp(true)}})
		}, KindInvalidRequest},
		{"SecurityProfilesEmpty", func(s *Service) error { return s.UpdateUserSecurityProfiles(ctx, "us-west-2", "inst", "u1", nil) }, KindInvalidParameter},
		{"SecurityProfilesRepeated", func(s *Service) error {
			return s.UpdateUserSecurityProfiles(ctx, "us-west-2", "inst", "u1", []string{"a", "b", "a"})
		}, KindInvalidParameter},
		{"SecurityProfilesEmptyID", func(s *Service) error {
			return s.UpdateUserSecurityProfiles(ctx, "us-west-2", "inst", "u1", []string{"a", ""})
		}, KindInvalidParameter},
		{"RoutingProfileEmpty", func(s *Service) error { return s.UpdateUserRoutingProfile(ctx, "us-west-2", "inst", "u1", "") }, KindInvalidParameter},
		{"OtherRegion", func(s *Service) error { return s.UpdateUserRoutingProfile(ctx, "eu-west-1", "inst", "u1", "rp2") }, KindNotFound},
		{"UnknownUser", func(s *Service) error { return s.UpdateUserRoutingProfile(ctx, "us-west-2", "inst", "nobody", "rp2") }, KindNotFound},
		{"Valid", func(s *Service) error { return s.UpdateUserRoutingProfile(ctx, "us-west-2", "inst", "u1", "rp2") }, noError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, st, _ := newLifecycleService(base)
			err := tc.call(s)
			if tc.want == noError {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				return
			}
			if got := KindOf(err); got != tc.want || err == nil {
				t.Fatalf("err = %v (kind %v), want %v", err, got, tc.want)
			}
			if !reflect.DeepEqual(st.user, base) {
				t.Errorf("a refused update changed the user: %+v", st.user)
			}
		})
	}
}

func TestUpdateUserHierarchyNilOrEmptyRemovesTheGroup(t *testing.T) {
	for _, group := range []*string{nil, sp(""), sp("g2")} {
		s, st, _ := newLifecycleService(User{InstanceID: "inst", ID: "u1", HierarchyGroupID: "g1"})
		if err := s.UpdateUserHierarchy(context.Background(), "us-west-2", "inst", "u1", group); err != nil {
			t.Fatal(err)
		}
		want := ""
		if group != nil {
			want = *group
		}
		if st.user.HierarchyGroupID != want {
			t.Errorf("HierarchyGroupID = %q, want %q", st.user.HierarchyGroupID, want)
		}
	}
}
