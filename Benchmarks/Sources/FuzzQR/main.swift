// fuzz-qr: seeded random/mutation fuzzing of the QR reader, and the symbol decoder's speed.
//
//   swift run -c release --package-path Benchmarks fuzz-qr codewords 1000000 [seed]
//   swift run -c release --package-path Benchmarks fuzz-qr symbol-speed
//
// Every input is derived from (seed, index), so a reported failing index reproduces exactly.
// Modes are registered below; the image half (binarizer/detector) adds its `images` mode here
// as one more entry, in its own file (ImageFuzzer.swift).
#if canImport(Glibc)
import Glibc
#endif

let modes: [(name: String, usage: String, run: ([String]) -> Int32)] = [
    ("codewords", "codewords N [seed] — module matrices, codeword streams and RS blocks", CodewordFuzzer.main),
    ("symbol-speed", "symbol-speed — SymbolDecoder and QREncoder timings (release)", SymbolSpeed.main),
    ("images", "images N [seed] [first-index] — small random/mutated images through QRDecoder", ImageFuzzer.main),
]

let args = Array(CommandLine.arguments.dropFirst())
guard let name = args.first, let mode = modes.first(where: { $0.name == name }) else {
    print("usage: fuzz-qr MODE ...")
    for m in modes { print("  " + m.usage) }
    exit(64)
}
exit(mode.run(Array(args.dropFirst())))
