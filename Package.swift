// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["DossierCLI"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
        .executable(name: "dossier-fuzz", targets: ["DossierFuzz"]),
        .executable(name: "dossier-bench", targets: ["DossierBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // zlib, to pack the search index's files (raw deflate; search.js unpacks them).
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "CSystem"),
        .target(
            name: "DossierKit",
            dependencies: [
                "CCmark",
                "CSystem",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "DossierServe",
            dependencies: [
                "DossierKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "DossierCLI",
            dependencies: [
                "DossierKit",
                "DossierServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "DossierFuzz",
            dependencies: ["DossierKit", "CSystem"]
        ),
        .executableTarget(name: "DossierBench", dependencies: ["DossierKit"]),
        .testTarget(
            name: "DossierKitTests",
            dependencies: [
                "DossierKit", "DossierCLI", "DossierServe", "CCmark",
                // Only to check that our template engine writes what swift-mustache writes.
                .product(name: "Mustache", package: "swift-mustache"),
                // To read the CI recipes out of the README.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
