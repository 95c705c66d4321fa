// Package extract reads facts from Persian (Iranian), Dari and English news
// about the trade, transit, railways, agreements and meetings of Central
// Asia, Afghanistan, Pakistan, Iran and their neighbours.
//
// # Pipeline
//
// An Article (ParseArticle reads an optional "date YYYY-MM-DD" header) goes
// through these steps, each linear in the length of the text:
//
//  1. Normalize: Arabic letters to Persian, three digit scripts to ASCII,
//     separators, zero-width non-joiners, dashes and diacritics; a map
//     from every normalized byte back to the source keeps quotes exact.
//  2. Tokenize, and tag tokens with two lexicons: the Gazetteer (countries
//     with Iranian and Dari spellings and adjectives, places, regions,
//     projects, organisations, people, titles, «دو کشور»-like anaphora)
//     and a lexicon of cues (trade words, currencies, units, qualifiers,
//     verbs of reaching, targeting, agreeing, signing, meeting, visiting,
//     project statuses). Phrases match with words glued or spaced
//     («راهآهن», «راه آهن»), across dashes, with Persian suffixes and verb
//     affixes and English inflections.
//  3. Split sentences (a sentence may continue after a blank line when a
//     paragraph ends on a preposition) and read amounts (money, tonnes,
//     percentages; number words, compound amounts «۲۶۵ میلیون و ۲۰۰
//     هزار», ranges, qualifiers, rates), periods (Gregorian and Solar
//     Hijri years, months in Iranian and Afghan names, partial years,
//     fiscal years, relative years when the calendar and the article's
//     date allow) and the countries of each sentence («این کشور»,
//     «کشورمان», «طرفین» resolved from context and the outlet).
//  4. Apply the rules for trade_value, tonnage, agreement, project,
//     meeting and disruption, then merge facts that report the same thing.
//     The rules share an article register: the projects named, introduced
//     as infrastructure to be built or named by the text, with the head
//     word later clauses refer back with ("the line", «این پایانه»), the
//     countries each links or is financed by, and the country across a
//     border post where the text links it; the items of a bulleted digest
//     keep their own countries.
//
// Facts (type Fact) follow the schema of corpus/seeds/gold.jsonl, with the
// byte offsets of their quote in the article. Evaluate scores predictions
// against gold facts; its doc comment states the matching rules.
//
// # Places
//
// The built-in gazetteer knows capitals and the region's main cities, ports
// and border posts. Places of the regional dataset can be added with
// Gazetteer.AddPlace before the extractor is used.
package extract
