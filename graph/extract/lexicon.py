"""The word lists the extraction rules read, keyed by edge type where they name one.

Lists hold lemmas (spaCy's lookup lemmatizer gives them on the blank pipeline),
lower-cased; multi-word entries are matched token by token. They are written
from the annotation guide and from how English reports these events, so adding
a synonym is a data change, not a code change.
"""

from __future__ import annotations

from alignkg.graph.ontology import EdgeType as T

# --- Commodities: what is transferred decides the type of a transfer (guide table) ------------
COMMODITIES: dict[T, frozenset[str]] = {
    T.ARMS_TRANSFER: frozenset("""
        weapon weaponry arm arms munition ammunition ammo shell artillery missile rocket drone uav uas
        tank jet fighter fighter-jet aircraft warplane helicopter bomber howitzer launcher himars atacms
        patriot interceptor torpedo warship submarine frigate rifle grenade mortar warhead bomb mine
        javelin stinger shahed storm shadow taurus f-16 f-35 j-10 s-400 mig-29 su-35 kinzhal iskander
        hwasong air-defense air-defence armor armour armored component lethal hardware materiel
        ordnance firearm gun cannon radar kamikaze loitering""".split()),
    T.MILITARY_SUPPORT: frozenset("""
        troop soldier personnel adviser advisor instructor trainer fighter-pilot mercenary volunteer
        intelligence training worker-soldier battalion brigade division unit""".split()),
    T.ENERGY_TRADE: frozenset("""
        oil crude gas lng coal fuel diesel petroleum gasoline uranium electricity power energy pipeline
        barrel petrochemical""".split()),
    T.TRADE: frozenset("""
        good goods product export import chip semiconductor technology tech component machinery grain
        wheat food fertilizer investment loan credit car vehicle equipment electronics mineral metal
        rare-earth steel aluminium aluminum system""".split()),
}
#: Words that make a transfer of "components", "technology" or "equipment" military.
MILITARY_QUALIFIERS = frozenset("""military weapon weapons warfighting dual-use defense defence lethal
    battlefield jet-fighter combat""".split())

# --- Transfer predicates: the giver is the subject, or (RECEIVE) the receiver is -----------------
GIVE_VERBS = frozenset("""supply provide send deliver sell ship transfer give export furnish arm equip
    donate hand resupply dispatch lend grant extend""".split())
RECEIVE_VERBS = frozenset("buy purchase import acquire receive obtain procure".split())
GIVE_NOUNS = frozenset("""supply supplies delivery deliveries shipment shipments sale sales transfer transfers
    export exports provision gift package packages aid assistance""".split())
#: Nouns of a transfer that say nothing of what moves: arms only with a military word ("military aid").
BARE_AID_NOUNS = frozenset("package packages aid assistance".split())
#: Qualifiers that make "aid", "assistance" or a "package" military.
MILITARY_AID_QUALIFIERS = frozenset("military lethal security defence defense weapons arms".split())
#: Verbs that put troops somewhere; support only with a purpose ("to help it defend the border").
DEPLOY_VERBS = frozenset("deploy station".split())
PURPOSE_VERBS = frozenset("help assist defend support protect reinforce train bolster".split())
RECEIVE_NOUNS = frozenset("purchase purchases import imports acquisition acquisitions".split())
#: Nouns for a deal or trade between two states that does not say who sells (guide rule 3).
EXCHANGE_NOUNS = frozenset("deal deals trade trades exchange exchanges cooperation agreement contract".split())
#: "importer of Iranian oil": the subject of the copula is the buyer.
BUYER_NOUNS = frozenset("importer buyer customer purchaser client".split())
SELLER_NOUNS = frozenset("exporter supplier seller provider".split())

# --- Strikes -----------------------------------------------------------------------------------
STRIKE_VERBS = frozenset("""attack strike bomb shell invade raid hit target bombard pound shoot fire
    launch assault use""".split())
