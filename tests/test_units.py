"""Units: the counted noun, elided nouns, and the taxonomy's categories."""

import pytest

from extract import claims_from_text
from extract.figures import find_figures
from extract.resources import language_model
from extract.units import Unit, counted_unit, resolve_references


def units_of(sentence: str) -> list[Unit]:
    doc = language_model()(sentence)
    return [counted_unit(doc, figure) for figure in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Four soldiers died in the clash and 9 were wounded.", [("soldiers", "casualties")] * 2),  # shared noun
        ("Losses of tanks, armoured vehicles and drones rose to 410, 1,120 and 2,300 respectively.",
         [("tanks", "equipment"), ("vehicles", "equipment"), ("drones", "equipment")]),
        ("Police and organisers put the crowd at 3,000 and 12,000 respectively.", [("people", "crowd")] * 2),
        ("About 300 people were evacuated and 12 were hurt.", [("people", "displaced"), ("people", "casualties")]),
        ("Budanov said 2,600 North Korean soldiers were part of the first group.", [("soldiers", "personnel")]),
        ("The North deployed four brigades totaling 12,000 troops.", [("brigades", "military_units"), ("troops", "personnel")]),
        ("Some 1,500 special forces troops arrived.", [("special forces troops", "personnel")]),
        ("Allied units have launched more than 1,800 air, rocket and mortar strikes.", [("strikes", "other")]),
        ("With 1,500 special forces already in Russia.", [("special forces", "personnel")]),
        ("The war has caused tens of thousands of deaths.", [("deaths", "casualties")]),
        ("The death toll rose to 45,000 on Monday.", [("deaths", "casualties")]),
        ("UPDATE 2-Quake toll rises to 31, officials say", [("deaths", "casualties")]),  # a wire tag is no subject
        ("Casualties reached 3,000, officials said.", [("casualties", "casualties")]),
        ("At least 45 people were killed in the blast.", [("people", "casualties")]),
        ("Some 300,000 people have fled their homes.", [("people", "displaced")]),
        ("Organisers said 50,000 protesters marched.", [("protesters", "crowd")]),
        ("The fire burned 2,000 hectares.", [("hectares", "measure")]),
        ("The EU pledged €500 million in aid.", [("euros", "money")]),
        ("Turnout was 61.5%.", [("percent", "percent")]),
        ("The quake killed 12 and left 45 wounded.", [("people", "casualties"), ("people", "casualties")]),
        ("Staff began a 48-hour strike.", [("hours", "measure")]),
        ("Thefts hit a five-year high.", [("years", "measure")]),
        ("A 3,000-strong force crossed the border.", [("force", "personnel")]),
        ("The number of people killed has risen to 212, officials said.", [("people", "casualties")]),
        ("The party won 61 of the 141 seats.", [("seats", "other"), ("seats", "other")]),
        ("A package valued at 7.2 billion zloty a year.", [("zlotys", "money")]),
        ("Monitors counted 19 destroyed armoured tanks.", [("tanks", "equipment")]),
        ("They counted 640 Dravenian and 210 Marovian military deaths.", [("deaths", "casualties"), ("deaths", "casualties")]),
        ("The magnitude 6.9 quake struck at dawn.", [("magnitude", "measure")]),
        ("Winds gusted at up to 70 km/h.", [("kilometres per hour", "measure")]),
        ("UN says 140,000 have fled the fighting.", [("people", "displaced")]),
        ("Fewer than 150 of its soldiers had been killed.", [("soldiers", "casualties")]),
        ("Malawi cholera cases pass 3,000.", [("cholera cases", "other")]),
        ("The number of cases reported so far this year has passed 3,200.", [("cases", "other")]),  # not "year"
        ("It will replace 49 second-hand F-16 jets.", [("jets", "equipment")]),
        ("Two people died and 17 others were hurt.", [("people", "casualties"), ("people", "casualties")]),
        ("The storm dumped 120 millimetres of rain.", [("millimetres", "measure")]),
        ("Floods covered 10 square miles of farmland.", [("square miles", "measure")]),
        ("Winds hit 80 miles per hour.", [("miles per hour", "measure")]),
        ("The mission said it had deployed 316 monitors across the country.", [("monitors", "personnel")]),
        ("The utility brought in 7,400 line workers from other states.", [("line workers", "personnel")]),
        ("Crews were backed by 95 fire engines on Tuesday.", [("fire engines", "equipment")]),
        ("Two bombs struck a school overnight.", [("bombs", "equipment")]),
        ("The council approved a budget of 48.3 billion lei for next year.", [("lei", "money")]),
        ("Organisers said 400,000 spectators lined the route.", [("spectators", "crowd")]),
        ("Organisers said 40,000 people attended the vigil.", [("people", "crowd")]),  # mass-event participants
        ("Officials said 52,000 crossings were recorded in a fortnight.", [("crossings", "displaced")]),
        ("The package includes 18 155mm howitzers.", [("howitzers", "equipment")]),
        # "and" with a noun of the same category and no figure of its own shares the count
        ("The government deployed roughly 1,100 soldiers and police officers.", [("soldiers and police officers", "personnel")]),
        ("The Red Cross said its 520 paramedics and volunteers were on duty.", [("paramedics and volunteers", "personnel")]),
        ("Some 200 soldiers and their commander surrendered.", [("soldiers", "personnel")]),
        ("It sent 45 soldiers and tanks.", [("soldiers", "personnel")]),
        ("Crews searched with two patrol boats and an aircraft.", [("patrol boats", "equipment")]),
        ("It sent 45 soldiers and 12 tanks.", [("soldiers", "personnel"), ("tanks", "equipment")]),
        ("He put the losses at 87 soldiers killed and 240 wounded.", [("soldiers", "casualties"), ("soldiers", "casualties")]),
        # the carried count points back to the people counted before it, not to its carrier
        ("A boat with 250 people landed, and a smaller boat carrying 36 arrived later.", [("people", "other"), (None, "other")]),
        ("The magnitude-6.8 tremor struck before dawn.", [("magnitude", "measure")]),  # one token to the tagger
        ("Russia launched 298 drones, then 355 the following night.", [("drones", "equipment")] * 2),  # no night
        # an item of a bracketed list counts what the list counts, not the item's name
        ("Deaths rose to 469, followed by Punjab (165) and Sindh (51).", [("deaths", "casualties"), (None, "casualties"), (None, "casualties")]),
        ("Strikes hit 12 combat armored vehicles and two cruise Kh-59 cruise missiles.",
         [("combat armored vehicles", "equipment"), ("cruise missiles", "equipment")]),  # the figure's own noun
        ("He said 2,000 people were dead, 9,000 injured and 1,300 houses damaged.",
         [("people", "casualties"), ("people", "casualties"), ("houses", "other")]),  # a list shares its people noun
        ("Two soldiers were killed and three wounded.", [("soldiers", "casualties"), ("soldiers", "casualties")]),
        ("At least 38 dead and 40 injured.", [("deaths", "casualties"), ("people", "casualties")]),
        ("He dismissed reports of 31 civilian deaths as fabricated.", [("deaths", "casualties")]),
        ("She added that 19 of the dead were children.", [("children", "casualties")]),
        ("At least 27 dead and dozens missing after boat capsizes", [("deaths", "casualties"), ("people", "casualties")]),
        ("The budget also covers 18 K9 self-propelled howitzers.", [("howitzers", "equipment")]),
        ("Officials estimated the crowd at 31,000 to 34,000 people.", [("people", "crowd")]),
        ("As many as 20 people could still be unaccounted for.", [("people", "casualties")]),
        ("The reception centre was holding 1,100 people on Monday.", [("people", "displaced")]),
        ("Nearly 19,000 people were sleeping in tents and schools.", [("people", "displaced")]),
        ("Officials said 171,400 citizens had been registered at border crossings.", [("citizens", "displaced")]),
        ("The island has a population of about 11,000.", [("people", "other")]),
        ('Her party had received "tens of thousands" of complaints about queues.', [("complaints", "other")]),
        ("Of the suspected cases, 412 have been confirmed by laboratory tests.", [("cases", "other")]),
        ("The network employs roughly 14,000 staff across its sites.", [("staff", "other")]),
        # A count of people takes the category of what its own verb says happens to them.
        ("Marovia says it killed 1,200 Dravenian troops in a week of fighting.", [("troops", "casualties")]),
        ("He put the army's own losses at 87 soldiers killed.", [("soldiers", "casualties")]),
        ("About 400 firefighters battled a fire that killed two people.", [("firefighters", "personnel"), ("people", "casualties")]),
        ("Some 1,200 troops killed 40 militants in the raid.", [("troops", "personnel"), ("militants", "casualties")]),
        # A count of one names its unit in the plural too; a singular head of a larger count is kept.
        ("One woman drowned when the boat sank.", [("women", "casualties")]),
        # "of the X's": the owner is not the counted noun; right after the figure it is
        ("Rebels seized 12 of the army's tanks.", [("tanks", "equipment")]),
        ("Police said 40 people's homes were destroyed.", [("people", "other")]),
        ("The quake destroyed 1 school and 40 homes.", [("schools", "other"), ("homes", "other")]),
        # a noun the parser reads as a modifier of the next noun is part of it; a headline's verb read as a noun is not
        ("The agency will lend six firefighting helicopters.", [("firefighting helicopters", "equipment")]),
        ("Thousands of soldiers battle 'fierce' blazes in Corvale", [("soldiers", "personnel")]),
        # "N, if not M, of X": both figures count X
        ("The storm damaged dozens, if not hundreds, of boats.", [("boats", "other"), ("boats", "other")]),
        # a crowd is counted in people
        ("Stewards put the crowd at 18,000.", [("people", "crowd")]),
    ],
)
def test_counted_unit(sentence, expected):
    assert [(unit.unit, unit.category) for unit in units_of(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Police put the figure at 12,000.",
        "The total number could eventually reach as high as 12,000.",
        "He said no more than nine had been damaged.",
        "Officials said 171,400 citizens had been registered at border crossings, of whom 38,000 had since left.",
    ],
)
def test_bare_figure_refers_back(sentence):
    assert units_of(sentence)[-1].refers_back


