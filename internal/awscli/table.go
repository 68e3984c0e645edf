package awscli

import (
	"fmt"
	"io"
	"math"
	"strings"

	"golang.org/x/text/width"
)

// The table output of the aws CLI (awscli/table.py and TableFormatter),
// reimplemented: sections with centred titles, sorted column headers,
// columns scaled to the widest section, and a vertical layout when a
// section would not fit the terminal.

// textLength counts wide East Asian characters twice, as get_text_length
// does.
func textLength(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			n += 2
		default:
			n++
		}
	}
	return n
}

func centerText(text string, length int, left, right string, textLen int) string {
	charStart := floorDiv(length, 2) - floorDiv(textLen, 2) - 1
	var b strings.Builder
	b.WriteString(left)
	b.WriteString(strings.Repeat(" ", max(charStart, 0)))
	b.WriteString(text)
	soFar := textLength(left) + charStart + textLen
	b.WriteString(strings.Repeat(" ", max(length-textLength(right)-soFar, 0)))
	b.WriteString(right)
	return b.String()
}

func floorDiv(a, b int) int {
	return int(math.Floor(float64(a) / float64(b)))
}

func alignLeft(text string, length int, left, right string, textLen int) string {
	computed := textLen + 2 + textLength(left) + textLength(right)
	padding := 0
	if length-computed >= 0 {
		padding = 2
	}
	var b strings.Builder
	b.WriteString(left)
	soFar := len(left) + padding + textLen
	b.WriteString(strings.Repeat(" ", padding))
	b.WriteString(text)
	b.WriteString(strings.Repeat(" ", max(length-soFar-len(right), 0)))
	b.WriteString(right)
	return b.String()
}

// styler colours table parts (colour "on", or "auto" on a terminal).
type styler struct{ color bool }

func (s styler) rowElement(t string) string {
	if !s.color {
		return t
	}
	return "\x1b[1m\x1b[34m" + t + "\x1b[0m"
}

func (s styler) indentChar(t string) string {
	if !s.color {
		return t
	}
	return "\x1b[2m\x1b[33m" + t + "\x1b[0m"
}

type section struct {
	title     string
	headers   []string
	rows      [][]string
	indent    int
	numCols   int
	maxWidths []int
}

func (s *section) updateMaxWidths(row []string) {
	if len(s.maxWidths) == 0 {
		for _, el := range row {
			s.maxWidths = append(s.maxWidths, textLength(el))
		}
		return
	}
	for i, el := range row {
		if i < len(s.maxWidths) {
			s.maxWidths[i] = max(s.maxWidths[i], textLength(el))
		}
	}
}

func (s *section) addHeader(h []string) {
	s.updateMaxWidths(h)
	if s.numCols == 0 {
		s.numCols = len(h)
	}
	s.headers = h
}

func (s *section) addRow(row []any) error {
	if s.numCols == 0 {
		s.numCols = len(row)
	}
	if len(row) != s.numCols {
		return fmt.Errorf("Row should have %d elements, instead it has %d", s.numCols, len(row))
	}
	strs := make([]string, len(row))
	for i, r := range row {
		strs[i] = pyStr(r)
	}
	s.rows = append(s.rows, strs)
	s.updateMaxWidths(strs)
	return nil
}

// columnWidths scales the widest cells (plus padding) to maxWidth,
// rounding as Python's round() does and spreading the remainder.
func (s *section) columnWidths(padding, maxWidth int) []int {
	unscaled := make([]int, len(s.maxWidths))
	sum := 0
	for i, w := range s.maxWidths {
		unscaled[i] = w + padding
		sum += unscaled[i]
	}
	if maxWidth < 0 || len(unscaled) == 0 {
		return unscaled
	}
	scale := float64(maxWidth) / float64(sum)
	scaled := make([]int, len(unscaled))
	total := 0
	for i, w := range unscaled {
		scaled[i] = int(math.RoundToEven(scale * float64(w)))
		total += scaled[i]
	}
	off := total - maxWidth
	for off != 0 {
		if off > 0 {
			for i := 0; i < len(scaled) && off != 0; i++ {
				scaled[i]--
				off--
			}
		} else {
			for i := len(scaled) - 1; i >= 0 && off != 0; i-- {
				scaled[i]++
				off++
			}
		}
	}
	return scaled
}

