"""The pattern compiler, tested by running its SPARQL on a small hand-written dataset in pyoxigraph.

The dataset follows docs/rdf-model.md: states in the reference graph; facts, with their
direct triples, in the facts graph; one named graph per article with its evidence.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pyoxigraph import RdfFormat, Store

from alignkg.graph.errors import InvalidInputError
from alignkg.graph.ontology import EdgeType
from alignkg.graph.query import StateTerm, compile_pattern, compile_query, parse
from alignkg.graph.query.ast import Pattern, Query, Variable

FACT = "https://w3id.org/alignkg/fact/"
EVIDENCE = "https://w3id.org/alignkg/evidence/"

DATASET = r"""
@prefix ak: <https://w3id.org/alignkg/ontology#> .
@prefix state: <https://w3id.org/alignkg/state/> .
@prefix fact: <https://w3id.org/alignkg/fact/> .
@prefix evidence: <https://w3id.org/alignkg/evidence/> .
@prefix article: <https://w3id.org/alignkg/article/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix activity: <https://w3id.org/alignkg/activity/> .

<https://w3id.org/alignkg/graph/reference> {
  state:IRN a ak:State ; rdfs:label "Iran"@en ; ak:iso3 "IRN" ; ak:iso2 "IR" ; ak:isoNumeric "364" ;
      ak:unMember true ; owl:sameAs wd:Q794 .
  state:RUS a ak:State ; rdfs:label "Russia"@en ; ak:iso3 "RUS" ; ak:iso2 "RU" ; ak:isoNumeric "643" ;
      ak:unMember true ; owl:sameAs wd:Q159 .
  state:USA a ak:State ; rdfs:label "United States"@en ; ak:iso3 "USA" ; ak:iso2 "US" ; ak:isoNumeric "840" ;
      ak:unMember true ; owl:sameAs wd:Q30 .
  state:UKR a ak:State ; rdfs:label "Ukraine"@en ; ak:iso3 "UKR" ; ak:iso2 "UA" ; ak:isoNumeric "804" ;
      ak:unMember true ; owl:sameAs wd:Q212 .
  state:PRK a ak:State ; rdfs:label "North Korea"@en ; ak:iso3 "PRK" ; ak:iso2 "KP" ; ak:isoNumeric "408" ;
      ak:unMember true ; owl:sameAs wd:Q423 .
  state:CHN a ak:State ; rdfs:label "China"@en ; ak:iso3 "CHN" ; ak:iso2 "CN" ; ak:isoNumeric "156" ;
      ak:unMember true ; owl:sameAs wd:Q148 .
  state:IND a ak:State ; rdfs:label "India"@en ; ak:iso3 "IND" ; ak:iso2 "IN" ; ak:isoNumeric "356" ;
      ak:unMember true ; owl:sameAs wd:Q668 .
  state:ISR a ak:State ; rdfs:label "Israel"@en ; ak:iso3 "ISR" ; ak:iso2 "IL" ; ak:isoNumeric "376" ;
      ak:unMember true ; owl:sameAs wd:Q801 .
  state:GBR a ak:State ; rdfs:label "United Kingdom"@en ; ak:iso3 "GBR" ; ak:iso2 "GB" ; ak:isoNumeric "826" ;
      ak:unMember true ; owl:sameAs wd:Q145 .
  activity:extractor\/0.1.0 a prov:Activity ; rdfs:label "alignkg extractor 0.1.0" ; ak:extractorVersion "0.1.0" .
}

