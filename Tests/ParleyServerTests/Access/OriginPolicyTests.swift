import Testing

@testable import ParleyServer

@Suite struct OriginPolicyTests {
    let policy = OriginPolicy(allowed: ["https://Shop.example.com/"])

    func admits(_ origin: String?, host: String = "support.example.com", sameOriginOnly: Bool = false) -> Bool {
        policy.admits(origin: origin, authority: host, sameOriginOnly: sameOriginOnly)
    }

    @Test func theServersOwnPagesTheShopsSitesAndNonBrowsersAreAdmitted() {
        #expect(admits(nil))
        #expect(admits("ws://127.0.0.1"))
        #expect(admits("https://support.example.com"))
        #expect(admits("http://localhost:8080", host: "localhost:8080"))
        #expect(admits("https://support.example.com", host: "support.example.com:443"))
        #expect(admits("https://shop.example.com"))
    }

    @Test func otherSitesAndLookalikesAreNot() {
        for origin in [
            "https://evil.example", "https://shop.example.com.evil.example", "http://shop.example.com", "null",
            "https://support.example.com:8443",
        ] {
            #expect(!admits(origin), "\(origin)")
        }
        // The console's WebSocket takes its own pages only.
        #expect(!admits("https://shop.example.com", sameOriginOnly: true))
        #expect(admits("https://support.example.com", sameOriginOnly: true))
    }
}
