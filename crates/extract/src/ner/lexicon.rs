//! The closed word lists the entity rules read: surnames, given-name statistics, role titles, speech
//! and action verbs, company and organisation suffixes, transliteration characters.
//!
//! Every list here is the editors' own (surnames are the public-domain 百家姓 tradition, ordered by
//! today's frequency); the given-name counts are derived from jieba's MIT dictionary (see
//! `data/given_chars.txt`). Nothing is taken from evaluation data.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A multiplicative hasher for `char` keys: the char tables are probed once per char of every
/// text, and SipHash dominated the recognizer's profile. Keys are not attacker-chosen here.
#[derive(Debug, Default, Clone, Copy)]
pub struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(value)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type CharMap<V> = HashMap<char, V, BuildHasherDefault<CharHasher>>;
type CharSet = HashSet<char, BuildHasherDefault<CharHasher>>;
use std::sync::LazyLock;

/// Common single-char surnames, most frequent first. The first [`COMMON_SURNAMES`] are so frequent
/// that a surname reading is likely whenever a name-like char follows.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝萧习薄逄郜冼谌闻荆芮阚戎扈蔺郦伏乐廉宦钮暴亓晁嵇居强鄂仝靖";

/// How many of [`SURNAMES`] count as common.
const COMMON_SURNAMES: usize = 100;

/// Surnames that are also very common words or function chars: a name starting with one needs
/// more evidence (`高达`, `成本`, `向前`, `于是`, `时间`).
const AMBIGUOUS_SURNAMES: &str = "高于万安金文常成时向平明原任关连石白龙钱曾花林华康温雷何和全应师商单解车项宫景查麻池司古吉宁尚包左甘党席米柏宗桂边沙荣桑";

/// Compound surnames.
const COMPOUND_SURNAMES: [&str; 26] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "令狐", "夏侯", "端木", "澹台", "轩辕", "独孤", "南宫", "西门", "呼延", "申屠", "太史", "钟离",
    "闻人", "万俟",
];

/// Titles and roles that, written right before a name, introduce it (`联合创始人李先刚`).
pub const TITLES_BEFORE: &[&str] = &[
    "名叫",
    "创始人",
    "联合创始人",
    "创办人",
    "董事长",
    "副董事长",
    "董事",
    "总裁",
    "副总裁",
    "高级副总裁",
    "执行副总裁",
    "总经理",
    "副总经理",
    "经理",
    "总监",
    "首席执行官",
    "首席技术官",
    "首席财务官",
    "首席运营官",
    "首席科学家",
    "科学家",
    "CEO",
    "CTO",
    "CFO",
    "COO",
    "CIO",
    "CMO",
    "VP",
    "合伙人",
    "创始合伙人",
    "管理合伙人",
    "负责人",
    "掌门人",
    "掌舵人",
    "主席",
    "副主席",
    "董秘",
    "行长",
    "副行长",
    "教授",
    "副教授",
    "院士",
    "研究员",
    "博士",
    "工程师",
    "架构师",
    "分析师",
    "投资人",
    "记者",
    "编辑",
    "主编",
    "通讯员",
    "评论员",
    "主任",
    "副主任",
    "书记",
    "部长",
    "副部长",
    "局长",
    "厅长",
    "省长",
    "市长",
    "县长",
    "区长",
    "总理",
    "总统",
    "首相",
    "大使",
    "发言人",
    "代表",
    "委员",
    "理事长",
    "秘书长",
    "会长",
    "校长",
    "院长",
    "所长",
    "主持人",
    "导演",
    "演员",
    "歌手",
    "作家",
    "诗人",
    "画家",
    "律师",
    "医生",
    "老师",
    "教练",
    "主教练",
    "主帅",
    "球员",
    "前锋",
    "中锋",
    "后卫",
    "中卫",
    "边卫",
    "控卫",
    "边锋",
    "门将",
    "守门员",
    "外援",
    "国脚",
    "射手",
    "新秀",
    "状元秀",
    "老将",
    "小将",
    "队长",
    "选手",
    "冠军",
    "网友",
    "用户",
    "员工",
    "前任",
    "同事",
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    "父亲",
    "母亲",
    "先生",
    "女士",
    "创业者",
    "企业家",
    "高管",
    "主管",
    "组长",
    "老板",
    "大佬",
];

