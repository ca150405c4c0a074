//! The words quote attribution reads, as data: speech verbs, noun cues, the nouns and
//! determiners of noun-phrase speakers, pronouns and prepositions. Every rule in the sibling
//! modules looks words up here instead of carrying its own literals.

use super::super::word_list::WordList;

/// Verbs that introduce or attribute speech ("said", "told", "tweeted", …).
pub static SPEECH_VERBS: WordList = WordList::new(&[
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
    "thinks", "recommend", "says", "admits", "insist", "warn", "explain", "offers", "offered",
    "reasoned", "concludes", "read", "stating", "writing", "finds", "found", "cited", "quoted",
    "quoting", "tweeting", "posting", "announcing", "arguing", "urging", "acknowledges",
    "replying", "asking", "inquired", "inquires", "asserted", "asserts", "contended",
    "contends", "demanded", "pleaded", "lamented", "recounted", "recounts", "clarified",
    "clarifies", "emphasizes", "emphasises", "stresses", "reiterated", "reiterates",
    "instructed", "instructs", "retorted", "interjected", "alleged", "alleges", "sighed",
    "laughed", "snapped", "scoffed", "reflected", "conceding", "declaring", "stressing",
    // Magazine and review style ("“…,” she shares", "Pell reveals").
    "shares", "reveals", "revealed", "confesses", "confessed", "jokes", "muses", "laughs",
    "confides", "confided", "enthuses", "enthused", "remarks", "comments",
    // Plural subjects ("the authors conclude", "our testers agree").
    "conclude", "argue", "write", "add", "suggest", "agree", "emphasise", "emphasize", "admit",
    "acknowledge", "observe", "predict", "contend", "assert", "maintain", "reveal", "confirm",
    "tell", "ask", "reply", "respond",
    // "as Ruiz points out, “…”", "the article points out".
    "points",
]);

/// Speech verbs a written document may be the subject of ("the report read", "a review
/// concluded"), besides "according to": a document noun phrase speaks only with these.
pub static DOCUMENT_VERBS: WordList = WordList::new(&[
    "read", "reads", "states", "stated", "stating", "concludes", "concluded", "found", "finds",
    "notes", "noted", "says", "said", "shows", "showed", "warns", "warned", "adds", "added",
    "explains", "explained", "argues", "argued", "recommends", "recommended", "describes",
    "described", "suggests", "suggested", "claims", "claimed", "points", "pointed",
]);

/// Head nouns of a written or published source ("the report", "a meta-analysis", "the post"):
/// a noun phrase ending in one speaks only with a [`DOCUMENT_VERBS`] verb or "according to".
pub static DOCUMENT_NOUNS: WordList = WordList::new(&[
    "report", "reports", "study", "studies", "statement", "letter", "release", "analysis",
    "meta-analysis", "review", "post", "message", "survey", "memo", "document", "documents",
    "filing", "complaint", "ruling", "judgment", "judgement", "paper", "article", "website",
    "tweet", "email", "notice", "guidance", "assessment", "audit", "poll", "editorial",
    "indictment", "affidavit", "verdict", "decision", "communique", "communiqué", "bulletin",
    "investigation", "inquiry", "findings", "research", "trial", "trials",
]);

/// Head nouns of people and roles that speak ("the Ohio lawmaker", "a neighbour", "the
/// 52-year-old father"); nouns ending in an agent suffix ([`AGENT_SUFFIXES`]) count too.
pub static PERSON_NOUNS: WordList = WordList::new(&[
    "man", "woman", "men", "women", "boy", "girl", "child", "children", "father", "mother",
    "son", "daughter", "husband", "wife", "brother", "sister", "parent", "uncle", "aunt",
    "grandmother", "grandfather", "friend", "neighbour", "neighbor", "resident", "official",
    "chief", "head", "president", "minister", "secretary", "undersecretary", "chair",
    "chairman", "chairwoman", "chairperson", "spokesman", "spokeswoman", "spokesperson",
    "lawmaker", "senator", "governor", "mayor", "judge", "attorney", "lawyer", "counsel",
    "prosecutor", "candidate", "politician", "diplomat", "envoy", "ambassador", "aide",
    "adviser", "advisor", "analyst", "expert", "scientist", "economist", "doctor", "nurse",
    "surgeon", "physician", "professor", "student", "teacher", "coach", "captain", "player",
    "witness", "victim", "survivor", "veteran", "soldier", "officer", "sergeant", "general",
    "colonel", "commander", "agent", "source", "sources", "author", "poster", "user", "blogger",
    "journalist", "reporter", "correspondent", "editor", "columnist", "critic", "activist",
    "protester", "campaigner", "organiser", "organizer", "founder", "owner", "executive",
    "director", "manager", "ceo", "cfo", "boss", "employee", "worker", "staffer", "colleague",
    "member", "leader", "representative", "delegate", "negotiator", "mediator", "citizen",
    "voter", "patient", "customer", "tourist", "visitor", "fan", "nutritionist", "dietitian",
    "researcher", "investigator", "inspector", "auditor", "regulator", "ombudsman", "pastor",
    "priest", "bishop", "imam", "rabbi", "monk", "nun", "king", "queen", "prince", "princess",
    "premier", "chancellor", "speaker", "commissioner", "councillor", "councilor", "deputy",
    "assemblyman", "assemblywoman", "congressman", "congresswoman", "mp", "mep", "legislator",
    "strategist", "pollster", "insider", "observer", "eyewitness", "bystander", "passenger",
    "driver", "pilot", "farmer", "fisherman", "shopkeeper", "vendor", "trader", "banker",
    "investor", "entrepreneur", "developer", "engineer", "designer", "artist", "writer",
    "singer", "actor", "actress", "producer", "athlete", "runner", "referee",
    "umpire", "fighter", "rebel", "militant", "suspect", "defendant", "plaintiff", "applicant",
    "claimant", "refugee", "migrant", "immigrant", "person", "people", "individual", "someone",
    "everyone", "anyone", "nobody", "couple", "family", "families", "crowd", "crowds",
    "graduate", "alumnus", "alumna", "fellow", "intern", "partner", "guest", "host",
    "participant", "official", "insider", "clerk", "staff", "cleric", "elder", "chef",
    "owner", "landlord", "tenant", "homeowner", "shopper", "commuter", "local", "locals",
    "native", "expat", "mum", "mom", "dad", "grandparent", "relative", "cousin", "nephew",
    "niece", "widow", "widower", "teenager", "youth", "pensioner", "retiree", "novelist",
    "poet", "historian", "spokesmen", "spokeswomen", "scholar", "reader", "subscriber",
    "commenter", "listener", "viewer", "follower", "reviewer",
]);

