//! Repairs UTF-8 text that was decoded once as Latin-1 or windows-1252 and stored again as
//! UTF-8 ("LLCâ\u{80}\u{99}s", "doesnâ€™t"): a crawler or CMS misread the page and the
//! mojibake is now in the bytes, so no charset choice can undo it.
//!
//! Hand-written because no maintained Rust crate does this (ftfy is Python); we do only ftfy's
//! core step, and only where it is certain. A page is repaired when it holds at least one
//! sequence that decodes as UTF-8 *and* has a continuation byte in 0x80–0x9F — a C1 control
//! character or a windows-1252 letter such as "€" or "™" right after "â" or "Ã", which real
//! text never writes. Then every sequence of that page that decodes as UTF-8 is replaced by its
//! character; a page with no such evidence is returned as it is (borrowed, not copied).

use std::borrow::Cow;

/// The windows-1252 characters at bytes 0x80–0x9F (`None` where windows-1252 leaves a byte
/// undefined: a C1 control then stands for itself).
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The text with its double-encoded sequences decoded, when it holds any (see the module doc).
#[must_use]
pub fn repair(text: &str) -> Cow<'_, str> {
    if !has_evidence(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((decoded, width, _)) = sequence_at(rest) {
            out.push(decoded);
            rest = &rest[width..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Cow::Owned(out)
}

/// Whether some sequence of `text` is certainly mojibake (a continuation byte in 0x80–0x9F).
/// Every lead of a misread sequence ("Â".."ô") is written 0xC3 0x82..0xB4 in UTF-8, so only
/// those bytes are looked at.
fn has_evidence(text: &str) -> bool {
    memchr::memchr_iter(0xC3, text.as_bytes())
        .any(|at| sequence_at(&text[at..]).is_some_and(|(_, _, certain)| certain))
}

/// The character that the misread sequence opening `text` stood for, how many bytes of `text`
/// it spans, and whether one of its continuation bytes is in 0x80–0x9F.
fn sequence_at(text: &str) -> Option<(char, usize, bool)> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let lead = u8::try_from(u32::from(first)).ok()?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut width = first.len_utf8();
    let mut certain = false;
    for slot in bytes.iter_mut().take(len).skip(1) {
        let c = chars.next()?;
        let byte = original_byte(c)?;
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        certain |= byte < 0xA0;
        width += c.len_utf8();
        *slot = byte;
    }
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    Some((decoded, width, certain))
}

/// The byte that Latin-1 or windows-1252 decoded as `c`, if any.
fn original_byte(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(u32::from(c)) {
        return (b >= 0x80).then_some(b);
    }
    let at = WINDOWS_1252_HIGH.iter().position(|w| *w == Some(c))?;
    u8::try_from(0x80 + at).ok()
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn text_read_as_latin_1_and_stored_again_is_decoded() {
        let broken = "the LLC\u{e2}\u{80}\u{99}s name \u{e2}\u{80}\u{94} and caf\u{c3}\u{a9}";
        assert_eq!(repair(broken), "the LLC\u{2019}s name \u{2014} and caf\u{e9}");
    }

    #[test]
    fn text_read_as_windows_1252_and_stored_again_is_decoded() {
        assert_eq!(
            repair("It doesn\u{e2}\u{20ac}\u{2122}t matter \u{e2}\u{20ac}\u{201c} really"),
            "It doesn\u{2019}t matter \u{2013} really"
        );
    }

    #[test]
    fn sound_text_with_accented_letters_is_left_borrowed() {
        let text = "Ça coûte 5 € à Zürich — «Âge» and Ãrbol";
        assert!(matches!(repair(text), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_page_without_certain_evidence_keeps_pairs_that_only_look_like_mojibake() {
        // "Ã©" alone could be mojibake of "é", but nothing on the page proves it.
        let text = "Ã© is not repaired on its own";
        assert_eq!(repair(text), text);
    }

    #[test]
    fn a_misread_euro_sign_is_restored() {
        assert_eq!(repair("Only \u{e2}\u{82}\u{ac}150 left"), "Only €150 left");
    }
}