/// Titles written right after a name (`李鹏总理`, `张先生`-style forms are handled separately).
pub const TITLES_AFTER: &[&str] = &[
    "先生",
    "女士",
    "小姐",
    "教授",
    "副教授",
    "院士",
    "博士",
    "老师",
    "总理",
    "副总理",
    "主席",
    "副主席",
    "总统",
    "首相",
    "总裁",
    "董事长",
    "总经理",
    "书记",
    "部长",
    "省长",
    "市长",
    "委员长",
    "同志",
    "局长",
    "主任",
    "大使",
    "将军",
    "总书记",
    "夫人",
    "太太",
    "指出",
];

/// Verbs of speech and action that often follow a person's name (`黄文灏宣布`, `张鹏表示`).
pub const VERBS_AFTER: &[&str] = &[
    "表示", "称", "说", "说道", "透露", "宣布", "认为", "指出", "介绍", "强调", "坦言", "回应",
    "回忆", "解释", "告诉", "提到", "谈到", "直言", "感叹", "笑称", "呼吁", "建议", "承认", "否认",
    "加入", "离职", "离开", "辞职", "卸任", "出任", "担任", "兼任", "接任", "创办", "创立", "带领",
    "率领", "主导", "负责", "发表", "发布", "推出", "获得", "荣获", "曾", "曾经", "本人", "先后",
    "毕业", "出生", "生于", "等人", "一行", "会见", "主持", "出席", "参加", "访问", "签署", "致辞",
    "讲话", "发言", "看来", "提出", "希望", "相信", "觉得", "写道", "执导", "主演", "饰演", "出演",
    "执教", "率队", "入选", "当选", "接受", "宣称", "签约", "加盟", "转会", "效力", "领衔", "拍摄",
    "创作", "去世", "逝世", "评价", "称赞", "批评", "质疑", "表态", "打进", "攻入", "破门", "助攻",
    "扳平", "夺得", "赢得", "击败", "战胜", "自己", "亲自", "曾任", "现任", "辞去", "笑言", "坦承",
    "证实", "退出", "退役", "离队", "续约", "回归", "来到",
];

/// Suffixes that close a company name (`星展银行`, `衔远科技`, `北京月之暗面科技有限公司`).
pub const COMPANY_SUFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "控股公司",
    "公司",
    "集团",
    "控股",
    "股份",
    "银行",
    "证券",
    "基金",
    "资本",
    "创投",
    "投资",
    "信托",
    "保险",
    "科技",
    "智能",
    "机器人",
    "出行",
    "动力",
    "网络",
    "传媒",
    "影业",
    "娱乐",
    "互娱",
    "汽车",
    "电子",
    "软件",
    "信息",
    "通信",
    "电器",
    "电气",
    "半导体",
    "能源",
    "地产",
    "置业",
    "药业",
    "制药",
    "医药",
    "生物",
    "珠宝",
    "食品",
    "乳业",
    "酒业",
    "航空",
    "物流",
    "快递",
    "实业",
    "重工",
    "化工",
    "钢铁",
    "工作室",
    "国际",
    "网",
    "拍卖行",
    "财险",
    "寿险",
    "人寿",
    "旅行网",
    "旅行社",
    "数码",
    "光电",
    "租赁",
    "百货",
    "机械",
    "精机",
    "金服",
];

