"""The edge types of the alignment graph: the one home of the ontology.

Everything else (extraction lexicons, RDF mapping, the query language, analysis
weights, the CLI) reads edge types from here, so adding or renaming a type is a
change in one place. The ids are those of the annotation guide (``arms_transfer``);
RDF names (``ArmsTransfer`` class, ``armsTransfer`` property) are derived, never
typed elsewhere. This module imports nothing from the rest of the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from alignkg.graph.errors import UnknownEdgeTypeError


class QuadClass(StrEnum):
    """The quad-class scheme of event data, plus non-cooperation.

    Verbal/material crossed with cooperation/conflict is the classic scheme of
    event datasets (CAMEO, ICEWS); ``non_cooperation`` holds a refusal to help,
    which the guide makes a fact of its own.
    """

    VERBAL_COOPERATION = "verbal_cooperation"
    MATERIAL_COOPERATION = "material_cooperation"
    VERBAL_CONFLICT = "verbal_conflict"
    MATERIAL_CONFLICT = "material_conflict"
    NON_COOPERATION = "non_cooperation"


class EdgeType(StrEnum):
    """The 11 typed edges between states, by their guide ids."""

    ARMS_TRANSFER = "arms_transfer"
    MILITARY_SUPPORT = "military_support"
    ENERGY_TRADE = "energy_trade"
    TRADE = "trade"
    ALLIANCE = "alliance"
    DIPLOMATIC_SUPPORT = "diplomatic_support"
    CONDEMNATION = "condemnation"
    THREAT = "threat"
    NON_INTERVENTION = "non_intervention"
    SANCTION = "sanction"
    MILITARY_STRIKE = "military_strike"

    @property
    def spec(self) -> EdgeSpec:
        """The specification of this type."""
        return SPECS[self]

    @classmethod
    def parse(cls, value: str | EdgeType) -> EdgeType:
        """Return the edge type named by ``value`` (id, RDF class or property name).

        Raises:
            UnknownEdgeTypeError: ``value`` names no edge type.

        Example:
            >>> EdgeType.parse("ArmsTransfer")
            <EdgeType.ARMS_TRANSFER: 'arms_transfer'>
        """
        if isinstance(value, EdgeType):
            return value
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        for edge_type in cls:
            spec = SPECS[edge_type]
            if key in (edge_type.value, spec.rdf_class.lower(), spec.rdf_property.lower()):
                return edge_type
        raise UnknownEdgeTypeError(value, [t.value for t in cls])


@dataclass(frozen=True, slots=True)
class EventCode:
    """Where an edge type sits in the event-data schemes, so our facts compare with GDELT, ICEWS and POLECAT.

    ``plover`` is the PLOVER event type (POLECAT's ontology); ``cameo`` the CAMEO code that
    fits the type best, whose first two digits are its CAMEO root; ``goldstein`` the Goldstein
    (1992) conflict-cooperation value of that code, from -10 (most hostile) to +10, as the
    CAMEO-Goldstein table GDELT publishes gives it.

    Example:
        >>> EdgeType.SANCTION.spec.event.cameo_root, EdgeType.SANCTION.spec.event.goldstein
        ('16', -8.0)
    """

    plover: str
    cameo: str
    goldstein: float

    @property
    def cameo_root(self) -> str:
        """The CAMEO root code (the first two digits, ``"06"``)."""
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class EdgeSpec:
    """What an edge type means: its roles, class, symmetry, description, and its event-data codes."""

    type: EdgeType
    subject_role: str
    object_role: str
    quad_class: QuadClass
    symmetric: bool
    description: str
    event: EventCode
    #: A sentence stating a fact of this type, ``{s}`` and ``{o}`` standing for the two states' names:
    #: the documentation's example, the benchmarks' synthetic news, and a test that the extractor reads it.
    example: str = ""
    #: The same for a deal named between the two without saying who supplies ("{s} and {o} concluded an
    #: arms deal": the guide's ``"directed": false``); empty for types whose facts always have a direction.
    deal_example: str = ""

    @property
    def rdf_class(self) -> str:
        """The local name of the RDF class of facts of this type (``ArmsTransfer``)."""
        return "".join(part.capitalize() for part in self.type.value.split("_"))

    @property
    def rdf_property(self) -> str:
        """The local name of the direct state-to-state property (``armsTransfer``)."""
        name = self.rdf_class
        return name[0].lower() + name[1:]

    @property
    def rdf_pair_property(self) -> str:
        """The local name of the orientation-free property between the two states (``armsTransferWith``).

        An undirected fact ("an arms deal between A and B") states only this one, in both
        orientations; a directed fact states its own property too, which is a subproperty of
        this one. A symmetric type's own property is already orientation-free (``alliance``).

        Example:
            >>> EdgeType.ARMS_TRANSFER.spec.rdf_pair_property, EdgeType.ALLIANCE.spec.rdf_pair_property
            ('armsTransferWith', 'alliance')
        """
        return self.rdf_property if self.symmetric else self.rdf_property + "With"

    @property
    def label(self) -> str:
        """A human label (``arms transfer``)."""
        return self.type.value.replace("_", " ")


def _spec(
    edge_type: EdgeType,
    subject_role: str,
    object_role: str,
    quad_class: QuadClass,
    description: str,
    event: tuple[str, str, float],
    example: str,
    *,
    deal_example: str = "",
    symmetric: bool = False,
) -> EdgeSpec:
    return EdgeSpec(edge_type, subject_role, object_role, quad_class, symmetric, description, EventCode(*event),
                    example, deal_example)


_MC, _VC = QuadClass.MATERIAL_COOPERATION, QuadClass.VERBAL_COOPERATION
_VX, _MX = QuadClass.VERBAL_CONFLICT, QuadClass.MATERIAL_CONFLICT

SPECS: dict[EdgeType, EdgeSpec] = {
    s.type: s
    for s in (
        _spec(EdgeType.ARMS_TRANSFER, "supplier", "recipient", _MC,
              "Weapons, drones, missiles, ammunition, military equipment or components sold, "
              "delivered or supplied; an arms deal between the two.",
              ("COOPERATE", "062", 7.4), "{s} delivered drones and artillery shells to {o}",
              deal_example="{s} and {o} concluded an arms deal covering fighter jets"),
        _spec(EdgeType.MILITARY_SUPPORT, "supporter", "supported", _MC,
              "Troops, advisers, training, intelligence, joint operations, fighting on the object's side.",
              ("AID", "072", 8.3), "{s} sent military advisers to train the forces of {o}"),
        _spec(EdgeType.ENERGY_TRADE, "seller", "buyer", _MC,
              "Oil, crude, gas, LNG, coal, refined fuel, nuclear fuel or electricity bought, sold, shipped.",
              ("COOPERATE", "061", 6.4), "{s} shipped crude oil to {o}",
              deal_example="{s} and {o} agreed on a gas deal"),
        _spec(EdgeType.TRADE, "seller", "buyer", _MC,
              "Other substantial trade, investment, loans and economic deals (not aid or donations).",
              ("COOPERATE", "061", 6.4), "{s} exported machinery and grain to {o}",
              deal_example="{s} and {o} expanded bilateral trade"),
        _spec(EdgeType.ALLIANCE, "party", "party", _MC,
              "A formal alliance, treaty, defence pact or strategic partnership signed or in force.",
              ("AGREE", "057", 8.0), "{s} and {o} signed a defence pact", symmetric=True),
        _spec(EdgeType.DIPLOMATIC_SUPPORT, "supporter", "supported", _VC,
              "Explicit statements or votes of support, backing or solidarity.",
              ("SUPPORT", "051", 3.4), "{s} voiced support for {o}"),
        _spec(EdgeType.CONDEMNATION, "critic", "criticised", _VX,
              "Condemns, denounces, criticises or accuses the object over its actions.",
              ("ACCUSE", "111", -2.0), "{s} condemned {o} over the detention of journalists"),
        _spec(EdgeType.THREAT, "threatener", "threatened", _VX,
              "Threats of force, sanctions or retaliation.",
              ("THREATEN", "130", -4.4), "{s} threatened {o} with retaliation"),
        _spec(EdgeType.NON_INTERVENTION, "abstainer", "left alone", QuadClass.NON_COOPERATION,
              "Refrains from, declines or refuses to intervene, help or defend the object in a conflict.",
              ("REJECT", "120", -4.0), "{s} refused to intervene on behalf of {o}"),
        _spec(EdgeType.SANCTION, "imposer", "target", _MX,
              "Sanctions, embargoes, export controls, asset freezes, punitive tariffs.",
              ("SANCTION", "163", -8.0), "{s} imposed sanctions on {o}"),
        _spec(EdgeType.MILITARY_STRIKE, "attacker", "attacked", _MX,
              "Attacks, air strikes, bombing, missile launches, invasions, offensives on the object.",
              ("ASSAULT", "190", -10.0), "{s} launched missiles at targets in {o}"),
    )
}


# --- the vocabulary: every ak: term the data uses, declared once --------------------------------------

class TermKind(StrEnum):
    """What an ``ak:`` term is: an OWL class or one of the three kinds of OWL property."""

    CLASS = "class"
    OBJECT = "object_property"
    DATA = "datatype_property"
    ANNOTATION = "annotation_property"


@dataclass(frozen=True, slots=True)
class Term:
    """One term of the vocabulary: its local name, kind, meaning, and the constraints of its use.

    ``domain`` names the classes whose instances carry the property (``ak:Fact``,
    ``schema:NewsArticle``, as CURIEs); ``range`` its values' class or datatype. ``required``
    and ``single`` are what the SHACL shapes check on every instance of the domain (at least
    one value, at most one). ``parents`` are superclasses or superproperties.

    Example:
        >>> TERMS["subject"].range, TERMS["subject"].required
        ('ak:State', True)
    """

    name: str
    kind: TermKind
    label: str
    comment: str
    domain: tuple[str, ...] = ()
    range: str | None = None
    required: bool = False
    single: bool = False
    parents: tuple[str, ...] = ()
    symmetric: bool = False
    pattern: str | None = None


def _term(name: str, kind: TermKind, label: str, comment: str, *domain: str, range: str | None = None,
          required: bool = False, single: bool = False, parents: tuple[str, ...] = (), symmetric: bool = False,
          pattern: str | None = None) -> Term:
    return Term(name, kind, label, comment, domain, range, required, single, parents, symmetric, pattern)


def _camel(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("_"))


_C, _O, _D, _A = TermKind.CLASS, TermKind.OBJECT, TermKind.DATA, TermKind.ANNOTATION
_FACT, _EV, _STATE, _DOC, _CLAIM = "ak:Fact", "ak:Evidence", "ak:State", "schema:NewsArticle", "ak:Claim"
_CURATION, _ASSERTION, _REVERSAL, _QUOTE = "ak:Curation", "ak:Assertion", "ak:Reversal", "schema:Quotation"
_BOOL, _DATE, _STR, _INT = "xsd:boolean", "xsd:date", "xsd:string", "xsd:integer"


def _fixed_terms() -> tuple[Term, ...]:
    return (
        _term("State", _C, "sovereign state", "A sovereign state, by its ISO 3166-1 alpha-3 code."),
        _term("Fact", _C, "fact", "A typed edge between two states, supported by evidence."),
        _term("Evidence", _C, "piece of evidence", "A sentence that supports a fact or a claim, located in its "
              "source by W3C Web Annotation selectors.", parents=("oa:Annotation",)),
        _term("Claim", _C, "claim of alignment", "Claimants say that the members form a bloc (guide rule 6); "
              "the members are not linked by edges: a claim is talk."),
        _term("subject", _O, "subject", "The state a fact goes from (for an undirected fact, the first in code "
              "order).", _FACT, range=_STATE, required=True, single=True),
        _term("object", _O, "object", "The state a fact goes to (for an undirected fact, the second in code "
              "order).", _FACT, range=_STATE, required=True, single=True),
        _term("edgeType", _D, "edge type", "The edge type id of a fact (arms_transfer...).", _FACT, range=_STR,
              required=True, single=True),
        _term("hedged", _D, "hedged", "On a piece of evidence: its sentence reports, attributes or alleges the "
              "event (guide rule 5). On a fact: every piece of its evidence is hedged.", _FACT, _EV, _CLAIM,
              range=_BOOL, required=True, single=True),
        _term("directed", _D, "directed", "On a fact: false when no text says which state is the subject (guide "
              "rule 3). On a piece of evidence: whether its sentence gives the direction.", _FACT, _EV,
              range=_BOOL, single=True),
        _term("firstSeen", _D, "first seen", "The earliest publication date of the articles that state the fact "
              "or claim; absent when none is dated.", _FACT, _CLAIM, range=_DATE, single=True),
        _term("lastSeen", _D, "last seen", "The latest publication date of the articles that state the fact or "
              "claim; absent when none is dated.", _FACT, _CLAIM, range=_DATE, single=True),
        _term("eventDate", _D, "event date", "On a piece of evidence: the date its sentence gives the event "
              "('on Tuesday', 'in March 2019'), resolved against the article's date; a month or a year is dated "
              "by its first day. On a fact or claim: the earliest event date of its evidence.", _FACT, _EV,
              _CLAIM, range=_DATE, single=True),
        _term("articleCount", _D, "article count", "The number of articles (sources documents) that state the "
              "fact or claim.", _FACT, _CLAIM, range=_INT, required=True, single=True),
        _term("sourceCount", _D, "source count", "The number of distinct sources (publishers: the domain of an "
              "article's URL, else its publisher's name, else the article itself) that state the fact or claim.",
              _FACT, _CLAIM, range=_INT, required=True, single=True),
        _term("evidenceCount", _D, "evidence count", "The number of pieces of evidence (sentences) that support "
              "the fact or claim.", _FACT, _CLAIM, range=_INT, required=True, single=True),
        _term("source", _D, "source", "The source an article (or the quotation an analyst cites) counts as when "
              "corroboration is counted: the domain of its URL without 'www.', else its publisher's name.", _DOC,
              _QUOTE, range=_STR, single=True),
        _term("retracted", _D, "retracted", "True when an analyst retracted the fact: it stays, with its "
              "evidence, for audit, but leaves listings, the analysis and the direct triples.", _FACT, range=_BOOL,
              single=True),
        _term("Curation", _C, "curation", "An analyst's correction of the graph (a PROV-O activity): who "
              "(prov:wasAssociatedWith), when (prov:endedAtTime), why (ak:reason), on which fact (ak:concerns). "
              "Records are never deleted: an undone one is the target of a reversal.", parents=("prov:Activity",)),
        _term("Assertion", _C, "assertion", "An analyst states a fact the extractor missed, quoting a sentence "
              "(ak:sentence) of a source (schema:url); the evidence it supplies lives in the record's own graph.",
              parents=(_CURATION,)),
        _term("Retraction", _C, "retraction", "An analyst retracts a wrong fact (ak:reason says why): the fact "
              "gets ak:retracted true, whichever article states it again.", parents=(_CURATION,)),
        _term("Reversal", _C, "reversal", "An analyst undoes an assertion (its evidence goes) or a retraction "
              "(the fact counts again).", parents=(_CURATION,)),
        _term("concerns", _O, "concerns", "The fact an analyst's record is about.", _CURATION, range=_FACT,
              required=True, single=True),
        _term("reason", _D, "reason", "Why the analyst made the record (required for a retraction).", _CURATION,
              range=_STR, single=True),
        _term("reverts", _O, "reverts", "The record a reversal undoes.", _REVERSAL, range=_CURATION,
              required=True, single=True),
        _term("apiKey", _D, "API key", "The fingerprint (the first 12 hexadecimal digits of the SHA-256) of the "
              "API key an HTTP request made the record with; never the key itself.", _CURATION, range=_STR,
              single=True, pattern="^[0-9a-f]{12}$"),
        _term("supports", _O, "supports", "The fact or claim a piece of evidence supports.", _EV, required=True),
        _term("article", _O, "article", "The ingested article a piece of evidence comes from. Evidence an analyst "
              "asserted has none: it is derived (prov:wasDerivedFrom) from the quoted source, a schema:Quotation.",
              _EV, range=_DOC, single=True),
        _term("sentence", _D, "sentence", "The sentence of a piece of evidence, as it stands in the article; on "
              "an assertion, the sentence the analyst quoted.", _EV, _ASSERTION, range=_STR, required=True,
              single=True),
        _term("claimant", _O, "claimant", "A state a piece of evidence says makes the claim.", _EV, range=_STATE),
        _term("member", _O, "member", "A state a claim puts in the bloc.", _CLAIM, range=_STATE,
              required=True),
        _term("textHash", _D, "text hash", "The SHA-256 of the article text (hexadecimal): whether an article id "
              "comes back with the same text.", _DOC, range=_STR, required=True, single=True,
              pattern="^[0-9a-f]{64}$"),
        _term("iso3", _D, "ISO 3166-1 alpha-3 code", "The state's ISO 3166-1 alpha-3 code, its identity.", _STATE,
              range=_STR, required=True, single=True, pattern="^[A-Z]{3}$"),
        _term("iso2", _D, "ISO 3166-1 alpha-2 code", "The state's ISO 3166-1 alpha-2 code.", _STATE, range=_STR,
              single=True, pattern="^[A-Z]{2}$"),
        _term("isoNumeric", _D, "ISO 3166-1 numeric code", "The state's ISO 3166-1 numeric code.", _STATE,
              range=_STR, single=True),
        _term("unMember", _D, "UN member", "Whether the state is a member of the United Nations.", _STATE,
              range=_BOOL, single=True),
        _term("extractorVersion", _D, "extractor version", "The version of the alignkg extractor an activity ran.",
              "prov:Activity", range=_STR, single=True),
        _term("factClass", _A, "fact class", "The class of the facts a direct state-to-state property stands for."),
        _term("subjectRole", _A, "subject role", "What the subject of a fact of this class is (supplier...)."),
        _term("objectRole", _A, "object role", "What the object of a fact of this class is (recipient...)."),
        _term("ploverType", _A, "PLOVER event type", "The PLOVER event type (POLECAT) facts of this class are "
              "(COOPERATE, ASSAULT...)."),
        _term("cameoCode", _A, "CAMEO code", "The CAMEO event code that fits facts of this class best."),
        _term("cameoRoot", _A, "CAMEO root code", "The CAMEO root code (two digits, 01 to 20) of facts of this "
              "class."),
        _term("goldstein", _A, "Goldstein weight", "The Goldstein (1992) conflict-cooperation value of the CAMEO "
              "code, from -10 to +10, for comparison with event datasets."),
    )


def _edge_terms() -> tuple[Term, ...]:
    terms = [_term(_camel(q.value), _C, q.value.replace("_", " "), f"Facts of the quad class {q.value}.",
                   parents=(_FACT,)) for q in QuadClass]
    for spec in SPECS.values():
        terms.append(_term(spec.rdf_class, _C, spec.label, spec.description,
                           parents=(f"ak:{_camel(spec.quad_class.value)}",)))
        pair = () if spec.symmetric else (f"ak:{spec.rdf_pair_property}",)
        terms.append(_term(spec.rdf_property, _O, f"{spec.label} ({spec.subject_role} to {spec.object_role})",
                           spec.description, _STATE, range=_STATE, parents=pair, symmetric=spec.symmetric))
        if not spec.symmetric:
            terms.append(_term(spec.rdf_pair_property, _O, f"{spec.label} with (either direction)",
                               f"The two states have a {spec.label} fact, directed or not; stated in both "
                               "orientations.", _STATE, range=_STATE, symmetric=True))
    return tuple(terms)


#: Every term of the ``ak:`` vocabulary, by local name: the closed set :data:`alignkg.graph.namespace.AK` allows.
TERMS: dict[str, Term] = {t.name: t for t in (*_fixed_terms(), *_edge_terms())}
