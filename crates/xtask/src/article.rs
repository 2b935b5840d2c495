//! `cargo run -p xtask -- eval article`.

/// Runs the evaluation.
pub fn run(_args: &[&str]) -> anyhow::Result<()> {
    let Some(_shared) = crate::shared::dir() else {
        return Ok(());
    };
    anyhow::bail!("eval article is not written yet")
}