/// Words ending in a company suffix that are common nouns, not names (`互联网`, `物联网`).
pub const SUFFIX_WORDS_NOT_NAMES: &[&str] = &[
    "互联网",
    "物联网",
    "局域网",
    "万维网",
    "因特网",
    "广域网",
    "电网",
    "上网",
    "联网",
    "官网",
    "外网",
    "内网",
    "专网",
    "宽带网",
    "光网",
    "天网",
    "法网",
    "球网",
    "渔网",
    "蜘蛛网",
    "铁丝网",
    "关系网",
    "销售网",
    "营销网",
    "信息网",
    "网络网",
    "组网",
    "入网",
    "触网",
    "落网",
    "撒网",
    "全网",
    "本网",
    "该网",
    "此网",
    "各网",
    "电信网",
    "移动网",
    "卫星网",
    "国际",
    "走向国际",
    "与国际",
];

/// Suffixes that are legal forms: the whole registered name in front of them is taken.
pub const LEGAL_SUFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "控股公司",
];

/// Provinces, their one-char short forms and major cities: a firm's home place written before its
/// name (`深圳平安银行`, `沪工行`, `北京保利`) or before a branch (`招行北京分行`).
const HOME_PLACES: &[&str] = &[
    "北京",
    "上海",
    "天津",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "深圳",
    "广州",
    "杭州",
    "南京",
    "苏州",
    "武汉",
    "成都",
    "西安",
    "长沙",
    "郑州",
    "济南",
    "青岛",
    "大连",
    "沈阳",
    "厦门",
    "宁波",
    "合肥",
    "福州",
    "昆明",
    "南宁",
    "哈尔滨",
    "长春",
    "石家庄",
    "太原",
    "南昌",
    "贵阳",
    "无锡",
    "佛山",
    "东莞",
    "珠海",
    "温州",
    "烟台",
    "兰州",
    "乌鲁木齐",
    "呼和浩特",
    "海口",
    "三亚",
    "京",
    "沪",
    "津",
    "渝",
    "深",
    "穗",
    "杭",
    "汉",
    "蓉",
    "浙",
    "苏",
    "粤",
    "鲁",
    "豫",
    "鄂",
    "湘",
    "皖",
    "闽",
    "赣",
    "川",
    "冀",
    "晋",
    "辽",
    "吉",
    "黑",
    "陕",
    "甘",
    "桂",
    "琼",
    "滇",
    "黔",
    "伦敦",
    "纽约",
    "东京",
    "首尔",
    "巴黎",
    "新加坡",
    "悉尼",
    "多伦多",
    "温哥华",
    "洛杉矶",
    "旧金山",
    "硅谷",
];

/// Whether `word` is a home place that may prefix a firm's name.
pub fn is_home_place(word: &str) -> bool {
    HOME_PLACES.contains(&word)
}

/// Suffixes that close an organisation name that is not a firm.
pub const ORG_SUFFIXES: &[&str] = &[
    "大学",
    "学院",
    "研究院",
    "研究所",
    "研究中心",
    "实验室",
    "委员会",
    "协会",
    "学会",
    "联合会",
    "基金会",
    "日报",
    "晚报",
    "晨报",
    "电视台",
    "通讯社",
    "新闻社",
    "法院",
    "检察院",
    "政府",
    "交易所",
    "监管局",
];

