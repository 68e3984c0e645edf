package connectlite

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The instance attributes of the model's InstanceAttributeType enum.
const (
	AttributeInboundCalls              = "INBOUND_CALLS"
	AttributeOutboundCalls             = "OUTBOUND_CALLS"
	AttributeContactFlowLogs           = "CONTACTFLOW_LOGS"
	AttributeContactLens               = "CONTACT_LENS"
	AttributeAutoResolveBestVoices     = "AUTO_RESOLVE_BEST_VOICES"
	AttributeUseCustomTTSVoices        = "USE_CUSTOM_TTS_VOICES"
	AttributeEarlyMedia                = "EARLY_MEDIA"
	AttributeMultiPartyConference      = "MULTI_PARTY_CONFERENCE"
	AttributeHighVolumeOutbound        = "HIGH_VOLUME_OUTBOUND"
	AttributeEnhancedContactMonitoring = "ENHANCED_CONTACT_MONITORING"
	AttributeEnhancedChatMonitoring    = "ENHANCED_CHAT_MONITORING"
	AttributeMultiPartyChatConference  = "MULTI_PARTY_CHAT_CONFERENCE"
	AttributeMessageStreaming          = "MESSAGE_STREAMING"
)

// InstanceAttributeTypes are the attribute types in the model's order,
// which is the order ListInstanceAttributes returns them in.
var InstanceAttributeTypes = []string{
	AttributeInboundCalls, AttributeOutboundCalls, AttributeContactFlowLogs, AttributeContactLens,
	AttributeAutoResolveBestVoices, AttributeUseCustomTTSVoices, AttributeEarlyMedia, AttributeMultiPartyConference,
	AttributeHighVolumeOutbound, AttributeEnhancedContactMonitoring, AttributeEnhancedChatMonitoring,
	AttributeMultiPartyChatConference, AttributeMessageStreaming,
}

// defaultOn are the attributes that are "true" on a new instance. Terraform's
// aws_connect_instance records the defaults AWS reports (its schema says
// "verified default result from ListInstanceAttributes()"):
// AUTO_RESOLVE_BEST_VOICES, CONTACT_LENS and EARLY_MEDIA on,
// CONTACTFLOW_LOGS and MULTI_PARTY_CONFERENCE off. The attributes it does
// not manage are features an instance gets only on request, so they start
// off (inferred).
var defaultOn = map[string]bool{
	AttributeAutoResolveBestVoices: true,
	AttributeContactLens:           true,
	AttributeEarlyMedia:            true,
}

// InstanceAttribute is the value of one attribute type of an instance:
// every attribute is a feature toggle, "true" or "false".
type InstanceAttribute struct {
	AttributeType string
	Value         string
}

// InstanceAttributeValue returns the value of attribute typ of inst, given
// the values stored for it (stored may be nil). INBOUND_CALLS and
// OUTBOUND_CALLS are the instance's InboundCallsEnabled and
// OutboundCallsEnabled; the others are their stored value or their
// default.
func InstanceAttributeValue(inst *Instance, stored map[string]string, typ string) string {
	switch typ {
	case AttributeInboundCalls:
		return strconv.FormatBool(inst.InboundCallsEnabled)
	case AttributeOutboundCalls:
		return strconv.FormatBool(inst.OutboundCallsEnabled)
	}
	if v, ok := stored[typ]; ok {
		return v
	}
	return strconv.FormatBool(defaultOn[typ])
}

// ValidateInstanceAttribute checks an attribute type and value and returns
// the value as connectlite stores and reports it: "true" or "false" in
// lower case. The model already limits the type to its enum; a value that
// is no boolean is KindInvalidParameter (inferred: AWS documents every
// attribute as a toggle).
func ValidateInstanceAttribute(typ, value string) (string, error) {
	if !slices.Contains(InstanceAttributeTypes, typ) {
		return "", Errorf(KindInvalidParameter, "AttributeType must be one of %s, got %q", strings.Join(InstanceAttributeTypes, ", "), clip(typ))
	}
	switch strings.ToLower(value) {
	case "true":
		return "true", nil
	case "false":
		return "false", nil
	}
	return "", Errorf(KindInvalidParameter, "Value of attribute %s must be true or false, got %q", typ, clip(value))
}

// CreateInstanceFingerprint returns a digest of the members of a
// CreateInstance request other than its ClientToken. A request that
// repeats a ClientToken is a retry of the first only if its fingerprint is
// the same.
func CreateInstanceFingerprint(in *CreateInstanceInput) string {
	var b strings.Builder
	for _, s := range []string{
		string(in.IdentityManagementType), in.InstanceAlias, in.DirectoryID,
		strconv.FormatBool(in.InboundCallsEnabled), strconv.FormatBool(in.OutboundCallsEnabled),
	} {
		b.WriteString(strconv.Quote(s))
		b.WriteByte(',')
	}
	for _, k := range slices.Sorted(maps.Keys(in.Tags)) {
		b.WriteString(strconv.Quote(k) + "=" + strconv.Quote(in.Tags[k]) + ",")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}
