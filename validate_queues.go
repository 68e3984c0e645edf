package connectlite

import (
	"maps"
	"slices"
	"strings"
	"time"
	// The time zone database is compiled in, so TimeZone checks give the
	// same answers on hosts without /usr/share/zoneinfo (distroless images).
	_ "time/tzdata"
	"unicode/utf8"
)

// This file holds the domain rules of the queue and hours of operation
// operations. The HTTP layer runs the model validator first; the length,
// range and enum checks here repeat the model for callers that do not go
// through HTTP. The rules the model cannot express are the time zone (an
// IANA zone name) and the references connectlite cannot hold (quick
// connects, email address associations, parent hours of operation).

// Model limits of the members this file checks.
const (
	maxQueueHoursNameLength        = 127 // CommonNameLength127
	maxQueueHoursDescriptionLength = 250 // QueueDescription, HoursOfOperationDescription
	maxHoursConfigs                = 100 // HoursOfOperationConfigList
	maxOutboundCallerIDNameLength  = 255 // OutboundCallerIdName
	maxOutboundFlowIDLength        = 500 // ContactFlowId
	maxEmailAddressIDLength        = 500 // EmailAddressId
)

// ValidateTimeZone accepts an IANA time zone name such as America/New_York
// or UTC, as the TimeZone of an hours of operation must be.
func ValidateTimeZone(tz string) error {
	// LoadLocation maps "" to UTC and "Local" to the host's zone; neither
	// names a zone.
	if tz == "" || tz == "Local" {
		return Errorf(KindInvalidParameter, "TimeZone must be an IANA time zone name such as America/New_York, got %q", clip(tz))
	}
	if _, err := time.LoadLocation(tz); err != nil {
		return Errorf(KindInvalidParameter, "TimeZone must be an IANA time zone name such as America/New_York, got %q", clip(tz))
	}
	return nil
}

// ValidateHoursOfOperationConfig checks the day and the start and end times
// of every entry. A start equal to the end (00:00 to 00:00 in particular)
// is open all day, and an end before the start runs past midnight, as in
// the Connect admin website.
func ValidateHoursOfOperationConfig(cfg []HoursOfOperationConfig) error {
	if len(cfg) > maxHoursConfigs {
		return Errorf(KindInvalidParameter, "Config must have at most %d entries, got %d", maxHoursConfigs, len(cfg))
	}
	for i, c := range cfg {
		if !slices.Contains(HoursOfOperationDays, c.Day) {
			return Errorf(KindInvalidParameter, "Config[%d].Day must be one of %s, got %q",
				i, strings.Join(HoursOfOperationDays, ", "), clip(c.Day))
		}
		for _, t := range []struct {
			name           string
			hours, minutes int32
		}{{"StartTime", c.StartHours, c.StartMinutes}, {"EndTime", c.EndHours, c.EndMinutes}} {
			if t.hours < 0 || t.hours > 23 {
				return Errorf(KindInvalidParameter, "Config[%d].%s.Hours must be 0 to 23, got %d", i, t.name, t.hours)
			}
			if t.minutes < 0 || t.minutes > 59 {
				return Errorf(KindInvalidParameter, "Config[%d].%s.Minutes must be 0 to 59, got %d", i, t.name, t.minutes)
			}
		}
	}
	return nil
}

// validateQueueHoursName checks the Name of a queue or hours of operation.
func validateQueueHoursName(name string) error {
	if n := utf8.RuneCountInString(name); n < 1 || n > maxQueueHoursNameLength {
		return Errorf(KindInvalidParameter, "Name must be 1 to %d characters long, got %d", maxQueueHoursNameLength, n)
	}
	return nil
}

// validateQueueHoursDescription checks a Description of at least min
// characters (1 in creates, 0 where an update may clear it).
func validateQueueHoursDescription(d string, min int) error {
	if n := utf8.RuneCountInString(d); n < min || n > maxQueueHoursDescriptionLength {
		return Errorf(KindInvalidParameter, "Description must be %d to %d characters long, got %d", min, maxQueueHoursDescriptionLength, n)
	}
	return nil
}