/// Words before a suffix that make the phrase generic rather than a name (`该公司`, `科技公司`,
/// `商业银行` is kept: it is written as a name often enough).
pub const GENERIC_MODIFIERS: &[&str] = &[
    "国企",
    "央企",
    "民企",
    "外企",
    "私企",
    "房企",
    "车企",
    "药企",
    "险企",
    "十大",
    "四大",
    "五大",
    "三大",
    "几大",
    "各大",
    "中小",
    "主要",
    "首席",
    "该",
    "这",
    "那",
    "其",
    "本",
    "各",
    "每",
    "某",
    "此",
    "一家",
    "这家",
    "那家",
    "该家",
    "多家",
    "两家",
    "几家",
    "每家",
    "一些",
    "这些",
    "那些",
    "多个",
    "大",
    "小",
    "新",
    "老",
    "母",
    "子",
    "分",
    "总",
    "原",
    "前",
    "现",
    "大型",
    "小型",
    "中型",
    "国有",
    "民营",
    "私营",
    "外资",
    "合资",
    "中资",
    "上市",
    "创业",
    "初创",
    "互联网",
    "科技",
    "网络",
    "人工智能",
    "金融",
    "投资",
    "风投",
    "风险",
    "私募",
    "公募",
    "国内",
    "海外",
    "全球",
    "国际",
    "知名",
    "头部",
    "龙头",
    "相关",
    "其他",
    "其它",
    "旗下",
    "所属",
    "关联",
    "传统",
    "空壳",
    "皮包",
    "贸易",
    "咨询",
    "服务",
    "运营",
    "管理",
    "控股",
    "上述",
    "以上",
    "下属",
    "独角兽",
    "大模型",
    "模型",
    "技术",
    "软件",
    "硬件",
    "芯片",
    "汽车",
    "电动车",
    "新能源",
    "游戏",
    "娱乐",
    "影视",
    "文化",
    "传媒",
    "保险",
    "证券",
    "基金",
    "信托",
    "商业",
    "美国",
    "中国",
    "日本",
    "韩国",
    "外国",
    "本土",
    "地方",
    "当地",
    "城市",
    "农村",
    "股份",
    "集团",
    "公司",
    "企业",
    "机构",
    "平台",
    "电商",
    "物流",
    "零售",
    "医药",
    "生物",
    "能源",
    "智能",
    "数字",
    "信息",
    "通信",
    "电子",
    "实业",
    "工业",
    "商贸",
    "资本",
    "基金会",
    "研究",
    "同类",
    "竞争",
    "对手",
    "合作",
    "伙伴",
    "目标",
    "标的",
    "被",
    "为",
    "是",
    "的",
    "和",
    "与",
    "及",
    "网上",
    "个人",
    "私人",
    "个别",
    "地方性",
    "短信",
    "手机",
    "被告",
    "原告",
    "各大",
    "主流",
    "中介",
    "商务",
    "家",
    "多",
    "房",
    "开发",
    "发展",
    "银行",
    "分行",
    "支行",
    "股",
    "商业性",
    "电话",
    "直销",
    "社区",
    "村镇",
    "民营企业",
    "境外",
    "跨国",
    "合作社",
    "大量",
    "发卡",
    "部分",
    "利用",
    "人工",
    "背景",
];

/// Characters common in Chinese transliterations of foreign names (`马斯克`, `奥尔特曼`).
const TRANSLIT_CHARS: &str = "历山考瑟珀坎宁弗怀伍瑞琼珍姬丽茜露娅鲍勃彼得保约翰詹姆威廉亨查理哈勒戈泰奈韦朗凯文迈琳塔莉索菲汀芙嘉翠芭玛洁颂昂宾匹贾阿埃艾爱安奥巴拜班邦贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁杜多厄恩法菲费芬弗福盖甘冈戈格古哈海汉豪赫亨胡华霍基吉加杰金卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷里利莉林琳隆卢鲁路伦罗洛马迈麦曼梅门蒙米密明莫姆穆纳奈南内尼涅纽诺欧帕潘佩彭皮普奇齐恰乔切琴萨塞桑瑟森沙尚舍圣施什史斯松苏索塔泰坦汤特提图托瓦万威韦维温沃乌武西希锡夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐娜娃丝黛妮琪莎薇蕾洛莱尔顿夫茨普奥逊默罕撒缇歇契奎廷赞狄敦圭夸昆贡津祖翁策";

/// Chars that commonly end a transliterated name.
const TRANSLIT_ENDINGS: &str = "斯尔特克德尼诺奥森姆曼顿夫基娃娜拉亚里利罗多戈兹茨科维卡恩安森格";