def test_reference_takes_previous_counted_head():
    resolved = resolve_references([
        Unit("special forces troops", "personnel"),
        Unit("percent", "percent"),
        Unit(None, "reference", refers_back=True),
    ])
    assert resolved[-1] == Unit("troops", "personnel")


def test_reference_to_an_updated_count_takes_the_unit_of_the_figure_it_updates():
    resolved = resolve_references(
        [Unit("refugees", "displaced"), Unit("villagers", "displaced"), Unit(None, "reference", refers_back=True)],
        [100_000, 2_000, 100_417],  # "100,000 refugees ... thousands of villagers ... the exact figure at 100,417"
    )
    assert resolved[-1] == Unit("refugees", "displaced")


def test_a_small_count_near_an_earlier_one_by_chance_takes_the_previous_unit():
    resolved = resolve_references(
        [Unit("vehicles", "equipment"), Unit("people", "casualties"), Unit(None, "casualties", refers_back=True)],
        [22, 27, 23],  # "22 vehicles ... 27 people had been found, with 23 rescued alive"
    )
    assert resolved[-1] == Unit("people", "casualties")


def test_reference_without_antecedent_is_other():
    assert resolve_references([Unit(None, "reference", refers_back=True)]) == [Unit(None, "other")]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Teachers' march: police say 18,000, organisers claim 75,000", [("people", "crowd"), ("people", "crowd")]),
        ("Thousands evacuated as river bursts its banks", [("people", "displaced")]),
        ("Mayor says the final figure could reach 12,000", [(None, "other")]),
    ],
)
def test_bare_figure_with_no_antecedent_counts_the_people_its_sentence_is_about(headline, expected):
    assert [(unit.unit, unit.category) for unit in resolve_references(units_of(headline))] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The museum opens on 54 designated days a year.", [("days", "measure")]),
        ("The charity appealed for 3.8 million Swiss francs.", [("francs", "money")]),
    ],
)
def test_noun_inside_the_figures_own_entity_is_read(sentence, expected):
    """spaCy tags "54 designated days" a DATE and "3.8 million Swiss francs" MONEY; the words inside are ours."""
    assert [(unit.unit, unit.category) for unit in units_of(sentence)] == expected


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Volcano live: 3,700 evacuated from the town as lava nears", ("people", "displaced")),
        ("Flood latest: 200 fled their homes overnight", ("people", "displaced")),
        ("Ferry disaster: 14 drowned off the coast", ("people", "casualties")),
        ("Tens of thousands rally in Lisbon against rent rises", ("people", "crowd")),
        ("Police say 3,000 rally outside parliament", ("people", "crowd")),
        ("Some 40,000 march through the capital", ("people", "crowd")),
        ("It was the largest since a rally which drew 80,000 in 2011.", ("people", "crowd")),
        # a bare present verb that the tagger reads as a noun, known to the lexicon only as a verb
        ("More than 4,000 flee militia raids in the north, agency says", ("people", "displaced")),
        ("Some 60 perish as overloaded ferry sinks", ("people", "casualties")),
    ],
)
def test_bare_figure_before_a_people_verb_counts_people(headline, expected):
    assert [(unit.unit, unit.category) for unit in units_of(headline)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Organisers held 1 rally in each town.", ("rallies", "other")),  # one rally is a rally
        ("Two rally organisers were arrested.", ("rally organisers", "other")),  # the noun is the organisers
        ("Five protest marches were held.", ("protest marches", "other")),
    ],
)
def test_a_people_verbs_noun_counted_as_itself(sentence, expected):
    assert [(unit.unit, unit.category) for unit in units_of(sentence)] == [expected]


