package connectlite

import (
	"context"
	"fmt"
	"strings"
)

// Service carries out the operations of the API: it applies the domain rules,
// hashes passwords, assigns identifiers and timestamps and calls the Store.
// The HTTP layer decodes requests into its inputs and encodes its results.
type Service struct {
	Store     Store
	Hasher    PasswordHasher
	Now       Clock
	NewID     func() string
	AccountID string
	Tokens    *TokenCodec

	instances instanceCache // instance_cache.go
}

// CreateInstanceInput is the request of CreateInstance.
type CreateInstanceInput struct {
	ClientToken            string
	IdentityManagementType IdentityManagementType
	InstanceAlias          string
	DirectoryID            string
	InboundCallsEnabled    bool
	OutboundCallsEnabled   bool
	Tags                   map[string]string
}

// PhoneConfigInput is a PhoneConfig as sent, where nil means absent.
type PhoneConfigInput struct {
	PhoneType                 *string
	AutoAccept                *bool
	AfterContactWorkTimeLimit *int32
	DeskPhoneNumber           *string
	PersistentConnection      *bool
}

// CreateUserInput is the request of CreateUser. Nil pointers and nil slices
// are members the client did not send.
type CreateUserInput struct {
	InstanceID                  string
	Username                    string
	Password                    *string
	IdentityInfo                *IdentityInfo
	PhoneConfig                 *PhoneConfigInput
	DirectoryUserID             *string
	SecurityProfileIDs          []string
	RoutingProfileID            string
	HierarchyGroupID            *string
	AutoAcceptConfigs           []AutoAcceptConfig
	AfterContactWorkConfigs     []AfterContactWorkConfigPerChannel
	PhoneNumberConfigs          []PhoneNumberConfig
	PersistentConnectionConfigs []PersistentConnectionConfig
	VoiceEnhancementConfigs     []VoiceEnhancementConfig
	Tags                        map[string]string
}

// InstanceIDFromPath accepts an instance id or an instance ARN, as AWS does,
// and returns the id.
func InstanceIDFromPath(s string) string {
	if strings.HasPrefix(s, "arn:") {
		if i := strings.LastIndex(s, ":instance/"); i >= 0 {
			return s[i+len(":instance/"):]
		}
	}
	return s
}

// instance returns the instance with that id in the caller's region.
// Instances of other regions are invisible, as they are in AWS.
func (s *Service) instance(ctx context.Context, region, id string) (*Instance, error) {
	id = InstanceIDFromPath(id)
	inst, err := s.loadInstance(ctx, id)
	if err != nil {
		if KindOf(err) == KindNotFound {
			return nil, Errorf(KindNotFound, "Instance %s not found in region %s", id, region)
		}
		return nil, fmt.Errorf("load instance: %w", err)
	}
	if inst.Region != region {
		return nil, Errorf(KindNotFound, "Instance %s not found in region %s", id, region)
	}
	return inst, nil
}

// CreateInstance creates an ACTIVE instance with the default resources AWS
// puts in a new instance. A request that repeats the ClientToken of an
// earlier one returns the instance that one created.
func (s *Service) CreateInstance(ctx context.Context, region string, in *CreateInstanceInput) (*Instance, error) {
	if err := ValidateCreateInstance(in); err != nil {
		return nil, err
	}
	inst := Instance{
		AccountID:              s.AccountID,
		Region:                 region,
		IdentityManagementType: in.IdentityManagementType,
		Alias:                  in.InstanceAlias,
		DirectoryID:            in.DirectoryID,
		InboundCallsEnabled:    in.InboundCallsEnabled,
		OutboundCallsEnabled:   in.OutboundCallsEnabled,
		CreatedTime:            s.Now(),
		ClientToken:            in.ClientToken,
		Tags:                   in.Tags,
	}
	n := BuildNewInstance(inst, IDs{}, s.NewID)
	return s.storeNewInstance(ctx, n, in) // service_instance_attributes.go: ClientToken idempotency
}

// DescribeInstance returns the instance.
func (s *Service) DescribeInstance(ctx context.Context, region, id string) (*Instance, error) {
	return s.instance(ctx, region, id)
}

