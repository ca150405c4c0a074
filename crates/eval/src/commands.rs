//! The `article-enricher-eval` command line: scores the pipeline on annotated corpora, trains
//! the entity tagger and reports speed, printing the tables the issues name.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use enricher_extract::{
    BodyHints, Extractor, HtmlReader, Limits, Options, SAMPLE_ARTICLE, Source, content_type_for,
};

use crate::content;

/// Scores article-enricher's extraction on corpora, trains its tagger, measures its speed.
#[derive(Debug, Parser)]
#[command(name = "article-enricher-eval", version, about)]
pub struct EvalArgs {
    /// A worker configuration file: its `[limits]` table (bounds and `html_reader`) is used.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub what: EvalWhat,
}

#[derive(Debug, Subcommand)]
pub enum EvalWhat {
    /// Main text and metadata from HTML pages: `<case>/source.html` + `expected.html`
    /// [+ `expected-metadata.json`] under DIR, or a WCXB folder (`html/*.html.gz`,
    /// `ground-truth/*.json`, `metadata.json`), with a table per page type.
    Content(ContentArgs),
    /// Named entities on CoNLL-U documents with GUM `Entity=` annotations or on CoNLL column
    /// files (`ner-open/wikigold`, …): P/R/F1 per type, exact spans (see `crates/eval/src/entities.rs` for what counts as a named mention).
    Entities(EntitiesArgs),
    /// Trains the entity tagger's weights on GUM CoNLL-U folders and CoNLL column folders
    /// (the shipped model: `eval train-entities ../shared/corpus/gum-train
    /// ../shared/corpus/ner-open`).
    TrainEntities(TrainEntitiesArgs),
    /// Learns the entity tagger's word classes from unlabelled text: WCXB folders' main texts
    /// and folders of `*.txt` files (the shipped classes: `eval train-classes
    /// ../shared/corpus/wcxb-dev DIR`, DIR the press releases of `models/SOURCES.md`).
    TrainClasses(TrainClassesArgs),
    /// k-fold cross-validation of the tagger, split by document, on the training sources:
    /// P/R/F1 per type per corpus, each fold tagged by weights trained on the others.
    CvEntities(CvEntitiesArgs),
    /// Trains the learned block classifier on a WCXB folder and writes its weights (the shipped
    /// model: `eval train-blocks ../shared/corpus/wcxb-dev`).
    TrainBlocks(BlocksArgs),
    /// k-fold cross-validation of the block classifier, split by page: the `eval content`
    /// table, each fold's pages extracted with weights trained on the other folds.
    CvBlocks(BlocksArgs),
    /// A differential check of the HTML readers on every `.html` file under DIR (no expected
    /// text needed): the `scoring` reader's text scored against the `readability` reader's.
    Readers(ReadersArgs),
    /// Pipeline speed on one article (HTML, text or envelope): docs/s on one core and mean
    /// milliseconds per stage, after a warm-up run.
    Speed(SpeedArgs),
    /// Quotes on the hand-annotated development set: direct-quote recall, precision and
    /// speaker accuracy per document source and by cue class (see `crates/eval/src/quotes/`).
    Quotes(QuotesArgs),
    /// Hostile input shapes (quote-mark storms, an endless sentence, capitalised words,
    /// numbers, deep and wide HTML, a metadata-heavy envelope) at growing sizes with a very
    /// large time budget: ms and ms per KB per shape and size, to show whether each stays flat.
    Hostile(HostileArgs),
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The development set: `annotations.jsonl` and `documents.txt`.
    #[arg(default_value = "crates/eval/data/quotes")]
    pub dir: PathBuf,
    /// Where the documents' texts are (`gum-news/*.conllu`, `wcxb-dev/ground-truth/*.json`).
    #[arg(long, default_value = "../shared/corpus")]
    pub corpus: PathBuf,
    /// Also list every missed direct quote, wrong prediction and wrong speaker.
    #[arg(long)]
    pub errors: bool,
    /// Only half of the documents, by their position in `documents.txt`: `even` (0th, 2nd, …)
    /// is the half rules are developed on, `odd` the half they are checked on.
    #[arg(long, value_enum)]
    pub half: Option<Half>,
}

