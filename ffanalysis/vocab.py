"""Controlled vocabularies: every allowed value, with what it means.

Each vocabulary is declared here once. The schema points its columns at them, validation
checks against them, `ff.load` turns them into ordered categoricals and the data dictionary
prints them with their meanings.
"""

from types import MappingProxyType

Vocabulary = MappingProxyType


def _vocabulary(**meanings: str) -> Vocabulary:
    return MappingProxyType(meanings)


QUALIFIER = _vocabulary(
    exact="A stated point figure: value_low equals value_high.",
    about="'About', 'around', 'some', 'roughly': value_low equals value_high.",
    at_least="'At least N': value_low is N, value_high is empty (open above).",
    more_than="'More than N', 'over N': value_low is N, value_high is empty (open above).",
    fewer_than="'Fewer than N', 'less than N': value_high is N, value_low is empty (open below).",
    up_to="'Up to N', 'as many as N': value_high is N, value_low is empty (open below).",
    range="'N to M', 'between N and M': value_low is N, value_high is M, N < M.",
    vague="No number is stated ('dozens', 'hundreds'): both values empty; the note gives the wording.",
)

METRIC = _vocabulary(
    volunteers_interested="People who applied, registered, contacted an embassy or said they wanted to go.",
    applications="Formal applications received.",
    applications_approved="Applications accepted.",
    volunteers_arrived="People who arrived or joined (a cumulative count of arrivals).",
    volunteers_departed="People who left, went home or were discharged.",
    fighters_active="People serving or on the ground at one point in time.",
    fighters_total="People who served at any time over a period (a cumulative total).",
    killed="Deaths, including 'eliminated' in Russian claims.",
    missing="People missing in action.",
    captured="People taken prisoner.",
    wounded="People wounded.",
    casualties="Killed and wounded together, where a source does not separate them.",
    disabled="Put out of action by injury or illness other than wounds (e.g. frostbite).",
    criminal_cases="Criminal cases opened, charges brought or prosecutions started.",
    convictions="Convictions and sentences, including in absentia.",
    origin_countries="Number of countries the volunteers came from.",
    pay="A pay level; the unit gives currency and period.",
    host_force="Size of the force the volunteers joined.",
    unit_strength="Strength of one unit the volunteers served in, locals included.",
    returned="People who returned home.",
    non_combatants="Foreign participants in non-combatant roles.",
    volunteers_projected="A forecast of how many might come.",
    travel_cost="What it costs a volunteer to reach the front.",
    share_for_money="Share of volunteers who came for the money, as a participant estimates it.",
    share_idealists="Share of volunteers who came out of conviction, as a participant estimates it.",
    share_women="Share of the volunteers who were women.",
    share_criminal_background="Share of volunteers with a criminal past, as a participant estimates it.",
)

UNIT = _vocabulary(
    persons="People.",
    countries="Countries.",
    cases="Criminal cases.",
    usd_per_month="US dollars per month.",
    eur_per_month="Euros per month.",
    uah_per_month="Ukrainian hryvnias per month.",
    rub_per_month="Russian roubles per month.",
    usd_lump_sum="US dollars, paid once.",
    rub_lump_sum="Russian roubles, paid once.",
    percent="Per cent.",
    battalions="Battalions.",
    persons_per_month="People per month (a rate of arrivals or contracts).",
    per_million_population="People per million inhabitants of the home country.",
)

SIDE_2022 = _vocabulary(
    ukraine="Fought for, or volunteered for, Ukraine.",
    russia="Fought for, or were recruited by, Russia (including the 2014-2019 separatists).",
)

SIDE = _vocabulary(
    **SIDE_2022,
    both="Both sides of the conflict together.",
    spanish_republic="The Spanish Republic (International Brigades and militias).",
    spanish_nationalists="Franco's Nationalists.",
    finland="Finland in the Winter War.",
    islamic_state="The Islamic State and other jihadist groups in Syria and Iraq.",
    kurdish_ypg="The Kurdish YPG and its allies in Syria.",
    afghan_mujahideen="The Afghan mujahideen against the Soviet Union.",
    bosnian_army="The army of the Republic of Bosnia and Herzegovina.",
)

CLAIMANT_TYPE = _vocabulary(
    ua_government="The Ukrainian state: president, ministries, armed forces, the Legion's command, embassies.",
    ru_government="The Russian state: Ministry of Defence, Investigative Committee, embassies, courts, state media.",
    ru_affiliated="Pro-Russian non-state sources, such as LostArmour or separatist authorities.",
    third_government="Any other government or its agencies (police, courts, ministries).",
    independent="Researchers, think tanks, NGOs, historians and independent open-source counts.",
    media="Journalists' own findings, and encyclopedia statements without attribution.",
    participant="Volunteers, commanders or recruiters speaking for themselves.",
)

LEGALITY = _vocabulary(
    illegal=(
        "The text says enlisting is illegal, barred or punishable for citizens in general "
        "(a ban that covers only serving soldiers does not count)."
    ),
    permission_required="Allowed only with a permit or approval from the government.",
    discouraged="The government discourages enlisting or does not encourage it; no ban is stated.",
    unclear="The text calls the legality unclear and states nothing stronger.",
    legal="Allowed, or no law prohibits it, and nothing stronger is stated.",
)
"""Ordered from the strongest restriction to the weakest: a country whose text states several
takes the first that applies."""

BRANCH = _vocabulary(
    legion="A standalone unit of the International Legion (Ground Forces).",
    intelligence="A unit of the International Legion of the Defence Intelligence of Ukraine (HUR).",
    affiliated="Another unit of foreign volunteers named in the sources.",
)

SOURCE_KIND = _vocabulary(
    news="A news report.",
    analysis="An analysis or opinion piece.",
    encyclopedia="An encyclopedia article.",
    dataset="A data set.",
    web_page="A web page cited through the reference notes.",
    report="A research report.",
    book="A book or a review of one.",
)
