//! One text prepared for the entity rules: its chars, jieba's tagged tokens, token boundaries.

use crate::segment::jieba;

/// A jieba token with char offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub word: &'a str,
    pub tag: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Token index sentinel for "no token starts here".
const NONE: u32 = u32::MAX;

/// A text with its chars and tokens.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub chars: Vec<char>,
    pub tokens: Vec<Token<'a>>,
    /// Per char offset (len + 1 entries): index of the token starting there, or `NONE`.
    token_starting: Vec<u32>,
    /// Per char offset: index of the token covering it.
    token_covering: Vec<u32>,
    /// Byte offset → char offset, for matches found on bytes.
    byte_to_char: Vec<u32>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let chars: Vec<char> = text.chars().collect();
        let tokens: Vec<Token<'a>> = jieba()
            .tag(text, true)
            .into_iter()
            .map(|t| Token {
                word: t.word,
                tag: t.tag,
                start: t.start,
                end: t.end,
            })
            .collect();
        let mut token_starting = vec![NONE; chars.len() + 1];
        let mut token_covering = vec![0; chars.len()];
        for (index, token) in tokens.iter().enumerate() {
            token_starting[token.start] = index as u32;
            token_covering[token.start..token.end].fill(index as u32);
        }
        Doc {
            text,
            byte_to_char: zhnews_model::byte_to_char_table(text),
            chars,
            tokens,
            token_starting,
            token_covering,
        }
    }

    /// The text of chars `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    pub fn char_of_byte(&self, byte: usize) -> usize {
        self.byte_to_char[byte] as usize
    }

    /// Whether a token starts (or the text ends) at char offset `pos`.
    pub fn is_boundary(&self, pos: usize) -> bool {
        pos == 0 || pos >= self.chars.len() || self.token_starting[pos] != NONE
    }

    /// The token starting at `pos`.
    pub fn token_at(&self, pos: usize) -> Option<&Token<'a>> {
        match self.token_starting.get(pos) {
            Some(&index) if index != NONE => self.tokens.get(index as usize),
            _ => None,
        }
    }

    /// The token ending at `pos` (the one covering `pos - 1`), if it ends exactly there.
    pub fn token_ending_at(&self, pos: usize) -> Option<&Token<'a>> {
        let index = *self.token_covering.get(pos.checked_sub(1)?)? as usize;
        let token = &self.tokens[index];
        (token.end == pos).then_some(token)
    }

    /// The token covering char `pos`.
    pub fn token_covering(&self, pos: usize) -> Option<&Token<'a>> {
        self.token_covering
            .get(pos)
            .map(|&index| &self.tokens[index as usize])
    }
}