<https://w3id.org/alignkg/graph/facts> {
  fact:f01 a ak:ArmsTransfer ; ak:subject state:PRK ; ak:object state:RUS ; ak:edgeType "arms_transfer" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2023-09-13"^^xsd:date ; ak:lastSeen "2024-06-20"^^xsd:date .
  state:PRK ak:armsTransfer state:RUS .

  # a deal named without saying who sells: undirected (rule 3)
  fact:f02 a ak:ArmsTransfer ; ak:subject state:IRN ; ak:object state:RUS ; ak:edgeType "arms_transfer" ;
      ak:hedged false ; ak:directed false ;
      ak:firstSeen "2022-10-20"^^xsd:date ; ak:lastSeen "2022-10-20"^^xsd:date .
  state:IRN ak:armsTransfer state:RUS .

  fact:f03 a ak:EnergyTrade ; ak:subject state:CHN ; ak:object state:RUS ; ak:edgeType "energy_trade" ;
      ak:hedged false ; ak:directed false ;
      ak:firstSeen "2024-03-01"^^xsd:date ; ak:lastSeen "2024-03-01"^^xsd:date .
  state:CHN ak:energyTrade state:RUS .

  fact:f04 a ak:EnergyTrade ; ak:subject state:RUS ; ak:object state:IND ; ak:edgeType "energy_trade" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2023-05-01"^^xsd:date ; ak:lastSeen "2023-05-01"^^xsd:date .
  state:RUS ak:energyTrade state:IND .

  # symmetric: one resource, codes in sorted order, whatever ak:directed says
  fact:f05 a ak:Alliance ; ak:subject state:PRK ; ak:object state:RUS ; ak:edgeType "alliance" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2024-06-20"^^xsd:date ; ak:lastSeen "2024-06-20"^^xsd:date .
  state:PRK ak:alliance state:RUS .

  fact:f06 a ak:Condemnation ; ak:subject state:RUS ; ak:object state:USA ; ak:edgeType "condemnation" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2025-06-24"^^xsd:date ; ak:lastSeen "2025-06-24"^^xsd:date .
  state:RUS ak:condemnation state:USA .

  fact:f07 a ak:MilitaryStrike ; ak:subject state:USA ; ak:object state:IRN ; ak:edgeType "military_strike" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2025-06-24"^^xsd:date ; ak:lastSeen "2025-06-24"^^xsd:date .
  state:USA ak:militaryStrike state:IRN .

  fact:f08 a ak:MilitaryStrike ; ak:subject state:ISR ; ak:object state:IRN ; ak:edgeType "military_strike" ;
      ak:hedged true ; ak:directed true ;
      ak:firstSeen "2025-06-13"^^xsd:date ; ak:lastSeen "2025-06-13"^^xsd:date .
  state:ISR ak:militaryStrike state:IRN .

  fact:f09 a ak:Sanction ; ak:subject state:USA ; ak:object state:IRN ; ak:edgeType "sanction" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2025-06-24"^^xsd:date ; ak:lastSeen "2025-06-24"^^xsd:date .
  state:USA ak:sanction state:IRN .

  fact:f10 a ak:Condemnation ; ak:subject state:IRN ; ak:object state:USA ; ak:edgeType "condemnation" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2025-06-24"^^xsd:date ; ak:lastSeen "2025-06-24"^^xsd:date .
  state:IRN ak:condemnation state:USA .

  fact:f11 a ak:MilitarySupport ; ak:subject state:USA ; ak:object state:UKR ; ak:edgeType "military_support" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2024-04-01"^^xsd:date ; ak:lastSeen "2024-04-01"^^xsd:date .
  state:USA ak:militarySupport state:UKR .

  fact:f12 a ak:ArmsTransfer ; ak:subject state:GBR ; ak:object state:UKR ; ak:edgeType "arms_transfer" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2024-04-01"^^xsd:date ; ak:lastSeen "2024-04-01"^^xsd:date .
  state:GBR ak:armsTransfer state:UKR .

  fact:f13 a ak:Threat ; ak:subject state:IRN ; ak:object state:USA ; ak:edgeType "threat" ;
      ak:hedged false ; ak:directed true ;
      ak:firstSeen "2025-07-10"^^xsd:date ; ak:lastSeen "2025-07-10"^^xsd:date .
  state:IRN ak:threat state:USA .

  # from an undated article: no ak:firstSeen / ak:lastSeen
  fact:f14 a ak:Trade ; ak:subject state:IRN ; ak:object state:CHN ; ak:edgeType "trade" ;
      ak:hedged false ; ak:directed true .
  state:IRN ak:trade state:CHN .
}