/// Latin words that mark a phrase as a firm, product or institution rather than a person.
pub const LATIN_NON_PERSON: &[&str] = &[
    "AI",
    "Lab",
    "Labs",
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "LLC",
    "Technologies",
    "Technology",
    "Tech",
    "Group",
    "Capital",
    "Ventures",
    "Partners",
    "Bank",
    "Cloud",
    "Studio",
    "Studios",
    "Games",
    "Entertainment",
    "Pro",
    "Max",
    "Plus",
    "Mini",
    "Ultra",
    "Model",
    "Vision",
    "Intelligence",
    "Research",
    "University",
    "Institute",
    "College",
    "School",
    "News",
    "Times",
    "Post",
    "Journal",
    "Daily",
    "Street",
    "Media",
    "Network",
    "Networks",
    "Systems",
    "Software",
    "Motors",
    "Pictures",
    "Records",
    "Music",
    "Online",
    "Mobile",
    "Store",
    "App",
    "Apps",
    "Office",
    "Windows",
    "Chat",
    "Open",
    "Deep",
    "Mind",
    "Growing",
    "Data",
    "Digital",
    "Global",
    "International",
    "Holdings",
    "Foundation",
    "Association",
    "Center",
    "Centre",
    "Fund",
    "Security",
    "Securities",
    "Airlines",
    "Air",
    "Energy",
    "Health",
    "Power",
    "Smart",
    "Robotics",
    "Dynamics",
    "Semiconductor",
    "Edition",
    "Series",
    "Version",
    "Beta",
    "Alpha",
    "Cup",
    "League",
    "Club",
    "Team",
    "Award",
    "Awards",
    "Conference",
    "Summit",
    "Day",
    "Week",
    "Show",
    "Expo",
    "Festival",
    "World",
    "Park",
    "Hotel",
    "Center",
    "Service",
    "Services",
    "Platform",
    "Engine",
    "Agent",
    "Assistant",
    "Copilot",
    "Phone",
    "Pad",
    "Book",
    "Watch",
    "Car",
    "Auto",
    "The",
    "Of",
    "And",
    "For",
];

/// Particles inside Latin personal names (`Nando de Freitas`).
pub const LATIN_PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "al",
    "dos", "das", "y",
];

/// Tokens that never belong inside a name although they may look like it.
pub const NAME_STOP_WORDS: &[&str] = &[
    "的", "了", "是", "在", "和", "与", "及", "也", "就", "都", "又", "还", "将", "把", "被", "对",
    "向", "从", "为", "等", "说", "称", "曾", "已", "并", "而", "或", "之", "其", "这", "那", "我",
    "你", "他", "她", "它", "们", "个", "位", "名",
];

/// Function chars and punctuation-like chars that never end or fill a given name.
const NOT_GIVEN: &str =
    "的了是在和与及也就都又还将把被对向从为等说称曾已并而或这那我你他她它们个位名吗呢吧啊某氏总董";

/// Chars typical of transliterations and rare in Chinese given names: a "given name" made only of
/// them (桑德兰, 马洛卡) is more likely a foreign place or club.
const FOREIGN_ONLY: &str = "德尔斯特克尼诺奥森姆曼顿夫基娃娜拉亚里罗多戈兹茨科维卡恩格赫塞瑟索塔泰坦图托瓦沃乌锡耶伊扎詹佐莱赖朗劳勒隆卢鲁伦洛迈麦蒙米密莫穆纳奈内涅纽帕潘佩皮普奇齐恰切琴萨桑舍什苏堡";

/// Chars that end place, building, event and title words far more often than given names
/// (景德镇, 秦皇岛, 卢浮宫, 黄金周): jieba tags many such words `nr`.
const NOT_NAME_ENDINGS: &str = "军剑洲亭岭国镇庄岛宫周湖湾港城市县村路街寺庙塔桥楼园馆州郡坡堡峡谷殿府院阁台井洞池坝区省乡屯营站场厅厂店铺号舰序记传论经族朝帝队部党派学式期节季课卡票湾河滩岸线站厦所会团社局处司网报刊篇曲歌剧赛杯奖法税费价率量";

