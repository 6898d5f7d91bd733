"""Name material for the name-matching benchmark, beyond the demo's curated lists.

Hand lists of common real names by naming culture, written as people write them: Arabic names in
Arabic script with the Latin spellings met at borders; Russian names in Cyrillic (their Latin
forms come from the transliteration systems below, as passports and registries produce them);
Chinese names in Han characters with pinyin (Wade-Giles and traditional characters derived);
Latin-script names with their diacritics. Everything is plain data and pure functions, so the
generator stays deterministic.
"""

from __future__ import annotations

import re
import unicodedata

# --- Arabic: (native, Latin spellings...) ------------------------------------------------------

ARABIC_MALE = [
    ("محمد", "Mohammed", "Muhammad", "Mohamed", "Mohamad", "Mohammad"),
    ("أحمد", "Ahmed", "Ahmad"),
    ("علي", "Ali"),
    ("حسن", "Hassan", "Hasan"),
    ("حسين", "Hussein", "Husayn", "Hussain", "Hossein"),
    ("عمر", "Omar", "Umar"),
    ("يوسف", "Youssef", "Yusuf", "Yousef", "Youssouf"),
    ("خالد", "Khaled", "Khalid"),
    ("إبراهيم", "Ibrahim", "Ebrahim"),
    ("عبد الرحمن", "Abdulrahman", "Abdel Rahman", "Abd al-Rahman", "Abdelrahman"),
    ("عبد الله", "Abdullah", "Abdallah", "Abd Allah"),
    ("جمال", "Jamal", "Gamal"),
    ("سعيد", "Said", "Saeed", "Saïd"),
    ("مصطفى", "Mustafa", "Moustafa", "Mostafa"),
    ("طارق", "Tariq", "Tarek", "Tarik"),
    ("كريم", "Karim", "Kareem"),
    ("ماجد", "Majed", "Majid"),
    ("وليد", "Walid", "Waleed"),
    ("سامي", "Sami", "Samy"),
    ("رامي", "Rami", "Ramy"),
    ("فيصل", "Faisal", "Faysal"),
    ("ناصر", "Nasser", "Nasir", "Naser"),
    ("سليمان", "Suleiman", "Sulaiman", "Slimane"),
    ("عثمان", "Othman", "Osman", "Uthman"),
    ("حمزة", "Hamza", "Hamzah"),
    ("بلال", "Bilal"),
    ("زياد", "Ziad", "Ziyad"),
    ("عماد", "Imad", "Emad"),
    ("رشيد", "Rachid", "Rashid", "Rasheed"),
    ("هشام", "Hisham", "Hicham"),
    ("منير", "Mounir", "Munir"),
    ("نبيل", "Nabil", "Nabeel"),
    ("عادل", "Adel", "Adil"),
    ("عبد العزيز", "Abdulaziz", "Abdelaziz", "Abd al-Aziz"),
    ("عبد الكريم", "Abdulkarim", "Abdelkrim", "Abdul Karim"),
    ("عبد القادر", "Abdelkader", "Abdulqadir", "Abd al-Qadir"),
    ("صلاح", "Salah", "Salaheddine"),
    ("ياسين", "Yassin", "Yasin", "Yacine"),
    ("أنس", "Anas"),
    ("أيمن", "Ayman", "Aymen"),
    ("باسم", "Bassem", "Basim"),
    ("حازم", "Hazem", "Hazim"),
    ("شريف", "Sherif", "Sharif", "Cherif"),
    ("مراد", "Mourad", "Murad"),
    ("نادر", "Nader", "Nadir"),
    ("فريد", "Farid", "Fareed"),
    ("إسماعيل", "Ismail", "Ismael", "Smail"),
    ("موسى", "Moussa", "Musa", "Mousa"),
    ("عيسى", "Issa", "Isa", "Eissa"),
    ("هاني", "Hani", "Hany"),
    ("وائل", "Wael", "Wail"),
    ("ياسر", "Yasser", "Yasir"),
    ("زكريا", "Zakaria", "Zakariya", "Zakariyya"),
    ("سالم", "Salem", "Saalim"),
    ("سليم", "Salim", "Selim"),
    ("إدريس", "Idris", "Driss", "Idriss"),
    ("حميد", "Hamid", "Hameed"),
    ("رضا", "Reda", "Rida", "Ridha"),
    ("توفيق", "Tawfik", "Tawfiq", "Toufik"),
    ("عبد الحميد", "Abdelhamid", "Abdulhamid", "Abd al-Hamid"),
    ("مالك", "Malek", "Malik"),
    ("قاسم", "Qasim", "Kassem", "Kacem"),
    ("جعفر", "Jafar", "Jaafar"),
    ("فؤاد", "Fouad", "Fuad"),
    ("خليل", "Khalil", "Khaleel"),
    ("أسامة", "Osama", "Usama", "Oussama"),
    ("عمار", "Ammar"),
    ("ماهر", "Maher", "Mahir"),
    ("نزار", "Nizar"),
    ("كمال", "Kamal", "Kamel"),
    ("منصور", "Mansour", "Mansur"),
    ("محمود", "Mahmoud", "Mahmud", "Mahmood"),
    ("سفيان", "Sufyan", "Soufiane", "Sofiane"),
    ("إلياس", "Elias", "Ilyas", "Ilias"),
    ("عبد الرزاق", "Abderrazak", "Abdulrazzaq", "Abd al-Razzaq"),
    ("نور الدين", "Noureddine", "Nur al-Din", "Nouredine"),
    ("بدر", "Badr", "Bader"),
    ("راشد", "Rashed", "Rached"),
    ("سلطان", "Sultan", "Soltane"),
    ("تامر", "Tamer", "Tamir"),
]
ARABIC_FEMALE = [
    ("فاطمة", "Fatima", "Fatma", "Fatimah", "Fatemeh"),
    ("عائشة", "Aisha", "Aicha", "Ayesha", "Aïcha"),
    ("مريم", "Maryam", "Mariam", "Meryem", "Myriam"),
    ("ليلى", "Layla", "Leila", "Laila"),
    ("نور", "Nour", "Noor", "Nur"),
    ("زينب", "Zainab", "Zaynab", "Zeinab"),
    ("خديجة", "Khadija", "Khadidja", "Khadeeja"),
    ("سارة", "Sara", "Sarah"),
    ("هدى", "Huda", "Houda", "Hoda"),
    ("أمينة", "Amina", "Aminah"),
    ("سلمى", "Salma"),
    ("ياسمين", "Yasmin", "Yasmine"),
    ("رانيا", "Rania", "Ranya"),
    ("دينا", "Dina"),
    ("نادية", "Nadia", "Nadiya"),
    ("سميرة", "Samira", "Sameera"),
    ("حنان", "Hanan"),
    ("رشا", "Rasha"),
    ("إيمان", "Iman", "Imane", "Eman"),
    ("أسماء", "Asma", "Asmaa"),
    ("سعاد", "Souad", "Suad"),
    ("نجلاء", "Najla", "Naglaa"),
    ("منى", "Mona", "Muna"),
    ("لينا", "Lina"),
    ("هبة", "Heba", "Hiba"),
    ("وفاء", "Wafaa", "Wafa"),
    ("غادة", "Ghada"),
    ("شيماء", "Shaimaa", "Chaima", "Shaima"),
    ("جميلة", "Jamila", "Djamila", "Gamila"),
    ("كريمة", "Karima", "Karimah"),
    ("سهام", "Siham", "Sihem"),
    ("دعاء", "Doaa", "Duaa"),
    ("رحمة", "Rahma", "Rahmah"),
    ("حليمة", "Halima", "Halimah"),
    ("صفية", "Safiya", "Safia", "Safiyya"),
    ("ملك", "Malak"),
    ("رقية", "Ruqayya", "Rokia", "Roqaya"),
    ("لبنى", "Lubna", "Loubna"),
    ("وداد", "Widad", "Wided"),
    ("نوال", "Nawal"),
]
ARABIC_FAMILY = [
    ("الحسيني", "Al-Husseini", "El Husseini", "Alhusseini", "Husseini"),
    ("المصري", "Al-Masri", "El Masry", "Almasri"),
    ("الشامي", "Al-Shami", "Ash-Shami", "El Chami"),
    ("العلمي", "El Alami", "Alami", "Al-Alami"),
    ("بنعلي", "Benali", "Ben Ali"),
    ("التازي", "Tazi", "El Tazi"),
    ("حداد", "Haddad"),
    ("الخطيب", "Al-Khatib", "El Khatib", "Alkhatib"),
    ("الزهراني", "Al-Zahrani", "Alzahrani", "Az-Zahrani"),
    ("القحطاني", "Al-Qahtani", "Alqahtani", "Al-Kahtani"),
    ("الإدريسي", "El Idrissi", "Idrissi", "Al-Idrisi"),
    ("الكعبي", "Al-Kaabi", "Alkaabi"),
    ("النعيمي", "Al-Nuaimi", "Al Naimi"),
    ("العتيبي", "Al-Otaibi", "Alotaibi", "Al-Utaybi"),
    ("الغامدي", "Al-Ghamdi", "Alghamdi"),
    ("الشمري", "Al-Shammari", "Alshammari", "Al-Chammari"),
    ("الدوسري", "Al-Dosari", "Aldossary", "Al-Dawsari"),
    ("المطيري", "Al-Mutairi", "Almutairi"),
    ("الحربي", "Al-Harbi", "Alharbi"),
    ("العنزي", "Al-Anazi", "Alenezi", "Al-Anezi"),
    ("السعدي", "Al-Saadi", "Es-Saadi", "Saadi"),
    ("البغدادي", "Al-Baghdadi", "Baghdadi"),
    ("الحلبي", "Al-Halabi", "Halabi"),
    ("التميمي", "Al-Tamimi", "Tamimi", "At-Tamimi"),
    ("الجبوري", "Al-Jubouri", "Al-Jabouri", "Aljuboori"),
    ("الدليمي", "Al-Dulaimi", "Al-Dulaymi"),
    ("العبيدي", "Al-Obaidi", "Al-Ubaidi", "Obeidi"),
    ("الخوري", "Khoury", "El Khoury", "Al-Khouri"),
    ("الأيوبي", "Al-Ayoubi", "Ayoubi"),
    ("بن سالم", "Ben Salem", "Bensalem"),
    ("بوزيد", "Bouzid"),
    ("بلقاسم", "Belkacem", "Belgacem"),
    ("بن يوسف", "Benyoussef", "Ben Youssef"),
    ("الفاسي", "El Fassi", "Al-Fasi", "Fassi"),
    ("الصباغ", "Sabbagh", "Al-Sabbagh", "Essabbagh"),
    ("النجار", "Najjar", "Al-Najjar", "Nadjar"),
    ("الحكيم", "Al-Hakim", "El Hakim"),
    ("العمري", "Al-Omari", "Alomari", "El Omari"),
    ("الهاشمي", "Al-Hashimi", "El Hachemi", "Hashemi"),
    ("الرفاعي", "Al-Rifai", "Rifai", "Er-Rifai"),
    ("الأنصاري", "Al-Ansari", "Ansari", "El Ansari"),
    ("المالكي", "Al-Maliki", "Maliki"),
    ("الكبيسي", "Al-Kubaisi", "Kubaisi"),
    ("القاسمي", "Al-Qasimi", "Al-Kassimi", "El Kacimi"),
    ("السويدي", "Al-Suwaidi", "Alsuwaidi"),
    ("البلوشي", "Al-Balushi", "Albalooshi"),
    ("بن عمر", "Benomar", "Ben Omar"),
    ("الطيب", "Taieb", "Al-Tayeb", "Et-Tayeb"),
    ("الزين", "El Zein", "Zein", "Al-Zain"),
    ("يعقوب", "Yacoub", "Yaqub", "Yakoub"),
    ("درويش", "Darwish", "Darwiche"),
    ("نصر الله", "Nasrallah", "Nasr Allah"),
    ("عطية", "Atiya", "Attia", "Atiyah"),
    ("شاهين", "Shaheen", "Chahine", "Shahin"),
    ("سلامة", "Salama", "Salameh"),
    ("عوض", "Awad", "Aouad"),
    ("غانم", "Ghanem", "Ghanim"),
    ("حمدان", "Hamdan"),
    ("الجزائري", "Al-Jazairi", "Djazairi"),
    ("الفارس", "Al-Fares", "Fares"),
    ("الراشد", "Al-Rashed", "Alrashid"),
    ("العلوي", "El Alaoui", "Alaoui", "Al-Alawi"),
    ("بن جلون", "Benjelloun", "Ben Jelloun"),
    ("الشريف", "Al-Sharif", "Cherif", "El Sharif"),
    ("السيد", "El Sayed", "Al-Sayyid", "Elsayed"),
    ("عبد النبي", "Abdelnabi", "Abdulnabi", "Abd al-Nabi"),
    ("الخزرجي", "Al-Khazraji", "Khazraji"),
    ("الموسوي", "Al-Musawi", "Al-Moussawi", "Moussaoui"),
    ("البرغوثي", "Barghouti", "Al-Barghouthi"),
    ("الحمدان", "Al-Hamdan", "Alhamdan"),
    ("بوعزيزي", "Bouazizi"),
    ("الجمل", "El Gamal", "Al-Jamal"),
    ("عبد السلام", "Abdelsalam", "Abdulsalam", "Abdessalem"),
    ("الشاذلي", "Chadli", "Al-Shadhili", "El Shazly"),
    ("الترابي", "Al-Turabi", "Tourabi"),
    ("قباني", "Kabbani", "Qabbani"),
]