def test_source_a_reporting_clause_describes_is_not_what_it_counts():
    units = units_of("Rallies were held across the country, with organisers claiming tens of thousands in some places.")
    assert [(unit.unit, unit.category, unit.refers_back) for unit in units] == [(None, "crowd", True)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Homes without power: about 12,400.", ("homes", False)),
        ("Visitors turned away at the gates: 1,200.", ("visitors", False)),
        ("Residents of the old town: 48,800.", ("residents", False)),
        ("Day visitors in peak season: up to 100,000 a day.", ("day visitors", False)),
        ("Officials gave one figure: 3,000.", (None, True)),
        ("Police said: 3,000.", (None, True)),
        ("Storm Corinne live: more than 600,000 without power.", (None, True)),
        ("Ukraine war latest: about 300 without shelter.", (None, True)),
        ("Madrid: 40,000 at the rally.", (None, True)),
    ],
)
def test_fact_box_line_counts_its_label(line, expected):
    """A fact-box line names its counted noun before the colon; a clause, a name or a live blog's tag does not."""
    unit = units_of(line)[-1]
    assert (unit.unit, unit.refers_back) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ferry carries up to 4,000 a day in summer.", None),
        ("Tickets cost 12 euros a head.", "euros"),
    ],
)
def test_rate_period_is_not_the_counted_noun(sentence, expected):
    assert units_of(sentence)[0].unit == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 60 emergency workers were at the scene.", ("emergency workers", "personnel")),
        ("The club deployed 200 stewards around the ground.", ("stewards", "personnel")),
        ("The canton sent 9 snow blowers to clear the pass.", ("snow blowers", "equipment")),
        ("The government will allocate 20 billion tugriks to herders.", ("tugriks", "money")),
        ("Garment workers demand a monthly wage of 19,000 taka.", ("taka", "money")),
        ("Some 4,300 asylum-seekers arrived by boat.", ("asylum-seekers", "displaced")),  # written as the text has it
        ("Sanctions were imposed on three companies based in Dubai.", ("companies", "other")),
        ("The number of vessels calling at the port rose by 300 to 14,250.", ("vessels", "other")),
        ("Strikes sank two ships in the harbour.", ("ships", "other")),
        ("The terminal handled 7 million TEU last year.", ("teu", "other")),
        ("Commuters waited 50 minutes for a train.", ("minutes", "measure")),
    ],
)
def test_taxonomy_entries(sentence, expected):
    """Crews and their machines are personnel and equipment; "companies" are firms and "vessels" merchant ships, not army units or arms."""
    unit = units_of(sentence)[0]
    assert (unit.unit, unit.category) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Branches would open on three days a week instead of five.", ("days", "measure")),
        ("The airline will run 40 flights a day rather than 60.", ("flights", "other")),
        ("Police counted 300 protesters, up from 120 last week.", ("protesters", "crowd")),
    ],
)
def test_bare_figure_set_against_another_takes_its_noun(sentence, expected):
    unit = units_of(sentence)[-1]
    assert (unit.unit, unit.category) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officials said 3,700 people had been moved out of the town overnight.", ("people", "displaced")),
        ("Police moved in as 3,000 people marched on parliament.", ("people", "crowd")),
    ],
)
def test_moved_people_are_displaced_unless_another_cue_says_otherwise(sentence, expected):
    unit = units_of(sentence)[0]
    assert (unit.unit, unit.category) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a plural nationality is the counted noun; before another noun it is an adjective and dropped
        ("Some 52,000 Moldovans have fled across the border.", [("moldovans", "displaced")]),
        ("Troops killed 40 Syrians in the raid.", [("syrians", "casualties")]),
        ("About 300 Georgian soldiers arrived.", [("soldiers", "personnel")]),
    ],
)
def test_a_plural_nationality_is_the_counted_people(sentence, expected):
    assert [(unit.unit, unit.category) for unit in units_of(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The average load has risen to 61 this year.", "load"),  # the noun it is said of; "this year" is when
        ("The government figure of patients was 5,551 that year.", "patients"),
    ],
)
def test_a_time_after_the_figure_is_not_its_unit(sentence, unit):
    assert units_of(sentence)[0].unit == unit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The number of injured passed 1,200 on Friday.", [("people", "casualties")]),
        # two conditions name no one counted noun: the figure points back (to "people" in a document)
        ("The number of dead and missing rose to 75.", [(None, "casualties")]),
        # each verb's object is its own: not the next verb's participle, nor the agent
        ("The landslide killed 14 and injured 60.", [("people", "casualties")] * 2),
        ("The cyclone killed 9 people and displaced 4,000.", [("people", "casualties"), ("people", "displaced")]),
        ("Firefighters evacuated 230 from the tower.", [("people", "displaced")]),
        ("The region has logged 9,400 confirmed or suspected cases.", [("cases", "other")]),  # two modifiers, one noun
        ("Officials fear 6,000 dead, missing after the storm.", [("people", "casualties")]),  # two conditions: people
        ("The quake left 300 homeless.", [("people", "displaced")]),
        ("Rescuers said the toll had reached 900, with about 300 still missing.",
         [("deaths", "casualties"), ("people", "casualties")]),
        # a present participle with its own object is a clause on the figure, which points back
        ("Some 9 million homes were hit, with 4 million suffering heavy damage.",
         [("homes", "other"), (None, "other")]),
    ],
)
def test_people_counted_by_a_participle_or_a_verbs_object(sentence, expected):
    assert [(unit.unit, unit.category) for unit in units_of(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # compared with a figure before a year, the bare one takes that figure's noun
        ("The slump in the number of bookings follows a quieter season: a total of 21,400 people in 2023 "
         "compared with 18,900 last year.", [("people", "other")] * 2),
        # a plural count before a singular reporting word points back: "5,400 forecast" forecasts arrivals
        ("Some 9,100 arrivals were recorded, up from 5,400 forecast in March.", [("arrivals", "other"), (None, "other")]),
    ],
)
def test_a_bare_figure_compared_or_forecast_takes_no_word_after_it(sentence, expected):
    assert [(unit.unit, unit.category) for unit in units_of(sentence)] == expected


