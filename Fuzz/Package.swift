// swift-tools-version: 6.0

import PackageDescription

/// libFuzzer targets for Parley (`scripts/fuzz.sh TARGET SECONDS` builds and runs
/// them): a package of its own, so that Parley's own build never links libFuzzer.
let package = Package(
    name: "ParleyFuzz",
    dependencies: [.package(name: "Parley", path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "parley-fuzz",
            dependencies: ["CLibFuzzer", .product(name: "ParleyFuzzing", package: "Parley")]
        ),
    ]
)