# --- Russian (Cyrillic; Latin forms from TRANSLIT_SYSTEMS) --------------------------------------

RUSSIAN_MALE = (
    "Сергей Алексей Дмитрий Андрей Николай Юрий Михаил Владимир Игорь Александр Максим Иван "
    "Евгений Павел Артём Роман Олег Виктор Денис Антон Константин Вадим Станислав Григорий Фёдор "
    "Тимофей Кирилл Илья Егор Никита Василий Пётр Борис Геннадий Валерий Анатолий Леонид "
    "Вячеслав Ярослав Руслан Георгий Степан Матвей Аркадий Эдуард Семён Виталий Глеб Захар Тимур "
    "Ростислав Всеволод Богдан Арсений Даниил Лев Марк Яков Герман Филипп"
).split()
RUSSIAN_FEMALE = (
    "Ольга Наталья Екатерина Анна Мария Елена Татьяна Ирина Светлана Юлия Анастасия Дарья Ксения "
    "Людмила Галина Марина Валентина Виктория Полина Алёна Евгения Вера Надежда Любовь Оксана "
    "Алла Лариса Жанна Софья Елизавета Кристина Яна Алиса Маргарита Зоя Ульяна Варвара Инна "
    "Раиса Тамара Нина Лидия Эльвира Регина Диана Василиса"
).split()
RUSSIAN_FAMILY = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев "
    "Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин "
    "Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов "
    "Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов "
    "Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин "
    "Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов "
    "Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров "
    "Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров "
    "Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов "
    "Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Тихомиров Галкин Лукьянов "
    "Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин "
    "Митрофанов Воронов Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев "
    "Рыбаков Сафонов Плотников Хохлов Жданов Носов Зуев Шестаков Третьяков Шубин Рожков Ершов "
    "Шевченко Бондаренко Ткаченко Кравченко Коваленко Лысенко Ковальчук Мельник Горбачёв "
    "Вишневский Покровский Раевский Соловьёва Чайковский Толстой Трубецкой Жириновский"
).split()
# Patronymics that do not follow the -ович / -евич rule.
_PATRONYMIC_IRREGULAR = {
    "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"),
    "Илья": ("Ильич", "Ильинична"),
    "Никита": ("Никитич", "Никитична"),
    "Лев": ("Львович", "Львовна"),
    "Яков": ("Яковлевич", "Яковлевна"),
    "Даниил": ("Даниилович", "Данииловна"),
}