<https://w3id.org/alignkg/graph/article/summit-2023> {
  article:summit-2023 a schema:NewsArticle ; schema:identifier "summit-2023" ;
      schema:headline "Kim meets Putin" ; schema:url <https://example.org/summit-2023> ;
      schema:datePublished "2023-09-13"^^xsd:date ; schema:publisher article:summit-2023\#publisher ;
      schema:text "Kim Jong Un met Vladimir Putin at Vostochny. North Korea agreed to supply Russia with artillery shells." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000001" .
  article:summit-2023\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e01 a ak:Evidence, oa:Annotation ; ak:supports fact:f01 ; oa:hasBody fact:f01 ;
      ak:article article:summit-2023 ;
      ak:sentence "North Korea agreed to supply Russia with artillery shells." ; ak:hedged false ;
      oa:hasTarget evidence:e01\#target ; prov:wasDerivedFrom article:summit-2023 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e01\#target a oa:SpecificResource ; oa:hasSource article:summit-2023 ;
      oa:hasSelector evidence:e01\#quote, evidence:e01\#position .
  evidence:e01\#quote a oa:TextQuoteSelector ; oa:exact "North Korea agreed to supply Russia with artillery shells." .
  evidence:e01\#position a oa:TextPositionSelector ; oa:start 45 ; oa:end 103 .
}

<https://w3id.org/alignkg/graph/article/shells-2024> {
  article:shells-2024 a schema:NewsArticle ; schema:identifier "shells-2024" ;
      schema:headline "More shells" ; schema:url <https://example.org/shells-2024> ;
      schema:datePublished "2024-06-20"^^xsd:date ; schema:publisher article:shells-2024\#publisher ;
      schema:text "North Korea shipped more shells to Russia. Pyongyang and Moscow signed a mutual defence pact." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000002" .
  article:shells-2024\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e02 a ak:Evidence, oa:Annotation ; ak:supports fact:f01 ; oa:hasBody fact:f01 ;
      ak:article article:shells-2024 ;
      ak:sentence "North Korea shipped more shells to Russia." ; ak:hedged false ;
      oa:hasTarget evidence:e02\#target ; prov:wasDerivedFrom article:shells-2024 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e02\#target a oa:SpecificResource ; oa:hasSource article:shells-2024 ;
      oa:hasSelector evidence:e02\#quote, evidence:e02\#position .
  evidence:e02\#quote a oa:TextQuoteSelector ; oa:exact "North Korea shipped more shells to Russia." .
  evidence:e02\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 42 .
  evidence:e03 a ak:Evidence, oa:Annotation ; ak:supports fact:f05 ; oa:hasBody fact:f05 ;
      ak:article article:shells-2024 ;
      ak:sentence "Pyongyang and Moscow signed a mutual defence pact." ; ak:hedged false ;
      oa:hasTarget evidence:e03\#target ; prov:wasDerivedFrom article:shells-2024 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e03\#target a oa:SpecificResource ; oa:hasSource article:shells-2024 ;
      oa:hasSelector evidence:e03\#quote, evidence:e03\#position .
  evidence:e03\#quote a oa:TextQuoteSelector ; oa:exact "Pyongyang and Moscow signed a mutual defence pact." .
  evidence:e03\#position a oa:TextPositionSelector ; oa:start 43 ; oa:end 93 .
}

<https://w3id.org/alignkg/graph/article/drones-2022> {
  article:drones-2022 a schema:NewsArticle ; schema:identifier "drones-2022" ;
      schema:headline "Drone deal" ; schema:url <https://example.org/drones-2022> ;
      schema:datePublished "2022-10-20"^^xsd:date ;
      schema:publisher article:drones-2022\#publisher ;
      schema:text "Iran and Russia struck a deal on drones." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000003" .
  article:drones-2022\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e04 a ak:Evidence, oa:Annotation ; ak:supports fact:f02 ; oa:hasBody fact:f02 ;
      ak:article article:drones-2022 ;
      ak:sentence "Iran and Russia struck a deal on drones." ; ak:hedged false ;
      oa:hasTarget evidence:e04\#target ; prov:wasDerivedFrom article:drones-2022 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e04\#target a oa:SpecificResource ; oa:hasSource article:drones-2022 ;
      oa:hasSelector evidence:e04\#quote, evidence:e04\#position .
  evidence:e04\#quote a oa:TextQuoteSelector ; oa:exact "Iran and Russia struck a deal on drones." .
  evidence:e04\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 40 .
}

