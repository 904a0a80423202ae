//! The size limit of the files read whole ([`songngu::input_limit`]): the limit of the
//! documents a newsroom feeds in (articles, standard input, XLIFF, glossaries, query
//! lists) is set before the command with `--max-input-mb MB`, else by
//! `SONGNGU_MAX_INPUT_MB`, else 64 MiB; settings files (the project file, accepted
//! findings, SRX) keep their fixed limits.

use clap::Args;
use songngu::i18n::Localizer;
use songngu::input_limit::Limits;

/// The environment variable read when `--max-input-mb` is not given.
pub const ENV: &str = "SONGNGU_MAX_INPUT_MB";

/// The largest limit accepted, in MiB (1 TiB): far past any article, and small enough
/// that the limit in bytes cannot overflow.
const MAX_MB: u64 = 1 << 20;

/// Options of the top level, before the command: `songngu --max-input-mb 200 check ...`.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    #[arg(
        long,
        value_name = "MB",
        value_parser = clap::value_parser!(u64).range(1..=MAX_MB)
    )]
    pub max_input_mb: Option<u64>,
}

/// The limits of this run from the option or the environment; a bad value in the
/// environment is an error (message localized).
pub fn limits<E: Fn(&str) -> Option<String>>(
    args: &InputArgs,
    env: &E,
    l10n: &Localizer,
) -> Result<Limits, String> {
    let mb = match args.max_input_mb {
        Some(mb) => Some(mb),
        // An empty value counts as unset, as shells make it easy to leave one behind.
        None => match env(ENV).filter(|v| !v.trim().is_empty()) {
            None => None,
            Some(value) => match value.trim().parse::<u64>() {
                Ok(mb) if (1..=MAX_MB).contains(&mb) => Some(mb),
                _ => {
                    return Err(l10n.text_with(
                        "error-max-input-env",
                        &[("value", value.into()), ("max", MAX_MB.into())],
                    ));
                }
            },
        },
    };
    Ok(mb.map_or_else(Limits::default, Limits::documents_mib))
}

#[cfg(test)]
mod tests {
    use super::*;
    use songngu::i18n::UiLocale;
    use songngu::input_limit::InputKind;

    #[test]
    fn every_kind_has_a_name_in_both_languages() {
        for locale in UiLocale::ALL {
            let l10n = Localizer::new(locale);
            for kind in InputKind::ALL {
                let id = format!("input-kind-{}", kind.name());
                assert!(l10n.has_message(&id), "{id} in {locale:?}");
            }
        }
    }
}