/// Head nouns of organisations and bodies that speak ("the central bank", "the ministry").
pub static ORG_NOUNS: WordList = WordList::new(&[
    "bank", "ministry", "department", "government", "administration", "agency", "office",
    "court", "council", "committee", "commission", "board", "party", "company", "firm",
    "group", "union", "association", "institute", "institution", "university", "school",
    "college", "hospital", "police", "army", "military", "navy", "force", "forces", "embassy",
    "consulate", "cabinet", "parliament", "congress", "senate", "assembly", "team", "club",
    "league", "federation", "organisation", "organization", "authority", "authorities",
    "watchdog", "campaign", "coalition", "alliance", "network", "charity",
    "foundation", "society", "centre", "center", "service", "services", "city", "state",
    "county", "municipality", "town", "village", "country", "nation", "kremlin", "pentagon",
    "white", "house", "opposition", "junta", "regime", "prosecution", "defence", "defense",
    "brand", "chain", "retailer", "airline", "carrier", "operator", "provider", "manufacturer",
    "maker", "publisher", "newspaper", "broadcaster", "channel", "outlet", "station",
]);

/// Endings of agent nouns that name a person by what they do ("tester", "pharmacist",
/// "librarian", "spokesperson").
pub const AGENT_SUFFIXES: &[&str] = &[
    "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ess",
];

/// Capitalised words that open a role or title before a name, not a name themselves
/// ("Senior researcher Mu Li", "Undersecretary for Education Mr. Toccafondi").
pub const ROLE_MODIFIERS: &[&str] = &[
    "senior", "chief", "deputy", "former", "acting", "interim", "assistant", "associate",
    "vice", "junior", "lead", "principal", "executive", "managing", "general", "special",
    "team", "staff", "campaign", "party",
];

/// Words a speech verb may be separated from its subject by ("Ruiz also said", "Ruiz has said").
pub const VERB_GAP_WORDS: &[&str] = &[
    "also", "has", "had", "have", "later", "then", "once", "previously", "recently", "again",
    "further", "simply", "only", "would", "will", "might", "could", "was", "is", "earlier",
];

/// "according to X": the speaker follows these two words.
pub const ACCORDING_TO: [&str; 2] = ["according", "to"];

/// "in the words of X": read like "according to X".
pub const IN_THE_WORDS_OF: [&str; 4] = ["in", "the", "words", "of"];

/// Words that open a sentence with a person's point of view ("To Levin, …", "For Lyon, …"):
/// a standalone quote after such a sentence is that person's.
pub const VIEWPOINT_OPENERS: &[&str] = &["To", "For"];

/// Determiners before a short quoted term inside a noun phrase ("a “post-truth” society",
/// "that “a-ha!” moment"): the marks name a thing, nobody speaks.
pub const TERM_DETERMINERS: &[&str] = &[
    "the", "a", "an", "that", "this", "these", "those", "our", "their", "its", "his", "her", "my",
    "your", "’s", "'s",
];

/// Nouns that name a written or spoken statement: a quote in a sentence holding one ("in a
/// statement", "a spokesman for …") is attributed, not a title.
pub const NOUN_CUES: &[&str] = &[
    "statement", "statements", "spokesman", "spokeswoman", "spokesperson", "interview",
    "tweet", "post", "letter", "release", "email", "remarks", "speech", "message",
];

/// Nouns that make a group speaker ("some advisers", "the officials").
pub use super::super::words::GROUP_NOUNS;

