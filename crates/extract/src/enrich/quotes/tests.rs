//! Quote attribution, one test per class of the issue, on small texts written for them.

use super::*;
use crate::enrich::entities;
use crate::enrich::models::Models;
use crate::enrich::tokens::{sentences, tokenize};

fn found(text: &str) -> Vec<Quote> {
    let sentences = sentences(text, Some("en"));
    let tokens = tokenize(text, &sentences);
    let (entities, mentions) = entities::find(
        Models::for_tests().entity_lookups(),
        text,
        &tokens,
        &[],
        None,
        entities::DatelineNames::default(),
        Deadline::default(),
    )
    .unwrap();
    find(text, &tokens, &entities, &mentions, &Headings::default(), Deadline::default()).unwrap()
}

fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    found(text)
        .into_iter()
        .map(|q| (q.text, q.speaker, q.cue))
        .collect()
}

/// (text, speaker, kind) of each quote.
pub(super) fn speakers(text: &str) -> Vec<(String, Option<String>, Option<SpeakerKind>)> {
    found(text)
        .into_iter()
        .map(|q| (q.text, q.speaker, q.speaker_kind))
        .collect()
}

fn q(text: &str, speaker: &str, cue: &str) -> (String, Option<String>, Option<String>) {
    (text.to_owned(), Some(speaker.to_owned()), Some(cue.to_owned()))
}

fn s(text: &str, speaker: &str, kind: SpeakerKind) -> (String, Option<String>, Option<SpeakerKind>) {
    (text.to_owned(), Some(speaker.to_owned()), Some(kind))
}

#[test]
fn an_attribution_after_the_quote_names_the_speaker() {
    assert_eq!(
        quotes("Officials met Ana Ruiz. “We are ready,” Ruiz said."),
        [q("We are ready", "Ana Ruiz", "said")]
    );
    assert_eq!(
        quotes("“We are ready,” said Ana Ruiz."),
        [q("We are ready", "Ana Ruiz", "said")]
    );
}

#[test]
fn an_attribution_after_a_long_quote_of_several_sentences_names_the_speaker() {
    let got = speakers(
        "Pedro Okafor runs the depot. “The trucks are late. The roads are shut. We wait,” Okafor said.",
    );
    assert_eq!(got, [s("The trucks are late. The roads are shut. We wait", "Pedro Okafor", SpeakerKind::Cue)]);
}

#[test]
fn an_inverted_attribution_with_a_title_names_the_speaker() {
    let got = speakers("Karin Lindqvist chairs the board. “Nothing changes,” said Ms. Lindqvist.");
    assert_eq!(got[0].1.as_deref(), Some("Karin Lindqvist"));
}

#[test]
fn a_pronoun_resolves_to_the_nearest_earlier_person() {
    assert_eq!(
        quotes("Ana Ruiz disagreed. “Not yet,” she insisted."),
        [q("Not yet", "Ana Ruiz", "insisted")]
    );
}

#[test]
fn a_pronoun_resolves_across_a_paragraph_to_the_person_of_its_gender() {
    let text = "Mr. Tom Berg met Ms. Ana Ruiz at the port.\n\n“The ships wait,” she said.";
    assert_eq!(
        speakers(text),
        [s("The ships wait", "Ana Ruiz", SpeakerKind::Pronoun)]
    );
    let text = "Tom Berg spoke first and his plan won. Ana Ruiz checked her notes.\n\n“It is done,” he said.";
    assert_eq!(speakers(text)[0].1.as_deref(), Some("Tom Berg"));
}

#[test]
fn a_quote_split_by_its_attribution_is_two_quotes_with_one_speaker() {
    assert_eq!(
        quotes("Tom Berg spoke. “First,” he said, “we wait.”"),
        [q("First", "Tom Berg", "said"), q("we wait.", "Tom Berg", "said")]
    );
}

#[test]
fn a_mid_quote_attribution_with_a_role_before_the_name_names_the_speaker() {
    let got = speakers(
        "The coach, Ali Mehr, was proud.\n\n“We came far,” team member Rodaba Noori told the press, “and we learned.”",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|g| g.1.as_deref() == Some("Rodaba Noori")), "{got:?}");
}

