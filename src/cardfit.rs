//! Whether a chapter's desk card fits one printed page, and at which type size: part of
//! the analysis (a card that cannot fit is an error in the chapter), used by the card
//! pages, print and packs.

use crate::book::Chapter;
use crate::diag::{Diagnostic, LineIndex, Pos};
use crate::markdown::{ChecklistItem, Rendered};

/// Printable card area, in points, that fits both A4 and US Letter with 12 mm margins:
/// the narrower width (A4) and the shorter height (Letter), less the page-number margin.
const CARD_WIDTH_PT: f64 = 186.0 * MM;
const CARD_HEIGHT_PT: f64 = 246.0 * MM;
/// Two cards per sheet: each takes half the height, less the cutting gap.
const HALF_HEIGHT_PT: f64 = 117.0 * MM;
const MM: f64 = 72.0 / 25.4;
/// Type sizes tried from largest to smallest; 9 pt is the floor for a readable card.
const SIZES: [f64; 10] = [16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.5, 10.0, 9.5, 9.0];
/// Average glyph width of the card font (DejaVu Sans / system sans), in ems.
const CHAR_EM: f64 = 0.56;
/// Estimates keep this share of the page free, so rounding never tips a card over.
const SAFETY: f64 = 0.9;

/// The type sizes a card prints at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardFit {
    pub full_pt: f64,
    /// `None` when the card needs a whole sheet even in two-per-sheet layout.
    pub half_pt: Option<f64>,
}

/// What the estimate needs to know about a card's text, in characters.
struct Measure {
    title: usize,
    when: usize,
    do_items: Vec<usize>,
    avoid_items: Vec<usize>,
    /// Warning and caution boxes above the columns.
    callouts: Vec<usize>,
}

impl Measure {
    fn new(title: &str, when: &str, list: &crate::markdown::Checklist) -> Self {
        // A critical item is bold (about a tenth wider) behind a two-character sign.
        let chars = |items: &[ChecklistItem]| {
            items
                .iter()
                .map(|i| {
                    let n = i.text.chars().count();
                    if i.critical {
                        n + n.div_ceil(10) + 2
                    } else {
                        n
                    }
                })
                .collect()
        };
        Measure {
            title: title.chars().count(),
            when: when.chars().count(),
            do_items: chars(&list.do_items),
            avoid_items: chars(&list.avoid_items),
            callouts: list
                .callouts
                .iter()
                .map(|c| c.text.chars().count())
                .collect(),
        }
    }

    /// Estimated height in points at type size `fs`; mirrors the card CSS in carebook.css.
    fn height(&self, fs: f64) -> f64 {
        let lines = |chars: usize, width: f64, size: f64| {
            ((chars as f64 * CHAR_EM * size) / width).ceil().max(1.0)
        };
        let title = lines(self.title, CARD_WIDTH_PT, 1.6 * fs) * 1.6 * fs * 1.2;
        let when = if self.when == 0 {
            0.0
        } else {
            lines(self.when, CARD_WIDTH_PT, fs) * fs * 1.4
        };
        let header = 1.3 * fs + title + when + 1.2 * fs;
        let col_width = (CARD_WIDTH_PT - 8.0 * MM) / 2.0 - 1.7 * fs;
        let column = |items: &[usize]| {
            1.25 * fs * 1.3
                + 0.5 * fs
                + items
                    .iter()
                    .map(|&c| lines(c, col_width, fs) * fs * 1.35 + 0.55 * fs)
                    .sum::<f64>()
        };
        let footer = 0.8 * fs * 1.3 + 1.5 * fs;
        // Each box: its title line, its text across the card, padding and margin.
        let callouts: f64 = self
            .callouts
            .iter()
            .map(|&c| 1.35 * fs + lines(c, CARD_WIDTH_PT - 8.0 * MM, fs) * fs * 1.35 + 1.6 * fs)
            .sum();
        header + callouts + column(&self.do_items).max(column(&self.avoid_items)) + footer
    }

    fn largest_fitting(&self, budget: f64) -> Option<f64> {
        SIZES
            .into_iter()
            .find(|&fs| self.height(fs) <= budget * SAFETY)
    }

