package extract

// pickTwins resolves the places whose name is shared by two places either
// side of a border («اشکاشم» in Afghanistan and in Tajikistan, «آستارا» in
// Iran and in Azerbaijan, "Alat" in Uzbekistan and in Azerbaijan). Where
// the text does not say which side, the natural reading is the side of the
// article's own country: the outlet's country when it is one of the sides,
// else the side whose country the article names most (as a country or an
// adjective). On a tie the first place keeps the name.
func (x *Extractor) pickTwins(d *doc) {
	if len(x.gaz.twins) == 0 {
		return
	}
	var counts map[string]int
	for k, m := range d.ents {
		twins := x.gaz.twins[m.Entry.ID]
		if len(twins) == 0 || !m.Entry.Class.Has(ClassPlace) {
			continue
		}
		if counts == nil {
			counts = map[string]int{}
			for _, e := range d.ents {
				if e.Entry.Class.Has(ClassCountry | ClassAdjective) {
					counts[e.Entry.Code]++
				}
			}
		}
		best, bestN := -1, counts[m.Entry.Code]
		if m.Entry.Code == d.reporter {
			continue
		}
		for i, t := range twins {
			if t.Country == d.reporter {
				best = i
				break
			}
			if n := counts[t.Country]; n > bestN {
				best, bestN = i, n
			}
		}
		if best < 0 {
			continue
		}
		t := twins[best]
		e := *m.Entry
		e.Code, e.Name, e.ID = t.Country, t.Name, t.ID
		d.ents[k].Entry = &e
	}
}
