package connectlite

import (
	"context"
	"maps"
	"slices"
	"strings"
)

// CreateSecurityProfileInput is the request of CreateSecurityProfile. Nil
// slices and maps are members the client did not send.
type CreateSecurityProfileInput struct {
	InstanceID                           string
	SecurityProfileName                  string
	Description                          string
	Permissions                          []string
	Tags                                 map[string]string
	AllowedAccessControlTags             map[string]string
	TagRestrictedResources               []string
	HierarchyRestrictedResources         []string
	AllowedAccessControlHierarchyGroupID string
	Applications                         []Application
	AllowedFlowModules                   []FlowModule
	DataTablePrimaryAttributeValues      []PrimaryAttributeValue
}

// UpdateSecurityProfileInput is the request of UpdateSecurityProfile. A nil
// pointer, slice or map is a member the client did not send, which keeps
// its value; a sent member replaces it, and an empty one clears it.
type UpdateSecurityProfileInput struct {
	InstanceID                           string
	SecurityProfileID                    string
	Description                          *string
	Permissions                          []string
	AllowedAccessControlTags             map[string]string
	TagRestrictedResources               []string
	HierarchyRestrictedResources         []string
	AllowedAccessControlHierarchyGroupID *string
	Applications                         []Application
	AllowedFlowModules                   []FlowModule
	// DataTablePrimaryAttributeValues is non-nil when
	// GranularAccessControlConfiguration was sent.
	DataTablePrimaryAttributeValues []PrimaryAttributeValue
}

// CreateRoutingProfileInput is the request of CreateRoutingProfile.
type CreateRoutingProfileInput struct {
	InstanceID                   string
	Name                         string
	Description                  string
	DefaultOutboundQueueID       string
	QueueConfigs                 []RoutingProfileQueueConfig
	ManualAssignmentQueueConfigs []RoutingProfileQueueReference
	MediaConcurrencies           []MediaConcurrency
	Tags                         map[string]string
	AgentAvailabilityTimer       string
}

// CreateSecurityProfile creates a security profile and returns it with its
// instance (for its ARN).
func (s *Service) CreateSecurityProfile(ctx context.Context, region string, in *CreateSecurityProfileInput) (*Instance, *SecurityProfile, error) {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return nil, nil, err
	}
	p := &SecurityProfile{
		InstanceID:                           inst.ID,
		ID:                                   s.NewID(),
		Name:                                 in.SecurityProfileName,
		Description:                          in.Description,
		Permissions:                          slices.Clone(in.Permissions),
		Tags:                                 maps.Clone(in.Tags),
		AllowedAccessControlTags:             maps.Clone(in.AllowedAccessControlTags),
		TagRestrictedResources:               slices.Clone(in.TagRestrictedResources),
		HierarchyRestrictedResources:         slices.Clone(in.HierarchyRestrictedResources),
		AllowedAccessControlHierarchyGroupID: in.AllowedAccessControlHierarchyGroupID,
		Applications:                         cloneApplications(in.Applications),
		AllowedFlowModules:                   slices.Clone(in.AllowedFlowModules),
		DataTablePrimaryAttributeValues:      clonePrimaryAttributeValues(in.DataTablePrimaryAttributeValues),
		LastModifiedTime:                     s.Now(),
		LastModifiedRegion:                   region,
	}
	if err := ValidateSecurityProfile(p); err != nil {
		return nil, nil, err
	}
	if err := s.Store.CreateSecurityProfile(ctx, p); err != nil {
		return nil, nil, err
	}
	return inst, p, nil
}

// DescribeSecurityProfile returns the security profile with its instance.
func (s *Service) DescribeSecurityProfile(ctx context.Context, region, instanceID, id string) (*Instance, *SecurityProfile, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.Store.SecurityProfile(ctx, inst.ID, id)
	if err != nil {
		return nil, nil, err
	}
	return inst, p, nil
}

