//! The search tokenizer. `themes/default/static/search.js` implements the same
//! specification, and the test vectors in `tests/search/tokenizer-vectors.json` (made
//! here, checked there, one set per language) keep the two in step.
//!
//! A book's `language` (book.toml; `pt-BR` and `es-MX` use their base language, `nb` and
//! `nn` use `no`) picks the rules. English, the default, in order:
//!
//! 1. Unicode NFKD (compatibility decomposition: ligatures and accents come apart),
//! 2. drop combining marks (General Category M), which folds diacritics, except the kana
//!    voicing marks U+3099 and U+309A, which are composed back with the kana before them
//!    (が stays が),
//! 3. lowercase (full Unicode case mapping), then `ß` → `ss` (the one common case
//!    folding that lowercasing misses),
//! 4. delete apostrophes (`'` `’` `‘` `ʼ`), so "don't" is one word,
//! 5. split into runs of alphabetic or numeric characters, then cut each run into
//!    words at the edges of its Han, Hiragana and Katakana parts (see "Text without
//!    spaces" below),
//! 6. drop stop words ([`STOP_WORDS`]) and words longer than [`MAX_WORD`] characters,
//! 7. stem words made only of the letters a-z with the Snowball English (Porter2)
//!    stemmer; other words are kept as they are, so both sides agree without sharing
//!    Unicode tables beyond steps 1-5.
//!
//! Every other language stems before it folds accents, because Snowball's rules for
//! Spanish, French or Portuguese are written for accented words ("devolución" and
//! "devoluciones" both give "devolu"):
//!
//! 1. Unicode NFKC (compatibility composition: fullwidth and ligatures become plain
//!    letters, accented letters are one character, as Snowball expects),
//! 2. lowercase (full Unicode case mapping); Turkish first maps `I` → `ı`, `İ` → `i`,
//! 3. apostrophes (`'` `’` `‘` `ʼ`) separate words, so French "l'équipe" gives "l" and
//!    "équipe" (and "l" is a stop word),
//! 4. split into runs of alphabetic, numeric or combining-mark characters (marks are
//!    part of Devanagari or Tamil words), cut at Han/Kana edges as in English step 5,
//! 5. a word longer than [`MAX_WORD`] characters is dropped; a Han/Kana word is a term
//!    as it is; the others are folded (step 7) and dropped when the folded word is one
//!    of the language's stop words (folded too, so "esta" and "está" both go),
//! 6. a word made only of letters and marks below U+2000 (no digits) is stemmed with the
//!    language's Snowball stemmer, when it has one: ar da de es fi fr hu it nl no pt ro
//!    ru sv ta tr. Greek (el), Hindi, Hebrew, Japanese, Chinese, Korean and the other
//!    languages are not stemmed (no browser stemmer agrees with rust-stemmers for Greek),
//! 7. fold, character by character: a letter the language keeps ([`Rules::keep`]:
//!    es `ñ`; da fi no sv `å ä ö æ ø`; ru `й`; tr `ç ğ ı ö ş ü`) stays; any other goes
//!    through NFKD and loses the combining marks that follow a base letter below U+0530
//!    or in U+1E00-U+1FFF (Latin, Greek, Cyrillic: accents go; marks of other scripts,
//!    which are vowels, stay); `ß` → `ss`. German keeps no umlaut: Snowball German
//!    itself turns ä ö ü into a o u, so unstemmed words fold the same way.
//!
//! Text without spaces, in every language: a run of Han, Hiragana or Katakana characters
//! (see [`is_cjk`]; not Hangul, which Korean writes with spaces) is indexed as its
//! overlapping character pairs ("返金手続" → "返金", "金手", "手続"); a single character
//! stays one term. A query's pairs are each a query word, and search.js wants all of
//! them in a chapter, so a Japanese or Chinese query finds the chapters holding it.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{compose, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// Longer "words" are identifiers or noise, not something people type.
pub const MAX_WORD: usize = 40;

/// Common English words that carry no meaning for search. Kept short: words like "not"
/// or "how" matter in a care handbook.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he",
    "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "so",
    "that", "the", "their", "them", "then", "there", "they", "this", "to", "was", "we", "were",
    "will", "with", "you", "your",
];

/// The rules of a language other than English (see the module comment).
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Base language code: "es", "ja".
    pub code: &'static str,
    stemmer: Option<Algorithm>,
    /// Letters folding leaves alone, because they are letters of their own here.
    pub keep: &'static str,
    /// The most common function words, as written; compared folded.
    stop: &'static str,
}