#: Verbs that only make a strike with a weapon or attack noun as their object ("launched missiles at").
STRIKE_LAUNCH_VERBS = frozenset("launch fire shoot use".split())
STRIKE_NOUNS = frozenset("""attack attacks strike strikes airstrike airstrikes air-strike bombing bombings
    bombardment offensive counteroffensive counter-offensive invasion incursion raid raids shelling
    assault assaults war aggression barrage barrages salvo salvoes salvos""".split())
#: Strike nouns that need an explicit attacker and target to count ("the Ukraine war" gives nothing).
WEAK_STRIKE_NOUNS = frozenset({"war", "aggression"})

# --- Verbal conflict and cooperation -----------------------------------------------------------
CONDEMN_VERBS = frozenset("""condemn denounce criticise criticize slam accuse blame rebuke censure lambast
    decry castigate chastise assail deplore berate protest""".split())
CONDEMN_NOUNS = frozenset("""condemnation condemnations criticism denunciation rebuke accusation accusations
    protest protests""".split())
#: Words that, said by one state about another, plainly attack its conduct (criticism without the verb).
CRITICAL_WORDS = frozenset("""terrorist terror genocide despot despots aggressor aggression barbaric criminal
    cynical petty meritless lawless piracy blackmail hegemonism bullying illegal""".split())
CRITICAL_PHRASES = (("crossed", "a", "red", "line"), ("violation", "of", "international", "law"),
                    ("war", "crimes"), ("persona", "non", "grata"), ("abused",), ("politicised",),
                    ("politicized",), ("unjustifiably",),
                    ("lost", "lives"), ("cost", "lives"), ("costs", "lives"))
THREAT_VERBS = frozenset("threaten vow warn".split())
THREAT_NOUNS = frozenset("threat threats ultimatum".split())
#: Consequence nouns: "X would receive a crushing response", "severe consequences for X".
RESPONSE_NOUNS = frozenset("""response retaliation consequence consequences revenge reprisal reprisals
    countermeasure countermeasures""".split())
RESPOND_VERBS = frozenset("respond retaliate avenge".split())
SUPPORT_VERBS = frozenset("back support endorse defend champion stand".split())
SUPPORT_NOUN_QUALIFIERS = frozenset("political diplomatic verbal moral full strong firm unwavering steadfast".split())
SOLIDARITY_NOUNS = frozenset("solidarity support backing".split())
#: Nouns of support that need no qualifier: "solidarity" is never material.
PLAIN_SOLIDARITY = frozenset({"solidarity"})

# --- Sanctions ---------------------------------------------------------------------------------
SANCTION_VERBS = frozenset("sanction blacklist embargo".split())
SANCTION_NOUNS = frozenset("""sanction sanctions embargo embargoes restriction restrictions control controls
    ban tariff tariffs blacklisting""".split())
#: Verbs that put a sanction noun in force ("imposed sanctions on", "tightening restrictions on").
IMPOSE_VERBS = frozenset("""impose slap announce place level tighten expand extend introduce adopt unveil
    enforce widen add issue""".split())
#: "restricted the export of chips to China", "banned exports to the US".
RESTRICT_VERBS = frozenset("restrict ban curb limit constrict block halt suspend stop cut sever freeze".split())

# --- Alliances ---------------------------------------------------------------------------------
ALLIANCE_HEADS = frozenset("pact treaty alliance partnership agreement accord".split())
#: Qualifiers that make an agreement or partnership an alliance; a bare "agreement" is not one.
ALLIANCE_QUALIFIERS = frozenset("""defense defence mutual strategic security military no-limits no-limit
    comprehensive alliance partnership friendship""".split())
ALLIANCE_VERBS = frozenset("""sign ink conclude forge form seal establish declare pledge ratify upgrade have
    reaffirm renew strengthen""".split())

# --- Non-intervention: refusals to help (guide: non_intervention) -------------------------------
HELP_VERBS = frozenset("""intervene help aid assist defend rescue support join participate intercede
    protect""".split())
