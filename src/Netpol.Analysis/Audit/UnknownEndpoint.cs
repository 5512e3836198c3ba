namespace Netpol.Analysis.Audit;

/// <summary>An in-cluster endpoint of the flow log that matches nothing in the manifests: its flows are not evaluated.</summary>
/// <param name="Endpoint">The endpoint as the log names it: <c>ns/pod</c>, <c>ns/deploy/web</c>, an IP.</param>
/// <param name="Flows">The flows it sent or received.</param>
/// <param name="Reason">Why it matches nothing.</param>
public sealed record UnknownEndpoint(string Endpoint, long Flows, string Reason);