<https://w3id.org/alignkg/graph/article/gas-2024> {
  article:gas-2024 a schema:NewsArticle ; schema:identifier "gas-2024" ;
      schema:headline "Gas deal" ; schema:url <https://example.org/gas-2024> ;
      schema:datePublished "2024-03-01"^^xsd:date ;
      schema:publisher article:gas-2024\#publisher ;
      schema:text "Russia and China agreed a new gas deal." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000004" .
  article:gas-2024\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e05 a ak:Evidence, oa:Annotation ; ak:supports fact:f03 ; oa:hasBody fact:f03 ;
      ak:article article:gas-2024 ;
      ak:sentence "Russia and China agreed a new gas deal." ; ak:hedged false ;
      oa:hasTarget evidence:e05\#target ; prov:wasDerivedFrom article:gas-2024 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e05\#target a oa:SpecificResource ; oa:hasSource article:gas-2024 ;
      oa:hasSelector evidence:e05\#quote, evidence:e05\#position .
  evidence:e05\#quote a oa:TextQuoteSelector ; oa:exact "Russia and China agreed a new gas deal." .
  evidence:e05\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 39 .
}

<https://w3id.org/alignkg/graph/article/crude-2023> {
  article:crude-2023 a schema:NewsArticle ; schema:identifier "crude-2023" ;
      schema:headline "Discounted crude" ; schema:url <https://example.org/crude-2023> ;
      schema:datePublished "2023-05-01"^^xsd:date ;
      schema:publisher article:crude-2023\#publisher ;
      schema:text "Russia sold discounted crude to India." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000005" .
  article:crude-2023\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e06 a ak:Evidence, oa:Annotation ; ak:supports fact:f04 ; oa:hasBody fact:f04 ;
      ak:article article:crude-2023 ;
      ak:sentence "Russia sold discounted crude to India." ; ak:hedged false ;
      oa:hasTarget evidence:e06\#target ; prov:wasDerivedFrom article:crude-2023 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e06\#target a oa:SpecificResource ; oa:hasSource article:crude-2023 ;
      oa:hasSelector evidence:e06\#quote, evidence:e06\#position .
  evidence:e06\#quote a oa:TextQuoteSelector ; oa:exact "Russia sold discounted crude to India." .
  evidence:e06\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 38 .
}

<https://w3id.org/alignkg/graph/article/strikes-2025> {
  article:strikes-2025 a schema:NewsArticle ; schema:identifier "strikes-2025" ;
      schema:headline "Strikes on Iran" ; schema:url <https://example.org/strikes-2025> ;
      schema:datePublished "2025-06-24"^^xsd:date ;
      schema:publisher article:strikes-2025\#publisher ;
      schema:text "The United States bombed Iranian nuclear sites. Russia condemned the United States. Washington imposed new sanctions on Iran. Iran condemned the United States." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000006" .
  article:strikes-2025\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e07 a ak:Evidence, oa:Annotation ; ak:supports fact:f07 ; oa:hasBody fact:f07 ;
      ak:article article:strikes-2025 ;
      ak:sentence "The United States bombed Iranian nuclear sites." ; ak:hedged false ;
      oa:hasTarget evidence:e07\#target ; prov:wasDerivedFrom article:strikes-2025 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e07\#target a oa:SpecificResource ; oa:hasSource article:strikes-2025 ;
      oa:hasSelector evidence:e07\#quote, evidence:e07\#position .
  evidence:e07\#quote a oa:TextQuoteSelector ; oa:exact "The United States bombed Iranian nuclear sites." .
  evidence:e07\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 47 .
  evidence:e08 a ak:Evidence, oa:Annotation ; ak:supports fact:f06 ; oa:hasBody fact:f06 ;
      ak:article article:strikes-2025 ;
      ak:sentence "Russia condemned the United States." ; ak:hedged false ;
      oa:hasTarget evidence:e08\#target ; prov:wasDerivedFrom article:strikes-2025 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e08\#target a oa:SpecificResource ; oa:hasSource article:strikes-2025 ;
      oa:hasSelector evidence:e08\#quote, evidence:e08\#position .
  evidence:e08\#quote a oa:TextQuoteSelector ; oa:exact "Russia condemned the United States." .
  evidence:e08\#position a oa:TextPositionSelector ; oa:start 48 ; oa:end 83 .
  evidence:e09 a ak:Evidence, oa:Annotation ; ak:supports fact:f09 ; oa:hasBody fact:f09 ;
      ak:article article:strikes-2025 ;
      ak:sentence "Washington imposed new sanctions on Iran." ; ak:hedged false ;
      oa:hasTarget evidence:e09\#target ; prov:wasDerivedFrom article:strikes-2025 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e09\#target a oa:SpecificResource ; oa:hasSource article:strikes-2025 ;
      oa:hasSelector evidence:e09\#quote, evidence:e09\#position .
  evidence:e09\#quote a oa:TextQuoteSelector ; oa:exact "Washington imposed new sanctions on Iran." .
  evidence:e09\#position a oa:TextPositionSelector ; oa:start 84 ; oa:end 125 .
  evidence:e10 a ak:Evidence, oa:Annotation ; ak:supports fact:f10 ; oa:hasBody fact:f10 ;
      ak:article article:strikes-2025 ;
      ak:sentence "Iran condemned the United States." ; ak:hedged false ;
      oa:hasTarget evidence:e10\#target ; prov:wasDerivedFrom article:strikes-2025 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e10\#target a oa:SpecificResource ; oa:hasSource article:strikes-2025 ;
      oa:hasSelector evidence:e10\#quote, evidence:e10\#position .
  evidence:e10\#quote a oa:TextQuoteSelector ; oa:exact "Iran condemned the United States." .
  evidence:e10\#position a oa:TextPositionSelector ; oa:start 126 ; oa:end 159 .
}

