//! Decodes HTML bytes to text: byte-order mark, then the transport's charset, then `<meta
//! charset>` / `http-equiv` in the first 1024 bytes, then UTF-8 if valid, else windows-1252 (the
//! WHATWG fallback for Western pages). Decoding itself is `encoding_rs`; only the label lookup
//! order is ours. Text that was already mojibake in the bytes is then repaired by
//! [`crate::mojibake`].

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the document a `<meta>` charset declaration is honoured (as the HTML standard).
const META_PRESCAN_BYTES: usize = 1024;

/// Decodes `bytes`, never failing: malformed sequences become U+FFFD, double-encoded UTF-8 is
/// repaired. Valid, sound UTF-8 is borrowed, not copied.
#[must_use]
pub fn decode_html<'a>(bytes: &'a [u8], transport_charset: Option<&str>) -> Cow<'a, str> {
    let encoding = detect(bytes, transport_charset);
    let (text, _, _) = encoding.decode(bytes);
    match text {
        Cow::Borrowed(text) => crate::mojibake::repair(text),
        Cow::Owned(text) => {
            let repaired = match crate::mojibake::repair(&text) {
                Cow::Owned(repaired) => Some(repaired),
                Cow::Borrowed(_) => None,
            };
            Cow::Owned(repaired.unwrap_or(text))
        }
    }
}

/// The encoding `decode_html` uses for these bytes.
#[must_use]
pub fn detect(bytes: &[u8], transport_charset: Option<&str>) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if let Some(encoding) = transport_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes()))
    {
        return encoding;
    }
    if let Some(encoding) = meta_charset(&bytes[..bytes.len().min(META_PRESCAN_BYTES)]) {
        // A page cannot declare itself UTF-16 in ASCII-compatible bytes; WHATWG maps it to UTF-8.
        return if encoding.is_single_byte() || encoding == UTF_8 {
            encoding
        } else {
            UTF_8
        };
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// Finds `charset=LABEL` inside a `<meta …>` tag.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset=") {
            let value = &tag[cs + 8..];
            let value = value
                .strip_prefix(b"\"")
                .or_else(|| value.strip_prefix(b"'"))
                .unwrap_or(value);
            let label_len = value
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .count();
            if let Some(encoding) = Encoding::for_label(&value[..label_len]) {
                return Some(encoding);
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_stored_with_mojibake_in_its_utf8_bytes_is_repaired() {
        // "’" and "—" read once as Latin-1 and written back as UTF-8 by the site.
        let html = "<meta charset=utf-8><title>An LLC\u{e2}\u{80}\u{99}s name</title><p>a \u{e2}\u{80}\u{94} b";
        let text = decode_html(html.as_bytes(), None);
        assert!(text.contains("An LLC\u{2019}s name"), "{text}");
        assert!(text.contains("a \u{2014} b"), "{text}");
    }

    #[test]
    fn undeclared_broken_utf8_read_as_windows_1252_is_repaired_where_it_was_utf8() {
        // One stray byte makes the page invalid UTF-8, so it is read as windows-1252; its
        // well-formed UTF-8 sequences are then restored.
        let html = b"<p>It doesn\xe2\x80\x99t \xff matter";
        assert!(decode_html(html, None).contains("It doesn\u{2019}t"));
    }

    #[test]
    fn a_meta_charset_is_honoured() {
        let html = b"<html><head><meta charset=\"ISO-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode_html(html, None).contains("café"));
    }

    #[test]
    fn an_http_equiv_declaration_is_honoured() {
        let html = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8";
        assert!(decode_html(html, None).contains("При"));
    }

    #[test]
    fn undeclared_non_utf8_bytes_fall_back_to_windows_1252() {
        assert_eq!(
            decode_html(b"<p>\x93quoted\x94 caf\xe9</p>", None),
            "<p>\u{201c}quoted\u{201d} café</p>"
        );
    }

    #[test]
    fn a_byte_order_mark_beats_a_meta_declaration() {
        let html = b"\xef\xbb\xbf<meta charset=latin1><p>caf\xc3\xa9";
        assert!(decode_html(html, None).contains("café"));
    }

    #[test]
    fn the_transport_charset_beats_sniffing() {
        assert_eq!(decode_html(b"caf\xe9", Some("latin1")), "café");
    }
}
