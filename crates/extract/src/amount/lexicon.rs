//! The word lists the amount recognizer reads around a numeral: currencies, bound words, measure
//! words and nouns of counts, the words that make a bare magnitude money, and ordinary words and
//! brands that contain numeral chars. They are general Chinese usage written for this module, not
//! taken from any evaluation set.

use std::sync::LazyLock;
use zhnews_model::Qualifier;

/// Currency words written after the number, with their ISO 4217 code. Longer forms first is not
/// needed: [`longest`] picks the longest match.
pub const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("元", "CNY"),
    ("圆", "CNY"),
    ("块", "CNY"),
    ("块钱", "CNY"),
    ("元钱", "CNY"),
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("美圆", "USD"),
    ("美刀", "USD"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("港幣", "HKD"),
    ("欧元", "EUR"),
    ("歐元", "EUR"),
    ("日元", "JPY"),
    ("日圆", "JPY"),
    ("日币", "JPY"),
    ("日幣", "JPY"),
    ("英镑", "GBP"),
    ("英鎊", "GBP"),
    ("韩元", "KRW"),
    ("韓元", "KRW"),
    ("瑞士法郎", "CHF"),
    ("瑞郎", "CHF"),
    ("法郎", "CHF"),
    ("新台币", "TWD"),
    ("台币", "TWD"),
    ("新台幣", "TWD"),
    ("台幣", "TWD"),
    ("澳元", "AUD"),
    ("澳币", "AUD"),
    ("加元", "CAD"),
    ("加币", "CAD"),
    ("新加坡元", "SGD"),
    ("新元", "SGD"),
    ("卢布", "RUB"),
    ("泰铢", "THB"),
    ("卢比", "INR"),
    ("越南盾", "VND"),
    ("澳门元", "MOP"),
    ("澳门币", "MOP"),
    ("林吉特", "MYR"),
    ("奈拉", "NGN"),
    ("雷亚尔", "BRL"),
    ("里拉", "TRY"),
    ("兰特", "ZAR"),
];

/// Currency words and signs written before the number.
pub const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("港币", "HKD"),
    ("港幣", "HKD"),
    ("港元", "HKD"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("英镑", "GBP"),
    ("新台币", "TWD"),
    ("台币", "TWD"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("USD", "USD"),
    ("HKD", "HKD"),
    ("EUR", "EUR"),
    ("JPY", "JPY"),
    ("GBP", "GBP"),
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("$", "USD"),
    ("＄", "USD"),
    ("￥", "CNY"),
    ("¥", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
];

/// Bound words written before the number.
pub const QUALIFIER_BEFORE: &[(&str, Qualifier)] = &[
    ("约", Qualifier::About),
    ("約", Qualifier::About),
    ("约合", Qualifier::About),
    ("约有", Qualifier::About),
    ("约为", Qualifier::About),
    ("大约为", Qualifier::About),
    ("大约有", Qualifier::About),
    ("超过了", Qualifier::Over),
    ("大约", Qualifier::About),
    ("大概", Qualifier::About),
    ("预计", Qualifier::About),
    ("近", Qualifier::Under),
    ("将近", Qualifier::Under),
    ("接近", Qualifier::Under),
    ("逼近", Qualifier::Under),
    ("不到", Qualifier::Under),
    ("不足", Qualifier::Under),
    ("不超过", Qualifier::Under),
    ("最多", Qualifier::Under),
    ("至多", Qualifier::Under),
    ("小于", Qualifier::Under),
    ("低于", Qualifier::Under),
    ("少于", Qualifier::Under),
    ("超过", Qualifier::Over),
    ("超", Qualifier::Over),
    ("逾", Qualifier::Over),
    ("过", Qualifier::Over),
    ("破", Qualifier::Over),
    ("突破", Qualifier::Over),
    ("至少", Qualifier::Over),
    ("起码", Qualifier::Over),
    ("不少于", Qualifier::Over),
    ("不低于", Qualifier::Over),
    ("不止", Qualifier::Over),
    ("大于", Qualifier::Over),
    ("高于", Qualifier::Over),
    ("多于", Qualifier::Over),
];

/// Bound words written after the number (and its currency).
pub const QUALIFIER_AFTER: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::About),
    ("上下", Qualifier::About),
    ("以上", Qualifier::Over),
    ("之上", Qualifier::Over),
    ("（含）以上", Qualifier::Over),
    ("(含)以上", Qualifier::Over),
    ("以下", Qualifier::Under),
    ("以内", Qualifier::Under),
    ("之内", Qualifier::Under),
];