#[test]
fn partial_quotes_in_one_sentence_are_not_merged_and_a_plain_subject_is_no_speaker() {
    let got = quotes(
        "Ana Ruiz called the old rules “bureaucratic theatre”, but the final text, she said, was “practical and fair”.",
    );
    assert!(got.iter().all(|g| g.0 != "bureaucratic theatre practical and fair"), "{got:?}");
    assert!(got.iter().all(|g| g.1.as_deref() != Some("the final text")), "{got:?}");
}

#[test]
fn a_noun_phrase_speaks_only_when_its_head_is_an_agent_or_a_document_with_a_document_verb() {
    let got = speakers("“Growth will slow,” the report read.");
    assert_eq!(got[0].1.as_deref(), Some("the report"));
    let got = speakers("“We will rebuild,” the plan said.");
    assert_eq!(got[0].1, None, "{got:?}");
    let got = speakers("“Prices will rise,” the spokeswoman said.");
    assert_eq!(got[0].1.as_deref(), Some("the spokeswoman"));
}

#[test]
fn a_name_inside_the_quote_before_is_not_the_speaker_of_a_running_quote() {
    let text = "Experts disagree.\n\n“Coffee, in itself, has benefits,” states Lauren Slayton. “Sugar does not.”";
    let got = speakers(text);
    assert_eq!(got[1], s("Sugar does not.", "Lauren Slayton", SpeakerKind::RunningQuote));
}

#[test]
fn a_role_word_before_a_name_is_not_the_speaker() {
    let got = speakers("Senior researcher Mu Li, of the university, said “the data is clear and the risk is real.”");
    assert_eq!(got[0].1.as_deref(), Some("Mu Li"), "{got:?}");
}

#[test]
fn a_pronoun_prefers_the_person_whose_given_name_has_its_gender() {
    let text = "Darren Tipton leads Paris Baguette.\n\nParis Baguette remains “a true bakery,” he said.";
    let got = speakers(text);
    assert_eq!(got[0].1.as_deref(), Some("Darren Tipton"), "{got:?}");
}

#[test]
fn given_names_tell_gender_from_the_compiled_list() {
    assert_eq!(cues::given_name_gender("Darren"), Some(false));
    assert_eq!(cues::given_name_gender("lauren"), Some(true));
    assert_eq!(cues::given_name_gender("Zorbu"), None);
}

#[test]
fn a_document_speaks_after_according_to() {
    let got = speakers("“Rents rose by a third,” according to the report.");
    assert_eq!(got, [s("Rents rose by a third", "the report", SpeakerKind::AccordingTo)]);
}

#[test]
fn a_partial_quote_belongs_to_the_subject_of_the_speech_verb() {
    let got = quotes(
        "Tom Berg, who runs the port, has maintained that Ana Ruiz was “quite hostile” to the plan.",
    );
    assert_eq!(got, [q("quite hostile", "Tom Berg", "maintained")]);
}

#[test]
fn a_group_can_be_the_speaker() {
    let got = quotes(
        "Ana Ruiz said some advisers had urged her to wait, warning that a vote could “complicate” talks.",
    );
    assert_eq!(got, [q("complicate", "some advisers", "warning")]);
}

#[test]
fn a_quote_without_attribution_continues_the_previous_speaker() {
    let got = speakers("“We are ready,” Ana Ruiz said. “The vote is next week.”");
    assert_eq!(got[1], s("The vote is next week.", "Ana Ruiz", SpeakerKind::RunningQuote));
}

#[test]
fn an_attribution_in_the_next_paragraph_is_not_this_quotes() {
    let got = quotes("“It works,” Tom Berg said. “It is cheap.”\n\nAna Ruiz said it was not.");
    assert_eq!(got[1].1.as_deref(), Some("Tom Berg"));
}

