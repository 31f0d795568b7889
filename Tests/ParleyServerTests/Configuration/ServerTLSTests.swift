import Crypto
import Foundation
import NIOSSL
import ParleyServer
import ParleyTestSupport
import SwiftASN1
import Testing
import X509

/// HTTPS, WSS and TLS lines with a certificate made for the test.
@Suite(.timeLimit(.minutes(10))) struct ServerTLSTests {
    /// A self-signed certificate for `localhost` and its key, as PEM files in `folder`.
    static func certificate(in folder: TemporaryFolder) throws -> (
        certificate: String, key: String, root: NIOSSLCertificate
    ) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("localhost") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(3_600), issuer: name,
            subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                SubjectAlternativeNames([.dnsName("localhost")])
            }, issuerPrivateKey: .init(key))
        let pem = try certificate.serializeAsPEM().pemString
        try folder.write("cert.pem", pem)
        try folder.write("key.pem", key.pemRepresentation)
        return (
            folder.file("cert.pem"), folder.file("key.pem"), try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem)
        )
    }

    @Test func everyPortSpeaksTLSWithTheGivenCertificate() async throws {
        let folder = try TemporaryFolder()
        let (certificate, key, root) = try Self.certificate(in: folder)
        let server = try await TestServer.start { configuration in
            configuration.tlsCertificate = certificate
            configuration.tlsKey = key
        }
        let https = try await TLSExchange.send(
            "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", port: server.ports.http,
            trusting: root
        ) { $0.contains("\r\n\r\n{") && $0.hasSuffix("}") }
        #expect(https.hasPrefix("HTTP/1.1 200 OK"))
        #expect(https.lowercased().contains("strict-transport-security: max-age=31536000"))
        let line = try await TLSExchange.send("hello\n", port: server.ports.line, trusting: root) {
            $0.components(separatedBy: "\n").count > 2
        }
        #expect(line.hasPrefix("parley> conversation "))
        // A client speaking plain HTTP to the TLS port gets no answer it could read as HTTP.
        let plain = try? await HTTPExchange.send("GET", "/health", port: server.ports.http)
        #expect(plain?.status != 200)
        try await server.stop()
    }

    @Test func aCertificateWithoutItsKeyIsAClearError() throws {
        var configuration = ServerConfiguration()
        configuration.tlsCertificate = "/nonexistent/cert.pem"
        #expect(throws: ServerConfigurationError.self) { try ServerTLS.configuration(configuration) }
        configuration.tlsKey = "/nonexistent/key.pem"
        #expect(throws: ServerConfigurationError.self) { try ServerTLS.configuration(configuration) }
    }
}
