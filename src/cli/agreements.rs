//! `list-overenskommelser`: the kommuner's samverkansöverenskommelser.

use super::{CliError, CliResult, chosen_kommuner};
use crate::store::Store;
use std::io::Write;

pub fn list_agreements(store: &Store, kommun: Option<&str>, out: &mut dyn Write) -> CliResult {
    let mut text = String::new();
    for m in chosen_kommuner(store, kommun)? {
        for a in store.agreements(m.id)? {
            text.push_str(&format!(
                "{}  {} — {} ({})\n",
                a.id.0, m.name, a.title, a.period
            ));
            if !a.parties.is_empty() {
                text.push_str(&format!("    Parter: {}\n", a.parties.join(", ")));
            }
            if !a.forums.is_empty() {
                text.push_str(&format!("    Forum: {}\n", a.forums.join(", ")));
            }
            text.push_str(&format!("    Fokusområden ({}):\n", a.focus_areas.len()));
            for f in &a.focus_areas {
                text.push_str(&format!("      • {}", f.name));
                if !f.categories.is_empty() {
                    text.push_str(&format!(" (händelser: {})", f.categories.join(", ")));
                }
                text.push('\n');
            }
        }
    }
    if text.is_empty() {
        text.push_str("Inga samverkansöverenskommelser.\n");
    }
    out.write_all(text.as_bytes())
        .map_err(|e| CliError(format!("Kunde inte skriva: {e}")))
}
