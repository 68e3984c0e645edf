package connectlite

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// An instance's agent hierarchy has up to five levels, named by
// UpdateUserHierarchyStructure. Every hierarchy group sits at one level: a
// group without a parent at level one, any other one level below its
// parent. A level can only be removed once no group is left at it, and a
// group only deleted once it has neither child groups nor users.

// ARNHierarchyLevel is the ARN resource type of a hierarchy level. The ARN
// ends in the level's number, not its id, as AWS's do:
// .../instance/<id>/agent-group-level/1.
const ARNHierarchyLevel = "agent-group-level"

// MaxHierarchyLevels is the number of levels a hierarchy can have.
const MaxHierarchyLevels = 5

// Lengths of hierarchy names, in characters. The model gives none; the
// HierarchyLevelUpdate documentation says a level name "Must not be more
// than 50 characters", and AWS (and Terraform's provider) limit group names
// to 100.
const (
	MaxHierarchyLevelNameLength = 50
	MaxHierarchyGroupNameLength = 100
)

// HierarchyLevelMembers are the member names of the five levels in the
// model's HierarchyStructure, HierarchyStructureUpdate and HierarchyPath,
// level one first.
var HierarchyLevelMembers = [MaxHierarchyLevels]string{"LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"}

// InUseByHierarchyGroup is the ResourceType of the KindResourceInUse error
// of a group or level that a hierarchy group still needs: a child group of
// the group, or a group at the level. It is a value of the model's
// ResourceType enum; the error's ResourceID is the blocking group.
const InUseByHierarchyGroup = "HIERARCHY_GROUP"

// HierarchyLevel is one level of an instance's agent hierarchy.
type HierarchyLevel struct {
	InstanceID         string
	Level              int // 1 to MaxHierarchyLevels
	ID                 string
	Name               string
	LastModifiedTime   time.Time
	LastModifiedRegion string
}

// LevelID returns the LevelId AWS reports for a group at level: the
// level's number ("1" to "5").
func LevelID(level int) string { return strconv.Itoa(level) }

// GroupLevel returns the level number of g, from its LevelID; 0 if it has
// none.
func (g *HierarchyGroup) GroupLevel() int {
	n, err := strconv.Atoi(g.LevelID)
	if err != nil || n < 1 || n > MaxHierarchyLevels {
		return 0
	}
	return n
}

// ValidateHierarchyLevelName applies the level name rule: 1 to
// MaxHierarchyLevelNameLength characters.
func ValidateHierarchyLevelName(member, name string) error {
	if n := utf8.RuneCountInString(name); n < 1 || n > MaxHierarchyLevelNameLength {
		return Errorf(KindInvalidParameter, "%s.Name must be 1 to %d characters long, got %d", member, MaxHierarchyLevelNameLength, n)
	}
	return nil
}

// ValidateHierarchyGroupName applies the group name rule: 1 to
// MaxHierarchyGroupNameLength characters.
func ValidateHierarchyGroupName(name string) error {
	if n := utf8.RuneCountInString(name); n < 1 || n > MaxHierarchyGroupNameLength {
		return Errorf(KindInvalidParameter, "Name must be 1 to %d characters long, got %d", MaxHierarchyGroupNameLength, n)
	}
	return nil
}

// The errors of HierarchyStore, shared by every store so that clients see
// the same messages whichever store serves them.

// HierarchyGroupNotFound is the KindNotFound error of an unknown hierarchy
// group.
func HierarchyGroupNotFound(instanceID, id string) error {
	return Errorf(KindNotFound, "Hierarchy group %s does not exist in instance %s", id, instanceID)
}

// UnknownParentGroup is the KindInvalidParameter error of a
// ParentGroupId that names no group of the instance.
func UnknownParentGroup(instanceID, id string) error {
	return Errorf(KindInvalidParameter, "ParentGroupId: hierarchy group %s does not exist in instance %s", id, instanceID)
}

// HierarchyLevelNotDefined is the KindInvalidRequest error of a group
// created at a level the instance's hierarchy structure does not have.
func HierarchyLevelNotDefined(instanceID string, level int) error {
	if level > MaxHierarchyLevels {
		return Errorf(KindInvalidRequest, "A hierarchy has at most %d levels; the parent group is at level %d", MaxHierarchyLevels, MaxHierarchyLevels)
	}
	return Errorf(KindInvalidRequest, "The hierarchy structure of instance %s has no level %d (%s); add it with UpdateUserHierarchyStructure first",
		instanceID, level, HierarchyLevelMembers[level-1])
}

// DuplicateHierarchyGroupName is the KindDuplicate error of a group name
// that another group at the same level has (compared case-insensitively).
func DuplicateHierarchyGroupName(instanceID string, level int, name string) error {
	return Errorf(KindDuplicate, "A hierarchy group named %s already exists at level %d of instance %s", name, level, instanceID)
}

// HierarchyGroupHasChildren is the KindResourceInUse error of deleting a
// group that group childID is a child of.
func HierarchyGroupHasChildren(id, childID string) error {
	return &Error{
		Kind:         KindResourceInUse,
		Message:      "Hierarchy group " + id + " has child group " + childID + "; delete its child groups first",
		ResourceType: InUseByHierarchyGroup, ResourceID: childID,
	}
}

// HierarchyGroupHasUsers is the KindResourceInUse error of deleting a group
// that user userID belongs to.
func HierarchyGroupHasUsers(id, userID string) error {
	return &Error{
		Kind:         KindResourceInUse,
		Message:      "Hierarchy group " + id + " has user " + userID + "; move its users to another group first",
		ResourceType: InUseByUser, ResourceID: userID,
	}
}

// HierarchyGroupUsedBySecurityProfile is the KindResourceInUse error of
// deleting a group that a security profile names as its
// AllowedAccessControlHierarchyGroupId. The model's ResourceType enum has
// no value for a security profile, so the error carries none.
func HierarchyGroupUsedBySecurityProfile(id, profileID string) error {
	return &Error{
		Kind: KindResourceInUse,
		Message: "Hierarchy group " + id + " is the AllowedAccessControlHierarchyGroupId of security profile " +
			profileID + "; change the security profile first",
	}
}

// HierarchyLevelInUse is the KindResourceInUse error of an
// UpdateUserHierarchyStructure that removes a level group groupID is at.
func HierarchyLevelInUse(level int, groupID string) error {
	return &Error{
		Kind: KindResourceInUse,
		Message: "Level " + strconv.Itoa(level) + " (" + HierarchyLevelMembers[level-1] + ") cannot be removed: hierarchy group " +
			groupID + " is at that level; delete the groups of the level first",
		ResourceType: InUseByHierarchyGroup, ResourceID: groupID,
	}
}
