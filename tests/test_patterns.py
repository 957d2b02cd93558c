"""What the engine must find, one small made-up article per way news attributes speech.

Each test is a target for the engine (see /work/shared/NEWS-PATTERNS.md): the quote text is
exactly the characters between the marks, the speaker is the entity's fullest name, and every
quote's spans slice its paragraph text back to the quote (checked for every article here).
"""

from __future__ import annotations

import textwrap

import pytest

from tui.core.analyse import analyse
from tui.core.model import Article, Entity, Quote


def run(text: str) -> Article:
    """Analyse a dedented article and check the invariants every article must keep."""
    article = analyse(textwrap.dedent(text).strip() + "\n", "pattern-test")
    for q in article.quotes:
        assert q.spans, q
        parts = [article.paragraphs[s.paragraph].text[s.start:s.end] for s in q.spans]
        assert "\n\n".join(parts) == q.text, (q.text, parts)
        assert [s.paragraph for s in q.spans] == sorted({s.paragraph for s in q.spans})
        if q.speaker_id is not None:
            speaker = article.entity(q.speaker_id)
            assert speaker is not None and speaker.name == q.speaker and not speaker.credit
        else:
            assert q.speaker is None
    for e in article.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(article.paragraphs[m.paragraph].text), (e, m)
    return article


def quote(article: Article, text: str) -> Quote:
    found = [q for q in article.quotes if q.text == text]
    assert found, f"no quote {text!r}; found {[q.text for q in article.quotes]}"
    return found[0]


def said_by(article: Article, text: str, speaker: str | None) -> Quote:
    q = quote(article, text)
    assert q.speaker == speaker, (text, q.speaker)
    return q


def people(article: Article) -> list[Entity]:
    return [e for e in article.entities if e.kind == "person"]


def person(article: Article, name: str) -> Entity:
    found = [e for e in people(article) if e.name == name]
    assert len(found) == 1, f"{name!r} among {[e.name for e in people(article)]}"
    return found[0]


def names(article: Article) -> set[str]:
    return {e.name for e in article.entities}


def kinds(article: Article) -> list[str]:
    return [p.kind for p in article.paragraphs]


# ------------------------------------------------------------------ attribution


def test_verb_after_quote_speaker_first():
    a = run("""
        Harbour Plan Wins Approval

        Gregory Kessler, the port director, backed the plan on Monday.

        “We will finish the pier by spring,” Mr. Kessler said.
        """)
    q = said_by(a, "We will finish the pier by spring,", "Gregory Kessler")
    assert q.spans[0].paragraph == 2
    assert q.cue is not None and "said" in q.cue


def test_verb_after_quote_inverted_with_role_after_name():
    a = run("""
        Drought Study Published

        “Rainfall has fallen by a fifth since 1990,” said Ingrid Solberg, a professor of hydrology at the University of Bergen.
        """)
    q = said_by(a, "Rainfall has fallen by a fifth since 1990,", "Ingrid Solberg")
    assert "said" in (q.cue or "")
    assert person(a, "Ingrid Solberg").role is not None
    assert "professor" in (person(a, "Ingrid Solberg").role or "")


def test_present_tense_says_with_surname_only():
    a = run("""
        The baker who refused to close

        Tomasz Wielgosz has run the bakery on Mill Lane for 22 years.

        “I will be here until they carry me out,” says Wielgosz.
        """)
    q = said_by(a, "I will be here until they carry me out,", "Tomasz Wielgosz")
    assert "says" in (q.cue or "")


def test_colon_before_quote_and_he_added():
    a = run("""
        Minister Defends Budget

        The finance minister, Rafael Quintero, said: “This budget protects the poorest families.”

        He added: “Nobody will pay more tax next year.”
        """)
    said_by(a, "This budget protects the poorest families.", "Rafael Quintero")
    q = said_by(a, "Nobody will pay more tax next year.", "Rafael Quintero")
    assert "added" in (q.cue or "")


