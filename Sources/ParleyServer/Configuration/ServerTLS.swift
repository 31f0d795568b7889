public import NIOSSL

/// The server's TLS (swift-nio-ssl): the certificate chain and key of
/// `tls_cert` and `tls_key`, for HTTPS/WSS and the line port alike.
public enum ServerTLS {
    /// The TLS configuration of `configuration`; nil when it names no
    /// certificate. Throws when only one of the two is given or a file is not PEM.
    public static func configuration(_ configuration: ServerConfiguration) throws -> TLSConfiguration? {
        switch (configuration.tlsCertificate, configuration.tlsKey) {
        case (nil, nil):
            return nil
        case (let certificate?, let key?):
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(certificate).map {
                    NIOSSLCertificateSource.certificate($0)
                }
                let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
                return TLSConfiguration.makeServerConfiguration(
                    certificateChain: chain, privateKey: .privateKey(privateKey))
            } catch {
                throw ServerConfigurationError.invalid(
                    source: "tls_cert/tls_key", problem: "cannot read the certificate or key as PEM: \(error)")
            }
        default:
            throw ServerConfigurationError.invalid(
                source: "tls_cert/tls_key", problem: "give both the certificate (--tls-cert) and its key (--tls-key)")
        }
    }
}