/// Determiners that open a noun-phrase speaker ("the Ohio lawmaker", "one tester").
pub const NP_DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "some", "many", "several", "other", "two", "three", "four",
    "most", "few", "his", "her", "their", "its", "this", "that", "our", "your", "my",
];

/// Words that end a noun phrase speaker: it never runs over them ("the mayor of …",
/// "a neighbour who …").
pub static NP_STOPS: WordList = WordList::new(&[
    "of", "who", "which", "that", "in", "on", "at", "for", "with", "from", "by", "and", "or",
    "but", "to", "as", "when", "while", "after", "before", "since", "because", "if", "is", "was",
    "are", "were", "be", "been", "has", "had", "have", "not", "it", "he", "she", "they", "we",
    "you", "i", "this", "seen", "published", "obtained", "released", "sent", "issued",
    "written", "signed", "quoted", "cited", "whose", "whom", "where", "near", "under", "outside",
    "inside", "behind", "about", "over", "into", "during", "like", "through",
]);

/// Titles before a name that the tagger may leave out of it ("Dr. Parr", "Prof. Osei").
pub const NAME_TITLES: &[&str] = &[
    "Dr", "Prof", "Rev", "Sen", "Rep", "Gov", "Gen", "Capt", "Col", "Sgt", "Lt", "Mr", "Ms", "Mrs",
    "Miss", "Sir", "Dame", "Lord", "Lady", "Madam", "Professor", "Doctor",
];

/// The longest noun-phrase speaker, in words after the determiner.
pub const NP_MAX_WORDS: usize = 6;

/// Subject pronouns that speak.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// The pronoun an organisation speaks through ("“…,” it said in a statement"): a speaker only
/// right before a speech verb, resolved to the organisation the sentence before names as its
/// subject.
pub const ORGANISATION_PRONOUNS: &[&str] = &["it", "It"];

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

/// Words after "her" that make it an object ("gave her a manual", "hired her."), not a
/// possessive ("her notes"): such a pronoun names someone other than the sentence's subject.
pub static OBJECT_FOLLOWERS: WordList = WordList::new(&[
    "a", "an", "the", "to", "that", "this", "and", "or", "as", "in", "on", "at", "for", "with",
    "from", "about", "into", "up", "out", "back", "off", "down", ".", ",", ";", ":", "!", "?", "",
]);

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

/// Verbs that attribute speech only with the word after them and "as" a few words before:
/// "as the researcher puts it" (not "he put it in a drawer").
pub const PHRASE_VERBS: &[(&str, &str)] = &[("puts", "it"), ("put", "it")];

/// Auxiliaries before "written" that make it a speech verb ("Lorenz had written, “…”"); alone,
/// "written" opens a description ("a letter written by …").
pub const WRITTEN_AUXILIARIES: &[&str] = &["has", "had", "have"];

/// Whether token `k` of `tokens` is a speech cue: a speech verb, a [`PHRASE_VERBS`] verb with
/// its word, or "written" after a [`WRITTEN_AUXILIARIES`] word.
#[must_use]
pub fn is_cue_at(text: &str, tokens: &[crate::enrich::tokens::Token], k: usize) -> bool {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.text(text));
    let w = word(k);
    is_speech_verb(w)
        || PHRASE_VERBS.iter().any(|(verb, next)| w == *verb && word(k + 1) == *next)
            && (k.saturating_sub(12)..k).any(|j| word(j).eq_ignore_ascii_case("as"))
        || w == "written" && k > 0 && WRITTEN_AUXILIARIES.contains(&word(k - 1))
}

/// Whether `word` is a speech verb.
#[must_use]
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// What a noun phrase's head says about it as a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// A person, role, group or organisation: speaks with any speech verb.
    Agent,
    /// A written source: speaks only with a document verb or "according to".
    Document,
}

/// Whether a noun phrase whose last word is `head` can speak, and how.
#[must_use]
pub fn head_kind(head: &str) -> Option<HeadKind> {
    let lower = head.to_lowercase();
    let w = lower.as_str();
    if DOCUMENT_NOUNS.contains(w) {
        return Some(HeadKind::Document);
    }
    let singular = w.strip_suffix('s').unwrap_or(w);
    let agent = [w, singular].iter().any(|h| {
        PERSON_NOUNS.contains(h)
            || ORG_NOUNS.contains(h)
            || GROUP_NOUNS.contains(h)
            || (h.chars().count() > 4 && AGENT_SUFFIXES.iter().any(|s| h.ends_with(s)))
    });
    agent.then_some(HeadKind::Agent)
}

/// The gender a given name tells, from the compiled list of
/// `crates/extract/models/given_names.tsv` (source and licence in its header): `Some(true)`
/// female, `Some(false)` male, `None` unknown or shared.
#[must_use]
pub fn given_name_gender(name: &str) -> Option<bool> {
    static NAMES: std::sync::LazyLock<std::collections::HashMap<&'static str, bool>> =
        std::sync::LazyLock::new(|| {
            include_str!("../../../models/given_names.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .map(|(n, s)| (n, s == "f"))
                .collect()
        });
    let lower = name.to_lowercase();
    NAMES.get(lower.as_str()).copied()
}