HELP_NOUNS = frozenset("help support aid assistance rescue backing".split())
REFUSE_VERBS = frozenset("refrain decline refuse".split())
#: Multi-word refusals matched on lower-cased tokens.
NON_INTERVENTION_PHRASES = (
    ("on", "the", "sidelines"), ("lift", "a", "finger"), ("stay", "neutral"), ("stays", "neutral"),
    ("stayed", "neutral"), ("staying", "neutral"), ("remain", "neutral"), ("remained", "neutral"),
    ("sit", "out"), ("sat", "out"),
)

# --- Military support --------------------------------------------------------------------------
ASSIST_VERBS = frozenset("assist help aid reinforce".split())
FIGHT_FOR = (("fight", "for"), ("fight", "alongside"), ("fighting", "for"), ("fighting", "alongside"),
             ("fought", "for"), ("fought", "alongside"))
BATTLEFIELD_NOUNS = frozenset("battlefield combat".split())

# --- Claims of alignment (guide rule 6) --------------------------------------------------------
CLAIM_NOUNS = frozenset("axis bloc front alliance alignment ally allies quartet union coalition club camp".split())
CLAIM_QUALIFIED = {"front": frozenset({"united", "common", "joint"}), "union": frozenset({"perfect"})}
CLAIM_ACRONYMS = frozenset({"crink"})

# --- Clause structure ----------------------------------------------------------------------------
#: Tokens that may stand between a subject and its verb without breaking the link.
SUBJECT_GAP = frozenset("""has have had is are was were be been being will would shall should can did does
    do also reportedly allegedly already previously recently later then now still first again further
    once just not n't never jointly both all together itself themselves officially openly publicly
    repeatedly quickly directly secretly since ever even only largely increasingly long""".split())
#: Verbs that take an infinitive without changing whether the event happened.
CONTROL_VERBS = frozenset("""continue begin start agree decide pledge promise vow move seek try manage
    resume keep go proceed""".split())
#: Markers that make an event only possible, planned or asked for: no fact (guide, Commitments).
MODAL_BLOCKERS = frozenset("""could might may plan intend consider weigh mull threaten ready readiness
    prepare propose seek want wish hope urge call ask demand authorise authorize allow permit
    pressure press encourage if whether unless""".split())
NEGATORS = frozenset("not n't never no nor neither without".split())
DENY_VERBS = frozenset("deny reject dismiss refute".split())
#: Predicates that deny a reported event ("reports that X sold missiles are not true").
DENIAL_PHRASES = (("not", "true"), ("a", "lie"), ("untrue",), ("false",), ("baseless",), ("groundless",),
                  ("fabricated",), ("fake",))
STOP_VERBS = frozenset("stop cease halt suspend end".split())
HEDGES = frozenset("""reportedly allegedly accuse accusation accusations claim claims suspected suspect
    presumably purportedly report reports rumoured rumored alleged allegation allegations believe
    according""".split())
SPEECH_VERBS = frozenset("""say tell add note state announce declare warn write post claim insist stress
    argue accord call""".split())
#: Nouns that stand for their state when a demonym or possessive precedes them.
AGENT_NOUNS = frozenset("""government administration regime authorities ministry ministries military army
    navy forces force troops air-force cabinet president prime premier minister chancellor leader king
    emir crown prince foreign defense defence spokesman spokeswoman spokesperson envoy ambassador
    diplomat diplomats official officials embassy consulate mission parliament congress legislature
    senate delegation secretary commander commanders general intelligence coast guard state side
    counterpart counterparts department office agency supreme security council jets warplanes
    aircraft drones missiles soldiers navy vessels ships""".split())
#: Heads after a demonym that are not the state acting (companies, people, rebels...).
NON_STATE_HEADS = frozenset("""company companies firm firms individual individuals citizen citizens national
    nationals people person persons refinery refineries refiner refiners business businesses entity
    entities bank banks hacker hackers rebel rebels militia militias group groups oligarch oligarchs
    media outlet outlets newspaper analyst analysts expert experts scholar scholars journalist
    journalists activist activists dissident dissidents opposition student students tourist tourists
    worker workers mercenary mercenaries man woman men women speaking-people speaker speakers teapot
    independent private exporter exporters importer importers manufacturer manufacturers producer
    producers customs chipmaker chipmakers maker makers airline airlines carrier carriers lender lenders
    startup startups conglomerate conglomerates""".split())
