//! `serve`'s errors: the project to serve, the port to listen on.

use songngu::i18n::Localizer;
use songngu::serve::ServeError;

use super::{flow_error, io_reason};

/// The sentence for a server that could not start or stopped.
pub fn serve_error(l10n: &Localizer, error: ServeError) -> anyhow::Error {
    match error {
        ServeError::Flow(e) => flow_error(l10n, e),
        ServeError::Bind { addr, source } => anyhow::anyhow!(l10n.text_with(
            "error-serve-bind",
            &[
                ("addr", addr.to_string().into()),
                ("reason", io_reason(l10n, &source).into()),
            ],
        )),
        ServeError::Io(source) => anyhow::anyhow!(l10n.text_with(
            "error-serve-io",
            &[("reason", io_reason(l10n, &source).into())],
        )),
    }
}
