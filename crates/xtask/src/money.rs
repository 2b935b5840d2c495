//! `cargo run -p xtask -- eval money`.

/// Runs the evaluation.
pub fn run(_args: &[&str]) -> anyhow::Result<()> {
    let Some(_shared) = crate::shared::dir() else {
        return Ok(());
    };
    anyhow::bail!("eval money is not written yet")
}