/// Languages with a Snowball stemmer (or kept letters, or stop words). Any other code
/// gets [`Rules::plain`].
const LANGUAGES: &[Rules] = &[
    Rules { code: "ar", stemmer: Some(Algorithm::Arabic), keep: "",
        stop: "في من على إلى عن مع هذا هذه ذلك التي الذي أن إن كان لا ما هو هي و أو ثم قد" },
    Rules { code: "da", stemmer: Some(Algorithm::Danish), keep: "åäöæø",
        stop: "og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde jeg du hun" },
    Rules { code: "de", stemmer: Some(Algorithm::German), keep: "",
        stop: "der die das und oder in im zu den dem des ein eine einer eines einem einen ist sind war mit von für auf an am aus bei sich es wir sie er ihr ihre sein seine dass als auch nicht noch nach wie wenn zum zur" },
    Rules { code: "el", stemmer: None, keep: "",
        stop: "και το η ο τα των την του της τη να σε με για από που στο στην στα ένα μια είναι θα δεν" },
    Rules { code: "es", stemmer: Some(Algorithm::Spanish), keep: "ñ",
        stop: "a al como con de del el ella ellas ellos en entre es esa ese eso esta este esto está la las le les lo los más mi muy o para pero por que qué se ser si sin sobre su sus también te tu un una uno unos y ya" },
    Rules { code: "fi", stemmer: Some(Algorithm::Finnish), keep: "åäöæø",
        stop: "ja on ei se että oli hän ovat mutta kun jos niin tai vain myös kuin joka mikä minä sinä me te he tämä tuo nämä ne" },
    Rules { code: "fr", stemmer: Some(Algorithm::French), keep: "",
        stop: "au aux avec c ce ces d dans de des du elle en est et il ils j l la le les leur lui m ma mais me mes n ne nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes un une vos votre vous y à" },
    Rules { code: "hu", stemmer: Some(Algorithm::Hungarian), keep: "",
        stop: "a az egy és is hogy nem de meg mint már csak van volt ez az azt ezt ha vagy el fel ki be" },
    Rules { code: "it", stemmer: Some(Algorithm::Italian), keep: "",
        stop: "a ad al alla alle agli ai che chi ci con da dal dalla de dei del della delle di e è gli ha i il in l la le lo ma mi ne nei nel nella non o per più se si sono su sua suo tra un una uno vi" },
    Rules { code: "nl", stemmer: Some(Algorithm::Dutch), keep: "",
        stop: "aan als bij dan dat de die dit door een en er het hij hun ik in is je met na naar niet nog of om onder ook op over te tot u uit van voor was wat we wij zijn ze zich zo" },
    Rules { code: "no", stemmer: Some(Algorithm::Norwegian), keep: "åäöæø",
        stop: "og i det på som er en til å han av at for med ikke den de om et var jeg du hun vi men så har seg" },
    Rules { code: "pt", stemmer: Some(Algorithm::Portuguese), keep: "",
        stop: "a ao aos as com como da das de do dos e é ela ele em entre era isso isto mais mas na nas no nos o os ou para pela pelo por que se sem seu sua também um uma você" },
    Rules { code: "ro", stemmer: Some(Algorithm::Romanian), keep: "",
        stop: "și în la de pe cu care că un o nu se este sunt a al ale din pentru sau mai dar ce" },
    Rules { code: "ru", stemmer: Some(Algorithm::Russian), keep: "й",
        stop: "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по ее мне было вот от меня о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между" },
    Rules { code: "sv", stemmer: Some(Algorithm::Swedish), keep: "åäöæø",
        stop: "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan du hon eller" },
    Rules { code: "ta", stemmer: Some(Algorithm::Tamil), keep: "",
        stop: "ஒரு என்று மற்றும் இந்த அந்த இது அது என" },
    Rules { code: "tr", stemmer: Some(Algorithm::Turkish), keep: "çğıöşü",
        stop: "ve bir bu da de ile için ama gibi daha çok en o şu ne mi mu mı mü ya veya ki her" },
];

