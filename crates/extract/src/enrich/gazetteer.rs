//! Place names from `keshvar` (country names, demonyms, flags, first-level subdivisions), the
//! `cities` crate (the ~10,000 largest cities) and our capitals table, built once per
//! [`Models`](crate::enrich::models::Models) into lookup maps and one Aho-Corasick automaton.
//! Given names come from the `fake` crate's locale data (English, French, German, Italian,
//! Portuguese, Spanish-speaking sets), less the ones that are places.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use keshvar::CountryIterator;

use super::capitals::CAPITALS;

/// How a surface form names a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Via {
    Name,
    Demonym,
    Capital,
}

impl Via {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Demonym => "demonym",
            Self::Capital => "capital",
        }
    }
}

/// Common English forms that the country data lacks.
const EXTRA_NAMES: &[(&str, &str)] = &[
    ("U.S.", "US"),
    ("US", "US"),
    ("USA", "US"),
    ("U.S.A.", "US"),
    ("United States", "US"),
    ("America", "US"),
    ("United States of America", "US"),
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("United Kingdom", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Russia", "RU"),
    ("South Korea", "KR"),
    ("North Korea", "KP"),
    ("Iran", "IR"),
    ("Syria", "SY"),
    ("Vietnam", "VN"),
    ("Venezuela", "VE"),
    ("Bolivia", "BO"),
    ("Tanzania", "TZ"),
    ("Laos", "LA"),
    ("Moldova", "MD"),
    ("Taiwan", "TW"),
    ("Palestine", "PS"),
    ("Czech Republic", "CZ"),
    ("Czechia", "CZ"),
    ("Ivory Coast", "CI"),
    ("Congo", "CD"),
    ("Democratic Republic of Congo", "CD"),
    ("DR Congo", "CD"),
    ("Netherlands", "NL"),
    ("Holland", "NL"),
    ("Turkey", "TR"),
    ("Türkiye", "TR"),
    ("Vatican", "VA"),
    ("Macedonia", "MK"),
    ("North Macedonia", "MK"),
    ("Brunei", "BN"),
    ("Micronesia", "FM"),
    ("UAE", "AE"),
    ("Emirates", "AE"),
];

/// Demonyms the country data lacks or gives in another form.
const EXTRA_DEMONYMS: &[(&str, &str)] = &[
    ("American", "US"),
    ("Americans", "US"),
    ("British", "GB"),
    ("Briton", "GB"),
    ("English", "GB"),
    ("Scottish", "GB"),
    ("Welsh", "GB"),
    ("Russian", "RU"),
    ("Chinese", "CN"),
    ("Dutch", "NL"),
    ("French", "FR"),
    ("German", "DE"),
    ("Spanish", "ES"),
    ("Swiss", "CH"),
    ("Iranian", "IR"),
    ("Israeli", "IL"),
    ("Palestinian", "PS"),
    ("Ukrainian", "UA"),
    ("Venezuelan", "VE"),
    ("Colombian", "CO"),
    ("Mexican", "MX"),
    ("Brazilian", "BR"),
    ("Argentine", "AR"),
    ("Argentinian", "AR"),
    ("Chilean", "CL"),
    ("Peruvian", "PE"),
    ("Cuban", "CU"),
    ("Canadian", "CA"),
    ("Japanese", "JP"),
    ("Korean", "KR"),
    ("Indian", "IN"),
    ("Pakistani", "PK"),
    ("Afghan", "AF"),
    ("Iraqi", "IQ"),
    ("Syrian", "SY"),
    ("Turkish", "TR"),
    ("Greek", "GR"),
    ("Italian", "IT"),
    ("Polish", "PL"),
    ("Saudi", "SA"),
    ("Egyptian", "EG"),
    ("Nigerian", "NG"),
    ("Kenyan", "KE"),
    ("South African", "ZA"),
    ("Australian", "AU"),
    ("Filipino", "PH"),
    ("Vietnamese", "VN"),
    ("Thai", "TH"),
    ("Indonesian", "ID"),
    ("Swedish", "SE"),
    ("Norwegian", "NO"),
    ("Danish", "DK"),
    ("Finnish", "FI"),
    ("Irish", "IE"),
    ("Portuguese", "PT"),
    ("Belgian", "BE"),
    ("Austrian", "AT"),
    ("Hungarian", "HU"),
    ("Czech", "CZ"),
    ("Romanian", "RO"),
    ("Serbian", "RS"),
    ("Croatian", "HR"),
    ("Lebanese", "LB"),
    ("Jordanian", "JO"),
    ("Qatari", "QA"),
    ("Emirati", "AE"),
    ("Ethiopian", "ET"),
    ("Sudanese", "SD"),
    ("Somali", "SO"),
    ("Moroccan", "MA"),
    ("Algerian", "DZ"),
    ("Tunisian", "TN"),
    ("Libyan", "LY"),
    ("Ecuadorian", "EC"),
    ("Bolivian", "BO"),
    ("Uruguayan", "UY"),
    ("Paraguayan", "PY"),
    ("Haitian", "HT"),
    ("Dominican", "DO"),
    ("Nicaraguan", "NI"),
    ("Honduran", "HN"),
    ("Guatemalan", "GT"),
    ("Salvadoran", "SV"),
    ("Panamanian", "PA"),
    ("Costa Rican", "CR"),
];

/// The gazetteer.
pub struct Gazetteer {
    /// Surface form → (alpha-2, how).
    pub forms: HashMap<String, (String, Via)>,
    /// Country display names by alpha-2.
    pub names: HashMap<String, String>,
    /// First-level subdivision names (states, provinces, regions) → alpha-2.
    pub subdivisions: HashMap<String, String>,
    /// Names of the world's ~10,000 largest cities (the `cities` crate).
    pub cities: std::collections::HashSet<&'static str>,
    /// Given names ("Gloria", "Gustavo") that are not also place names.
    pub first_names: std::collections::HashSet<&'static str>,
    /// Leftmost-longest matcher over `forms` keys, in the order of `patterns`.
    pub matcher: AhoCorasick,
    pub patterns: Vec<String>,
}

impl Gazetteer {
    /// Builds the gazetteer from the country, city and given-name crates (~100 ms).
    pub fn build() -> Self {
        build()
    }
}

fn build() -> Gazetteer {
    let mut forms: HashMap<String, (String, Via)> = HashMap::new();
    let mut names = HashMap::new();
    let mut subdivisions = HashMap::new();
    for country in CountryIterator::new() {
        let code = country.alpha2().to_string();
        let name = country.iso_short_name();
        // "Venezuela (Bolivarian Republic of)" → "Venezuela"
        let short = name.split(" (").next().unwrap_or(name).trim().to_owned();
        names.insert(code.clone(), short.clone());
        forms.insert(short, (code.clone(), Via::Name));
        for unofficial in country.unofficial_name_list() {
            if unofficial.is_ascii() && unofficial.chars().next().is_some_and(char::is_uppercase) {
                forms
                    .entry((*unofficial).to_owned())
                    .or_insert((code.clone(), Via::Name));
            }
        }
        if let Some(nationality) = country.maybe_nationality() {
            forms
                .entry(nationality.to_owned())
                .or_insert((code.clone(), Via::Demonym));
        }
        for subdivision in country.subdivisions().values() {
            subdivisions.insert(subdivision.name().to_owned(), code.clone());
        }
    }
    for (form, code) in EXTRA_NAMES {
        forms.insert((*form).to_owned(), ((*code).to_owned(), Via::Name));
    }
    for (form, code) in EXTRA_DEMONYMS {
        forms.insert((*form).to_owned(), ((*code).to_owned(), Via::Demonym));
    }
    for (code, capital) in CAPITALS {
        forms
            .entry((*capital).to_owned())
            .or_insert(((*code).to_owned(), Via::Capital));
    }
    let patterns: Vec<String> = forms.keys().cloned().collect();
    let matcher = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("the gazetteer patterns compile");
    let cities: std::collections::HashSet<&'static str> =
        cities::all().iter().map(|c| c.city).collect();
    let first_names = given_names()
        .filter(|n| {
            !forms.contains_key(*n) && !subdivisions.contains_key(*n) && !cities.contains(n)
        })
        .collect();
    Gazetteer {
        forms,
        names,
        subdivisions,
        cities,
        first_names,
        matcher,
        patterns,
    }
}

/// Given names from the `fake` crate's locales.
fn given_names() -> impl Iterator<Item = &'static str> {
    use fake::locales::{DE_DE, Data, EN, FR_FR, IT_IT, PT_BR};
    [
        <EN as Data>::NAME_FIRST_NAME,
        <FR_FR as Data>::NAME_FIRST_NAME,
        <DE_DE as Data>::NAME_FIRST_NAME,
        <IT_IT as Data>::NAME_FIRST_NAME,
        <PT_BR as Data>::NAME_FIRST_NAME,
    ]
    .into_iter()
    .flatten()
    .copied()
    .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
}