def test_a_finite_verb_whose_noun_is_in_the_taxonomy_is_no_unit():
    frame = claims_from_text("Of 3,120 ballots returned, 2,044 voted to accept the offer.", published="2026-03-02")
    assert list(frame["unit"]) == ["ballots", "ballots"]  # the second counts the whole named before, not "voted"


def test_a_plus_after_a_figure_is_its_bound_not_its_unit():
    frame = claims_from_text("Some 9,000 households lost power. Another 4,000-plus were warned.", published="2026-03-02")
    assert list(frame["unit"]) == ["households", "households"]
    assert frame.iloc[1]["low"] == 4000


def test_a_target_or_deadline_a_figure_names_refers_back_to_what_it_counts():
    text = "The plan called for 800 medics by May. Officials said they would miss the 800 target and the 1,200 deadline."
    assert list(claims_from_text(text, published="2026-03-02")["unit"]) == ["medics"] * 3


def test_a_dash_set_off_by_spaces_ends_the_counted_phrase():
    frame = claims_from_text("Fighting displaces 6,000 - officials", published="2026-03-02")
    assert frame.iloc[0]["unit"] == "people"


def test_a_word_the_lexicon_also_knows_as_a_noun_stays_the_counted_noun():
    assert [unit.unit for unit in units_of("Crews used 12 rescue boats.")] == ["rescue boats"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The air force struck more than 1,600 targets overnight.", [("targets", "other", False)]),  # counted
        ("Arrivals passed the 20,000 mark on Monday.", [(None, "other", True)]),  # points back
    ],
)
def test_a_reference_noun_in_the_plural_counts_itself(sentence, expected):
    assert [(unit.unit, unit.category, unit.refers_back) for unit in units_of(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Of the 2,400 (61%) pharmacies, most reopened.", ["pharmacies", "percent"]),
        ("By Friday 860 of the 1,100 (78%) petrol stations were open.", ["petrol stations", "petrol stations", "percent"]),
    ],
)
def test_a_share_in_brackets_between_a_figure_and_its_noun_is_skipped(sentence, expected):
    assert [unit.unit for unit in units_of(sentence)] == expected


