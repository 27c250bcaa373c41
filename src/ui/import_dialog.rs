//! "Importera från text": paste the published text, see it structured, correct any field,
//! and save. Nothing is saved before "Spara medborgarlöftet".

use super::background::Background;
use super::forms::{self, error_line, labelled, text_area, text_field};
use super::widgets::weak;
use super::{Action, AuthoringAction};
use crate::domain::{MunicipalityId, Party, Period, PledgeDraft};
use crate::import::{
    ParsedCommitment, ParsedPledge, ParsedSection, ParsedSignatory, ParsedTarget, parse,
};
use crate::validate::{Invalid, check_target_count};
use egui::{RichText, Ui};

/// A target as typed in the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetEdit {
    pub count: String,
    pub unit: String,
    pub per_year: bool,
    pub party: Option<Party>,
    /// The rate the count was worked out from ("2 per termin"), shown beside it.
    pub rate: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentEdit {
    pub text: String,
    pub party: Party,
    /// Nothing in the text said who: shown with "?" until the user chooses.
    pub party_unclear: bool,
    pub targets: Vec<TargetEdit>,
    /// Comma-separated, as typed.
    pub sub_areas: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionEdit {
    pub title: String,
    pub commitments: Vec<CommitmentEdit>,
    /// Lines the reader could not be sure were löften: "Ta med som löfte" moves one to
    /// `commitments`, "Inte ett löfte" to the unused lines.
    pub unsure: Vec<CommitmentEdit>,
}

impl From<&crate::import::ParsedSection> for SectionEdit {
    fn from(s: &crate::import::ParsedSection) -> SectionEdit {
        let commitment = |c: &crate::import::ParsedCommitment| CommitmentEdit {
            text: c.text.clone(),
            party: c.party,
            party_unclear: c.party_unclear,
            targets: c
                .targets
                .iter()
                .map(|t| TargetEdit {
                    count: t.count.to_string(),
                    unit: t.unit.clone(),
                    per_year: t.per_year,
                    party: t.party,
                    rate: t.rate.clone(),
                })
                .collect(),
            sub_areas: c.sub_areas.join(", "),
        };
        SectionEdit {
            title: s.title.clone(),
            commitments: s.commitments.iter().map(commitment).collect(),
            unsure: s.unsure.iter().map(commitment).collect(),
        }
    }
}

/// The editable preview of a parsed text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    pub sections: Vec<SectionEdit>,
    pub goal: String,
    pub contact: String,
    pub signatories: Vec<(String, String)>,
    /// Place and date of signing.
    pub signed: String,
    pub ignored: Vec<String>,
}

impl Preview {
    pub fn from_parsed(p: &ParsedPledge) -> Preview {
        Preview {
            sections: p.sections.iter().map(SectionEdit::from).collect(),
            goal: p.goal.clone(),
            contact: p.contact.clone().unwrap_or_default(),
            signatories: p
                .signatories
                .iter()
                .map(|s| (s.name.clone(), s.role.clone()))
                .collect(),
            signed: p.signed.clone().unwrap_or_default(),
            // Text under a heading that is not a löfte is shown with the unused lines.
            ignored: p
                .sections
                .iter()
                .filter(|s| !s.intro.is_empty())
                .map(|s| format!("{}: {}", s.title, s.intro))
                .chain(p.ignored.iter().cloned())
                .collect(),
        }
    }

    /// The corrected structure, trimmed, or the first error.
    pub fn to_parsed(&self) -> Result<ParsedPledge, Invalid> {
        let mut sections = Vec::new();
        for s in &self.sections {
            let title = s.title.trim();
            if title.is_empty() {
                return Err(Invalid::Required("Avsnittets rubrik"));
            }
            let mut commitments = Vec::new();
            for c in &s.commitments {
                let text = c.text.trim();
                if text.is_empty() {
                    return Err(Invalid::CommitmentWithoutText(title.to_string()));
                }
                let mut targets = Vec::new();
                for t in &c.targets {
                    let count = t
                        .count
                        .trim()
                        .parse::<i64>()
                        .ok()
                        .and_then(|n| check_target_count(n).ok())
                        .ok_or_else(|| Invalid::TargetIn(text.chars().take(40).collect()))?;
                    targets.push(ParsedTarget {
                        count,
                        unit: t.unit.trim().to_string(),
                        per_year: t.per_year,
                        party: t.party,
                        rate: t.rate.clone(),
                    });
                }
                commitments.push(ParsedCommitment {
                    text: text.to_string(),
                    party: c.party,
                    party_unclear: c.party_unclear,
                    targets,
                    sub_areas: c
                        .sub_areas
                        .split(',')
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(String::from)
                        .collect(),
                });
            }
            // A section of unsure lines only, none taken, is no avsnitt.
            if commitments.is_empty() && !s.unsure.is_empty() {
                continue;
            }
            sections.push(ParsedSection {
                title: title.to_string(),
                intro: String::new(),
                commitments,
                unsure: Vec::new(),
            });
        }
        let parsed = ParsedPledge {
            title: None,
            signed: Some(self.signed.trim().to_string()).filter(|c| !c.is_empty()),
            sections,
            signatories: self
                .signatories
                .iter()
                .filter(|(n, _)| !n.trim().is_empty())
                .map(|(n, r)| ParsedSignatory {
                    name: n.trim().to_string(),
                    role: r.trim().to_string(),
                })
                .collect(),
            goal: self.goal.trim().to_string(),
            contact: Some(self.contact.trim().to_string()).filter(|c| !c.is_empty()),
            ignored: Vec::new(),
        };
        if parsed.commitment_count() == 0 {
            return Err(Invalid::NoCommitments);
        }
        Ok(parsed)
    }

