//! The precision pass: interface text inside the chosen content, found by its structure and
//! by cue words held as data ([`super::cues`]), after Readability's cleaning has chosen the
//! content: short prompts built around a form control (newsletter sign-ups, comment boxes),
//! short lines that are a picture credit or a teaser ("Photo: …", "Related: …", "Read more"),
//! the sections under a furniture heading ("Related articles", "Sources", "Leave a reply"),
//! an author's box (picture, bio, links) named so by its class or id, a disclaimer or
//! disclosure named so, link-dense navigation chrome (a `<nav>`, or a menu, breadcrumbs,
//! footer links or pagination named so by class or id), and links styled as buttons.
//!
//! Measured on `wcxb-dev` (word F1, developed on the even half): articles 0.9336 → 0.9352 even,
//! 0.9368 → 0.9374 odd; `without` snippets found 6.4 % → 6.0 % even, 6.0 % → 5.4 % odd.
//! Tried and left out, as they cost more than they gained there or on Readability's test pages
//! (which keep captions and "Related:" lines): dropping every `<figcaption>`, lists of links,
//! one-link lines, class names with "caption"/"credit", and trimming the content's tail.
//!
//! Notices and link chrome (issue #14's precision pass, classified on the even half of the
//! article pages, where extra text sat in related/teaser cards, navigation menus, figure
//! captions, lists and disclaimers): `cv-blocks` word F1 0.8442 → 0.8457 (even 0.8420 → 0.8442,
//! odd 0.8465 → 0.8473; articles 0.9381 → 0.9400, even 0.9359 → 0.9395, odd 0.9403 → 0.9404),
//! `without` snippets 5.55 % → 5.21 %; readability-pages unchanged (0.9903). Measured and left
//! out: every `<figcaption>` (even articles +0.0016, but readability-pages 0.9903 → 0.9856,
//! under its floor) and runs of three or more like-shaped link-dense siblings (teaser cards:
//! even articles −0.0001, readability-pages 0.9894).
//!
//! Links styled as buttons (2026-12-07, a short link whose class names a button: "Subscribe",
//! "Book a demo", "Get a quote"): `cv-blocks` word F1 0.8513 → 0.8518 (even 0.8474 → 0.8476,
//! odd 0.8553 → 0.8562), `without` snippets 5.2 % → 4.9 %; readability-pages 0.9903 → 0.9902.
//! A shop's rails of other products under their headings ("Similar items", "People who viewed
//! this item also viewed", `cues::SECTION_HEADINGS`): 0.8518 → 0.8524 (even 0.8476 → 0.8486,
//! odd 0.8562 → 0.8564; product 0.5624 → 0.5678, collection 0.6719 → 0.6756, listing 0.6733 →
//! 0.6765, article 0.9499 → 0.9496); readability-pages unchanged.

use super::cues::{is_credit_line, is_furniture_heading, is_teaser_line};
use super::table::{NONE, Table, density};
use super::tags::Tag;
use super::vocabulary::{is_button_name, is_chrome_name, is_notice};

/// Text (characters) under which a block holding a form control is a prompt, not content.
const PROMPT_MAX_CHARS: f32 = 150.0;
/// Text (characters) under which a block is read as one line for the cue words.
const LINE_MAX_CHARS: f32 = 200.0;
/// Text (characters) under which a heading may title a furniture section.
const HEADING_MAX_CHARS: f32 = 60.0;
/// Text (characters, about 250 words) under which an element named an author's box is one; a
/// larger one is a page wrapper whose class happens to say so.
const AUTHOR_BOX_MAX_CHARS: f32 = 1500.0;
/// Link density above which an element named page chrome is a menu rather than text.
const CHROME_LINK_DENSITY: f32 = 0.5;
/// Text (characters) under which a link styled as a button is a call to action.
const BUTTON_MAX_CHARS: f32 = 40.0;

