"""Ingest of many articles: extraction in several processes or on a Dask cluster, writes in batches.

``pipeline`` orchestrates (skip what is stored, extract, write a batch per transaction, report);
``workers`` is what runs in an extraction process; ``executors`` starts the processes or
connects to the cluster. The writes go through :meth:`alignkg.graph.kg.KnowledgeGraph.ingest_batch`:
this package never touches the store itself.
"""