#[test]
fn a_speaker_introduced_before_a_colon_speaks_the_next_paragraph() {
    let text = "A ministry spokeswoman, Ana Ruiz, said on Sunday:\n\n“The border stays open.”";
    assert_eq!(
        speakers(text),
        [s("The border stays open.", "Ana Ruiz", SpeakerKind::Colon)]
    );
}

#[test]
fn a_speaker_named_in_the_sentence_before_speaks_a_standalone_quote() {
    let text = "Nadia Osei also said the bridge was unsafe. “Nobody should cross it.”";
    assert_eq!(
        speakers(text),
        [s("Nobody should cross it.", "Nadia Osei", SpeakerKind::PreviousSentence)]
    );
}

#[test]
fn a_quote_over_several_paragraphs_is_one_quote_with_one_speaker() {
    let text = "Ana Ruiz told the council:\n\n“We have no money left.\n\n“We need help by May.”\n\nThe council adjourned.";
    assert_eq!(
        speakers(text),
        [s("We have no money left. We need help by May.", "Ana Ruiz", SpeakerKind::Colon)]
    );
}

#[test]
fn a_descriptive_speaker_is_kept_as_the_noun_phrase() {
    let got = speakers("“The water came fast,” the 52-year-old father of two said.");
    assert_eq!(got[0].1.as_deref(), Some("the 52-year-old father"));
    let got = speakers("“We heard it at night,” a neighbour said.");
    assert_eq!(got[0].1.as_deref(), Some("a neighbour"));
    let got = speakers("“Prices will rise,” said the central bank.");
    assert_eq!(got[0].1.as_deref(), Some("the central bank"));
}

#[test]
fn according_to_names_the_speaker() {
    let got = speakers("“The dam held,” according to Ana Ruiz.");
    assert_eq!(got, [s("The dam held", "Ana Ruiz", SpeakerKind::AccordingTo)]);
}

#[test]
fn told_reporters_wrote_in_a_statement_and_tweeted_are_speech() {
    for verb in ["told reporters", "wrote in a statement", "tweeted"] {
        let text = format!("Ana Ruiz {verb}: “We will appeal.”");
        assert_eq!(speakers(&text)[0].1.as_deref(), Some("Ana Ruiz"), "{verb}");
    }
}

#[test]
fn a_name_the_tagger_missed_still_speaks_before_a_speech_verb() {
    let got = speakers("“Eat more beans,” Zorbu said.");
    assert_eq!(got, [s("Eat more beans", "Zorbu", SpeakerKind::Cue)]);
}

#[test]
fn titles_slogans_and_scare_quotes_are_not_attributed() {
    let got = speakers("Ana Ruiz sang “Better Days Ahead” at the “festival” on Sunday.");
    assert!(got.is_empty(), "{got:?}");
}


#[test]
fn an_inverted_attribution_with_a_role_title_names_the_speaker() {
    let got = speakers("“This was not possible before,” said Ambassador Mohib.");
    assert_eq!(got[0].1.as_deref(), Some("Mohib"), "{got:?}");
}

#[test]
fn a_with_clause_subject_speaks_and_a_coordinated_name_is_no_apposition() {
    let got = speakers(
        "It quoted lawyer Colin Yeo, and campaigner Caitlin Boswell, with Boswell stating: “The form is unfair.”",
    );
    assert_eq!(got[0].1.as_deref(), Some("Caitlin Boswell"), "{got:?}");
}

#[test]
fn a_pronoun_right_after_a_quote_is_that_quotes_speaker() {
    let text = "Mark Mattson studies fasting.\n\n“It works,” says Okafor. “Muscle may go too,” he adds.";
    let got = speakers(text);
    assert_eq!(got[1], s("Muscle may go too", "Okafor", SpeakerKind::Pronoun));
}

