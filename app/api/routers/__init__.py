"""One router per resource: health, states, facts, articles, sparql, query, export, analysis; web (the page)."""