// ListInstances returns a page of the region's instances.
func (s *Service) ListInstances(ctx context.Context, region, token string, limit int) ([]Instance, string, error) {
	scope := "ListInstances/" + s.AccountID + "/" + region
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, "", err
	}
	items, next, err := s.Store.ListInstances(ctx, region, p)
	if err != nil {
		return nil, "", err
	}
	return items, s.Tokens.Encode(scope, next), nil
}

// DeleteInstance deletes the instance and everything in it.
func (s *Service) DeleteInstance(ctx context.Context, region, id string) error {
	inst, err := s.instance(ctx, region, id)
	if err != nil {
		return err
	}
	defer s.instances.invalidate(inst.ID)
	return s.Store.DeleteInstance(ctx, inst.ID)
}

// ListSecurityProfiles returns a page of the instance's security profiles.
func (s *Service) ListSecurityProfiles(ctx context.Context, region, instanceID, token string, limit int) (*Instance, []SecurityProfile, string, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, "", err
	}
	scope := "ListSecurityProfiles/" + inst.ID
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, "", err
	}
	items, next, err := s.Store.ListSecurityProfiles(ctx, inst.ID, p)
	if err != nil {
		return nil, nil, "", err
	}
	return inst, items, s.Tokens.Encode(scope, next), nil
}

// ListRoutingProfiles returns a page of the instance's routing profiles.
func (s *Service) ListRoutingProfiles(ctx context.Context, region, instanceID, token string, limit int) (*Instance, []RoutingProfile, string, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, "", err
	}
	scope := "ListRoutingProfiles/" + inst.ID
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, "", err
	}
	items, next, err := s.Store.ListRoutingProfiles(ctx, inst.ID, p)
	if err != nil {
		return nil, nil, "", err
	}
	return inst, items, s.Tokens.Encode(scope, next), nil
}

// CreateUser validates in against the instance's identity management type,
// hashes the password (outside any store lock) and stores the user.
func (s *Service) CreateUser(ctx context.Context, region string, in *CreateUserInput) (*User, error) {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return nil, err
	}
	u, err := NewUser(inst, in)
	if err != nil {
		return nil, err
	}
	u.InstanceID = inst.ID
	u.ID = s.NewID()
	u.ARN = inst.ResourceARN(ARNAgent, u.ID)
	u.LastModifiedTime = s.Now()
	u.LastModifiedRegion = region
	hash := ""
	if in.Password != nil {
		if hash, err = s.Hasher.Hash(ctx, *in.Password); err != nil {
			return nil, fmt.Errorf("hash password: %w", err)
		}
	}
	if err := s.Store.CreateUser(ctx, u, hash); err != nil {
		return nil, err
	}
	return u, nil
}

// DescribeUser returns the user.
func (s *Service) DescribeUser(ctx context.Context, region, instanceID, userID string) (*User, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, err
	}
	u, err := s.Store.User(ctx, inst.ID, userID)
	if err != nil {
		return nil, err
	}
	u.ARN = inst.ResourceARN(ARNAgent, u.ID)
	return u, nil
}

// UpdateUserIdentityInfo replaces the user's identity information.
func (s *Service) UpdateUserIdentityInfo(ctx context.Context, region, instanceID, userID string, info *IdentityInfo) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	if err := ValidateIdentityInfo(inst, info); err != nil {
		return err
	}
	_, err = s.Store.UpdateUser(ctx, inst.ID, userID, func(u *User) error {
		u.IdentityInfo = *info
		u.LastModifiedTime = s.Now()
		u.LastModifiedRegion = region
		return nil
	})
	return err
}

// ListUsers returns a page of summaries of the instance's users: only what
// the response carries, so the store reads no configuration, profiles or
// tags.
func (s *Service) ListUsers(ctx context.Context, region, instanceID, token string, limit int) ([]UserSummary, string, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, "", err
	}
	scope := "ListUsers/" + inst.ID
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, "", err
	}
	items, next, err := s.Store.ListUserSummaries(ctx, inst.ID, p)
	if err != nil {
		return nil, "", err
	}
	for i := range items {
		items[i].ARN = inst.ResourceARN(ARNAgent, items[i].ID)
	}
	return items, s.Tokens.Encode(scope, next), nil
}

// page turns a client's token and limit into a store page request.
func (s *Service) page(_ context.Context, scope, token string, limit int) (PageRequest, error) {
	after, err := s.Tokens.Decode(scope, token)
	if err != nil {
		return PageRequest{}, err
	}
	return PageRequest{Limit: limit, After: after}, nil
}