// copyQueueHoursTags checks that no tag key uses the reserved aws: prefix
// and returns a copy of tags (nil for none).
func copyQueueHoursTags(tags map[string]string) (map[string]string, error) {
	for k := range tags {
		if strings.HasPrefix(k, "aws:") {
			return nil, Errorf(KindInvalidParameter, "Tags keys must not start with aws:")
		}
	}
	if len(tags) == 0 {
		return nil, nil
	}
	return maps.Clone(tags), nil
}

// NewHoursOfOperation validates in and builds the hours of operation it
// describes (without instance, id or timestamps).
func NewHoursOfOperation(in *CreateHoursOfOperationInput) (*HoursOfOperation, error) {
	if err := validateQueueHoursName(in.Name); err != nil {
		return nil, err
	}
	h := &HoursOfOperation{Name: in.Name, TimeZone: in.TimeZone, Config: slices.Clone(in.Config)}
	if in.Description != nil {
		if err := validateQueueHoursDescription(*in.Description, 1); err != nil {
			return nil, err
		}
		h.Description = *in.Description
	}
	if err := ValidateTimeZone(in.TimeZone); err != nil {
		return nil, err
	}
	if err := ValidateHoursOfOperationConfig(in.Config); err != nil {
		return nil, err
	}
	if len(in.ParentHoursOfOperationIDs) > 0 {
		return nil, Errorf(KindInvalidRequest,
			"ParentHoursOfOperationConfigs is not supported: connectlite has no hours of operation hierarchies")
	}
	tags, err := copyQueueHoursTags(in.Tags)
	if err != nil {
		return nil, err
	}
	h.Tags = tags
	return h, nil
}

// applyHoursOfOperationUpdate validates the members in sends and applies
// them to h; members in does not send stay as they are.
func applyHoursOfOperationUpdate(h *HoursOfOperation, in *UpdateHoursOfOperationInput) error {
	if in.Name != nil {
		if err := validateQueueHoursName(*in.Name); err != nil {
			return err
		}
		h.Name = *in.Name
	}
	if in.Description != nil {
		if err := validateQueueHoursDescription(*in.Description, 0); err != nil {
			return err
		}
		h.Description = *in.Description
	}
	if in.TimeZone != nil {
		if err := ValidateTimeZone(*in.TimeZone); err != nil {
			return err
		}
		h.TimeZone = *in.TimeZone
	}
	if in.Config != nil {
		if err := ValidateHoursOfOperationConfig(in.Config); err != nil {
			return err
		}
		h.Config = slices.Clone(in.Config)
	}
	return nil
}

// ValidateQueueStatus accepts the values of the model's QueueStatus enum.
func ValidateQueueStatus(status string) error {
	if status != QueueStatusEnabled && status != QueueStatusDisabled {
		return Errorf(KindInvalidParameter, "Status must be one of %s, %s, got %q", QueueStatusEnabled, QueueStatusDisabled, clip(status))
	}
	return nil
}

// ValidateQueueTypes accepts a QueueTypes filter: at most two values of
// the model's QueueType enum.
func ValidateQueueTypes(types []string) error {
	if len(types) > 2 {
		return Errorf(KindInvalidParameter, "QueueTypes must have at most 2 values, got %d", len(types))
	}
	for _, t := range types {
		if t != QueueTypeStandard && t != QueueTypeAgent {
			return Errorf(KindInvalidParameter, "QueueTypes values must be one of %s, %s, got %q", QueueTypeStandard, QueueTypeAgent, clip(t))
		}
	}
	return nil
}

// ValidateMaxContacts accepts a MaxContacts of 0 or more.
func ValidateMaxContacts(n int32) error {
	if n < 0 {
		return Errorf(KindInvalidParameter, "MaxContacts must be 0 or more, got %d", n)
	}
	return nil
}