/// Words joining the two bounds of a range.
pub const RANGE_JOINERS: &[&str] = &["-", "－", "–", "—", "——", "--", "~", "～", "〜", "至", "到"];

/// Measure words and nouns that make a number a count of something. A noun that also reads as
/// a date or duration is not here.
pub const COUNT_UNITS: &[&str] = &[
    "个",
    "個",
    "位",
    "名",
    "家",
    "台",
    "部",
    "款",
    "次",
    "人次",
    "人",
    "辆",
    "件",
    "条",
    "项",
    "所",
    "座",
    "只",
    "张",
    "份",
    "套",
    "篇",
    "种",
    "颗",
    "枚",
    "架",
    "艘",
    "支",
    "股",
    "户",
    "例",
    "场",
    "首",
    "本",
    "集",
    "间",
    "栋",
    "亩",
    "吨",
    "千克",
    "公斤",
    "克",
    "公里",
    "千米",
    "平方米",
    "平米",
    "平方公里",
    "立方米",
    "千瓦",
    "瓦",
    "片",
    "笔",
    "单",
    "批",
    "组",
    "门",
    "轮",
    "块",
    "辆次",
    "用户",
    "月活",
    "日活",
    "月活跃用户",
    "日活跃用户",
    "活跃用户",
    "访问量",
    "月访问量",
    "下载量",
    "次下载",
    "粉丝",
    "员工",
    "订单",
    "网友",
    "观众",
    "玩家",
    "会员",
    "开发者",
    "企业",
    "公司",
    "职位",
    "岗位",
    "参数",
    "token",
    "tokens",
    "Token",
    "Tokens",
    "行代码",
    "用户数",
    "人民",
    "居民",
    "学生",
    "客户",
    "商户",
    "商家",
    "创作者",
    "设备",
    "终端",
    "芯片",
    "卡",
    "注",
    "字",
    "像素",
    "象素",
    "帧",
    "元素",
    "样本",
    "条数据",
    "访客",
    "浏览量",
    "播放量",
    "阅读量",
    "点击",
    "台次",
    "亿人",
    "株",
    "棵",
    "斤",
    "箱",
    "瓶",
    "袋",
    "杯",
    "升",
    "千瓦时",
    "头",
    "手",
    "平方",
    "宗",
    "回合",
    "票",
    "车",
];

/// Words that start with a one-char measure word but are nouns of their own (`360集团`).
pub const UNIT_LOOKALIKES: &[&str] = &[
    "集团", "家居", "家电", "家庭", "台湾", "部门", "部长", "所长", "名单", "名称", "款项", "项目",
    "条例", "条件", "人民", "座谈", "场景", "股东", "股份", "股票", "单位", "门店", "批准", "组织",
    "支持", "间隔", "本土", "首都", "首发", "户口", "车型", "车企", "辆车", "种子", "块链", "次元",
];

/// Units after a number that make it a date, time, duration, age, ordinal or multiple, none of
/// which is an amount.
pub const NOT_AMOUNT_AFTER: &[&str] = &[
    "年", "月", "日", "号", "天", "周", "星期", "小时", "分钟", "秒", "季度", "世纪", "年代", "岁",
    "倍", "点", "时", "分", "届", "期", "代", "楼", "层", "号线", "版", "寸", "英寸", "核", "纳米",
    "nm", "G", "K", "k", "GB", "TB", "MB", "Hz", "W", "B", "b", "路", "级", "线", "强", "连",
    "周年", "后", "度",
];

/// Words near a bare magnitude (`13亿`, `100万`) that make it a sum of money.
pub const MONEY_CONTEXT: &[&str] = &[
    "索赔",
    "赔付",
    "善款",
    "慰问金",
    "捐款",
    "美金",
    "估值",
    "融资",
    "投资",
    "收入",
    "营收",
    "利润",
    "净利",
    "毛利",
    "亏损",
    "市值",
    "成本",
    "投入",
    "花费",
    "售价",
    "金额",
    "罚款",
    "罚金",
    "被罚",
    "罚",
    "资金",
    "募资",
    "募集",
    "筹集",
    "收购",
    "买下",
    "出售",
    "作价",
    "对价",
    "成交",
    "价格",
    "价值",
    "身价",
    "薪",
    "奖金",
    "补贴",
    "预算",
    "开支",
    "支出",
    "赔偿",
    "营业额",
    "销售额",
    "交易额",
    "成交额",
    "流水",
    "GMV",
    "票房",
    "捐",
    "拨款",
    "贷款",
    "负债",
    "现金",
    "费用",
    "收费",
    "定价",
    "报价",
    "出价",
    "竞得",
    "拍得",
    "斥资",
    "耗资",
    "总价",
    "造价",
    "年薪",
    "月薪",
    "工资",
    "分红",
    "回购",
    "豪掷",
    "注资",
    "增资",
    "轮融",
    "亏",
    "赚",
    "营业收入",
    "税",
    "经费",
    "基金",
    "认购",
    "估价",
    "售出",
    "卖出",
    "拿下",
    "买入",
    "砸",
    "花了",
    "支付",
    "拍下",
    "入账",
    "进账",
];

