"""The HTTP service of alignkg: FastAPI routers over :class:`alignkg.graph.KnowledgeGraph`.

``create_app(settings)`` in :mod:`alignkg.app.api.main` builds the application; ``alignkg serve``
runs it on uvicorn. Handlers parse parameters, call one ``KnowledgeGraph`` method and
return a schema; every rule of the domain lives in ``graph``.
"""