// NewOutboundCallerConfig validates an OutboundCallerConfig as sent and
// returns it. A member sent empty is an error, as in AWS, where the ids
// have no empty form (clients clear a member by leaving it out).
// connectlite has no phone numbers or flows: the ids are not resolved.
func NewOutboundCallerConfig(in *OutboundCallerConfigInput) (OutboundCallerConfig, error) {
	var c OutboundCallerConfig
	for _, m := range []struct {
		name string
		v    *string
		max  int
		dst  *string
	}{
		{"OutboundCallerIdName", in.OutboundCallerIDName, maxOutboundCallerIDNameLength, &c.OutboundCallerIDName},
		{"OutboundCallerIdNumberId", in.OutboundCallerIDNumberID, 0, &c.OutboundCallerIDNumberID},
		{"OutboundFlowId", in.OutboundFlowID, maxOutboundFlowIDLength, &c.OutboundFlowID},
	} {
		if m.v == nil {
			continue
		}
		n := utf8.RuneCountInString(*m.v)
		if n == 0 {
			return OutboundCallerConfig{}, Errorf(KindInvalidParameter, "OutboundCallerConfig.%s must not be empty; leave it out instead", m.name)
		}
		if m.max > 0 && n > m.max {
			return OutboundCallerConfig{}, Errorf(KindInvalidParameter, "OutboundCallerConfig.%s must be 1 to %d characters long, got %d", m.name, m.max, n)
		}
		*m.dst = *m.v
	}
	return c, nil
}

// ValidateOutboundEmailConfig checks the length of the email address id;
// connectlite has no email addresses, so the id is not resolved.
func ValidateOutboundEmailConfig(c *OutboundEmailConfig) error {
	if n := utf8.RuneCountInString(c.OutboundEmailAddressID); n > maxEmailAddressIDLength {
		return Errorf(KindInvalidParameter, "OutboundEmailConfig.OutboundEmailAddressId must be 1 to %d characters long, got %d", maxEmailAddressIDLength, n)
	}
	return nil
}

// NewQueue validates in and builds the ENABLED STANDARD queue it describes
// (without instance, id or timestamps). Quick connects and email address
// associations reference resources connectlite does not have, so a
// request naming any is rejected rather than silently dropped.
func NewQueue(in *CreateQueueInput) (*Queue, error) {
	if err := validateQueueHoursName(in.Name); err != nil {
		return nil, err
	}
	q := &Queue{
		Name: in.Name, HoursOfOperationID: in.HoursOfOperationID,
		Status: QueueStatusEnabled, QueueType: QueueTypeStandard,
	}
	if in.Description != nil {
		if err := validateQueueHoursDescription(*in.Description, 1); err != nil {
			return nil, err
		}
		q.Description = *in.Description
	}
	if in.HoursOfOperationID == "" {
		return nil, Errorf(KindInvalidParameter, "HoursOfOperationId is required")
	}
	if in.MaxContacts != nil {
		if err := ValidateMaxContacts(*in.MaxContacts); err != nil {
			return nil, err
		}
		q.MaxContacts = *in.MaxContacts
	}
	if in.OutboundCallerConfig != nil {
		c, err := NewOutboundCallerConfig(in.OutboundCallerConfig)
		if err != nil {
			return nil, err
		}
		q.OutboundCallerConfig = c
	}
	if in.OutboundEmailConfig != nil {
		if err := ValidateOutboundEmailConfig(in.OutboundEmailConfig); err != nil {
			return nil, err
		}
		q.OutboundEmailConfig = *in.OutboundEmailConfig
	}
	if len(in.QuickConnectIDs) > 0 {
		return nil, Errorf(KindInvalidParameter,
			"QuickConnectIds: quick connect %s does not exist (connectlite has no quick connects)", clip(in.QuickConnectIDs[0]))
	}
	if len(in.EmailAddressIDs) > 0 {
		return nil, Errorf(KindInvalidParameter,
			"EmailAddressesConfig: email address %s does not exist (connectlite has no email addresses)", clip(in.EmailAddressIDs[0]))
	}
	tags, err := copyQueueHoursTags(in.Tags)
	if err != nil {
		return nil, err
	}
	q.Tags = tags
	return q, nil
}