    /// The draft to save, or the first error.
    pub fn to_draft(&self, title: &str) -> Result<PledgeDraft, Invalid> {
        let parsed = self.to_parsed()?;
        Ok(PledgeDraft {
            title: title.trim().to_string(),
            ..PledgeDraft::from(&parsed)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportState {
    pub open: bool,
    pub municipality: Option<MunicipalityId>,
    pub kommun: String,
    pub text: String,
    pub period: String,
    /// The period suggested when the window opened: replaced by the text's own ("MEDBORGARLÖFTE
    /// 2026") as long as the user has not typed another.
    pub suggested_period: String,
    pub title: String,
    pub preview: Option<Preview>,
    /// What reading a file gave ("Läste … som windows-1252.", or why not).
    pub message: Option<String>,
    /// The text field takes the cursor (no file was chosen).
    pub focus_text: bool,
    /// "Tolka texten" is running: off the UI thread, a long text takes a moment.
    pub parsing: Option<Background<ParsedPledge>>,
}

impl ImportState {
    /// Opens for kommun `municipality` (`kommun` by name), suggesting `period`.
    pub fn open_for(&mut self, municipality: MunicipalityId, kommun: &str, period: String) {
        *self = ImportState {
            open: true,
            municipality: Some(municipality),
            kommun: kommun.to_string(),
            title: format!("Medborgarlöfte {period}"),
            suggested_period: period.clone(),
            period,
            ..Default::default()
        };
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    /// The imported medborgarlöfte was saved: the window closes empty.
    pub fn saved(&mut self) {
        *self = ImportState::default();
    }

    /// No file was chosen (or there is no file dialog): the text field takes the typing.
    pub fn no_file_chosen(&mut self) {
        self.focus_text = true;
        self.message = Some("Ingen fil valdes. Klistra in texten i fältet (Ctrl+V).".into());
    }

    /// What reading the chosen file gave.
    pub fn file_read(&mut self, path: &std::path::Path, read: Result<crate::files::Text, String>) {
        self.message = Some(match read {
            Ok(t) => {
                self.text = t.text;
                format!("Läste {} ({}).", path.display(), t.encoding)
            }
            Err(e) => format!("Kunde inte läsa {}: {e}", path.display()),
        });
    }
}

/// The import window, when open.
pub fn dialog(ctx: &egui::Context, st: &mut ImportState) -> Vec<Action> {
    let window = ("Importera medborgarlöfte", Some(760.0), 50.0);
    let mut open = st.open;
    let actions = forms::dialog(ctx, &mut open, window, |ui| contents(ui, st));
    if !open {
        st.close();
    }
    actions.into_iter().map(Action::Authoring).collect()
}

/// The height left for the text or the preview on this screen, below the window's own
/// rows (`rest`): a 1080-point screen shows twice what a projector does.
fn room(ui: &Ui, rest: f32) -> f32 {
    (ui.ctx().content_rect().height() - rest).clamp(240.0, 900.0)
}

/// The text's own period and title ("MEDBORGARLÖFTE 2026 – Ekeby") replace the window's
/// suggestions, never what the user typed.
fn take_period_and_title(st: &mut ImportState, parsed: &ParsedPledge) {
    let suggested_title = format!("Medborgarlöfte {}", st.suggested_period);
    let title_untouched = st.title.trim().is_empty() || st.title == suggested_title;
    if st.period == st.suggested_period
        && let Some(p) = parsed.period()
    {
        st.period = p.to_string();
        st.suggested_period = st.period.clone();
    }
    if title_untouched && let Some(p) = Period::parse(&st.period) {
        st.title = parsed.title_or_default(p);
    }
}

fn contents(ui: &mut Ui, st: &mut ImportState) -> Vec<AuthoringAction> {
    let mut actions = Vec::new();
    ui.label(
        RichText::new(format!(
            "Nytt medborgarlöfte för {} från publicerad text",
            st.kommun
        ))
        .strong(),
    );
    // The period's message stays on the row (short, the whole on hover), so that the
    // buttons below do not jump when it comes or goes; only once something is typed.
    let period = Period::parse(&st.period);
    ui.horizontal(|ui| {
        labelled(
            ui,
            "Period",
            text_field(&mut st.period, "imp_period", 110.0),
        );
        labelled(ui, "Rubrik", text_field(&mut st.title, "imp_title", 360.0));
        if period.is_none() && !st.period.trim().is_empty() {
            ui.colored_label(ui.visuals().error_fg_color, "Ogiltig period")
                .on_hover_text(Invalid::Period.to_string());
        }
    });
    if let Some(job) = &st.parsing {
        match job.take() {
            Some(Ok(parsed)) => {
                take_period_and_title(st, &parsed);
                st.preview = Some(Preview::from_parsed(&parsed));
                st.parsing = None;
            }
            Some(Err(why)) => {
                st.message = Some(format!("Texten kunde inte tolkas: {why}"));
                st.parsing = None;
            }
            None => {}
        }
    }
    if st.preview.is_none() {
        text_step(ui, st, &mut actions);
    } else {
        preview_step(ui, st, period, &mut actions);
    }
    actions
}

/// The first step: the text, pasted or read from a file, and "Tolka texten".
fn text_step(ui: &mut Ui, st: &mut ImportState, actions: &mut Vec<AuthoringAction>) {
    let l = ui.label("Klistra in texten (rubriker, punktlistor, undertecknare)");
    egui::ScrollArea::vertical()
        .max_height(room(ui, 240.0))
        .show(ui, |ui| {
            let field = ui
                .add(text_area(&mut st.text, "imp_text", f32::INFINITY, 16))
                .labelled_by(l.id);
            if std::mem::take(&mut st.focus_text) {
                field.request_focus();
            }
        });
    if let Some(m) = &st.message {
        ui.label(weak(m));
    }
    ui.horizontal(|ui| {
        if ui
            .button("Läs in textfil…")
            .on_hover_text(
                "En textfil (UTF-8, UTF-16 eller Windows-1252) med det publicerade medborgarlöftet",
            )
            .clicked()
        {
            actions.push(AuthoringAction::ChooseImportFile);
        }
        let parsing = st.parsing.is_some();
        if ui
            .add_enabled(
                !st.text.trim().is_empty() && !parsing,
                egui::Button::new("Tolka texten"),
            )
            .clicked()
        {
            let text = st.text.clone();
            st.message = None;
            st.parsing = Some(Background::spawn(ui.ctx(), move || parse(&text)));
        }
        if st.parsing.is_some() {
            ui.spinner();
            ui.label("Tolkar…");
        }
        if ui.button("Avbryt").clicked() {
            st.close();
        }
    });
}

/// The second step: the preview to correct, and "Spara medborgarlöftet".
fn preview_step(
    ui: &mut Ui,
    st: &mut ImportState,
    period: Option<Period>,
    actions: &mut Vec<AuthoringAction>,
) {
    let (mut back, mut cancel) = (false, false);
    let mut save = None;
    if let Some(p) = &mut st.preview {
        let n: usize = p.sections.iter().map(|s| s.commitments.len()).sum();
        ui.label(format!(
            "Förhandsgranskning: {} avsnitt, {n} löften. Rätta det som blev fel innan du sparar.",
            p.sections.len()
        ));
        let unclear = p.unclear_count();
        if unclear > 0 {
            ui.colored_label(
                super::widgets::behind_text(ui),
                format!(
                    "{} har osäker ansvarig (?): texten säger inte vem. Välj ansvarig.",
                    crate::validate::count_of(unclear, "löfte", "löften")
                ),
            );
        }
        let unsure = p.unsure_count();
        if unsure > 0 {
            ui.colored_label(
                super::widgets::behind_text(ui),
                format!(
                    "{} kan vara löften eller inte: ta med eller lämna varje (de sparas inte annars).",
                    crate::validate::count_of(unsure, "rad", "rader")
                ),
            );
        }
        // The buttons stay above the (long) preview so that they are always in view.
        let draft = p.to_draft(&st.title);
        if let Err(e) = &draft {
            error_line(ui, e);
        }
        ui.horizontal(|ui| {
            let ok = draft.is_ok() && period.is_some() && !st.title.trim().is_empty();
            if ui
                .add_enabled(
                    ok,
                    egui::Button::new(RichText::new("Spara medborgarlöftet").strong()),
                )
                .clicked()
                && let (Ok(d), Some(per), Some(m)) = (&draft, period, st.municipality)
            {
                save = Some(AuthoringAction::SaveImport {
                    municipality: m,
                    period: per,
                    draft: Box::new(d.clone()),
                });
            }
            if ui.button("Tillbaka till texten").clicked() {
                back = true;
            }
            cancel = ui.button("Avbryt").clicked();
        });
        ui.separator();
        // As tall as the screen allows from the start: the window keeps the size the
        // text step gave it otherwise, and the preview is what the user reads and fixes.
        let height = room(ui, 300.0);
        egui::ScrollArea::vertical()
            .id_salt("preview_scroll")
            .min_scrolled_height(height)
            .max_height(height)
            .show(ui, |ui| {
                preview_ui(ui, p);
            });
    }
    if back {
        st.preview = None;
    }
    if cancel {
        st.close();
    }
    actions.extend(save);
}

impl Preview {
    /// Lines not yet taken as löften or left out.
    pub fn unsure_count(&self) -> usize {
        self.sections.iter().map(|s| s.unsure.len()).sum()
    }

    /// Löften whose ansvarig nothing in the text said.
    pub fn unclear_count(&self) -> usize {
        self.sections
            .iter()
            .flat_map(|s| &s.commitments)
            .filter(|c| c.party_unclear)
            .count()
    }
}

/// What the text says around the löften: målsättning, undertecknare, ort och datum,
/// kontakt — each a field the user can correct.
fn document_fields(ui: &mut Ui, p: &mut Preview) {
    let l = ui.label(RichText::new("Målsättning ur texten").strong());
    ui.add(
        text_area(&mut p.goal, "p_goal", f32::INFINITY, 3).hint_text(
            "Syfte och bakgrund (hittades ingen i texten, skriv den här eller lämna tomt)",
        ),
    )
    .labelled_by(l.id);
    ui.add_space(4.0);
    ui.label(RichText::new("Undertecknare").strong());
    let mut remove = None;
    for (i, (n, r)) in p.signatories.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            labelled(ui, "Namn", text_field(n, ("p_sig_n", i), 170.0));
            labelled(ui, "Roll", text_field(r, ("p_sig_r", i), 320.0));
            if ui.small_button("Ta bort undertecknare").clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        p.signatories.remove(i);
    }
    ui.horizontal(|ui| {
        if p.signatories.is_empty() {
            ui.label(weak("Inga undertecknare hittades."));
        }
        if ui.small_button("Lägg till en undertecknare").clicked() {
            p.signatories.push((String::new(), String::new()));
        }
    });
    ui.horizontal(|ui| {
        labelled(
            ui,
            "Ort och datum",
            text_field(&mut p.signed, "p_signed", 240.0).hint_text("Ort den 15 januari 2026"),
        );
        labelled(
            ui,
            "Kontakt",
            text_field(&mut p.contact, "p_contact", 300.0),
        );
    });
    ui.separator();
}

/// The section's unsure lines, each with "Ta med som löfte" and "Inte ett löfte".
fn unsure_lines(ui: &mut Ui, s: &mut SectionEdit, left_out: &mut Vec<String>) {
    let (mut take, mut leave) = (None, None);
    for (i, c) in s.unsure.iter().enumerate() {
        ui.add_space(4.0);
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, super::widgets::behind_text(ui)))
            .inner_margin(4.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new("Osäker rad — ett löfte?")
                        .strong()
                        .color(super::widgets::behind_text(ui)),
                )
                .on_hover_text(
                    "Raden står bland löftena men säger inte säkert att något lovas. Ta med den som löfte eller lämna den.",
                );
                ui.label(&c.text);
                ui.horizontal(|ui| {
                    if ui
                        .button("Ta med som löfte")
                        .on_hover_text(format!("Ansvarig blir {}; du kan ändra det.", c.party.label()))
                        .clicked()
                    {
                        take = Some(i);
                    }
                    if ui.button("Inte ett löfte").clicked() {
                        leave = Some(i);
                    }
                });
            });
    }
    if let Some(i) = take {
        let c = s.unsure.remove(i);
        s.commitments.push(c);
    } else if let Some(i) = leave {
        left_out.push(s.unsure.remove(i).text);
    }
}

