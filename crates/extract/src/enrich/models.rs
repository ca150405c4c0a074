//! The models an [`Extractor`](crate::Extractor) loads once and shares across threads: the
//! entity tagger's CRF weights and the gazetteer (countries, demonyms, capitals, subdivisions,
//! cities, given names). Nothing here is a process global: two extractors with different models
//! can live side by side (the eval tools compare trained models that way).

use std::path::Path;

use crate::ModelError;
use crate::enrich::entities::Lookups;
use crate::enrich::entities::tagger::Vocabulary;
use crate::enrich::entities::tagger::weights::Weights;
use crate::enrich::gazetteer::Gazetteer;

/// The tagger weights shipped in the repository, compiled into the binary (no model download at
/// run time).
const SHIPPED_ENTITY_MODEL: &[u8] = include_bytes!("../../models/entities.crfsuite");

/// Everything enrichment looks up.
pub struct Models {
    pub gazetteer: Gazetteer,
    pub tagger: Weights,
    /// The tagger's feature vocabulary, built from the word lists and `gazetteer`.
    pub vocabulary: Vocabulary,
}

impl std::fmt::Debug for Models {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Models")
            .field("tagger_labels", &self.tagger.labels)
            .finish_non_exhaustive()
    }
}

impl Models {
    /// What entity recognition looks up.
    #[must_use]
    pub fn entity_lookups(&self) -> Lookups<'_> {
        Lookups {
            gazetteer: &self.gazetteer,
            weights: &self.tagger,
            vocabulary: &self.vocabulary,
        }
    }

    /// The shipped models.
    ///
    /// # Errors
    /// The compiled-in entity model does not parse (a broken build).
    pub(crate) fn shipped() -> Result<Self, ModelError> {
        Self::with_entity_model(SHIPPED_ENTITY_MODEL, "models/entities.crfsuite (compiled in)")
    }

    /// The shipped gazetteer with the entity weights in `path`.
    ///
    /// # Errors
    /// The file cannot be read or is not a CRFsuite model.
    pub(crate) fn with_entity_model_file(path: &Path) -> Result<Self, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::with_entity_model(&bytes, &path.display().to_string())
    }

    /// The shipped models, loaded once for all of a test binary's unit tests.
    #[cfg(test)]
    #[allow(clippy::unwrap_used)]
    pub(crate) fn for_tests() -> &'static Self {
        static MODELS: std::sync::LazyLock<Models> =
            std::sync::LazyLock::new(|| Models::shipped().unwrap());
        &MODELS
    }

    fn with_entity_model(bytes: &[u8], origin: &str) -> Result<Self, ModelError> {
        let tagger = Weights::from_crfsuite(bytes).map_err(|error| ModelError::Invalid {
            origin: origin.to_owned(),
            reason: error.to_string(),
        })?;
        let gazetteer = Gazetteer::build();
        let vocabulary = Vocabulary::build(&gazetteer);
        Ok(Self {
            gazetteer,
            tagger,
            vocabulary,
        })
    }
}