#[derive(Debug, Args)]
pub struct HostileArgs {
    /// The largest size, in KB (sizes run 1, 10, 100, 1000, then doubling up to this).
    #[arg(long, default_value_t = 5120)]
    pub max_kb: usize,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// The corpus folder.
    #[arg(default_value = "../shared/corpus/gum-news")]
    pub dir: PathBuf,
    /// Also write each document's text and gold mentions as JSONL (for scoring other taggers,
    /// e.g. tools/spacy_entities.py, on exactly the same spans).
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every missed and spurious mention (for error analysis).
    #[arg(long)]
    pub errors: bool,
    /// Tag with these CRF weights instead of the shipped `models/entities.crfsuite`.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TrainEntitiesArgs {
    /// Where to write the model.
    #[arg(long, default_value = "crates/extract/models/entities.crfsuite")]
    pub out: PathBuf,
    #[command(flatten)]
    pub training: TrainingArgs,
}

#[derive(Debug, Args)]
pub struct TrainClassesArgs {
    /// The unlabelled text: WCXB folders (their ground-truth main texts) and folders of `*.txt`
    /// files.
    #[arg(default_values = ["../shared/corpus/wcxb-dev"])]
    pub dirs: Vec<PathBuf>,
    /// Where to write the classes.
    #[arg(long, default_value = "crates/extract/models/word_classes.txt")]
    pub out: PathBuf,
    /// Classes of the coarse clustering.
    #[arg(long, default_value_t = 64)]
    pub coarse: usize,
    /// Classes of the fine clustering.
    #[arg(long, default_value_t = 512)]
    pub fine: usize,
    /// Words seen fewer times get no class.
    #[arg(long, default_value_t = 3)]
    pub min_count: u32,
    /// Exchange passes at most.
    #[arg(long, default_value_t = 15)]
    pub iterations: usize,
}

#[derive(Debug, Args)]
pub struct CvEntitiesArgs {
    /// Folds (documents of each corpus dealt round-robin).
    #[arg(long, default_value_t = 3)]
    pub folds: usize,
    /// Keep each fold's weights in this folder and reuse them when present (for comparing
    /// changes after tagging; delete them after changing the features or the data).
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// Only this fold (0-based): one held-out third instead of all, when time is short.
    #[arg(long)]
    pub fold: Option<usize>,
    #[command(flatten)]
    pub training: TrainingArgs,
}

/// The training data and settings (`train-entities` and `cv-entities`).
#[derive(Debug, Args)]
pub struct TrainingArgs {
    /// The training corpora: folders of GUM `*.conllu` or of CoNLL column files (`*.conll`,
    /// `*.conll.txt`, searched recursively). Openly licensed documents only, never the scored
    /// news set.
    #[arg(default_values = ["../shared/corpus/gum-train", "../shared/corpus/ner-open"])]
    pub dirs: Vec<PathBuf>,
    /// L1 regularisation.
    #[arg(long, default_value_t = 0.02)]
    pub c1: f64,
    /// L2 regularisation.
    #[arg(long, default_value_t = 3.0)]
    pub c2: f64,
    /// Features seen fewer times than this in training are dropped (smaller model).
    #[arg(long, default_value_t = 3.0)]
    pub min_freq: f64,
    /// L-BFGS iterations at most.
    #[arg(long, default_value_t = 100)]
    pub iterations: usize,
}

