//! Reads an already-scraped plain-text article: title line, paragraphs, heading lines, and the
//! page boilerplate that scrapers leave at either end (app-install prompts, share and scroll
//! widgets, cookie notices). Hand-written: no crate models the layout of scraped article text.
//! Every rule is general — line shape plus interface vocabulary — never a known string.

use super::body::{Block, BlockKind, Body, PageMetadata, normalize_whitespace};

/// Splits the text into paragraphs, finds the title and headings, and trims edge boilerplate.
#[must_use]
pub fn read(text: &str) -> Body {
    let mut paragraphs = split_paragraphs(text);
    trim_boilerplate(&mut paragraphs);
    let mut raw_title = None;
    let title = match paragraphs.first() {
        Some(first)
            if paragraphs.len() > 1
                && looks_like_title(first)
                && crate::dateline::dateline_line(first).is_none() =>
        {
            let title = strip_symbols(first);
            raw_title = Some(paragraphs.remove(0));
            Some(title).filter(|t| !t.is_empty())
        }
        _ => None,
    };
    trim_boilerplate(&mut paragraphs);
    let kinds: Vec<BlockKind> = (0..paragraphs.len())
        .map(|i| {
            // A wire story's dateline line ("LONDON 2026-11-28") opens its text; it heads nothing.
            if looks_like_heading(&paragraphs[i])
                && next_is_body(&paragraphs, i)
                && crate::dateline::dateline_line(&paragraphs[i]).is_none()
            {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            }
        })
        .collect();
    let blocks = paragraphs
        .into_iter()
        .zip(kinds)
        .map(|(text, kind)| Block::plain(kind, text))
        .collect();
    Body {
        title,
        blocks,
        language_hint: None,
        meta: PageMetadata::default(),
        readable: true,
        raw_title,
        base_url: None,
        next_page: None,
    }
}

/// Paragraphs are separated by blank lines; text with no blank line has one paragraph per line.
fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // The newline that ends a file is no blank line.
    let text = text.trim_end();
    let has_blank_lines = text
        .split('\n')
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| !w[0].trim().is_empty() && w[1].trim().is_empty());
    let chunks: Vec<String> = if has_blank_lines {
        let mut chunks = Vec::new();
        let mut current = String::new();
        for line in text.split('\n') {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    chunks.push(std::mem::take(&mut current));
                }
            } else {
                current.push_str(line);
                current.push('\n');
            }
        }
        if !current.is_empty() {
            chunks.push(current);
        }
        chunks
    } else {
        text.split('\n').map(str::to_owned).collect()
    };
    chunks
        .iter()
        .flat_map(|c| {
            // A list or table ("Wheat: 1,200 tons", "- item") keeps one block per line; other
            // multi-line chunks are hard-wrapped paragraphs.
            let lines: Vec<&str> = c.lines().filter(|l| !l.trim().is_empty()).collect();
            if lines.len() >= 2 && lines.iter().all(|l| is_list_line(l)) {
                lines
                    .into_iter()
                    .map(normalize_whitespace)
                    .collect::<Vec<_>>()
            } else {
                vec![normalize_whitespace(c)]
            }
        })
        .filter(|c| c.chars().any(char::is_alphanumeric))
        .collect()
}

/// A list or table line: a bullet, or a short label before a colon.
fn is_list_line(line: &str) -> bool {
    let line = line.trim();
    line.starts_with(['-', '•', '*', '–'])
        || line
            .find(": ")
            .is_some_and(|p| p <= 40 && line[..p].split_whitespace().count() <= 4)
}

/// Pictographs, flags and joiners that decorate titles but are not part of them.
fn is_decoration(c: char) -> bool {
    matches!(c as u32,
        0x1F1E6..=0x1F1FF   // regional indicators (flags)
        | 0x1F300..=0x1FAFF // pictographs, emoticons, symbols
        | 0x2600..=0x27BF   // miscellaneous symbols, dingbats
        | 0x2B00..=0x2BFF   // arrows, stars
        | 0xFE00..=0xFE0F   // variation selectors
        | 0x200D            // zero-width joiner
        | 0xE0020..=0xE007F // tag characters (subdivision flags)
    ) || matches!(c, '•' | '►' | '▶' | '|' | '#' | '*')
}