def test_split_quote_both_parts_belong_to_the_speaker():
    a = run("""
        Orchestra Cancels Tour

        Funmilayo Adeyemi, the orchestra’s manager, spoke after the board meeting.

        “We did everything we could,” Ms. Adeyemi said, “but the insurance costs were impossible.”
        """)
    said_by(a, "We did everything we could,", "Funmilayo Adeyemi")
    said_by(a, "but the insurance costs were impossible.", "Funmilayo Adeyemi")


def test_partial_and_one_word_quotes_inside_the_writers_sentence():
    a = run("""
        Senator Criticises Delay

        Senator Helen Marchetti said on Tuesday that it was “frankly regrettable” that the bill had stalled, and called the delay “shameful.”
        """)
    said_by(a, "frankly regrettable", "Helen Marchetti")
    said_by(a, "shameful.", "Helen Marchetti")


def test_quote_over_several_paragraphs_is_one_quote_with_one_span_per_paragraph():
    a = run("""
        Coach Reflects on Final Season

        Coach Darius Whitlock spoke for nearly an hour after the game. “I have been lucky. Nobody gets thirty years in this job.

        “I had great players, and I had better assistants.

        “And I had a wife who forgave me for missing every birthday,” Whitlock said.
        """)
    text = ("I have been lucky. Nobody gets thirty years in this job.\n\n"
            "I had great players, and I had better assistants.\n\n"
            "And I had a wife who forgave me for missing every birthday,")
    q = said_by(a, text, "Darius Whitlock")
    assert [s.paragraph for s in q.spans] == [1, 2, 3]
    assert len(a.quotes) == 1


def test_unattributed_quote_paragraph_continues_the_previous_speaker():
    a = run("""
        Residents Fight Landfill Expansion

        “The smell reaches the school on hot days,” said Farida Haqqani, who lives on Cooper Road.

        “My children cannot play outside in July.”

        The county says the expansion is needed.
        """)
    said_by(a, "The smell reaches the school on hot days,", "Farida Haqqani")
    said_by(a, "My children cannot play outside in July.", "Farida Haqqani")


def test_continuation_across_a_photo_caption():
    a = run("""
        Dock Workers Strike

        “We will stay out as long as it takes,” said Jerome Baptiste, the union’s local president.

        Pickets outside the container terminal on Tuesday.Credit…Anna Kowalczyk for The New York Times

        “Every one of these people has a family to feed,” he said.
        """)
    assert kinds(a)[2] == "caption"
    said_by(a, "Every one of these people has a family to feed,", "Jerome Baptiste")
    assert person(a, "Anna Kowalczyk").credit


def test_according_to():
    a = run("""
        Factory Output Falls

        Output at the plant fell by 12 percent in March, according to Lucia Ferrante, the plant’s director, who called the decline “temporary.”
        """)
    said_by(a, "temporary.", "Lucia Ferrante")


def test_told_reuters_the_agency_is_the_listener():
    a = run("""
        Oil Firm Eyes Expansion

        "We expect to double production by 2028," Chief Executive Kwame Mensah-Bonsu told Reuters in an interview.
        """)
    q = said_by(a, "We expect to double production by 2028,", "Kwame Mensah-Bonsu")
    assert "told" in (q.cue or "")


def test_wrote_in_a_memo():
    a = run("""
        Bank Cuts Jobs

        “These decisions are painful, but they are necessary,” Margit Lindholm wrote in a memo to staff on Thursday.
        """)
    q = said_by(a, "These decisions are painful, but they are necessary,", "Margit Lindholm")
    assert "wrote" in (q.cue or "")


