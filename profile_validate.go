package connectlite

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// This file holds the domain rules of security profiles and routing
// profiles. The HTTP layer runs the model validator first; the checks here
// that repeat a model rule (lengths, list sizes, enums) are defence in depth
// for callers that do not go through HTTP, and the others are the rules the
// model cannot express: documented ranges (a VOICE concurrency of 1), one
// entry per channel or per queue and channel, the resources a hierarchy
// restriction may name. A wrong or missing member is KindInvalidParameter.

// Limits of security and routing profiles, from the model unless noted.
const (
	MaxSecurityProfileNameLength        = 127
	MaxSecurityProfileDescriptionLength = 250
	MaxPermissions                      = 500
	MaxPermissionLength                 = 128
	MaxAllowedAccessControlTags         = 4
	MaxTagRestrictedResources           = 10
	MaxApplications                     = 10
	MaxApplicationPermissions           = 50
	MaxAllowedFlowModules               = 10
	MaxPrimaryAttributeValues           = 5
	MaxPrimaryAttributeValueValues      = 2
	MaxRoutingProfileNameLength         = 127
	MaxRoutingProfileDescriptionLength  = 250
	// MaxQueueConfigsPerRequest bounds the queue configs of one
	// CreateRoutingProfile, AssociateRoutingProfileQueues or
	// UpdateRoutingProfileQueues request, and the references of one
	// DisassociateRoutingProfileQueues request (documented there).
	MaxQueueConfigsPerRequest = 10
	MaxTags                   = 50
)

// securityProfileNameRE is the model's CreateSecurityProfileName pattern.
var securityProfileNameRE = regexp.MustCompile(`^[ a-zA-Z0-9_@-]+$`)

// hierarchyRestrictedResourceNames are the resources a hierarchy restriction
// may name: "Following are acceptable ResourceNames: User."
var hierarchyRestrictedResourceNames = []string{"User"}

// ValidateSecurityProfile checks p as it is about to be stored, after a
// create or an update, and puts its permissions in their canonical form:
// each once, sorted (AWS keeps them as a set).
func ValidateSecurityProfile(p *SecurityProfile) error {
	if p.Name == "" {
		return Errorf(KindInvalidParameter, "SecurityProfileName is required")
	}
	if n := utf8.RuneCountInString(p.Name); n > MaxSecurityProfileNameLength {
		return Errorf(KindInvalidParameter, "SecurityProfileName must be 1 to %d characters long, got %d", MaxSecurityProfileNameLength, n)
	}
	if !securityProfileNameRE.MatchString(p.Name) {
		return Errorf(KindInvalidParameter, "SecurityProfileName may contain only letters, digits, spaces, '_', '@' and '-'")
	}
	if n := utf8.RuneCountInString(p.Description); n > MaxSecurityProfileDescriptionLength {
		return Errorf(KindInvalidParameter, "Description must be at most %d characters long, got %d", MaxSecurityProfileDescriptionLength, n)
	}
	perms, err := profileStringSet("Permissions", p.Permissions, MaxPermissions, MaxPermissionLength)
	if err != nil {
		return err
	}
	p.Permissions = perms
	if err := validateProfileTags("Tags", p.Tags); err != nil {
		return err
	}
	if n := len(p.AllowedAccessControlTags); n > MaxAllowedAccessControlTags {
		return Errorf(KindInvalidParameter, "AllowedAccessControlTags must have at most %d entries, got %d", MaxAllowedAccessControlTags, n)
	}
	for k, v := range p.AllowedAccessControlTags {
		if k == "" || utf8.RuneCountInString(k) > 128 || utf8.RuneCountInString(v) > 256 {
			return Errorf(KindInvalidParameter, "AllowedAccessControlTags keys must be 1 to 128 characters long and values at most 256")
		}
	}
	if p.TagRestrictedResources, err = profileStringList("TagRestrictedResources", p.TagRestrictedResources, MaxTagRestrictedResources, 128); err != nil {
		return err
	}
	if p.HierarchyRestrictedResources, err = profileStringList("HierarchyRestrictedResources", p.HierarchyRestrictedResources, 0, 128); err != nil {
		return err
	}
	for _, r := range p.HierarchyRestrictedResources {
		if !slices.Contains(hierarchyRestrictedResourceNames, r) {
			return Errorf(KindInvalidParameter, "HierarchyRestrictedResources must name only %s, got %q",
				strings.Join(hierarchyRestrictedResourceNames, ", "), clip(r))
		}
	}
	if err := validateApplications(p.Applications); err != nil {
		return err
	}
	if err := validateFlowModules(p.AllowedFlowModules); err != nil {
		return err
	}
	return validatePrimaryAttributeValues(p.DataTablePrimaryAttributeValues)
}

