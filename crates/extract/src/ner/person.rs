//! People: Chinese names from surname + given-name evidence and context cues, transliterated
//! names (`埃隆·马斯克`, `马斯克`), Latin names (`Nando de Freitas`), and the document-level pass that
//! finds a name's other mentions and links `杨总`/`周博士` back to the full name.

use super::doc::Doc;
use super::lexicon::{self, SurnameClass};
use super::translit;
use super::{Candidate, priority};
use crate::segment::jieba;
use zhnews_model::EntityKind;

/// Minimum evidence score for a person.
const ACCEPT: f32 = 1.75;
/// How much a two-char given name is preferred over a one-char one when both readings score.
const LONGER_NAME_BIAS: f32 = 1.0;
/// Evidence from a whole-span jieba dictionary entry tagged `nr`, by length.
const KNOWN_NR3: f32 = 1.5;
const KNOWN_NR2: f32 = 0.5;
/// Foreignness ([`translit::foreignness`]) above which a given name reads as transliteration.
const FOREIGN_GIVEN: f32 = 1.0;
/// What such a given name costs a Chinese reading.
const FOREIGN_GIVEN_PENALTY: f32 = 2.5;
/// Evidence from a Latin gloss in brackets right after a name (`安舒茨（Philip Anschutz）`).
const GLOSS: f32 = 2.0;
/// Foreignness above which a known foreign name may join a list of people.
const LIST_FOREIGN: f32 = 1.0;
/// What an ambiguous surname costs when jieba reads it alone as a function word (`和朋友`).
const FUNCTION_SURNAME: f32 = 2.0;
/// Chars that never fill a given name, beyond the lexicon's list: `尹姓经理` and `胡氏` name a
/// family, `李洱以长篇小说` ends the name before a preposition.
const NOT_GIVEN_EXTRA: &str = "姓氏以";
/// Score from which a person outranks short dictionary aliases.
const STRONG: f32 = 5.0;
/// Prepositions jieba glues onto a two-char name (`刘洋于2019年`, `周懿因工作调动`): as the last
/// given char before more words they are the preposition, and the name is one char shorter.
const GLUED_PREPOSITIONS: &str = "于因";
/// What a one-char given name gains when jieba's name token only added such a preposition:
/// the cut of that token is then no evidence against the name.
const GLUED_PREPOSITION_CUT: f32 = 2.0;

/// Adds person candidates of `doc` to `out`.
pub(crate) fn candidates(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let first_person = out.len();
    // Chinese readings that fell just short: a list member next to an accepted name is taken.
    let mut near = Vec::new();
    for start in 0..doc.chars.len() {
        let first = doc.chars[start];
        if !lexicon::is_han(first) {
            continue;
        }
        chinese_name_at(doc, start, out, &mut near);
        if doc.is_boundary(start) {
            transliterated_at(doc, start, out, &mut near);
        }
    }
    rescue_list_members(doc, first_person, out, near);
    drop_book_titles(doc, first_person, out);
    name_chains(doc, first_person, out);
    surnames_before_leader_titles(doc, out);
    drop_cut_transliterations(doc, first_person, out);
    dotted_names(doc, out);
    latin_names(doc, out);
    titled_latin_names(doc, out);
}

/// A single Latin name right after a title or before an honorific (`制片人Steven`, `Berg先生`).
fn titled_latin_names(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for (index, token) in doc.tokens.iter().enumerate() {
        if token.tag != "eng" {
            continue;
        }
        if is_joined_full_name(token.word) {
            // `JohnSmith`: a first name and a surname written without the space.
            out.push(Candidate::unnamed(
                token.start,
                token.end,
                EntityKind::Person,
                priority::PERSON,
            ));
            continue;
        }
        // Behind a title, a joined full name (`设计师KenRolston`) or a lower-case given name
        // (`副主管vivien`) is as good as a capitalised one.
        let plain = is_name_word(&doc.chars, token.start, token.end);
        let loose = is_camel_pair(token.word) || is_lower_name(token.word);
        if !plain && !loose {
            continue;
        }
        let titled = index.checked_sub(1).is_some_and(|i| {
            let word = doc.tokens[i].word;
            // The suffix rule reads `国家`, `第一家` as titles: a loose word needs a real one.
            lexicon::is_title_before(word)
                && (plain || lexicon::is_listed_title(word) || !word.ends_with('家'))
        });
        let honoured = doc
            .tokens
            .get(index + 1)
            .is_some_and(|next| matches!(next.word, "先生" | "女士" | "小姐" | "教授" | "博士"));
        // Speech verbs take people; brands and products rarely `say` (`Grace说`, `Kevin表示`).
        let speaking = doc
            .tokens
            .get(index + 1)
            .is_some_and(|next| SPEECH_VERBS.contains(&next.word));
        if titled || (plain && (honoured || speaking)) {
            out.push(Candidate::unnamed(
                token.start,
                token.end,
                EntityKind::Person,
                priority::PERSON,
            ));
        }
    }
}

/// Common English given names (the editors' own list), for full names written without a
/// space (`JohnSmith`), as some Chinese sites print them.
const FIRST_NAMES: &[&str] = &[
    "Aaron",
    "Adam",
    "Alan",
    "Albert",
    "Alex",
    "Alexander",
    "Alice",
    "Amy",
    "Andrew",
    "Andy",
    "Angela",
    "Anna",
    "Anne",
    "Anthony",
    "Ben",
    "Benjamin",
    "Bill",
    "Bob",
    "Brad",
    "Brian",
    "Bruce",
    "Carl",
    "Charles",
    "Chris",
    "Christopher",
    "Cliff",
    "Colin",
    "Corey",
    "Daniel",
    "David",
    "Dennis",
    "Diana",
    "Donald",
    "Edward",
    "Elizabeth",
    "Emily",
    "Emma",
    "Eric",
    "Frank",
    "Gary",
    "George",
    "Grace",
    "Greg",
    "Harry",
    "Helen",
    "Henry",
    "Jack",
    "James",
    "Jane",
    "Jason",
    "Jeff",
    "Jennifer",
    "Jessica",
    "Jim",
    "Joe",
    "John",
    "Jonathan",
    "Joseph",
    "Julia",
    "Justin",
    "Karen",
    "Kate",
    "Kevin",
    "Larry",
    "Laura",
    "Linda",
    "Lisa",
    "Mark",
    "Mary",
    "Matt",
    "Matthew",
    "Mia",
    "Michael",
    "Mike",
    "Nancy",
    "Nick",
    "Oliver",
    "Patrick",
    "Paul",
    "Peter",
    "Philip",
    "Rachel",
    "Richard",
    "Robert",
    "Ryan",
    "Sam",
    "Sarah",
    "Scott",
    "Sean",
    "Simon",
    "Sophia",
    "Stephen",
    "Steve",
    "Steven",
    "Susan",
    "Thomas",
    "Tim",
    "Tom",
    "Tony",
    "Victor",
    "William",
];

