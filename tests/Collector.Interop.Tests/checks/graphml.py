"""usage: python3 graphml.py FILE.graphml — networkx (Debian's python3-networkx) reads the graph; prints its size and
the attribute names and Python types it found, as JSON."""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
node_attrs = sorted({(k, type(v).__name__) for _, d in g.nodes(data=True) for k, v in d.items()})
edge_attrs = sorted({(k, type(v).__name__) for _, _, d in g.edges(data=True) for k, v in d.items()})
print(json.dumps({"networkx": nx.__version__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                  "directed": g.is_directed(), "nodeAttributes": node_attrs, "edgeAttributes": edge_attrs}))
