//! Cleaning the chosen content (Readability's `prepArticle`): the title heading, share widgets,
//! page chrome, negatively weighted headings, the conditional cleaning and its data-table test.

use dom_query::NodeRef;
use rustc_hash::FxHashSet;

use super::table::{CHAR_THRESHOLD, Element, NONE, Table, density};
use super::tags::Tag;
use super::vocabulary::normalized;

impl Table<'_> {
    /// Readability drops the first `<h1>` or `<h2>` that repeats the title.
    pub(super) fn remove_title_heading(&mut self, title: &str) {
        if title.is_empty() {
            return;
        }
        let found = (0..self.elements.len()).find(|&i| {
            let e = &self.elements[i];
            !e.removed
                && matches!(e.tag, Tag::Heading(1 | 2))
                && text_similarity(title, &self.text_of(i as u32)) > 0.75
        });
        if let Some(i) = found {
            self.remove(i as u32);
        }
    }

    /// Readability's `prepArticle`: share widgets, negatively weighted headings and the
    /// conditional cleaning of forms, tables, lists and divs, innermost first.
    pub(super) fn clean(&mut self, chosen: &[u32]) {
        // The table is in document order, so a subtree is the range up to its last descendant.
        let mut inside: Vec<u32> = Vec::new();
        for &root in chosen {
            let mut last = root;
            while self.elements[last as usize].last_child != NONE {
                last = self.elements[last as usize].last_child;
            }
            inside.extend((root..=last).filter(|&i| self.elements[i as usize].tag != Tag::Text));
        }
        for &i in &inside {
            let e = &self.elements[i as usize];
            if !e.removed && e.share && e.sums.chars < CHAR_THRESHOLD {
                self.remove(i);
            }
        }
        self.remove_prompts(chosen, &inside);
        self.mark_data_tables(&inside);
        let is_root = |i: u32| chosen.contains(&i);
        // Readability renames the joined siblings it does not keep as they are to divs.
        let tag_of = |table: &Self, i: u32| {
            let e = &table.elements[i as usize];
            if e.as_paragraph || e.transparent {
                Tag::P
            } else if is_root(i)
                && !matches!(
                    e.tag,
                    Tag::Div | Tag::Article | Tag::Section | Tag::P | Tag::Ol | Tag::Ul
                )
            {
                Tag::Div
            } else {
                e.tag
            }
        };
        if self.flags.clean_conditionally {
            for &i in inside.iter().rev() {
                if matches!(tag_of(self, i), Tag::Form | Tag::Fieldset) && self.should_remove(i) {
                    self.remove(i);
                }
            }
        }
        // Page chrome, inputs and embeds other than video players always go (a joined sibling
        // renamed to a div escapes, as in Readability).
        for &i in &inside {
            let tag = tag_of(self, i);
            if matches!(tag, Tag::Chrome | Tag::Input)
                || tag == Tag::Embed && !self.elements[i as usize].video
            {
                self.remove(i);
            }
        }
        if self.flags.weigh_classes {
            for &i in &inside {
                let e = &self.elements[i as usize];
                if matches!(tag_of(self, i), Tag::Heading(1 | 2)) && e.weight < 0.0 {
                    self.remove(i);
                }
            }
        }
        if self.flags.clean_conditionally {
            for &i in inside.iter().rev() {
                if matches!(tag_of(self, i), Tag::Table | Tag::Ul | Tag::Div)
                    && !self.elements[i as usize].removed
                    && self.should_remove(i)
                {
                    self.remove(i);
                }
            }
        }
        self.remove_interface(chosen, &inside);
    }

    /// Readability's data tables (kept whole by the cleaning), and the elements holding one.
    fn mark_data_tables(&mut self, inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.tag != Tag::Table || e.removed || !is_data_table(e) {
                continue;
            }
            self.elements[i as usize].data_table = true;
            let mut parent = self.elements[i as usize].parent;
            while parent != NONE && !self.elements[parent as usize].holds_data_table {
                self.elements[parent as usize].holds_data_table = true;
                parent = self.elements[parent as usize].parent;
            }
        }
    }

    /// Readability's `_cleanConditionally` test for one element, as `dom_smoothie` has it.
    /// Inputs and embeds count only while they are there: for forms and fieldsets, tested
    /// before [`Self::clean`] removes them.
    fn should_remove(&self, index: u32) -> bool {
        let e = &self.elements[index as usize];
        if e.data_table
            || e.holds_data_table
            || self
                .ancestors(index)
                .any(|a| self.elements[a as usize].data_table)
        {
            return false;
        }
        let s = &e.sums;
        if e.weight < 0.0 {
            return !self.holds_pre(index);
        }
        if s.commas >= 10.0 {
            return false;
        }
        if s.videos > 0.0 {
            return false;
        }
        let (embeds, inputs) = (s.embeds, s.inputs);
        let text = if s.solid < 20.0 {
            normalized(&self.text_of(index))
        } else {
            String::new()
        };
        if is_ad_or_loading(&text) {
            return true;
        }
        let is_list = matches!(e.tag, Tag::Ul | Tag::Ol) || density(s.list_chars, s.chars) > 0.9;
        let (p, img, li) = (s.paragraphs, s.images, s.list_items - 100.0);
        let chars = s.chars;
        let link_density = density(s.link_chars, chars);
        let weight = e.weight;
        let remove = (!e.in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || inputs > (p / 3.0).floor()
            || (!is_list
                && !e.in_figure
                && chars < 25.0
                && (img == 0.0 || img > 2.0)
                && link_density > 0.0
                && density(s.heading_chars, chars) < 0.9)
            || (!is_list && weight < 25.0 && link_density > 0.2)
            || (weight >= 25.0 && link_density > 0.5)
            || (embeds == 1.0 && chars < 75.0)
            || embeds > 1.0
            || (img == 0.0 && s.textish_chars <= 0.0);
        if is_list && remove {
            let nested = self
                .children(index)
                .any(|c| self.element_children(c).nth(1).is_some());
            if nested {
                return true;
            }
            return img != s.list_items;
        }
        remove
    }

    fn holds_pre(&self, index: u32) -> bool {
        let mut stack: Vec<u32> = self.element_children(index).collect();
        while let Some(i) = stack.pop() {
            if self.elements[i as usize].tag == Tag::Pre {
                return true;
            }
            stack.extend(self.element_children(i));
        }
        false
    }
}

