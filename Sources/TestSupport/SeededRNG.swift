import Imaging

/// The one seeded generator for tests (SplitMix64, from Imaging's synthesis code), so a failing
/// case reproduces on every machine and no test target keeps its own copy.
public typealias SeededRNG = SeededRandom
