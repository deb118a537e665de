//! `hotspot`: crime and disorder hotspots for community safety partnerships.
//!
//! A thin shell over `hotspot_core`: parse the flags, run one subcommand, print any error once,
//! exit 0 (success), 1 (nothing found where something was required) or 2 (bad input or usage).
mod args;
mod cmd;
mod load;
mod messages;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Find and rank crime and disorder hotspots: count incidents by area, look around a point.
#[derive(Debug, Parser)]
#[command(name = "hotspot", version, propagate_version = true)]
struct Cli {
    /// Say nothing but errors: no summary, no announced defaults.
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Count(cmd::count::CountArgs),
    Hil(cmd::hil::HilArgs),
    Cover(cmd::cover::CoverArgs),
    Site(cmd::site::SiteArgs),
    Evaluate(cmd::evaluate::EvaluateArgs),
    Gistar(cmd::gistar::GistarArgs),
    Lisa(cmd::lisa::LisaArgs),
    Kde(cmd::kde::KdeArgs),
    Change(cmd::change::ChangeArgs),
    Emerging(cmd::emerging::EmergingArgs),
    Repeats(cmd::repeats::RepeatsArgs),
    Knox(cmd::knox::KnoxArgs),
    Near(cmd::near::NearArgs),
    Demo(cmd::demo::DemoArgs),
}

/// An error that is not bad input: the run worked but found nothing where something was required.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NothingFound(pub String);

fn main() -> ExitCode {
    // Like other Unix filters, stop quietly when the reader goes away (`hotspot ... | head`)
    // instead of panicking on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default SIGPIPE action at start-up, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let say = messages::Say::new(cli.quiet);
    let result = match cli.command {
        Command::Count(a) => cmd::count::run(a, &say),
        Command::Hil(a) => cmd::hil::run(a, &say),
        Command::Cover(a) => cmd::cover::run(a, &say),
        Command::Site(a) => cmd::site::run(a, &say),
        Command::Evaluate(a) => cmd::evaluate::run(a, &say),
        Command::Gistar(a) => cmd::gistar::run(a, &say),
        Command::Lisa(a) => cmd::lisa::run(a, &say),
        Command::Kde(a) => cmd::kde::run(a, &say),
        Command::Change(a) => cmd::change::run(a, &say),
        Command::Emerging(a) => cmd::emerging::run(a, &say),
        Command::Repeats(a) => cmd::repeats::run(a, &say),
        Command::Knox(a) => cmd::knox::run(a, &say),
        Command::Near(a) => cmd::near::run(a, &say),
        Command::Demo(a) => cmd::demo::run(a, &say),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<NothingFound>() => {
            eprintln!("hotspot: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("hotspot: error: {e}");
            ExitCode::from(2)
        }
    }
}
