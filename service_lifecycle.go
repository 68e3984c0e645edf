package connectlite

import (
	"context"
	"slices"
)

// This file holds the user lifecycle operations after CreateUser: the
// updates of one aspect of a user and DeleteUser. Every update is one
// Store.UpdateUser call, so it reads, changes and writes the user in one
// transaction, the store re-checks the references (a security profile,
// routing profile or hierarchy group that does not exist is
// KindInvalidParameter, as in CreateUser), and LastModifiedTime and
// LastModifiedRegion move to the time and region of the update.

// DeleteUser deletes the user; its username can be used again.
func (s *Service) DeleteUser(ctx context.Context, region, instanceID, userID string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	return s.Store.DeleteUser(ctx, inst.ID, userID)
}

// UpdateUserPhoneConfig replaces the user's legacy phone configuration.
// Besides what ApplyUserConfigs does with a PhoneConfig (AutoAccept and
// AfterContactWorkTimeLimit that are absent mean false and 0; absent
// PhoneType, DeskPhoneNumber and PersistentConnection keep their values;
// the VOICE entries mirror the result), it gives every channel of the
// user's AfterContactWorkConfigs the same after-contact-work limit, as the
// AWS documentation says UpdateUserPhoneConfig does ("will always set the
// same ACW timeouts to all channels the user handles"). connectlite reads
// "the channels the user handles" as the channels the user has an
// after-contact-work setting for, so DescribeUser never shows a channel the
// client did not configure; agent-first callback limits are kept.
func (s *Service) UpdateUserPhoneConfig(ctx context.Context, region, instanceID, userID string, pc *PhoneConfigInput) error {
	if pc == nil {
		return Errorf(KindInvalidParameter, "PhoneConfig is required")
	}
	return s.updateUser(ctx, region, instanceID, userID, func(u *User) error {
		if err := ApplyUserConfigs(u, &UserConfigInput{PhoneConfig: pc}); err != nil {
			return err
		}
		for i := range u.AfterContactWorkConfigs {
			limit := u.PhoneConfig.AfterContactWorkTimeLimit
			u.AfterContactWorkConfigs[i].AfterContactWorkConfig.AfterContactWorkTimeLimit = &limit
		}
		return nil
	})
}

// UpdateUserConfig updates the user's per-channel configuration with the
// rules of CreateUser (ApplyUserConfigs): each list sent updates the
// channels it names and keeps the others, and its VOICE entry sets the
// matching PhoneConfig members. At least one list must be sent.
func (s *Service) UpdateUserConfig(ctx context.Context, region, instanceID, userID string, c *UserConfigInput) error {
	if c == nil || c.empty() {
		return Errorf(KindInvalidRequest, "At least one of AutoAcceptConfigs, AfterContactWorkConfigs, PhoneNumberConfigs, PersistentConnectionConfigs and VoiceEnhancementConfigs is required")
	}
	if c.PhoneConfig != nil {
		// Not a member of UpdateUserConfig; a caller that is not the HTTP
		// layer must use UpdateUserPhoneConfig.
		return Errorf(KindInvalidRequest, "UpdateUserConfig does not take PhoneConfig; use UpdateUserPhoneConfig")
	}
	return s.updateUser(ctx, region, instanceID, userID, func(u *User) error {
		return ApplyUserConfigs(u, c)
	})
}

// UpdateUserSecurityProfiles replaces the user's security profiles with
// ids, in their order.
func (s *Service) UpdateUserSecurityProfiles(ctx context.Context, region, instanceID, userID string, ids []string) error {
	if err := ValidateSecurityProfileIDs(ids); err != nil {
		return err
	}
	return s.updateUser(ctx, region, instanceID, userID, func(u *User) error {
		u.SecurityProfileIDs = slices.Clone(ids)
		return nil
	})
}

// UpdateUserRoutingProfile assigns the routing profile to the user.
func (s *Service) UpdateUserRoutingProfile(ctx context.Context, region, instanceID, userID, routingProfileID string) error {
	if routingProfileID == "" {
		return Errorf(KindInvalidParameter, "RoutingProfileId is required")
	}
	return s.updateUser(ctx, region, instanceID, userID, func(u *User) error {
		u.RoutingProfileID = routingProfileID
		return nil
	})
}

// UpdateUserHierarchy assigns the hierarchy group to the user; a nil or
// empty group id removes the user from its group, as AWS does when
// HierarchyGroupId is absent.
func (s *Service) UpdateUserHierarchy(ctx context.Context, region, instanceID, userID string, groupID *string) error {
	group := ""
	if groupID != nil {
		group = *groupID
	}
	return s.updateUser(ctx, region, instanceID, userID, func(u *User) error {
		u.HierarchyGroupID = group
		return nil
	})
}

// updateUser applies change to the stored user in one Store.UpdateUser
// transaction and stamps the update's time and region.
func (s *Service) updateUser(ctx context.Context, region, instanceID, userID string, change func(*User) error) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	now := s.Now()
	_, err = s.Store.UpdateUser(ctx, inst.ID, userID, func(u *User) error {
		if err := change(u); err != nil {
			return err
		}
		u.LastModifiedTime = now
		u.LastModifiedRegion = region
		return nil
	})
	return err
}

// ValidateSecurityProfileIDs applies CreateUser's rules for
// SecurityProfileIds to a replacement set: at least one id, no empty id, no
// id twice. The model's maximum of 10 is the model validator's.
func ValidateSecurityProfileIDs(ids []string) error {
	if len(ids) == 0 {
		return Errorf(KindInvalidParameter, "SecurityProfileIds must list at least one security profile")
	}
	for i, id := range ids {
		if id == "" {
			return Errorf(KindInvalidParameter, "SecurityProfileIds must not contain an empty id")
		}
		if slices.Contains(ids[:i], id) {
			return Errorf(KindInvalidParameter, "SecurityProfileIds lists %s more than once", clip(id))
		}
	}
	return nil
}