fn preview_ui(ui: &mut Ui, p: &mut Preview) {
    document_fields(ui, p);
    let mut left_out = Vec::new();
    let mut remove_section = None;
    for (si, s) in p.sections.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                labelled(
                    ui,
                    "Avsnitt",
                    text_field(&mut s.title, ("p_sec", si), 420.0),
                );
                if ui.small_button("Ta bort avsnitt").clicked() {
                    remove_section = Some(si);
                }
            });
            let mut remove = None;
            for (ci, c) in s.commitments.iter_mut().enumerate() {
                ui.add_space(4.0);
                let l = ui.label(format!("Löfte {}", ci + 1));
                ui.add(text_area(&mut c.text, ("p_text", si, ci), f32::INFINITY, 2))
                    .labelled_by(l.id);
                ui.horizontal_wrapped(|ui| {
                    if c.party_unclear {
                        // Nothing in the text said who: a guess until the user chooses.
                        ui.label(
                            RichText::new("Ansvarig ?")
                                .strong()
                                .color(super::widgets::behind_text(ui)),
                        )
                        .on_hover_text("Texten säger inte vem som ansvarar. Välj ansvarig.");
                    } else {
                        ui.label("Ansvarig");
                    }
                    for party in Party::ALL {
                        if ui.radio_value(&mut c.party, party, party.label()).clicked() {
                            c.party_unclear = false;
                        }
                    }
                    if ui.small_button("Ta bort löfte").clicked() {
                        remove = Some(ci);
                    }
                });
                let mut remove_target = None;
                for (ti, t) in c.targets.iter_mut().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        labelled(
                            ui,
                            "Mål",
                            text_field(&mut t.count, ("p_count", si, ci, ti), 50.0),
                        );
                        labelled(
                            ui,
                            "Enhet",
                            text_field(&mut t.unit, ("p_unit", si, ci, ti), 180.0),
                        );
                        ui.checkbox(&mut t.per_year, "per år");
                        if let Some(rate) = &t.rate {
                            ui.label(weak(format!("(räknat från {rate})")));
                        }
                        if let Some(party) = t.party {
                            ui.label(weak(format!("({})", party.label())));
                        }
                        if ui.small_button("Ta bort mål").clicked() {
                            remove_target = Some(ti);
                        }
                    });
                }
                if let Some(ti) = remove_target {
                    c.targets.remove(ti);
                }
                ui.horizontal(|ui| {
                    if ui.small_button("Lägg till mål").clicked() {
                        c.targets.push(TargetEdit {
                            count: "1".into(),
                            unit: "tillfällen".into(),
                            per_year: false,
                            party: None,
                            rate: None,
                        });
                    }
                    if !c.sub_areas.is_empty() {
                        ui.label(weak(format!("Delområden: {}", c.sub_areas)));
                    }
                });
            }
            if let Some(ci) = remove {
                s.commitments.remove(ci);
            }
            unsure_lines(ui, s, &mut left_out);
        });
    }
    p.ignored.extend(left_out);
    if let Some(si) = remove_section {
        p.sections.remove(si);
    }
    if !p.ignored.is_empty() {
        egui::CollapsingHeader::new(format!("Rader som inte användes ({})", p.ignored.len()))
            .id_salt("ignored")
            .show(ui, |ui| {
                for l in &p.ignored {
                    ui.label(weak(l));
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TargetScope;

    #[test]
    fn preview_round_trip_and_errors() {
        let parsed = parse("Polisen\n\n• Minst 4 fotpatruller per år.\n• Synas mer.\n");
        let mut p = Preview::from_parsed(&parsed);
        let d = p.to_draft("Medborgarlöfte 2026").unwrap();
        assert_eq!(d.sections[0].commitments[0].targets[0].count, 4);
        assert_eq!(
            d.sections[0].commitments[0].targets[0].scope,
            TargetScope::PerYear
        );
        p.sections[0].commitments[0].targets[0].count = "noll".into();
        assert!(p.to_draft("x").unwrap_err().to_string().contains("antal"));
        p.sections[0].commitments[0].targets[0].count = "6".into();
        p.sections[0].commitments[1].text = " ".into();
        assert!(
            p.to_draft("x")
                .unwrap_err()
                .to_string()
                .contains("saknar text")
        );
        p.sections[0].commitments.clear();
        assert!(
            p.to_draft("x")
                .unwrap_err()
                .to_string()
                .contains("inga löften")
        );
    }
}
