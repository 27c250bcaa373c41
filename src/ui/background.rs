//! Work that would stall a frame (parsing a pasted 7 MB text) runs on its own thread; the
//! window keeps drawing and shows that it is working until the result is there.

use std::sync::{Arc, Mutex, PoisonError};

/// A result being worked out on another thread. Equal only to its own clones, so that a
/// screen state holding one can still be compared.
#[derive(Debug, Clone)]
pub struct Background<T>(Arc<Mutex<Option<Result<T, String>>>>);

impl<T> PartialEq for Background<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Send + 'static> Background<T> {
    /// Starts `work` and asks `ctx` for a frame when it is done. A panic in `work` becomes
    /// an `Err` with its message: the window stays up and says what happened.
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let slot = Arc::new(Mutex::new(None));
        let (out, ctx) = (Arc::clone(&slot), ctx.clone());
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                .map_err(|p| crate::crash::panic_message(p.as_ref()));
            *out.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
            ctx.request_repaint();
        });
        Background(slot)
    }

    /// The result once it is there (taken: a second call gives `None`).
    pub fn take(&self) -> Option<Result<T, String>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}