def test_a_count_set_beside_a_place_noun_does_not_count_that_noun():
    units = units_of("Most arrivals were recorded at the Veska checkpoint – 21,500, Dorno – 12,000 and Lisk – 9,800.")
    assert units[0] == Unit(None, "other", refers_back=True)


def test_what_the_part_of_a_whole_is_counts_before_the_whole():
    units = units_of("Of the 558 people who have died, 50 are children.")
    assert [unit.unit for unit in units] == ["people", "children"]


@pytest.mark.parametrize("sentence", ["Hundreds feared dead after ferry capsizes off Lanta",
                                      "At least 12 believed dead in mine collapse"])
def test_a_hedging_participle_between_a_count_and_its_condition_is_read_past(sentence):
    assert [(unit.unit, unit.category) for unit in units_of(sentence)] == [("deaths", "casualties")]


@pytest.mark.parametrize(
    "text",
    [
        "The quake killed 12 people. The quake measured 6.4 on the Richter scale.",
        "The flood killed 12 people. The earthquake was measured at 6.4 by the institute.",
        "The quake killed 12 people. The tremor, which registered 6.4, was felt in the capital.",
    ],
)
def test_a_bare_figure_an_event_is_measured_at_is_its_measure_not_an_earlier_count(text):
    assert list(claims_from_text(text)["unit"]) == ["people", "magnitude"]


