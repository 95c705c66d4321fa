package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/caravan-transport/caravan"
)

// codesIn tags s and returns the country codes of its entities, in order,
// with the class initial: C country, A adjective, P place, J project, …
func codesIn(g *Gazetteer, s string) []string {
	tx := Normalize(s)
	toks := Tokenize(tx.Norm)
	var out []string
	for _, m := range g.Find(tx.Norm, toks) {
		e := m.Entry
		switch {
		case e.Class.Has(ClassCountry):
			out = append(out, "C:"+e.Code)
		case e.Class.Has(ClassAdjective):
			out = append(out, "A:"+e.Code)
		case e.Class.Has(ClassPlace):
			out = append(out, "P:"+e.Code)
		case e.Class.Has(ClassProject):
			out = append(out, "J:"+e.Code)
		case e.Class.Has(ClassRegion):
			out = append(out, "R:"+e.Name)
		case e.Class.Has(ClassOrg):
			out = append(out, "O:"+e.Name)
		case e.Class.Has(ClassPerson):
			out = append(out, "H:"+e.Code)
		case e.Class.Has(ClassPair):
			out = append(out, "pair")
		case e.Class.Has(ClassThisCountry):
			out = append(out, "this")
		case e.Class.Has(ClassOurCountry):
			out = append(out, "our")
		}
	}
	return out
}

func TestGazetteerCountries(t *testing.T) {
	g := NewGazetteer()
	for _, tt := range []struct {
		in   string
		want string
	}{
		// Iranian and Dari spellings.
		{"ازبکستان", "C:UZ"}, {"ازبیکستان", "C:UZ"}, {"اوزبیکستان", "C:UZ"},
		{"قرقیزستان", "C:KG"}, {"قرغیزستان", "C:KG"}, {"تاجیکستان", "C:TJ"}, {"تاجکستان", "C:TJ"},
		{"قزاقستان", "C:KZ"}, {"قزاق", "A:KZ"}, {"قزاقی", "A:KZ"}, {"ترکمنستان", "C:TM"},
		{"ترکیه", "C:TR"}, {"Türkiye", "C:TR"}, {"Turkey", "C:TR"},
		// Arabic letters normalize.
		{"قرقيزستان", "C:KG"}, {"پاكستان", "C:PK"},
		// Governments and aliases.
		{"امارت اسلامی", "C:AF"}, {"حکومت سرپرست", "C:AF"}, {"حکومت طالبان", "C:AF"}, {"Islamic Emirate", "C:AF"},
		{"the Taliban administration", "C:AF"}, {"جمهوری اسلامی", "C:IR"}, {"the Islamic Republic of Pakistan", "C:PK"}, {"جمهوری اسلامی پاکستان", "C:PK"}, {"کشورمان", "our"},
		// Adjectives.
		{"افغان", "A:AF"}, {"Kazakh", "A:KZ"}, {"ایرانی", "A:IR"}, {"Uzbek", "A:UZ"},
		// A typo one letter away from a country name.
		{"قرقیرستان", "C:KG"}, {"Kyrgystan", "C:KG"},
		// Places carry their country.
		{"کابل", "P:AF"}, {"اسلامآباد", "P:PK"}, {"اسلام آباد", "P:PK"}, {"تاشکند", "P:UZ"}, {"Almaty", "P:KZ"},
		// The ends of the Turkmen gas line to Iran, a pipeline named by its ends.
		{"خانگیران", "P:IR"}, {"Dauletabad", "P:TM"},
		// Anaphora.
		{"دو کشور", "pair"}, {"طرفین", "pair"}, {"both sides", "pair"}, {"the two countries", "pair"}, {"این کشور", "this"},
	} {
		if got := codesIn(g, tt.in); strings.Join(got, " ") != tt.want {
			t.Errorf("Find(%q) = %v, want %s", tt.in, got, tt.want)
		}
	}
}

