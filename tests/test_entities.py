"""People, organisations, places and groups, with aliases merged."""

from __future__ import annotations

from tui.core.analyse import analyse
from tui.core.model import Article, Entity


def article(*paragraphs: str) -> Article:
    result = analyse("\n\n".join(paragraphs))
    for e in result.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(result.paragraphs[m.paragraph].text)
    return result


def people(a: Article) -> dict[str, Entity]:
    return {e.name: e for e in a.entities if e.kind == "person"}


def test_full_name_title_and_honorific_forms_are_one_person_with_a_role():
    a = article("Minister Visits Port",
                "Foreign Minister Katarina Velasquez-Holm arrived on Monday.",
                "Ms. Velasquez-Holm met dock workers. Velasquez-Holm\u2019s aides said little.")
    found = people(a)
    assert list(found) == ["Katarina Velasquez-Holm"]
    person = found["Katarina Velasquez-Holm"]
    assert person.role == "Foreign Minister"
    assert len(person.mentions) == 3
    texts = [a.paragraphs[m.paragraph].text[m.start:m.end] for m in person.mentions]
    assert texts == ["Katarina Velasquez-Holm", "Ms. Velasquez-Holm", "Velasquez-Holm"]


def test_accents_dropped_in_a_later_mention_still_merge():
    a = article("Election Result",
                "President Joaquín Ibáñez Ortega won a second term.",
                "Mr. Ibanez Ortega thanked voters, and Ibáñez Ortega\u2019s party celebrated.")
    assert list(people(a)) == ["Joaquín Ibáñez Ortega"]


def test_people_sharing_a_surname_stay_apart():
    a = article("Family Firm Splits",
                "Maria Delgado Ruiz and her cousin Tomas Delgado founded the bakery.",
                "Mr. Delgado left in May. Ms. Delgado Ruiz kept the shop.")
    found = people(a)
    assert set(found) == {"Maria Delgado Ruiz", "Tomas Delgado"}
    assert len(found["Tomas Delgado"].mentions) == 2
    assert len(found["Maria Delgado Ruiz"].mentions) == 2


def test_role_from_an_apposition_before_or_after_the_name():
    a = article("Budget Vote",
                "The treasurer of Harlow County, Denise Okoro, presented the plan.",
                "Kwame Asante, director of the Harlow Institute, criticised it.")
    found = people(a)
    assert found["Denise Okoro"].role == "treasurer of Harlow County"
    assert found["Kwame Asante"].role == "director of the Harlow Institute"


def test_headline_capitals_are_not_people_but_known_names_there_are_mentions():
    a = article("Okafor Rallies Farmers Over Grain Prices",
                "Agriculture Minister Chinedu Okafor spoke in Kano on Friday.")
    found = people(a)
    assert list(found) == ["Chinedu Okafor"]
    assert any(m.paragraph == 0 for m in found["Chinedu Okafor"].mentions)


def test_credits_and_contributors_are_people_marked_credit():
    a = article("Quake Shakes City",
                "Rescuers searched the rubble.",
                "Rescuers in the old town on Sunday.Credit\u2026Selin Aydin/Reuters",
                "Burak Demir contributed reporting from Ankara.")
    found = people(a)
    assert found["Selin Aydin"].credit and found["Burak Demir"].credit
    assert {e.name for e in a.entities if e.kind == "organization"} >= {"Reuters"}
    assert {e.name for e in a.entities if e.kind == "place"} >= {"Ankara"}


def test_organisations_places_and_groups():
    a = article("Talks Resume",
                "The Ministry of Fisheries and the Coastal Research Institute met in Lisbon.",
                "Democrats and Republicans in Portugal\u2019s parliament welcomed the talks.")
    orgs = {e.name for e in a.entities if e.kind == "organization"}
    assert {"Ministry of Fisheries", "Coastal Research Institute"} <= orgs
    assert {"Lisbon", "Portugal"} <= {e.name for e in a.entities if e.kind == "place"}
    assert {"Democrats", "Republicans"} <= {e.name for e in a.entities if e.kind == "group"}
    assert not people(a)


