//! Which way a language's text runs. Pages in a right-to-left language get
//! `<html dir="rtl">`, and the theme's CSS (written with logical properties: margin-inline-start,
//! inset-inline-end, text-align: start) mirrors the whole layout from that one attribute.

use serde::Serialize;

/// The writing direction of a page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Languages written right to left (ISO 639-1 where there is a code, else 639-3): Arabic,
/// Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Central Kurdish; `iw`
/// and `ji` are Hebrew's and Yiddish's withdrawn codes, which older systems still send.
const RTL: &[&str] = &[
    "ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "ji", "dv", "ckb", "arz", "prs", "syr",
];

/// Scripts that run right to left, for tags that name one (`az-Arab`, `pa-Arab`, `ku-Arab`).
const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];

/// The direction of the BCP 47 tag `code` (`ar`, `ar-EG`, `he_IL`, `AR`, `az-Arab`).
/// A script subtag decides when there is one (`ur-Latn` is written left to right, Azeri in
/// Arabic script right to left); otherwise the language does. Unknown codes are left to right.
pub fn direction(code: &str) -> Direction {
    let mut parts = code.trim().split(['-', '_']).filter(|p| !p.is_empty());
    let Some(lang) = parts.next() else {
        return Direction::Ltr;
    };
    // The script subtag is the first one of four letters after the language.
    if let Some(script) = parts.find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()))
    {
        let script = script.to_ascii_lowercase();
        return if RTL_SCRIPTS.contains(&script.as_str()) {
            Direction::Rtl
        } else {
            Direction::Ltr
        };
    }
    if RTL.iter().any(|r| r.eq_ignore_ascii_case(lang)) {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

impl Direction {
    /// The value for an `<html dir>` attribute: only right to left needs one, since left to
    /// right is HTML's default (so English pages stay as they were).
    pub fn html_attr(self) -> Option<&'static str> {
        match self {
            Direction::Rtl => Some("rtl"),
            Direction::Ltr => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages_with_and_without_regions() {
        for code in [
            "ar",
            "ar-EG",
            "AR_sa",
            "he",
            "he-IL",
            "iw",
            "fa",
            "fa-IR",
            "ur",
            "ps",
            "sd",
            "ug",
            "yi",
            "dv",
            "ckb",
            "ckb-IQ",
            "az-Arab",
            "pa-Arab-PK",
        ] {
            assert_eq!(direction(code), Direction::Rtl, "{code}");
        }
    }

    #[test]
    fn left_to_right_languages_and_odd_codes() {
        for code in [
            "en", "en-GB", "fr", "de", "tr", "hi", "ja", "zh-Hant", "ur-Latn", "sd-Deva", "", "-",
            " ", "arabic", "a", "ark",
        ] {
            assert_eq!(direction(code), Direction::Ltr, "{code:?}");
        }
    }

    #[test]
    fn only_right_to_left_gets_an_attribute() {
        assert_eq!(Direction::Rtl.html_attr(), Some("rtl"));
        assert_eq!(Direction::Ltr.html_attr(), None);
    }
}