def patronymic(father: str, sex: str) -> str:
    """Отчество from the father's given name (Сергей -> Сергеевич / Сергеевна)."""
    if father in _PATRONYMIC_IRREGULAR:
        male, female = _PATRONYMIC_IRREGULAR[father]
    elif father.endswith("ий"):
        male, female = father[:-2] + "ьевич", father[:-2] + "ьевна"
    elif father.endswith("й"):
        male, female = father[:-1] + "евич", father[:-1] + "евна"
    elif father[-1] in "жшчщц":
        male, female = father + "евич", father + "евна"
    else:
        male, female = father + "ович", father + "овна"
    return female if sex == "f" else male


def russian_feminine(family: str) -> str:
    """Иванов -> Иванова, Вишневский -> Вишневская; Шевченко and Мельник do not change."""
    if family.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return family + "а"
    if family.endswith(("ский", "цкий")):
        return family[:-2] + "ая"
    if family.endswith("ой"):
        return family[:-2] + "ая"
    return family


# Cyrillic -> Latin, as the systems met on documents write it. Each maps a letter, with context
# handled in transliterate_cyrillic: "ye" forms for е at the start of a word or after a vowel.
_VOWELS_CY = set("аеёиоуыэюяьъ")
_CY_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
TRANSLIT_SYSTEMS: dict[str, dict[str, str]] = {
    # Russian passports since 2013 (ICAO Doc 9303): Sergei, Iurii, Natalia, Fedorov.
    "icao": _CY_BASE,
    # BGN/PCGN, common in English-language registries: Sergey, Yuriy, Natalya, Fedorov.
    "bgn": {**_CY_BASE, "й": "y", "ю": "yu", "я": "ya", "ъ": "", "ё": "yo", "ye": "ye"},
    # Popular English forms: Sergey, Yury, Alexey, Fyodorov.
    "popular": {**_CY_BASE, "й": "y", "ю": "yu", "я": "ya", "ъ": "", "ё": "yo", "ye": "ye",
                "ий$": "y", "кс": "x", "ндр$": "nder"},
    # German (Duden): Sergej, Juri, Natalja, Schtscherbakow, Iwanow.
    "german": {**_CY_BASE, "в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z",
               "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja", "ё": "jo",
               "ъ": "", "ye": "je", "ий$": "i", "с": "s", "сс": "ss"},
    # French: Sergueï, Iouri, Natalia, Chtcherbakov.
    "french": {**_CY_BASE, "у": "ou", "ж": "j", "ч": "tch", "ш": "ch", "щ": "chtch",
               "ю": "iou", "й": "ï", "ъ": "", "х": "kh", "ге": "gue", "ги": "gui", "ий$": "i"},
    # Scholarly (ISO 9 / scientific) with diacritics: Sergej, Jurij, Ščerbakov, Žukov.
    "scholarly": {**_CY_BASE, "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
                  "ю": "ju", "я": "ja", "й": "j", "ъ": "", "ё": "ë", "э": "è"},
}  # fmt: skip