def test_sentence_initial_words_and_possessives_are_not_names():
    a = article("Harbour Plan",
                "But Harbour officials disagreed. Nearly everyone came. Pictures of the pier circulated.",
                "Ingrid Haugen\u2019s plan was approved.")
    assert list(people(a)) == ["Ingrid Haugen"]
    mention = people(a)["Ingrid Haugen"].mentions[0]
    assert a.paragraphs[mention.paragraph].text[mention.start:mention.end] == "Ingrid Haugen"


def test_people_known_only_by_one_name_with_a_role_or_an_age():
    a = article("Night Shift",
                "The riders wait outside the station. One of them, a courier named Yusuf, 34, came in 2019.",
                "The cafe owner, Okonkwo, said business was slow.")
    assert {"Yusuf", "Okonkwo"} <= set(people(a))


def test_byline_and_wire_contributor_lines_give_credit_people():
    a = article("Harbor Reopens",
                "By Lena Hartley, Coast Desk | Published May 2, 2025",
                "The harbor reopened on Friday.",
                "(Reporting by Omar Saleh; Editing by Clara Wynn)")
    found = people(a)
    assert {"Lena Hartley", "Omar Saleh", "Clara Wynn"} <= set(found)
    assert all(found[name].credit for name in ("Lena Hartley", "Omar Saleh", "Clara Wynn"))
    assert "Coast Desk" not in found


def test_a_role_word_opening_the_sentence_is_not_part_of_the_name():
    a = article("Quake Report",
                "Geologist Maria Lindqvist said the fault was shallow. Striker Tom Vermeer scored twice.")
    found = people(a)
    assert set(found) == {"Maria Lindqvist", "Tom Vermeer"}
    assert found["Maria Lindqvist"].role == "Geologist"


def test_a_role_noun_opening_the_sentence_is_not_part_of_the_name():
    a = article("Shop Reopens",
                "Grocer Siobhan Ni Bhriain said the shelves were full again.")
    assert "Siobhan Ni Bhriain" in people(a)


def test_a_family_name_first_with_a_hyphenated_given_name_is_a_person():
    a = article("Fare Rise",
                "Drivers' union chairman Tsang Wai-ming said fares had not risen for six years.",
                "Tsang said drivers would accept the new rate.")
    found = people(a)
    assert "Tsang Wai-ming" in found
    assert "Tsang" in found["Tsang Wai-ming"].aliases


def test_an_ap_byline_in_capitals_gives_credit_people():
    a = article("Harbor Reopens",
                "By MARGARET OKAFOR and THOMAS BRENNAN Associated Press",
                "The harbor reopened on Monday.")
    found = people(a)
    assert found["MARGARET OKAFOR"].credit and found["THOMAS BRENNAN"].credit


def test_a_name_given_only_as_is_a_person():
    a = article("Aftershock",
                "A woman who gave her name only as Nadira said her house was gone.",
                "\u201cWe slept in the car,\u201d she said.")
    assert "Nadira" in people(a)
    assert [q.speaker for q in a.quotes] == ["Nadira"]


def test_a_bare_name_after_in_is_a_place():
    a = article("Ferry Cancelled",
                "Islanders in West Carrowmore say the ferry has not sailed for a week.")
    assert all(e.kind == "place" for e in a.entities if "Carrowmore" in e.name)


def test_a_single_letter_is_not_a_person():
    a = article("Load Shedding",
                "Customers in bands A, B and E said their bills had doubled.")
    assert not people(a)


def test_a_carrier_named_after_an_ocean_is_an_organisation():
    a = article("Ferry Talks",
                "Talks between the union and Marine Pacific collapsed on Friday.",
                "Marine Pacific said it was disappointed.")
    assert not people(a)
    assert any(e.name == "Marine Pacific" and e.kind == "organization" for e in a.entities)