impl Rules {
    /// The rules of base language `code`: no stemmer, no stop words, nothing kept.
    fn plain(code: &str) -> Rules {
        // Rules hold &'static str: known codes come from the table; others are only
        // recorded, so a short leaked string per distinct code is bounded.
        let code: &'static str = match LANGUAGES.iter().find(|r| r.code == code) {
            Some(r) => r.code,
            None => Box::leak(code.to_owned().into_boxed_str()),
        };
        Rules {
            code,
            stemmer: None,
            keep: "",
            stop: "",
        }
    }

    /// Whether words are stemmed (and search.js loads a stemmer for them).
    pub fn stems(&self) -> bool {
        self.stemmer.is_some()
    }
}

/// The base language of a book.toml `language` value: "pt-BR" → "pt", "nb" → "no".
pub fn base_language(code: &str) -> String {
    let base = code
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match base.as_str() {
        "nb" | "nn" => "no".to_owned(),
        "" => "en".to_owned(),
        _ => base,
    }
}

enum Kind {
    English(Stemmer),
    Other {
        rules: Rules,
        stemmer: Option<Stemmer>,
        /// The stop words folded, sorted for binary search.
        stop: Vec<String>,
    },
}

pub struct Tokenizer {
    kind: Kind,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer {
            kind: Kind::English(Stemmer::create(Algorithm::English)),
        }
    }
}

impl Tokenizer {
    /// The tokenizer for a book whose `language` is `code` ("es", "pt-BR", "ja").
    pub fn for_language(code: &str) -> Tokenizer {
        let base = base_language(code);
        if base == "en" {
            return Tokenizer::default();
        }
        let rules = LANGUAGES
            .iter()
            .find(|r| r.code == base)
            .copied()
            .unwrap_or_else(|| Rules::plain(&base));
        let mut stop: Vec<String> = rules
            .stop
            .split_whitespace()
            .map(|w| fold_word(&rules, &prepare_other(&rules, w)))
            .collect();
        stop.sort();
        stop.dedup();
        Tokenizer {
            kind: Kind::Other {
                stemmer: rules.stemmer.map(Stemmer::create),
                rules,
                stop,
            },
        }
    }

    /// The language's rules, or `None` for English.
    pub fn rules(&self) -> Option<&Rules> {
        match &self.kind {
            Kind::English(_) => None,
            Kind::Other { rules, .. } => Some(rules),
        }
    }

    /// The base language code the index records ("en", "es", "ja").
    pub fn language(&self) -> &str {
        self.rules().map_or("en", |r| r.code)
    }

    /// The folded stop words (English's as they are).
    pub fn stop_words(&self) -> Vec<&str> {
        match &self.kind {
            Kind::English(_) => STOP_WORDS.to_vec(),
            Kind::Other { stop, .. } => stop.iter().map(String::as_str).collect(),
        }
    }

    /// Calls `f` with every search term of `text`, in order.
    pub fn each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        self.each_word(text, |word| {
            if let Some(term) = self.term(word) {
                f(&term);
            }
        });
    }

    /// Calls `f` with every word of `text`, stop words included: English's folded
    /// (steps 1-5), other languages' before stemming and folding (steps 1-4).
    pub fn each_word(&self, text: &str, f: impl FnMut(&str)) {
        self.words(&self.prepare(text), f);
    }

    /// The text as words are cut from it: English's steps 1-4, the others' steps 1-2.
    pub fn prepare<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match &self.kind {
            Kind::English(_) => fold(text),
            Kind::Other { rules, .. } => prepare_other(rules, text),
        }
    }

    /// The words of a [`prepare`](Self::prepare)d text.
    pub fn words<'t>(&self, prepared: &'t str, f: impl FnMut(&'t str)) {
        match &self.kind {
            Kind::English(_) => cut(prepared, char::is_alphanumeric, f),
            Kind::Other { .. } => cut(
                prepared,
                |c: char| c.is_alphanumeric() || is_combining_mark(c),
                f,
            ),
        }
    }

    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each_term(text, |t| out.push(t.to_owned()));
        out
    }

    /// Whether `word` (from [`words`](Self::words)) is a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        match &self.kind {
            Kind::English(_) => STOP_WORDS.binary_search(&word).is_ok(),
            Kind::Other { rules, stop, .. } => stop.binary_search(&fold_word(rules, word)).is_ok(),
        }
    }

    /// The term for one word from [`words`](Self::words), or `None` for a stop word
    /// or one too long.
    pub fn term<'w>(&self, word: &'w str) -> Option<Cow<'w, str>> {
        if word.chars().count() > MAX_WORD {
            return None;
        }
        match &self.kind {
            Kind::English(stemmer) => {
                if STOP_WORDS.binary_search(&word).is_ok() {
                    None
                } else if word.bytes().all(|b| b.is_ascii_lowercase()) {
                    Some(stemmer.stem(word))
                } else {
                    Some(Cow::Borrowed(word))
                }
            }
            Kind::Other {
                rules,
                stemmer,
                stop,
            } => {
                if word.chars().any(is_cjk) {
                    return Some(Cow::Borrowed(word));
                }
                let folded = fold_word(rules, word);
                if stop.binary_search(&folded).is_ok() {
                    return None;
                }
                match stemmer {
                    Some(s) if word.chars().all(|c| (c as u32) < 0x2000 && !c.is_numeric()) => {
                        Some(Cow::Owned(fold_word(rules, &s.stem(word))))
                    }
                    _ => Some(Cow::Owned(folded)),
                }
            }
        }
    }
}

