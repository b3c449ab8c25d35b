namespace Collector.Detection.Synthetic;

/// <summary>Word pools the synthetic world writes its texts from (real words, so language detection works on them).</summary>
internal static class WordPools
{
    public static readonly string[] English =
    """
    people water history way art world information map family government health system computer meat year thanks music
    person reading method data food understanding theory law bird literature problem software control knowledge power
    ability economics love internet television science library nature fact product idea temperature investment area
    society activity story industry media thing oven community definition safety quality development language management
    player variety video week security country exam movie organization equipment physics analysis policy series thought
    basis boyfriend direction strategy technology army camera freedom paper environment child instance month truth
    marketing university writing article department difference goal news audience fishing growth income marriage user
    combination failure meaning medicine philosophy teacher communication night chemistry disease disk energy nation road
    role soup advertising location success addition apartment education math moment painting politics attention decision
    event property shopping student wood competition distribution entertainment office population president unit category
    cigarette context introduction opportunity performance driver flight length magazine newspaper relationship teaching
    cell dealer finding lake member message phone scene appearance association concept customer death discussion housing
    inflation insurance mood woman advice blood effort expression importance opinion payment reality responsibility
    situation skill statement wealth application city county depth estate foundation grandmother heart perspective photo
    recipe studio topic collection depression imagination passion percentage resource setting ad agency college connection
    criticism debt description memory patience secretary solution administration aspect attitude director personality
    psychology recommendation response selection storage version alcohol argument complaint contract emphasis highway
    loss membership possession preparation steak union agreement cancer currency employment engineering entry interaction
    mixture preference region republic tradition virus actor classroom delivery device difficulty drama election engine
    football guidance hotel owner priority protection suggestion tension variation anxiety atmosphere awareness bath bread
    candidate climate comparison confusion construction elevator emotion employee employer guest height leadership mall
    manager operation recording sample transportation charity cousin disaster editor efficiency excitement extent feedback
    guitar homework leader mom outcome permission presentation promotion reflection refrigerator resolution revenue session
    singer tennis basket bonus cabinet childhood church clothes coffee dinner drawing hair hearing initiative judgment lab
    measurement mode mud orange poetry police possibility procedure queen ratio relation restaurant satisfaction sector
    signature significance song tooth town vehicle volume wife accident airport appointment arrival assumption baseball
    chapter committee conversation database enthusiasm error explanation farmer gate girl hall historian hospital injury
    instruction maintenance manufacturer meal perception pie poem presence proposal reception replacement revolution river
    son speech tea village warning winner worker writer assistance breath buyer chest chocolate conclusion contribution
    cookie courage dad desk drawer establishment examination garbage grocery honey impression improvement independence
    insect inspection inspector king ladder menu penalty piano potato profession professor quantity reaction requirement
    salad sister supermarket tongue weakness wedding affair ambition analyst apple assignment assistant bathroom bedroom
    beer birthday celebration championship cheek client consequence departure diamond dirt ear fortune friendship funeral
    gene girlfriend hat indication intention lady midnight negotiation obligation passenger pizza platform poet pollution
    recognition reputation shirt sir speaker stranger surgery sympathy tale throat trainer uncle youth weather garden
    beautiful quickly strange happy early late always never together tomorrow yesterday morning evening weekend summer
    winter holiday trip beach mountain forest island bridge street market station train bike car bus ticket price cheap
    expensive small large young old new local public private national global simple difficult important possible
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static readonly string[] Fillers =
    """
    the a of and to in is it that for on with as was at by this be from or have an but not are they we you I my our
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static readonly string[] Politics =
    """
    sovereignty hegemony interference sanctions democracy protesters rioters separatists election fraud regime propaganda
    western media lies truth stability prosperity development cooperation partnership aggression provocation colonialism
    imperialism hypocrisy human rights freedom security alliance military bases pandemic origin laboratory cover scandal
    corruption collapse decline crisis unity harmony peace dialogue respect mutual benefit win cooperation belt road
    infrastructure investment loans debt trap myth slander smear campaign fabricated evidence independent investigation
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static readonly string[] Spanish =
    """
    gente agua historia camino arte mundo familia gobierno salud sistema comida libro ciudad escuela trabajo amigo casa
    noche tiempo vida madre padre hermano tierra calle coche perro gato ventana puerta mesa silla cocina jardin playa
    montaña bosque isla puente mercado estación tren precio barato caro pequeño grande joven viejo nuevo feliz triste
    siempre nunca juntos mañana ayer tarde temprano verano invierno fiesta viaje música película noticia partido equipo
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static readonly string[] SpanishFillers = ["el", "la", "de", "que", "y", "en", "un", "una", "es", "por", "con", "para", "los", "las", "muy"];

    public static readonly string[] Chinese =
    """
    我们 今天 朋友 工作 学习 生活 城市 天气 美食 电影 音乐 家人 孩子 学校 老师 公司 时间 周末 旅行 火车 飞机 咖啡 早餐 晚饭
    手机 电脑 新闻 经济 文化 历史 艺术 运动 足球 篮球 健康 医院 医生 市场 价格 便宜 漂亮 开心 喜欢 觉得 认为 希望 需要 分享
    发展 合作 和平 稳定 繁荣 人民 国家 世界 社会 科技 创新 未来 机会 问题 办法 故事 图片 视频 评论 支持 感谢 大家 一起 真的
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static readonly string[] ChineseAds =
    """
    内衣 文胸 性感 蕾丝 舒适 透气 新款 特价 优惠 包邮 限时 折扣 女士 睡衣 丝绸 柔软 尺码 颜色 黑色 红色 粉色 购买 下单 店铺
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static readonly string[] Topics =
        ["travel", "food", "music", "sports", "technology", "movies", "gardening", "books", "gaming", "fitness", "photography", "science", "politics", "finance", "art"];

    public static readonly string[] NewsSites =
        ["nytimes.com", "bbc.co.uk", "reuters.com", "apnews.com", "theguardian.com", "cnn.com", "aljazeera.com", "scmp.com", "dw.com", "lemonde.fr"];

    public static readonly string[] Prefixes = ["Must read: ", "MUST READ!! ", "Everyone should see this: ", "Wake up people: ", "Share before they delete it: ", "Truth: "];
}
