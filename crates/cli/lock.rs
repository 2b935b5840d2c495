//! The run lock: an exclusive `flock` on `<database>.lock` beside the database, so two `crawl` (or
//! `backfill`) runs from cron never work on one frontier at once. The kernel drops the lock when the
//! process ends, however it ends, so a `kill -9` never leaves a stale lock behind.
//!
//! The file also holds one line naming the holder (pid, command, start time) for the refused run's
//! message; the line is informational, the lock itself is the flock.

use crate::exit::{Exit, Failure};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct RunLock {
    _file: File,
}

/// The lock file for a database: `<db>.lock`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the lock for `db` at once, or fails with exit 75 and a line naming the holder.
pub fn acquire(db: &Path, command: &str) -> Result<RunLock, Failure> {
    let path = lock_path(db);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Failure::fatal(format!("cannot open lock file {}: {e}", path.display())))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            // The holder writes its line right after locking; give it a moment if we got there first.
            let mut holder = String::new();
            for _ in 0..20 {
                holder.clear();
                let _ = file
                    .seek(SeekFrom::Start(0))
                    .and_then(|_| file.read_to_string(&mut holder));
                if holder.ends_with('\n') {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            let holder = holder.trim();
            let holder = if holder.is_empty() {
                "another zhnews process".to_owned()
            } else {
                holder.to_owned()
            };
            return Err(Failure {
                exit: Exit::Locked,
                message: format!(
                    "{} is locked by {holder} ({}); try again later",
                    db.display(),
                    path.display()
                ),
            });
        }
        Err(TryLockError::Error(e)) => {
            return Err(Failure::fatal(format!(
                "cannot lock {}: {e}",
                path.display()
            )));
        }
    }
    let line = format!(
        "pid {} (zhnews {command}, since {})\n",
        std::process::id(),
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    // Informational only: a failure to write it does not matter for the lock.
    let _ = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| file.write_all(line.as_bytes()))
        .and_then(|()| file.flush());
    Ok(RunLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_is_refused_with_a_name() {
        let dir = std::env::temp_dir().join(format!("zhnews-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("x.db");
        let first = acquire(&db, "crawl").unwrap();
        let second = acquire(&db, "crawl").unwrap_err();
        assert_eq!(second.exit, Exit::Locked);
        assert!(
            second
                .message
                .contains(&format!("pid {}", std::process::id())),
            "{}",
            second.message
        );
        drop(first);
        acquire(&db, "crawl").unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