impl Table<'_> {
    /// Removes the interface text inside `inside` (the chosen subtrees' elements, in document
    /// order) once the cleaning is done; `chosen` are their roots, which stay.
    pub(super) fn remove_interface(&mut self, chosen: &[u32], inside: &[u32]) {
        self.remove_furniture_sections(chosen, inside);
        self.remove_cue_lines(chosen, inside);
        self.remove_author_boxes(chosen, inside);
        self.remove_notices(chosen, inside);
        self.remove_link_chrome(chosen, inside);
        self.remove_button_links(chosen, inside);
    }

    /// Links styled as buttons ("Subscribe", "Book a demo", "Add to cart", "Get a quote"): a
    /// short link whose class names a button (`btn`, `button`, `cta` starting a word of it).
    fn remove_button_links(&mut self, chosen: &[u32], inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.tag != Tag::A
                || e.removed
                || chosen.contains(&i)
                || e.sums.chars == 0.0
                || e.sums.chars > BUTTON_MAX_CHARS
            {
                continue;
            }
            let (class, _) = self.names(i);
            if is_button_name(&class) {
                self.remove(i);
            }
        }
    }

    /// The class or id of `index`, read from the tree (only for the few elements tested).
    fn names(&self, index: u32) -> (String, String) {
        let node = &self.elements[index as usize].node;
        (
            node.attr("class").map(|v| v.to_string()).unwrap_or_default(),
            node.attr("id").map(|v| v.to_string()).unwrap_or_default(),
        )
    }

    /// Disclaimers and disclosures named so by their class or id, under the author's box's
    /// size (a larger one is a wrapper).
    fn remove_notices(&mut self, chosen: &[u32], inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.removed || chosen.contains(&i) || e.sums.chars >= AUTHOR_BOX_MAX_CHARS {
                continue;
            }
            let (class, id) = self.names(i);
            if is_notice(&class) || is_notice(&id) {
                self.remove(i);
            }
        }
    }

    /// Link-dense page chrome left inside the content: a `<nav>`, or an element whose class or
    /// id names a menu, breadcrumbs, a footer or pagination, when links hold most of its text.
    fn remove_link_chrome(&mut self, chosen: &[u32], inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.removed || chosen.contains(&i) || e.sums.chars == 0.0 {
                continue;
            }
            if density(e.sums.link_chars, e.sums.chars) <= CHROME_LINK_DENSITY {
                continue;
            }
            let nav = e
                .node
                .qual_name_ref()
                .is_some_and(|q| &*q.local == "nav");
            let named = || {
                let (class, id) = self.names(i);
                is_chrome_name(&class) || is_chrome_name(&id)
            };
            if nav || named() {
                self.remove(i);
            }
        }
    }

    /// Author boxes: on wcxb-dev, of the 41 elements whose class or id names one ("author-bio",
    /// "about-the-author", "author-box") and whose text the scorer kept, 35 hold no text of
    /// the annotated content, and the others are bylines of two words or page wrappers.
    fn remove_author_boxes(&mut self, chosen: &[u32], inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.author_box
                && !e.removed
                && !chosen.contains(&i)
                && e.sums.chars < AUTHOR_BOX_MAX_CHARS
            {
                self.remove(i);
            }
        }
    }

    /// Before the cleaning takes the controls away: the small blocks around a form control
    /// (a sign-up prompt's text goes with its box and button).
    pub(super) fn remove_prompts(&mut self, chosen: &[u32], inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.removed || chosen.contains(&i) || e.sums.chars >= PROMPT_MAX_CHARS {
                continue;
            }
            if !matches!(
                e.tag,
                Tag::Div | Tag::Section | Tag::Form | Tag::Fieldset | Tag::P | Tag::Other
            ) {
                continue;
            }
            if self.holds_control(i) {
                self.remove(i);
            }
        }
    }

    /// Whether a text box, button or select is in `index`'s subtree (hidden inputs, check
    /// boxes and radio buttons do not count).
    fn holds_control(&self, index: u32) -> bool {
        let mut stack: Vec<u32> = self.element_children(index).collect();
        while let Some(i) = stack.pop() {
            let e = &self.elements[i as usize];
            match e.tag {
                Tag::Input => {
                    let kind = e.node.attr("type");
                    if !kind.as_deref().is_some_and(|t| {
                        t.eq_ignore_ascii_case("hidden")
                            || t.eq_ignore_ascii_case("checkbox")
                            || t.eq_ignore_ascii_case("radio")
                    }) {
                        return true;
                    }
                }
                Tag::Chrome => {
                    if e.node.qual_name_ref().is_some_and(|q| {
                        matches!(&*q.local, "button" | "select" | "textarea")
                    }) {
                        return true;
                    }
                }
                _ => stack.extend(self.element_children(i)),
            }
        }
        false
    }

    /// Short lines that are a credit or a teaser by their first (or, for credits, last) words.
    fn remove_cue_lines(&mut self, chosen: &[u32], inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.removed || chosen.contains(&i) || e.sums.chars == 0.0 || e.sums.chars > LINE_MAX_CHARS
            {
                continue;
            }
            let line = e.as_paragraph
                || matches!(
                    e.tag,
                    Tag::P | Tag::Li | Tag::Heading(_) | Tag::Other | Tag::Div | Tag::Span
                );
            if !line {
                continue;
            }
            let text = self.text_of(i);
            if is_credit_line(&text) || is_teaser_line(&text) {
                self.remove(i);
            }
        }
    }

    /// A heading of a furniture section and what follows it up to the next heading of the
    /// same or a higher rank.
    fn remove_furniture_sections(&mut self, chosen: &[u32], inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            let Tag::Heading(rank) = e.tag else { continue };
            if e.removed || chosen.contains(&i) || e.sums.chars > HEADING_MAX_CHARS {
                continue;
            }
            if !is_furniture_heading(&self.text_of(i)) {
                continue;
            }
            let mut sibling = self.next_sibling_of(i);
            self.remove(i);
            while sibling != NONE {
                if matches!(self.elements[sibling as usize].tag, Tag::Heading(r) if r <= rank) {
                    break;
                }
                let next = self.next_sibling_of(sibling);
                self.remove(sibling);
                sibling = next;
            }
        }
    }
}