    /// How many of the longest items must go for the card to fit at the floor size.
    fn items_to_cut(mut self) -> usize {
        let mut cut = 0;
        while self.largest_fitting(CARD_HEIGHT_PT).is_none() {
            let longer = if self.do_items.len() >= self.avoid_items.len() {
                &mut self.do_items
            } else {
                &mut self.avoid_items
            };
            if longer.is_empty() {
                break;
            }
            let max = longer
                .iter()
                .enumerate()
                .max_by_key(|(_, c)| **c)
                .map_or(0, |(i, _)| i);
            longer.remove(max);
            cut += 1;
        }
        cut
    }
}

/// One chapter's card; `None` without a card or checklist, an error when it cannot fit.
pub fn fit(ch: &Chapter, r: &Rendered) -> Result<Option<CardFit>, Diagnostic> {
    let Some(details) = ch.card.as_ref() else {
        return Ok(None);
    };
    if r.checklist.is_empty() {
        return Ok(None);
    }
    let measure = Measure::new(
        card_title(ch),
        details.when.as_deref().unwrap_or(""),
        &r.checklist,
    );
    match measure.largest_fitting(CARD_HEIGHT_PT) {
        Some(full_pt) => Ok(Some(CardFit {
            full_pt,
            half_pt: measure.largest_fitting(HALF_HEIGHT_PT),
        })),
        None => Err(too_long(ch, r, measure)),
    }
}

fn too_long(ch: &Chapter, r: &Rendered, measure: Measure) -> Diagnostic {
    let pos = r.checklist.offset.map_or(Pos::new(1, 1), |o| {
        LineIndex::new(&ch.text).pos(ch.body_start + o)
    });
    let total = measure.do_items.len() + measure.avoid_items.len();
    let cut = measure.items_to_cut();
    Diagnostic::error(&ch.path, pos, format!("the desk card for “{}” does not fit on one printed page, even in 9 pt type ({total} items)", ch.title))
        .with_hint(format!("cut about {cut} item(s) or shorten the longest ones; a card reads best with 3-6 short items per column"))
}

pub fn card_title(ch: &Chapter) -> &str {
    ch.card
        .as_ref()
        .and_then(|c| c.title.as_deref())
        .unwrap_or(&ch.title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(title: usize, items: &[usize]) -> Measure {
        Measure {
            title,
            when: 20,
            do_items: items.to_vec(),
            avoid_items: items.to_vec(),
            callouts: Vec::new(),
        }
    }

    #[test]
    fn short_cards_print_large() {
        assert_eq!(
            measure(20, &[40; 5]).largest_fitting(CARD_HEIGHT_PT),
            Some(16.0)
        );
    }

    #[test]
    fn long_cards_shrink_but_not_below_nine_points() {
        let fs = measure(40, &[85; 14])
            .largest_fitting(CARD_HEIGHT_PT)
            .unwrap();
        assert!((9.0..16.0).contains(&fs), "{fs}");
        assert_eq!(measure(40, &[85; 60]).largest_fitting(CARD_HEIGHT_PT), None);
    }

    #[test]
    fn items_to_cut_makes_it_fit() {
        let m = measure(40, &[85; 60]);
        let cut = m.items_to_cut();
        assert!(cut > 0 && cut < 120, "{cut}");
        let mut fitted = measure(40, &[85; 60]);
        for _ in 0..cut {
            let longer = if fitted.do_items.len() >= fitted.avoid_items.len() {
                &mut fitted.do_items
            } else {
                &mut fitted.avoid_items
            };
            longer.pop();
        }
        assert!(fitted.largest_fitting(CARD_HEIGHT_PT).is_some());
    }

    #[test]
    fn half_sheets_need_smaller_type() {
        let m = measure(20, &[60; 6]);
        let full = m.largest_fitting(CARD_HEIGHT_PT).unwrap();
        let half = m.largest_fitting(HALF_HEIGHT_PT).unwrap();
        assert!(half < full, "{half} < {full}");
    }
}
