-- The demo city's street network (server/demo/streets.ts): junctions, named streets drawn by the offline basemap,
-- and the street segments between junctions that routing walks. Removing the demo empties all three.
CREATE TABLE street_nodes (
  id  INTEGER PRIMARY KEY,
  lng REAL NOT NULL,
  lat REAL NOT NULL
) STRICT;

CREATE TABLE streets (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  class    TEXT NOT NULL CHECK (class IN ('primary', 'secondary', 'residential')),
  -- A GeoJSON LineString through the street's junctions, in order.
  geometry TEXT NOT NULL CHECK (json_valid(geometry))
) STRICT;

CREATE TABLE street_edges (
  id        INTEGER PRIMARY KEY,
  street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
  from_node INTEGER NOT NULL REFERENCES street_nodes(id) ON DELETE CASCADE,
  to_node   INTEGER NOT NULL REFERENCES street_nodes(id) ON DELETE CASCADE,
  length_m  REAL NOT NULL CHECK (length_m > 0)
) STRICT;
CREATE INDEX street_edges_from ON street_edges(from_node);
CREATE INDEX street_edges_to ON street_edges(to_node);
CREATE INDEX street_edges_street ON street_edges(street_id);