/// Whether a char rarely ends a given name but often ends a place or thing.
pub fn is_not_name_ending(ch: char) -> bool {
    SETS.not_name_endings.contains(&ch)
}

/// Whether a char is typical of transliterations and rare in Chinese given names.
pub fn is_foreign_only(ch: char) -> bool {
    SETS.foreign_only.contains(&ch)
}

/// Per-char given-name statistics from `data/given_chars.txt`.
static GIVEN_CHARS: LazyLock<CharMap<(u32, u32)>> = LazyLock::new(|| {
    let mut map = CharMap::default();
    for line in include_str!("data/given_chars.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split(' ');
        let (Some(ch), Some(names), Some(words)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (Some(ch), Ok(names), Ok(words)) = (
            ch.chars().next(),
            names.parse::<u32>(),
            words.parse::<u32>(),
        ) else {
            continue;
        };
        map.insert(ch, (names, words));
    }
    map
});

struct Sets {
    compound_first: CharSet,
    suffix_last_chars: CharSet,
    not_given: CharSet,
    foreign_only: CharSet,
    not_name_endings: CharSet,
    surnames: CharMap<SurnameClass>,
    translit: CharSet,
    translit_endings: CharSet,
    titles_before: HashSet<&'static str>,
    titles_after: HashSet<&'static str>,
    verbs_after: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    stop: HashSet<&'static str>,
    latin_non_person: HashSet<&'static str>,
}

/// How strongly a char reads as a surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurnameClass {
    /// One of the most frequent surnames.
    Common,
    /// A surname of middling frequency.
    Ordinary,
    /// A surname that is also a very common word or function char.
    Ambiguous,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| {
    let ambiguous: CharSet = AMBIGUOUS_SURNAMES.chars().collect();
    let mut surnames = CharMap::default();
    for (index, ch) in SURNAMES.chars().enumerate() {
        let class = if ambiguous.contains(&ch) {
            SurnameClass::Ambiguous
        } else if index < COMMON_SURNAMES {
            SurnameClass::Common
        } else {
            SurnameClass::Ordinary
        };
        surnames.entry(ch).or_insert(class);
    }
    Sets {
        compound_first: COMPOUND_SURNAMES
            .iter()
            .filter_map(|s| s.chars().next())
            .collect(),
        not_given: NOT_GIVEN.chars().collect(),
        foreign_only: FOREIGN_ONLY.chars().collect(),
        not_name_endings: NOT_NAME_ENDINGS.chars().collect(),
        suffix_last_chars: COMPANY_SUFFIXES
            .iter()
            .chain(ORG_SUFFIXES)
            .filter_map(|s| s.chars().next_back())
            .collect(),
        surnames,
        translit: TRANSLIT_CHARS.chars().collect(),
        translit_endings: TRANSLIT_ENDINGS.chars().collect(),
        titles_before: TITLES_BEFORE.iter().copied().collect(),
        titles_after: TITLES_AFTER.iter().copied().collect(),
        verbs_after: VERBS_AFTER.iter().copied().collect(),
        generic: GENERIC_MODIFIERS.iter().copied().collect(),
        stop: NAME_STOP_WORDS.iter().copied().collect(),
        latin_non_person: LATIN_NON_PERSON.iter().copied().collect(),
    }
});

/// The surname class of a single char, if it is a surname.
pub fn surname(ch: char) -> Option<SurnameClass> {
    SETS.surnames.get(&ch).copied()
}

/// Whether some company or org suffix ends in `ch`.
pub fn is_suffix_last_char(ch: char) -> bool {
    SETS.suffix_last_chars.contains(&ch)
}

