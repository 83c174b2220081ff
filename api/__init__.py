"""The read-only accountability-chain API over a graph store."""
