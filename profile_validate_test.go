package connectlite

import (
	"slices"
	"strings"
	"testing"
)

func TestValidateSecurityProfile(t *testing.T) {
	tests := []struct {
		name string
		mod  func(p *SecurityProfile)
		want Kind // KindInternal: valid
	}{
		{"Minimal", func(p *SecurityProfile) {}, KindInternal},
		{"SpacesAndSymbols", func(p *SecurityProfile) { p.Name = "Night shift_2@HQ-1" }, KindInternal},
		{"NoName", func(p *SecurityProfile) { p.Name = "" }, KindInvalidParameter},
		{"NameTooLong", func(p *SecurityProfile) { p.Name = strings.Repeat("a", 128) }, KindInvalidParameter},
		{"NameWithSlash", func(p *SecurityProfile) { p.Name = "a/b" }, KindInvalidParameter},
		{"DescriptionTooLong", func(p *SecurityProfile) { p.Description = strings.Repeat("d", 251) }, KindInvalidParameter},
		{"EmptyPermission", func(p *SecurityProfile) { p.Permissions = []string{""} }, KindInvalidParameter},
		{"TooManyPermissions", func(p *SecurityProfile) { p.Permissions = make([]string, 501) }, KindInvalidParameter},
		{"ReservedTagKey", func(p *SecurityProfile) { p.Tags = map[string]string{"aws:team": "x"} }, KindInvalidParameter},
		{"FiveAccessControlTags", func(p *SecurityProfile) {
			p.AllowedAccessControlTags = map[string]string{"a": "", "b": "", "c": "", "d": "", "e": ""}
		}, KindInvalidParameter},
		{"ElevenTagRestrictedResources", func(p *SecurityProfile) {
			for i := range 11 {
				p.TagRestrictedResources = append(p.TagRestrictedResources, strings.Repeat("r", i+1))
			}
		}, KindInvalidParameter},
		{"HierarchyRestrictionOnUser", func(p *SecurityProfile) { p.HierarchyRestrictedResources = []string{"User"} }, KindInternal},
		{"HierarchyRestrictionOnQueue", func(p *SecurityProfile) { p.HierarchyRestrictedResources = []string{"Queue"} }, KindInvalidParameter},
		{"ApplicationWithoutPermissions", func(p *SecurityProfile) { p.Applications = []Application{{Namespace: "n"}} }, KindInvalidParameter},
		{"RepeatedApplication", func(p *SecurityProfile) {
			a := Application{Namespace: "n", ApplicationPermissions: []string{"ACCESS"}}
			p.Applications = []Application{a, a}
		}, KindInvalidParameter},
		{"UnknownApplicationType", func(p *SecurityProfile) {
			p.Applications = []Application{{Namespace: "n", ApplicationPermissions: []string{"ACCESS"}, Type: "OTHER"}}
		}, KindInvalidParameter},
		{"RepeatedFlowModule", func(p *SecurityProfile) {
			p.AllowedFlowModules = []FlowModule{{FlowModuleID: "m"}, {FlowModuleID: "m", Type: "MCP"}}
		}, KindInvalidParameter},
		{"ReservedPrimaryAttribute", func(p *SecurityProfile) {
			p.DataTablePrimaryAttributeValues = []PrimaryAttributeValue{{AttributeName: "connect:x"}}
		}, KindInvalidParameter},
		{"ThreePrimaryAttributeValues", func(p *SecurityProfile) {
			p.DataTablePrimaryAttributeValues = []PrimaryAttributeValue{{AttributeName: "a", Values: []string{"1", "2", "3"}}}
		}, KindInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &SecurityProfile{Name: "Supervisors"}
			tt.mod(p)
			err := ValidateSecurityProfile(p)
			if tt.want == KindInternal {
				if err != nil {
					t.Fatalf("ValidateSecurityProfile: %v, want nil", err)
				}
				return
			}
			if got := KindOf(err); got != tt.want {
				t.Fatalf("ValidateSecurityProfile: kind = %v, want %v (err: %v)", got, tt.want, err)
			}
		})
	}
}

func TestValidateSecurityProfileCanonicalizesPermissions(t *testing.T) {
	p := &SecurityProfile{Name: "x", Permissions: []string{"Users.View", "BasicAgentAccess", "Users.View"},
		TagRestrictedResources: []string{"User", "Queue", "User"}}
	if err := ValidateSecurityProfile(p); err != nil {
		t.Fatal(err)
	}
	if want := []string{"BasicAgentAccess", "Users.View"}; !slices.Equal(p.Permissions, want) {
		t.Errorf("Permissions = %v, want %v", p.Permissions, want)
	}
	if want := []string{"User", "Queue"}; !slices.Equal(p.TagRestrictedResources, want) {
		t.Errorf("TagRestrictedResources = %v, want %v (first order, once each)", p.TagRestrictedResources, want)
	}
}

