//! `songngu serve [--port N] [--bind ADDR] [--open]`: the review page of the project in
//! this folder. The first line on standard output is the address to open, with its
//! access token; the server answers until Ctrl-C.

use std::net::{IpAddr, Ipv4Addr};

use anyhow::Result;
use clap::Args;
use songngu::i18n::Localizer;
use songngu::serve::{ServeOptions, bind};

use super::context::Context;
use super::errors::serve_error;
use super::exit::Exit;
use super::output::{Output, stderr_line};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port (0: a free one).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub port: u16,
    /// The address to listen on (default: this machine only).
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    /// Open the page in the browser.
    #[arg(long)]
    pub open: bool,
}

pub fn execute(args: &ServeArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    if ctx.project_file().is_none() {
        anyhow::bail!(l10n.text("error-serve-no-project"));
    }
    let project = ctx.project()?;
    let options = ServeOptions {
        bind: args.bind,
        port: args.port,
    };
    let server = bind(project, &options).map_err(|e| serve_error(l10n, e))?;
    // Told before the address, so that whoever reads the address has seen it.
    if !args.bind.is_loopback() {
        let addr = args.bind.to_string();
        warn(
            l10n,
            &l10n.text_with("serve-warning-exposed", &[("addr", addr.into())]),
        );
    }
    out.line(server.url())?;
    out.flush()?;
    if args.open {
        open_browser(l10n, server.url());
    }
    server.run().map_err(|e| serve_error(l10n, e))?;
    Ok(Exit::Success)
}

fn warn(l10n: &Localizer, message: &str) {
    stderr_line(&l10n.text_with("cli-warning", &[("message", message.to_owned().into())]));
}

/// Starts the system's browser on `url`; a machine without one only gets a warning (the
/// address is on the first line anyway).
fn open_browser(l10n: &Localizer, url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(error) = started {
        let args = [
            ("program", program.into()),
            ("reason", error.to_string().into()),
        ];
        warn(l10n, &l10n.text_with("serve-warning-open", &args));
    }
}
