//! Quote attribution for the classes of the fifth held-out batch's errors (issue #17): quotes
//! under a sentence ending with a colon or under a line that is only a name, list items with
//! their own inverted cue, long inverted titles, and noun phrases cut at the right word. Small
//! texts written for them.

use super::tests::speakers;
use super::*;

fn speaker_names(text: &str) -> Vec<Option<String>> {
    speakers(text).into_iter().map(|(_, speaker, _)| speaker).collect()
}

fn named(names: &[&str]) -> Vec<Option<String>> {
    names.iter().map(|n| Some((*n).to_owned())).collect()
}

#[test]
fn list_items_under_a_sentence_ending_with_a_colon_take_the_speaker_it_names() {
    let text = "The council met on Monday to discuss the harbour.\n\n\
                Mayor Lina Okafor outlined her plan this morning:\n\n\
                - “We will rebuild the north pier by spring.”\n\n\
                - “Every fishing family will get a grant.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2);
    for (_, speaker, kind) in got {
        assert_eq!(speaker.as_deref(), Some("Lina Okafor"));
        assert_eq!(kind, Some(SpeakerKind::Colon));
    }
}

#[test]
fn a_quote_paragraph_after_an_introduction_with_a_speech_verb_and_a_colon_takes_its_speaker() {
    let text = "A ministry spokeswoman, Ana Ruiz, said on Sunday:\n\n\
                “The talks will resume next week in Geneva.”";
    assert_eq!(speaker_names(text), named(&["Ana Ruiz"]));
}

#[test]
fn a_list_item_with_its_own_cue_ends_the_run_of_the_introduction() {
    let text = "Mayor Lina Okafor heard from residents on Tuesday:\n\n\
                - “The road floods every spring,” said a shop owner.\n\n\
                - “We need a new drain before the winter.”";
    let got = speaker_names(text);
    assert_eq!(got[0].as_deref(), Some("a shop owner"));
    assert_ne!(got[1].as_deref(), Some("Lina Okafor"));
}

#[test]
fn a_line_naming_a_person_and_a_show_heads_the_quotes_listed_under_it() {
    let text = "Officials spoke on the morning programmes.\n\n\
                Senator Ana Ruiz on Morning Report\n\n\
                - On the budget: “We cannot cut the school fund this year.”\n\n\
                - On fuel duty and what it costs drivers in the north: “Nobody will pay more at the pump.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2);
    for (_, speaker, kind) in got {
        assert_eq!(speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(kind, Some(SpeakerKind::PreviousSentence));
    }
}

#[test]
fn a_line_naming_an_organisation_heads_the_statement_under_it() {
    let text = "Groups welcomed the decision.\n\n\
                Harbour Workers Union\n\n\
                “The deal protects every job in the port and we thank the board for it.”\n\n\
                Coastal Farmers League\n\n\
                “This is a fair outcome for the farms along the estuary.”";
    assert_eq!(speaker_names(text), named(&["Harbour Workers Union", "Coastal Farmers League"]));
}

#[test]
fn a_line_of_common_words_or_a_sentence_of_prose_heads_no_quote() {
    let text = "And\n\n“We were never told about the closure of the ward.”";
    assert_eq!(speaker_names(text), [None]);
}

#[test]
fn a_list_items_own_inverted_cue_beats_the_running_quote_of_the_item_before() {
    let text = "Residents want more buses:\n\n\
                - “The buses never come on time,” said a nurse who works nights.\n\n\
                - “I walk home in the dark,” said a Riverside mom recently robbed on her street. \
                “It scares me every night.”";
    assert_eq!(speaker_names(text), named(&["a nurse", "a Riverside mom", "a Riverside mom"]));
}

#[test]
fn a_long_inverted_title_with_commas_gives_the_person_closing_it() {
    let text = "“The port will need more staff,” said Harbor Trust Senior Vice President of Planning, \
                Ana Ruiz.\n\n\
                “Funding is the key question,” said Port Council Executive Director, Chief Planner, and Head \
                of Works, Dana Lee.";
    assert_eq!(speaker_names(text), named(&["Ana Ruiz", "Dana Lee"]));
}

#[test]
fn a_noun_phrase_speaker_stops_before_a_relative_clause_or_place_and_joins_two_roles() {
    let text = "“Nobody checked the wiring,” said a cafe owner and burglary victim.\n\n\
                “It could have been my son,” says a man whose son was hurt in the crash.\n\n\
                “The noise never stops,” said a resident near the old mill.";
    assert_eq!(
        speaker_names(text),
        named(&["a cafe owner and burglary victim", "a man", "a resident"])
    );
}

#[test]
fn the_subject_of_a_sentence_ending_with_a_colon_speaks_without_a_speech_verb() {
    let text = "- In Leeds, a baker praises the new rule: “It saves me an hour every single day.”";
    assert_eq!(speaker_names(text), named(&["a baker"]));
}

#[test]
fn a_line_of_page_furniture_above_a_quote_is_no_source() {
    let text = "“The port will reopen in May,” said harbour master Tomas Berg.\n\n\
                Related Coverage\n\n\
                “We have the staff and the ships to do it.”";
    let got = speaker_names(text);
    assert_ne!(got[1].as_deref(), Some("Related Coverage"));
}

#[test]
fn as_a_source_put_it_before_a_colon_introduces_the_quote() {
    let text = "The auditors checked every ledger. As the auditors put it:\n\n\
                “The accounts are in good order for the third year running.”\n\n\
                The board met again in June. As Tomas Berg put it bluntly:\n\n\
                “Nobody is leaving the harbour this year.”";
    assert_eq!(speaker_names(text), named(&["the auditors", "Tomas Berg"]));
}

#[test]
fn prose_between_an_introduction_and_a_quote_ends_its_run() {
    let text = "Mayor Lina Okafor outlined her plan this morning:\n\n\
                - “We will rebuild the north pier by spring.”\n\n\
                The council will vote on the plan in May after a public hearing.\n\n\
                - “The pier has waited long enough for this.”";
    let got = speakers(text);
    assert_eq!(got[0].2, Some(SpeakerKind::Colon));
    assert_ne!(got[1].2, Some(SpeakerKind::Colon));
}