// TestGazetteerTraps checks the entity traps of the corpus notes: names that
// contain country words, currency words inside names, regions, projects.
func TestGazetteerTraps(t *testing.T) {
	g := NewGazetteer()
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"person named like a country", "با جانبیک تایجاناف و ایران شارخان، معاونان وزارت", nil},
		{"country before an ordinary word", "ایران و قزاقستان", []string{"C:IR", "C:KZ"}},
		{"project with a country word (en dash)", "پروژه راهآهن «افغان–ترانس»", []string{"J:trans-afghan-railway"}},
		{"project in other spellings", "ترانس افغان و افغان-ترانس و Trans-Afghan railway", []string{"J:trans-afghan-railway", "J:trans-afghan-railway", "J:trans-afghan-railway"}},
		{"TAPI's long name hides its countries", "Turkmenistan–Afghanistan–Pakistan–India (TAPI)", []string{"J:tapi", "J:tapi"}},
		{"CASA-1000 with Persian digits", "پروژه انرژی CASA-۱۰۰۰ و کاسا-۱۰۰۰", []string{"J:casa-1000", "J:casa-1000"}},
		{"currency word inside a name", "عبدالرضا فرجی راد", nil},
		{"regions are not countries", "کشورهای آسیای مرکزی و Central Asia و آسیای میانه", []string{"R:Central Asia", "R:Central Asia", "R:Central Asia"}},
		{"province named like a country", "آذربایجان شرقی", nil},
		{"a province after «ولایت» or «استان» places its country", "در ولایت فاریاب و استان مازندران", []string{"P:AF", "P:IR"}},
		{"a province's name alone is no place", "فاریاب و مازندران", nil},
		{"Dushanbe only as a place", "روز دوشنبه در دوشنبه", []string{"P:TJ"}},
		{"Astana, not the eve of", "در آستانه سفر به آستانه", []string{"P:KZ"}},
		{"Azerbaijan the country", "جمهوری آذربایجان", []string{"C:AZ"}},
		{"organisations", "سازمان همکاری شانگهای و اکو", []string{"O:Shanghai Cooperation Organisation", "O:Economic Cooperation Organization"}},
		{"leader without a country", "توکایف", []string{"H:KZ"}},
		{"heads are not Russians", "به امضای رؤسای کمیسیون مشترک دو کشور رسید و روسا و روس\u200cها", []string{"pair", "A:RU"}},
		{"heads are not Russians, English", "signed by the heads of the commission and the Russians", []string{"A:RU"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := codesIn(g, tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestAddPlace(t *testing.T) {
	g := NewGazetteer()
	if err := g.AddPlace("af-hairatan-port", "AF", "Hairatan port", "بندر حیرتان*"); err != nil {
		t.Fatal(err)
	}
	if err := g.AddPlace("uz-navoi", "UZ", "نوایی", "Navoi"); err != nil {
		t.Fatal(err)
	}
	if got := codesIn(g, "بندرهای حیرتان و Navoi"); strings.Join(got, " ") != "P:AF P:UZ" {
		t.Errorf("after AddPlace: %v", got)
	}
	if p, ok := g.Place("uz-navoi"); !ok || p.Name != "Navoi" || p.Country != "UZ" {
		t.Errorf("Place(uz-navoi) = %+v, %v", p, ok)
	}
	for _, bad := range []struct{ id, cc string }{{"", "AF"}, {"x", "af"}, {"x", "AFG"}} {
		if err := g.AddPlace(bad.id, bad.cc, "name"); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("AddPlace(%q, %q) error = %v, want invalid", bad.id, bad.cc, err)
		}
	}
	if err := g.AddPlace("x", "AF", " "); !errors.Is(err, caravan.ErrInvalid) {
		t.Errorf("AddPlace without a name: %v", err)
	}
}

// TestAddCrossing holds AddCrossing: each side of a crossing faces the
// other's country, a closure there is between the two, a side the
// built-in table gives is kept, and bad crossings are refused.
func TestAddCrossing(t *testing.T) {
	g := NewGazetteer()
	for _, p := range []struct{ id, cc, name string }{{"pk-wagah", "PK", "Wagah"}, {"in-attari", "IN", "Attari"}, {"pk-sost", "PK", "Sost"}} {
		if err := g.AddPlace(p.id, p.cc, p.name); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.AddCrossing("pk-wagah", "in-attari"); err != nil {
		t.Fatal(err)
	}
	if g.Facing("pk-wagah") != "IN" || g.Facing("in-attari") != "PK" {
		t.Errorf("Facing = %q, %q, want IN, PK", g.Facing("pk-wagah"), g.Facing("in-attari"))
	}
	if err := g.AddCrossing("af-torkham", "pk-wagah"); err != nil || g.Facing("af-torkham") != "PK" || g.Facing("pk-wagah") != "IN" {
		t.Errorf("a built-in side or a first side changed: %v, %q, %q", err, g.Facing("af-torkham"), g.Facing("pk-wagah"))
	}
	for _, bad := range [][2]string{{"pk-wagah", "pk-sost"}, {"pk-wagah", "nowhere"}} {
		if err := g.AddCrossing(bad[0], bad[1]); !errors.Is(err, caravan.ErrInvalid) {
			t.Errorf("AddCrossing(%s, %s) error = %v, want invalid", bad[0], bad[1], err)
		}
	}
	x := NewExtractor(g)
	fs := extractText(t, x, "d", "date 2026-12-10\nTraffic at Wagah was halted on Monday, December 7, by a strike.")
	if len(fs) != 1 || fs[0].Kind != KindDisruption || strings.Join(fs[0].Countries, ",") != "IN,PK" {
		t.Errorf("closure at Wagah: %+v, want one disruption IN,PK", fs)
	}
}

func TestLexiconVariants(t *testing.T) {
	l := NewLexicon()
	l.Add("راه آهن*", Entry{Code: "rail"})
	l.Add("توافق کرد~", Entry{Code: "agree"})
	l.Add("casa 1000", Entry{Code: "casa"})
	l.Add("$", Entry{Code: "usd"})
	l.Add("به بهره برداری خواهد رسید", Entry{Code: "planned"})
	l.Add("uzbekistan-afghanistan-pakistan railway", Entry{Code: "uap"})
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"راه آهن", []string{"rail"}},
		{"راهآهن", []string{"rail"}},
		{"راه\u200cآهن", []string{"rail"}},
		{"راهآهنهای", []string{"rail"}},
		{"راه-آهن", []string{"rail"}},
		{"توافق کردند", []string{"agree"}},
		{"توافق کردهاند", []string{"agree"}},
		{"توافق نکردند", []string{"agree"}},
		{"CASA-1000 casa 1000 CASA۱۰۰۰", []string{"casa", "casa", "casa"}},
		{"$1", []string{"usd"}},
		{"راهرو", nil},
		{"به بهره\u200cبرداری خواهد رسید", []string{"planned"}},            // glued inside a phrase of five words
		{"Uzbekistan–Afghanistan–Pakistan (UAP) railway", []string{"uap"}}, // an acronym in parentheses inside a name
		{"Uzbekistan–Afghanistan–Pakistan (2025) railway", nil},
	} {
		tx := Normalize(tt.in)
		var got []string
		for _, m := range l.All(tx.Norm, Tokenize(tx.Norm)) {
			got = append(got, m.Entry.Code)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("All(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestAddPlaceKeepsBuiltinRules: adding a dataset place whose name the
// gazetteer already knows keeps the built-in entry's conditions.
func TestAddPlaceKeepsBuiltinRules(t *testing.T) {
	g := NewGazetteer()
	for _, p := range []struct{ id, cc, en, fa string }{
		{"tj-dushanbe", "TJ", "Dushanbe", "دوشنبه"},
		{"kz-astana", "KZ", "Astana", "آستانه"},
	} {
		if err := g.AddPlace(p.id, p.cc, p.en, p.fa); err != nil {
			t.Fatal(err)
		}
	}
	if got := codesIn(g, "روز دوشنبه در آستانه سفر"); len(got) != 0 {
		t.Errorf("weekday and 'on the eve of' tagged as places after AddPlace: %v", got)
	}
	if got := codesIn(g, "در دوشنبه و Astana"); !slices.Equal(got, []string{"P:TJ", "P:KZ"}) {
		t.Errorf("places no longer found: %v", got)
	}
}

// TestTwinPlaces: a name shared by two places either side of a border is
// read as the side of the article's own country (the outlet's, else the
// one the article names most); on a tie the first place added keeps it.
func TestTwinPlaces(t *testing.T) {
	g := NewGazetteer()
	for _, p := range []struct{ id, cc, en, fa string }{
		{"tj-ishkashim", "TJ", "Ishkashim", "اشکاشم"},
		{"af-ishkashim", "AF", "Ishkashim", "اشکاشم"},
		{"az-astara", "AZ", "Astara", "آستارا"},
		{"ir-astara", "IR", "Astara", "آستارا"},
	} {
		if err := g.AddPlace(p.id, p.cc, p.en, p.fa); err != nil {
			t.Fatal(err)
		}
	}
	x := NewExtractor(g)
	for _, c := range []struct {
		name, text, want string
	}{
		{"dari outlet", "وزارت فواید عامه گفت کار سرک از اشکاشم تا دره واخجیر در ولایت بدخشان جریان دارد.", "af-ishkashim"},
		{"iranian outlet", "استاندار گیلان گفت بازارچه مرزی آستارا در شهرستان آستارا فعال است.", "ir-astara"},
		{"english, the article's country", "Afghanistan's ministry said the road from Ishkashim is being built. Afghan officials said work continues.", "af-ishkashim"},
		{"english, the other side named more", "Azerbaijan will open a terminal at Astara. Azerbaijani Railways said the Azerbaijani side is ready.", "az-astara"},
		{"english, tie keeps the first", "The bridge at Ishkashim was reopened.", "tj-ishkashim"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := x.newDoc(Article{ID: "t", Text: c.text})
			var got []string
			for _, m := range d.ents {
				if m.Entry.Class.Has(ClassPlace) {
					got = append(got, m.Entry.ID)
				}
			}
			if len(got) == 0 || got[0] != c.want {
				t.Errorf("places %v, want %s first", got, c.want)
			}
		})
	}
}
