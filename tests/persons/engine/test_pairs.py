"""Labelled pairs: true variants must match, similar-but-different people must not."""

from __future__ import annotations

import pytest

from ncbnet.persons.engine import DEFAULT_THRESHOLD, How, PartialDate, PersonQuery, compare

from .conftest import REPORT

SAME_PERSON = [
    # Arabic: script, articles, abd compounds, vowels, doubled consonants
    ("محمد عبد الرحمن الحسيني", "Mohammed Abdulrahman Al-Husseini"),
    ("Mohammed Abdulrahman Al-Husseini", "Muhammad Abd al-Rahman el Husseini"),
    ("Muhammad Abd al-Rahman el Husseini", "Mohamed Abdelrahman Alhusseini"),
    ("Mohamed Abdelrahman Alhusseini", "محمد عبد الرحمن الحسيني"),
    ("Mohamed Abdel Rahman Al Husseini", "Muhamad Abdurrahman al-Husseini"),
    ("Gamal Abdel Nasser", "Jamal Abd al-Nasir"),
    ("Hussein Kamal", "Husayn Kamal"),
    ("Hosein Kamal", "Hussain Kamal"),
    ("Salah ad-Din Yusuf", "Salah al-Din Yousef"),
    ("Fatimah Al-Zahra", "Fatima Zahraa"),
    ("Abdullah Omar", "Abdallah Umar"),
    ("Mohammed bin Salman", "محمد بن سلمان"),
    ("Mohammed bin Salman", "Mohammed ibn Salman"),
    # Chinese
    ("Xi Jinping", "习近平"),
    ("Xi Jinping", "شي جين بينغ"),
    ("习近平", "شي جين بينغ"),
    ("Xi Jin Ping", "Xi Jinping"),
    # Russian
    ("Сергей Иванов", "Sergei Ivanov"),
    ("Сергей Иванов", "Sergey Ivanov"),
    ("Sergei Ivanov", "Sergey Ivanov"),
    ("Владимир Путин", "Vladimir Putin"),
    # German
    ("Jürgen Stock", "Juergen Stock"),
    ("Jürgen Stock", "Jurgen Stock"),
    ("Juergen Stock", "Jurgen Stock"),
    ("Jürgen Stock", "يورغن شتوك"),
    # free order of given and family names, punctuation
    ("Stock Jürgen", "Jürgen Stock"),
    ("STOCK, Jürgen", "jürgen stock"),
    # 1-2 typos, a missing middle part
    ("Mohammed Abdulrahman Al-Husseini", "Mohammed Abdulrahman Al-Huseini"),
    ("Mohammed Abdulrahman Al-Husseini", "Mohammd Abdulrahman Al-Hussieni"),
    ("Mohammed Al-Husseini", "Mohammed Abdulrahman Al-Husseini"),
    ("Jürgen Stock", "Jurgen Stok"),
    ("Katarzyna Kowalczyk", "Katarzyna Kowalczik"),
]