#: Nouns that make a preceding state a place: strikes on it count, it does not act.
PLACE_HEADS = frozenset("""territory territories soil city cities town towns region regions province
    village villages border land airspace waters coast port ports capital""".split())
#: Nouns for a non-state collective that block a subject search ("Western countries", "its allies").
COLLECTIVE_BLOCKERS = frozenset("""west allies partners countries nations states community world
    coalition members bloc""".split())
#: "the two countries", "both nations": references to two states of the nearby text.
PAIR_NOUNS = frozenset("countries nations states sides governments capitals neighbours neighbors".split())
SINGULAR_PRONOUNS = frozenset("it its he his she her".split())
PLURAL_PRONOUNS = frozenset("they their them".split())

#: Every word or lemma on which some rule starts its work: other positions are never visited as triggers.
DISPATCH = frozenset().union(
    GIVE_VERBS, RECEIVE_VERBS, GIVE_NOUNS, RECEIVE_NOUNS, EXCHANGE_NOUNS, BUYER_NOUNS, SELLER_NOUNS,
    STRIKE_VERBS, STRIKE_NOUNS, CONDEMN_VERBS, CONDEMN_NOUNS, SANCTION_VERBS, SANCTION_NOUNS, RESTRICT_VERBS,
    THREAT_VERBS, RESPOND_VERBS, RESPONSE_NOUNS, ALLIANCE_VERBS, ALLIANCE_HEADS, SUPPORT_VERBS,
    SOLIDARITY_NOUNS, ASSIST_VERBS, BATTLEFIELD_NOUNS, REFUSE_VERBS, DENY_VERBS, DEPLOY_VERBS,
    {"train", "invest"},
    {"participate", "offer", "offered", "offering", "offers", "exchange", "exchanges", "exchanged", "traded"},
)

# --- Lexicons the token index keeps positions for ------------------------------------------------
QUOTES = frozenset({'"', "“", "”", "«", "»"})
CLAIM_WORDS = CLAIM_NOUNS | CLAIM_ACRONYMS
#: Verbs by which officials make a claim of alignment ("touted a united front", "called Russia an ally").
CLAIM_VERBS = frozenset("""tout call describe hail praise label dub say declare confirm demonstrate warn brand
    accord""".split())
EXCHANGE_WORDS = frozenset({"exchange", "exchanges", "exchanged", "traded"})
ABSENCE_MARKERS = frozenset({"without", "instead", "lack"})
RIGHT_TO_DEFEND = ("right", "to", "defend")
#: Every phrase some rule looks for, by its first word; the sentence view matches them all at once.
PHRASES_BY_HEAD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in NON_INTERVENTION_PHRASES + DENIAL_PHRASES + CRITICAL_PHRASES + FIGHT_FOR + (RIGHT_TO_DEFEND,):
    PHRASES_BY_HEAD[_phrase[0]] = PHRASES_BY_HEAD.get(_phrase[0], ()) + (_phrase,)
PHRASE_HEADS = frozenset(PHRASES_BY_HEAD)
ALL_COMMODITY_WORDS = frozenset().union(*COMMODITIES.values())
#: Words that show a sentence is about an armed conflict.
CONFLICT_WORDS = frozenset("""war conflict attack attacks strike strikes airstrike aggression invasion offensive
    fighting fight military troops bombing missile missiles""".split())
#: The lexicons whose positions :class:`graph.extract.tokens.DocIndex` computes once per document.
INDEXED = (DISPATCH, HEDGES, SPEECH_VERBS, DENY_VERBS, CRITICAL_WORDS, EXCHANGE_WORDS, ABSENCE_MARKERS,
           CLAIM_WORDS, CLAIM_VERBS, QUOTES, ALL_COMMODITY_WORDS, MILITARY_QUALIFIERS, PHRASE_HEADS,
           CONFLICT_WORDS)
