"""The research notebooks' cross-region analysis: tables, changes, segments, sensitivity, peers."""