/// Whether two chars form a compound surname.
pub fn is_compound_surname(a: char, b: char) -> bool {
    // Called for every char of every text: reject on the first char before scanning the list.
    if !SETS.compound_first.contains(&a) {
        return false;
    }
    COMPOUND_SURNAMES.iter().any(|s| {
        let mut chars = s.chars();
        chars.next() == Some(a) && chars.next() == Some(b)
    })
}

/// How name-like a char is as part of a given name: a log-odds-like weight, roughly -3..3, and
/// `None` when the char never appears in a given name.
pub fn given_weight(ch: char) -> Option<f32> {
    if !is_han(ch) || SETS.not_given.contains(&ch) {
        return None;
    }
    let Some(&(names, words)) = GIVEN_CHARS.get(&ch) else {
        // Rare chars (彬, 璪) are missing from the counts: neutral-to-weak evidence.
        return Some(-0.5);
    };
    let ratio = (names as f32 + 1.0) / (words as f32 / 8.0 + 1.0);
    Some(ratio.ln().clamp(-3.0, 3.0))
}

/// Whether a char is common in transliterated foreign names.
pub fn is_translit(ch: char) -> bool {
    SETS.translit.contains(&ch)
}

/// Whether a char commonly ends a transliterated name.
pub fn is_translit_ending(ch: char) -> bool {
    SETS.translit_endings.contains(&ch)
}

/// Whether a word is a title written before a name.
pub fn is_title_before(word: &str) -> bool {
    if SETS.titles_before.contains(word) {
        return true;
    }
    let count = word.chars().count();
    count >= 2
        && (TITLE_ENDINGS.iter().any(|e| word.ends_with(e)) || (count >= 3 && word.ends_with('人')))
}

/// Endings of role words (`副校长`, `设计师`, `研究员`, `外交官`, `科学家`).
const TITLE_ENDINGS: [&str; 26] = [
    "长", "主任", "书记", "总监", "经理", "教授", "记者", "主席", "总裁", "董事", "委员", "官",
    "师", "员", "家", "帅", "锋", "后卫", "门将", "球星", "影星", "歌星", "导演", "选手", "卿",
    "总督",
];

/// Whether a word is one of the listed titles, without the suffix rule (`先生`, `总理`, not `子长`).
pub fn is_listed_title(word: &str) -> bool {
    SETS.titles_before.contains(word) || SETS.titles_after.contains(word)
}

/// Whether a word is a title written after a name.
pub fn is_title_after(word: &str) -> bool {
    SETS.titles_after.contains(word)
        || (word.chars().count() >= 2 && TITLE_ENDINGS.iter().any(|e| word.ends_with(e)))
}

/// Whether a word is a speech or action verb that follows names.
pub fn is_verb_after(word: &str) -> bool {
    SETS.verbs_after.contains(word)
}

/// Whether a word before a company suffix makes the phrase generic.
pub fn is_generic_modifier(word: &str) -> bool {
    SETS.generic.contains(word)
}

/// Whether a token never belongs inside a name.
pub fn is_name_stop_word(word: &str) -> bool {
    SETS.stop.contains(word)
}

/// Whether a Latin word marks a phrase as not a person.
pub fn is_latin_non_person(word: &str) -> bool {
    SETS.latin_non_person.contains(word)
}

/// Whether `ch` is a CJK ideograph.
pub fn is_han(ch: char) -> bool {
    matches!(ch, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Separators inside transliterated names (`埃隆·马斯克`).
pub fn is_name_dot(ch: char) -> bool {
    matches!(ch, '·' | '•' | '・' | '‧' | '∙')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert_eq!(surname('王'), Some(SurnameClass::Common));
        assert_eq!(surname('高'), Some(SurnameClass::Ambiguous));
        assert_eq!(surname('的'), None);
        assert!(is_compound_surname('欧', '阳'));
        assert!(given_weight('鹏').unwrap() > given_weight('的').unwrap_or(-3.0));
        assert!(is_translit('斯'));
        assert!(is_title_before("联合创始人"));
    }
}
