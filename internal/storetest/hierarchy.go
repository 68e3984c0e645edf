package storetest

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// runHierarchy is the part of the suite that covers
// connectlite.HierarchyInstanceStore: the hierarchy structure and groups
// (levels, paths, names, in-use rules), instance attributes and
// CreateInstanceWithToken.
func runHierarchy(t *testing.T, open func(t *testing.T) connectlite.Store) {
	runTests(t, open, []suiteTest{
		{"HierarchyStructureOfNewInstanceIsEmpty", testStructureEmpty},
		{"UpdateHierarchyStructureAddsRenamesAndRemovesLevels", testStructureUpdate},
		{"UpdateHierarchyStructureErrorsChangeNothing", testStructureUpdateErrors},
		{"RemovingLevelWithGroupsIsResourceInUseAndChangesNothing", testStructureRemoveLevelInUse},
		{"CreateHierarchyGroupRoundTripsEveryFieldAndPath", testGroupRoundTrip},
		{"CreateHierarchyGroupErrorsWriteNothing", testGroupCreateErrors},
		{"UnknownHierarchyGroupIsNotFound", testGroupUnknown},
		{"UpdateHierarchyGroupRenamesAndKeepsLevel", testGroupUpdate},
		{"DeleteHierarchyGroupInUseIsResourceInUse", testGroupDelete},
		{"ListHierarchyGroupsPagesEveryIDOnce", testGroupListPages},
		{"HierarchyGroupTagsRoundTrip", testGroupTags},
		{"SearchUsersWithChildGroupsFollowsCreatedPaths", testGroupPathsSearch},
		{"DeleteInstanceRemovesItsHierarchy", testHierarchyDeleteInstance},
		{"ConcurrentCreateGroupSameNameExactlyOneSucceeds", testGroupConcurrentSameName},
		{"ConcurrentRemoveLevelAndCreateGroupLeaveNoGroupAtRemovedLevel", testStructureGroupRace},
		{"InstanceAttributesStartEmptyAndUpdate", testInstanceAttributes},
		{"UpdateInboundOutboundCallsChangesTheInstance", testInstanceCallsAttributes},
		{"CreateInstanceWithTokenCreatesOnce", testCreateInstanceWithToken},
		{"ConcurrentCreateInstanceWithSameTokenCreatesOne", testCreateInstanceWithTokenConcurrent},
	})
}

// levelsMutate returns a mutate for UpdateHierarchyStructure that makes
// the structure names, keeping the ids of the levels that stay, stamping
// renamed and new levels with at.
func (f *fixture) levelsMutate(instanceID string, at time.Time, names ...string) func([]connectlite.HierarchyLevel) ([]connectlite.HierarchyLevel, error) {
	return func(cur []connectlite.HierarchyLevel) ([]connectlite.HierarchyLevel, error) {
		next := make([]connectlite.HierarchyLevel, len(names))
		for i, name := range names {
			if i < len(cur) {
				next[i] = cur[i]
				if cur[i].Name == name {
					continue
				}
			} else {
				next[i] = connectlite.HierarchyLevel{InstanceID: instanceID, Level: i + 1, ID: f.newID()}
			}
			next[i].Name, next[i].LastModifiedTime, next[i].LastModifiedRegion = name, at, region
		}
		return next, nil
	}
}

// mustStructure sets the instance's levels to names.
func (f *fixture) mustStructure(t *testing.T, instanceID string, names ...string) []connectlite.HierarchyLevel {
	t.Helper()
	levels, err := f.s.UpdateHierarchyStructure(f.ctx, instanceID, f.levelsMutate(instanceID, t0(), names...))
	if err != nil {
		t.Fatalf("UpdateHierarchyStructure(%v): %v", names, err)
	}
	return levels
}

func (f *fixture) mustGetStructure(t *testing.T, instanceID string) []connectlite.HierarchyLevel {
	t.Helper()
	levels, err := f.s.HierarchyStructure(f.ctx, instanceID)
	if err != nil {
		t.Fatalf("HierarchyStructure: %v", err)
	}
	return levels
}

func normLevels(ls []connectlite.HierarchyLevel) []connectlite.HierarchyLevel {
	out := nilIfEmpty(slices.Clone(ls))
	for i := range out {
		out[i].LastModifiedTime = normTime(out[i].LastModifiedTime)
	}
	return out
}

func normGroup(g connectlite.HierarchyGroup) connectlite.HierarchyGroup {
	g.Tags = nilIfEmptyMap(g.Tags)
	g.LastModifiedTime = normTime(g.LastModifiedTime)
	return g
}

func normGroups(gs []connectlite.HierarchyGroup) []connectlite.HierarchyGroup {
	out := nilIfEmpty(slices.Clone(gs))
	for i := range out {
		out[i] = normGroup(out[i])
	}
	return out
}

