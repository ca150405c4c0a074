//! Link and image addresses made absolute against the page's base URL; those that lead nowhere
//! (fragments on the same page, `javascript:`) or cannot be resolved are dropped.

use url::Url;

/// `href` as an absolute URL: resolved against `base` when relative; `None` for a fragment of
/// the same page, a script, or a relative address without a base.
#[must_use]
pub fn absolute(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let url = match Url::parse(href) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https" | "mailto" | "tel" | "ftp").then(|| url.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_against_the_base_and_scripts_are_dropped() {
        let base = Url::parse("https://example.com/news/today/story.html").unwrap();
        let base = Some(&base);
        assert_eq!(
            absolute("../archive/1.html", base).as_deref(),
            Some("https://example.com/news/archive/1.html")
        );
        assert_eq!(
            absolute("/about", base).as_deref(),
            Some("https://example.com/about")
        );
        assert_eq!(
            absolute("//cdn.example.org/a.png", base).as_deref(),
            Some("https://cdn.example.org/a.png")
        );
        assert_eq!(absolute("#top", base), None);
        assert_eq!(absolute("javascript:alert(1)", base), None);
        assert_eq!(absolute("/about", None), None);
        assert_eq!(
            absolute("http://other.org/x", None).as_deref(),
            Some("http://other.org/x")
        );
    }
}