def test_organisation_speaks_in_a_statement_and_with_it_said():
    a = run("""
        Ministry Rejects Report

        The Ministry of Health said in a statement that the report was "based on outdated figures."

        "The number of nurses has risen every year since 2019," it said.
        """)
    q1 = quote(a, "based on outdated figures.")
    q2 = quote(a, "The number of nurses has risen every year since 2019,")
    for q in (q1, q2):
        speaker = a.entity(q.speaker_id) if q.speaker_id else None
        assert speaker is not None and speaker.kind == "organization", q
        assert "Ministry of Health" in speaker.name
    assert q1.speaker_id == q2.speaker_id


def test_dash_attribution():
    a = run("""
        Voices From the Queue

        “I have been waiting since five this morning and they still haven’t opened the doors.” — Jane Okoro, a nurse from Croydon
        """)
    said_by(a, "I have been waiting since five this morning and they still haven’t opened the doors.",
            "Jane Okoro")


def test_described_as():
    a = run("""
        Merger Talks Collapse

        The talks ended after a meeting that Piotr Zielinski, a spokesman for the buyer, described as “deeply unproductive.”
        """)
    said_by(a, "deeply unproductive.", "Piotr Zielinski")


def test_pronoun_follows_gender_not_the_last_name_printed():
    a = run("""
        School Board Splits on Budget

        Irina Orlova, the board chairwoman, defended the plan on Tuesday.

        Ms. Orlova faced criticism from Karl Brandt, the district’s former treasurer, and from Mr. Ferreira, a parent. “We cannot keep every school open with half the pupils,” she said.
        """)
    said_by(a, "We cannot keep every school open with half the pupils,", "Irina Orlova")


def test_pronoun_refers_to_the_previous_speaker_not_a_person_named_in_between():
    a = run("""
        Mayor Courts Investors

        “The waterfront is open for business,” Mayor Rosa Villanueva said on Monday.

        She spoke after meeting Hiroshi Tanabe, the chairman of a Japanese shipping firm. “We want more companies like his,” she said.
        """)
    said_by(a, "We want more companies like his,", "Rosa Villanueva")


# ------------------------------------------------------------------ quotes that are not speech


def test_scare_quotes_titles_and_slogans_have_no_speaker():
    a = run("""
        Festival Line-Up Announced

        The festival, billed as a “green” event, will close with a reading from the novel “The Salt Orchard” by its author, Emeka Obi.

        Volunteers will carry banners reading “Leave Only Footprints.”
        """)
    for text in ("green", "The Salt Orchard", "Leave Only Footprints."):
        assert quote(a, text).speaker_id is None, text


def test_apostrophes_never_open_or_close_quotes():
    a = run("""
        Record Shop Closes

        “It's the end of an era. We've sold O’Neill’s records since the ’90s, and the Joneses’ shop next door doesn’t want the space,” said Declan O’Neill, the owner.

        Mr. O’Neill’s daughter, Siobhan, said the family wasn't surprised.
        """)
    text = ("It's the end of an era. We've sold O’Neill’s records since the ’90s, and the Joneses’ "
            "shop next door doesn’t want the space,")
    said_by(a, text, "Declan O’Neill")
    assert len(a.quotes) == 1


def test_straight_quotes_with_nested_single_quotes():
    a = run("""
        Union Rejects Offer

        "They called it a 'final offer', but we have heard that before," said union leader Samira Haddad.
        """)
    said_by(a, "They called it a 'final offer', but we have heard that before,", "Samira Haddad")


def test_guillemets():
    a = run("""
        Swiss Voters Back Rail Tunnel

        «This is a victory for the whole valley», said Lukas Ammann, the mayor of Airolo.
        """)
    said_by(a, "This is a victory for the whole valley", "Lukas Ammann")


def test_backtick_quotes():
    a = run("""
        Court Rejects Appeal

        ``The appeal has no merit,'' Judge Evelyn Strauss wrote in the ruling.
        """)
    said_by(a, "The appeal has no merit,", "Evelyn Strauss")