// newGroup returns a group of the instance below parent ("" for level
// one), not yet stored.
func (f *fixture) newGroup(instanceID, name, parent string) *connectlite.HierarchyGroup {
	return &connectlite.HierarchyGroup{
		InstanceID: instanceID, ID: f.newID(), Name: name, ParentGroupID: parent,
		Tags:               map[string]string{"team": name, "empty": ""},
		LastModifiedTime:   time.Date(2024, 3, 5, 9, 9, 11, 456_000_000, time.FixedZone("CET", 3600)),
		LastModifiedRegion: "eu-west-2",
	}
}

func (f *fixture) mustGroup(t *testing.T, instanceID, name, parent string) *connectlite.HierarchyGroup {
	t.Helper()
	g := f.newGroup(instanceID, name, parent)
	if err := f.s.CreateHierarchyGroup(f.ctx, g); err != nil {
		t.Fatalf("CreateHierarchyGroup(%s): %v", name, err)
	}
	return g
}

func (f *fixture) mustGetGroup(t *testing.T, instanceID, id string) (*connectlite.HierarchyGroup, []connectlite.HierarchyGroup) {
	t.Helper()
	g, path, err := f.s.HierarchyGroup(f.ctx, instanceID, id)
	if err != nil {
		t.Fatalf("HierarchyGroup(%s): %v", id, err)
	}
	return g, path
}

// allGroups pages through ListHierarchyGroups with limit.
func (f *fixture) allGroups(t *testing.T, instanceID string, limit int) []connectlite.HierarchyGroup {
	t.Helper()
	var (
		all   []connectlite.HierarchyGroup
		after string
	)
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("ListHierarchyGroups: more than 100 pages")
		}
		items, next, err := f.s.ListHierarchyGroups(f.ctx, instanceID, connectlite.PageRequest{Limit: limit, After: after})
		if err != nil {
			t.Fatalf("ListHierarchyGroups(after %q): %v", after, err)
		}
		if limit > 0 && len(items) > limit {
			t.Fatalf("ListHierarchyGroups: %d items, limit %d", len(items), limit)
		}
		all = append(all, items...)
		if next == "" {
			return all
		}
		after = next
	}
}

func testStructureEmpty(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	if got := f.mustGetStructure(t, n.Instance.ID); len(got) != 0 {
		t.Fatalf("HierarchyStructure of a new instance = %+v, want none", got)
	}
	_, err := f.s.HierarchyStructure(f.ctx, f.newID())
	wantKind(t, "HierarchyStructure(unknown instance)", err, connectlite.KindNotFound)
	if groups := f.allGroups(t, n.Instance.ID, 0); len(groups) != 0 {
		t.Fatalf("ListHierarchyGroups of a new instance = %+v, want none", groups)
	}
	_, _, err = f.s.ListHierarchyGroups(f.ctx, f.newID(), connectlite.PageRequest{})
	wantKind(t, "ListHierarchyGroups(unknown instance)", err, connectlite.KindNotFound)
}

func testStructureUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	three := f.mustStructure(t, inst, "Company", "Division", "Team")
	if len(three) != 3 {
		t.Fatalf("UpdateHierarchyStructure returned %d levels, want 3", len(three))
	}
	checkEqual(t, "HierarchyStructure", f.mustGetStructure(t, inst), three, normLevels)
	checkUTC(t, "HierarchyStructure", f.mustGetStructure(t, inst))
	for i, l := range three {
		if l.Level != i+1 || l.InstanceID != inst || l.ID == "" || !normTime(l.LastModifiedTime).Equal(t0()) {
			t.Fatalf("level %d = %+v", i+1, l)
		}
	}
	if got := f.mustGetStructure(t, other.Instance.ID); len(got) != 0 {
		t.Fatalf("HierarchyStructure of another instance = %+v, want none", got)
	}

	// Renaming level two keeps every id and touches only level two.
	later := t0().Add(time.Hour)
	renamed, err := f.s.UpdateHierarchyStructure(f.ctx, inst, f.levelsMutate(inst, later, "Company", "Region", "Team"))
	if err != nil {
		t.Fatalf("UpdateHierarchyStructure(rename): %v", err)
	}
	want := slices.Clone(three)
	want[1].Name, want[1].LastModifiedTime = "Region", later
	checkEqual(t, "HierarchyStructure after rename", f.mustGetStructure(t, inst), want, normLevels)
	checkEqual(t, "UpdateHierarchyStructure result", renamed, want, normLevels)

	// Removing level three (no group at it), then adding it back: a new id.
	f.mustStructure(t, inst, "Company", "Region")
	checkEqual(t, "HierarchyStructure after removal", f.mustGetStructure(t, inst), want[:2], normLevels)
	again := f.mustStructure(t, inst, "Company", "Region", "Team")
	if again[2].ID == three[2].ID {
		t.Fatalf("re-added level three has the removed level's id %s", again[2].ID)
	}
	checkEqual(t, "HierarchyStructure after re-adding", f.mustGetStructure(t, inst), again, normLevels)

	// Five levels, then none.
	f.mustStructure(t, inst, "1", "2", "3", "4", "5")
	if got := f.mustGetStructure(t, inst); len(got) != 5 || got[4].Name != "5" || got[0].ID != three[0].ID {
		t.Fatalf("HierarchyStructure with five levels = %+v", got)
	}
	f.mustStructure(t, inst)
	if got := f.mustGetStructure(t, inst); len(got) != 0 {
		t.Fatalf("HierarchyStructure after removing every level = %+v, want none", got)
	}
}

func testStructureUpdateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	want := f.mustStructure(t, inst, "A", "B")
	boom := errors.New("boom")
	_, err := f.s.UpdateHierarchyStructure(f.ctx, inst, func(cur []connectlite.HierarchyLevel) ([]connectlite.HierarchyLevel, error) {
		checkEqual(t, "levels given to mutate", cur, want, normLevels)
		return nil, boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("UpdateHierarchyStructure(mutate fails) = %v, want the mutate error", err)
	}
	checkEqual(t, "HierarchyStructure after failed update", f.mustGetStructure(t, inst), want, normLevels)
	_, err = f.s.UpdateHierarchyStructure(f.ctx, f.newID(), f.levelsMutate(inst, t0(), "A"))
	wantKind(t, "UpdateHierarchyStructure(unknown instance)", err, connectlite.KindNotFound)
}

func testStructureRemoveLevelInUse(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	want := f.mustStructure(t, inst, "A", "B", "C")
	top := f.mustGroup(t, inst, "top", "")
	mid := f.mustGroup(t, inst, "mid", top.ID)

	_, err := f.s.UpdateHierarchyStructure(f.ctx, inst, f.levelsMutate(inst, t0(), "A"))
	wantInUse(t, "UpdateHierarchyStructure(remove level two with a group)", err, connectlite.InUseByHierarchyGroup, mid.ID)
	checkEqual(t, "HierarchyStructure after refused removal", f.mustGetStructure(t, inst), want, normLevels)
	_, err = f.s.UpdateHierarchyStructure(f.ctx, inst, f.levelsMutate(inst, t0()))
	wantInUse(t, "UpdateHierarchyStructure(remove every level)", err, connectlite.InUseByHierarchyGroup, top.ID)

	// Level three has no group: it can go, and renaming the others is fine.
	f.mustStructure(t, inst, "A", "Bee")
	if got := f.mustGetStructure(t, inst); len(got) != 2 || got[1].Name != "Bee" || got[1].ID != want[1].ID {
		t.Fatalf("HierarchyStructure = %+v", got)
	}
}

func testGroupRoundTrip(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1", "2", "3", "4", "5")
	var chain []connectlite.HierarchyGroup
	parent := ""
	for level := 1; level <= connectlite.MaxHierarchyLevels; level++ {
		g := f.newGroup(inst, fmt.Sprintf("Group at %d", level), parent)
		if err := f.s.CreateHierarchyGroup(f.ctx, g); err != nil {
			t.Fatalf("CreateHierarchyGroup(level %d): %v", level, err)
		}
		if g.LevelID != connectlite.LevelID(level) {
			t.Fatalf("CreateHierarchyGroup(level %d) set LevelID %q", level, g.LevelID)
		}
		chain = append(chain, *g)
		got, path := f.mustGetGroup(t, inst, g.ID)
		checkEqual(t, "HierarchyGroup", *got, *g, normGroup)
		checkUTC(t, "HierarchyGroup", got)
		checkEqual(t, "HierarchyGroup path", path, chain, normGroups)
		parent = g.ID
	}
	sibling := f.mustGroup(t, inst, "Sibling at 2", chain[0].ID)
	_, path := f.mustGetGroup(t, inst, sibling.ID)
	checkEqual(t, "path of a sibling", path, []connectlite.HierarchyGroup{chain[0], *sibling}, normGroups)

	// A group without tags has none.
	bare := &connectlite.HierarchyGroup{InstanceID: inst, ID: f.newID(), Name: "bare", LastModifiedTime: t0(), LastModifiedRegion: region}
	if err := f.s.CreateHierarchyGroup(f.ctx, bare); err != nil {
		t.Fatalf("CreateHierarchyGroup(bare): %v", err)
	}
	got, _ := f.mustGetGroup(t, inst, bare.ID)
	checkEqual(t, "HierarchyGroup(bare)", *got, *bare, normGroup)
}

func testGroupCreateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1", "2")
	f.mustStructure(t, other.Instance.ID, "1")
	top := f.mustGroup(t, inst, "Sales", "")
	mid := f.mustGroup(t, inst, "West", top.ID)
	foreign := f.mustGroup(t, other.Instance.ID, "Foreign", "")
	before := f.allGroups(t, inst, 0)

	tests := []struct {
		name string
		g    *connectlite.HierarchyGroup
		want connectlite.Kind
	}{
		{"UnknownInstance", f.newGroup(f.newID(), "x", ""), connectlite.KindNotFound},
		{"UnknownParent", f.newGroup(inst, "x", f.newID()), connectlite.KindInvalidParameter},
		{"ParentOfAnotherInstance", f.newGroup(inst, "x", foreign.ID), connectlite.KindInvalidParameter},
		{"LevelNotInStructure", f.newGroup(inst, "x", mid.ID), connectlite.KindInvalidRequest},
		{"DuplicateNameAtLevelOne", f.newGroup(inst, "Sales", ""), connectlite.KindDuplicate},
		{"DuplicateNameOtherCase", f.newGroup(inst, "sALES", ""), connectlite.KindDuplicate},
		{"DuplicateNameAtLevelTwoOtherParent", f.newGroup(inst, "WEST", top.ID), connectlite.KindDuplicate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := f.s.CreateHierarchyGroup(f.ctx, tc.g)
			wantKind(t, "CreateHierarchyGroup", err, tc.want)
			_, _, err = f.s.HierarchyGroup(f.ctx, tc.g.InstanceID, tc.g.ID)
			wantKind(t, "HierarchyGroup(not created)", err, connectlite.KindNotFound)
		})
	}
	checkEqual(t, "groups after failed creates", f.allGroups(t, inst, 0), before, normGroups)

	// The same name at another level and in another instance is fine.
	f.mustGroup(t, inst, "Sales", top.ID)
	f.mustGroup(t, other.Instance.ID, "Sales", "")

	// Level six never exists.
	f.mustStructure(t, inst, "1", "2", "3", "4", "5")
	parent := mid.ID
	for level := 3; level <= 5; level++ {
		parent = f.mustGroup(t, inst, fmt.Sprintf("L%d", level), parent).ID
	}
	err := f.s.CreateHierarchyGroup(f.ctx, f.newGroup(inst, "L6", parent))
	wantKind(t, "CreateHierarchyGroup(below level five)", err, connectlite.KindInvalidRequest)
}

func testGroupUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	f.mustStructure(t, other.Instance.ID, "1")
	g := f.mustGroup(t, other.Instance.ID, "g", "")
	_, _, err := f.s.HierarchyGroup(f.ctx, n.Instance.ID, f.newID())
	wantKind(t, "HierarchyGroup(unknown id)", err, connectlite.KindNotFound)
	_, _, err = f.s.HierarchyGroup(f.ctx, n.Instance.ID, g.ID)
	wantKind(t, "HierarchyGroup(id of another instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.HierarchyGroup(f.ctx, f.newID(), g.ID)
	wantKind(t, "HierarchyGroup(unknown instance)", err, connectlite.KindNotFound)
	_, err = f.s.UpdateHierarchyGroup(f.ctx, n.Instance.ID, g.ID, func(*connectlite.HierarchyGroup) error { return nil })
	wantKind(t, "UpdateHierarchyGroup(id of another instance)", err, connectlite.KindNotFound)
	err = f.s.DeleteHierarchyGroup(f.ctx, n.Instance.ID, g.ID)
	wantKind(t, "DeleteHierarchyGroup(id of another instance)", err, connectlite.KindNotFound)
	f.mustGetGroup(t, other.Instance.ID, g.ID)
}

func testGroupUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1", "2")
	top := f.mustGroup(t, inst, "Sales", "")
	taken := f.mustGroup(t, inst, "Support", "")
	g := f.mustGroup(t, inst, "West", top.ID)

	later := t0().Add(time.Hour)
	updated, err := f.s.UpdateHierarchyGroup(f.ctx, inst, g.ID, func(cur *connectlite.HierarchyGroup) error {
		checkEqual(t, "group given to mutate", *cur, *g, normGroup)
		cur.Name, cur.LastModifiedTime, cur.LastModifiedRegion = "Sales", later, "ap-south-1"
		// Neither can move the group.
		cur.LevelID, cur.ParentGroupID = "1", ""
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateHierarchyGroup: %v", err)
	}
	want := *g
	want.Name, want.LastModifiedTime, want.LastModifiedRegion = "Sales", later, "ap-south-1"
	checkEqual(t, "UpdateHierarchyGroup result", *updated, want, normGroup)
	got, path := f.mustGetGroup(t, inst, g.ID)
	checkEqual(t, "HierarchyGroup after rename", *got, want, normGroup)
	checkEqual(t, "path after rename", path, []connectlite.HierarchyGroup{*top, want}, normGroups)

	// Renaming only the letter case of its own name is fine; taking the
	// name of another group of the level is not.
	if _, err := f.s.UpdateHierarchyGroup(f.ctx, inst, top.ID, func(cur *connectlite.HierarchyGroup) error {
		cur.Name = "SALES"
		return nil
	}); err != nil {
		t.Fatalf("UpdateHierarchyGroup(case only): %v", err)
	}
	_, err = f.s.UpdateHierarchyGroup(f.ctx, inst, top.ID, func(cur *connectlite.HierarchyGroup) error {
		cur.Name = "support"
		return nil
	})
	wantKind(t, "UpdateHierarchyGroup(name taken)", err, connectlite.KindDuplicate)
	boom := errors.New("boom")
	_, err = f.s.UpdateHierarchyGroup(f.ctx, inst, taken.ID, func(cur *connectlite.HierarchyGroup) error {
		cur.Name = "changed"
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("UpdateHierarchyGroup(mutate fails) = %v, want the mutate error", err)
	}
	got, _ = f.mustGetGroup(t, inst, taken.ID)
	checkEqual(t, "HierarchyGroup after failed update", *got, *taken, normGroup)
	_, err = f.s.UpdateHierarchyGroup(f.ctx, inst, f.newID(), func(*connectlite.HierarchyGroup) error { return nil })
	wantKind(t, "UpdateHierarchyGroup(unknown)", err, connectlite.KindNotFound)
}

func testGroupDelete(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1", "2")
	top := f.mustGroup(t, inst, "top", "")
	child := f.mustGroup(t, inst, "child", top.ID)
	u := f.minimalUser(n, "ana")
	u.HierarchyGroupID = child.ID
	f.mustUser(t, u, "")
	p := f.fullSecurityProfile(n, "restricted")
	p.AllowedAccessControlHierarchyGroupID = top.ID
	f.mustSecurityProfile(t, p)

	wantInUse(t, "DeleteHierarchyGroup(with a child)", f.s.DeleteHierarchyGroup(f.ctx, inst, top.ID), connectlite.InUseByHierarchyGroup, child.ID)
	wantInUse(t, "DeleteHierarchyGroup(with a user)", f.s.DeleteHierarchyGroup(f.ctx, inst, child.ID), connectlite.InUseByUser, u.ID)

	if _, err := f.s.UpdateUser(f.ctx, inst, u.ID, func(cur *connectlite.User) error {
		cur.HierarchyGroupID = ""
		return nil
	}); err != nil {
		t.Fatalf("UpdateUser(leave group): %v", err)
	}
	if err := f.s.DeleteHierarchyGroup(f.ctx, inst, child.ID); err != nil {
		t.Fatalf("DeleteHierarchyGroup(child): %v", err)
	}
	_, _, err := f.s.HierarchyGroup(f.ctx, inst, child.ID)
	wantKind(t, "HierarchyGroup(deleted)", err, connectlite.KindNotFound)

	wantKind(t, "DeleteHierarchyGroup(named by a security profile)", f.s.DeleteHierarchyGroup(f.ctx, inst, top.ID), connectlite.KindResourceInUse)
	if _, err := f.s.UpdateSecurityProfile(f.ctx, inst, p.ID, func(cur *connectlite.SecurityProfile) error {
		cur.AllowedAccessControlHierarchyGroupID = ""
		return nil
	}); err != nil {
		t.Fatalf("UpdateSecurityProfile(drop group): %v", err)
	}
	if err := f.s.DeleteHierarchyGroup(f.ctx, inst, top.ID); err != nil {
		t.Fatalf("DeleteHierarchyGroup(top): %v", err)
	}
	wantKind(t, "DeleteHierarchyGroup(again)", f.s.DeleteHierarchyGroup(f.ctx, inst, top.ID), connectlite.KindNotFound)
	if groups := f.allGroups(t, inst, 0); len(groups) != 0 {
		t.Fatalf("groups after deleting all = %+v", groups)
	}
	// The name is free again, and the levels can go.
	f.mustGroup(t, inst, "top", "")
	f.mustStructure(t, inst, "1")
}

func testGroupListPages(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1", "2", "3")
	f.mustStructure(t, other.Instance.ID, "1")
	f.mustGroup(t, other.Instance.ID, "elsewhere", "")
	var want []connectlite.HierarchyGroup
	parent := ""
	for i := range 8 {
		if i%3 == 0 {
			parent = ""
		}
		g := f.mustGroup(t, inst, fmt.Sprintf("g%d", i), parent)
		want = append(want, *g)
		parent = g.ID
	}
	sort.Slice(want, func(i, j int) bool { return want[i].ID < want[j].ID })
	for _, limit := range []int{0, 1, 3, 8, 9} {
		t.Run(fmt.Sprintf("Limit%d", limit), func(t *testing.T) {
			checkEqual(t, "ListHierarchyGroups", f.allGroups(t, inst, limit), want, normGroups)
		})
	}
}

func testGroupTags(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1")
	g := f.mustGroup(t, inst, "tagged", "")
	ref := connectlite.ResourceRef{InstanceID: inst, Type: connectlite.ARNHierarchyGroup, ID: g.ID}
	checkEqual(t, "Tags", f.mustTags(t, ref), g.Tags, nilIfEmptyMap)
	want := map[string]string{"team": "blue", "ünï:cödé/=+-@": "välue"}
	later := t0().Add(time.Hour)
	f.mustSetTags(t, ref, later, want)
	checkEqual(t, "Tags after UpdateTags", f.mustTags(t, ref), want, nilIfEmptyMap)
	got, _ := f.mustGetGroup(t, inst, g.ID)
	wantGroup := *g
	wantGroup.Tags, wantGroup.LastModifiedTime, wantGroup.LastModifiedRegion = want, later, "eu-west-2"
	checkEqual(t, "HierarchyGroup after UpdateTags", *got, wantGroup, normGroup)
	_, err := f.s.Tags(f.ctx, connectlite.ResourceRef{InstanceID: inst, Type: connectlite.ARNHierarchyGroup, ID: f.newID()})
	wantKind(t, "Tags(unknown group)", err, connectlite.KindNotFound)
}

func testGroupPathsSearch(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1", "2", "3")
	a := f.mustGroup(t, inst, "A", "")
	a1 := f.mustGroup(t, inst, "A1", a.ID)
	a1x := f.mustGroup(t, inst, "A1x", a1.ID)
	a2 := f.mustGroup(t, inst, "A2", a.ID)
	// B's id may sort between A's and its children's: paths, not ids, decide.
	b := f.mustGroup(t, inst, "B", "")
	b1 := f.mustGroup(t, inst, "B1", b.ID)
	users := map[string]string{} // username -> group id
	for i, g := range []*connectlite.HierarchyGroup{a, a1, a1x, a2, b, b1, nil} {
		u := f.minimalUser(n, fmt.Sprintf("user%d", i))
		if g != nil {
			u.HierarchyGroupID = g.ID
		}
		f.mustUser(t, u, "")
		users[u.Username] = u.HierarchyGroupID
	}
	tests := []struct {
		group *connectlite.HierarchyGroup
		child bool
		want  []string
	}{
		{a, true, []string{"user0", "user1", "user2", "user3"}},
		{a, false, []string{"user0"}},
		{a1, true, []string{"user1", "user2"}},
		{a1x, true, []string{"user2"}},
		{b, true, []string{"user4", "user5"}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/WithChildGroups=%v", tc.group.Name, tc.child), func(t *testing.T) {
			q := &connectlite.UserQuery{Op: connectlite.QueryHierarchyGroup, GroupID: tc.group.ID, WithChildGroups: tc.child}
			got, next, _, err := f.s.SearchUsers(f.ctx, inst, q, connectlite.PageRequest{Limit: 100})
			if err != nil || next != "" {
				t.Fatalf("SearchUsers = next %q, err %v", next, err)
			}
			var names []string
			for _, u := range got {
				names = append(names, u.Username)
			}
			slices.Sort(names)
			if !slices.Equal(names, tc.want) {
				t.Fatalf("SearchUsers(group %s) = %v, want %v", tc.group.Name, names, tc.want)
			}
		})
	}
}

