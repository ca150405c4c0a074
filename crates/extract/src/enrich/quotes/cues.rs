//! The words quote attribution reads, as data: speech verbs, noun cues, the nouns and
//! determiners of noun-phrase speakers, pronouns and prepositions. Every rule in the sibling
//! modules looks words up here instead of carrying its own literals.

/// Verbs that introduce or attribute speech ("said", "told", "tweeted", …).
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "added", "adds", "insisted", "insists", "told", "tells", "noted",
    "notes", "warned", "warns", "warning", "argued", "argues", "explained", "explains", "stated",
    "states", "asked", "asks", "wrote", "writes", "claimed", "claims", "declared", "declares",
    "announced", "announces", "replied", "replies", "responded", "maintained", "maintains",
    "calling", "called", "describing", "described", "acknowledged", "admitted", "stressed",
    "emphasized", "emphasised", "urged", "reported", "reports", "suggested", "suggests",
    "continued", "continues", "recalled", "recalls", "concluded", "promised", "vowed", "remarked",
    "commented", "tweeted", "posted", "saying", "adding", "insisting", "telling", "reads",
    "explaining", "noting", "recommends", "recommended", "advises", "advised", "cautioned",
    "cautions", "shared", "joked", "quipped", "exclaimed", "observed", "observes",
    "predicted", "predicts", "conceded", "concedes", "confirmed", "confirms", "countered",
    "testified", "wondered", "whispered", "shouted", "yelled", "answered", "answers", "agreed",
    "agrees", "mused", "boasted", "complained", "complains", "pointed", "elaborated",
    "elaborates", "texted", "emailed", "describes", "described", "believes", "believed",
    "thinks", "recommend", "says", "admits", "insist", "warn", "explain",
];

/// Words a speech verb may be separated from its subject by ("Ruiz also said", "Ruiz has said").
pub const VERB_GAP_WORDS: &[&str] = &[
    "also", "has", "had", "have", "later", "then", "once", "previously", "recently", "again",
    "further", "simply", "only", "would", "will", "might", "could", "was", "is", "earlier",
];

/// "according to X": the speaker follows these two words.
pub const ACCORDING_TO: [&str; 2] = ["according", "to"];

/// Nouns that name a written or spoken statement: a quote in a sentence holding one ("in a
/// statement", "a spokesman for …") is attributed, not a title.
pub const NOUN_CUES: &[&str] = &[
    "statement", "statements", "spokesman", "spokeswoman", "spokesperson", "interview",
    "tweet", "post", "letter", "release", "email", "remarks", "speech", "message",
];

/// Nouns that make a group speaker ("some advisers", "the officials").
pub const GROUP_NOUNS: &[&str] = &[
    "advisers", "advisors", "officials", "critics", "analysts", "experts", "residents",
    "lawmakers", "witnesses", "protesters", "diplomats", "sources", "activists", "workers",
    "students", "doctors", "police", "authorities", "leaders", "members", "investigators",
    "prosecutors", "observers", "economists", "scientists", "researchers", "supporters",
    "opponents", "organizers", "organisers", "officers", "spokespeople", "aides", "ministers",
    "villagers", "farmers", "parents", "teachers", "fans", "voters", "citizens", "people",
    "crowds",
];

/// Determiners that open a noun-phrase speaker ("the Ohio lawmaker", "one tester").
pub const NP_DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "some", "many", "several", "other", "two", "three", "four",
    "most", "few", "his", "her", "their", "its", "this", "that",
];

/// Words that end a noun phrase speaker: it never runs over them ("the mayor of …",
/// "a neighbour who …").
pub const NP_STOPS: &[&str] = &[
    "of", "who", "which", "that", "in", "on", "at", "for", "with", "from", "by", "and", "or",
    "but", "to", "as", "when", "while", "after", "before", "since", "because", "if", "is", "was",
    "are", "were", "be", "been", "has", "had", "have", "not", "it", "he", "she", "they", "we",
    "you", "i", "this", "seen", "published", "obtained", "released", "sent", "issued",
    "written", "signed", "quoted", "cited",
];

/// Titles before a name that the tagger may leave out of it ("Dr. Parr", "Prof. Osei").
pub const NAME_TITLES: &[&str] = &[
    "Dr", "Prof", "Rev", "Sen", "Rep", "Gov", "Gen", "Capt", "Col", "Sgt", "Lt", "Mr", "Ms", "Mrs",
    "Miss", "Sir", "Dame", "Lord", "Lady", "Madam", "Professor", "Doctor",
];

/// The longest noun-phrase speaker, in words after the determiner.
pub const NP_MAX_WORDS: usize = 6;

/// Subject pronouns that speak.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Pronouns that tell a person's gender, lower-cased: (pronoun, is female).
pub const GENDERED_PRONOUNS: &[(&str, bool)] = &[
    ("he", false),
    ("him", false),
    ("his", false),
    ("himself", false),
    ("she", true),
    ("her", true),
    ("hers", true),
    ("herself", true),
];

/// Titles that tell a person's gender: (title, is female).
pub const GENDERED_TITLES: &[(&str, bool)] = &[
    ("Mr.", false),
    ("Mr", false),
    ("Ms.", true),
    ("Ms", true),
    ("Mrs.", true),
    ("Mrs", true),
    ("Miss", true),
    ("Sir", false),
    ("Lady", true),
    ("Dame", true),
    ("Lord", false),
    ("Madam", true),
];

/// Words before which a name is an object, not a subject.
pub const PREPOSITIONS: &[&str] = &[
    "to", "at", "on", "with", "about", "for", "against", "from", "of", "by", "into", "toward",
    "towards", "than", "between", "over",
];

/// Whether `word` is a speech verb.
#[must_use]
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}
