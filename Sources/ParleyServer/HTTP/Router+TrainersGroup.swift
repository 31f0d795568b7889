internal import Hummingbird

extension Router where Context == ServerRequestContext {
    /// The routes under `path` for trainers and admins (`Permission.train`):
    /// signed in with an API token (`Authorization: Bearer`) or the agent
    /// console's session cookie; anyone else is answered 401 or 403, and the
    /// refusal is audited. The dashboard, the evaluation page, the review
    /// inbox and the reload share it.
    func trainersGroup(_ path: RouterPath, service: ChatService) -> RouterGroup<ServerRequestContext> {
        group(path)
            .add(middleware: BearerTokenAuthenticator(store: service.store, audit: service.audit))
            .add(middleware: ConsoleSessionAuthenticator(service: service))
            .add(middleware: PermissionMiddleware(permission: .train, audit: service.audit))
    }
}
