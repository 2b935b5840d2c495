//! The exit codes the binary promises (documented in the README).

use std::fmt;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: everything went through.
    Ok,
    /// 1: finished, but some items failed (each was logged).
    Failures,
    /// 2: bad usage or configuration; nothing was done.
    Usage,
    /// 3: a fatal error stopped the run (database unusable, disk full…).
    Fatal,
    /// 4: stopped because hosts kept rate-limiting.
    RateLimited,
    /// 75: another run holds the lock (EX_TEMPFAIL), try again later.
    Locked,
    /// 130: interrupted by SIGINT; the work is resumable.
    Interrupted,
    /// 143: terminated by SIGTERM; the work is resumable.
    Terminated,
}

impl Exit {
    /// The process exit status.
    pub fn as_u8(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Failures => 1,
            Exit::Usage => 2,
            Exit::Fatal => 3,
            Exit::RateLimited => 4,
            Exit::Locked => 75,
            Exit::Interrupted => 130,
            Exit::Terminated => 143,
        }
    }
}

/// An error that ends a command, with the exit code it maps to. Its message is printed as one line.
#[derive(Debug)]
pub struct Failure {
    /// The exit code.
    pub exit: Exit,
    /// The one-line message.
    pub message: String,
}

impl Failure {
    /// A usage or configuration error (exit 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            exit: Exit::Usage,
            message: message.into(),
        }
    }

    /// A fatal error (exit 3).
    pub fn fatal(message: impl Into<String>) -> Failure {
        Failure {
            exit: Exit::Fatal,
            message: message.into(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What a command returns: the exit code of a finished run, or the failure that stopped it.
pub type CommandResult = Result<Exit, Failure>;
