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
class EdgeSpec:
    """What an edge type means: its roles, class, symmetry and description."""

    type: EdgeType
    subject_role: str
    object_role: str
    quad_class: QuadClass
    symmetric: bool
    description: str

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
    *,
    symmetric: bool = False,
) -> EdgeSpec:
    return EdgeSpec(edge_type, subject_role, object_role, quad_class, symmetric, description)


_MC, _VC = QuadClass.MATERIAL_COOPERATION, QuadClass.VERBAL_COOPERATION
_VX, _MX = QuadClass.VERBAL_CONFLICT, QuadClass.MATERIAL_CONFLICT

SPECS: dict[EdgeType, EdgeSpec] = {
    s.type: s
    for s in (
        _spec(EdgeType.ARMS_TRANSFER, "supplier", "recipient", _MC,
              "Weapons, drones, missiles, ammunition, military equipment or components sold, "
              "delivered or supplied; an arms deal between the two."),
        _spec(EdgeType.MILITARY_SUPPORT, "supporter", "supported", _MC,
              "Troops, advisers, training, intelligence, joint operations, fighting on the object's side."),
        _spec(EdgeType.ENERGY_TRADE, "seller", "buyer", _MC,
              "Oil, crude, gas, LNG, coal, refined fuel, nuclear fuel or electricity bought, sold, shipped."),
        _spec(EdgeType.TRADE, "seller", "buyer", _MC,
              "Other substantial trade, investment, loans and economic deals (not aid or donations)."),
        _spec(EdgeType.ALLIANCE, "party", "party", _MC,
              "A formal alliance, treaty, defence pact or strategic partnership signed or in force.",
              symmetric=True),
        _spec(EdgeType.DIPLOMATIC_SUPPORT, "supporter", "supported", _VC,
              "Explicit statements or votes of support, backing or solidarity."),
        _spec(EdgeType.CONDEMNATION, "critic", "criticised", _VX,
              "Condemns, denounces, criticises or accuses the object over its actions."),
        _spec(EdgeType.THREAT, "threatener", "threatened", _VX,
              "Threats of force, sanctions or retaliation."),
        _spec(EdgeType.NON_INTERVENTION, "abstainer", "left alone", QuadClass.NON_COOPERATION,
              "Refrains from, declines or refuses to intervene, help or defend the object in a conflict."),
        _spec(EdgeType.SANCTION, "imposer", "target", _MX,
              "Sanctions, embargoes, export controls, asset freezes, punitive tariffs."),
        _spec(EdgeType.MILITARY_STRIKE, "attacker", "attacked", _MX,
              "Attacks, air strikes, bombing, missile launches, invasions, offensives on the object."),
    )
}
