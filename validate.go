package connectlite

// This file is being written: the domain rules of CreateInstance, CreateUser
// and UpdateUserIdentityInfo.

// ValidateCreateInstance applies the rules the model cannot express.
func ValidateCreateInstance(in *CreateInstanceInput) error { return nil }

// NewUser validates in against the instance and builds the user it describes
// (without id, ARN or timestamps).
func NewUser(inst *Instance, in *CreateUserInput) (*User, error) {
	return &User{Username: in.Username, SecurityProfileIDs: in.SecurityProfileIDs, RoutingProfileID: in.RoutingProfileID}, nil
}

// ValidateIdentityInfo applies the identity rules of the instance's type.
func ValidateIdentityInfo(inst *Instance, info *IdentityInfo) error { return nil }