func (s *section) totalWidth(padding int, border bool, outer int) int {
	total := 0
	for _, w := range s.columnWidths(0, -1) {
		total += w + padding
	}
	if border {
		total += 2
	}
	total += 2 * outer
	return max(textLength(s.title)+2+2*outer, total)
}

type multiTable struct {
	sections []*section
	current  *section
	style    styler
	width    int
}

func (t *multiTable) newSection(title string, indent int) {
	t.current = &section{title: title, indent: indent}
	t.sections = append(t.sections, t.current)
}

func (t *multiTable) maxWidth() int {
	m := 0
	for _, s := range t.sections {
		m = max(m, s.totalWidth(4, true, s.indent))
	}
	return m
}

func (t *multiTable) render(w io.Writer) {
	maxW := t.maxWidth()
	if maxW > t.width {
		// convert_to_vertical_table: one-row sections become key/value rows.
		for i, s := range t.sections {
			if len(s.rows) == 1 && len(s.headers) > 0 {
				ns := &section{title: s.title, indent: s.indent}
				for j, h := range s.headers {
					if j < len(s.rows[0]) {
						_ = ns.addRow([]any{h, s.rows[0][j]})
					}
				}
				t.sections[i] = ns
			}
		}
		maxW = t.maxWidth()
	}
	var b strings.Builder
	b.WriteString(strings.Repeat("-", maxW) + "\n")
	for _, s := range t.sections {
		t.renderSection(&b, s, maxW)
	}
	io.WriteString(w, b.String())
}

// indentedWriter frames every line with the section's indentation bars.
type indentedWriter struct {
	b     *strings.Builder
	level int
	left  string
	right string
}

func (w *indentedWriter) write(text string) {
	w.b.WriteString(strings.Repeat(w.left, w.level))
	if strings.HasSuffix(text, "\n") {
		w.b.WriteString(text[:len(text)-1])
		w.b.WriteString(strings.Repeat(w.right, w.level))
		w.b.WriteString("\n")
	} else {
		w.b.WriteString(text)
	}
}

func (t *multiTable) renderSection(b *strings.Builder, s *section, maxW int) {
	w := &indentedWriter{b: b, level: s.indent, left: t.style.indentChar("|"), right: t.style.indentChar("|")}
	maxW -= s.indent * 2
	if s.title != "" {
		w.write(centerText(s.title, maxW, "|", "|", textLength(s.title)) + "\n")
		if len(s.headers) == 0 && len(s.rows) == 0 {
			w.write("+" + strings.Repeat("-", max(maxW-2, 0)) + "+\n")
		}
	}
	if len(s.headers) > 0 {
		widths := s.columnWidths(4, maxW)
		var cur strings.Builder
		for i, h := range s.headers {
			if i >= len(widths) {
				break
			}
			left := ""
			if i == 0 {
				left = "|"
			}
			cur.WriteString(centerText(h, widths[i], left, "|", textLength(h)))
		}
		t.lineBreak(w, widths)
		w.write(cur.String() + "\n")
	}
	if len(s.rows) == 0 {
		return
	}
	widths := s.columnWidths(4, maxW)
	if len(widths) == 0 {
		return
	}
	t.lineBreak(w, widths)
	for _, row := range s.rows {
		var cur strings.Builder
		for i, el := range row {
			if i >= len(widths) {
				break
			}
			left := ""
			if i == 0 {
				left = "|"
			}
			cur.WriteString(alignLeft(t.style.rowElement(el), widths[i], left, "|", textLength(el)))
		}
		w.write(cur.String() + "\n")
	}
	t.lineBreak(w, widths)
}

func (t *multiTable) lineBreak(w *indentedWriter, widths []int) {
	var b strings.Builder
	for i, wd := range widths {
		if i == 0 {
			b.WriteString("+" + strings.Repeat("-", max(wd-2, 0)) + "+")
		} else {
			b.WriteString(strings.Repeat("-", max(wd-1, 0)) + "+")
		}
	}
	b.WriteString("\n")
	w.write(b.String())
}