/// Removes leading and trailing decoration (flag emoji, bullets) and collapses whitespace.
fn strip_symbols(s: &str) -> String {
    let trimmed = s.trim_matches(|c: char| is_decoration(c) || c.is_whitespace());
    normalize_whitespace(trimmed)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The last visible character, looking through closing quotes and brackets.
fn ends_with_sentence_punctuation(s: &str) -> bool {
    let trimmed = s.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']') || c.is_whitespace()
    });
    trimmed.ends_with(['.', '!', '?', '…', ';', ':', ','])
}

fn starts_with_capital_or_digit(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric() || matches!(c, '“' | '"' | '‘' | '\''))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
}

/// A title is one short line that does not read as a sentence.
fn looks_like_title(p: &str) -> bool {
    let stripped = strip_symbols(p);
    let words = word_count(&stripped);
    (1..=30).contains(&words)
        && stripped.chars().count() <= 250
        && starts_with_capital_or_digit(&stripped)
        && !stripped.trim_end().ends_with(['.', ',', ';'])
        && !is_boilerplate(&stripped)
}

/// A heading is a short line without sentence punctuation at its end, and not a table line
/// ("Farm incomes: $2.4 billion").
fn looks_like_heading(p: &str) -> bool {
    if p.split_once(": ")
        .is_some_and(|(_, value)| value.chars().any(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let words = word_count(p);
    (1..=14).contains(&words)
        && p.chars().count() <= 120
        && starts_with_capital_or_digit(p)
        && !ends_with_sentence_punctuation(p)
}

/// A heading must introduce body text: the next paragraph exists and reads as prose.
fn next_is_body(paragraphs: &[String], i: usize) -> bool {
    paragraphs.get(i + 1).is_some_and(|next| {
        !looks_like_heading(next) && word_count(next) > word_count(&paragraphs[i])
    })
}

/// Interface vocabulary that marks page chrome rather than reporting. Strong cues mark a short
/// line on their own; weak ones only in company.
const STRONG_CUES: [&str; 22] = [
    "install",
    "pwa",
    "app",
    "apps",
    "scroll",
    "subscribe",
    "subscribed",
    "newsletter",
    "cookie",
    "cookies",
    "login",
    "signup",
    "sign-up",
    "download",
    "advertisement",
    "sponsored",
    "share",
    "tweet",
    "whatsapp",
    "copyright",
    "©",
    "unsubscribe",
];
const WEAK_CUES: [&str; 28] = [
    "top",
    "browser",
    "click",
    "tap",
    "home",
    "screen",
    "icon",
    "menu",
    "follow",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "telegram",
    "email",
    "print",
    "comments",
    "comment",
    "skip",
    "ios",
    "android",
    "macos",
    "dock",
    "notifications",
    "accept",
    "privacy",
    "rights",
    "reserved",
];

/// Counts strong and weak interface cues among the words of `p`, up to one word past
/// [`MAX_BOILERPLATE_WORDS`].
fn cue_counts(p: &str) -> (usize, usize, usize) {
    let mut strong = 0;
    let mut weak = 0;
    let mut words = 0;
    for raw in p.split(|c: char| c.is_whitespace() || c == '/') {
        if words > MAX_BOILERPLATE_WORDS {
            // Past this no count changes the answer: stop reading a long paragraph.
            break;
        }
        let word: String = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '-')
            .to_lowercase();
        if word.is_empty() {
            continue;
        }
        words += 1;
        if STRONG_CUES.contains(&word.as_str()) {
            strong += 1;
        } else if WEAK_CUES.contains(&word.as_str()) {
            weak += 1;
        }
    }
    (strong, weak, words)
}

/// The most words a boilerplate paragraph has; a longer one is never boilerplate.
const MAX_BOILERPLATE_WORDS: usize = 80;

/// Page chrome: a short UI line ("Scroll to top", "Share this", "Back to top"), or an instruction paragraph
/// dense with interface words (an app-install prompt, a cookie notice).
pub(crate) fn is_boilerplate(p: &str) -> bool {
    let (strong, weak, words) = cue_counts(p);
    let short_ui_line = !ends_with_sentence_punctuation(p)
        && ((words <= 8 && (strong >= 1 || weak >= 2)) || (words <= 4 && weak >= 1));
    let dense_instructions =
        words <= MAX_BOILERPLATE_WORDS && strong >= 1 && (strong + weak) >= 4 && (strong + weak) * 8 >= words;
    short_ui_line || dense_instructions
}

/// Drops boilerplate paragraphs from both ends (never from the middle of the article).
fn trim_boilerplate(paragraphs: &mut Vec<String>) {
    while paragraphs.last().is_some_and(|p| is_boilerplate(p)) {
        paragraphs.pop();
    }
    let leading = paragraphs.iter().take_while(|p| is_boilerplate(p)).count();
    paragraphs.drain(..leading);
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "🇫🇷 Rail Strike Halts Trains Across France\n\nPARIS — Unions walked out on Tuesday, halting most trains.\n\nWhat Comes Next\n\nTalks resume on Friday, the ministry said.\n\nShare this article\n\nGet our app: tap the share icon in your browser and add it to your home screen for notifications\n\nBack to top";

    #[test]
    fn the_first_short_line_is_the_title_without_its_flag_emoji() {
        assert_eq!(
            read(ARTICLE).title.as_deref(),
            Some("Rail Strike Halts Trains Across France")
        );
    }

    #[test]
    fn trailing_interface_lines_are_cut() {
        let body = read(ARTICLE);
        let text = body.text();
        assert!(text.ends_with("the ministry said."), "{text}");
    }

    #[test]
    fn a_short_line_before_prose_is_a_heading() {
        let body = read(ARTICLE);
        assert_eq!(body.sections().len(), 1);
        assert_eq!(body.sections()[0].heading, "What Comes Next");
    }

    #[test]
    fn a_quoted_heading_ending_in_a_quote_mark_is_still_a_heading() {
        assert!(looks_like_heading("Minister Hits Back: “We Were Misled”"));
        assert!(!looks_like_heading("“We were misled,” she said."));
    }

    #[test]
    fn prose_that_mentions_apps_is_not_boilerplate() {
        assert!(!is_boilerplate(
            "The ministry said the new app had been downloaded two million times since its launch in March, far more than expected."
        ));
        assert!(is_boilerplate("Scroll to Top"));
        assert!(is_boilerplate(
            "We use cookies to improve your experience. Accept cookies or manage your privacy settings in the menu."
        ));
    }

    #[test]
    fn boilerplate_in_the_middle_is_left_alone() {
        let body =
            read("Title Here\n\nFirst paragraph of news.\n\nShare this\n\nLast paragraph of news.");
        assert_eq!(body.blocks.len(), 3);
    }

    #[test]
    fn text_without_blank_lines_has_one_paragraph_per_line() {
        let body = read("A Headline\nFirst sentence here.\nSecond one here.");
        assert_eq!(body.title.as_deref(), Some("A Headline"));
        assert_eq!(body.blocks.len(), 2);
    }

    #[test]
    fn the_newline_ending_a_file_does_not_join_its_lines_into_one_paragraph() {
        let body = read("A Headline\nFirst sentence here.\nSecond one here.\n");
        assert_eq!(body.title.as_deref(), Some("A Headline"));
        assert_eq!(body.blocks.len(), 2);
    }

    #[test]
    fn a_dateline_line_is_neither_the_title_nor_a_heading() {
        let first = read("MARVENTO, Veldoria 2026-06-14\n\nThe council met on Sunday to vote.");
        assert_eq!(first.title, None);
        let body = read(
            "Council votes\n\nMARVENTO, Veldoria 2026-06-14\n\nThe council met on Sunday to vote.",
        );
        assert_eq!(body.title.as_deref(), Some("Council votes"));
        assert!(body.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn table_lines_stay_separate_blocks() {
        let body =
            read("Harvest Figures\n\nWheat: 1,200 tons\nBarley: 340 tons\n\nThe agency said so.");
        assert_eq!(body.blocks.len(), 3);
    }

    #[test]
    fn a_single_paragraph_has_no_title() {
        let body = read("Just one line of text");
        assert_eq!(body.title, None);
        assert_eq!(body.blocks.len(), 1);
    }
}
