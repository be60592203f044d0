"""Traditional → simplified characters for search, one character for one character.

A built-in table instead of a library: search only needs the characters that occur in government
text, one-to-one, so that offsets in the raw text stay valid for highlighting. Phrase-level
conversion (OpenCC's 乾→干 rules and the like) is deliberately out of scope: a query in traditional
characters finds the simplified document, which is all search asks for.
"""

from typing import Final

# Read column by column: each traditional character above its simplified form.
_TRADITIONAL: Final = (
    "國發於與為來個們說時後對過還這會從現進兩長開關門問間陽陰陸際隊院險階陳雙雜難離電靈"
    "當實寶審寫將專導層屬岡嶺歲歷區醫華協單賣衛廳廣廠應廢建張強彈徵徑從復愛態憲懷戰戶據"
    "擔擇撥擴擁擊攜數斷於時書會條來東業極構樣樸機權歡氣決沒沖況淨涼減測濟準溫滅滿潔漢"
    "濕災為烏無煙點熱營爭爾牆牽狀獨獎環現產畫當療發盡監盤眾確礎禮禍離種稅穩積窮競筆範"
    "節築簡類糧系紀約級紅紙細終組結給統絲經綠維網綜總編緣練縣績繳繼續罰義習聯聲職聽肅"
    "脅腦臨與興舉舊艱藝莊葉蘭處號術衛補製複規視覽親觀計訂認討訓議記許論設訪證評識詢試"
    "話該詳誠語說請諸課調談論謝講證識警護讀變讓貝負財責貧貨販貫貴費貼資賓賞賢質購賽贊"
    "趙車軍農運過達違遠適選遺還邊鄉鄰醫釋針錢鐵銀銷鎮長門開閉間閱闢隊陽際隨險雖電靜須預"
    "領頭題額風飛養餘館馬駐驗體髮鬥魚鳥黃齊齒龍龜億僅價儀優償儲兒內冊凍劃劉創劇務勞勢勵"
    "勳匯區協參吳員問啟喪嚴團園圍圖圓執場壓壞壯壽夠奪婦嬰學孫寧實審專尋對導屆岸島幣師帳"
    "幹幾庫廟廠廣彥徑從徹憂懲戲掃掛換揚損搶攝敵斂條棄棟楊榮槍標權橫檢櫃歸殘殺氣漁漲潤"
    "燈燒營獲猶獻產畢異當痛療瘋癒發眾礦碼禦禪秘稱穀窗節範糾紛素紡綫緊線緩縮織繪罷羅職"
    "聞膚臟艦藥蘇蟲衝補裝製見規視親覺觸訊託詐評詞詩該誤誘說諮謀謂證譜讚豐豬貓賬賭贈趨"
    "跡踐蹤較載輔輕輸辦辭遞遲還郵鄧鄭醜鍋鍵鎖門閃閒閣闆隸雞韓頁頂項順預頓頗頻顆顧顯飯飲"
    "飾餐饋駕騎驅驗鬧麥麼黨齡"
)
_SIMPLIFIED: Final = (
    "国发于与为来个们说时后对过还这会从现进两长开关门问间阳阴陆际队院险阶陈双杂难离电灵"
    "当实宝审写将专导层属冈岭岁历区医华协单卖卫厅广厂应废建张强弹征径从复爱态宪怀战户据"
    "担择拨扩拥击携数断于时书会条来东业极构样朴机权欢气决没冲况净凉减测济准温灭满洁汉"
    "湿灾为乌无烟点热营争尔墙牵状独奖环现产画当疗发尽监盘众确础礼祸离种税稳积穷竞笔范"
    "节筑简类粮系纪约级红纸细终组结给统丝经绿维网综总编缘练县绩缴继续罚义习联声职听肃"
    "胁脑临与兴举旧艰艺庄叶兰处号术卫补制复规视览亲观计订认讨训议记许论设访证评识询试"
    "话该详诚语说请诸课调谈论谢讲证识警护读变让贝负财责贫货贩贯贵费贴资宾赏贤质购赛赞"
    "赵车军农运过达违远适选遗还边乡邻医释针钱铁银销镇长门开闭间阅辟队阳际随险虽电静须预"
    "领头题额风飞养余馆马驻验体发斗鱼鸟黄齐齿龙龟亿仅价仪优偿储儿内册冻划刘创剧务劳势励"
    "勋汇区协参吴员问启丧严团园围图圆执场压坏壮寿够夺妇婴学孙宁实审专寻对导届岸岛币师帐"
    "干几库庙厂广彦径从彻忧惩戏扫挂换扬损抢摄敌敛条弃栋杨荣枪标权横检柜归残杀气渔涨润"
    "灯烧营获犹献产毕异当痛疗疯愈发众矿码御禅秘称谷窗节范纠纷素纺线紧线缓缩织绘罢罗职"
    "闻肤脏舰药苏虫冲补装制见规视亲觉触讯托诈评词诗该误诱说咨谋谓证谱赞丰猪猫账赌赠趋"
    "迹践踪较载辅轻输办辞递迟还邮邓郑丑锅键锁门闪闲阁板隶鸡韩页顶项顺预顿颇频颗顾显饭饮"
    "饰餐馈驾骑驱验闹麦么党龄"
)

TO_SIMPLIFIED: Final[dict[int, str]] = {
    ord(traditional): simplified
    for traditional, simplified in zip(_TRADITIONAL, _SIMPLIFIED, strict=True)
    if traditional != simplified
}