// formatTable renders v as TableFormatter does, titled with the operation
// name. It writes nothing for an empty value, and nothing but the error
// when rows of a section differ in length (as the aws CLI fails).
func formatTable(w io.Writer, title string, v any, style styler, termWidth int) error {
	t := &multiTable{style: style, width: termWidth}
	ok, err := buildTable(t, &title, v, 0)
	if err != nil {
		return err
	}
	if ok {
		t.render(w)
	}
	return nil
}

func isScalar(v any) bool {
	switch v.(type) {
	case []any, *Object:
		return false
	}
	return true
}

func buildTable(t *multiTable, title *string, current any, indent int) (bool, error) {
	if !truthy(current) {
		return false, nil
	}
	if title != nil {
		t.newSection(*title, indent)
	}
	var err error
	switch x := current.(type) {
	case []any:
		if _, ok := x[0].(*Object); ok {
			err = buildSubTableFromList(t, x, indent, title)
		} else {
			for _, item := range x {
				if isScalar(item) {
					err = t.current.addRow([]any{item})
				} else if l, ok := item.([]any); ok && allScalar(l) {
					err = t.current.addRow(l)
				} else {
					_, err = buildTable(t, nil, item, 0)
				}
				if err != nil {
					break
				}
			}
		}
	case *Object:
		err = buildSubTableFromDict(t, x, indent)
	}
	return true, err
}

func allScalar(l []any) bool {
	for _, e := range l {
		if !isScalar(e) {
			return false
		}
	}
	return true
}

func groupScalarKeys(o *Object) (headers, more []string) {
	for _, k := range sortedKeys(o) {
		v, _ := o.Get(k)
		if isScalar(v) {
			headers = append(headers, k)
		} else {
			more = append(more, k)
		}
	}
	return headers, more
}

func buildSubTableFromDict(t *multiTable, o *Object, indent int) error {
	headers, more := groupScalarKeys(o)
	if len(headers) == 1 {
		v, _ := o.Get(headers[0])
		if err := t.current.addRow([]any{headers[0], v}); err != nil {
			return err
		}
	} else if len(headers) > 0 {
		t.current.addHeader(headers)
		row := make([]any, len(headers))
		for i, h := range headers {
			row[i], _ = o.Get(h)
		}
		if err := t.current.addRow(row); err != nil {
			return err
		}
	}
	for _, k := range more {
		v, _ := o.Get(k)
		k := k
		if _, err := buildTable(t, &k, v, indent+1); err != nil {
			return err
		}
	}
	return nil
}

func buildSubTableFromList(t *multiTable, l []any, indent int, title *string) error {
	hs, ms := map[string]bool{}, map[string]bool{}
	for _, item := range l {
		o, ok := item.(*Object)
		if !ok {
			continue
		}
		h, m := groupScalarKeys(o)
		for _, k := range h {
			hs[k] = true
		}
		for _, k := range m {
			ms[k] = true
		}
	}
	headers, more := sortedSet(hs), sortedSet(ms)
	t.current.addHeader(headers)
	for i, item := range l {
		o, _ := item.(*Object)
		if i > 0 && len(more) > 0 {
			t.newSection(derefTitle(title), indent)
			t.current.addHeader(headers)
		}
		row := make([]any, len(headers))
		for j, h := range headers {
			if v, ok := o.Get(h); ok {
				row[j] = v
			} else {
				row[j] = ""
			}
		}
		if err := t.current.addRow(row); err != nil {
			return err
		}
		for _, k := range more {
			if v, ok := o.Get(k); ok {
				k := k
				if _, err := buildTable(t, &k, v, indent+1); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func derefTitle(t *string) string {
	if t == nil {
		return ""
	}
	return *t
}

func sortedSet(m map[string]bool) []string {
	o := NewObject()
	for k := range m {
		o.Set(k, true)
	}
	return sortedKeys(o)
}