#[derive(Debug, Args)]
pub struct BlocksArgs {
    /// The WCXB folder.
    #[arg(default_value = "../shared/corpus/wcxb-dev")]
    pub dir: PathBuf,
    /// Where `train-blocks` writes the weights.
    #[arg(long, default_value = "crates/extract/models/blocks.txt")]
    pub out: PathBuf,
    /// Trees to grow.
    #[arg(long, default_value_t = 200)]
    pub trees: usize,
    /// Depth of each tree.
    #[arg(long, default_value_t = 4)]
    pub depth: usize,
    /// Shrinkage of each tree's values.
    #[arg(long, default_value_t = 0.1)]
    pub rate: f64,
    /// L2 penalty on leaf values (the data weigh one per page).
    #[arg(long, default_value_t = 1.0)]
    pub lambda: f64,
    /// The least weight of rows (in pages) each side of a split holds.
    #[arg(long, default_value_t = 0.5)]
    pub min_hessian: f64,
    /// The probability from which a block is kept.
    #[arg(long, default_value_t = 0.5)]
    pub threshold: f32,
    /// `cv-blocks` also scores the folds' models with these settings (`KEEP/ADD/GATE[/GROWTH
    /// [/ARTICLES[/ARTICLE_CHARS]]]`: the thresholds for the units the scorer selected, for
    /// the others, the readable gate, the least growth, 1 to leave declared articles to the
    /// scorer, and the least characters of its choice for that).
    #[arg(long, value_delimiter = ',')]
    pub also: Vec<String>,
    /// The probability from which a unit the scorer left out is added.
    #[arg(long, default_value_t = 0.6)]
    pub add_threshold: f32,
    /// The `isProbablyReadable` score from which a page is left to the heuristic scorer.
    #[arg(long, default_value_t = f32::MAX)]
    pub gate: f32,
    /// The least share of the scorer's text the model must add for its decisions to stand.
    #[arg(long, default_value_t = 0.3)]
    pub growth: f32,
    /// Leave pages that declare themselves articles (`og:type`, JSON-LD) to the scorer.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub defer_articles: bool,
    /// With `--defer-articles`, the least characters of the scorer's choice for a page that
    /// declares itself an article to be left to the scorer.
    #[arg(long, default_value_t = 1000.0)]
    pub article_chars: f32,
    /// Folds for `cv-blocks` (pages dealt by the number in their name).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Only half of the pages (train and score), by the number in their name.
    #[arg(long, value_enum)]
    pub half: Option<Half>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// `cv-blocks` writes every page's units here as JSON lines, each scored by its held-out
    /// fold's model (see `crates/eval/src/block_dump.rs`).
    #[arg(long, value_name = "FILE")]
    pub dump: Option<PathBuf>,
    /// With `--dump`: also the units of this corpus (any `eval content` folder), scored by a
    /// model trained on every page, written to the dump's name with `.check` added.
    #[arg(long, value_name = "DIR")]
    pub check: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SpeedArgs {
    /// The article; without it, the built-in sample.
    pub file: Option<PathBuf>,
    /// Runs to average over.
    #[arg(long, default_value_t = 500)]
    pub iterations: usize,
}

#[derive(Debug, Args)]
pub struct ReadersArgs {
    /// The folder of pages, read recursively.
    pub dir: PathBuf,
    /// How many of the pages where the readers part to list.
    #[arg(long, default_value_t = 20)]
    pub worst: usize,
}

#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The corpus folder.
    #[arg(default_value = "../shared/corpus/readability-pages")]
    pub dir: PathBuf,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Passes over the corpus for the speed figures; 0 skips them.
    #[arg(long, default_value_t = 3)]
    pub passes: usize,
    /// Only the pages of this type (WCXB folders: article, forum, listing, …).
    #[arg(long, value_name = "TYPE")]
    pub page_type: Option<String>,
    /// Only half of the pages, by the parity of the number in their name: `even` is the half
    /// rules are developed on, `odd` the half they are checked on and never tuned on.
    #[arg(long, value_enum)]
    pub half: Option<Half>,
    /// The block classifier's weights to use instead of the shipped ones (`none`: the heuristic
    /// scorer alone).
    #[arg(long, value_name = "FILE")]
    pub blocks_model: Option<PathBuf>,
}

impl TrainingArgs {
    /// The trainer's settings.
    #[must_use]
    pub fn settings(&self) -> crate::tagger_training::Settings {
        crate::tagger_training::Settings {
            c1: self.c1,
            c2: self.c2,
            max_iterations: self.iterations,
            min_freq: self.min_freq,
        }
    }
}

/// A fixed two-way split of a corpus by the number in each page's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Half {
    Even,
    Odd,
}

