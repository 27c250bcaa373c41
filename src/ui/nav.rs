//! Left panel: kommuner grouped by lokalpolisområde, with overall progress.

use super::Action;
use super::widgets::{progress, status_color, weak};
use crate::domain::{MunicipalityId, PoliceAreaId, Status};
use egui::{RichText, Ui};

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

/// What is selected in the left panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Municipality(MunicipalityId),
    Overview(PoliceAreaId),
}

pub fn ui(ui: &mut Ui, areas: &[NavArea], selected: Option<Selection>) -> Option<Action> {
    let mut action = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
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
                    action = Some(Action::SelectMunicipality(m.id));
                }
                if let Some((done, total)) = m.progress {
                    let f = if total == 0 {
                        0.0
                    } else {
                        done as f32 / total as f32
                    };
                    progress(
                        ui,
                        f,
                        status_color(Status::Done),
                        ui.available_width().min(200.0),
                    );
                } else {
                    ui.label(weak("inget löfte för perioden"));
                }
            }
            let sel = selected == Some(Selection::Overview(area.id));
            if ui.selectable_label(sel, "Alla kommuner").clicked() {
                action = Some(Action::SelectOverview(area.id));
            }
            ui.separator();
        }
    });
    action
}
