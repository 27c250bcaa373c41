//! Navigation: the left panel (kommuner grouped by lokalpolisområde, with overall
//! progress), the tabs of a kommun, and what is selected.

use super::widgets::{progress, status_color, weak};
use super::{Action, AuthoringAction, BackupAction};
use crate::domain::{MunicipalityId, PoliceAreaId, Status};
use egui::{RichText, Ui};

/// The views of one kommun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Board,
    Situation,
    Agreement,
    Walks,
    Measures,
    Edit,
}

/// What is selected in the left panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Municipality(MunicipalityId),
    Overview(PoliceAreaId),
}

/// Where the user is: kommun or overview, year, tab.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NavState {
    pub selection: Option<Selection>,
    /// The year shown: each kommun shows its medborgarlöfte covering it.
    pub year: Option<i32>,
    pub tab: Tab,
    /// The kommun list is hidden to give the board the width (a kommun's view only).
    pub hide_side_panel: bool,
}

impl NavState {
    pub fn select_overview(&mut self, a: PoliceAreaId) {
        self.selection = Some(Selection::Overview(a));
    }

    pub fn show_tab(&mut self, t: Tab) {
        self.tab = t;
    }

    pub fn municipality(&self) -> Option<MunicipalityId> {
        match self.selection {
            Some(Selection::Municipality(m)) => Some(m),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum NavAction {
    SelectMunicipality(MunicipalityId),
    SelectOverview(PoliceAreaId),
    /// Show each kommun's medborgarlöfte covering this year.
    SelectYear(i32),
    SetTab(Tab),
    /// Hide (true) or show the kommun list beside a kommun's view.
    HideSidePanel(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NavEntry {
    pub id: MunicipalityId,
    pub name: String,
    /// (genomförda, löften) of the shown period, when the kommun has one.
    pub progress: Option<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NavArea {
    pub id: PoliceAreaId,
    pub name: String,
    pub municipalities: Vec<NavEntry>,
}

/// The left panel: kommuner with progress, and below them the app's own buttons.
pub fn side_panel(ui: &mut Ui, areas: &[NavArea], nav: &NavState, dark: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    // Pinned to the bottom when the panel is tall enough; in a short one (a projector at
    // a large text size) pinned buttons would leave the kommun list a line or two, so the
    // list and the buttons scroll together.
    if ui.available_height() >= 520.0 {
        egui::Panel::bottom("prefs").show(ui, |ui| app_buttons(ui, nav, dark, &mut actions));
        egui::ScrollArea::vertical().show(ui, |ui| {
            actions.extend(municipality_list(ui, areas, nav.selection).map(Action::Nav));
        });
    } else {
        egui::ScrollArea::vertical().show(ui, |ui| {
            actions.extend(municipality_list(ui, areas, nav.selection).map(Action::Nav));
            app_buttons(ui, nav, dark, &mut actions);
        });
    }
    actions
}

/// New kommun, backups, exchange, theme and hiding the list.
fn app_buttons(ui: &mut Ui, nav: &NavState, dark: bool, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Ny kommun…").clicked() {
            actions.push(AuthoringAction::OpenNewMunicipality.into());
        }
        if ui.button("Säkerhetskopior…").clicked() {
            actions.push(BackupAction::Open.into());
        }
        if let Some(a) = super::exchange::menu(ui) {
            actions.push(a.into());
        }
    });
    if ui.selectable_label(dark, "Mörkt tema").clicked() {
        actions.push(Action::SetDarkTheme(!dark));
    }
    if nav.municipality().is_some()
        && ui
            .button("Dölj kommuner")
            .on_hover_text("Ger tavlan hela bredden; \"Visa kommuner\" tar tillbaka listan")
            .clicked()
    {
        actions.push(NavAction::HideSidePanel(true).into());
    }
    ui.label(weak("Textstorlek: Ctrl + plus / minus").size(14.0));
    ui.add_space(4.0);
}

fn municipality_list(
    ui: &mut Ui,
    areas: &[NavArea],
    selected: Option<Selection>,
) -> Option<NavAction> {
    let mut action = None;
    for area in areas {
        ui.add_space(6.0);
        ui.label(RichText::new(format!("LPO {}", area.name)).strong());
        for m in &area.municipalities {
            let is_sel = selected == Some(Selection::Municipality(m.id));
            let text = match m.progress {
                Some((done, total)) => format!("{}   {done}/{total}", m.name),
                None => m.name.clone(),
            };
            if ui
                .selectable_label(is_sel, RichText::new(text).size(17.0))
                .on_hover_text(match m.progress {
                    Some((d, t)) => format!("{d} av {t} löften genomförda"),
                    None => "Inget medborgarlöfte för perioden".into(),
                })
                .clicked()
            {
                action = Some(NavAction::SelectMunicipality(m.id));
            }
            if let Some((done, total)) = m.progress {
                progress(
                    ui,
                    share(done, total),
                    status_color(Status::Done),
                    ui.available_width().min(200.0),
                );
            } else {
                ui.label(weak("inget löfte för perioden"));
            }
        }
        let sel = selected == Some(Selection::Overview(area.id));
        if ui.selectable_label(sel, "Alla kommuner").clicked() {
            action = Some(NavAction::SelectOverview(area.id));
        }
        ui.separator();
    }
    action
}

/// `done / total` as a bar fraction (0 when there is nothing to do).
pub fn share(done: u32, total: u32) -> f32 {
    if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    }
}

/// The tabs of a kommun, with the counts that tell where work waits; the board's
/// density and the kommun list (both edited in place); and the way into meeting mode.
pub fn tabs(ui: &mut Ui, nav: &NavState, walks: usize, open_measures: usize) -> Vec<Action> {
    let current = nav.tab;
    let mut action = None;
    let mut meeting = false;
    // One row whatever the width (the detail panel takes half a laptop's): a row that
    // wrapped would push the board down each time the panel opens.
    egui::ScrollArea::horizontal()
        .id_salt("kommun_tabs")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let tabs = [
                    (Tab::Board, "Tavla".to_string()),
                    (Tab::Situation, "Lägesbild".to_string()),
                    (Tab::Agreement, "Överenskommelse".to_string()),
                    (Tab::Walks, format!("Trygghetsvandringar ({walks})")),
                    (
                        Tab::Measures,
                        format!(
                            "Åtgärdslista ({})",
                            crate::validate::count_of(open_measures, "öppen", "öppna")
                        ),
                    ),
                    (Tab::Edit, "Redigera".to_string()),
                ];
                for (tab, label) in tabs {
                    if ui
                        .selectable_label(current == tab, RichText::new(label).size(18.0))
                        .clicked()
                    {
                        action = Some(NavAction::SetTab(tab));
                    }
                }
                ui.separator();
                meeting = ui
                    .button(RichText::new("Mötesläge (F5)").size(18.0))
                    .on_hover_text("Lägesbildsmötet på projektorn: helskärm, dagordning, beslut")
                    .clicked();
                // "Dölj kommuner" sits under the kommun list; with the list hidden the
                // row has its width.
                if nav.hide_side_panel && ui.button("Visa kommuner").clicked() {
                    action = Some(NavAction::HideSidePanel(false));
                }
            })
        });
    ui.separator();
    let mut actions: Vec<Action> = action.map(Action::Nav).into_iter().collect();
    if meeting {
        actions.push(super::MeetingAction::Start.into());
    }
    actions
}
