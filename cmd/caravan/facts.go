package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/caravan-transport/caravan/kb"
)

// runFacts lists extracted facts, or records a review decision on one.
func runFacts(ctx context.Context, e *env, args []string) error {
	// "accept" or "reject" may follow flags ("facts --db X accept ID"); the
	// flags then belong to the review.
	for i, a := range args {
		if a == "accept" || a == "reject" {
			rest := append(append([]string(nil), args[:i]...), args[i+1:]...)
			return runFactsReview(ctx, e, a, rest)
		}
		if !strings.HasPrefix(a, "-") && (i == 0 || !strings.HasPrefix(args[i-1], "-") || strings.Contains(args[i-1], "=")) {
			break // a positional argument that is not a verb: the list form
		}
	}
	fs, asJSON := e.newFlags("facts", "[accept|reject ID]",
		"List facts extracted from ingested articles; 'facts accept ID' and 'facts reject ID' review one.\n"+
			"Accepted trade figures join the series of caravan trade.")
	db := dbFlag(fs)
	pending := fs.Bool("pending", false, "only facts pending review")
	fs.String("state", "", "only facts in this review state: pending, accepted or rejected")
	fs.String("country", "", "only facts about this country (ISO code)")
	fs.String("kind", "", "only facts of this kind: trade_value, tonnage, agreement, project, meeting")
	fs.String("document", "", "only facts of this document (id or content hash)")
	fs.String("limit", "", "at most this many facts (default and cap: 1000)")
	fs.String("offset", "", "skip this many first")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q (did you mean facts accept %s?)", pos[0], pos[0])
	}
	p := params(fs, nil)
	delete(p, "pending")
	if st, ok := p["state"]; ok {
		if *pending {
			return usagef("--pending and --state exclude each other")
		}
		delete(p, "state")
		p["status"] = st
	}
	if *pending {
		p["status"] = string(kb.Pending)
	}
	e.positional = map[string]string{"status": "--state"}
	svc, err := e.service(ctx, "", *db)
	if err != nil {
		return err
	}
	defer svc.Close()
	list, err := svc.Facts(ctx, p)
	if err != nil {
		return err
	}
	facts := list.Items
	if *asJSON {
		if facts == nil {
			facts = []kb.Fact{}
		}
		return writeJSON(e.stdout, facts)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tstate\tkind\tcountries\tvalue\tunit\tperiod\tstatus\tquote")
	for _, x := range facts {
		value := "-"
		if x.Value != nil {
			value = strconv.FormatFloat(*x.Value, 'f', -1, 64)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.Review.State, x.Kind, strings.Join(x.Countries, ","),
			value, dash(x.Unit), dash(x.Period), dash(x.Status), shorten(x.Quote, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d fact(s)\n", len(facts))
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// runFactsReview accepts or rejects one fact.
func runFactsReview(ctx context.Context, e *env, verb string, args []string) error {
	fs, asJSON := e.newFlags("facts "+verb, "ID", "Record that a fact is "+verb+"ed.")
	db := dbFlag(fs)
	note := fs.String("note", "", "why")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one fact ID (see caravan facts --pending)")
	}
	svc, err := e.service(ctx, "", *db)
	if err != nil {
		return err
	}
	defer svc.Close()
	st := kb.Accepted
	if verb == "reject" {
		st = kb.Rejected
	}
	e.positional = map[string]string{"id": "ID"}
	r, err := svc.Review(ctx, pos[0], st, *note)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, map[string]any{"id": pos[0], "review": r})
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", pos[0], st)
	return nil
}
