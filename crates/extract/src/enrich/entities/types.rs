//! The entity types every part of entity recognition shares: the record's [`Entity`], [`Span`]
//! and [`Kind`], the byte-offset [`MentionRef`] quotes attach speakers to, and the names a
//! dateline gives. Imports nothing from its siblings.

use serde::{Deserialize, Serialize};

/// An entity and everything the article says of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Entity {
    /// The fullest name used ("Gustavo Petro").
    pub name: String,
    /// `person`, `organization` or `location`.
    #[serde(rename = "type")]
    pub kind: Kind,
    /// Other names used for it ("Petro").
    pub aliases: Vec<String>,
    /// Titles and appositions ("Colombian President").
    pub roles: Vec<String>,
    /// Character offsets into the record's text.
    pub mentions: Vec<Span>,
    pub count: usize,
    /// 0–1: how central the entity is (mentions, title, first position).
    pub salience: f64,
}

/// A character span `[start, end)` in the record's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Entity types, serialised as `person`, `organization`, `location`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Location,
}

impl Kind {
    /// Every type, in discriminant order.
    pub const ALL: [Self; 3] = [Self::Person, Self::Organization, Self::Location];

    /// The name the record uses.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Location => "location",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares with the name the record uses (`kind == "person"`).
impl PartialEq<&str> for Kind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One mention in byte offsets, with the entity it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRef {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub sentence: usize,
}

/// The names a dateline gives: its place ("BOGOTÁ") and its news agency ("Reuters").
#[derive(Debug, Clone, Copy, Default)]
pub struct DatelineNames<'a> {
    pub place: Option<&'a str>,
    pub agency: Option<&'a str>,
}
