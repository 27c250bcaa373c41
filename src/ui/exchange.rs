//! "Samverkan": send the changes to the partner (kommun ↔ polis) in an encrypted file,
//! read the partner's file (after looking at what it holds), and decide the conflicts.

use super::forms::{self, labelled, text_field};
use super::widgets::weak;
use super::{Action, ExchangeAction as A};
use crate::domain::exchange::{Conflict, column_label, show_value};
use egui::{RichText, Ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExchangeTab {
    #[default]
    Send,
    Receive,
    Conflicts,
}

/// The steps read the typed fields from [`ExchangeState`], so that no passphrase travels
/// in an action (actions are logged).
#[derive(Debug, Clone, PartialEq)]
pub enum ExchangeAction {
    Open(ExchangeTab),
    ChooseSendFile,
    ChooseReceiveFile,
    Send,
    Preview,
    Receive,
    Resolve { id: i64, take_theirs: bool },
}

/// A passphrase typed in the window: never printed, never saved.
#[derive(Clone, PartialEq, Default)]
pub struct Passphrase(pub String);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExchangeState {
    pub open: bool,
    pub tab: ExchangeTab,
    /// How this database names itself to partners ("Kommunen").
    pub own_name: String,
    pub to: String,
    /// Partners known here, to pick from.
    pub partners: Vec<String>,
    pub send_path: String,
    pub passphrase: Passphrase,
    pub passphrase_again: Passphrase,
    pub receive_path: String,
    pub receive_passphrase: Passphrase,
    /// The chosen file's content in words, before it is read in.
    pub preview: Option<String>,
    pub conflicts: Vec<Conflict>,
    pub message: Option<String>,
}

impl ExchangeState {
    pub fn open_with(
        &mut self,
        tab: ExchangeTab,
        own_name: Option<String>,
        partners: Vec<String>,
        send_path: String,
        conflicts: Vec<Conflict>,
    ) {
        *self = ExchangeState {
            open: true,
            tab,
            own_name: own_name.unwrap_or_default(),
            to: partners.first().cloned().unwrap_or_default(),
            partners,
            send_path,
            conflicts,
            ..Default::default()
        };
    }

    /// Closed: the passphrases typed are forgotten.
    pub fn close(&mut self) {
        *self = ExchangeState::default();
    }

    pub fn say(&mut self, message: String) {
        self.message = Some(message);
    }

    pub fn sent(&mut self, message: String, partners: Vec<String>) {
        self.passphrase = Passphrase::default();
        self.passphrase_again = Passphrase::default();
        self.partners = partners;
        self.say(message);
    }

    pub fn received(&mut self, message: String, conflicts: Vec<Conflict>) {
        self.receive_passphrase = Passphrase::default();
        self.preview = None;
        if !conflicts.is_empty() {
            self.tab = ExchangeTab::Conflicts;
        }
        self.conflicts = conflicts;
        self.say(message);
    }

    pub fn send_file_chosen(&mut self, path: &std::path::Path) {
        self.send_path = path.display().to_string();
    }

    pub fn receive_file_chosen(&mut self, path: &std::path::Path) {
        self.receive_path = path.display().to_string();
        self.preview = None;
    }

    pub fn previewed(&mut self, text: String) {
        self.preview = Some(text);
        self.message = None;
    }

    pub fn conflicts_now(&mut self, conflicts: Vec<Conflict>) {
        self.conflicts = conflicts;
    }
}

/// The Samverkan window, when open.
pub fn dialog(ctx: &egui::Context, st: &mut ExchangeState) -> Vec<Action> {
    let window = ("Samverkan", Some(680.0), 60.0);
    let mut open = st.open;
    let actions = forms::dialog(ctx, &mut open, window, |ui| contents(ui, st));
    if !open || !st.open {
        st.close();
    }
    actions.into_iter().map(Action::Exchange).collect()
}

/// The Samverkan menu of the side panel.
pub fn menu(ui: &mut Ui) -> Option<ExchangeAction> {
    let mut action = None;
    ui.menu_button("Samverkan", |ui| {
        for (label, tab) in [
            ("Skicka ändringar…", ExchangeTab::Send),
            ("Läs in ändringar…", ExchangeTab::Receive),
            ("Konflikter…", ExchangeTab::Conflicts),
        ] {
            if ui.button(label).clicked() {
                action = Some(A::Open(tab));
                ui.close();
            }
        }
    });
    action
}

fn contents(ui: &mut Ui, st: &mut ExchangeState) -> Vec<ExchangeAction> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        let conflicts = format!("Konflikter ({})", st.conflicts.len());
        for (label, tab) in [
            ("Skicka".to_string(), ExchangeTab::Send),
            ("Ta emot".to_string(), ExchangeTab::Receive),
            (conflicts, ExchangeTab::Conflicts),
        ] {
            if ui.selectable_label(st.tab == tab, label).clicked() {
                st.tab = tab;
                st.message = None;
            }
        }
    });
    ui.separator();
    match st.tab {
        ExchangeTab::Send => send(ui, st, &mut actions),
        ExchangeTab::Receive => receive(ui, st, &mut actions),
        ExchangeTab::Conflicts => conflicts(ui, &st.conflicts, &mut actions),
    }
    if let Some(m) = &st.message {
        ui.separator();
        ui.label(RichText::new(m).strong());
    }
    ui.separator();
    if ui.button("Stäng").clicked() {
        st.open = false;
    }
    actions
}

fn password<'t>(p: &'t mut Passphrase, id: &str) -> egui::TextEdit<'t> {
    text_field(&mut p.0, id, 300.0).password(true)
}

