"""NameIndex: search, access predicate, add/remove/replace, partial and common-name queries."""

from __future__ import annotations

from ncbnet.persons.engine import (
    Identifier,
    IndexedPerson,
    NameIndex,
    PartialDate,
    PersonName,
    PersonQuery,
)

HUSSEINI = IndexedPerson(
    id="husseini",
    names=(
        PersonName("Mohammed Abdulrahman Al-Husseini", "Mohammed Abdulrahman", "Al-Husseini"),
        PersonName("محمد عبد الرحمن الحسيني"),
    ),
    birth_dates=(PartialDate(1975, 3, 2),),
    nationalities=frozenset({"JO"}),
    sex="m",
    identifiers=(Identifier("passport", "N 1234567", "JO"),),
)
PEOPLE = [
    HUSSEINI,
    IndexedPerson("husseini-1990", (PersonName("Ahmad Al-Husseini"),), (PartialDate(1990),)),
    IndexedPerson("hussein", (PersonName("Mohammed Hussein"),), (PartialDate(1975, 6, 1),)),
    IndexedPerson(
        "xi", (PersonName("Xi Jinping"),), (PartialDate(1953, 6, 15),), frozenset({"CN"})
    ),
    IndexedPerson("xi-other", (PersonName("Xi Mingze"),), (PartialDate(1992),)),
    IndexedPerson("stock", (PersonName("Jürgen Stock"),), (PartialDate(1959, 10, 4),), sex="m"),
    IndexedPerson("ivanov", (PersonName("Сергей Иванов"),), (PartialDate(1953, 1, 31),)),
    IndexedPerson("petrov", (PersonName("Sergey Petrov"),)),
    IndexedPerson("mbs", (PersonName("Mohammed bin Salman"),), (PartialDate(1985, 8, 31),)),
    IndexedPerson("sbm", (PersonName("Salman bin Mohammed"),), (PartialDate(1961),)),
    IndexedPerson(
        "ali-eg",
        (PersonName("Mohammed Ali"),),
        (PartialDate(1980, 1, 17),),
        frozenset({"EG"}),
        owner="EG",
        visibility="restricted",
    ),
    IndexedPerson(
        "ali-pk", (PersonName("Muhammad Ali"),), (PartialDate(1962, 5, 9),), frozenset({"PK"})
    ),
]


def build() -> NameIndex:
    index = NameIndex()
    for person in PEOPLE:
        index.add(person)
    return index


def ids(matches: list[object]) -> list[str]:
    return [m.record_id for m in matches]  # type: ignore[attr-defined]


def test_each_way_of_writing_finds_the_person_first() -> None:
    index = build()
    for name, expected in [
        ("Muhammad Abd al-Rahman el Husseini", "husseini"),
        ("Mohamed Abdelrahman Alhusseini", "husseini"),
        ("محمد عبد الرحمن الحسيني", "husseini"),
        ("习近平", "xi"),
        ("شي جين بينغ", "xi"),
        ("Juergen Stock", "stock"),
        ("يورغن شتوك", "stock"),
        ("Stock Jurgen", "stock"),
        ("Sergei Ivanov", "ivanov"),
        ("Mohammed bin Salman", "mbs"),
        ("Salman bin Mohammed", "sbm"),
    ]:
        matches = index.search(PersonQuery(name=name))
        assert matches and matches[0].record_id == expected, (name, matches[:2])
        assert matches[0].is_match


def test_family_name_and_year_of_birth_only() -> None:
    index = build()
    matches = index.search(PersonQuery(family="Husseini", birth_dates=(PartialDate(1975),)))
    assert matches[0].record_id == "husseini"
    assert matches[0].is_match
    assert matches[0].explanation.birth_date == "year"
    other = next(m for m in matches if m.record_id == "husseini-1990")
    assert not other.is_match and other.explanation.birth_date == "conflict"


def test_given_and_family_fields() -> None:
    matches = build().search(PersonQuery(given="Jurgen", family="Stock"))
    assert matches[0].record_id == "stock" and matches[0].is_match


def test_common_name_needs_more_than_the_name() -> None:
    index = build()
    query = PersonQuery(name="Mohamed Ali", birth_dates=(PartialDate(1962, 5, 9),))
    matches = {m.record_id: m for m in index.search(query)}
    assert matches["ali-pk"].is_match and matches["ali-pk"].explanation.birth_date == "exact"
    assert not matches["ali-eg"].is_match
    assert matches["ali-pk"].score - matches["ali-eg"].score > 0.2


def test_patronymic_order_is_respected() -> None:
    matches = {m.record_id: m for m in build().search(PersonQuery(name="Mohammed bin Salman"))}
    assert matches["mbs"].is_match
    assert "sbm" not in matches or not matches["sbm"].is_match


def test_identifier_finds_the_person_even_under_another_name() -> None:
    query = PersonQuery(name="M. Husaini", identifiers=(Identifier("passport", "n1234567", "JO"),))
    matches = build().search(query)
    assert matches[0].record_id == "husseini"
    assert matches[0].explanation.identifier == "exact" and matches[0].is_match


def test_access_predicate_is_applied_before_ranking_and_limits() -> None:
    index = build()
    query = PersonQuery(name="Mohammed Ali")
    everyone = index.search(query, limit=1)
    assert everyone[0].record_id in {"ali-eg", "ali-pk"}
    visible = index.search(query, limit=1, allowed=lambda p: p.visibility == "all")
    assert ids(visible) == ["ali-pk"]
    assert all(
        m.record_id != "ali-eg" for m in index.search(query, allowed=lambda p: p.owner != "EG")
    )


def test_add_remove_replace() -> None:
    index = build()
    assert len(index) == len(PEOPLE)
    assert index.get("stock") is PEOPLE[5]
    index.remove("stock")
    index.remove("stock")  # absent: no error
    assert len(index) == len(PEOPLE) - 1 and index.get("stock") is None
    assert "stock" not in ids(index.search(PersonQuery(name="Jürgen Stock")))
    renamed = IndexedPerson("xi", (PersonName("Jürgen Stock"),))
    index.add(renamed)  # replaces the person with the same id
    assert len(index) == len(PEOPLE) - 1 and index.get("xi") is renamed
    assert ids(index.search(PersonQuery(name="Juergen Stock")))[0] == "xi"
    assert "xi" not in ids(index.search(PersonQuery(name="Xi Jinping")))


def test_many_removals_compact_the_index() -> None:
    index = NameIndex()
    for i in range(3000):
        index.add(IndexedPerson(f"p{i}", (PersonName(f"Name{i} Family"),)))
    for i in range(2500):
        index.remove(f"p{i}")
    index.add(IndexedPerson("stock", (PersonName("Jürgen Stock"),)))
    assert len(index) == 501
    assert ids(index.search(PersonQuery(name="Jurgen Stock")))[0] == "stock"
    assert index.get("p2999") is not None


def test_limit_and_order() -> None:
    matches = build().search(PersonQuery(name="Mohammed"), limit=3)
    assert len(matches) == 3
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(0.0 <= m.score <= 1.0 for m in matches)


def test_empty_query_and_empty_index() -> None:
    assert NameIndex().search(PersonQuery(name="Jürgen Stock")) == []
    assert build().search(PersonQuery()) == []