// UpdateSecurityProfile replaces the members of the security profile that
// in carries.
func (s *Service) UpdateSecurityProfile(ctx context.Context, region string, in *UpdateSecurityProfileInput) error {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return err
	}
	now := s.Now()
	_, err = s.Store.UpdateSecurityProfile(ctx, inst.ID, in.SecurityProfileID, func(p *SecurityProfile) error {
		if in.Description != nil {
			p.Description = *in.Description
		}
		if in.Permissions != nil {
			p.Permissions = slices.Clone(in.Permissions)
		}
		if in.AllowedAccessControlTags != nil {
			p.AllowedAccessControlTags = maps.Clone(in.AllowedAccessControlTags)
		}
		if in.TagRestrictedResources != nil {
			p.TagRestrictedResources = slices.Clone(in.TagRestrictedResources)
		}
		if in.HierarchyRestrictedResources != nil {
			p.HierarchyRestrictedResources = slices.Clone(in.HierarchyRestrictedResources)
		}
		if in.AllowedAccessControlHierarchyGroupID != nil {
			p.AllowedAccessControlHierarchyGroupID = *in.AllowedAccessControlHierarchyGroupID
		}
		if in.Applications != nil {
			p.Applications = cloneApplications(in.Applications)
		}
		if in.AllowedFlowModules != nil {
			p.AllowedFlowModules = slices.Clone(in.AllowedFlowModules)
		}
		if in.DataTablePrimaryAttributeValues != nil {
			p.DataTablePrimaryAttributeValues = clonePrimaryAttributeValues(in.DataTablePrimaryAttributeValues)
		}
		p.LastModifiedTime = now
		p.LastModifiedRegion = region
		return ValidateSecurityProfile(p)
	})
	return err
}

// DeleteSecurityProfile deletes the security profile unless a user has it.
func (s *Service) DeleteSecurityProfile(ctx context.Context, region, instanceID, id string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	return s.Store.DeleteSecurityProfile(ctx, inst.ID, id)
}

// ListSecurityProfilePermissions returns a page of the security profile's
// permissions, in name order, and the profile (for its modification time).
func (s *Service) ListSecurityProfilePermissions(ctx context.Context, region, instanceID, id, token string, limit int) ([]string, *SecurityProfile, string, error) {
	return listProfileItems(ctx, s, region, instanceID, id, "ListSecurityProfilePermissions", token, limit,
		func(p *SecurityProfile) []string { return p.Permissions },
		func(perm string) string { return perm })
}

// ListSecurityProfileApplications returns a page of the security profile's
// applications, in namespace order, and the profile.
func (s *Service) ListSecurityProfileApplications(ctx context.Context, region, instanceID, id, token string, limit int) ([]Application, *SecurityProfile, string, error) {
	return listProfileItems(ctx, s, region, instanceID, id, "ListSecurityProfileApplications", token, limit,
		func(p *SecurityProfile) []Application { return p.Applications },
		func(a Application) string { return a.Namespace })
}

// ListSecurityProfileFlowModules returns a page of the flow modules the
// security profile allows, in id order, and the profile.
func (s *Service) ListSecurityProfileFlowModules(ctx context.Context, region, instanceID, id, token string, limit int) ([]FlowModule, *SecurityProfile, string, error) {
	return listProfileItems(ctx, s, region, instanceID, id, "ListSecurityProfileFlowModules", token, limit,
		func(p *SecurityProfile) []FlowModule { return p.AllowedFlowModules },
		func(m FlowModule) string { return m.FlowModuleID })
}

// listProfileItems pages through a list of a security profile, ordered by
// key (unique within the list); the cursor is the last key of a page, so a
// page never repeats or skips an item that stays in the list.
func listProfileItems[T any](ctx context.Context, s *Service, region, instanceID, id, op, token string, limit int,
	items func(*SecurityProfile) []T, key func(T) string) ([]T, *SecurityProfile, string, error) {
	inst, p, err := s.DescribeSecurityProfile(ctx, region, instanceID, id)
	if err != nil {
		return nil, nil, "", err
	}
	scope := op + "/" + inst.ID + "/" + p.ID
	page, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, "", err
	}
	all := slices.SortedFunc(slices.Values(items(p)), func(a, b T) int { return strings.Compare(key(a), key(b)) })
	start := slices.IndexFunc(all, func(v T) bool { return key(v) > page.After })
	if start < 0 {
		start = len(all)
	}
	out := all[start:]
	next := ""
	if page.Limit > 0 && len(out) > page.Limit {
		out = out[:page.Limit]
		next = key(out[len(out)-1])
	}
	return out, p, s.Tokens.Encode(scope, next), nil
}