DIFFERENT_PEOPLE = [
    ("Mohammed bin Salman", "Salman bin Mohammed"),  # patronymic order carries meaning
    ("Wang Wei", "Wang Fang"),  # common family name, different given name
    ("John Smith", "Peter Smith"),
    ("Li Wei", "Li Na"),
    ("Kim Min-jun", "Kim Ji-woo"),
    ("Mohammed Husseini", "Mohammed Kamal"),  # only a common given name in common
    ("Ali Hassan", "Ali Mahmoud"),
    ("Sergey Ivanov", "Sergey Petrov"),
    ("Jürgen Stock", "Jürgen Klopp"),
    ("Mohammed", "Mohammed Kamal"),  # a lone common word does not identify
    ("Xi Jinping", "Xi Mingze"),
    ("Mohammed Abdulrahman Al-Husseini", "Mahmoud Abdulaziz Al-Hassan"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_true_variants_match(a: str, b: str) -> None:
    m = compare(PersonQuery(name=a), PersonQuery(name=b))
    assert m.is_match, (m.score, m.explanation)
    reverse = compare(PersonQuery(name=b), PersonQuery(name=a))
    assert reverse.is_match, (reverse.score, reverse.explanation)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE)
def test_different_people_do_not_match(a: str, b: str) -> None:
    m = compare(PersonQuery(name=a), PersonQuery(name=b))
    assert not m.is_match, (m.score, m.explanation)


def test_threshold_separates_the_labelled_pairs() -> None:
    worst_same = min(
        compare(PersonQuery(name=a), PersonQuery(name=b)).score for a, b in SAME_PERSON
    )
    best_different = max(
        compare(PersonQuery(name=a), PersonQuery(name=b)).score for a, b in DIFFERENT_PEOPLE
    )
    REPORT.append(
        f"labelled pairs: lowest true variant {worst_same:.3f}, highest different person "
        f"{best_different:.3f}, DEFAULT_THRESHOLD {DEFAULT_THRESHOLD}"
    )
    assert best_different < DEFAULT_THRESHOLD <= worst_same


def test_explanation_says_part_by_part_how() -> None:
    m = compare(
        PersonQuery(name="Muhammad Abd al-Rahman el Husseini"),
        PersonQuery(name="محمد عبد الرحمن الحسيني"),
    )
    parts = {p.query_part: p for p in m.explanation.name_parts}
    assert set(parts) == {"muhammad", "abd al rahman", "husseini"}
    assert parts["husseini"].record_part == "الحسيني"
    assert all(p.how is How.TRANSLITERATION for p in parts.values())
    assert parts["muhammad"].weight < parts["husseini"].weight  # common part counts less
    assert m.explanation.matched_name == "محمد عبد الرحمن الحسيني"
    assert m.explanation.unmatched_query_parts == ()
    assert 0.0 <= m.score <= 1.0
    assert m.explanation.name_score is not None


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("Stock", "Stock", How.EXACT),
        ("Juergen", "Jürgen", How.EQUIVALENT),
        ("Sergei", "Sergey", How.EQUIVALENT),
        ("Abdulrahman", "Abd al-Rahman", How.EQUIVALENT),
        ("Sergey", "Сергей", How.TRANSLITERATION),
        ("Gamal", "Jamal", How.EQUIVALENT),  # the hand-kept Arabic given-name table
        ("Fatimah", "Fatemah", How.PHONETIC),
        ("Husseini", "Hussrini", How.FUZZY),
    ],
)
def test_how_each_part_matched(a: str, b: str, how: How) -> None:
    m = compare(PersonQuery(name=a), PersonQuery(name=b))
    assert [p.how for p in m.explanation.name_parts] == [how]


def test_unmatched_query_parts_are_reported() -> None:
    m = compare(PersonQuery(name="Jürgen Stock"), PersonQuery(name="Jürgen Klopp"))
    assert m.explanation.unmatched_query_parts == ("stock",)


def test_birth_date_is_evidence_both_ways() -> None:
    name = "Mohammed Ali"
    exact = compare(
        PersonQuery(name=name, birth_dates=(PartialDate(1975, 3, 2),)),
        PersonQuery(name=name, birth_dates=(PartialDate(1975, 3, 2),)),
    )
    unknown = compare(PersonQuery(name=name), PersonQuery(name=name))
    year = compare(
        PersonQuery(name=name, birth_dates=(PartialDate(1975),)),
        PersonQuery(name=name, birth_dates=(PartialDate(1975, 3, 2),)),
    )
    conflict = compare(
        PersonQuery(name=name, birth_dates=(PartialDate(1975, 3, 2),)),
        PersonQuery(name=name, birth_dates=(PartialDate(1988, 11, 20),)),
    )
    assert exact.explanation.birth_date == "exact"
    assert year.explanation.birth_date == "year"
    assert conflict.explanation.birth_date == "conflict"
    assert unknown.explanation.birth_date is None
    assert exact.score > year.score > unknown.score > conflict.score
    assert not conflict.is_match  # a common name with a contradicting birth date


def test_nationality_sex_and_identifier_evidence() -> None:
    base = PersonQuery(name="Wang Wei", nationalities=frozenset({"CN"}), sex="m")
    same = compare(base, PersonQuery(name="Wang Wei", nationalities=frozenset({"CN"}), sex="m"))
    other = compare(base, PersonQuery(name="Wang Wei", nationalities=frozenset({"SG"}), sex="f"))
    assert same.explanation.nationality == "agree" and same.explanation.sex == "agree"
    assert other.explanation.nationality == "conflict" and other.explanation.sex == "conflict"
    assert same.score > other.score
    assert not other.is_match


def test_identical_identifier_is_strong_evidence() -> None:
    from ncbnet.persons.engine import Identifier

    passport = Identifier("passport", "X12 345-678", "EG")
    q = PersonQuery(name="Mohammed Hassan", identifiers=(passport,))
    r = PersonQuery(name="Mohamed Hasan", identifiers=(Identifier("passport", "x12345678", "EG"),))
    m = compare(q, r)
    assert m.explanation.identifier == "exact"
    assert m.is_match and m.score > compare(PersonQuery(name="Mohammed Hassan"), r).score
    only_id = compare(PersonQuery(identifiers=(passport,)), r)
    assert only_id.is_match and only_id.explanation.name_score is None