/// `KenRolston`: two capitalised parts of 2+ letters each, nothing else.
fn is_camel_pair(word: &str) -> bool {
    let bytes = word.as_bytes();
    let capitals: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i].is_ascii_uppercase())
        .collect();
    capitals.len() == 2
        && capitals[0] == 0
        && capitals[1] >= 3
        && bytes.len() - capitals[1] >= 3
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && !lexicon::is_latin_non_person(word)
}

/// `vivien`: a lower-case word of 3 to 10 letters.
fn is_lower_name(word: &str) -> bool {
    (3..=10).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// `JohnKoller`: a listed first name followed by one capitalised surname of 2+ letters.
fn is_joined_full_name(word: &str) -> bool {
    FIRST_NAMES.iter().any(|first| {
        word.strip_prefix(first).is_some_and(|rest| {
            let mut letters = rest.chars();
            rest.len() >= 3
                && letters.next().is_some_and(|c| c.is_ascii_uppercase())
                && letters.all(|c| c.is_ascii_lowercase())
                && !lexicon::is_latin_non_person(rest)
        })
    })
}

/// Verbs of speech after a single Latin word that make it a person's name.
const SPEECH_VERBS: [&str; 12] = [
    "说", "表示", "称", "认为", "指出", "坦言", "透露", "说道", "笑称", "直言", "告诉", "回忆",
];

/// Nouns of a person's move written after `的` (`X的加盟`).
const MOVE_NOUNS: &[&str] = &[
    "加盟", "离开", "离队", "到来", "回归", "加入", "离职", "辞职", "退出",
];

/// Adverbs written between a name and the verb that cues it (`将`加盟, `已`离职).
const MODAL_ADVERBS: &[&str] = &[
    "将", "已", "已经", "正式", "终于", "即将", "或将", "有望", "决定", "也", "则", "还",
];

/// Score of the context around a name at chars `start..end`: titles before, titles and verbs after.
fn context_score(doc: &Doc<'_>, start: usize, end: usize) -> f32 {
    let mut score = 0.0;
    // A name glossed in Latin script right after it (`安舒茨（Philip Anschutz）`).
    if doc.chars.get(end).is_some_and(|&c| c == '（' || c == '(')
        && doc
            .chars
            .get(end + 1)
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        score += GLOSS;
    }
    if doc
        .token_ending_at(start)
        .is_some_and(|before| lexicon::is_title_before(before.word))
    {
        score += 2.5;
    }
    if let Some(after) = doc.token_at(end) {
        if lexicon::is_title_after(after.word) {
            score += 2.0;
        } else if lexicon::is_verb_after(after.word) {
            score += 1.5;
        } else if after.word == "的"
            && doc
                .token_at(after.end)
                .is_some_and(|noun| MOVE_NOUNS.contains(&noun.word))
        {
            // `马尔科维奇的加盟`, `他的离开`: a move told as a noun of the person.
            score += 1.5;
        } else if MODAL_ADVERBS.contains(&after.word)
            && doc
                .token_at(after.end)
                .is_some_and(|verb| lexicon::is_verb_after(verb.word))
        {
            // `巴特勒将加盟`, `李明已离职`: an adverb between the name and its verb.
            score += 1.5;
        } else if matches!(after.word, "：" | ":") {
            // A speaker's name before a colon (`王明：我们…`), as interviews and transcripts
            // write it; weaker than a verb, since labels also take colons.
            score += 1.0;
        }
    }
    score
}

/// Whether chars `start..end` are, on their own, a name in jieba's dictionary.
fn known_name(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let text = doc.slice(start, end);
    known_word(&text) && {
        let tags = jieba().tag(&text, false);
        tags.len() == 1 && tags[0].tag.starts_with("nr")
    }
}

/// Whether `word` (a whole jieba token) is in jieba's dictionary.
fn known_word(word: &str) -> bool {
    jieba().has_word(word)
}

fn is_function_tag(tag: &str) -> bool {
    matches!(
        tag,
        "v" | "vd"
            | "vi"
            | "d"
            | "p"
            | "c"
            | "u"
            | "uj"
            | "ul"
            | "uz"
            | "uv"
            | "ud"
            | "ug"
            | "r"
            | "rr"
            | "rz"
            | "m"
            | "mq"
            | "q"
            | "f"
            | "t"
            | "ad"
            | "y"
            | "e"
            | "o"
    )
}