fn send(ui: &mut Ui, st: &mut ExchangeState, actions: &mut Vec<ExchangeAction>) {
    ui.label(weak(
        "Allt som ändrats sedan partnern senast bekräftade, i en krypterad fil. Den första filen till en ny partner är en hel kopia. Skicka filen med e-post eller er säkra filöverföring.",
    ));
    egui::Grid::new("ex_send")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            labelled(
                ui,
                "Den här databasen heter",
                text_field(&mut st.own_name, "ex_own", 300.0).hint_text("Kommunen"),
            );
            ui.end_row();
            labelled(
                ui,
                "Till",
                text_field(&mut st.to, "ex_to", 300.0).hint_text("Polisen LPO Karlshamn"),
            );
            ui.end_row();
            if !st.partners.is_empty() {
                ui.label("");
                ui.horizontal_wrapped(|ui| {
                    for p in &st.partners {
                        if ui.selectable_label(&st.to == p, p).clicked() {
                            st.to = p.clone();
                        }
                    }
                });
                ui.end_row();
            }
            labelled(
                ui,
                "Fil",
                text_field(&mut st.send_path, "ex_send_path", 300.0),
            );
            if ui.button("Välj fil…").clicked() {
                actions.push(A::ChooseSendFile);
            }
            ui.end_row();
            labelled(ui, "Lösenord", password(&mut st.passphrase, "ex_pw"));
            ui.end_row();
            labelled(
                ui,
                "Upprepa lösenordet",
                password(&mut st.passphrase_again, "ex_pw2"),
            );
            ui.end_row();
        });
    ui.label(weak(
        "Minst 12 tecken, gärna fyra ord. Kom överens om lösenordet per telefon — skicka det aldrig i samma e-post som filen.",
    ));
    let ready = !st.own_name.trim().is_empty()
        && !st.to.trim().is_empty()
        && !st.send_path.trim().is_empty()
        && !st.passphrase.0.is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("Skicka ändringar"))
        .clicked()
    {
        actions.push(A::Send);
    }
}

fn receive(ui: &mut Ui, st: &mut ExchangeState, actions: &mut Vec<ExchangeAction>) {
    ui.label(weak(
        "En fil från partnern. Visa innehållet först om du vill; när den läses in sparas en kopia av databasen först, och en fil som redan är inläst ändrar ingenting.",
    ));
    egui::Grid::new("ex_recv")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            labelled(
                ui,
                "Fil från partnern",
                text_field(&mut st.receive_path, "ex_recv_path", 300.0),
            );
            if ui.button("Välj fil…").clicked() {
                actions.push(A::ChooseReceiveFile);
            }
            ui.end_row();
            labelled(
                ui,
                "Lösenord",
                password(&mut st.receive_passphrase, "ex_recv_pw"),
            );
            ui.end_row();
        });
    let ready = !st.receive_path.trim().is_empty() && !st.receive_passphrase.0.is_empty();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new("Visa innehåll"))
            .clicked()
        {
            actions.push(A::Preview);
        }
        if ui.add_enabled(ready, egui::Button::new("Läs in")).clicked() {
            actions.push(A::Receive);
        }
    });
    if let Some(text) = &st.preview {
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .id_salt("ex_preview")
            .show(ui, |ui| {
                ui.label(RichText::new(text).monospace().size(14.0));
            });
    }
}

fn conflicts(ui: &mut Ui, list: &[Conflict], actions: &mut Vec<ExchangeAction>) {
    if list.is_empty() {
        ui.label("Inga konflikter.");
        return;
    }
    ui.label(weak(
        "Samma uppgift ändrades hos båda, eller togs bort hos den ena och ändrades hos den andra. Båda databaserna har valt samma; välj själv nedan. Ditt val skickas med nästa fil.",
    ));
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .id_salt("ex_conflicts")
        .show(ui, |ui| {
            for c in list {
                ui.group(|ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(&c.what).strong());
                    let value = |v: &Option<crate::domain::exchange::Val>| {
                        v.as_ref()
                            .map(show_value)
                            .unwrap_or_else(|| "(borttagen)".into())
                    };
                    if c.column.is_empty() {
                        ui.label(if c.kept_theirs {
                            format!("Borttagen hos {}, ändrad här. Den är borttagen.", c.partner)
                        } else {
                            format!("Borttagen här, ändrad hos {}. Den är borttagen.", c.partner)
                        });
                        if let Some(v) = c.ours.as_ref().or(c.theirs.as_ref()) {
                            ui.label(weak(format!("Uppgifterna: {}", show_value(v))));
                        }
                        if ui.button("Jag har sett det").clicked() {
                            actions.push(A::Resolve {
                                id: c.id,
                                take_theirs: c.kept_theirs,
                            });
                        }
                    } else {
                        ui.label(format!(
                            "{}: vår \"{}\" — {}s \"{}\"",
                            column_label(&c.column),
                            value(&c.ours),
                            c.partner,
                            value(&c.theirs)
                        ));
                        ui.label(weak(format!(
                            "Gäller nu: {} (hittad {}).",
                            if c.kept_theirs { "deras" } else { "vår" },
                            c.found_at
                        )));
                        ui.horizontal(|ui| {
                            if ui.button("Behåll vår").clicked() {
                                actions.push(A::Resolve {
                                    id: c.id,
                                    take_theirs: false,
                                });
                            }
                            if ui.button("Ta deras").clicked() {
                                actions.push(A::Resolve {
                                    id: c.id,
                                    take_theirs: true,
                                });
                            }
                        });
                    }
                });
            }
        });
}