<https://w3id.org/alignkg/graph/article/israel-2025> {
  article:israel-2025 a schema:NewsArticle ; schema:identifier "israel-2025" ;
      schema:headline "Overnight strike" ; schema:url <https://example.org/israel-2025> ;
      schema:datePublished "2025-06-13"^^xsd:date ;
      schema:publisher article:israel-2025\#publisher ;
      schema:text "Israel reportedly struck Iran overnight." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000007" .
  article:israel-2025\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e11 a ak:Evidence, oa:Annotation ; ak:supports fact:f08 ; oa:hasBody fact:f08 ;
      ak:article article:israel-2025 ;
      ak:sentence "Israel reportedly struck Iran overnight." ; ak:hedged true ;
      oa:hasTarget evidence:e11\#target ; prov:wasDerivedFrom article:israel-2025 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e11\#target a oa:SpecificResource ; oa:hasSource article:israel-2025 ;
      oa:hasSelector evidence:e11\#quote, evidence:e11\#position .
  evidence:e11\#quote a oa:TextQuoteSelector ; oa:exact "Israel reportedly struck Iran overnight." .
  evidence:e11\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 40 .
}

<https://w3id.org/alignkg/graph/article/aid-2024> {
  article:aid-2024 a schema:NewsArticle ; schema:identifier "aid-2024" ;
      schema:headline "Aid to Ukraine" ; schema:url <https://example.org/aid-2024> ;
      schema:datePublished "2024-04-01"^^xsd:date ;
      schema:publisher article:aid-2024\#publisher ;
      schema:text "The United States sent military advisers to Ukraine. Britain delivered missiles to Ukraine." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000008" .
  article:aid-2024\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e12 a ak:Evidence, oa:Annotation ; ak:supports fact:f11 ; oa:hasBody fact:f11 ;
      ak:article article:aid-2024 ;
      ak:sentence "The United States sent military advisers to Ukraine." ; ak:hedged false ;
      oa:hasTarget evidence:e12\#target ; prov:wasDerivedFrom article:aid-2024 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e12\#target a oa:SpecificResource ; oa:hasSource article:aid-2024 ;
      oa:hasSelector evidence:e12\#quote, evidence:e12\#position .
  evidence:e12\#quote a oa:TextQuoteSelector ; oa:exact "The United States sent military advisers to Ukraine." .
  evidence:e12\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 52 .
  evidence:e13 a ak:Evidence, oa:Annotation ; ak:supports fact:f12 ; oa:hasBody fact:f12 ;
      ak:article article:aid-2024 ;
      ak:sentence "Britain delivered missiles to Ukraine." ; ak:hedged false ;
      oa:hasTarget evidence:e13\#target ; prov:wasDerivedFrom article:aid-2024 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e13\#target a oa:SpecificResource ; oa:hasSource article:aid-2024 ;
      oa:hasSelector evidence:e13\#quote, evidence:e13\#position .
  evidence:e13\#quote a oa:TextQuoteSelector ; oa:exact "Britain delivered missiles to Ukraine." .
  evidence:e13\#position a oa:TextPositionSelector ; oa:start 53 ; oa:end 91 .
}

