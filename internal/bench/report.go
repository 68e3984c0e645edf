package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

func formatFloat(f float64, prec int) string { return strconv.FormatFloat(f, 'f', prec, 64) }

// FormatDuration prints a latency in milliseconds with three significant
// digits, the precision the histogram keeps.
func FormatDuration(d time.Duration) string {
	ms := float64(d) / 1e6
	switch {
	case ms >= 100:
		return formatFloat(ms, 0) + "ms"
	case ms >= 10:
		return formatFloat(ms, 1) + "ms"
	default:
		return formatFloat(ms, 2) + "ms"
	}
}

// WriteTable prints results as a human-readable table: one line per
// operation, then the errors by code.
func WriteTable(w io.Writer, results ...*Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "run\top\tmode\tclients\tsecs\trequests\tok\terrors\treq/s\tp50\tp95\tp99\tmax\tserver cpu/call\t")
	var notes []string
	for _, r := range results {
		if r.ErrorMsg != "" {
			notes = append(notes, fmt.Sprintf("%s: not run: %s", r.Name, r.ErrorMsg))
			continue
		}
		rows := r.Ops
		if len(rows) > 1 {
			rows = append(rows[:len(rows):len(rows)], r.Total)
		}
		for i, o := range rows {
			cpu := "-"
			if i == len(rows)-1 && r.CPUPerCall > 0 {
				cpu = formatFloat(float64(r.CPUPerCall)/1e3, 0) + "µs"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
				r.Name, o.Op, r.Mode, r.Clients, formatFloat(r.Elapsed.D().Seconds(), 1),
				o.Requests, o.OK, o.Requests-o.OK, formatFloat(o.Throughput, 0),
				FormatDuration(o.P50.D()), FormatDuration(o.P95.D()), FormatDuration(o.P99.D()), FormatDuration(o.Max.D()), cpu)
		}
		if len(r.Total.Errors) > 0 {
			notes = append(notes, fmt.Sprintf("%s: errors %s (unexpected: %d)", r.Name, FormatErrors(r.Total.Errors), r.Total.UnexpectedErrors))
		}
		if r.Note != "" {
			notes = append(notes, r.Name+": "+r.Note)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range notes {
		if _, err := fmt.Fprintln(w, n); err != nil {
			return err
		}
	}
	return nil
}

// FormatErrors prints error counts as "code=n, ..." sorted by code.
func FormatErrors(errs map[string]uint64) string {
	codes := make([]string, 0, len(errs))
	for c := range errs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s=%d", c, errs[c])
	}
	return strings.Join(parts, ", ")
}

// WriteJSONLine writes v as one line of JSON, for machines to read.
func WriteJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
