package awscli

import (
	"context"
	"io"
	"os"

	"golang.org/x/term"
)

// invoke makes the call (or prints the skeleton it asks for) and writes
// the response in the output format.
func (c *Command) invoke(ctx context.Context, op *opCommand, g *globals, cl *call) error {
	switch cl.skeleton {
	case "input":
		return writeJSON(c.Stdout, inputSkeleton(op), 4, true)
	case "yaml-input":
		_, err := io.WriteString(c.Stdout, yamlInputSkeleton(op))
		return err
	}
	var q *query
	if g.query != "" {
		var err error
		if q, err = compileQuery(g.query); err != nil {
			return exception("Bad value for --query %s: %v", g.query, err)
		}
	}
	client, err := c.newClient(ctx, op, g)
	if err != nil {
		return err
	}
	if cl.skeleton == "output" {
		// The aws CLI validates the input, then prints a sample response
		// (member names as values) in the output format.
		params := deepCopy(cl.params).(*Object)
		if cl.pagination.Len() > 0 {
			params.Set("PaginationConfig", cl.pagination)
		}
		if err := prepareParams(op, params); err != nil {
			return err
		}
		return c.display(op, g, q, outputSkeleton(op))
	}
	if cl.paginate {
		p, err := newPager(client, op, cl.params, cl.pagination)
		if err != nil {
			return err
		}
		return c.displayPages(ctx, op, g, q, p)
	}
	if err := prepareParams(op, cl.params); err != nil {
		return err
	}
	out, err := client.call(ctx, op, cl.params)
	if err != nil {
		return err
	}
	return c.display(op, g, q, out)
}

// display writes one response (the formatter of a non-paginated call).
func (c *Command) display(op *opCommand, g *globals, q *query, resp *Object) error {
	format := c.outputFormat(g)
	var v any = resp
	if format == "text" {
		return c.formatTextResponse(q, v)
	}
	if q != nil {
		var err error
		if v, err = q.search(v); err != nil {
			return exception("%v", err)
		}
	}
	switch format {
	case "json":
		if o, ok := v.(*Object); ok && o.Len() == 0 {
			return nil
		}
		return writeJSON(c.Stdout, v, 4, false)
	case "table":
		if err := formatTable(c.Stdout, op.op.Name, v, c.tableStyle(g), c.terminalWidth()); err != nil {
			return exception("%v", err)
		}
		return nil
	case "yaml":
		if o, ok := v.(*Object); ok && o.Len() == 0 {
			return nil
		}
		_, err := io.WriteString(c.Stdout, writeYAML(v))
		return err
	case "yaml-stream":
		_, err := io.WriteString(c.Stdout, writeYAML([]any{v}))
		return err
	}
	return exception("Unknown output type: %s", format)
}

func (c *Command) formatTextResponse(q *query, v any) error {
	if q != nil {
		var err error
		if v, err = q.search(v); err != nil {
			return exception("%v", err)
		}
	}
	formatText(c.Stdout, v)
	return nil
}

// displayPages writes a paginated response: text and yaml-stream page by
// page, the other formats the merged result.
func (c *Command) displayPages(ctx context.Context, op *opCommand, g *globals, q *query, p *pager) error {
	switch format := c.outputFormat(g); format {
	case "text":
		first := true
		err := p.each(ctx, func(page *Object) error {
			current := NewObject()
			if first {
				current = deepCopy(p.nonAggregate).(*Object)
				first = false
			}
			for _, k := range op.pag.ResultKey {
				v, _ := page.Get(k)
				current.Set(k, v)
			}
			return c.formatTextResponse(q, current)
		})
		if err != nil {
			return err
		}
		if t := p.encodedResumeToken(); t != "" {
			inner := NewObject()
			inner.Set("NextToken", t)
			outer := NewObject()
			outer.Set("NextToken", inner)
			return c.formatTextResponse(q, outer)
		}
		return nil
	case "yaml-stream":
		return p.each(ctx, func(page *Object) error {
			var v any = page
			if q != nil {
				var err error
				if v, err = q.search(v); err != nil {
					return exception("%v", err)
				}
			}
			_, err := io.WriteString(c.Stdout, writeYAML([]any{v}))
			return err
		})
	case "json", "table", "yaml":
		full, err := p.fullResult(ctx)
		if err != nil {
			return err
		}
		return c.display(op, g, q, full)
	default:
		// The aws CLI fails when it builds the formatter, before any call.
		return exception("Unknown output type: %s", format)
	}
}

// tableStyle colours the table for --color on, or auto on a terminal.
func (c *Command) tableStyle(g *globals) styler {
	switch g.color {
	case "on":
		return styler{color: true}
	case "off":
		return styler{}
	}
	f, ok := c.Stdout.(*os.File)
	return styler{color: ok && term.IsTerminal(int(f.Fd()))}
}

// terminalWidth is the width of the terminal on standard output, 80 when
// it is not one.
func (c *Command) terminalWidth() int {
	if f, ok := c.Stdout.(*os.File); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 80
}