// CreateRoutingProfile creates a routing profile and returns it with its
// instance.
func (s *Service) CreateRoutingProfile(ctx context.Context, region string, in *CreateRoutingProfileInput) (*Instance, *RoutingProfile, error) {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return nil, nil, err
	}
	if err := validateQueueConfigs("QueueConfigs", in.QueueConfigs, MaxQueueConfigsPerRequest); err != nil {
		return nil, nil, err
	}
	if err := validateManualQueues("ManualAssignmentQueueConfigs", ".QueueReference", in.ManualAssignmentQueueConfigs, MaxQueueConfigsPerRequest); err != nil {
		return nil, nil, err
	}
	timer := in.AgentAvailabilityTimer
	if timer == "" {
		timer = AgentAvailabilityTimeSinceLastActivity
	}
	p := &RoutingProfile{
		InstanceID:             inst.ID,
		ID:                     s.NewID(),
		Name:                   in.Name,
		Description:            in.Description,
		DefaultOutboundQueueID: in.DefaultOutboundQueueID,
		MediaConcurrencies:     withDefaultBehavior(in.MediaConcurrencies),
		QueueConfigs:           slices.Clone(in.QueueConfigs),
		ManualAssignmentQueues: slices.Clone(in.ManualAssignmentQueueConfigs),
		Tags:                   maps.Clone(in.Tags),
		AgentAvailabilityTimer: timer,
		LastModifiedTime:       s.Now(),
		LastModifiedRegion:     region,
	}
	if err := ValidateRoutingProfile(p); err != nil {
		return nil, nil, err
	}
	if err := s.Store.CreateRoutingProfile(ctx, p); err != nil {
		return nil, nil, err
	}
	return inst, p, nil
}

// withDefaultBehavior returns media with each unset cross-channel behavior
// set to the default, ROUTE_CURRENT_CHANNEL_ONLY.
func withDefaultBehavior(media []MediaConcurrency) []MediaConcurrency {
	out := slices.Clone(media)
	for i := range out {
		out[i].CrossChannelBehavior = out[i].EffectiveCrossChannelBehavior()
	}
	return out
}

// DescribeRoutingProfile returns the routing profile with its instance.
func (s *Service) DescribeRoutingProfile(ctx context.Context, region, instanceID, id string) (*Instance, *RoutingProfile, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.Store.RoutingProfile(ctx, inst.ID, id)
	if err != nil {
		return nil, nil, err
	}
	return inst, p, nil
}

// updateRoutingProfile applies change to the routing profile, validates the
// result and bumps its modification time and region.
func (s *Service) updateRoutingProfile(ctx context.Context, region, instanceID, id string, change func(*RoutingProfile) error) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	now := s.Now()
	_, err = s.Store.UpdateRoutingProfile(ctx, inst.ID, id, func(p *RoutingProfile) error {
		if err := change(p); err != nil {
			return err
		}
		p.LastModifiedTime = now
		p.LastModifiedRegion = region
		return ValidateRoutingProfile(p)
	})
	return err
}

// UpdateRoutingProfileName changes the name, the description or both; at
// least one must be given.
func (s *Service) UpdateRoutingProfileName(ctx context.Context, region, instanceID, id string, name, description *string) error {
	if name == nil && description == nil {
		return Errorf(KindInvalidParameter, "At least Name or Description must be provided")
	}
	return s.updateRoutingProfile(ctx, region, instanceID, id, func(p *RoutingProfile) error {
		if name != nil {
			p.Name = *name
		}
		if description != nil {
			p.Description = *description
		}
		return nil
	})
}

// UpdateRoutingProfileConcurrency replaces the channels of the routing
// profile.
func (s *Service) UpdateRoutingProfileConcurrency(ctx context.Context, region, instanceID, id string, media []MediaConcurrency) error {
	if err := ValidateMediaConcurrencies(media); err != nil {
		return err
	}
	return s.updateRoutingProfile(ctx, region, instanceID, id, func(p *RoutingProfile) error {
		p.MediaConcurrencies = withDefaultBehavior(media)
		return nil
	})
}

// UpdateRoutingProfileDefaultOutboundQueue changes the default outbound
// queue.
func (s *Service) UpdateRoutingProfileDefaultOutboundQueue(ctx context.Context, region, instanceID, id, queueID string) error {
	if queueID == "" {
		return Errorf(KindInvalidParameter, "DefaultOutboundQueueId is required")
	}
	return s.updateRoutingProfile(ctx, region, instanceID, id, func(p *RoutingProfile) error {
		p.DefaultOutboundQueueID = queueID
		return nil
	})
}

