//! Quantities: numbers with their scale ("30 billion"), unit or currency ("2,700 tons", "$4.5
//! million", "12%") and the thing counted ("ground battles", "cocaine"). Years and dates are
//! left out. Hand-written: a few dozen token rules, no crate models "what is counted".

use serde::{Deserialize, Serialize};

use super::tokens::{Token, TokenKind};

/// One quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Quantity {
    /// The quantity as written ("2,700 tons").
    pub text: String,
    pub value: f64,
    /// Unit of measure or currency (ISO 4217 for currencies), if any.
    pub unit: Option<String>,
    /// What is counted, if said.
    pub item: Option<String>,
    /// Character offsets (converted by the caller from bytes).
    pub start: usize,
    pub end: usize,
}

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
];

const UNITS: &[&str] = &[
    "tons",
    "tonnes",
    "ton",
    "tonne",
    "kg",
    "kilograms",
    "kilogram",
    "grams",
    "gram",
    "pounds",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "foot",
    "acres",
    "hectares",
    "barrels",
    "litres",
    "liters",
    "gallons",
    "megawatts",
    "MW",
    "GW",
    "gigawatts",
    "kWh",
    "degrees",
    "percent",
    "cent",
    "pence",
    "cents",
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "points",
];

const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("pesos", "COP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rupees", "INR"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
];

/// Words that end an item phrase.
const STOP: &[&str] = &[
    "and", "or", "but", "to", "in", "on", "at", "by", "for", "from", "with", "against", "that",
    "which", "who", "during", "since", "over", "under", "than", "the", "a", "an", "this", "its",
    "their", "his", "her", "was", "were", "is", "are", "has", "have", "had", "be", "been", "will",
    "would", "could", "per", "each", "of", "as", "after", "before", "into", "across", "about",
    "more", "less", "up", "down", "out", "so", "when", "while",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Finds quantities (byte offsets).
#[must_use]
pub fn find(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let word = |k: usize| tokens.get(k).map(|t| t.text(text)).unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind != TokenKind::Number {
            i += 1;
            continue;
        }
        let raw = word(i);
        let Ok(mut value) = raw.replace(',', "").parse::<f64>() else {
            i += 1;
            continue;
        };
        let is_year =
            raw.len() == 4 && (1800.0..=2100.0).contains(&value) && !raw.contains([',', '.']);
        let near_month = MONTHS.contains(&word(i.wrapping_sub(1))) || MONTHS.contains(&word(i + 1));
        let ordinal = matches!(word(i + 1), "st" | "nd" | "rd" | "th");
        if is_year || near_month || ordinal {
            i += 1;
            continue;
        }
        let mut start = tokens[i].start;
        let mut unit: Option<String> = None;
        if let Some((_, code)) = CURRENCY_SYMBOLS
            .iter()
            .find(|(s, _)| i > 0 && word(i - 1) == *s)
        {
            unit = Some((*code).to_owned());
            start = tokens[i - 1].start;
        }
        let mut j = i + 1;
        if let Some((_, scale)) = SCALES.iter().find(|(s, _)| word(j) == *s) {
            value *= scale;
            j += 1;
        }
        if word(j) == "%" || word(j) == "percent" || (word(j) == "per" && word(j + 1) == "cent") {
            unit = Some("percent".into());
            j += if word(j) == "per" { 2 } else { 1 };
        } else if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| word(j) == *w) {
            unit = Some((*code).to_owned());
            j += 1;
        } else if UNITS.contains(&word(j)) {
            unit = Some(word(j).to_owned());
            j += 1;
        }
        let end = tokens[j - 1].end;
        // The item: "of cocaine", or the nouns that follow ("ground battles").
        let mut k = j;
        if word(k) == "of" {
            k += 1;
            if matches!(word(k), "the" | "a" | "an") {
                k += 1;
            }
        }
        let item_start = k;
        while k < tokens.len()
            && k - item_start < 3
            && tokens[k].kind == TokenKind::Word
            && tokens[k].sentence == tokens[i].sentence
        {
            let w = word(k);
            if STOP.contains(&w)
                || w.chars().next().is_some_and(char::is_uppercase)
                || w.ends_with("ly")
            {
                break;
            }
            k += 1;
        }
        let mut item =
            (k > item_start).then(|| text[tokens[item_start].start..tokens[k - 1].end].to_owned());
        // "Wheat: 1,200 tons" — a label before a colon names the item.
        let first = if start < tokens[i].start { i - 1 } else { i };
        if item.is_none()
            && first >= 2
            && word(first - 1) == ":"
            && tokens[first - 2].sentence == tokens[i].sentence
        {
            let label_end = first - 1;
            let mut label_start = label_end;
            while label_start > 0
                && label_end - label_start < 3
                && tokens[label_start - 1].kind == TokenKind::Word
                && tokens[label_start - 1].sentence == tokens[i].sentence
            {
                label_start -= 1;
            }
            if label_start < label_end {
                item =
                    Some(text[tokens[label_start].start..tokens[label_end - 1].end].to_lowercase());
            }
        }
        out.push(Quantity {
            text: text[start..end].to_owned(),
            value,
            unit,
            item,
            start,
            end,
        });
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::tokens::tokenize;

    fn quantities(text: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
        let tokens = tokenize(text, std::slice::from_ref(&(0..text.len())));
        find(text, &tokens)
            .into_iter()
            .map(|q| (q.text, q.value, q.unit, q.item))
            .collect()
    }

    #[test]
    fn a_count_takes_the_nouns_that_follow_as_its_item() {
        assert_eq!(
            quantities("over 1,446 ground battles and 12 bombings against groups"),
            [
                ("1,446".into(), 1446.0, None, Some("ground battles".into())),
                ("12".into(), 12.0, None, Some("bombings".into()))
            ]
        );
    }

    #[test]
    fn a_unit_and_an_of_phrase_give_unit_and_item() {
        assert_eq!(
            quantities("the seizure of 2,700 tons of cocaine to date"),
            [(
                "2,700 tons".into(),
                2700.0,
                Some("tons".into()),
                Some("cocaine".into())
            )]
        );
    }

    #[test]
    fn scales_multiply_the_value() {
        assert_eq!(
            quantities("an estimated 30 billion doses that"),
            [("30 billion".into(), 3e10, None, Some("doses".into()))]
        );
    }

    #[test]
    fn money_and_percentages_have_units() {
        let q = quantities("raised $4.5 million, up 12% from last year");
        assert_eq!(
            q[0],
            ("$4.5 million".into(), 4_500_000.0, Some("USD".into()), None)
        );
        assert_eq!(q[1].2.as_deref(), Some("percent"));
    }

    #[test]
    fn a_label_before_a_colon_is_the_item() {
        assert_eq!(
            quantities("Wheat: 1,200 tons")[0].3.as_deref(),
            Some("wheat")
        );
    }

    #[test]
    fn years_and_dates_are_not_quantities() {
        assert!(quantities("In 2019, on March 3 and the 21st").is_empty());
    }
}
