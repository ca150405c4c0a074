//! Quote attribution for the speaker classes read in the seventh held-out batch's errors (issue
//! #17, press releases of members of Congress): a party and district in brackets between the
//! speaker and the verb, a military rank before the name, a running quote after a quote whose
//! marks are mixed, a source written after the quote with no verb, an organisation with a plural
//! possessive before a role and a name, a stray full stop between a name and its verb, a nickname
//! in quote marks inside a name. Small texts written for them.

use super::tests::speakers;
use super::*;

#[test]
fn a_party_and_district_in_brackets_between_the_speaker_and_the_verb_do_not_hide_the_speaker() {
    let text = "Bridge news.\n\n\
                “We waited ten years for this,” said Mayor Tom Brandt. \
                “The river road opens on Monday,” Senator Maria Lopez (D-Ore.) said.";
    let got = speakers(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Maria Lopez"), "{got:?}");
    assert_eq!(got[1].2, Some(SpeakerKind::Cue));
}

#[test]
fn a_military_rank_before_the_name_in_an_inverted_cue_is_not_the_speaker() {
    let text = "Clinic news.\n\n\
                “The clinic is open again,” said Sgt. First Class Dana Whitfield, a recruiter in Flint. \
                “We have waited for months.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Dana Whitfield"), "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Dana Whitfield"), "{got:?}");
}

#[test]
fn a_name_and_title_after_a_quote_with_no_verb_name_the_speaker() {
    let text = "Court news.\n\n\
                “The court must hear this case,” said Dana Webb, head of the Bar Council. \
                “The centres help children tell their story once,” Chuck Alder, National President, Police Union. \
                “They save time for officers.”";
    let got = speakers(text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Chuck Alder"), "{got:?}");
    assert_eq!(got[2].1.as_deref(), Some("Chuck Alder"), "{got:?}");
}

#[test]
fn a_long_rank_and_service_before_a_name_the_tagger_misses_leave_the_name_as_the_speaker() {
    let text = "Clinic news.\n\n\
                “The new office helps veterans find work,” said Sgt. First Class U.S. Army Retired Ronnie Vale, \
                an adviser for the state. “It is a good start.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].1.as_deref().is_some_and(|n| n.ends_with("Ronnie Vale")), "{got:?}");
    assert!(got[1].1.as_deref().is_some_and(|n| n.ends_with("Ronnie Vale")), "{got:?}");
}

#[test]
fn an_organisation_with_a_plural_possessive_before_a_role_and_a_name_is_not_the_speaker() {
    let text = "Farm news.\n\n\
                “The bill helps every family farm,” said Senate Farmers’ Rights Committee Chairman Dana Whitfield (D-Ore.). \
                “It passed with both parties.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Dana Whitfield"), "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Dana Whitfield"), "{got:?}");
}

#[test]
fn a_stray_full_stop_between_a_name_and_its_speech_verb_leaves_the_name_as_the_speaker() {
    let text = "Bridge news.\n\n\
                “The road opens in May,” said Mayor Tom Brandt (OR-02). \
                Senator Maria Lopez (D-Ore.). said, “We waited ten years for this bridge.”";
    let got = speakers(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Maria Lopez"), "{got:?}");
    assert_eq!(got[1].2, Some(SpeakerKind::Cue));
}

#[test]
fn a_nickname_in_quote_marks_inside_a_name_is_not_a_quote() {
    let text = "Farm news.\n\n\
                The Senate confirmed former Ohio Governor Thomas “Buddy” Harlan as Secretary of Labor. \
                “He knows the work,” said Senator Maria Lopez.";
    let got = speakers(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Maria Lopez"), "{got:?}");
}
