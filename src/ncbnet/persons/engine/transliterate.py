"""Romanisation rules of our own, on top of anyascii, for Cyrillic and Chinese names."""

from __future__ import annotations

import re

from anyascii import anyascii

from .keys import fold_ascii

# Common spellings of Russian sounds besides the ones anyascii picks: Сергей is Sergey,
# Sergei and Sergej; Хусейн is Khuseyn and Huseyn; Юрген is Yurgen and Jurgen.
_RUSSIAN_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ey$"), "ei"),
    (re.compile(r"ey$"), "ej"),
    (re.compile(r"iy$"), "y"),
    (re.compile(r"iy$"), "i"),
    (re.compile(r"yy$"), "y"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"^y(?=[aeiou])"), "j"),
    (re.compile(r"ts"), "tz"),
    (re.compile(r"ch"), "cz"),
    (re.compile(r"v"), "w"),
)

# Most frequent Chinese surnames (simplified and traditional): a Han run that starts with one
# and is 2-4 characters long is read as surname + given name ("习近平" = "Xi Jinping").
_SURNAMES = set(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
    "邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金"
    "石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴"
    "覃武戴莫孔向汤湯习習温溫胥骆駱俞柳庞龐易常施牛"
)
_COMPOUND_SURNAMES = frozenset(
    {"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟",
     "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "令狐", "端木", "南宫"}
)  # fmt: skip


def cyrillic_forms(token: str) -> list[str]:
    base = fold_ascii(anyascii(token))
    forms = [base]
    for pattern, replacement in _RUSSIAN_VARIANTS:
        for form in list(forms):
            variant = pattern.sub(replacement, form)
            if variant != form and variant not in forms:
                forms.append(variant)
    return forms[:8]


def split_han(token: str) -> list[str]:
    """Surname and given name of a Chinese name written as one run, else the run alone."""
    if 3 <= len(token) <= 4 and token[:2] in _COMPOUND_SURNAMES:
        return [token[:2], token[2:]]
    if 2 <= len(token) <= 4 and token[0] in _SURNAMES:
        return [token[0], token[1:]]
    return [token]


def pinyin(token: str) -> str:
    return "".join(fold_ascii(anyascii(ch)) for ch in token)


def han_forms(token: str) -> list[str]:
    """Pinyin, plus readings of a foreign name written in characters: Chinese has one
    letter for l and r (菲利尼 feilini is Ferrini) and x for s (西 xi)."""
    base = pinyin(token)
    forms = [base]
    if len(token) > 1:
        forms.append(base.replace("x", "s"))
        for i in [i for i, ch in enumerate(base) if ch == "l"][:3]:
            for form in list(forms):
                forms.append(form[:i] + "r" + form[i + 1 :])
    return list(dict.fromkeys(forms))[:8]