func testHierarchyDeleteInstance(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	keep := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1", "2", "3")
	kept := f.mustStructure(t, keep.Instance.ID, "1")
	top := f.mustGroup(t, inst, "top", "")
	mid := f.mustGroup(t, inst, "mid", top.ID)
	f.mustGroup(t, inst, "low", mid.ID)
	keptGroup := f.mustGroup(t, keep.Instance.ID, "top", "")
	u := f.minimalUser(n, "ana")
	u.HierarchyGroupID = mid.ID
	f.mustUser(t, u, "")
	if err := f.s.UpdateInstanceAttribute(f.ctx, inst, connectlite.AttributeContactLens, "false"); err != nil {
		t.Fatalf("UpdateInstanceAttribute: %v", err)
	}

	if err := f.s.DeleteInstance(f.ctx, inst); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, err := f.s.HierarchyStructure(f.ctx, inst)
	wantKind(t, "HierarchyStructure(deleted instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.HierarchyGroup(f.ctx, inst, top.ID)
	wantKind(t, "HierarchyGroup(deleted instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.ListHierarchyGroups(f.ctx, inst, connectlite.PageRequest{})
	wantKind(t, "ListHierarchyGroups(deleted instance)", err, connectlite.KindNotFound)
	_, err = f.s.InstanceAttributes(f.ctx, inst)
	wantKind(t, "InstanceAttributes(deleted instance)", err, connectlite.KindNotFound)

	checkEqual(t, "HierarchyStructure(other instance)", f.mustGetStructure(t, keep.Instance.ID), kept, normLevels)
	got, _ := f.mustGetGroup(t, keep.Instance.ID, keptGroup.ID)
	checkEqual(t, "HierarchyGroup(other instance)", *got, *keptGroup, normGroup)
}

func testGroupConcurrentSameName(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1")
	const workers = 8
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			errs[i] = f.s.CreateHierarchyGroup(f.ctx, f.newGroup(inst, "Same", ""))
		})
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch connectlite.KindOf(err) {
		case connectlite.KindDuplicate:
		default:
			if err != nil {
				t.Fatalf("CreateHierarchyGroup: %v", err)
			}
			ok++
		}
	}
	if ok != 1 {
		t.Fatalf("%d concurrent creates of one name succeeded, want 1", ok)
	}
	if groups := f.allGroups(t, inst, 0); len(groups) != 1 {
		t.Fatalf("%d groups stored, want 1", len(groups))
	}
}

