namespace Collector.Detection.Worlds.Independent;

/// <summary>
/// Everyday words per language, written for this generator alone (not shared with the detector or its older world):
/// enough of them that two random posts of a dozen words share almost no word triples.
/// </summary>
internal static class Lexicon
{
    public static readonly IReadOnlyDictionary<string, string[]> Words = new Dictionary<string, string[]>
    {
        ["en"] = Split("""
            the people city weather morning coffee train school garden market river bridge music concert ticket
            dinner recipe kitchen bread cheese football match season player coach goal stadium friends weekend holiday
            beach mountain trail bike road traffic office meeting project deadline budget report manager team family
            children parents birthday party gift movie series episode actor book library author chapter story news
            article paper phone battery screen camera photo picture window door house rent apartment neighbour street
            park dog cat walk run gym workout doctor hospital medicine health sleep night tomorrow yesterday today
            really actually honestly maybe probably always never often sometimes again still already finally just
            great terrible lovely strange funny quiet busy cheap expensive fresh cold warm sunny rainy windy early late
            think know remember forget wonder guess hope wish need want love hate like enjoy miss try finish start
            because although while after before during without between around through about under over against
            """),
        ["es"] = Split("""
            el la los las una unos pero porque cuando donde siempre nunca también todavía mañana tarde noche hoy ayer
            ciudad pueblo calle casa familia amigos trabajo escuela comida cena desayuno mercado playa montaña río
            fútbol partido equipo jugador entrenador temporada gol estadio música canción concierto película libro
            tiempo lluvia sol calor frío verano invierno primavera otoño fiesta cumpleaños regalo viaje tren coche
            perro gato parque jardín cocina receta pan queso vino café leche fruta verdura tienda precio dinero
            quiero puedo tengo hacemos vamos salimos comemos bebemos pensamos sabemos creo espero gracias hermoso
            bonito grande pequeño nuevo viejo mejor peor mucho poco bastante demasiado muy nada algo todo cada
            """),
        ["pt"] = Split("""
            o a os as um uma mas porque quando onde sempre nunca também ainda amanhã tarde noite hoje ontem cidade
            rua casa família amigos trabalho escola comida jantar almoço mercado praia montanha rio futebol jogo time
            jogador técnico temporada golo estádio música canção show filme livro tempo chuva sol calor frio verão
            inverno festa aniversário presente viagem trem carro cachorro gato parque jardim cozinha receita pão queijo
            vinho café leite fruta loja preço dinheiro quero posso tenho vamos saímos comemos pensamos sabemos acho
            espero obrigado bonito grande pequeno novo velho melhor pior muito pouco bastante nada algo tudo cada você
            """),
        ["fr"] = Split("""
            le la les une des mais parce quand où toujours jamais aussi encore demain soir nuit aujourd'hui hier ville
            village rue maison famille amis travail école repas dîner déjeuner marché plage montagne rivière football
            match équipe joueur entraîneur saison but stade musique chanson concert film livre temps pluie soleil
            chaleur froid été hiver printemps automne fête anniversaire cadeau voyage train voiture chien chat parc
            jardin cuisine recette pain fromage vin café lait fruit magasin prix argent veux peux avons allons sortons
            mangeons pensons savons crois espère merci beau grand petit nouveau vieux meilleur pire beaucoup peu assez
            trop très rien quelque tout chaque vraiment peut-être souvent parfois déjà enfin seulement
            """),
        ["de"] = Split("""
            der die das ein eine aber weil wenn wo immer nie auch noch morgen abend nacht heute gestern stadt dorf
            straße haus familie freunde arbeit schule essen frühstück markt strand berge fluss fußball spiel mannschaft
            spieler trainer saison tor stadion musik lied konzert film buch wetter regen sonne hitze kälte sommer
            winter frühling herbst feier geburtstag geschenk reise zug auto hund katze park garten küche rezept brot
            käse wein kaffee milch obst laden preis geld möchte kann habe gehen essen denken wissen glaube hoffe danke
            schön groß klein neu alt besser schlechter viel wenig genug zu sehr nichts etwas alles jeder wirklich
            vielleicht oft manchmal schon endlich nur
            """),
        ["ru"] = Split("""
            город улица дом семья друзья работа школа еда ужин завтрак рынок пляж горы река футбол матч команда игрок
            тренер сезон гол стадион музыка песня концерт фильм книга погода дождь солнце жара холод лето зима весна
            осень праздник подарок поездка поезд машина собака кошка парк сад кухня рецепт хлеб сыр вино кофе молоко
            фрукты магазин цена деньги хочу могу имею идём едим думаем знаем верю надеюсь спасибо красивый большой
            маленький новый старый лучше хуже много мало достаточно слишком очень ничего что-то всё каждый правда
            может часто иногда уже наконец только всегда никогда тоже ещё завтра вечером ночью сегодня вчера потому
            когда где но и в на с по для от до после перед без между вокруг через про под над против
            """),
        ["zh"] = Split("""
            我们 他们 今天 明天 昨天 城市 街道 家庭 朋友 工作 学校 早饭 晚饭 市场 海边 山区 河流 足球 比赛 球队 球员 教练
            赛季 进球 体育场 音乐 歌曲 音乐会 电影 书籍 天气 下雨 阳光 炎热 寒冷 夏天 冬天 春天 秋天 节日 生日 礼物 旅行
            火车 汽车 小狗 小猫 公园 花园 厨房 菜谱 面包 奶酪 咖啡 牛奶 水果 商店 价格 金钱 想要 可以 觉得 知道 相信 希望
            谢谢 美丽 很大 很小 新的 旧的 更好 更差 很多 很少 足够 非常 什么 一切 每个 真的 也许 经常 有时 已经 终于 只是
            总是 从来 因为 虽然 但是 而且 所以 如果 然后 现在 以后 之前 关于 通过 政府 国家 人民 发展 经济 社会 问题 报道
            """),
    };