// UpdateRoutingProfileAgentAvailabilityTimer changes how the routing order
// of the profile's agents is computed.
func (s *Service) UpdateRoutingProfileAgentAvailabilityTimer(ctx context.Context, region, instanceID, id, timer string) error {
	if timer == "" {
		return Errorf(KindInvalidParameter, "AgentAvailabilityTimer is required")
	}
	if err := profileEnum("AgentAvailabilityTimer", timer, AgentAvailabilityTimeSinceLastActivity, AgentAvailabilityTimeSinceLastInbound); err != nil {
		return err
	}
	return s.updateRoutingProfile(ctx, region, instanceID, id, func(p *RoutingProfile) error {
		p.AgentAvailabilityTimer = timer
		return nil
	})
}

// UpdateRoutingProfileQueues changes the priority and delay of queue
// configs already in the routing profile.
func (s *Service) UpdateRoutingProfileQueues(ctx context.Context, region, instanceID, id string, cfgs []RoutingProfileQueueConfig) error {
	if len(cfgs) == 0 {
		return Errorf(KindInvalidParameter, "QueueConfigs must list at least one queue config")
	}
	if err := validateQueueConfigs("QueueConfigs", cfgs, MaxQueueConfigsPerRequest); err != nil {
		return err
	}
	return s.updateRoutingProfile(ctx, region, instanceID, id, func(p *RoutingProfile) error {
		for _, c := range cfgs {
			i := slices.IndexFunc(p.QueueConfigs, func(q RoutingProfileQueueConfig) bool { return q.QueueID == c.QueueID && q.Channel == c.Channel })
			if i < 0 {
				return Errorf(KindInvalidParameter, "QueueConfigs: queue %s is not associated with routing profile %s for channel %s; associate it first",
					clip(c.QueueID), p.ID, c.Channel)
			}
			p.QueueConfigs[i].Priority, p.QueueConfigs[i].Delay = c.Priority, c.Delay
		}
		return nil
	})
}

// AssociateRoutingProfileQueues adds queue configs and manual assignment
// queues to the routing profile; a queue and channel already there is an
// error (disassociate it first).
func (s *Service) AssociateRoutingProfileQueues(ctx context.Context, region, instanceID, id string,
	cfgs []RoutingProfileQueueConfig, manual []RoutingProfileQueueReference) error {
	if len(cfgs) == 0 && len(manual) == 0 {
		return Errorf(KindInvalidParameter, "QueueConfigs or ManualAssignmentQueueConfigs must list at least one queue")
	}
	if err := validateQueueConfigs("QueueConfigs", cfgs, MaxQueueConfigsPerRequest); err != nil {
		return err
	}
	if err := validateManualQueues("ManualAssignmentQueueConfigs", ".QueueReference", manual, MaxQueueConfigsPerRequest); err != nil {
		return err
	}
	return s.updateRoutingProfile(ctx, region, instanceID, id, func(p *RoutingProfile) error {
		for _, c := range cfgs {
			if slices.ContainsFunc(p.QueueConfigs, func(q RoutingProfileQueueConfig) bool { return q.QueueID == c.QueueID && q.Channel == c.Channel }) {
				return Errorf(KindInvalidParameter, "QueueConfigs: queue %s is already associated with routing profile %s for channel %s",
					clip(c.QueueID), p.ID, c.Channel)
			}
		}
		for _, m := range manual {
			if slices.Contains(p.ManualAssignmentQueues, m) {
				return Errorf(KindInvalidParameter, "ManualAssignmentQueueConfigs: queue %s is already associated with routing profile %s for channel %s",
					clip(m.QueueID), p.ID, m.Channel)
			}
		}
		p.QueueConfigs = append(p.QueueConfigs, cfgs...)
		p.ManualAssignmentQueues = append(p.ManualAssignmentQueues, manual...)
		return nil
	})
}