/// Han (with 々 and the compatibility ideographs), Hiragana and Katakana (with ー):
/// the scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3005 | 0x3007 | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
}

/// Step 5: the words of a prepared text, runs of `is_word` characters whose Han/Kana
/// parts are cut into overlapping pairs.
fn cut<'t>(text: &'t str, is_word: impl Fn(char) -> bool, mut f: impl FnMut(&'t str)) {
    for run in text.split(|c: char| !is_word(c)).filter(|w| !w.is_empty()) {
        if run.is_ascii() || !run.chars().any(is_cjk) {
            f(run);
            continue;
        }
        let mut start = 0;
        let mut chars = run.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            let same = chars.peek().is_some_and(|&(_, n)| is_cjk(n) == is_cjk(c));
            if same {
                continue;
            }
            let end = chars.peek().map_or(run.len(), |&(i, _)| i);
            let part = &run[start..end];
            if is_cjk(c) {
                bigrams(part, &mut f);
            } else {
                f(part);
            }
            start = end;
        }
    }
}

/// A Han/Kana run as its overlapping character pairs; one character is itself.
fn bigrams<'t>(run: &'t str, f: &mut impl FnMut(&'t str)) {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    if bounds.len() <= 3 {
        f(run);
        return;
    }
    for w in bounds.windows(3) {
        f(&run[w[0]..w[2]]);
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// English steps 1-4. ASCII text skips the Unicode work.
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase() || b == b'\'') {
            return Cow::Borrowed(text);
        }
        // Byte-wise: going through `chars()` here was a tenth of a big build's search
        // index time.
        let mut folded = text.to_ascii_lowercase();
        if folded.contains('\'') {
            folded.retain(|c| c != '\'');
        }
        return Cow::Owned(folded);
    }
    let mut stripped = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_kana_voicing(c) {
            // Composed back onto the kana before it (が), or dropped like other marks.
            if let Some(composed) = stripped.chars().next_back().and_then(|b| compose(b, c)) {
                stripped.pop();
                stripped.push(composed);
            }
        } else if !is_combining_mark(c) {
            stripped.push(c);
        }
    }
    Cow::Owned(
        stripped
            .to_lowercase()
            .replace('ß', "ss")
            .chars()
            .filter(|&c| !is_apostrophe(c))
            .collect(),
    )
}

fn is_kana_voicing(c: char) -> bool {
    matches!(c, '\u{3099}' | '\u{309A}')
}

/// Steps 1-3 of the other languages: NFKC, lowercase, apostrophes to spaces.
fn prepare_other<'t>(rules: &Rules, text: &'t str) -> Cow<'t, str> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase() || b == b'\'') {
        return Cow::Borrowed(text);
    }
    let composed: String = text.nfkc().collect();
    let composed = if rules.code == "tr" {
        composed.replace('I', "ı").replace('İ', "i")
    } else {
        composed
    };
    Cow::Owned(
        composed
            .to_lowercase()
            .chars()
            .map(|c| if is_apostrophe(c) { ' ' } else { c })
            .collect(),
    )
}

