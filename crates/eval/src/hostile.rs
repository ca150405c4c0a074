//! `article-enricher-eval hostile`: pathological input shapes at growing sizes, each run through
//! the whole pipeline with a very large time budget, printing milliseconds and milliseconds per
//! KB so that a stage superlinear in its input shows as a rising ms/KB column. The shapes:
//! quote-mark storms, one endless sentence, capitalised words, numbers, HTML nested just under
//! the depth limit or with nearly as many elements as allowed, and a JSON envelope with
//! thousands of metadata-looking keys. Each opens with an English lead so that the English-only
//! stages run on it.

use enricher_extract::{BodyHints, Extractor, Limits, Options, SAMPLE_ARTICLE, Source};

/// Levels of `<div>` nesting in the deep HTML shape (the default limit is 512).
const DEPTH: usize = 500;
/// Elements of the wide HTML shape (the default limit is 200,000).
const ELEMENTS: usize = 150_000;
/// Metadata keys of the JSON envelope shape.
const METADATA_KEYS: usize = 20_000;

/// One input: its body, its content type and a note when the shape capped its size.
pub struct Input {
    pub body: Vec<u8>,
    pub content_type: &'static str,
    pub note: Option<String>,
}

/// A shape: its name and how to build an input of about `bytes` bytes.
pub type Shape = (&'static str, fn(usize) -> Input);

/// Every shape, in the order the table prints them.
pub const SHAPES: [Shape; 9] = [
    ("quote-keys", quote_keys),
    ("quote-marks", quote_marks),
    ("endless-sentence", endless_sentence),
    ("capitalised-words", capitalised_words),
    ("numbers", numbers),
    ("deep-html", deep_html),
    ("wide-html", wide_html),
    ("json-metadata", json_metadata),
    ("repeated-sample", repeated_sample),
];

/// The English lead every shape opens with, so that language detection (on the first 4 KB)
/// says English and the English-only stages (entities, quotes, keywords) run on the rest.
#[must_use]
pub fn lead() -> &'static str {
    let mut end = SAMPLE_ARTICLE.len().min(4200);
    while !SAMPLE_ARTICLE.is_char_boundary(end) {
        end -= 1;
    }
    &SAMPLE_ARTICLE[..end]
}

fn text(body: String) -> Input {
    Input {
        body: body.into_bytes(),
        content_type: "text/plain",
        note: None,
    }
}

/// Appends `piece(i)` for i = 1, 2, … until `out` holds `bytes` bytes.
fn fill(bytes: usize, mut piece: impl FnMut(usize, &mut String)) -> String {
    let mut out = String::with_capacity(bytes + 64);
    out.push_str(lead());
    out.push_str("\n\n");
    let mut i = 1;
    while out.len() < bytes {
        piece(i, &mut out);
        i += 1;
    }
    out
}

/// `"k1": 1, "k2": 2, …` as plain text.
#[must_use]
pub fn quote_keys(bytes: usize) -> Input {
    text(fill(bytes, |i, out| {
        out.push_str(&format!("\"k{i}\": {i}, "));
    }))
}

/// Runs of unbalanced curly and straight double quotes between words.
#[must_use]
pub fn quote_marks(bytes: usize) -> Input {
    const RUNS: [&str; 6] = ["“", "” ”", "\"", "“ “ \"", "”", "\" \" “"];
    text(fill(bytes, |i, out| {
        out.push_str(&format!(
            "said Ana{} {} word ",
            i % 97,
            RUNS[i % RUNS.len()]
        ));
    }))
}

/// The sample article again and again with every full stop, question and exclamation mark a
/// comma and every line break a space: one sentence without end, full of quotes and names.
#[must_use]
pub fn endless_sentence(bytes: usize) -> Input {
    let flat: String = SAMPLE_ARTICLE
        .chars()
        .map(|c| match c {
            '.' | '!' | '?' => ',',
            '\n' => ' ',
            c => c,
        })
        .collect();
    text(fill(bytes, |_, out| {
        out.push_str(&flat);
        out.push(' ');
    }))
}

/// A capitalised made-up word, different for each `i` ("Kavero", "Lumita", …).
fn name(i: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "ve", "ro", "lu", "mi", "ta", "so", "ne", "dri", "pa", "gho", "li", "zu", "bre",
        "an", "tor",
    ];
    let mut word = String::new();
    let mut n = i;
    loop {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        if n == 0 {
            break;
        }
    }
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Capitalised words ("Alpha Beta Gamma …" style, all different), a comma every third word
/// and a full stop every thirtieth.
#[must_use]
pub fn capitalised_words(bytes: usize) -> Input {
    text(fill(bytes, |i, out| {
        out.push_str(&name(i));
        out.push_str(match i % 30 {
            0 => ". ",
            k if k % 3 == 0 => ", ",
            _ => " ",
        });
    }))
}

/// Numbers of every form the quantity rules read.
#[must_use]
pub fn numbers(bytes: usize) -> Input {
    text(fill(bytes, |i, out| {
        out.push_str(&match i % 5 {
            0 => format!("{i} "),
            1 => format!("{},{:03} ", i % 1000, i % 997),
            2 => format!("{}.{} percent ", i % 100, i % 10),
            3 => format!("${i} million "),
            _ => format!("{i} tonnes of rice, "),
        });
    }))
}