func TestValidateRoutingProfile(t *testing.T) {
	voice := MediaConcurrency{Channel: ChannelVoice, Concurrency: 1}
	tests := []struct {
		name string
		mod  func(p *RoutingProfile)
		want Kind // KindInternal: valid
	}{
		{"Minimal", func(p *RoutingProfile) {}, KindInternal},
		{"EveryChannelAtItsMaximum", func(p *RoutingProfile) {
			p.MediaConcurrencies = []MediaConcurrency{voice, {Channel: ChannelChat, Concurrency: 10},
				{Channel: ChannelTask, Concurrency: 10, CrossChannelBehavior: BehaviorRouteAnyChannel}, {Channel: ChannelEmail, Concurrency: 10}}
		}, KindInternal},
		{"NoName", func(p *RoutingProfile) { p.Name = "" }, KindInvalidParameter},
		{"NoDescription", func(p *RoutingProfile) { p.Description = "" }, KindInvalidParameter},
		{"NoDefaultQueue", func(p *RoutingProfile) { p.DefaultOutboundQueueID = "" }, KindInvalidParameter},
		{"NoChannel", func(p *RoutingProfile) { p.MediaConcurrencies = nil }, KindInvalidParameter},
		{"VoiceTwo", func(p *RoutingProfile) {
			p.MediaConcurrencies = []MediaConcurrency{{Channel: ChannelVoice, Concurrency: 2}}
		}, KindInvalidParameter},
		{"ChatEleven", func(p *RoutingProfile) {
			p.MediaConcurrencies = []MediaConcurrency{{Channel: ChannelChat, Concurrency: 11}}
		}, KindInvalidParameter},
		{"TaskZero", func(p *RoutingProfile) { p.MediaConcurrencies = []MediaConcurrency{{Channel: ChannelTask}} }, KindInvalidParameter},
		{"RepeatedChannel", func(p *RoutingProfile) { p.MediaConcurrencies = []MediaConcurrency{voice, voice} }, KindInvalidParameter},
		{"UnknownChannel", func(p *RoutingProfile) { p.MediaConcurrencies = []MediaConcurrency{{Channel: "FAX", Concurrency: 1}} }, KindInvalidParameter},
		{"UnknownBehavior", func(p *RoutingProfile) {
			p.MediaConcurrencies = []MediaConcurrency{{Channel: ChannelVoice, Concurrency: 1, CrossChannelBehavior: "SOMETIMES"}}
		}, KindInvalidParameter},
		{"RepeatedQueueAndChannel", func(p *RoutingProfile) {
			q := RoutingProfileQueueConfig{QueueID: "q", Channel: ChannelChat, Priority: 1}
			p.QueueConfigs = []RoutingProfileQueueConfig{q, q}
		}, KindInvalidParameter},
		{"SameQueueTwoChannels", func(p *RoutingProfile) {
			p.QueueConfigs = []RoutingProfileQueueConfig{{QueueID: "q", Channel: ChannelChat, Priority: 1}, {QueueID: "q", Channel: ChannelVoice, Priority: 1}}
		}, KindInternal},
		{"PriorityZero", func(p *RoutingProfile) {
			p.QueueConfigs = []RoutingProfileQueueConfig{{QueueID: "q", Channel: ChannelChat}}
		}, KindInvalidParameter},
		{"DelayTenThousand", func(p *RoutingProfile) {
			p.QueueConfigs = []RoutingProfileQueueConfig{{QueueID: "q", Channel: ChannelChat, Priority: 1, Delay: 10000}}
		}, KindInvalidParameter},
		{"ManualVoice", func(p *RoutingProfile) {
			p.ManualAssignmentQueues = []RoutingProfileQueueReference{{QueueID: "q", Channel: ChannelVoice}}
		}, KindInvalidParameter},
		{"ManualChat", func(p *RoutingProfile) {
			p.ManualAssignmentQueues = []RoutingProfileQueueReference{{QueueID: "q", Channel: ChannelChat}}
		}, KindInternal},
		{"UnknownTimer", func(p *RoutingProfile) { p.AgentAvailabilityTimer = "WHENEVER" }, KindInvalidParameter},
		{"ReservedTagKey", func(p *RoutingProfile) { p.Tags = map[string]string{"aws:x": ""} }, KindInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &RoutingProfile{Name: "Sales", Description: "d", DefaultOutboundQueueID: "q",
				MediaConcurrencies: []MediaConcurrency{voice}}
			tt.mod(p)
			err := ValidateRoutingProfile(p)
			if tt.want == KindInternal {
				if err != nil {
					t.Fatalf("ValidateRoutingProfile: %v, want nil", err)
				}
				return
			}
			if got := KindOf(err); got != tt.want {
				t.Fatalf("ValidateRoutingProfile: kind = %v, want %v (err: %v)", got, tt.want, err)
			}
		})
	}
}

func TestDefaultSecurityProfilePermissions(t *testing.T) {
	for _, name := range DefaultSecurityProfileNames {
		perms := DefaultSecurityProfilePermissions(name)
		if len(perms) == 0 || !slices.IsSorted(perms) || len(slices.Compact(slices.Clone(perms))) != len(perms) {
			t.Errorf("%s: %v, want a sorted list without repeats", name, perms)
		}
		p := &SecurityProfile{Name: name, Permissions: perms}
		if err := ValidateSecurityProfile(p); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	a := DefaultSecurityProfilePermissions("Agent")
	a[0] = "changed"
	if DefaultSecurityProfilePermissions("Agent")[0] == "changed" {
		t.Error("DefaultSecurityProfilePermissions returns shared storage")
	}
	if DefaultSecurityProfilePermissions("Custom") != nil {
		t.Error("DefaultSecurityProfilePermissions(Custom) is not nil")
	}
}