/// Step 7 of the other languages: accents off, except on the language's own letters.
fn fold_word(rules: &Rules, word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() || rules.keep.contains(c) {
            out.push(c);
        } else if c == 'ß' {
            out.push_str("ss");
        } else {
            let mut base: Option<char> = None;
            for d in std::iter::once(c).nfkd() {
                let accent = is_combining_mark(d)
                    && base.is_some_and(|b| {
                        let b = b as u32;
                        b < 0x530 || (0x1E00..0x2000).contains(&b)
                    });
                if !accent {
                    out.push(d);
                }
                if !is_combining_mark(d) {
                    base = Some(d);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        Tokenizer::default().terms(s)
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn stems_and_drops_stop_words() {
        assert_eq!(
            terms("The customers were listening to your apologies"),
            ["custom", "listen", "apolog"]
        );
        assert_eq!(
            terms("Empathy, empathetic; EMPATHISE"),
            ["empathi", "empathet", "empathis"]
        );
    }

    #[test]
    fn folds_case_diacritics_ligatures_and_apostrophes() {
        assert_eq!(terms("Café NAÏVE ﬁnal"), ["cafe", "naiv", "final"]);
        assert_eq!(terms("Don’t can't"), ["dont", "cant"]);
        assert_eq!(terms("Ｆｕｌｌｗｉｄｔｈ"), ["fullwidth"]);
    }

    #[test]
    fn non_latin_words_are_kept_unstemmed() {
        assert_eq!(
            terms("Ελληνικά straße 42nd"),
            ["ελληνικα", "strass", "42nd"]
        );
    }

    fn es(s: &str) -> Vec<String> {
        Tokenizer::for_language("es").terms(s)
    }

    #[test]
    fn other_languages_stem_before_folding() {
        assert_eq!(es("devolución devoluciones Devolución"), ["devolu"; 3]);
        assert_eq!(es("reembolsos reembolso reembolsó"), ["reembols"; 3]);
        assert_eq!(es("el año de la señora"), ["año", "señor"]);
        assert_eq!(es("está esta Está"), Vec::<String>::new());
        let pt = Tokenizer::for_language("pt-BR");
        assert_eq!(pt.language(), "pt");
        assert_eq!(pt.terms("informações informação"), ["inform", "inform"]);
        let fr = Tokenizer::for_language("fr");
        assert_eq!(fr.terms("l'équipe d'accueil"), ["equip", "accueil"]);
        let de = Tokenizer::for_language("de");
        assert_eq!(
            de.terms("Rückerstattung Rückerstattungen Straße"),
            ["ruckerstatt", "ruckerstatt", "strass"]
        );
        let sv = Tokenizer::for_language("sv");
        assert_eq!(
            sv.terms("återbetalning återbetalningar"),
            ["återbetalning"; 2]
        );
        let tr = Tokenizer::for_language("tr");
        assert_eq!(tr.terms("IŞIK İade iade"), ["ışık", "ia", "ia"]);
        let ru = Tokenizer::for_language("ru");
        assert_eq!(
            ru.terms("Возврат ДЕНЕГ, пожалуйста"),
            ["возврат", "денег", "пожалуйст"]
        );
        assert_eq!(Tokenizer::for_language("nb").language(), "no");
        assert_eq!(Tokenizer::for_language("en-GB").language(), "en");
        assert!(Tokenizer::for_language("ja")
            .rules()
            .is_some_and(|r| !r.stems()));
    }

    #[test]
    fn han_and_kana_runs_are_cut_into_pairs() {
        for tok in [
            Tokenizer::default(),
            Tokenizer::for_language("ja"),
            Tokenizer::for_language("es"),
        ] {
            assert_eq!(
                tok.terms("返金の手続き"),
                ["返金", "金の", "の手", "手続", "続き"]
            );
            assert_eq!(tok.terms("退款"), ["退款"]);
            assert_eq!(tok.terms("金 ガイドabc"), ["金", "ガイ", "イド", "abc"]);
            assert_eq!(tok.terms("ｶﾞｲﾄﾞ"), ["ガイ", "イド"]);
        }
        assert_eq!(terms("한국어"), terms("한국어"));
    }

    #[test]
    fn every_stop_list_is_folded_and_nonempty_where_stemmed() {
        for r in LANGUAGES {
            let tok = Tokenizer::for_language(r.code);
            if r.stems() {
                assert!(tok.stop_words().len() >= 8, "{}", r.code);
            }
            for w in tok.stop_words() {
                assert!(tok.term(w).is_none(), "{}: {w}", r.code);
            }
        }
    }

    #[test]
    fn long_words_are_dropped() {
        let long = "a".repeat(MAX_WORD + 1);
        assert_eq!(terms(&format!("{long} ok")), ["ok"]);
    }
}