// profileStringSet returns list without repeats, sorted, after checking its
// size (max 0: unbounded) and the length of each element.
func profileStringSet(field string, list []string, maxItems, maxLen int) ([]string, error) {
	out, err := profileStringList(field, list, maxItems, maxLen)
	if err != nil {
		return nil, err
	}
	slices.Sort(out)
	return out, nil
}

// profileStringList returns list without repeats, in its first order, after
// checking its size (max 0: unbounded) and the length of each element.
func profileStringList(field string, list []string, maxItems, maxLen int) ([]string, error) {
	if maxItems > 0 && len(list) > maxItems {
		return nil, Errorf(KindInvalidParameter, "%s must have at most %d items, got %d", field, maxItems, len(list))
	}
	if len(list) == 0 {
		return nil, nil
	}
	out := make([]string, 0, len(list))
	for _, s := range list {
		if n := utf8.RuneCountInString(s); n == 0 || n > maxLen {
			return nil, Errorf(KindInvalidParameter, "%s items must be 1 to %d characters long, got %d", field, maxLen, n)
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

// validateProfileTags applies the tag rules the model's TagMap carries: at
// most 50, keys 1 to 128 characters not starting with "aws:", values at
// most 256 characters.
func validateProfileTags(field string, tags map[string]string) error {
	if len(tags) > MaxTags {
		return Errorf(KindInvalidParameter, "%s must have at most %d entries, got %d", field, MaxTags, len(tags))
	}
	for k, v := range tags {
		if n := utf8.RuneCountInString(k); n == 0 || n > 128 {
			return Errorf(KindInvalidParameter, "%s keys must be 1 to 128 characters long, got %d", field, n)
		}
		if strings.HasPrefix(k, "aws:") {
			return Errorf(KindInvalidParameter, "%s keys must not start with aws:", field)
		}
		if n := utf8.RuneCountInString(v); n > 256 {
			return Errorf(KindInvalidParameter, "%s values must be at most 256 characters long, got %d", field, n)
		}
	}
	return nil
}

func validateApplications(apps []Application) error {
	if len(apps) > MaxApplications {
		return Errorf(KindInvalidParameter, "Applications must have at most %d items, got %d", MaxApplications, len(apps))
	}
	for i, a := range apps {
		if n := utf8.RuneCountInString(a.Namespace); n == 0 || n > 128 {
			return Errorf(KindInvalidParameter, "Applications[%d].Namespace must be 1 to 128 characters long, got %d", i, n)
		}
		if slices.ContainsFunc(apps[:i], func(b Application) bool { return b.Namespace == a.Namespace }) {
			return Errorf(KindInvalidParameter, "Applications lists namespace %q more than once", clip(a.Namespace))
		}
		if n := len(a.ApplicationPermissions); n == 0 || n > MaxApplicationPermissions {
			return Errorf(KindInvalidParameter, "Applications[%d].ApplicationPermissions must have 1 to %d items, got %d", i, MaxApplicationPermissions, n)
		}
		for _, p := range a.ApplicationPermissions {
			if n := utf8.RuneCountInString(p); n == 0 || n > 128 {
				return Errorf(KindInvalidParameter, "Applications[%d].ApplicationPermissions items must be 1 to 128 characters long, got %d", i, n)
			}
		}
		if err := profileEnum(fmt.Sprintf("Applications[%d].Type", i), a.Type, "MCP", "THIRD_PARTY_APPLICATION"); err != nil {
			return err
		}
	}
	return nil
}

func validateFlowModules(mods []FlowModule) error {
	if len(mods) > MaxAllowedFlowModules {
		return Errorf(KindInvalidParameter, "AllowedFlowModules must have at most %d items, got %d", MaxAllowedFlowModules, len(mods))
	}
	for i, m := range mods {
		if n := utf8.RuneCountInString(m.FlowModuleID); n == 0 || n > 128 {
			return Errorf(KindInvalidParameter, "AllowedFlowModules[%d].FlowModuleId must be 1 to 128 characters long, got %d", i, n)
		}
		if slices.ContainsFunc(mods[:i], func(o FlowModule) bool { return o.FlowModuleID == m.FlowModuleID }) {
			return Errorf(KindInvalidParameter, "AllowedFlowModules lists flow module %q more than once", clip(m.FlowModuleID))
		}
		if err := profileEnum(fmt.Sprintf("AllowedFlowModules[%d].Type", i), m.Type, "MCP"); err != nil {
			return err
		}
	}
	return nil
}

func validatePrimaryAttributeValues(vals []PrimaryAttributeValue) error {
	const field = "GranularAccessControlConfiguration.DataTableAccessControlConfiguration.PrimaryAttributeAccessControlConfiguration.PrimaryAttributeValues"
	if len(vals) > MaxPrimaryAttributeValues {
		return Errorf(KindInvalidParameter, "%s must have at most %d items, got %d", field, MaxPrimaryAttributeValues, len(vals))
	}
	for _, v := range vals {
		if n := utf8.RuneCountInString(v.AttributeName); n == 0 || n > 127 {
			return Errorf(KindInvalidParameter, "%s AttributeName must be 1 to 127 characters long, got %d", field, n)
		}
		if strings.HasPrefix(v.AttributeName, "aws:") || strings.HasPrefix(v.AttributeName, "connect:") {
			return Errorf(KindInvalidParameter, "%s AttributeName must not start with aws: or connect:", field)
		}
		if len(v.Values) > MaxPrimaryAttributeValueValues {
			return Errorf(KindInvalidParameter, "%s Values must have at most %d items, got %d", field, MaxPrimaryAttributeValueValues, len(v.Values))
		}
		if err := profileEnum(field+" AccessType", v.AccessType, "ALLOW"); err != nil {
			return err
		}
	}
	return nil
}

// profileEnum accepts "" (not given) or one of values.
func profileEnum(field, v string, values ...string) error {
	if v == "" || slices.Contains(values, v) {
		return nil
	}
	return Errorf(KindInvalidParameter, "%s must be one of %s, got %q", field, strings.Join(values, ", "), clip(v))
}

// ValidateRoutingProfile checks p as it is about to be stored, after a
// create or an update, and fills the defaults of its media concurrencies.
func ValidateRoutingProfile(p *RoutingProfile) error {
	if n := utf8.RuneCountInString(p.Name); n == 0 || n > MaxRoutingProfileNameLength {
		return Errorf(KindInvalidParameter, "Name must be 1 to %d characters long, got %d", MaxRoutingProfileNameLength, n)
	}
	if n := utf8.RuneCountInString(p.Description); n == 0 || n > MaxRoutingProfileDescriptionLength {
		return Errorf(KindInvalidParameter, "Description must be 1 to %d characters long, got %d", MaxRoutingProfileDescriptionLength, n)
	}
	if p.DefaultOutboundQueueID == "" {
		return Errorf(KindInvalidParameter, "DefaultOutboundQueueId is required")
	}
	if err := ValidateMediaConcurrencies(p.MediaConcurrencies); err != nil {
		return err
	}
	if err := validateQueueConfigs("QueueConfigs", p.QueueConfigs, 0); err != nil {
		return err
	}
	if err := validateManualQueues("ManualAssignmentQueueConfigs", ".QueueReference", p.ManualAssignmentQueues, 0); err != nil {
		return err
	}
	if err := profileEnum("AgentAvailabilityTimer", p.AgentAvailabilityTimer,
		AgentAvailabilityTimeSinceLastActivity, AgentAvailabilityTimeSinceLastInbound); err != nil {
		return err
	}
	return validateProfileTags("Tags", p.Tags)
}

// ValidateMediaConcurrencies checks the channels of a routing profile: at
// least one, each once, with the documented ranges (VOICE exactly 1, CHAT,
// TASK and EMAIL 1 to 10) and a known cross-channel behavior.
func ValidateMediaConcurrencies(media []MediaConcurrency) error {
	if len(media) == 0 {
		return Errorf(KindInvalidParameter, "MediaConcurrencies must list at least one channel")
	}
	for i, m := range media {
		if !slices.Contains(channels, m.Channel) {
			return Errorf(KindInvalidParameter, "MediaConcurrencies[%d].Channel must be one of %s, got %q", i, strings.Join(channels, ", "), clip(m.Channel))
		}
		if slices.ContainsFunc(media[:i], func(o MediaConcurrency) bool { return o.Channel == m.Channel }) {
			return Errorf(KindInvalidParameter, "MediaConcurrencies lists channel %s more than once", m.Channel)
		}
		limit := int32(10)
		if m.Channel == ChannelVoice {
			limit = 1
		}
		if m.Concurrency < 1 || m.Concurrency > limit {
			return Errorf(KindInvalidParameter, "MediaConcurrencies[%d].Concurrency for %s must be 1 to %d, got %d", i, m.Channel, limit, m.Concurrency)
		}
		if err := profileEnum(fmt.Sprintf("MediaConcurrencies[%d].CrossChannelBehavior.BehaviorType", i), m.CrossChannelBehavior,
			BehaviorRouteCurrentChannelOnly, BehaviorRouteAnyChannel); err != nil {
			return err
		}
	}
	return nil
}

// validateQueueConfigs checks queue configs: a known channel, the model's
// priority and delay ranges, each queue and channel once, and at most
// maxItems of them (0: unbounded).
func validateQueueConfigs(field string, cfgs []RoutingProfileQueueConfig, maxItems int) error {
	if maxItems > 0 && len(cfgs) > maxItems {
		return Errorf(KindInvalidParameter, "%s must have at most %d items, got %d", field, maxItems, len(cfgs))
	}
	for i, q := range cfgs {
		if err := validateQueueReference(fmt.Sprintf("%s[%d].QueueReference", field, i), RoutingProfileQueueReference{q.QueueID, q.Channel}); err != nil {
			return err
		}
		if q.Priority < 1 || q.Priority > 99 {
			return Errorf(KindInvalidParameter, "%s[%d].Priority must be 1 to 99, got %d", field, i, q.Priority)
		}
		if q.Delay < 0 || q.Delay > 9999 {
			return Errorf(KindInvalidParameter, "%s[%d].Delay must be 0 to 9999, got %d", field, i, q.Delay)
		}
		if slices.ContainsFunc(cfgs[:i], func(o RoutingProfileQueueConfig) bool { return o.QueueID == q.QueueID && o.Channel == q.Channel }) {
			return Errorf(KindInvalidParameter, "%s lists queue %s for channel %s more than once", field, clip(q.QueueID), q.Channel)
		}
	}
	return nil
}

// validateManualQueues checks manual assignment queue references as
// validateQueueReferences does, and that none is for VOICE ("It does not
// support voice contacts").
func validateManualQueues(field, sub string, refs []RoutingProfileQueueReference, maxItems int) error {
	if err := validateQueueReferences(field, sub, refs, maxItems); err != nil {
		return err
	}
	for i, r := range refs {
		if r.Channel == ChannelVoice {
			return Errorf(KindInvalidParameter, "%s[%d].Channel must be CHAT, TASK or EMAIL: manual assignment does not support VOICE", field, i)
		}
	}
	return nil
}

// validateQueueReferences checks queue references: a queue id, a known
// channel, each pair once, at most maxItems (0: unbounded). sub is the path
// from a list element to its reference in messages (".QueueReference" in a
// list of configs, "" in a list of references).
func validateQueueReferences(field, sub string, refs []RoutingProfileQueueReference, maxItems int) error {
	if maxItems > 0 && len(refs) > maxItems {
		return Errorf(KindInvalidParameter, "%s must have at most %d items, got %d", field, maxItems, len(refs))
	}
	for i, r := range refs {
		if err := validateQueueReference(fmt.Sprintf("%s[%d]%s", field, i, sub), r); err != nil {
			return err
		}
		if slices.Contains(refs[:i], r) {
			return Errorf(KindInvalidParameter, "%s lists queue %s for channel %s more than once", field, clip(r.QueueID), r.Channel)
		}
	}
	return nil
}

func validateQueueReference(field string, r RoutingProfileQueueReference) error {
	if r.QueueID == "" {
		return Errorf(KindInvalidParameter, "%s.QueueId is required", field)
	}
	if !slices.Contains(channels, r.Channel) {
		return Errorf(KindInvalidParameter, "%s.Channel must be one of %s, got %q", field, strings.Join(channels, ", "), clip(r.Channel))
	}
	return nil
}
