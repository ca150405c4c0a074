//! Quote attribution for the speaker classes read in the fourth held-out batch's errors (issue
//! #17): publications and users in inverted cues, list items after the sentence naming their
//! speakers, noun phrases with no determiner, relative clauses, documents as speakers, an
//! apposition missing its closing comma. Small texts written for them.

use super::tests::speakers;
use super::*;

fn s(text: &str, speaker: &str, kind: SpeakerKind) -> (String, Option<String>, Option<SpeakerKind>) {
    (text.to_owned(), Some(speaker.to_owned()), Some(kind))
}

#[test]
fn an_inverted_cue_naming_a_publication_after_the_article_gives_the_publication() {
    let text = "Mill town news.\n\n\
                “The mill will close in May and nobody knows why,” reports the Daily Courier.";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert!(got[0].1.as_deref().is_some_and(|n| n.ends_with("Daily Courier")), "{got:?}");
    assert_eq!(got[0].2, Some(SpeakerKind::Cue));
}

#[test]
fn a_user_name_after_a_reader_noun_in_an_inverted_cue_is_the_speaker_of_both_halves() {
    let text = "Drive news.\n\n\
                “The new drives ship this week,” writes long-time Gazette reader QuillFox, “with more to come.”";
    assert_eq!(
        speakers(text),
        [
            s("The new drives ship this week", "QuillFox", SpeakerKind::Cue),
            s("with more to come.", "QuillFox", SpeakerKind::Cue),
        ]
    );
}

#[test]
fn list_items_after_a_sentence_opening_with_a_speaking_noun_phrase_are_that_phrase_s_words() {
    let text = "The show opened on Friday.\n\n\
                Festival visitors gave it four stars.\n\n\
                - “It was the best night of the summer. I cried at the end.”\n\
                - “Too long, and the songs were dull. I left early.”";
    assert_eq!(
        speakers(text),
        [
            s("It was the best night of the summer. I cried at the end.", "Festival visitors", SpeakerKind::PreviousSentence),
            s("Too long, and the songs were dull. I left early.", "Festival visitors", SpeakerKind::RunningQuote),
        ]
    );
}

#[test]
fn a_noun_phrase_with_no_determiner_opening_the_sentence_is_the_speaker_not_its_first_word() {
    let text = "The law is old.\n\n\
                Legal scholars have found a gap: “No court has ever read the rule that way, and none will.”";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Legal scholars"));
}

#[test]
fn a_relative_clause_with_a_speech_verb_makes_its_noun_phrase_the_speaker() {
    let text = "The piece cites a Varden College history lecturer who says “We are only now reading these letters properly.”";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("a Varden College history lecturer"));
}

#[test]
fn an_article_that_points_out_speaks_as_a_document() {
    let text = "Snow is coming.\n\n\
                “Trains may run late in the snow, and some will not run at all,” the article points out.";
    assert_eq!(
        speakers(text),
        [s("Trains may run late in the snow, and some will not run at all", "the article", SpeakerKind::Cue)]
    );
}

#[test]
fn a_dated_report_of_a_named_office_speaks_through_its_owner() {
    let text = "The pier was checked.\n\n\
                The Harbour Office’s June 2024 report concluded that “the pier is safe for another ten years.”";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert!(got[0].1.as_deref().is_some_and(|n| n.contains("Harbour Office")), "{got:?}");
}

#[test]
fn a_person_after_the_quote_whose_apposition_lacks_its_closing_comma_is_the_speaker() {
    let text = "Paint sales fell.\n\n\
                “It is a hard market for everyone right now,” Dana Okoro, owner of Okoro Paints & Tiles told us.";
    assert_eq!(
        speakers(text),
        [s("It is a hard market for everyone right now", "Dana Okoro", SpeakerKind::Cue)]
    );
}

#[test]
fn a_subject_a_dozen_words_after_a_quote_ending_mid_sentence_is_the_speaker() {
    let text = "The audit ended.\n\n\
                “Ten more crashes were found by the tool” in 4,000 old files, Brightline says in a blog post.";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Brightline"));
}

#[test]
fn a_capitalised_role_word_alone_opening_the_sentence_is_no_speaker() {
    let text = "Schools were asked.\n\n\
                Undersecretary for Schools Mr. Pavel Orsini said “many schools will raise their fees.”";
    let got = speakers(text);
    assert!(got.iter().all(|q| q.1.as_deref() != Some("Undersecretary")), "{got:?}");
}