def test_a_count_before_another_speakers_figure_does_not_take_that_speaker_as_its_noun():
    units = units_of("Organisers put the turnout at 250,000 and police at 48,000.")
    assert units[0].unit != "police"


@pytest.mark.parametrize(
    "sentence",
    ["Police said 23 people were arrested and four officers were slightly injured.",
     "Police said four officers were slightly injured and 23 people were detained."],
)
def test_people_held_by_the_authorities_are_not_casualties_of_the_sentence(sentence):
    categories = [unit.category for unit in units_of(sentence)]
    assert sorted(categories) == ["casualties", "other"]


def test_people_counted_through_a_whole_take_the_wholes_verb_and_a_clause_on_the_figure_is_no_noun():
    units = units_of("A total of 113 officers were injured, with four still receiving medical care.")
    assert units[0] == Unit("officers", "casualties")
    assert units[1].unit != "care"


def test_a_participle_the_tagger_reads_as_a_past_verb_still_modifies_the_counted_noun():
    units = units_of('"There were at least 56 confirmed heatstroke deaths across the country," the paper said.')
    assert units[0].unit == "deaths"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some 1.3 million protested tax reforms on Tuesday, the ministry said.", Unit("people", "crowd")),
        ("About 300 displaced families returned home.", Unit("families", "other")),  # a counted modifier
        ("Some 2,000 evacuated residents came back.", Unit("residents", "displaced")),  # a counted noun
    ],
)
def test_a_peoples_verb_read_as_a_modifier_of_its_object_is_the_figures_verb(sentence, expected):
    assert units_of(sentence)[0] == expected


def test_a_figure_before_an_inverted_object_counts_what_the_number_is_of():
    units = units_of("Rescuers found 12 survivors. The ministry estimated at 40,000 the number of people who fled.")
    assert units[1] == Unit("people", "displaced")


def test_a_part_out_of_a_whole_counts_the_wholes_noun():
    assert [unit.unit for unit in units_of("Only 12 out of 300 schools reopened.")] == ["schools", "schools"]


def test_a_title_case_headlines_plural_noun_is_read_as_its_singular_in_the_taxonomy():
    assert units_of("Around 40 Junta Troops Killed in Resistance Attacks")[0] == Unit("troops", "casualties")


def test_a_scaled_figure_before_a_measure_word_never_has_an_empty_unit():
    units = units_of("Emissions fell to just 383m tonnes of carbon dioxide equivalent in 2023.")
    assert units[0].unit == "tonnes"