impl Half {
    /// Whether the case named `name` belongs to this half (names without digits: the even half).
    #[must_use]
    pub fn holds(self, name: &str) -> bool {
        let digits: String = name.chars().filter(char::is_ascii_digit).collect();
        let number = digits
            .get(digits.len().saturating_sub(6)..)
            .and_then(|d| d.parse::<u64>().ok())
            .unwrap_or(0);
        (number % 2 == 0) == (self == Half::Even)
    }
}

/// The extractor options a worker configuration file sets (its `[limits]` table, every key
/// optional), over the defaults; the defaults alone without a file.
///
/// # Errors
/// The file cannot be read, or a `[limits]` key has the wrong type.
pub fn options_from(config: Option<&Path>) -> anyhow::Result<Options> {
    let mut options = Options::default();
    let Some(path) = config else {
        return Ok(options);
    };
    let file = config::Config::builder()
        .add_source(config::File::from(path))
        .build()
        .with_context(|| format!("cannot read {}", path.display()))?;
    let limits: &mut Limits = &mut options.limits;
    let key = |name: &str| format!("limits.{name}");
    if let Ok(v) = file.get::<usize>(&key("max_body_bytes")) {
        limits.max_body_bytes = v;
    }
    if let Ok(v) = file.get::<usize>(&key("max_html_nodes")) {
        limits.max_html_nodes = v;
    }
    if let Ok(v) = file.get::<usize>(&key("max_html_depth")) {
        limits.max_html_depth = v;
    }
    if let Ok(v) = file.get::<u64>(&key("time_budget_ms")) {
        limits.time_budget_ms = v;
    }
    if let Ok(v) = file.get::<HtmlReader>(&key("html_reader")) {
        options.html_reader = v;
    }
    Ok(options)
}

