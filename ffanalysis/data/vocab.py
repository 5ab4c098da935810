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

LANGUAGE = _vocabulary(
    bg="Bulgarian",
    ja="Japanese",
    pt="Portuguese",
    ro="Romanian",
    ru="Russian",
    sv="Swedish",
    uk="Ukrainian",
)
"""Languages a quote may be in other than English, by their BCP 47 codes (a page's `lang`)."""

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

COUNTS = _vocabulary(
    interest="People who applied, registered or said they wanted to go: not people who came.",
    cumulative="Everyone who arrived, served, died or was taken at any time up to the figure's date.",
    at_one_time="People serving, or a force's strength, at one point in time.",
    subset=(
        "Only part of the group the row's side and country name: one unit, camp, profession or "
        "battle, the veterans among them, a sample."
    ),
    other_population=(
        "Not the foreign volunteers the row names, or mixed with others: everyone at a site, "
        "residents rather than citizens, regular troops a state sent, locals and foreigners together."
    ),
    not_people="Not a headcount: pay, costs, shares, countries, cases, rates.",
)
"""What kind of count a figure is. Only like kinds are compared or divided: a ratio of an
application count to a count of people serving would measure nothing."""

METRIC_COUNTS: dict[str, tuple[str, ...]] = {
    "volunteers_interested": ("interest",),
    "applications": ("interest",),
    "applications_approved": ("interest",),
    "volunteers_arrived": ("cumulative",),
    "volunteers_departed": ("cumulative",),
    "fighters_active": ("at_one_time",),
    "fighters_total": ("cumulative",),
    "killed": ("cumulative",),
    "missing": ("cumulative", "at_one_time"),
    "captured": ("cumulative", "at_one_time"),
    "wounded": ("cumulative",),
    "casualties": ("cumulative",),
    "disabled": ("cumulative",),
    "criminal_cases": ("cumulative",),
    "convictions": ("cumulative",),
    "origin_countries": (),
    "pay": (),
    "host_force": ("at_one_time", "cumulative"),
    "unit_strength": ("at_one_time",),
    "returned": ("cumulative",),
    "non_combatants": ("cumulative", "at_one_time"),
    "volunteers_projected": ("cumulative",),
    "travel_cost": (),
    "share_for_money": (),
    "share_idealists": (),
    "share_women": (),
    "share_criminal_background": (),
}
"""The kinds of count each metric's person counts can be, besides a subset or another
population; a metric with none is never a count of people (its rows are `not_people`)."""

PART_COUNTS = ("subset", "other_population")
"""Counts that are about part of the group, or about another group: never evidence, never summed."""

INTEREST_METRICS = ("volunteers_interested", "applications", "applications_approved")
"""People who wanted to go: a count of interest, not of people who came."""

CAME_METRICS = ("volunteers_arrived", "fighters_total")
"""Cumulative counts of volunteers who came: everyone who arrived or served up to a date."""

SERVING_METRICS = ("fighters_active",)
"""Counts of volunteers serving at one time."""

HEADCOUNT_METRICS = (*INTEREST_METRICS, *CAME_METRICS, *SERVING_METRICS)
"""Every count of volunteers themselves: how many wanted to go, came, or served at one time."""

CORRECTED_TABLES = _vocabulary(
    sources="sources.csv",
    conflicts="conflicts.csv",
    claims="claims.csv",
    historical="historical.csv",
    casualties="casualties.csv",
    legal_stances="legal_stances.csv",
    units="units.csv",
    conditions="conditions.csv",
)
"""The curated tables whose rows a correction can name."""

ROLE = _vocabulary(
    combatant="Fought, or served in a fighting unit, as the source tells it.",
    non_combatant="Was there as an aid worker, medic, journalist or evacuating civilians.",
    unknown="The source does not say what the person was doing.",
)

TOPIC = _vocabulary(
    contract_length="How long a volunteer signs up for.",
    sanction="A penalty other than prison: a fine, a loss of pension, a travel ban.",
    citizenship_loss="Losing (or being threatened with losing) one's citizenship.",
    other="Another term of service or legal consequence, with no figure to count.",
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


def _check_metric_counts() -> None:
    """Every metric has its kinds of count, and they are kinds the vocabulary declares."""
    if set(METRIC_COUNTS) != set(METRIC):
        raise ValueError(f"METRIC_COUNTS and METRIC differ: {set(METRIC_COUNTS) ^ set(METRIC)}")
    unknown = {kind for kinds in METRIC_COUNTS.values() for kind in kinds} - set(COUNTS)
    groups = {*INTEREST_METRICS, *CAME_METRICS, *SERVING_METRICS} - set(METRIC)
    if unknown or groups or set(PART_COUNTS) - set(COUNTS):
        raise ValueError(f"unknown kinds of count or metrics: {unknown | groups}")


_check_metric_counts()