/// Evidence that chars `start..end` are one name as far as jieba's tokens go.
fn token_score(
    doc: &Doc<'_>,
    start: usize,
    surname_len: usize,
    end: usize,
    chained: bool,
) -> Option<f32> {
    let mut score = 0.0;
    let first = match doc.token_at(start) {
        Some(first) => first,
        None => {
            // The name starts inside a token: names written back to back (`蒋心雄蒋民宽`) or
            // glued by the HMM to the char before. Cutting a dictionary word needs a name before.
            let covering = doc.token_covering(start)?;
            if known_word(covering.word) && !covering.tag.starts_with("nr") {
                return None;
            }
            score -= if chained { 0.5 } else { 1.5 };
            if covering.end >= end {
                return Some(score - 0.5);
            }
            doc.token_at(covering.end)?;
            let inner = known_name(doc, start, end);
            return Some(
                score
                    + if inner { 1.5 } else { 0.0 }
                    + if doc.is_boundary(end) { 0.3 } else { -1.0 },
            );
        }
    };
    if first.end == end {
        // The whole span is one token.
        if known_word(first.word) {
            if first.tag.starts_with("nr") {
                // jieba's 2-char `nr` entries are noisy (安静, 温馨); 3-char ones less so.
                score += if end - start >= 3 {
                    KNOWN_NR3
                } else {
                    KNOWN_NR2
                };
            } else {
                score -= 3.0;
            }
        } else {
            score += if first.tag.starts_with("nr") {
                1.5
            } else {
                1.0
            };
        }
        return Some(score);
    }
    if first.end > end {
        // The span ends inside its first token: only an unknown (HMM-built) token may be cut,
        // or a known word that starts with a known name (`邓小平理论`).
        if !known_word(first.word) {
            return Some(-0.5);
        }
        if first.tag.starts_with("nr")
            && doc.is_boundary(first.end)
            && chars_all_translit(&doc.chars[start..first.end])
        {
            // The whole token is a transliterated name (`马尔克斯`): a prefix of it is no name.
            return None;
        }
        if doc.chars[end..first.end].iter().all(|&c| is_dotted_char(c)) {
            // The rest of the word is transliteration too (`米德尔|斯堡`, `毕尔巴|鄂`): the span
            // is a cut of one foreign word.
            return None;
        }
        return known_name(doc, start, end).then_some(if end - start >= 3 {
            KNOWN_NR3
        } else {
            KNOWN_NR2
        });
    }
    // Several tokens: the end must be a boundary or cut an unknown token that starts inside.
    if doc.is_boundary(end) {
        score += 0.3;
    } else {
        let last = doc.token_covering(end - 1)?;
        if known_word(last.word) || last.start < start {
            score -= 2.5;
        } else if lexicon::surname(doc.chars[end - 1]).is_some() {
            // The cut token is likely the next name of a list (`刘淇刘毅`).
            score -= 2.5;
        } else {
            score -= 1.0;
        }
    }
    if known_word(first.word)
        && first.end - first.start > surname_len
        && !first.tag.starts_with("nr")
    {
        // The surname and a given char form a common word (`谢谢杨`, `石景/山`).
        return None;
    }
    // Function words, verbs and titles cannot be a given name.
    let mut pos = first.end;
    while pos < end {
        let Some(token) = doc.token_at(pos) else {
            break;
        };
        if lexicon::is_name_stop_word(token.word)
            || lexicon::is_title_after(token.word)
            || lexicon::is_title_before(token.word)
            || lexicon::is_verb_after(token.word)
        {
            return None;
        }
        if known_word(token.word) && is_function_tag(token.tag) && token.end - token.start > 1 {
            // A verb or function word cannot be the given name (`和产生`).
            return None;
        }
        if known_word(token.word) && is_function_tag(token.tag) {
            // A lone char is often a given-name char jieba read as a word (`沈允/熬`).
            score -= if token.end - token.start == 1 {
                0.7
            } else {
                1.5
            };
        }
        pos = token.end;
    }
    Some(score)
}