impl Gazetteer {
    /// The country a surface form names, exactly as written (case-sensitive).
    #[must_use]
    pub fn country_of(&self, form: &str) -> Option<(&str, Via)> {
        self.forms
            .get(form)
            .map(|(code, via)| (code.as_str(), *via))
    }

    /// Whether `form` is a known place: a country, a capital, or a subdivision.
    #[must_use]
    pub fn is_place(&self, form: &str) -> bool {
        matches!(self.country_of(form), Some((_, Via::Name | Via::Capital)))
            || self.subdivisions.contains_key(form)
    }

    /// Whether `form` is a city name. Kept apart from [`Gazetteer::is_place`]: many city names are
    /// also surnames or first names ("Lincoln", "Victoria"), so only whole chunks count as cities.
    #[must_use]
    pub fn is_city(&self, form: &str) -> bool {
        self.cities.contains(form)
    }

    /// Whether `form` is a given name ("Gloria").
    #[must_use]
    pub fn is_first_name(&self, form: &str) -> bool {
        self.first_names.contains(form)
    }

    /// Whether `form` is a demonym ("Colombian"): a nationality, not an entity.
    #[must_use]
    pub fn is_demonym(&self, form: &str) -> bool {
        matches!(self.country_of(form), Some((_, Via::Demonym)))
    }
}
