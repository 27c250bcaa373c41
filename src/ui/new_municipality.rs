//! "Ny kommun": a kommun in an existing or a new lokalpolisområde.

use super::forms::{self, labelled, text_field};
use super::{Action, AuthoringAction, AuthoringAction as A};
use crate::domain::PoliceAreaId;
use egui::{RichText, Ui};

/// The "Ny kommun" form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewMunicipalityForm {
    pub open: bool,
    pub name: String,
    /// An existing lokalpolisområde, or None for a new one named in `new_area`.
    pub area: Option<PoliceAreaId>,
    pub new_area: String,
}

impl NewMunicipalityForm {
    /// Opens empty, in lokalpolisområde `area` (the first one) when there is one.
    pub fn open_with(&mut self, area: Option<PoliceAreaId>) {
        *self = NewMunicipalityForm {
            open: true,
            area,
            ..Default::default()
        };
    }

    pub fn close(&mut self) {
        self.open = false;
    }
}

/// The window, when open. `areas` are the existing lokalpolisområden.
pub fn dialog(
    ctx: &egui::Context,
    f: &mut NewMunicipalityForm,
    areas: &[(PoliceAreaId, String)],
) -> Vec<Action> {
    let window = ("Ny kommun", None, 80.0);
    let mut open = f.open;
    let actions = forms::dialog(ctx, &mut open, window, |ui| contents(ui, f, areas));
    if !open {
        f.close();
    }
    actions.into_iter().map(Action::Authoring).collect()
}

fn contents(
    ui: &mut Ui,
    f: &mut NewMunicipalityForm,
    areas: &[(PoliceAreaId, String)],
) -> Vec<AuthoringAction> {
    let mut actions = Vec::new();
    labelled(
        ui,
        "Kommunens namn",
        text_field(&mut f.name, "nm_name", 260.0),
    );
    let l = ui.label("Lokalpolisområde");
    let selected = f
        .area
        .and_then(|a| areas.iter().find(|(id, _)| *id == a))
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| "Nytt lokalpolisområde".into());
    egui::ComboBox::from_id_salt("nm_area")
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for (id, name) in areas {
                ui.selectable_value(&mut f.area, Some(*id), name);
            }
            ui.selectable_value(&mut f.area, None, "Nytt lokalpolisområde");
        })
        .response
        .labelled_by(l.id);
    if f.area.is_none() {
        labelled(
            ui,
            "Namn på lokalpolisområdet",
            text_field(&mut f.new_area, "nm_new_area", 260.0),
        );
    }
    let area_name = match f.area {
        Some(a) => areas
            .iter()
            .find(|(id, _)| *id == a)
            .map(|(_, n)| n.clone()),
        None => Some(f.new_area.trim().to_string()).filter(|s| !s.is_empty()),
    };
    ui.horizontal(|ui| {
        let ok = !f.name.trim().is_empty() && area_name.is_some();
        if ui
            .add_enabled(ok, egui::Button::new("Skapa kommun"))
            .clicked()
            && let Some(area) = &area_name
        {
            actions.push(A::CreateMunicipality {
                name: f.name.trim().to_string(),
                area: area.clone(),
            });
        }
        if ui.button("Avbryt").clicked() {
            f.close();
        }
    });
    actions
}

/// On the first start of a new database: lead the user to their own kommun (with or
/// without the four example kommuner beside it), or keep the examples to look around.
pub fn first_start(ctx: &egui::Context, open: &mut bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut keep = false;
    // The window's × keeps them too.
    let mut shown = *open;
    super::forms::dialog(
        ctx,
        &mut shown,
        ("Välkommen till Trygghetstavlan", Some(600.0), 120.0),
        |ui| {
            ui.label(
                "Databasen är ny. Den har fyra exempelkommuner med sina medborgarlöften \
                 (Bromölla, Olofström och Sölvesborg i LPO Karlshamn, Sotenäs i LPO Västra \
                 Fyrbodal) att prova programmet med.",
            );
            ui.add_space(4.0);
            ui.label(
                "Börja med er egen kommun: lägg till den, skapa årets medborgarlöfte eller \
                 läs in det publicerade från text.",
            );
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(RichText::new("Börja utan exempelkommuner").strong())
                    .on_hover_text("En tom databas, sedan er kommun")
                    .clicked()
                {
                    actions.push(AuthoringAction::StartWithoutExamples.into());
                    actions.push(AuthoringAction::OpenNewMunicipality.into());
                }
                if ui
                    .button("Lägg till vår kommun…")
                    .on_hover_text("Exempelkommunerna finns kvar bredvid")
                    .clicked()
                {
                    actions.push(AuthoringAction::OpenNewMunicipality.into());
                }
                if ui.button("Titta på exemplen").clicked() {
                    keep = true;
                }
            });
            Vec::<()>::new()
        },
    );
    if keep || !shown || !actions.is_empty() {
        *open = false;
    }
    actions
}

/// The central area when no kommun is chosen: with none in the database, the way to add
/// one's own; otherwise where to choose.
pub fn nothing_chosen(ui: &mut Ui, no_kommuner: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.add_space(20.0);
    if no_kommuner {
        ui.heading("Lägg till er kommun");
        ui.label(
            "Databasen har inga kommuner ännu. Lägg till er kommun och dess lokalpolisområde; \
             sedan skapar ni årets medborgarlöfte eller läser in det publicerade från text.",
        );
    } else {
        ui.label("Välj en kommun till vänster, eller lägg till er egen.");
    }
    ui.add_space(8.0);
    if ui.button("Ny kommun…").clicked() {
        actions.push(AuthoringAction::OpenNewMunicipality.into());
    }
    actions
}