/// Blocks of `<div>` nested `DEPTH` deep, each level with a line of text, one block after
/// another until the size is reached (capped to stay under the node limit).
#[must_use]
pub fn deep_html(bytes: usize) -> Input {
    let max_blocks = (ELEMENTS / DEPTH).max(1);
    let mut out = format!("<html><body><p>{}</p>", lead());
    let mut blocks = 0;
    while out.len() < bytes && blocks < max_blocks {
        for level in 0..DEPTH {
            out.push_str(&format!(
                "<div>Level {level} of block {blocks} says hello. "
            ));
        }
        out.push_str(&"</div>".repeat(DEPTH));
        blocks += 1;
    }
    out.push_str("</body></html>");
    let note = (out.len() < bytes)
        .then(|| format!("capped at {blocks} blocks of {DEPTH} nested divs (node limit)"));
    Input {
        body: out.into_bytes(),
        content_type: "text/html",
        note,
    }
}

/// Up to `ELEMENTS` sibling paragraphs (just under the node limit), their text lengthened to
/// reach the size.
#[must_use]
pub fn wide_html(bytes: usize) -> Input {
    let elements = (bytes / 16).clamp(1, ELEMENTS);
    let filler = (bytes / elements).saturating_sub(12).max(1);
    let word = "word ".repeat(filler.div_ceil(5));
    let mut out = String::with_capacity(bytes + 64);
    out.push_str("<html><body><p>");
    out.push_str(lead());
    out.push_str("</p>");
    for i in 0..elements {
        out.push_str(&format!("<p>{i} {word}</p>"));
    }
    out.push_str("</body></html>");
    let note = (elements == ELEMENTS).then(|| format!("{ELEMENTS} elements (node limit)"));
    Input {
        body: out.into_bytes(),
        content_type: "text/html",
        note,
    }
}

/// A JSON envelope whose text is `key1: v1` lines and whose metadata has up to
/// `METADATA_KEYS` keys.
#[must_use]
pub fn json_metadata(bytes: usize) -> Input {
    let keys = (bytes / 40).clamp(1, METADATA_KEYS);
    let metadata: serde_json::Map<String, serde_json::Value> = (1..=keys)
        .map(|i| (format!("k{i}"), serde_json::Value::from(format!("v{i}"))))
        .collect();
    let budget = bytes.saturating_sub(keys * 14);
    let body = fill(budget.max(1), |i, out| {
        out.push_str(&format!("key{i}: v{i}\n"));
    });
    let envelope = serde_json::json!({"id": "x", "text": body, "metadata": metadata});
    Input {
        body: envelope.to_string().into_bytes(),
        content_type: "application/json",
        note: (keys == METADATA_KEYS).then(|| format!("{METADATA_KEYS} metadata keys")),
    }
}

/// The sample article repeated, paragraphs apart: the ordinary case, for comparison.
#[must_use]
pub fn repeated_sample(bytes: usize) -> Input {
    text(fill(bytes.saturating_sub(lead().len()), |_, out| {
        out.push_str(SAMPLE_ARTICLE.trim());
        out.push_str("\n\n");
    }))
}

/// The sizes in KB: 1, 10, 100, 1,000, then doubling up to `max_kb`.
#[must_use]
pub fn sizes(max_kb: usize) -> Vec<usize> {
    let mut out: Vec<usize> = [1, 10, 100, 1000]
        .into_iter()
        .filter(|kb| *kb <= max_kb)
        .collect();
    let mut kb = 2000;
    while kb <= max_kb {
        out.push(kb);
        kb *= 2;
    }
    if out.last().is_some_and(|last| *last < max_kb) {
        out.push(max_kb);
    }
    out
}

/// Runs every shape at every size and prints the table.
///
/// # Errors
/// When the extractor cannot be built.
pub fn run(options: &Options, max_kb: usize) -> anyhow::Result<()> {
    let options = Options {
        limits: Limits {
            time_budget_ms: 3_600_000,
            max_body_bytes: options.limits.max_body_bytes.max(max_kb * 1024 * 2),
            ..options.limits.clone()
        },
        ..options.clone()
    };
    let extractor = Extractor::new(options)?;
    println!(
        "{:<18} {:>8} {:>10} {:>10} {:>9}  outcome",
        "shape", "size KB", "ms", "ms/KB", "enrich ms"
    );
    for (shape, build) in SHAPES {
        for kb in sizes(max_kb) {
            let input = build(kb * 1024);
            let hints = BodyHints {
                content_type: Some(input.content_type),
                message_id: None,
            };
            let started = std::time::Instant::now();
            let result = extractor.process(&input.body, hints, Source::default());
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let actual_kb = input.body.len() as f64 / 1024.0;
            let (enrich, outcome) = match &result {
                Ok(record) => (
                    record.timings_ms.get("enrich").copied().unwrap_or(0.0),
                    format!(
                        "ok: {} entities, {} quotes{}",
                        record.entities.len(),
                        record.quotes.len(),
                        if record.notes.is_empty() {
                            String::new()
                        } else {
                            format!("; notes: {}", record.notes.join(" / "))
                        }
                    ),
                ),
                Err(e) => (0.0, format!("error: {}", e.kind())),
            };
            let note = input.note.map(|n| format!(" [{n}]")).unwrap_or_default();
            println!(
                "{shape:<18} {actual_kb:>8.0} {ms:>10.1} {:>10.3} {enrich:>9.1}  {outcome}{note}",
                ms / actual_kb.max(1e-9)
            );
        }
    }
    Ok(())
}
