//! `cargo run -p xtask -- eval events`.

/// Runs the evaluation.
pub fn run(_args: &[&str]) -> anyhow::Result<()> {
    let Some(_shared) = crate::shared::dir() else {
        return Ok(());
    };
    anyhow::bail!("eval events is not written yet")
}
