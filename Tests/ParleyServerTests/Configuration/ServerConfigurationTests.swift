import ParleyServer
import ParleyTestSupport
import Testing

@Suite struct ServerConfigurationTests {
    @Test func flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("parley.yml", "port: 9000\nline_port: 9001\nstore: shop.sqlite\nburst: 5\n")
        var configuration = try ServerConfiguration.load(
            file: file, environment: ["PARLEY_PORT": "9100", "PARLEY_MAX_CONNECTIONS": "50", "HOME": "/root"])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 9100)
        #expect(configuration.linePort == 9001)
        #expect(configuration.store == "shop.sqlite")
        #expect(configuration.limits.burst == 5)
        #expect(configuration.limits.maxConnections == 50)
        try configuration.set(.port, "9200", source: "--port")
        #expect(configuration.port == 9200)
        #expect(
            try ServerConfiguration.load(file: folder.file("missing.yml"), environment: [:]) == ServerConfiguration())
    }

    @Test func badSettingsNameWhereTheyCameFrom() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("parley.yml", "port: 9000\nprot: 9001\n")
        #expect(throws: ServerConfigurationError.self) { try ServerConfiguration.load(file: file, environment: [:]) }
        do {
            _ = try ServerConfiguration.load(file: file, environment: [:])
        } catch {
            #expect(error.description.hasPrefix("\(file):2: unknown setting 'prot'"))
        }
        do {
            _ = try ServerConfiguration.load(file: folder.file("none.yml"), environment: ["PARLEY_PORT": "eighty"])
            Issue.record("a port that is no number was taken")
        } catch {
            #expect(error.description == "PARLEY_PORT: 'port' must be a whole number from 0 to 65535, not 'eighty'")
        }
    }
}
