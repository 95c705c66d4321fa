package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/caravan-transport/caravan/kb"
	"github.com/caravan-transport/caravan/network"
)

// runAgreements lists agreements with their status timelines.
func runAgreements(ctx context.Context, e *env, args []string) error {
	fs, asJSON := e.newFlags("agreements", "",
		"List agreements (treaties, MoUs, framework agreements, roadmaps, commitments) with who the parties are,\n"+
			"what they are about and their dated status timeline, with sources.")
	db := dbFlag(fs)
	fs.String("country", "", "only agreements with this party (ISO 3166-1 alpha-2 code)")
	fs.String("status", "", "only agreements whose latest status is `S` (proposed, negotiating, agreed, signed, in_force, suspended, expired)")
	fs.String("kind", "", "only agreements of this `KIND` (treaty, mou, framework, roadmap, protocol, convention, commitment)")
	fs.String("limit", "", "at most this many (default and cap: 1000)")
	fs.String("offset", "", "skip this many first")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments %q", pos)
	}
	svc, err := e.service(ctx, "", *db)
	if err != nil {
		return err
	}
	defer svc.Close()
	list, err := svc.Agreements(ctx, params(fs, nil))
	if err != nil {
		return err
	}
	as := list.Items
	return printRecords(e, *asJSON, "agreement", as, printAgreement)
}

func printAgreement(w io.Writer, a *kb.Agreement) {
	fmt.Fprintf(w, "%s  %s  [%s, %s]\n", a.ID, strings.Join(a.Parties, "–"), a.Kind, statusSince(a.Status().String(), a.Since().String()))
	fmt.Fprintf(w, "  %s\n", a.Name)
	if a.Subject != "" {
		fmt.Fprintf(w, "  about: %s\n", a.Subject)
	}
	if a.Signatories != "" {
		fmt.Fprintf(w, "  by: %s\n", a.Signatories)
	}
	if a.Project != "" {
		fmt.Fprintf(w, "  project: %s\n", a.Project)
	}
	for _, h := range a.History {
		fmt.Fprintf(w, "  %-10s  %-11s  %s%s\n", orUndated(h.Date.String()), h.Status, h.Event, citeText(h.Sources))
	}
	if a.Note != "" {
		fmt.Fprintf(w, "  note: %s\n", a.Note)
	}
	fmt.Fprintf(w, "  sources: %s\n", strings.Join(a.Sources.IDs(), ", "))
}

func statusSince(status, since string) string {
	if since == "" {
		return status
	}
	return status + " since " + since
}

// citeText writes " [A, B]" for a citation, "" for none.
func citeText(c network.Citations) string {
	ids := c.IDs()
	if len(ids) == 0 {
		return ""
	}
	return " [" + strings.Join(ids, ", ") + "]"
}

// printRecords writes records as a JSON list (empty as []), or one block
// each, separated by blank lines, with "no <what> matches" for none.
func printRecords[T any](e *env, asJSON bool, what string, recs []T, print func(io.Writer, *T)) error {
	if asJSON {
		if recs == nil {
			recs = []T{}
		}
		return writeJSON(e.stdout, recs)
	}
	if len(recs) == 0 {
		_, err := fmt.Fprintf(e.stdout, "no %s matches\n", what)
		return err
	}
	for i := range recs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		print(e.stdout, &recs[i])
	}
	return nil
}