#[test]
fn a_colon_inside_the_sentence_gives_the_quote_to_its_subject() {
    let got = speakers("During questions on Wednesday, Ana Ruiz defended the record: “We are working hard.”");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn an_inverted_attribution_names_the_person_after_an_organisation_and_a_role() {
    let got = speakers("“Machine learning changes every industry,” said MIT computer science professor Aleksander Madry, director of a centre.");
    assert_eq!(got[0].1.as_deref(), Some("Aleksander Madry"), "{got:?}");
}

#[test]
fn a_pull_quote_signed_after_a_dash_is_the_signers() {
    let got = speakers("Why we like it\n\n“The lid keeps coffee hot for hours.” — Rochelle Bilow, editor\n\nMore text.");
    assert_eq!(got[0].1.as_deref(), Some("Rochelle Bilow"), "{got:?}");
    assert_eq!(got[0].2, Some(SpeakerKind::Cue));
}

#[test]
fn a_pull_quote_with_the_name_alone_on_the_next_line_is_that_persons() {
    let got = speakers("“Read what excites you and talk about it.”\nLaura Cranston\nMuseum President\n\nMore text.");
    assert_eq!(got[0].1.as_deref(), Some("Laura Cranston"), "{got:?}");
}

#[test]
fn a_dash_before_running_text_is_no_signature() {
    let got = speakers("Ana Ruiz spoke first. “We wait.” — Then the trucks came, and everyone left.");
    assert_ne!(got[0].1.as_deref(), Some("Then"), "{got:?}");
}

#[test]
fn inquired_and_other_less_common_speech_verbs_attribute() {
    let got = speakers("“That is a big allegation,” inquired Pineda.");
    assert_eq!(got[0].1.as_deref(), Some("Pineda"), "{got:?}");
}

#[test]
fn an_inverted_attribution_names_the_person_after_a_possessive_role_and_a_comma() {
    let got = speakers("“Sales will grow,” said the company’s chief executive, Tim Cook.");
    assert_eq!(got[0].1.as_deref(), Some("Tim Cook"), "{got:?}");
}

#[test]
fn a_day_after_an_inverted_role_is_no_speaker() {
    let got = speakers("“We will appeal,” said the official Thursday.");
    assert_ne!(got[0].1.as_deref(), Some("Thursday"), "{got:?}");
}

#[test]
fn in_the_words_of_names_the_speaker_like_according_to() {
    let got = speakers("The plan was “a disaster from day one,” in the words of Ana Ruiz.");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
    assert_eq!(got[0].2, Some(SpeakerKind::AccordingTo));
}

#[test]
fn a_named_owner_of_a_written_source_speaks_through_it() {
    let got = speakers("Ana Ruiz’s latest statement concluded, “The plan is dead.”");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn a_named_owner_of_critics_is_not_their_speaker() {
    let got = speakers("Ana Ruiz’s critics said, “The plan is dead.”");
    assert_ne!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn a_described_and_named_speaker_before_a_colon_speaks_the_next_paragraph() {
    let got = speakers("A ministry spokeswoman, Ana Ruiz, said on Sunday:\n\n“We start now. The trucks leave at dawn.”\n\nThe ministry declined further comment.");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn a_statement_that_reads_before_a_colon_speaks_the_next_paragraph() {
    let got = speakers("The ministry issued a statement on Monday. The statement read:\n\n“We regret the delay and apologise to travellers.”");
    assert!(got[0].1.is_some(), "{got:?}");
}

#[test]
fn according_to_a_noun_phrase_after_the_quote_keeps_the_phrase() {
    let got = speakers("The talks collapsed. “Nobody wanted to give ground on the border,” according to a senior official.");
    assert_eq!(got[0].1.as_deref(), Some("a senior official"), "{got:?}");
}

#[test]
fn according_to_before_the_quote_names_the_speaker() {
    let got = speakers("According to Ana Ruiz, “the talks failed because nobody moved.”");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn a_pronoun_before_a_colon_resolves_for_the_next_paragraphs_quote() {
    let got = speakers("Ana Ruiz runs the ministry.\n\nShe said:\n\n“We start now and we finish in May.”");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn a_pronoun_skips_a_nearer_person_of_the_other_gender_across_a_paragraph() {
    let got = speakers("Ana Ruiz met Tom Berg on Monday. Berg left early.\n\n“We will not sign this,” she told reporters.");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn according_to_a_name_with_a_relative_clause_names_the_speaker() {
    let got = speakers("The deal is “dead in the water and everyone knows it,” according to Ana Ruiz, who led the talks.");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn told_reporters_after_a_titled_surname_names_the_full_name() {
    let got = speakers("Karin Lindqvist chairs the board.\n\n“Nothing changes for now,” Ms. Lindqvist told reporters after the vote.");
    assert_eq!(got[0].1.as_deref(), Some("Karin Lindqvist"), "{got:?}");
}

#[test]
fn an_organisation_that_said_in_a_statement_before_a_colon_speaks() {
    let got = speakers("The central bank said in a statement: “Inflation remains too high.”");
    assert_eq!(got[0].1.as_deref(), Some("The central bank"), "{got:?}");
}

#[test]
fn a_running_quote_in_the_next_paragraph_keeps_the_speaker() {
    let got = speakers("“We start now,” said Ana Ruiz.\n\n“We finish in May. Then we rest.”");
    assert_eq!(got[1].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn an_inverted_attribution_with_an_abbreviated_title_and_party_names_the_senator() {
    let got = speakers("“We will block this bill,” said Sen. Lindsey Graham, R-S.C., on Tuesday.");
    assert_eq!(got[0].1.as_deref(), Some("Lindsey Graham"), "{got:?}");
}

#[test]
fn a_noun_phrase_speaker_with_a_relative_clause_before_the_verb_speaks() {
    let got = speakers("“The talks are over,” the official, who spoke on condition of anonymity, said.");
    assert_eq!(got[0].1.as_deref(), Some("the official"), "{got:?}");
}

#[test]
fn a_news_agency_in_the_dateline_is_not_the_speaker() {
    let got = speakers("WASHINGTON (Reuters) - The talks are over.\n\n“We will not sign,” she said.");
    assert_ne!(got[0].1.as_deref(), Some("Reuters"), "{got:?}");
}

#[test]
fn a_long_quote_then_a_name_with_an_apposition_then_the_verb_names_the_speaker() {
    let got = speakers("Tom Berg spoke first.\n\n“The roads are shut. The trucks are late. We wait for news from the capital and nobody calls,” Ana Ruiz, the regional governor, said in an interview.");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
}

#[test]
fn he_added_in_the_next_paragraph_continues_the_named_speaker() {
    let got = speakers("“The roads are shut,” Tom Berg said.\n\nHe added: “We wait.”");
    assert_eq!(got[1].1.as_deref(), Some("Tom Berg"), "{got:?}");
}

#[test]
fn a_standalone_quote_after_a_sentence_opened_by_a_person_is_that_persons() {
    let got = speakers("Ana Ruiz, the regional governor, was blunt.\n\n“Nobody calls us. Nobody cares.”");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"), "{got:?}");
    assert_eq!(got[0].2, Some(SpeakerKind::PreviousSentence));
}

#[test]
fn a_standalone_quote_after_a_sentence_not_opened_by_a_person_gets_no_speaker_from_it() {
    let got = speakers("The trucks met Ana Ruiz at the border.\n\n“Nobody calls us. Nobody cares.”");
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn an_initial_before_a_tagged_name_belongs_to_the_speaker() {
    let got = speakers("“Prices will rise,” said J. Walter Okonkwo, an analyst at the bank.");
    assert_eq!(got.len(), 1);
    assert!(got[0].1.as_deref().is_some_and(|n| n.ends_with("Okonkwo")), "{got:?}");
}

#[test]
fn the_name_in_an_apposition_after_a_description_is_the_speaker() {
    let got = speakers("“We tried everything,” her brother, Tomasz, said on Friday.");
    assert_eq!(got, [s("We tried everything", "Tomasz", SpeakerKind::Cue)]);
}

#[test]
fn it_said_in_a_statement_is_the_organisation_named_before() {
    let text = "The Food Safety Authority warned shoppers about the pills.\n\n“Do not take them,” it said in a statement.";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2, Some(SpeakerKind::Pronoun));
    assert!(got[0].1.as_deref().is_some_and(|n| n.contains("Authority")), "{got:?}");
}

#[test]
fn it_with_no_organisation_before_gives_no_speaker() {
    let got = speakers("The rain fell all week.\n\n“Stay indoors,” it said on the radio.");
    assert!(got.iter().all(|g| g.1.is_none()), "{got:?}");
}

#[test]
fn a_running_quote_carries_over_a_caption_that_names_nobody() {
    let text = "“The river is rising,” said Marta Kowalczyk, the mayor.\n\nFlood barriers on the quay at dawn\n\n“We will hold the line tonight.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].2, Some(SpeakerKind::RunningQuote));
    assert_eq!(got[1].1, got[0].1);
}

#[test]
fn a_running_quote_does_not_carry_over_a_paragraph_naming_another_person() {
    let text = "“The river is rising,” said Marta Kowalczyk, the mayor.\n\nThe barriers were built in 2010.\n\nSenator John Peters opposed them at the time.\n\n“We will hold the line tonight.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2);
    assert_ne!(got[1].1, got[0].1, "{got:?}");
}

#[test]
fn a_speaker_who_closes_the_previous_paragraph_speaks_the_standalone_quote() {
    let text = "Officials met on Monday.\n\nHelena Brandt, the finance minister, said on Sunday that the plan was dead.\n\n“There is no money left for it.”";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2, Some(SpeakerKind::PreviousSentence));
    assert!(got[0].1.as_deref().is_some_and(|n| n.ends_with("Brandt")), "{got:?}");
}

#[test]
fn a_news_agency_in_a_dateline_is_never_the_speaker() {
    let text = "WASHINGTON (Reuters) -- The ministry called the plan “a betrayal of every family who trusted the government with their savings”.";
    let got = speakers(text);
    assert!(
        got.iter().all(|g| g.1.as_deref() != Some("Reuters")),
        "{got:?}"
    );
    let text = "LONDON (AP) — Officials said the border “would stay closed to all traffic until further notice from the government”.";
    let got = speakers(text);
    assert!(got.iter().all(|g| g.1.as_deref() != Some("AP")), "{got:?}");
}

#[test]
fn instructed_and_retorted_are_speech_verbs() {
    assert_eq!(
        speakers("“Keep the clamp steady,” instructed Milan Horvat, the supervisor."),
        [s("Keep the clamp steady", "Milan Horvat", SpeakerKind::Cue)]
    );
}

#[test]
fn a_named_owner_and_a_speaking_noun_are_one_speaker() {
    let got = speakers("“The talks are over,” Russia’s foreign ministry said on Monday.");
    assert_eq!(
        got,
        [s("The talks are over", "Russia’s foreign ministry", SpeakerKind::Cue)]
    );
    let got = speakers("Marta Kowalczyk’s campaign said in a statement: “We will win.”");
    assert_eq!(got.len(), 1);
    assert!(got[0].1.as_deref().is_some_and(|n| n.ends_with("campaign")), "{got:?}");
}

#[test]
fn a_caption_naming_the_speaker_in_full_does_not_stop_the_running_quote() {
    let text = "“The sea is sick,” says Parata, a tribal elder.\n\nHori Parata at his farm near the coast\n\n“We are having to put up with a lot.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].2, Some(SpeakerKind::RunningQuote), "{got:?}");
}

#[test]
fn a_question_quote_then_its_attribution_as_the_next_sentence_names_the_speaker() {
    assert_eq!(
        quotes("Analysts follow Tom Varga. “Do they take the profit?” Varga said. “It is big!” said Ana Ruiz."),
        [q("Do they take the profit?", "Tom Varga", "said"), q("It is big!", "Ana Ruiz", "said")]
    );
}

#[test]
fn in_a_persons_words_names_the_speaker_like_according_to() {
    assert_eq!(
        speakers("Ana Ruiz studied the plan. In Ms. Ruiz’s words, “It is over for now.”"),
        [s("It is over for now.", "Ana Ruiz", SpeakerKind::AccordingTo)]
    );
}

#[test]
fn as_a_person_puts_it_and_had_written_are_speech() {
    assert_eq!(
        quotes("As Pia Kalno, director of the laboratory, puts it, “Plants have to plan ahead.”"),
        [q("Plants have to plan ahead.", "Pia Kalno", "puts")]
    );
    assert_eq!(
        quotes("In the paper, Edwin Laurent had written, “Special thanks are due to the team.”"),
        [q("Special thanks are due to the team.", "Edwin Laurent", "written")]
    );
}

#[test]
fn according_to_or_a_persons_point_of_view_in_the_sentence_before_gives_a_standalone_quote_its_speaker() {
    assert_eq!(
        speakers("According to Jess Borland, the machines are too heady. “If you play with them, you see the cracks.”"),
        [s("If you play with them, you see the cracks.", "Jess Borland", SpeakerKind::PreviousSentence)]
    );
    assert_eq!(
        speakers("To Mira Lewin, the robots are a sign of change. “There have never been any robots.”"),
        [s("There have never been any robots.", "Mira Lewin", SpeakerKind::PreviousSentence)]
    );
}

#[test]
fn a_photo_credit_is_no_candidate_for_a_pronoun() {
    let text = "President Seo Ji Hoon apologized on Saturday.\n\nA rally in Seoul on Thursday. \
                Andrew Wilde / AFP - Getty Images\n\n“I deeply regret this,” he said.";
    assert_eq!(
        speakers(text),
        [s("I deeply regret this", "Seo Ji Hoon", SpeakerKind::Pronoun)]
    );
}

#[test]
fn an_object_pronoun_does_not_tell_the_subjects_gender() {
    let text = "Martha Hallam hired her replacement. Laurent thanked Miss Ellen Fenwick. \
                Once Fenwick arrived, Laurent gave her a manual.\n\n“He carried a lot in his head,” she said.";
    let found = speakers(text);
    assert_eq!(found.len(), 1);
    assert!(found[0].1.as_deref().is_some_and(|n| n.ends_with("Fenwick")), "{found:?}");
}

#[test]
fn a_pronoun_keeps_the_last_speaker_over_a_paragraph_that_names_only_them() {
    let text = "Mr. Seo declared martial law and his party left.\n\n“The democracy is being wrecked,” \
                Tom Berg said.\n\nBerg also expressed concern about relations with the U.S.\n\n\
                “Our credibility has been hit,” he said.";
    let found = speakers(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].1.as_deref(), Some("Tom Berg"), "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Tom Berg"), "{found:?}");
}

#[test]
fn a_title_or_a_term_used_as_a_noun_in_the_sentence_is_no_quote() {
    assert_eq!(quotes("Fans wait. “Star Runner Go” will launch on December 15."), []);
    assert_eq!(quotes("Dana Emory says we now live in a “post-truth” society."), []);
    assert_eq!(quotes("The scientists asked them to perform a “direction discrimination” task."), []);
    assert_eq!(quotes("His masterwork titled “Periodic Motion in Fluids,” appeared in 1963."), []);
    assert_eq!(quotes("“Hope,” Ana Ruiz said."), [q("Hope", "Ana Ruiz", "said")]);
    assert_eq!(quotes("A sign reads “Welcome to the Valley,” visible from the road."), []);
}


#[test]
fn a_person_closing_a_run_of_organisation_and_title_words_is_the_speaker() {
    let got = quotes(
        "Brillco shipped it in May. “It was a long road,” says Brillco Cloud Product Manager Dana Ruiz.",
    );
    assert_eq!(got, [q("It was a long road", "Dana Ruiz", "says")]);
}

#[test]
fn according_to_an_organisations_person_names_the_person() {
    let got = speakers(
        "Analysts met Tomas Berg of Zantex. According to Zantex’s Berg, “the market is turning.”",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    let speaker = got[0].1.as_deref().unwrap_or_default();
    assert!(speaker.ends_with("Berg"), "{got:?}");
}

#[test]
fn with_no_tagged_person_a_given_name_and_a_surname_closing_the_run_are_the_speaker() {
    // No entities at all: only the given-name fallback can name the person.
    let speaker_of = |text: &str| {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let index = index::Index::new(text, &tokens, &[], &[]);
        let quote_end = text.find('”').map(|i| i + '”'.len_utf8()).unwrap();
        super::attribution_after::after_quote(&index, quote_end).map(|(found, ..)| found)
    };
    assert_eq!(
        speaker_of("“We shipped it,” says Zantex Fonts Product Manager Sophia Quorne."),
        Some(index::Speaker::Name("Sophia Quorne".to_owned()))
    );
    // Not a known given name: the fallback does not take the last two words.
    assert_ne!(
        speaker_of("“We shipped it,” says Zantex Fonts Product Manager Velbor Quorne."),
        Some(index::Speaker::Name("Velbor Quorne".to_owned()))
    );
}

#[test]
fn a_first_name_alone_speaks_as_the_full_name_the_article_gives() {
    assert_eq!(
        quotes("Marta Quellin runs the bakery in Tolbury.\n\n“We bake at dawn,” Marta said."),
        [q("We bake at dawn", "Marta Quellin", "said")]
    );
}

#[test]
fn a_known_surname_the_tagger_left_untagged_is_a_person_mention() {
    let text = "Ellen Vorst joined in May. Once Vorst arrived, work sped up.";
    let sentences = sentences(text, Some("en"));
    let tokens = tokenize(text, &sentences);
    let vorst = entities::Entity {
        name: "Ellen Vorst".to_owned(),
        kind: entities::Kind::Person,
        aliases: Vec::new(),
        roles: Vec::new(),
        mentions: Vec::new(),
        count: 1,
        salience: 1.0,
    };
    let tagged = [MentionRef { start: 0, end: 11, entity: 0, sentence: 0 }];
    let found = index::untagged_person_words(text, &tokens, &[vorst], &tagged);
    let at = text.find("Vorst arrived").unwrap();
    assert_eq!(found.iter().map(|m| (m.start, m.entity)).collect::<Vec<_>>(), [(at, 0)]);
}

#[test]
fn magazine_speech_verbs_and_plural_subjects_attribute() {
    assert_eq!(
        quotes("“Colour is back this year,” Marta Pell shares."),
        [q("Colour is back this year", "Marta Pell", "shares")]
    );
    assert_eq!(
        quotes("“The effect is small but real,” the authors conclude."),
        [q("The effect is small but real", "the authors", "conclude")]
    );
}

#[test]
fn a_possessive_determiner_opens_a_noun_phrase_speaker() {
    assert_eq!(
        quotes("“The handle slips when it is wet,” our tester noted."),
        [q("The handle slips when it is wet", "our tester", "noted")]
    );
}

#[test]
fn a_title_case_role_joined_by_and_leads_to_the_person_closing_it() {
    let got = speakers("“Guests want stories now,” says Pell Events Co-Owner and Lead Planner Marta Pell.");
    assert_eq!(got.len(), 1);
    assert!(got[0].1.as_deref().is_some_and(|s| s.ends_with("Marta Pell")), "{got:?}");
}

#[test]
fn a_pronoun_keeps_the_full_name_that_was_the_subject_of_the_sentence_before() {
    assert_eq!(
        speakers(
            "Mira Tolland runs a gallery in Leeds. Quinn Arden, a designer, says colour matters most. “Clients want bold hues,” she says."
        ),
        [s("Clients want bold hues", "Quinn Arden", SpeakerKind::Pronoun)]
    );
}

#[test]
fn a_pronoun_in_the_sentence_before_a_standalone_quote_resolves_where_it_stands() {
    let got = speakers(
        "Dario Fenn runs the bakery. He said on Monday, after a talk with Tam Oduya in Lyon, that the bakery would stay.\n\n“We bake every morning.”",
    );
    assert_eq!(got, [s("We bake every morning.", "Dario Fenn", SpeakerKind::PreviousSentence)]);
}
