//! Measuring the pipeline on annotated corpora: `article-enricher-eval content` scores main text
//! and metadata on a folder of pages (e.g. `../shared/corpus/readability-pages`), with speed
//! figures beside the scores; `eval readers` checks the two HTML readers against each other.

pub mod block_dump;
pub mod block_training;
pub mod block_trees;
pub mod commands;
pub mod conll;
pub mod content;
pub mod entities;
pub mod hostile;
pub mod quotes;
pub mod readers;
pub mod shingles;
pub mod tagger_training;
pub mod wcxb;
pub mod word_classes;
pub mod wordbag;