// DisassociateRoutingProfileQueues removes queue configs and manual
// assignment queues from the routing profile; each must be there.
func (s *Service) DisassociateRoutingProfileQueues(ctx context.Context, region, instanceID, id string,
	refs, manual []RoutingProfileQueueReference) error {
	if len(refs) == 0 && len(manual) == 0 {
		return Errorf(KindInvalidParameter, "QueueReferences or ManualAssignmentQueueReferences must list at least one queue")
	}
	if err := validateQueueReferences("QueueReferences", "", refs, MaxQueueConfigsPerRequest); err != nil {
		return err
	}
	if err := validateQueueReferences("ManualAssignmentQueueReferences", "", manual, MaxQueueConfigsPerRequest); err != nil {
		return err
	}
	return s.updateRoutingProfile(ctx, region, instanceID, id, func(p *RoutingProfile) error {
		for _, r := range refs {
			i := slices.IndexFunc(p.QueueConfigs, func(q RoutingProfileQueueConfig) bool { return q.QueueID == r.QueueID && q.Channel == r.Channel })
			if i < 0 {
				return Errorf(KindInvalidParameter, "QueueReferences: queue %s is not associated with routing profile %s for channel %s",
					clip(r.QueueID), p.ID, r.Channel)
			}
			p.QueueConfigs = slices.Delete(p.QueueConfigs, i, i+1)
		}
		for _, m := range manual {
			i := slices.Index(p.ManualAssignmentQueues, m)
			if i < 0 {
				return Errorf(KindInvalidParameter, "ManualAssignmentQueueReferences: queue %s is not associated with routing profile %s for channel %s",
					clip(m.QueueID), p.ID, m.Channel)
			}
			p.ManualAssignmentQueues = slices.Delete(p.ManualAssignmentQueues, i, i+1)
		}
		return nil
	})
}

// DeleteRoutingProfile deletes the routing profile unless a user has it.
func (s *Service) DeleteRoutingProfile(ctx context.Context, region, instanceID, id string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	return s.Store.DeleteRoutingProfile(ctx, inst.ID, id)
}

// ListRoutingProfileQueues returns a page of the routing profile's queue
// configs with the instance (for the queues' ARNs) and the profile (for its
// modification time).
func (s *Service) ListRoutingProfileQueues(ctx context.Context, region, instanceID, id, token string, limit int) (*Instance, *RoutingProfile, []RoutingProfileQueueSummary, string, error) {
	inst, p, err := s.DescribeRoutingProfile(ctx, region, instanceID, id)
	if err != nil {
		return nil, nil, nil, "", err
	}
	scope := "ListRoutingProfileQueues/" + inst.ID + "/" + p.ID
	page, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, nil, "", err
	}
	items, next, err := s.Store.ListRoutingProfileQueues(ctx, inst.ID, p.ID, page)
	if err != nil {
		return nil, nil, nil, "", err
	}
	return inst, p, items, s.Tokens.Encode(scope, next), nil
}

// ListRoutingProfileManualAssignmentQueues returns a page of the routing
// profile's manual assignment queues with the instance and the profile.
func (s *Service) ListRoutingProfileManualAssignmentQueues(ctx context.Context, region, instanceID, id, token string, limit int) (*Instance, *RoutingProfile, []RoutingProfileManualQueueSummary, string, error) {
	inst, p, err := s.DescribeRoutingProfile(ctx, region, instanceID, id)
	if err != nil {
		return nil, nil, nil, "", err
	}
	scope := "ListRoutingProfileManualAssignmentQueues/" + inst.ID + "/" + p.ID
	page, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, nil, "", err
	}
	items, next, err := s.Store.ListRoutingProfileManualAssignmentQueues(ctx, inst.ID, p.ID, page)
	if err != nil {
		return nil, nil, nil, "", err
	}
	return inst, p, items, s.Tokens.Encode(scope, next), nil
}

func cloneApplications(apps []Application) []Application {
	if apps == nil {
		return nil
	}
	out := make([]Application, len(apps))
	for i, a := range apps {
		out[i] = a
		out[i].ApplicationPermissions = slices.Clone(a.ApplicationPermissions)
	}
	return out
}

func clonePrimaryAttributeValues(vals []PrimaryAttributeValue) []PrimaryAttributeValue {
	if vals == nil {
		return nil
	}
	out := make([]PrimaryAttributeValue, len(vals))
	for i, v := range vals {
		out[i] = v
		out[i].Values = slices.Clone(v.Values)
	}
	return out
}