fn chinese_name_at(
    doc: &Doc<'_>,
    start: usize,
    out: &mut Vec<Candidate>,
    near: &mut Vec<Candidate>,
) {
    let chars = &doc.chars;
    // (surname length, prior) readings: a compound surname and/or a single one.
    let mut options = [(0usize, 0f32); 2];
    let mut count = 0;
    if start + 1 < chars.len() && lexicon::is_compound_surname(chars[start], chars[start + 1]) {
        options[count] = (2, 1.0);
        count += 1;
    }
    // `和周茜`: an ambiguous surname (和, 于, 向…) right before a common one is a function word.
    // A whole jieba name token (钱钟书, 华罗庚) keeps its surname reading.
    let name_token = doc
        .token_at(start)
        .is_some_and(|t| t.tag.starts_with("nr") && t.end - t.start >= 3);
    // `和朋友`, `曾明确`: jieba reads the char alone as a conjunction, preposition or adverb.
    let function_token = doc
        .token_at(start)
        .is_some_and(|t| t.end == start + 1 && matches!(t.tag, "c" | "p" | "d"));
    let function_before_surname = !name_token
        && chars
            .get(start + 1)
            .is_some_and(|&next| lexicon::surname(next) == Some(SurnameClass::Common));
    if let Some(class) = lexicon::surname(chars[start])
        .filter(|&class| !(class == SurnameClass::Ambiguous && function_before_surname))
    {
        let prior = match class {
            SurnameClass::Common => 1.0,
            SurnameClass::Ordinary => 0.3,
            SurnameClass::Ambiguous if function_token => -0.7 - FUNCTION_SURNAME,
            SurnameClass::Ambiguous => -0.7,
        };
        options[count] = (1, prior);
        count += 1;
    }
    let mut best: Option<(usize, f32, f32)> = None;
    for &(surname_len, prior) in &options[..count] {
        for given_len in 1..=2 {
            let end = start + surname_len + given_len;
            if end > chars.len() {
                break;
            }
            let mut given = 0.0;
            let mut ok = true;
            for &ch in &chars[start + surname_len..end] {
                match lexicon::given_weight(ch) {
                    Some(weight) if lexicon::is_han(ch) && !NOT_GIVEN_EXTRA.contains(ch) => {
                        given += weight
                    }
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                break;
            }
            if given_len == 1 {
                given -= 0.5;
            }
            let mut given = given.max(-1.5);
            if given_len == 2
                && chars[start + surname_len..end]
                    .iter()
                    .all(|&c| lexicon::is_foreign_only(c))
            {
                // jieba tags many transliterated places `nr` (莫斯科): this outweighs that tag.
                given -= 3.0;
            } else if given_len == 2
                && chars_all_translit(&chars[start..end])
                && chars[start + surname_len..end]
                    .iter()
                    .any(|&c| lexicon::is_foreign_only(c))
            {
                // Half-foreign given names in a transliteration-only span (桑德兰, 雷吉纳) are
                // mostly clubs and places: they need a cue.
                given -= 1.5;
            }
            if lexicon::is_not_name_ending(chars[end - 1]) {
                given -= 2.5;
            }
            // `刘洋于2019年`: the reading that swallows the preposition is no name; the one that
            // stops before it is as good as a whole name token.
            if given_len == 2 && ends_in_glued_preposition(chars, start, end) {
                continue;
            }
            if given_len == 1
                && end < chars.len()
                && ends_in_glued_preposition(chars, start, end + 1)
            {
                given += GLUED_PREPOSITION_CUT;
            }
            // A "given name" that reads as the inside of a transliteration (桑德兰, 米德尔) is
            // more likely a foreign place, club or a person's name cut short.
            let foreign = translit::foreignness(&chars[start + surname_len..end]);
            if foreign > FOREIGN_GIVEN && given_len == 2 {
                given -= FOREIGN_GIVEN_PENALTY;
            }
            // Titles are 2+ chars: only those spans need the string.
            // Inside a whole jieba name token only a listed title counts (谢子长 is a name,
            // 张女士 is not): the suffix rule would read 子长 as a title.
            if given_len == 2 && {
                let given_text: String = chars[start + surname_len..end].iter().collect();
                if name_token {
                    lexicon::is_listed_title(&given_text)
                } else {
                    lexicon::is_title_after(&given_text) || lexicon::is_title_before(&given_text)
                }
            } {
                continue;
            }
            let chained = out
                .last()
                .is_some_and(|c| c.end == start && c.kind == EntityKind::Person);
            let Some(tokens) = token_score(doc, start, surname_len, end, chained) else {
                continue;
            };
            // Names in a list (`张三、李四`) vouch for each other.
            let listed = start >= 1
                && doc.chars[start - 1] == '、'
                && out
                    .last()
                    .is_some_and(|c| c.end + 1 == start && c.kind == EntityKind::Person);
            // A reading that closes right at a list comma is a list member's whole name.
            let closes_list = chars.get(end) == Some(&'、');
            let tokens = tokens
                + if chained { 1.0 } else { 0.0 }
                + if listed { 1.0 } else { 0.0 }
                + if closes_list { 0.7 } else { 0.0 };
            let score = prior + given + tokens + context_score(doc, start, end);
            // Choosing between readings, lean to the longer given name: most Chinese names have
            // two given chars, and a wrongly short reading is as wrong as a miss.
            let preference = score
                + if given_len == 2 {
                    LONGER_NAME_BIAS
                } else {
                    0.0
                };
            if best.is_none_or(|(_, _, b)| preference > b) {
                best = Some((end, score, preference));
            }
        }
    }
    if let Some((end, score, _)) = best {
        let candidate = Candidate {
            start,
            end,
            kind: EntityKind::Person,
            name: None,
            owner: None,
            priority: if score >= STRONG {
                priority::PERSON_STRONG
            } else {
                priority::PERSON
            },
        };
        if score >= ACCEPT {
            out.push(candidate);
        } else if score >= ACCEPT - LIST_RESCUE {
            near.push(candidate);
        }
    }
}

/// Whether the name reading `start..end` ends in a preposition that belongs to the sentence:
/// `于`/`因` followed by more words (`刘洋于2019年`), or `外` closing a `除…外` frame that opened
/// shortly before the name (`除董事长张伟外`).
fn ends_in_glued_preposition(chars: &[char], start: usize, end: usize) -> bool {
    let last = chars[end - 1];
    let more_words = chars.get(end).is_some_and(|&c| c.is_alphanumeric());
    if GLUED_PREPOSITIONS.contains(last) {
        return more_words;
    }
    last == '外'
        && chars[start.saturating_sub(8)..start]
            .iter()
            .rev()
            .take_while(|c| !"，。；！？,;".contains(**c))
            .any(|&c| c == '除')
}

/// Drops readings that fill a pair of title marks on their own (`《朱诺》`): a name written as a
/// whole work title is the work.
fn drop_book_titles(doc: &Doc<'_>, first_person: usize, out: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    let mut index = first_person;
    while index < out.len() {
        let c = &out[index];
        let titled = c.start >= 1
            && matches!(chars[c.start - 1], '《' | '〈')
            && chars
                .get(c.end)
                .is_some_and(|&ch| matches!(ch, '》' | '〉'));
        if c.kind == EntityKind::Person && titled {
            out.remove(index);
        } else {
            index += 1;
        }
    }
}

/// Titles of heads of state, government and party that official news writes after a bare
/// surname for a leader named in full elsewhere (`江主席`, `李总理`).
const LEADER_TITLES: [&str; 9] = [
    "主席",
    "副主席",
    "总理",
    "副总理",
    "总书记",
    "委员长",
    "总统",
    "副总统",
    "首相",
];

/// A bare surname right before a leader's title is that person (`欢迎江主席访问`): the surname
/// alone is the mention, as in the news corpora's convention.
fn surnames_before_leader_titles(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    for (index, token) in doc.tokens.iter().enumerate() {
        let Some(first) = token.word.chars().next() else {
            continue;
        };
        if lexicon::surname(first).is_none_or(|class| class == SurnameClass::Ambiguous) {
            continue;
        }
        let rest = &token.word[first.len_utf8()..];
        let titled = if rest.is_empty() {
            doc.tokens
                .get(index + 1)
                .is_some_and(|next| LEADER_TITLES.contains(&next.word))
        } else {
            LEADER_TITLES.contains(&rest)
        };
        // The surname must stand alone: not the end of a word before it.
        let alone = token.start == 0 || !lexicon::is_han(chars[token.start - 1]) || {
            doc.token_ending_at(token.start)
                .is_some_and(|before| is_function_tag(before.tag) || before.tag == "x")
        };
        if titled && alone {
            out.push(Candidate::unnamed(
                token.start,
                token.start + 1,
                EntityKind::Person,
                priority::PERSON_STRONG,
            ));
        }
    }
}

/// Fewest names in a run of back-to-back names for the run to be read as a list of names.
const CHAIN_MIN_NAMES: usize = 3;
/// Lowest score of one member of a chain.
const CHAIN_MEMBER_MIN: f32 = -0.5;
/// Lowest mean score of the members of a chain.
const CHAIN_MEAN_MIN: f32 = 1.5;

/// Name-likelihood of chars `start..end` read as surname + given name, without context, or
/// `None` when they cannot be a Chinese name.
fn name_likelihood(doc: &Doc<'_>, start: usize, end: usize) -> Option<f32> {
    let chars = &doc.chars;
    let len = end - start;
    let (surname_len, prior) =
        if len >= 3 && lexicon::is_compound_surname(chars[start], chars[start + 1]) {
            (2, 1.0)
        } else {
            let prior = match lexicon::surname(chars[start]) {
                Some(SurnameClass::Common) => 1.0,
                Some(SurnameClass::Ordinary) => 0.5,
                Some(SurnameClass::Ambiguous) => 0.0,
                // Inside a list of names, the rarer surnames of the classical lists count too.
                None if RARE_SURNAMES.contains(chars[start]) => -0.5,
                None => return None,
            };
            (1, prior)
        };
    let given_len = len - surname_len;
    if !(1..=2).contains(&given_len) {
        return None;
    }
    let mut score = prior;
    for &ch in &chars[start + surname_len..end] {
        if !lexicon::is_han(ch) {
            return None;
        }
        score += lexicon::given_weight(ch)?.max(-1.5);
    }
    if lexicon::is_not_name_ending(chars[end - 1]) {
        score -= 2.0;
    }
    if score + 1.0 < CHAIN_MEMBER_MIN {
        // Not a member whatever the tokens say: spare the dictionary lookups.
        return None;
    }
    // jieba's tokens: a whole `nr` token vouches for the reading; a common word inside it or cut
    // by it speaks against it (`建成富强民主` is no list of 成富, 强民主).
    let mut pos = start;
    while pos < end {
        let token = doc.token_covering(pos)?;
        let known_other =
            token.end - token.start > 1 && !token.tag.starts_with("nr") && known_word(token.word);
        if token.start == start && token.end == end {
            if token.tag.starts_with("nr") {
                score += 1.0;
            } else if known_other {
                return None;
            }
        } else if known_other {
            score -= if token.start < start || token.end > end {
                1.0
            } else {
                1.5
            };
        }
        pos = token.end;
    }
    Some(score)
}

/// Names written back to back with no separator (`王明李华张强`), as official lists print them:
/// a run of Chinese chars between punctuation that splits wholly into three or more likely names
/// is read as that list, replacing the readings made one name at a time (which tend to take a
/// char of the next name).
fn name_chains(doc: &Doc<'_>, first_person: usize, out: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    let mut start = 0;
    while start < chars.len() {
        if !lexicon::is_han(chars[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && lexicon::is_han(chars[end]) {
            end += 1;
        }
        // Cheap filter first: a list of names has a surname every two to four chars.
        let surnames = chars[start..end]
            .iter()
            .filter(|&&c| lexicon::surname(c).is_some())
            .count();
        if end - start >= 2 * CHAIN_MIN_NAMES
            && surnames >= CHAIN_MIN_NAMES
            && surnames * 4 >= end - start
            && let Some(names) = split_chain(doc, start, end)
        {
            let (from, to) = (names[0].0, names[names.len() - 1].1);
            let mut index = first_person;
            while index < out.len() {
                let c = &out[index];
                let inside = names.iter().any(|&(s, e)| c.start < e && c.end > s);
                if c.kind == EntityKind::Person && c.start < to && c.end > from && inside {
                    out.remove(index);
                } else {
                    index += 1;
                }
            }
            for (s, e) in names {
                out.push(Candidate::unnamed(
                    s,
                    e,
                    EntityKind::Person,
                    priority::PERSON_STRONG,
                ));
            }
        }
        start = end;
    }
}

/// Rarer single-char surnames (from the classical surname lists, 《百家姓》), trusted only
/// inside a chain of names where the neighbours vouch for the reading.
const RARE_SURNAMES: &str = "尉束奉固经普刀亢回仉督帅缑况归晋楚鄢钦汝赫皇养鞠须丰巢蒯桓那逯隗满弘匡国文寇广禄阙殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚简饶空曾毋沙乜";

/// Cost of leaving one char of a run outside every name (a name the surname model does not
/// cover, such as `多吉才让`).
const CHAIN_SKIP: f32 = 2.0;

/// The sub-runs of chars `start..end` that split wholly into at least [`CHAIN_MIN_NAMES`] likely
/// names, as name spans; chars the best split leaves out break the sub-runs.
fn split_chain(doc: &Doc<'_>, start: usize, end: usize) -> Option<Vec<(usize, usize)>> {
    let len = end - start;
    // best[i]: (total score, previous cut, whether chars prev..i are a name) of the best split
    // of the first i chars.
    let mut best: Vec<Option<(f32, usize, bool)>> = vec![None; len + 1];
    best[0] = Some((0.0, 0, false));
    for i in 0..len {
        let Some((total, _, _)) = best[i] else {
            continue;
        };
        let skip = (total - CHAIN_SKIP, i, false);
        if best[i + 1].is_none_or(|(t, _, _)| skip.0 > t) {
            best[i + 1] = Some(skip);
        }
        for name_len in 2..=4 {
            let j = i + name_len;
            if j > len {
                break;
            }
            let Some(score) = name_likelihood(doc, start + i, start + j) else {
                continue;
            };
            if score < CHAIN_MEMBER_MIN {
                continue;
            }
            let candidate = (total + score, i, true);
            if best[j].is_none_or(|(t, _, _)| candidate.0 > t) {
                best[j] = Some(candidate);
            }
        }
    }
    // Walk back, collecting names; `None` marks a skipped char.
    let mut parts: Vec<Option<(usize, usize)>> = Vec::new();
    let mut j = len;
    while j > 0 {
        let (_, i, is_name) = best[j]?;
        parts.push(is_name.then_some((start + i, start + j)));
        j = i;
    }
    parts.reverse();
    let mut spans = Vec::new();
    for group in parts.split(Option::is_none) {
        if group.len() < CHAIN_MIN_NAMES {
            continue;
        }
        let names: Vec<(usize, usize)> = group.iter().flatten().copied().collect();
        let total: f32 = names
            .iter()
            .filter_map(|&(s, e)| name_likelihood(doc, s, e))
            .sum();
        if total / (names.len() as f32) >= CHAIN_MEAN_MIN {
            spans.extend(names);
        }
    }
    (!spans.is_empty()).then_some(spans)
}

/// Drops all-transliteration spans that a transliteration char continues on either side
/// (`威廉希尔` read as 廉希尔, `米德尔斯堡` as 米德尔): they are a cut of a longer foreign word,
/// usually a place or club, whose full form was not a name.
fn drop_cut_transliterations(doc: &Doc<'_>, first_person: usize, out: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    let continues = |pos: usize| {
        chars
            .get(pos)
            .is_some_and(|&c| lexicon::is_translit(c) && !TRANSLIT_NEIGHBOURS.contains(c))
    };
    let mut index = first_person;
    while index < out.len() {
        let candidate = &out[index];
        let cut = candidate.kind == EntityKind::Person
            && chars_all_translit(&chars[candidate.start..candidate.end])
            && ((candidate.start >= 1 && continues(candidate.start - 1))
                || continues(candidate.end));
        if cut {
            out.remove(index);
        } else {
            index += 1;
        }
    }
}

/// Transliteration chars that are also everyday words next to a name (`因`, `比`, `加`…).
const TRANSLIT_NEIGHBOURS: &str = "因比加达亚万文明华海安林英圣史本金多";

/// How far below [`ACCEPT`] a Chinese reading may score and still be taken as a list member.
const LIST_RESCUE: f32 = 2.0;

/// Takes near-miss readings that sit in a list (`、`, `和`, `与`, `及`) right next to an accepted
/// person, repeatedly, so a whole enumeration follows its one confident member.
fn rescue_list_members(
    doc: &Doc<'_>,
    first_person: usize,
    out: &mut Vec<Candidate>,
    mut near: Vec<Candidate>,
) {
    let is_joiner = |pos: usize| {
        doc.chars
            .get(pos)
            .is_some_and(|&c| matches!(c, '、' | '和' | '与' | '及'))
    };
    let mut ends = std::collections::HashSet::new();
    let mut starts = std::collections::HashSet::new();
    for candidate in &out[first_person..] {
        if candidate.kind == EntityKind::Person {
            ends.insert(candidate.end);
            starts.insert(candidate.start);
        }
    }
    loop {
        let before = near.len();
        near.retain(|candidate| {
            let after_person = candidate.start >= 1
                && is_joiner(candidate.start - 1)
                && ends.contains(&(candidate.start - 1));
            let before_person = is_joiner(candidate.end) && starts.contains(&(candidate.end + 1));
            // The member must close where the list goes on or the clause ends.
            let closed = doc.is_boundary(candidate.end);
            if closed && (after_person || before_person) {
                ends.insert(candidate.end);
                starts.insert(candidate.start);
                out.push(candidate.clone());
                false
            } else {
                true
            }
        });
        if near.len() == before {
            break;
        }
    }
}

/// Undotted transliterations (`马斯克`, `奥尔特曼`) starting at a token start.
fn transliterated_at(
    doc: &Doc<'_>,
    start: usize,
    out: &mut Vec<Candidate>,
    near: &mut Vec<Candidate>,
) {
    let chars = &doc.chars;
    // After a title (`主席施图岑贝格`) or before a title or speech verb (`塞迪略总统`) the name
    // is expected: the wide table applies.
    let titled = doc
        .token_ending_at(start)
        .is_some_and(|before| lexicon::is_title_before(before.word));
    let wide = |ch: char| lexicon::is_translit(ch) || translit::is_wide_translit(ch);
    let cued_after = |e: usize| {
        doc.is_boundary(e)
            && doc
                .token_at(e)
                .is_some_and(|t| lexicon::is_title_after(t.word) || lexicon::is_verb_after(t.word))
    };
    let mut wide_run = 0;
    while start + wide_run < chars.len() && wide_run < 6 && wide(chars[start + wide_run]) {
        wide_run += 1;
    }
    let cued_end = (start + 2..=start + wide_run)
        .rev()
        .find(|&e| cued_after(e));
    let in_run = |ch: char| lexicon::is_translit(ch) || (titled && translit::is_wide_translit(ch));
    let mut run = 0;
    while start + run < chars.len() && run < 6 && in_run(chars[start + run]) {
        run += 1;
    }
    // The longest run that ends on a token boundary, or the one a cue closes.
    let end = match cued_end {
        Some(e) if e > start + run || !titled && run < 2 => Some(e),
        _ if run < 2 => None,
        _ => (start + 2..=start + run)
            .rev()
            .find(|&e| doc.is_boundary(e)),
    };
    let Some(end) = end else {
        return;
    };
    if !titled
        && !chars_all_translit(&chars[start..end])
        && doc
            .token_at(start)
            .is_some_and(|t| t.end == end && known_word(t.word))
    {
        // Only the wide table's chars and a word jieba knows (`本赛季曾`): an ordinary word.
        return;
    }
    let len = end - start;
    let mut score = 0.0;
    let first = doc.token_at(start);
    match first {
        Some(token) if token.end == end => {
            if known_word(token.word) {
                // jieba knows some foreign names as common nouns (温格/n) and many as places:
                // a title right before (`主帅温格`) still makes them people.
                let titled = doc
                    .token_ending_at(start)
                    .is_some_and(|before| lexicon::is_title_before(before.word));
                score += match token.tag {
                    "nr" | "nrt" | "nrfg" => 2.0,
                    "n" | "nz" | "ns" if titled => 0.0,
                    "n" | "nz" => -0.5,
                    _ => return,
                };
            } else {
                score += 0.5;
            }
        }
        Some(token) if token.end < end => {
            // Several tokens: each must be unknown or itself name-like, unless a title before
            // and a cue after frame the run (`球员博古/特宣布`).
            let framed = titled && cued_end == Some(end);
            let mut pos = start;
            while pos < end {
                let Some(token) = doc.token_at(pos) else {
                    return;
                };
                if known_word(token.word)
                    && token.word.chars().count() > 1
                    && !token.tag.starts_with("nr")
                    && !framed
                {
                    return;
                }
                pos = token.end;
            }
            score -= 0.5;
        }
        _ => return,
    }
    if len >= 3 {
        score += 0.7;
    }
    if lexicon::is_translit_ending(chars[end - 1]) {
        score += 0.5;
    }
    // Transliterated places and clubs (切尔西, 马拉维) look like names: without a cue they are left
    // (measured: letting jieba's `nr` entries through costs more precision than it gains recall).
    let context = context_score(doc, start, end);
    if context < 1.5 {
        // No title or verb cue: a run of transliteration chars standing alone is still a name
        // when it is unknown to jieba (or known as a name), long, and nothing marks it as a place.
        match weak_foreign_score(doc, start, end, first, out) {
            Some(weak) => score += weak,
            None => {
                // A foreign name jieba knows as a name (`皮尔洛`) is still taken as a member
                // of a list whose other member is a person (`皮尔洛和卡卡`).
                let named = first.is_some_and(|t| t.end == end && t.tag.starts_with("nr"));
                if named && translit::foreignness(&chars[start + 1..end]) > LIST_FOREIGN {
                    near.push(Candidate {
                        start,
                        end,
                        kind: EntityKind::Person,
                        name: None,
                        owner: None,
                        priority: priority::PERSON,
                    });
                }
                return;
            }
        }
    } else {
        score += context;
    }
    if score >= ACCEPT {
        out.push(Candidate {
            start,
            end,
            kind: EntityKind::Person,
            name: None,
            owner: None,
            // A long run right after a title outranks a Chinese reading of its first chars
            // (`主席施图岑贝格` is not 施图岑).
            priority: if score >= STRONG || (titled && len >= 4) {
                priority::PERSON_STRONG
            } else {
                priority::PERSON
            },
        });
    }
}

/// Evidence for an undotted transliteration without a title or verb cue, or `None` when the
/// span reads as a place, club or common word: jieba's place tags, a place or team suffix after
/// it, a place preposition before it.
fn weak_foreign_score(
    doc: &Doc<'_>,
    start: usize,
    end: usize,
    first: Option<&super::doc::Token<'_>>,
    out: &[Candidate],
) -> Option<f32> {
    let chars = &doc.chars;
    let len = end - start;
    let whole = first.filter(|token| token.end == end);
    let mut score = 0.0;
    // A name right before in a list (`德罗巴和巴拉克`, `皮尔洛、森德罗斯`) vouches for this one.
    let listed = start >= 1
        && matches!(chars[start - 1], '、' | '和' | '与' | '及')
        && out
            .last()
            .is_some_and(|c| c.end + 1 == start && c.kind == EntityKind::Person);
    match whole {
        // jieba's dictionary holds many clubs and places as `nr`/`nrt` (阿森纳, 切尔西): only a
        // word it does not know (HMM-built) is taken without a cue.
        Some(token) if known_word(token.word) && !(listed && token.tag.starts_with("nr")) => {
            return None;
        }
        Some(_) => {}
        None => return None,
    }
    if let Some(&next) = chars.get(end)
        && FOREIGN_PLACE_SUFFIX.contains(next)
    {
        return None;
    }
    if let Some(before) = doc.token_ending_at(start)
        && PLACE_BEFORE.contains(&before.word)
    {
        return None;
    }
    if let Some(after) = doc.token_at(end)
        && PLACE_AFTER.contains(&after.word)
    {
        return None;
    }
    if listed {
        score += 1.0;
    }
    if len >= 3 {
        score += 0.3;
    } else if !listed {
        return None;
    }
    Some(score)
}

fn chars_all_translit(chars: &[char]) -> bool {
    chars.iter().all(|&c| lexicon::is_translit(c))
}

/// Chars after a transliteration that make it a place, club, people or language (`米兰城`, `英格兰队`).
const FOREIGN_PLACE_SUFFIX: &str = "队国城市州省人语式族岛湾河山港堡区县村派教籍湖海洲联大";

/// Words before a transliteration that make it a place (`在巴塞罗那`, `前往`).
const PLACE_BEFORE: [&str; 14] = [
    "在", "到", "赴", "于", "往", "来自", "前往", "抵达", "访问", "位于", "飞往", "客场", "主场",
    "对阵",
];

/// Words after a transliteration that make it a place or club (`巴塞罗那主场`).
const PLACE_AFTER: [&str; 8] = [
    "主场", "客场", "球迷", "当地", "时间", "地区", "政府", "首都",
];

/// A char of a name part next to a `·`: the dot marks the name as foreign, so the wide
/// transliteration table applies.
fn is_dotted_char(ch: char) -> bool {
    lexicon::is_translit(ch) || translit::is_wide_translit(ch)
}

/// A han token that may be part of a foreign name: unknown to jieba (built by its HMM) or
/// known as a name.
fn is_name_like_token(token: &super::doc::Token<'_>) -> bool {
    token.word.chars().all(lexicon::is_han)
        && (token.tag.starts_with("nr") || !known_word(token.word))
}

/// Names joined by a middle dot: `埃隆·马斯克`, `佩德罗·阿莫多瓦`.
fn dotted_names(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    let mut i = 0;
    while i < chars.len() {
        let joiner = lexicon::is_name_dot(chars[i]) || chars[i] == '-';
        if !(joiner
            && i > 0
            && lexicon::is_han(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&c| lexicon::is_han(c)))
        {
            i += 1;
            continue;
        }
        // Left part: transliteration chars back to a token boundary.
        let mut start = i;
        while start > 0 && i - start < 6 && is_dotted_char(chars[start - 1]) {
            start -= 1;
        }
        if !doc.is_boundary(start) {
            // A name token the table does not wholly cover (`白求恩`): take it whole when
            // jieba does not know it as an ordinary word; otherwise back off to a boundary.
            match doc.token_covering(start) {
                Some(token) if token.start + 2 >= start && is_name_like_token(token) => {
                    start = token.start;
                }
                _ => {
                    while start < i && !doc.is_boundary(start) {
                        start += 1;
                    }
                }
            }
        }
        if start == i {
            i += 1;
            continue;
        }
        // Right parts: han runs separated by further dots.
        let mut end = i;
        loop {
            let mut j = end + 1;
            while j < chars.len() && j - end <= 6 && is_dotted_char(chars[j]) {
                j += 1;
            }
            // On to the end of a name token the table does not wholly cover (`达恩·蒂雄`), or
            // back to a token boundary (`约翰·拉贝日记` ends before 日记).
            if j > end + 1 && !doc.is_boundary(j) {
                match doc.token_covering(j - 1) {
                    Some(token)
                        if token.start > end && token.end <= j + 2 && is_name_like_token(token) =>
                    {
                        j = token.end;
                    }
                    _ => {
                        while j > end + 1 && !doc.is_boundary(j) {
                            j -= 1;
                        }
                    }
                }
            }
            // `甲乙特裁掉` when jieba reads `特裁` as a word: a last char that opens a word with the char
            // after it is that word's, when the part keeps two chars without it.
            if j > end + 3 && j < chars.len() && lexicon::is_han(chars[j]) && {
                let word: String = chars[j - 1..=j].iter().collect();
                known_word(&word)
            } {
                j -= 1;
            }
            if j == end + 1 {
                break;
            }
            end = j;
            if !(end < chars.len()
                && (lexicon::is_name_dot(chars[end]) || chars[end] == '-')
                && chars.get(end + 1).is_some_and(|&c| lexicon::is_han(c)))
            {
                break;
            }
        }
        // `文·图` (text and pictures) is a credit line, not a name.
        let han = (start..end).filter(|&k| lexicon::is_han(chars[k])).count();
        if end > i && han >= 3 {
            out.push(Candidate {
                start,
                end,
                kind: EntityKind::Person,
                name: None,
                owner: None,
                priority: priority::PERSON_STRONG,
            });
        }
        i = end.max(i + 1);
    }
}

/// Latin-script names: two to four capitalised words, with particles (`Nando de Freitas`).
fn latin_names(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    let mut words: Vec<(usize, usize)> = Vec::new();
    let flush = |words: &mut Vec<(usize, usize)>, out: &mut Vec<Candidate>| {
        // Trim particles at the ends, then require two capitalised words.
        while words.last().is_some_and(|&(s, e)| is_particle(chars, s, e)) {
            words.pop();
        }
        let capitalised = words
            .iter()
            .filter(|&&(s, e)| !is_particle(chars, s, e))
            .count();
        if (2..=4).contains(&capitalised) && words.len() <= 5 {
            let (start, _) = words[0];
            let (_, end) = words[words.len() - 1];
            out.push(Candidate {
                start,
                end,
                kind: EntityKind::Person,
                name: None,
                owner: None,
                priority: priority::PERSON_STRONG,
            });
        }
        words.clear();
    };
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphabetic() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            if !chars[i].is_ascii_alphanumeric() && chars[i] != ' ' {
                flush(&mut words, out);
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_alphabetic() || chars[i] == '\'' || chars[i] == '-')
        {
            i += 1;
        }
        let end = i;
        let adjacent = words
            .last()
            .is_none_or(|&(_, e)| e + 1 == start && chars[e] == ' ');
        if !adjacent {
            flush(&mut words, out);
        }
        let fits = if words.is_empty() {
            is_name_word(chars, start, end)
        } else {
            is_name_word(chars, start, end) || is_particle(chars, start, end)
        };
        if fits {
            words.push((start, end));
        } else {
            flush(&mut words, out);
        }
        if i < chars.len() && chars[i].is_ascii_digit() {
            flush(&mut words, out);
        }
    }
    flush(&mut words, out);
}

/// `Altman`, `Freitas`: capitalised, the rest lower case, not a brand-like word.
fn is_name_word(chars: &[char], start: usize, end: usize) -> bool {
    let word: String = chars[start..end].iter().collect();
    let mut letters = word.chars();
    let Some(first) = letters.next() else {
        return false;
    };
    end - start >= 2
        && first.is_ascii_uppercase()
        && letters.all(|c| c.is_ascii_lowercase() || c == '\'' || c == '-')
        && !lexicon::is_latin_non_person(&word)
}

fn is_particle(chars: &[char], start: usize, end: usize) -> bool {
    let word: String = chars[start..end].iter().collect();
    lexicon::LATIN_PARTICLES.contains(&word.as_str())
}

/// Honorifics that stand for a full name after a surname (`杨总`, `周博士`).
const HONORIFICS: [&str; 9] = [
    "总", "博士", "教授", "先生", "女士", "小姐", "老师", "院士", "董",
];

/// Document consistency: adds the other mentions of accepted names and `杨总`-style forms.
pub(crate) fn propagate(doc: &Doc<'_>, accepted: &mut Vec<Candidate>) {
    let mut names: Vec<(String, Option<String>)> = Vec::new();
    for candidate in accepted.iter() {
        if candidate.kind != EntityKind::Person || candidate.end - candidate.start < 2 {
            continue;
        }
        let text = doc.slice(candidate.start, candidate.end);
        if !names.iter().any(|(t, _)| *t == text) {
            names.push((text, candidate.name.clone()));
        }
    }
    let mut added = Vec::new();
    for (text, name) in &names {
        let len = text.chars().count();
        let han = text.chars().all(lexicon::is_han);
        for (byte, _) in doc.text.match_indices(text.as_str()) {
            let start = doc.char_of_byte(byte);
            let end = start + len;
            if han && len <= 2 && !(doc.is_boundary(start) && doc.is_boundary(end)) {
                continue;
            }
            if !han
                && (start > 0 && doc.chars[start - 1].is_ascii_alphanumeric()
                    || doc
                        .chars
                        .get(end)
                        .is_some_and(|c| c.is_ascii_alphanumeric()))
            {
                continue;
            }
            added.push(Candidate {
                start,
                end,
                kind: EntityKind::Person,
                name: name.clone(),
                owner: None,
                priority: priority::REPEAT,
            });
        }
    }
    // Surname + honorific, linked when exactly one full name has that surname.
    let full_names: Vec<(char, String)> = names
        .iter()
        .filter(|(t, _)| {
            let count = t.chars().count();
            (2..=4).contains(&count) && t.chars().all(lexicon::is_han)
        })
        .map(|(t, n)| {
            (
                t.chars().next().unwrap_or(' '),
                n.clone().unwrap_or(t.clone()),
            )
        })
        .collect();
    for (index, token) in doc.tokens.iter().enumerate() {
        let mut chars = token.word.chars();
        let (Some(first), rest) = (chars.next(), chars.as_str()) else {
            continue;
        };
        let (surname_end, honorific) = if rest.is_empty() {
            match doc.tokens.get(index + 1) {
                Some(next) => (token.end, next.word),
                None => continue,
            }
        } else {
            (token.start + 1, rest)
        };
        if lexicon::surname(first).is_none() || !HONORIFICS.contains(&honorific) {
            continue;
        }
        let end = surname_end + honorific.chars().count();
        if !doc.is_boundary(end) {
            continue;
        }
        let mut linked = full_names.iter().filter(|(s, _)| *s == first);
        let name = match (linked.next(), linked.next()) {
            (Some((_, full)), None) => Some(full.clone()),
            _ => continue,
        };
        added.push(Candidate {
            start: token.start,
            end,
            kind: EntityKind::Person,
            name,
            owner: None,
            priority: priority::REPEAT,
        });
    }
    accepted.extend(added);
}