func testStructureGroupRace(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	f.mustStructure(t, inst, "1")
	top := f.mustGroup(t, inst, "top", "")
	for round := range 10 {
		f.mustStructure(t, inst, "1", "2")
		var (
			wg                sync.WaitGroup
			createErr, remErr error
		)
		wg.Go(func() {
			createErr = f.s.CreateHierarchyGroup(f.ctx, f.newGroup(inst, fmt.Sprintf("child%d", round), top.ID))
		})
		wg.Go(func() {
			_, remErr = f.s.UpdateHierarchyStructure(f.ctx, inst, f.levelsMutate(inst, t0(), "1"))
		})
		wg.Wait()
		if k := connectlite.KindOf(createErr); createErr != nil && k != connectlite.KindInvalidRequest {
			t.Fatalf("round %d: CreateHierarchyGroup: %v", round, createErr)
		}
		if k := connectlite.KindOf(remErr); remErr != nil && k != connectlite.KindResourceInUse {
			t.Fatalf("round %d: UpdateHierarchyStructure: %v", round, remErr)
		}
		levels := len(f.mustGetStructure(t, inst))
		for _, g := range f.allGroups(t, inst, 0) {
			if g.GroupLevel() > levels {
				t.Fatalf("round %d: group %s is at level %d of a %d-level structure", round, g.Name, g.GroupLevel(), levels)
			}
		}
		// Exactly one of the two won.
		if (createErr == nil) == (remErr == nil) {
			t.Fatalf("round %d: create err %v, remove err %v; want exactly one to succeed", round, createErr, remErr)
		}
		for _, g := range f.allGroups(t, inst, 0) {
			if g.ID != top.ID {
				if err := f.s.DeleteHierarchyGroup(f.ctx, inst, g.ID); err != nil {
					t.Fatalf("round %d: DeleteHierarchyGroup: %v", round, err)
				}
			}
		}
	}
}

func testInstanceAttributes(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	attrs, err := f.s.InstanceAttributes(f.ctx, inst)
	if err != nil || len(attrs) != 0 {
		t.Fatalf("InstanceAttributes of a new instance = %v, %v; want none", attrs, err)
	}
	set := func(typ, value string) {
		t.Helper()
		if err := f.s.UpdateInstanceAttribute(f.ctx, inst, typ, value); err != nil {
			t.Fatalf("UpdateInstanceAttribute(%s, %s): %v", typ, value, err)
		}
	}
	set(connectlite.AttributeContactLens, "false")
	set(connectlite.AttributeEarlyMedia, "false")
	set(connectlite.AttributeEarlyMedia, "true")
	set(connectlite.AttributeMultiPartyConference, "true")
	want := map[string]string{
		connectlite.AttributeContactLens:          "false",
		connectlite.AttributeEarlyMedia:           "true",
		connectlite.AttributeMultiPartyConference: "true",
	}
	attrs, err = f.s.InstanceAttributes(f.ctx, inst)
	if err != nil || !maps.Equal(attrs, want) {
		t.Fatalf("InstanceAttributes = %v, %v; want %v", attrs, err, want)
	}
	if attrs, err := f.s.InstanceAttributes(f.ctx, other.Instance.ID); err != nil || len(attrs) != 0 {
		t.Fatalf("InstanceAttributes(other instance) = %v, %v; want none", attrs, err)
	}
	_, err = f.s.InstanceAttributes(f.ctx, f.newID())
	wantKind(t, "InstanceAttributes(unknown instance)", err, connectlite.KindNotFound)
	err = f.s.UpdateInstanceAttribute(f.ctx, f.newID(), connectlite.AttributeContactLens, "true")
	wantKind(t, "UpdateInstanceAttribute(unknown instance)", err, connectlite.KindNotFound)
	err = f.s.UpdateInstanceAttribute(f.ctx, f.newID(), connectlite.AttributeInboundCalls, "true")
	wantKind(t, "UpdateInstanceAttribute(INBOUND_CALLS of unknown instance)", err, connectlite.KindNotFound)
}

func testInstanceCallsAttributes(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	inst := n.Instance.ID
	// The fixture's instances have inbound calls on and outbound off.
	for _, step := range []struct {
		typ, value        string
		inbound, outbound bool
	}{
		{connectlite.AttributeInboundCalls, "false", false, false},
		{connectlite.AttributeOutboundCalls, "true", false, true},
		{connectlite.AttributeInboundCalls, "true", true, true},
	} {
		if err := f.s.UpdateInstanceAttribute(f.ctx, inst, step.typ, step.value); err != nil {
			t.Fatalf("UpdateInstanceAttribute(%s, %s): %v", step.typ, step.value, err)
		}
		got, err := f.s.Instance(f.ctx, inst)
		if err != nil {
			t.Fatalf("Instance: %v", err)
		}
		if got.InboundCallsEnabled != step.inbound || got.OutboundCallsEnabled != step.outbound {
			t.Fatalf("after %s=%s: inbound %v outbound %v, want %v %v", step.typ, step.value,
				got.InboundCallsEnabled, got.OutboundCallsEnabled, step.inbound, step.outbound)
		}
	}
	attrs, err := f.s.InstanceAttributes(f.ctx, inst)
	if err != nil || len(attrs) != 0 {
		t.Fatalf("InstanceAttributes = %v, %v; want none (calls live in the instance)", attrs, err)
	}
}

