//! Compact text encodings for the search index (documented in docs/search-index.md):
//! unsigned base64 VLQ numbers, delta-coded postings, front-coded dictionaries and a
//! stable content hash for file names.

/// The 64 digits, in the order of RFC 4648 base64. None of them needs escaping in a
/// JavaScript string.
pub const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Appends `n` as an unsigned VLQ: 5 bits per digit, low bits first, the digit's 6th
/// bit (value 32) set when more digits follow. Numbers below 32 take one character.
pub fn push_vlq(out: &mut String, mut n: u64) {
    loop {
        let low = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(DIGITS[low] as char);
            return;
        }
        out.push(DIGITS[low | 32] as char);
    }
}

/// Reads one VLQ number starting at `*pos`, advancing it. `None` on malformed input.
pub fn read_vlq(s: &[u8], pos: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    let mut shift = 0;
    loop {
        let c = *s.get(*pos)?;
        *pos += 1;
        let d = DIGITS.iter().position(|&x| x == c)? as u64;
        n |= (d & 31).checked_shl(shift)?;
        if d < 32 {
            return Some(n);
        }
        shift += 5;
        if shift > 60 {
            return None;
        }
    }
}

/// One chapter's entry in a term's postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// `(tf - 1) << 2 | in_title << 1 | in_heading`; 0 for the common case of a single
    /// occurrence in the body, which then costs no extra digit.
    pub weight: u32,
}

impl Posting {
    pub fn weight(tf: u32, title: bool, heading: bool) -> u32 {
        (tf.clamp(1, 1 << 20) - 1) << 2 | u32::from(title) << 1 | u32::from(heading)
    }
}

/// A term's postings (sorted by `doc`): VLQ(count), then per posting
/// VLQ((doc gap - 1) << 1 | has_weight) and, if has_weight, VLQ(weight).
pub fn push_postings(out: &mut String, postings: &[Posting]) {
    push_vlq(out, postings.len() as u64);
    let mut prev: i64 = -1;
    for p in postings {
        let gap = (i64::from(p.doc) - prev - 1) as u64;
        prev = i64::from(p.doc);
        let has_weight = p.weight != 0;
        push_vlq(out, gap << 1 | u64::from(has_weight));
        if has_weight {
            push_vlq(out, u64::from(p.weight));
        }
    }
}

/// The inverse of [`push_postings`], for tests and tools.
pub fn read_postings(s: &[u8], pos: &mut usize) -> Option<Vec<Posting>> {
    let count = read_vlq(s, pos)?;
    let mut out = Vec::with_capacity(count.min(1 << 16) as usize);
    let mut prev: i64 = -1;
    for _ in 0..count {
        let v = read_vlq(s, pos)?;
        let doc = prev + 1 + (v >> 1) as i64;
        let weight = if v & 1 == 1 { read_vlq(s, pos)? } else { 0 };
        out.push(Posting {
            doc: u32::try_from(doc).ok()?,
            weight: u32::try_from(weight).ok()?,
        });
        prev = doc;
    }
    Some(out)
}

/// Sorted terms, front coded: each term is one digit giving the length of the prefix it
/// shares with the previous term in UTF-16 code units (capped at 63: search.js slices
/// JavaScript strings), then the rest of the term, then `\n`. Terms never contain `\n`
/// (the tokenizer keeps only letters, digits and marks).
pub fn front_code(terms: &[&str]) -> String {
    let mut out = String::new();
    let mut prev = "";
    for t in terms {
        let (bytes, units) = common_prefix(prev, t);
        out.push(DIGITS[units] as char);
        out.push_str(&t[bytes..]);
        out.push('\n');
        prev = t;
    }
    out
}

/// The common prefix of two terms, at most 63 UTF-16 code units and on a character
/// boundary: its length in bytes and in code units.
fn common_prefix(a: &str, b: &str) -> (usize, usize) {
    let (mut bytes, mut units) = (0, 0);
    for (x, y) in a.chars().zip(b.chars()) {
        if x != y || units + x.len_utf16() > 63 {
            break;
        }
        bytes += x.len_utf8();
        units += x.len_utf16();
    }
    (bytes, units)
}

/// The order search.js's binary search expects: by UTF-16 code unit, as JavaScript
/// compares strings (it differs from Rust's byte order only past U+E000).
pub fn js_order(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() || b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The inverse of [`front_code`], for tests and tools.
pub fn front_decode(s: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for line in s.split_terminator('\n') {
        let shared = DIGITS
            .iter()
            .position(|&x| Some(x) == line.bytes().next())?;
        let prev = out.last().map_or("", String::as_str);
        let utf16: Vec<u16> = prev.encode_utf16().take(shared).collect();
        let mut t = String::from_utf16(&utf16).ok()?;
        t.push_str(line.get(1..)?);
        out.push(t);
    }
    Some(out)
}

/// FNV-1a, 64 bits: a stable hash for content-addressed file names (cache busting, not
/// security), printed as 10 hex digits.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{:010x}", h >> 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vlq_round_trips_and_small_numbers_take_one_digit() {
        for n in [0u64, 1, 31, 32, 1000, 1 << 20, u64::from(u32::MAX)] {
            let mut s = String::new();
            push_vlq(&mut s, n);
            let mut pos = 0;
            assert_eq!(read_vlq(s.as_bytes(), &mut pos), Some(n), "{n} as {s}");
            assert_eq!(pos, s.len());
        }
        let mut s = String::new();
        push_vlq(&mut s, 31);
        push_vlq(&mut s, 32);
        assert_eq!(s, "fgB", "31 is one digit, 32 two");
    }

    #[test]
    fn malformed_vlq_is_rejected() {
        assert_eq!(read_vlq(b"g", &mut 0), None, "unterminated");
        assert_eq!(read_vlq(b"!", &mut 0), None, "not a digit");
    }

    #[test]
    fn postings_round_trip_with_gaps_and_weights() {
        let postings = vec![
            Posting { doc: 0, weight: 0 },
            Posting {
                doc: 1,
                weight: Posting::weight(3, true, false),
            },
            Posting {
                doc: 2000,
                weight: 0,
            },
            Posting {
                doc: 2001,
                weight: Posting::weight(1, false, true),
            },
        ];
        let mut s = String::new();
        push_postings(&mut s, &postings);
        let mut pos = 0;
        assert_eq!(read_postings(s.as_bytes(), &mut pos), Some(postings));
        assert_eq!(pos, s.len());
    }

    #[test]
    fn consecutive_single_occurrences_cost_one_digit_each() {
        let postings: Vec<Posting> = (0..10).map(|doc| Posting { doc, weight: 0 }).collect();
        let mut s = String::new();
        push_postings(&mut s, &postings);
        assert_eq!(s, "KAAAAAAAAAA", "count 10, then ten gaps of zero");
    }

    #[test]
    fn front_coding_round_trips() {
        let terms = ["care", "careful", "carer", "émigré", "émigrés", "zone"];
        let coded = front_code(&terms);
        assert!(coded.starts_with("Acare\nEful\nEr\n"), "{coded}");
        assert_eq!(front_decode(&coded).unwrap(), terms);
    }

    #[test]
    fn hash_is_stable_and_content_dependent() {
        assert_eq!(content_hash(&[b"abc"]), content_hash(&[b"a", b"bc"]));
        assert_ne!(content_hash(&[b"abc"]), content_hash(&[b"abd"]));
        assert_eq!(content_hash(&[b""]).len(), 10);
    }
}
