package extract

import (
	"context"
	"strings"
	"testing"
)

// benchSentences are Persian and Dari news sentences written for the
// benchmark in the style of the corpus (stripped ZWNJ, mixed digits).
var benchSentences = []string{
	"به گزارش ایرنا، رئیس کل گمرک ایران گفت: در هشت ماهه نخست امسال ۲.۸ میلیون تن کالا به ارزش یک میلیارد و ۷۰۰ میلیون دلار از ایران به افغانستان صادر شده است.",
	"وزارت صنعت و تجارت امارت اسلامی میگوید که حجم تجارت افغانستان با ترکمنستان در سال ۱۴۰۳ به ۳۵۰ ملیون دالر رسیده است.",
	"مقامهای دو کشور روز دوشنبه در کابل تفاهمنامهای را برای ساخت خط آهن تورغندی-هرات امضا کردند.",
	"بر اساس این تفاهمنامه، ظرفیت این خط آهن سالانه ۵ ملیون تن خواهد بود.",
	"همچنین قرار است وزیر خارجه ترکمنستان هفته آینده به کابل سفر کند.",
	"وزیر امور خارجه جمهوری اسلامی ایران و همتای ترکمنستانی او روز پنجشنبه در عشقآباد درباره پیشنویس موافقتنامه حمل و نقل بینالمللی جادهای گفتوگو کردند.",
	"حجم مبادلات تجاری ایران و ترکمنستان در ۹ ماهه نخست سال ۱۴۰۳ از مرز یک میلیارد دلار عبور کرد.",
	"پاکستان و قرقیزستان در جریان رایزنیهای دوجانبه در اسلامآباد توافق کردند که توافق تجارت ترانزیتی را با سرعت نهایی کنند.",
	"صادرات غیرنفتی ایران به پاکستان در فروردین تا مهر ۱۴۰۴ با کاهش ۷ درصدی نسبت به مدت مشابه سال قبل به يك ميليارد و ۱۰۰ ميليون دلار رسيد.",
	"سفیر قزاقستان در کابل با معاون اقتصادی رئیس الوزرا دیدار کرد و دو طرف در مورد افزایش صادرات گندم و آرد قزاقستان به افغانستان گفتگو کردند.",
	"افغانستان سالانه حدود ۱.۵ ملیون تن آرد و گندم از قزاقستان وارد میکند.",
	"هیئتی از ازبیکستان به ریاست وزیر ترانسپورت آن کشور برای گفتگو درباره پروژه خط آهن ترانس افغان وارد کابل شد.",
	"در نشست سه جانبهای که قرار است با حضور ایران، روسیه و ترکیه در تهران برگزار شود، مسائل منطقهای بررسی خواهد شد.",
	"خط لوله تاپی از ترکمنستان تا پاکستان در حال ساخت است و بخش افغانستان آن تا سال ۲۰۲۷ تکمیل خواهد شد.",
}

// benchText returns about n bytes of Persian news text: the benchmark
// sentences in paragraphs, repeated.
func benchText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(benchSentences[i%len(benchSentences)])
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkExtract measures the whole pipeline (normalization, tagging,
// amounts, periods, rules) on 1 MB of Persian text; b.SetBytes makes the
// result read as MB/s.
func BenchmarkExtract(b *testing.B) {
	text := benchText(1 << 20)
	a, err := ParseArticle("bench", text)
	if err != nil {
		b.Fatal(err)
	}
	x := NewExtractor(nil)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := x.Extract(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNormalize measures normalization and tokenization alone.
func BenchmarkNormalize(b *testing.B) {
	text := benchText(1 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		t := Normalize(text)
		Tokenize(t.Norm)
	}
}

// FuzzExtract checks that extraction never panics on any text and that
// every quote is the text at its offsets.
func FuzzExtract(f *testing.F) {
	for _, s := range benchSentences[:6] {
		f.Add(s)
	}
	f.Add("date 2025-01-01\nKazakhstan and Uzbekistan signed a deal: trade from $1 billion to $3 billion, «یادداشت تفاهم»، «برنامه همکاری».")
	f.Add("سفر رئیس جمهور، امیر قطر و نخست وزیر به تهران؛ اما دو کشور ۵ میلیون تن")
	f.Add("صادرات به ازبیکستان و تاجیکستان به ترتیب ۹۵ ملیون و ۶۲ ملیون دالر بوده است. گذرگاه چمن از روز شنبه بسته است.")
	f.Add("خط آهن ۶۲۸ کیلومتری چابهار-زاهدان ۸۵ درصد پیشرفت داشته و قطعه ایرانشهر-زاهدان به طول ۳۴۵ کیلومتر تکمیل شده است. The 225-km line cost $180 million, of which Iran has paid $95 million; completion is expected by March 2026.")
	f.Add("Afghanistan's acting Minister of Commerce Nooruddin Azizi met in Astana.\n\nADVERTISEMENT\n\nAzizi also held talks, said Ahmad Wali, an economist. امروز با حضور مقامات دو کشور بازگشایی شد.")
	f.Add("Trade of Kazakhstan (USD million)\n| Partner | 2025 | 2024 |\n| --- | --- |\n| Uzbekistan | 3,120.4 | 2,870.1 |\n|")
	f.Add("Exports rose to $9 million in FY2025-26. A target of $1bn by 2027-28 and 2027-2 and 2027- was set; Metals led the list, followed by grain ($1.2 million), of which 3 tons via the port of Chabahar, Iran.")
	x := NewExtractor(nil)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArticle("f", s)
		if err != nil {
			return
		}
		fs, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, fc := range fs {
			if fc.Start == nil || fc.End == nil || *fc.Start < 0 || *fc.End > len(s) || *fc.Start > *fc.End || s[*fc.Start:*fc.End] != fc.Quote {
				t.Fatalf("fact %+v: quote not at its offsets", fc)
			}
			if len(fc.Countries) == 0 {
				t.Fatalf("fact without countries: %+v", fc)
			}
		}
	})
}
