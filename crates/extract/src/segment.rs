//! The one jieba-rs segmenter of the process.
//!
//! Building a `Jieba` parses its 350 000-word dictionary (tens of milliseconds), so it is built once,
//! lazily, and shared by every extractor and thread.

use jieba_rs::Jieba;
use std::sync::LazyLock;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The shared segmenter with jieba's default dictionary.
pub fn jieba() -> &'static Jieba {
    &JIEBA
}
