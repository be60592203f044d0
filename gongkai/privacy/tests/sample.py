"""A labelled sample of government-document snippets for measuring the scanner.

Every person, number and address here is fictional. Identity numbers, bank card numbers and credit
codes are built by the helpers below, which compute the check characters independently of the
scanner (GB 11643-1999, ISO/IEC 7812 Luhn, GB 32100-2015), so the sample also cross-checks the
scanner's validators. Each case lists exactly the findings a reviewer expects, as (kind, text).
"""

from dataclasses import dataclass

from gongkai.privacy.scanner import FindingKind

ID = FindingKind.ID_CARD
MOB = FindingKind.MOBILE
TEL = FindingKind.LANDLINE
CARD = FindingKind.BANK_CARD
MAIL = FindingKind.EMAIL
CODE = FindingKind.CREDIT_CODE_INDIVIDUAL
ADDR = FindingKind.HOME_ADDRESS


@dataclass(frozen=True)
class Case:
    text: str
    expected: tuple[tuple[FindingKind, str], ...] = ()
    public_contacts: tuple[str, ...] = ()


def case(text: str, *expected: tuple[FindingKind, str], public: tuple[str, ...] = ()) -> Case:
    return Case(text, expected, public)


# --- Number builders ---------------------------------------------------------------------------


def id_number(area: str, birth: str, seq: str) -> str:
    """An 18-digit identity number: 6-digit area, YYYYMMDD, 3-digit sequence, GB 11643 check."""
    body = area + birth + seq
    assert len(body) == 17
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(body))
    return body + "10X98765432"[total % 11]


def id_with_wrong_check(area: str, birth: str, seq: str) -> str:
    good = id_number(area, birth, seq)
    wrong = "0" if good[-1] != "0" else "1"
    return good[:-1] + wrong


def luhn_number(prefix: str, length: int) -> str:
    """Complete ``prefix`` with filler digits and a Luhn check digit to ``length`` digits."""
    filler = "3141592653589793238462643383279"
    body = (prefix + filler)[: length - 1]
    for check in "0123456789":
        digits = body + check
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d // 10 + d % 10
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def luhn_broken(prefix: str, length: int) -> str:
    good = luhn_number(prefix, length)
    return good[:-1] + str((int(good[-1]) + 5) % 10)