/// How much of `b`'s words (by characters) are also in `a`; 1 when `a` contains `b`.
fn text_similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a.contains(&b) {
        return 1.0;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let tokens_a: FxHashSet<String> = words(&a).into_iter().collect();
    let tokens_b = words(&b);
    let total: usize = tokens_b.iter().map(|w| w.chars().count()).sum();
    if total == 0 {
        return 0.0;
    }
    let unique: usize = tokens_b
        .iter()
        .filter(|w| !tokens_a.contains(*w))
        .map(|w| w.chars().count())
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let distance = unique as f32 / total as f32;
    1.0 - distance
}

/// A data table (kept whole by the cleaning), by `dom_smoothie`'s test: a summary, a caption or
/// header cells make one; a nested table, one row or one column do not; otherwise ten rows,
/// more than four columns or more than ten cells do.
fn is_data_table(e: &Element<'_>) -> bool {
    let node = e.node;
    if node.attr("role").as_deref() == Some("presentation")
        || node.attr("datatable").as_deref() == Some("0")
    {
        return false;
    }
    if node.has_attr("summary") {
        return true;
    }
    let names = |n: &NodeRef<'_>| n.qual_name_ref().map(|q| q.local.clone());
    let mut nested = false;
    for d in node.descendants_it() {
        match names(&d).as_deref() {
            Some("caption" | "col" | "colgroup" | "tfoot" | "thead" | "th") => return true,
            Some("table") => nested = true,
            _ => {}
        }
    }
    if nested {
        return false;
    }
    let mut rows = 0usize;
    let mut columns = 0usize;
    for row in node
        .descendants_it()
        .filter(|d| names(d).as_deref() == Some("tr"))
    {
        rows += 1;
        let in_row: usize = row
            .descendants_it()
            .filter(|d| names(d).as_deref() == Some("td"))
            .map(|cell| {
                cell.attr("colspan")
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000)
            })
            .sum();
        columns = columns.max(in_row);
    }
    if rows == 1 || columns == 1 {
        return false;
    }
    rows >= 10 || columns > 4 || rows * columns > 10
}

/// Text that is nothing but an advertising or loading label.
fn is_ad_or_loading(text: &str) -> bool {
    let t = text.to_lowercase();
    let t = t.trim_end_matches('…').trim_end_matches("...");
    matches!(
        t,
        "ad" | "advertising"
            | "advertisement"
            | "pub"
            | "publicité"
            | "werb"
            | "werbung"
            | "广告"
            | "реклама"
            | "anuncio"
            | "loading"
            | "正在加载"
            | "загрузка"
            | "chargement"
            | "cargando"
    )
}