/// Runs one eval command.
///
/// # Errors
/// The corpus cannot be read, or a model does not load.
pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let options = options_from(args.config.as_deref())?;
    let extractor = || Extractor::new(options.clone()).map_err(anyhow::Error::from);
    match &args.what {
        EvalWhat::Content(args) => {
            let extractor = extractor()?;
            let mut cases = content::load_cases(&args.dir)?;
            if let Some(wanted) = &args.page_type {
                cases.retain(|c| c.page_type.as_deref() == Some(wanted.as_str()));
                anyhow::ensure!(!cases.is_empty(), "no page of type {wanted}");
            }
            if let Some(half) = args.half {
                cases.retain(|c| half.holds(&c.name));
            }
            let run = || {
                let report = content::evaluate(&cases, &extractor);
                let speed = (args.passes > 0)
                    .then(|| content::measure_speed(&cases, &extractor, args.passes));
                (report, speed)
            };
            let (report, speed) = match &args.blocks_model {
                None => run(),
                Some(path) => {
                    use enricher_extract::html::scoring::block_model::{BlockModel, with_model};
                    let model = if path.as_os_str() == "none" {
                        None
                    } else {
                        let text = std::fs::read_to_string(path)
                            .with_context(|| format!("cannot read {}", path.display()))?;
                        Some(BlockModel::parse(&text)?)
                    };
                    with_model(model, run)
                }
            };
            if args.json {
                println!("{}", serde_json::json!({"report": report, "speed": speed}));
            } else {
                print!("{}", content::render(&report, speed.as_ref()));
            }
            Ok(())
        }
        what @ (EvalWhat::TrainBlocks(args) | EvalWhat::CvBlocks(args)) => {
            use crate::block_training as bt;
            let extractor = extractor()?;
            let mut cases = crate::wcxb::load(&args.dir)?;
            if let Some(half) = args.half {
                cases.retain(|c| half.holds(&c.name));
            }
            let rows = bt::collect(&cases, &extractor);
            let settings = crate::block_trees::TreeSettings {
                trees: args.trees,
                depth: args.depth,
                rate: args.rate,
                lambda: args.lambda,
                min_hessian: args.min_hessian,
                threshold: args.threshold,
                add_threshold: args.add_threshold,
                gate: args.gate,
                growth: args.growth,
                defer_articles: args.defer_articles,
                article_chars: args.article_chars,
            };
            if matches!(what, EvalWhat::TrainBlocks(_)) {
                let model = bt::fit(&rows.iter().collect::<Vec<_>>(), settings);
                let note = format!(
                    "Trained by `article-enricher-eval train-blocks {}` with {settings:?} \
                     on {} pages; see crates/extract/models/SOURCES.md.",
                    args.dir.display(),
                    cases.len()
                );
                std::fs::write(&args.out, model.render(&note))?;
                println!(
                    "wrote {} ({} pages, in-sample unit accuracy {:.4})",
                    args.out.display(),
                    cases.len(),
                    bt::unit_accuracy(&model, &rows.iter().collect::<Vec<_>>())
                );
            } else {
                let (report, accuracy, models) =
                    bt::cross_validate(&cases, &rows, &extractor, args.folds, settings);
                if let Some(path) = &args.dump {
                    crate::block_dump::write(path, &cases, &rows, |k| {
                        &models[bt::fold_of(&cases[k].name, args.folds)]
                    })?;
                    if let Some(dir) = &args.check {
                        let model = bt::fit(&rows.iter().collect::<Vec<_>>(), settings);
                        let other = content::load_cases(dir)?;
                        let other_rows = bt::collect(&other, &extractor);
                        let mut name = path.clone().into_os_string();
                        name.push(".check");
                        crate::block_dump::write(name.as_ref(), &other, &other_rows, |_| &model)?;
                    }
                }
                for pair in &args.also {
                    let parts: Vec<f32> = pair.split('/').filter_map(|v| v.parse().ok()).collect();
                    let (defer, chars) = (args.defer_articles, args.article_chars);
                    let (keep, add, gate, growth, defer, chars) = match parts[..] {
                        [k, a, g] => (k, a, g, args.growth, defer, chars),
                        [k, a, g, s] => (k, a, g, s, defer, chars),
                        [k, a, g, s, d] => (k, a, g, s, d > 0.0, chars),
                        [k, a, g, s, d, c] => (k, a, g, s, d > 0.0, c),
                        _ => anyhow::bail!(
                            "--also takes KEEP/ADD/GATE[/GROWTH[/ARTICLES[/ARTICLE_CHARS]]]"
                        ),
                    };
                    let models: Vec<_> = models
                        .iter()
                        .map(
                            |m| enricher_extract::html::scoring::block_model::BlockModel {
                                threshold: keep,
                                add_threshold: add,
                                gate,
                                growth,
                                defer_articles: defer,
                                article_chars: chars,
                                ..m.clone()
                            },
                        )
                        .collect();
                    let report = bt::score_folds(&cases, &extractor, &models, args.folds);
                    let what = format!(
                        "thresholds keep {keep} add {add} gate {gate} growth {growth} \
                         articles to the scorer {defer} from {chars} characters"
                    );
                    if args.json {
                        println!(
                            "{}",
                            serde_json::json!({"settings": what, "report": report})
                        );
                    } else {
                        println!("## {what}");
                        let table = content::render(&report, None);
                        let from = table.find("type ").unwrap_or(0);
                        print!("{}", &table[from..]);
                    }
                }
                if args.json {
                    println!(
                        "{}",
                        serde_json::json!({"report": report, "unit_accuracy": accuracy})
                    );
                } else {
                    let all: Vec<_> = rows.iter().collect();
                    println!(
                        "## {}-fold cross-validation, held-out unit accuracy {accuracy:.4}; \
                         units' word F1: labels {:.4}, scorer's selection {:.4}",
                        args.folds,
                        bt::unit_f1(&all, |p, i| p.labels[i]),
                        bt::unit_f1(&all, |p, i| p.selected[i]),
                    );
                    print!("{}", content::render(&report, None));
                }
            }
            Ok(())
        }
        EvalWhat::Readers(args) => {
            use crate::readers;
            let files = readers::html_files(&args.dir)?;
            print!(
                "{}",
                readers::render(&readers::compare(&files, &options), args.worst)
            );
            Ok(())
        }
        EvalWhat::Entities(args) => {
            use crate::entities;
            let docs = crate::conll::load_source(&args.dir)?;
            let extractor = match &args.model {
                Some(model) => Extractor::with_entity_model(options.clone(), model)?,
                None => extractor()?,
            };
            if let Some(path) = &args.export {
                let lines: Vec<String> = docs
                    .iter()
                    .map(|d| serde_json::to_string(d).expect("serialisable"))
                    .collect();
                std::fs::write(path, lines.join("\n") + "\n")?;
            }
            let pairs: Vec<_> = docs
                .iter()
                .map(|d| (d.gold.clone(), entities::predict(&extractor, d)))
                .collect();
            if args.errors {
                print!("{}", entities::render_errors(&docs, &pairs));
            }
            let scores = entities::score(&pairs);
            if args.json {
                println!("{}", serde_json::to_string(&scores)?);
            } else {
                print!("{}", entities::render(&scores, docs.len()));
            }
            Ok(())
        }
        EvalWhat::CvEntities(args) => {
            let t = &args.training;
            let tables = crate::tagger_training::cross_validate(
                &t.dirs,
                args.folds,
                t.settings(),
                &options,
                args.models.as_deref(),
                args.fold,
            )?;
            for (corpus, (documents, scores)) in &tables {
                match args.fold {
                    Some(f) => println!("## {corpus} (fold {f} of {}, held out)", args.folds),
                    None => println!("## {corpus} ({}-fold cross-validation)", args.folds),
                }
                print!("{}", crate::entities::render(scores, *documents));
            }
            Ok(())
        }
        EvalWhat::TrainClasses(args) => {
            let settings = crate::word_classes::Settings {
                coarse: args.coarse,
                fine: args.fine,
                min_count: args.min_count,
                iterations: args.iterations,
            };
            let report = crate::word_classes::train(&args.dirs, &args.out, settings)?;
            println!(
                "clustered {} words of {} tokens in {} texts; wrote {}",
                report.words,
                report.tokens,
                report.documents,
                args.out.display()
            );
            Ok(())
        }
        EvalWhat::TrainEntities(args) => {
            let t = &args.training;
            let report = crate::tagger_training::train(&t.dirs, &args.out, t.settings())?;
            println!(
                "trained on {} documents, {} sentences, {} tokens ({} in names); wrote {}",
                report.documents,
                report.sentences,
                report.tokens,
                report.name_tokens,
                args.out.display()
            );
            Ok(())
        }
        EvalWhat::Quotes(args) => {
            use crate::quotes::{self, report};
            let docs = quotes::evaluate(&extractor()?, &args.dir, &args.corpus, args.half)?;
            let scores = report::score(&docs);
            if args.errors {
                print!("{}", report::render_misses(&scores));
            }
            print!("{}", report::render(&scores));
            Ok(())
        }
        EvalWhat::Hostile(args) => crate::hostile::run(&options, args.max_kb),
        EvalWhat::Speed(args) => {
            let (body, content_type) = match &args.file {
                Some(path) => (std::fs::read(path)?, content_type_for(path)),
                None => (SAMPLE_ARTICLE.as_bytes().to_vec(), Some("text/plain")),
            };
            let extractor = extractor()?;
            let hints = BodyHints {
                content_type,
                message_id: None,
            };
            let run = || extractor.process(&body, hints, Source::default());
            let warm = run().map_err(|e| anyhow::anyhow!("{e} ({})", e.kind()))?;
            let mut totals: std::collections::BTreeMap<String, f64> =
                std::collections::BTreeMap::new();
            let started = std::time::Instant::now();
            for _ in 0..args.iterations.max(1) {
                let record = run().map_err(|e| anyhow::anyhow!("{e}"))?;
                for (stage, ms) in record.timings_ms {
                    *totals.entry(stage).or_default() += ms;
                }
            }
            let n = args.iterations.max(1) as f64;
            let secs = started.elapsed().as_secs_f64();
            println!(
                "{} words, {} sentences: {:.0} docs/s on one core ({:.3} ms/doc)",
                warm.stats.words,
                warm.stats.sentences,
                n / secs,
                secs * 1000.0 / n
            );
            for (stage, ms) in totals {
                println!("  {stage:<18} {:.3} ms", ms / n);
            }
            Ok(())
        }
    }
}