def grouped(number: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    parts, pos = [], 0
    for size in sizes:
        parts.append(number[pos : pos + size])
        pos += size
    parts.append(number[pos:])
    return sep.join(p for p in parts if p)


CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(body: str) -> str:
    """An 18-character unified social credit code with its GB 32100-2015 check character."""
    assert len(body) == 17
    total = sum(CREDIT_ALPHABET.index(ch) * (3**i % 31) for i, ch in enumerate(body))
    return body + CREDIT_ALPHABET[(31 - total % 31) % 31]


def credit_code_wrong(body: str) -> str:
    good = credit_code(body)
    return good[:-1] + ("1" if good[-1] != "1" else "2")


# --- Fictional identifiers --------------------------------------------------------------------

ID1 = id_number("140902", "19850315", "123")
ID2 = id_number("140921", "19761102", "034")
ID3 = id_number("140922", "19900708", "215")
ID4 = id_number("140981", "20010930", "417")
ID5 = id_number("142201", "19681224", "052")
ID6 = id_number("140902", "19930501", "661")
ID7 = id_number("110105", "19800229", "303")
ID8 = id_number("370102", "19721016", "188")
# Sequences chosen so the check character is X.
ID_X = next(n for n in (id_number("140902", "19880412", f"{s:03d}") for s in range(1000)) if n.endswith("X"))
ID_X2 = next(n for n in (id_number("140923", "19550817", f"{s:03d}") for s in range(1000)) if n.endswith("X"))
ID15 = "140902850315123"  # pre-1999 form: area, YYMMDD, sequence
ID_BAD_CHECK = id_with_wrong_check("140902", "19870619", "245")
ID_BAD_DATE = id_number("140902", "19870231", "245")  # 31 February, checksum still valid
ID_FUTURE = id_number("140902", "20990101", "245")
ID_BAD_PROVINCE = id_number("990902", "19870619", "245")
assert len({ID_BAD_CHECK[:17], ID1[:17]}) == 2

CARD1 = luhn_number("622202", 19)
CARD2 = luhn_number("621700", 16)
CARD3 = luhn_number("436742", 16)
CARD4 = luhn_number("622848", 19)
CARD5 = luhn_number("625965", 16)
CARD6 = luhn_number("622700", 19)
CARD_BAD = luhn_broken("622202", 19)
CARD_BAD2 = luhn_broken("621700", 16)
CARD_NOT_MII = luhn_number("140902", 16)  # Luhn-valid but not a payment card prefix

CODE1 = credit_code("92140902MA0K2B3C4")
CODE2 = credit_code("92140981MA0L8R7N1")
CODE3 = credit_code("92140921MA0J5T6P0")
CODE_ENTERPRISE = credit_code("91140900MA0K7X8Y2")
CODE_ORGAN = credit_code("11140900012345678")
CODE_BAD = credit_code_wrong("92140902MA0K9D8E7")

SAMPLE: tuple[Case, ...] = (
    # --- 行政处罚决定书 excerpts -----------------------------------------------------------------
    case(
        f"当事人：李某某，男，身份证号码：{ID1}，住址：忻州市忻府区七一北路和平小区5号楼1单元302室。",
        (ID, ID1),
        (ADDR, "忻州市忻府区七一北路和平小区5号楼1单元302室"),
    ),
    case(
        f"当事人：赵某，女，公民身份号码{ID2}，住定襄县晋昌镇南关村二组8号，联系电话13934567890。",
        (ID, ID2),
        (ADDR, "定襄县晋昌镇南关村二组8号"),
        (MOB, "13934567890"),
    ),
    case(
        f"被处罚人：王某某（个体工商户），统一社会信用代码：{CODE1}，经营场所：忻府区和平街88号。",
        (CODE, CODE1),
    ),
    case(
        f"经营者刘某，统一社会信用代码{CODE2}，现住原平市北城街道新建路12号院3-2-101。",
        (CODE, CODE2),
        (ADDR, "原平市北城街道新建路12号院3-2-101"),
    ),
    case(
        f"当事人：忻州市某某商贸有限公司，统一社会信用代码：{CODE_ENTERPRISE}，住所：忻州市忻府区长征街56号。",
    ),
    case(f"当事人孙某某，身份证号{ID_X}，罚款人民币伍仟元整（5000.00元）。", (ID, ID_X)),
    case(
        f"本机关于2021年3月5日向当事人送达《行政处罚告知书》（忻市监罚告〔2021〕35号），当事人身份证号码{ID3}。",
        (ID, ID3),
    ),
    case("当事人对本决定不服的，可在收到本决定书之日起六十日内向忻州市人民政府申请行政复议。"),
    case(
        f"违法行为人周某，{ID4}，家住五台县东冶镇东冶村三组25号。",
        (ID, ID4),
        (ADDR, "五台县东冶镇东冶村三组25号"),
    ),
    case(
        f"罚没款请缴入指定账户，当事人退款账户：{grouped(CARD1, (4, 4, 4, 4))}。", (CARD, grouped(CARD1, (4, 4, 4, 4)))
    ),
    case(f"当事人开户行：中国农业银行忻州分行，账号{CARD4}。", (CARD, CARD4)),
    case("罚款金额：12345678.00元，限十五日内缴纳，逾期每日按罚款数额的3%加处罚款。"),
    case("执法人员：张某（执法证号14090021003）、李某（执法证号14090021017）。"),
    case(
        f"当事人吴某，身份证号码{ID5}，住所地：忻州市忻府区和平街道桃园小区18号楼3单元402室。",
        (ID, ID5),
        (ADDR, "忻州市忻府区和平街道桃园小区18号楼3单元402室"),
    ),
    case(f"个体工商户郑某，信用代码{CODE3}，电话0350-3307788。", (CODE, CODE3), (TEL, "0350-3307788")),
    case(f"经核查，统一社会信用代码{CODE_BAD}与登记信息不符。"),
    case(f"机关统一社会信用代码：{CODE_ORGAN}。"),
    # --- 公示名单 ------------------------------------------------------------------------------
    case(
        f"1 张某某 男 {ID6} 忻府区播明镇西张村一组16号 13835012345",
        (ID, ID6),
        (ADDR, "忻府区播明镇西张村一组16号"),
        (MOB, "13835012345"),
    ),
    case(f"2 李某 女 {ID_X2} 定襄县宏道镇宏道村 低保 A类", (ID, ID_X2)),
    case("3 王某某 男 1409**********123X 忻府区 已脱敏"),
    case("联系人：刘某 手机：138****0000"),
    case(
        f"拟享受城乡低保人员：赵某某，身份证号{ID8}，住忻府区建设北路锦绣花园6栋2单元1102室，保障人口3人。",
        (ID, ID8),
        (ADDR, "忻府区建设北路锦绣花园6栋2单元1102室"),
    ),
    case("2021年第一批拟认定高层次人才名单公示，公示期为2021年3月5日至3月12日（5个工作日）。"),
    case("本次公示共涉及东关村5户群众，公示期内无异议的予以发放。"),
    case(f"补贴发放账户：{grouped(CARD2, (4, 4, 4))}（户主：钱某某）", (CARD, grouped(CARD2, (4, 4, 4)))),
    case(f"收款人：孙某，卡号：{grouped(CARD4, (6,))}", (CARD, grouped(CARD4, (6,)))),
    case(f"序号5，冯某，{ID7}，原平市，退役军人", (ID, ID7)),
    case("公示对象：共15户38人，其中一类低保户6户、二类低保户9户。"),
    case(f"6 陈某某 {ID1.lower()} 忻府区", (ID, ID1.lower())),
    case(f"7 褚某 {ID_X.lower()} 五台县", (ID, ID_X.lower())),
    case(f"困难群众临时救助：卫某，身份证{ID15}（一代证），救助金额2000元。", (ID, ID15)),
    case(f"产品批次号{ID15}，生产日期2021年3月5日。"),
    # --- 政府信息公开申请答复 ----------------------------------------------------------------------
    case(
        "申请人蒋某：你于2021年3月5日通过信函方式提出的政府信息公开申请收悉，你留存的联系方式为15835067890、jiang.mou1985@163.com。",
        (MOB, "15835067890"),
        (MAIL, "jiang.mou1985@163.com"),
    ),
    case(
        "如对本答复不服，可向忻州市人民政府申请行政复议。咨询电话：0350-3021234。",
        public=("0350-3021234",),
    ),
    case("联系电话：0350-3021234，邮箱：xzszfb@163.com。", public=("0350-3021234", "xzszfb@163.com")),
    case("联系电话：（0350）3036688。", public=("03503036688",)),
    case("联系电话：3036688（区号0350）。"),
    case("举报电话：0350-3036688", public=("3036688",)),
    case("政务服务便民热线：12345，投诉电话：12315。"),
    case("服务热线：400-123-4567，工作时间8:30-17:30。"),
    case(
        f"申请人沈某，证件号码{ID2}，邮寄地址：忻府区长征街道幸福小区3号楼2单元501室。",
        (ID, ID2),
        (ADDR, "忻府区长征街道幸福小区3号楼2单元501室"),
    ),
    case("申请人韩某：你申请公开的《忻州市2020年财政预算执行情况》已于2021年1月15日在本机关网站主动公开。"),
    case("本机关办公地址：忻州市和平街1号市政府大楼，邮政编码：034000。"),
    case("受理地点：忻州市忻府区和平街1号市政府大楼305室。"),
    case("申请人可于工作日到市政务服务中心一楼3号窗口领取。"),
    case("申请人杨某（手机：139-3456-7890）要求公开其房屋征收补偿方案。", (MOB, "139-3456-7890")),
    case(
        "申请人朱某，电话：186 3501 2345，住址：五台县台城镇北街村四组7号。",
        (MOB, "186 3501 2345"),
        (ADDR, "五台县台城镇北街村四组7号"),
    ),
    case("申请人秦某，联系电话+8613935012345。", (MOB, "+8613935012345")),
    case("申请人尤某，联系电话+86 158-0350-1234。", (MOB, "+86 158-0350-1234")),
    case("申请人许某联系电话１３９３４５６７８９０，请核实。", (MOB, "１３９３４５６７８９０")),
    case("申请人何某的电子邮箱为hemou@qq.com，本机关已按该邮箱送达。", (MAIL, "hemou@qq.com")),
    case(
        "申请人吕某：邮箱 lv_shi.2020@sina.com.cn ；电话 010-65123456。",
        (MAIL, "lv_shi.2020@sina.com.cn"),
        (TEL, "010-65123456"),
    ),
    case("申请人施某，联系电话0351-7654321转8001。", (TEL, "0351-7654321")),
    case("张某，座机03503025678，手机18635012345。", (TEL, "03503025678"), (MOB, "18635012345")),
    case("本答复书文号：忻政信公开〔2021〕第17号。"),
    case("依据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项之规定，决定不予公开。"),
    case("答复期限：自收到申请之日起20个工作日内，即2021年4月2日前。"),
    case("申请人曹某，手机13934567890，该号码为本机关公开的业务咨询电话。", public=("139 3456 7890",)),
    case(
        "申请人严某的联系电话为13934567890，本机关公开电话为0350-3021234。",
        (MOB, "13934567890"),
        public=("0350-3021234",),
    ),
    # --- 通知、公告 -----------------------------------------------------------------------------
    case("忻州市人民政府办公室关于印发忻州市2021年政务公开工作要点的通知（忻政办发〔2021〕35号）"),
    case("索引号：11140900GK0000017X/2021-00035  发布机构：忻州市人民政府办公室  成文日期：2021-03-05"),
    case("索引号：11140900012345678T/2021-00101"),
    case("发布日期：20210305  有效期：2021年3月5日至2026年3月4日"),
    case("2020年全市实现地区生产总值1234.5亿元，同比增长6.2%，城镇居民人均可支配收入35678元。"),
    case("全市常住人口为2689668人，其中城镇人口1432100人。"),
    case("本项目总投资123456789012元，其中财政资金45678901234元。"),
    case("项目编号：XZCG-2021-015-003，采购预算：3500000.00元。"),
    case("合同编号：20210305123456789012，签订日期：2021年3月5日。"),
    case(f"发票代码：{luhn_broken('436742', 16)}，发票号码：00123456。"),
    case(f"证书编号：{CARD_NOT_MII}，有效期至2025年12月31日。"),
    case("会议定于2021年3月5日上午9:00在市政府3楼第一会议室召开。"),
    case("报名地点：市人力资源和社会保障局2号楼3层305室。"),
    case("咨询地址：忻州市七一路22号，邮编034000，联系人：王老师。"),
    case("请于2021-3-5前报送，逾期不予受理。"),
    case("各县（市、区）人民政府，市直各单位：现将有关事项通知如下。"),
    case("第一条 为了规范政府信息公开工作，根据有关法律法规，制定本办法。"),
    case("该小区共有住宅12栋，房屋户型为3室2厅，总户数860户。"),
    case("幸福小区3室2厅房屋一套，建筑面积98.6平方米。"),
    case("全县共有行政村156个、村民小组1024个。"),
    case("征收范围涉及南关村二组、三组共48户。"),
    case("忻州市地处山西省中北部，总面积2.5万平方公里。"),
    case("文件依据：晋政发〔2020〕12号、忻政发〔2021〕3号。"),
    case("第3组第5号选手得分为95.5分。"),
    case("统计年度：2021年度，数据截至2021年12月31日。"),
    case("邮政编码：036000"),
    case("批准文号：国药准字H20000001，生产批号210305。"),
    case(f"身份证号码：{ID_BAD_CHECK}（经核验号码有误）。"),
    case(f"登记的证件号码{ID_BAD_DATE}系无效号码。"),
    case(f"系统测试数据：{ID_FUTURE}。"),
    case(f"外部编号{ID_BAD_PROVINCE}。"),
    case(f"退款账户{CARD_BAD}校验失败。"),
    case(f"银行账号{grouped(CARD_BAD2, (4, 4, 4))}有误，请重新提供。"),
    case("户籍业务办理时间：周一至周五上午8:30—12:00，下午14:30—17:30。"),
    case("本通知自2021年3月5日起施行，有效期5年。"),
    case("登记序号：0350302123456789，请妥善保管。"),
    case("本市年度财政收入为15803501234元。"),
    # --- Notices naming people -------------------------------------------------------------
    case(
        f"关于注销钱某某个体工商户营业执照的公告：经营者钱某某（统一社会信用代码{CODE1}）已停止经营。",
        (CODE, CODE1),
    ),
    case(
        "公告送达：因无法联系当事人孙某某（住忻府区秀容街道丽都小区2号楼1单元101户），现依法公告送达。",
        (ADDR, "忻府区秀容街道丽都小区2号楼1单元101户"),
    ),
    case(
        "当事人李某，住忻州市住建局家属院3号楼2单元501室。",
        (ADDR, "忻州市住建局家属院3号楼2单元501室"),
    ),
    case("民警在幸福小区3号楼2单元501室内查获违禁物品。", (ADDR, "幸福小区3号楼2单元501室")),
    case("当事人居住在忻府区新建路2-1-302，现下落不明。", (ADDR, "忻府区新建路2-1-302")),
    case("户籍地址：原平市崞阳镇大林村五组12号。", (ADDR, "原平市崞阳镇大林村五组12号")),
    case(
        "家庭住址：忻府区七一南路金山小区8号楼4单元602室，邮编034000。", (ADDR, "忻府区七一南路金山小区8号楼4单元602室")
    ),
    case("房屋坐落于忻府区秀容街道锦绣苑12幢1单元301室，产权人卫某。", (ADDR, "忻府区秀容街道锦绣苑12幢1单元301室")),
    case("被征收人何某，住五台县东冶镇槐荫村十一组3号。", (ADDR, "五台县东冶镇槐荫村十一组3号")),
    case("被征收人吕某，住所：定襄县晋昌镇北关新村2栋3单元。", (ADDR, "定襄县晋昌镇北关新村2栋3单元")),
    case("申请人韦某，住忻府区和平街道康乐小区7-3-201。", (ADDR, "忻府区和平街道康乐小区7-3-201")),
    case("迁入地址：忻府区长征街道紫金苑小区15号楼2单元1801室", (ADDR, "忻府区长征街道紫金苑小区15号楼2单元1801室")),
    case(
        "被执行人华某，住原平市南城街道前进路6号院2号楼3单元402室。", (ADDR, "原平市南城街道前进路6号院2号楼3单元402室")
    ),
    case(
        "被申请人金某，家住忻府区云中路阳光花园B区3号楼1单元101室。", (ADDR, "忻府区云中路阳光花园B区3号楼1单元101室")
    ),
    case(
        "当事人魏某，住址为：定襄县河边镇西河头村三组21号，身份证号码见附件。", (ADDR, "定襄县河边镇西河头村三组21号")
    ),
    case("其住所位于五台县台城镇红旗小区4号楼2单元302室。", (ADDR, "五台县台城镇红旗小区4号楼2单元302室")),
    # --- Mixed and multi-finding snippets --------------------------------------------------
    case(
        f"经查，陶某（身份证号码{ID3}，手机13803501111）于2021年3月5日在其住处（忻府区长征街道幸福小区3号楼2单元501室）无证经营。",
        (ID, ID3),
        (MOB, "13803501111"),
        (ADDR, "忻府区长征街道幸福小区3号楼2单元501室"),
    ),
    case(
        f"补偿款打入被征收人姜某账户{CARD5}，开户行为中国银行忻州分行，联系电话0350-3307766。",
        (CARD, CARD5),
        (TEL, "0350-3307766"),
    ),
    case(
        f"申请人戚某，电话（0350）6621234，银行卡{grouped(CARD6, (4, 4, 4, 4), '-')}。",
        (TEL, "（0350）6621234"),
        (CARD, grouped(CARD6, (4, 4, 4, 4), "-")),
    ),
    case(
        f"谢某，身份证号{ID4}，邮箱xie.mou@163.com，银行卡号{CARD3}。",
        (ID, ID4),
        (MAIL, "xie.mou@163.com"),
        (CARD, CARD3),
    ),
    case(
        "联系人：邹某，手机13835012345，单位电话0350-3021234。",
        (MOB, "13835012345"),
        public=("0350-3021234",),
    ),
    case("联系人：喻某，手机13835012345，电话0350-3021234。", (MOB, "13835012345"), (TEL, "0350-3021234")),
    case(
        "附件：拟聘用人员名单（共3人）",
    ),
    case("邮箱13835012345@139.com为申请人提供的邮箱。", (MAIL, "13835012345@139.com")),
    case("柏某 女 1990年7月 汉族 中共党员 大学本科 忻州市忻府区人"),
    case("水某，男，1985年3月15日出生，汉族，住五台县东冶镇永安村二组9号。", (ADDR, "五台县东冶镇永安村二组9号")),
    case(f"窦某，男，{ID7}，电话027-87654321。", (ID, ID7), (TEL, "027-87654321")),
    case(
        f"章某，{ID_X2}，15903501234，忻府区九原街道北关小区1号楼3单元201室",
        (ID, ID_X2),
        (MOB, "15903501234"),
        (ADDR, "忻府区九原街道北关小区1号楼3单元201室"),
    ),
    case("云某的工作单位为忻州市财政局，单位地址忻州市和平街1号。"),
    case("苏某，电话：13934567890、0350-3036688。", (MOB, "13934567890"), (TEL, "0350-3036688")),
    case("潘某的QQ邮箱：123456789@qq.com。", (MAIL, "123456789@qq.com")),
    case("葛某邮箱：GE.Mou@Example.COM", (MAIL, "GE.Mou@Example.COM")),
    case("奚某 手机 158 0350 6789 ", (MOB, "158 0350 6789")),
    case("范某联系电话：86-13603501234", (MOB, "86-13603501234")),
    case("彭某，电话0350—3021234（空号）。"),
    case("本次共核查银行账户1234个，涉及资金5678.9万元。"),
    case("鲁某，住原平市轩岗镇轩岗村七组18号院。", (ADDR, "原平市轩岗镇轩岗村七组18号院")),
    case("韦某某，住忻府区顿村中街6号。"),
    case("马某某租住于忻府区七一路128号商铺。"),
)
