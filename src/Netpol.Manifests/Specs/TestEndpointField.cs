namespace Netpol.Manifests.Specs;

/// <summary>
/// A well-formed endpoint of a test that was left out for another mistake, with its field path
/// (<c>tests[3].to</c>): checking that it exists lets one run report every problem of the spec.
/// </summary>
public sealed record TestEndpointField(string Field, TestEndpoint Endpoint);