<https://w3id.org/alignkg/graph/article/threat-2025> {
  article:threat-2025 a schema:NewsArticle ; schema:identifier "threat-2025" ;
      schema:headline "A threat" ; schema:url <https://example.org/threat-2025> ;
      schema:datePublished "2025-07-10"^^xsd:date ;
      schema:publisher article:threat-2025\#publisher ;
      schema:text "Iran threatened the United States with retaliation." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000009" .
  article:threat-2025\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e14 a ak:Evidence, oa:Annotation ; ak:supports fact:f13 ; oa:hasBody fact:f13 ;
      ak:article article:threat-2025 ;
      ak:sentence "Iran threatened the United States with retaliation." ; ak:hedged false ;
      oa:hasTarget evidence:e14\#target ; prov:wasDerivedFrom article:threat-2025 ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e14\#target a oa:SpecificResource ; oa:hasSource article:threat-2025 ;
      oa:hasSelector evidence:e14\#quote, evidence:e14\#position .
  evidence:e14\#quote a oa:TextQuoteSelector ; oa:exact "Iran threatened the United States with retaliation." .
  evidence:e14\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 51 .
}

<https://w3id.org/alignkg/graph/article/undated> {
  article:undated a schema:NewsArticle ; schema:identifier "undated" ;
      schema:headline "Undated" ; schema:url <https://example.org/undated> ;
      schema:publisher article:undated\#publisher ;
      schema:text "Iran sold goods to China." ;
      ak:textHash "0000000000000000000000000000000000000000000000000000000000000010" .
  article:undated\#publisher a schema:Organization ; schema:name "Example Wire" .
  evidence:e15 a ak:Evidence, oa:Annotation ; ak:supports fact:f14 ; oa:hasBody fact:f14 ;
      ak:article article:undated ;
      ak:sentence "Iran sold goods to China." ; ak:hedged false ;
      oa:hasTarget evidence:e15\#target ; prov:wasDerivedFrom article:undated ;
      prov:wasGeneratedBy activity:extractor\/0.1.0 .
  evidence:e15\#target a oa:SpecificResource ; oa:hasSource article:undated ;
      oa:hasSelector evidence:e15\#quote, evidence:e15\#position .
  evidence:e15\#quote a oa:TextQuoteSelector ; oa:exact "Iran sold goods to China." .
  evidence:e15\#position a oa:TextPositionSelector ; oa:start 0 ; oa:end 25 .
}
"""  # noqa: E501 - article texts are single lines, as the offsets count them


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    store.load(input=DATASET, format=RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def run(store, gazetteer):
    """Return a function: pattern query -> decoded rows (dicts), as the store gives them."""

    def run_query(text: str) -> list[dict]:
        compiled = compile_pattern(text, gazetteer)
        solutions = store.query(compiled.sparql, use_default_graph_as_union=True)
        return [compiled.decode(s) for s in solutions]

    return run_query


def facts(rows, *columns):
    """The rows as sorted tuples of the given columns, fact IRIs shortened to their ids."""
    def short(value):
        return value.removeprefix(FACT).removeprefix(EVIDENCE) if isinstance(value, str) else value
    return sorted(tuple(short(row[c]) for c in columns) for row in rows)


def test_compiler_dataset_offsets_point_at_the_sentences(store):
    rows = store.query("""
        PREFIX ak: <https://w3id.org/alignkg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX schema: <https://schema.org/>
        SELECT ?sentence ?text ?start ?end WHERE {
          ?ev ak:sentence ?sentence ; ak:article ?a ; oa:hasTarget/oa:hasSelector ?p .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . ?a schema:text ?text }""",
                       use_default_graph_as_union=True)
    checked = 0
    for row in rows:
        start, end = int(row["start"].value), int(row["end"].value)
        assert row["text"].value[start:end] == row["sentence"].value
        checked += 1
    assert checked == 15


def test_compiler_conjunction_joins_on_the_shared_variable(run):
    rows = run("?x arms_transfer IRN . ?x condemnation USA")
    # RUS: the Iran-Russia drone deal is undirected, so it reads both ways; RUS condemned the US.
    assert facts(rows, "x", "_fact1", "_type1", "_fact2", "_type2") == [
        ("RUS", "f02", "arms_transfer", "f06", "condemnation")]


def test_compiler_directed_fact_matches_one_way_only(run):
    assert facts(run("?x arms_transfer RUS"), "x", "_fact1") == [("IRN", "f02"), ("PRK", "f01")]
    # PRK -> RUS is directed: RUS does not supply PRK.
    assert facts(run("?x arms_transfer PRK"), "x") == []


def test_compiler_undirected_fact_matches_both_ways(run):
    assert facts(run("RUS -[energy_trade]-> ?y"), "y", "_fact1") == [("CHN", "f03"), ("IND", "f04")]
    assert facts(run("CHN -[energy_trade]-> ?y"), "y") == [("RUS",)]
    assert facts(run("IND -[energy_trade]-> ?y"), "y") == []


def test_compiler_since_keeps_facts_last_seen_on_or_after(run):
    assert facts(run("RUS -[energy_trade]-> ?y since 2024-01-01"), "y") == [("CHN",)]
    assert facts(run("RUS -[energy_trade]-> ?y since 2024-03-01"), "y") == [("CHN",)]
    assert facts(run("RUS -[energy_trade]-> ?y since 2024-03-02"), "y") == []


def test_compiler_symmetric_type_matches_either_orientation(run):
    assert facts(run("?a alliance ?b"), "a", "b", "_fact1") == [("PRK", "RUS", "f05"), ("RUS", "PRK", "f05")]
    assert facts(run("RUS alliance ?x"), "x") == [("PRK",)]
    assert facts(run("?x alliance RUS"), "x") == [("PRK",)]


def test_compiler_any_edge_with_until(run):
    assert facts(run("IRN -[any]-> ?y"), "y", "_type1") == [
        ("CHN", "trade"), ("RUS", "arms_transfer"), ("USA", "condemnation"), ("USA", "threat")]
    # until keeps facts first seen on or before the date; the undated trade fact drops out.
    assert facts(run("IRN -[any]-> ?y until 2025-06-30"), "y", "_type1") == [
        ("RUS", "arms_transfer"), ("USA", "condemnation")]


def test_compiler_any_edge_reads_symmetric_and_undirected_facts_backwards(run):
    assert facts(run('"the Kremlin" -[any]-> ?y'), "y", "_type1") == [
        ("CHN", "energy_trade"), ("IND", "energy_trade"), ("IRN", "arms_transfer"), ("PRK", "alliance"),
        ("USA", "condemnation")]


def test_compiler_hedged_filters_on_the_fact(run):
    assert facts(run('?x military_strike "Iran" hedged false'), "x") == [("USA",)]
    assert facts(run('?x military_strike "Iran" hedged true'), "x") == [("ISR",)]
    assert facts(run('?x military_strike "Iran"'), "x") == [("ISR",), ("USA",)]


def test_compiler_with_evidence_gives_one_row_per_piece_of_evidence(run):
    rows = run("?x arms_transfer RUS with evidence")
    assert facts(rows, "x", "_fact1", "_evidence1", "_article1", "_start1", "_end1", "_published1") == [
        ("IRN", "f02", "e04", "drones-2022", 0, 40, dt.date(2022, 10, 20)),
        ("PRK", "f01", "e01", "summit-2023", 45, 103, dt.date(2023, 9, 13)),
        ("PRK", "f01", "e02", "shells-2024", 0, 42, dt.date(2024, 6, 20)),
    ]
    sentences = {row["_evidence1"].removeprefix(EVIDENCE): row["_sentence1"] for row in rows}
    assert sentences["e01"] == "North Korea agreed to supply Russia with artillery shells."


def test_compiler_with_evidence_keeps_undated_articles(run):
    rows = run("IRN trade ?y with evidence")
    assert facts(rows, "y", "_article1", "_published1") == [("CHN", "undated", None)]


def test_compiler_edge_alternatives(run):
    assert facts(run("?x arms_transfer|military_support UKR"), "x", "_type1") == [
        ("GBR", "arms_transfer"), ("USA", "military_support")]


def test_compiler_quad_class_filter(run):
    assert facts(run("?x [material_conflict] IRN"), "x", "_fact1") == [
        ("ISR", "f08"), ("USA", "f07"), ("USA", "f09")]
    assert facts(run("?x [verbal_conflict] USA"), "x", "_type1") == [
        ("IRN", "condemnation"), ("IRN", "threat"), ("RUS", "condemnation")]


def test_compiler_quad_class_with_a_symmetric_member_reads_it_backwards(run):
    # material_cooperation holds alliance (symmetric) and arms_transfer (directed unless stated).
    assert facts(run("RUS [material_cooperation] ?y"), "y", "_type1") == [
        ("CHN", "energy_trade"), ("IND", "energy_trade"), ("IRN", "arms_transfer"), ("PRK", "alliance")]


def test_compiler_negation_removes_matches(run):
    assert facts(run("?x arms_transfer RUS . not ?x condemnation USA"), "x") == [("PRK",)]


def test_compiler_modifiers_also_decide_which_facts_negation_sees(run):
    # Iran's condemnation of the US was first seen after the cut-off, so it does not count.
    assert facts(run("?x arms_transfer RUS . not ?x condemnation USA until 2024-12-31"), "x") == [
        ("IRN",), ("PRK",)]


def test_compiler_negated_pattern_may_use_its_own_variables(run):
    # states that supply arms to someone and have condemned nobody (IRN and RUS condemned the US)
    assert facts(run("?x arms_transfer ?y . not ?x condemnation ?z"), "x", "y") == [
        ("GBR", "UKR"), ("PRK", "RUS")]


def test_compiler_order_by_and_limit(run):
    assert [r["x"] for r in run("?x arms_transfer RUS order by ?x")] == ["IRN", "PRK"]
    assert [r["x"] for r in run("?x arms_transfer RUS order by ?x desc")] == ["PRK", "IRN"]
    assert [r["x"] for r in run("?x arms_transfer RUS order by ?x limit 1")] == ["IRN"]
    assert len(run("?x [material_conflict] IRN limit 2")) == 2


def test_compiler_order_by_several_keys(run):
    rows = run("?x [verbal_conflict] ?y order by ?y desc, ?x")
    assert [(r["x"], r["y"]) for r in rows][:3] == [("IRN", "USA"), ("IRN", "USA"), ("RUS", "USA")]


def test_compiler_constant_pattern_asks_whether_the_fact_exists(run):
    assert facts(run("PRK arms_transfer RUS"), "_fact1") == [("f01",)]
    assert run("RUS arms_transfer PRK") == []


def test_compiler_cycle_through_two_patterns(run):
    assert facts(run("?x arms_transfer ?y . ?y alliance ?x"), "x", "y") == [("PRK", "RUS")]


def test_compiler_names_and_aliases_resolve_like_codes(run):
    expected = run("?x arms_transfer RUS")
    assert run("?x arms_transfer Russia") == expected
    assert run('?x arms_transfer "the Kremlin"') == expected
    assert facts(run('"North Korea" alliance ?x'), "x") == [("RUS",)]


def test_compiler_backward_arrow_equals_plain_pattern(run):
    assert run("RUS <-[arms_transfer]- ?x") == run("?x arms_transfer RUS")


def test_compiler_columns_and_flags(gazetteer):
    compiled = compile_pattern("?x arms_transfer ?y . not ?y sanction ?z with evidence", gazetteer)
    assert compiled.with_evidence is True
    assert compiled.variables == ["x", "y", "_fact1", "_type1", "_evidence1", "_sentence1", "_article1",
                                  "_start1", "_end1", "_published1"]
    assert compiled.sparql.splitlines()[4] == "SELECT DISTINCT ?" + " ?".join(compiled.variables)


def test_compiler_uses_no_graph_clause_and_selects_distinct(gazetteer):
    sparql = compile_pattern("?x arms_transfer IRN . not ?x alliance ?y", gazetteer).sparql
    assert "GRAPH" not in sparql
    assert "SELECT DISTINCT" in sparql
    assert "FILTER NOT EXISTS {" in sparql


def test_compiler_symmetric_type_needs_no_direction_check(gazetteer):
    assert "ak:directed" not in compile_pattern("?a alliance ?b", gazetteer).sparql
    assert "ak:directed false" in compile_pattern("?a sanction ?b", gazetteer).sparql


def test_compiler_refuses_unresolved_states():
    with pytest.raises(InvalidInputError, match="not resolved"):
        compile_query(parse("?x trade IRN"))


def test_compiler_unknown_node_raises():
    query = Query((Pattern(Variable("x"), "trade", StateTerm("IRN", "IRN")),))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="no method for str"):
        compile_query(query)


def test_compiler_builds_from_hand_made_trees():
    from alignkg.graph.query import EdgeTypes

    query = Query((Pattern(Variable("x"), EdgeTypes((EdgeType.TRADE,)), StateTerm("IRN", "IRN")),), limit=3)
    compiled = compile_query(query)
    assert compiled.variables == ["x", "_fact1", "_type1"]
    assert compiled.sparql.endswith("LIMIT 3")
