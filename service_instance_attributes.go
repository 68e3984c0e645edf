package connectlite

import (
	"context"
	"slices"
)

// MaxInstanceAttributesPage is the largest MaxResults of
// ListInstanceAttributes (the model's MaxResult7).
const MaxInstanceAttributesPage = 7

// DescribeInstanceAttribute returns the value of attribute typ of the
// instance: what UpdateInstanceAttribute last set, or the default.
func (s *Service) DescribeInstanceAttribute(ctx context.Context, region, instanceID, typ string) (*InstanceAttribute, error) {
	if _, err := ValidateInstanceAttribute(typ, "true"); err != nil {
		return nil, err
	}
	inst, stored, err := s.instanceAttributes(ctx, region, instanceID)
	if err != nil {
		return nil, err
	}
	return &InstanceAttribute{AttributeType: typ, Value: InstanceAttributeValue(inst, stored, typ)}, nil
}

// UpdateInstanceAttribute sets attribute typ of the instance to value
// ("true" or "false", in any letter case). INBOUND_CALLS and
// OUTBOUND_CALLS change what DescribeInstance reports as
// InboundCallsEnabled and OutboundCallsEnabled.
func (s *Service) UpdateInstanceAttribute(ctx context.Context, region, instanceID, typ, value string) error {
	v, err := ValidateInstanceAttribute(typ, value)
	if err != nil {
		return err
	}
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	defer s.instances.invalidate(inst.ID)
	return s.Store.UpdateInstanceAttribute(ctx, inst.ID, typ, v)
}

// ListInstanceAttributes returns a page of every attribute of the instance,
// in the model's order of InstanceAttributeTypes.
func (s *Service) ListInstanceAttributes(ctx context.Context, region, instanceID, token string, limit int) ([]InstanceAttribute, string, error) {
	inst, stored, err := s.instanceAttributes(ctx, region, instanceID)
	if err != nil {
		return nil, "", err
	}
	scope := "ListInstanceAttributes/" + inst.ID
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, "", err
	}
	start := 0
	if p.After != "" {
		i := slices.Index(InstanceAttributeTypes, p.After)
		if i < 0 {
			return nil, "", Errorf(KindInvalidParameter, "NextToken is not valid for this request")
		}
		start = i + 1
	}
	if p.Limit <= 0 || p.Limit > MaxInstanceAttributesPage {
		p.Limit = MaxInstanceAttributesPage
	}
	end := min(start+p.Limit, len(InstanceAttributeTypes))
	items := make([]InstanceAttribute, 0, end-start)
	for _, typ := range InstanceAttributeTypes[start:end] {
		items = append(items, InstanceAttribute{AttributeType: typ, Value: InstanceAttributeValue(inst, stored, typ)})
	}
	next := ""
	if end < len(InstanceAttributeTypes) {
		next = InstanceAttributeTypes[end-1]
	}
	return items, s.Tokens.Encode(scope, next), nil
}

// instanceAttributes returns the instance and its stored attributes.
func (s *Service) instanceAttributes(ctx context.Context, region, instanceID string) (*Instance, map[string]string, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, err
	}
	stored, err := s.Store.InstanceAttributes(ctx, inst.ID)
	if err != nil {
		return nil, nil, err
	}
	return inst, stored, nil
}

// storeNewInstance stores n for CreateInstance. With a ClientToken it is
// idempotent, as the token promises: a request that repeats the token of
// an instance of the account and region returns that instance and creates
// nothing, provided its other members are those of the first request. With
// other members it is KindInvalidRequest (inferred: the Connect model
// lists no IdempotentParameterMismatch error; InvalidRequestException is
// what CreateInstance answers for a request that conflicts with an
// existing instance, such as a taken alias).
func (s *Service) storeNewInstance(ctx context.Context, n *NewInstance, in *CreateInstanceInput) (*Instance, error) {
	if in.ClientToken == "" {
		if err := s.Store.CreateInstance(ctx, n); err != nil {
			return nil, err
		}
		return &n.Instance, nil
	}
	fp := CreateInstanceFingerprint(in)
	existing, existingFP, err := s.Store.CreateInstanceWithToken(ctx, n, fp)
	if err != nil {
		return nil, err
	}
	if existing == nil {
		return &n.Instance, nil
	}
	same := existingFP == fp
	if existingFP == "" {
		// Created before fingerprints were kept: compare what cannot
		// have changed since.
		same = existing.IdentityManagementType == in.IdentityManagementType &&
			existing.Alias == in.InstanceAlias && existing.DirectoryID == in.DirectoryID
	}
	if !same {
		return nil, Errorf(KindInvalidRequest,
			"ClientToken %s was already used to create instance %s with different parameters; use a new ClientToken for a different request",
			clip(in.ClientToken), existing.ID)
	}
	return existing, nil
}
