//! Decides the article's language (ISO 639-1): text detection by `whatlang`, with the markup's or
//! sender's declaration as the fallback when detection is unsure.

use isolang::Language;

/// How much text detection looks at; more adds time, not accuracy. 2,048 bytes (about 350
/// words) gave the same language as 4,096 on all 249 regression inputs (every sixth wcxb-dev
/// page, the gum-news texts, the seed) and on readability-pages (73 of 73 right), and cut the
/// stage from 0.30 to 0.23 ms on a 771-word news text.
const SAMPLE_BYTES: usize = 2048;

/// The language of `text`, or of `hint` when detection is not reliable.
#[must_use]
pub fn detect(text: &str, hint: Option<&str>) -> Option<String> {
    let hint = hint.and_then(normalize_hint);
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let english = |info: &whatlang::Info| info.lang() == whatlang::Lang::Eng;
    let whole = whatlang::detect(sample);
    let detected = match whole {
        // The common case, read once: a reliable English reading of the whole text stands.
        Some(w) if w.is_reliable() && english(&w) => Some(w),
        whole => {
            let ordinary = ordinary_words(sample);
            let of_ordinary = (ordinary.split_whitespace().count() >= MIN_ORDINARY_WORDS)
                .then(|| whatlang::detect(&ordinary))
                .flatten();
            match (whole, of_ordinary) {
                (_, Some(o)) if english(&o) => Some(o),
                (Some(w), _) if w.is_reliable() => Some(w),
                (w, o) => o.or(w),
            }
        }
    };
    let detected = detected.and_then(|info| {
        let code = Language::from_639_3(info.lang().code())?
            .to_639_1()?
            .to_owned();
        // Placeholder text ("Lorem ipsum …") is what detects as Latin; no news is in Latin, so a
        // Latin detection never overrides a declared language.
        let reliable = info.is_reliable() && info.lang() != whatlang::Lang::Lat;
        Some((code, reliable))
    });
    match (detected, hint) {
        (Some((code, true)), _) => Some(code),
        (_, Some(hint)) => Some(hint),
        _ if reads_as_english(sample) => Some("en".to_owned()),
        (Some((code, false)), None) if text.split_whitespace().count() >= 5 => Some(code),
        _ => None,
    }
}

/// English words that no other language written in Latin letters uses as one of its own common
/// words ("was", "will", "die", "in", "is", "for" and "to" are left out for that reason).
const ENGLISH_FUNCTION_WORDS: [&str; 40] = [
    "the", "and", "of", "that", "it", "with", "he", "she", "they", "we", "you", "be", "by",
    "from", "this", "have", "has", "had", "said", "says", "would", "not", "but", "are", "were",
    "been", "which", "who", "their", "its", "after", "about", "could", "than", "also", "his",
    "there", "what", "when", "into",
];

/// The fewest different English function words, and their least share of the words, for a
/// text that no detection reads reliably to be English.
const MIN_FUNCTION_WORDS: usize = 2;
const MIN_FUNCTION_SHARE: f64 = 0.2;

/// Whether a text too short for `whatlang` to be sure of is English by its function words
/// ("The bank said it would cut 400 jobs in Wales." reads as Afrikaans, "Rain stopped play
/// after lunch." as German): a review, an e-mail or a one-line story is often that short.
fn reads_as_english(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let hits: Vec<&String> = words
        .iter()
        .filter(|w| ENGLISH_FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    let mut distinct = hits.clone();
    distinct.sort();
    distinct.dedup();
    distinct.len() >= MIN_FUNCTION_WORDS
        && hits.len() as f64 >= MIN_FUNCTION_SHARE * words.len() as f64
}

/// The fewest words without a capital that are read on their own.
const MIN_ORDINARY_WORDS: usize = 4;

/// The words of `text` that open with no capital and no digit: names, initialisms and
/// figures say nothing of the language a story is written in, and a wire story of Dutch or
/// Spanish club names ("Feyenoord 3 Vitesse Arnhem 0") reads as Afrikaans to a detector that
/// counts them. English read in these words wins over the whole text's other language; a
/// reliable English reading of the whole text stands (a short English story's ordinary words
/// alone may read as French); any other language needs the whole text's reliable reading or
/// these words' own.
fn ordinary_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_uppercase() || first.is_numeric() {
            continue;
        }
        out.push_str(word);
        out.push(' ');
    }
    out
}

