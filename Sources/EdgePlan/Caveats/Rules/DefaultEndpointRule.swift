import EdgePlanCore

/// API Gateway's default execute-api endpoint stays reachable beside a custom domain.
struct DefaultEndpointRule: CaveatRule {
    let id = "apigw-default-endpoint"
    let title = "The API's default execute-api endpoint stays open beside the custom domain"
    let when = "the option goes through API Gateway"
    let reference = "Custom domain name for public REST APIs in API Gateway - Amazon API Gateway"

    func evaluate(_ f: OptionFacts) -> Caveat? {
        guard f.topology.has(.apiGatewayREST) || f.topology.has(.apiGatewayHTTP) else { return nil }
        return caveat(.info,
            detail: "Clients can call the API at its generated execute-api address as well as at the custom domain, which skips anything attached only to the domain (base path mappings, mutual TLS).",
            mitigation: "Disable the default endpoint (DisableExecuteApiEndpoint) once the custom domain is live.")
    }
}