def test_unbalanced_mark_does_not_swallow_the_rest_of_the_article():
    a = run("""
        Council Meets

        The agenda listed an item called “Parks and Gardens without a closing mark.

        The meeting lasted two hours.

        “We will vote in May,” said Councillor Abebe Girma.

        “Nothing is decided yet,” Mr. Girma added.
        """)
    said_by(a, "We will vote in May,", "Abebe Girma")
    said_by(a, "Nothing is decided yet,", "Abebe Girma")
    assert all(len(q.text) < 120 for q in a.quotes)


def test_british_single_quotes_in_a_headline():
    a = run("""
        'We were never told': tenants condemn landlord over fire doors

        Tenants of Marsh House say they were never warned about faulty fire doors.

        “We were never told, not once,” says Amara Nwosu, who has lived there for a decade.
        """)
    said_by(a, "We were never told, not once,", "Amara Nwosu")
    assert quote(a, "We were never told").spans[0].paragraph == 0


# ------------------------------------------------------------------ people and names


def test_described_first_and_named_later():
    a = run("""
        Family Seeks Answers

        The father of a man who died in police custody last month said the family wanted the footage released.

        “We just want to see what happened to our son,” he said.

        The father, Emmanuel Okafor, said the family had hired a lawyer.

        “We will not stop,” Mr. Okafor said.
        """)
    said_by(a, "We will not stop,", "Emmanuel Okafor")
    said_by(a, "We just want to see what happened to our son,", "Emmanuel Okafor")


def test_accents_dropped_in_a_later_mention_are_one_person():
    a = run("""
        Mayor Unveils Plan

        Mayor Dolores Núñez unveiled the plan on Thursday.

        Ms. Nunez, a former teacher, said it would “fix the basics.”
        """)
    nunez = person(a, "Dolores Núñez")
    assert any("Nunez" in alias for alias in nunez.aliases)
    assert {m.paragraph for m in nunez.mentions} == {1, 2}
    said_by(a, "fix the basics.", "Dolores Núñez")


def test_two_unrelated_people_sharing_a_surname_stay_apart():
    a = run("""
        Advocates Split on Bus Plan

        Keisha Monroe, who leads a riders’ union, welcomed the plan.

        Darnell Monroe, a retired driver who is not related to her, opposed it.

        “Fewer stops means longer walks,” Mr. Monroe said.

        “This is what riders asked for,” Ms. Monroe said.
        """)
    keisha, darnell = person(a, "Keisha Monroe"), person(a, "Darnell Monroe")
    assert keisha.id != darnell.id
    said_by(a, "Fewer stops means longer walks,", "Darnell Monroe")
    said_by(a, "This is what riders asked for,", "Keisha Monroe")


def test_title_before_name_becomes_the_role():
    a = run("""
        Talks Resume in Geneva

        Secretary of State Jane Q. Doe arrived in Geneva on Sunday.

        “We are here to listen,” Ms. Doe said.
        """)
    doe = person(a, "Jane Q. Doe")
    assert doe.role == "Secretary of State"
    said_by(a, "We are here to listen,", "Jane Q. Doe")


def test_particles_hyphens_initials_and_jr_are_part_of_the_name():
    a = run("""
        Four Named to Port Board

        The board named Pieter van der Berg, Aisha bin Rashid, Marie-Claire Dubois-Laurent and Robert L. Hanley Jr. on Friday.

        “It is an honour,” Mr. van der Berg said.

        “I will listen first,” said Ms. Dubois-Laurent.

        J.B. Whitaker, the chairman, welcomed them. “Four fine choices,” Whitaker said.
        """)
    for name in ("Pieter van der Berg", "Aisha bin Rashid", "Marie-Claire Dubois-Laurent",
                 "Robert L. Hanley Jr.", "J.B. Whitaker"):
        person(a, name)
    said_by(a, "It is an honour,", "Pieter van der Berg")
    said_by(a, "I will listen first,", "Marie-Claire Dubois-Laurent")
    said_by(a, "Four fine choices,", "J.B. Whitaker")