    /// <summary>Words of public affairs, for campaign stories (and the few organic posts about politics).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Affairs = new Dictionary<string, string[]>
    {
        ["en"] = Split("""
            government minister election vote parliament policy sanctions border military navy drills island sovereignty
            protest police rights freedom democracy corruption scandal leak report investigation journalist media truth
            lies propaganda embassy diplomat trade tariff economy inflation factory workers jobs pipeline energy oil gas
            vaccine laboratory outbreak virus scientists experts evidence secret documents agency spy hackers network
            western eastern allies enemies peace war conflict crisis refugees aid debt loan bank dollar currency summit
            """),
        ["zh"] = Split("""
            政府 部长 选举 投票 议会 政策 制裁 边境 军队 海军 演习 岛屿 主权 抗议 警察 权利 自由 民主 腐败 丑闻 泄露 报告
            调查 记者 媒体 真相 谎言 宣传 大使馆 外交官 贸易 关税 经济 通胀 工厂 工人 就业 管道 能源 石油 天然气 疫苗 实验室
            疫情 病毒 科学家 专家 证据 秘密 文件 机构 间谍 黑客 网络 西方 东方 盟友 敌人 和平 战争 冲突 危机 难民 援助 债务
            """),
        ["ru"] = Split("""
            правительство министр выборы голосование парламент политика санкции граница армия флот учения остров
            суверенитет протест полиция права свобода демократия коррупция скандал утечка доклад расследование журналист
            СМИ правда ложь пропаганда посольство дипломат торговля пошлины экономика инфляция завод рабочие трубопровод
            энергия нефть газ вакцина лаборатория вирус учёные эксперты доказательства секретные документы агентство
            """),
        ["es"] = Split("""
            gobierno ministro elecciones voto parlamento política sanciones frontera ejército marina maniobras isla
            soberanía protesta policía derechos libertad democracia corrupción escándalo filtración informe investigación
            periodista medios verdad mentiras propaganda embajada diplomático comercio aranceles economía inflación fábrica
            trabajadores empleo energía petróleo gas vacuna laboratorio virus científicos expertos pruebas documentos
            """),
    };

    /// <summary>Short replies people leave everywhere ("so true", "thanks for sharing"): identical across strangers.</summary>
    public static readonly string[] Interjections =
    [
        "so true", "thanks for sharing", "great point", "lol", "this!", "agreed", "same here", "love it", "wow",
        "nice one", "interesting", "haha yes", "exactly", "thank you", "well said", "good read", "+1", "omg",
    ];

    public static readonly string[] Emoji = ["🔥", "👇", "‼️", "😡", "👀", "💯", "⚠️", "📢", "🙏", "✅"];

    private static string[] Split(string text) =>
        text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
