// On Windows a GUI-subsystem program: no console window opens beside the app when it is
// started from the Start menu; CLI commands attach to the console they were typed in.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;
use trygghetstavlan::{app, cli, files};

/// A GUI-subsystem program starts without standard handles; when it was started from cmd
/// or PowerShell, it borrows their console so that CLI output and errors reach the user.
/// Output redirected to a file or a pipe already has its handles and is left alone.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    // SAFETY: plain Win32 calls without pointers; a failure (no parent console, as when
    // started from Explorer) leaves the process as it was.
    unsafe {
        if GetStdHandle(STD_OUTPUT_HANDLE).is_null() {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// Parses the arguments and hands over: no command opens the window.
fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
    let args = match cli::parse_args(std::env::args_os()) {
        Ok(a) => a,
        Err((text, code)) => {
            // Help and version go to standard out; a mistake is one line on standard error.
            if code == 0 {
                println!("{}", text.trim_end());
            } else {
                eprintln!("{}", text.trim_end());
            }
            return ExitCode::from(code);
        }
    };
    let path = match args.db.clone().map(Ok).unwrap_or_else(files::default_db) {
        Ok(p) => p,
        Err(e) => return cli::fail(&e),
    };
    match args.command {
        Some(command) => cli::run(&path, command),
        None => match app::launch(path, args.kommun.as_deref(), args.mote) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => cli::fail(&e),
        },
    }
}