def test_honorifics_without_a_period_and_possessives():
    a = run("""
        Surgeon Warns on Waiting Lists

        Dr Ruth Abiola, a surgeon at the Royal Berkshire Hospital, said the lists were growing.

        Dr Abiola’s team has cancelled 40 operations this month. “We are running out of beds,” Dr Abiola said.
        """)
    abiola = person(a, "Ruth Abiola")
    assert {m.paragraph for m in abiola.mentions} == {1, 2}
    assert not any("’s" in e.name or "'s" in e.name for e in a.entities)
    said_by(a, "We are running out of beds,", "Ruth Abiola")


def test_headline_capitals_places_and_companies_named_after_people_are_not_people():
    a = run("""
        Minister Flies to Paris as Strike Grounds Flights

        Transport Minister Olivier Brassard landed at Charles de Gaulle airport on Monday, where the Smith & Sons catering company has halted deliveries. The Brassard administration has promised talks.

        “We will find a solution,” Mr. Brassard said.
        """)
    person_names = {e.name for e in people(a)}
    assert person_names == {"Olivier Brassard"}, person_names
    said_by(a, "We will find a solution,", "Olivier Brassard")


# ------------------------------------------------------------------ structure and credits


def test_paragraph_kinds_of_a_us_newspaper_page():
    a = run("""
        Bridge Reopens After Two Years

        Supported by

        By Hannah Okafor and Luis Ferreira-Pinto

        The Elm Street bridge reopened on Monday after a two-year repair.

        Cars crossing the bridge on Monday morning.Credit…Marcus Tillman for The New York Times

        “It was worth the wait,” said Mayor Carl Ostrowski.

        Advertisement

        Sarah Lindqvist contributed reporting.
        """)
    assert kinds(a) == ["title", "boilerplate", "byline", "body", "caption", "body",
                        "boilerplate", "contributors"]
    assert a.title == "Bridge Reopens After Two Years"
    for name in ("Hannah Okafor", "Luis Ferreira-Pinto", "Marcus Tillman", "Sarah Lindqvist"):
        assert person(a, name).credit, name
    assert not person(a, "Carl Ostrowski").credit
    said_by(a, "It was worth the wait,", "Carl Ostrowski")
    assert {e.name for e in a.people} == {"Carl Ostrowski"}


def test_british_photograph_credit_line():
    a = run("""
        Floods hit Somerset villages again

        Residents have been evacuated from three villages.

        A flooded lane near Muchelney. Photograph: Tom Ashworth/PA

        “The water came in faster than last time,” says Gwen Hollis, 68.
        """)
    assert kinds(a)[2] in ("caption", "credit")
    assert person(a, "Tom Ashworth").credit
    said_by(a, "The water came in faster than last time,", "Gwen Hollis")


def test_wire_reporting_line_people_are_credits_never_speakers():
    a = run("""
        Ports reopen after storm

        MANILA, Oct 3 (Reuters) - Ports reopened on Friday, the coast guard said.

        "All vessels may now leave harbour," coast guard spokesman Rodel Santiago told reporters.

        (Reporting by Carmela Reyes-Tan and Joel Dimaculangan; Editing by Lionel Hartt and Priya Venkataraman)
        """)
    assert kinds(a)[-1] == "contributors"
    for name in ("Carmela Reyes-Tan", "Joel Dimaculangan", "Lionel Hartt", "Priya Venkataraman"):
        assert person(a, name).credit, name
    said_by(a, "All vessels may now leave harbour,", "Rodel Santiago")


def test_crlf_bom_and_one_paragraph_per_line():
    text = "\ufeffHeadline Here\r\nFirst line of the story.\r\n“Second line quote,” said Ana Lima.\r\n"
    a = analyse(text, "crlf")
    assert [p.text for p in a.paragraphs] == [
        "Headline Here", "First line of the story.", "“Second line quote,” said Ana Lima."]
    assert a.title == "Headline Here"
    q = quote(a, "Second line quote,")
    assert q.speaker == "Ana Lima" and q.spans[0].paragraph == 2