/// Words before a bare magnitude that make it a count of things (`用户达1200万`).
pub const COUNT_CONTEXT: &[&str] = &[
    "用户",
    "月活",
    "日活",
    "下载",
    "访问",
    "粉丝",
    "人数",
    "员工",
    "销量",
    "出货",
    "装机",
    "观看",
    "播放",
    "阅读",
    "人次",
    "订单量",
    "客户数",
    "开户",
    "会员",
    "注册",
    "玩家",
    "观众",
    "参数",
];

/// Price words right before a bare Arabic number that make it money (`售价1999`).
pub const PRICE_WORDS: &[&str] = &[
    "售价", "价格", "定价", "报价", "标价", "价", "罚款", "罚金", "票价", "收费", "学费", "租金",
    "月薪", "年薪", "工资", "薪水", "奖金", "直降", "降价", "涨价", "优惠", "只要", "仅需", "起售",
    "身价", "估值", "市值", "融资", "营收", "收入", "利润", "成本",
];

/// Ordinary words and brands that contain numeral chars but are no number. Entity names found by
/// the dictionaries are blocked by the caller; these keep the module right on its own.
pub const ORDINARY_WORDS: &[&str] = &[
    "一切",
    "一看",
    "一些",
    "一样",
    "一起",
    "一直",
    "一定",
    "一般",
    "一旦",
    "一致",
    "一下",
    "一边",
    "一面",
    "一度",
    "一时",
    "一向",
    "一律",
    "一同",
    "一再",
    "一口气",
    "一手",
    "一流",
    "一体",
    "一路",
    "一带一路",
    "统一",
    "唯一",
    "万一",
    "一一",
    "第一",
    "十分",
    "十足",
    "千万不",
    "千万别",
    "千万要",
    "千万记",
    "万万",
    "千方百计",
    "千辛万苦",
    "千军万马",
    "成千上万",
    "一万个理由",
    "四川",
    "三星",
    "一加",
    "万达",
    "零一万物",
    "昆仑万维",
    "万兴科技",
    "五角大楼",
    "陆地",
    "陆续",
    "登陆",
    "大陆",
    "着陆",
    "陆军",
    "收拾",
    "拾取",
    "拾起",
    "拾到",
    "退伍",
    "入伍",
    "队伍",
    "伍仁",
    "放肆",
    "肆意",
    "肆无忌惮",
    "三体",
    "三国",
    "七牛",
    "九阳",
    "五粮液",
    "四维图新",
    "三只松鼠",
    "万科",
    "万向",
    "一汽",
    "二手",
    "九章",
    "百川",
    "千帆",
    "万象",
    "八卦",
    "七彩",
    "十字",
    "三思",
    "五花八门",
    "七上八下",
    "乱七八糟",
    "一五一十",
    "一丝",
    "一点点",
    "一会",
    "一番",
    "一阵",
    "一共",
    "三六零",
    "一把手",
    "二把手",
    "一线",
    "二线",
    "三线",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "一审",
    "二审",
    "三农",
    "十四五",
    "十五五",
    "双十一",
    "双11",
    "一级",
    "二级",
    "十大",
    "百强",
    "五百强",
    "500强",
    "世界500强",
    "千千万万",
    "万众",
    "万物",
    "亿万",
    "百万富翁",
    "陆金所",
    "万得",
    "九号公司",
    "万豪",
    "七匹狼",
    "三一重工",
    "五菱",
    "六六六",
    "一汽大众",
    "三只羊",
    "十月稻田",
    "百分百",
    "一对一",
    "一站式",
    "一键",
    "一方",
    "两者",
    "两会",
    "三方",
    "一带",
    "一举",
    "一概",
    "一贯",
    "一并",
    "一味",
    "一旁",
    "一目了然",
    "一模一样",
    "一席之地",
    "一臂之力",
    "一马当先",
    "三番五次",
    "三心二意",
    "四面八方",
    "九牛一毛",
    "十全十美",
    "百花齐放",
    "千载难逢",
    "万无一失",
    "一成不变",
    "标准普尔",
    "朝花夕拾",
    "海陆空",
    "水陆",
    "壹切",
    "标普500",
    "沪深300",
    "中证500",
    "中证1000",
    "上证50",
    "科创50",
    "创业板50",
    "恒生指数",
];