func testCreateInstanceWithToken(t *testing.T, f *fixture) {
	n := f.build(instanceOpts{alias: "first"})
	n.Instance.ClientToken = "token-1"
	existing, fp, err := f.s.CreateInstanceWithToken(f.ctx, n, "fp-1")
	if err != nil || existing != nil || fp != "" {
		t.Fatalf("CreateInstanceWithToken(new token) = %v, %q, %v; want nil, \"\", nil", existing, fp, err)
	}
	stored, err := f.s.Instance(f.ctx, n.Instance.ID)
	if err != nil {
		t.Fatalf("Instance: %v", err)
	}
	checkEqual(t, "Instance", *stored, n.Instance, normInstance)
	if len(f.allSecurityProfiles(t, n.Instance.ID)) != len(n.SecurityProfiles) {
		t.Fatalf("the default security profiles were not stored")
	}

	// The same token, even with another alias: the first instance, nothing new.
	again := f.build(instanceOpts{alias: "second"})
	again.Instance.ClientToken = "token-1"
	existing, fp, err = f.s.CreateInstanceWithToken(f.ctx, again, "fp-2")
	if err != nil || existing == nil || fp != "fp-1" {
		t.Fatalf("CreateInstanceWithToken(same token) = %v, %q, %v; want the first instance and fp-1", existing, fp, err)
	}
	checkEqual(t, "existing instance", *existing, n.Instance, normInstance)
	_, err = f.s.Instance(f.ctx, again.Instance.ID)
	wantKind(t, "Instance(of the repeated request)", err, connectlite.KindNotFound)

	// The token is scoped to the account and region.
	for _, o := range []instanceOpts{{alias: "otherregion", region: "eu-west-2"}, {alias: "otheraccount", account: otherAccount}} {
		m := f.build(o)
		m.Instance.ClientToken = "token-1"
		existing, _, err := f.s.CreateInstanceWithToken(f.ctx, m, "fp-1")
		if err != nil || existing != nil {
			t.Fatalf("CreateInstanceWithToken(%s) = %v, %v; want a new instance", o.alias, existing, err)
		}
		if _, err := f.s.Instance(f.ctx, m.Instance.ID); err != nil {
			t.Fatalf("Instance(%s): %v", o.alias, err)
		}
	}

	// A new token with a taken alias is the alias error, and writes nothing.
	taken := f.build(instanceOpts{alias: "FIRST"})
	taken.Instance.ClientToken = "token-2"
	_, _, err = f.s.CreateInstanceWithToken(f.ctx, taken, "fp-3")
	wantKind(t, "CreateInstanceWithToken(taken alias)", err, connectlite.KindInvalidRequest)
	_, err = f.s.Instance(f.ctx, taken.Instance.ID)
	wantKind(t, "Instance(of the failed create)", err, connectlite.KindNotFound)

	// After a delete, the token creates again.
	if err := f.s.DeleteInstance(f.ctx, n.Instance.ID); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	existing, _, err = f.s.CreateInstanceWithToken(f.ctx, again, "fp-2")
	if err != nil || existing != nil {
		t.Fatalf("CreateInstanceWithToken(after delete) = %v, %v; want a new instance", existing, err)
	}
}

func testCreateInstanceWithTokenConcurrent(t *testing.T, f *fixture) {
	const workers = 8
	type result struct {
		created  string
		existing *connectlite.Instance
		err      error
	}
	results := make([]result, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			n := f.build(instanceOpts{alias: "racer"})
			n.Instance.ClientToken = "shared-token"
			existing, _, err := f.s.CreateInstanceWithToken(f.ctx, n, "fp")
			results[i] = result{created: n.Instance.ID, existing: existing, err: err}
		})
	}
	wg.Wait()
	winner := ""
	for _, r := range results {
		if r.err != nil {
			t.Fatalf("CreateInstanceWithToken: %v", r.err)
		}
		if r.existing == nil {
			if winner != "" {
				t.Fatalf("two requests with one token created instances %s and %s", winner, r.created)
			}
			winner = r.created
		}
	}
	if winner == "" {
		t.Fatal("no request created the instance")
	}
	for _, r := range results {
		if r.existing != nil && r.existing.ID != winner {
			t.Fatalf("a repeated request got instance %s, want %s", r.existing.ID, winner)
		}
	}
	var ids []string
	after := ""
	for {
		items, next, err := f.s.ListInstances(f.ctx, region, connectlite.PageRequest{After: after})
		if err != nil {
			t.Fatalf("ListInstances: %v", err)
		}
		for _, i := range items {
			if strings.EqualFold(i.Alias, "racer") {
				ids = append(ids, i.ID)
			}
		}
		if next == "" {
			break
		}
		after = next
	}
	if len(ids) != 1 || ids[0] != winner {
		t.Fatalf("instances named racer = %v, want only %s", ids, winner)
	}
}