def test_entity_kinds_are_from_the_model_and_ids_unique():
    a = run("""
        Leaders Meet in Brussels

        Chancellor Greta Vogel met officials of the European Commission in Brussels on Monday.

        “Europe must act together,” Ms. Vogel said.
        """)
    assert {e.kind for e in a.entities} <= {"person", "organization", "place", "group"}
    assert len({e.id for e in a.entities}) == len(a.entities)
    assert len({q.id for q in a.quotes}) == len(a.quotes)
    kinds_by_name = {e.name: e.kind for e in a.entities}
    assert kinds_by_name.get("Greta Vogel") == "person"
    assert kinds_by_name.get("Brussels") == "place"
    assert kinds_by_name.get("European Commission") == "organization"


@pytest.mark.parametrize("mark_open, mark_close", [("“", "”"), ('"', '"'), ("«", "»"), ("``", "''")])
def test_every_quote_style_gives_the_same_attribution(mark_open: str, mark_close: str):
    a = run(f"""
        Port Strike Ends

        {mark_open}The strike is over,{mark_close} said Ibrahim Sesay, the union secretary.
        """)
    said_by(a, "The strike is over,", "Ibrahim Sesay")


def test_a_credit_on_its_own_line_is_a_credit_paragraph():
    a = run("""
        Storm Batters Coast

        Waves broke over the harbour wall at Porthleven on Sunday night.

        Photograph: Tom Ashworth/PA

        “I have never seen the sea like that,” said the harbourmaster, Kerenza Pascoe.
        """)
    assert kinds(a)[2] == "credit"
    assert person(a, "Tom Ashworth").credit
    said_by(a, "I have never seen the sea like that,", "Kerenza Pascoe")


def test_party_and_state_tag_after_a_senators_name():
    a = run("""
        Senators Question Rail Safety

        “Nobody should board a train and wonder whether it will stay on the tracks,” Sen. Marisa Quattrone, D-Vt., said on Tuesday.

        Sen. Gordon Ekwueme, R-Kan., agreed. “This is not a partisan issue,” he said.
        """)
    said_by(a, "Nobody should board a train and wonder whether it will stay on the tracks,",
            "Marisa Quattrone")
    said_by(a, "This is not a partisan issue,", "Gordon Ekwueme")
    assert not any("D-Vt" in e.name or "R-Kan" in e.name for e in a.entities)


def test_a_question_with_asked():
    a = run("""
        Hearing Turns Tense

        Pressed on the bonuses, the chief executive, Douglas Fairweather, paused. “Why would I answer that in public?” he asked.
        """)
    q = said_by(a, "Why would I answer that in public?", "Douglas Fairweather")
    assert "asked" in (q.cue or "")


def test_vox_pop_dash_attribution_with_age_and_job():
    a = run("""
        Voices From the Heat

        “I don’t go out between 11 in the morning and nine at night.” — Carmen Ruiz, 72, retired seamstress

        “We soak the sheets in cold water.” — Abdelkader Mansouri, 35, waiter
        """)
    said_by(a, "I don’t go out between 11 in the morning and nine at night.", "Carmen Ruiz")
    said_by(a, "We soak the sheets in cold water.", "Abdelkader Mansouri")


def test_father_and_son_with_generation_suffixes_stay_apart():
    a = run("""
        Textile Maker Sold

        “This is the right partner at the right time,” said Walter H. Carrington III, the company’s chairman.

        The search for a buyer began after the death of Walter Carrington Jr., the chairman’s father, in 1992.

        Mr. Carrington said he would retire when the deal closes.
        """)
    third, junior = person(a, "Walter H. Carrington III"), person(a, "Walter Carrington Jr.")
    assert third.id != junior.id
    assert 3 in {m.paragraph for m in third.mentions}
    said_by(a, "This is the right partner at the right time,", "Walter H. Carrington III")
