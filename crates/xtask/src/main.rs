//! Developer tasks for zhnews: `cargo run -p xtask -- eval ner|money|article|events`.

fn main() {
    eprintln!("usage: cargo run -p xtask -- eval ner|money|article|events");
    std::process::exit(2);
}