def transliterate_cyrillic(word: str, system: str) -> str:
    """One Cyrillic word in one Latin system, capitalised like the source."""
    table = TRANSLIT_SYSTEMS[system]
    low = word.lower()
    out: list[str] = []
    i = 0
    while i < len(low):
        ch = low[i]
        pair = low[i : i + 2]
        tail = low[i:] + "$"
        if tail in table:
            out.append(table[tail])
            break
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
            continue
        if ch == "е" and "ye" in table and (i == 0 or low[i - 1] in _VOWELS_CY):
            out.append(table["ye"])
        else:
            out.append(table.get(ch, ch))
        i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


# --- Chinese: (simplified, pinyin) --------------------------------------------------------------

CHINESE_FAMILY = [
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"),
    ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
    ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("袁", "Yuan"),
    ("潘", "Pan"), ("于", "Yu"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"),
    ("叶", "Ye"), ("程", "Cheng"), ("苏", "Su"), ("魏", "Wei"), ("吕", "Lü"), ("丁", "Ding"),
    ("任", "Ren"), ("沈", "Shen"), ("姚", "Yao"), ("卢", "Lu"), ("姜", "Jiang"), ("崔", "Cui"),
    ("钟", "Zhong"), ("谭", "Tan"), ("陆", "Lu"), ("汪", "Wang"), ("范", "Fan"), ("金", "Jin"),
    ("石", "Shi"), ("廖", "Liao"), ("贾", "Jia"), ("夏", "Xia"), ("韦", "Wei"), ("付", "Fu"),
    ("方", "Fang"), ("白", "Bai"), ("邹", "Zou"), ("孟", "Meng"), ("熊", "Xiong"), ("秦", "Qin"),
    ("邱", "Qiu"), ("江", "Jiang"), ("尹", "Yin"), ("薛", "Xue"), ("闫", "Yan"), ("段", "Duan"),
    ("雷", "Lei"), ("侯", "Hou"), ("龙", "Long"), ("史", "Shi"), ("陶", "Tao"), ("黎", "Li"),
    ("贺", "He"), ("顾", "Gu"), ("毛", "Mao"), ("郝", "Hao"), ("龚", "Gong"), ("邵", "Shao"),
    ("万", "Wan"), ("钱", "Qian"), ("严", "Yan"), ("覃", "Qin"), ("武", "Wu"), ("戴", "Dai"),
    ("莫", "Mo"), ("孔", "Kong"), ("向", "Xiang"), ("汤", "Tang"), ("欧阳", "Ouyang"),
    ("司马", "Sima"), ("诸葛", "Zhuge"), ("上官", "Shangguan"),
]  # fmt: skip
CHINESE_GIVEN = [  # characters common in given names
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
    ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"),
    ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂", "gui"), ("英", "ying"), ("华", "hua"),
    ("玉", "yu"), ("兰", "lan"), ("文", "wen"), ("辉", "hui"), ("建", "jian"), ("国", "guo"),
    ("志", "zhi"), ("红", "hong"), ("梅", "mei"), ("鹏", "peng"), ("斌", "bin"), ("宇", "yu"),
    ("浩", "hao"), ("凯", "kai"), ("晨", "chen"), ("欣", "xin"), ("婷", "ting"), ("雪", "xue"),
    ("琳", "lin"), ("晓", "xiao"), ("海", "hai"), ("东", "dong"), ("林", "lin"), ("波", "bo"),
    ("宁", "ning"), ("飞", "fei"), ("峰", "feng"), ("云", "yun"), ("燕", "yan"), ("莉", "li"),
    ("春", "chun"), ("金", "jin"), ("亮", "liang"), ("成", "cheng"), ("龙", "long"), ("彬", "bin"),
    ("佳", "jia"), ("嘉", "jia"), ("子", "zi"), ("梓", "zi"), ("涵", "han"), ("轩", "xuan"),
    ("博", "bo"), ("睿", "rui"), ("泽", "ze"), ("思", "si"), ("怡", "yi"), ("萱", "xuan"),
    ("雨", "yu"), ("欢", "huan"), ("俊", "jun"), ("鑫", "xin"), ("帅", "shuai"), ("慧", "hui"),
    ("颖", "ying"), ("倩", "qian"), ("蕾", "lei"), ("薇", "wei"), ("璐", "lu"), ("琪", "qi"),
    ("瑶", "yao"), ("晶", "jing"), ("荣", "rong"), ("德", "de"), ("福", "fu"), ("庆", "qing"),
    ("永", "yong"), ("新", "xin"), ("光", "guang"), ("天", "tian"), ("宏", "hong"), ("振", "zhen"),
    ("家", "jia"), ("立", "li"), ("世", "shi"), ("学", "xue"), ("安", "an"), ("冬", "dong"),
    ("楠", "nan"), ("鹤", "he"), ("铭", "ming"), ("远", "yuan"), ("航", "hang"), ("豪", "hao"),
    ("健", "jian"), ("翔", "xiang"), ("阳", "yang"), ("秋", "qiu"), ("凤", "feng"), ("珍", "zhen"),
    ("蓉", "rong"), ("萍", "ping"), ("宝", "bao"), ("义", "yi"), ("贤", "xian"), ("进", "jin"),
    ("岚", "lan"), ("彤", "tong"), ("悦", "yue"), ("诗", "shi"), ("晴", "qing"), ("锋", "feng"),
    ("坤", "kun"), ("旭", "xu"), ("毅", "yi"), ("昊", "hao"), ("宸", "chen"), ("瑞", "rui"),
    ("冰", "bing"), ("兵", "bing"), ("清", "qing"), ("松", "song"), ("斯", "si"), ("威", "wei"),
    ("雯", "wen"), ("楚", "chu"), ("蕊", "rui"), ("莹", "ying"), ("若", "ruo"), ("晗", "han"),
]  # fmt: skip
# Simplified -> traditional for the characters above that differ (Taiwan, Hong Kong records).
TRADITIONAL = dict(
    zip(
        "张刘陈杨黄赵吴周孙马郭罗郑梁谢许韩冯邓肖苏吕卢钟谭陆贾韦邹熊邱闫龙陶贺顾龚万钱严汤阳"
        "诸葛伟丽强军艳杰娟涛华兰辉国红鹏晓东宁飞峰云凯欣轩睿泽怡萱欢俊鑫帅慧颖蕾璐瑶荣庆宏振"
        "学远航鹤铭翔凤宝义贤进岚诗晴锋昊莹蓉欧刚静",
        "張劉陳楊黃趙吳週孫馬郭羅鄭梁謝許韓馮鄧蕭蘇呂盧鍾譚陸賈韋鄒熊邱閆龍陶賀顧龔萬錢嚴湯陽"
        "諸葛偉麗強軍豔傑娟濤華蘭輝國紅鵬曉東寧飛峰雲凱欣軒睿澤怡萱歡俊鑫帥慧穎蕾璐瑤榮慶宏振"
        "學遠航鶴銘翔鳳寶義賢進嵐詩晴鋒昊瑩蓉歐剛靜",
        strict=True,
    )
)
# 周 stays 周 in names; 週 is "week".
TRADITIONAL["周"] = "周"

_WG_INITIALS = [
    ("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("d", "t"), ("t", "t"),
    ("g", "k"), ("k", "k"), ("j", "ch"), ("q", "ch"), ("x", "hs"), ("r", "j"), ("z", "ts"),
    ("c", "ts"), ("s", "s"), ("m", "m"), ("f", "f"), ("n", "n"), ("l", "l"), ("h", "h"),
    ("y", "y"), ("w", "w"),
]  # fmt: skip


def wade_giles(syllable: str) -> str:
    """A pinyin syllable in Wade-Giles as passports write it (apostrophes dropped):
    zhang -> chang, xu -> hsu, zhi -> chih, zi -> tzu, xiong -> hsiung, jie -> chieh."""
    s = syllable.lower().replace("ü", "u")
    initial, final = "", s
    for pin, wg in _WG_INITIALS:
        if s.startswith(pin):
            initial, final = wg, s[len(pin) :]
            source = pin
            break
    else:
        source = ""
    if source in ("zh", "ch", "sh", "r") and final == "i":
        final = "ih"
    elif source in ("z", "c", "s") and final == "i":
        initial, final = {"z": "tz", "c": "tz", "s": "ss"}[source], "u"
    elif source == "" and s == "er":
        final = "erh"
    else:
        if source in ("j", "q", "x") and final.startswith("u"):
            final = "ü" + final[1:]
        final = re.sub(r"ong$", "ung", final)
        final = re.sub(r"ian$", "ien", final)
        final = re.sub(r"(i|ü)e$", r"\1eh", final)
        final = re.sub(r"^ui$", "uei", final) if source in ("g", "k") else final
        if source in ("g", "k", "h") and final == "e":
            final = "o"
        if source in ("d", "t", "n", "l", "z", "c", "s") and final == "uo":
            final = "o"
        if source == "y" and final == "ou":
            final = "u"
        if source == "y" and final == "an":
            final = "en"
        if source == "y" and final in ("e", "ue"):
            final = final + "h"
        if source == "y" and final == "i":
            initial, final = "", "i"
        final = final.replace("ü", "u")
    out = initial + final
    return out[:1].upper() + out[1:] if syllable[:1].isupper() else out


# --- Latin-script names (hand list; family names are extended with the Wikidata dev tokens) ----

LATIN_MALE = (
    "Jürgen François José Łukasz Søren João Marco Bjørn Chinedu Kwame Hiroshi Michael Thomas "
    "Andreas Stefan Matthias Jörg Björn Günter Sébastien Jérôme Benoît Hervé Gaël Loïc Nicolás "
    "Andrés Jesús Martín Sergio Álvaro Iñaki Raúl Joaquín Gonçalo André Sebastião Luís Rui "
    "Giuseppe Giovanni Francesco Niccolò Lorenzo Davide Paweł Krzysztof Wojciech Michał Grzegorz "
    "Tomasz Jiří Tomáš Ondřej Lukáš Václav Zoltán László Gábor István Dániel Mehmet Mustafa "
    "Çağrı Oğuz Emre Burak Anders Lars Nils Mikael Håkon Jørgen Ólafur Sigurður Ivan Dragan "
    "Miloš Đorđe Stjepan Ante Matej Minh Quốc Olumide Emeka Oluwaseun Kofi Mamadou "
    "Ousmane Abdoulaye Seydou Jean Pierre Louis Antoine Mathieu Patrick Daniel David Peter Paul "
    "John James William Robert Richard Charles Joseph Christopher Mark Steven Kevin Brian "
    "Jakob Lukas Maximilian Felix Moritz Henrik Piet Jan Sven Pieter Willem Bram Rafael Diego"
).split()
LATIN_FEMALE = (
    "Zoë Ana Camille Lucía Emily Sophie Aisha Hélène Françoise Élodie Cécile Anaïs Maëlle "
    "Chloé Agnès Béatrice Renée Marie Isabelle Nathalie Sandrine Julie Léa "
    "Manon Inès María Sofía Inés Begoña Ainhoa Mónica Verónica Raquel Conceição Graça Joana "
    "Inês Beatriz Giulia Chiara Francesca Alessia Małgorzata Agnieszka Katarzyna Józefa "
    "Zofia Barbora Tereza Lenka Kateřina Zsófia Ágnes Krisztina Eszter Ayşe Fatma Zeynep "
    "Gülşen Şule Ingrid Åsa Björk Sigríður Guðrún Ivana Jelena Snežana Marija Nikolina Thị "
    "Hương Lan Ngọc Chiamaka Ngozi Adaeze Aminata Fatoumata Mariam Sarah Laura Anna Emma Olivia "
    "Charlotte Hannah Elizabeth Jennifer Jessica Amanda Rebecca Katharina Lena Johanna Mette "
    "Sanne Femke Lotte Annika Ilse"
).split()
LATIN_FAMILY = (
    "Stock Müller García Dupont Kowalski Østergaard Rossi Silva Okafor Mensah Yamamoto Smith "
    "Nguyễn Fernández Schäfer Lefèvre Sánchez Schröder Köhler Weiß Groß Jäger Krüger Böhm "
    "Hoffmann Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Koch Richter Wolf "
    "Lefebvre Moreau Girard Rousseau Lemaître Bénard Gauthier Mercier François Chevalier "
    "Bonnet Rodríguez González Martínez López Pérez Gómez Jiménez Muñoz Álvarez Domínguez "
    "Peña Núñez Ibáñez Gonçalves Magalhães Conceição Araújo Simões Gomes Brandão Esposito "
    "Russo Ferrari Romano Colombo Ricci Marino Bruno Gallo Conti Nowak Wiśniewski Wójcik "
    "Kowalczyk Kamiński Lewandowski Zieliński Szymański Dąbrowski Woźniak Novák Dvořák "
    "Černý Procházka Kučera Nagy Kovács Tóth Szabó Horváth Varga Yılmaz Kaya Demir Şahin "
    "Çelik Yıldız Öztürk Aydın Özdemir Arslan Doğan Jensen Nielsen Hansen Pedersen Andersen "
    "Johansson Karlsson Nilsson Eriksson Larsson Håkansson Sørensen Jónsson Horvat Kovačević "
    "Babić Marić Jovanović Petrović Nikolić Đorđević Trần Lê Phạm Hoàng Huỳnh Võ Đặng "
    "Adeyemi Okonkwo Nwosu Eze Diallo Traoré Koné Touré Ouédraogo Boateng Asante Owusu "
    "Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thompson Martin "
    "Jansen Visser Bakker Janssen Smit Meijer Bos Vos Peeters Dubois Lambert Fontaine"
).split()

NATIONALITIES = {
    "arabic": ["EG", "MA", "DZ", "TN", "JO", "SA", "AE", "IQ", "SY", "LB", "LY", "YE"],
    "chinese": ["CN", "CN", "CN", "TW", "SG", "MY", "HK"],
    "russian": ["RU", "RU", "BY", "KZ", "UA"],
    "latin": ["FR", "DE", "ES", "IT", "PT", "BR", "PL", "DK", "NG", "GH", "US", "GB", "TR", "NL"],
}


def strip_marks(text: str) -> str:
    """Diacritics dropped the way a keyboard without them writes the name (ø -> o, ł -> l)."""
    text = text.translate(_NO_DECOMPOSITION)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NO_DECOMPOSITION = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i", "æ": "ae",
     "Æ": "Ae", "œ": "oe", "ð": "d", "þ": "th", "Þ": "Th"}
)  # fmt: skip
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NORDIC = str.maketrans({"ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa", "æ": "ae"})


def latin_variants(token: str) -> list[str]:
    """Other ways a Latin-script name is written: marks dropped, German/Nordic transcription."""
    forms = [strip_marks(token)]
    if any(ch in token for ch in "äöüÄÖÜ"):
        forms.append(strip_marks(token.translate(_GERMAN)))
    if any(ch in token for ch in "øØåÅæ"):
        forms.append(strip_marks(token.translate(_NORDIC)))
    return [f for f in dict.fromkeys(forms) if f != token]
