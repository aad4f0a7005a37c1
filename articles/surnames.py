"""Chinese surnames (data): a signal that a token of a credit line is a person's name.

``COMMON`` holds the surnames of most people in China, most frequent first, and
``SINGLE`` adds the rarer single-character ones of the traditional lists;
``COMPOUND`` holds the two-character surnames (欧阳, 司马, 上官, 东方…).  A name
in a credit line starts with one of them far more often than a title word or a
place does, so the credit-line parser uses them to tell names from other words
and to cut names printed without the space between them.
"""

COMMON = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满"
    "闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙"
    "浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干"
    "但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)

SINGLE = COMMON + (
    "蒯相查后荆红游竺权逯盖益桓公万俟司马上官欧阳夏侯诸葛闻人东方赫连皇甫尉迟公羊澹台公冶宗政濮阳淳于"
    "单于太叔申屠公孙仲孙轩辕令狐钟离宇文长孙慕容鲜于闾丘司徒司空亓官司寇仉督子车颛孙端木巫马公西漆雕"
    "乐正壤驷公良拓跋夹谷宰父谷梁晋楚闫法汝鄢涂钦段干百里东郭南门呼延归海羊舌微生岳帅缑亢况郈有琴梁丘"
    "左丘东门西门商牟佘佴伯赏南宫墨哈谯笪年爱阳佟第五言福"
    "蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逮盍益桓公"
    "郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都"
    "耿满弘匡国文寇广禄阙东殴殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关"
    "经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松"
    "井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄"
    "印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮"
    "钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危"
    "江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍万支柯管卢莫房裘缪干解应宗丁宣邓郁单杭洪包诸左石崔吉龚"
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄"
)

COMPOUND = (
    "欧阳",
    "司马",
    "上官",
    "东方",
    "诸葛",
    "司徒",
    "司空",
    "夏侯",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "轩辕",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "东郭",
    "呼延",
    "钟离",
    "闻人",
    "澹台",
    "公羊",
    "公冶",
    "宗政",
    "濮阳",
    "淳于",
    "单于",
    "太叔",
    "申屠",
    "仲孙",
    "鲜于",
    "闾丘",
    "亓官",
    "司寇",
    "子车",
    "颛孙",
    "巫马",
    "公西",
    "漆雕",
    "乐正",
    "壤驷",
    "公良",
    "拓跋",
    "夹谷",
    "宰父",
    "谷梁",
    "段干",
    "百里",
    "南门",
    "羊舌",
    "微生",
    "梁丘",
    "左丘",
    "东门",
    "第五",
    "万俟",
    "赫连",
    "有琴",
    "商牟",
    "伯赏",
    "太史",
    "范姜",
    "张简",
)

# Characters of the compound surnames that are no surname alone (上官 gives no 上).
_NOT_ALONE = frozenset("上第五有子长太正生东西南北中公父舌微门里百丘赏干孙后空于车夹良驷壤")
SINGLE_SET = frozenset(COMMON) | (frozenset(SINGLE) - _NOT_ALONE)
COMMON_SET = frozenset(COMMON)
COMPOUND_SET = frozenset(COMPOUND)


def surname_of(name):
    """The surname a name starts with (a compound one first), or ""."""
    if name[:2] in COMPOUND_SET:
        return name[:2]
    return name[:1] if name[:1] in SINGLE_SET else ""


_RANK = {surname: rank for rank, surname in enumerate(COMMON)}


def surname_commonness(name):
    """How common ``name``'s surname is, from 1 (王) down to 0 (a rare one or none):
    it breaks ties between cuts of glued names (刘晓明王丽, not 刘晓 明王丽)."""
    if name[:2] in COMPOUND_SET:
        return 1.0
    rank = _RANK.get(name[:1])
    return 0.0 if rank is None else 1 - rank / len(COMMON)


def surname_weight(name):
    """How strongly ``name``'s start suggests a person: 3 compound, 2 common, 1 rare, 0 none."""
    if name[:2] in COMPOUND_SET:
        return 3
    if name[:1] in COMMON_SET:
        return 2
    return 1 if name[:1] in SINGLE_SET else 0


# Names of Tibetan and Mongolian people have no surname: they are made of a few common
# elements (次仁 + 罗布, 巴图 + 孟和, 斯琴 + 巴雅尔), printed as one word of four to
# eight characters, so neither the surname test nor the cutting of glued names suits them.
_TIBETAN_ELEMENTS = """
    次仁 才让 扎西 多吉 多杰 卓玛 拉姆 央金 央宗 格桑 尼玛 达瓦 达娃 平措 彭措
    罗布 旦增 丹增 顿珠 边巴 巴桑 普布 索朗 索南 洛桑 白玛 德吉 曲珍 次旦 尕藏
    桑吉 仁青 仁增 旺堆 旺姆 群培 益西 嘎玛 强巴 贡嘎 欧珠 拉巴 米玛 普琼 琼达
    加措 嘉措 坚参 坚赞 措姆 玉珍 卓嘎 德庆 央拉 旺久 次珍 朗杰 赤列 土登 阿旺
    加央 才旦 才仁 更登 更堆 多布杰 桑珠 边珍 拉珍 德央 白珍 伦珠 旦巴 玉措
    贡布 群宗 斯朗 俄珠 达杰 吉美 公保 万玛 拉毛 东珠 完德 旦正 官却 周毛 昂旺
    扎巴 次多 格列 卓措 才措 拉措 德措 索珍 仁措 尼玛次仁 次仁多吉 洛桑丹增 巴珠
    益西 久美 晋美
"""
_MONGOLIAN_ELEMENTS = """
    巴图 孟和 斯琴 巴雅尔 乌兰 其其格 琪琪格 额尔敦 宝音 苏和 哈斯 图雅 娜仁
    格日勒 朝鲁 那日苏 阿拉坦 阿拉腾 呼和 敖登 巴特尔 吉日嘎拉 满都拉 特木尔 达来
    其木格 萨仁 高娃 宝力德 额尔德尼 布和 朝格图 毕力格 图门 乌力吉 阿木尔 格根
    塔娜 乌云 苏日娜 萨日娜 阿茹娜 娜日 白乙拉 那顺 额日和 吉雅 格日乐 敖其尔
    宝力道 桑布 巴音 查干 赛音 楚伦 道尔吉 旺其格 嘎日迪 恩和 巴根 那仁 萨其拉
    朝克 达古拉 乌日娜 其格 巴雅 萨础 额尔顿 青格勒 胡日查 包力高 斯日古楞 乌日图
    布仁 哈斯巴根 斯琴高娃 乌云其其格 阿拉坦仓 巴达荣贵 敖特根 德力格尔 陶克陶
"""
NAME_ELEMENTS = frozenset((_TIBETAN_ELEMENTS + _MONGOLIAN_ELEMENTS).split())
_LONGEST_ELEMENT = max(map(len, NAME_ELEMENTS))


def is_element_name(word):
    """A Tibetan or Mongolian name (次仁罗布, 斯琴巴雅尔): four to eight characters made
    wholly of common name elements."""
    n = len(word)
    if not 4 <= n <= 8:
        return False
    made = [True] + [False] * n  # made[i]: word[:i] is made of elements
    for i in range(n):
        if made[i]:
            for j in range(i + 2, min(n, i + _LONGEST_ELEMENT) + 1):
                made[j] = made[j] or word[i:j] in NAME_ELEMENTS
    return made[n]