/// "en-US" → "en"; anything that is not a two-letter primary subtag is ignored.
fn normalize_hint(hint: &str) -> Option<String> {
    let primary = hint.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_text_is_english() {
        let text = "The government announced on Tuesday that it would raise taxes on large companies next year.";
        assert_eq!(detect(text, None).as_deref(), Some("en"));
    }

    #[test]
    fn a_short_english_text_that_detection_is_unsure_of_is_english() {
        for text in [
            "The bank said it would cut 400 jobs in Wales and Scotland.",
            "Great food and the staff were friendly, would go back.",
        ] {
            assert_eq!(detect(text, None).as_deref(), Some("en"), "{text}");
        }
    }

    #[test]
    fn short_texts_in_other_languages_are_not_made_english() {
        for text in [
            "Die bank het gesê hy sal werk sny.",
            "El banco dijo que recortará empleos en Gales.",
            "De minister is dinsdag afgetreden, zei een woordvoerder.",
        ] {
            assert_ne!(detect(text, None).as_deref(), Some("en"), "{text}");
        }
    }

    #[test]
    fn spanish_text_beats_a_wrong_hint() {
        let text = "El gobierno anunció el martes que subirá los impuestos a las grandes empresas el próximo año.";
        assert_eq!(detect(text, Some("en")).as_deref(), Some("es"));
    }

    #[test]
    fn placeholder_latin_does_not_override_the_markup() {
        let text = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et justo duo dolores et ea rebum.";
        assert_eq!(
            whatlang::detect(text).map(|i| (i.lang(), i.is_reliable())),
            Some((whatlang::Lang::Lat, true))
        );
        assert_eq!(detect(text, Some("en")).as_deref(), Some("en"));
    }

    #[test]
    fn a_results_story_of_foreign_names_is_english() {
        let text = "SOCCER - VELDORIAN FIRST DIVISION RESULTS.\n\nMADRID 2026-12-01\n\nResults of \
                    Veldorian first division matches on Sunday:\n\nValverde 2 (Ronaldo Mendes 23, \
                    Pablo Irurzun 78) Castellon 1 (Diego Salas 12)\n\nOviedo 0 Tenerife 0\n\n\
                    Division two: Elche 3 Lleida 1, Burgos 1 Zamora 2\n\nPlayed on Saturday: \
                    Mallorca 4 Getafe 2";
        assert_eq!(detect(text, None).as_deref(), Some("en"));
    }

    #[test]
    fn a_results_table_with_a_short_english_lead_is_english() {
        let text = "SOCCER - VELDORIAN RESULTS.\n\nMARVENTO 2026-08-31\n\nResults of Veldorian \
                    first division matches on Saturday:\n\nAjax Amsterdam 2 PSV Eindhoven 1\n\n\
                    Feyenoord 3 Vitesse Arnhem 0\n\nNAC Breda 1 Roda JC Kerkrade 1";
        assert_eq!(detect(text, None).as_deref(), Some("en"));
    }

    #[test]
    fn a_short_story_reliably_english_stays_english() {
        let text = "The opposition Social Democrats won a key parliamentary vote on Monday.\n\n\
                    Rival Nordmart reported lower sales last week. Analysts said Nordmart would \
                    cut prices.\n";
        assert_eq!(detect(text, None).as_deref(), Some("en"));
    }

    #[test]
    fn german_nouns_left_out_still_leave_german() {
        let text = "Die Bundesregierung hat am Dienstag angekündigt, dass sie im nächsten Jahr die \
                    Steuern für große Unternehmen erhöhen wird, sagte ein Sprecher in Berlin.";
        assert_eq!(detect(text, None).as_deref(), Some("de"));
    }

    #[test]
    fn a_hint_decides_when_there_is_too_little_text() {
        assert_eq!(detect("OK", Some("de-AT")).as_deref(), Some("de"));
        assert_eq!(detect("", None), None);
    }
}