/// Every word of every list, for the first- and last-char tables.
fn all_words() -> impl Iterator<Item = &'static str> {
    CURRENCY_AFTER
        .iter()
        .chain(CURRENCY_BEFORE)
        .map(|&(w, _)| w)
        .chain(
            QUALIFIER_BEFORE
                .iter()
                .chain(QUALIFIER_AFTER)
                .map(|&(w, _)| w),
        )
        .chain(RANGE_JOINERS.iter().copied())
        .chain(COUNT_UNITS.iter().copied())
        .chain(UNIT_LOOKALIKES.iter().copied())
        .chain(NOT_AMOUNT_AFTER.iter().copied())
        .chain(MONEY_CONTEXT.iter().copied())
        .chain(COUNT_CONTEXT.iter().copied())
        .chain(PRICE_WORDS.iter().copied())
}

/// A set of BMP chars as a bit table; chars beyond the BMP are always in it (the lists check).
fn char_table(chars: impl Iterator<Item = char>) -> Vec<u64> {
    let mut table = vec![0u64; 1024];
    for c in chars {
        let code = c as u32;
        if code < 0x1_0000 {
            table[(code >> 6) as usize] |= 1 << (code & 63);
        }
    }
    table
}

fn in_table(table: &[u64], c: char) -> bool {
    let code = c as u32;
    code >= 0x1_0000 || table[(code >> 6) as usize] & (1 << (code & 63)) != 0
}

/// The chars some listed word starts with: most positions are rejected with one lookup.
static FIRST_CHARS: LazyLock<Vec<u64>> =
    LazyLock::new(|| char_table(all_words().filter_map(|w| w.chars().next())));

/// The chars some listed word ends with, for [`longest_ending`].
static LAST_CHARS: LazyLock<Vec<u64>> =
    LazyLock::new(|| char_table(all_words().filter_map(|w| w.chars().next_back())));

fn may_start(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|&c| in_table(&FIRST_CHARS, c))
}

/// The longest of `words` that occurs in `chars` starting at `at`, with its length in chars.
pub fn longest<'w, T: Copy>(
    chars: &[char],
    at: usize,
    words: &'w [(&'w str, T)],
) -> Option<(usize, T)> {
    if !may_start(chars, at) {
        return None;
    }
    let mut best: Option<(usize, T)> = None;
    for &(word, payload) in words {
        let n = matches_at(chars, at, word);
        if n > 0 && best.is_none_or(|(len, _)| n > len) {
            best = Some((n, payload));
        }
    }
    best
}

/// The longest of `words` that ends in `chars` right before `end`, with its length in chars.
pub fn longest_ending<'w, T: Copy>(
    chars: &[char],
    end: usize,
    words: &'w [(&'w str, T)],
) -> Option<(usize, T)> {
    if end == 0 || end > chars.len() || !in_table(&LAST_CHARS, chars[end - 1]) {
        return None;
    }
    let mut best: Option<(usize, T)> = None;
    for &(word, payload) in words {
        let n = word.chars().count();
        if n <= end && matches_at(chars, end - n, word) == n && best.is_none_or(|(len, _)| n > len)
        {
            best = Some((n, payload));
        }
    }
    best
}

/// The length in chars of the longest plain word of `words` at `at`.
pub fn longest_word(chars: &[char], at: usize, words: &[&str]) -> Option<usize> {
    if !may_start(chars, at) {
        return None;
    }
    words
        .iter()
        .map(|w| matches_at(chars, at, w))
        .filter(|&n| n > 0)
        .max()
}

/// The number of chars of `word` when `chars[at..]` starts with it, else 0.
pub fn matches_at(chars: &[char], at: usize, word: &str) -> usize {
    let mut n = 0;
    for wc in word.chars() {
        match chars.get(at + n) {
            Some(&c) if c == wc => n += 1,
            _ => return 0,
        }
    }
    n
}

/// True when one of `words` occurs anywhere in `chars[from..to]`.
pub fn any_within(chars: &[char], from: usize, to: usize, words: &[&str]) -> bool {
    let to = to.min(chars.len());
    (from..to).any(|at| {
        may_start(chars, at)
            && words.iter().any(|w| {
                let n = matches_at(chars, at, w);
                n > 0 && at + n <= to
            })
    })
}
