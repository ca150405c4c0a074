//! Quote attribution for the speaker classes read in the third held-out batch's errors (issue
//! #17): user names, a participle after a comma, a person right before a colon, a noun phrase
//! ending before its past-tense verb. Small texts written for them.

use super::tests::speakers;
use super::*;

fn s(text: &str, speaker: &str, kind: SpeakerKind) -> (String, Option<String>, Option<SpeakerKind>) {
    (text.to_owned(), Some(speaker.to_owned()), Some(kind))
}

#[test]
fn a_user_name_before_or_after_a_speech_verb_is_the_speaker() {
    let text = "Buyers now test what they get. “I only want a fair product,” lupo4411 wrote on the forum.\n\n\
                “I am trying the blue one next,” wrote user mirk2020.";
    assert_eq!(
        speakers(text),
        [
            s("I only want a fair product", "lupo4411", SpeakerKind::Cue),
            s("I am trying the blue one next", "mirk2020", SpeakerKind::Cue),
        ]
    );
}

#[test]
fn a_pronoun_after_a_user_name_resolves_to_the_user_not_an_earlier_person() {
    let text = "Sheriff Tom Hadley said the market was growing.\n\n\
                The case of tainted pills is one of the reasons that CobaltFinch has been pushing for \
                more testing. “Why make the problem worse?” he told me. “The lab shows buyers what they take.”\n\n\
                CobaltFinch told me that he had sent ten samples so far.";
    assert_eq!(
        speakers(text),
        [
            s("Why make the problem worse?", "CobaltFinch", SpeakerKind::Pronoun),
            s("The lab shows buyers what they take.", "CobaltFinch", SpeakerKind::Pronoun),
        ]
    );
}

#[test]
fn a_camel_case_word_never_used_as_a_speaker_is_no_user_name() {
    let text = "Sheriff Tom Hadley said the market was growing. The pills were sold on SilkMarket for years. \
                “We will close it,” he said.";
    assert_eq!(speakers(text), [s("We will close it", "Tom Hadley", SpeakerKind::Pronoun)]);
}

#[test]
fn a_participle_after_a_comma_takes_the_subject_of_the_speech_verb_before_it() {
    let text = "The club has a new captain this year.\n\n\
                The club’s longest-serving coach, Dana Morrow, suggested that Ana Ruiz should be a big success, \
                saying, “All the signs point to a great season.”";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Dana Morrow"));
}

#[test]
fn a_person_named_right_before_a_colon_introduces_the_quote_after_it() {
    let text = "Some testers were won over by the new model, including tester Paul Denholm: “The shoe was a miss \
                for me before. This one broke the streak.”";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Paul Denholm"));
}

#[test]
fn a_noun_phrase_speaker_ends_before_its_past_tense_verb() {
    let text = "Teams want fewer tools.\n\nAnother respondent highlighted the gains of merging tools: “We need \
                better training.”\n\nOne survey respondent summed this up as follows: “Tools matter less than people.”";
    assert_eq!(
        speakers(text),
        [
            s("We need better training.", "Another respondent", SpeakerKind::Colon),
            s("Tools matter less than people.", "One survey respondent", SpeakerKind::Colon),
        ]
    );
}
