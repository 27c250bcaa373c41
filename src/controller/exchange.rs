//! The Samverkan window's steps: send, look at and read a partner's file, decide a
//! conflict. The work is `crate::exchange`'s, shared with the command line.

use super::{Ctx, Effect, Reload, Result};
use crate::ui::ExchangeAction;
use std::path::PathBuf;

const FILTER: (&str, &[&str]) = ("Ändringsfil", &["tavla"]);

impl ExchangeAction {
    pub fn apply(self, cx: &mut Ctx) -> Result<Effect> {
        let store = &mut *cx.store;
        let st = &mut cx.screens.exchange;
        match self {
            ExchangeAction::Open(tab) => {
                let partners = store.partners()?.into_iter().map(|p| p.name).collect();
                let folder = cx.db_path.parent().map(PathBuf::from).unwrap_or_default();
                let name = format!("andringar-{}.tavla", cx.today.format("%Y-%m-%d"));
                st.open_with(
                    tab,
                    store.exchange_name()?,
                    partners,
                    folder.join(name).display().to_string(),
                    store.conflicts(false)?,
                );
            }
            ExchangeAction::ChooseSendFile => {
                let current = PathBuf::from(st.send_path.trim());
                match cx.dialogs.save_file("Spara ändringsfil", FILTER, &current) {
                    Some(p) => st.send_file_chosen(&p),
                    None => st.say("Ingen fil valdes. Skriv sökvägen i fältet Fil.".into()),
                }
            }
            ExchangeAction::ChooseReceiveFile => {
                match cx.dialogs.pick_file("Välj fil från partnern", FILTER) {
                    Some(p) => st.receive_file_chosen(&p),
                    None => st
                        .say("Ingen fil valdes. Skriv sökvägen i fältet Fil från partnern.".into()),
                }
            }
            ExchangeAction::Send => {
                if st.passphrase != st.passphrase_again {
                    st.say("Lösenorden är inte lika. Skriv samma lösenord två gånger.".into());
                    return Ok(Effect::none());
                }
                let path = PathBuf::from(st.send_path.trim());
                let from = Some(st.own_name.trim()).filter(|n| !n.is_empty());
                match crate::exchange::send(
                    store,
                    st.to.trim(),
                    from,
                    &path,
                    &st.passphrase.0,
                    cx.clock.now(),
                ) {
                    Ok(c) => {
                        let partners = store.partners()?.into_iter().map(|p| p.name).collect();
                        st.sent(crate::exchange::sent_line(&c, &path), partners);
                    }
                    Err(e) => st.say(e),
                }
            }
            ExchangeAction::Preview => {
                let path = PathBuf::from(st.receive_path.trim());
                match crate::exchange::read(&path, &st.receive_passphrase.0) {
                    Ok(c) => st.previewed(crate::exchange::describe(&c)),
                    Err(e) => st.say(e.to_string()),
                }
            }
            ExchangeAction::Receive => {
                let path = PathBuf::from(st.receive_path.trim());
                let read = crate::exchange::read(&path, &st.receive_passphrase.0)
                    .map_err(|e| e.to_string())
                    .and_then(|c| crate::exchange::receive(store, &c, cx.clock.now()));
                match read {
                    Ok(a) => {
                        let line = crate::exchange::applied_line(&a);
                        st.received(line, store.conflicts(false)?);
                        if !a.already_read {
                            return Ok(Effect::reload(Reload::Fresh));
                        }
                    }
                    Err(e) => st.say(e),
                }
            }
            ExchangeAction::Resolve { id, take_theirs } => {
                store.resolve_conflict(id, take_theirs)?;
                st.conflicts_now(store.conflicts(false)?);
                st.say(format!(
                    "Avgjord: {} uppgift gäller. Valet skickas med nästa fil.",
                    if take_theirs { "deras" } else { "vår" }
                ));
                return Ok(Effect::reload(Reload::Fresh));
            }
        }
        Ok(Effect::none())
    }
}
